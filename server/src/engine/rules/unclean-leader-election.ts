// unclean.leader.election.enable lets a replica outside the ISR become leader; its log becomes
// the truth even though it may lack committed records (facts.md §4.3). Default true up to 0.10.2,
// false since 0.11.0.0.

import type { L10n } from '../l10n.js';
import type { Rule } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { compareVersions } from '../knowledge/index.js';
import { asBool, judged, placeholderNote, ignoredEnvReported, unsetUnknown } from './util.js';

const KEY = 'unclean.leader.election.enable';

const EXPLICIT: L10n = {
  en: '`{shown}`{note}: when every in-sync replica of a partition is down, a replica that is out of sync becomes leader, and the records it never copied — acknowledged ones included — are lost. Set `{fix}` and let the partition wait for an in-sync replica.',
  zh: '`{shown}`{note}：当分区的所有同步副本都宕机时，一个不同步的副本会成为 leader，它未复制到的消息（包括已确认的消息）将丢失。请设置 `{fix}`，让分区等待同步副本恢复。',
};

const DEFAULT_TRUE: L10n = {
  en: '`{key}` is unset; the {source} is `{value}`: when every in-sync replica of a partition is down, a replica that is out of sync becomes leader and acknowledged records it never copied are lost. Set `{fix}` (the default since Kafka 0.11).',
  zh: '未设置 `{key}`，默认值为 `{value}`（{source}）：当分区的所有同步副本都宕机时，不同步的副本会成为 leader，它未复制到的已确认消息将丢失。请设置 `{fix}`（Kafka 0.11 起的默认值）。',
};

const rule: Rule = {
  meta: {
    id: 'unclean-leader-election',
    severities: ['error', 'warning'],
    formats: ['properties', 'yaml'],
    category: 'broker',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds `unclean.leader.election.enable=true` on brokers and topics, and clusters older than Kafka 0.11 that rely on its old default `true`.',
        zh: '发现 broker 或主题上的 `unclean.leader.election.enable=true`，以及依赖旧默认值 `true` 的 Kafka 0.11 之前的集群。',
      },
      why: {
        en: 'With unclean leader election, a replica that is not in the ISR can be elected leader when all in-sync replicas are down. Its log becomes the source of truth although it may lack records that were already acknowledged, so they are lost, and consumers may see offsets go backwards. It was the default up to Kafka 0.10.2 (warning when the target version is that old and the setting is unset); since 0.11.0 the default is `false`.',
        zh: '开启 unclean leader 选举后，当所有同步副本宕机时，不在 ISR 中的副本也能被选为 leader。它的日志成为唯一依据，即使缺少已经确认的消息，这些消息因此丢失，消费者还可能看到位点回退。Kafka 0.10.2 及以前默认开启（目标版本如此之旧且未设置时给出警告）；0.11.0 起默认为 `false`。',
      },
      fix: {
        en: 'Set `unclean.leader.election.enable=false`. The fix is unsafe: it trades availability for consistency — when all in-sync replicas of a partition are down, the partition stays offline until one of them returns instead of continuing with possibly missing data.',
        zh: '设置 `unclean.leader.election.enable=false`。此修复不安全：它以可用性换取一致性——分区的所有同步副本宕机时，分区将保持不可用，直到其中之一恢复，而不是带着可能缺失的数据继续服务。',
      },
      references: [
        { title: 'Kafka broker config: unclean.leader.election.enable', url: 'https://kafka.apache.org/documentation/#brokerconfigs_unclean.leader.election.enable' },
        { title: 'Kafka design: unclean leader election', url: 'https://kafka.apache.org/documentation/#design_uncleanleader' },
        { title: 'Kafka 0.11.0 upgrade notes (new default false)', url: 'https://kafka.apache.org/documentation/#upgrade_1100_notable' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'server.properties',
          bad: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable=true\n',
          good: 'process.roles=broker\nnode.id=4\nunclean.leader.election.enable=false\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      unclean.leader.election.enable: true\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      unclean.leader.election.enable: false\n',
        },
        {
          surface: 'strimzi-topic',
          path: 'topic.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 3\n  config:\n    unclean.leader.election.enable: true\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 3\n  config:\n    unclean.leader.election.enable: false\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n',
          good: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n',
        },
        {
          surface: 'cfk-kafka',
          path: 'confluent-kafka.yaml',
          title: { en: 'Confluent for Kubernetes', zh: 'Confluent for Kubernetes' },
          bad: 'apiVersion: platform.confluent.io/v1beta1\nkind: Kafka\nmetadata:\n  name: kafka\nspec:\n  replicas: 3\n  image:\n    application: confluentinc/cp-server:7.9.0\n  configOverrides:\n    server:\n      - unclean.leader.election.enable=true\n',
          good: 'apiVersion: platform.confluent.io/v1beta1\nkind: Kafka\nmetadata:\n  name: kafka\nspec:\n  replicas: 3\n  image:\n    application: confluentinc/cp-server:7.9.0\n  configOverrides:\n    server:\n      - unclean.leader.election.enable=false\n',
        },
        {
          surface: 'kafka-properties',
          path: 'broker-config.yaml',
          title: { en: 'server.properties in a Kubernetes ConfigMap', zh: 'Kubernetes ConfigMap 中的 server.properties' },
          bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broker-config\ndata:\n  server.properties: |\n    process.roles=broker\n    unclean.leader.election.enable=true\n',
          good: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broker-config\ndata:\n  server.properties: |\n    process.roles=broker\n    unclean.leader.election.enable=false\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.role !== 'broker' && unit.role !== 'topic') continue;
      const s = judged(unit, KEY);
      // (As the occurrence the fix rewrites reads: a ConfigMap's `KAFKA_X: "false"`, an env file's.)
      const fixText = ctx.fixer.written(unit, KEY, 'false', s);
      const title = ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fixText });
      if (s) {
        if (asBool(s.value) !== true) continue;
        const edits = ctx.fixer.setValue(unit, s, 'false');
        ctx.report({
          severity: 'error',
          message: ctx.t(EXPLICIT, { shown: ctx.fixer.show(unit, s), note: placeholderNote(s, ctx.locale === 'zh-cn'), fix: fixText }),
          span: s.valueSpan,
          fixes: [ctx.makeFix(title, 'unsafe', edits, true)],
        });
        continue;
      }
      // Topics inherit the broker setting; a dynamic value is never judged.
      if (unit.role !== 'broker' || unit.settings.some((x) => x.key === KEY)) continue;
      // An image-ignored variable meant to set it: env-var-image reports that.
      if (ignoredEnvReported(unit, KEY)) continue;
      // An envFrom source this file does not hold may set it.
      if (unsetUnknown(unit, KEY)) continue;
      const old = compareVersions(kafkaVersionOf(ctx, unit), '0.11') < 0;
      const def = ctx.defaultOf(unit, KEY) ?? (old ? { value: 'true', source: `Kafka ${kafkaVersionOf(ctx, unit)} default` } : undefined);
      if (!def || asBool(def.value) !== true) continue;
      ctx.report({
        severity: 'warning',
        message: ctx.t(DEFAULT_TRUE, { key: ctx.fixer.keyName(unit, KEY), source: def.source, value: def.value, fix: fixText }),
        span: unit.anchor,
        fixes: [ctx.makeFix(title, 'unsafe', ctx.fixer.insert(unit, KEY, 'false'), true)],
      });
    }
  },
};
export default rule;
