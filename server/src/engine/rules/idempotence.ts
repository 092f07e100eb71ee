// enable.idempotence (facts §2.2). Also home of the producer helpers the other producer rules
// (acks, retries, max-in-flight, delivery-timeout, transactional-id) share: defaults per target
// version, the idempotence state of a Java producer, and the edits that make idempotence work.

import type { ConfigUnit, Edit, ParsedFile, Setting } from '../model.js';
import { effective, isInherited } from '../model.js';
import type { Rule, RuleContext } from '../rule.js';
import { allUnits, kafkaVersionOf } from '../rule.js';
import { compareVersions } from '../knowledge/index.js';
import { asBool, asInt, code, isConsumer, isDynamic, isProducer, normAcks, reportAt } from './util.js';
import { conflictFix, rdkIdempotence, rdkIdempotenceRepair } from './librdkafka.js';

// ---------------------------------------------------------------------------------------------
// Shared producer helpers

export const ACKS = 'acks';
export const RETRIES = 'retries';
export const IDEMPOTENCE = 'enable.idempotence';
export const IN_FLIGHT = 'max.in.flight.requests.per.connection';
export const TXN_ID = 'transactional.id';
export const MAX_INT = '2147483647';

/** The Kafka version of a unit (kafkaVersionOf) is at least `v`. */
export function kafkaAtLeast(ctx: RuleContext, unit: ConfigUnit, v: string): boolean {
  return compareVersions(kafkaVersionOf(ctx, unit), v) >= 0;
}

function atLeast(version: string, v: string): boolean {
  return compareVersions(version, v) >= 0;
}

// Used only when the knowledge base has no answer; values from facts.md §1 and §8.1.
const JAVA_DEFAULTS: Record<string, (v: string) => string | undefined> = {
  [ACKS]: (v) => (atLeast(v, '3.0') ? 'all' : '1'),
  [IDEMPOTENCE]: (v) => (atLeast(v, '3.0') ? 'true' : atLeast(v, '0.11') ? 'false' : undefined),
  [RETRIES]: (v) => (atLeast(v, '2.1') ? MAX_INT : '0'),
  'linger.ms': (v) => (atLeast(v, '4.0') ? '5' : '0'),
  'request.timeout.ms': () => '30000',
  'delivery.timeout.ms': (v) => (atLeast(v, '2.1') ? '120000' : undefined),
  [IN_FLIGHT]: (v) => (atLeast(v, '0.9') ? '5' : undefined),
};
const SARAMA_DEFAULTS: Record<string, string> = {
  [ACKS]: '1',
  [RETRIES]: '3',
  [IDEMPOTENCE]: 'false',
  [IN_FLIGHT]: '5',
};
const LIBRDKAFKA_DEFAULTS: Record<string, string> = {
  [ACKS]: 'all',
  [IDEMPOTENCE]: 'false',
};

/** ctx.defaultOf, falling back to the facts.md timeline for the few keys these rules need. */
export function defaultOf(ctx: RuleContext, unit: ConfigUnit, key: string): { value: string; source: string } | undefined {
  const known = ctx.defaultOf(unit, key);
  if (known) return known;
  if (unit.client === 'java') {
    const value = JAVA_DEFAULTS[key]?.(kafkaVersionOf(ctx, unit));
    return value === undefined ? undefined : { value, source: `Kafka ${kafkaVersionOf(ctx, unit)} default` };
  }
  if (unit.client === 'sarama') {
    const value = SARAMA_DEFAULTS[key];
    const v = ctx.options.saramaVersion;
    return value === undefined ? undefined : { value, source: v ? `sarama v${v} default` : 'sarama default' };
  }
  if (unit.client === 'librdkafka') {
    const value = LIBRDKAFKA_DEFAULTS[key];
    return value === undefined ? undefined : { value, source: 'librdkafka default' };
  }
  return undefined;
}

/**
 * The unit configures a producer (or settings shared by every client, when the file has no
 * producer section of its own). Consumer, broker, topic, admin and streams units are skipped.
 */
export function producerLike(file: ParsedFile, unit: ConfigUnit): boolean {
  if (unit.client === 'broker') return false;
  if (unit.role === 'producer') return true;
  if (unit.role !== 'client') return false;
  if (unit.client === 'sarama') return isProducer(unit) || !isConsumer(unit);
  // (Spring Boot's and the Kafka binder's producers are different clients: one's does not make the other's shared settings any less a producer's.)
  // (Nor do the Spring Boot applications of two compose services or containers.)
  return !allUnits(file).some((u) => u.role === 'producer' && u.surface === unit.surface && !u.facts.binding === !unit.facts.binding && u.facts.holder === unit.facts.holder);
}

/** Explicit setting, decoded; `dynamic` when it exists but cannot be judged. */
export interface Explicit {
  setting?: Setting;
  dynamic: boolean;
}

export function explicit(unit: ConfigUnit, key: string): Explicit {
  const setting = effective(unit, key);
  return { setting, dynamic: isDynamic(setting) };
}

/** transactional.id (Spring: transaction-id-prefix) is set to something (a dynamic value counts). */
export function transactionalId(unit: ConfigUnit): Setting | undefined {
  const s = effective(unit, TXN_ID);
  if (!s) return undefined;
  if (!isDynamic(s) && s.value.trim() === '') return undefined;
  return s;
}

export interface IdempotenceState {
  /** The explicit enable.idempotence, if any. */
  setting?: Setting;
  /** Its value when it is set and judged. */
  explicitValue?: boolean;
  /** What the default would be for this target (false before 3.0 and on 3.0.0/3.1.0, KAFKA-13598). */
  defaultOn: boolean;
  /** Explicit settings that turn a *default* idempotence off: acks 0/1, retries 0. */
  disablers: Setting[];
  /** Whether idempotence ends up on (ignoring max.in.flight and transactional.id);
   *  undefined when a dynamic value decides it. */
  on: boolean | undefined;
}

/** KAFKA-13598: the 3.0.0 and 3.1.0 clients never applied the new default. */
export function idempotenceDefaultBroken(ctx: RuleContext, unit: ConfigUnit): boolean {
  const v = kafkaVersionOf(ctx, unit);
  return v === '3.0.0' || v === '3.1.0';
}

/** Idempotence of a Java producer (facts §2.2). */
export function javaIdempotence(ctx: RuleContext, unit: ConfigUnit): IdempotenceState {
  const idem = explicit(unit, IDEMPOTENCE);
  const d = defaultOf(ctx, unit, IDEMPOTENCE);
  const defaultOn = asBool(d?.value) === true && !idempotenceDefaultBroken(ctx, unit);
  const disablers: Setting[] = [];
  let unknown = false;
  const acks = explicit(unit, ACKS);
  if (acks.dynamic) unknown = true;
  else if (acks.setting) {
    const a = normAcks(acks.setting.value);
    if (a === '0' || a === '1') disablers.push(acks.setting);
  }
  const retries = explicit(unit, RETRIES);
  if (retries.dynamic) unknown = true;
  else if (retries.setting && asInt(retries.setting.value) === 0) disablers.push(retries.setting);
  if (idem.setting) {
    if (idem.dynamic) return { setting: idem.setting, defaultOn, disablers, on: undefined };
    const b = asBool(idem.setting.value);
    return { setting: idem.setting, explicitValue: b, defaultOn, disablers, on: b };
  }
  const on = !defaultOn ? false : disablers.length ? false : unknown ? undefined : true;
  return { defaultOn, disablers, on };
}

/** Fix title: "Set `a` and `b`, remove `c`". */
export function fixTitle(ctx: RuleContext, sets: string[], removes: string[]): string {
  const list = (xs: string[], and: string) =>
    xs.length <= 1 ? xs.map(code).join('') : xs.slice(0, -1).map(code).join(', ') + and + code(xs[xs.length - 1]);
  const listZh = (xs: string[]) => (xs.length <= 1 ? xs.map(code).join('') : xs.slice(0, -1).map(code).join('、') + ' 和 ' + code(xs[xs.length - 1]));
  if (ctx.locale === 'zh-cn') {
    const parts: string[] = [];
    if (sets.length) parts.push('设置 ' + listZh(sets));
    if (removes.length) parts.push('删除 ' + listZh(removes));
    return parts.join('，');
  }
  const parts: string[] = [];
  if (sets.length) parts.push('Set ' + list(sets, ' and '));
  if (removes.length) parts.push((sets.length ? 'remove ' : 'Remove ') + list(removes, ' and '));
  return parts.join(', ');
}

/** Edits of one fix; null when two of them would overlap (the fix is then not offered). */
export function combine(lists: Edit[][]): Edit[] | null {
  const all = lists.flat();
  if (lists.some((l) => l.length === 0)) return null;
  const sorted = [...all].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) return null;
  }
  return all;
}

export interface RepairPlan {
  edits: Edit[];
  title: string;
}

/**
 * Edits that let a Java producer run with idempotence on: optionally set enable.idempotence=true
 * (inserted or changed), acks=all where acks is explicitly 0/1, remove retries=0 (Kafka then
 * picks a suitable value), max.in.flight <= 5 (1 on 0.11.0). Null when some edit is impossible.
 */
export function javaIdempotenceRepair(ctx: RuleContext, unit: ConfigUnit, setIdempotence: boolean): RepairPlan | null {
  const f = ctx.fixer;
  const { lists, sets, removes } = repairStart(ctx, unit, setIdempotence);
  const acks = explicit(unit, ACKS);
  if (acks.setting && !acks.dynamic && normAcks(acks.setting.value) !== 'all') {
    lists.push(f.setValue(unit, acks.setting, 'all'));
    sets.push(assignFor(ctx, unit, acks.setting, 'all'));
  }
  const inFlight = explicit(unit, IN_FLIGHT);
  const limit = kafkaAtLeast(ctx, unit, '1.0') ? 5 : 1;
  const n = inFlight.setting && !inFlight.dynamic ? asInt(inFlight.setting.value) : undefined;
  if (inFlight.setting && n !== undefined && n > limit) {
    lists.push(f.setValue(unit, inFlight.setting, String(limit)));
    sets.push(assignFor(ctx, unit, inFlight.setting, String(limit)));
  }
  const retries = explicit(unit, RETRIES);
  let retriesFix: { edits: Edit[]; set?: string; remove?: string } | undefined;
  if (retries.setting && !retries.dynamic && asInt(retries.setting.value) === 0) {
    retriesFix = retries.setting.placeholderDefault
      ? { edits: [], set: '' } // keep the variable, change its default (below)
      : { edits: f.remove(unit, retries.setting), remove: f.show(unit, retries.setting) };
  }
  let edits = retriesFix?.remove ? combine([...lists, retriesFix.edits]) : retriesFix ? null : combine(lists);
  if (!edits && retriesFix && retries.setting) {
    // Removing the line would overlap an insertion after it: write the default instead.
    retriesFix = { edits: f.setValue(unit, retries.setting, MAX_INT), set: assignFor(ctx, unit, retries.setting, MAX_INT) };
    edits = combine([...lists, retriesFix.edits]);
  }
  if (!edits || !edits.length) return null;
  if (retriesFix?.set) sets.push(retriesFix.set);
  if (retriesFix?.remove) removes.push(retriesFix.remove);
  return { edits, title: fixTitle(ctx, sets, removes) };
}

/** The start of an idempotence repair: the edit setting enable.idempotence=true, when asked for. */
export function repairStart(ctx: RuleContext, unit: ConfigUnit, setIdempotence: boolean): { lists: Edit[][]; sets: string[]; removes: string[] } {
  const f = ctx.fixer;
  const start = { lists: [] as Edit[][], sets: [] as string[], removes: [] as string[] };
  if (setIdempotence) {
    const idem = effective(unit, IDEMPOTENCE);
    start.lists.push(f.set(unit, IDEMPOTENCE, 'true'));
    start.sets.push(idem ? assignFor(ctx, unit, idem, 'true') : f.assignment(unit, IDEMPOTENCE, 'true'));
  }
  return start;
}

/** An existing setting as it would read with another value, in the unit's own spelling
 *  (`spring.kafka.producer.properties[acks]=all`, `cfg.Producer.RequiredAcks = sarama.WaitForAll`). */
export function assignFor(ctx: RuleContext, unit: ConfigUnit, setting: Setting, value: string): string {
  return ctx.fixer.written(unit, setting.key, value, setting);
}

/** " (the placeholder default)" when the value comes from `${VAR:default}`. */
export function placeholder(ctx: RuleContext, s: Setting | undefined): string {
  if (!s?.placeholderDefault) return '';
  return ctx.t({ en: ' (judged on the placeholder default `{v}`)', zh: '（按占位符默认值 `{v}` 判断）' }, { v: s.value });
}

// ---------------------------------------------------------------------------------------------
// The rule

const rule: Rule = {
  meta: {
    id: 'idempotence',
    severities: ['error', 'warning', 'information'],
    formats: ['properties', 'yaml', 'go'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Producer idempotence (Java, librdkafka) that is turned off, silently lost, or impossible to start with.',
        zh: '生产者（Java、librdkafka）的幂等性被关闭、被悄悄关闭，或配置冲突导致无法启动。',
      },
      why: {
        en:
          'An idempotent producer tags each batch with a producer id and sequence number, so the broker drops a batch it has already ' +
          'written when the producer retries it; ordering is also kept with up to 5 requests in flight. Without it, a retry after a lost ' +
          'acknowledgement writes the record twice and can reorder records. Idempotence needs `acks=all` and `retries` > 0. ' +
          'Since Kafka 3.0 it is on by default (KIP-679), but only while nothing conflicts: setting `acks=0`/`1` or `retries=0` without ' +
          'setting `enable.idempotence` turns it off with nothing more than an INFO log line. Setting `enable.idempotence=true` together ' +
          'with `acks` other than `all` or `retries=0` makes the producer fail at startup with a ConfigException. The 3.0.0 and 3.1.0 ' +
          'clients never applied the new default (KAFKA-13598, fixed in 3.0.1, 3.1.1 and 3.2.0): on those versions set it explicitly. ' +
          'librdkafka (and confluent-kafka-go) keeps idempotence off by default; set true, or implied by a `transactional.id`, it ' +
          'adjusts `acks`, retries and the requests in flight itself where they are unset, and refuses to create the producer when they ' +
          'are set against it (`acks` other than `all`, `retries` below 1). sarama is checked by `sarama-idempotent`.',
        zh:
          '幂等生产者给每个批次带上生产者 ID 和序号，生产者重试时 broker 会丢弃已经写入过的批次；在最多 5 个在途请求下也能保持顺序。' +
          '没有幂等性时，确认丢失后的重试会把记录写两次，并可能打乱顺序。幂等性要求 `acks=all` 且 `retries` 大于 0。' +
          '从 Kafka 3.0 起它默认开启（KIP-679），但前提是没有冲突：不设置 `enable.idempotence` 却设置了 `acks=0`/`1` 或 `retries=0`，' +
          '幂等性会被关闭，只留下一条 INFO 日志。显式设置 `enable.idempotence=true` 同时 `acks` 不是 `all` 或 `retries=0`，生产者启动时会抛出 ' +
          'ConfigException。3.0.0 和 3.1.0 客户端并没有真正应用新的默认值（KAFKA-13598，已在 3.0.1、3.1.1、3.2.0 修复），这两个版本请显式开启。' +
          'librdkafka（以及 confluent-kafka-go）默认关闭幂等性；显式开启或由 `transactional.id` 隐含开启时，它会自行调整未设置的 `acks`、重试和在途请求数，' +
          '而这些值被设置成与幂等性冲突时（`acks` 不是 `all`、`retries` 小于 1）拒绝创建生产者。sarama 由 `sarama-idempotent` 检查。',
      },
      fix: {
        en:
          'Set `enable.idempotence=true` and `acks=all`, and drop `retries=0`. Where the producer cannot start (explicit idempotence with a ' +
          'conflicting value) the fix is safe: it repairs the conflicting value in the only direction that keeps the idempotence you asked for. ' +
          'Otherwise it is unsafe: `acks=all` waits for the in-sync replicas (more latency, and writes stop when fewer than ' +
          '`min.insync.replicas` are in sync), and brokers older than 2.8 require the IDEMPOTENT_WRITE ACL.',
        zh:
          '设置 `enable.idempotence=true` 和 `acks=all`，并去掉 `retries=0`。当生产者因显式开启幂等性而与其他值冲突、根本无法启动时，该修复是安全的：' +
          '它只朝保留你所要求的幂等性的方向修正冲突值。其他情况下该修复不安全：`acks=all` 要等待同步副本（延迟更高，同步副本数低于 ' +
          '`min.insync.replicas` 时写入会停止），且 2.8 之前的 broker 需要 IDEMPOTENT_WRITE 权限。',
      },
      references: [
        { title: 'Kafka producer configs: enable.idempotence', url: 'https://kafka.apache.org/documentation/#producerconfigs_enable.idempotence' },
        {
          title: 'KIP-679: Producer will enable the strongest delivery guarantee by default',
          url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-679%3A+Producer+will+enable+the+strongest+delivery+guarantee+by+default',
        },
        { title: 'KAFKA-13598: idempotence default not applied in 3.0.0/3.1.0', url: 'https://issues.apache.org/jira/browse/KAFKA-13598' },
        { title: 'Kafka upgrade notes', url: 'https://kafka.apache.org/documentation/#upgrade' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\nenable.idempotence=false\n',
          good: 'bootstrap.servers=localhost:9092\nenable.idempotence=true\nacks=all\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.acks=1\nspring.kafka.producer.properties[enable.idempotence]=true\n',
          good: 'spring.kafka.bootstrap-servers=localhost:9092\nspring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotence]=true\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": false\n',
          good: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n',
        },
        {
          surface: 'spring-env',
          title: { en: 'Spring Boot in a Kubernetes Deployment', zh: 'Kubernetes Deployment 中的 Spring Boot' },
          path: 'deployment.yaml',
          bad:
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          image: example/orders:2.1\n          env:\n' +
            '            - name: SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE\n              value: "false"\n',
          good:
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          image: example/orders:2.1\n          env:\n' +
            '            - name: SPRING_KAFKA_PRODUCER_PROPERTIES_ENABLE_IDEMPOTENCE\n              value: "true"\n',
        },
        {
          surface: 'confluent-kafka-go',
          title: { en: 'confluent-kafka-go (librdkafka)', zh: 'confluent-kafka-go（librdkafka）' },
          path: 'producer.go',
          bad:
            'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc newProducer() (*kafka.Producer, error) {\n' +
            '\treturn kafka.NewProducer(&kafka.ConfigMap{\n\t\t"bootstrap.servers":  "kafka:9092",\n\t\t"enable.idempotence": true,\n\t\t"acks":               1,\n\t})\n}\n',
          good:
            'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc newProducer() (*kafka.Producer, error) {\n' +
            '\treturn kafka.NewProducer(&kafka.ConfigMap{\n\t\t"bootstrap.servers":  "kafka:9092",\n\t\t"enable.idempotence": true,\n\t\t"acks":               "all",\n\t})\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.client === 'librdkafka' && producerLike(ctx.file, unit)) checkLibrdkafka(ctx, unit);
      if (unit.client !== 'java' || !producerLike(ctx.file, unit)) continue;
      if (!kafkaAtLeast(ctx, unit, '0.11')) continue; // no idempotent producer before 0.11
      const st = javaIdempotence(ctx, unit);
      const f = ctx.fixer;
      if (st.setting) {
        if (st.explicitValue === false) {
          const plan = javaIdempotenceRepair(ctx, unit, true);
          ctx.report({
            severity: 'warning',
            message: ctx.t(
              {
                en:
                  '`{shown}`{ph}: a send retried after a lost acknowledgement can be written twice, and retries can reorder records. ' +
                  'Set `{fixed}` (it needs `acks=all`).',
                zh: '`{shown}`{ph}：确认丢失后重试的发送可能被写入两次，重试还可能打乱记录顺序。请设置 `{fixed}`（需要 `acks=all`）。',
              },
              { shown: f.show(unit, st.setting), ph: placeholder(ctx, st.setting), fixed: assignFor(ctx, unit, st.setting, 'true') },
            ),
            span: st.setting.valueSpan,
            fixes: plan ? [ctx.makeFix(plan.title, 'unsafe', plan.edits, true)] : [],
          });
        } else if (st.explicitValue === true) {
          for (const d of st.disablers) {
            const isAcks = d.key === ACKS;
            // A placeholder keeps its variable: only its default changes. A value this unit
            // inherits (a Spring profile from its base document) cannot be removed here: the fix
            // overrides it in this unit, and the finding goes to this unit's own idempotence.
            const value = isAcks ? 'all' : d.placeholderDefault || isInherited(d) ? MAX_INT : undefined;
            const edits = value ? f.setValue(unit, d, value) : f.remove(unit, d);
            const title = value ? fixTitle(ctx, [assignFor(ctx, unit, d, value)], []) : fixTitle(ctx, [], [f.show(unit, d)]);
            ctx.report({
              severity: 'error',
              message: ctx.t(
                isAcks
                  ? {
                      en:
                        '`{shown}`{ph} with `{idem}`: the producer fails at startup with a ConfigException, because idempotence needs ' +
                        '`acks=all`. Set `{fixed}`.',
                      zh: '`{shown}`{ph} 与 `{idem}` 冲突：幂等性要求 `acks=all`，生产者启动时会抛出 ConfigException。请设置 `{fixed}`。',
                    }
                  : {
                      en:
                        '`{shown}`{ph} with `{idem}`: the producer fails at startup with a ConfigException, because idempotence needs ' +
                        'retries. {remedy}',
                      zh: '`{shown}`{ph} 与 `{idem}` 冲突：幂等性需要重试，生产者启动时会抛出 ConfigException。{remedy}',
                    },
                {
                  shown: f.show(unit, d),
                  ph: placeholder(ctx, d),
                  idem: f.show(unit, st.setting),
                  fixed: assignFor(ctx, unit, d, 'all'),
                  remedy: value
                    ? ctx.t({ en: 'Set `{a}`.', zh: '请设置 `{a}`。' }, { a: assignFor(ctx, unit, d, value) })
                    : ctx.t(
                        { en: 'Remove `{a}`; Kafka then picks a suitable value.', zh: '请删除 `{a}`，由 Kafka 选择合适的值。' },
                        { a: f.show(unit, d) },
                      ),
                },
              ),
              ...reportAt(unit, d, st.setting),
              fixes: [ctx.makeFix(title, 'safe', edits, true)],
            });
          }
        }
        continue;
      }
      // Unset: the default applies, unless acks/retries quietly turn it off.
      if (!st.defaultOn || !st.disablers.length) continue;
      if (transactionalId(unit)) continue; // not silent: the transactional-id rule reports the startup failure
      const d = defaultOf(ctx, unit, IDEMPOTENCE);
      const plan = javaIdempotenceRepair(ctx, unit, true);
      for (const s of st.disablers) {
        ctx.report({
          severity: 'information',
          message: ctx.t(
            {
              en:
                '`{shown}`{ph} silently turns off idempotence (the {source} is `true`; the producer only logs it at INFO level): a retried ' +
                'send can be written twice or reordered. If duplicates matter, fix it: {remedy}.',
              zh:
                '`{shown}`{ph} 会悄悄关闭幂等性（默认值（{source}）为 `true`，生产者只在 INFO 日志中提到）：重试的发送可能被写入两次或打乱顺序。' +
                '如果在意重复：{remedy}。',
            },
            {
              shown: f.show(unit, s),
              ph: placeholder(ctx, s),
              source: d?.source ?? `Kafka ${kafkaVersionOf(ctx, unit)} default`,
              remedy: plan?.title ?? fixTitle(ctx, [f.assignment(unit, IDEMPOTENCE, 'true'), f.assignment(unit, ACKS, 'all')], []),
            },
          ),
          span: s.valueSpan,
          fixes: plan ? [ctx.makeFix(plan.title, 'unsafe', plan.edits, true)] : [],
        });
      }
    }
  },
};

/**
 * librdkafka (rules/librdkafka.ts): idempotence is off by default. Set false, it is reported as in
 * Java; set true, an explicit `acks` other than `all` or `retries` below 1 makes librdkafka refuse
 * to create the producer (`max.in.flight` is `max-in-flight`'s, a transactional id's conflicts
 * `transactional-id`'s).
 */
function checkLibrdkafka(ctx: RuleContext, unit: ConfigUnit): void {
  const f = ctx.fixer;
  const st = rdkIdempotence(unit);
  if (!st.setting || st.on === undefined) return;
  if (st.on === false) {
    const plan = rdkIdempotenceRepair(ctx, unit, true);
    ctx.report({
      severity: 'warning',
      message: ctx.t(
        {
          en:
            '`{shown}`{ph}: librdkafka retries a failed send (`message.send.max.retries`, 2147483647 by default), so a send retried after a ' +
            'lost acknowledgement can be written twice, and with many requests in flight retries can reorder records. Set `{fixed}`: ' +
            'librdkafka then sets `acks=all` and limits the requests in flight itself, where they are unset.',
          zh:
            '`{shown}`{ph}：librdkafka 会重试失败的发送（`message.send.max.retries`，默认 2147483647），确认丢失后重试的发送可能被写入两次，' +
            '在途请求多时重试还可能打乱记录顺序。请设置 `{fixed}`：未设置的 `acks` 和在途请求数会由 librdkafka 自行调整为 `all` 和不超过 5。',
        },
        { shown: f.show(unit, st.setting), ph: placeholder(ctx, st.setting), fixed: assignFor(ctx, unit, st.setting, 'true') },
      ),
      span: st.setting.valueSpan,
      fixes: plan ? [ctx.makeFix(plan.title, 'unsafe', plan.edits, true)] : [],
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
        isAcks
          ? {
              en: '`{shown}`{ph} with `{idem}`: librdkafka refuses to create the producer, because idempotence needs `acks=all`. Set `{fixed}`.',
              zh: '`{shown}`{ph} 与 `{idem}` 冲突：幂等性要求 `acks=all`，librdkafka 拒绝创建该生产者。请设置 `{fixed}`。',
            }
          : {
              en:
                '`{shown}`{ph} with `{idem}`: librdkafka refuses to create the producer, because idempotence needs retries. Remove `{shown}`; ' +
                'librdkafka then retries until `message.timeout.ms` runs out.',
              zh: '`{shown}`{ph} 与 `{idem}` 冲突：幂等性需要重试，librdkafka 拒绝创建该生产者。请删除 `{shown}`，librdkafka 随后会一直重试到 `message.timeout.ms` 用完。',
            },
        { shown: f.show(unit, d), ph: placeholder(ctx, d), idem: f.show(unit, st.setting), fixed: assignFor(ctx, unit, d, 'all') },
      ),
      ...reportAt(unit, d, st.setting),
      fixes: [ctx.makeFix(title, 'safe', edits, true)],
    });
  }
}

export default rule;
