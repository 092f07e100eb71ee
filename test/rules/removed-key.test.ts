import { ruleTester } from '../helpers/ruleTester.js';

const BS = 'bootstrap.servers=localhost:9092\n';

const strimzi = (config: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n' + config;

/** A Kafka resource with `spec.kafka.version`. */
const strimziVersion = (version: string, config: string) =>
  `apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    version: ${version}\n    replicas: 3\n    config:\n` + config;

/** A KafkaTopic of `cluster`, as a further document. */
const topic = (cluster: string, config: string) =>
  `---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: events\n  labels:\n    strimzi.io/cluster: ${cluster}\nspec:\n  replicas: 3\n  config:\n` + config;

/** A compose service running `image` with one variable (`head`: with the `services:` line). */
const compose = (image: string, variable: string, name = 'kafka', head = true) =>
  `${head ? 'services:\n' : ''}  ${name}:\n    image: ${image}\n    environment:\n      ${variable}: "3.0"\n`;

ruleTester('removed-key', {
  valid: [
    { name: 'current keys', path: 'producer.properties', code: BS + 'acks=all\nlinger.ms=5\nretries=2147483647\n' },
    {
      name: 'librdkafka reads request.required.acks and queue.buffering.max.ms',
      path: 'producer.properties',
      code: BS + 'message.timeout.ms=300000\nrequest.required.acks=-1\nqueue.buffering.max.ms=5\nbatch.num.messages=10000\n',
    },
    { name: 'metadata.fetch.timeout.ms before 0.11', path: 'producer.properties', code: BS + 'metadata.fetch.timeout.ms=60000\n', options: { kafkaVersion: '0.10.2' } },
    { name: 'broker with replica.lag.time.max.ms', path: 'server.properties', code: 'process.roles=broker\nnode.id=1\nreplica.lag.time.max.ms=30000\n' },
    { name: 'Strimzi with current keys', path: 'kafka.yaml', code: strimzi('      replica.lag.time.max.ms: 30000\n') },
    {
      name: 'a Strimzi cluster whose spec.kafka.version is 3.9.0 still reads log.message.format.version, and so do its topics',
      path: 'kafka.yaml',
      code: strimziVersion('3.9.0', '      log.message.format.version: "3.0"\n') + topic('my-cluster', '    message.format.version: "3.0"\n'),
    },
    {
      name: 'spec.kafka.version decides over the configured target',
      path: 'kafka.yaml',
      code: strimziVersion('2.8.0', '      log.message.format.version: "2.8"\n'),
      options: { kafkaVersion: '4.0' },
    },
    {
      name: 'a compose broker image tagged with a 3.x release reads KAFKA_LOG_MESSAGE_FORMAT_VERSION',
      path: 'docker-compose.yml',
      code: compose('apache/kafka:3.9.0', 'KAFKA_LOG_MESSAGE_FORMAT_VERSION') + compose('bitnami/kafka:3.7.0-debian-12-r0', 'KAFKA_CFG_LOG_MESSAGE_FORMAT_VERSION', 'k2', false) + compose('confluentinc/cp-kafka:7.6.1', 'KAFKA_LOG_MESSAGE_FORMAT_VERSION', 'k3', false) + compose('confluentinc/cp-kafka:7.8.0', 'KAFKA_ZOOKEEPER_CONNECT', 'k4', false),
    },
  ],
  invalid: [
    {
      name: 'producer.type',
      path: 'producer.properties',
      code: BS + 'producer.type=sync\nacks=all\n',
      safeOnly: true,
      errors: [
        {
          text: 'producer.type',
          line: 2,
          severity: 'warning',
          message: '`producer.type` has no effect: the Java client ignores it, with only a warning in the log. It belongs to the old Scala producer (deprecated in 0.10.0, removed in 2.0)',
          fixes: ['Remove `producer.type=sync`'],
        },
      ],
      output: BS + 'acks=all\n',
    },
    {
      name: 'Kafka 1.1: the Java producer never read Scala-producer keys either',
      path: 'producer.properties',
      code: BS + 'producer.type=sync\n',
      options: { kafkaVersion: '1.1' },
      errors: [{ text: 'producer.type', message: 'the Java client ignores it' }],
      output: BS,
    },
    {
      name: 'metadata.broker.list next to bootstrap.servers',
      path: 'producer.properties',
      code: BS + 'metadata.broker.list=localhost:9092\n',
      errors: [{ text: 'metadata.broker.list', message: '`bootstrap.servers` is already set', fixes: ['Remove `metadata.broker.list=localhost:9092`'] }],
      output: BS,
    },
    {
      name: 'request.required.acks: remove (preferred, the acks default applies) or rename to acks',
      path: 'producer.properties',
      code: BS + 'request.required.acks=-1\n',
      errors: [
        {
          text: 'request.required.acks',
          severity: 'warning',
          message: 'Remove it, so the current default of `acks` applies; or rename it to `acks`',
          fixes: ['Remove `request.required.acks=-1`', 'Rename `request.required.acks` to `acks`'],
        },
      ],
      output: BS,
    },
    {
      name: 'request.required.acks: removing is safe, a safe-only run removes it',
      path: 'producer.properties',
      code: BS + 'request.required.acks=-1\n',
      safeOnly: true,
      errors: [{ text: 'request.required.acks' }],
      output: BS,
    },
    {
      name: 'request.required.acks while acks is set: remove',
      path: 'producer.properties',
      code: BS + 'acks=all\nrequest.required.acks=1\n',
      safeOnly: true,
      errors: [{ text: 'request.required.acks', line: 3, message: '`acks` is already set', fixes: ['Remove `request.required.acks=1`'] }],
      output: BS + 'acks=all\n',
    },
    {
      name: 'queue.buffering.max.ms: removed, not renamed (5000 would become a 5 s linger)',
      path: 'producer.properties',
      code: BS + 'queue.buffering.max.ms=5000\n',
      errors: [{ text: 'queue.buffering.max.ms', fixes: ['Remove `queue.buffering.max.ms=5000`', 'Rename `queue.buffering.max.ms` to `linger.ms`'] }],
      output: BS,
    },
    {
      name: 'message.send.max.retries: removed, not renamed (retries=3 would cut the MAX_INT default)',
      path: 'producer.properties',
      code: BS + 'message.send.max.retries=3\n',
      errors: [{ text: 'message.send.max.retries', fixes: ['Remove `message.send.max.retries=3`', 'Rename `message.send.max.retries` to `retries`'] }],
      output: BS,
    },
    {
      name: 'several Scala keys at once',
      path: 'producer.properties',
      code: BS + 'queue.buffering.max.messages=10000\nqueue.enqueue.timeout.ms=-1\nbatch.num.messages=200\n',
      errors: [
        { text: 'queue.buffering.max.messages', line: 2, message: 'buffer.memory' },
        { text: 'queue.enqueue.timeout.ms', line: 3, message: 'max.block.ms' },
        { text: 'batch.num.messages', line: 4, message: 'batch.size' },
      ],
      output: BS,
    },
    {
      name: 'keys removed in 0.11',
      path: 'producer.properties',
      code: BS + 'metadata.fetch.timeout.ms=60000\nblock.on.buffer.full=true\ntimeout.ms=30000\n',
      errors: [
        { text: 'metadata.fetch.timeout.ms', message: 'was removed in Kafka 0.11' },
        { text: 'block.on.buffer.full', message: 'max.block.ms' },
        { text: 'timeout.ms', message: 'request.timeout.ms' },
      ],
      output: BS,
    },
    {
      name: 'Simplified Chinese',
      path: 'producer.properties',
      code: BS + 'block.on.buffer.full=true\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: 'block.on.buffer.full', message: '已在 Kafka 0.11.0 中移除', fixes: ['删除 `block.on.buffer.full=true`'] }],
      output: BS,
    },
    {
      name: 'broker: replica.lag.max.messages',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=1\nreplica.lag.max.messages=4000\n',
      errors: [{ text: 'replica.lag.max.messages', line: 3, message: 'was removed in Kafka 0.9', fixes: ['Remove `replica.lag.max.messages=4000`'] }],
      output: 'process.roles=broker\nnode.id=1\n',
    },
    {
      name: 'Spring map entry: removed (or renamed inside the map)',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[request.required.acks]=all\n',
      errors: [
        {
          text: 'spring.kafka.producer.properties[request.required.acks]',
          message: '`spring.kafka.producer.properties[request.required.acks]` has no effect: the Java client ignores it',
        },
      ],
      output: 'spring.kafka.producer.acks=all\n',
    },
    {
      name: 'Spring map entry while producer.acks is set',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[request.required.acks]=1\n',
      errors: [{ text: 'spring.kafka.producer.properties[request.required.acks]', message: '`spring.kafka.producer.acks` is already set' }],
      output: 'spring.kafka.producer.acks=all\n',
    },
    {
      name: 'Spring YAML map entry',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[block.on.buffer.full]": true\n        "[linger.ms]": 5\n',
      errors: [{ text: '"[block.on.buffer.full]"', line: 6, message: 'was removed in Kafka 0.11' }],
      output: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[linger.ms]": 5\n',
    },
    {
      name: 'Strimzi: replica.lag.max.messages',
      path: 'kafka.yaml',
      code: strimzi('      min.insync.replicas: 2\n      replica.lag.max.messages: 4000\n'),
      errors: [{ text: 'replica.lag.max.messages', line: 10, message: 'was removed in Kafka 0.9' }],
      output: strimzi('      min.insync.replicas: 2\n'),
    },
    {
      name: 'compose: KAFKA_REPLICA_LAG_MAX_MESSAGES',
      path: 'docker-compose.yml',
      code:
        'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_REPLICA_LAG_MAX_MESSAGES: 4000\n',
      errors: [{ text: 'KAFKA_REPLICA_LAG_MAX_MESSAGES', line: 6, message: '`KAFKA_REPLICA_LAG_MAX_MESSAGES` was removed in Kafka 0.9' }],
      output: 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n',
    },
    {
      name: 'spec.kafka.version 4.1.0 decides over a configured 3.9',
      path: 'kafka.yaml',
      code: strimziVersion('4.1.0', '      log.message.format.version: "3.0"\n'),
      options: { kafkaVersion: '3.9' },
      errors: [{ text: 'log.message.format.version', line: 10, message: 'was removed in Kafka 4.0' }],
      // (the emptied `config:` goes with it)
      output: strimziVersion('4.1.0', '').replace('    config:\n', ''),
    },
    {
      name: "a topic of another cluster does not take this cluster's version",
      path: 'kafka.yaml',
      code: strimziVersion('3.9.0', '      log.message.format.version: "3.0"\n') + topic('other-cluster', '    message.format.version: "3.0"\n'),
      errors: [{ text: 'message.format.version', line: 21, message: 'was removed in Kafka 4.0' }],
      output:
        strimziVersion('3.9.0', '      log.message.format.version: "3.0"\n') +
        topic('other-cluster', '').replace('  config:\n', ''),
    },
    {
      name: 'compose images tagged 4.0.0, and a Confluent release whose Kafka version we have no source for (the configured 4.0 applies)',
      path: 'docker-compose.yml',
      code: compose('apache/kafka:4.0.0', 'KAFKA_LOG_MESSAGE_FORMAT_VERSION') + compose('confluentinc/cp-server:8.2.0', 'KAFKA_LOG_MESSAGE_FORMAT_VERSION', 'k2', false),
      errors: [
        { text: 'KAFKA_LOG_MESSAGE_FORMAT_VERSION', line: 5, message: 'was removed in Kafka 4.0' },
        { text: 'KAFKA_LOG_MESSAGE_FORMAT_VERSION', line: 9, message: 'was removed in Kafka 4.0' },
      ],
      output: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n  k2:\n    image: confluentinc/cp-server:8.2.0\n',
    },
  ],
});
