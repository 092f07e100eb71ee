// auto.create.topics.enable (default true) creates a topic on first use with
// default.replication.factor replicas (default 1): a producer's typo or a forgotten topic ends up
// with a single replica (facts.md §4.9, §4.2). Kafka's production example disables it.

import { controllerOnly } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { asBool, asInt, judged, placeholderNote, ignoredEnvReported, unsetUnknown } from './util.js';

const ACE = 'auto.create.topics.enable';
const DRF = 'default.replication.factor';

const MESSAGE: L10n = {
  en: '{ace} while {drf}: a topic created on first use — by a typo in a topic name, or before it was created on purpose — gets a single replica and loses its records with one broker. Set `{fix}` and create topics explicitly.',
  zh: '{ace}，同时{drf}：首次使用时自动创建的主题（例如主题名拼写错误，或在正式创建之前被使用）只有一个副本，一个 broker 故障即丢失其中的消息。请设置 `{fix}` 并显式创建主题。',
};

const rule: Rule = {
  meta: {
    id: 'auto-create-topics',
    severities: ['information'],
    formats: ['properties', 'yaml'],
    category: 'broker',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds brokers that auto-create topics (explicitly or by default) with a default replication factor of 1.',
        zh: '发现会自动创建主题（显式开启或默认开启）且默认副本数为 1 的 broker。',
      },
      why: {
        en: '`auto.create.topics.enable` defaults to `true`: producing to or fetching metadata for a missing topic creates it with `num.partitions` partitions and `default.replication.factor` replicas, whose default is 1. A misspelled topic name or a topic used before it was set up therefore becomes a single-replica topic whose records are lost with one broker. A known single-broker setup is not reported, nor is a KRaft controller that is not also a broker (`process.roles=controller`): only brokers answer the requests that create topics.',
        zh: '`auto.create.topics.enable` 默认为 `true`：向不存在的主题生产或获取其元数据时，会以 `num.partitions` 个分区和 `default.replication.factor` 个副本（默认 1）创建该主题。因此拼错的主题名或尚未正式创建就被使用的主题会成为单副本主题，一个 broker 故障即丢失消息。已知的单 broker 环境不报告；不兼任 broker 的 KRaft controller（`process.roles=controller`）也不报告：只有 broker 会响应触发建主题的请求。',
      },
      fix: {
        en: 'Set `auto.create.topics.enable=false` and create topics explicitly with a replication factor of 3 (or raise `default.replication.factor` to 3). The fix is unsafe: applications that rely on topics appearing on first use get errors until the topics are created.',
        zh: '设置 `auto.create.topics.enable=false`，并以副本数 3 显式创建主题（或把 `default.replication.factor` 提高到 3）。此修复不安全：依赖首次使用时自动建主题的应用，在主题被创建之前会收到错误。',
      },
      references: [
        { title: 'Kafka broker config: auto.create.topics.enable', url: 'https://kafka.apache.org/documentation/#brokerconfigs_auto.create.topics.enable' },
        { title: 'Kafka broker config: default.replication.factor', url: 'https://kafka.apache.org/documentation/#brokerconfigs_default.replication.factor' },
        { title: 'Kafka operations: a production server config', url: 'https://kafka.apache.org/documentation/#prodconfig' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'server.properties',
          bad: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=true\n',
          good: 'process.roles=broker\nnode.id=4\nauto.create.topics.enable=false\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      default.replication.factor: 1\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      default.replication.factor: 1\n      auto.create.topics.enable: false\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka1:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "true"\n  kafka2:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"\n',
          good: 'services:\n  kafka1:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"\n  kafka2:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"\n',
        },
      ],
    },
  },
  check(ctx) {
    const zh = ctx.locale === 'zh-cn';
    for (const unit of ctx.file.units) {
      if (unit.role !== 'broker') continue;
      // Only brokers create topics on first use (a controller answers no client's metadata request).
      if (controllerOnly(unit)) continue;
      // A single broker cannot give any topic more than one replica.
      if (unit.facts.brokerCount === 1) continue;
      const ace = judged(unit, ACE);
      const drf = judged(unit, DRF);
      // An image-ignored variable meant to set one of them: env-var-image reports that first.
      if (ignoredEnvReported(unit, ACE, DRF)) continue;
      // An operator (CFK) or an envFrom source elsewhere may set either: not Kafka's defaults.
      if (unsetUnknown(unit, ACE) || unsetUnknown(unit, DRF)) continue;
      // Dynamic values are never judged.
      if ((!ace && unit.settings.some((s) => s.key === ACE)) || (!drf && unit.settings.some((s) => s.key === DRF))) continue;
      const aceDef = ace ? undefined : ctx.defaultOf(unit, ACE) ?? { value: 'true', source: `Kafka ${kafkaVersionOf(ctx, unit)} default` };
      const drfDef = drf ? undefined : ctx.defaultOf(unit, DRF) ?? { value: '1', source: `Kafka ${kafkaVersionOf(ctx, unit)} default` };
      if (asBool(ace ? ace.value : aceDef!.value) !== true) continue;
      if (asInt(drf ? drf.value : drfDef!.value) !== 1) continue;
      const unsetText = (key: string, d: { value: string; source: string }) =>
        ctx.t(
          { en: '`{key}` is unset (the {source} is `{value}`)', zh: '未设置 `{key}`（默认值为 `{value}`，{source}）' },
          { key: ctx.fixer.keyName(unit, key), source: d.source, value: d.value },
        );
      const aceText = ace ? `\`${ctx.fixer.show(unit, ace)}\`${placeholderNote(ace, zh)}` : unsetText(ACE, aceDef!);
      const drfText = drf ? `\`${ctx.fixer.show(unit, drf)}\`${placeholderNote(drf, zh)}` : unsetText(DRF, drfDef!);
      const fix = ctx.fixer.assignment(unit, ACE, 'false');
      ctx.report({
        severity: 'information',
        message: ctx.t(MESSAGE, { ace: aceText, drf: drfText, fix }),
        span: ace ? ace.valueSpan : drf ? drf.valueSpan : unit.anchor,
        fixes: [ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fix }), 'unsafe', ctx.fixer.set(unit, ACE, 'false'), true)],
      });
    }
  },
};
export default rule;
