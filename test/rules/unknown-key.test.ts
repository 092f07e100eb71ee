import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester } from '../helpers/ruleTester.js';
import { typoDistance } from '../../server/src/engine/rules/unknown-key.js';

describe('unknown-key typoDistance', () => {
  it('counts edits and adjacent transpositions', () => {
    assert.equal(typoDistance('acks', 'acks'), 0);
    assert.equal(typoDistance('min.insync.replica', 'min.insync.replicas'), 1);
    assert.equal(typoDistance('enable.idempotance', 'enable.idempotence'), 1);
    assert.equal(typoDistance('lniger.ms', 'linger.ms'), 1);
    assert.equal(typoDistance('acsk', 'acks'), 1);
    assert.equal(typoDistance('abc', ''), 3);
  });
});

ruleTester('unknown-key', {
  valid: [
    {
      name: 'Strimzi broker config with known keys',
      path: 'kafka.yaml',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n      offsets.topic.replication.factor: 3\n',
    },
    {
      name: 'compose: image variables that are no broker settings',
      path: 'docker-compose.yml',
      code: 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n    environment:\n      KAFKA_NODE_ID: 1\n      CLUSTER_ID: abc\n      KAFKA_HEAP_OPTS: -Xmx1g\n      KAFKA_JMX_PORT: 9101\n      KAFKA_CONFLUENT_SUPPORT_METRICS_ENABLE: "false"\n',
    },
    { name: 'known keys', path: 'producer.properties', code: 'bootstrap.servers=localhost:9092\nacks=all\nenable.idempotence=true\n' },
    {
      name: 'serializer and Schema Registry pass-through keys',
      path: 'consumer.properties',
      code: 'group.id=orders\nschema.registry.url=http://registry:8081\nbasic.auth.credentials.source=USER_INFO\nspecific.avro.reader=true\nconfluent.monitoring.interceptor.bootstrap.servers=localhost:9092\n',
    },
    { name: 'SASL / SSL / listener keys', path: 'server.properties', code: 'process.roles=broker\nnode.id=1\nlistener.name.internal.scram-sha-512.sasl.jaas.config=x\nsasl.login.foo=1\n' },
    { name: 'custom key without a close Kafka key', path: 'producer.properties', code: 'acks=all\nmy.app.region=eu\n' },
    { name: 'removed key is removed-key\'s finding', path: 'producer.properties', code: 'acks=all\nrequest.required.acks=1\n' },
    { name: 'key of another role', path: 'consumer.properties', code: 'group.id=orders\nacks=all\n' },
    { name: 'librdkafka key set is not checked', path: 'consumer.properties', code: 'group.id=orders\nenable.auto.offset.store=false\nqueued.min.mesages=10\n' },
    { name: 'not Kafka', path: 'app.properties', code: 'min.insync.replica=2\n' },
    { name: 'Spring: known dedicated properties', path: 'application.properties', code: 'spring.kafka.producer.acks=all\nspring.kafka.listener.ack-mode=record\nspring.kafka.listener.idle-between-polls=1s\n' },
    { name: 'Spring: Boot binds names ignoring case and separators', path: 'application.properties', code: 'spring.kafka.producer.batchsize=16KB\nspring.kafka.consumer.MAX_POLL_RECORDS=10\n' },
    {
      name: "Spring: Boot's own properties directly below spring.kafka, and ones no section has",
      path: 'application.properties',
      code: 'spring.kafka.bootstrap-servers=k:9092\nspring.kafka.client-id=orders\nspring.kafka.clientId=orders\nspring.kafka.frobnicate=1\n',
    },
    { name: 'Spring: JSON deserializer settings', path: 'application.properties', code: 'spring.kafka.consumer.properties[spring.json.trusted.packages]=*\nspring.kafka.consumer.group-id=orders\n' },
  ],
  invalid: [
    {
      name: 'broker: min.insync.replica',
      path: 'server.properties',
      code: 'process.roles=broker,controller\nnode.id=1\nmin.insync.replica=2\n',
      errors: [
        {
          text: 'min.insync.replica',
          line: 3,
          severity: 'warning',
          message: '`min.insync.replica` is not a Kafka broker setting; Kafka logs a warning and ignores it, so the default stays in force. Did you mean `min.insync.replicas`?',
          fixes: ['Rename to `min.insync.replicas`'],
        },
      ],
      output: 'process.roles=broker,controller\nnode.id=1\nmin.insync.replicas=2\n',
    },
    {
      name: 'producer: enable.idempotance',
      path: 'producer.properties',
      code: 'acks=all\nenable.idempotance=true\n',
      errors: [{ text: 'enable.idempotance', line: 2, severity: 'warning', message: 'Did you mean `enable.idempotence`?', fixes: ['Rename to `enable.idempotence`'] }],
      output: 'acks=all\nenable.idempotence=true\n',
    },
    {
      name: 'unsafe fix: not applied in safe mode',
      path: 'producer.properties',
      code: 'acks=all\nenable.idempotance=true\n',
      errors: [{ text: 'enable.idempotance' }],
      safeOnly: true,
    },
    {
      name: 'underscores for dots',
      path: 'consumer.properties',
      code: 'group.id=orders\nauto_offset_reset=earliest\n',
      errors: [{ text: 'auto_offset_reset', message: 'Did you mean `auto.offset.reset`?' }],
      output: 'group.id=orders\nauto.offset.reset=earliest\n',
    },
    {
      name: 'Chinese message',
      path: 'producer.properties',
      code: 'acks=all\nenable.idempotance=true\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: 'enable.idempotance', message: '不是 Kafka 生产者配置项', fixes: ['改名为 `enable.idempotence`'] }],
      output: 'acks=all\nenable.idempotence=true\n',
    },
    {
      name: 'Spring map entry',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotance]=true\n',
      errors: [{ text: 'spring.kafka.producer.properties[enable.idempotance]', line: 2, severity: 'warning', message: 'Did you mean' }],
      output: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotence]=true\n',
    },
    {
      name: 'Spring: misspelled dedicated property',
      path: 'application.properties',
      code: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.enable-auto-comit=false\n',
      errors: [
        {
          text: 'spring.kafka.consumer.enable-auto-comit',
          line: 2,
          severity: 'warning',
          message: '`spring.kafka.consumer.enable-auto-comit` is not a Spring Boot Kafka property; Spring Boot ignores it, so the default stays in force. Did you mean `spring.kafka.consumer.enable-auto-commit`?',
          fixes: ['Rename to `spring.kafka.consumer.enable-auto-commit`'],
        },
      ],
      output: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.enable-auto-commit=false\n',
    },
    {
      name: 'Spring: misspelled listener property',
      path: 'application.properties',
      code: 'spring.kafka.listener.ack-mod=manual\n',
      errors: [{ text: 'spring.kafka.listener.ack-mod', message: 'Did you mean `spring.kafka.listener.ack-mode`?', fixes: ['Rename to `spring.kafka.listener.ack-mode`'] }],
      output: 'spring.kafka.listener.ack-mode=manual\n',
    },
    {
      name: 'Spring YAML: camel-case property with a typo',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      enableAutoComit: false\n',
      errors: [
        {
          text: 'enableAutoComit',
          line: 4,
          message: '`spring.kafka.consumer.enableAutoComit` is not a Spring Boot Kafka property',
          fixes: ['Rename to `spring.kafka.consumer.enable-auto-commit`'],
        },
      ],
      output: 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: false\n',
    },
    {
      name: "Spring: a section's property written directly below spring.kafka is ignored; the rename moves it into the section",
      path: 'application.properties',
      code: 'spring.kafka.bootstrap-servers=k:9092\nspring.kafka.group-id=orders\nspring.kafka.acks=all\n',
      errors: [
        {
          text: 'spring.kafka.group-id',
          line: 2,
          severity: 'warning',
          message: '`spring.kafka.group-id` is not a Spring Boot Kafka property; Spring Boot ignores it, so the default stays in force. Did you mean `spring.kafka.consumer.group-id`?',
          fixes: ['Rename to `spring.kafka.consumer.group-id`'],
        },
        { text: 'spring.kafka.acks', line: 3, message: 'Did you mean `spring.kafka.producer.acks`?', fixes: ['Rename to `spring.kafka.producer.acks`'] },
      ],
      output: 'spring.kafka.bootstrap-servers=k:9092\nspring.kafka.consumer.group-id=orders\nspring.kafka.producer.acks=all\n',
    },
    {
      name: "Spring: a misspelled entry of the map all clients share is named in that map, not in the section of the unit judging it",
      path: 'application.properties',
      code: 'spring.kafka.properties.auto-offset-reset=earliest\nspring.kafka.streams.application-id=x\n',
      errors: [{ text: 'spring.kafka.properties.auto-offset-reset', message: 'Did you mean `spring.kafka.properties[auto.offset.reset]`?' }],
      output: 'spring.kafka.properties.auto.offset.reset=earliest\nspring.kafka.streams.application-id=x\n',
    },
    {
      name: 'Spring YAML: a section property one level too high',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    bootstrap-servers: k:9092\n    enable-auto-commit: false\n',
      errors: [{ text: 'enable-auto-commit', line: 4, message: 'Did you mean `spring.kafka.consumer.enable-auto-commit`?', fixes: ['Rename to `spring.kafka.consumer.enable-auto-commit`'] }],
      output: 'spring:\n  kafka:\n    bootstrap-servers: k:9092\n    consumer.enable-auto-commit: false\n',
    },
    {
      name: 'Spring YAML map entry',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotance]": true\n',
      errors: [{ text: '"[enable.idempotance]"', line: 6, severity: 'warning', message: 'Did you mean' }],
      output: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n',
    },
    {
      name: 'Strimzi broker config',
      path: 'kafka.yaml',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replica: 2\n',
      errors: [{ text: 'min.insync.replica', line: 9, severity: 'warning', message: 'Did you mean `min.insync.replicas`?' }],
      output: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n',
    },
    {
      name: 'compose environment',
      path: 'docker-compose.yml',
      code: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICA: 2\n',
      errors: [{ text: 'KAFKA_MIN_INSYNC_REPLICA', line: 5, severity: 'warning', message: 'Did you mean `KAFKA_MIN_INSYNC_REPLICAS`?', fixes: ['Rename to `KAFKA_MIN_INSYNC_REPLICAS`'] }],
      output: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n',
    },
  ],
});
