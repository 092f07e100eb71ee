import { ruleTester } from '../helpers/ruleTester.js';

const go = (body: string, ctor: string, ret = 'sarama.AsyncProducer') =>
  `package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (${ret}, error) {\n` +
  '\tcfg := sarama.NewConfig()\n' +
  body +
  `\treturn sarama.${ctor}(brokers, cfg)\n}\n`;

const sync = (body: string) => go(body, 'NewSyncProducer', 'sarama.SyncProducer');
const async = (body: string) => go(body, 'NewAsyncProducer');

ruleTester('sarama-errors', {
  valid: [
    { name: 'SyncProducer with Return.Successes', path: 'producer.go', code: sync('\tcfg.Producer.Return.Successes = true\n') },
    { name: 'AsyncProducer with defaults', path: 'producer.go', code: async('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n') },
    { name: 'AsyncProducer with Return.Errors true', path: 'producer.go', code: async('\tcfg.Producer.Return.Errors = true\n') },
    { name: 'dynamic Return.Successes', path: 'producer.go', code: sync('\tcfg.Producer.Return.Successes = wantSuccesses\n') },
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
      name: 'SyncProducer with Return.Errors false: the constructor fails too',
      path: 'producer.go',
      code: sync('\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.Return.Errors = false\n'),
      errors: [{ text: 'false', line: 8, severity: 'error', message: 'which requires `Producer.Return.Errors` to be true' }],
      output: sync('\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.Return.Errors = true\n'),
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
