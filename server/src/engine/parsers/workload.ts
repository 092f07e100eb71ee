// Kubernetes workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) whose
// containers configure Kafka through environment variables:
//   - a Spring Boot application's clients, with `SPRING_KAFKA_*` variables
//     (`env: [{name: SPRING_KAFKA_PRODUCER_ACKS, value: "1"}]`): springEnv.ts makes the units;
//   - a Kafka broker of a Confluent, Apache, Bitnami or Debezium image, with the image's own
//     variables (`KAFKA_MIN_INSYNC_REPLICAS`, Bitnami's `KAFKA_CFG_*`), read as a compose broker
//     service's are (knowledge/env.ts); the workload's replicas count its brokers.
// This module finds the variables and edits them.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import type { ConfigUnit, Edit, Setting } from '../model.js';
import { controllerOnly } from '../model.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import { asMap, brokenYaml, commandWords, getEntry, hasTemplateExpression, nodeSpan, readScalar, scalarString, startOf, WORKLOAD_POD_SPEC, type ScalarRead, type YamlDoc } from './yamlCommon.js';
import { appendToSeq, column, removeEntry, replaceScalar } from './yamlEdit.js';
import { springEnvKeyName, springEnvRename, springEnvUnitsOf, type EnvVariable } from './springEnv.js';
import { brokerSettings, composeEditor, countBrokers, envName, stringScalar, type ComposeUnitExt } from './compose.js';
import { envFromExt, envFromFacts, keyRefEntry, readEnvFrom, EnvSources, type EnvFromRead, type EnvFromSettingExt } from './envFrom.js';
import { imageFamily, imageKafkaVersion, type ImageFamily } from '../knowledge/env.js';

export interface WorkloadSettingExt {
  kind: 'workload';
  /** The `env` item (`{name, value}`). */
  item: YAMLMap;
  /** Read of the `value` scalar; none when the value comes from `valueFrom`. */
  read?: ScalarRead;
  /** `valueFrom.configMapKeyRef` naming an entry of a ConfigMap (or Secret) this file holds: where the value is written. */
  keyRef?: { label: string; key: string; entry: EnvFromSettingExt };
}

export interface WorkloadUnitExt {
  kind: 'workload';
  doc: YamlDoc;
  container: YAMLMap;
  /** The `env` list; a broker container may have none (its image's defaults). */
  env?: YAMLSeq;
  /** The ConfigMaps its `envFrom` takes in whole, without a prefix, that this file holds (where a fix may add a variable). */
  sources?: ComposeUnitExt[];
}

/** Kinds whose pods run for good: a Job's or CronJob's container of a broker image runs a tool. */
const LONG_RUNNING = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

/** The units of every container of the workload documents: a broker's, or a Spring Boot application's. */
export function extractWorkloads(text: string, docs: YamlDoc[], isWorkload: (i: number) => boolean, sources: EnvSources = new EnvSources(text, docs)): ConfigUnit[] {
  const units: ConfigUnit[] = [];
  // Broker containers of the whole file: a cluster is often one StatefulSet, or one Deployment per broker.
  const brokers: { unit: ConfigUnit; brokers: number | undefined }[] = [];
  docs.forEach((doc, docIndex) => {
    if (!isWorkload(docIndex)) return;
    const root = asMap(doc.contents as Node | null) ?? undefined;
    let spec: YAMLMap | undefined = root;
    const kind = scalarString(text, getEntry(spec, 'kind', doc)?.value)?.trim() ?? '';
    if (!Object.hasOwn(WORKLOAD_POD_SPEC, kind)) return;
    for (const step of WORKLOAD_POD_SPEC[kind]) spec = asMap(getEntry(spec, step, doc)?.value) ?? undefined;
    if (!spec) return;
    const meta = asMap(getEntry(root, 'metadata', doc)?.value);
    const workloadName = scalarString(text, getEntry(meta, 'name', doc)?.value)?.trim();
    const namespace = scalarString(text, getEntry(meta, 'namespace', doc)?.value)?.trim() || undefined;
    const replicas = replicaCount(text, doc, root, kind);
    /** A `valueFrom` the file can answer: the entry it names, in a ConfigMap (or Secret) of the file. */
    const keyRef = (valueFrom: YAMLMap, labels: string[]) => {
      const r = keyRefEntry(text, doc, valueFrom, namespace, sources);
      if (r && !labels.includes(r.label)) labels.push(r.label);
      return r;
    };
    for (const list of ['initContainers', 'containers']) {
      const containers = getEntry(spec, list, doc)?.value;
      if (!isSeq(containers)) continue;
      containers.items.forEach((c, i) => {
        if (!isMap(c)) return;
        const envNode = getEntry(c, 'env', doc)?.value;
        const env = isSeq(envNode) ? envNode : undefined;
        const nameNode = getEntry(c, 'name', doc)?.value;
        const name = scalarString(text, nameNode)?.trim() || `${list}[${i}]`;
        const span = nodeSpan(c) ?? { start: 0, end: 0 };
        const anchor = (isScalar(nameNode) ? nodeSpan(nameNode) : undefined) ?? { start: span.start, end: span.start };
        // Variables from ConfigMaps and Secrets first: the container's own `env` overrides them.
        const from = readEnvFrom(text, doc, c, namespace, sources);
        const keyRefs: string[] = [];
        const vars = [...(from?.vars ?? []), ...(env ? envVariables(text, doc, env, (vf) => keyRef(vf, keyRefs)) : [])];
        const ext: WorkloadUnitExt = { kind: 'workload', doc, container: c, env, ...(from?.seen.length ? { sources: sourceExts(from) } : {}) };
        const id = `k8s#${docIndex}:${list}[${i}]`;
        // A Kafka broker's container: its variables are the image's, and no application's.
        const image = scalarString(text, getEntry(c, 'image', doc)?.value)?.trim();
        const family = image === undefined || hasTemplateExpression(image) ? undefined : imageFamily(image);
        if (family && image) {
          if (list === 'containers' && LONG_RUNNING.has(kind) && runsBroker(text, doc, c)) {
            const unit = brokerUnit(vars, family, image, { id, resourceName: workloadName ?? name, anchor, span, ext });
            Object.assign(unit.facts, envFromFacts(from, keyRefs));
            // A KRaft node whose process roles lack `broker` is a controller: it stores no partitions.
            brokers.push({ unit, brokers: controllerOnly(unit) ? 0 : replicas });
            units.push(unit);
          }
          return;
        }
        const spring = springEnvUnitsOf(vars, { id, resourceName: name, anchor, span, ext });
        for (const u of spring) Object.assign(u.facts, envFromFacts(from, keyRefs));
        units.push(...spring);
      });
    }
  });
  countBrokers(brokers);
  return units;
}

/** The ConfigMaps of the file a container takes in without a prefix (a fix can add a variable there). */
function sourceExts(from: EnvFromRead): ComposeUnitExt[] {
  const out: ComposeUnitExt[] = [];
  for (const v of from.vars) {
    const e = envFromExt(v.ext);
    if (e && !e.prefix && e.sourceKind === 'ConfigMap' && !out.some((o) => o.service === e.source.service)) out.push(e.source);
  }
  return out;
}

/** How many pods a workload runs: its `replicas` (1 when unset); a DaemonSet's is not known here. */
function replicaCount(text: string, doc: YamlDoc, root: YAMLMap | undefined, kind: string): number | undefined {
  if (kind === 'Pod') return 1;
  if (kind === 'DaemonSet') return undefined;
  const v = scalarString(text, getEntry(asMap(getEntry(root, 'spec', doc)?.value), 'replicas', doc)?.value)?.trim();
  if (v === undefined) return 1;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * Whether a container of a broker image runs the broker as the image configures it, from its
 * variables: no `command` or `args` of its own, or ones that start the image's own launcher. A
 * container that starts `kafka-server-start` with a properties file takes its settings from that
 * file, which the manifest does not show; one that runs a tool is no broker.
 */
function runsBroker(text: string, doc: YamlDoc, container: YAMLMap): boolean {
  const parts = commandWords(text, doc, container, ['command', 'args']);
  if (!parts) return false;
  if (!parts.length) return true;
  const run = parts.join(' ');
  if (/\.properties\b|--override\b/.test(run)) return false;
  return /docker\/run|\/etc\/confluent\/docker|\brun\.sh\b|\/opt\/bitnami\/scripts\/kafka\/(?:entrypoint|run)\.sh/.test(run);
}

/** A broker container's unit: its variables as its image reads them (knowledge/env.ts), as a compose broker service's. */
function brokerUnit(vars: EnvVariable[], family: ImageFamily, image: string, at: { id: string; resourceName: string; anchor: ConfigUnit['anchor']; span: ConfigUnit['span']; ext: WorkloadUnitExt }): ConfigUnit {
  const { settings, ignoredEnv } = brokerSettings(vars, family);
  const version = imageKafkaVersion(image, family);
  return {
    id: at.id,
    surface: 'k8s-broker',
    format: 'yaml',
    role: 'broker',
    client: 'broker',
    settings,
    anchor: at.anchor,
    span: at.span,
    facts: {
      image: family,
      imageName: image,
      resourceName: at.resourceName,
      roleEvidence: 'structure',
      ...(ignoredEnv.length ? { ignoredEnv } : {}),
      ...(version ? { kafkaVersion: { version, from: image } } : {}),
    },
    ext: at.ext,
  };
}

/**
 * The `env` items with a name: a `value` is read as Kubernetes passes it; a `valueFrom` naming an
 * entry of a ConfigMap this file holds takes that entry's value (`keyRef`); any other `valueFrom`
 * and `$(VAR)` are not known here.
 */
function envVariables(text: string, doc: YamlDoc, env: YAMLSeq, keyRef?: (valueFrom: YAMLMap) => { variable: EnvVariable; label: string } | undefined): EnvVariable[] {
  const out: EnvVariable[] = [];
  for (const item of env.items) {
    if (!isMap(item)) continue;
    const nameNode = getEntry(item, 'name', doc)?.value;
    if (!isScalar(nameNode)) continue;
    const nameRead = readScalar(text, nameNode);
    const entrySpan = nodeSpan(item) ?? nameRead.span;
    const valueNode = getEntry(item, 'value', doc)?.value;
    const ext: WorkloadSettingExt = { kind: 'workload', item };
    const valueFrom = isScalar(valueNode) ? undefined : asMap(getEntry(item, 'valueFrom', doc)?.value);
    const ref = valueFrom && keyRef?.(valueFrom);
    if (ref) {
      const v = ref.variable;
      const entry = envFromExt(v.ext)!;
      ext.keyRef = { label: ref.label, key: v.name, entry };
      // Named here, valued there: findings about the value point at the entry, which a fix rewrites.
      out.push({ name: nameRead.value.trim(), value: v.value, rawValue: v.rawValue, dynamic: v.dynamic, placeholderDefault: false, keySpan: nameRead.span, valueSpan: v.valueSpan, entrySpan, ext });
      continue;
    }
    if (!isScalar(valueNode)) {
      // `valueFrom` (a ConfigMap or Secret key), or no value: decided at run time.
      out.push({ name: nameRead.value.trim(), value: '', rawValue: '', dynamic: true, placeholderDefault: false, keySpan: nameRead.span, valueSpan: nameRead.span, entrySpan, ext });
      continue;
    }
    const read = readScalar(text, valueNode);
    ext.read = read;
    // Kubernetes expands `$(VAR)` from the container's other variables; Spring resolves `${...}`;
    // a `$VAR` is left for a tool such as envsubst to fill in before the manifest is applied.
    const dynamic = /\$[({A-Za-z_]/.test(read.value) || hasTemplateExpression(read.value);
    out.push({ name: nameRead.value.trim(), value: read.value, rawValue: read.raw, dynamic, placeholderDefault: false, keySpan: nameRead.span, valueSpan: read.span, entrySpan, ext });
  }
  return out;
}

/** Where an `env` item's value is written when its `valueFrom` names an entry of another resource of the file. */
export function valueSourceOf(setting: Setting): { label: string; key: string } | undefined {
  const r = sExt(setting)?.keyRef;
  return r && { label: r.label, key: r.key };
}

// ---- editor ----

function sExt(s: Setting): WorkloadSettingExt | undefined {
  const e = s.ext as WorkloadSettingExt | undefined;
  return e && e.kind === 'workload' ? e : undefined;
}

function uExt(u: ConfigUnit): WorkloadUnitExt | undefined {
  const e = u.ext as WorkloadUnitExt | undefined;
  return e && e.kind === 'workload' ? e : undefined;
}

export const workloadEditor: FormatEditor = {
  commentPrefix: '#',

  keyName(unit, key) {
    return (unit.surface === 'k8s-broker' ? envName(unit, key) : springEnvKeyName(unit, key)) ?? key;
  },

  valueText(_unit, _key, value) {
    return value;
  },

  assignment(unit, key, value) {
    return `${workloadEditor.keyName(unit, key)}=${value}`;
  },

  show(unit, setting) {
    // A ConfigMap's entry as it is written there (`NAME: "value"`).
    const from = envFromExt(setting.ext);
    if (from) return composeEditor.show!(inSource(unit, from.source), setting);
    return `${setting.sourceKey}=${setting.rawValue}`;

  },

  setValue(file, unit, setting, value) {
    const from = envFromExt(setting.ext) ?? sExt(setting)?.keyRef?.entry;
    if (from) return composeEditor.setValue(file, inSource(unit, from.source), { ...setting, ext: from }, value);
    const read = sExt(setting)?.read;
    if (!read || setting.dynamic) return null;
    if (read.quote === 'plain') {
      if (!read.exact) return null;
      return [{ start: read.span.start, end: read.span.end, newText: stringScalar(value) }];
    }
    const e = replaceScalar(file.text, read, value);
    return e ? [e] : null;
  },

  insert(file, unit, key, value) {
    const u = uExt(unit);
    const name = unit.surface === 'k8s-broker' ? envName(unit, key) : springEnvKeyName(unit, key);
    if (!u || !name || brokenYaml(u.doc)) return null;
    // No `env` of its own: into the one ConfigMap its `envFrom` takes in, as a string.
    if (!u.env?.items.length) return u.sources?.length === 1 && !u.env ? composeEditor.insert(file, inSource(unit, u.sources[0]), key, value) : null;
    if (!u.env) return null;
    const first = u.env.items[0] as Node;
    let itemText: string;
    if (isMap(first) && first.flow) itemText = `{ name: ${name}, value: ${stringScalar(value)} }`;
    else if (isMap(first) && first.items.length) {
      // `name:` and `value:` one below the other, at the column of the first item's keys.
      const pad = ' '.repeat(column(file.text, startOf(first.items[0].key as Node)));
      itemText = `name: ${name}${file.eol}${pad}value: ${stringScalar(value)}`;
    } else return null;
    const e = appendToSeq(file.text, u.env, itemText, file.eol);
    return e ? [e] : null;
  },

  remove(file, unit, setting) {
    const from = envFromExt(setting.ext);
    // (An entry an `env` item's `valueFrom` names stays: without it that container would not start.)
    if (from) return from.referenced.has(from.node) ? null : composeEditor.remove(file, inSource(unit, from.source), setting);
    const u = uExt(unit);
    const ext = sExt(setting);
    if (!u || !ext || brokenYaml(u.doc)) return null;
    const e = removeEntry(file.text, u.container, ext.item);
    return e ? [e] : null;
  },

  rename(file, unit, setting, newKey) {
    const from = envFromExt(setting.ext);
    if (from) {
      // The entry's name is the variable's without the `envFrom` prefix.
      const edits = composeEditor.rename(file, inSource(unit, from.source), setting, newKey);
      const e = edits?.[0];
      if (!e || !from.prefix) return edits;
      return e.newText.startsWith(from.prefix) && e.newText.length > from.prefix.length ? [{ ...e, newText: e.newText.slice(from.prefix.length) }] : null;
    }
    if (!sExt(setting)) return null;
    const name = unit.surface === 'k8s-broker' ? (newKey.startsWith('KAFKA_') ? newKey : envName(unit, newKey)) : springEnvRename(unit, setting, newKey);
    return name ? [{ start: setting.keySpan.start, end: setting.keySpan.end, newText: name } satisfies Edit] : null;
  },
};

/** The unit as compose's editor sees a service: its variables' map is a ConfigMap's (or Secret's) `data`. */
function inSource(unit: ConfigUnit, source: ComposeUnitExt): ConfigUnit {
  return { ...unit, ext: source };
}

registerEditor(['k8s-broker'], workloadEditor);
