// min.insync.replicas is the floor of in-sync replicas an acks=all write needs (facts.md §4.1).
// The default 1 lets the leader alone acknowledge once the ISR has shrunk; that record is lost
// with the leader's disk. The usual safe pair is RF 3 / min ISR 2. Strimzi warns about it being
// unset on a multi-broker cluster and forces 1 when it is removed (§9).

import type { ConfigUnit, Edit, Setting } from '../model.js';
import { effective } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { asInt, code, isDynamic, judged, placeholderNote, ignoredEnvReported, unsetUnknown } from './util.js';

const KEY = 'min.insync.replicas';
const RF_KEYS = ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor'];

/** Why we believe a broker unit belongs to a cluster of several brokers (undefined: no evidence). */
function multiBrokerEvidence(ctx: RuleContext, unit: ConfigUnit): { en: string; zh: string } | undefined {
  const n = unit.facts.brokerCount;
  if (n !== undefined) return n > 1 ? { en: `${n} brokers`, zh: `集群有 ${n} 个 broker` } : undefined;
  for (const key of ['controller.quorum.voters', 'controller.quorum.bootstrap.servers']) {
    const s = judged(unit, key);
    if (!s) continue;
    const count = s.value.split(',').filter((x) => x.trim()).length;
    if (count > 1) {
      const shown = code(ctx.fixer.keyName(unit, key));
      return { en: `${shown} listing ${count} nodes`, zh: `${shown} 列出了 ${count} 个节点，说明有多个 broker` };
    }
  }
  for (const key of RF_KEYS) {
    const s = judged(unit, key);
    const v = asInt(s?.value);
    if (s && v !== undefined && v > 1) {
      const shown = code(ctx.fixer.show(unit, s));
      return { en: `${shown} (several brokers)`, zh: `设置了 ${shown}，说明有多个 broker` };
    }
  }
  return undefined;
}

/** The replication factor the unit states for its topics: the broker default or a KafkaTopic's replicas. */
function statedRf(unit: ConfigUnit): { setting: Setting; value: number } | 'dynamic' | undefined {
  const key = unit.role === 'topic' ? 'replication.factor' : 'default.replication.factor';
  const s = effective(unit, key);
  if (!s) return undefined;
  const v = asInt(s.value);
  return isDynamic(s) || v === undefined ? 'dynamic' : { setting: s, value: v };
}

interface Plan {
  title: string;
  edits: Edit[];
  /** The remedy sentence. */
  remedy: string;
}

/**
 * The fix: min ISR RF−1 when the unit states an RF ≥ 3; 2 when it states none (a broker unit then
 * also gets `default.replication.factor=3`, so topics created without an RF are not left with fewer
 * replicas than the new floor — unless the broker count is known to be below 3). Never a min ISR
 * ≥ RF: that would block acks=all writes.
 */
function plan(ctx: RuleContext, unit: ConfigUnit, existing: Setting | undefined): Plan | undefined {
  const rf = statedRf(unit);
  if (rf === 'dynamic') return undefined;
  const brokers = unit.facts.brokerCount;
  let target: number;
  let addRf = false;
  if (rf) {
    if (rf.value < 3) return undefined;
    target = rf.value - 1;
  } else {
    if (brokers !== undefined && brokers < 3) return undefined;
    target = 2;
    addRf = unit.role === 'broker';
  }
  const value = String(target);
  const edits = existing ? ctx.fixer.setValue(unit, existing, value) : ctx.fixer.insert(unit, KEY, value);
  if (!edits.length) return undefined;
  const minIsr = ctx.fixer.written(unit, KEY, value, existing);
  if (!addRf) {
    return {
      title: ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: minIsr }),
      edits,
      remedy: ctx.t({ en: 'Set `{a}`.', zh: '请设置 `{a}`。' }, { a: minIsr }),
    };
  }
  const rfEdits = ctx.fixer.insert(unit, 'default.replication.factor', '3');
  if (!rfEdits.length) return undefined;
  const rfText = ctx.fixer.assignment(unit, 'default.replication.factor', '3');
  return {
    title: ctx.t({ en: 'Set `{a}` and `{b}`', zh: '设置 `{a}` 和 `{b}`' }, { a: minIsr, b: rfText }),
    edits: [...edits, ...rfEdits],
    remedy: ctx.t(
      { en: 'Set `{a}`, with `{b}` for topics created without a replication factor.', zh: '请设置 `{a}`，并为未指定副本数创建的主题设置 `{b}`。' },
      { a: minIsr, b: rfText },
    ),
  };
}

const EXPLICIT: L10n = {
  en: '`{shown}`{note}: once the other replicas fall out of sync, the leader alone acknowledges an `acks=all` write, and a failure of that broker loses it. {remedy}',
  zh: '`{shown}`{note}：其他副本掉出 ISR 后，`acks=all` 的写入只由 leader 一个副本确认，该 broker 故障即丢失这条消息。{remedy}',
};

const UNSET: L10n = {
  en: '`{key}` is unset; the {source} is `{def}`. With {evidence}, the leader alone can acknowledge an `acks=all` write once the other replicas fall out of sync, and a failure of that broker loses it. {remedy}',
  zh: '未设置 `{key}`，默认值为 `{def}`（{source}）。{evidence}；其他副本掉出 ISR 后，`acks=all` 的写入只由 leader 确认，该 broker 故障即丢失这条消息。{remedy}',
};

function remedy(ctx: RuleContext, unit: ConfigUnit, p: Plan | undefined): string {
  if (p) return p.remedy;
  const rf = statedRf(unit);
  if (rf && rf !== 'dynamic' && rf.value < 3) {
    return ctx.t(
      {
        en: 'With `{rf}`, no min ISR value both protects acknowledged writes and survives a broker failure: raise the replication factor to 3, then set `{key}` to 2.',
        zh: '在 `{rf}` 下，任何 min ISR 都无法既保护写入又容忍一个 broker 故障：先把副本数提高到 3，再把 `{key}` 设为 2。',
      },
      { rf: ctx.fixer.show(unit, rf.setting), key: ctx.fixer.keyName(unit, KEY) },
    );
  }
  if (unit.facts.brokerCount !== undefined && unit.facts.brokerCount < 3) {
    return ctx.t(
      {
        en: 'With {n} brokers, no min ISR value both protects acknowledged writes and survives a broker failure: add a third broker, then use replication factor 3 with `{key}` 2.',
        zh: '只有 {n} 个 broker 时，任何 min ISR 都无法既保护写入又容忍一个 broker 故障：增加第三个 broker，再使用副本数 3 与 `{key}` 2。',
      },
      { n: unit.facts.brokerCount, key: ctx.fixer.keyName(unit, KEY) },
    );
  }
  return ctx.t(
    { en: 'Set `{key}` to 2 with a replication factor of 3.', zh: '请在副本数为 3 时把 `{key}` 设为 2。' },
    { key: ctx.fixer.keyName(unit, KEY) },
  );
}

function fixesOf(ctx: RuleContext, p: Plan | undefined) {
  return p ? [ctx.makeFix(p.title, 'unsafe', p.edits, true)] : [];
}

const rule: Rule = {
  meta: {
    id: 'min-insync-replicas',
    severities: ['warning'],
    formats: ['properties', 'yaml'],
    category: 'broker',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds a `min.insync.replicas` of 1, explicit or by default on a multi-broker cluster.',
        zh: '发现 `min.insync.replicas` 为 1 的配置：显式设置，或在多 broker 集群中依赖默认值。',
      },
      why: {
        en: '`min.insync.replicas` is the number of in-sync replicas an `acks=all` write must reach. At 1 (the Kafka default) the write succeeds as soon as the leader has it whenever the followers have fallen out of sync, so a failure of that one broker loses acknowledged records. Strimzi warns about it on clusters of more than one broker. A single-broker setup cannot do better and is left alone. Confluent for Kubernetes sets it from the broker count when a `Kafka` resource leaves it unset, so there only a value written in `configOverrides.server` is judged.',
        zh: '`min.insync.replicas` 是 `acks=all` 写入必须到达的同步副本数。取值 1（Kafka 默认值）时，一旦 follower 掉出 ISR，只要 leader 写入即算成功，这一个 broker 故障就会丢失已确认的消息。Strimzi 在多于一个 broker 的集群上会对此告警。单 broker 环境无法做得更好，本规则不报告。`Kafka` 资源未设置时，Confluent for Kubernetes 会按 broker 数量设置它，因此那里只判断 `configOverrides.server` 中写明的值。',
      },
      fix: {
        en: 'Set `min.insync.replicas=2` with a replication factor of 3 (in general RF−1, never ≥ RF). The fix is unsafe: with fewer in-sync replicas than the minimum, `acks=all` producers get NotEnoughReplicas errors instead of writing, so write availability is traded for durability. Where the broker config sets no `default.replication.factor`, the fix also sets it to 3, which needs at least 3 brokers.',
        zh: '在副本数为 3 时设置 `min.insync.replicas=2`（一般为 RF−1，绝不 ≥ RF）。此修复不安全：同步副本少于下限时，`acks=all` 的生产者会收到 NotEnoughReplicas 错误而无法写入，即以写可用性换取持久性。若 broker 配置未设置 `default.replication.factor`，修复同时将其设为 3，这需要至少 3 个 broker。',
      },
      references: [
        { title: 'Kafka broker config: min.insync.replicas', url: 'https://kafka.apache.org/documentation/#brokerconfigs_min.insync.replicas' },
        { title: 'Kafka topic config: min.insync.replicas', url: 'https://kafka.apache.org/documentation/#topicconfigs_min.insync.replicas' },
        { title: 'Kafka design: availability and durability guarantees', url: 'https://kafka.apache.org/documentation/#design_ha' },
        { title: 'Strimzi: configuring Kafka brokers', url: 'https://strimzi.io/docs/operators/latest/configuring.html' },
        { title: 'Confluent for Kubernetes: configuration overview (values CFK sets)', url: 'https://docs.confluent.io/operator/current/co-configure-overview.html' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'server.properties',
          bad: 'process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@k1:9093,2@k2:9093,3@k3:9093\ndefault.replication.factor=3\nmin.insync.replicas=1\n',
          good: 'process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@k1:9093,2@k2:9093,3@k3:9093\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      default.replication.factor: 3\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n',
        },
        {
          surface: 'strimzi-topic',
          path: 'topic.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 3\n  config:\n    min.insync.replicas: 1\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka1:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n  kafka2:\n    image: apache/kafka:4.0.0\n  kafka3:\n    image: apache/kafka:4.0.0\n',
          good: 'services:\n  kafka1:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n  kafka2:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n  kafka3:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.role !== 'broker' && unit.role !== 'topic') continue;
      // One broker: a min ISR of 1 is all it can have.
      if (unit.facts.brokerCount === 1) continue;
      const s = judged(unit, KEY);
      if (s) {
        if (asInt(s.value) !== 1) continue;
        const rf = statedRf(unit);
        // A topic with fewer than 3 replicas: min ISR 1 is its only fault-tolerant choice; the
        // replication-factor rule reports the replica count.
        if (unit.role === 'topic' && rf && rf !== 'dynamic' && rf.value < 3) continue;
        const p = plan(ctx, unit, s);
        ctx.report({
          severity: 'warning',
          message: ctx.t(EXPLICIT, { shown: ctx.fixer.show(unit, s), note: placeholderNote(s, ctx.locale === 'zh-cn'), remedy: remedy(ctx, unit, p) }),
          span: s.valueSpan,
          fixes: fixesOf(ctx, p),
        });
        continue;
      }
      // Unset: topics inherit the broker default; only a broker unit of a multi-broker cluster is judged.
      if (unit.role !== 'broker') continue;
      if (unit.settings.some((x) => x.key === KEY)) continue; // dynamic: never judged
      // An image-ignored variable meant to set it: env-var-image reports that, and its rename fixes both.
      if (ignoredEnvReported(unit, KEY)) continue;
      // Confluent for Kubernetes sets it from the broker count; an envFrom source elsewhere may.
      if (unsetUnknown(unit, KEY)) continue;
      const evidence = multiBrokerEvidence(ctx, unit);
      if (!evidence) continue;
      const def = ctx.defaultOf(unit, KEY) ?? { value: '1', source: `Kafka ${kafkaVersionOf(ctx, unit)} default` };
      if (asInt(def.value) !== 1) continue;
      const p = plan(ctx, unit, undefined);
      ctx.report({
        severity: 'warning',
        message: ctx.t(UNSET, {
          key: ctx.fixer.keyName(unit, KEY),
          source: def.source,
          def: def.value,
          evidence: ctx.locale === 'zh-cn' ? evidence.zh : evidence.en,
          remedy: remedy(ctx, unit, p),
        }),
        span: unit.anchor,
        fixes: fixesOf(ctx, p),
      });
    }
  },
};
export default rule;
