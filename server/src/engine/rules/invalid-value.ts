// A value outside the key's type or enum makes the Java client or broker throw a ConfigException
// when it starts (`acks=2`, `enable.auto.commit=yes`, a negative count); Spring Boot fails to bind
// an unknown AckMode or an unreadable Duration/DataSize before the application starts (facts.md
// §6.1, §7, §12). The key catalog (knowledge checkValue) holds the types and enums of the Java
// client and broker; librdkafka accepts other spellings (§11.1) and sarama is Go code, so both
// are left alone.

import { SCST_PRECEDENCE } from '../knowledge/scst.js';
import type { ConfigUnit, Fix, Setting } from '../model.js';
import { isSpringBoot } from '../model.js';
import { withZh, type L10n } from '../l10n.js';
import type { Rule } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { checkValue, type ValueProblem } from '../knowledge/index.js';
import { mapSpringKafkaPath, springEnvPath, springValueToKafka } from '../knowledge/spring.js';
import { isDynamic, placeholderNote } from './util.js';
import { Memo } from '../memo.js';


/** Spring Boot binds enums leniently: case, `-` and `_` do not matter. */
const enumName = (v: string) => v.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

/** The Spring property below `spring.kafka.` a setting was written as (or its environment variable binds to), if any. */
function springRest(s: Setting): string | undefined {
  // Asked for every Spring setting on every lint: remembered per source key (memo.ts).
  return springRestMemo.get(s.sourceKey);
}

const springRestMemo = new Memo((sourceKey: string) => /^spring\.kafka\.(.+)$/i.exec(sourceKey.trim())?.[1] ?? springEnvPath(sourceKey.trim()), 4096);

/** The setting that takes effect for each key of the unit, in the order keys first appear
 *  (what `effective` gives for each, in one pass). */
function effectiveByKey(unit: ConfigUnit): Setting[] {
  const out: Setting[] = [];
  const at = new Map<string, number>();
  const settings = unit.settings;
  for (let i = 0; i < settings.length; i++) {
    const s = settings[i];
    const j = at.get(s.key);
    if (j === undefined) at.set(s.key, out.push(s) - 1);
    else if (s.precedence >= out[j].precedence) out[j] = s;
  }
  return out;
}

const SPRING_TRUE = ['true', 'on', 'yes', '1'];
const SPRING_FALSE = ['false', 'off', 'no', '0'];

/** The Kafka binder's `start-offset` is an enum of two (knowledge/scst.ts): `none` and the rest fail the binding. */
function binderProblem(s: Setting): ValueProblem | undefined {
  if (s.key !== 'auto.offset.reset' || s.precedence < SCST_PRECEDENCE.defaultProperty) return undefined;
  const v = s.value.trim().toLowerCase();
  if (v === 'earliest' || v === 'latest') return undefined;
  return {
    allowed: ['earliest', 'latest'],
    reason: {
      en: "Spring Cloud Stream's Kafka binder knows only the start offsets earliest and latest, so the application fails to start",
      zh: 'Spring Cloud Stream 的 Kafka binder 只认识 earliest 和 latest 两种起始位置，应用会启动失败',
    },
  };
}

/**
 * Problems Spring Boot itself finds when binding a dedicated property, 'skip' when Boot accepts
 * a value the Kafka catalog would not (Boot converts it before Kafka sees it), undefined when
 * the Kafka catalog decides.
 */
function springProblem(unit: ConfigUnit, s: Setting): ValueProblem | 'skip' | undefined {
  if (unit.facts.binding) return binderProblem(s);
  if (!isSpringBoot(unit)) return undefined;
  const rest = springRest(s);
  const mapping = rest ? mapSpringKafkaPath(rest) : undefined;
  // Map entries (`properties[...]`) reach Kafka as written: the Kafka catalog judges them.
  if (!mapping || mapping.precedence !== 1) return undefined;
  const v = s.value.trim().toLowerCase();
  if (s.key === 'enable.auto.commit') {
    // A Boolean property: Boot's converter also reads on/off, yes/no, 1/0.
    if (v === '' || SPRING_TRUE.includes(v) || SPRING_FALSE.includes(v)) return 'skip';
    return { allowed: ['true', 'false'], reason: { en: 'Spring Boot cannot read it as a boolean, so the application fails to start', zh: 'Spring Boot 无法将其解析为布尔值，应用会启动失败' } };
  }
  if (s.key === 'isolation.level') {
    // An enum property, bound leniently (`READ_COMMITTED`, `read-committed`).
    if (v === '' || enumName(v) === 'readcommitted' || enumName(v) === 'readuncommitted') return 'skip';
    return {
      allowed: ['read_committed', 'read_uncommitted'],
      reason: { en: 'Spring Boot knows only the isolation levels READ_COMMITTED and READ_UNCOMMITTED, so the application fails to start', zh: 'Spring Boot 只认识 READ_COMMITTED 和 READ_UNCOMMITTED 两种隔离级别，应用会启动失败' },
    };
  }
  if (mapping.kind === 'duration-ms' && springValueToKafka('duration-ms', s.value) === undefined) {
    return {
      reason: {
        en: 'Spring Boot cannot read it as a Duration, so the application fails to start; write `500ms`, `5s`, `1m`, an ISO-8601 `PT5S`, or a number of milliseconds',
        zh: 'Spring Boot 无法将其解析为 Duration，应用会启动失败；可写作 `500ms`、`5s`、`1m`、ISO-8601 的 `PT5S`，或毫秒数',
      },
    };
  }
  if (mapping.kind === 'datasize' && springValueToKafka('datasize', s.value) === undefined) {
    return {
      reason: {
        en: 'Spring Boot cannot read it as a DataSize, so the application fails to start; write `16KB`, `32MB`, or a number of bytes',
        zh: 'Spring Boot 无法将其解析为 DataSize，应用会启动失败；可写作 `16KB`、`32MB`，或字节数',
      },
    };
  }
  return undefined;
}

const MESSAGE: L10n = {
  en: '`{shown}`{note}: {reason}{consequence}{remedy}',
  zh: '`{shown}`{note}：{reason}{consequence}{remedy}',
};

const CONSEQUENCE: L10n = {
  en: ' The client or broker refuses to start with it.',
  zh: '客户端或 broker 会因此无法启动。',
};

// (Chinese text goes into regular expressions as strings, see withZh.)
const SENTENCE_END = new RegExp('[.。!?！？]$');
const SAYS_IT_FAILS = withZh(/refuse|fail/i, '拒绝|失败|无法启动');
const SAYS_WHAT_TO_WRITE = withZh(/write `/i, '写成|可写作');

/** The reason as a sentence (the catalog's reasons are; ours too). */
function sentence(text: string, zh: boolean): string {
  const t = text.trim();
  return SENTENCE_END.test(t) ? t : t + (zh ? '。' : '.');
}

const rule: Rule = {
  meta: {
    id: 'invalid-value',
    severities: ['error'],
    formats: ['properties', 'yaml'],
    category: 'any',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds values outside a setting\'s type or allowed values (`acks=2`, `enable.auto.commit=yes`, a negative count, an unknown AckMode).',
        zh: '发现超出配置项类型或取值范围的值（`acks=2`、`enable.auto.commit=yes`、负数计数、未知的 AckMode）。',
      },
      why: {
        en: 'Kafka validates every known setting against its type and allowed values when a client or broker is created and throws a ConfigException for a value it cannot accept, so the producer, consumer or broker does not start. Spring Boot likewise fails while binding `spring.kafka.*` when an AckMode, a Duration or a DataSize cannot be read. Values taken from a placeholder default (`${ACKS:2}`) are checked too, and the message says so; values the tool cannot know (`${ACKS}`) are not.',
        zh: 'Kafka 在创建客户端或 broker 时会按类型和允许的取值校验每个已知配置项，遇到无法接受的值会抛出 ConfigException，生产者、消费者或 broker 因此无法启动。同样，Spring Boot 在绑定 `spring.kafka.*` 时，若 AckMode、Duration 或 DataSize 无法解析也会失败。取自占位符默认值（`${ACKS:2}`）的值同样会被检查，消息中会注明；工具无法得知的值（`${ACKS}`）不检查。',
      },
      fix: {
        en: 'Replace the value with an allowed one. For settings with a fixed set of values there is one quick fix per value; none is applied automatically, because only you know which one was meant.',
        zh: '把值改成允许的取值。对于取值固定的配置项，每个可选值对应一个快速修复；不会自动应用任何一个，因为只有你知道本意是哪一个。',
      },
      references: [
        { title: 'Kafka configuration reference', url: 'https://kafka.apache.org/documentation/#configuration' },
        { title: 'Spring for Apache Kafka: AckMode', url: 'https://docs.spring.io/spring-kafka/reference/kafka/receiving-messages/message-listener-container.html' },
        { title: 'Spring Boot: Apache Kafka support', url: 'https://docs.spring.io/spring-boot/reference/messaging/kafka.html' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\nacks=2\n',
          good: 'bootstrap.servers=localhost:9092\nacks=all\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.consumer.group-id=orders\nspring.kafka.listener.ack-mode=manual-commit\n',
          good: 'spring.kafka.consumer.group-id=orders\nspring.kafka.listener.ack-mode=manual\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      acks: 2\n',
          good: 'spring:\n  kafka:\n    producer:\n      acks: all\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 0\n',
          good: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n',
        },
      ],
    },
  },
  check(ctx) {
    const zh = ctx.locale === 'zh-cn';
    const title = (a: string) => ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a });
    for (const unit of ctx.file.units) {
      if (unit.client !== 'java' && unit.client !== 'broker') continue;
      // Only the occurrence that takes effect; losing duplicates are duplicate-key's.
      const settings = effectiveByKey(unit);
      const version = kafkaVersionOf(ctx, unit);
      for (let i = 0; i < settings.length; i++) {
        const s = settings[i];
        if (isDynamic(s) || s.key.startsWith('sarama:')) continue;
        const sp = springProblem(unit, s);
        if (sp === 'skip') continue;
        const problem = sp ?? checkValue(s.key, s.role, s.value, version);
        if (!problem) continue;
        const shownWith = (v: string) => ctx.fixer.written(unit, s.key, v, s);
        const fixes: Fix[] = [];
        // A certain correction (`5s` -> `5000` for a `.ms` key) is the only sensible repair: safe.
        if (problem.suggestion !== undefined) {
          fixes.push(ctx.makeFix(title(shownWith(problem.suggestion)), 'safe', ctx.fixer.setValue(unit, s, problem.suggestion), true));
        }
        const allowed = (problem.allowed ?? []).filter((v) => v !== problem.suggestion);
        for (const v of allowed) fixes.push(ctx.makeFix(title(shownWith(v)), 'unsafe', ctx.fixer.setValue(unit, s, v)));
        const reason = sentence(ctx.t(problem.reason), zh);
        const consequence = SAYS_IT_FAILS.test(reason) ? '' : ctx.t(CONSEQUENCE);
        let remedy = '';
        // The reason may already say what to write.
        if (problem.suggestion === undefined && !SAYS_WHAT_TO_WRITE.test(reason)) {
          const listed = allowed.length > 0 && allowed.every((v) => reason.includes(v));
          remedy = allowed.length
            ? listed
              ? ''
              : ctx.t({ en: ' Use one of {list}.', zh: '请使用以下取值之一：{list}。' }, { list: allowed.map((v) => '`' + v + '`').join(', ') })
            : ctx.t({ en: ' Correct the value.', zh: '请改为合法的值。' });
        }
        ctx.report({
          severity: 'error',
          message: ctx.t(MESSAGE, {
            shown: ctx.fixer.show(unit, s),
            note: placeholderNote(s, zh),
            reason,
            consequence,
            remedy,
          }),
          span: s.valueSpan,
          fixes,
        });
      }
    }
  },
};
export default rule;
