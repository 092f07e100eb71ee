// acks (facts §2.1, §7, §8.1, §8.2, §11.1): how many replicas must have a record before the
// producer counts it as written.

import type { ConfigUnit, Setting } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { definitelyProducer, isDynamic, normAcks } from './util.js';
import { ACKS, assignFor, defaultOf, placeholder, producerLike, transactionalId } from './idempotence.js';
import { clientSetting } from './librdkafka.js';

/** The acks setting in force. librdkafka's own name is `request.required.acks` (`acks` is its alias). */
function acksSetting(unit: ConfigUnit): Setting | undefined {
  return clientSetting(unit, ACKS);
}

const BINDER_UNSET: L10n = {
  en:
    '`{key}` is unset: the Kafka binder sets `acks` from it for every binding, and up to Spring Cloud Stream 5.0.1 its default is `1`, ' +
    'which overrides the Kafka client\'s `all` (and with it idempotence): the leader acknowledges before the followers copy the record, ' +
    'and a leader failure loses it. Binder 5.0.2 and later default to `all`; setting it keeps every version safe. Set `{fixed}`.',
  zh:
    '未设置 `{key}`：Kafka binder 用它为每个绑定设置 `acks`，而 Spring Cloud Stream 5.0.1 及更早版本的默认值是 `1`，' +
    '会覆盖 Kafka 客户端的默认值 `all`（幂等性也随之关闭）：leader 在 follower 复制记录之前就确认，leader 故障会丢失该记录。' +
    'binder 5.0.2 起默认为 `all`；显式设置可确保所有版本都安全。请设置 `{fixed}`。',
};

const BINDER_UNSET_TX: L10n = {
  en:
    '`{key}` is unset while the binder runs transactions (`{tx}`): up to Spring Cloud Stream 5.0.1 its default `1` reaches the producer ' +
    'as an explicit `acks`, which turns idempotence off, and a transactional producer without idempotence fails at startup with a ConfigException. ' +
    'Binder 5.0.2 and later default to `all`. Set `{fixed}`.',
  zh:
    '未设置 `{key}`，而 binder 启用了事务（`{tx}`）：Spring Cloud Stream 5.0.1 及更早版本的默认值 `1` 会作为显式的 `acks` 传给生产者，' +
    '从而关闭幂等性；没有幂等性的事务生产者启动时会因 ConfigException 失败。binder 5.0.2 起默认为 `all`。请设置 `{fixed}`。',
};

const UNSET_NONE: L10n = {
  en:
    '`{key}` is unset; the {source} is `{value}`: the producer does not wait for any acknowledgement, so a record the ' +
    'broker never got is lost without an error, and retries do not apply. Set `{fixed}`.',
  zh: '未设置 `{key}`，默认值（{source}）为 `{value}`：生产者不等待任何确认，broker 没收到的记录会无声丢失，重试也不起作用。请设置 `{fixed}`。',
};

const UNSET_LEADER: L10n = {
  en: '`{key}` is unset; the {source} is `{value}`: the leader acknowledges before the followers copy the record, and a leader failure loses it. Set `{fixed}`.',
  zh: '未设置 `{key}`，默认值（{source}）为 `{value}`：leader 在 follower 复制记录之前就确认，leader 故障会丢失该记录。请设置 `{fixed}`。',
};

/** A Kafka binder producer binding with `acks` set nowhere gets the binder's `required-acks`. */
function checkBinderUnset(ctx: RuleContext, unit: ConfigUnit, fixed: string, title: string): void {
  if (unit.facts.binding?.name === undefined || unit.role !== 'producer') return;
  const tx = transactionalId(unit);
  ctx.report({
    severity: 'warning',
    message: tx
      ? ctx.t(BINDER_UNSET_TX, { key: ctx.fixer.keyName(unit, ACKS), tx: ctx.fixer.show(unit, tx), fixed })
      : ctx.t(BINDER_UNSET, { key: ctx.fixer.keyName(unit, ACKS), fixed }),
    span: unit.facts.binding.at ?? unit.anchor,
    fixes: [ctx.makeFix(title, 'unsafe', ctx.fixer.insert(unit, ACKS, 'all'), true)],
  });
}

const rule: Rule = {
  meta: {
    id: 'acks',
    severities: ['error', 'warning'],
    formats: ['properties', 'yaml', 'go'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Producer acknowledgements weaker than all in-sync replicas (`acks=0`/`1`, sarama `NoResponse`/`WaitForLocal`, kafka-go `RequireNone`/`RequireOne`).',
        zh: '生产者确认级别弱于全部同步副本（`acks=0`/`1`，sarama `NoResponse`/`WaitForLocal`，kafka-go `RequireNone`/`RequireOne`）。',
      },
      why: {
        en:
          'With `acks=0` the producer does not wait for the broker at all: a record the broker never received is lost without any error, ' +
          'and `retries` has no effect. With `acks=1` the partition leader acknowledges as soon as the record is in its own log; if the ' +
          'leader fails before a follower has copied it, a new leader takes over without that record, which the producer already counted ' +
          'as written. `acks=all` (`-1`) waits for every in-sync replica, so an acknowledged record survives while one of them survives; ' +
          'pair it with `min.insync.replicas` ≥ 2. The Java default was `1` up to Kafka 2.8 and is `all` since 3.0 (KIP-679); sarama ' +
          'still defaults to `WaitForLocal` (`1`), so a `sarama.NewConfig()` that never sets `Producer.RequiredAcks` is reported; ' +
          'librdkafka defaults to `all`. A segmentio/kafka-go `kafka.Writer` without `RequiredAcks` sends with `RequireNone` (`0`), its documented default, so such a literal is an error; the deprecated `kafka.NewWriter` reads a `kafka.WriterConfig` the other way round: `RequiredAcks` 0, or left out, means all, and only `1` is weaker. In Spring Boot, `spring.kafka.producer.properties[acks]` overrides `spring.kafka.producer.acks`. ' +
            "Spring Cloud Stream's Kafka binder gives every producer `acks` from `spring.cloud.stream.kafka.binder.required-acks` unless another place sets it; " +
            'up to binder 5.0.1 that default is `1`, so a binding that sets acks nowhere is reported.',
        zh:
          '`acks=0` 时生产者根本不等待 broker：broker 没收到的记录会无声丢失，`retries` 也不起作用。`acks=1` 时分区 leader 把记录写入自己的日志就确认；' +
          '如果 leader 在 follower 复制之前故障，新的 leader 上没有这条记录，而生产者已经认为写入成功。`acks=all`（`-1`）等待所有同步副本，' +
          '只要还有一个同步副本存活，已确认的记录就不会丢失；请同时设置 `min.insync.replicas` ≥ 2。Java 客户端的默认值在 Kafka 2.8 及以前为 `1`，' +
          '3.0 起为 `all`（KIP-679）；sarama 仍默认 `WaitForLocal`（`1`），因此从不设置 `Producer.RequiredAcks` 的 `sarama.NewConfig()` 也会被报告；' +
          'librdkafka 默认 `all`。segmentio/kafka-go 的 `kafka.Writer` 未设置 `RequiredAcks` 时按其文档中的默认值 `RequireNone`（`0`）发送，因此这样的字面量会被报告为错误；已弃用的 `kafka.NewWriter` 读取 `kafka.WriterConfig` 时正好相反：`RequiredAcks` 为 0 或不写表示 all，只有 `1` 更弱。在 Spring Boot 中，`spring.kafka.producer.properties[acks]` 优先于 `spring.kafka.producer.acks`。' +
            'Spring Cloud Stream 的 Kafka binder 在其他位置都未设置时，用 `spring.cloud.stream.kafka.binder.required-acks` 为每个生产者设置 `acks`；' +
            'binder 5.0.1 及更早版本的默认值是 `1`，因此各处都未设置 acks 的绑定会被报告。',
      },
      fix: {
        en:
          'Set `acks=all` (sarama: `cfg.Producer.RequiredAcks = sarama.WaitForAll`; kafka-go: `RequiredAcks: kafka.RequireAll` in the `kafka.Writer` literal), inserting it where it is missing. The fix is unsafe: ' +
          'each send now waits for the slowest in-sync replica (more latency), and with `min.insync.replicas` > 1 writes fail while too ' +
          'few replicas are in sync — which is the point, but it changes availability.',
        zh:
          '设置 `acks=all`（sarama：`cfg.Producer.RequiredAcks = sarama.WaitForAll`；kafka-go：在 `kafka.Writer` 字面量中写 `RequiredAcks: kafka.RequireAll`），缺失时插入。该修复不安全：每次发送都要等待最慢的同步副本（延迟更高），' +
          '且在 `min.insync.replicas` > 1 时，同步副本不足会导致写入失败——这正是目的，但会改变可用性。',
      },
      references: [
        { title: 'Kafka producer configs: acks', url: 'https://kafka.apache.org/documentation/#producerconfigs_acks' },
        {
          title: 'KIP-679: Producer will enable the strongest delivery guarantee by default',
          url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-679%3A+Producer+will+enable+the+strongest+delivery+guarantee+by+default',
        },
        { title: 'Kafka design: availability and durability guarantees', url: 'https://kafka.apache.org/documentation/#design_ha' },
        { title: 'sarama RequiredAcks', url: 'https://pkg.go.dev/github.com/IBM/sarama#RequiredAcks' },
        { title: 'kafka-go Writer.RequiredAcks', url: 'https://pkg.go.dev/github.com/segmentio/kafka-go#Writer' },
        { title: 'Spring Boot: Apache Kafka support', url: 'https://docs.spring.io/spring-boot/reference/messaging/kafka.html' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\nacks=1\n',
          good: 'bootstrap.servers=localhost:9092\nacks=all\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.acks=0\n',
          good: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.acks=all\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      acks: 1\n',
          good: 'spring:\n  kafka:\n    producer:\n      acks: all\n',
        },
        {
          surface: 'spring-yaml',
          title: { en: 'Spring Cloud Stream Kafka binder', zh: 'Spring Cloud Stream Kafka binder' },
          path: 'application.yml',
          bad: 'spring:\n  cloud:\n    stream:\n      bindings:\n        orders-out-0:\n          destination: orders\n      kafka:\n        binder:\n          brokers: kafka:9092\n',
          good:
            'spring:\n  cloud:\n    stream:\n      bindings:\n        orders-out-0:\n          destination: orders\n      kafka:\n        binder:\n          brokers: kafka:9092\n          required-acks: all\n',
        },
        {
          surface: 'spring-env',
          title: { en: 'Spring Boot in docker-compose', zh: 'docker-compose 中的 Spring Boot' },
          path: 'docker-compose.yml',
          bad: 'services:\n  orders:\n    build: .\n    environment:\n      SPRING_KAFKA_PRODUCER_ACKS: "1"\n',
          good: 'services:\n  orders:\n    build: .\n    environment:\n      SPRING_KAFKA_PRODUCER_ACKS: all\n',
        },
        {
          surface: 'kafka-go',
          path: 'writer.go',
          title: { en: 'segmentio/kafka-go', zh: 'segmentio/kafka-go' },
          bad: 'package events\n\nimport "github.com/segmentio/kafka-go"\n\nfunc NewWriter() *kafka.Writer {\n\treturn &kafka.Writer{\n\t\tAddr:  kafka.TCP("kafka:9092"),\n\t\tTopic: "orders",\n\t}\n}\n',
          good: 'package events\n\nimport "github.com/segmentio/kafka-go"\n\nfunc NewWriter() *kafka.Writer {\n\treturn &kafka.Writer{\n\t\tAddr:         kafka.TCP("kafka:9092"),\n\t\tTopic:        "orders",\n\t\tRequiredAcks: kafka.RequireAll,\n\t}\n}\n',
        },
        {
          surface: 'sarama',
          path: 'producer.go',
          bad:
            'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n' +
            '\tcfg := sarama.NewConfig()\n\tcfg.Producer.Return.Successes = true\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n',
          good:
            'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n' +
            '\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Return.Successes = true\n' +
            '\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    const f = ctx.fixer;
    for (const unit of ctx.file.units) {
      if (!producerLike(ctx.file, unit)) continue;
      const s = acksSetting(unit);
      const fixed = s ? assignFor(ctx, unit, s, 'all') : f.assignment(unit, ACKS, 'all');
      const title = ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fixed });
      if (s) {
        if (isDynamic(s)) continue;
        const v = normAcks(s.value);
        if (v !== '0' && v !== '1') continue; // `all`, or a value invalid-value reports
        const data = { shown: f.show(unit, s), ph: placeholder(ctx, s), fixed };
        ctx.report({
          severity: v === '0' ? 'error' : 'warning',
          message:
            v === '0'
              ? ctx.t(
                  {
                    en:
                      '`{shown}`{ph}: the producer does not wait for any acknowledgement, so a record the broker never got is lost ' +
                      'without an error, and retries do not apply. Use `{fixed}`.',
                    zh: '`{shown}`{ph}：生产者不等待任何确认，broker 没收到的记录会无声丢失，重试也不起作用。请使用 `{fixed}`。',
                  },
                  data,
                )
              : ctx.t(
                  {
                    en:
                      '`{shown}`{ph}: the leader acknowledges before the followers copy the record; if the leader fails right then, ' +
                      'the acknowledged record is lost. Use `{fixed}`.',
                    zh: '`{shown}`{ph}：leader 在 follower 复制记录之前就确认；若 leader 此时故障，已确认的记录会丢失。请使用 `{fixed}`。',
                  },
                  data,
                ),
          span: s.valueSpan,
          fixes: [ctx.makeFix(title, 'unsafe', f.setValue(unit, s, 'all'), true)],
        });
        continue;
      }
      // Unset: report when the default of this client and version is weaker than all.
      if (unit.facts.binding) {
        checkBinderUnset(ctx, unit, fixed, title);
        continue;
      }
      if (!definitelyProducer(unit)) continue;
      // A transactional Java producer gets acks=all when acks is unset (idempotence is implied).
      if (unit.client === 'java' && transactionalId(unit)) continue;
      const d = defaultOf(ctx, unit, ACKS);
      const dv = normAcks(d?.value);
      if (!d || (dv !== '0' && dv !== '1')) continue;
      // A default of no acknowledgement at all (kafka-go's Writer) is an error, as `acks=0` written.
      ctx.report({
        severity: dv === '0' ? 'error' : 'warning',
        message: ctx.t(dv === '0' ? UNSET_NONE : UNSET_LEADER, { key: f.keyName(unit, ACKS), source: d.source, value: f.valueText(unit, ACKS, d.value), fixed }),
        span: unit.anchor,
        fixes: [ctx.makeFix(title, 'unsafe', f.insert(unit, ACKS, 'all'), true)],
      });
    }
  },
};

export default rule;
