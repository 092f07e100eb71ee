// Transactions only hide aborted and unfinished records from consumers that read with
// `isolation.level=read_committed` (facts.md §2.11, §5.5). The Java default is
// `read_uncommitted`, and Spring Boot always writes `READ_UNCOMMITTED` unless
// `spring.kafka.consumer.isolation-level` says otherwise (§7). librdkafka defaults to
// read_committed, so only an explicit read_uncommitted counts there.
// Scope: one file. A consumer and a transactional producer that live in different files are
// the workspace analysis of a later issue.

import type { ConfigUnit, ParsedFile, Setting } from '../model.js';
import { effective, isSpringBoot } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { allUnits, kafkaVersionOf } from '../rule.js';
import { definitelyConsumer, isConsumer, isDynamic, isProducer, placeholderNote } from './util.js';

const KEY = 'isolation.level';
const TXN = 'transactional.id';


/** The transactional producer settings of the file (a dynamic id still means transactions). */
function transactionalProducers(file: ParsedFile): { unit: ConfigUnit; setting: Setting }[] {
  const out: { unit: ConfigUnit; setting: Setting }[] = [];
  for (const unit of allUnits(file)) {
    if (unit.role !== 'producer' && !(unit.role === 'client' && isProducer(unit))) continue;
    const s = effective(unit, TXN);
    if (s && (s.dynamic || s.value.trim() !== '')) out.push({ unit, setting: s });
  }
  return out;
}

const consumerUnit = (unit: ConfigUnit) => unit.role === 'consumer' || (unit.role === 'client' && isConsumer(unit));

/**
 * Whether a consumer runs next to a producer. A producer of a Spring profile's document runs only
 * under that profile, and there a consumer section of the profile's own document comes over the
 * consumer of a document without a profile (which is then judged as that section, with what it
 * inherits): `isolation.level: read_committed` set next to a profile's `transaction-id-prefix`
 * covers the consumer it overrides.
 */
function runsWith(consumer: ConfigUnit, producer: ConfigUnit, profiledConsumers: ReadonlySet<string>): boolean {
  const profile = producer.facts.profile;
  if (!profile || consumer.facts.profile) return true;
  return !profiledConsumers.has(profile);
}

/** The profiles that have a consumer of their own (`runsWith`), found once per file. */
function profilesWithConsumer(units: ConfigUnit[]): Set<string> {
  const out = new Set<string>();
  for (const u of units) if (u.facts.profile && consumerUnit(u)) out.add(u.facts.profile);
  return out;
}

function withValue(ctx: RuleContext, unit: ConfigUnit, value: string): string {
  return ctx.fixer.written(unit, KEY, value);
}

/**
 * The setting asks for `read_uncommitted`. Spring Boot's dedicated `isolation-level` is an enum it
 * binds leniently (case, `-` and `_` do not matter: `read-uncommitted`, `READ_UNCOMMITTED`) and
 * hands to Kafka in lower case; anything else reaches Kafka as written.
 */
function readsUncommitted(unit: ConfigUnit, s: Setting): boolean {
  const v = s.value.trim().toLowerCase();
  if (v === 'read_uncommitted') return true;
  const dedicated = isSpringBoot(unit) && !unit.facts.binding && s.precedence >= 1 && s.precedence < 2;
  return dedicated && v.replace(/[^a-z0-9]/g, '') === 'readuncommitted';
}

const EXPLICIT: L10n = {
  en: '`{shown}`{note}: this consumer also returns records of aborted and still-open transactions, and a producer in this file is transactional (`{txn}`): what this consumer reads of the topics that producer writes includes writes that were rolled back. Set `{fix}`.',
  zh: '`{shown}`{note}：该消费者也会读到已中止和尚未完成的事务中的消息，而本文件中的生产者使用了事务（`{txn}`）：该消费者从这个生产者所写主题读到的消息中，会包含已回滚的写入。请设置 `{fix}`。',
};

const UNSET: L10n = {
  en: '`{key}` is unset; the {source} is `{def}`: this consumer also returns records of aborted and still-open transactions, and a producer in this file is transactional (`{txn}`): what this consumer reads of the topics that producer writes includes writes that were rolled back. Set `{fix}`.',
  zh: '未设置 `{key}`，默认值为 `{def}`（{source}）：该消费者也会读到已中止和尚未完成的事务中的消息，而本文件中的生产者使用了事务（`{txn}`）：该消费者从这个生产者所写主题读到的消息中，会包含已回滚的写入。请设置 `{fix}`。',
};

const rule: Rule = {
  meta: {
    id: 'isolation-level',
    severities: ['warning'],
    formats: ['properties', 'yaml'],
    category: 'consumer',
    scope: 'unit',
    // Consumers are judged against the file's first transactional producer they run with.
    // (And the profiles that have a consumer section of their own: runsWith.)
    fileKey: (file) => {
      const producers = transactionalProducers(file);
      if (!producers.length) return '';
      const profiled = producers.some((p) => p.unit.facts.profile) ? allUnits(file).filter((u) => u.facts.profile && consumerUnit(u)).map((u) => [u.id, u.facts.profile]) : [];
      return JSON.stringify([
        producers.map(({ unit: u, setting: t }) => [u.id, u.surface, u.format, u.role, u.client, u.facts.profile, t.key, t.sourceKey, t.rawValue, t.value, t.dynamic, !!t.placeholderDefault]),
        profiled,
      ]);
    },
    fixable: true,
    docs: {
      summary: {
        en: 'Finds consumers reading `read_uncommitted` next to a transactional producer in the same file.',
        zh: '发现与事务型生产者位于同一文件、却以 `read_uncommitted` 读取的消费者。',
      },
      why: {
        en: 'A transactional producer (`transactional.id`, Spring `transaction-id-prefix`) writes records that only become valid when its transaction commits. Consumers see that distinction only with `isolation.level=read_committed`; with `read_uncommitted`, the Java client default and what Spring Boot writes unless told otherwise, they also receive records of aborted transactions and of transactions still in progress, so work that was rolled back is processed anyway. The rule looks at one file at a time: a consumer and a producer configured in the same Spring application or document. Matching consumers and producers across files is planned for a later version.',
        zh: '事务型生产者（`transactional.id`，Spring 的 `transaction-id-prefix`）写入的消息只有在事务提交后才算有效。消费者只有在 `isolation.level=read_committed` 时才能区分；取值 `read_uncommitted`（Java 客户端默认值，也是 Spring Boot 未另行设置时写入的值）时，消费者还会收到已中止事务和仍在进行中的事务的消息，已回滚的工作照样被处理。本规则一次只看一个文件：同一个 Spring 应用或文档中配置的消费者和生产者。跨文件匹配消费者与生产者将在后续版本中提供。',
      },
      fix: {
        en: 'Set `isolation.level=read_committed` (Spring: `spring.kafka.consumer.isolation-level=read_committed`). The fix is unsafe: a read_committed consumer cannot read past a transaction that is still open, so a slow or hung producer transaction delays it, up to `transaction.timeout.ms`.',
        zh: '设置 `isolation.level=read_committed`（Spring：`spring.kafka.consumer.isolation-level=read_committed`）。此修复不安全：read_committed 消费者无法越过仍未结束的事务读取，因此缓慢或挂起的生产者事务会拖慢它，最长可达 `transaction.timeout.ms`。',
      },
      references: [
        { title: 'Kafka consumer config: isolation.level', url: 'https://kafka.apache.org/documentation/#consumerconfigs_isolation.level' },
        { title: 'Kafka producer config: transactional.id', url: 'https://kafka.apache.org/documentation/#producerconfigs_transactional.id' },
        { title: 'KIP-98: Exactly Once Delivery and Transactional Messaging', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-98+-+Exactly+Once+Delivery+and+Transactional+Messaging' },
        { title: 'Spring Boot: Apache Kafka support', url: 'https://docs.spring.io/spring-boot/reference/messaging/kafka.html' },
      ],
      examples: [
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.group-id=orders\n',
          good: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.group-id=orders\nspring.kafka.consumer.isolation-level=read_committed\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n    consumer:\n      group-id: orders\n      isolation-level: read_uncommitted\n',
          good: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n    consumer:\n      group-id: orders\n      isolation-level: read_committed\n',
        },
      ],
    },
  },
  check(ctx) {
    const producers = transactionalProducers(ctx.file);
    if (!producers.length) return;
    const profiled = profilesWithConsumer(allUnits(ctx.file));
    for (const unit of ctx.file.units) {
      if (unit.client !== 'java' && unit.client !== 'librdkafka') continue;
      if (!consumerUnit(unit)) continue;
      const txn = producers.find((p) => p.unit !== unit && runsWith(unit, p.unit, profiled));
      if (!txn) continue;
      const txnShown = ctx.fixer.show(txn.unit, txn.setting);
      const title = ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: withValue(ctx, unit, 'read_committed') });
      const fixes = [ctx.makeFix(title, 'unsafe', ctx.fixer.set(unit, KEY, 'read_committed'), true)];
      const s = effective(unit, KEY);
      if (s) {
        if (isDynamic(s) || !readsUncommitted(unit, s)) continue;
        ctx.report({
          severity: 'warning',
          message: ctx.t(EXPLICIT, {
            shown: ctx.fixer.show(unit, s),
            note: placeholderNote(s, ctx.locale === 'zh-cn'),
            txn: txnShown,
            fix: withValue(ctx, unit, 'read_committed'),
          }),
          span: s.valueSpan,
          fixes,
        });
        continue;
      }
      // librdkafka reads committed by default.
      if (unit.client !== 'java' || !definitelyConsumer(unit)) continue;
      const def = isSpringBoot(unit)
        ? { value: 'read_uncommitted', source: ctx.t({ en: 'Spring Boot default', zh: 'Spring Boot 默认值' }) }
        : (ctx.defaultOf(unit, KEY) ?? { value: 'read_uncommitted', source: `Kafka ${kafkaVersionOf(ctx, unit)} default` });
      if (def.value.trim().toLowerCase() !== 'read_uncommitted') continue;
      ctx.report({
        severity: 'warning',
        message: ctx.t(UNSET, {
          key: ctx.fixer.keyName(unit, KEY),
          source: def.source,
          def: ctx.fixer.valueText(unit, KEY, def.value),
          txn: txnShown,
          fix: withValue(ctx, unit, 'read_committed'),
        }),
        span: unit.anchor,
        fixes,
      });
    }
  },
};
export default rule;
