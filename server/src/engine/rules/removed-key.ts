// Keys the Java client or broker no longer reads (facts §2.12, §3, §4.4): Kafka logs a warning
// and ignores them, so the setting someone relied on silently does nothing.

import { effective } from '../model.js';
import type { Rule } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { removedKey } from '../knowledge/index.js';

const rule: Rule = {
  meta: {
    id: 'removed-key',
    severities: ['warning'],
    formats: ['properties', 'yaml'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Settings the Java client or broker no longer reads (old Scala producer keys, keys removed in 0.9–2.0).',
        zh: 'Java 客户端或 broker 已不再读取的设置（旧 Scala 生产者的键，以及在 0.9–2.0 中移除的键）。',
      },
      why: {
        en:
          'Kafka does not fail on a key it does not know: it logs "supplied but isn\'t a known config" and goes on with the default. ' +
          'Old tutorials still recommend keys of the Scala producer (`producer.type`, `request.required.acks`, `queue.buffering.max.ms`, ' +
          '`queue.buffering.max.messages`, `queue.enqueue.timeout.ms`, `batch.num.messages`, `message.send.max.retries`; removed in ' +
          '2.0), producer keys removed in 0.11 (`metadata.fetch.timeout.ms`, `block.on.buffer.full`, `timeout.ms`) and the broker key ' +
          '`replica.lag.max.messages` (removed in 0.9). A setting meant to make delivery safer — `request.required.acks=-1` — then does ' +
          'nothing at all. librdkafka-based clients still read several of these names (`request.required.acks`, ' +
          '`queue.buffering.max.ms`, `batch.num.messages`, `message.send.max.retries`), so their configs are not checked.',
        zh:
          'Kafka 遇到不认识的键不会失败，只记录 “supplied but isn\'t a known config” 并继续使用默认值。旧教程仍在推荐 Scala 生产者的键' +
          '（`producer.type`、`request.required.acks`、`queue.buffering.max.ms`、`queue.buffering.max.messages`、`queue.enqueue.timeout.ms`、' +
          '`batch.num.messages`、`message.send.max.retries`，2.0 移除）、0.11 移除的生产者键（`metadata.fetch.timeout.ms`、`block.on.buffer.full`、' +
          '`timeout.ms`）以及 0.9 移除的 broker 键 `replica.lag.max.messages`。本想让投递更安全的设置，例如 `request.required.acks=-1`，其实毫无作用。' +
          '基于 librdkafka 的客户端仍读取其中几个名字（`request.required.acks`、`queue.buffering.max.ms`、`batch.num.messages`、' +
          '`message.send.max.retries`），因此不检查它们的配置。',
      },
      fix: {
        en:
          'Where a key has a direct successor (`request.required.acks` → `acks`, `queue.buffering.max.ms` → `linger.ms`, ' +
          '`message.send.max.retries` → `retries`) the fix renames it. That is unsafe: the value starts to take effect (5000 in ' +
          '`queue.buffering.max.ms` becomes a 5-second linger; `retries=3` replaces the default of 2147483647), so check it. When the ' +
          'successor is already set, or there is none, the fix removes the key, which is safe: the client ignores it anyway.',
        zh:
          '有直接替代键时（`request.required.acks` → `acks`、`queue.buffering.max.ms` → `linger.ms`、`message.send.max.retries` → `retries`），' +
          '修复会重命名它。这不安全：该值会开始生效（`queue.buffering.max.ms` 中的 5000 会变成 5 秒的 linger；`retries=3` 会取代默认的 2147483647），请检查。' +
          '替代键已经设置或不存在替代键时，修复会删除该键，这是安全的：客户端本来就忽略它。',
      },
      references: [
        { title: 'Kafka upgrade notes (0.9.0, 0.11.0, 2.0.0 removals)', url: 'https://kafka.apache.org/documentation/#upgrade' },
        { title: 'Kafka 0.8.2 producer configs (Scala producer)', url: 'https://kafka.apache.org/082/documentation.html#producerconfigs' },
        {
          title: 'KIP-16: Automated replica lag tuning',
          url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-16+-+Automated+Replica+Lag+Tuning',
        },
        { title: 'Kafka producer configs', url: 'https://kafka.apache.org/documentation/#producerconfigs' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\nproducer.type=sync\n',
          good: 'bootstrap.servers=localhost:9092\nacks=all\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[block.on.buffer.full]=true\n',
          good: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[max.block.ms]=60000\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[metadata.fetch.timeout.ms]": 60000\n',
          good: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[max.block.ms]": 60000\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad:
            'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    config:\n' +
            '      min.insync.replicas: 2\n      replica.lag.max.messages: 4000\n',
          good:
            'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    config:\n' +
            '      min.insync.replicas: 2\n      replica.lag.time.max.ms: 30000\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad:
            'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n' +
            '      KAFKA_REPLICA_LAG_MAX_MESSAGES: 4000\n',
          good: 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_NODE_ID: 1\n',
        },
      ],
    },
  },
  check(ctx) {
    const f = ctx.fixer;
    for (const unit of ctx.file.units) {
      // librdkafka still reads several of these names (facts §11.1); sarama has no such keys.
      if (unit.client !== 'java' && unit.client !== 'broker') continue;
      const settings = unit.settings;
      const versions = { client: unit.client, kafkaVersion: kafkaVersionOf(ctx, unit) };
      for (let i = 0; i < settings.length; i++) {
        const s = settings[i];
        // Filtered by the target version, except keys of the old Scala clients, which no Java
        // client ever read.
        const info = removedKey(s.key, unit.role, versions);
        if (!info) continue;
        const note = ctx.t(info.note);
        const present = info.successor ? effective(unit, info.successor) : undefined;
        // Titles name the Kafka keys: the editor keeps the surface's own form (a Spring map entry stays one).
        const data = {
          key: s.sourceKey,
          version: info.removedIn,
          note,
          old: s.key,
          succ: present ? present.sourceKey : info.successor ?? '',
        };
        const removeFix = (preferred: boolean) =>
          ctx.makeFix(ctx.t({ en: 'Remove `{a}`', zh: '删除 `{a}`' }, { a: f.show(unit, s) }), 'safe', f.remove(unit, s), preferred);
        const head = ctx.t(
          info.javaClientIgnores
            ? {
                // The note already says which Scala client it belongs to and when that was removed.
                en: '`{key}` has no effect: the Java client ignores it, with only a warning in the log. {note}',
                zh: '`{key}` 不起作用：Java 客户端会忽略它，日志里只有一条警告。{note}',
              }
            : {
                en: '`{key}` was removed in Kafka {version}: it is ignored, with only a warning in the log. {note}',
                zh: '`{key}` 已在 Kafka {version} 中移除：它会被忽略，日志里只有一条警告。{note}',
              },
          data,
        );
        if (present) {
          ctx.report({
            severity: 'warning',
            message:
              head +
              ctx.t({ en: ' `{succ}` is already set; remove this line.', zh: '`{succ}` 已经设置；请删除这一行。' }, data),
            span: s.keySpan,
            fixes: [removeFix(true)],
          });
        } else if (info.successor) {
          ctx.report({
            severity: 'warning',
            message:
              head +
              ctx.t(
                {
                  en: ' Remove it, so the current default of `{succ}` applies; or rename it to `{succ}` if you need this value, which then takes effect.',
                  zh: '请删除它，让 `{succ}` 采用当前默认值；如果确实需要这个值，可重命名为 `{succ}`，重命名后它会开始生效。',
                },
                data,
              ),
            span: s.keySpan,
            fixes: [
              // Removing is preferred: the successor's default is at least as safe as the old
              // value (acks defaults to all, retries to MAX_INT), while a renamed value may not be
              // (message.send.max.retries=3 as retries=3, queue.buffering.max.ms=5000 as a 5 s linger).
              removeFix(true),
              ctx.makeFix(
                ctx.t({ en: 'Rename `{old}` to `{succ}`', zh: '将 `{old}` 重命名为 `{succ}`' }, data),
                'unsafe',
                f.rename(unit, s, info.successor!),
              ),
            ],
          });
        } else {
          ctx.report({
            severity: 'warning',
            message: head + ctx.t({ en: ' Remove it.', zh: '请删除它。' }),
            span: s.keySpan,
            fixes: [removeFix(true)],
          });
        }
      }
    }
  },
};

export default rule;
