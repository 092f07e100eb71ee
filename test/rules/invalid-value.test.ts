import { ruleTester } from '../helpers/ruleTester.js';

const ackModes = ['RECORD', 'BATCH', 'TIME', 'COUNT', 'COUNT_TIME', 'MANUAL', 'MANUAL_IMMEDIATE'];

ruleTester('invalid-value', {
  valid: [
    {
      name: 'template expressions (a Helm chart, an Ansible-rendered compose file) are filled in at render time: not judged',
      path: 'topic.yaml',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  config:\n    min.insync.replicas: "{{ .Values.minIsr }}"\n    cleanup.policy: "{{ policy }}"\n',
    },
    {
      name: 'template expressions in compose variables and Spring YAML',
      path: 'docker-compose.yml',
      code: 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      KAFKA_CFG_MIN_INSYNC_REPLICAS: "{{ min_isr }}"\n      KAFKA_CFG_DEFAULT_REPLICATION_FACTOR: "{{ rf }}"\n',
    },
    { name: 'a template expression in Spring YAML', path: 'application.yml', code: 'spring:\n  kafka:\n    producer:\n      acks: "{{ .Values.acks }}"\n' },
    {
      name: 'Strimzi broker config with valid values',
      path: 'kafka.yaml',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n      unclean.leader.election.enable: false\n',
    },
    { name: 'compose broker with valid values', path: 'docker-compose.yml', code: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n' },
    { name: 'valid acks', path: 'producer.properties', code: 'bootstrap.servers=localhost:9092\nacks=all\nretries=3\n' },
    { name: 'acks -1', path: 'producer.properties', code: 'acks=-1\n' },
    { name: 'dynamic value', path: 'producer.properties', code: 'acks=${ACKS}\n' },
    { name: 'boolean in any case', path: 'consumer.properties', code: 'group.id=orders\nenable.auto.commit=FALSE\n' },
    { name: 'not Kafka', path: 'app.properties', code: 'retries=-1\n' },
    { name: 'librdkafka is not judged against the Java catalog', path: 'consumer.properties', code: 'group.id=orders\nenable.auto.commit=t\nenable.auto.offset.store=false\n' },
    { name: 'Spring: every AckMode, any case', path: 'application.properties', code: 'spring.kafka.listener.ack-mode=manual-immediate\n' },
    { name: 'Spring: AckMode COUNT_TIME', path: 'application.yml', code: 'spring:\n  kafka:\n    listener:\n      ack-mode: COUNT_TIME\n' },
    { name: 'Spring: Boot reads yes as a boolean', path: 'application.properties', code: 'spring.kafka.consumer.enable-auto-commit=yes\n' },
    { name: 'Spring: isolation level enum spelling', path: 'application.properties', code: 'spring.kafka.consumer.isolation-level=READ-COMMITTED\n' },
    { name: 'Spring: durations and sizes', path: 'application.properties', code: 'spring.kafka.consumer.auto-commit-interval=5s\nspring.kafka.producer.batch-size=16KB\n' },
    { name: 'Spring: dynamic ack mode', path: 'application.properties', code: 'spring.kafka.listener.ack-mode=${ACK_MODE}\n' },
  ],
  invalid: [
    {
      name: 'acks=2: one fix per allowed value, none applied automatically',
      path: 'producer.properties',
      code: 'bootstrap.servers=localhost:9092\nacks=2\n',
      errors: [
        {
          text: '2',
          line: 2,
          severity: 'error',
          message: /^`acks=2`: `acks` accepts all, -1, 0, 1; `2` is not one of them\. The client or broker refuses to start with it\.$/,
          fixes: ['Set `acks=all`', 'Set `acks=-1`', 'Set `acks=0`', 'Set `acks=1`'],
        },
      ],
    },
    {
      name: 'enable.auto.commit=yes in a plain client',
      path: 'consumer.properties',
      code: 'group.id=orders\nenable.auto.commit=yes\n',
      errors: [{ text: 'yes', severity: 'error', message: '`enable.auto.commit=yes`: ', fixes: ['Set `enable.auto.commit=true`', 'Set `enable.auto.commit=false`'] }],
    },
    {
      name: 'negative count, no fix',
      path: 'producer.properties',
      code: 'acks=all\nretries=-1\n',
      errors: [{ text: '-1', line: 2, severity: 'error', message: 'The client or broker refuses to start with it. Correct the value.', fixes: [] }],
    },
    {
      name: 'broker: min.insync.replicas=0',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=1\nmin.insync.replicas=0\n',
      errors: [{ text: '0', line: 3, severity: 'error' }],
    },
    {
      name: 'only the occurrence that takes effect is judged',
      path: 'producer.properties',
      code: 'acks=2\nacks=all\nlinger.ms=abc\n',
      errors: [{ text: 'abc', line: 3, severity: 'error' }],
    },
    {
      name: 'Spring: unknown AckMode',
      path: 'application.properties',
      code: 'spring.kafka.consumer.group-id=orders\nspring.kafka.listener.ack-mode=manual-commit\n',
      errors: [
        {
          text: 'manual-commit',
          line: 2,
          severity: 'error',
          message: '`spring.kafka.listener.ack-mode=manual-commit`: the listener container\'s ack mode is one of RECORD, BATCH, TIME, COUNT, COUNT_TIME, MANUAL, MANUAL_IMMEDIATE; `manual-commit` is none of them, so the application fails to start.',
          fixes: ackModes.map((m) => `Set \`spring.kafka.listener.ack-mode=${m}\``),
        },
      ],
    },
    {
      name: 'Spring YAML: unknown AckMode in a placeholder default',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    listener:\n      ack-mode: ${ACK_MODE:AUTO}\n',
      errors: [{ text: '${ACK_MODE:AUTO}', line: 4, severity: 'error', message: '(the placeholder default)' }],
    },
    {
      name: 'Spring: Duration that Boot cannot read',
      path: 'application.properties',
      code: 'spring.kafka.consumer.auto-commit-interval=5 seconds\n',
      errors: [{ text: '5 seconds', severity: 'error', message: 'Spring Boot cannot read it as a Duration', fixes: [] }],
    },
    {
      name: 'Spring: DataSize that Boot cannot read',
      path: 'application.properties',
      code: 'spring.kafka.producer.batch-size=16 kilobytes\n',
      errors: [{ text: '16 kilobytes', severity: 'error', message: 'Spring Boot cannot read it as a DataSize' }],
    },
    {
      name: 'Spring: boolean that Boot cannot read',
      path: 'application.properties',
      code: 'spring.kafka.consumer.enable-auto-commit=sometimes\n',
      errors: [{ text: 'sometimes', severity: 'error', fixes: ['Set `spring.kafka.consumer.enable-auto-commit=true`', 'Set `spring.kafka.consumer.enable-auto-commit=false`'] }],
    },
    {
      name: 'Spring: map entry reaches Kafka as written',
      path: 'application.properties',
      code: 'spring.kafka.producer.properties[acks]=2\n',
      errors: [{ text: '2', severity: 'error', message: '`spring.kafka.producer.properties[acks]=2`: ' }],
    },
    {
      name: 'Spring YAML: acks 2',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      acks: 2\n',
      errors: [{ text: '2', line: 4, severity: 'error', fixes: ['Set `spring.kafka.producer.acks: all`', 'Set `spring.kafka.producer.acks: -1`', 'Set `spring.kafka.producer.acks: 0`', 'Set `spring.kafka.producer.acks: 1`'] }],
    },
    {
      name: 'Chinese message',
      path: 'producer.properties',
      code: 'acks=2\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: '2', message: '`acks=2`：`acks` 只接受 all、-1、0、1；`2` 不在其中。客户端或 broker 会因此无法启动。' }],
    },
    {
      name: 'a certain correction is offered as a safe, preferred fix',
      path: 'producer.properties',
      code: 'acks=all\nlinger.ms=5s\n',
      errors: [{ text: '5s', line: 2, severity: 'error', message: 'Write `5000`.', fixes: ['Set `linger.ms=5000`'] }],
      safeOnly: true,
      output: 'acks=all\nlinger.ms=5000\n',
    },
    {
      name: 'Spring map entry: the same correction',
      path: 'application.properties',
      code: 'spring.kafka.producer.properties[linger.ms]=20ms\n',
      errors: [{ text: '20ms', fixes: ['Set `spring.kafka.producer.properties[linger.ms]=20`'] }],
      safeOnly: true,
      output: 'spring.kafka.producer.properties[linger.ms]=20\n',
    },
    {
      // Boot's property is a String, handed to the client as written; the client's values are
      // case-sensitive in every version (its 4.x strategy parser too).
      name: 'Spring: auto-offset-reset LATEST reaches the client as written',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    consumer:\n      auto-offset-reset: LATEST\n',
      errors: [{ text: 'LATEST', line: 4, severity: 'error', message: '`LATEST` is not one of them (values are case-sensitive)', fixes: ['Set `spring.kafka.consumer.auto-offset-reset: latest`', 'Set `spring.kafka.consumer.auto-offset-reset: earliest`', 'Set `spring.kafka.consumer.auto-offset-reset: none`'] }],
    },
    {
      name: 'Spring: isolation level that Boot cannot bind',
      path: 'application.properties',
      code: 'spring.kafka.consumer.isolation-level=dirty\n',
      errors: [
        {
          text: 'dirty',
          message: 'so the application fails to start. Use one of `read_committed`, `read_uncommitted`.',
          fixes: ['Set `spring.kafka.consumer.isolation-level=read_committed`', 'Set `spring.kafka.consumer.isolation-level=read_uncommitted`'],
        },
      ],
    },
    {
      name: 'compose: broker value',
      path: 'docker-compose.yml',
      code: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "maybe"\n',
      errors: [{ text: 'maybe', line: 5, severity: 'error', fixes: ['Set `KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: true`', 'Set `KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: false`'] }],
    },
    {
      name: 'Strimzi topic config',
      path: 'topic.yaml',
      code: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  replicas: 3\n  config:\n    min.insync.replicas: -2\n',
      errors: [{ text: '-2', line: 8, severity: 'error', message: '`min.insync.replicas`' }],
    },
  ],
});
