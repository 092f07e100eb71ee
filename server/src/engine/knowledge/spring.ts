// Spring Boot `spring.kafka.*` properties -> Kafka client keys (Spring Boot 3.x/4.x
// KafkaProperties; facts.md §7). Boot leaves loss-relevant keys unset unless configured, so the
// Kafka client default applies; `...properties[key]` maps override the dedicated keys, and
// client-specific values override `spring.kafka.properties[...]`.

import type { Role } from '../model.js';
import { Memo } from '../memo.js';

/** How a dedicated Spring property's value is converted to the Kafka value. */
export type SpringValueKind = 'string' | 'duration-ms' | 'datasize' | 'enum-lower' | 'list';

export interface SpringMapping {
  /** Canonical key (`acks`, `enable.auto.commit`, `spring:listener.ack-mode`). */
  key: string;
  role: Role;
  precedence: number;
  kind: SpringValueKind;
}

type Table = Record<string, [string, SpringValueKind?]>;

// Dedicated properties per section, in canonical (kebab-case) form.
const COMMON: Table = {
  'bootstrap-servers': ['bootstrap.servers', 'list'],
  'client-id': ['client.id'],
  'security.protocol': ['security.protocol'],
  'ssl.key-password': ['ssl.key.password'],
  'ssl.key-store-location': ['ssl.keystore.location'],
  'ssl.key-store-password': ['ssl.keystore.password'],
  'ssl.key-store-type': ['ssl.keystore.type'],
  'ssl.trust-store-location': ['ssl.truststore.location'],
  'ssl.trust-store-password': ['ssl.truststore.password'],
  'ssl.trust-store-type': ['ssl.truststore.type'],
  'ssl.protocol': ['ssl.protocol'],
};

const PRODUCER: Table = {
  ...COMMON,
  acks: ['acks'],
  'batch-size': ['batch.size', 'datasize'],
  'buffer-memory': ['buffer.memory', 'datasize'],
  'compression-type': ['compression.type', 'enum-lower'],
  'key-serializer': ['key.serializer'],
  'value-serializer': ['value.serializer'],
  retries: ['retries'],
  // A prefix, not the id itself: Spring derives transactional.id from it, so for our rules
  // it means "this producer is transactional".
  'transaction-id-prefix': ['transactional.id'],
};

const CONSUMER: Table = {
  ...COMMON,
  'auto-commit-interval': ['auto.commit.interval.ms', 'duration-ms'],
  // A String in Spring Boot, handed to the client as written (facts.md §7): `LATEST` is refused there.
  'auto-offset-reset': ['auto.offset.reset'],
  'enable-auto-commit': ['enable.auto.commit'],
  'fetch-max-wait': ['fetch.max.wait.ms', 'duration-ms'],
  'fetch-min-size': ['fetch.min.bytes', 'datasize'],
  'group-id': ['group.id'],
  'heartbeat-interval': ['heartbeat.interval.ms', 'duration-ms'],
  'isolation-level': ['isolation.level', 'enum-lower'],
  'key-deserializer': ['key.deserializer'],
  'value-deserializer': ['value.deserializer'],
  'max-poll-records': ['max.poll.records'],
  'max-poll-interval': ['max.poll.interval.ms', 'duration-ms'],
};

const ADMIN: Table = {
  ...COMMON,
};

// Real Boot properties that are no Kafka client keys: known, so never "unknown", never judged.
const SPRING_ONLY: Record<string, string[]> = {
  producer: ['ssl.bundle'],
  consumer: ['ssl.bundle'],
  admin: ['ssl.bundle', 'fail-fast', 'auto-create', 'operation-timeout', 'close-timeout', 'modify-topic-configs'],
  streams: ['ssl.bundle', 'auto-startup', 'cleanup.on-startup', 'cleanup.on-shutdown'],
};

const STREAMS: Table = {
  ...COMMON,
  'application-id': ['application.id'],
  'replication-factor': ['replication.factor'],
  'state-dir': ['state.dir'],
  'state-store-cache-max-size': ['statestore.cache.max.bytes', 'datasize'],
};

/** spring.kafka.listener.* — container settings, not Kafka client keys. */
const LISTENER: Record<string, SpringValueKind> = {
  'ack-mode': 'string',
  'ack-count': 'string',
  'ack-time': 'string',
  type: 'string',
  concurrency: 'string',
  'poll-timeout': 'string',
  'missing-topics-fatal': 'string',
  'immediate-stop': 'string',
  'async-acks': 'string',
  'idle-event-interval': 'string',
  'log-container-config': 'string',
  'client-id': 'string',
  'monitor-interval': 'string',
  'no-poll-threshold': 'string',
  'observation-enabled': 'string',
  'auto-startup': 'string',
  'change-consumer-thread-name': 'string',
  'ack-discarded': 'string',
};

export const SPRING_ACK_MODES = ['RECORD', 'BATCH', 'TIME', 'COUNT', 'COUNT_TIME', 'MANUAL', 'MANUAL_IMMEDIATE'];

/** The client each section below `spring.kafka` configures (`listener`: the consumer's container). */
export const SPRING_SECTION_ROLE: Readonly<Record<string, Role>> = { producer: 'producer', consumer: 'consumer', admin: 'admin', streams: 'streams', listener: 'consumer' };

/**
 * A property below `spring.kafka` (canonical segments, no `[...]`) that maps to nothing we model,
 * kept so that unknown-key can name the one meant: below a section, `spring:<section>.<prop>` in
 * the section's role; a single name (a section's property one level too high), `spring:<name>`,
 * shared by the file's clients. Undefined for anything else (another area, a `properties` map).
 */
export function unknownSpringProperty(segs: readonly string[]): { key: string; role: Role; precedence: number } | undefined {
  if (!segs.length || segs.some((s) => !s)) return undefined;
  const role = Object.hasOwn(SPRING_SECTION_ROLE, segs[0]) ? SPRING_SECTION_ROLE[segs[0]] : undefined;
  if (segs.length === 1) return role || segs[0] === 'properties' ? undefined : { key: `spring:${segs[0]}`, role: 'client', precedence: 0 };
  if (!role || segs[1] === 'properties') return undefined;
  return { key: `spring:${segs.join('.')}`, role, precedence: 1 };
}

/** The sections below `spring.kafka` whose properties `springSectionProperties` lists. */
export const SPRING_KAFKA_SECTIONS = ['producer', 'consumer', 'admin', 'streams', 'listener'];
/** Spring Boot's own properties directly below `spring.kafka` that are not sections. */
export const SPRING_KAFKA_TOP = ['properties', 'bootstrap-servers', 'client-id'];

const SECTIONS: Record<string, { role: Role; table: Table }> = {
  producer: { role: 'producer', table: PRODUCER },
  consumer: { role: 'consumer', table: CONSUMER },
  admin: { role: 'admin', table: ADMIN },
  streams: { role: 'streams', table: STREAMS },
};

/**
 * Spring Boot relaxed binding: `enableAutoCommit`, `enable_auto_commit`, `ENABLE-AUTO-COMMIT`
 * all mean `enable-auto-commit`. Map keys inside `properties[...]` are NOT relaxed.
 */
export function canonicalSpringSegment(seg: string): string {
  return segmentMemo.get(seg);
}

// Both functions here run for every Spring setting on every lint (parsers and rules alike) and
// see the same few hundred names over and over: their results are remembered (memo.ts).
const segmentMemo = new Memo(
  (seg: string) =>
    seg
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/_/g, '-')
      .toLowerCase(),
  4096,
);
// Shared, frozen results: callers read them only.
const mappingMemo = new Memo((rest: string) => {
  const m = mapSpringKafkaPathUncached(rest);
  return m && Object.freeze(m);
}, 4096);

/** Boot compares property names ignoring case and dashes: `batchsize` binds to `batch-size`. */
const uniform = (path: string) => path.replace(/-/g, '');

function findUniform<T>(table: Record<string, T>, prop: string): [string, T] | undefined {
  if (prop in table) return [prop, table[prop]];
  const u = uniform(prop);
  for (const k of Object.keys(table)) if (uniform(k) === u) return [k, table[k]];
  return undefined;
}

/**
 * Map a full property path below `spring.kafka.` (already split from the prefix), e.g.
 * `producer.acks`, `producer.properties[enable.idempotence]`, `properties.linger.ms`,
 * `consumer.enableAutoCommit`, `listener.ack-mode`.
 * Returns undefined for paths that are not Kafka client settings we model.
 */
export function mapSpringKafkaPath(rest: string): SpringMapping | undefined {
  return mappingMemo.get(rest);
}

function mapSpringKafkaPathUncached(rest: string): SpringMapping | undefined {
  // Map entries: `<section>.properties[<key>]`, `<section>.properties.<key>`, and the same without a section.
  const mapEntry = /^(?:(producer|consumer|admin|streams)\.)?properties(?:\[(.+)\]|\.(.+))$/.exec(rest);
  if (mapEntry) {
    const section = mapEntry[1];
    const key = (mapEntry[2] ?? mapEntry[3]).trim();
    if (!key) return undefined;
    if (!section) return { key, role: 'client', precedence: 0, kind: 'string' };
    return { key, role: SECTIONS[section].role, precedence: 2, kind: 'string' };
  }
  const full = rest.split('.').map(canonicalSpringSegment).join('.');
  const common = findUniform(COMMON, full)?.[1];
  if (common) return { key: common[0], role: 'client', precedence: 0, kind: common[1] ?? 'string' };
  const dot = rest.indexOf('.');
  if (dot < 0) return undefined;
  const section = canonicalSpringSegment(rest.slice(0, dot));
  const prop = rest
    .slice(dot + 1)
    .split('.')
    .map(canonicalSpringSegment)
    .join('.');
  if (section === 'listener') {
    const l = findUniform(LISTENER, prop);
    return l ? { key: `spring:listener.${l[0]}`, role: 'consumer', precedence: 1, kind: 'string' } : undefined;
  }
  const s = SECTIONS[section];
  if (!s) return undefined;
  const m = findUniform(s.table, prop)?.[1];
  if (m) return { key: m[0], role: s.role, precedence: 1, kind: m[1] ?? 'string' };
  const only = (SPRING_ONLY[section] ?? []).find((x) => uniform(x) === uniform(prop));
  if (only) return { key: `spring:${section}.${only}`, role: s.role, precedence: 1, kind: 'string' };
  return undefined;
}

/** Known Boot properties with no Kafka client key behind them (`spring:admin.fail-fast`). */
export function isKnownSpringOnly(key: string): boolean {
  const m = /^spring:(\w+)\.(.+)$/.exec(key);
  if (!m) return false;
  if (m[1] === 'listener') return m[2] in LISTENER;
  return !!SPRING_ONLY[m[1]]?.includes(m[2]);
}

/** Known dedicated property names of a section, for "did you mean" on misspelled Spring keys. */
export function springSectionProperties(section: string): string[] {
  if (section === 'listener') return Object.keys(LISTENER);
  return [...Object.keys(SECTIONS[section]?.table ?? {}), ...(SPRING_ONLY[section] ?? [])];
}

/** The section name under spring.kafka for a role. */
export function springSection(role: Role): string | undefined {
  return role === 'producer' || role === 'consumer' || role === 'admin' || role === 'streams' ? role : undefined;
}

/**
 * How to write a canonical key for a role in Spring: the dedicated property when one exists
 * (`producer.acks`), else the map form (`producer.properties[enable.idempotence]`).
 * Returned without the `spring.kafka.` prefix; `dedicated` says which form.
 */
export function springPathFor(key: string, role: Role): { path: string; dedicated: boolean; kind: SpringValueKind } | undefined {
  if (key.startsWith('spring:listener.')) return { path: `listener.${key.slice('spring:listener.'.length)}`, dedicated: true, kind: 'string' };
  const section = springSection(role);
  if (!section) return undefined;
  for (const [prop, [k, kind]] of Object.entries(SECTIONS[section].table)) {
    // Only write dedicated keys whose value needs no conversion; durations/sizes go to the map.
    if (k === key && key !== 'transactional.id' && (kind === undefined || kind === 'string' || kind === 'enum-lower')) {
      return { path: `${section}.${prop}`, dedicated: true, kind: kind ?? 'string' };
    }
  }
  return { path: `${section}.properties[${key}]`, dedicated: false, kind: 'string' };
}

/** Spring Boot Duration text (`5s`, `500ms`, `PT5S`, `1m`, plain number = ms) -> milliseconds. */
export function springDurationToMs(text: string): number | undefined {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  const simple = /^(-?\d+)\s*(ns|us|ms|s|m|h|d)$/i.exec(t);
  if (simple) {
    const n = Number(simple[1]);
    const f: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };
    return Math.round(n * f[simple[2].toLowerCase()]);
  }
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(t);
  if (iso && t.length > 1) {
    const [, d, h, m, s] = iso;
    return Math.round(((+(d ?? 0) * 24 + +(h ?? 0)) * 60 + +(m ?? 0)) * 60000 + +(s ?? 0) * 1000);
  }
  return undefined;
}

/** Spring Boot DataSize text (`16KB`, `32MB`, `1024`, `1024B`) -> bytes. */
export function springDataSizeToBytes(text: string): number | undefined {
  const m = /^(-?\d+)\s*(B|KB|MB|GB|TB)?$/i.exec(text.trim());
  if (!m) return undefined;
  const f: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };
  return Number(m[1]) * f[(m[2] ?? 'B').toUpperCase()];
}

/** Convert a dedicated Spring value to the Kafka value (numbers as text). Undefined when it cannot be read. */
export function springValueToKafka(kind: SpringValueKind, text: string): string | undefined {
  switch (kind) {
    case 'duration-ms': {
      const v = springDurationToMs(text);
      return v === undefined ? undefined : String(v);
    }
    case 'datasize': {
      const v = springDataSizeToBytes(text);
      return v === undefined ? undefined : String(v);
    }
    case 'enum-lower':
      return text.trim().toLowerCase();
    default:
      return text;
  }
}

// ---- Environment variables (`SPRING_KAFKA_PRODUCER_ACKS` of a compose service or Kubernetes container) ----
//
// Spring Boot reads an environment variable as a property name by splitting it at `_` and
// lower-casing each element (SystemEnvironmentPropertyMapper, since Boot 2.0). A property is
// looked up under two spellings, in upper or lower case: its elements with the dashes removed
// (`SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT`) and, the "legacy" form, with each dash turned into
// `_` (`SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT`). Below a map property such as
// `spring.kafka.properties` every further element is part of the key, joined with dots (MapBinder):
// `SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE` is `spring.kafka.properties[enable.idempotence]`.
// docs/sources/spring-boot-env.md has where each of these was read.

const ENV_PREFIX = 'spring_kafka_';
const MAP_SECTIONS = ['producer', 'consumer', 'admin', 'streams'];

/** Both environment spellings (lower case, without the prefix) of every property path we know -> the path. */
let envForms: Map<string, string> | undefined;

function knownSpringPaths(): string[] {
  const paths = Object.keys(COMMON);
  for (const [section, { table }] of Object.entries(SECTIONS)) {
    for (const p of Object.keys(table)) paths.push(`${section}.${p}`);
    for (const p of SPRING_ONLY[section] ?? []) paths.push(`${section}.${p}`);
  }
  for (const p of Object.keys(LISTENER)) paths.push(`listener.${p}`);
  return paths;
}

function envFormsOf(): Map<string, string> {
  if (envForms) return envForms;
  envForms = new Map();
  for (const path of knownSpringPaths()) {
    const elements = path.split('.');
    envForms.set(elements.map((e) => e.replace(/-/g, '')).join('_'), path);
    envForms.set(elements.map((e) => e.replace(/-/g, '_')).join('_'), path);
  }
  return envForms;
}

/**
 * The property below `spring.kafka.` an environment variable binds to, in the form
 * `mapSpringKafkaPath` reads: `producer.acks`, `consumer.properties[max.poll.records]`,
 * `properties[linger.ms]`. Below a section, a name that binds to nothing we know comes back with
 * its elements joined by dashes (`consumer.auto-offset-resett`, for unknown-key), and a single
 * element as it is (`acks`: a section's property one level too high). Undefined for variables
 * that are not below `spring.kafka`, that mix upper and lower case (Boot looks up only the two),
 * or that name another area (`SPRING_KAFKA_TEMPLATE_DEFAULT_TOPIC`).
 */
export function springEnvPath(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (!lower.startsWith(ENV_PREFIX) || (name !== lower && name !== name.toUpperCase())) return undefined;
  const rest = lower.slice(ENV_PREFIX.length);
  const elements = rest.split('_');
  // An empty element (`__`) makes no property name; a number is a list index (`[0]`).
  if (elements.some((e) => e === '' || /^\d+$/.test(e) || !/^[a-z0-9]+$/.test(e))) return undefined;
  const known = envFormsOf().get(rest);
  if (known) return known;
  const mapAt = elements[0] === 'properties' ? 0 : MAP_SECTIONS.includes(elements[0]) && elements[1] === 'properties' ? 1 : -1;
  if (mapAt >= 0) {
    const key = elements.slice(mapAt + 1).join('.');
    if (!key) return undefined;
    return mapAt === 0 ? `properties[${key}]` : `${elements[0]}.properties[${key}]`;
  }
  if (elements.length === 1) return elements[0];
  if (MAP_SECTIONS.includes(elements[0]) || elements[0] === 'listener') return `${elements[0]}.${elements.slice(1).join('-')}`;
  return undefined;
}

/**
 * The environment variable Spring Boot binds to a property below `spring.kafka.`
 * (`producer.properties[enable.idempotence]`): upper case, with dashes removed as Boot documents
 * it, or with each dash turned into `_` (`legacy`, the other form Boot reads).
 */
export function springEnvName(path: string, legacy = false): string {
  const map = /^(?:([a-z]+)\.)?properties\[(.+)\]$/.exec(path);
  const elements = map
    ? [...(map[1] ? [map[1]] : []), 'properties', ...map[2].split('.')]
    : path.split('.').map((e) => e.replace(/-/g, legacy ? '_' : ''));
  return (ENV_PREFIX + elements.join('_')).toUpperCase();
}
