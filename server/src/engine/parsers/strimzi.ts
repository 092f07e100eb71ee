// Strimzi custom resources (facts.md §9): `Kafka` (broker config in `spec.kafka.config`),
// `KafkaTopic` (`spec.replicas` is the topic's replication factor, `spec.config` its configs),
// `KafkaNodePool` (no settings: its `spec.replicas` is a broker count).

import { isScalar, isSeq } from 'yaml';
import type { Alias, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { ConfigUnit, Edit, Role, Setting, Span } from '../model.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import {
  asMap,
  contentEnd,
  entryPlaces,
  getEntry,
  mapEntries,
  nodeSpan,
  readScalar,
  scalarString,
  seqAsList,
  yaml11Bool,
  type MapEntry,
  type ScalarRead,
  type YamlDoc,
} from './yamlCommon.js';
import { insertPath, quoteDouble, removeEntry, renderKey, renderScalar, replaceScalar } from './yamlEdit.js';

export interface StrimziSettingExt {
  kind: 'strimzi';
  pair: Pair;
  keyNode: Scalar;
  read?: ScalarRead;
  via?: Alias;
}

export interface StrimziUnitExt {
  kind: 'strimzi-kafka' | 'strimzi-topic';
  docIndex: number;
  doc: YamlDoc;
}

interface Resource {
  docIndex: number;
  doc: YamlDoc;
  root: YAMLMap;
  kind: string;
  name?: string;
  cluster?: string;
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
    // `${provider:path:key}` is a Kafka config provider reference, resolved at runtime.
    if (value.includes('${')) dynamic = true;
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
  const ext: StrimziSettingExt = { kind: 'strimzi', pair: e.pair, keyNode: e.key, ...(read ? { read } : {}), ...(e.via ? { via: e.via } : {}) };
  return { key, sourceKey, role, value, rawValue, dynamic, keySpan, valueSpan, entrySpan, precedence: 1, ext };
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

export function extractStrimzi(text: string, docs: YamlDoc[], isStrimzi: (i: number) => boolean): ConfigUnit[] {
  const resources: Resource[] = [];
  docs.forEach((doc, docIndex) => {
    if (!isStrimzi(docIndex)) return;
    const root = asMap(doc.contents as Node | null);
    if (!root) return;
    const kind = scalarString(text, getEntry(root, 'kind', doc)?.value)?.trim() ?? '';
    const meta = asMap(getEntry(root, 'metadata', doc)?.value);
    const name = scalarString(text, getEntry(meta, 'name', doc)?.value);
    const labels = asMap(getEntry(meta, 'labels', doc)?.value);
    const cluster = scalarString(text, getEntry(labels, 'strimzi.io/cluster', doc)?.value);
    resources.push({ docIndex, doc, root, kind, ...(name ? { name } : {}), ...(cluster ? { cluster } : {}) });
  });

  const brokerCounts = new Map<string, number>();
  const kafkaUnits: ConfigUnit[] = [];
  for (const r of resources.filter((x) => x.kind === 'Kafka')) {
    const { doc, root } = r;
    const specE = getEntry(root, 'spec', doc);
    const spec = asMap(specE?.value);
    const kafkaE = getEntry(spec, 'kafka', doc);
    const kafka = asMap(kafkaE?.value);
    const configE = getEntry(kafka, 'config', doc);
    const config = asMap(configE?.value);
    // Broker count: node pools of this cluster with the broker role, else the pre-node-pool `spec.kafka.replicas`.
    let brokerCount: number | undefined;
    const pools = resources.filter((p) => p.kind === 'KafkaNodePool' && r.name !== undefined && p.cluster === r.name);
    let poolsKnown = true;
    let poolBrokers = 0;
    let brokerPools = 0;
    for (const p of pools) {
      const pspec = asMap(getEntry(p.root, 'spec', p.doc)?.value);
      const rolesNode = getEntry(pspec, 'roles', p.doc)?.value;
      const roles = isSeq(rolesNode) ? (seqAsList(text, rolesNode) ?? '').split(',') : [];
      if (!roles.map((x) => x.trim()).includes('broker')) continue;
      brokerPools++;
      const n = intValue(text, getEntry(pspec, 'replicas', p.doc)?.value);
      if (n === undefined) poolsKnown = false;
      else poolBrokers += n;
    }
    // With node pools enabled the operator ignores spec.kafka.replicas; pools in other files are unknown.
    const meta = asMap(getEntry(root, 'metadata', doc)?.value);
    const annotations = asMap(getEntry(meta, 'annotations', doc)?.value);
    const poolsEnabled = scalarString(text, getEntry(annotations, 'strimzi.io/node-pools', doc)?.value)?.trim() === 'enabled';
    if (brokerPools) brokerCount = poolsKnown ? poolBrokers : undefined;
    else if (!poolsEnabled) brokerCount = intValue(text, getEntry(kafka, 'replicas', doc)?.value);
    if (r.name !== undefined && brokerCount !== undefined) brokerCounts.set(r.name, brokerCount);

    const anchor =
      keySpanOf(configE) ?? keySpanOf(kafkaE) ?? keySpanOf(specE) ?? nodeSpan(getEntry(root, 'kind', doc)?.value) ?? { start: 0, end: 0 };
    const ext: StrimziUnitExt = { kind: 'strimzi-kafka', docIndex: r.docIndex, doc };
    kafkaUnits.push({
      id: `strimzi-kafka#${r.docIndex}:${r.name ?? ''}`,
      surface: 'strimzi-kafka',
      format: 'yaml',
      role: 'broker',
      client: 'broker',
      settings: configSettings(text, doc, config, 'broker'),
      anchor,
      span: nodeSpan(root) ?? anchor,
      facts: {
        roleEvidence: 'structure',
        ...(r.name !== undefined ? { resourceName: r.name } : {}),
        ...(brokerCount !== undefined ? { brokerCount } : {}),
      },
      ext,
    });
  }

  const topicUnits: ConfigUnit[] = [];
  for (const r of resources.filter((x) => x.kind === 'KafkaTopic')) {
    const { doc, root } = r;
    const specE = getEntry(root, 'spec', doc);
    const spec = asMap(specE?.value);
    const settings: Setting[] = [];
    const replicasE = getEntry(spec, 'replicas', doc);
    if (replicasE) {
      const s = settingFrom(text, replicasE, 'replication.factor', 'spec.replicas', 'topic');
      if (s) settings.push(s);
    }
    settings.push(...configSettings(text, doc, asMap(getEntry(spec, 'config', doc)?.value), 'topic'));
    settings.sort((a, b) => a.entrySpan.start - b.entrySpan.start);
    const anchor = keySpanOf(specE) ?? nodeSpan(getEntry(root, 'kind', doc)?.value) ?? { start: 0, end: 0 };
    const brokerCount = r.cluster !== undefined ? brokerCounts.get(r.cluster) : undefined;
    const ext: StrimziUnitExt = { kind: 'strimzi-topic', docIndex: r.docIndex, doc };
    topicUnits.push({
      id: `strimzi-topic#${r.docIndex}:${r.name ?? ''}`,
      surface: 'strimzi-topic',
      format: 'yaml',
      role: 'topic',
      client: 'broker',
      settings,
      anchor,
      span: nodeSpan(root) ?? anchor,
      facts: {
        roleEvidence: 'structure',
        ...(r.name !== undefined ? { resourceName: r.name } : {}),
        ...(brokerCount !== undefined ? { brokerCount } : {}),
      },
      ext,
    });
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
  return e && (e.kind === 'strimzi-kafka' || e.kind === 'strimzi-topic') ? e : undefined;
}

/** Where a canonical key lives in the resource. */
function targetPath(unit: ConfigUnit, key: string): string[] | undefined {
  if (unit.surface === 'strimzi-kafka') return ['spec', 'kafka', 'config', key];
  if (unit.surface === 'strimzi-topic') return key === 'replication.factor' ? ['spec', 'replicas'] : ['spec', 'config', key];
  return undefined;
}

const literalStyle = {
  keySegs: (k: string) => [k],
  segEq: (a: string, b: string) => a === b,
  renderKey,
};

export const strimziEditor: FormatEditor = {
  commentPrefix: '#',

  keyName(unit, key) {
    return unit.surface === 'strimzi-topic' && key === 'replication.factor' ? 'spec.replicas' : key;
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
    const e = replaceScalar(file.text, ext.read, strimziEditor.valueText(unit, setting.key, value));
    return e ? [e] : null;
  },

  insert(file, unit, key, value) {
    const u = uExt(unit);
    const path = targetPath(unit, key);
    // Structural edits trust the AST, which after a parse error may not match the indentation.
    if (!u || !path || u.doc.errors.length) return null;
    const e = insertPath(file.text, u.doc.contents as Node | null, path, renderScalar(strimziEditor.valueText(unit, key, value)), file.eol, literalStyle);
    return e ? [e] : null;
  },

  remove(file, unit, setting) {
    const u = uExt(unit);
    const ext = sExt(setting);
    if (!u || !ext || ext.via || u.doc.errors.length) return null;
    const e = removeEntry(file.text, u.doc.contents as Node, ext.pair);
    return e ? [e] : null;
  },

  rename(_file, unit, setting, newKey) {
    const ext = sExt(setting);
    if (!ext || ext.via) return null;
    if (setting.sourceKey === 'spec.replicas' || (unit.surface === 'strimzi-topic' && newKey === 'replication.factor')) return null;
    const range = nodeSpan(ext.keyNode);
    if (!range) return null;
    let newText: string;
    if (ext.keyNode.type === 'QUOTE_DOUBLE') newText = quoteDouble(newKey);
    else if (ext.keyNode.type === 'QUOTE_SINGLE' && !newKey.includes("'")) newText = `'${newKey}'`;
    else newText = renderKey(newKey);
    return [{ start: range.start, end: range.end, newText } satisfies Edit];
  },
};

registerEditor(['strimzi-kafka', 'strimzi-topic'], strimziEditor);
