// transactional.id with idempotence disabled (facts §2.2, §2.11, §7, §8.6): the producer
// cannot be created.

import type { ConfigUnit, Edit, Setting } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { compareVersions } from '../knowledge/index.js';
import { asBool, asInt, isDynamic, normAcks, reportAt, reportedAtConfig } from './util.js';
import { conflictFix, rdkIdempotence, rdkIdempotenceRepair } from './librdkafka.js';
import {
  ACKS,
  IDEMPOTENCE,
  IN_FLIGHT,
  RETRIES,
  assignFor,
  combine,
  defaultOf,
  explicit,
  fixTitle,
  javaIdempotence,
  javaIdempotenceRepair,
  kafkaAtLeast,
  placeholder,
  producerLike,
  transactionalId,
} from './idempotence.js';

const SARAMA_VERSION = 'sarama:Version';
const MIN_IDEMPOTENT_VERSION = '0.11.0.0';

// sarama: Idempotent = true plus every prerequisite Validate() checks, so the fixed config
// passes (facts §8.6): Version ≥ V0_11_0_0 (sarama before v1.27.1 defaulted to V0_8_2_0),
// WaitForAll, Net.MaxOpenRequests = 1, Retry.Max ≥ 1.
function saramaRepair(ctx: RuleContext, unit: ConfigUnit, idem: Setting | undefined): { edits: Edit[]; title: string } | null {
  const f = ctx.fixer;
  const lists: Edit[][] = [];
  const sets: string[] = [];
  lists.push(idem ? f.setValue(unit, idem, 'true') : f.insert(unit, IDEMPOTENCE, 'true'));
  sets.push(idem ? assignFor(ctx, unit, idem, 'true') : f.assignment(unit, IDEMPOTENCE, 'true'));
  const acks = explicit(unit, ACKS);
  if (!acks.dynamic && normAcks(acks.setting?.value) !== 'all') {
    lists.push(acks.setting ? f.setValue(unit, acks.setting, 'all') : f.insert(unit, ACKS, 'all'));
    sets.push(acks.setting ? assignFor(ctx, unit, acks.setting, 'all') : f.assignment(unit, ACKS, 'all'));
  }
  const open = explicit(unit, IN_FLIGHT);
  if (!open.dynamic && asInt(open.setting?.value) !== 1) {
    lists.push(open.setting ? f.setValue(unit, open.setting, '1') : f.insert(unit, IN_FLIGHT, '1'));
    sets.push(open.setting ? assignFor(ctx, unit, open.setting, '1') : f.assignment(unit, IN_FLIGHT, '1'));
  }
  const retries = explicit(unit, RETRIES);
  if (retries.setting && !isDynamic(retries.setting) && asInt(retries.setting.value) === 0) {
    lists.push(f.setValue(unit, retries.setting, '3'));
    sets.push(assignFor(ctx, unit, retries.setting, '3'));
  }
  const version = explicit(unit, SARAMA_VERSION);
  if (!version.dynamic) {
    const v = version.setting ? version.setting.value : defaultOf(ctx, unit, SARAMA_VERSION)?.value;
    if (v && /^\d+(\.\d+)*$/.test(v) && compareVersions(v, '0.11.0') < 0) {
      lists.push(version.setting ? f.setValue(unit, version.setting, MIN_IDEMPOTENT_VERSION) : f.insert(unit, SARAMA_VERSION, MIN_IDEMPOTENT_VERSION));
      sets.push(
        version.setting
          ? assignFor(ctx, unit, version.setting, MIN_IDEMPOTENT_VERSION)
          : f.assignment(unit, SARAMA_VERSION, MIN_IDEMPOTENT_VERSION),
      );
    }
  }
  const edits = combine(lists);
  return edits && edits.length ? { edits, title: fixTitle(ctx, sets, []) } : null;
}

const rule: Rule = {
  meta: {
    id: 'transactional-id',
    severities: ['error'],
    formats: ['properties', 'yaml', 'go'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'A transactional producer (`transactional.id`, Spring `transaction-id-prefix`, sarama `Producer.Transaction.ID`) with idempotence disabled.',
        zh: '事务生产者（`transactional.id`、Spring `transaction-id-prefix`、sarama `Producer.Transaction.ID`）关闭了幂等性。',
      },
      why: {
        en:
          'Transactions are built on the idempotent producer. The Java client refuses to create a producer that has a `transactional.id` ' +
          'but ends up without idempotence: `enable.idempotence=false`, or — when `enable.idempotence` is unset — `acks` other than ' +
          '`all` or `retries=0`, which turn the default idempotence off (ConfigException "Cannot set a transactional.id without also ' +
          'enabling idempotence", or on clients before 3.0 an exception about acks or retries). In Spring Boot, ' +
          '`spring.kafka.producer.transaction-id-prefix` sets the transactional id. sarama\'s `Config.Validate()` rejects ' +
          '`Producer.Transaction.ID` unless `Producer.Idempotent` is true, so `NewSyncProducer`/`NewAsyncProducer` return an error. ' +
          'librdkafka turns idempotence on for a `transactional.id` unless `enable.idempotence` is set false, which it refuses; then an ' +
          'explicit `acks` other than `all` or `retries` below 1 is refused too.',
        zh:
          '事务建立在幂等生产者之上。Java 客户端拒绝创建设置了 `transactional.id` 却最终没有幂等性的生产者：`enable.idempotence=false`，' +
          '或在未设置 `enable.idempotence` 时 `acks` 不是 `all` 或 `retries=0`（它们会关闭默认的幂等性）——抛出 ConfigException' +
          '（“Cannot set a transactional.id without also enabling idempotence”，3.0 之前的客户端则是关于 acks 或 retries 的异常）。在 Spring Boot 中，' +
          '`spring.kafka.producer.transaction-id-prefix` 会设置事务 ID。sarama 的 `Config.Validate()` 在 `Producer.Idempotent` 不为 true 时拒绝 ' +
          '`Producer.Transaction.ID`，`NewSyncProducer`/`NewAsyncProducer` 会返回错误。librdkafka 在设置了 `transactional.id` 时会开启幂等性，' +
          '除非 `enable.idempotence` 被设为 false（此时拒绝创建生产者）；开启后，显式的 `acks` 不是 `all` 或 `retries` 小于 1 也会被拒绝。',
      },
      fix: {
        en:
          'Enable idempotence: set `enable.idempotence=true` (or remove the `false`), `acks=all`, and drop `retries=0`; sarama: set ' +
          '`Producer.Idempotent = true` together with its prerequisites (`RequiredAcks = WaitForAll`, `Net.MaxOpenRequests = 1`, ' +
          '`Retry.Max` ≥ 1, `Version` ≥ `V0_11_0_0`). The fix is safe: the producer cannot be created as configured, and enabling idempotence is the only way ' +
          'to keep the transactions the configuration asks for.',
        zh:
          '开启幂等性：设置 `enable.idempotence=true`（或去掉 `false`）、`acks=all`，并去掉 `retries=0`；sarama：设置 `Producer.Idempotent = true` ' +
          '及其前提条件（`RequiredAcks = WaitForAll`、`Net.MaxOpenRequests = 1`、`Retry.Max` ≥ 1、`Version` ≥ `V0_11_0_0`）。该修复是安全的：按当前配置生产者根本无法创建，' +
          '开启幂等性是保留配置所要求的事务的唯一办法。',
      },
      references: [
        { title: 'Kafka producer configs: transactional.id', url: 'https://kafka.apache.org/documentation/#producerconfigs_transactional.id' },
        { title: 'Kafka producer configs: enable.idempotence', url: 'https://kafka.apache.org/documentation/#producerconfigs_enable.idempotence' },
        { title: 'Spring Boot: Apache Kafka support', url: 'https://docs.spring.io/spring-boot/reference/messaging/kafka.html' },
        { title: 'sarama Config (Producer.Transaction, Producer.Idempotent)', url: 'https://pkg.go.dev/github.com/IBM/sarama#Config' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\ntransactional.id=orders-tx\nenable.idempotence=false\n',
          good: 'bootstrap.servers=localhost:9092\ntransactional.id=orders-tx\nenable.idempotence=true\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.producer.acks=1\n',
          good: 'spring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.producer.acks=all\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n      retries: 0\n',
          good: 'spring:\n  kafka:\n    producer:\n      transaction-id-prefix: tx-\n',
        },
        {
          surface: 'sarama',
          path: 'producer.go',
          bad:
            'package main\n\nimport "github.com/IBM/sarama"\n\nfunc config() *sarama.Config {\n\tcfg := sarama.NewConfig()\n' +
            '\tcfg.Producer.Transaction.ID = "orders-tx"\n\treturn cfg\n}\n',
          good:
            'package main\n\nimport "github.com/IBM/sarama"\n\nfunc config() *sarama.Config {\n\tcfg := sarama.NewConfig()\n' +
            '\tcfg.Producer.Transaction.ID = "orders-tx"\n\tcfg.Producer.Idempotent = true\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n' +
            '\tcfg.Net.MaxOpenRequests = 1\n\treturn cfg\n}\n',
        },
        {
          surface: 'confluent-kafka-go',
          title: { en: 'confluent-kafka-go (librdkafka)', zh: 'confluent-kafka-go（librdkafka）' },
          path: 'producer.go',
          bad:
            'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc newProducer() (*kafka.Producer, error) {\n' +
            '\treturn kafka.NewProducer(&kafka.ConfigMap{\n\t\t"bootstrap.servers": "kafka:9092",\n\t\t"transactional.id":  "orders-tx",\n\t\t"acks":              1,\n\t})\n}\n',
          good:
            'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc newProducer() (*kafka.Producer, error) {\n' +
            '\treturn kafka.NewProducer(&kafka.ConfigMap{\n\t\t"bootstrap.servers": "kafka:9092",\n\t\t"transactional.id":  "orders-tx",\n\t\t"acks":              "all",\n\t})\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    const f = ctx.fixer;
    for (const unit of ctx.file.units) {
      if (!producerLike(ctx.file, unit)) continue;
      const tid = transactionalId(unit);
      if (!tid) continue;
      const tidShown = f.show(unit, tid);
      if (unit.client === 'java') {
        if (!kafkaAtLeast(ctx, unit, '0.11')) continue;
        const st = javaIdempotence(ctx, unit);
        if (st.setting) {
          if (st.explicitValue !== false) continue; // true: the idempotence rule reports acks/retries conflicts
          const plan = javaIdempotenceRepair(ctx, unit, true);
          ctx.report({
            severity: 'error',
            message: ctx.t(
              {
                en:
                  '`{shown}`{ph} with `{tid}`: transactions need idempotence, so the producer fails at startup with a ConfigException. ' +
                  'Set `{fixed}`.',
                zh: '`{shown}`{ph} 与 `{tid}` 冲突：事务需要幂等性，生产者启动时会抛出 ConfigException。请设置 `{fixed}`。',
              },
              { shown: f.show(unit, st.setting), ph: placeholder(ctx, st.setting), tid: tidShown, fixed: assignFor(ctx, unit, st.setting, 'true') },
            ),
            ...reportAt(unit, st.setting, tid),
            fixes: plan ? [ctx.makeFix(plan.title, 'safe', plan.edits, true)] : [],
          });
          continue;
        }
        // Unset: acks≠all / retries=0 turn it off, which a transactional producer does not survive.
        if (!st.disablers.length) continue;
        const plan = javaIdempotenceRepair(ctx, unit, false);
        for (const d of st.disablers) {
          ctx.report({
            severity: 'error',
            message: ctx.t(
              {
                en:
                  '`{shown}`{ph} with `{tid}`: transactions need idempotence, which this value turns off, so the producer fails at ' +
                  'startup with a ConfigException. {remedy}',
                zh: '`{shown}`{ph} 与 `{tid}` 冲突：事务需要幂等性，而该值会关闭幂等性，生产者启动时会抛出 ConfigException。{remedy}',
              },
              {
                shown: f.show(unit, d),
                ph: placeholder(ctx, d),
                tid: tidShown,
                remedy: plan
                  ? ctx.t({ en: '{a}.', zh: '请{a}。' }, { a: plan.title })
                  : d.key === ACKS
                    ? ctx.t({ en: 'Set `{a}`.', zh: '请设置 `{a}`。' }, { a: assignFor(ctx, unit, d, 'all') })
                    : ctx.t({ en: 'Remove `{a}`.', zh: '请删除 `{a}`。' }, { a: f.show(unit, d) }),
              },
            ),
            ...reportAt(unit, d, tid),
            fixes: plan ? [ctx.makeFix(plan.title, 'safe', plan.edits, true)] : [],
          });
        }
        continue;
      }
      if (unit.client === 'librdkafka') {
        checkLibrdkafka(ctx, unit, tid);
        continue;
      }
      if (unit.client === 'sarama') {
        const idem = explicit(unit, IDEMPOTENCE);
        if (idem.dynamic) continue;
        if (idem.setting && asBool(idem.setting.value) === true) continue; // sarama-idempotent checks the rest
        if (!idem.setting && unit.facts.partial) continue; // the callers may set it
        const plan = saramaRepair(ctx, unit, idem.setting);
        const fixed = idem.setting ? assignFor(ctx, unit, idem.setting, 'true') : f.assignment(unit, IDEMPOTENCE, 'true');
        ctx.report({
          severity: 'error',
          message: idem.setting
            ? ctx.t(
                {
                  en:
                    '`{shown}` with `{tid}`: `Validate()` fails ("Transactional producer requires Idempotent to be true"), so the ' +
                    'producer cannot be created. Set `{fixed}` with its prerequisites.',
                  zh: '`{shown}` 与 `{tid}` 冲突：`Validate()` 失败（“Transactional producer requires Idempotent to be true”），无法创建生产者。请设置 `{fixed}` 及其前提条件。',
                },
                { shown: f.show(unit, idem.setting), tid: tidShown, fixed },
              )
            : ctx.t(
                {
                  en:
                    '`{tid}` without `{fixed}`: `Validate()` fails ("Transactional producer requires Idempotent to be true"), so the ' +
                    'producer cannot be created. Set `{fixed}` with its prerequisites.',
                  zh: '设置了 `{tid}` 却没有 `{fixed}`：`Validate()` 失败（“Transactional producer requires Idempotent to be true”），无法创建生产者。请设置 `{fixed}` 及其前提条件。',
                },
                { tid: tidShown, fixed },
              ),
          // (An id a helper of another file sets, with idempotence unset: at the config here.)
          span: idem.setting ? idem.setting.valueSpan : reportedAtConfig(unit, tid, [idem.setting]) ? unit.anchor : tid.keySpan,
          fixes: plan ? [ctx.makeFix(plan.title, 'safe', plan.edits, true)] : [],
        });
      }
    }
  },
};

/**
 * librdkafka (rules/librdkafka.ts): a transactional id turns idempotence on unless
 * `enable.idempotence` is set false, which librdkafka refuses; turned on so, an explicit `acks`
 * other than `all` or `retries` below 1 is refused too (`max.in.flight` is `max-in-flight`'s).
 */
function checkLibrdkafka(ctx: RuleContext, unit: ConfigUnit, tid: Setting): void {
  const f = ctx.fixer;
  const st = rdkIdempotence(unit);
  const tidShown = f.show(unit, tid);
  if (st.setting) {
    if (st.on !== false) return; // true: the idempotence rule reports acks/retries conflicts
    const plan = rdkIdempotenceRepair(ctx, unit, true);
    ctx.report({
      severity: 'error',
      message: ctx.t(
        {
          en: '`{shown}`{ph} with `{tid}`: transactions need idempotence, so librdkafka refuses to create the producer. Set `{fixed}`.',
          zh: '`{shown}`{ph} 与 `{tid}` 冲突：事务需要幂等性，librdkafka 拒绝创建该生产者。请设置 `{fixed}`。',
        },
        { shown: f.show(unit, st.setting), ph: placeholder(ctx, st.setting), tid: tidShown, fixed: assignFor(ctx, unit, st.setting, 'true') },
      ),
      ...reportAt(unit, st.setting, tid),
      fixes: plan ? [ctx.makeFix(plan.title, 'safe', plan.edits, true)] : [],
    });
    return;
  }
  for (const d of st.conflicts) {
    const c = conflictFix(ctx, unit, d);
    if (!c) continue;
    const { isAcks, edits, title } = c;
    ctx.report({
      severity: 'error',
      message: ctx.t(
        {
          en:
            '`{shown}`{ph} with `{tid}`: a transactional id turns idempotence on, which needs {need}, so librdkafka refuses to create the ' +
            'producer. {title}.',
          zh: '`{shown}`{ph} 与 `{tid}` 冲突：事务 ID 会开启幂等性，而幂等性需要{need}，librdkafka 拒绝创建该生产者。请{title}。',
        },
        {
          shown: f.show(unit, d),
          ph: placeholder(ctx, d),
          tid: tidShown,
          need: isAcks ? ctx.t({ en: '`acks=all`', zh: ' `acks=all`' }) : ctx.t({ en: 'retries', zh: '重试' }),
          title,
        },
      ),
      ...reportAt(unit, d, tid),
      fixes: [ctx.makeFix(title, 'safe', edits, true)],
    });
  }
}

export default rule;
