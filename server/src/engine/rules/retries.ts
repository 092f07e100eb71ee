// retries=0 (facts §2.3, §7, §8.3, §11.1): every transient error becomes a failed send.

import type { ConfigUnit, Fix, Setting } from '../model.js';
import type { Rule } from '../rule.js';
import { asInt, isDynamic } from './util.js';
import { MAX_INT, RETRIES, assignFor, kafkaAtLeast, placeholder, producerLike } from './idempotence.js';
import { clientSetting } from './librdkafka.js';

/** sarama retry budget we suggest: its default of 3 (×100 ms backoff) is often shorter than a leader election. */
const SARAMA_RETRIES = '10';

/** The retries setting in force. librdkafka's own name is `message.send.max.retries` (`retries` is its alias). */
function retriesSetting(unit: ConfigUnit): Setting | undefined {
  return clientSetting(unit, RETRIES);
}

const rule: Rule = {
  meta: {
    id: 'retries',
    severities: ['warning'],
    formats: ['properties', 'yaml', 'go'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Producer retries turned off (`retries=0`, sarama `Producer.Retry.Max = 0`).',
        zh: '关闭了生产者重试（`retries=0`，sarama `Producer.Retry.Max = 0`）。',
      },
      why: {
        en:
          'Leader elections, broker restarts and `NotEnoughReplicas` are transient: the producer is meant to retry them. With retries ' +
          'off, each one fails the send at once, and the record is lost unless the application checks every callback or future and ' +
          'resends. On a Java client ≥ 3.0, `retries=0` also turns off the default idempotence. Since Kafka 2.1 the default is ' +
          '2147483647 retries bounded by `delivery.timeout.ms` (2 minutes; KIP-91), and the Kafka docs advise leaving `retries` unset ' +
          'and tuning `delivery.timeout.ms` instead. sarama retries 3 times by default with a 100 ms backoff — often less than a leader ' +
          'election takes.',
        zh:
          'leader 选举、broker 重启和 `NotEnoughReplicas` 都是暂时性错误，生产者本应重试。关闭重试后，每次这类错误都会直接让发送失败，' +
          '除非应用检查每个回调或 future 并重发，否则记录就丢了。在 3.0 及以上的 Java 客户端上，`retries=0` 还会关闭默认的幂等性。' +
          '从 Kafka 2.1 起默认重试 2147483647 次，由 `delivery.timeout.ms`（2 分钟，KIP-91）限定总时长；Kafka 文档建议不设置 `retries`，' +
          '改为调整 `delivery.timeout.ms`。sarama 默认重试 3 次、间隔 100 毫秒，往往短于一次 leader 选举所需的时间。',
      },
      fix: {
        en:
          'Java ≥ 2.1 and librdkafka: remove the override (to fail faster, lower `delivery.timeout.ms` instead). Older Java targets: set ' +
          '`retries=2147483647`, the value Kafka 2.1 made the default. sarama: set `Producer.Retry.Max` to 10 (or remove it to get the ' +
          'default 3), and consider a longer `Producer.Retry.Backoff`. The fix is unsafe: a send now takes up to the retry budget to ' +
          'report a failure, and without idempotence a retry can duplicate a record.',
        zh:
          'Java ≥ 2.1 和 librdkafka：删除该覆盖（想更快失败请调小 `delivery.timeout.ms`）。更早的 Java 目标版本：设置 `retries=2147483647`，' +
          '即 Kafka 2.1 采用的默认值。sarama：把 `Producer.Retry.Max` 设为 10（或删除以使用默认值 3），并考虑加长 `Producer.Retry.Backoff`。' +
          '该修复不安全：发送失败要等整个重试预算用完才会报告，且没有幂等性时重试可能产生重复记录。',
      },
      references: [
        { title: 'Kafka producer configs: retries', url: 'https://kafka.apache.org/documentation/#producerconfigs_retries' },
        {
          title: 'KIP-91: Provide intuitive user timeouts in the producer',
          url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-91+Provide+Intuitive+User+Timeouts+in+The+Producer',
        },
        { title: 'Kafka 2.1 upgrade notes', url: 'https://kafka.apache.org/documentation/#upgrade_210_notable' },
        { title: 'sarama Config (Producer.Retry)', url: 'https://pkg.go.dev/github.com/IBM/sarama#Config' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\nacks=all\nretries=0\n',
          good: 'bootstrap.servers=localhost:9092\nacks=all\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.producer.acks=all\nspring.kafka.producer.retries=0\n',
          good: 'spring.kafka.producer.acks=all\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      acks: all\n      retries: 0\n',
          good: 'spring:\n  kafka:\n    producer:\n      acks: all\n',
        },
        {
          surface: 'sarama',
          path: 'producer.go',
          bad:
            'package main\n\nimport "github.com/IBM/sarama"\n\nfunc config() *sarama.Config {\n\tcfg := sarama.NewConfig()\n' +
            '\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Retry.Max = 0\n\treturn cfg\n}\n',
          good:
            'package main\n\nimport "github.com/IBM/sarama"\n\nfunc config() *sarama.Config {\n\tcfg := sarama.NewConfig()\n' +
            '\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Retry.Max = 10\n\treturn cfg\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    const f = ctx.fixer;
    for (const unit of ctx.file.units) {
      if (!producerLike(ctx.file, unit)) continue;
      const s = retriesSetting(unit);
      if (!s || isDynamic(s) || asInt(s.value) !== 0) continue;
      const shown = f.show(unit, s);
      const ph = placeholder(ctx, s);
      const fixes: Fix[] = [];
      let message: string;
      if (unit.client === 'sarama') {
        const fixed = assignFor(ctx, unit, s, SARAMA_RETRIES);
        message = ctx.t(
          {
            en:
              '`{shown}`{ph}: a leader election or `NotEnoughReplicas` fails the message at once instead of retrying; it is lost unless ' +
              'the application handles the error. Set `{fixed}` (sarama default: 3).',
            zh: '`{shown}`{ph}：leader 选举或 `NotEnoughReplicas` 会让消息直接失败而不重试；除非应用处理该错误，否则消息丢失。请设置 `{fixed}`（sarama 默认 3）。',
          },
          { shown, ph, fixed },
        );
        fixes.push(ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fixed }), 'unsafe', f.setValue(unit, s, SARAMA_RETRIES), true));
        fixes.push(ctx.makeFix(ctx.t({ en: 'Remove `{a}`', zh: '删除 `{a}`' }, { a: shown }), 'unsafe', f.remove(unit, s)));
      } else if ((unit.client === 'librdkafka' || kafkaAtLeast(ctx, unit, '2.1')) && !s.placeholderDefault) {
        // (A placeholder keeps its variable: only its default is changed, below.)
        message = ctx.t(
          {
            en:
              '`{shown}`{ph}: a leader election or `NotEnoughReplicas` fails the send at once instead of retrying; the record is lost ' +
              'unless the application handles the failure. Remove the override: the producer then retries until `{timeout}` ' +
              '({minutes} minutes by default) runs out.',
            zh:
              '`{shown}`{ph}：leader 选举或 `NotEnoughReplicas` 会让发送直接失败而不重试；除非应用处理该失败，否则记录丢失。' +
              '请删除该覆盖：生产者会一直重试，直到 `{timeout}`（默认 {minutes} 分钟）用完。',
          },
          // librdkafka bounds retries by its local message timeout (facts §11.1).
          unit.client === 'librdkafka' ? { shown, ph, timeout: 'message.timeout.ms', minutes: 5 } : { shown, ph, timeout: 'delivery.timeout.ms', minutes: 2 },
        );
        fixes.push(ctx.makeFix(ctx.t({ en: 'Remove `{a}`', zh: '删除 `{a}`' }, { a: shown }), 'unsafe', f.remove(unit, s), true));
      } else {
        const fixed = assignFor(ctx, unit, s, MAX_INT);
        message = ctx.t(
          {
            en:
              '`{shown}`{ph}: a leader election or `NotEnoughReplicas` fails the send at once instead of retrying; the record is lost ' +
              'unless the application handles the failure. Set `{fixed}` (the default since Kafka 2.1).',
            zh:
              '`{shown}`{ph}：leader 选举或 `NotEnoughReplicas` 会让发送直接失败而不重试；除非应用处理该失败，否则记录丢失。' +
              '请设置 `{fixed}`（Kafka 2.1 起的默认值）。',
          },
          { shown, ph, fixed },
        );
        fixes.push(ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fixed }), 'unsafe', f.setValue(unit, s, MAX_INT), true));
      }
      ctx.report({ severity: 'warning', message, span: s.valueSpan, fixes });
    }
  },
};

export default rule;
