// A Kubernetes container's `envFrom`: every entry of a ConfigMap (or Secret) becomes one of its
// environment variables, its name prefixed by the item's `prefix`. When a name comes from several
// sources the last source wins, and the container's own `env` wins over all of them (the
// `EnvFromSource` API documentation). A broker container configured this way keeps its durability
// settings in the ConfigMap; a Spring Boot container may too.
//
// A source in the same file is read as part of the container: its entries are the container's
// variables, judged and fixed where they are written. A source the file does not hold may set any
// variable, so what the container leaves unset is not judged (`UnitFacts.envElsewhere`).

import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import type { ConfigUnit } from '../model.js';
import { asWritten, envEntries, type ComposeSettingExt, type ComposeUnitExt } from './compose.js';
import type { EnvVariable } from './springEnv.js';
import { asMap, getEntry, hasTemplateExpression, scalarString, type YamlDoc } from './yamlCommon.js';

/** The setting ext of a variable a container takes from a ConfigMap or Secret of the file. */
export interface EnvFromSettingExt extends ComposeSettingExt {
  /** The resource, as compose's editor edits a service's `environment` (its `data`, values strings). */
  source: ComposeUnitExt;
  /** The `envFrom` item's `prefix` (the entry's name is the variable's without it). */
  prefix: string;
  sourceKind: 'ConfigMap' | 'Secret';
  /** `ConfigMap kafka-env`. */
  sourceLabel: string;
  /** The entries of the file's resources an `env` item's `valueFrom` names (shared by the file's readings): not to be removed. */
  referenced: ReadonlySet<object>;
}

export function envFromExt(ext: unknown): EnvFromSettingExt | undefined {
  const e = ext as EnvFromSettingExt | undefined;
  return e && e.kind === 'compose' && e.source ? e : undefined;
}

/** A top-level `kind: ConfigMap` or `kind: Secret` line. */
const RESOURCE_KIND = /^kind:[ \t]*["']?(?:ConfigMap|Secret)["']?[ \t]*(?:#[^\r\n]*)?\r?$/m;

interface SourceDoc {
  docIndex: number;
  doc: YamlDoc;
  root: YAMLMap;
  namespace?: string;
}

/** The ConfigMap and Secret documents of a file, by kind and name; built on first use. */
export class EnvSources {
  private byName?: Map<string, SourceDoc[]>;
  /** Documents some container of the file reads through `envFrom`. */
  readonly used = new Set<number>();
  /** Entries (pairs) some container's `valueFrom` names. */
  readonly referenced = new Set<object>();
  /** Each resource's entries as variables without a prefix, read once for all the `valueFrom`s that name them. */
  readonly entries = new Map<number, EnvVariable[]>();

  constructor(
    private readonly text: string,
    private readonly docs: YamlDoc[],
  ) {}

  private index(): Map<string, SourceDoc[]> {
    if (this.byName) return this.byName;
    const m = new Map<string, SourceDoc[]>();
    this.docs.forEach((doc, docIndex) => {
      // By its text first: an editor lets the nodes of documents it reuses go (incremental.ts),
      // and reading every document's again to find the few ConfigMaps would cost each keystroke.
      const r = doc.range;
      if (!r || !RESOURCE_KIND.test(this.text.slice(r[0], r[2]))) return;
      const root = asMap(doc.contents as Node | null);
      if (!root) return;
      const kind = scalarString(this.text, getEntry(root, 'kind', doc)?.value)?.trim();
      if (kind !== 'ConfigMap' && kind !== 'Secret') return;
      const meta = asMap(getEntry(root, 'metadata', doc)?.value);
      const name = scalarString(this.text, getEntry(meta, 'name', doc)?.value)?.trim();
      if (!name) return;
      const namespace = scalarString(this.text, getEntry(meta, 'namespace', doc)?.value)?.trim() || undefined;
      const k = `${kind}\u0000${name}`;
      const list = m.get(k) ?? [];
      list.push({ docIndex, doc, root, ...(namespace ? { namespace } : {}) });
      m.set(k, list);
    });
    return (this.byName = m);
  }

  /**
   * The resource a reference names, seen from a workload in `namespace`: the one of that
   * namespace, else the only one of that name when either side leaves its namespace to
   * `kubectl apply -n`. Undefined when the file holds none (or cannot tell which).
   */
  find(kind: 'ConfigMap' | 'Secret', name: string, namespace: string | undefined): SourceDoc | undefined {
    const all = this.index().get(`${kind}\u0000${name}`);
    if (!all) return undefined;
    const same = all.filter((s) => s.namespace === namespace);
    if (same.length) return same[same.length - 1];
    const loose = all.filter((s) => s.namespace === undefined || namespace === undefined);
    return loose.length === 1 ? loose[0] : undefined;
  }
}

/** What a container's `envFrom` gives it. */
export interface EnvFromRead {
  /** The variables of the sources the file holds, in the order Kubernetes applies them. */
  vars: EnvVariable[];
  /** Sources the file holds: `ConfigMap kafka-env`, `ConfigMap extra (prefix KAFKA_)`. */
  seen: string[];
  /** Sources it does not hold (or whose name or prefix a template writes). */
  unseen: string[];
}

/** The variables a container takes in through `envFrom`. */
export function readEnvFrom(text: string, doc: YamlDoc, container: YAMLMap, namespace: string | undefined, sources: EnvSources): EnvFromRead | undefined {
  const list = getEntry(container, 'envFrom', doc)?.value;
  if (!isSeq(list) || !list.items.length) return undefined;
  const out: EnvFromRead = { vars: [], seen: [], unseen: [] };
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const ref = (['configMapRef', 'secretRef'] as const).find((k) => getEntry(item, k, doc));
    if (!ref) continue;
    const kind = ref === 'configMapRef' ? 'ConfigMap' : 'Secret';
    const name = scalarString(text, getEntry(asMap(getEntry(item, ref, doc)?.value), 'name', doc)?.value)?.trim();
    const prefixNode = getEntry(item, 'prefix', doc)?.value;
    const prefix = (isScalar(prefixNode) ? scalarString(text, prefixNode) : undefined)?.trim() ?? '';
    const label = `${kind} ${name ?? '?'}${prefix ? ` (prefix ${prefix})` : ''}`;
    const source = name && !hasTemplateExpression(name) && !hasTemplateExpression(prefix) ? sources.find(kind, name, namespace) : undefined;
    if (!source) {
      out.unseen.push(`${label} (envFrom)`);
      continue;
    }
    sources.used.add(source.docIndex);
    out.seen.push(label);
    out.vars.push(...sourceVariables(text, source, kind, label, prefix, sources.referenced));
  }
  return out;
}

/** A ConfigMap's `data` (a Secret's `stringData`, then its base64 `data`, not judged) as variables. */
function sourceVariables(text: string, source: SourceDoc, kind: 'ConfigMap' | 'Secret', label: string, prefix: string, referenced: Set<object>): EnvVariable[] {
  const out: EnvVariable[] = [];
  const { doc, root, docIndex } = source;
  const maps = kind === 'ConfigMap' ? ['data'] : ['data', 'stringData'];
  for (const key of maps) {
    const map = asMap(getEntry(root, key, doc)?.value);
    if (!map) continue;
    const unitExt: ComposeUnitExt = { kind: 'compose', docIndex, doc, service: root, envKey: key, strings: true };
    const opaque = kind === 'Secret' && key === 'data';
    for (const e of envEntries(text, doc, map, undefined, asWritten)) {
      const base = e.ext as ComposeSettingExt;
      // A Secret's `data` is base64: the variable is there, its value is not read (nor rewritten).
      const ext: EnvFromSettingExt = { ...base, ...(opaque ? { read: undefined } : {}), source: unitExt, prefix, sourceKind: kind, sourceLabel: label, referenced };
      out.push({ ...e, name: prefix + e.name, ...(opaque ? { value: '', dynamic: true, placeholderDefault: false } : {}), ext });
    }
  }
  return out;
}

/**
 * The entry a `valueFrom.configMapKeyRef` (or `secretKeyRef`) names, when the file holds the
 * resource: the variable takes its value (a Secret's base64 `data` is there, its value not read).
 */
export function keyRefEntry(text: string, doc: YamlDoc, valueFrom: YAMLMap, namespace: string | undefined, sources: EnvSources): { variable: EnvVariable; label: string } | undefined {
  const ref = (['configMapKeyRef', 'secretKeyRef'] as const).find((k) => getEntry(valueFrom, k, doc));
  if (!ref) return undefined;
  const kind = ref === 'configMapKeyRef' ? 'ConfigMap' : 'Secret';
  const at = asMap(getEntry(valueFrom, ref, doc)?.value);
  const name = scalarString(text, getEntry(at, 'name', doc)?.value)?.trim();
  const key = scalarString(text, getEntry(at, 'key', doc)?.value)?.trim();
  if (!name || !key || hasTemplateExpression(name) || hasTemplateExpression(key)) return undefined;
  const source = sources.find(kind, name, namespace);
  if (!source) return undefined;
  const label = `${kind} ${name}`;
  let entries = sources.entries.get(source.docIndex);
  if (!entries) sources.entries.set(source.docIndex, (entries = sourceVariables(text, source, kind, label, '', sources.referenced)));
  // (The last entry of that key: stringData's over data's in a Secret.)
  const found = entries.filter((v) => v.name === key).pop();
  if (!found) return undefined;
  // (Not `used`: the resource's other entries are still its own, or another container's.)
  sources.referenced.add((found.ext as EnvFromSettingExt).node);
  return { variable: found, label };
}

/** The facts a unit gets from its container's `envFrom`. */
export function envFromFacts(read: EnvFromRead | undefined, keyRefs: string[] = []): Pick<ConfigUnit['facts'], 'envFrom' | 'envElsewhere'> {
  const seen = [...(read?.seen ?? []), ...keyRefs.filter((k) => !read?.seen.includes(k))];
  return { ...(seen.length ? { envFrom: seen } : {}), ...(read?.unseen.length ? { envElsewhere: read.unseen } : {}) };
}
