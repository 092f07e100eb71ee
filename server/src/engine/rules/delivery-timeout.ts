// delivery.timeout.ms < linger.ms + request.timeout.ms (facts §2.5, §2.9): the Java producer
// refuses an explicit value below the sum (KafkaProducer.configureDeliveryTimeout).

import type { Rule } from '../rule.js';
import type { Setting } from '../model.js';
import { asInt, reportAt } from './util.js';
import { assignFor, defaultOf, explicit, kafkaAtLeast, placeholder, producerLike } from './idempotence.js';

const DELIVERY = 'delivery.timeout.ms';
const LINGER = 'linger.ms';
const REQUEST = 'request.timeout.ms';

const rule: Rule = {
  meta: {
    id: 'delivery-timeout',
    severities: ['error'],
    formats: ['properties', 'yaml'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'An explicit `delivery.timeout.ms` below `linger.ms` + `request.timeout.ms`: the producer does not start.',
        zh: '显式设置的 `delivery.timeout.ms` 小于 `linger.ms` + `request.timeout.ms`：生产者无法启动。',
      },
      why: {
        en:
          '`delivery.timeout.ms` (Kafka 2.1+, KIP-91) bounds the whole life of a send: waiting in a batch (`linger.ms`), waiting for the ' +
          'acknowledgement (`request.timeout.ms`) and retries. When it is set explicitly below `linger.ms` + `request.timeout.ms`, ' +
          'the Java producer throws a ConfigException at construction; when it is unset, the producer raises it to that sum with a ' +
          'warning. The settings left unset take the default of the target version: `linger.ms` is 5 since Kafka 4.0 (0 before) and ' +
          '`request.timeout.ms` is 30000, so `delivery.timeout.ms=30000` starts on 3.9 and fails on 4.0. A low value also means sends ' +
          'fail during an ordinary leader election or broker restart.',
        zh:
          '`delivery.timeout.ms`（Kafka 2.1 起，KIP-91）限定一次发送的全过程：在批次中等待（`linger.ms`）、等待确认（`request.timeout.ms`）以及重试。' +
          '显式设置的值小于 `linger.ms` + `request.timeout.ms` 时，Java 生产者在构造时抛出 ConfigException；未设置时，生产者会把它提高到这个和并记录警告。' +
          '未设置的项取目标版本的默认值：`linger.ms` 自 Kafka 4.0 起为 5（之前为 0），`request.timeout.ms` 为 30000，因此 `delivery.timeout.ms=30000` ' +
          '在 3.9 上能启动，在 4.0 上会失败。过小的值还意味着普通的 leader 选举或 broker 重启期间发送就会失败。',
      },
      fix: {
        en:
          'Set `delivery.timeout.ms` to `linger.ms` + `request.timeout.ms`, or remove it (default 120000, raised to the sum when needed). ' +
          'Both fixes are safe: the producer cannot start with the current value. Consider a larger value so retries can outlast a ' +
          'leader election.',
        zh:
          '把 `delivery.timeout.ms` 设为 `linger.ms` + `request.timeout.ms`，或删除它（默认 120000，必要时会被提高到该和）。两种修复都是安全的：' +
          '当前值下生产者根本无法启动。建议取更大的值，让重试能够撑过一次 leader 选举。',
      },
      references: [
        { title: 'Kafka producer configs: delivery.timeout.ms', url: 'https://kafka.apache.org/documentation/#producerconfigs_delivery.timeout.ms' },
        {
          title: 'KIP-91: Provide intuitive user timeouts in the producer',
          url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-91+Provide+Intuitive+User+Timeouts+in+The+Producer',
        },
        { title: 'Kafka 4.0 upgrade notes (linger.ms default 5)', url: 'https://kafka.apache.org/documentation/#upgrade_4_0_0' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\ndelivery.timeout.ms=30000\n',
          good: 'bootstrap.servers=localhost:9092\ndelivery.timeout.ms=120000\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[delivery.timeout.ms]=20000\n',
          good: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[delivery.timeout.ms]=120000\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      properties:\n        "[delivery.timeout.ms]": 20000\n',
          good: 'spring:\n  kafka:\n    producer:\n      properties:\n        "[delivery.timeout.ms]": 120000\n',
        },
      ],
    },
  },
  check(ctx) {
    const f = ctx.fixer;
    for (const unit of ctx.file.units) {
      // librdkafka's delivery.timeout.ms is an alias of message.timeout.ms, without this check.
      if (unit.client !== 'java' || !producerLike(ctx.file, unit)) continue;
      if (!kafkaAtLeast(ctx, unit, '2.1')) continue;
      const dt = explicit(unit, DELIVERY);
      if (!dt.setting || dt.dynamic) continue;
      const delivery = asInt(dt.setting.value);
      if (delivery === undefined) continue;
      const parts: { key: string; value: number; assumed?: string }[] = [];
      const written: Setting[] = [];
      let unknown = false;
      for (const key of [LINGER, REQUEST]) {
        const e = explicit(unit, key);
        if (e.dynamic) unknown = true;
        else if (e.setting) {
          const v = asInt(e.setting.value);
          if (v === undefined) unknown = true;
          else {
            parts.push({ key, value: v });
            written.push(e.setting);
          }
        } else {
          const d = defaultOf(ctx, unit, key);
          const v = asInt(d?.value);
          if (!d || v === undefined) unknown = true;
          else parts.push({ key, value: v, assumed: d.source });
        }
      }
      if (unknown) continue;
      const sum = parts[0].value + parts[1].value;
      if (delivery >= sum) continue;
      const shown = f.show(unit, dt.setting);
      const assumed = parts
        .filter((p) => p.assumed)
        .map((p) =>
          ctx.t({ en: '`{key}` unset: the {source} is {value}', zh: '`{key}` 未设置，默认值（{source}）为 {value}' }, {
            key: f.keyName(unit, p.key),
            source: p.assumed!,
            value: p.value,
          }),
        );
      const note = assumed.length ? ctx.t({ en: ' ({a})', zh: '（{a}）' }, { a: assumed.join(ctx.locale === 'zh-cn' ? '；' : '; ') }) : '';
      const fixed = assignFor(ctx, unit, dt.setting, String(sum));
      ctx.report({
        severity: 'error',
        message: ctx.t(
          {
            en:
              '`{shown}`{ph} is below `linger.ms` + `request.timeout.ms` = {linger} + {request} = {sum}{note}: the producer fails at ' +
              'startup with a ConfigException. Set `{fixed}` or more, or remove the setting.',
            zh:
              '`{shown}`{ph} 小于 `linger.ms` + `request.timeout.ms` = {linger} + {request} = {sum}{note}：生产者启动时会抛出 ConfigException。' +
              '请设置 `{fixed}` 或更大的值，或删除该设置。',
          },
          { shown, ph: placeholder(ctx, dt.setting), linger: parts[0].value, request: parts[1].value, sum, note, fixed },
        ),
        // (an inherited timeout fails here because of this unit's own linger or request timeout)
        ...reportAt(unit, dt.setting, ...written),
        fixes: [
          ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fixed }), 'safe', f.setValue(unit, dt.setting, String(sum)), true),
          ctx.makeFix(ctx.t({ en: 'Remove `{a}`', zh: '删除 `{a}`' }, { a: shown }), 'safe', f.remove(unit, dt.setting)),
        ],
      });
    }
  },
};

export default rule;
