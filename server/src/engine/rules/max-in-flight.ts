// max.in.flight.requests.per.connection (facts §2.2, §2.10): more than 5 breaks idempotence;
// more than 1 without idempotence lets retries reorder records.

import type { ConfigUnit, Setting } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { asInt, isDynamic, normAcks, reportAt } from './util.js';
import { clientSetting, RDK_MAX_IN_FLIGHT, rdkIdempotence } from './librdkafka.js';
import {
  ACKS,
  IN_FLIGHT,
  assignFor,
  RETRIES,
  defaultOf,
  explicit,
  javaIdempotence,
  kafkaAtLeast,
  placeholder,
  producerLike,
  transactionalId,
} from './idempotence.js';

const rule: Rule = {
  meta: {
    id: 'max-in-flight',
    severities: ['error', 'warning', 'information'],
    formats: ['properties', 'yaml', 'go'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: '`max.in.flight.requests.per.connection` too high for idempotence, or above 1 without it.',
        zh: '`max.in.flight.requests.per.connection` 超出幂等性允许的范围，或在没有幂等性时大于 1。',
      },
      why: {
        en:
          'The broker remembers the last 5 batches of each idempotent producer, so idempotence allows at most 5 requests in flight per ' +
          'connection (1 on Kafka 0.11.0). Above that, Kafka 4.0 and later refuse to start the producer (ConfigException) whenever ' +
          'idempotence is on, by default or explicitly; Kafka 3.x refuses when idempotence or a `transactional.id` is set explicitly and ' +
          'otherwise silently turns the default idempotence off. Without idempotence, more than one request in flight lets a retried ' +
          'batch land after a later one: records are reordered (and a retry can duplicate them). librdkafka (its own name is ' +
          '`max.in.flight`, default 1000000) has the same limit of 5: with idempotence set, or implied by a `transactional.id`, it ' +
          'refuses to create a producer whose `max.in.flight` is higher.',
        zh:
          'broker 只记住每个幂等生产者最近 5 个批次，所以幂等性要求每个连接最多 5 个在途请求（Kafka 0.11.0 上为 1）。超过这个值时，' +
          'Kafka 4.0 及以上只要幂等性开启（无论是默认还是显式）就拒绝启动生产者（ConfigException）；Kafka 3.x 在显式开启幂等性或设置了 ' +
          '`transactional.id` 时拒绝启动，否则悄悄关闭默认的幂等性。没有幂等性时，多于 1 个在途请求会让重试的批次落在后发的批次之后：' +
          '记录顺序被打乱（重试还可能产生重复）。librdkafka（自己的名字是 `max.in.flight`，默认 1000000）有同样的上限 5：显式开启幂等性或设置了 ' +
          '`transactional.id`（隐含开启幂等性）时，`max.in.flight` 更大的生产者无法创建。',
      },
      fix: {
        en:
          'Set `max.in.flight.requests.per.connection=5`. When the producer cannot start otherwise the fix is safe. On Kafka 3.x, where ' +
          'the producer runs but without idempotence, it is unsafe: it turns idempotence back on (brokers older than 2.8 need the ' +
          'IDEMPOTENT_WRITE ACL). Without idempotence, the fix sets 1 to keep order, which costs throughput; enabling idempotence (see ' +
          '`idempotence`) keeps order with up to 5.',
        zh:
          '设置 `max.in.flight.requests.per.connection=5`。当生产者否则无法启动时，该修复是安全的。在 Kafka 3.x 上生产者能运行但没有幂等性，' +
          '此时修复不安全：它会重新开启幂等性（2.8 之前的 broker 需要 IDEMPOTENT_WRITE 权限）。没有幂等性时，修复设为 1 以保证顺序，' +
          '代价是吞吐量；开启幂等性（见 `idempotence`）可以在最多 5 个在途请求下保持顺序。',
      },
      references: [
        {
          title: 'Kafka producer configs: max.in.flight.requests.per.connection',
          url: 'https://kafka.apache.org/documentation/#producerconfigs_max.in.flight.requests.per.connection',
        },
        { title: 'Kafka producer configs: enable.idempotence', url: 'https://kafka.apache.org/documentation/#producerconfigs_enable.idempotence' },
        { title: 'Kafka 4.0 upgrade notes', url: 'https://kafka.apache.org/documentation/#upgrade_4_0_0' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\nmax.in.flight.requests.per.connection=10\n',
          good: 'bootstrap.servers=localhost:9092\nmax.in.flight.requests.per.connection=5\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[max.in.flight.requests.per.connection]=10\n',
          good: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[max.in.flight.requests.per.connection]=5\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n',
          good: 'spring:\n  kafka:\n    producer:\n      properties:\n        "[max.in.flight.requests.per.connection]": 5\n',
        },
        {
          surface: 'confluent-kafka-go',
          title: { en: 'confluent-kafka-go (librdkafka)', zh: 'confluent-kafka-go（librdkafka）' },
          path: 'producer.go',
          bad:
            'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc newProducer() (*kafka.Producer, error) {\n' +
            '\treturn kafka.NewProducer(&kafka.ConfigMap{\n\t\t"bootstrap.servers":  "kafka:9092",\n\t\t"enable.idempotence": true,\n\t\t"max.in.flight":      20,\n\t})\n}\n',
          good:
            'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc newProducer() (*kafka.Producer, error) {\n' +
            '\treturn kafka.NewProducer(&kafka.ConfigMap{\n\t\t"bootstrap.servers":  "kafka:9092",\n\t\t"enable.idempotence": true,\n\t\t"max.in.flight":      5,\n\t})\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    const f = ctx.fixer;
    for (const unit of ctx.file.units) {
      if (unit.client === 'librdkafka' && producerLike(ctx.file, unit)) checkLibrdkafka(ctx, unit);
      if (unit.client !== 'java' || !producerLike(ctx.file, unit)) continue;
      const m = explicit(unit, IN_FLIGHT);
      if (!m.setting || m.dynamic) continue;
      const n = asInt(m.setting.value);
      if (n === undefined) continue;
      const shown = f.show(unit, m.setting);
      const ph = placeholder(ctx, m.setting);
      const hasIdempotence = kafkaAtLeast(ctx, unit, '0.11');
      const limit = kafkaAtLeast(ctx, unit, '1.0') ? 5 : 1;
      const st = javaIdempotence(ctx, unit);
      const tid = hasIdempotence ? transactionalId(unit) : undefined;
      if (hasIdempotence && st.setting && st.on === undefined) continue; // dynamic enable.idempotence
      // Kafka validates max.in.flight while enable.idempotence is still true (explicit, or the
      // default) — before acks/retries turn a default idempotence off (ProducerConfig,
      // postProcessAndValidateIdempotenceConfigs): 4.x throws then; 3.x throws only when
      // idempotence was set explicitly, else turns it off. A transactional.id needs idempotence
      // (implied before 3.0, validated since), so turning it off fails too.
      const unset = st.explicitValue === undefined;
      const required = st.explicitValue === true || (unset && !!tid);
      const unknownDisablers = unset && st.defaultOn && st.on === undefined;
      let mode: 'fatal' | 'silent' | 'off' | 'ok' = 'off';
      if (!hasIdempotence || st.explicitValue === false) mode = 'off';
      else if (required) mode = 'fatal';
      else if (st.defaultOn && kafkaAtLeast(ctx, unit, '4.0')) mode = 'fatal';
      else if (unknownDisablers) continue;
      else if (st.defaultOn && !st.disablers.length) mode = 'silent';
      if (n <= limit && (mode === 'fatal' || mode === 'silent')) mode = 'ok';
      if (mode === 'fatal' || mode === 'silent') {
        const fatal = mode === 'fatal';
        const fixed = assignFor(ctx, unit, m.setting, String(limit));
        const why = st.explicitValue === true ? f.show(unit, st.setting!) : tid ? f.show(unit, tid) : undefined;
        ctx.report({
          severity: fatal ? 'error' : 'warning',
          message: fatal
            ? ctx.t(
                why
                  ? {
                      en:
                        '`{shown}`{ph} with `{why}`: idempotence allows at most {limit} requests in flight, so the producer fails at ' +
                        'startup with a ConfigException. Set `{fixed}`.',
                      zh: '`{shown}`{ph} 与 `{why}` 冲突：幂等性最多允许 {limit} 个在途请求，生产者启动时会抛出 ConfigException。请设置 `{fixed}`。',
                    }
                  : {
                      en:
                        '`{shown}`{ph}: idempotence is on by default and allows at most {limit} requests in flight; since Kafka 4.0 the ' +
                        'producer fails at startup with a ConfigException instead of turning idempotence off (target Kafka {version}). ' +
                        'Set `{fixed}`.',
                      zh:
                        '`{shown}`{ph}：幂等性默认开启，最多允许 {limit} 个在途请求；从 Kafka 4.0 起生产者不再关闭幂等性，而是启动时抛出 ' +
                        'ConfigException（目标版本 Kafka {version}）。请设置 `{fixed}`。',
                    },
                { shown, ph, why: why ?? '', limit, fixed, version: kafkaVersionOf(ctx, unit) },
              )
            : ctx.t(
                {
                  en:
                    '`{shown}`{ph} silently turns off the default idempotence on Kafka {version} (it allows at most {limit} requests in ' +
                    'flight): retries can then duplicate and reorder records, and Kafka 4.0 refuses this config. Set `{fixed}`.',
                  zh:
                    '`{shown}`{ph} 会在 Kafka {version} 上悄悄关闭默认的幂等性（幂等性最多允许 {limit} 个在途请求）：重试随后可能产生重复并打乱顺序，' +
                    'Kafka 4.0 会拒绝该配置。请设置 `{fixed}`。',
                },
                { shown, ph, version: kafkaVersionOf(ctx, unit), limit, fixed },
              ),
          // (an inherited count fails here because of this unit's own idempotence or transactional id)
          ...reportAt(unit, m.setting, st.explicitValue === true ? st.setting : undefined, tid),
          fixes: [
            ctx.makeFix(
              ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fixed }),
              fatal ? 'safe' : 'unsafe',
              f.setValue(unit, m.setting, String(limit)),
              true,
            ),
          ],
        });
        continue;
      }
      if (mode === 'ok' || n <= 1) continue;
      if (tid && hasIdempotence) continue; // idempotence explicitly off with transactions: transactional-id reports it
      // Idempotence off: reordering needs retries (acks=0 never retries).
      const acks = explicit(unit, ACKS);
      if (acks.dynamic) continue;
      const acksValue = normAcks(acks.setting ? acks.setting.value : defaultOf(ctx, unit, ACKS)?.value);
      if (acksValue === '0') continue;
      const r = explicit(unit, RETRIES);
      if (r.dynamic) continue;
      const retries = asInt(r.setting ? r.setting.value : defaultOf(ctx, unit, RETRIES)?.value);
      if (!retries || retries <= 0) continue;
      let reason: string;
      if (!hasIdempotence) {
        reason = ctx.t({ en: 'Kafka {version} has no idempotent producer', zh: 'Kafka {version} 没有幂等生产者' }, { version: kafkaVersionOf(ctx, unit) });
      } else if (st.setting) {
        reason = ctx.t({ en: '`{s}`', zh: '`{s}`' }, { s: f.show(unit, st.setting) });
      } else if (st.disablers.length) {
        reason = ctx.t({ en: '`{s}` turns it off', zh: '`{s}` 关闭了幂等性' }, { s: f.show(unit, st.disablers[0]) });
      } else {
        const d = defaultOf(ctx, unit, 'enable.idempotence');
        reason = ctx.t(
          { en: 'idempotence is unset; the {source} is `{value}`', zh: '未设置幂等性，默认值（{source}）为 `{value}`' },
          { source: d?.source ?? `Kafka ${kafkaVersionOf(ctx, unit)} default`, value: st.defaultOn ? 'true' : 'false' },
        );
        if (st.defaultOn === false && d?.value === 'true') {
          reason = ctx.t(
            { en: 'idempotence is unset and Kafka {version} does not apply its default (KAFKA-13598)', zh: '未设置幂等性，且 Kafka {version} 不会应用其默认值（KAFKA-13598）' },
            { version: kafkaVersionOf(ctx, unit) },
          );
        }
      }
      reportReordering(ctx, unit, m.setting, reason);
    }
  },
};

/**
 * librdkafka (rules/librdkafka.ts): with idempotence on (set, or implied by a transactional id) an
 * explicit `max.in.flight` above 5 makes librdkafka refuse to create the producer; with it off,
 * more than one request in flight lets retries reorder records.
 */
function checkLibrdkafka(ctx: RuleContext, unit: ConfigUnit): void {
  const f = ctx.fixer;
  const m = clientSetting(unit, IN_FLIGHT);
  if (!m || isDynamic(m)) return;
  const n = asInt(m.value);
  if (n === undefined) return;
  const st = rdkIdempotence(unit);
  if (st.on === undefined) return;
  const shown = f.show(unit, m);
  const ph = placeholder(ctx, m);
  if (st.on) {
    if (n <= RDK_MAX_IN_FLIGHT) return;
    const why = (st.setting ?? st.tid)!;
    const fixed = assignFor(ctx, unit, m, String(RDK_MAX_IN_FLIGHT));
    ctx.report({
      severity: 'error',
      message: ctx.t(
        {
          en: '`{shown}`{ph} with `{why}`: idempotence allows at most {limit} requests in flight, so librdkafka refuses to create the producer. Set `{fixed}`.',
          zh: '`{shown}`{ph} 与 `{why}` 冲突：幂等性最多允许 {limit} 个在途请求，librdkafka 拒绝创建该生产者。请设置 `{fixed}`。',
        },
        { shown, ph, why: f.show(unit, why), limit: RDK_MAX_IN_FLIGHT, fixed },
      ),
      ...reportAt(unit, m, why),
      fixes: [ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fixed }), 'safe', f.setValue(unit, m, String(RDK_MAX_IN_FLIGHT)), true)],
    });
    return;
  }
  if (n <= 1) return;
  // Reordering needs retries (acks=0 never retries); librdkafka's defaults are acks=all and 2147483647 retries.
  const acks = clientSetting(unit, ACKS);
  if (acks && (isDynamic(acks) || normAcks(acks.value) === '0')) return;
  const r = clientSetting(unit, RETRIES);
  if (r && (isDynamic(r) || !((asInt(r.value) ?? 0) > 0))) return;
  const reason = st.setting
    ? ctx.t({ en: '`{s}`', zh: '`{s}`' }, { s: f.show(unit, st.setting) })
    : ctx.t({ en: 'idempotence is unset; the librdkafka default is `false`', zh: '未设置幂等性，librdkafka 默认值为 `false`' });
  reportReordering(ctx, unit, m, reason);
}

/** More than one request in flight without idempotence (`reason`): retries reorder records. */
function reportReordering(ctx: RuleContext, unit: ConfigUnit, m: Setting, reason: string): void {
  const f = ctx.fixer;
  const fixed = assignFor(ctx, unit, m, '1');
  ctx.report({
    severity: 'information',
    message: ctx.t(
      {
        en:
          '`{shown}`{ph} without idempotence ({reason}): a retried batch can land after a later one, so records are reordered. ' +
          'Set `{fixed}` to keep order, or enable idempotence.',
        zh: '`{shown}`{ph} 且没有幂等性（{reason}）：重试的批次可能落在后发的批次之后，记录顺序被打乱。请设置 `{fixed}` 以保证顺序，或开启幂等性。',
      },
      { shown: f.show(unit, m), ph: placeholder(ctx, m), reason, fixed },
    ),
    span: m.valueSpan,
    fixes: [ctx.makeFix(ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: fixed }), 'unsafe', f.setValue(unit, m, '1'), true)],
  });
}

export default rule;
