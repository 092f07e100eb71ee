import { ruleTester } from '../helpers/ruleTester.js';

const BS = 'bootstrap.servers=localhost:9092\n';

const springYaml = (producer: string) => 'spring:\n  kafka:\n    producer:\n' + producer;

const goFile = (body: string) =>
  'package main\n\nimport "github.com/IBM/sarama"\n\nfunc config() *sarama.Config {\n\tcfg := sarama.NewConfig()\n' +
  '\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n' +
  body +
  '\treturn cfg\n}\n';

ruleTester('retries', {
  valid: [
    { name: 'retries=3', path: 'producer.properties', code: BS + 'retries=3\n' },
    { name: 'retries=MAX_INT', path: 'producer.properties', code: BS + 'retries=2147483647\n' },
    { name: 'unset', path: 'producer.properties', code: BS + 'acks=all\n', options: { kafkaVersion: '2.0' } },
    { name: 'dynamic', path: 'producer.properties', code: BS + 'retries=${RETRIES}\n' },
    { name: 'not a number: invalid-value reports it', path: 'producer.properties', code: BS + 'retries=none\n' },
    { name: 'consumer file', path: 'consumer.properties', code: BS + 'group.id=g\nretries=0\n' },
    { name: 'Spring: retries 5', path: 'application.properties', code: 'spring.kafka.producer.retries=5\n' },
    { name: 'Spring: placeholder without default', path: 'application.properties', code: 'spring.kafka.producer.retries=${RETRIES}\n' },
    { name: 'Spring YAML: retries 3', path: 'application.yml', code: springYaml('      retries: 3\n') },
    { name: 'sarama: Retry.Max = 3', path: 'producer.go', code: goFile('\tcfg.Producer.Retry.Max = 3\n') },
    { name: 'sarama: a variable', path: 'producer.go', code: goFile('\tcfg.Producer.Retry.Max = n\n') },
  ],
  invalid: [
    {
      name: 'retries=0 on Kafka 4.0: remove the override',
      path: 'producer.properties',
      code: BS + 'retries=0\nacks=all\n',
      errors: [
        {
          text: '0',
          line: 2,
          severity: 'warning',
          message: '`retries=0`: a leader election or `NotEnoughReplicas` fails the send at once',
          fixes: ['Remove `retries=0`'],
        },
      ],
      output: BS + 'acks=all\n',
    },
    {
      name: 'retries=0 as the last line without a line break',
      path: 'producer.properties',
      code: BS + 'retries=0',
      errors: [{ text: '0', message: 'Remove the override', fixes: ['Remove `retries=0`'] }],
      output: 'bootstrap.servers=localhost:9092',
    },
    {
      name: 'Kafka 2.0 has no delivery.timeout.ms: set a positive value',
      path: 'producer.properties',
      code: BS + 'retries=0\n',
      options: { kafkaVersion: '2.0' },
      errors: [{ text: '0', message: 'Set `retries=2147483647` (the default since Kafka 2.1)', fixes: ['Set `retries=2147483647`'] }],
      output: BS + 'retries=2147483647\n',
    },
    {
      name: 'librdkafka: retries=0',
      path: 'producer.properties',
      code: BS + 'message.timeout.ms=300000\nretries=0\n',
      errors: [{ text: '0', line: 3, fixes: ['Remove `retries=0`'] }],
      output: BS + 'message.timeout.ms=300000\n',
    },
    {
      name: 'librdkafka: its own name message.send.max.retries',
      path: 'producer.properties',
      code: BS + 'message.timeout.ms=300000\nmessage.send.max.retries=0\n',
      errors: [{ text: '0', line: 3, message: '`message.send.max.retries=0`', fixes: ['Remove `message.send.max.retries=0`'] }],
      output: BS + 'message.timeout.ms=300000\n',
    },
    {
      name: 'Simplified Chinese',
      path: 'producer.properties',
      code: BS + 'retries=0\nacks=all\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: '0', message: '请删除该覆盖', fixes: ['删除 `retries=0`'] }],
      output: BS + 'acks=all\n',
    },
    {
      name: 'Spring: producer.retries=0',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.producer.retries=0\n',
      errors: [{ text: '0', line: 2, severity: 'warning', message: '`spring.kafka.producer.retries=0`', fixes: ['Remove `spring.kafka.producer.retries=0`'] }],
      output: 'spring.kafka.producer.acks=all\n',
    },
    {
      name: 'Spring: placeholder default 0',
      path: 'application.properties',
      code: 'spring.kafka.producer.retries=${RETRIES:0}\n',
      options: { kafkaVersion: '2.0' },
      errors: [{ text: '${RETRIES:0}', message: 'placeholder default `0`', fixes: ['Set `spring.kafka.producer.retries=2147483647`'] }],
      output: 'spring.kafka.producer.retries=${RETRIES:2147483647}\n',
    },
    {
      name: 'Spring: placeholder default 0 on 4.0 keeps the variable',
      path: 'application.properties',
      code: 'spring.kafka.producer.retries=${RETRIES:0}\n',
      errors: [{ text: '${RETRIES:0}', fixes: ['Set `spring.kafka.producer.retries=2147483647`'] }],
      output: 'spring.kafka.producer.retries=${RETRIES:2147483647}\n',
    },
    {
      name: 'Spring YAML: retries: 0',
      path: 'application.yml',
      code: springYaml('      acks: all\n      retries: 0\n'),
      errors: [{ text: '0', line: 5, severity: 'warning' }],
      output: springYaml('      acks: all\n'),
    },
    {
      name: 'sarama: Retry.Max = 0',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.Retry.Max = 0\n'),
      errors: [
        {
          text: '0',
          line: 8,
          severity: 'warning',
          message: '`cfg.Producer.Retry.Max = 0`',
          fixes: ['Set `cfg.Producer.Retry.Max = 10`', 'Remove `cfg.Producer.Retry.Max = 0`'],
        },
      ],
      output: goFile('\tcfg.Producer.Retry.Max = 10\n'),
    },
  ],
});
