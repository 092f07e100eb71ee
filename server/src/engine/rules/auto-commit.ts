// Auto-commit commits offsets on a timer, not when processing ends (facts.md §5.2): records
// handed to another thread, or skipped by a loop that continues after a failure, count as
// consumed; a crash redelivers whatever was processed since the last commit. Spring Kafka ≥ 2.3
// turns it off when unset and then commits from the container after the listener returns; an
// explicit `true` bypasses that and, with a MANUAL ack mode, fails at startup (§6.2).
// librdkafka commits the offsets it *stored*, and by default it stores every message it hands to
// the application, before processing (§11.1).
// Sarama is out of scope: its auto-commit only commits offsets the application marked (§8.9).

import type { ConfigUnit, Setting } from '../model.js';
import { effective, isSpringBoot } from '../model.js';
import type { L10n } from '../l10n.js';
import { SCST_PRECEDENCE } from '../knowledge/scst.js';
import type { Rule, RuleContext } from '../rule.js';
import { allUnits, kafkaVersionOf } from '../rule.js';
import { asBool, code, definitelyConsumer, isConsumer, isDynamic, placeholderNote } from './util.js';

const KEY = 'enable.auto.commit';
const STORE = 'enable.auto.offset.store';
const ACK_MODE = 'spring:listener.ack-mode';


/** Spring Boot binds enums leniently: case, `-` and `_` do not matter. */
const enumName = (v: string) => v.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/** Spring Boot's boolean converter also reads on/off, yes/no, 1/0 for the dedicated property;
 *  map entries reach Kafka as written. */
function springBool(s: Setting): boolean | undefined {
  if (s.precedence < 1 || s.precedence >= 2) return asBool(s.value);
  const v = s.value.trim().toLowerCase();
  return ['true', 'on', 'yes', '1'].includes(v) ? true : ['false', 'off', 'no', '0'].includes(v) ? false : undefined;
}

function note(ctx: RuleContext, s: Setting | undefined): string {
  return placeholderNote(s, ctx.locale === 'zh-cn');
}

/** "Set `x=v`" spelled like the occurrence it edits (or the inserted form). */
function setTitle(ctx: RuleContext, unit: ConfigUnit, key: string, value: string): string {
  return ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a: ctx.fixer.written(unit, key, value) });
}

function defaultTrue(ctx: RuleContext, unit: ConfigUnit, key: string, fallback: string): { value: string; source: string } {
  return ctx.defaultOf(unit, key) ?? { value: 'true', source: fallback };
}

/** The manual ack mode that applies to this Spring consumer, if any: same unit first, then a
 *  unit of the same file that is active together with it (same profile or no profile). */
function manualAckMode(ctx: RuleContext, unit: ConfigUnit): { setting: Setting; unit: ConfigUnit } | undefined {
  // A Kafka binder binding's ack mode is its own container's (with what it inherits from Spring Boot's
  // listener settings): it says nothing about Spring Boot's containers or other bindings.
  // Nor does a compose service's or a container's (whose consumer unit holds its `SPRING_KAFKA_LISTENER_*` variables): each is its own application.
  const own = effective(unit, ACK_MODE);
  if (own && !isDynamic(own)) return isManual(own) ? { setting: own, unit } : undefined; // the unit's own ack mode decides
  if (unit.facts.binding || unit.surface === 'spring-env') return undefined;
  for (const u of allUnits(ctx.file)) {
    if (u === unit || !isSpringBoot(u) || u.surface === 'spring-env' || u.facts.binding || (u.facts.profile && u.facts.profile !== unit.facts.profile)) continue;
    const s = effective(u, ACK_MODE);
    if (s && !isDynamic(s) && isManual(s)) return { setting: s, unit: u };
  }
  return undefined;
}

function isManual(ackMode: Setting): boolean {
  const m = enumName(ackMode.value);
  return m === 'manual' || m === 'manualimmediate';
}

const JAVA_EXPLICIT: L10n = {
  en: '`{shown}`{note}: the consumer commits offsets on a timer, whether or not processing has finished; records handed to other threads or skipped after an error are lost on a crash or rebalance, and records processed since the last commit are delivered again. Set `{fix}` and commit after processing.',
  zh: '`{shown}`{note}：消费者按定时器提交位移，不管消息是否处理完；交给其他线程或出错后跳过的消息会在崩溃或再均衡时丢失，上次提交后已处理的消息会被重复投递。请设置 `{fix}`，并在处理完成后提交位移。',
};

const JAVA_UNSET: L10n = {
  en: '`{key}` is unset; the {source} is `{def}`: the consumer commits offsets on a timer, whether or not processing has finished; records handed to other threads or skipped after an error are lost on a crash or rebalance, and records processed since the last commit are delivered again. Set `{fix}` and commit after processing.',
  zh: '未设置 `{key}`，默认值为 `{def}`（{source}）：消费者按定时器提交位移，不管消息是否处理完；交给其他线程或出错后跳过的消息会在崩溃或再均衡时丢失，上次提交后已处理的消息会被重复投递。请设置 `{fix}`，并在处理完成后提交位移。',
};

const SPRING_TRUE: L10n = {
  en: '`{shown}`{note}: the Kafka client commits offsets on a timer and the listener container no longer commits after your listener returns; records not yet processed at a crash or rebalance are lost, others are delivered again. Set `{fix}` (the spring-kafka default since 2.3).',
  zh: '`{shown}`{note}：Kafka 客户端按定时器提交位移，监听容器不再在监听器返回后提交；崩溃或再均衡时尚未处理的消息会丢失，其余的会被重复投递。请设置 `{fix}`（spring-kafka 2.3 起的默认值）。',
};

const SPRING_MANUAL: L10n = {
  en: '`{shown}`{note} with `{ack}`: spring-kafka refuses to start the listener container (IllegalStateException: a consumer cannot auto-commit with a manual ack mode). Set `{fix}`.',
  zh: '`{shown}`{note} 与 `{ack}` 同时使用：spring-kafka 无法启动监听容器（IllegalStateException：手动确认模式下消费者不能自动提交）。请设置 `{fix}`。',
};

const RDK: L10n = {
  en: '{what}: librdkafka stores the offset of every message as it hands it to the application and auto-commit commits it, before processing has finished; a crash loses those messages. Set `{fix}` and store offsets after processing.',
  zh: '{what}：librdkafka 在把每条消息交给应用时就保存其位移，自动提交会在处理完成前提交它；崩溃时这些消息会丢失。请设置 `{fix}`，并在处理完成后保存位移。',
};

function checkJava(ctx: RuleContext, unit: ConfigUnit): void {
  const s = effective(unit, KEY);
  if (s) {
    if (isDynamic(s) || asBool(s.value) !== true) return;
    const edits = ctx.fixer.setValue(unit, s, 'false');
    ctx.report({
      severity: 'warning',
      message: ctx.t(JAVA_EXPLICIT, { shown: ctx.fixer.show(unit, s), note: note(ctx, s), fix: ctx.fixer.written(unit, KEY, 'false') }),
      span: s.valueSpan,
      fixes: [ctx.makeFix(setTitle(ctx, unit, KEY, 'false'), 'unsafe', edits, true)],
    });
    return;
  }
  // Unset: only where the file is clearly a consumer config of the plain Java client.
  if (!definitelyConsumer(unit) || !unit.facts.roleEvidence) return;
  const def = defaultTrue(ctx, unit, KEY, `Kafka ${kafkaVersionOf(ctx, unit)} default`);
  if (asBool(def.value) !== true) return;
  ctx.report({
    severity: 'information',
    message: ctx.t(JAVA_UNSET, { key: ctx.fixer.keyName(unit, KEY), source: def.source, def: def.value, fix: ctx.fixer.assignment(unit, KEY, 'false') }),
    span: unit.anchor,
    fixes: [ctx.makeFix(setTitle(ctx, unit, KEY, 'false'), 'unsafe', ctx.fixer.insert(unit, KEY, 'false'), true)],
  });
}

function checkSpring(ctx: RuleContext, unit: ConfigUnit): void {
  // Unset is fine: spring-kafka ≥ 2.3 sets enable.auto.commit=false itself.
  const s = effective(unit, KEY);
  if (!s || isDynamic(s) || springBool(s) !== true) return;
  // The Kafka binder drops `true` from Spring Boot's and its own binder-wide settings (with a
  // logged warning); only a binding's `configuration` gets it to the consumer.
  if (unit.facts.binding && s.precedence < SCST_PRECEDENCE.defaultConfiguration) return;
  const edits = ctx.fixer.setValue(unit, s, 'false');
  const fix = ctx.fixer.written(unit, KEY, 'false');
  const manual = manualAckMode(ctx, unit);
  if (manual) {
    ctx.report({
      severity: 'error',
      message: ctx.t(SPRING_MANUAL, { shown: ctx.fixer.show(unit, s), note: note(ctx, s), ack: ctx.fixer.show(manual.unit, manual.setting), fix }),
      span: s.valueSpan,
      // Safe: the container cannot start as it is, and false is what a manual ack mode needs.
      fixes: [ctx.makeFix(setTitle(ctx, unit, KEY, 'false'), 'safe', edits, true)],
    });
    return;
  }
  ctx.report({
    severity: 'warning',
    message: ctx.t(SPRING_TRUE, { shown: ctx.fixer.show(unit, s), note: note(ctx, s), fix }),
    span: s.valueSpan,
    fixes: [ctx.makeFix(setTitle(ctx, unit, KEY, 'false'), 'unsafe', edits, true)],
  });
}

function checkLibrdkafka(ctx: RuleContext, unit: ConfigUnit): void {
  const commit = effective(unit, KEY);
  const store = effective(unit, STORE);
  if (isDynamic(commit) || isDynamic(store)) return;
  const commitDef = commit ? undefined : defaultTrue(ctx, unit, KEY, 'librdkafka default');
  const storeDef = store ? undefined : defaultTrue(ctx, unit, STORE, 'librdkafka default');
  if (asBool(commit ? commit.value : commitDef!.value) !== true) return;
  if (asBool(store ? store.value : storeDef!.value) !== true) return;
  let span;
  let what: string;
  if (store) {
    span = store.valueSpan;
    what = code(ctx.fixer.show(unit, store)) + note(ctx, store);
    what += commit
      ? ctx.t({ en: ' with `{c}`', zh: '，且 `{c}`' }, { c: ctx.fixer.show(unit, commit) })
      : ctx.t(
          { en: ' while `{key}` is unset (the {source} is `{def}`)', zh: '，且未设置 `{key}`（默认值为 `{def}`，{source}）' },
          { key: ctx.fixer.keyName(unit, KEY), source: commitDef!.source, def: commitDef!.value },
        );
  } else if (commit) {
    span = commit.valueSpan;
    what = ctx.t(
      { en: '`{c}`{n} and `{key}` is unset (the {source} is `{def}`)', zh: '`{c}`{n}，且未设置 `{key}`（默认值为 `{def}`，{source}）' },
      { c: ctx.fixer.show(unit, commit), n: note(ctx, commit), key: ctx.fixer.keyName(unit, STORE), source: storeDef!.source, def: storeDef!.value },
    );
  } else {
    if (!definitelyConsumer(unit)) return;
    span = unit.anchor;
    what = ctx.t(
      { en: '`{c}` and `{s}` are unset (the {source} is `true` for both)', zh: '未设置 `{c}` 和 `{s}`（两者默认值均为 `true`，{source}）' },
      { c: ctx.fixer.keyName(unit, KEY), s: ctx.fixer.keyName(unit, STORE), source: storeDef!.source },
    );
  }
  ctx.report({
    severity: 'warning',
    message: ctx.t(RDK, { what, fix: ctx.fixer.written(unit, STORE, 'false') }),
    span,
    fixes: [
      ctx.makeFix(setTitle(ctx, unit, STORE, 'false'), 'unsafe', ctx.fixer.set(unit, STORE, 'false'), true),
      ctx.makeFix(setTitle(ctx, unit, KEY, 'false'), 'unsafe', ctx.fixer.set(unit, KEY, 'false')),
    ],
  });
}

const KAFKA_GO_READ: L10n = {
  en:
    '`{call}` on a reader with a `GroupID`: kafka-go commits the message\'s offset as it returns it, before your code has processed it, ' +
    'so a crash or an error while processing loses that message. Read with `FetchMessage` and call `CommitMessages` after processing.',
  zh:
    '在设置了 `GroupID` 的 reader 上调用 `{call}`：kafka-go 在返回消息时就提交其位移，此时代码尚未处理它；处理过程中崩溃或出错，这条消息就会丢失。' +
    '请用 `FetchMessage` 读取，并在处理完成后调用 `CommitMessages`。',
};

/** kafka-go: `ReadMessage` on a consumer group reader commits before processing. No fix: the loop must change. */
function checkKafkaGo(ctx: RuleContext, unit: ConfigUnit): void {
  if (unit.role !== 'consumer') return;
  for (const s of unit.settings) {
    if (s.key !== KEY || s.sourceKey !== 'ReadMessage') continue;
    ctx.report({ severity: 'warning', message: ctx.t(KAFKA_GO_READ, { call: s.rawValue }), span: s.keySpan });
  }
}

const rule: Rule = {
  meta: {
    id: 'auto-commit',
    severities: ['error', 'warning', 'information'],
    formats: ['properties', 'yaml', 'go'],
    category: 'consumer',
    scope: 'unit',
    // A Spring consumer also reads the listener ack mode of the other documents active with it.
    fileKey: (file) => {
      const modes: unknown[] = [];
      for (const u of allUnits(file)) {
        if (!isSpringBoot(u)) continue;
        const s = effective(u, ACK_MODE);
        if (!s || isDynamic(s)) continue;
        modes.push([u.surface, u.format, u.facts.profile ?? null, s.key, s.sourceKey, s.rawValue, s.value]);
      }
      return JSON.stringify(modes);
    },
    fixable: true,
    docs: {
      summary: {
        en: 'Finds consumers that commit offsets automatically, on a timer, instead of after processing.',
        zh: '发现按定时器自动提交位移、而不是在处理完成后提交的消费者。',
      },
      why: {
        en: 'With `enable.auto.commit=true` (the Kafka client default) the consumer commits the offsets of records it has returned, every `auto.commit.interval.ms`, whatever the application did with them. Records handed to a thread pool or queue, or skipped by a poll loop that continues after an error, are counted as consumed and are lost when the process dies; records processed since the last commit are delivered a second time after a crash or rebalance. Spring Kafka (2.3 and later) disables auto-commit when it is unset and commits from the listener container after the listener returns; setting it to `true` bypasses that, and together with a `MANUAL` or `MANUAL_IMMEDIATE` ack mode the container refuses to start. librdkafka clients commit stored offsets, and by default (`enable.auto.offset.store=true`) a message\'s offset is stored as soon as it is handed to the application. When the file is clearly a consumer config and leaves auto-commit unset, the rule only informs, since strictly synchronous processing inside the poll loop is safe. In Go, a segmentio/kafka-go reader with a `GroupID` commits each message\'s offset inside `ReadMessage`, as it returns the message: every `ReadMessage` call of such a file is reported.',
        zh: '`enable.auto.commit=true`（Kafka 客户端默认值）时，消费者每隔 `auto.commit.interval.ms` 提交已返回消息的位移，不管应用如何处理了它们。交给线程池或队列的消息、或出错后被轮询循环跳过的消息都被视为已消费，进程退出时就会丢失；上次提交后已处理的消息在崩溃或再均衡后会再次投递。Spring Kafka（2.3 及以后）在未设置时会关闭自动提交，并由监听容器在监听器返回后提交；设为 `true` 会绕过这一机制，若同时使用 `MANUAL` 或 `MANUAL_IMMEDIATE` 确认模式，容器将无法启动。librdkafka 客户端提交的是已保存的位移，默认（`enable.auto.offset.store=true`）消息一交给应用就保存其位移。若文件明显是消费者配置且未设置自动提交，本规则只给出提示，因为在轮询循环内严格同步处理是安全的。在 Go 中，设置了 `GroupID` 的 segmentio/kafka-go reader 会在 `ReadMessage` 返回消息时就提交其位移：这类文件中的每个 `ReadMessage` 调用都会被报告。',
      },
      fix: {
        en: 'Set `enable.auto.commit=false` and commit after processing (`commitSync()` / `commitAsync()` in the Java client; in Spring the container does it, per `listener.ack-mode`). For librdkafka clients, set `enable.auto.offset.store=false` and store each offset after processing (`rd_kafka_offsets_store`, `StoreMessage` in confluent-kafka-go), keeping auto-commit. The fix is unsafe: a plain Java or librdkafka application must add the commit or store call, or its group stops committing and restarts from the last committed offset (or from `auto.offset.reset`) after every restart or rebalance; in Spring the listener container takes over the commits, which changes when records are redelivered. The one safe fix is the Spring startup failure with a manual ack mode, where `false` is the only setting that works. kafka-go has no setting for it: replace `ReadMessage` with `FetchMessage` and call `CommitMessages` once the message is processed (no automatic fix).',
        zh: '设置 `enable.auto.commit=false`，并在处理完成后提交位移（Java 客户端用 `commitSync()` / `commitAsync()`；Spring 中由容器按 `listener.ack-mode` 提交）。librdkafka 客户端可设置 `enable.auto.offset.store=false`，保留自动提交，并在处理完成后保存每个位移（`rd_kafka_offsets_store`，confluent-kafka-go 中为 `StoreMessage`）。此修复不安全：普通 Java 或 librdkafka 应用必须补上提交或保存位移的代码，否则消费者组不再提交位移，每次重启或再均衡后都会从上次提交的位移（或按 `auto.offset.reset`）重新开始；在 Spring 中则改由监听容器提交，消息何时被重新投递也随之改变。唯一安全的修复是 Spring 手动确认模式下的启动失败，此时 `false` 是唯一可行的设置。kafka-go 没有对应的配置：把 `ReadMessage` 换成 `FetchMessage`，并在消息处理完成后调用 `CommitMessages`（不提供自动修复）。',
      },
      references: [
        { title: 'Kafka consumer config: enable.auto.commit', url: 'https://kafka.apache.org/documentation/#consumerconfigs_enable.auto.commit' },
        { title: 'KafkaConsumer Javadoc: manual offset control', url: 'https://kafka.apache.org/39/javadoc/org/apache/kafka/clients/consumer/KafkaConsumer.html' },
        { title: 'Spring for Apache Kafka: committing offsets', url: 'https://docs.spring.io/spring-kafka/reference/kafka/receiving-messages/message-listener-container.html' },
        { title: 'librdkafka configuration: enable.auto.offset.store', url: 'https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md' },
        { title: 'kafka-go Reader.ReadMessage', url: 'https://pkg.go.dev/github.com/segmentio/kafka-go#Reader.ReadMessage' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'consumer.properties',
          bad: 'bootstrap.servers=localhost:9092\ngroup.id=orders\nenable.auto.commit=true\n',
          good: 'bootstrap.servers=localhost:9092\ngroup.id=orders\nenable.auto.commit=false\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.consumer.group-id=orders\nspring.kafka.consumer.enable-auto-commit=true\nspring.kafka.listener.ack-mode=manual\n',
          good: 'spring.kafka.consumer.group-id=orders\nspring.kafka.listener.ack-mode=manual\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n      enable-auto-commit: true\n',
          good: 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n      enable-auto-commit: false\n',
        },
        {
          surface: 'spring-env',
          title: { en: 'Spring Boot in docker-compose', zh: 'docker-compose 中的 Spring Boot' },
          path: 'docker-compose.yml',
          bad: 'services:\n  orders:\n    image: example/orders:2.1\n    environment:\n      - SPRING_KAFKA_CONSUMER_GROUP_ID=orders\n      - SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT=true\n',
          good: 'services:\n  orders:\n    image: example/orders:2.1\n    environment:\n      - SPRING_KAFKA_CONSUMER_GROUP_ID=orders\n      - SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT=false\n',
        },
        {
          surface: 'kafka-go',
          title: { en: 'segmentio/kafka-go', zh: 'segmentio/kafka-go' },
          path: 'consume.go',
          bad:
            'package orders\n\nimport (\n\t"context"\n\n\t"github.com/segmentio/kafka-go"\n)\n\nfunc Consume(ctx context.Context, handle func(kafka.Message) error) error {\n' +
            '\tr := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka:9092"}, GroupID: "orders", Topic: "orders"})\n\tdefer r.Close()\n\tfor {\n' +
            '\t\tm, err := r.ReadMessage(ctx)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tif err := handle(m); err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n}\n',
          good:
            'package orders\n\nimport (\n\t"context"\n\n\t"github.com/segmentio/kafka-go"\n)\n\nfunc Consume(ctx context.Context, handle func(kafka.Message) error) error {\n' +
            '\tr := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka:9092"}, GroupID: "orders", Topic: "orders"})\n\tdefer r.Close()\n\tfor {\n' +
            '\t\tm, err := r.FetchMessage(ctx)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tif err := handle(m); err != nil {\n\t\t\treturn err\n\t\t}\n' +
            '\t\tif err := r.CommitMessages(ctx, m); err != nil {\n\t\t\treturn err\n\t\t}\n\t}\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.client === 'kafka-go') {
        checkKafkaGo(ctx, unit);
        continue;
      }
      if (unit.client !== 'java' && unit.client !== 'librdkafka') continue;
      // Consumer units only; a shared unit counts when it sets the consumer-only key itself.
      if (!isConsumer(unit) && !(unit.role === 'client' && effective(unit, KEY))) continue;
      if (unit.client === 'librdkafka') checkLibrdkafka(ctx, unit);
      else if (isSpringBoot(unit)) checkSpring(ctx, unit);
      else checkJava(ctx, unit);
    }
  },
};
export default rule;
