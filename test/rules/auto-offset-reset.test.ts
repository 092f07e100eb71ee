import { ruleTester } from '../helpers/ruleTester.js';

const goConsumer = (initial: string) =>
  'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newGroup(brokers []string) (sarama.ConsumerGroup, error) {\n\tcfg := sarama.NewConfig()\n' +
  initial +
  '\treturn sarama.NewConsumerGroup(brokers, "orders", cfg)\n}\n';

ruleTester('auto-offset-reset', {
  valid: [
    { name: 'earliest', path: 'consumer.properties', code: 'bootstrap.servers=localhost:9092\ngroup.id=orders\nauto.offset.reset=earliest\n' },
    { name: 'none', path: 'consumer.properties', code: 'group.id=orders\nauto.offset.reset=none\n' },
    { name: 'dynamic', path: 'consumer.properties', code: 'group.id=orders\nauto.offset.reset=${RESET}\n' },
    { name: 'producer file', path: 'producer.properties', code: 'bootstrap.servers=localhost:9092\nacks=all\n' },
    { name: 'broker file', path: 'server.properties', code: 'process.roles=broker\nnode.id=1\n' },
    { name: 'not Kafka', path: 'app.properties', code: 'app.name=demo\n' },
    { name: 'librdkafka smallest', path: 'consumer.properties', code: 'group.id=orders\nauto.offset.reset=smallest\nenable.auto.offset.store=false\n' },
    { name: 'Spring earliest', path: 'application.properties', code: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.auto-offset-reset=earliest\n' },
    { name: 'Spring producer only', path: 'application.yml', code: 'spring:\n  kafka:\n    producer:\n      acks: all\n' },
    { name: 'Spring YAML EARLIEST (refused by the client: invalid-value says so)', path: 'application.yml', code: 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n      auto-offset-reset: EARLIEST\n' },
    // The Java client compares its values case-sensitively and refuses these at start-up: the
    // consumer never runs, so it skips nothing (invalid-value reports them).
    { name: 'LATEST is refused, not latest', path: 'consumer.properties', code: 'group.id=orders\nauto.offset.reset=LATEST\n' },
    { name: 'Spring YAML LATEST: Boot hands the String over as written', path: 'application.yml', code: 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n      auto-offset-reset: LATEST\n' },
    { name: 'Spring LATEST in a properties map', path: 'application.properties', code: 'spring.kafka.consumer.properties[auto.offset.reset]=Latest\n' },
    { name: 'Spring placeholder default earliest', path: 'application.properties', code: 'spring.kafka.consumer.auto-offset-reset=${RESET:earliest}\n' },
    { name: 'sarama OffsetOldest', path: 'consumer.go', code: goConsumer('\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest\n') },
    {
      name: 'sarama partition consumer: the start offset is chosen per ConsumePartition call',
      path: 'consumer.go',
      code: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newConsumer(brokers []string) (sarama.Consumer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Consumer.Return.Errors = true\n\treturn sarama.NewConsumer(brokers, cfg)\n}\n',
    },
    {
      name: 'sarama producer config',
      path: 'producer.go',
      code: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.Return.Successes = true\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicit latest',
      path: 'consumer.properties',
      code: 'bootstrap.servers=localhost:9092\ngroup.id=orders\nauto.offset.reset=latest\n',
      errors: [
        {
          text: 'latest',
          line: 3,
          severity: 'information',
          message: '`auto.offset.reset=latest`: a consumer group without a committed offset starts at the end of the partition',
          fixes: ['Set `auto.offset.reset=earliest`', 'Set `auto.offset.reset=none`'],
        },
      ],
      output: 'bootstrap.servers=localhost:9092\ngroup.id=orders\nauto.offset.reset=earliest\n',
    },
    {
      name: 'message names the fail-fast alternative',
      path: 'consumer.properties',
      code: 'group.id=orders\nauto.offset.reset=latest\n',
      errors: [{ text: 'latest', message: 'or `auto.offset.reset=none` to fail instead of guessing' }],
      output: 'group.id=orders\nauto.offset.reset=earliest\n',
    },
    {
      name: 'unsafe fix: nothing applied in safe mode',
      path: 'consumer.properties',
      code: 'group.id=orders\nauto.offset.reset=latest\n',
      errors: [{ text: 'latest' }],
      safeOnly: true,
    },
    {
      name: 'unset in a consumer config',
      path: 'consumer.properties',
      code: 'bootstrap.servers=localhost:9092\ngroup.id=orders\n',
      errors: [
        {
          text: 'bootstrap.servers',
          severity: 'information',
          message: /^`auto\.offset\.reset` is unset; the Kafka 4\.0 default is `latest`: /,
          fixes: ['Set `auto.offset.reset=earliest`', 'Set `auto.offset.reset=none`'],
        },
      ],
      output: 'bootstrap.servers=localhost:9092\ngroup.id=orders\nauto.offset.reset=earliest\n',
    },
    {
      name: 'Chinese message',
      path: 'consumer.properties',
      code: 'group.id=orders\nauto.offset.reset=latest\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: 'latest', message: '没有已提交位移的消费者组会从分区末尾开始读取', fixes: ['设置 `auto.offset.reset=earliest`', '设置 `auto.offset.reset=none`'] }],
      output: 'group.id=orders\nauto.offset.reset=earliest\n',
    },
    {
      name: 'librdkafka largest',
      path: 'consumer.properties',
      code: 'group.id=orders\nauto.offset.reset=largest\nenable.auto.offset.store=false\n',
      errors: [
        {
          text: 'largest',
          severity: 'information',
          message: 'or `auto.offset.reset=error` to fail',
          fixes: ['Set `auto.offset.reset=earliest`', 'Set `auto.offset.reset=error`'],
        },
      ],
      output: 'group.id=orders\nauto.offset.reset=earliest\nenable.auto.offset.store=false\n',
    },
    {
      name: 'Spring explicit latest',
      path: 'application.properties',
      code: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.auto-offset-reset=latest\n',
      errors: [
        {
          text: 'latest',
          line: 2,
          severity: 'information',
          message: '`spring.kafka.consumer.auto-offset-reset=latest`: ',
          fixes: ['Set `spring.kafka.consumer.auto-offset-reset=earliest`', 'Set `spring.kafka.consumer.auto-offset-reset=none`'],
        },
      ],
      output: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.auto-offset-reset=earliest\n',
    },
    {
      name: 'Spring placeholder default latest',
      path: 'application.properties',
      code: 'spring.kafka.consumer.auto-offset-reset=${RESET:latest}\n',
      errors: [{ text: '${RESET:latest}', message: '(the placeholder default)' }],
      output: 'spring.kafka.consumer.auto-offset-reset=${RESET:earliest}\n',
    },
    {
      name: 'Spring unset: Spring Boot leaves the Kafka default',
      path: 'application.properties',
      code: 'spring.kafka.consumer.group-id=orders\n',
      errors: [{ text: 'spring.kafka.consumer.group-id', severity: 'information', message: '`spring.kafka.consumer.auto-offset-reset` is unset; the Kafka 4.0 default is `latest`' }],
      output: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.auto-offset-reset=earliest\n',
    },
    {
      name: 'sarama OffsetNewest',
      path: 'consumer.go',
      code: goConsumer('\tcfg.Consumer.Offsets.Initial = sarama.OffsetNewest\n'),
      errors: [
        {
          text: 'sarama.OffsetNewest',
          line: 7,
          severity: 'information',
          message: '`cfg.Consumer.Offsets.Initial = sarama.OffsetNewest`: a consumer group without a committed offset starts at the end',
          fixes: ['Set `cfg.Consumer.Offsets.Initial = sarama.OffsetOldest`'],
        },
      ],
      output: goConsumer('\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest\n'),
    },
    {
      name: 'sarama unset on a consumer group config',
      path: 'consumer.go',
      code: goConsumer(''),
      errors: [
        {
          text: 'sarama.NewConfig()',
          line: 6,
          severity: 'information',
          message: 'is unset; the newest sarama',
          fixes: ['Set `cfg.Consumer.Offsets.Initial = sarama.OffsetOldest`'],
        },
      ],
      output: goConsumer('\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest\n'),
    },
  ],
});
