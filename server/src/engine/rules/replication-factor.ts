// Replication factor below 3 (facts.md §4.2, §4.7, §4.8): with f+1 replicas a topic survives f
// broker failures, so RF 1 loses the partition with one disk, RF 2 cannot pair a failure with a
// min ISR above 1. Strimzi rejects an RF larger than the broker count (§9), so 3 is offered only
// when the cluster is not known to be smaller.

import type { ConfigUnit, Setting } from '../model.js';
import { controllerOnly } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { asInt, judged, placeholderNote } from './util.js';

const BROKER_KEYS = ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor'];
const TOPIC_KEYS = ['replication.factor'];
/** What a KRaft controller reads of them: the factor for topics created with -1 (the brokers create the internal topics). */
const CONTROLLER_KEYS = ['default.replication.factor'];

/** What the replicas protect, per key. */
const SUBJECT: Record<string, L10n> = {
  'default.replication.factor': {
    en: 'topics created without an explicit replication factor (auto-created, or created with -1) get',
    zh: '未显式指定副本数创建的主题（自动创建或以 -1 创建）只有',
  },
  'offsets.topic.replication.factor': {
    en: 'the consumer offsets topic `__consumer_offsets` gets',
    zh: '消费位点主题 `__consumer_offsets` 只有',
  },
  'transaction.state.log.replication.factor': {
    en: 'the transaction state topic `__transaction_state` gets',
    zh: '事务状态主题 `__transaction_state` 只有',
  },
  'replication.factor': { en: 'this topic gets', zh: '该主题只有' },
};

/** Spring Cloud Stream's Kafka binder creates the topics of its bindings (unless `auto-create-topics: false`). */
const BINDER_TOPICS: L10n = { en: 'the topics the Kafka binder creates get', zh: 'Kafka binder 创建的主题只有' };
const BINDER_CONSEQUENCE: L10n = { en: 'their records are lost with the disk of the broker that holds them', zh: '其中的消息会随所在 broker 的磁盘一起丢失' };
const BINDING_TOPIC: L10n = { en: 'the topic the Kafka binder creates for binding `{binding}` gets', zh: 'Kafka binder 为绑定 `{binding}` 创建的主题只有' };

const CONSEQUENCE: Record<string, L10n> = {
  'default.replication.factor': {
    en: 'records in them are lost with the disk of the broker that holds them',
    zh: '这些主题中的消息会随所在 broker 的磁盘一起丢失',
  },
  'offsets.topic.replication.factor': {
    en: 'committed offsets are lost with that broker, and consumers restart from `auto.offset.reset` (skipping or reprocessing records)',
    zh: '已提交的位点会随该 broker 丢失，消费者将按 `auto.offset.reset` 重新开始（跳过或重复处理消息）',
  },
  'transaction.state.log.replication.factor': {
    en: 'transaction state is lost with that broker, and transactional producers stall',
    zh: '事务状态会随该 broker 丢失，事务型生产者将无法继续',
  },
  'replication.factor': {
    en: 'its records are lost with the disk of the broker that holds them',
    zh: '其消息会随所在 broker 的磁盘一起丢失',
  },
};

const ONE: L10n = {
  en: '`{shown}`{note}: {subject} a single replica; {consequence}. {remedy}',
  zh: '`{shown}`{note}：{subject}一个副本；{consequence}。{remedy}',
};

const TWO: L10n = {
  en: '`{shown}`{note}: {subject} two replicas, which survive one broker failure only with `min.insync.replicas=1`, so an `acks=all` write may then rest on a single copy. {remedy}',
  zh: '`{shown}`{note}：{subject}两个副本；只有在 `min.insync.replicas=1` 时才能容忍一个 broker 故障，此时 `acks=all` 的写入可能只有一份副本。{remedy}',
};

const SINGLE: L10n = {
  en: '`{shown}`{note}: this is a single-broker setup, so one replica is all a topic can have and data lives on one disk. Fine for development; a production cluster needs at least 3 brokers and a replication factor of 3.',
  zh: '`{shown}`{note}：这是单 broker 环境，主题最多只能有一个副本，数据只存在一块磁盘上。开发环境可以接受；生产集群需要至少 3 个 broker 与副本数 3。',
};

const SINGLE_TOO_MANY: L10n = {
  en: '`{shown}`{note}: this is a single-broker setup, and a topic cannot have more replicas than there are brokers, so creating it fails (internal topics stay unavailable). A production cluster needs at least 3 brokers and a replication factor of 3.',
  zh: '`{shown}`{note}：这是单 broker 环境，而主题的副本数不能超过 broker 数，因此创建该主题会失败（内部主题将一直不可用）。生产集群需要至少 3 个 broker 与副本数 3。',
};

function fixFor(ctx: RuleContext, unit: ConfigUnit, s: Setting) {
  const brokers = unit.facts.brokerCount;
  // Strimzi refuses an RF above the broker count, and no broker creates such a topic.
  if (brokers !== undefined && brokers < 3) return [];
  const edits = ctx.fixer.setValue(unit, s, '3');
  if (!edits.length) return [];
  const title = ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: ctx.fixer.assignment(unit, s.key, '3') });
  return [ctx.makeFix(title, 'unsafe', edits, true)];
}

const rule: Rule = {
  meta: {
    id: 'replication-factor',
    severities: ['warning', 'information'],
    formats: ['properties', 'yaml'],
    category: 'broker',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds replication factors below 3: `default.replication.factor`, `offsets.topic.replication.factor`, `transaction.state.log.replication.factor` and the `spec.replicas` of a Strimzi or Confluent for Kubernetes `KafkaTopic`.',
        zh: '发现低于 3 的副本数：`default.replication.factor`、`offsets.topic.replication.factor`、`transaction.state.log.replication.factor` 以及 Strimzi 或 Confluent for Kubernetes 的 `KafkaTopic` 的 `spec.replicas`。',
      },
      why: {
        en: 'With f+1 replicas a partition survives f broker failures without losing committed records. One replica (warning) means a single disk or broker loss loses the data — for `__consumer_offsets` the committed offsets, so consumers skip or reprocess. Two replicas (information) survive one failure only if `min.insync.replicas` is 1, which lets a write rest on one copy. In a setup known to have a single broker, one replica is all it can have: reported as information. On a KRaft controller that is not also a broker (`process.roles=controller`) only `default.replication.factor` is checked: the controller applies it to topics created with -1, while the brokers create `__consumer_offsets` and `__transaction_state` with their own settings. Spring Cloud Stream\'s Kafka binder creates the topics of its bindings with `spring.cloud.stream.kafka.binder.replication-factor` (a binding\'s `topic.replication-factor` overrides it; the default since binder 3.0.8, -1, means the broker\'s `default.replication.factor`), unless `auto-create-topics` is false.',
        zh: '有 f+1 个副本的分区可以在 f 个 broker 故障时不丢失已提交的消息。一个副本（警告）意味着一块磁盘或一个 broker 丢失即丢数据；对 `__consumer_offsets` 而言丢失的是已提交位点，消费者会跳过或重复处理消息。两个副本（提示）只有在 `min.insync.replicas` 为 1 时才能容忍一个故障，而这会让写入只落在一份副本上。已知只有一个 broker 的环境只能有一个副本，按提示报告。在不兼任 broker 的 KRaft controller（`process.roles=controller`）上只检查 `default.replication.factor`：controller 会把它用于以 -1 创建的主题，而 `__consumer_offsets` 和 `__transaction_state` 由 broker 按其自身配置创建。Spring Cloud Stream 的 Kafka binder 用 `spring.cloud.stream.kafka.binder.replication-factor` 创建其绑定的主题（绑定自己的 `topic.replication-factor` 优先；binder 3.0.8 起默认 -1，即使用 broker 的 `default.replication.factor`），除非 `auto-create-topics` 为 false。',
      },
      fix: {
        en: 'Set the replication factor to 3 (with `min.insync.replicas=2`). The fix is unsafe: it needs at least 3 brokers (Strimzi rejects a larger replication factor than brokers, and internal topics are not created until enough brokers exist), and it triples the storage and replication traffic. It changes only topics created afterwards; existing topics keep their replicas until reassigned. No fix is offered when the broker count is known to be below 3.',
        zh: '把副本数设为 3（并配合 `min.insync.replicas=2`）。此修复不安全：它需要至少 3 个 broker（Strimzi 拒绝大于 broker 数的副本数，内部主题在 broker 数不足时不会被创建），并使存储和复制流量增至三倍。它只影响此后创建的主题，已有主题需重新分配副本。已知 broker 少于 3 个时不提供修复。',
      },
      references: [
        { title: 'Kafka broker config: default.replication.factor', url: 'https://kafka.apache.org/documentation/#brokerconfigs_default.replication.factor' },
        { title: 'Kafka broker config: offsets.topic.replication.factor', url: 'https://kafka.apache.org/documentation/#brokerconfigs_offsets.topic.replication.factor' },
        { title: 'Kafka broker config: transaction.state.log.replication.factor', url: 'https://kafka.apache.org/documentation/#brokerconfigs_transaction.state.log.replication.factor' },
        { title: 'Kafka design: replication', url: 'https://kafka.apache.org/documentation/#replication' },
        { title: 'Strimzi: KafkaTopic resource', url: 'https://strimzi.io/docs/operators/latest/configuring.html#type-KafkaTopic-reference' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'server.properties',
          bad: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=1\n',
          good: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      offsets.topic.replication.factor: 1\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      offsets.topic.replication.factor: 3\n',
        },
        {
          surface: 'strimzi-topic',
          path: 'topic.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 1\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 3\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka1:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n  kafka2:\n    image: apache/kafka:4.0.0\n  kafka3:\n    image: apache/kafka:4.0.0\n',
          good: 'services:\n  kafka1:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 3\n  kafka2:\n    image: apache/kafka:4.0.0\n  kafka3:\n    image: apache/kafka:4.0.0\n',
        },
        {
          surface: 'cfk-topic',
          path: 'topics.yaml',
          title: { en: 'Confluent for Kubernetes KafkaTopic', zh: 'Confluent for Kubernetes 的 KafkaTopic' },
          bad: 'apiVersion: platform.confluent.io/v1beta1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  replicas: 1\n  partitionCount: 6\n  configs:\n    cleanup.policy: "delete"\n',
          good: 'apiVersion: platform.confluent.io/v1beta1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  replicas: 3\n  partitionCount: 6\n  configs:\n    cleanup.policy: "delete"\n',
        },
        {
          surface: 'k8s-broker',
          path: 'kafka-statefulset.yaml',
          title: { en: 'Kubernetes StatefulSet', zh: 'Kubernetes StatefulSet' },
          bad: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: kafka\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: kafka\n          image: apache/kafka:4.0.0\n          env:\n            - name: KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR\n              value: "1"\n',
          good: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: kafka\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: kafka\n          image: apache/kafka:4.0.0\n          env:\n            - name: KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR\n              value: "3"\n',
        },
      ],
    },
  },
  check(ctx) {
    const zh = ctx.locale === 'zh-cn';
    for (const unit of ctx.file.units) {
      // A controller-only node creates no internal topics: only its default.replication.factor counts.
      const keys = unit.role === 'broker' ? (controllerOnly(unit) ? CONTROLLER_KEYS : BROKER_KEYS) : unit.role === 'topic' ? TOPIC_KEYS : undefined;
      if (!keys) continue;
      for (const key of keys) {
        const s = judged(unit, key);
        const rf = asInt(s?.value);
        if (!s || rf === undefined || rf < 1 || rf >= 3) continue;
        const shown = ctx.fixer.show(unit, s);
        const note = placeholderNote(s, zh);
        if (unit.facts.brokerCount === 1) {
          ctx.report({ severity: 'information', message: ctx.t(rf === 1 ? SINGLE : SINGLE_TOO_MANY, { shown, note }), span: s.valueSpan });
          continue;
        }
        const fixes = fixFor(ctx, unit, s);
        const brokers = unit.facts.brokerCount;
        const remedy =
          brokers !== undefined && brokers < 3
            ? ctx.t(
                {
                  en: 'This cluster has {n} brokers; add brokers to reach 3, then use a replication factor of 3.',
                  zh: '该集群只有 {n} 个 broker；请增加到 3 个，再使用副本数 3。',
                },
                { n: brokers },
              )
            : ctx.t({ en: 'Use 3 replicas (on at least 3 brokers).', zh: '请使用 3 个副本（需要至少 3 个 broker）。' });
        const subject = unit.facts.binding ? (unit.facts.binding.name === undefined ? BINDER_TOPICS : BINDING_TOPIC) : SUBJECT[key];
        const consequence = subject === BINDER_TOPICS ? BINDER_CONSEQUENCE : CONSEQUENCE[key];
        const data = { shown, note, subject: ctx.t(subject, { binding: unit.facts.binding?.name ?? '' }), consequence: ctx.t(consequence), remedy };
        ctx.report({
          severity: rf === 1 ? 'warning' : 'information',
          message: ctx.t(rf === 1 ? ONE : TWO, data),
          span: s.valueSpan,
          fixes,
        });
      }
    }
  },
};
export default rule;
