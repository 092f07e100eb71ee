import { ruleTester } from '../helpers/ruleTester.js';

const BS = 'bootstrap.servers=localhost:9092\n';

const springYaml = (producer: string) => 'spring:\n  kafka:\n    producer:\n' + producer;

ruleTester('idempotence', {
  valid: [
    { name: 'explicit true with acks=all', path: 'producer.properties', code: BS + 'enable.idempotence=true\nacks=all\n' },
    { name: 'explicit true, acks unset', path: 'producer.properties', code: BS + 'enable.idempotence=true\n', options: { kafkaVersion: '2.8' } },
    { name: 'unset with acks=all on 4.0', path: 'producer.properties', code: BS + 'acks=all\n' },
    { name: 'unset with acks=1 on 2.8: idempotence was off by default anyway', path: 'producer.properties', code: BS + 'acks=1\n', options: { kafkaVersion: '2.8' } },
    {
      name: 'unset with acks=1 on 3.0.0: the default was never applied (KAFKA-13598)',
      path: 'producer.properties',
      code: BS + 'acks=1\n',
      options: { kafkaVersion: '3.0.0' },
    },
    { name: 'transactional producer: transactional-id reports the startup failure', path: 'producer.properties', code: BS + 'transactional.id=tx\nacks=1\n' },
    { name: 'dynamic enable.idempotence', path: 'producer.properties', code: BS + 'enable.idempotence=${IDEMPOTENCE}\n' },
    { name: 'dynamic acks with idempotence unset', path: 'producer.properties', code: BS + 'acks=${ACKS}\n' },
    { name: 'Kafka 0.10 has no idempotent producer', path: 'producer.properties', code: BS + 'enable.idempotence=false\n', options: { kafkaVersion: '0.10.2' } },
    { name: 'librdkafka: off by default, so acks=1 turns nothing off', path: 'producer.properties', code: BS + 'message.timeout.ms=300000\nacks=1\n' },
    { name: 'librdkafka: true with acks unset (librdkafka sets all itself)', path: 'producer.properties', code: BS + 'message.timeout.ms=300000\nenable.idempotence=true\n' },
    { name: 'consumer file', path: 'consumer.properties', code: BS + 'group.id=g\nenable.auto.commit=false\n' },
    {
      name: 'Spring: map entry true with acks=all',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotence]=true\n',
    },
    { name: 'Spring YAML: good', path: 'application.yml', code: springYaml('      acks: all\n      properties:\n        "[enable.idempotence]": true\n') },
  ],
  invalid: [
    {
      name: 'explicit false',
      path: 'producer.properties',
      code: BS + 'enable.idempotence=false\n',
      errors: [
        {
          text: 'false',
          line: 2,
          severity: 'warning',
          message: '`enable.idempotence=false`: a send retried after a lost acknowledgement can be written twice',
          fixes: ['Set `enable.idempotence=true`'],
        },
      ],
      output: BS + 'enable.idempotence=true\n',
    },
    {
      name: 'explicit false with acks=1: the fix sets both',
      path: 'producer.properties',
      code: BS + 'acks=1\nenable.idempotence=false\n',
      errors: [{ text: 'false', line: 3, severity: 'warning', fixes: ['Set `enable.idempotence=true` and `acks=all`'] }],
      output: BS + 'acks=all\nenable.idempotence=true\n',
    },
    {
      name: 'explicit false with retries=0 and max.in.flight 10',
      path: 'producer.properties',
      code: BS + 'retries=0\nmax.in.flight.requests.per.connection=10\nenable.idempotence=false\n',
      errors: [
        {
          text: 'false',
          line: 4,
          fixes: ['Set `enable.idempotence=true` and `max.in.flight.requests.per.connection=5`, remove `retries=0`'],
        },
      ],
      output: BS + 'max.in.flight.requests.per.connection=5\nenable.idempotence=true\n',
    },
    {
      name: 'explicit true with acks=1: ConfigException',
      path: 'producer.properties',
      code: BS + 'enable.idempotence=true\nacks=1\n',
      safeOnly: true,
      errors: [
        {
          text: '1',
          line: 3,
          severity: 'error',
          message: '`acks=1` with `enable.idempotence=true`: the producer fails at startup with a ConfigException',
          fixes: ['Set `acks=all`'],
        },
      ],
      output: BS + 'enable.idempotence=true\nacks=all\n',
    },
    {
      name: 'explicit true with retries=0: ConfigException',
      path: 'producer.properties',
      code: BS + 'retries=0\nenable.idempotence=true\n',
      safeOnly: true,
      errors: [{ text: '0', line: 2, severity: 'error', message: 'because idempotence needs retries', fixes: ['Remove `retries=0`'] }],
      output: BS + 'enable.idempotence=true\n',
    },
    {
      name: 'explicit true on 2.8 with acks=0',
      path: 'producer.properties',
      code: BS + 'enable.idempotence=true\nacks=0\n',
      options: { kafkaVersion: '2.8' },
      errors: [{ text: '0', severity: 'error', fixes: ['Set `acks=all`'] }],
      output: BS + 'enable.idempotence=true\nacks=all\n',
    },
    {
      name: 'unset with acks=1 on 4.0: idempotence silently off',
      path: 'producer.properties',
      code: BS + 'acks=1\n',
      errors: [
        {
          text: '1',
          line: 2,
          severity: 'information',
          message: '`acks=1` silently turns off idempotence (the Kafka 4.0 default is `true`',
          fixes: ['Set `enable.idempotence=true` and `acks=all`'],
        },
      ],
      output: BS + 'acks=all\nenable.idempotence=true\n',
    },
    {
      name: 'unset with retries=0 on 3.5',
      path: 'producer.properties',
      code: BS + 'retries=0\nlinger.ms=5\n',
      options: { kafkaVersion: '3.5' },
      errors: [
        {
          text: '0',
          line: 2,
          severity: 'information',
          message: 'the Kafka 3.5 default is `true`',
          fixes: ['Set `enable.idempotence=true`, remove `retries=0`'],
        },
      ],
      output: BS + 'linger.ms=5\nenable.idempotence=true\n',
    },
    {
      name: 'unset with retries=0 on the last line',
      path: 'producer.properties',
      code: BS + 'retries=0\n',
      errors: [{ text: '0', severity: 'information', fixes: ['Set `enable.idempotence=true`, remove `retries=0`'] }],
      output: BS + 'enable.idempotence=true\n',
    },
    {
      name: 'unset with retries=0 on a last line without a line break',
      path: 'producer.properties',
      code: BS + 'retries=0',
      errors: [{ text: '0', severity: 'information', fixes: ['Set `enable.idempotence=true`, remove `retries=0`'] }],
      output: BS + 'enable.idempotence=true',
    },
    {
      name: 'Spring YAML: retries 0 alone: removing it would clash with the insertion, so the default is written',
      path: 'application.yml',
      code: springYaml('      retries: 0\n'),
      errors: [
        {
          text: '0',
          line: 4,
          severity: 'information',
          fixes: ['Set `spring.kafka.producer.properties[enable.idempotence]: true` and `spring.kafka.producer.retries: 2147483647`'],
        },
      ],
      output: springYaml('      retries: 2147483647\n      properties:\n        "[enable.idempotence]": true\n'),
    },
    {
      name: 'unset with acks=1 and retries=0: one finding each, one repair',
      path: 'producer.properties',
      code: BS + 'acks=1\nretries=0\nlinger.ms=5\n',
      errors: [
        { text: '1', line: 2, severity: 'information', fixes: ['Set `enable.idempotence=true` and `acks=all`, remove `retries=0`'] },
        { text: '0', line: 3, severity: 'information', fixes: ['Set `enable.idempotence=true` and `acks=all`, remove `retries=0`'] },
      ],
      output: BS + 'acks=all\nlinger.ms=5\nenable.idempotence=true\n',
    },
    {
      name: 'Spring: producer.acks=1 with the map entry true',
      path: 'application.properties',
      code: 'spring.kafka.producer.acks=1\nspring.kafka.producer.properties[enable.idempotence]=true\n',
      errors: [
        {
          text: '1',
          line: 1,
          severity: 'error',
          message: '`spring.kafka.producer.acks=1` with `spring.kafka.producer.properties[enable.idempotence]=true`',
          fixes: ['Set `spring.kafka.producer.acks=all`'],
        },
      ],
      output: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotence]=true\n',
    },
    {
      name: 'Spring: explicit true with a placeholder retries default 0 keeps the variable',
      path: 'application.properties',
      code: 'spring.kafka.producer.retries=${R:0}\nspring.kafka.producer.properties[enable.idempotence]=true\n',
      safeOnly: true,
      errors: [
        {
          text: '${R:0}',
          severity: 'error',
          message: '(judged on the placeholder default `0`) with `spring.kafka.producer.properties[enable.idempotence]=true`',
          fixes: ['Set `spring.kafka.producer.retries=2147483647`'],
        },
      ],
      output: 'spring.kafka.producer.retries=${R:2147483647}\nspring.kafka.producer.properties[enable.idempotence]=true\n',
    },
    {
      name: 'Spring: producer.acks=1 alone on 4.0',
      path: 'application.properties',
      code: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.acks=1\n',
      errors: [
        {
          text: '1',
          line: 2,
          severity: 'information',
          message: 'If duplicates matter, fix it: Set `spring.kafka.producer.properties[enable.idempotence]=true` and `spring.kafka.producer.acks=all`.',
          fixes: ['Set `spring.kafka.producer.properties[enable.idempotence]=true` and `spring.kafka.producer.acks=all`'],
        },
      ],
      output:
        'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotence]=true\n',
    },
    {
      name: 'Spring YAML: map entry false',
      path: 'application.yml',
      code: springYaml('      properties:\n        "[enable.idempotence]": false\n'),
      errors: [{ text: 'false', line: 5, severity: 'warning' }],
      output: springYaml('      properties:\n        "[enable.idempotence]": true\n'),
    },
    {
      name: 'Spring YAML: acks 1 alone: the map entry is created under producer',
      path: 'application.yml',
      code: springYaml('      acks: 1\n') + '    consumer:\n      group-id: g\n',
      errors: [{ text: '1', line: 4, severity: 'information' }],
      output: springYaml('      acks: all\n      properties:\n        "[enable.idempotence]": true\n') + '    consumer:\n      group-id: g\n',
    },
    {
      name: 'Spring YAML: quoted acks "1" with an existing properties map',
      path: 'application.yml',
      code: springYaml('      acks: "1"\n      properties:\n        "[linger.ms]": 10\n'),
      errors: [{ text: '1', line: 4, severity: 'information' }],
      output: springYaml('      acks: "all"\n      properties:\n        "[linger.ms]": 10\n        "[enable.idempotence]": true\n'),
    },
    {
      name: 'Simplified Chinese',
      path: 'producer.properties',
      code: BS + 'enable.idempotence=false\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: 'false', message: '确认丢失后重试的发送可能被写入两次', fixes: ['设置 `enable.idempotence=true`'] }],
      output: BS + 'enable.idempotence=true\n',
    },
    {
      name: 'Spring YAML: acks 1 with idempotence true',
      path: 'application.yml',
      code: springYaml('      acks: 1\n      properties:\n        "[enable.idempotence]": true\n'),
      errors: [{ text: '1', line: 4, severity: 'error' }],
      output: springYaml('      acks: all\n      properties:\n        "[enable.idempotence]": true\n'),
    },
  ],
});
