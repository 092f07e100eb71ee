// Strimzi custom resources (facts.md §9): `Kafka` (broker config in `spec.kafka.config`),
// `KafkaTopic` (`spec.replicas` is the topic's replication factor, `spec.config` its configs),
// `KafkaNodePool` (no settings: its `spec.replicas` is a broker count).

import { isScalar, isSeq } from 'yaml';
import type { Alias, Node, YAMLMap } from 'yaml';
import type { ClusterDefaults, ConfigUnit, Edit, Role, Setting, Span } from '../model.js';
import { effective } from '../model.js';
import { internSetting } from '../strings.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import { asMap, brokenYaml, contentEnd, entryPlaces, getEntry, hasTemplateExpression, keyQuote, mapEntries, nodeSpan, readScalar, scalarString, seqAsList, yaml11Bool, type MapEntry, type QuoteStyle, type ScalarRead, type YamlDoc } from './yamlCommon.js';
import { stringScalar } from './compose.js';
import { insertPath, quoteDouble, removeEntry, renderKey, renderScalar, replaceScalar } from './yamlEdit.js';

export interface StrimziSettingExt {
  kind: 'strimzi';
  /** How the key is quoted; the entry is found again by its key's offset (see SpringSettingExt). */
  keyQuote: QuoteStyle;
  read?: ScalarRead;
  via?: Alias;
}

export interface StrimziUnitExt {
  /** (`cfk-topic`: a Confluent for Kubernetes KafkaTopic, read and edited as a Strimzi one is: cfk.ts) */
  kind: 'strimzi-kafka' | 'strimzi-topic' | 'cfk-topic';
  docIndex: number;
  doc: YamlDoc;
}

function intValue(text: string, n: Node | null | undefined): number | undefined {
  const s = scalarString(text, n);
  return s !== undefined && /^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined;
}

function settingFrom(text: string, e: MapEntry, key: string, sourceKey: string, role: Role): Setting | undefined {
  const { keySpan, entrySpan, aliasSpan } = entryPlaces(text, e);
  let value: string;
  let rawValue: string;
  let valueSpan: Span;
  let dynamic = !!aliasSpan;
  let read: ScalarRead | undefined;
  if (isScalar(e.value)) {
    read = readScalar(text, e.value);
    value = read.quote === 'plain' ? yaml11Bool(read.value, true) ?? read.value : read.value;
    // `${provider:path:key}` is a Kafka config provider reference, resolved at runtime; `{{ }}` a
    // template expression (a Helm chart's resource), filled in when it is rendered.
    if (value.includes('${') || hasTemplateExpression(value)) dynamic = true;
    rawValue = read.raw;
    valueSpan = read.span;
  } else if (isSeq(e.value)) {
    const list = seqAsList(text, e.value);
    if (list === undefined) return undefined;
    value = list;
    valueSpan = { start: nodeSpan(e.value)?.start ?? keySpan.start, end: contentEnd(text, e.value) };
    rawValue = text.slice(valueSpan.start, valueSpan.end);
  } else return undefined;
  if (aliasSpan) {
    valueSpan = aliasSpan;
    rawValue = text.slice(aliasSpan.start, aliasSpan.end);
    read = undefined;
  }
  const ext: StrimziSettingExt = { kind: 'strimzi', keyQuote: keyQuote(e.key) };
  if (read) ext.read = read;
  if (e.via) ext.via = e.via;
  return internSetting({ key, sourceKey, role, value, rawValue, dynamic, keySpan, valueSpan, entrySpan, precedence: 1, ext });
}

function configSettings(text: string, doc: YamlDoc, config: YAMLMap | undefined, role: Role): Setting[] {
  if (!config) return [];
  const out: Setting[] = [];
  for (const e of mapEntries(config, doc)) {
    const s = settingFrom(text, e, e.keyText, e.keyText, role);
    if (s) out.push(s);
  }
  return out;
}

function keySpanOf(e: MapEntry | undefined): Span | undefined {
  return e ? nodeSpan(e.key) : undefined;
}

/**
 * What one Strimzi document says on its own: its resource, what the broker count of a cluster
 * needs from it, and its unit without the broker count (which crosses documents). Documents are
 * independent here, so an editor may reuse this for a document it did not touch (`moveStrimziDoc`).
 */
export interface StrimziDoc {
  kind: string;
  name?: string;
  cluster?: string;
  /** KafkaNodePool: whether it has the broker role, and its replicas. */
  pool?: { broker: boolean; replicas?: number };
  /** Kafka: node pools enabled by annotation, `spec.kafka.replicas` and `spec.kafka.version`. */
  kafka?: { poolsEnabled: boolean; replicas?: number; version?: string };
  /** Kafka or KafkaTopic: the unit, `facts.brokerCount` and `facts.kafkaVersion` left out. */
  unit?: ConfigUnit;
}

/** Reads one Strimzi document (an editor passes one that reuses earlier results). */
export type StrimziDocReader = (text: string, doc: YamlDoc, docIndex: number) => StrimziDoc | undefined;

/** The resource of one document: undefined when its root is not a map. */
export function readStrimziDoc(text: string, doc: YamlDoc, docIndex: number): StrimziDoc | undefined {
  const root = asMap(doc.contents as Node | null);
  if (!root) return undefined;
  const kind = scalarString(text, getEntry(root, 'kind', doc)?.value)?.trim() ?? '';
  const meta = asMap(getEntry(root, 'metadata', doc)?.value);
  const name = scalarString(text, getEntry(meta, 'name', doc)?.value);
  const labels = asMap(getEntry(meta, 'labels', doc)?.value);
  const cluster = scalarString(text, getEntry(labels, 'strimzi.io/cluster', doc)?.value);
  const out: StrimziDoc = { kind, ...(name ? { name } : {}), ...(cluster ? { cluster } : {}) };
  if (kind === 'KafkaNodePool') {
    const pspec = asMap(getEntry(root, 'spec', doc)?.value);
    const rolesNode = getEntry(pspec, 'roles', doc)?.value;
    const roles = isSeq(rolesNode) ? (seqAsList(text, rolesNode) ?? '').split(',') : [];
    const broker = roles.map((x) => x.trim()).includes('broker');
    const replicas = broker ? intValue(text, getEntry(pspec, 'replicas', doc)?.value) : undefined;
    out.pool = { broker, ...(replicas !== undefined ? { replicas } : {}) };
  } else if (kind === 'Kafka') {
    const specE = getEntry(root, 'spec', doc);
    const spec = asMap(specE?.value);
    const kafkaE = getEntry(spec, 'kafka', doc);
    const kafka = asMap(kafkaE?.value);
    const configE = getEntry(kafka, 'config', doc);
    const config = asMap(configE?.value);
    // With node pools enabled the operator ignores spec.kafka.replicas; pools in other files are unknown.
    const annotations = asMap(getEntry(meta, 'annotations', doc)?.value);
    const poolsEnabled = scalarString(text, getEntry(annotations, 'strimzi.io/node-pools', doc)?.value)?.trim() === 'enabled';
    const replicas = poolsEnabled ? undefined : intValue(text, getEntry(kafka, 'replicas', doc)?.value);
    // The broker version the operator deploys (it defaults to the operator's newest when unset).
    const version = scalarString(text, getEntry(kafka, 'version', doc)?.value)?.trim();
    out.kafka = { poolsEnabled, ...(replicas !== undefined ? { replicas } : {}), ...(version && VERSION.test(version) ? { version } : {}) };
    const anchor =
      keySpanOf(configE) ?? keySpanOf(kafkaE) ?? keySpanOf(specE) ?? nodeSpan(getEntry(root, 'kind', doc)?.value) ?? { start: 0, end: 0 };
    const ext: StrimziUnitExt = { kind: 'strimzi-kafka', docIndex, doc };
    out.unit = {
      id: `strimzi-kafka#${docIndex}:${name ?? ''}`,
      surface: 'strimzi-kafka',
      format: 'yaml',
      role: 'broker',
      client: 'broker',
      settings: configSettings(text, doc, config, 'broker'),
      anchor,
      span: nodeSpan(root) ?? anchor,
      facts: { roleEvidence: 'structure', ...(name !== undefined ? { resourceName: name } : {}) },
      ext,
    };
  } else if (kind === 'KafkaTopic') {
    out.unit = topicUnit(text, doc, docIndex, root, name, 'strimzi-topic');
  }
  return out;
}

/**
 * A topic resource's unit: `spec.replicas` as its replication factor and its topic configs (a
 * Strimzi `KafkaTopic`'s `spec.config`, a Confluent for Kubernetes one's `spec.configs`: cfk.ts).
 */
export function topicUnit(text: string, doc: YamlDoc, docIndex: number, root: YAMLMap, name: string | undefined, kind: 'strimzi-topic' | 'cfk-topic'): ConfigUnit {
  const specE = getEntry(root, 'spec', doc);
  const spec = asMap(specE?.value);
  const settings: Setting[] = [];
  const replicasE = getEntry(spec, 'replicas', doc);
  if (replicasE) {
    const s = settingFrom(text, replicasE, 'replication.factor', 'spec.replicas', 'topic');
    if (s) settings.push(s);
  }
  settings.push(...configSettings(text, doc, asMap(getEntry(spec, kind === 'cfk-topic' ? 'configs' : 'config', doc)?.value), 'topic'));
  settings.sort((a, b) => a.entrySpan.start - b.entrySpan.start);
  const anchor = keySpanOf(specE) ?? nodeSpan(getEntry(root, 'kind', doc)?.value) ?? { start: 0, end: 0 };
  const ext: StrimziUnitExt = { kind, docIndex, doc };
  return {
    id: `${kind}#${docIndex}:${name ?? ''}`,
    surface: kind,
    format: 'yaml',
    role: 'topic',
    client: 'broker',
    settings,
    anchor,
    span: nodeSpan(root) ?? anchor,
    facts: { roleEvidence: 'structure', ...(name !== undefined ? { resourceName: name } : {}) },
    ext,
  };
}

/**
 * Moves a resource read at another offset and index, in place (see moveSpringUnits): its spans
 * (`spans`, from unitSpans) by `delta`, id and index renumbered.
 */
export function moveStrimziDoc(d: StrimziDoc, spans: Span[], delta: number, docIndex: number): void {
  const u = d.unit;
  if (!u) return;
  for (const x of spans) {
    x.start += delta;
    x.end += delta;
  }
  const ue = u.ext as StrimziUnitExt;
  ue.docIndex = docIndex;
  u.id = `${ue.kind}#${docIndex}:${d.name ?? ''}`;
}

const VERSION = /^\d+\.\d+(\.\d+)?$/;

/** What a resource's unit learns from its cluster: the broker count and the Kafka version. */
interface ClusterFacts {
  brokerCount?: number;
  kafkaVersion?: { version: string; from: string };
  clusterDefaults?: ClusterDefaults;
}

/** The topic defaults a `Kafka` resource writes (see `UnitFacts.clusterDefaults`), undefined when none. */
function clusterDefaultsOf(unit: ConfigUnit, name: string): ClusterDefaults | undefined {
  let out: ClusterDefaults | undefined;
  for (const key of ['min.insync.replicas', 'default.replication.factor'] as const) {
    const s = effective(unit, key);
    const v = s && !s.dynamic ? s.value.trim() : '';
    if (!/^[0-9]+$/.test(v)) continue;
    (out ??= { from: `kafka/${name}` })[key] = v;
  }
  return out;
}

const sameDefaults = (a: ClusterDefaults | undefined, b: ClusterDefaults | undefined) =>
  a === b ||
  (!!a && !!b && a.from === b.from && a['min.insync.replicas'] === b['min.insync.replicas'] && a['default.replication.factor'] === b['default.replication.factor']);

function withClusterFacts(u: ConfigUnit, c: ClusterFacts): ConfigUnit {
  const { brokerCount, kafkaVersion, clusterDefaults } = c;
  if (brokerCount === undefined && kafkaVersion === undefined && clusterDefaults === undefined) return u;
  // The same unit while its facts and id are unchanged: an editor keeps resources from one
  // keystroke to the next, and cached findings are keyed by the facts object (engine/index.ts).
  const kept = counted.get(u);
  if (
    kept &&
    kept.facts.brokerCount === brokerCount &&
    kept.facts.kafkaVersion?.version === kafkaVersion?.version &&
    kept.facts.kafkaVersion?.from === kafkaVersion?.from &&
    sameDefaults(kept.facts.clusterDefaults, clusterDefaults) &&
    kept.id === u.id
  )
    return kept;
  const out: ConfigUnit = {
    id: u.id,
    surface: u.surface,
    format: u.format,
    role: u.role,
    client: u.client,
    settings: u.settings,
    anchor: u.anchor,
    span: u.span,
    facts: {
      ...u.facts,
      ...(brokerCount !== undefined ? { brokerCount } : {}),
      ...(kafkaVersion !== undefined ? { kafkaVersion } : {}),
      ...(clusterDefaults !== undefined ? { clusterDefaults } : {}),
    },
    ext: u.ext,
  };
  counted.set(u, out);
  return out;
}

const counted = new WeakMap<ConfigUnit, ConfigUnit>();

export function extractStrimzi(
  text: string,
  docs: YamlDoc[],
  isStrimzi: (i: number) => boolean,
  ofDoc: StrimziDocReader = (t, doc, i) => readStrimziDoc(t, doc, i),
): ConfigUnit[] {
  const resources: StrimziDoc[] = [];
  docs.forEach((doc, docIndex) => {
    if (!isStrimzi(docIndex)) return;
    const r = ofDoc(text, doc, docIndex);
    if (r) resources.push(r);
  });

  // Broker count: node pools of this cluster with the broker role, else the pre-node-pool `spec.kafka.replicas`.
  const pools = new Map<string, { known: boolean; brokers: number; count: number }>();
  for (const p of resources) {
    if (p.kind !== 'KafkaNodePool' || p.cluster === undefined || !p.pool?.broker) continue;
    const acc = pools.get(p.cluster) ?? { known: true, brokers: 0, count: 0 };
    acc.count++;
    if (p.pool.replicas === undefined) acc.known = false;
    else acc.brokers += p.pool.replicas;
    pools.set(p.cluster, acc);
  }
  const clusters = new Map<string, ClusterFacts>();
  const kafkaUnits: ConfigUnit[] = [];
  for (const r of resources) {
    if (r.kind !== 'Kafka' || !r.unit) continue;
    let brokerCount: number | undefined;
    const acc = r.name !== undefined ? pools.get(r.name) : undefined;
    if (acc && acc.count) brokerCount = acc.known ? acc.brokers : undefined;
    else if (!r.kafka?.poolsEnabled) brokerCount = r.kafka?.replicas;
    const version = r.kafka?.version;
    kafkaUnits.push(withClusterFacts(r.unit, { brokerCount, ...(version ? { kafkaVersion: { version, from: 'spec.kafka.version' } } : {}) }));
    if (r.name !== undefined) {
      // Its topics name it by `strimzi.io/cluster`: say whose version it is (`kafka/<name>`, as
      // kubectl does), and what it writes for topics that set nothing themselves.
      const clusterDefaults = clusterDefaultsOf(r.unit, r.name);
      clusters.set(r.name, {
        brokerCount,
        ...(version ? { kafkaVersion: { version, from: `kafka/${r.name} spec.kafka.version` } } : {}),
        ...(clusterDefaults ? { clusterDefaults } : {}),
      });
    }
  }
  const topicUnits: ConfigUnit[] = [];
  for (const r of resources) {
    if (r.kind !== 'KafkaTopic' || !r.unit) continue;
    topicUnits.push(withClusterFacts(r.unit, (r.cluster !== undefined && clusters.get(r.cluster)) || {}));
  }
  return [...kafkaUnits, ...topicUnits];
}

// ---- editor ----

function sExt(s: Setting): StrimziSettingExt | undefined {
  const e = s.ext as StrimziSettingExt | undefined;
  return e && e.kind === 'strimzi' ? e : undefined;
}

function uExt(u: ConfigUnit): StrimziUnitExt | undefined {
  const e = u.ext as StrimziUnitExt | undefined;
  return e && (e.kind === 'strimzi-kafka' || e.kind === 'strimzi-topic' || e.kind === 'cfk-topic') ? e : undefined;
}

/** Where a canonical key lives in the resource. */
function targetPath(unit: ConfigUnit, key: string): string[] | undefined {
  if (unit.surface === 'strimzi-kafka') return ['spec', 'kafka', 'config', key];
  if (unit.surface === 'strimzi-topic') return key === 'replication.factor' ? ['spec', 'replicas'] : ['spec', 'config', key];
  if (unit.surface === 'cfk-topic') return key === 'replication.factor' ? ['spec', 'replicas'] : ['spec', 'configs', key];
  return undefined;
}

const isTopic = (unit: ConfigUnit) => unit.surface === 'strimzi-topic' || unit.surface === 'cfk-topic';

/** A CFK KafkaTopic's `spec.configs` holds strings only; its `spec.replicas` is a number. */
const stringsOnly = (unit: ConfigUnit, key: string) => unit.surface === 'cfk-topic' && key !== 'replication.factor';

const literalStyle = {
  keySegs: (k: string) => [k],
  segEq: (a: string, b: string) => a === b,
  renderKey,
};

export const strimziEditor: FormatEditor = {
  commentPrefix: '#',

  keyName(unit, key) {
    return isTopic(unit) && key === 'replication.factor' ? 'spec.replicas' : key;
  },

  valueText(_unit, _key, value) {
    return value;
  },

  assignment(unit, key, value) {
    return `${strimziEditor.keyName(unit, key)}: ${strimziEditor.valueText(unit, key, value)}`;
  },

  setValue(file, unit, setting, value) {
    const ext = sExt(setting);
    if (!ext || ext.via || !ext.read || setting.dynamic) return null;
    const v = strimziEditor.valueText(unit, setting.key, value);
    // A CFK topic's configs are strings (the CRD refuses a number or a boolean there).
    if (stringsOnly(unit, setting.key) && ext.read.quote === 'plain') return ext.read.exact ? [{ start: ext.read.span.start, end: ext.read.span.end, newText: stringScalar(v) }] : null;
    const e = replaceScalar(file.text, ext.read, v);
    return e ? [e] : null;
  },

  insert(file, unit, key, value) {
    const u = uExt(unit);
    const path = targetPath(unit, key);
    // Structural edits trust the AST, which after a parse error may not match the indentation.
    if (!u || !path || brokenYaml(u.doc)) return null;
    const v = strimziEditor.valueText(unit, key, value);
    const e = insertPath(file.text, u.doc.contents as Node | null, path, stringsOnly(unit, key) ? stringScalar(v) : renderScalar(v), file.eol, literalStyle);
    return e ? [e] : null;
  },

  remove(file, unit, setting) {
    const u = uExt(unit);
    const ext = sExt(setting);
    if (!u || !ext || ext.via || brokenYaml(u.doc)) return null;
    const root = u.doc.contents as Node | null;
    const e = root ? removeEntry(file.text, root, setting.keySpan.start) : null;
    return e ? [e] : null;
  },

  rename(_file, unit, setting, newKey) {
    const ext = sExt(setting);
    if (!ext || ext.via) return null;
    if (setting.sourceKey === 'spec.replicas' || (isTopic(unit) && newKey === 'replication.factor')) return null;
    // (not written elsewhere, so the key span is the key's node)
    const range = setting.keySpan;
    let newText: string;
    if (ext.keyQuote === 'double') newText = quoteDouble(newKey);
    else if (ext.keyQuote === 'single' && !newKey.includes("'")) newText = `'${newKey}'`;
    else newText = renderKey(newKey);
    return [{ start: range.start, end: range.end, newText } satisfies Edit];
  },
};

registerEditor(['strimzi-kafka', 'strimzi-topic', 'cfk-topic'], strimziEditor);
