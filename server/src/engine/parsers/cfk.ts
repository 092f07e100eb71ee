// Confluent for Kubernetes (CFK) custom resources, `apiVersion: platform.confluent.io/...`
// (docs/sources/confluent-for-kubernetes.md):
//   - `Kafka`: the brokers. `spec.replicas` counts them, `spec.image.application` names the
//     Confluent Server image (its tag is the Platform version), and `spec.configOverrides.server`
//     lists `key=value` lines that CFK adds to the brokers' configuration.
//   - `KafkaTopic`: `spec.replicas` is the topic's replication factor, `spec.configs` its configs
//     (strings only). Read and edited as a Strimzi topic is (strimzi.ts), under `configs`.
// CFK generates the brokers' configuration: it documents that it sets `default.replication.factor`
// and `min.insync.replicas` from the broker count when the resource does not, and it may set more.
// Keys whose value decides a finding when unset are therefore not judged unset
// (`UnitFacts.operatorSets`): only what the resource writes is.

import { isSeq } from 'yaml';
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import type { ConfigUnit, Edit, Span } from '../model.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import { imageFamily, imageKafkaVersion } from '../knowledge/env.js';
import { appendListItem, asWritten, composeEditor, envEntries, type ComposeSettingExt } from './compose.js';
import { variableSetting } from './springEnv.js';
import { topicUnit } from './strimzi.js';
import { asMap, brokenYaml, getEntry, nodeSpan, scalarString, type MapEntry, type YamlDoc } from './yamlCommon.js';
import { insertPath, plainSafe, quoteDouble, removeEntry, renderKey } from './yamlEdit.js';

/**
 * Keys whose value CFK may choose when a `Kafka` resource leaves them unset: the two it documents
 * (from the broker count), and keys whose unset value would decide a finding although CFK's
 * generated configuration is not documented for them: the internal topics' replication and topic
 * auto-creation (its examples turn that on explicitly). None is assumed to be Kafka's default.
 */
export const CFK_SETS: readonly string[] = [
  'default.replication.factor',
  'min.insync.replicas',
  'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor',
  'transaction.state.log.min.isr',
  'auto.create.topics.enable',
];
const BY = 'Confluent for Kubernetes';
const CFK_SETS_FACT = { keys: CFK_SETS, by: BY };
/** A topic without its own `min.insync.replicas` has the brokers' one, which CFK chose. */
const TOPIC_SETS_FACT = { keys: ['min.insync.replicas'], by: BY };

export interface CfkUnitExt {
  kind: 'cfk-kafka';
  docIndex: number;
  doc: YamlDoc;
  /** The resource's root mapping. */
  root: YAMLMap;
  /** `spec.configOverrides.server`, when it is a sequence. */
  server?: YAMLSeq;
}

function intValue(text: string, n: Node | null | undefined): number | undefined {
  const s = scalarString(text, n)?.trim();
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
}

function keySpanOf(e: MapEntry | undefined): Span | undefined {
  return e ? nodeSpan(e.key) : undefined;
}

interface CfkKafka {
  unit: ConfigUnit;
  name?: string;
}

function readKafka(text: string, doc: YamlDoc, docIndex: number, root: YAMLMap, name: string | undefined): CfkKafka {
  const specE = getEntry(root, 'spec', doc);
  const spec = asMap(specE?.value);
  const overridesE = getEntry(spec, 'configOverrides', doc);
  const serverE = getEntry(asMap(overridesE?.value), 'server', doc);
  const server = isSeq(serverE?.value) ? (serverE!.value as YAMLSeq) : undefined;
  const via = serverE?.via ?? serverE?.valueAlias;
  const settings = server ? envEntries(text, doc, server, via, asWritten).map((e) => variableSetting(e, e.name, 'broker', 1)) : [];
  const replicas = intValue(text, getEntry(spec, 'replicas', doc)?.value);
  const image = scalarString(text, getEntry(asMap(getEntry(spec, 'image', doc)?.value), 'application', doc)?.value)?.trim();
  const family = image ? imageFamily(image) : undefined;
  const version = image && family ? imageKafkaVersion(image, family) : undefined;
  const anchor = keySpanOf(serverE) ?? keySpanOf(overridesE) ?? keySpanOf(specE) ?? nodeSpan(getEntry(root, 'kind', doc)?.value) ?? { start: 0, end: 0 };
  const ext: CfkUnitExt = { kind: 'cfk-kafka', docIndex, doc, root, ...(server ? { server } : {}) };
  const unit: ConfigUnit = {
    id: `cfk-kafka#${docIndex}:${name ?? ''}`,
    surface: 'cfk-kafka',
    format: 'yaml',
    role: 'broker',
    client: 'broker',
    settings,
    anchor,
    span: nodeSpan(root) ?? anchor,
    facts: {
      roleEvidence: 'structure',
      operatorSets: CFK_SETS_FACT,
      ...(name !== undefined ? { resourceName: name } : {}),
      ...(replicas !== undefined ? { brokerCount: replicas } : {}),
      ...(family ? { image: family, imageName: image } : {}),
      ...(version && image ? { kafkaVersion: { version, from: image } } : {}),
    },
    ext,
  };
  return { unit, ...(name !== undefined ? { name } : {}) };
}

/**
 * The units of a file's CFK resources. A topic learns the broker count and Kafka version of the
 * `Kafka` resource its `spec.kafkaClusterRef` names, or without one, of the file's only `Kafka`
 * resource (CFK then finds the cluster of the topic's namespace, or the one its `KafkaRestClass` names).
 */
export function extractCfk(text: string, docs: YamlDoc[], isCfk: (i: number) => boolean): ConfigUnit[] {
  const kafkas: CfkKafka[] = [];
  const topics: { unit: ConfigUnit; cluster?: string }[] = [];
  docs.forEach((doc, docIndex) => {
    if (!isCfk(docIndex)) return;
    const root = asMap(doc.contents as Node | null);
    if (!root) return;
    const kind = scalarString(text, getEntry(root, 'kind', doc)?.value)?.trim();
    const name = scalarString(text, getEntry(asMap(getEntry(root, 'metadata', doc)?.value), 'name', doc)?.value)?.trim();
    if (kind === 'Kafka') kafkas.push(readKafka(text, doc, docIndex, root, name || undefined));
    else if (kind === 'KafkaTopic') {
      const spec = asMap(getEntry(root, 'spec', doc)?.value);
      const ref = scalarString(text, getEntry(asMap(getEntry(spec, 'kafkaClusterRef', doc)?.value), 'name', doc)?.value)?.trim();
      const unit = topicUnit(text, doc, docIndex, root, name || undefined, 'cfk-topic');
      unit.facts.operatorSets = TOPIC_SETS_FACT;
      topics.push({ unit, ...(ref ? { cluster: ref } : {}) });
    }
  });
  for (const t of topics) {
    const k = t.cluster !== undefined ? kafkas.find((x) => x.name === t.cluster) : kafkas.length === 1 ? kafkas[0] : undefined;
    if (!k) continue;
    const facts = k.unit.facts;
    const owner = k.name !== undefined ? ` (kafka/${k.name})` : '';
    if (facts.brokerCount !== undefined) t.unit.facts.brokerCount = facts.brokerCount;
    if (facts.kafkaVersion) t.unit.facts.kafkaVersion = { version: facts.kafkaVersion.version, from: facts.kafkaVersion.from + owner };
  }
  return [...kafkas.map((k) => k.unit), ...topics.map((t) => t.unit)];
}

// ---- editor of a Kafka resource's `configOverrides.server` lines ----

function uExt(u: ConfigUnit): CfkUnitExt | undefined {
  const e = u.ext as CfkUnitExt | undefined;
  return e && e.kind === 'cfk-kafka' ? e : undefined;
}

function sExt(s: { ext?: unknown }): ComposeSettingExt | undefined {
  const e = s.ext as ComposeSettingExt | undefined;
  return e && e.kind === 'compose' ? e : undefined;
}

export const cfkEditor: FormatEditor = {
  commentPrefix: '#',

  keyName(_unit, key) {
    return key;
  },

  valueText(_unit, _key, value) {
    return value;
  },

  assignment(_unit, key, value) {
    return `${key}=${value}`;
  },

  show(_unit, setting) {
    return `${setting.sourceKey}=${setting.rawValue}`;
  },

  // A line's value is rewritten inside its item, as a compose `environment` list's is.
  setValue(file, unit, setting, value) {
    return composeEditor.setValue(file, unit, setting, value);
  },

  insert(file, unit, key, value) {
    const u = uExt(unit);
    // Structural edits trust the AST, which after a parse error may not match the indentation.
    if (!u || brokenYaml(u.doc)) return null;
    const item = `${key}=${value}`;
    if (u.server) {
      const e = appendListItem(file.text, u.server, item, file.eol);
      return e ? [e] : null;
    }
    const e = insertPath(file.text, u.root, ['spec', 'configOverrides', 'server'], plainSafe(item) ? item : quoteDouble(item), file.eol, {
      keySegs: (k: string) => [k],
      segEq: (a: string, b: string) => a === b,
      renderKey,
      seqItem: true,
    });
    return e ? [e] : null;
  },

  remove(file, unit, setting) {
    const u = uExt(unit);
    const ext = sExt(setting);
    if (!u || !ext || ext.via || brokenYaml(u.doc)) return null;
    const e = removeEntry(file.text, u.root, ext.node);
    return e ? [e] : null;
  },

  rename(_file, _unit, setting, newKey) {
    const ext = sExt(setting);
    if (!ext || ext.via || !ext.read?.exact) return null;
    return [{ start: setting.keySpan.start, end: setting.keySpan.end, newText: newKey } satisfies Edit];
  },
};

registerEditor(['cfk-kafka'], cfkEditor);

