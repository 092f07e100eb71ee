// Completion decided by the engine (test/lsp covers the transport).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt } from '../../server/src/engine/complete.js';
import { resolveOptions } from '../../server/src/engine/options.js';

describe('completion: keys for the Kafka version in use', () => {
  const kafka = (version: string | undefined) =>
    'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n' +
    (version ? `    version: ${version}\n` : '') +
    '    config:\n      min.insync.replicas: 2\n      log.mess';
  const offered = (text: string, kafkaVersion?: string) =>
    completeAt(text, '/x/kafka.yaml', text.length, resolveOptions(kafkaVersion ? [{ source: 'test', options: { kafkaVersion } }] : [])).map((i) => i.label);

  it("a Strimzi Kafka resource's config offers the keys of its spec.kafka.version, over the configured version", () => {
    // log.message.format.version is read until Kafka 3.9 and removed in 4.0.
    assert.ok(offered(kafka('3.9.0')).includes('log.message.format.version'));
    assert.ok(offered(kafka('3.9.0'), '4.0').includes('log.message.format.version'));
    assert.ok(!offered(kafka('4.1.0'), '3.9').includes('log.message.format.version'));
  });

  it('without spec.kafka.version, the configured version decides', () => {
    assert.ok(!offered(kafka(undefined)).includes('log.message.format.version'));
    assert.ok(offered(kafka(undefined), '3.9').includes('log.message.format.version'));
  });
});

describe("completion: Spring Cloud Stream's Kafka binder", () => {
  const at = (text: string, path = '/x/application.yml') => completeAt(text, path, text.length, resolveOptions([]));
  const labels = (text: string, path?: string) => at(text, path).map((i) => i.label);
  const yaml = 'spring:\n  cloud:\n    stream:\n      kafka:\n';

  it('YAML: the binder, a binding and its direction offer their own properties', () => {
    assert.deepEqual(labels(yaml + '        '), ['binder', 'bindings', 'default']);
    const binder = labels(yaml + '        binder:\n          ');
    assert.ok(binder.includes('required-acks') && binder.includes('configuration') && !binder.includes('start-offset'));
    const consumer = at(yaml + '        bindings:\n          orders-in-0:\n            consumer:\n              ');
    assert.ok(consumer.some((i) => i.label === 'start-offset' && i.insertText === 'start-offset: '));
    assert.ok(consumer.some((i) => i.label === 'configuration' && i.insertText === 'configuration:'));
    assert.ok(!consumer.some((i) => i.label === 'sync'));
    assert.ok(labels(yaml + '        default:\n          producer:\n            ').includes('sync'));
  });

  it("YAML: a configuration map offers the role's Kafka keys with their documentation", () => {
    const items = at(yaml + '        bindings:\n          orders-out-0:\n            producer:\n              configuration:\n                ');
    const acks = items.find((i) => i.label === 'acks');
    assert.ok(acks?.documentation && acks.insertText === 'acks: ');
    assert.ok(!items.some((i) => i.label === 'max.poll.records'));
    assert.ok(labels(yaml + '        binder:\n          consumer-properties:\n            ').includes('max.poll.records'));
  });

  it('YAML: values for required-acks, start-offset, ack-mode and a map entry', () => {
    assert.deepEqual(labels(yaml + '        binder:\n          required-acks: '), ['all', '1', '0']);
    assert.deepEqual(labels(yaml + '        bindings:\n          b-in-0:\n            consumer:\n              start-offset: ').sort(), ['earliest', 'latest']);
    assert.ok(labels(yaml + '        bindings:\n          b-in-0:\n            consumer:\n              ack-mode: ').includes('MANUAL_IMMEDIATE'));
    assert.ok(labels(yaml + '        bindings:\n          b-in-0:\n            consumer:\n              configuration:\n                isolation.level: ').includes('read_committed'));
  });

  it('.properties: keys and values below spring.cloud.stream.kafka', () => {
    const p = '/x/application.properties';
    assert.ok(labels('spring.cloud.stream.kafka.binder.req', p).includes('spring.cloud.stream.kafka.binder.required-acks'));
    assert.ok(labels('spring.cloud.stream.kafka.bindings.b-in-0.consumer.st', p).includes('spring.cloud.stream.kafka.bindings.b-in-0.consumer.start-offset'));
    assert.ok(labels('spring.cloud.stream.kafka.bindings.b-out-0.producer.configuration.ac', p).includes('spring.cloud.stream.kafka.bindings.b-out-0.producer.configuration.acks'));
    assert.deepEqual(labels('spring.cloud.stream.kafka.bindings.b-in-0.consumer.startOffset=', p).sort(), ['earliest', 'latest']);
    assert.ok(labels('spring.cloud.stream.kafka.binder.configuration.enable.auto.commit=', p).includes('false'));
    assert.deepEqual(labels('spring.cloud.stream.kafka.binder.requiredAcks=', p), ['all', '1', '0']);
  });
});

describe("completion: Spring Cloud Stream's bindings", () => {
  const labels = (text: string, path = '/x/application.yml') => completeAt(text, path, text.length, resolveOptions([])).map((i) => i.label);
  it('a binding, and its consumer and producer properties of every binder', () => {
    const yaml = 'spring:\n  cloud:\n    stream:\n      bindings:\n        orders-in-0:\n';
    assert.deepEqual(labels(yaml + '          '), ['destination', 'group', 'binder', 'content-type', 'consumer', 'producer']);
    const consumer = labels(yaml + '          consumer:\n            ');
    assert.ok(consumer.includes('max-attempts') && consumer.includes('concurrency') && !consumer.includes('enable-dlq'));
    assert.ok(labels('spring.cloud.stream.bindings.orders-out-0.producer.use', '/x/application.properties').includes('spring.cloud.stream.bindings.orders-out-0.producer.use-native-encoding'));
    assert.ok(labels('spring.cloud.stream.bindings.orders-in-0.gr', '/x/application.properties').includes('spring.cloud.stream.bindings.orders-in-0.group'));
  });
});

describe("completion: Spring Boot variables in a compose service's environment", () => {
  const base = 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n  app:\n    build: .\n    environment:\n';
  const at = (line: string, head = base) => completeAt(head + line, '/x/docker-compose.yml', (head + line).length, resolveOptions([]));

  it('names in the spelling Spring Boot documents, with the Kafka key documented, in either form', () => {
    const map = at('      SPRING_KAFKA_PRO');
    const acks = map.find((i) => i.label === 'SPRING_KAFKA_PRODUCER_ACKS');
    assert.equal(acks?.insertText, 'SPRING_KAFKA_PRODUCER_ACKS: ');
    assert.ok(acks?.documentation);
    assert.ok(map.some((i) => i.label === 'SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT'));
    assert.ok(map.some((i) => i.label === 'SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE'));
    assert.ok(map.some((i) => i.label === 'SPRING_KAFKA_LISTENER_ACKMODE'));
    assert.equal(at('      - spring_kafka_c').find((i) => i.label === 'SPRING_KAFKA_CONSUMER_ISOLATIONLEVEL')?.insertText, 'SPRING_KAFKA_CONSUMER_ISOLATIONLEVEL=');
  });

  it("a service that spells dashed properties the legacy way gets names in that spelling", () => {
    const legacy = at('      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n      SPRING_KAFKA_PRO');
    assert.ok(legacy.some((i) => i.label === 'SPRING_KAFKA_PRODUCER_COMPRESSION_TYPE'));
    assert.ok(!legacy.some((i) => i.label === 'SPRING_KAFKA_PRODUCER_COMPRESSIONTYPE'));
    assert.ok(at('      SPRING_KAFKA_PRO').some((i) => i.label === 'SPRING_KAFKA_PRODUCER_COMPRESSIONTYPE'));
  });

  it("values of the variable's key, in the map and the list form", () => {
    assert.deepEqual(at('      SPRING_KAFKA_PRODUCER_ACKS: ').map((i) => i.label), ['all', '1', '0']);
    assert.ok(at('      - SPRING_KAFKA_LISTENER_ACK_MODE=M').some((i) => i.label === 'MANUAL_IMMEDIATE'));
    const reset = at('      - SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET=').map((i) => i.label);
    assert.ok(['earliest', 'latest', 'none'].every((v) => reset.includes(v)), reset.join(' '));
  });

  it("nothing for other variables, nor in a Kafka broker's service", () => {
    assert.deepEqual(at('      NGINX_'), []);
    assert.deepEqual(at('      SPRING_K', 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n'), []);
  });
});

describe("completion: Spring Boot variables in a Kubernetes container's env list", () => {
  const dep =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: o\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          image: example/orders\n          env:\n' +
    '            - name: OTHER\n              value: "1"\n';
  const at = (tail: string, head = dep) => completeAt(head + tail, '/x/deployment.yaml', (head + tail).length, resolveOptions([]));

  it('names at `- name:`, with nothing after them', () => {
    const acks = at('            - name: SPRING_KAFKA_PR').find((i) => i.label === 'SPRING_KAFKA_PRODUCER_ACKS');
    assert.equal(acks?.insertText, 'SPRING_KAFKA_PRODUCER_ACKS');
    assert.ok(acks?.documentation);
  });
  it("values at the item's `value:`, written as strings unless a quote is open", () => {
    assert.deepEqual(at('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: ').map((i) => i.insertText), ['all', '"1"', '"0"']);
    assert.deepEqual(at('            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: "').map((i) => i.insertText), ['all', '1', '0']);
    assert.deepEqual(at('            -\n              name: SPRING_KAFKA_PRODUCER_ACKS\n              value: ').map((i) => i.insertText), ['all', '"1"', '"0"']);
  });
  it('nothing outside an env list, nor in a resource that runs no containers', () => {
    assert.deepEqual(at('        - name: SPRING_K'), []);
    assert.deepEqual(at('    - name: SPRING_K', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  env:\n'), []);
  });
});

describe("completion: a Kafka broker image's variables in compose", () => {
  const at = (image: string, line: string) => {
    const text = `services:\n  kafka:\n    image: ${image}\n    environment:\n${line}`;
    return completeAt(text, '/x/docker-compose.yml', text.length, resolveOptions([]));
  };
  it("names as the image reads them, for the image's Kafka version, with the key's documentation", () => {
    const bitnami = at('bitnami/kafka:3.7', '      - KAFKA_CFG_MIN').find((i) => i.label === 'KAFKA_CFG_MIN_INSYNC_REPLICAS');
    assert.equal(bitnami?.insertText, 'KAFKA_CFG_MIN_INSYNC_REPLICAS=');
    assert.ok(bitnami?.documentation);
    assert.ok(at('confluentinc/cp-kafka:7.6.0', '      KAFKA_MIN').some((i) => i.label === 'KAFKA_MIN_INSYNC_REPLICAS' && i.insertText === 'KAFKA_MIN_INSYNC_REPLICAS: '));
    // log.message.format.version is read until Kafka 3.9: cp-kafka 7.6 runs 3.6, apache/kafka 4.0 does not have it.
    assert.ok(at('confluentinc/cp-kafka:7.6.0', '      KAFKA_LOG_M').some((i) => i.label === 'KAFKA_LOG_MESSAGE_FORMAT_VERSION'));
    assert.ok(!at('apache/kafka:4.0.0', '      KAFKA_LOG_M').some((i) => i.label === 'KAFKA_LOG_MESSAGE_FORMAT_VERSION'));
    assert.deepEqual(at('apache/kafka:3.9.0', '      SPRING_K'), []);
  });
  it('values: a boolean quoted in the map form, as written in the list form', () => {
    assert.deepEqual(at('apache/kafka:3.9.0', '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: ').map((i) => i.insertText), ['"true"', '"false"']);
    assert.deepEqual(at('bitnami/kafka:3.7', '      - KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=').map((i) => i.insertText), ['true', 'false']);
  });
});
