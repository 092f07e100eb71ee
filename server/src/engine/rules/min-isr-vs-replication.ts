// A min ISR must stay below the replication factor of the same scope (facts.md §4.1, §4.8):
// equal means one replica down blocks every acks=all write (NotEnoughReplicas), greater means
// such writes can never succeed. Scopes: the cluster default (min.insync.replicas vs
// default.replication.factor), a KafkaTopic (spec.config min ISR vs spec.replicas), and the
// transaction state topic (transaction.state.log.min.isr vs its replication factor).

import type { ClusterDefaults, ConfigUnit, Setting } from '../model.js';
import { effective } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { asInt, isDynamic, placeholderNote, unsetUnknown } from './util.js';

interface Scope {
  isr: string;
  rf: string;
  /** Kafka defaults (facts.md §1), used when the knowledge base has none; absent: an unset side is unknown. */
  isrDefault?: string;
  rfDefault?: string;
  useDefaults: boolean;
  /** A KafkaTopic: what its cluster's `Kafka` resource writes stands in for an unset side. */
  isrCluster?: 'min.insync.replicas';
  rfCluster?: 'default.replication.factor';
  what: L10n;
}

const BROKER_SCOPES: Scope[] = [
  {
    isr: 'min.insync.replicas',
    rf: 'default.replication.factor',
    isrDefault: '1',
    rfDefault: '1',
    useDefaults: true,
    what: {
      en: 'topics created without an explicit replication factor (auto-created, or created with -1)',
      zh: '未显式指定副本数创建的主题（自动创建或以 -1 创建）',
    },
  },
  {
    isr: 'transaction.state.log.min.isr',
    rf: 'transaction.state.log.replication.factor',
    isrDefault: '2',
    rfDefault: '3',
    useDefaults: true,
    what: { en: 'the transaction state topic', zh: '事务状态主题' },
  },
];

// A KafkaTopic without spec.replicas, or without its own min ISR, takes the broker's value: the
// one its cluster's `Kafka` resource writes when that is in the same file (strimzi.ts
// `clusterDefaults`), else unknown (no Kafka defaults here: the brokers may set theirs elsewhere).
const TOPIC_SCOPES: Scope[] = [
  {
    isr: 'min.insync.replicas',
    rf: 'replication.factor',
    useDefaults: false,
    isrCluster: 'min.insync.replicas',
    rfCluster: 'default.replication.factor',
    what: { en: 'this topic', zh: '该主题' },
  },
];

interface Side {
  value: number;
  setting?: Setting;
  /** Text for messages: `key=value` as written, or `key` (unset, default v). */
  text: string;
}

function side(ctx: RuleContext, unit: ConfigUnit, key: string, useDefaults: boolean, fallback: string | undefined, clusterKey?: keyof ClusterDefaults): Side | 'unknown' {
  const s = effective(unit, key);
  if (s) {
    const v = asInt(s.value);
    if (isDynamic(s) || v === undefined) return 'unknown';
    return v < 1 ? 'unknown' : { value: v, setting: s, text: `\`${ctx.fixer.show(unit, s)}\`${placeholderNote(s, ctx.locale === 'zh-cn')}` };
  }
  const cd = clusterKey && unit.facts.clusterDefaults;
  if (cd && clusterKey) {
    const v = asInt(cd[clusterKey]);
    if (v === undefined || v < 1) return 'unknown';
    return {
      value: v,
      text: ctx.t(
        { en: '`{key}` (unset; `{from}` sets `{cluster}: {value}` for its topics)', zh: '`{key}`（未设置；`{from}` 为其主题设置了 `{cluster}: {value}`）' },
        { key: ctx.fixer.keyName(unit, key), from: cd.from, cluster: clusterKey, value: String(v) },
      ),
    };
  }
  if (!useDefaults || unsetUnknown(unit, key)) return 'unknown';
  const def = ctx.defaultOf(unit, key) ?? (fallback !== undefined ? { value: fallback, source: `Kafka ${kafkaVersionOf(ctx, unit)} default` } : undefined);
  const v = asInt(def?.value);
  if (!def || v === undefined || v < 1) return 'unknown';
  return {
    value: v,
    text: ctx.t(
      { en: '`{key}` (unset; the {source} is `{value}`)', zh: '`{key}`（未设置，默认值为 `{value}`，{source}）' },
      { key: ctx.fixer.keyName(unit, key), source: def.source, value: def.value },
    ),
  };
}

const GREATER: L10n = {
  en: '{isr} is greater than the replication factor {rf}: `acks=all` writes to {what} can never have enough in-sync replicas, so every one fails with NotEnoughReplicas. {remedy}',
  zh: '{isr} 大于副本数 {rf}：{what}永远凑不够同步副本，所有 `acks=all` 的写入都会以 NotEnoughReplicas 失败。{remedy}',
};

const EQUAL: L10n = {
  en: '{isr} equals the replication factor {rf}: while any one replica of {what} is down, `acks=all` writes fail with NotEnoughReplicas until it returns. {remedy}',
  zh: '{isr} 等于副本数 {rf}：{what}只要有一个副本宕机，`acks=all` 的写入就会以 NotEnoughReplicas 失败，直到它恢复。{remedy}',
};

const rule: Rule = {
  meta: {
    id: 'min-isr-vs-replication',
    severities: ['error', 'warning'],
    formats: ['properties', 'yaml'],
    category: 'broker',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds a min ISR at or above the replication factor of the same scope: the cluster default, a KafkaTopic, or the transaction state topic.',
        zh: '发现 min ISR 大于或等于同一范围内副本数的配置：集群默认值、某个 KafkaTopic，或事务状态主题。',
      },
      why: {
        en: 'An `acks=all` write needs at least `min.insync.replicas` in-sync replicas. If the minimum equals the replication factor, one broker down (a restart is enough) blocks all such writes to the affected topics (warning). If it is greater, they can never succeed (error). The same holds for `transaction.state.log.min.isr` against `transaction.state.log.replication.factor` (defaults 2 and 3): setting only the replication factor to 1 or 2 blocks transactions. Where one side is unset, the Kafka default is assumed and the message says so. A `KafkaTopic` that leaves `spec.replicas` or its `min.insync.replicas` unset gets the broker\'s value: the one its cluster\'s `Kafka` resource (named by the `strimzi.io/cluster` label) writes in `spec.kafka.config` when that resource is in the same file, and otherwise the topic is not judged.',
        zh: '`acks=all` 的写入至少需要 `min.insync.replicas` 个同步副本。若下限等于副本数，一个 broker 宕机（重启即可）就会阻塞相关主题的所有此类写入（警告）；若大于副本数，则永远无法成功（错误）。`transaction.state.log.min.isr` 与 `transaction.state.log.replication.factor`（默认 2 和 3）同理：只把副本数设为 1 或 2 会阻塞事务。若一侧未设置，按 Kafka 默认值判断，并在消息中说明。`KafkaTopic` 未设置 `spec.replicas` 或自身的 `min.insync.replicas` 时取 broker 的值：若其所属集群的 `Kafka` 资源（由 `strimzi.io/cluster` 标签指定）在同一文件中，就取它在 `spec.kafka.config` 中写的值，否则不判断该主题。',
      },
      fix: {
        en: 'Set the min ISR to the replication factor minus one (offered only when the replication factor is at least 2). For the cluster default and topics this is unsafe: it lowers the durability floor of `acks=all` writes from RF to RF−1 replicas in exchange for write availability. When the file says how many brokers there are (compose services, a Strimzi cluster\'s replicas) and they are enough, a second fix keeps the minimum and raises the replication factor to one above it instead; it is the only fix when the replication factor is 1. On a broker that replication factor applies to topics created afterwards (the internal topics included): topics that exist already keep theirs, while a lower minimum applies to them at once. Otherwise raise it by hand (that needs more brokers).',
        zh: '把 min ISR 设为副本数减一（仅在副本数至少为 2 时提供）。此修复不安全：它把 `acks=all` 写入的持久性下限从 RF 个副本降到 RF−1 个，以换取写可用性。若文件写明了 broker 数量（compose 服务、Strimzi 集群的 replicas）且数量足够，还提供第二个修复：保留该下限，把副本数提高到比它大一；副本数为 1 时这是唯一的修复。在 broker 上，该副本数只作用于此后创建的主题（包括内部主题）：已有主题保持原来的副本数，而降低下限会立即作用于它们。否则请手动提高副本数（这需要更多 broker）。',
      },
      references: [
        { title: 'Kafka broker config: min.insync.replicas', url: 'https://kafka.apache.org/documentation/#brokerconfigs_min.insync.replicas' },
        { title: 'Kafka broker config: transaction.state.log.min.isr', url: 'https://kafka.apache.org/documentation/#brokerconfigs_transaction.state.log.min.isr' },
        { title: 'Kafka design: availability and durability guarantees', url: 'https://kafka.apache.org/documentation/#design_ha' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'server.properties',
          bad: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=3\n',
          good: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      transaction.state.log.replication.factor: 2\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      transaction.state.log.replication.factor: 3\n      transaction.state.log.min.isr: 2\n',
        },
        {
          surface: 'strimzi-topic',
          path: 'topic.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 2\n  config:\n    min.insync.replicas: 2\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n',
          good: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      const scopes = unit.role === 'broker' ? BROKER_SCOPES : unit.role === 'topic' ? TOPIC_SCOPES : undefined;
      if (!scopes) continue;
      for (const sc of scopes) {
        const isrSet = effective(unit, sc.isr);
        const rfSet = effective(unit, sc.rf);
        // Both unset: Kafka's own defaults are consistent.
        if (!isrSet && !rfSet) continue;
        const isr = side(ctx, unit, sc.isr, sc.useDefaults, sc.isrDefault, sc.isrCluster);
        const rf = side(ctx, unit, sc.rf, sc.useDefaults, sc.rfDefault, sc.rfCluster);
        if (isr === 'unknown' || rf === 'unknown') continue;
        if (isr.value < rf.value) continue;
        // RF 1 with min ISR 1: no lower minimum exists; the replication-factor rule reports RF 1.
        if (isr.value === rf.value && rf.value < 2) continue;
        const greater = isr.value > rf.value;
        const target = rf.value - 1;
        // Keeping the minimum takes a replication factor above it, on as many brokers: offered
        // where the file says how many brokers there are (compose services, Strimzi replicas).
        const raiseTo = isr.value + 1;
        const brokers = unit.facts.brokerCount;
        const canRaise = brokers !== undefined && brokers >= raiseTo;
        const fixes: ReturnType<RuleContext['makeFix']>[] = [];
        let remedy: string;
        const lower = target >= 1 ? ctx.fixer.assignment(unit, sc.isr, String(target)) : undefined;
        const raise = canRaise ? ctx.fixer.assignment(unit, sc.rf, String(raiseTo)) : undefined;
        if (lower) {
          const value = String(target);
          const edits = isr.setting ? ctx.fixer.setValue(unit, isr.setting, value) : ctx.fixer.insert(unit, sc.isr, value);
          if (edits.length) fixes.push(ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: lower }), 'unsafe', edits, true));
        }
        if (raise) {
          const value = String(raiseTo);
          const edits = rf.setting ? ctx.fixer.setValue(unit, rf.setting, value) : ctx.fixer.insert(unit, sc.rf, value);
          if (edits.length) fixes.push(ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: raise }), 'unsafe', edits, !lower));
        }
        if (lower && raise) {
          remedy = ctx.t(
            { en: 'Set `{a}`, or keep the minimum and set `{r}` ({n} brokers are configured here).', zh: '请设置 `{a}`；或保留该下限并设置 `{r}`（此处配置了 {n} 个 broker）。' },
            { a: lower, r: raise, n: String(brokers) },
          );
        } else if (lower) {
          remedy = ctx.t({ en: 'Set `{a}`.', zh: '请设置 `{a}`。' }, { a: lower });
        } else if (raise) {
          remedy = ctx.t(
            { en: 'Set `{r}` ({n} brokers are configured here) or lower the minimum.', zh: '请设置 `{r}`（此处配置了 {n} 个 broker），或降低该下限。' },
            { r: raise, n: String(brokers) },
          );
        } else if (brokers !== undefined) {
          remedy = ctx.t(
            {
              en: 'Raise the replication factor above {n} (that needs more brokers than the {b} configured here) or lower the minimum.',
              zh: '请把副本数提高到 {n} 以上（这需要多于此处配置的 {b} 个 broker），或降低该下限。',
            },
            { n: isr.value, b: brokers },
          );
        } else {
          remedy = ctx.t(
            {
              en: 'Raise the replication factor above {n} (that needs more brokers) or lower the minimum.',
              zh: '请把副本数提高到 {n} 以上（这需要更多 broker），或降低该下限。',
            },
            { n: isr.value },
          );
        }
        // A broker's replication factor is used when a topic is created (facts.md §4.2, §4.8):
        // unlike a lower minimum, raising it leaves the topics that exist already as they are.
        if (raise && unit.role === 'broker') {
          remedy += ctx.t({
            en: ' A replication factor applies when a topic is created: topics that exist already keep theirs.',
            zh: '副本数在创建主题时生效：已有的主题保持原来的副本数。',
          });
        }
        // Point at the side that is written down; the min ISR when both are.
        const at = isr.setting ?? rf.setting;
        if (!at) continue;
        ctx.report({
          severity: greater ? 'error' : 'warning',
          message: ctx.t(greater ? GREATER : EQUAL, { isr: isr.text, rf: rf.text, what: ctx.t(sc.what), remedy }),
          span: at.valueSpan,
          fixes,
        });
      }
    }
  },
};
export default rule;
