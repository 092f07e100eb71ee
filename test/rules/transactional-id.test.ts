import { ruleTester } from '../helpers/ruleTester.js';

const BS = 'bootstrap.servers=localhost:9092\n';

const springYaml = (producer: string) => 'spring:\n  kafka:\n    producer:\n' + producer;

const goFile = (body: string) =>
  'package main\n\nimport "github.com/IBM/sarama"\n\nfunc config() *sarama.Config {\n\tcfg := sarama.NewConfig()\n' + body + '\treturn cfg\n}\n';

ruleTester('transactional-id', {
  valid: [
    { name: 'idempotence by default', path: 'producer.properties', code: BS + 'transactional.id=tx-1\nacks=all\n' },
    { name: 'explicit idempotence', path: 'producer.properties', code: BS + 'transactional.id=tx-1\nenable.idempotence=true\n' },
    {
      name: 'explicit idempotence with acks=1: the idempotence rule reports that',
      path: 'producer.properties',
      code: BS + 'transactional.id=tx-1\nenable.idempotence=true\nacks=1\n',
    },
    { name: 'no transactional.id', path: 'producer.properties', code: BS + 'enable.idempotence=false\n' },
    { name: 'dynamic idempotence', path: 'producer.properties', code: BS + 'transactional.id=tx-1\nenable.idempotence=${IDEM}\n' },
    { name: 'dynamic acks', path: 'producer.properties', code: BS + 'transactional.id=tx-1\nacks=${ACKS}\n' },
    { name: 'Spring: prefix with acks=all', path: 'application.properties', code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.producer.acks=all\n' },
    { name: 'Spring YAML: prefix alone', path: 'application.yml', code: springYaml('      transaction-id-prefix: tx-\n') },
    {
      name: 'sarama: Idempotent = true (prerequisites are sarama-idempotent\'s)',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.Transaction.ID = "tx-1"\n\tcfg.Producer.Idempotent = true\n'),
    },
    {
      name: 'sarama: a config callers pass in may have Idempotent set there',
      path: 'producer.go',
      code: 'package kafka\n\nimport "github.com/IBM/sarama"\n\nfunc Transactional(cfg *sarama.Config) {\n\tcfg.Producer.Transaction.ID = "tx-1"\n}\n',
    },
    { name: 'sarama: no transaction', path: 'producer.go', code: goFile('\tcfg.Producer.Idempotent = false\n\tcfg.Producer.Return.Successes = true\n') },
  ],
  invalid: [
    {
      name: 'explicit idempotence false',
      path: 'producer.properties',
      code: BS + 'transactional.id=tx-1\nenable.idempotence=false\n',
      safeOnly: true,
      errors: [
        {
          text: 'false',
          line: 3,
          severity: 'error',
          message: '`enable.idempotence=false` with `transactional.id=tx-1`: transactions need idempotence',
          fixes: ['Set `enable.idempotence=true`'],
        },
      ],
      output: BS + 'transactional.id=tx-1\nenable.idempotence=true\n',
    },
    {
      name: 'explicit false with acks=1: both repaired',
      path: 'producer.properties',
      code: BS + 'transactional.id=tx-1\nacks=1\nenable.idempotence=false\n',
      errors: [{ text: 'false', line: 4, fixes: ['Set `enable.idempotence=true` and `acks=all`'] }],
      output: BS + 'transactional.id=tx-1\nacks=all\nenable.idempotence=true\n',
    },
    {
      name: 'acks=1 turns the default idempotence off',
      path: 'producer.properties',
      code: BS + 'transactional.id=tx-1\nacks=1\n',
      safeOnly: true,
      errors: [
        {
          text: '1',
          line: 3,
          severity: 'error',
          message: '`acks=1` with `transactional.id=tx-1`: transactions need idempotence, which this value turns off',
          fixes: ['Set `acks=all`'],
        },
      ],
      output: BS + 'transactional.id=tx-1\nacks=all\n',
    },
    {
      name: 'retries=0 on 2.8',
      path: 'producer.properties',
      code: BS + 'retries=0\ntransactional.id=tx-1\n',
      options: { kafkaVersion: '2.8' },
      errors: [{ text: '0', line: 2, severity: 'error', message: 'Remove `retries=0`.', fixes: ['Remove `retries=0`'] }],
      output: BS + 'transactional.id=tx-1\n',
    },
    {
      name: 'Simplified Chinese',
      path: 'producer.properties',
      code: BS + 'transactional.id=tx-1\nenable.idempotence=false\n',
      options: { locale: 'zh-cn' },
      errors: [{ text: 'false', message: '事务需要幂等性', fixes: ['设置 `enable.idempotence=true`'] }],
      output: BS + 'transactional.id=tx-1\nenable.idempotence=true\n',
    },
    {
      name: 'Spring: transaction-id-prefix with acks=1',
      path: 'application.properties',
      code: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.producer.acks=1\n',
      errors: [
        {
          text: '1',
          line: 2,
          severity: 'error',
          message: 'with `spring.kafka.producer.transaction-id-prefix=tx-`',
          fixes: ['Set `spring.kafka.producer.acks=all`'],
        },
      ],
      output: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.producer.acks=all\n',
    },
    {
      name: 'Spring YAML: transaction-id-prefix with retries: 0',
      path: 'application.yml',
      code: springYaml('      transaction-id-prefix: tx-\n      retries: 0\n'),
      errors: [{ text: '0', line: 5, severity: 'error' }],
      output: springYaml('      transaction-id-prefix: tx-\n'),
    },
    {
      name: 'Spring YAML: idempotence false, acks 1 and retries 0 repaired in one fix',
      path: 'application.yml',
      code: springYaml('      transaction-id-prefix: tx-\n      acks: 1\n      retries: 0\n      properties:\n        "[enable.idempotence]": false\n'),
      safeOnly: true,
      errors: [{ text: 'false', line: 8, severity: 'error' }],
      output: springYaml('      transaction-id-prefix: tx-\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n'),
    },
    {
      name: 'sarama: Transaction.ID without Idempotent',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.Transaction.ID = "tx-1"\n'),
      errors: [
        {
          text: 'cfg.Producer.Transaction.ID',
          line: 7,
          severity: 'error',
          message: 'Transactional producer requires Idempotent to be true',
          fixes: [
            'Set `cfg.Producer.Idempotent = true`, `cfg.Producer.RequiredAcks = sarama.WaitForAll` and `cfg.Net.MaxOpenRequests = 1`',
          ],
        },
      ],
      output: goFile(
        '\tcfg.Producer.Transaction.ID = "tx-1"\n\tcfg.Producer.Idempotent = true\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n' +
          '\tcfg.Net.MaxOpenRequests = 1\n',
      ),
    },
    {
      name: 'sarama: an explicit Version below V0_11_0_0 is raised too',
      path: 'producer.go',
      code: goFile('\tcfg.Version = sarama.V0_10_2_0\n\tcfg.Producer.Transaction.ID = "tx-1"\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Net.MaxOpenRequests = 1\n'),
      errors: [{ text: 'cfg.Producer.Transaction.ID', line: 8, fixes: ['Set `cfg.Producer.Idempotent = true` and `cfg.Version = sarama.V0_11_0_0`'] }],
      output: goFile(
        '\tcfg.Version = sarama.V0_11_0_0\n\tcfg.Producer.Transaction.ID = "tx-1"\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n' +
          '\tcfg.Net.MaxOpenRequests = 1\n\tcfg.Producer.Idempotent = true\n',
      ),
    },
    {
      name: 'sarama before v1.27.1 defaulted to V0_8_2_0: Version is inserted',
      path: 'producer.go',
      code: goFile('\tcfg.Producer.Transaction.ID = "tx-1"\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Net.MaxOpenRequests = 1\n'),
      options: { saramaVersion: '1.26.4' },
      errors: [{ text: 'cfg.Producer.Transaction.ID', fixes: ['Set `cfg.Producer.Idempotent = true` and `cfg.Version = sarama.V0_11_0_0`'] }],
      output: goFile(
        '\tcfg.Producer.Transaction.ID = "tx-1"\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Net.MaxOpenRequests = 1\n' +
          '\tcfg.Producer.Idempotent = true\n\tcfg.Version = sarama.V0_11_0_0\n',
      ),
    },
    {
      name: 'sarama: Idempotent = false with retries off',
      path: 'producer.go',
      code: goFile(
        '\tcfg.Producer.Transaction.ID = "tx-1"\n\tcfg.Producer.Idempotent = false\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n' +
          '\tcfg.Net.MaxOpenRequests = 1\n\tcfg.Producer.Retry.Max = 0\n',
      ),
      errors: [
        {
          text: 'false',
          line: 8,
          severity: 'error',
          fixes: ['Set `cfg.Producer.Idempotent = true` and `cfg.Producer.Retry.Max = 3`'],
        },
      ],
      output: goFile(
        '\tcfg.Producer.Transaction.ID = "tx-1"\n\tcfg.Producer.Idempotent = true\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n' +
          '\tcfg.Net.MaxOpenRequests = 1\n\tcfg.Producer.Retry.Max = 3\n',
      ),
    },
  ],
});
