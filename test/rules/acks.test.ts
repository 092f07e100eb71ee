import { ruleTester } from '../helpers/ruleTester.js';

const BS = 'bootstrap.servers=localhost:9092\n';

const springYaml = (producer: string) => 'spring:\n  kafka:\n    bootstrap-servers: localhost:9092\n    producer:\n' + producer;

const goFile = (body: string, ctor = '\treturn sarama.NewSyncProducer(brokers, cfg)\n') =>
  'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n' +
  '\tcfg := sarama.NewConfig()\n' +
  body +
  ctor +
  '}\n';

ruleTester('acks', {
  valid: [
    { name: 'acks=all', path: 'producer.properties', code: BS + 'acks=all\n' },
    { name: 'acks=-1', path: 'producer.properties', code: BS + 'acks=-1\n' },
    { name: 'unset on Kafka 4.0: the default is all', path: 'producer.properties', code: BS + 'linger.ms=5\n' },
    { name: 'unset on Kafka 3.0', path: 'producer.properties', code: BS + 'linger.ms=5\n', options: { kafkaVersion: '3.0' } },
    { name: 'a dynamic value is never judged', path: 'producer.properties', code: BS + 'acks=${ACKS}\n' },
    { name: 'a value invalid-value reports', path: 'producer.properties', code: BS + 'acks=2\n' },
    { name: 'consumer config', path: 'consumer.properties', code: BS + 'group.id=g\nenable.auto.commit=false\n', options: { kafkaVersion: '2.8' } },
    { name: 'broker config', path: 'server.properties', code: 'process.roles=broker\nnode.id=1\nmin.insync.replicas=2\n', options: { kafkaVersion: '2.8' } },
    {
      name: 'shared client file: role unknown, nothing reported for the missing key',
      path: 'kafka.properties',
      code: BS + 'security.protocol=SSL\n',
      options: { kafkaVersion: '2.8' },
    },
    {
      name: 'transactional producer on 2.8 gets acks=all implicitly',
      path: 'producer.properties',
      code: BS + 'transactional.id=tx-1\n',
      options: { kafkaVersion: '2.8' },
    },
    {
      name: 'librdkafka defaults to all',
      path: 'producer.properties',
      code: BS + 'message.timeout.ms=300000\n',
      options: { kafkaVersion: '2.8' },
    },
    { name: 'Spring: producer.properties[acks] beats producer.acks', path: 'application.properties', code: 'spring.kafka.producer.acks=1\nspring.kafka.producer.properties[acks]=all\n' },
    { name: 'Spring: consumer only', path: 'application.properties', code: 'spring.kafka.consumer.group-id=g\n', options: { kafkaVersion: '2.8' } },
    { name: 'Spring: placeholder without default', path: 'application.properties', code: 'spring.kafka.producer.acks=${ACKS}\n' },
    { name: 'Spring YAML: all', path: 'application.yml', code: springYaml('      acks: all\n') },
    { name: 'Spring YAML: -1 quoted', path: 'application.yml', code: springYaml('      acks: "-1"\n') },
    { name: 'sarama: WaitForAll', path: 'producer.go', code: goFile('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Return.Successes = true\n') },
    {
      name: 'sarama: a value written in a branch and overridden after it',
      path: 'producer.go',
      code: goFile(
        '\tif len(brokers) == 1 {\n\t\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t}\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Return.Successes = true\n',
      ),
    },
    {
      name: 'sarama: a value overridden later in the same branch',
      path: 'producer.go',
      code: goFile(
        '\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tfor range brokers {\n\t\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\t}\n\tcfg.Producer.Return.Successes = true\n',
      ),
    },
    {
      name: 'sarama: consumer-only config',
      path: 'consumer.go',
      code:
        'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newConsumer(brokers []string) (sarama.ConsumerGroup, error) {\n' +
        '\tcfg := sarama.NewConfig()\n\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest\n' +
        '\treturn sarama.NewConsumerGroup(brokers, "g", cfg)\n}\n',
    },
    {
      name: 'sarama: a variable is never judged',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.RequiredAcks = acks\n\tcfg.Producer.Return.Successes = true\n'),
    },
  ],
  invalid: [
    {
      name: 'acks=1',
      path: 'producer.properties',
      code: BS + 'acks=1\n',
      errors: [
        {
          text: '1',
          line: 2,
          severity: 'warning',
          message: '`acks=1`: the leader acknowledges before the followers copy the record',
          fixes: ['Set `acks=all`'],
        },
      ],
      output: BS + 'acks=all\n',
    },
    {
      name: 'acks=0',
      path: 'producer.properties',
      code: BS + 'acks=0\nlinger.ms=5\n',
      errors: [{ text: '0', severity: 'error', message: '`acks=0`: the producer does not wait for any acknowledgement', fixes: ['Set `acks=all`'] }],
      output: BS + 'acks=all\nlinger.ms=5\n',
    },
    {
      name: 'acks=1 in a CRLF file with a comment and spaces around the separator',
      path: 'producer.properties',
      code: '# producer\r\nbootstrap.servers = k1:9092\r\nacks = 1\r\n',
      errors: [{ text: '1', line: 3, severity: 'warning', message: '`acks=1`' }],
      output: '# producer\r\nbootstrap.servers = k1:9092\r\nacks = all\r\n',
    },
    {
      name: 'unset on Kafka 2.8: the default was 1',
      path: 'producer.properties',
      code: BS + 'linger.ms=5\n',
      options: { kafkaVersion: '2.8' },
      errors: [
        {
          text: 'bootstrap.servers',
          line: 1,
          severity: 'warning',
          message: '`acks` is unset; the Kafka 2.8 default is `1`',
          fixes: ['Set `acks=all`'],
        },
      ],
      output: BS + 'linger.ms=5\nacks=all\n',
    },
    {
      name: 'librdkafka: its own name request.required.acks',
      path: 'producer.properties',
      code: BS + 'message.timeout.ms=300000\nrequest.required.acks=1\n',
      errors: [{ text: '1', line: 3, severity: 'warning', message: '`request.required.acks=1`', fixes: ['Set `request.required.acks=all`'] }],
      output: BS + 'message.timeout.ms=300000\nrequest.required.acks=all\n',
    },
    {
      name: 'Simplified Chinese',
      path: 'producer.properties',
      code: BS + 'acks=1\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: '1', message: '`acks=1`：leader 在 follower 复制记录之前就确认', fixes: ['设置 `acks=all`'] }],
      output: BS + 'acks=all\n',
    },
    {
      name: 'Spring: producer.acks=1',
      path: 'application.properties',
      code: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.acks=1\n',
      errors: [
        {
          text: '1',
          line: 2,
          severity: 'warning',
          message: '`spring.kafka.producer.acks=1`',
          fixes: ['Set `spring.kafka.producer.acks=all`'],
        },
      ],
      output: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.acks=all\n',
    },
    {
      name: 'Spring: the map entry wins and is the one fixed',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[acks]=0\n',
      errors: [
        {
          text: '0',
          line: 2,
          severity: 'error',
          message: '`spring.kafka.producer.properties[acks]=0`',
          fixes: ['Set `spring.kafka.producer.properties[acks]=all`'],
        },
      ],
      output: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[acks]=all\n',
    },
    {
      name: 'Spring: shared spring.kafka.properties[acks] reaches the producer',
      path: 'application.properties',
      code: 'spring.kafka.properties[acks]=1\nspring.kafka.producer.retries=3\n',
      errors: [{ text: '1', line: 1, severity: 'warning', message: '`spring.kafka.properties[acks]=1`' }],
      output: 'spring.kafka.properties[acks]=all\nspring.kafka.producer.retries=3\n',
    },
    {
      name: 'Spring: placeholder default is judged and only the default is changed',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=${KAFKA_ACKS:1}\n',
      errors: [{ text: '${KAFKA_ACKS:1}', severity: 'warning', message: 'placeholder default `1`' }],
      output: 'spring.kafka.producer.acks=${KAFKA_ACKS:all}\n',
    },
    {
      name: 'Spring: producer section without acks on Kafka 2.8',
      path: 'application.properties',
      code: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.retries=3\n',
      options: { kafkaVersion: '2.8' },
      errors: [
        {
          text: 'spring.kafka.producer.retries',
          severity: 'warning',
          message: '`spring.kafka.producer.acks` is unset; the Kafka 2.8 default is `1`',
          fixes: ['Set `spring.kafka.producer.acks=all`'],
        },
      ],
      output: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.retries=3\nspring.kafka.producer.acks=all\n',
    },
    {
      name: 'Spring YAML: acks: 1',
      path: 'application.yml',
      code: springYaml('      acks: 1\n'),
      errors: [{ text: '1', line: 5, severity: 'warning', message: 'the leader acknowledges before the followers copy the record' }],
      output: springYaml('      acks: all\n'),
    },
    {
      name: 'Spring YAML: acks: "0" keeps its quotes',
      path: 'application.yml',
      code: springYaml('      acks: "0"\n'),
      errors: [{ text: '0', line: 5, severity: 'error' }],
      output: springYaml('      acks: "all"\n'),
    },
    {
      name: 'Spring YAML: producer section without acks on Kafka 2.8, comment kept',
      path: 'application.yml',
      code: 'spring:\n  kafka:\n    producer:\n      retries: 3  # keep\n    consumer:\n      group-id: g\n',
      options: { kafkaVersion: '2.8' },
      errors: [{ text: 'producer', line: 3, severity: 'warning', message: 'the Kafka 2.8 default is `1`', fixes: ['Set `spring.kafka.producer.acks: all`'] }],
      output: 'spring:\n  kafka:\n    producer:\n      retries: 3  # keep\n      acks: all\n    consumer:\n      group-id: g\n',
    },
    {
      name: 'sarama: WaitForLocal',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.RequiredAcks = sarama.WaitForLocal\n\tcfg.Producer.Return.Successes = true\n'),
      errors: [
        {
          text: 'sarama.WaitForLocal',
          line: 7,
          severity: 'warning',
          message: '`cfg.Producer.RequiredAcks = sarama.WaitForLocal`',
          fixes: ['Set `cfg.Producer.RequiredAcks = sarama.WaitForAll`'],
        },
      ],
      output: goFile('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Return.Successes = true\n'),
    },
    {
      name: 'sarama: if/else writing two values: the branch a run may take is judged, wherever it stands',
      path: 'producer.go',
      code: goFile(
        '\tif len(brokers) == 1 {\n\t\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t} else {\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\t}\n\tcfg.Producer.Return.Successes = true\n',
      ),
      errors: [{ text: 'sarama.NoResponse', line: 8, severity: 'error', fixes: ['Set `cfg.Producer.RequiredAcks = sarama.WaitForAll`'] }],
      output: goFile(
        '\tif len(brokers) == 1 {\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\t} else {\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\t}\n\tcfg.Producer.Return.Successes = true\n',
      ),
    },
    {
      name: 'sarama: a switch mapping an option to acks: every weak case is judged, whatever its order',
      path: 'producer.go',
      code: goFile(
        '\tswitch os.Getenv("ACKS") {\n\tcase "1":\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForLocal\n\tcase "all":\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcase "0":\n\t\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t}\n\tcfg.Producer.Return.Successes = true\n',
      ),
      errors: [
        { text: 'sarama.WaitForLocal', line: 9, severity: 'warning' },
        { text: 'sarama.NoResponse', line: 13, severity: 'error' },
      ],
      output: goFile(
        '\tswitch os.Getenv("ACKS") {\n\tcase "1":\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcase "all":\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcase "0":\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\t}\n\tcfg.Producer.Return.Successes = true\n',
      ),
    },
    {
      name: 'sarama: a value a later branch may leave in effect',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\tif len(brokers) > 1 {\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\t}\n\tcfg.Producer.Return.Successes = true\n'),
      errors: [{ text: 'sarama.NoResponse', line: 7, severity: 'error' }],
      output: goFile('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tif len(brokers) > 1 {\n\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\t}\n\tcfg.Producer.Return.Successes = true\n'),
    },
    {
      name: 'sarama: a function called in a branch overrides only when the branch runs',
      path: 'producer.go',
      code:
        'package main\n\nimport "github.com/IBM/sarama"\n\nfunc safe(c *sarama.Config) {\n\tc.Producer.RequiredAcks = sarama.WaitForAll\n}\n\n' +
        'func newProducer(brokers []string) (sarama.SyncProducer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.NoResponse\n' +
        '\tif len(brokers) > 1 {\n\t\tsafe(cfg)\n\t}\n\tcfg.Producer.Return.Successes = true\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n',
      errors: [{ text: 'sarama.NoResponse', line: 11, severity: 'error' }],
      output:
        'package main\n\nimport "github.com/IBM/sarama"\n\nfunc safe(c *sarama.Config) {\n\tc.Producer.RequiredAcks = sarama.WaitForAll\n}\n\n' +
        'func newProducer(brokers []string) (sarama.SyncProducer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n' +
        '\tif len(brokers) > 1 {\n\t\tsafe(cfg)\n\t}\n\tcfg.Producer.Return.Successes = true\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n',
    },
    {
      name: 'sarama: NoResponse',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\tcfg.Producer.Return.Successes = true\n'),
      errors: [{ text: 'sarama.NoResponse', severity: 'error', fixes: ['Set `cfg.Producer.RequiredAcks = sarama.WaitForAll`'] }],
      output: goFile('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Return.Successes = true\n'),
    },
    {
      name: 'sarama: RequiredAcks never set (default WaitForLocal)',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.Return.Successes = true\n'),
      errors: [
        {
          text: 'sarama.NewConfig()',
          line: 6,
          severity: 'warning',
          message: 'is unset; the newest sarama',
          fixes: ['Set `cfg.Producer.RequiredAcks = sarama.WaitForAll`'],
        },
      ],
      output: goFile('\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n'),
    },
    {
      name: 'sarama: unset, version from go.mod, Shopify import, another variable name',
      path: 'producer.go',
      code:
        'package main\n\nimport "github.com/Shopify/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n' +
        '\tconfig := sarama.NewConfig()\n\tconfig.Producer.Return.Successes = true\n\treturn sarama.NewSyncProducer(brokers, config)\n}\n',
      options: { saramaVersion: '1.30.0' },
      errors: [
        {
          text: 'sarama.NewConfig()',
          message: '`Producer.RequiredAcks` is unset; the sarama v1.30.0 default is `sarama.WaitForLocal`',
          fixes: ['Set `config.Producer.RequiredAcks = sarama.WaitForAll`'],
        },
      ],
      output:
        'package main\n\nimport "github.com/Shopify/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n' +
        '\tconfig := sarama.NewConfig()\n\tconfig.Producer.Return.Successes = true\n\tconfig.Producer.RequiredAcks = sarama.WaitForAll\n' +
        '\treturn sarama.NewSyncProducer(brokers, config)\n}\n',
    },
  ],
});
