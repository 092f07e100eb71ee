// Container images configure the broker from environment variables, each with its own naming
// scheme (facts.md §10). Sources: Confluent `kafka.properties.template` + `dub.py env_to_props`
// [CKI, CDU]; the official apache/kafka image documents the same scheme [KDOCK]; Bitnami
// `libkafka.sh` (`kafka_create_alias_environment_variables`, `kafka_configure_from_environment_variables`) [BIT];
// Debezium's `kafka/<version>/docker-entrypoint.sh` (debezium/container-images).
// Pure functions, never throw.

import { lookupKey } from './index.js';

export type ImageFamily = 'bitnami' | 'confluent' | 'apache' | 'debezium';

/**
 * The repository path of an image reference without registry host, tag or digest:
 * `docker.io/bitnami/kafka:3.7@sha256:…` -> `bitnami/kafka`.
 */
export function imageRepository(image: string): string {
  let s = image.trim();
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  if (colon > slash) s = s.slice(0, colon);
  const parts = s.split('/');
  // A first component with a dot or a port, or `localhost`, is a registry host.
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) parts.shift();
  return parts.join('/').toLowerCase();
}

// (cp-enterprise-kafka, the Platform 5.x broker image, is built FROM cp-kafka with the same
// kafka.properties.template: confluentinc/cp-docker-images debian/enterprise-kafka)
const CONFLUENT_BROKER_NAMES = 'cp-kafka|cp-server|confluent-local|cp-enterprise-kafka';
const CONFLUENT_BROKER_NAME = new RegExp(`^(${CONFLUENT_BROKER_NAMES})$`);

const FAMILIES: [RegExp, ImageFamily][] = [
  [new RegExp(`(^|/)confluentinc/(${CONFLUENT_BROKER_NAMES})$`), 'confluent'],
  [/(^|\/)debezium\/kafka$/, 'debezium'],
  [/(^|\/)apache\/(kafka|kafka-native)$/, 'apache'],
  [/(^|\/)(bitnami|bitnamilegacy)\/kafka$/, 'bitnami'],
];

/**
 * Apache Kafka in each Confluent Platform release: Confluent's "Supported Versions and
 * Interoperability" table (Platform 5.5 docs: CP 3.0-5.5), the compatibility matrix of the Kafka
 * Streams upgrade guide (Platform 7.6 docs: CP 6.0-7.6) and that guide for CP 8.0 and 8.1. Every
 * sourced Platform minor release is on its own, newer Kafka minor release; 7.7-7.9 lie between 7.6
 * (Kafka 3.6) and 8.0 (Kafka 4.0), which leaves exactly 3.7-3.9 for them. Later releases (8.2 on) have
 * no such bound and are left out: the configured version applies.
 */
const CONFLUENT_TO_KAFKA: Record<string, string> = {
  '3.0': '0.10.0', '3.1': '0.10.1', '3.2': '0.10.2', '3.3': '0.11.0', '4.0': '1.0', '4.1': '1.1',
  '5.0': '2.0', '5.1': '2.1', '5.2': '2.2', '5.3': '2.3', '5.4': '2.4', '5.5': '2.5',
  '6.0': '2.6', '6.1': '2.7', '6.2': '2.8',
  '7.0': '3.0', '7.1': '3.1', '7.2': '3.2', '7.3': '3.3', '7.4': '3.4', '7.5': '3.5', '7.6': '3.6',
  '7.7': '3.7', '7.8': '3.8', '7.9': '3.9',
  '8.0': '4.0', '8.1': '4.1',
};

/**
 * The Apache Kafka version an image reference runs, from its tag: `apache/kafka:3.7.0` and
 * `bitnami/kafka:3.6.1-debian-12-r0` are tagged with it; Confluent images with the Platform
 * version (`cp-kafka:7.4.1` runs Kafka 3.4). Undefined without a version tag (`latest`, a digest).
 */
export function imageKafkaVersion(image: string, family: ImageFamily): string | undefined {
  let s = image.trim();
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const colon = s.lastIndexOf(':');
  if (colon < 0 || colon < s.lastIndexOf('/')) return undefined;
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?![\d.])/.exec(s.slice(colon + 1));
  if (!m) return undefined;
  if (family === 'confluent') return CONFLUENT_TO_KAFKA[`${m[1]}.${m[2]}`];
  // Debezium tags name the Debezium release, not Kafka's.
  if (family === 'debezium') return undefined;
  return m[3] !== undefined ? `${m[1]}.${m[2]}.${m[3]}` : `${m[1]}.${m[2]}`;
}

/** The Kafka broker image family of an image reference, or undefined when it runs no broker we know. */
export function imageFamily(image: string): ImageFamily | undefined {
  const repo = imageRepository(image);
  for (const [re, family] of FAMILIES) if (re.test(repo)) return family;
  return undefined;
}

/**
 * The family of an image reference some parts of which are unknown, each written as `hole` (a
 * compose variable without a default): known when the repository is whole
 * (`confluentinc/cp-kafka:<hole>`), or when only what stands in front of an image name that only
 * Confluent uses is unknown (`<hole>/cp-server:<hole>`: a registry or a mirror of Confluent's
 * images). `kafka` alone names Apache's, Bitnami's and others' images, so `<hole>/kafka` is unknown.
 */
export function partialImageFamily(image: string, hole: string): ImageFamily | undefined {
  if (!image.includes(hole)) return imageFamily(image);
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const colon = ref.lastIndexOf(':');
  const repo = colon > ref.lastIndexOf('/') ? ref.slice(0, colon) : ref;
  if (!repo.includes(hole)) return imageFamily(repo);
  const name = repo.slice(repo.lastIndexOf('/') + 1).toLowerCase();
  return repo.lastIndexOf(hole) < repo.lastIndexOf('/') && CONFLUENT_BROKER_NAME.test(name) ? 'confluent' : undefined;
}

/**
 * `KAFKA_*` variables the Confluent and Apache images do not turn into broker properties
 * (JVM and logging options read by the start scripts) [CKI, apache/kafka docker wrapper].
 * `KAFKA_JMX_PORT` is read by the start scripts too; listed so it is not reported as a key.
 */
export const KAFKA_ENV_EXCLUDED: ReadonlySet<string> = new Set([
  'KAFKA_VERSION',
  'KAFKA_HEAP_OPTS',
  'KAFKA_HEAP_OPT',
  'KAFKA_LOG4J_OPTS',
  'KAFKA_OPTS',
  'KAFKA_JMX_OPTS',
  'KAFKA_JMX_PORT',
  'KAFKA_JMX_HOSTNAME',
  'KAFKA_JVM_PERFORMANCE_OPTS',
  'KAFKA_GC_LOG_OPTS',
  'KAFKA_LOG4J_ROOT_LOGLEVEL',
  'KAFKA_LOG4J_LOGGERS',
  'KAFKA_TOOLS_LOG4J_LOGLEVEL',
]);

/**
 * Bitnami copies `KAFKA_<SUFFIX>` to `KAFKA_CFG_<SUFFIX>` for these suffixes only [BIT]
 * (union over the 3.x and 4.x scripts). `MIN_INSYNC_REPLICAS` and
 * `UNCLEAN_LEADER_ELECTION_ENABLE` are deliberately absent: the image ignores those names.
 */
export const BITNAMI_ALIAS_SUFFIXES: ReadonlySet<string> = new Set([
  'ADVERTISED_LISTENERS',
  'BROKER_ID',
  'NODE_ID',
  'CONTROLLER_QUORUM_VOTERS',
  'CONTROLLER_QUORUM_BOOTSTRAP_SERVERS',
  'PROCESS_ROLES',
  'DEFAULT_REPLICATION_FACTOR',
  'DELETE_TOPIC_ENABLE',
  'INTER_BROKER_LISTENER_NAME',
  'LISTENERS',
  'LISTENER_SECURITY_PROTOCOL_MAP',
  'LOG_DIRS',
  'LOG_FLUSH_INTERVAL_MESSAGES',
  'LOG_FLUSH_INTERVAL_MS',
  'LOG_MESSAGE_FORMAT_VERSION',
  'LOG_RETENTION_BYTES',
  'LOG_RETENTION_CHECK_INTERVALS_MS',
  'LOG_RETENTION_HOURS',
  'LOG_SEGMENT_BYTES',
  'MESSAGE_MAX_BYTES',
  'NUM_IO_THREADS',
  'NUM_NETWORK_THREADS',
  'NUM_PARTITIONS',
  'NUM_RECOVERY_THREADS_PER_DATA_DIR',
  'OFFSETS_TOPIC_REPLICATION_FACTOR',
  'SOCKET_RECEIVE_BUFFER_BYTES',
  'SOCKET_REQUEST_MAX_BYTES',
  'SOCKET_SEND_BUFFER_BYTES',
  'SSL_ENDPOINT_IDENTIFICATION_ALGORITHM',
  'TRANSACTION_STATE_LOG_MIN_ISR',
  'TRANSACTION_STATE_LOG_REPLICATION_FACTOR',
  'ZOOKEEPER_CONNECT',
  'ZOOKEEPER_CONNECTION_TIMEOUT_MS',
]);

/** Bitnami's renamed legacy variables: name -> the KAFKA_CFG_ variable it is copied to [BIT]. */
export const BITNAMI_RENAMED_ALIASES: Readonly<Record<string, string>> = {
  KAFKA_LOGS_DIRS: 'KAFKA_CFG_LOG_DIRS',
  KAFKA_SEGMENT_BYTES: 'KAFKA_CFG_LOG_SEGMENT_BYTES',
  KAFKA_MAX_MESSAGE_BYTES: 'KAFKA_CFG_MESSAGE_MAX_BYTES',
  KAFKA_ZOOKEEPER_CONNECT_TIMEOUT_MS: 'KAFKA_CFG_ZOOKEEPER_CONNECTION_TIMEOUT_MS',
  KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE',
};

/** Names the Bitnami image ignores although they look like broker settings (facts §10). */
const BITNAMI_IGNORED: ReadonlySet<string> = new Set(['KAFKA_MIN_INSYNC_REPLICAS', 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE']);

/**
 * Confluent / Apache scheme, `KAFKA_` stripped: lower-case; a single `_` between two other
 * characters is `.`, then `___` is `-` and `__` is `_` [CDU].
 */
export function confluentSuffixToKey(suffix: string): string {
  return suffix
    .toLowerCase()
    .replace(/(?<=[^_])_(?=[^_])/g, '.')
    .split('___')
    .join('-')
    .split('__')
    .join('_');
}

/** Bitnami scheme, `KAFKA_CFG_` stripped: every `_` is `.`, lower-case, then the image's exceptions [BIT]. */
export function bitnamiSuffixToKey(suffix: string): string {
  if (suffix === 'ZOOKEEPER_CLIENTCNXNSOCKET') return 'zookeeper.clientCnxnSocket';
  return suffix
    .replace(/_/g, '.')
    .toLowerCase()
    .replace(/sasl\.ssl/g, 'sasl_ssl')
    .replace(/sasl\.plaintext/g, 'sasl_plaintext');
}

/** `min.insync.replicas` -> `KAFKA_MIN_INSYNC_REPLICAS` (Confluent / Apache). */
export function confluentEnvName(key: string): string {
  return 'KAFKA_' + key.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase();
}

/**
 * `min.insync.replicas` -> `KAFKA_CFG_MIN_INSYNC_REPLICAS` (Bitnami). Undefined when the key
 * cannot be written for Bitnami: its scheme turns every `_` into `.` and has no escape for `-`.
 */
export function bitnamiEnvName(key: string): string | undefined {
  if (key === 'zookeeper.clientCnxnSocket') return 'KAFKA_CFG_ZOOKEEPER_CLIENTCNXNSOCKET';
  const name = 'KAFKA_CFG_' + key.replace(/\./g, '_').toUpperCase();
  // The image finds its variables by shell name, so only letters, digits and `_` work.
  if (!/^[A-Z0-9_]+$/.test(name)) return undefined;
  return bitnamiSuffixToKey(name.slice('KAFKA_CFG_'.length)) === key ? name : undefined;
}

/**
 * Debezium scheme, `KAFKA_` stripped: lower-case, every `_` is `.` (its entrypoint runs
 * `tr '[:upper:]' '[:lower:]' | tr _ .`; there is no escape for `_` or `-`).
 */
export function debeziumSuffixToKey(suffix: string): string {
  return suffix.toLowerCase().replace(/_/g, '.');
}

/** `min.insync.replicas` -> `KAFKA_MIN_INSYNC_REPLICAS` (Debezium). Undefined for keys with `_` or `-`, which it cannot express. */
export function debeziumEnvName(key: string): string | undefined {
  const name = 'KAFKA_' + key.replace(/\./g, '_').toUpperCase();
  if (!/^[A-Z0-9_]+$/.test(name)) return undefined;
  return debeziumSuffixToKey(name.slice('KAFKA_'.length)) === key ? name : undefined;
}

/**
 * `KAFKA_*` variables the Debezium entrypoint keeps for itself (beyond KAFKA_ENV_EXCLUDED): it
 * skips `KAFKA_HOME`, and builds `listeners`/`advertised.listeners` from the host and port ones,
 * then unsets them, so they never become the removed `host.name`/`advertised.port` properties.
 */
const DEBEZIUM_OWN: ReadonlySet<string> = new Set(['KAFKA_HOME', 'KAFKA_HOST_NAME', 'KAFKA_PORT', 'KAFKA_ADVERTISED_HOST_NAME', 'KAFKA_ADVERTISED_PORT']);

/** The variable an image reads for a Kafka key; undefined when the image cannot express it. */
export function envNameFor(key: string, family: ImageFamily): string | undefined {
  return family === 'bitnami' ? bitnamiEnvName(key) : family === 'debezium' ? debeziumEnvName(key) : confluentEnvName(key);
}

export type EnvMapping =
  /** The image turns the variable into this broker property. `precedence` 2 marks a Bitnami
   *  alias, which the image copies over the `KAFKA_CFG_` variable when both are set. */
  | { kind: 'setting'; key: string; precedence: number }
  /** The image ignores the variable although the author evidently meant `intendedKey`. */
  | { kind: 'ignored'; intendedKey: string; suggestedName: string }
  /** Not a broker property (JVM options, image-specific variables, other prefixes). */
  | { kind: 'none' };

export interface EnvMappingOptions {
  /** Whether a key is a broker property; defaults to the knowledge base catalog. */
  isBrokerKey?: (key: string) => boolean;
}

function catalogBrokerKey(key: string): boolean {
  try {
    return lookupKey(key, 'broker') !== undefined;
  } catch {
    return false;
  }
}

/** What an image makes of one environment variable. */
export function mapEnvVar(name: string, family: ImageFamily, opts: EnvMappingOptions = {}): EnvMapping {
  const isBrokerKey = opts.isBrokerKey ?? catalogBrokerKey;
  if (!name.startsWith('KAFKA_')) return { kind: 'none' };
  if (family === 'bitnami') {
    if (name.startsWith('KAFKA_CFG_')) {
      const suffix = name.slice('KAFKA_CFG_'.length);
      return suffix ? { kind: 'setting', key: bitnamiSuffixToKey(suffix), precedence: 1 } : { kind: 'none' };
    }
    const renamed = BITNAMI_RENAMED_ALIASES[name];
    if (renamed) return { kind: 'setting', key: bitnamiSuffixToKey(renamed.slice('KAFKA_CFG_'.length)), precedence: 2 };
    const suffix = name.slice('KAFKA_'.length);
    if (BITNAMI_ALIAS_SUFFIXES.has(suffix)) return { kind: 'setting', key: bitnamiSuffixToKey(suffix), precedence: 2 };
    const intendedKey = confluentSuffixToKey(suffix);
    // Any other KAFKA_<broker key> is read by nobody: Bitnami only converts KAFKA_CFG_*.
    if (BITNAMI_IGNORED.has(name) || (isBrokerKey(intendedKey) && !KAFKA_ENV_EXCLUDED.has(name))) {
      const suggestedName = bitnamiEnvName(intendedKey);
      if (suggestedName) return { kind: 'ignored', intendedKey, suggestedName };
    }
    return { kind: 'none' };
  }
  if (KAFKA_ENV_EXCLUDED.has(name) || (family === 'debezium' && DEBEZIUM_OWN.has(name))) return { kind: 'none' };
  if (name.startsWith('KAFKA_CFG_')) {
    // Confluent/Apache/Debezium turn it into the unknown property `cfg.<...>`, which the broker ignores.
    const intendedKey = bitnamiSuffixToKey(name.slice('KAFKA_CFG_'.length));
    const suggestedName = intendedKey ? envNameFor(intendedKey, family) : undefined;
    if (intendedKey && suggestedName) return { kind: 'ignored', intendedKey, suggestedName };
    return { kind: 'none' };
  }
  const suffix = name.slice('KAFKA_'.length);
  if (!suffix) return { kind: 'none' };
  return { kind: 'setting', key: family === 'debezium' ? debeziumSuffixToKey(suffix) : confluentSuffixToKey(suffix), precedence: 1 };
}
