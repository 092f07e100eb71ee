// Completion of Kafka keys and values where the cursor stands: Kafka .properties files, Spring
// `spring.kafka.*` (properties and YAML), Strimzi `config` maps, and sarama constants in Go.
// Works on half-typed text: the context comes from the current line and its indentation
// parents, not from a successful parse.

import type { ParsedFile, Role, Span } from './model.js';
import { fmt, type Locale } from './l10n.js';
import { keysOfRole, lookupKey } from './knowledge/index.js';
import { kafkaGoDoc, keyDoc, saramaDoc } from './knowledge/docs.js';
import { canonicalSpringSegment, mapSpringKafkaPath, SPRING_ACK_MODES, SPRING_KAFKA_SECTIONS, SPRING_KAFKA_TOP, springEnvName, springEnvPath, springSectionProperties } from './knowledge/spring.js';
import { SCST_BINDER_PROPS, SCST_GENERIC_CONSUMER_PROPS, SCST_GENERIC_PRODUCER_PROPS, scstProperties } from './knowledge/scst.js';
import { splitSpringKey } from './parsers/springYaml.js';
import { HOLDS_FILE, WORKLOAD_POD_SPEC } from './parsers/yamlCommon.js';
import { spanToOuter, textToOuter } from './embedded.js';
import { envNameFor, mapEnvVar, type ImageFamily } from './knowledge/env.js';
import { legacyNames } from './parsers/springEnv.js';
import { envScalar, stringScalar } from './parsers/compose.js';

const SCST = ['spring', 'cloud', 'stream', 'kafka'];
const BINDINGS = ['spring', 'cloud', 'stream', 'bindings'];
/** Binder properties whose value is a map or a section (completion inserts `name:` without a value). */
const SCST_NESTED = new Set(['binder', 'bindings', 'default', 'consumer', 'producer', 'configuration', 'consumer-properties', 'producer-properties', 'transaction', 'jaas', 'metrics', 'topic', 'dlq-producer-properties']);
import { SARAMA_ACKS, SARAMA_ISOLATION, SARAMA_OFFSETS, SARAMA_FIELDS } from './knowledge/sarama.js';
import { classifyName } from './parsers/properties.js';
import { heldFileAt, parseFile } from './index.js';
import { unitKafkaVersion, type ResolvedOptions } from './options.js';

export interface CompletionEntry {
  label: string;
  kind: 'key' | 'value' | 'constant' | 'field';
  /** Replaces `replace` in the document. */
  insertText: string;
  replace: Span;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
}

const SPRING_SECTIONS = [...SPRING_KAFKA_SECTIONS, ...SPRING_KAFKA_TOP];
const SECTION_ROLE: Record<string, Role> = { producer: 'producer', consumer: 'consumer', admin: 'admin', streams: 'streams' };

/**
 * `parsed`: the document's parse when the caller has it (the server keeps one per version), so a
 * completion request does not parse the file again.
 */
export function completeAt(text: string, path: string, offset: number, options: ResolvedOptions, parsed?: ParsedFile): CompletionEntry[] {
  const parse = () => parsed ?? (parsed = parseFile({ text, path }));
  const lower = path.toLowerCase();
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  if (lower.endsWith('.properties')) return completeProperties(path, before, offset, options, parse);
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) {
    // In a file a ConfigMap holds: that file's completions, indented as the block is.
    const file = HOLDS_FILE.test(text) ? parse() : undefined;
    const h = file && heldFileAt(file, offset);
    if (h) {
      return completeAt(h.held.text, h.held.path, h.offset, options, h.file).map((c) => ({
        ...c,
        insertText: textToOuter(h.held, c.replace.start, c.insertText),
        replace: spanToOuter(h.held, c.replace),
      }));
    }
    return completeYaml(text, path, before, lineStart, offset, options, parse);
  }
  if (lower.endsWith('.go')) return completeGo(text, before, offset, options, parse);
  return [];
}

function keyItems(keys: string[], role: Role, replace: Span, locale: Locale, wrap: (k: string) => string = (k) => k): CompletionEntry[] {
  return keys.map((k) => keyItem(wrap(k), k, role, replace, locale));
}

/** An item named `label` for a Kafka key, with the key's documentation; `suffix` follows the label when inserted. */
function keyItem(label: string, key: string, role: Role, replace: Span, locale: Locale, suffix = ''): CompletionEntry {
  const doc = keyDoc(key, role);
  return {
    label,
    kind: 'key',
    insertText: label + suffix,
    replace,
    ...(doc ? { detail: pick(doc.summary, locale), documentation: pick(doc.body, locale) } : {}),
  };
}

/** Whether a half-typed variable name may become one starting with `prefix` (`SPRING_K`, `spring_kafka_pro`). */
function mayStartWith(typed: string, prefix: string): boolean {
  const upper = typed.toUpperCase();
  return prefix.startsWith(upper) || upper.startsWith(prefix);
}

function pick(m: { en: string; zh: string }, locale: Locale): string {
  return locale === 'zh-cn' ? m.zh : m.en;
}

/** Allowed values of a key, when it has a closed set. */
export function enumValues(key: string, role: Role): string[] {
  if (key === 'spring:listener.ack-mode') return SPRING_ACK_MODES;
  if (key === 'acks') return ['all', '1', '0'];
  const info = lookupKey(key, role);
  if (!info) return [];
  if (info.type === 'boolean') return ['true', 'false'];
  const m = /^\[(.*)\]$/.exec(info.validValues ?? '');
  if (!m || m[1].includes('...')) return [];
  const vals = m[1].split(',').map((v) => v.trim()).filter((v) => v && !/\s/.test(v));
  return vals.length > 1 && vals.length < 20 ? vals : [];
}

function valueItems(key: string, role: Role, replace: Span, locale: Locale): CompletionEntry[] {
  const doc = keyDoc(key, role);
  return enumValues(key, role).map((v, i) => ({
    label: v,
    kind: 'value' as const,
    insertText: v,
    replace,
    sortText: String(i).padStart(2, '0'),
    ...(doc?.safe === v ? { detail: fmt({ en: 'recommended', zh: '推荐' }, locale) } : {}),
  }));
}

// ---------------------------------------------------------------- .properties

function completeProperties(path: string, before: string, offset: number, options: ResolvedOptions, parse: () => ParsedFile | undefined): CompletionEntry[] {
  if (/^\s*[#!]/.test(before)) return [];
  const name = classifyName(path);
  const locale = options.locale;
  const sep = /^(\s*)((?:\\.|[^\s=:\\])*)(\s*[=:]\s*|\s+)(.*)$/.exec(before);
  if (sep) {
    const key = sep[2];
    const valueStart = offset - sep[4].length;
    const replace = { start: valueStart, end: offset };
    const scst = /^spring\.cloud\.stream\.kafka\.(.+)$/i.exec(key);
    if (scst) {
      return scstValues(splitSpringKey(scst[1]).map((x) => (x.startsWith('[') ? x.slice(1, -1) : x)), replace, locale);
    }
    const spring = /^spring\.kafka\.(.+)$/.exec(key);
    if (spring) {
      const m = /^(?:(producer|consumer|admin|streams)\.)?properties\[(.+)\]$/.exec(spring[1]);
      if (m) return valueItems(m[2], SECTION_ROLE[m[1] ?? 'producer'] ?? 'client', replace, locale);
      if (/^listener\.ack[-_]?mode$/i.test(spring[1])) return valueItems('spring:listener.ack-mode', 'consumer', replace, locale);
      const mapped = springDedicated(spring[1]);
      return mapped ? valueItems(mapped.key, mapped.role, replace, locale) : [];
    }
    const role = roleOf(path, parse);
    return role ? valueItems(key, role, replace, locale) : [];
  }
  const keyStart = offset - before.trimStart().length;
  const typed = before.trim();
  const replace = { start: keyStart, end: offset };
  const binding = /^(spring\.cloud\.stream\.bindings\.)((?:[^.]+\.)+)[^.]*$/i.exec(typed);
  if (binding) {
    const prefix = binding[1] + binding[2];
    return (bindingPlace(binding[2].slice(0, -1).split('.')) ?? []).map((p) => ({ label: prefix + p, kind: 'key' as const, insertText: prefix + p, replace }));
  }
  const scst = /^(spring\.cloud\.stream\.kafka\.)((?:[^.]+\.)*)[^.]*$/i.exec(typed);
  if (scst) {
    const place = scstPlace(scst[2] ? scst[2].slice(0, -1).split('.') : []);
    const prefix = scst[1] + scst[2];
    if (place?.kafkaRole) return keyItems(keysOfRole(place.kafkaRole, options.kafkaVersion), place.kafkaRole, replace, locale, (k) => prefix + k);
    return (place?.props ?? []).map((p) => ({ label: prefix + p, kind: 'key' as const, insertText: prefix + p, replace }));
  }
  if (name.spring || typed.startsWith('spring.')) {
    const m = /^spring\.kafka\.(?:(producer|consumer|admin|streams)\.)?properties\[([^\]]*)$/.exec(typed);
    if (m) {
      const role = SECTION_ROLE[m[1] ?? ''] ?? 'client';
      const prefix = typed.slice(0, typed.indexOf('[') + 1);
      return keyItems(keysOfRole(role, options.kafkaVersion), role, replace, locale, (k) => `${prefix}${k}]`);
    }
    if (!typed.startsWith('spring.kafka.') && !'spring.kafka.'.startsWith(typed) && !typed.startsWith('spring.')) return [];
    return springPaths().map((p) => ({ label: `spring.kafka.${p}`, kind: 'key' as const, insertText: `spring.kafka.${p}`, replace }));
  }
  const role = roleOf(path, parse);
  if (!role) return [];
  return keyItems(keysOfRole(role, options.kafkaVersion), role, replace, locale);
}

/** The role of a .properties file for completion: the parsed unit, else the file name. */
function roleOf(path: string, parse: () => ParsedFile | undefined): Role | undefined {
  const unit = parse()?.units.find((u) => u.surface === 'kafka-properties');
  if (unit) return unit.role;
  const name = classifyName(path);
  if (name.quiet || !name.kafkaish) return undefined;
  return name.role ?? 'client';
}

function springPaths(): string[] {
  const out: string[] = ['bootstrap-servers', 'client-id'];
  for (const section of ['producer', 'consumer', 'admin', 'streams', 'listener']) {
    for (const p of springSectionProperties(section)) out.push(`${section}.${p}`);
    if (section !== 'listener') out.push(`${section}.properties[`);
  }
  return out;
}

function springDedicated(rest: string): { key: string; role: Role } | undefined {
  const m = /^(producer|consumer)\.(.+)$/.exec(rest);
  if (!m) return undefined;
  const prop = m[2].replace(/_/g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const map: Record<string, string> = { acks: 'acks', 'auto-offset-reset': 'auto.offset.reset', 'isolation-level': 'isolation.level', 'enable-auto-commit': 'enable.auto.commit', 'compression-type': 'compression.type' };
  return map[prop] ? { key: map[prop], role: SECTION_ROLE[m[1]] } : undefined;
}

// ---------------------------------------------------------------- Spring Cloud Stream's Kafka binder

/** What can be written at a path below `spring.cloud.stream.kafka` (segments as written): the
 *  binder's property names, or the Kafka keys of a role (a `configuration`-like map). */
function scstPlace(rest: string[]): { props?: string[]; kafkaRole?: Role } | undefined {
  const c = rest.map(canonicalSpringSegment);
  if (!c.length) return { props: ['binder', 'bindings', 'default'] };
  if (c[0] === 'binder') {
    if (c.length === 1) return { props: SCST_BINDER_PROPS };
    const maps: Record<string, Role> = { configuration: 'client', 'producer-properties': 'producer', 'consumer-properties': 'consumer' };
    if (c.length === 2 && maps[c[1]]) return { kafkaRole: maps[c[1]] };
    if (c.length === 4 && c[1] === 'transaction' && c[2] === 'producer' && c[3] === 'configuration') return { kafkaRole: 'producer' };
    return undefined;
  }
  const at = c[0] === 'bindings' ? 2 : c[0] === 'default' ? 1 : -1;
  if (at < 0 || c.length < at) return undefined;
  if (c.length === at) return { props: ['consumer', 'producer'] };
  const dir = c[at];
  if (dir !== 'consumer' && dir !== 'producer') return undefined;
  if (c.length === at + 1) return { props: scstProperties(dir) };
  return c.length === at + 2 && c[at + 1] === 'configuration' ? { kafkaRole: dir } : undefined;
}

/** What can be written below `spring.cloud.stream.bindings` (segments as written): a binding's own
 *  properties, and those of every binder's consumer and producer. */
function bindingPlace(rest: string[]): string[] | undefined {
  const c = rest.map(canonicalSpringSegment);
  if (c.length === 1) return ['destination', 'group', 'binder', 'content-type', 'consumer', 'producer'];
  if (c.length === 2 && c[1] === 'consumer') return SCST_GENERIC_CONSUMER_PROPS;
  if (c.length === 2 && c[1] === 'producer') return SCST_GENERIC_PRODUCER_PROPS;
  return undefined;
}

/** Values for a binder property with a closed set, or for a Kafka key in one of its maps (`segs`:
 *  the path below `spring.cloud.stream.kafka`, the key written last; a map key may be dotted). */
function scstValues(segs: string[], replace: Span, locale: Locale): CompletionEntry[] {
  for (let n = segs.length - 1; n >= 0; n--) {
    const role = scstPlace(segs.slice(0, n))?.kafkaRole;
    if (role) return valueItems(segs.slice(n).join('.'), role, replace, locale);
  }
  const rest = segs.slice(0, -1);
  const place = scstPlace(rest);
  const prop = canonicalSpringSegment(segs[segs.length - 1] ?? '');
  if (prop === 'required-acks' && rest.length === 1) return valueItems('acks', 'producer', replace, locale);
  if (!place?.props?.includes(prop)) return [];
  if (prop === 'start-offset') return valueItems('auto.offset.reset', 'consumer', replace, locale).filter((i) => i.label === 'earliest' || i.label === 'latest');
  if (prop === 'ack-mode') return valueItems('spring:listener.ack-mode', 'consumer', replace, locale);
  return [];
}

// ---------------------------------------------------------------- YAML

function completeYaml(
  text: string,
  path: string,
  before: string,
  lineStart: number,
  offset: number,
  options: ResolvedOptions,
  parse: () => ParsedFile | undefined,
): CompletionEntry[] {
  if (/^\s*#/.test(before)) return [];
  const locale = options.locale;
  const indent = /^\s*/.exec(before)![0].length;
  const parents = yamlParents(text, lineStart, indent);
  const keyValue = /^(\s*)("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:\s+(\S*)$/.exec(before);
  const docKind = yamlDocKind(text, lineStart);
  const composeEnv = parents.length === 3 && parents[0] === 'services' && parents[2] === 'environment';
  if (composeEnv) return composeEnvItems(before, offset, parents[1], options, parse);
  const envSource = parents.length === 1 && (parents[0] === 'data' || parents[0] === 'stringData') ? envSourceItems(text, before, lineStart, offset, options, parse) : undefined;
  if (envSource) return envSource;
  const k8s = workloadEnvItems(text, before, lineStart, offset, options, parse);
  if (k8s) return k8s;
  if (docKind === 'cfk:Kafka' && parents.join('.') === 'spec.configOverrides.server') {
    const items = cfkServerItems(before, offset, options, parse);
    if (items) return items;
  }
  if (keyValue) {
    // value position
    const key = unquote(keyValue[2]);
    const replace = { start: offset - keyValue[3].length, end: offset };
    const full = [...parents, ...key.split('.')];
    const scstIdx = indexOfSeq(full, SCST);
    if (scstIdx >= 0) {
      return scstValues(full.slice(scstIdx + SCST.length), replace, locale);
    }
    const springIdx = indexOfSeq(full, ['spring', 'kafka']);
    if (springIdx >= 0) {
      const rest = full.slice(springIdx + 2);
      if (rest[0] === 'listener' && rest[1] && /^ack[-_]?mode$/i.test(rest[1])) return valueItems('spring:listener.ack-mode', 'consumer', replace, locale);
      const mapKey = /^\[(.+)\]$/.exec(key);
      if (mapKey) return valueItems(mapKey[1], SECTION_ROLE[rest[0]] ?? 'client', replace, locale);
      const ded = springDedicated(rest.join('.'));
      return ded ? valueItems(ded.key, ded.role, replace, locale) : [];
    }
    const role = strimziRole(docKind, parents);
    if (!role) return [];
    const items = valueItems(key, role, replace, locale);
    if (docKind !== 'cfk:KafkaTopic') return items;
    // A CFK topic's configs are strings (the CRD refuses a boolean or a number there): quoted; after
    // a typed quote, the editor has usually closed it already.
    const q = /^["']/.exec(keyValue[3])?.[0];
    return items.map((i) => ({ ...i, insertText: q ? q + i.insertText : `"${i.insertText}"` }));
  }
  const typed = before.trimStart();
  if (typed.includes(':')) return [];
  const replace = { start: offset - typed.length, end: offset };
  const bindingsIdx = indexOfSeq(parents, BINDINGS);
  if (bindingsIdx >= 0) {
    const props = bindingPlace(parents.slice(bindingsIdx + BINDINGS.length)) ?? [];
    return props.map((p) => ({ label: p, kind: 'key' as const, insertText: p === 'consumer' || p === 'producer' ? `${p}:` : `${p}: `, replace }));
  }
  const scstIdx = indexOfSeq(parents, SCST);
  if (scstIdx >= 0) {
    const place = scstPlace(parents.slice(scstIdx + SCST.length));
    if (place?.kafkaRole) return keyItems(keysOfRole(place.kafkaRole, options.kafkaVersion), place.kafkaRole, replace, locale).map((i) => ({ ...i, insertText: `${i.insertText}: ` }));
    return (place?.props ?? []).map((p) => ({ label: p, kind: 'key' as const, insertText: SCST_NESTED.has(p) ? `${p}:` : `${p}: `, replace }));
  }
  const springIdx = indexOfSeq(parents, ['spring', 'kafka']);
  if (springIdx >= 0) {
    const rest = parents.slice(springIdx + 2);
    if (rest.length === 0) return SPRING_SECTIONS.map((s) => ({ label: s, kind: 'key' as const, insertText: `${s}: `, replace }));
    if (rest.length === 1 && rest[0] !== 'properties') {
      const props = springSectionProperties(rest[0]);
      const items = props.map((p) => ({ label: p, kind: 'key' as const, insertText: `${p}: `, replace }));
      if (rest[0] !== 'listener') items.push({ label: 'properties', kind: 'key' as const, insertText: 'properties:', replace });
      return items;
    }
    const last = rest[rest.length - 1];
    if (last === 'properties') {
      const role = SECTION_ROLE[rest[0]] ?? 'client';
      return keyItems(keysOfRole(role, options.kafkaVersion), role, replace, locale, (k) => `"[${k}]"`).map((i) => ({ ...i, insertText: `${i.insertText}: ` }));
    }
    return [];
  }
  const role = strimziRole(docKind, parents);
  if (role) {
    // The keys of the cluster's own Kafka version (`spec.kafka.version`), when the resource states it.
    const unit = parse()?.units.find((u) => u.role === role && u.span.start <= offset && offset <= u.span.end);
    const version = unit ? unitKafkaVersion(unit, options) : options.kafkaVersion;
    return keyItems(keysOfRole(role, version), role, replace, locale).map((i) => ({ ...i, insertText: `${i.insertText}: ` }));
  }
  void path;
  return [];
}

function strimziRole(kind: string | undefined, parents: string[]): Role | undefined {
  const p = parents.join('.');
  if (kind === 'Kafka' && p === 'spec.kafka.config') return 'broker';
  if (kind === 'KafkaTopic' && p === 'spec.config') return 'topic';
  if (kind === 'cfk:KafkaTopic' && p === 'spec.configs') return 'topic';
  return undefined;
}

/**
 * A line of a Confluent for Kubernetes `Kafka` resource's `spec.configOverrides.server` list
 * (`- key=value`): broker keys, with the `=`; after it, the key's values.
 */
function cfkServerItems(before: string, offset: number, options: ResolvedOptions, parse: () => ParsedFile | undefined): CompletionEntry[] | undefined {
  const line = /^\s*-\s+(["']?)([^\s=#"']*)(?:=([^\s"']*))?$/.exec(before);
  if (!line) return /^\s*-?\s*$/.test(before) ? undefined : [];
  const [, , key, value] = line;
  if (value !== undefined) return valueItems(key, 'broker', { start: offset - value.length, end: offset }, options.locale);
  // The keys of the cluster's own Kafka version (its image tag), when the resource states it.
  const unit = parse()?.units.find((u) => u.surface === 'cfk-kafka' && u.span.start <= offset && offset <= u.span.end);
  const version = unit ? unitKafkaVersion(unit, options) : options.kafkaVersion;
  return keyItems(keysOfRole('broker', version), 'broker', { start: offset - key.length, end: offset }, options.locale).map((i) => ({ ...i, insertText: `${i.insertText}=` }));
}

/** `kind:` of the YAML document the line belongs to (documents split by `---`). */
// ---------------------------------------------------------------- Spring Boot variables

/**
 * In a compose service's `environment` (map or list form): in a Kafka broker's service, the
 * variables its image reads; in any other, the `SPRING_KAFKA_*` variables Spring Boot binds. At a
 * variable's value, the values of its key.
 */
function composeEnvItems(before: string, offset: number, service: string, options: ResolvedOptions, parse: () => ParsedFile | undefined): CompletionEntry[] {
  const line = /^\s*(-\s+)?(["']?)([^\s:=#"']*)(?:(\s*:\s+|=)(\S*))?$/.exec(before);
  if (!line) return [];
  const [, item, , name, sep, value] = line;
  // A value: `NAME: v` in a map, `- NAME=v` in a list.
  if (sep !== undefined && !!item !== (sep === '=')) return [];
  const broker = parse()?.units.find((u) => u.surface === 'compose' && u.facts.resourceName === service);
  if (broker) {
    const family = broker.facts.image;
    if (!family) return [];
    if (sep !== undefined) {
      const m = mapEnvVar(name, family);
      return m.kind === 'setting' ? inMap(valueItems(m.key, 'broker', { start: offset - value.length, end: offset }, options.locale)) : [];
    }
    return brokerEnvNameItems(name, offset, item ? '=' : ': ', family, unitKafkaVersion(broker, options), options);
  }
  if (sep !== undefined) return inMap(springEnvValueItems(name, value, offset, options));
  const app = parse()?.units.find((u) => u.surface === 'spring-env' && u.facts.resourceName === service);
  return springEnvNameItems(name, offset, item ? '=' : ': ', options, !!app && legacyNames(app));

  /** In the map form, a value is written the way the compose editor writes it (a boolean quoted). */
  function inMap(items: CompletionEntry[]): CompletionEntry[] {
    return item || /^["']/.test(value) ? items : items.map((i) => ({ ...i, insertText: envScalar(i.insertText) }));
  }
}

/**
 * In a ConfigMap's `data` (a Secret's `stringData`), which a container's `envFrom` makes variables:
 * the `SPRING_KAFKA_*` names, and their values written as strings; in one a broker container of
 * the file takes in, its image's `KAFKA_*` names instead. Undefined elsewhere.
 */
function envSourceItems(text: string, before: string, lineStart: number, offset: number, options: ResolvedOptions, parse: () => ParsedFile | undefined): CompletionEntry[] | undefined {
  const kind = /^kind:\s*(\w+)\s*$/m.exec(docAround(text, lineStart))?.[1];
  if (kind !== 'ConfigMap' && kind !== 'Secret') return undefined;
  const line = /^\s*(["']?)([A-Za-z0-9_]*)(?:(\s*:\s+)(\S*))?$/.exec(before);
  if (!line) return [];
  const [, , name, sep, value] = line;
  // A ConfigMap a broker container of this file takes in (without a prefix): its image's variables.
  const resource = /^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*["']?([^"'\s#]+)/m.exec(docAround(text, lineStart))?.[1];
  const broker = kind === 'ConfigMap' && resource ? parse()?.units.find((u) => u.surface === 'k8s-broker' && u.facts.envFrom?.includes(`ConfigMap ${resource}`)) : undefined;
  if (broker?.facts.image) {
    if (sep === undefined) return brokerEnvNameItems(name, offset, ': ', broker.facts.image, unitKafkaVersion(broker, options), options);
    const m = mapEnvVar(name, broker.facts.image);
    const items = m.kind === 'setting' ? valueItems(m.key, 'broker', { start: offset - value.length, end: offset }, options.locale) : [];
    return /^["']/.test(value) ? items : items.map((i) => ({ ...i, insertText: stringScalar(i.insertText) }));
  }
  if (sep !== undefined) {
    const items = springEnvValueItems(name, value, offset, options);
    return /^["']/.test(value) ? items : items.map((i) => ({ ...i, insertText: stringScalar(i.insertText) }));
  }
  const units = parse()?.units.filter((u) => u.surface === 'spring-env' && u.facts.holder?.startsWith('configmap#')) ?? [];
  const here = units.find((u) => lineStart >= u.span.start && lineStart <= u.span.end);
  return springEnvNameItems(name, offset, ': ', options, !!here && legacyNames(here));
}

/** A broker image's variables for the broker keys of its Kafka version, named as that image reads them (`KAFKA_CFG_*` on Bitnami). */
function brokerEnvNameItems(typed: string, offset: number, suffix: string, family: ImageFamily, version: string, options: ResolvedOptions): CompletionEntry[] {
  if (!mayStartWith(typed, 'KAFKA_')) return [];
  const replace = { start: offset - typed.length, end: offset };
  return keysOfRole('broker', version).flatMap((key) => {
    const label = envNameFor(key, family);
    return label ? [keyItem(label, key, 'broker', replace, options.locale, suffix)] : [];
  });
}

/**
 * In a Kubernetes workload container's `env` list: the `SPRING_KAFKA_*` names at `- name: `, and
 * at an item's `value: ` the values of its name's key. Undefined when the line is neither.
 */
function workloadEnvItems(text: string, before: string, lineStart: number, offset: number, options: ResolvedOptions, parse: () => ParsedFile | undefined): CompletionEntry[] | undefined {
  const nameAt = /^(\s*)-\s+name:\s*["']?([A-Za-z0-9_]*)$/.exec(before);
  const valueAt = nameAt ? null : /^(\s*)value:\s*(["']?)(\S*)$/.exec(before);
  if (!nameAt && !valueAt) return undefined;
  const kind = /^kind:\s*(\w+)\s*$/m.exec(docAround(text, lineStart))?.[1];
  if (!kind || !Object.hasOwn(WORKLOAD_POD_SPEC, kind)) return undefined;
  const lines = precedingLines(text, lineStart).filter((l) => l.trim() && !/^\s*#/.test(l));
  const indentOf = (l: string) => /^\s*/.exec(l)![0].length;
  let name: string | undefined;
  let itemIndent = nameAt ? nameAt[1].length : -1;
  if (valueAt) {
    // The item's name: a `name:` line beside this one, or the item's first line `- name: X`.
    const indent = valueAt[1].length;
    for (const l of lines) {
      const ind = indentOf(l);
      if (ind === indent) name ??= /^\s*name:\s*["']?([A-Za-z0-9_]+)["']?\s*$/.exec(l)?.[1];
      if (ind >= indent) continue;
      const dash = /^\s*-(?:\s+name:\s*["']?([A-Za-z0-9_]+)["']?\s*$|\s|$)/.exec(l);
      if (!dash) return undefined;
      name ??= dash[1];
      itemIndent = ind;
      break;
    }
    if (!name || itemIndent < 0) return undefined;
  }
  // The list the item is in must be a container's `env` (its items indented, or at the key's column).
  const envLine = lines.find((l) => indentOf(l) < itemIndent || (indentOf(l) === itemIndent && !/^\s*-/.test(l)));
  if (!envLine || !/^\s*env:\s*(#.*)?$/.test(envLine)) return undefined;
  // A broker's container: its image's variables, for its Kafka version.
  const broker = parse()?.units.find((u) => u.surface === 'k8s-broker' && u.span.start <= offset && offset <= u.span.end);
  if (nameAt) {
    if (broker?.facts.image) return brokerEnvNameItems(nameAt[2], offset, '', broker.facts.image, unitKafkaVersion(broker, options), options);
    const container = parse()?.units.find((u) => u.surface === 'spring-env' && u.span.start <= offset && offset <= u.span.end);
    return springEnvNameItems(nameAt[2], offset, '', options, !!container && legacyNames(container));
  }
  const [, , quote, typed] = valueAt!;
  let items: CompletionEntry[];
  if (broker?.facts.image) {
    const m = mapEnvVar(name!, broker.facts.image);
    items = m.kind === 'setting' ? valueItems(m.key, 'broker', { start: offset - typed.length, end: offset }, options.locale) : [];
  } else items = springEnvValueItems(name!, typed, offset, options);
  // Unquoted, a value is written so that Kubernetes reads a string (`"1"`, not `1`).
  return items.map((i) => (quote ? i : { ...i, insertText: stringScalar(i.insertText) }));
}

/** The `SPRING_KAFKA_*` names with the Kafka key's documentation, in the spelling Boot documents or the legacy one; `typed` is replaced, `suffix` follows the name. */
function springEnvNameItems(typed: string, offset: number, suffix: string, options: ResolvedOptions, legacy: boolean): CompletionEntry[] {
  if (!mayStartWith(typed, 'SPRING_KAFKA_')) return [];
  const replace = { start: offset - typed.length, end: offset };
  const out: CompletionEntry[] = [];
  // In the spelling the service or container already uses (the one Spring Boot documents otherwise).
  const add = (path: string, key: string, role: Role) => out.push(keyItem(springEnvName(path, legacy), key, role, replace, options.locale, suffix));
  for (const path of springPaths()) {
    const m = /^(\w+)\.properties\[$/.exec(path);
    if (m) {
      const role = SECTION_ROLE[m[1]];
      for (const k of keysOfRole(role, options.kafkaVersion)) add(`${m[1]}.properties[${k}]`, k, role);
      continue;
    }
    const mapping = mapSpringKafkaPath(path);
    if (mapping) add(path, mapping.key, mapping.role);
  }
  return out;
}

/** The values of the key a `SPRING_KAFKA_*` variable binds to; `typed` is replaced. */
function springEnvValueItems(name: string, typed: string, offset: number, options: ResolvedOptions): CompletionEntry[] {
  const path = springEnvPath(name);
  const m = path === undefined ? undefined : mapSpringKafkaPath(path);
  return m ? valueItems(m.key, m.role, { start: offset - typed.length, end: offset }, options.locale) : [];
}


/** The lines before `lineStart`, nearest first. */
function precedingLines(text: string, lineStart: number): string[] {
  return text.slice(0, lineStart).split(/\r?\n/).reverse().slice(1);
}

/** The text of the YAML document a line is in (between `---` lines). */
function docAround(text: string, lineStart: number): string {
  const docStart = Math.max(0, text.lastIndexOf('\n---', lineStart) + 1);
  let docEnd = text.indexOf('\n---', lineStart);
  if (docEnd < 0) docEnd = text.length;
  return text.slice(docStart, docEnd);
}

/** `kind:` of the Strimzi resource a line is in (`Kafka`), or of the Confluent for Kubernetes one (`cfk:Kafka`). */
function yamlDocKind(text: string, lineStart: number): string | undefined {
  const doc = docAround(text, lineStart);
  const cfk = /^apiVersion:\s*["']?platform\.confluent\.io\//m.test(doc);
  if (!cfk && !/^apiVersion:\s*kafka\.strimzi\.io\//m.test(doc)) return undefined;
  const kind = /^kind:\s*(\w+)/m.exec(doc)?.[1];
  return kind && cfk ? 'cfk:' + kind : kind;
}

/** Keys of the mappings enclosing a line with the given indentation, outermost first; dotted keys split. */
function yamlParents(text: string, lineStart: number, indent: number): string[] {
  const parents: string[] = [];
  let want = indent;
  let pos = lineStart;
  while (pos > 0 && want > 0) {
    const prevEnd = pos - 1;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const line = text.slice(prevStart, prevEnd).replace(/\r$/, '');
    pos = prevStart;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    if (/^---/.test(line)) break;
    const ind = /^\s*/.exec(line)![0].length;
    if (ind >= want) continue;
    const m = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:\s*(?:#.*)?$/.exec(line);
    if (!m) return [];
    parents.unshift(...unquote(m[1]).split('.'));
    want = ind;
  }
  // A top-level dotted key like `spring.kafka.producer:` was split above already.
  return parents;
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

function indexOfSeq(a: string[], seq: string[]): number {
  for (let i = 0; i + seq.length <= a.length; i++) if (seq.every((s, j) => a[i + j] === s)) return i;
  return -1;
}

// ---------------------------------------------------------------- Go

function completeGo(text: string, before: string, offset: number, options: ResolvedOptions, parse: () => ParsedFile | undefined): CompletionEntry[] {
  const writer = kafkaGoAcksItems(text, before, offset, options, parse);
  if (writer) return writer;
  const parsed = parse();
  if (!parsed || !/"github\.com\/(IBM|Shopify)\/sarama"/.test(text)) return [];
  const locale = options.locale;
  const alias = parsed.units[0]?.facts.saramaAlias ?? 'sarama';
  const constMatch = new RegExp(`(\\w+(?:\\.\\w+)+)\\s*=\\s*${alias}\\.(\\w*)$`).exec(before);
  if (constMatch) {
    const field = constMatch[1].split('.').slice(1).join('.');
    const typed = constMatch[2];
    const replace = { start: offset - typed.length, end: offset };
    const set = field === 'Producer.RequiredAcks' ? SARAMA_ACKS : field === 'Consumer.Offsets.Initial' ? SARAMA_OFFSETS : field === 'Consumer.IsolationLevel' ? SARAMA_ISOLATION : [...SARAMA_ACKS, ...SARAMA_OFFSETS, ...SARAMA_ISOLATION];
    return set.map((c) => {
      const doc = saramaDoc(c.name);
      return { label: c.name, kind: 'constant' as const, insertText: c.name, replace, ...(doc ? { detail: pick(doc.summary, locale), documentation: pick(doc.body, locale) } : {}) };
    });
  }
  // `cfg.Producer.` → field paths of a sarama config variable.
  const fieldMatch = /(\w+)\.((?:\w+\.)*)(\w*)$/.exec(before);
  if (fieldMatch) {
    const variable = fieldMatch[1];
    const isConfig = parsed.units.some((u) => u.settings.some((s) => s.sourceKey.startsWith(variable + '.')) || text.includes(`${variable} := ${alias}.NewConfig()`) || text.includes(`${variable} = ${alias}.NewConfig()`));
    if (!isConfig) return [];
    const prefix = fieldMatch[2];
    const replace = { start: offset - prefix.length - fieldMatch[3].length, end: offset };
    return SARAMA_FIELDS.filter((f) => f.path.startsWith(prefix)).map((f) => {
      const doc = saramaDoc(f.path);
      return { label: f.path, kind: 'field' as const, insertText: f.path, replace, ...(doc ? { detail: pick(doc.summary, locale), documentation: pick(doc.body, locale) } : {}) };
    });
  }
  return [];
}

/**
 * kafka-go: the `RequiredAcks` constants after `RequiredAcks: <pkg>.` in a `kafka.Writer` literal
 * (or after `w.RequiredAcks = <pkg>.`), `RequireAll` first.
 */
function kafkaGoAcksItems(text: string, before: string, offset: number, options: ResolvedOptions, parse: () => ParsedFile | undefined): CompletionEntry[] | undefined {
  const m = /\bRequiredAcks\s*(?::|=)\s*(\w+)\.(\w*)$/.exec(before);
  if (!m || !text.includes('"github.com/segmentio/kafka-go"')) return undefined;
  const units = parse()?.units.filter((u) => u.surface === 'kafka-go') ?? [];
  const alias = (units[0]?.ext as { alias?: string } | undefined)?.alias ?? 'kafka';
  if (m[1] !== alias) return undefined;
  // (a WriterConfig's RequiredAcks is an int: the constants do not compile there)
  if (units.some((u) => u.facts.kafkaGoWriterConfig && u.span.start < offset && offset < u.span.end)) return [];
  const replace = { start: offset - m[2].length, end: offset };
  return ['RequireAll', 'RequireOne', 'RequireNone'].map((name, i) => {
    const doc = kafkaGoDoc(name);
    return {
      label: name,
      kind: 'constant' as const,
      insertText: name,
      replace,
      sortText: String(i),
      ...(doc ? { detail: pick(doc.summary, options.locale), documentation: pick(doc.body, options.locale) } : {}),
    };
  });
}
