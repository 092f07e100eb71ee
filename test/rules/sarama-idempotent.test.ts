import { ruleTester } from '../helpers/ruleTester.js';

const go = (body: string, ctor = 'NewAsyncProducer') =>
  'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.AsyncProducer, error) {\n' +
  '\tcfg := sarama.NewConfig()\n' +
  body +
  `\treturn sarama.${ctor}(brokers, cfg)\n}\n`;

const ALL = '\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Net.MaxOpenRequests = 1\n';

/** A function that configures a config its callers, elsewhere, pass in. */
const given = (body: string) => `package kafka\n\nimport "github.com/IBM/sarama"\n\nfunc Configure(cfg *sarama.Config) {\n${body}}\n`;

ruleTester('sarama-idempotent', {
  valid: [
    { name: 'every prerequisite set', path: 'producer.go', code: go('\tcfg.Producer.Idempotent = true\n' + ALL) },
    { name: 'not idempotent', path: 'producer.go', code: go('\tcfg.Producer.RequiredAcks = sarama.WaitForLocal\n') },
    { name: 'Idempotent false', path: 'producer.go', code: go('\tcfg.Producer.Idempotent = false\n') },
    { name: 'explicit new enough version', path: 'producer.go', code: go('\tcfg.Version = sarama.V2_1_0_0\n\tcfg.Producer.Idempotent = true\n' + ALL) },
    { name: 'dynamic prerequisite is not judged', path: 'producer.go', code: go('\tcfg.Producer.Idempotent = true\n\tcfg.Producer.RequiredAcks = acks\n\tcfg.Net.MaxOpenRequests = 1\n') },
    { name: 'dynamic Idempotent', path: 'producer.go', code: go('\tcfg.Producer.Idempotent = idem\n') },
    { name: 'sarama.DefaultVersion of a current sarama', path: 'producer.go', code: go('\tcfg.Version = sarama.DefaultVersion\n\tcfg.Producer.Idempotent = true\n' + ALL) },
    { name: 'a config callers pass in: what they set is not known', path: 'producer.go', code: given('\tcfg.Producer.Idempotent = true\n') },
    { name: 'Retry.Max above 0', path: 'producer.go', code: go('\tcfg.Producer.Idempotent = true\n' + ALL + '\tcfg.Producer.Retry.Max = 10\n') },
  ],
  invalid: [
    {
      name: 'Idempotent alone fails validation',
      path: 'producer.go',
      code: go('\tcfg.Producer.Idempotent = true\n'),
      errors: [
        {
          text: 'true',
          line: 7,
          severity: 'error',
          message: /^`cfg\.Producer\.Idempotent = true` without its prerequisites: `Producer\.RequiredAcks` is unset \(the newest sarama \(v[\d.]+\) default is `sarama\.WaitForLocal`\); `Net\.MaxOpenRequests` is unset \(.* is `5`\)\. `Config\.Validate\(\)` rejects this config/,
          fixes: ['Set `cfg.Producer.RequiredAcks = sarama.WaitForAll`, `cfg.Net.MaxOpenRequests = 1`'],
        },
      ],
      output: go('\tcfg.Producer.Idempotent = true\n' + ALL),
    },
    {
      name: 'explicit wrong values are changed in place',
      path: 'producer.go',
      code: go('\tcfg.Producer.RequiredAcks = sarama.WaitForLocal\n\tcfg.Net.MaxOpenRequests = 5\n\tcfg.Producer.Retry.Max = 0\n\tcfg.Producer.Idempotent = true\n'),
      errors: [
        {
          text: 'true',
          line: 10,
          message: '`cfg.Producer.RequiredAcks = sarama.WaitForLocal`; `cfg.Net.MaxOpenRequests = 5`; `cfg.Producer.Retry.Max = 0`',
          fixes: ['Set `cfg.Producer.RequiredAcks = sarama.WaitForAll`, `cfg.Net.MaxOpenRequests = 1`, `cfg.Producer.Retry.Max = 3`'],
        },
      ],
      output: go('\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Net.MaxOpenRequests = 1\n\tcfg.Producer.Retry.Max = 3\n\tcfg.Producer.Idempotent = true\n'),
    },
    {
      name: 'a config callers pass in: only what the function sets wrong',
      path: 'producer.go',
      code: given('\tcfg.Producer.Idempotent = true\n\tcfg.Net.MaxOpenRequests = 5\n'),
      errors: [
        {
          text: 'true',
          line: 6,
          message: /without its prerequisites: `cfg\.Net\.MaxOpenRequests = 5`\. /,
          fixes: ['Set `cfg.Net.MaxOpenRequests = 1`'],
        },
      ],
      output: given('\tcfg.Producer.Idempotent = true\n\tcfg.Net.MaxOpenRequests = 1\n'),
    },
    {
      name: 'explicit old version',
      path: 'producer.go',
      code: go('\tcfg.Version = sarama.V0_10_2_0\n\tcfg.Producer.Idempotent = true\n' + ALL),
      errors: [{ text: 'true', message: '`cfg.Version = sarama.V0_10_2_0`', fixes: ['Set `cfg.Version = sarama.V0_11_0_0`'] }],
      output: go('\tcfg.Version = sarama.V0_11_0_0\n\tcfg.Producer.Idempotent = true\n' + ALL),
    },
    {
      name: 'old sarama whose default version is V0_8_2_0',
      path: 'producer.go',
      options: { saramaVersion: '1.26.0' },
      code: go('\tcfg.Producer.Idempotent = true\n' + ALL),
      errors: [{ text: 'true', message: /`Version` is unset \(the sarama v1\.26\.0 default is `sarama\.V0_8_2_0`\)/, fixes: ['Set `cfg.Version = sarama.V0_11_0_0`'] }],
      output: go('\tcfg.Producer.Idempotent = true\n' + ALL + '\tcfg.Version = sarama.V0_11_0_0\n'),
    },
    {
      name: 'sarama.DefaultVersion of an old sarama',
      path: 'producer.go',
      options: { saramaVersion: '1.26.0' },
      code: go('\tcfg.Version = sarama.DefaultVersion\n\tcfg.Producer.Idempotent = true\n' + ALL),
      errors: [{ text: 'true', message: '`cfg.Version = sarama.DefaultVersion`', fixes: ['Set `cfg.Version = sarama.V0_11_0_0`'] }],
      output: go('\tcfg.Version = sarama.V0_11_0_0\n\tcfg.Producer.Idempotent = true\n' + ALL),
    },
    {
      name: 'Chinese messages',
      path: 'producer.go',
      options: { locale: 'zh-cn' },
      code: go('\tcfg.Producer.Idempotent = true\n' + '\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n'),
      errors: [{ text: 'true', message: '缺少前提条件', fixes: ['设置 `cfg.Net.MaxOpenRequests = 1`'] }],
      output: go('\tcfg.Producer.Idempotent = true\n' + ALL),
    },
  ],
});
