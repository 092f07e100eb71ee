// Sarama (github.com/IBM/sarama, formerly github.com/Shopify/sarama): Config field paths <->
// canonical keys, constant names <-> Kafka values, NewConfig() defaults per release, and short
// descriptions of the documented constants. Sources: facts.md §8 (NewConfig defaults, Validate
// rules, DefaultVersion history) and §12 (cross-language spelling table).
// Pure data and functions; no imports from the rest of the knowledge module (it imports us).

import type { L10n } from '../l10n.js';

/**
 * How a field's Go value is read and written:
 * - bool, int, string: Go literals; duration: time.Duration, normalised to milliseconds text;
 * - acks, offset, isolation, version: the sarama constants of that type, normalised to Kafka values;
 * - const: a field usually set to a sarama constant (`CompressionSnappy`), value = constant name;
 * - other: functions, structs, slices; only a sarama identifier can be read (value = its name).
 */
export type SaramaFieldKind = 'bool' | 'int' | 'string' | 'duration' | 'acks' | 'offset' | 'isolation' | 'version' | 'const' | 'other';

export type SaramaRole = 'producer' | 'consumer' | 'client';

export interface SaramaField {
  /** Field path below sarama.Config: `Producer.RequiredAcks`. */
  path: string;
  /** Canonical key: a Kafka property, or `sarama:<path>` when Kafka has no equivalent. */
  key: string;
  kind: SaramaFieldKind;
  /** Producer.* and Consumer.* fields are producer/consumer evidence; the rest are shared. */
  role: SaramaRole;
}

/** Fields with a Kafka property of the same meaning (facts.md §12). */
const KAFKA_KEYS: Record<string, string> = {
  'Producer.RequiredAcks': 'acks',
  'Producer.Retry.Max': 'retries',
  'Producer.Idempotent': 'enable.idempotence',
  'Net.MaxOpenRequests': 'max.in.flight.requests.per.connection',
  'Producer.Transaction.ID': 'transactional.id',
  'Consumer.Offsets.Initial': 'auto.offset.reset',
  'Consumer.Offsets.AutoCommit.Enable': 'enable.auto.commit',
  'Consumer.Offsets.AutoCommit.Interval': 'auto.commit.interval.ms',
  'Consumer.IsolationLevel': 'isolation.level',
};

// The sarama.Config struct of the newest known release, as `path kind` pairs.
const FIELD_KINDS: [string, SaramaFieldKind][] = [
  ['Admin.Retry.Max', 'int'],
  ['Admin.Retry.Backoff', 'duration'],
  ['Admin.Timeout', 'duration'],
  ['Net.MaxOpenRequests', 'int'],
  ['Net.DialTimeout', 'duration'],
  ['Net.ReadTimeout', 'duration'],
  ['Net.WriteTimeout', 'duration'],
  ['Net.ResolveCanonicalBootstrapServers', 'bool'],
  ['Net.TLS.Enable', 'bool'],
  ['Net.TLS.Config', 'other'],
  ['Net.SASL.Enable', 'bool'],
  ['Net.SASL.Mechanism', 'const'],
  ['Net.SASL.Version', 'const'],
  ['Net.SASL.Handshake', 'bool'],
  ['Net.SASL.AuthIdentity', 'string'],
  ['Net.SASL.User', 'string'],
  ['Net.SASL.Password', 'string'],
  ['Net.SASL.SCRAMAuthzID', 'string'],
  ['Net.SASL.SCRAMClientGeneratorFunc', 'other'],
  ['Net.SASL.TokenProvider', 'other'],
  ['Net.SASL.GSSAPI', 'other'],
  ['Net.KeepAlive', 'duration'],
  ['Net.LocalAddr', 'other'],
  ['Net.Proxy.Enable', 'bool'],
  ['Net.Proxy.Dialer', 'other'],
  ['Metadata.Retry.Max', 'int'],
  ['Metadata.Retry.Backoff', 'duration'],
  ['Metadata.Retry.BackoffFunc', 'other'],
  ['Metadata.RefreshFrequency', 'duration'],
  ['Metadata.Full', 'bool'],
  ['Metadata.Timeout', 'duration'],
  ['Metadata.AllowAutoTopicCreation', 'bool'],
  ['Metadata.SingleFlight', 'bool'],
  ['Producer.MaxMessageBytes', 'int'],
  ['Producer.RequiredAcks', 'acks'],
  ['Producer.Timeout', 'duration'],
  ['Producer.Compression', 'const'],
  ['Producer.CompressionLevel', 'int'],
  ['Producer.Partitioner', 'other'],
  ['Producer.Idempotent', 'bool'],
  ['Producer.Transaction.ID', 'string'],
  ['Producer.Transaction.Timeout', 'duration'],
  ['Producer.Transaction.Retry.Max', 'int'],
  ['Producer.Transaction.Retry.Backoff', 'duration'],
  ['Producer.Transaction.Retry.BackoffFunc', 'other'],
  ['Producer.Return.Successes', 'bool'],
  ['Producer.Return.Errors', 'bool'],
  ['Producer.Flush.Bytes', 'int'],
  ['Producer.Flush.Messages', 'int'],
  ['Producer.Flush.Frequency', 'duration'],
  ['Producer.Flush.MaxMessages', 'int'],
  ['Producer.Retry.Max', 'int'],
  ['Producer.Retry.Backoff', 'duration'],
  ['Producer.Retry.BackoffFunc', 'other'],
  ['Producer.Retry.MaxBufferLength', 'int'],
  ['Producer.Retry.MaxBufferBytes', 'int'],
  ['Producer.Interceptors', 'other'],
  ['Consumer.Group.Session.Timeout', 'duration'],
  ['Consumer.Group.Heartbeat.Interval', 'duration'],
  ['Consumer.Group.Rebalance.Strategy', 'other'],
  ['Consumer.Group.Rebalance.GroupStrategies', 'other'],
  ['Consumer.Group.Rebalance.Timeout', 'duration'],
  ['Consumer.Group.Rebalance.Retry.Max', 'int'],
  ['Consumer.Group.Rebalance.Retry.Backoff', 'duration'],
  ['Consumer.Group.Member.UserData', 'other'],
  ['Consumer.Group.InstanceId', 'string'],
  ['Consumer.Group.ResetInvalidOffsets', 'bool'],
  ['Consumer.Retry.Backoff', 'duration'],
  ['Consumer.Retry.BackoffFunc', 'other'],
  ['Consumer.Retry.Max', 'int'],
  ['Consumer.Fetch.Min', 'int'],
  ['Consumer.Fetch.Default', 'int'],
  ['Consumer.Fetch.Max', 'int'],
  ['Consumer.Fetch.MaxBytes', 'int'],
  ['Consumer.MaxWaitTime', 'duration'],
  ['Consumer.MaxProcessingTime', 'duration'],
  ['Consumer.Return.Errors', 'bool'],
  // Deprecated and ignored by current releases (only logged); kept apart from auto.commit.interval.ms.
  ['Consumer.Offsets.CommitInterval', 'duration'],
  ['Consumer.Offsets.AutoCommit.Enable', 'bool'],
  ['Consumer.Offsets.AutoCommit.Interval', 'duration'],
  ['Consumer.Offsets.Initial', 'offset'],
  ['Consumer.Offsets.Retention', 'duration'],
  ['Consumer.Offsets.Retry.Max', 'int'],
  ['Consumer.IsolationLevel', 'isolation'],
  ['Consumer.Interceptors', 'other'],
  ['ClientID', 'string'],
  ['RackID', 'string'],
  ['ChannelBufferSize', 'int'],
  ['ApiVersionsRequest', 'bool'],
  ['Version', 'version'],
  ['MetricRegistry', 'other'],
];

function roleOfPath(path: string): SaramaRole {
  return path.startsWith('Producer.') ? 'producer' : path.startsWith('Consumer.') ? 'consumer' : 'client';
}

/** Every sarama.Config field we know, in struct order. */
export const SARAMA_FIELDS: readonly SaramaField[] = FIELD_KINDS.map(([path, kind]) => ({
  path,
  key: KAFKA_KEYS[path] ?? `sarama:${path}`,
  kind,
  role: roleOfPath(path),
}));

const BY_PATH = new Map(SARAMA_FIELDS.map((f) => [f.path, f]));
const BY_KEY = new Map(SARAMA_FIELDS.map((f) => [f.key, f]));

export function saramaFieldByPath(path: string): SaramaField | undefined {
  return BY_PATH.get(path);
}

/** The field for a canonical key (`acks` -> Producer.RequiredAcks, `sarama:Version` -> Version). */
export function saramaFieldByKey(key: string): SaramaField | undefined {
  return BY_KEY.get(key);
}

/** Canonical key of a field path, known or not: `acks`, `sarama:Producer.Return.Errors`, `sarama:Foo.Bar`. */
export function saramaKeyOf(path: string): string {
  return KAFKA_KEYS[path] ?? `sarama:${path}`;
}

/** Field path for a canonical key: the table, else the path inside a `sarama:` key. */
export function saramaPathOf(key: string): string | undefined {
  const f = BY_KEY.get(key);
  if (f) return f.path;
  return key.startsWith('sarama:') ? key.slice('sarama:'.length) : undefined;
}

/** Role evidence of a field path. */
export function saramaRoleOfPath(path: string): SaramaRole {
  return roleOfPath(path);
}

// Constant name <-> Kafka value, per kind.
export const SARAMA_ACKS: readonly { name: string; value: string; number: number }[] = [
  { name: 'NoResponse', value: '0', number: 0 },
  { name: 'WaitForLocal', value: '1', number: 1 },
  { name: 'WaitForAll', value: 'all', number: -1 },
];
export const SARAMA_OFFSETS: readonly { name: string; value: string; number: number }[] = [
  { name: 'OffsetNewest', value: 'latest', number: -1 },
  { name: 'OffsetOldest', value: 'earliest', number: -2 },
];
export const SARAMA_ISOLATION: readonly { name: string; value: string; number: number }[] = [
  { name: 'ReadUncommitted', value: 'read_uncommitted', number: 0 },
  { name: 'ReadCommitted', value: 'read_committed', number: 1 },
];

const ENUMS: { key: string; table: readonly { name: string; value: string; number: number }[] }[] = [
  { key: 'acks', table: SARAMA_ACKS },
  { key: 'auto.offset.reset', table: SARAMA_OFFSETS },
  { key: 'isolation.level', table: SARAMA_ISOLATION },
];

/** The sarama constant for a canonical key and value: (`acks`, `all`) -> `WaitForAll`, (`sarama:Version`, `2.8.0.0`) -> `V2_8_0_0`. */
export function saramaConstName(key: string, value: string): string | undefined {
  if (key === 'sarama:Version') return saramaVersionConst(value);
  const e = ENUMS.find((x) => x.key === key);
  const v = value.trim().toLowerCase();
  return e?.table.find((x) => x.value === v || String(x.number) === v)?.name;
}

/** What a sarama constant means as a canonical key and value: `WaitForAll` -> (`acks`, `all`). */
export function saramaConstValue(name: string): { key: string; value: string } | undefined {
  for (const e of ENUMS) {
    const hit = e.table.find((x) => x.name === name);
    if (hit) return { key: e.key, value: hit.value };
  }
  const v = saramaVersionFromConst(name);
  return v ? { key: 'sarama:Version', value: v } : undefined;
}

/** Kafka protocol versions sarama defines as `Vw_x_y_z` constants (newest known release). */
export const SARAMA_KAFKA_VERSIONS: readonly string[] = [
  '0.8.2.0', '0.8.2.1', '0.8.2.2', '0.9.0.0', '0.9.0.1', '0.10.0.0', '0.10.0.1', '0.10.1.0', '0.10.1.1',
  '0.10.2.0', '0.10.2.1', '0.10.2.2', '0.11.0.0', '0.11.0.1', '0.11.0.2', '1.0.0.0', '1.0.1.0', '1.0.2.0',
  '1.1.0.0', '1.1.1.0', '2.0.0.0', '2.0.1.0', '2.1.0.0', '2.1.1.0', '2.2.0.0', '2.2.1.0', '2.2.2.0',
  '2.3.0.0', '2.3.1.0', '2.4.0.0', '2.4.1.0', '2.5.0.0', '2.5.1.0', '2.6.0.0', '2.6.1.0', '2.6.2.0',
  '2.6.3.0', '2.7.0.0', '2.7.1.0', '2.7.2.0', '2.8.0.0', '2.8.1.0', '2.8.2.0', '3.0.0.0', '3.0.1.0',
  '3.0.2.0', '3.1.0.0', '3.1.1.0', '3.1.2.0', '3.2.0.0', '3.2.1.0', '3.2.2.0', '3.2.3.0', '3.3.0.0',
  '3.3.1.0', '3.3.2.0', '3.4.0.0', '3.4.1.0', '3.5.0.0', '3.5.1.0', '3.5.2.0', '3.6.0.0', '3.6.1.0',
  '3.6.2.0', '3.7.0.0', '3.7.1.0', '3.7.2.0', '3.8.0.0', '3.8.1.0', '3.9.0.0', '3.9.1.0', '3.9.2.0',
  '4.0.0.0', '4.0.1.0', '4.1.0.0', '4.1.1.0', '4.1.2.0', '4.2.0.0', '4.2.1.0', '4.3.0.0', '4.3.1.0',
];
const KNOWN_VERSIONS = new Set(SARAMA_KAFKA_VERSIONS);

/** Newest sarama release this table describes. */
export const SARAMA_NEWEST_KNOWN = '1.60.1';

/** `MinVersion` of every release; `MaxVersion` of the newest known one. */
export const SARAMA_MIN_KAFKA_VERSION = '0.8.2.0';
export const SARAMA_MAX_KAFKA_VERSION = '4.3.1.0';

/** `V2_8_0_0` -> `2.8.0.0`; undefined for other names. */
export function saramaVersionFromConst(name: string): string | undefined {
  const m = /^V(\d+)_(\d+)_(\d+)_(\d+)$/.exec(name);
  return m ? `${+m[1]}.${+m[2]}.${+m[3]}.${+m[4]}` : undefined;
}

/**
 * A Kafka version in any common spelling (`2.8`, `2.8.0`, `2.8.0.0`, `0.11.0.2`, `V2_8_0_0`) as
 * sarama's four-part form. Like ParseKafkaVersion, 0.x versions take four parts, later ones three.
 */
export function normaliseSaramaKafkaVersion(text: string): string | undefined {
  const t = text.trim();
  const fromConst = saramaVersionFromConst(t);
  if (fromConst) return fromConst;
  if (!/^\d+(\.\d+){1,3}$/.test(t)) return undefined;
  const parts = t.split('.').map((x) => +x);
  if (parts[0] === 0) {
    if (parts.length !== 4) return undefined;
  } else if (parts.length === 4) {
    // Sarama's own four-part form (V2_8_0_0 is 2.8.0.0); ParseKafkaVersion itself takes three.
  } else {
    while (parts.length < 4) parts.push(0);
  }
  return parts.join('.');
}

/** What sarama.ParseKafkaVersion(s) returns for a literal, as four-part text; undefined when it fails. */
export function saramaParseKafkaVersion(s: string): string | undefined {
  if (s.length < 5) return undefined;
  if (s[0] === '0') return /^0\.\d+\.\d+\.\d+$/.test(s) ? s.split('.').map((x) => +x).join('.') : undefined;
  return /^\d+\.\d+\.\d+$/.test(s) ? [...s.split('.').map((x) => +x), 0].join('.') : undefined;
}

/** `2.8.0.0` -> `V2_8_0_0` when sarama defines that constant. */
export function saramaVersionConst(version: string): string | undefined {
  const v = normaliseSaramaKafkaVersion(version);
  return v && KNOWN_VERSIONS.has(v) ? 'V' + v.split('.').join('_') : undefined;
}

function cmp(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Kafka version NewConfig() sets (`DefaultVersion`), by sarama release (facts.md §8.8). */
export function saramaDefaultKafkaVersion(saramaVersion?: string): string {
  const v = saramaVersion ?? SARAMA_NEWEST_KNOWN;
  if (cmp(v, '1.27.1') < 0) return '0.8.2.0'; // NewConfig used MinVersion
  if (cmp(v, '1.41.0') < 0) return '1.0.0.0';
  if (cmp(v, '1.50.3') < 0) return '2.1.0.0';
  if (cmp(v, '1.60.1') < 0) return '2.6.0.0';
  return '2.8.0.0';
}

/**
 * The value of a package-level version variable (`DefaultVersion`, `MinVersion`, `MaxVersion`)
 * for a release; MaxVersion is known for the newest release only.
 */
export function saramaVersionVariable(name: string, saramaVersion?: string): string | undefined {
  if (name === 'DefaultVersion') return saramaDefaultKafkaVersion(saramaVersion);
  if (name === 'MinVersion') return SARAMA_MIN_KAFKA_VERSION;
  if (name === 'MaxVersion') return SARAMA_MAX_KAFKA_VERSION;
  return undefined;
}

/** A constant Go value as the Go parser read it. */
export type SaramaGoValue =
  | { type: 'bool'; value: boolean }
  /** An untyped or typed number; `duration` when it is a time.Duration expression (value in ns). */
  | { type: 'number'; value: number; duration?: boolean }
  | { type: 'string'; value: string }
  /** A sarama package identifier (`WaitForAll`, `V2_8_0_0`, `CompressionSnappy`, `DefaultVersion`). */
  | { type: 'sarama'; name: string }
  /** Result of sarama.ParseKafkaVersion("...") on a literal, already four-part. */
  | { type: 'version'; value: string };

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

function enumValue(table: readonly { name: string; value: string; number: number }[], v: SaramaGoValue): string | undefined {
  if (v.type === 'sarama') return table.find((e) => e.name === v.name)?.value;
  if (v.type === 'number' && !v.duration && Number.isInteger(v.value)) {
    return table.find((e) => e.number === v.value)?.value ?? String(v.value);
  }
  return undefined;
}

/**
 * The canonical value of a field assignment, or undefined when it cannot be known statically
 * (the setting is then dynamic). `field` undefined = a path we do not know: any constant is kept.
 */
export function saramaValue(field: SaramaField | undefined, v: SaramaGoValue): string | undefined {
  const kind = field?.kind ?? 'other';
  switch (kind) {
    case 'acks':
      return enumValue(SARAMA_ACKS, v);
    case 'offset':
      return enumValue(SARAMA_OFFSETS, v);
    case 'isolation':
      return enumValue(SARAMA_ISOLATION, v);
    case 'version':
      if (v.type === 'version') return v.value;
      if (v.type === 'sarama') return saramaVersionFromConst(v.name) ?? saramaVersionVariable(v.name);
      return undefined;
    case 'bool':
      return v.type === 'bool' ? String(v.value) : undefined;
    case 'int':
      return v.type === 'number' && !v.duration && Number.isInteger(v.value) ? String(v.value) : undefined;
    case 'string':
      return v.type === 'string' ? v.value : undefined;
    case 'duration':
      // time.Duration counts nanoseconds; Kafka's keys count milliseconds.
      return v.type === 'number' ? numberText(v.value / 1e6) : undefined;
    case 'const':
    case 'other':
      if (v.type === 'sarama') return v.name;
      if (v.type === 'bool') return String(v.value);
      if (v.type === 'number') return numberText(v.value);
      if (v.type === 'string') return v.value;
      return v.value;
  }
}

/**
 * How a canonical value is written in Go for a field: `all` -> `WaitForAll` (`sarama.` added by
 * the caller through `qualify`), `true`, `5`, `"id"`, durations from milliseconds. Undefined when
 * the value has no safe spelling (an unknown constant, a non-number for an int field).
 */
export function saramaGoText(
  field: SaramaField,
  value: string,
  qualify: (name: string) => string,
  durationText: (ms: number) => string,
): string | undefined {
  const v = value.trim();
  const fromTable = (table: readonly { name: string; value: string; number: number }[]) => {
    const e = table.find((x) => x.value === v.toLowerCase() || String(x.number) === v);
    return e ? qualify(e.name) : undefined;
  };
  switch (field.kind) {
    case 'acks':
      return fromTable(SARAMA_ACKS);
    case 'offset':
      return fromTable(SARAMA_OFFSETS);
    case 'isolation':
      return fromTable(SARAMA_ISOLATION);
    case 'version': {
      if (v === 'DefaultVersion' || v === 'MaxVersion' || v === 'MinVersion') return qualify(v);
      const c = saramaVersionConst(v);
      return c ? qualify(c) : undefined;
    }
    case 'bool':
      return v === 'true' || v === 'false' ? v : undefined;
    case 'int':
      return /^-?\d+$/.test(v) ? String(Number(v)) : undefined;
    case 'string':
      return goQuote(value);
    case 'duration': {
      if (!/^\d+(\.\d+)?$/.test(v)) return undefined;
      return durationText(Number(v));
    }
    case 'const':
      return /^[A-Z][A-Za-z0-9_]*$/.test(v) ? qualify(v) : undefined;
    case 'other':
      return undefined;
  }
}

/** A Go interpreted string literal for s. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

export interface SaramaDefault {
  value: string;
  source: string;
}

// NewConfig() values that matter for delivery (facts.md §8.1), as canonical key -> value.
// Durations in milliseconds. Identical in every release since v1.0.0 except `sarama:Version`.
const DEFAULTS: Record<string, string> = {
  acks: '1',
  retries: '3',
  'max.in.flight.requests.per.connection': '5',
  'enable.idempotence': 'false',
  'transactional.id': '',
  'auto.offset.reset': 'latest',
  'enable.auto.commit': 'true',
  'auto.commit.interval.ms': '1000',
  'isolation.level': 'read_uncommitted',
  'sarama:Producer.Return.Errors': 'true',
  'sarama:Producer.Return.Successes': 'false',
  'sarama:Producer.Timeout': '10000',
  'sarama:Producer.Retry.Backoff': '100',
  'sarama:Producer.Partitioner': 'NewHashPartitioner',
  'sarama:Producer.Flush.Bytes': '0',
  'sarama:Producer.Flush.Messages': '0',
  'sarama:Producer.Flush.Frequency': '0',
  'sarama:Producer.Flush.MaxMessages': '0',
  'sarama:Producer.Transaction.Timeout': '60000',
  'sarama:Producer.Transaction.Retry.Max': '50',
  'sarama:Producer.Transaction.Retry.Backoff': '100',
  'sarama:Metadata.Retry.Max': '3',
  'sarama:Metadata.Retry.Backoff': '250',
  'sarama:Metadata.AllowAutoTopicCreation': 'true',
  'sarama:Consumer.Offsets.Retry.Max': '3',
  'sarama:Consumer.Group.ResetInvalidOffsets': 'true',
  'sarama:Consumer.Return.Errors': 'false',
};

/** Where a default comes from, for messages: "sarama v1.43.2 default". */
export function saramaDefaultSource(saramaVersion?: string): string {
  if (!saramaVersion) return `newest sarama (v${SARAMA_NEWEST_KNOWN}) default`;
  const v = saramaVersion.replace(/^v/, '');
  if (cmp(v, SARAMA_NEWEST_KNOWN) > 0) return `sarama v${v} default (as of v${SARAMA_NEWEST_KNOWN}, the newest known)`;
  return `sarama v${v} default`;
}

/**
 * The value NewConfig() gives a canonical key, for a sarama release (`1.43.2`, `v1.43.2`;
 * undefined = newest known). Undefined for keys we hold no sourced default for.
 */
export function saramaDefault(key: string, saramaVersion?: string): SaramaDefault | undefined {
  const version = saramaVersion?.trim() ? saramaVersion.trim().replace(/^v/, '') : undefined;
  if (version !== undefined && !/^\d+(\.\d+){0,2}$/.test(version)) return undefined;
  const source = saramaDefaultSource(version);
  if (key === 'sarama:Version') return { value: saramaDefaultKafkaVersion(version), source };
  const value = DEFAULTS[key];
  return value === undefined ? undefined : { value, source };
}

/** Keys saramaDefault() knows. */
export function saramaDefaultKeys(): string[] {
  return [...Object.keys(DEFAULTS), 'sarama:Version'];
}

export interface SaramaConstructor {
  name: string;
  /** What it builds: evidence for the config's role. */
  role: 'producer' | 'consumer' | 'client' | 'admin';
  /** Index of the *sarama.Config argument. */
  configArg?: number;
  /** Index of the sarama.Client argument (…FromClient). */
  clientArg?: number;
}

/** Constructors that take a config, directly or through a Client built from one. */
export const SARAMA_CONSTRUCTORS: readonly SaramaConstructor[] = [
  { name: 'NewSyncProducer', role: 'producer', configArg: 1 },
  { name: 'NewAsyncProducer', role: 'producer', configArg: 1 },
  { name: 'NewConsumer', role: 'consumer', configArg: 1 },
  { name: 'NewConsumerGroup', role: 'consumer', configArg: 2 },
  { name: 'NewClient', role: 'client', configArg: 1 },
  { name: 'NewClusterAdmin', role: 'admin', configArg: 1 },
  { name: 'NewSyncProducerFromClient', role: 'producer', clientArg: 0 },
  { name: 'NewAsyncProducerFromClient', role: 'producer', clientArg: 0 },
  { name: 'NewConsumerFromClient', role: 'consumer', clientArg: 0 },
  { name: 'NewConsumerGroupFromClient', role: 'consumer', clientArg: 1 },
  { name: 'NewClusterAdminFromClient', role: 'admin', clientArg: 0 },
  { name: 'NewOffsetManagerFromClient', role: 'consumer', clientArg: 1 },
];

export function saramaConstructor(name: string): SaramaConstructor | undefined {
  return SARAMA_CONSTRUCTORS.find((c) => c.name === name);
}

/** Module paths that provide package sarama. */
export const SARAMA_IMPORT_PATHS: readonly string[] = ['github.com/IBM/sarama', 'github.com/Shopify/sarama', 'gopkg.in/Shopify/sarama.v1'];

export interface SaramaConstantDoc {
  name: string;
  /** The Go type or group: `RequiredAcks`, `offset` (int64 constants), `IsolationLevel`, `KafkaVersion`. */
  type: 'RequiredAcks' | 'offset' | 'IsolationLevel' | 'KafkaVersion';
  /** The canonical (Kafka) value it stands for, when there is one. */
  value?: string;
  doc: L10n;
}

const VERSION_VARS: SaramaConstantDoc[] = [
  {
    name: 'DefaultVersion',
    type: 'KafkaVersion',
    doc: {
      en: 'The protocol version NewConfig() sets; it depends on the sarama release (2.8.0 since v1.60.1, older releases use lower versions).',
      zh: 'NewConfig() 设置的协议版本，取决于 sarama 发行版（v1.60.1 起为 2.8.0，更早的发行版更低）。',
    },
  },
  {
    name: 'MinVersion',
    type: 'KafkaVersion',
    doc: { en: 'The oldest protocol version sarama speaks (0.8.2.0).', zh: 'sarama 支持的最旧协议版本（0.8.2.0）。' },
  },
  {
    name: 'MaxVersion',
    type: 'KafkaVersion',
    doc: { en: 'The newest protocol version this sarama release knows.', zh: '当前 sarama 发行版已知的最新协议版本。' },
  },
];

/** The documented constants a config is usually set to, with short descriptions for hovers. */
export const SARAMA_CONSTANTS: readonly SaramaConstantDoc[] = [
  {
    name: 'NoResponse',
    type: 'RequiredAcks',
    value: '0',
    doc: {
      en: 'acks=0: the broker sends no response, so the producer counts a record as sent once it is on the socket. A broker failure loses it silently.',
      zh: 'acks=0：broker 不回复，记录写入套接字即视为发送成功；broker 故障会悄无声息地丢失它。',
    },
  },
  {
    name: 'WaitForLocal',
    type: 'RequiredAcks',
    value: '1',
    doc: {
      en: 'acks=1 (the NewConfig default): only the partition leader writes the record before acknowledging. If the leader fails before followers copy it, the record is lost.',
      zh: 'acks=1（NewConfig 默认值）：仅分区 leader 写入后即确认；若 follower 复制前 leader 故障，记录丢失。',
    },
  },
  {
    name: 'WaitForAll',
    type: 'RequiredAcks',
    value: 'all',
    doc: {
      en: 'acks=all: every in-sync replica writes the record before the leader acknowledges. How many replicas that must be is set by min.insync.replicas on the broker or topic.',
      zh: 'acks=all：所有同步副本（ISR）写入后 leader 才确认；至少需要多少副本由 broker 或主题的 min.insync.replicas 决定。',
    },
  },
  {
    name: 'OffsetNewest',
    type: 'offset',
    value: 'latest',
    doc: {
      en: 'auto.offset.reset=latest (the NewConfig default for Consumer.Offsets.Initial): with no committed offset, start after the newest record; records written earlier are skipped.',
      zh: 'auto.offset.reset=latest（Consumer.Offsets.Initial 的 NewConfig 默认值）：没有已提交位移时从最新记录之后开始，之前写入的记录被跳过。',
    },
  },
  {
    name: 'OffsetOldest',
    type: 'offset',
    value: 'earliest',
    doc: {
      en: 'auto.offset.reset=earliest: with no committed offset, start from the oldest record still retained.',
      zh: 'auto.offset.reset=earliest：没有已提交位移时，从仍保留的最旧记录开始消费。',
    },
  },
  {
    name: 'ReadUncommitted',
    type: 'IsolationLevel',
    value: 'read_uncommitted',
    doc: {
      en: 'isolation.level=read_uncommitted (the default): the consumer also sees records of open and aborted transactions.',
      zh: 'isolation.level=read_uncommitted（默认值）：消费者也会读到未完成或已中止事务中的记录。',
    },
  },
  {
    name: 'ReadCommitted',
    type: 'IsolationLevel',
    value: 'read_committed',
    doc: {
      en: 'isolation.level=read_committed: the consumer sees only records of committed transactions. Needs Version V0_11_0_0 or later.',
      zh: 'isolation.level=read_committed：消费者只读到已提交事务中的记录；要求 Version 不低于 V0_11_0_0。',
    },
  },
  ...VERSION_VARS,
  ...SARAMA_KAFKA_VERSIONS.map(
    (v): SaramaConstantDoc => ({
      name: 'V' + v.split('.').join('_'),
      type: 'KafkaVersion',
      value: v,
      doc: {
        en: `Kafka protocol version ${v}: the client uses request versions that brokers of this version understand.`,
        zh: `Kafka 协议版本 ${v}：客户端使用该版本 broker 能理解的请求版本。`,
      },
    }),
  ),
];

export function saramaConstantDoc(name: string): SaramaConstantDoc | undefined {
  return SARAMA_CONSTANTS.find((c) => c.name === name);
}
