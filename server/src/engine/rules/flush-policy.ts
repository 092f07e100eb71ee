// Forced fsync settings (facts.md §4.6). Kafka's defaults never force an fsync: durability comes
// from replication, and the docs recommend leaving these unset. Setting them costs throughput
// and latency (fsync blocks writes); it is not a loss bug, hence information.

import type { L10n } from '../l10n.js';
import type { Rule } from '../rule.js';
import { occurrences } from '../model.js';
import { judged, placeholderNote } from './util.js';

/** Long.MAX_VALUE: the default, "never force". */
const NEVER = 9223372036854775807n;

const KEYS: Record<string, { role: 'broker' | 'topic'; unit: 'messages' | 'ms' }> = {
  'log.flush.interval.messages': { role: 'broker', unit: 'messages' },
  'log.flush.interval.ms': { role: 'broker', unit: 'ms' },
  'flush.messages': { role: 'topic', unit: 'messages' },
  'flush.ms': { role: 'topic', unit: 'ms' },
};

const MESSAGE: L10n = {
  en: '`{shown}`{note}: forces an fsync {every}, which blocks writes and costs throughput and latency. Kafka gets durability from replication, not fsync, and recommends leaving flushing to the operating system. Remove it unless you deliberately want fsync on top of replication.',
  zh: '`{shown}`{note}：强制{every}执行一次 fsync，fsync 会阻塞写入，降低吞吐并增加延迟。Kafka 的持久性来自副本复制而不是 fsync，官方建议把刷盘交给操作系统。除非有意在副本复制之外再加上 fsync，否则请删除该设置。',
};

function parseLong(v: string): bigint | undefined {
  const t = v.trim();
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  return BigInt(t);
}

const rule: Rule = {
  meta: {
    id: 'flush-policy',
    severities: ['information'],
    formats: ['properties', 'yaml'],
    category: 'broker',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds `log.flush.interval.messages`, `log.flush.interval.ms`, `flush.messages` and `flush.ms` set to force fsync.',
        zh: '发现为强制 fsync 而设置的 `log.flush.interval.messages`、`log.flush.interval.ms`、`flush.messages` 与 `flush.ms`。',
      },
      why: {
        en: 'By default Kafka never forces an fsync: acknowledged records sit in the page cache and survive a broker process crash; a failed broker recovers from its replicas. The Kafka docs recommend not setting these and relying on replication, because forced fsync blocks writes and uses the disk less efficiently. Only a simultaneous power loss of all in-sync replicas loses page-cache data, which replication across racks or zones addresses. `9223372036854775807` (Long.MAX_VALUE) is the default and is not reported.',
        zh: '默认情况下 Kafka 从不强制 fsync：已确认的消息位于页缓存中，broker 进程崩溃时不会丢失；故障的 broker 会从副本恢复。Kafka 文档建议不要设置这些参数而依赖复制，因为强制 fsync 会阻塞写入并降低磁盘效率。只有所有同步副本同时断电才会丢失页缓存中的数据，跨机架或可用区部署副本即可应对。`9223372036854775807`（Long.MAX_VALUE）是默认值，不会报告。',
      },
      fix: {
        en: 'Remove the setting so the default (never force fsync) applies. The fix is unsafe: it gives up an extra guard some operators choose on purpose against correlated power loss of every replica; make sure replicas sit in separate failure domains first.',
        zh: '删除该设置，使默认行为（从不强制 fsync）生效。此修复不安全：它放弃了部分运维人员为防范所有副本同时断电而有意采用的额外保护；请先确保副本分布在不同的故障域中。',
      },
      references: [
        { title: 'Kafka broker config: log.flush.interval.messages', url: 'https://kafka.apache.org/documentation/#brokerconfigs_log.flush.interval.messages' },
        { title: 'Kafka topic config: flush.messages', url: 'https://kafka.apache.org/documentation/#topicconfigs_flush.messages' },
        { title: 'Kafka operations: application vs. OS flush management', url: 'https://kafka.apache.org/documentation/#appvsosflush' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'server.properties',
          bad: 'process.roles=broker\nnode.id=4\nlog.flush.interval.messages=1\n',
          good: 'process.roles=broker\nnode.id=4\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n      log.flush.interval.ms: 1000\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n',
        },
        {
          surface: 'strimzi-topic',
          path: 'topic.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 3\n  config:\n    flush.messages: 1\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\nspec:\n  partitions: 6\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_NODE_ID: 1\n      KAFKA_LOG_FLUSH_INTERVAL_MESSAGES: 1\n',
          good: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_NODE_ID: 1\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.role !== 'broker' && unit.role !== 'topic') continue;
      for (const [key, info] of Object.entries(KEYS)) {
        if (info.role !== unit.role) continue;
        const s = judged(unit, key);
        if (!s) continue;
        const n = parseLong(s.value);
        if (n === undefined || n < 1n || n >= NEVER) continue;
        const count = n.toString();
        const every =
          info.unit === 'messages'
            ? n === 1n
              ? ctx.t({ en: 'after every message', zh: '每条消息后' })
              : ctx.t({ en: 'every {n} messages', zh: '每 {n} 条消息' }, { n: count })
            : ctx.t({ en: 'every {n} ms', zh: '每 {n} 毫秒' }, { n: count });
        // Every occurrence goes, or an earlier duplicate would take over.
        const removeAll = () => {
          const edits = occurrences(unit, key).map((o) => ctx.fixer.remove(unit, o));
          return edits.some((e) => !e.length) ? [] : edits.flat();
        };
        const title = ctx.t({ en: 'Remove `{k}`', zh: '删除 `{k}`' }, { k: s.sourceKey });
        ctx.report({
          severity: 'information',
          message: ctx.t(MESSAGE, { shown: ctx.fixer.show(unit, s), note: placeholderNote(s, ctx.locale === 'zh-cn'), every }),
          span: s.valueSpan,
          fixes: [ctx.makeFix(title, 'unsafe', removeAll(), true)],
        });
      }
    }
  },
};
export default rule;
