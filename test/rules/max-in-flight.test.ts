import { ruleTester } from '../helpers/ruleTester.js';

const BS = 'bootstrap.servers=localhost:9092\n';
const MIF = 'max.in.flight.requests.per.connection';

const springYaml = (producer: string) => 'spring:\n  kafka:\n    producer:\n' + producer;

ruleTester('max-in-flight', {
  valid: [
    { name: '5 with default idempotence on 4.0', path: 'producer.properties', code: BS + `${MIF}=5\n` },
    { name: '3 with explicit idempotence', path: 'producer.properties', code: BS + `enable.idempotence=true\n${MIF}=3\n`, options: { kafkaVersion: '3.9' } },
    { name: '1 with idempotence off', path: 'producer.properties', code: BS + `enable.idempotence=false\n${MIF}=1\n` },
    { name: '10 with idempotence off and retries=0: nothing to reorder', path: 'producer.properties', code: BS + `enable.idempotence=false\nretries=0\n${MIF}=10\n` },
    { name: '10 with idempotence off and acks=0: no retries', path: 'producer.properties', code: BS + `enable.idempotence=false\nacks=0\n${MIF}=10\n` },
    { name: '5 on 2.0: retries default to 0', path: 'producer.properties', code: BS + `${MIF}=5\n`, options: { kafkaVersion: '2.0' } },
    { name: 'dynamic value', path: 'producer.properties', code: BS + `${MIF}=\${MIF}\n` },
    { name: 'dynamic idempotence', path: 'producer.properties', code: BS + `enable.idempotence=\${IDEM}\n${MIF}=10\n` },
    { name: 'dynamic acks on 3.9 decides whether idempotence stays on', path: 'producer.properties', code: BS + `acks=\${ACKS}\n${MIF}=10\n`, options: { kafkaVersion: '3.9' } },
    { name: 'librdkafka: 5 with idempotence', path: 'producer.properties', code: BS + `message.timeout.ms=300000\nenable.idempotence=true\n${MIF}=5\n` },
    { name: 'librdkafka: many in flight with acks=0 (no retries)', path: 'producer.properties', code: BS + `message.timeout.ms=300000\nacks=0\n${MIF}=1000000\n` },
    { name: 'Spring: 5', path: 'application.properties', code: `spring.kafka.producer.properties[${MIF}]=5\n` },
    { name: 'Spring YAML: 5', path: 'application.yml', code: springYaml(`      properties:\n        "[${MIF}]": 5\n`) },
  ],
  invalid: [
    {
      name: '10 on 4.0 with default idempotence: ConfigException',
      path: 'producer.properties',
      code: BS + `${MIF}=10\n`,
      safeOnly: true,
      errors: [
        {
          text: '10',
          line: 2,
          severity: 'error',
          message: 'since Kafka 4.0 the producer fails at startup with a ConfigException',
          fixes: [`Set \`${MIF}=5\``],
        },
      ],
      output: BS + `${MIF}=5\n`,
    },
    {
      name: '10 on 4.0 with acks=1: validated before acks turns idempotence off',
      path: 'producer.properties',
      code: BS + `acks=1\n${MIF}=10\n`,
      errors: [{ text: '10', line: 3, severity: 'error' }],
      output: BS + `acks=1\n${MIF}=5\n`,
    },
    {
      name: '10 on 3.9: silently disables the default idempotence',
      path: 'producer.properties',
      code: BS + `${MIF}=10\n`,
      options: { kafkaVersion: '3.9' },
      errors: [
        {
          text: '10',
          severity: 'warning',
          message: `\`${MIF}=10\` silently turns off the default idempotence on Kafka 3.9`,
          fixes: [`Set \`${MIF}=5\``],
        },
      ],
      output: BS + `${MIF}=5\n`,
    },
    {
      name: '10 on 3.9 with explicit idempotence: ConfigException',
      path: 'producer.properties',
      code: BS + `enable.idempotence=true\n${MIF}=10\n`,
      options: { kafkaVersion: '3.9' },
      safeOnly: true,
      errors: [{ text: '10', severity: 'error', message: `\`${MIF}=10\` with \`enable.idempotence=true\`` }],
      output: BS + `enable.idempotence=true\n${MIF}=5\n`,
    },
    {
      name: '6 on 3.9 with a transactional.id: ConfigException',
      path: 'producer.properties',
      code: BS + `transactional.id=tx-1\n${MIF}=6\n`,
      options: { kafkaVersion: '3.9' },
      errors: [{ text: '6', severity: 'error', message: 'with `transactional.id=tx-1`' }],
      output: BS + `transactional.id=tx-1\n${MIF}=5\n`,
    },
    {
      name: '6 on 2.8 with a transactional.id: idempotence is implied',
      path: 'producer.properties',
      code: BS + `transactional.id=tx-1\n${MIF}=6\n`,
      options: { kafkaVersion: '2.8' },
      errors: [{ text: '6', severity: 'error' }],
      output: BS + `transactional.id=tx-1\n${MIF}=5\n`,
    },
    {
      name: '10 on 3.9 with acks=1: idempotence is off anyway, retries reorder',
      path: 'producer.properties',
      code: BS + `acks=1\n${MIF}=10\n`,
      options: { kafkaVersion: '3.9' },
      errors: [
        {
          text: '10',
          severity: 'information',
          message: 'without idempotence (`acks=1` turns it off): a retried batch can land after a later one',
          fixes: [`Set \`${MIF}=1\``],
        },
      ],
      output: BS + `acks=1\n${MIF}=1\n`,
    },
    {
      name: '5 on 2.8: idempotence off by default, retries on',
      path: 'producer.properties',
      code: BS + `${MIF}=5\n`,
      options: { kafkaVersion: '2.8' },
      errors: [{ text: '5', severity: 'information', message: 'idempotence is unset; the Kafka 2.8 default is `false`' }],
      output: BS + `${MIF}=1\n`,
    },
    {
      name: '2 with explicit idempotence off on 4.0',
      path: 'producer.properties',
      code: BS + `enable.idempotence=false\n${MIF}=2\n`,
      errors: [{ text: '2', line: 3, severity: 'information', message: '(`enable.idempotence=false`)' }],
      output: BS + `enable.idempotence=false\n${MIF}=1\n`,
    },
    {
      name: '10 on 3.0.0: the default was never applied (KAFKA-13598)',
      path: 'producer.properties',
      code: BS + `${MIF}=10\n`,
      options: { kafkaVersion: '3.0.0' },
      errors: [{ text: '10', severity: 'information', message: 'KAFKA-13598' }],
      output: BS + `${MIF}=1\n`,
    },
    {
      name: 'Simplified Chinese',
      path: 'producer.properties',
      code: BS + `${MIF}=10\n`,
      options: { locale: 'zh-cn' },
      errors: [{ text: '10', message: '生产者不再关闭幂等性，而是启动时抛出 ConfigException', fixes: [`设置 \`${MIF}=5\``] }],
      output: BS + `${MIF}=5\n`,
    },
    {
      name: 'Spring map entry on 4.0',
      path: 'application.properties',
      code: `spring.kafka.producer.acks=all\nspring.kafka.producer.properties[${MIF}]=10\n`,
      errors: [
        {
          text: '10',
          line: 2,
          severity: 'error',
          message: `\`spring.kafka.producer.properties[${MIF}]=10\``,
          fixes: [`Set \`spring.kafka.producer.properties[${MIF}]=5\``],
        },
      ],
      output: `spring.kafka.producer.acks=all\nspring.kafka.producer.properties[${MIF}]=5\n`,
    },
    {
      name: 'Spring YAML map entry on 4.0',
      path: 'application.yml',
      code: springYaml(`      properties:\n        "[${MIF}]": 10\n`),
      errors: [{ text: '10', line: 5, severity: 'error' }],
      output: springYaml(`      properties:\n        "[${MIF}]": 5\n`),
    },
  ],
});
