// Kubernetes workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) whose
// containers configure a Spring Boot application's Kafka clients through `SPRING_KAFKA_*`
// environment variables (`env: [{name: SPRING_KAFKA_PRODUCER_ACKS, value: "1"}]`). springEnv.ts
// makes the units; this module finds the variables and edits them.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import type { ConfigUnit, Edit, Setting } from '../model.js';
import type { FormatEditor } from '../fixer.js';
import { asMap, getEntry, hasTemplateExpression, nodeSpan, readScalar, scalarString, startOf, WORKLOAD_POD_SPEC, type ScalarRead, type YamlDoc } from './yamlCommon.js';
import { appendToSeq, column, removeEntry, replaceScalar } from './yamlEdit.js';
import { springEnvKeyName, springEnvRename, springEnvUnitsOf, type EnvVariable } from './springEnv.js';
import { stringScalar } from './compose.js';
import { imageFamily } from '../knowledge/env.js';

export interface WorkloadSettingExt {
  kind: 'workload';
  /** The `env` item (`{name, value}`). */
  item: YAMLMap;
  /** Read of the `value` scalar; none when the value comes from `valueFrom`. */
  read?: ScalarRead;
}

export interface WorkloadUnitExt {
  kind: 'workload';
  doc: YamlDoc;
  container: YAMLMap;
  env: YAMLSeq;
}

/** The Spring Boot units of every container of the workload documents. */
export function extractWorkloads(text: string, docs: YamlDoc[], isWorkload: (i: number) => boolean): ConfigUnit[] {
  const units: ConfigUnit[] = [];
  docs.forEach((doc, docIndex) => {
    if (!isWorkload(docIndex)) return;
    let spec: YAMLMap | undefined = asMap(doc.contents as Node | null) ?? undefined;
    const kind = scalarString(text, getEntry(spec, 'kind', doc)?.value)?.trim() ?? '';
    if (!Object.hasOwn(WORKLOAD_POD_SPEC, kind)) return;
    for (const step of WORKLOAD_POD_SPEC[kind]) spec = asMap(getEntry(spec, step, doc)?.value) ?? undefined;
    if (!spec) return;
    for (const list of ['initContainers', 'containers']) {
      const containers = getEntry(spec, list, doc)?.value;
      if (!isSeq(containers)) continue;
      containers.items.forEach((c, i) => {
        if (!isMap(c)) return;
        const env = getEntry(c, 'env', doc)?.value;
        if (!isSeq(env)) return;
        // A Kafka broker's container: its variables are the image's, and no application's.
        const image = scalarString(text, getEntry(c, 'image', doc)?.value);
        if (image !== undefined && imageFamily(image.trim())) return;
        const nameNode = getEntry(c, 'name', doc)?.value;
        const name = scalarString(text, nameNode)?.trim() || `${list}[${i}]`;
        const span = nodeSpan(c) ?? { start: 0, end: 0 };
        const anchor = (isScalar(nameNode) ? nodeSpan(nameNode) : undefined) ?? { start: span.start, end: span.start };
        const ext: WorkloadUnitExt = { kind: 'workload', doc, container: c, env };
        units.push(...springEnvUnitsOf(envVariables(text, doc, env), { id: `k8s#${docIndex}:${list}[${i}]`, resourceName: name, anchor, span, ext }));
      });
    }
  });
  return units;
}

/** The `env` items with a name: a `value` is read as Kubernetes passes it; `valueFrom` and `$(VAR)` are not known here. */
function envVariables(text: string, doc: YamlDoc, env: YAMLSeq): EnvVariable[] {
  const out: EnvVariable[] = [];
  for (const item of env.items) {
    if (!isMap(item)) continue;
    const nameNode = getEntry(item, 'name', doc)?.value;
    if (!isScalar(nameNode)) continue;
    const nameRead = readScalar(text, nameNode);
    const entrySpan = nodeSpan(item) ?? nameRead.span;
    const valueNode = getEntry(item, 'value', doc)?.value;
    const ext: WorkloadSettingExt = { kind: 'workload', item };
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
    return springEnvKeyName(unit, key) ?? key;
  },

  valueText(_unit, _key, value) {
    return value;
  },

  assignment(unit, key, value) {
    return `${workloadEditor.keyName(unit, key)}=${value}`;
  },

  show(_unit, setting) {
    return `${setting.sourceKey}=${setting.rawValue}`;
  },

  setValue(file, _unit, setting, value) {
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
    const name = springEnvKeyName(unit, key);
    if (!u || !name || u.doc.errors.length || !u.env.items.length) return null;
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
    const u = uExt(unit);
    const ext = sExt(setting);
    if (!u || !ext || u.doc.errors.length) return null;
    const e = removeEntry(file.text, u.container, ext.item);
    return e ? [e] : null;
  },

  rename(_file, unit, setting, newKey) {
    if (!sExt(setting)) return null;
    const name = springEnvRename(unit, setting, newKey);
    return name ? [{ start: setting.keySpan.start, end: setting.keySpan.end, newText: name } satisfies Edit] : null;
  },
};
