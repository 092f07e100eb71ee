import { ruleTester } from '../helpers/ruleTester.js';

const BS = 'bootstrap.servers=localhost:9092\n';

const springYaml = (producer: string) => 'spring:\n  kafka:\n    producer:\n' + producer;

ruleTester('delivery-timeout', {
  valid: [
    { name: 'default-sized value', path: 'producer.properties', code: BS + 'delivery.timeout.ms=120000\n' },
    { name: 'exactly the sum on 4.0', path: 'producer.properties', code: BS + 'delivery.timeout.ms=30005\n' },
    { name: '30000 on 3.9: linger.ms defaulted to 0', path: 'producer.properties', code: BS + 'delivery.timeout.ms=30000\n', options: { kafkaVersion: '3.9' } },
    { name: 'unset', path: 'producer.properties', code: BS + 'linger.ms=100\nrequest.timeout.ms=60000\n' },
    { name: 'dynamic value', path: 'producer.properties', code: BS + 'delivery.timeout.ms=${DT}\n' },
    { name: 'dynamic linger.ms', path: 'producer.properties', code: BS + 'linger.ms=${LINGER}\ndelivery.timeout.ms=30000\n' },
    { name: 'Kafka 2.0 has no delivery.timeout.ms', path: 'producer.properties', code: BS + 'delivery.timeout.ms=1000\n', options: { kafkaVersion: '2.0' } },
    { name: 'librdkafka: an alias of message.timeout.ms', path: 'producer.properties', code: BS + 'queue.buffering.max.kbytes=1024\ndelivery.timeout.ms=1000\n' },
    { name: 'Spring: large enough', path: 'application.properties', code: 'spring.kafka.producer.properties[delivery.timeout.ms]=120000\n' },
    { name: 'Spring YAML: large enough', path: 'application.yml', code: springYaml('      properties:\n        "[delivery.timeout.ms]": 120000\n') },
  ],
  invalid: [
    {
      name: '30000 on 4.0: linger.ms now defaults to 5',
      path: 'producer.properties',
      code: BS + 'delivery.timeout.ms=30000\n',
      safeOnly: true,
      errors: [
        {
          text: '30000',
          line: 2,
          severity: 'error',
          message:
            '`delivery.timeout.ms=30000` is below `linger.ms` + `request.timeout.ms` = 5 + 30000 = 30005 (`linger.ms` unset: the Kafka 4.0 ' +
            'default is 5; `request.timeout.ms` unset: the Kafka 4.0 default is 30000): the producer fails at startup with a ConfigException.',
          fixes: ['Set `delivery.timeout.ms=30005`', 'Remove `delivery.timeout.ms=30000`'],
        },
      ],
      output: BS + 'delivery.timeout.ms=30005\n',
    },
    {
      name: 'explicit linger.ms and request.timeout.ms',
      path: 'producer.properties',
      code: BS + 'linger.ms=100\nrequest.timeout.ms=60000\ndelivery.timeout.ms=60000\n',
      options: { kafkaVersion: '3.9' },
      errors: [{ text: '60000', line: 4, message: '= 100 + 60000 = 60100:', fixes: ['Set `delivery.timeout.ms=60100`', 'Remove `delivery.timeout.ms=60000`'] }],
      output: BS + 'linger.ms=100\nrequest.timeout.ms=60000\ndelivery.timeout.ms=60100\n',
    },
    {
      name: 'Simplified Chinese',
      path: 'producer.properties',
      code: BS + 'delivery.timeout.ms=30000\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: '30000', message: '`linger.ms` 未设置，默认值（Kafka 4.0）为 5', fixes: ['设置 `delivery.timeout.ms=30005`', '删除 `delivery.timeout.ms=30000`'] }],
      output: BS + 'delivery.timeout.ms=30005\n',
    },
    {
      name: 'Spring map entries',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[linger.ms]=20\nspring.kafka.producer.properties[delivery.timeout.ms]=20000\n',
      errors: [
        {
          text: '20000',
          line: 3,
          severity: 'error',
          message: '= 20 + 30000 = 30020 (`spring.kafka.producer.properties[request.timeout.ms]` unset: the Kafka 4.0 default is 30000)',
          fixes: [
            'Set `spring.kafka.producer.properties[delivery.timeout.ms]=30020`',
            'Remove `spring.kafka.producer.properties[delivery.timeout.ms]=20000`',
          ],
        },
      ],
      output: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[linger.ms]=20\nspring.kafka.producer.properties[delivery.timeout.ms]=30020\n',
    },
    {
      name: 'Spring YAML map entry',
      path: 'application.yml',
      code: springYaml('      properties:\n        "[delivery.timeout.ms]": 20000\n'),
      errors: [{ text: '20000', line: 5, severity: 'error' }],
      output: springYaml('      properties:\n        "[delivery.timeout.ms]": 30005\n'),
    },
  ],
});
