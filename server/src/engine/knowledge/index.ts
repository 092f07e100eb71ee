// Knowledge base facade: which keys Kafka reads per role and version, their defaults per version
// and client, "did you mean", removed keys, and value checks.
// - Keys and defaults per version come from shared/reference TSVs (Kafka 0.8.0–3.9), generated into
//   kafkaKeys.generated.ts by scripts/gen-knowledge.mjs together with the Kafka 4.0 changes (the 4.0
//   generated config tables and upgrade notes; sources in the script).
// - Other clients: librdkafka (facts.md §11.1), sarama (./sarama.ts), spring-kafka (facts.md §6).
// Every function is pure and never throws.

import type { Client, ConfigUnit, Role } from '../model.js';
import type { L10n } from '../l10n.js';
import { DEFAULT_HISTORY, KEYS, VERSIONS } from './kafkaKeys.generated.js';
import { saramaDefault } from './sarama.js';
import { SPRING_ACK_MODES } from './spring.js';
import { Memo } from '../memo.js';

export interface KeyInfo {
  key: string;
  role: Role;
  type?: string;
  /** Default in the newest documented version. */
  defaultValue?: string;
  validValues?: string;
  importance?: string;
  /** First Kafka version that documents the key for this role, e.g. `0.11.0`. */
  since?: string;
  /** Last version that documents it, when removed. */
  removedAfter?: string;
  /** Topic keys: the broker key that supplies the cluster-wide default (`log.flush.interval.messages`). */
  serverDefaultProperty?: string;
}

export interface RemovedKey {
  key: string;
  /** Version in which it stopped being read, e.g. `2.0`. */
  removedIn: string;
  /** 1:1 successor key, when one exists. */
  successor?: string;
  /** Why it is gone / what replaces it. */
  note: L10n;
  /**
   * The Java client never read it (old Scala producer/consumer keys): it is ignored by every Java
   * client version, even before `removedIn` (when the Scala client was removed).
   */
  javaClientIgnores?: boolean;
}

export interface ValueProblem {
  /** Allowed values when the key is an enum (each becomes a quick fix). */
  allowed?: string[];
  reason: L10n;
  /** A corrected value when one is certain (`5s` for a `.ms` key -> `5000`). */
  suggestion?: string;
}

export interface DefaultInfo {
  value: string;
  /** The assumption, e.g. "Kafka 4.0 default", "sarama v1.45.0 default", "spring-kafka default". */
  source: string;
}

export function compareVersions(a: string, b: string): number {
  // Asked for the same few versions over and over (defaults of every setting on every lint).
  return versionOrder.get(a, b);
}

const versionOrder = new Memo((a: string, b: string) => compareVersionsUncached(a, b));

function compareVersionsUncached(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Catalog

/** Newest Kafka release the catalog describes. */
export const NEWEST_KAFKA_VERSION = VERSIONS[VERSIONS.length - 1];

const CATALOG_ROLES = ['producer', 'consumer', 'broker', 'topic', 'admin', 'streams'] as const;
type CatalogRole = (typeof CATALOG_ROLES)[number];
const CLIENT_ROLES: CatalogRole[] = ['producer', 'consumer', 'admin'];

interface Entry {
  key: string;
  role: string;
  type: string;
  def: string;
  valid: string;
  imp: string;
  first: number;
  last: number;
  sdp: string;
  def40?: string;
  valid40?: string;
}

const IMPORTANCE: Record<string, string> = { h: 'high', m: 'medium', l: 'low' };
const V39 = VERSIONS.indexOf('3.9');
const V40 = VERSIONS.indexOf('4.0');

let byKey: Map<string, Map<string, Entry>> | undefined;
let history: Map<string, readonly (readonly [string, string | null])[]> | undefined;

function catalog(): Map<string, Map<string, Entry>> {
  if (byKey) return byKey;
  const m = new Map<string, Map<string, Entry>>();
  for (const [key, role, type, def, valid, imp, first, last, sdp, def40, valid40] of KEYS) {
    let roles = m.get(key);
    if (!roles) m.set(key, (roles = new Map()));
    roles.set(role, {
      key,
      role,
      type,
      def,
      valid,
      imp,
      first: VERSIONS.indexOf(first),
      last: VERSIONS.indexOf(last),
      sdp,
      ...(def40 !== undefined ? { def40 } : {}),
      ...(valid40 !== undefined ? { valid40 } : {}),
    });
  }
  byKey = m;
  return m;
}

function historyOf(key: string, role: string) {
  if (!history) {
    history = new Map();
    for (const [k, r, runs] of DEFAULT_HISTORY) history.set(`${k}\u0000${r}`, runs);
  }
  return history.get(`${key}\u0000${role}`);
}

function rolesFor(role: Role): CatalogRole[] {
  return role === 'client' ? CLIENT_ROLES : [role];
}

function entryFor(key: string, role: Role): Entry | undefined {
  const roles = catalog().get(key);
  if (!roles) return undefined;
  for (const r of rolesFor(role)) {
    const e = roles.get(r);
    if (e) return e;
  }
  return undefined;
}

/**
 * Index into VERSIONS of the newest catalog release not newer than `v` (`2.8.1` -> `2.8`,
 * `0.10.2.1` -> `0.10.2`, `4.2` -> `4.0`); -1 when `v` predates 0.8.0. A version we cannot read
 * means the newest release. Releases after 4.0 are answered with the 4.0 tables: keys added in
 * 4.1+ are not in the catalog (UNVERIFIED beyond 4.0; the 4.1–4.3 upgrade notes list no change to
 * the loss-relevant defaults, facts.md §15).
 */
export function resolveKafkaVersion(v: string | undefined): number {
  // Called for every setting by several rules, nearly always with the one configured version.
  if (v === lastVersion.text) return lastVersion.index;
  const index = resolveKafkaVersionUncached(v);
  lastVersion = { text: v, index };
  return index;
}

let lastVersion: { text: string | undefined; index: number } = { text: '\u0000', index: -1 };

// Rules ask the catalog the same questions for every setting on every lint (an editor lints on
// each keystroke): the answers below are remembered. Pure functions of their arguments; the
// caches are bounded so that typing many distinct values does not grow memory.
function resolveKafkaVersionUncached(v: string | undefined): number {
  const t = (v ?? '').trim().replace(/^v/i, '');
  if (!/^\d+(\.\d+)*$/.test(t)) return VERSIONS.length - 1;
  for (let i = VERSIONS.length - 1; i >= 0; i--) if (compareVersions(VERSIONS[i], t) <= 0) return i;
  return -1;
}

/** Catalog cell -> value: strips the `(2 minutes)` suffix, `""` -> empty string; no default -> undefined. */
function cleanCell(raw: string | null | undefined): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (raw === '""') return '';
  const m = /^(-?\d+(?:\.\d+)?(?:E\d+)?) \([^)]*\)$/.exec(raw);
  return m ? m[1] : raw;
}

function toKeyInfo(e: Entry, role: Role): KeyInfo {
  const inNewest = e.last === VERSIONS.length - 1;
  const def = cleanCell(inNewest ? (e.def40 ?? e.def) : e.def);
  const valid = inNewest ? (e.valid40 ?? e.valid) : e.valid;
  return {
    key: e.key,
    role: role === 'client' ? (e.role as Role) : role,
    ...(e.type ? { type: e.type } : {}),
    ...(def !== undefined ? { defaultValue: def } : {}),
    ...(valid ? { validValues: valid } : {}),
    ...(e.imp ? { importance: IMPORTANCE[e.imp] ?? e.imp } : {}),
    since: VERSIONS[e.first],
    ...(inNewest ? {} : { removedAfter: VERSIONS[e.last] }),
    ...(e.sdp ? { serverDefaultProperty: e.sdp } : {}),
  };
}

// spring-kafka container settings that have no Kafka key behind them (facts.md §6.1).
const SPRING_KEYS: Record<string, KeyInfo> = {
  'spring:listener.ack-mode': {
    key: 'spring:listener.ack-mode',
    role: 'consumer',
    type: 'string',
    defaultValue: 'BATCH',
    validValues: `[${SPRING_ACK_MODES.join(', ')}]`,
  },
};

/** Catalog entry of a key for a role ('client' matches producer, consumer or admin). */
export function lookupKey(key: string, role: Role): KeyInfo | undefined {
  return lookupKeyMemo.get(key, role);
}

const lookupKeyMemo = new Memo((key: string, role: Role) => lookupKeyUncached(key, role));

function lookupKeyUncached(key: string, role: Role): KeyInfo | undefined {
  const spring = SPRING_KEYS[key];
  if (spring) return role === 'consumer' || role === 'client' ? spring : undefined;
  const e = entryFor(key, role);
  return e ? toKeyInfo(e, role) : undefined;
}

/** The roles whose documentation lists the key in any version (connect excluded). */
export function rolesOfKey(key: string): Role[] {
  if (SPRING_KEYS[key]) return ['consumer'];
  const roles = catalog().get(key);
  if (!roles) return [];
  return CATALOG_ROLES.filter((r) => roles.has(r));
}

/** Keys documented for a role in a Kafka version (default: the newest). */
export function keysOfRole(role: Role, kafkaVersion?: string): string[] {
  const vi = kafkaVersion === undefined ? VERSIONS.length - 1 : resolveKafkaVersion(kafkaVersion);
  const roles = rolesFor(role);
  const out = new Set<string>();
  for (const [key, byRole] of catalog()) {
    for (const r of roles) {
      const e = byRole.get(r);
      if (e && e.first <= vi && vi <= e.last) out.add(key);
    }
  }
  return [...out].sort();
}

/** Per-version default history of a key: [fromVersion, default | undefined][] (undefined = none). */
export function defaultHistory(key: string, role: Role): [string, string | undefined][] | undefined {
  for (const r of rolesFor(role)) {
    const h = historyOf(key, r);
    if (h) return h.map(([v, d]) => [v, cleanCell(d)]);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// isKnownKey

/** Kafka Streams passes these prefixes on to its embedded clients and internal topics. */
const STREAMS_PREFIXES: [string, CatalogRole[]][] = [
  ['main.consumer.', ['consumer']],
  ['restore.consumer.', ['consumer']],
  ['global.consumer.', ['consumer']],
  ['consumer.', ['consumer']],
  ['producer.', ['producer']],
  ['admin.', ['admin']],
  ['topic.', ['topic']],
];

/**
 * Keys that no Kafka configuration table lists but that standard plugins of the role read, so
 * Kafka does not ignore them. A conservative allow-list (not checked against each plugin's docs):
 * it exists to avoid "unknown key" noise, never to judge a value.
 */
const BROKER_PLUGIN_KEYS = new Set(['super.users', 'allow.everyone.if.no.acl.found']);
const BROKER_PLUGIN_PREFIXES = ['rlmm.config.', 'rsm.config.', 'metrics.jmx.', 'confluent.'];
const CLIENT_PLUGIN_KEYS = new Set([
  'auto.register.schemas',
  'use.latest.version',
  'latest.compatibility.strict',
  'normalize.schemas',
  'specific.avro.reader',
  'key.subject.name.strategy',
  'value.subject.name.strategy',
]);
const CLIENT_PLUGIN_PREFIXES = ['schema.registry.', 'basic.auth.', 'bearer.auth.', 'spring.json.', 'spring.deserializer.', 'metrics.jmx.', 'confluent.'];

function documentedIn(key: string, roles: CatalogRole[], vi: number): boolean {
  const byRole = catalog().get(key);
  if (!byRole) return false;
  return roles.some((r) => {
    const e = byRole.get(r);
    // Gaps in a key's documentation (a few keys vanish for some releases and return) count as
    // documented: a release in between still reads them.
    return !!e && e.first <= vi && vi <= e.last;
  });
}

/** A broker key written with a per-listener and/or per-SASL-mechanism prefix. */
function brokerPrefixedKnown(key: string, vi: number): boolean {
  let rest = key;
  const listener = /^listener\.name\.[^.]+\.(.+)$/.exec(rest);
  if (listener) {
    rest = listener[1];
    if (documentedIn(rest, ['broker'], vi)) return true;
  }
  // `<mechanism>.sasl.jaas.config`, `<mechanism>.sasl.login.callback.handler.class`,
  // `<mechanism>.connections.max.reauth.ms` (mechanism in lower case, e.g. scram-sha-256).
  const mech = /^[a-z0-9][a-z0-9_-]*\.(.+)$/.exec(rest);
  if (mech && (mech[1].startsWith('sasl.') || mech[1] === 'connections.max.reauth.ms')) {
    return documentedIn(mech[1], ['broker'], vi);
  }
  return false;
}

/** Whether Kafka `version` reads this key for this role (documented for that role in that version). */
export function isKnownKey(key: string, role: Role, kafkaVersion: string): boolean {
  return isKnownKeyMemo.get(key, role, kafkaVersion);
}

const isKnownKeyMemo = new Memo((key: string, role: Role, kafkaVersion: string) => isKnownKeyUncached(key, role, kafkaVersion));

function isKnownKeyUncached(key: string, role: Role, kafkaVersion: string): boolean {
  // Namespaced keys are produced by the parsers only for settings they map.
  if (key.startsWith('spring:') || key.startsWith('sarama:')) return true;
  const vi = resolveKafkaVersion(kafkaVersion);
  if (vi < 0) return rolesFor(role).some((r) => catalog().get(key)?.has(r));
  switch (role) {
    case 'broker':
      return (
        documentedIn(key, ['broker'], vi) ||
        brokerPrefixedKnown(key, vi) ||
        BROKER_PLUGIN_KEYS.has(key) ||
        BROKER_PLUGIN_PREFIXES.some((p) => key.startsWith(p))
      );
    case 'topic':
      // Strimzi KafkaTopic spec.replicas is modelled as `replication.factor` (model.ts).
      return key === 'replication.factor' || documentedIn(key, ['topic'], vi);
    case 'streams': {
      // The 4.0 streams table was not compared with 3.9 (only auto.include.jmx.reporter is known
      // to be gone): UNVERIFIED for other 4.0 streams removals.
      if (documentedIn(key, ['streams', ...CLIENT_ROLES], vi)) return true;
      for (const [p, roles] of STREAMS_PREFIXES) {
        if (key.startsWith(p) && documentedIn(key.slice(p.length), roles, vi)) return true;
      }
      return CLIENT_PLUGIN_KEYS.has(key) || CLIENT_PLUGIN_PREFIXES.some((p) => key.startsWith(p));
    }
    default:
      return (
        documentedIn(key, rolesFor(role), vi) ||
        CLIENT_PLUGIN_KEYS.has(key) ||
        CLIENT_PLUGIN_PREFIXES.some((p) => key.startsWith(p))
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Defaults

/** librdkafka / confluent-kafka-go defaults (facts.md §11.1), aliases included. */
const LIBRDKAFKA_DEFAULTS: Record<string, string> = {
  'request.required.acks': 'all', // documented as -1 (= all)
  acks: 'all',
  'enable.idempotence': 'false',
  'enable.gapless.guarantee': 'false',
  'message.send.max.retries': '2147483647',
  retries: '2147483647',
  'retry.backoff.ms': '100',
  'retry.backoff.max.ms': '1000',
  'message.timeout.ms': '300000',
  'delivery.timeout.ms': '300000',
  'request.timeout.ms': '30000',
  'queue.buffering.max.ms': '5',
  'linger.ms': '5',
  'queue.buffering.max.messages': '100000',
  'queue.buffering.max.kbytes': '1048576',
  'batch.num.messages': '10000',
  'batch.size': '1000000',
  'max.in.flight.requests.per.connection': '1000000',
  'max.in.flight': '1000000',
  'enable.auto.commit': 'true',
  'auto.commit.interval.ms': '5000',
  'enable.auto.offset.store': 'true',
  'auto.offset.reset': 'latest', // documented as `largest`, librdkafka's alias of latest
  'isolation.level': 'read_committed',
  'allow.auto.create.topics': 'false',
};

/** librdkafka default of a property (or alias); undefined when facts.md does not give one. */
export function librdkafkaDefault(key: string): DefaultInfo | undefined {
  const value = LIBRDKAFKA_DEFAULTS[key];
  return value === undefined ? undefined : { value, source: 'librdkafka default' };
}

/**
 * Defaults spring-kafka / Spring Boot apply on top of the Kafka client (facts.md §6, §7):
 * `enable.auto.commit` is forced to false when unset (spring-kafka 2.3+), the listener ack mode is
 * BATCH, and Boot always writes `isolation.level` (READ_UNCOMMITTED unless configured).
 */
export function springDefault(key: string): DefaultInfo | undefined {
  switch (key) {
    case 'enable.auto.commit':
      return { value: 'false', source: 'spring-kafka default' };
    case 'spring:listener.ack-mode':
      return { value: 'BATCH', source: 'spring-kafka default' };
    case 'isolation.level':
      return { value: 'read_uncommitted', source: 'Spring Boot default' };
    default:
      return undefined;
  }
}

function valueAtVersion(runs: readonly (readonly [string, string | null])[], vi: number): string | null | undefined {
  let value: string | null | undefined;
  for (const [v, d] of runs) {
    if (VERSIONS.indexOf(v) <= vi) value = d;
    else break;
  }
  return value;
}

/** Default of a Java client / broker key in a Kafka version, from the version table (shared, frozen: read only). */
function kafkaDefault(key: string, role: Role, kafkaVersion: string): DefaultInfo | undefined {
  // Rules ask for the defaults of the same few keys for every unit of every document.
  return kafkaDefaultMemo.get(key, role, kafkaVersion);
}

const kafkaDefaultMemo = new Memo((key: string, role: Role, kafkaVersion: string) => {
  const d = kafkaDefaultUncached(key, role, kafkaVersion);
  return d && Object.freeze(d);
});

function kafkaDefaultUncached(key: string, role: Role, kafkaVersion: string): DefaultInfo | undefined {
  const vi = resolveKafkaVersion(kafkaVersion);
  if (vi < 0) return undefined;
  const shown = /^\d+(\.\d+)*$/.test(kafkaVersion.trim().replace(/^v/i, '')) ? kafkaVersion.trim().replace(/^v/i, '') : NEWEST_KAFKA_VERSION;
  const source = `Kafka ${shown} default`;
  for (const r of rolesFor(role)) {
    const e = catalog().get(key)?.get(r);
    if (!e || vi < e.first || vi > e.last) continue;
    const runs = historyOf(key, r);
    let raw: string | null | undefined;
    if (runs) raw = valueAtVersion(runs, vi);
    else if (vi >= V40 && e.def40 !== undefined) raw = e.def40;
    // Without a history only the newest tables are known; older releases may differ.
    else if (vi >= V39) raw = e.def;
    const value = raw === 'null' ? undefined : cleanCell(raw);
    if (value === undefined) return undefined;
    // KAFKA-13598: 3.0.0 and 3.1.0 document idempotence on by default but do not apply it
    // (fixed in 3.0.1, 3.1.1, 3.2.0; facts.md §2.2).
    if (key === 'enable.idempotence' && r === 'producer' && /^(3\.0\.0|3\.1\.0)$/.test(shown)) {
      return { value: 'false', source: `Kafka ${shown} effective default (documented true, not applied: KAFKA-13598)` };
    }
    return { value, source };
  }
  return undefined;
}

/** The default of a key for a unit: `defaultFor` its client, except where the unit's kind says otherwise. */
export function unitDefault(unit: ConfigUnit, key: string, versions: { kafkaVersion: string; saramaVersion?: string }): DefaultInfo | undefined {
  // kafka-go's NewWriter turns a WriterConfig's RequiredAcks 0 into RequireAll (facts.md §11.2).
  if (unit.facts.kafkaGoWriterConfig && key === 'acks') return { value: 'all', source: 'kafka-go NewWriter default' };
  return defaultFor(key, unit.role, unit.client, versions);
}

/** Default of a key for a client and version; undefined when there is none or it is unknown. */
export function defaultFor(
  key: string,
  role: Role,
  client: Client,
  versions: { kafkaVersion: string; saramaVersion?: string },
): DefaultInfo | undefined {
  switch (client) {
    case 'sarama':
      return saramaDefault(key, versions.saramaVersion);
    case 'librdkafka':
      return librdkafkaDefault(key);
    case 'kafka-go':
      // A Writer's RequiredAcks defaults to RequireNone, a Reader's StartOffset to FirstOffset (facts.md §11.2).
      if (key === 'acks') return { value: '0', source: 'kafka-go Writer default' };
      if (key === 'auto.offset.reset') return { value: 'earliest', source: 'kafka-go Reader default' };
      return undefined;
    default:
      return kafkaDefault(key, role, versions.kafkaVersion);
  }
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

/** `ENABLE_IDEMPOTENCE`, `enable-idempotence`, `Enable.Idempotence` -> `enable.idempotence`. */
function normaliseKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '');
}

function suggestionPool(role: Role): string[] {
  let pool = suggestionPools.get(role);
  if (!pool) suggestionPools.set(role, (pool = suggestionPoolUncached(role)));
  return pool;
}

const suggestionPools = new Map<Role, string[]>();

function suggestionPoolUncached(role: Role): string[] {
  const roles: CatalogRole[] = role === 'streams' ? ['streams', ...CLIENT_ROLES] : rolesFor(role);
  const out = new Set<string>();
  for (const [key, byRole] of catalog()) {
    for (const r of roles) {
      const e = byRole.get(r);
      // Keys documented in 3.9 or later: what users are expected to write today.
      if (e && e.last >= V39) out.add(key);
    }
  }
  return [...out];
}

/** Score of a candidate for a written key (lower is better), undefined when not close. */
function closeness(written: string, cand: string): number | undefined {
  if (written === cand) return 0;
  const ws = written.split('.');
  const cs = cand.split('.');
  // Same segments in another order: `insync.min.replicas`.
  if (ws.length === cs.length && ws.length > 1 && [...ws].sort().join('.') === [...cs].sort().join('.')) return 1;
  if (ws.length === cs.length) {
    // Segment by segment: one segment (two in longer keys) differs, each by little
    // (`replica` -> `replicas`, `idempotance` -> `idempotence`).
    let total = 0;
    let differing = 0;
    for (let i = 0; i < ws.length; i++) {
      if (ws[i] === cs[i]) continue;
      differing++;
      const limit = Math.max(1, Math.floor(Math.max(ws[i].length, cs[i].length) / 3));
      const d = editDistance(ws[i], cs[i], limit);
      if (d > limit) {
        total = Infinity;
        break;
      }
      // A plural/singular slip weighs less than any other one-letter change.
      const plural = ws[i] + 's' === cs[i] || cs[i] + 's' === ws[i];
      total += plural ? 0.5 : d;
    }
    const budget = Math.max(1, Math.floor(written.length / 6));
    if (total <= budget && (differing === 1 || (differing === 2 && ws.length >= 3))) return total;
  }
  const maxDist = Math.min(3, Math.max(1, Math.floor(written.length / 5)));
  const d = editDistance(written, cand, maxDist);
  if (d <= maxDist) return d + 0.25;
  // A key written without its trailing segments: `max.in.flight.requests`.
  if (ws.length >= 3 && cand.startsWith(written + '.')) return 2 + (cs.length - ws.length);
  return undefined;
}

/**
 * "Did you mean" candidates for an unknown key, best first (at most 5, only close matches).
 * Remembered: scoring compares with the ~700 keys of the catalog, and an editor asks again for
 * every unknown key on every lint. Callers must not change the returned array.
 */
export function suggestKeys(key: string, role: Role): readonly string[] {
  return suggestKeysMemo.get(key, role);
}

const suggestKeysMemo = new Memo((key: string, role: Role) => suggestKeysUncached(key, role));

function suggestKeysUncached(key: string, role: Role): string[] {
  if (!key) return [];
  const written = normaliseKey(key);
  const pool = suggestionPool(role);
  if (pool.includes(key)) return [];
  const scored: { c: string; s: number; d: number }[] = [];
  for (const c of pool) {
    const s = closeness(written, c);
    if (s === undefined) continue;
    scored.push({ c, s, d: editDistance(written, c) });
  }
  scored.sort((a, b) => a.s - b.s || a.d - b.d || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  return scored.slice(0, 5).map((x) => x.c);
}

// ---------------------------------------------------------------------------------------------
// Removed keys

interface RemovedSpec {
  role: CatalogRole;
  removedIn: string;
  successor?: string;
  note: L10n;
  javaClientIgnores?: boolean;
}

const SCALA_PRODUCER: L10n = {
  en: 'It belongs to the old Scala producer (deprecated in 0.10.0, removed in 2.0); the Java producer never read it.',
  zh: '它属于旧的 Scala 生产者（0.10.0 弃用，2.0 移除）；Java 生产者从未读取过它。',
};
const SCALA_CONSUMER: L10n = {
  en: 'It belongs to the old Scala consumer (removed in 2.0); the Java consumer never read it.',
  zh: '它属于旧的 Scala 消费者（2.0 移除）；Java 消费者从未读取过它。',
};
const ZOOKEEPER: L10n = {
  en: 'Kafka 4.0 runs in KRaft mode only; ZooKeeper settings are no longer read.',
  zh: 'Kafka 4.0 只支持 KRaft 模式，不再读取 ZooKeeper 相关配置。',
};

function scalaProducer(extra?: L10n, successor?: string): RemovedSpec {
  return {
    role: 'producer',
    removedIn: '2.0',
    javaClientIgnores: true,
    ...(successor ? { successor } : {}),
    note: extra ? { en: `${SCALA_PRODUCER.en} ${extra.en}`, zh: `${SCALA_PRODUCER.zh}${extra.zh}` } : SCALA_PRODUCER,
  };
}

// Keys RULES.md `removed-key` names (facts.md §2.12, §3, §4.4) and other removals with a known
// replacement. Keys not listed here but gone from the documentation get a generic note.
const REMOVED: Record<string, RemovedSpec[]> = {
  'producer.type': [
    scalaProducer({
      en: 'The Java producer always sends from a background thread; wait on the future that send() returns when you need a synchronous send.',
      zh: 'Java 生产者总是由后台线程发送；需要同步发送时，等待 send() 返回的 future 即可。',
    }),
  ],
  'request.required.acks': [
    scalaProducer({ en: 'Use `acks` instead (the Scala default was 0).', zh: '请改用 `acks`（Scala 生产者的默认值是 0）。' }, 'acks'),
  ],
  'queue.buffering.max.ms': [
    scalaProducer({ en: 'The Java producer waits for a batch with `linger.ms`.', zh: 'Java 生产者用 `linger.ms` 控制等待攒批的时间。' }, 'linger.ms'),
  ],
  'message.send.max.retries': [
    scalaProducer({ en: 'The Java producer retries with `retries`, bounded by `delivery.timeout.ms`.', zh: 'Java 生产者用 `retries` 重试，并受 `delivery.timeout.ms` 限制。' }, 'retries'),
  ],
  'queue.buffering.max.messages': [
    scalaProducer({ en: 'The Java producer bounds its buffer in bytes with `buffer.memory`.', zh: 'Java 生产者用 `buffer.memory` 按字节限制缓冲区。' }),
  ],
  'queue.enqueue.timeout.ms': [
    scalaProducer({
      en: 'In the Java producer, `max.block.ms` bounds how long send() blocks when `buffer.memory` is full.',
      zh: 'Java 生产者在 `buffer.memory` 用满时，由 `max.block.ms` 限定 send() 的阻塞时间。',
    }),
  ],
  'batch.num.messages': [
    scalaProducer({ en: 'The Java producer sizes batches in bytes with `batch.size`.', zh: 'Java 生产者用 `batch.size` 按字节决定批次大小。' }),
  ],
  'metadata.broker.list': [
    scalaProducer({ en: 'The Java producer finds the cluster through `bootstrap.servers` (same host:port list).', zh: 'Java 生产者通过 `bootstrap.servers`（同样的 host:port 列表）连接集群。' }, 'bootstrap.servers'),
  ],
  'metadata.fetch.timeout.ms': [
    {
      role: 'producer',
      removedIn: '0.11.0',
      note: { en: 'Deprecated in 0.9 and removed in 0.11; `max.block.ms` now bounds the wait for metadata.', zh: '0.9 弃用、0.11 移除；现在由 `max.block.ms` 限定等待元数据的时间。' },
    },
  ],
  'block.on.buffer.full': [
    {
      role: 'producer',
      removedIn: '0.11.0',
      note: {
        en: 'Deprecated in 0.9 and removed in 0.11; `max.block.ms` now bounds how long send() blocks on a full buffer.',
        zh: '0.9 弃用、0.11 移除；现在由 `max.block.ms` 限定缓冲区满时 send() 的阻塞时间。',
      },
    },
  ],
  'timeout.ms': [
    {
      role: 'producer',
      removedIn: '0.11.0',
      note: {
        en: 'Deprecated in 0.9 and removed in 0.11; `request.timeout.ms` bounds the wait for a broker response and `delivery.timeout.ms` (2.1+) the whole send.',
        zh: '0.9 弃用、0.11 移除；等待 broker 响应由 `request.timeout.ms` 限定，整个发送过程（2.1 起）由 `delivery.timeout.ms` 限定。',
      },
    },
  ],
  'replica.lag.max.messages': [
    {
      role: 'broker',
      removedIn: '0.9.0',
      note: {
        en: 'Removed in 0.9 (KIP-16): a follower leaves the ISR only by time, set with `replica.lag.time.max.ms`.',
        zh: '0.9 移除（KIP-16）：follower 只按时间被移出 ISR，由 `replica.lag.time.max.ms` 设置。',
      },
    },
  ],
  'auto.commit.enable': [
    {
      role: 'consumer',
      removedIn: '2.0',
      javaClientIgnores: true,
      successor: 'enable.auto.commit',
      note: { en: `${SCALA_CONSUMER.en} The Java consumer uses \`enable.auto.commit\`.`, zh: `${SCALA_CONSUMER.zh}Java 消费者使用 \`enable.auto.commit\`。` },
    },
  ],
  'offsets.commit.required.acks': [
    {
      role: 'broker',
      removedIn: '4.0',
      note: { en: 'Removed in Kafka 4.0 (KIP-1041); brokers no longer read it.', zh: 'Kafka 4.0 已移除（KIP-1041），broker 不再读取它。' },
    },
  ],
  'delegation.token.master.key': [
    {
      role: 'broker',
      removedIn: '4.0',
      successor: 'delegation.token.secret.key',
      note: { en: 'Removed in Kafka 4.0; use `delegation.token.secret.key`.', zh: 'Kafka 4.0 已移除，请改用 `delegation.token.secret.key`。' },
    },
  ],
  'log.message.timestamp.difference.max.ms': [
    {
      role: 'broker',
      removedIn: '4.0',
      note: {
        en: 'Removed in Kafka 4.0 (KIP-937); use `log.message.timestamp.before.max.ms` and `log.message.timestamp.after.max.ms`.',
        zh: 'Kafka 4.0 已移除（KIP-937），请改用 `log.message.timestamp.before.max.ms` 和 `log.message.timestamp.after.max.ms`。',
      },
    },
  ],
  'message.timestamp.difference.max.ms': [
    {
      role: 'topic',
      removedIn: '4.0',
      note: {
        en: 'Removed in Kafka 4.0 (KIP-937); use `message.timestamp.before.max.ms` and `message.timestamp.after.max.ms`.',
        zh: 'Kafka 4.0 已移除（KIP-937），请改用 `message.timestamp.before.max.ms` 和 `message.timestamp.after.max.ms`。',
      },
    },
  ],
  'eligible.leader.replicas.enable': [
    {
      role: 'broker',
      removedIn: '4.0',
      note: {
        en: 'Not read by Kafka 4.0; Eligible Leader Replicas are switched on with the `eligible.leader.replicas.version` feature (kafka-features.sh).',
        zh: 'Kafka 4.0 不再读取；Eligible Leader Replicas 通过 `eligible.leader.replicas.version` 特性（kafka-features.sh）开启。',
      },
    },
  ],
  'inter.broker.protocol.version': [
    {
      role: 'broker',
      removedIn: '4.0',
      note: {
        en: 'Not read by Kafka 4.0; a KRaft cluster is upgraded with `kafka-features.sh upgrade --release-version`.',
        zh: 'Kafka 4.0 不再读取；KRaft 集群通过 `kafka-features.sh upgrade --release-version` 升级。',
      },
    },
  ],
  'auto.include.jmx.reporter': (['producer', 'consumer', 'admin', 'broker', 'streams'] as CatalogRole[]).map((role) => ({
    role,
    removedIn: '4.0',
    note: {
      en: 'Removed in Kafka 4.0: JmxReporter is now part of the `metric.reporters` default.',
      zh: 'Kafka 4.0 已移除：JmxReporter 现已包含在 `metric.reporters` 的默认值中。',
    },
  })),
  'host.name': [listenerNote('host.name')],
  port: [listenerNote('port')],
  'advertised.host.name': [listenerNote('advertised.host.name', true)],
  'advertised.port': [listenerNote('advertised.port', true)],
};

function listenerNote(key: string, advertised = false): RemovedSpec {
  const target = advertised ? 'advertised.listeners' : 'listeners';
  return {
    role: 'broker',
    removedIn: '3.0',
    note: {
      en: `\`${key}\` was removed in 3.0; describe the endpoint in \`${target}\` (for example PLAINTEXT://host:9092).`,
      zh: `\`${key}\` 已在 3.0 移除；请在 \`${target}\` 中描述端点（例如 PLAINTEXT://host:9092）。`,
    },
  };
}

/** Role names: `en` as a noun, `zh` as "<role> configuration". */
const ROLE_NAME: Record<string, L10n> = {
  producer: { en: 'producer', zh: 'Java 生产者配置' },
  consumer: { en: 'consumer', zh: 'Java 消费者配置' },
  broker: { en: 'broker', zh: 'broker 配置' },
  topic: { en: 'topic', zh: 'topic 配置' },
  admin: { en: 'admin client', zh: 'admin 客户端配置' },
  streams: { en: 'Kafka Streams', zh: 'Kafka Streams 配置' },
};

/** Removal derived from the documentation alone: last documented in `last`, gone in the next release. */
function derivedRemoval(e: Entry): RemovedSpec | undefined {
  if (e.last >= VERSIONS.length - 1) return undefined;
  const role = e.role as CatalogRole;
  if (!ROLE_NAME[role]) return undefined;
  const last = VERSIONS[e.last];
  // Hand-written tables only (no type): the old Scala clients, gone with 2.0.
  const scala = !e.type && (role === 'producer' || role === 'consumer');
  const removedIn = scala ? '2.0' : VERSIONS[e.last + 1];
  if (scala) return role === 'producer' ? scalaProducer() : { role, removedIn, javaClientIgnores: true, note: SCALA_CONSUMER };
  if (removedIn === '4.0' && e.key.startsWith('zookeeper.')) return { role, removedIn, note: ZOOKEEPER };
  const rn = ROLE_NAME[role];
  return {
    role,
    removedIn,
    note: {
      en: `Last documented for the ${rn.en} in Kafka ${last}; Kafka ${removedIn} and later no longer read it.`,
      zh: `Kafka ${last} 是最后一个在 ${rn.zh}文档中列出它的版本；Kafka ${removedIn} 起不再读取它。`,
    },
  };
}

/**
 * Keys the Java client or broker no longer reads (Scala producer/consumer keys, keys removed in
 * 0.9, 0.11, 3.0 or 4.0, ...). Entries carry `removedIn`; pass `kafkaVersion` to get only keys
 * already gone in that version (Scala-client keys count for every version), and `client` to skip
 * librdkafka and sarama, where several of these names are valid.
 */
export function removedKey(key: string, role: Role, opts: { client?: Client; kafkaVersion?: string } = {}): RemovedKey | undefined {
  return removedKeyMemo.get(key, role, opts.client, opts.kafkaVersion);
}

const removedKeyMemo = new Memo((key: string, role: Role, client: Client | undefined, kafkaVersion: string | undefined) =>
  removedKeyUncached(key, role, { client, kafkaVersion }),
);

function removedKeyUncached(key: string, role: Role, opts: { client?: Client; kafkaVersion?: string } = {}): RemovedKey | undefined {
  if (opts.client === 'librdkafka' || opts.client === 'sarama') return undefined;
  if (key.startsWith('spring:') || key.startsWith('sarama:')) return undefined;
  const current = (r: CatalogRole) => catalog().get(key)?.get(r)?.last === VERSIONS.length - 1;
  // A shared client config: a key one client still reads is not removed.
  if (role === 'client' && CLIENT_ROLES.some(current)) return undefined;
  for (const r of rolesFor(role)) {
    if (current(r)) continue;
    const e = catalog().get(key)?.get(r);
    const spec = REMOVED[key]?.find((s) => s.role === r) ?? (e ? derivedRemoval(e) : undefined);
    if (!spec) continue;
    if (opts.kafkaVersion !== undefined && !spec.javaClientIgnores && compareVersions(opts.kafkaVersion, spec.removedIn) < 0) continue;
    return {
      key,
      removedIn: spec.removedIn,
      ...(spec.successor ? { successor: spec.successor } : {}),
      note: spec.note,
      ...(spec.javaClientIgnores ? { javaClientIgnores: true } : {}),
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Value checks

type Check =
  | { kind: 'range'; min?: string; max?: string; or: string[] }
  | { kind: 'enum'; values: string[]; caseInsensitive: boolean }
  | { kind: 'nonEmpty' };

/** Valid-values cell -> check; undefined for prose or anything we do not model. */
function parseValid(valid: string): Check | undefined {
  // The cells come from the catalog, a fixed set: parse each once.
  if (validCache.has(valid)) return validCache.get(valid);
  const c = parseValidUncached(valid);
  validCache.set(valid, c);
  return c;
}

const validCache = new Map<string, Check | undefined>();

function parseValidUncached(valid: string): Check | undefined {
  const v = valid.trim();
  if (!v) return undefined;
  if (v === 'non-empty string' || v === 'non-empty list') return { kind: 'nonEmpty' };
  const range = /^\[(-?[\d.]+)?,\.\.\.(?:,(-?[\d.]+))?\](?: or (-?[\d.]+))?$/.exec(v);
  if (range) return { kind: 'range', min: range[1], max: range[2], or: range[3] ? [range[3]] : [] };
  const en = /^(\(case insensitive\) )?\[([^\]]*)\]$/.exec(v);
  if (en && !en[2].includes('...')) {
    return { kind: 'enum', values: en[2].split(',').map((x) => x.trim()).filter(Boolean), caseInsensitive: !!en[1] };
  }
  return undefined;
}

// Enum cells that are not the whole story: version strings accept short forms (`3.9`), and
// topology.optimization takes a comma-separated list.
const ENUM_SKIP = new Set(['inter.broker.protocol.version', 'log.message.format.version', 'message.format.version', 'upgrade.from', 'topology.optimization']);

const INT_LIMITS: Record<string, [bigint, bigint]> = {
  short: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
};

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, ms: 1, s: 1000, sec: 1000, secs: 1000, m: 60000, min: 60000, mins: 60000, h: 3600000, d: 86400000 };
const UNIT_BYTES: Record<string, number> = { b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

function keyUnit(key: string): { en: string; zh: string; table?: Record<string, number> } | undefined {
  if (/\.ms$/.test(key)) return { en: 'milliseconds', zh: '毫秒', table: UNIT_MS };
  if (/(^|\.)bytes$|\.size$|^buffer\.memory$/.test(key)) return { en: 'bytes', zh: '字节', table: UNIT_BYTES };
  if (/\.minutes$/.test(key)) return { en: 'minutes', zh: '分钟' };
  if (/\.hours$/.test(key)) return { en: 'hours', zh: '小时' };
  if (/\.(seconds|secs)$/.test(key)) return { en: 'seconds', zh: '秒' };
  return undefined;
}

const code = (s: string) => '`' + s + '`';

const TYPE_NAME: Record<string, L10n> = {
  short: { en: 'a 16-bit integer', zh: '16 位整数' },
  int: { en: 'a 32-bit integer', zh: '32 位整数' },
  long: { en: 'a 64-bit integer', zh: '64 位整数' },
  double: { en: 'a number', zh: '浮点数' },
};

function checkNumber(key: string, type: string, raw: string, checks: Check[]): ValueProblem | undefined {
  const v = raw.trim();
  const tn = TYPE_NAME[type] ?? { en: `a ${type}`, zh: type };
  const integer = type !== 'double';
  const ok = integer ? /^[+-]?\d+$/.test(v) : /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/.test(v);
  if (!ok) {
    const unit = keyUnit(key);
    const withUnit = /^([+-]?\d+(?:\.\d+)?)\s*([a-zA-Z]+)$/.exec(v);
    if (withUnit) {
      const factor = unit?.table?.[withUnit[2].toLowerCase()];
      const converted = factor !== undefined ? Number(withUnit[1]) * factor : undefined;
      const suggestion = converted !== undefined && Number.isInteger(converted) && converted >= 0 ? String(converted) : undefined;
      return {
        reason: {
          en: `${code(key)} is ${tn.en}${unit ? ` of ${unit.en}` : ''} written without a unit; Kafka cannot read ${code(v)} and refuses the configuration.${suggestion ? ` Write ${code(suggestion)}.` : ''}`,
          zh: `${code(key)} 是不带单位的 ${tn.zh}${unit ? `（以${unit.zh}计）` : ''}；Kafka 无法解析 ${code(v)}，会拒绝该配置。${suggestion ? `请写成 ${code(suggestion)}。` : ''}`,
        },
        ...(suggestion ? { suggestion } : {}),
      };
    }
    if (v === '') {
      return { reason: { en: `${code(key)} is empty; Kafka needs ${tn.en} here and refuses the configuration.`, zh: `${code(key)} 的值为空；这里需要 ${tn.zh}，Kafka 会拒绝该配置。` } };
    }
    if (integer && /^[+-]?\d+\.\d*$/.test(v)) {
      return { reason: { en: `${code(key)} takes a whole number (${tn.en}); ${code(v)} has a fraction.`, zh: `${code(key)} 只接受整数（${tn.zh}）；${code(v)} 带有小数。` } };
    }
    return { reason: { en: `${code(key)} takes ${tn.en}; ${code(v)} is not one, so Kafka refuses the configuration.`, zh: `${code(key)} 需要 ${tn.zh}；${code(v)} 不是，Kafka 会拒绝该配置。` } };
  }
  if (integer) {
    const n = BigInt(v.replace(/^\+/, ''));
    const [lo, hi] = INT_LIMITS[type] ?? INT_LIMITS.long;
    if (n < lo || n > hi) {
      return {
        reason: {
          en: `${code(key)} is ${tn.en} (${lo} to ${hi}); ${code(v)} is out of that range.`,
          zh: `${code(key)} 是 ${tn.zh}（${lo} 到 ${hi}）；${code(v)} 超出了范围。`,
        },
      };
    }
  }
  const ranges = checks.filter((c): c is Extract<Check, { kind: 'range' }> => c.kind === 'range');
  if (!ranges.length) return undefined;
  const num = Number(v);
  const inRange = (c: Extract<Check, { kind: 'range' }>) =>
    c.or.some((o) => Number(o) === num) || ((c.min === undefined || num >= Number(c.min)) && (c.max === undefined || num <= Number(c.max)));
  if (ranges.some(inRange)) return undefined;
  const c = ranges[0];
  const alt = c.or.length ? ` (or ${c.or.join(', ')})` : '';
  const altZh = c.or.length ? `（或 ${c.or.join('、')}）` : '';
  const en =
    c.max !== undefined
      ? `${code(key)} must be between ${c.min} and ${c.max}${alt}; ${code(v)} is not.`
      : `${code(key)} must be at least ${c.min}${alt}; ${code(v)} is below that.`;
  const zh =
    c.max !== undefined
      ? `${code(key)} 必须在 ${c.min} 到 ${c.max} 之间${altZh}；${code(v)} 不在范围内。`
      : `${code(key)} 不能小于 ${c.min}${altZh}；${code(v)} 太小了。`;
  return { reason: { en, zh } };
}

/** Java `Duration.parse` form used by `by_duration:`; undefined when it does not parse, else whether negative. */
function isoDurationNegative(s: string): boolean | undefined {
  const m = /^([-+]?)P(?:([-+]?\d+)D)?(T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{0,9}))?S)?)?$/i.exec(s);
  if (!m) return undefined;
  const [, sign, d, t, h, min, sec, frac] = m;
  if (d === undefined && t === undefined) return undefined;
  if (t !== undefined && h === undefined && min === undefined && sec === undefined) return undefined;
  const secs = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(sec ?? 0) + (frac ? Number(`0.${frac}`) * (sec?.startsWith('-') ? -1 : 1) : 0);
  return (sign === '-' ? -secs : secs) < 0;
}

function enumProblem(key: string, v: string, values: string[], list = false): ValueProblem {
  const caseHint = values.some((x) => x.toLowerCase() === v.toLowerCase());
  return {
    allowed: values,
    reason: {
      en: `${code(key)} accepts ${list ? 'a comma-separated list of ' : ''}${values.join(', ')}; ${code(v)} is not one of them${caseHint ? ' (values are case-sensitive)' : ''}.`,
      zh: `${code(key)} 只接受${list ? '以逗号分隔的' : ''} ${values.join('、')}；${code(v)} 不在其中${caseHint ? '（取值区分大小写）' : ''}。`,
    },
  };
}

/** Spring Boot binds enums leniently: case and `-`/`_` separators do not matter. */
function springAckModeProblem(value: string): ValueProblem | undefined {
  // Boot's lenient enum conversion compares names reduced to lower-case letters and digits
  // (LenientObjectToEnumConverterFactory). The exact rules were not re-read (facts.md §12): UNVERIFIED.
  const canon = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const v = value.trim();
  if (SPRING_ACK_MODES.some((m) => canon(m) === canon(v)) && v !== '') return undefined;
  return {
    allowed: [...SPRING_ACK_MODES],
    reason: {
      en: `the listener container's ack mode is one of ${SPRING_ACK_MODES.join(', ')}; ${code(v)} is none of them, so the application fails to start.`,
      zh: `监听容器的确认模式只能是 ${SPRING_ACK_MODES.join('、')} 之一；${code(v)} 不在其中，应用会启动失败。`,
    },
  };
}

/**
 * Problem with a value for the key's type / enum, or undefined when it is fine or the key's type
 * is unknown (never guessed). `kafkaVersion` narrows version-dependent rules (`by_duration:` needs
 * 4.0, 4.0 minimums); without it any value valid in 3.9 or 4.0 passes.
 */
export function checkValue(key: string, role: Role, value: string, kafkaVersion?: string): ValueProblem | undefined {
  return checkValueMemo.get(key, role, kafkaVersion, value);
}

const checkValueMemo = new Memo((key: string, role: Role, kafkaVersion: string | undefined, value: string) =>
  checkValueUncached(key, role, value, kafkaVersion),
);

function checkValueUncached(key: string, role: Role, value: string, kafkaVersion?: string): ValueProblem | undefined {
  if (key === 'spring:listener.ack-mode') return springAckModeProblem(value);
  const e = entryFor(key, role);
  if (!e || !e.type) return undefined;
  const vi = kafkaVersion === undefined ? undefined : resolveKafkaVersion(kafkaVersion);
  const valids =
    vi === undefined ? [e.valid, e.valid40].filter((x): x is string => x !== undefined) : [vi >= V40 && e.valid40 !== undefined ? e.valid40 : e.valid];
  const checks = ENUM_SKIP.has(key) ? [] : valids.map(parseValid).filter((c): c is Check => c !== undefined);
  const v = value.trim();

  if (key === 'auto.offset.reset' && e.role === 'consumer' && v.startsWith('by_duration:')) {
    if (vi !== undefined && vi < V40) {
      return {
        allowed: ['latest', 'earliest', 'none'],
        reason: { en: `${code('by_duration:')} needs Kafka 4.0 or later (KIP-1106).`, zh: `${code('by_duration:')} 需要 Kafka 4.0 或更高版本（KIP-1106）。` },
      };
    }
    const neg = isoDurationNegative(v.slice('by_duration:'.length));
    if (neg === false) return undefined;
    return {
      reason: {
        en: `${code('by_duration:')} needs a non-negative ISO-8601 duration such as ${code('by_duration:P1D')} or ${code('by_duration:PT6H')}; ${code(v)} is not one.`,
        zh: `${code('by_duration:')} 后面需要一个非负的 ISO-8601 时长，例如 ${code('by_duration:P1D')} 或 ${code('by_duration:PT6H')}；${code(v)} 不符合。`,
      },
    };
  }

  switch (e.type) {
    case 'boolean': {
      const b = v.toLowerCase();
      if (b === 'true' || b === 'false') return undefined;
      return {
        allowed: ['true', 'false'],
        reason: {
          en: `${code(key)} takes ${code('true')} or ${code('false')}; ${code(v)} is neither, so Kafka refuses the configuration.`,
          zh: `${code(key)} 只接受 ${code('true')} 或 ${code('false')}；${code(v)} 两者都不是，Kafka 会拒绝该配置。`,
        },
      };
    }
    case 'int':
    case 'long':
    case 'short':
    case 'double':
      return checkNumber(key, e.type, v, checks);
    case 'string':
    case 'list': {
      if (checks.some((c) => c.kind === 'nonEmpty') && v === '') {
        return { reason: { en: `${code(key)} must not be empty.`, zh: `${code(key)} 不能为空。` } };
      }
      const enums = checks.filter((c): c is Extract<Check, { kind: 'enum' }> => c.kind === 'enum');
      if (!enums.length) return undefined;
      const values = [...new Set(enums.flatMap((c) => c.values))].filter((x) => !x.includes(':'));
      const ci = enums.every((c) => c.caseInsensitive);
      const matches = (x: string) => values.some((a) => (ci ? a.toLowerCase() === x.toLowerCase() : a === x));
      if (e.type === 'list') {
        if (v === '') return undefined; // an empty list passes the list validator
        const bad = v.split(',').map((x) => x.trim()).find((x) => !matches(x));
        return bad === undefined ? undefined : enumProblem(key, bad, values, true);
      }
      return matches(v) ? undefined : enumProblem(key, v, values);
    }
    default:
      return undefined; // class, password: any name may be valid
  }
}

// ---------------------------------------------------------------------------------------------
// Documentation links

const ANCHOR: Record<string, string> = {
  producer: 'producerconfigs',
  consumer: 'consumerconfigs',
  broker: 'brokerconfigs',
  topic: 'topicconfigs',
  admin: 'adminclientconfigs',
  streams: 'streamsconfigs',
  connect: 'connectconfigs',
};

function folderOf(version: string): string {
  return version.startsWith('0.') ? '0' + version.slice(2).replace('.', '') : version.replace('.', '');
}

/**
 * Kafka documentation link for a key: the per-key anchor of the current docs
 * (https://kafka.apache.org/documentation/#producerconfigs_acks), or of the last release that
 * documented a removed key (per-key anchors exist from 2.7; older releases get the table anchor).
 */
export function docUrl(key: string, role: Role): string | undefined {
  const e = entryFor(key, role);
  if (!e) return undefined;
  const anchor = ANCHOR[e.role];
  if (e.last === VERSIONS.length - 1) return `https://kafka.apache.org/documentation/#${anchor}_${key}`;
  const last = VERSIONS[e.last];
  const base = `https://kafka.apache.org/${folderOf(last)}/documentation.html`;
  if (e.last >= VERSIONS.indexOf('2.7')) return `${base}#${anchor}_${key}`;
  if (!e.type && e.role === 'consumer' && e.last >= VERSIONS.indexOf('0.9.0')) return `${base}#oldconsumerconfigs`;
  if (e.type && e.role === 'producer' && e.last <= VERSIONS.indexOf('0.8.2')) return `${base}#newproducerconfigs`;
  return `${base}#${anchor}`;
}
