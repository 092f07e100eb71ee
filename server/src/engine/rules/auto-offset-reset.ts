// auto.offset.reset decides where a consumer starts when its group has no committed offset:
// a new group, offsets expired after `offsets.retention.minutes` (7 days since 2.0), or a
// partition added while the group runs. `latest`, the Java default, starts at the end and skips
// what is already there; the Kafka docs warn about exactly that for added partitions (facts.md
// §5.4, §4.10). Sarama's `Consumer.Offsets.Initial` defaults to `OffsetNewest`, the same thing
// (§8.10); librdkafka spells latest `largest`/`latest`/`end` (§11.1).

import type { Client, ConfigUnit, Setting } from '../model.js';
import { effective } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Fix } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { checkValue } from '../knowledge/index.js';
import { definitelyConsumer, isConsumer, isDynamic, placeholderNote } from './util.js';

const KEY = 'auto.offset.reset';
/** A Spring Cloud Stream binding's `group` (knowledge/scst.ts). */
const GROUP = 'scst:group';

function startsAtEnd(client: Client, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (client === 'librdkafka') return v === 'latest' || v === 'largest' || v === 'end';
  return v === 'latest';
}

/** The value that fails fast instead of guessing; sarama has none. */
function failFast(client: Client): string | undefined {
  return client === 'java' ? 'none' : client === 'librdkafka' ? 'error' : undefined;
}

function fallbackDefault(ctx: RuleContext, unit: ConfigUnit): { value: string; source: string } {
  if (unit.client === 'sarama') return { value: 'latest', source: 'sarama default' };
  if (unit.client === 'librdkafka') return { value: 'largest', source: 'librdkafka default' };
  return { value: 'latest', source: `Kafka ${kafkaVersionOf(ctx, unit)} default` };
}

/** The setting as it would read with another value, in the unit's own spelling. */
function withValue(ctx: RuleContext, unit: ConfigUnit, value: string): string {
  return ctx.fixer.written(unit, KEY, value);
}

const EXPLICIT: L10n = {
  en: '`{shown}`{note}: a consumer group without a committed offset starts at the end of the partition, so a new group, offsets expired after `offsets.retention.minutes`, or partitions added later skip the records already there. {remedy}',
  zh: '`{shown}`{note}：没有已提交位移的消费者组会从分区末尾开始读取，因此新的消费者组、超过 `offsets.retention.minutes` 而过期的位移、或后来新增的分区都会跳过已有的消息。{remedy}',
};

const UNSET: L10n = {
  en: '`{key}` is unset; the {source} is `{def}`: a consumer group without a committed offset starts at the end of the partition, so a new group, offsets expired after `offsets.retention.minutes`, or partitions added later skip the records already there. {remedy}',
  zh: '未设置 `{key}`，默认值为 `{def}`（{source}）：没有已提交位移的消费者组会从分区末尾开始读取，因此新的消费者组、超过 `offsets.retention.minutes` 而过期的位移、或后来新增的分区都会跳过已有的消息。{remedy}',
};

const REMEDY: L10n = {
  en: 'Set `{fix}` to start from the oldest retained record (records may be processed again).',
  zh: '请设置 `{fix}`，从保留的最早消息开始读取（消息可能被重复处理）。',
};

const REMEDY_FAIL: L10n = {
  en: 'Set `{fix}` to start from the oldest retained record (records may be processed again), or `{none}` to fail instead of guessing.',
  zh: '请设置 `{fix}`，从保留的最早消息开始读取（消息可能被重复处理）；或设置 `{none}`，让消费者报错而不是自行选择位置。',
};

const ANONYMOUS: L10n = {
  en: 'The binding `{binding}` has no `group`: at every start the Kafka binder gives it a new random group (`anonymous.…`), which begins at `latest`, so records published while the application was stopped or restarting are never read by it. Set `{fix}`: a named group starts at `earliest` and resumes from its committed offsets (if every instance must see every record, make the name unique per instance but stable across restarts).',
  zh: '绑定 `{binding}` 没有设置 `group`：Kafka binder 每次启动都为它分配一个新的随机消费者组（`anonymous.…`），从 `latest` 开始读取，因此应用停止或重启期间发布的消息它永远读不到。请设置 `{fix}`：有名字的消费者组从 `earliest` 开始，并从已提交的位移继续消费（若每个实例都要收到全部消息，请让组名在各实例间唯一、在重启前后保持不变）。',
};

/**
 * A Kafka binder consumer binding without a group: every start is a new random group, at `latest`
 * unless something says `earliest` (which rereads everything, but loses nothing). With a group,
 * the binder starts at `earliest` where nothing else is set.
 * Returns whether the binding is anonymous (then nothing else is said about where it starts).
 */
function checkAnonymous(ctx: RuleContext, unit: ConfigUnit, s: Setting | undefined): boolean {
  const binding = unit.facts.binding?.name;
  if (binding === undefined) return false;
  const group = effective(unit, GROUP);
  if (group && (isDynamic(group) || group.value.trim() !== '')) return false;
  if (s && (isDynamic(s) || !startsAtEnd(unit.client, s.value))) return true;
  const name = binding.replace(/-in-\d+$/, '') || binding;
  const fix = ctx.fixer.assignment(unit, GROUP, name);
  ctx.report({
    severity: 'information',
    message: ctx.t(ANONYMOUS, { binding, fix }),
    span: unit.anchor,
    fixes: [ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fix }), 'unsafe', ctx.fixer.set(unit, GROUP, name), true)],
  });
  return true;
}


function fixes(ctx: RuleContext, unit: ConfigUnit): { remedy: string; fixes: Fix[] } {
  const title = (v: string) => ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: withValue(ctx, unit, v) });
  const out: Fix[] = [ctx.makeFix(title('earliest'), 'unsafe', ctx.fixer.set(unit, KEY, 'earliest'), true)];
  // The binder's `start-offset` takes earliest or latest only.
  const ff = unit.facts.binding ? undefined : failFast(unit.client);
  if (ff) out.push(ctx.makeFix(title(ff), 'unsafe', ctx.fixer.set(unit, KEY, ff)));
  const remedy = ff
    ? ctx.t(REMEDY_FAIL, { fix: withValue(ctx, unit, 'earliest'), none: withValue(ctx, unit, ff) })
    : ctx.t(REMEDY, { fix: withValue(ctx, unit, 'earliest') });
  return { remedy, fixes: out };
}

function note(ctx: RuleContext, s: Setting): string {
  return placeholderNote(s, ctx.locale === 'zh-cn');
}

const rule: Rule = {
  meta: {
    id: 'auto-offset-reset',
    severities: ['information'],
    formats: ['properties', 'yaml', 'go'],
    category: 'consumer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds consumers that start at the newest record when their group has no committed offset (`auto.offset.reset=latest`, sarama `OffsetNewest`).',
        zh: '发现消费者组没有已提交位移时从最新消息开始读取的消费者（`auto.offset.reset=latest`、sarama `OffsetNewest`）。',
      },
      why: {
        en: '`auto.offset.reset` applies whenever a group has no valid committed offset for a partition: the first start of a new group (or a renamed `group.id`), committed offsets that expired after `offsets.retention.minutes` (7 days by default since Kafka 2.0) while the group was idle, and partitions added to a topic while the consumers run. With `latest`, the Java client default, the consumer starts at the end and never sees the records already in the partition; the Kafka documentation warns that adding partitions with this setting can lose messages. Sarama\'s `Consumer.Offsets.Initial` defaults to `OffsetNewest`, which means the same. A Spring Cloud Stream binding without a `group` is worse off: the Kafka binder gives it a new random group at every start, at `latest`, so everything published while the application was down is skipped.',
        zh: '只要消费者组在某个分区上没有有效的已提交位移，`auto.offset.reset` 就会生效：新消费者组（或改名后的 `group.id`）首次启动、组空闲期间已提交位移超过 `offsets.retention.minutes`（Kafka 2.0 起默认 7 天）而过期、以及消费者运行期间主题新增分区。取值 `latest`（Java 客户端默认值）时，消费者从末尾开始，永远读不到分区中已有的消息；Kafka 文档明确提醒在此设置下增加分区可能丢失消息。sarama 的 `Consumer.Offsets.Initial` 默认为 `OffsetNewest`，含义相同。没有 `group` 的 Spring Cloud Stream 绑定更糟：Kafka binder 每次启动都为它分配新的随机消费者组并从 `latest` 开始，应用停机期间发布的所有消息都会被跳过。',
      },
      fix: {
        en: 'Set `auto.offset.reset=earliest` (sarama: `cfg.Consumer.Offsets.Initial = sarama.OffsetOldest`). The fix is unsafe: a new group then reads the whole retained history, and after offset expiry records are processed again, so processing must tolerate duplicates. Alternatively `none` (librdkafka: `error`) makes the consumer fail when it has no offset, so an operator decides where to start.',
        zh: '设置 `auto.offset.reset=earliest`（sarama：`cfg.Consumer.Offsets.Initial = sarama.OffsetOldest`）。此修复不安全：新消费者组会读取全部保留的历史消息，位移过期后消息会被重复处理，因此处理逻辑必须能容忍重复。另一种做法是 `none`（librdkafka 为 `error`）：没有位移时消费者直接报错，由运维人员决定从哪里开始。',
      },
      references: [
        { title: 'Kafka consumer config: auto.offset.reset', url: 'https://kafka.apache.org/documentation/#consumerconfigs_auto.offset.reset' },
        { title: 'Kafka broker config: offsets.retention.minutes', url: 'https://kafka.apache.org/documentation/#brokerconfigs_offsets.retention.minutes' },
        { title: 'sarama Config: Consumer.Offsets.Initial', url: 'https://pkg.go.dev/github.com/IBM/sarama#Config' },
        { title: 'librdkafka configuration: auto.offset.reset', url: 'https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'consumer.properties',
          bad: 'bootstrap.servers=localhost:9092\ngroup.id=orders\nauto.offset.reset=latest\n',
          good: 'bootstrap.servers=localhost:9092\ngroup.id=orders\nauto.offset.reset=earliest\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.auto-offset-reset=latest\n',
          good: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.auto-offset-reset=earliest\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n      auto-offset-reset: latest\n',
          good: 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n      auto-offset-reset: earliest\n',
        },
        {
          surface: 'spring-yaml',
          title: { en: 'Spring Cloud Stream Kafka binder', zh: 'Spring Cloud Stream Kafka binder' },
          path: 'application.yml',
          bad: 'spring:\n  cloud:\n    stream:\n      bindings:\n        billing-in-0:\n          destination: orders\n      kafka:\n        binder:\n          brokers: kafka:9092\n',
          good:
            'spring:\n  cloud:\n    stream:\n      bindings:\n        billing-in-0:\n          destination: orders\n          group: billing\n      kafka:\n        binder:\n          brokers: kafka:9092\n',
        },
        {
          surface: 'sarama',
          path: 'consumer.go',
          bad: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newGroup(brokers []string) (sarama.ConsumerGroup, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Consumer.Offsets.Initial = sarama.OffsetNewest\n\treturn sarama.NewConsumerGroup(brokers, "orders", cfg)\n}\n',
          good: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newGroup(brokers []string) (sarama.ConsumerGroup, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest\n\treturn sarama.NewConsumerGroup(brokers, "orders", cfg)\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.client === 'broker') continue;
      const s = effective(unit, KEY);
      // A shared unit counts when it sets the consumer-only key itself.
      if (!isConsumer(unit) && !(unit.role === 'client' && s)) continue;
      if (unit.facts.binding && checkAnonymous(ctx, unit, s)) continue;
      if (s) {
        if (isDynamic(s) || !startsAtEnd(unit.client, s.value)) continue;
        // A value the Java client refuses (`LATEST`: its values are case-sensitive) stops the
        // consumer at start-up, so it skips nothing: invalid-value reports it, on the same check.
        if (unit.client === 'java' && checkValue(s.key, s.role, s.value, kafkaVersionOf(ctx, unit))) continue;
        const f = fixes(ctx, unit);
        ctx.report({
          severity: 'information',
          message: ctx.t(EXPLICIT, { shown: ctx.fixer.show(unit, s), note: note(ctx, s), remedy: f.remedy }),
          span: s.valueSpan,
          fixes: f.fixes,
        });
        continue;
      }
      // A Kafka binder binding with a group starts at `earliest` where nothing else is set.
      if (unit.facts.binding) continue;
      if (!definitelyConsumer(unit)) continue;
      // sarama reads Offsets.Initial only in offset managers (consumer groups); a partition
      // consumer names its start offset in ConsumePartition.
      const ctors = unit.facts.saramaConstructors ?? [];
      if (unit.client === 'sarama' && ctors.length && !ctors.some((c) => /^New(ConsumerGroup|OffsetManager)/.test(c.name))) continue;
      const def = ctx.defaultOf(unit, KEY) ?? fallbackDefault(ctx, unit);
      if (!startsAtEnd(unit.client, def.value)) continue;
      const f = fixes(ctx, unit);
      ctx.report({
        severity: 'information',
        message: ctx.t(UNSET, {
          key: ctx.fixer.keyName(unit, KEY),
          source: def.source,
          def: ctx.fixer.valueText(unit, KEY, def.value),
          remedy: f.remedy,
        }),
        span: unit.anchor,
        fixes: f.fixes,
      });
    }
  },
};
export default rule;
