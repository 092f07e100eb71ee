import { ruleTester } from '../helpers/ruleTester.js';

const go = (body: string, ctor: string, ret = 'sarama.AsyncProducer') =>
  `package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (${ret}, error) {\n` +
  '\tcfg := sarama.NewConfig()\n' +
  body +
  `\treturn sarama.${ctor}(brokers, cfg)\n}\n`;

const sync = (body: string) => go(body, 'NewSyncProducer', 'sarama.SyncProducer');

/** A SyncProducer whose config a function of the file fills in (`body` is that function's). */
const viaHelper = (body: string) =>
  'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n' +
  '\tcfg := sarama.NewConfig()\n\tsetProducer(cfg)\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n\n' +
  `func setProducer(out *sarama.Config) {\n${body}}\n`;

/** A function given its config by callers elsewhere. */
const given = (body: string) =>
  `package kafka\n\nimport "github.com/IBM/sarama"\n\nfunc NewProducer(brokers []string, cfg *sarama.Config) (sarama.SyncProducer, error) {\n${body}\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n`;
const async = (body: string) => go(body, 'NewAsyncProducer');

ruleTester('sarama-errors', {
  valid: [
    { name: 'SyncProducer with Return.Successes', path: 'producer.go', code: sync('\tcfg.Producer.Return.Successes = true\n') },
    { name: 'AsyncProducer with defaults', path: 'producer.go', code: async('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n') },
    { name: 'AsyncProducer with Return.Errors true', path: 'producer.go', code: async('\tcfg.Producer.Return.Errors = true\n') },
    { name: 'dynamic Return.Successes', path: 'producer.go', code: sync('\tcfg.Producer.Return.Successes = wantSuccesses\n') },
    { name: 'SyncProducer whose config a function of the file completes', path: 'producer.go', code: viaHelper('\tout.Producer.Return.Successes = true\n') },
    { name: 'SyncProducer on a config callers elsewhere pass in: unset is not known', path: 'producer.go', code: given('') },
    {
      // (a failed message puts the transaction in an error state and CommitTxn returns it)
      name: 'transactional AsyncProducer with Return.Errors false',
      path: 'producer.go',
      code: async(
        '\tcfg.Producer.Idempotent = true\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Net.MaxOpenRequests = 1\n' +
          '\tcfg.Producer.Transaction.ID = "orders-tx"\n\tcfg.Producer.Return.Errors = false\n',
      ),
    },
    { name: 'transactional AsyncProducer whose ID is read at run time', path: 'producer.go', code: async('\tcfg.Producer.Transaction.ID = txnID\n\tcfg.Producer.Return.Errors = false\n') },
    { name: 'consumer config', path: 'consumer.go', code: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newConsumer(brokers []string) (sarama.ConsumerGroup, error) {\n\tcfg := sarama.NewConfig()\n\treturn sarama.NewConsumerGroup(brokers, "g", cfg)\n}\n' },
  ],
  invalid: [
    {
      name: 'AsyncProducer with Return.Errors false',
      path: 'producer.go',
      code: async('\tcfg.Producer.Return.Errors = false\n'),
      errors: [
        {
          text: 'false',
          line: 7,
          severity: 'warning',
          message: '`cfg.Producer.Return.Errors = false`: a message that fails after its retries is only passed to `sarama.Logger`',
          fixes: ['Set `cfg.Producer.Return.Errors = true`'],
        },
      ],
      output: async('\tcfg.Producer.Return.Errors = true\n'),
    },
    {
      name: 'unsafe Return.Errors fix is not applied in a safe-only run',
      path: 'producer.go',
      code: async('\tcfg.Producer.Return.Errors = false\n'),
      errors: [{ text: 'false', severity: 'warning' }],
      output: async('\tcfg.Producer.Return.Errors = false\n'),
      safeOnly: true,
      remainingAfterFix: 1,
    },
    {
      name: 'SyncProducer without Return.Successes',
      path: 'producer.go',
      code: sync('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n'),
      errors: [
        {
          text: 'sarama.NewConfig()',
          line: 6,
          severity: 'error',
          message: /^`Producer\.Return\.Successes` is unset \(the newest sarama \(v[\d.]+\) default is `false`\), but this config is passed to `sarama\.NewSyncProducer`/,
          fixes: ['Set `cfg.Producer.Return.Successes = true`'],
        },
      ],
      output: sync('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Return.Successes = true\n'),
      safeOnly: true,
    },
    {
      name: 'SyncProducer with Return.Successes false',
      path: 'producer.go',
      code: sync('\tcfg.Producer.Return.Successes = false\n'),
      errors: [{ text: 'false', severity: 'error', message: '`cfg.Producer.Return.Successes = false`, but this config is passed to `sarama.NewSyncProducer`' }],
      output: sync('\tcfg.Producer.Return.Successes = true\n'),
      safeOnly: true,
    },
    {
      name: 'an empty Transaction.ID is not transactional',
      path: 'producer.go',
      code: async('\tcfg.Producer.Transaction.ID = ""\n\tcfg.Producer.Return.Errors = false\n'),
      errors: [{ text: 'false', line: 8, severity: 'warning', message: 'is only passed to `sarama.Logger`' }],
      output: async('\tcfg.Producer.Transaction.ID = ""\n\tcfg.Producer.Return.Errors = true\n'),
    },
    {
      name: 'a transactional SyncProducer with Return.Errors false: the constructor still fails',
      path: 'producer.go',
      code: sync('\tcfg.Producer.Transaction.ID = "tx"\n\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.Return.Errors = false\n'),
      errors: [{ text: 'false', line: 9, severity: 'error', message: 'which requires `Producer.Return.Errors` to be true' }],
      output: sync('\tcfg.Producer.Transaction.ID = "tx"\n\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.Return.Errors = true\n'),
      safeOnly: true,
    },
    {
      name: 'SyncProducer with Return.Errors false: the constructor fails too',
      path: 'producer.go',
      code: sync('\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.Return.Errors = false\n'),
      errors: [{ text: 'false', line: 8, severity: 'error', message: 'which requires `Producer.Return.Errors` to be true' }],
      output: sync('\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.Return.Errors = true\n'),
      safeOnly: true,
    },
    {
      name: 'a function of the file sets Return.Successes to false on the config passed to it',
      path: 'producer.go',
      code: viaHelper('\tout.Producer.Return.Successes = false\n'),
      errors: [
        {
          text: 'false',
          line: 12,
          severity: 'error',
          message: '`out.Producer.Return.Successes = false`, but this config is passed to `sarama.NewSyncProducer`',
          // Named as the assignment the fix rewrites, in the function, not after the caller's variable.
          fixes: ['Set `out.Producer.Return.Successes = true`'],
        },
      ],
      output: viaHelper('\tout.Producer.Return.Successes = true\n'),
      safeOnly: true,
    },
    {
      name: 'a config callers pass in is judged on what the function sets',
      path: 'producer.go',
      code: given('\tcfg.Producer.Return.Successes = false\n'),
      errors: [{ text: 'false', line: 6, severity: 'error', message: '`cfg.Producer.Return.Successes = false`, but this config is passed to `sarama.NewSyncProducer`' }],
      output: given('\tcfg.Producer.Return.Successes = true\n'),
      safeOnly: true,
    },
    {
      name: 'Chinese messages',
      path: 'producer.go',
      options: { locale: 'zh-cn' },
      code: async('\tcfg.Producer.Return.Errors = false\n'),
      errors: [{ text: 'false', message: '默认丢弃所有输出', fixes: ['设置 `cfg.Producer.Return.Errors = true`'] }],
      output: async('\tcfg.Producer.Return.Errors = true\n'),
    },
  ],
});
