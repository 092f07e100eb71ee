// Spring Cloud Stream's Kafka binder (`spring.cloud.stream.kafka.*`, docs/sources/spring-cloud-stream.md): where its
// properties put Kafka client settings, and in what order they override each other. Read from the
// binder's source (spring-cloud-stream 5.0.x, `KafkaBinderConfigurationProperties`,
// `KafkaConsumerProperties`, `KafkaProducerProperties`, `BindingUtils`):
//
//   producer, lowest first: `binder.required-acks` (as `acks`), Spring Boot's `spring.kafka.*`,
//   `binder.configuration` (producer keys only), `binder.producer-properties`, the binding's
//   `producer.configuration`;
//   consumer, lowest first: the binder's own (`enable.auto.commit=false`, `auto.offset.reset`
//   `earliest` with a group, `latest` without), Spring Boot, `binder.configuration` (consumer keys
//   only), `binder.consumer-properties` — from these three an `enable.auto.commit=true` or a
//   `group.id` is dropped — then the binding's `consumer.configuration`, then its `start-offset`.
//
// `spring.cloud.stream.kafka.default.consumer|producer.*` holds defaults for every binding.

import type { Role } from '../model.js';
import { canonicalSpringSegment } from './spring.js';

/** Precedence of each place within a binder unit (Spring Boot's own run 0–2 below these). */
export const SCST_PRECEDENCE = {
  requiredAcks: -1,
  binderConfiguration: 3,
  binderRole: 4,
  defaultConfiguration: 5,
  bindingConfiguration: 6,
  defaultProperty: 7,
  bindingProperty: 8,
} as const;

/** Binder-wide properties (`spring.cloud.stream.kafka.binder.*`), canonical form. */
export const SCST_BINDER_PROPS = [
  'configuration',
  'consumer-properties',
  'producer-properties',
  'brokers',
  'default-broker-port',
  'headers',
  'auto-create-topics',
  'auto-alter-topics',
  'auto-add-partitions',
  'consider-down-when-any-partition-has-no-leader',
  'required-acks',
  'replication-factor',
  'min-partition-count',
  'health-timeout',
  'jaas',
  'header-mapper-bean-name',
  'authorization-exception-retry-interval',
  'certificate-store-directory',
  'enable-observation',
  'health-indicator-consumer-group',
  'transaction',
  'metrics',
];

/** A binding's Kafka consumer properties (`spring.cloud.stream.kafka.bindings.<b>.consumer.*`). */
export const SCST_KAFKA_CONSUMER_PROPS = [
  'auto-rebalance-enabled',
  'ack-mode',
  'auto-commit-on-error',
  'start-offset',
  'reset-offsets',
  'enable-dlq',
  'dlq-name',
  'dlq-partitions',
  'dlq-producer-properties',
  'trusted-packages',
  'standard-headers',
  'converter-bean-name',
  'idle-event-interval',
  'destination-is-pattern',
  'configuration',
  'topic',
  'poll-timeout',
  'transaction-manager',
  'tx-commit-recovered',
  'common-error-handler-bean-name',
  'reactive-auto-commit',
  'reactive-at-most-once',
];

/** A binding's Kafka producer properties (`spring.cloud.stream.kafka.bindings.<b>.producer.*`). */
export const SCST_KAFKA_PRODUCER_PROPS = [
  'buffer-size',
  'compression-type',
  'sync',
  'send-timeout-expression',
  'batch-timeout',
  'message-key-expression',
  'header-patterns',
  'configuration',
  'topic',
  'use-topic-header',
  'record-metadata-channel',
  'transaction-manager',
  'close-timeout',
  'allow-non-transactional',
];

/** Binder-independent binding properties (`spring.cloud.stream.bindings.<b>.consumer|producer.*`). */
export const SCST_GENERIC_CONSUMER_PROPS = [
  'auto-startup',
  'concurrency',
  'partitioned',
  'instance-count',
  'instance-index',
  'instance-index-list',
  'max-attempts',
  'back-off-initial-interval',
  'back-off-max-interval',
  'back-off-multiplier',
  'default-retryable',
  'retry-template-name',
  'retryable-exceptions',
  'header-mode',
  'use-native-decoding',
  'multiplex',
  'batch-mode',
];
export const SCST_GENERIC_PRODUCER_PROPS = [
  'auto-startup',
  'partition-key-expression',
  'partition-key-extractor-name',
  'partition-selector-name',
  'partition-selector-expression',
  'partition-count',
  'required-groups',
  'header-mode',
  'use-native-encoding',
  'error-channel-enabled',
  'poller',
  'dynamic-partition-updates-enabled',
];

/** Removed in binder 4.2 (deprecated since 3.1 for `ack-mode`): still bound by older binders. */
export const SCST_REMOVED_CONSUMER_PROPS = ['auto-commit-offset', 'ack-each-record'];

export type ScstDirection = 'consumer' | 'producer';

/** Where a leaf below `spring.cloud.stream.kafka` puts its value. */
export interface ScstMapping {
  /** Canonical Kafka key, `spring:listener.ack-mode`, or `scst:<direction>.<prop>` for a binder
   *  property with no Kafka key behind it (known or not: unknown-key tells them apart). */
  key: string;
  role: Role;
  precedence: number;
  /** The binding the setting belongs to; undefined: every binding (binder-wide or `default`). */
  binding?: string;
  /** Index in the path of the map segment (`configuration`, `producer-properties`) for map entries. */
  mapAt?: number;
  /** `start-offset` values are Kafka's `auto.offset.reset` values; `ack-mode` is upper-cased. */
  kind: 'string' | 'enum-lower' | 'ack-mode';
  /** An entry of the binder's `transaction.producer.configuration`. */
  transaction?: true;
}

const isBracket = (s: string) => s.startsWith('[');
const mapKey = (segs: string[]) => (segs.length === 1 && isBracket(segs[0]) ? segs[0].slice(1, -1).trim() : segs.join('.'));

/**
 * Maps a leaf path (segments as written, from `spring`) below `spring.cloud.stream.kafka` to the
 * setting it makes; undefined for anything that is no client setting (topic provisioning,
 * headers, `brokers`) and for paths outside the binder.
 */
export function mapScstKafkaPath(path: string[]): ScstMapping | undefined {
  // spring . cloud . stream . kafka . <area> ...
  if (path.length < 5) return undefined;
  const c = (i: number) => (isBracket(path[i]) ? path[i] : canonicalSpringSegment(path[i]));
  if (c(0) !== 'spring' || c(1) !== 'cloud' || c(2) !== 'stream' || c(3) !== 'kafka') return undefined;
  const area = c(4);
  if (area === 'binder') {
    if (path.length < 6) return undefined;
    const prop = c(5);
    const rest = path.slice(6);
    if (prop === 'required-acks' && !rest.length) return { key: 'acks', role: 'producer', precedence: SCST_PRECEDENCE.requiredAcks, kind: 'string' };
    // The replication factor of the topics the binder creates (-1: the broker's default.replication.factor).
    if (prop === 'replication-factor' && !rest.length) return { key: 'replication.factor', role: 'topic', precedence: SCST_PRECEDENCE.binderRole, kind: 'string' };
    // A property the binder does not have (misspelled, or of binder 1.x such as `zk-nodes`): kept for unknown-key.
    if (!isBracket(path[5]) && !SCST_BINDER_PROPS.includes(prop)) return { key: `scst:binder.${prop}`, role: 'client', precedence: SCST_PRECEDENCE.binderConfiguration, kind: 'string' };
    if (!rest.length) return undefined;
    if (prop === 'transaction') {
      // Transactions: the binder's one producer is made from `transaction.producer.*` (binding-level
      // producer settings are then ignored) and its ids start with the prefix.
      const t = rest.map((x) => (isBracket(x) ? x : canonicalSpringSegment(x)));
      if (t.length === 1 && t[0] === 'transaction-id-prefix') return { key: 'transactional.id', role: 'producer', precedence: SCST_PRECEDENCE.binderRole, kind: 'string' };
      if (t.length >= 3 && t[0] === 'producer' && t[1] === 'configuration') {
        return { key: mapKey(rest.slice(2)), role: 'producer', precedence: SCST_PRECEDENCE.bindingConfiguration, mapAt: 7, kind: 'string', transaction: true };
      }
      return undefined;
    }
    if (prop === 'configuration') return { key: mapKey(rest), role: 'client', precedence: SCST_PRECEDENCE.binderConfiguration, mapAt: 5, kind: 'string' };
    if (prop === 'producer-properties') return { key: mapKey(rest), role: 'producer', precedence: SCST_PRECEDENCE.binderRole, mapAt: 5, kind: 'string' };
    if (prop === 'consumer-properties') return { key: mapKey(rest), role: 'consumer', precedence: SCST_PRECEDENCE.binderRole, mapAt: 5, kind: 'string' };
    return undefined;
  }
  // default.<direction>.<prop> / bindings.<name>.<direction>.<prop>
  let binding: string | undefined;
  let at: number;
  if (area === 'default' && path.length >= 7) at = 5;
  else if (area === 'bindings' && path.length >= 8) {
    binding = isBracket(path[5]) ? path[5].slice(1, -1) : path[5];
    at = 6;
  } else if (area === 'bindings' || area === 'default' || area === 'streams' || isBracket(path[4])) return undefined;
  else return { key: `scst:kafka.${area}`, role: 'client', precedence: SCST_PRECEDENCE.binderConfiguration, kind: 'string' }; // `kafka.brokers` for `kafka.binder.brokers`
  const dir = c(at);
  if (dir !== 'consumer' && dir !== 'producer') return undefined;
  const prop = c(at + 1);
  const rest = path.slice(at + 2);
  // `default.*` holds for every binding; a binding's own value wins over it.
  const own = (forDefault: number, forBinding: number) => (binding === undefined ? forDefault : forBinding);
  if (prop === 'configuration') {
    if (!rest.length) return undefined;
    const m: ScstMapping = { key: mapKey(rest), role: dir, precedence: own(SCST_PRECEDENCE.defaultConfiguration, SCST_PRECEDENCE.bindingConfiguration), mapAt: at + 1, kind: 'string' };
    if (binding !== undefined) m.binding = binding;
    return m;
  }
  if (prop === 'topic' && rest.length === 1 && canonicalSpringSegment(rest[0]) === 'replication-factor') {
    // A binding's own topic: it overrides the binder's replication factor.
    const m: ScstMapping = { key: 'replication.factor', role: 'topic', precedence: own(SCST_PRECEDENCE.defaultProperty, SCST_PRECEDENCE.bindingProperty), kind: 'string' };
    if (binding !== undefined) m.binding = binding;
    return m;
  }
  if (rest.length) return undefined; // other topic.* and dlq-producer-properties.*: provisioning and the DLQ producer
  let key: string;
  let kind: ScstMapping['kind'] = 'string';
  if (dir === 'consumer' && prop === 'start-offset') {
    key = 'auto.offset.reset';
    kind = 'enum-lower';
  } else if (dir === 'consumer' && prop === 'ack-mode') {
    key = 'spring:listener.ack-mode';
    kind = 'ack-mode';
  } else key = `scst:${dir}.${prop}`;
  const m: ScstMapping = { key, role: dir, precedence: own(SCST_PRECEDENCE.defaultProperty, SCST_PRECEDENCE.bindingProperty), kind };
  if (binding !== undefined) m.binding = binding;
  return m;
}

/** A `scst:<direction>.<prop>` or `scst:binder.<prop>` key the binder binds (on some version). */
export function isKnownScstProperty(key: string): boolean {
  const m = /^scst:(consumer|producer|binder)\.(.+)$/.exec(key);
  if (!m) return false;
  if (m[1] === 'binder') return SCST_BINDER_PROPS.includes(m[2]);
  const list = m[1] === 'consumer' ? [...SCST_KAFKA_CONSUMER_PROPS, ...SCST_REMOVED_CONSUMER_PROPS] : SCST_KAFKA_PRODUCER_PROPS;
  return list.includes(m[2]);
}

/** For an unknown `scst:` key: the generic binding property of that name (it belongs below
 *  `spring.cloud.stream.bindings.<b>.<direction>`, where it binds), if there is one. */
export function genericScstProperty(key: string): string | undefined {
  const m = /^scst:(consumer|producer)\.(.+)$/.exec(key);
  if (!m) return undefined;
  const list = m[1] === 'consumer' ? SCST_GENERIC_CONSUMER_PROPS : SCST_GENERIC_PRODUCER_PROPS;
  return list.includes(m[2]) ? m[2] : undefined;
}

/** Known Kafka binder property names of the binder or a binding's direction, for "did you mean". */
export function scstProperties(place: ScstDirection | 'binder'): string[] {
  return place === 'binder' ? SCST_BINDER_PROPS : place === 'consumer' ? SCST_KAFKA_CONSUMER_PROPS : SCST_KAFKA_PRODUCER_PROPS;
}

/**
 * The direction of a binding by its name alone: functional bindings are `<function>-in-<n>` and
 * `<function>-out-<n>`; the older annotation model's defaults are `input` and `output`.
 */
export function directionByName(name: string): ScstDirection | undefined {
  if (/-in-\d+$/.test(name) || name === 'input') return 'consumer';
  if (/-out-\d+$/.test(name) || name === 'output') return 'producer';
  return undefined;
}

/**
 * Where a key is written for a Kafka binder unit, as path segments from `spring`: `acks` as the
 * binder's `required-acks` (it holds for every binding) while nothing above it sets acks
 * (`acksPrecedence`: that of the acks in effect), `start-offset` and `ack-mode` as the binding's
 * properties, a `group` on the binding, anything else in the binding's `configuration` map
 * (binder-wide units: the binder's `configuration`, `producer-properties` or `consumer-properties`).
 */
export function scstKeyPath(role: Role, binding: string | undefined, key: string, acksPrecedence: number | undefined): string[] | undefined {
  const base = ['spring', 'cloud', 'stream', 'kafka'];
  if (key === 'acks' && (acksPrecedence ?? -1) <= SCST_PRECEDENCE.requiredAcks) return [...base, 'binder', 'required-acks'];
  if (key.startsWith('scst:binder.')) return [...base, 'binder', key.slice('scst:binder.'.length)];
  const dir = role === 'producer' || role === 'consumer' ? role : undefined;
  const special = key.startsWith('scst:') || key.startsWith('spring:');
  if (binding === undefined || !dir) {
    if (special) return undefined;
    const map = dir === 'producer' ? 'producer-properties' : dir === 'consumer' ? 'consumer-properties' : 'configuration';
    return [...base, 'binder', map, key];
  }
  if (key === 'scst:group') return ['spring', 'cloud', 'stream', 'bindings', binding, 'group'];
  const at = [...base, 'bindings', binding, dir];
  if (key === 'auto.offset.reset' && dir === 'consumer') return [...at, 'start-offset'];
  if (key === 'spring:listener.ack-mode' && dir === 'consumer') return [...at, 'ack-mode'];
  if (key.startsWith(`scst:${dir}.`)) return [...at, key.slice(`scst:${dir}.`.length)];
  return special ? undefined : [...at, 'configuration', key];
}
