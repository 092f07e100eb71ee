// Java clients and brokers do not fail on keys they do not know: they log "The configuration …
// was supplied but isn't a known config" and go on without it (facts.md §2.12), so a typo such as
// `min.insync.replica` silently leaves the default in force. Spring Boot ignores unknown
// properties under `spring.kafka` altogether.
// Config maps also carry legitimate keys for plug-ins (serializers, interceptors, SASL login
// modules, Schema Registry, Confluent extensions, Streams/Connect prefixes), which no catalog can
// list. So the rule reports only a key that is unknown to every role, is no removed key (that is
// removed-key's finding), looks like a Kafka key, and is one or two typing slips away from a real
// key of the unit's role. librdkafka (other key set) and sarama (Go fields) are not checked.

import type { ConfigUnit, Role, Setting } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { kafkaVersionOf } from '../rule.js';
import { isKnownKey, lookupKey, removedKey, suggestKeys } from '../knowledge/index.js';
import { canonicalSpringSegment, mapSpringKafkaPath, SPRING_KAFKA_SECTIONS, SPRING_KAFKA_TOP, springSectionProperties } from '../knowledge/spring.js';
import { Memo } from '../memo.js';
import { genericScstProperty, isKnownScstProperty, scstProperties } from '../knowledge/scst.js';

const ROLES: Role[] = ['producer', 'consumer', 'admin', 'broker', 'topic', 'streams'];

/** Keys passed through to serializers, interceptors, login modules and other plug-ins. */
const PASS_THROUGH: RegExp[] = [
  /^schema\.registry\./,
  /^basic\.auth\./,
  /^bearer\.auth\./,
  /^specific\.avro\./,
  /^avro\./,
  /^json\./,
  /^protobuf\./,
  /^confluent\./,
  /^sasl\./,
  /^ssl\./,
  /^listener\.name\./,
  /\.sasl\.jaas\.config$/,
  /^spring\./,
  /^(key|value)\.subject\.name\.strategy$/,
  /^auto\.register\.schemas$/,
  /^use\.latest\./,
  /^latest\.compatibility\./,
  /^normalize\.schemas$/,
  // Streams and Connect pass prefixed keys on to their embedded clients.
  /^(producer|consumer|admin|main\.consumer|restore\.consumer|global\.consumer|topic)\./,
  /^(key|value|header)\.converter\./,
  /^interceptor\./,
  /^otel\./,
];

/** Spring Boot `spring.kafka.<section>.*` properties that are not in the mapping table (they are
 *  not Kafka client keys) but are real: never reported. */
const SPRING_EXTRA: Record<string, string[]> = {
  producer: ['properties', 'ssl.bundle', 'ssl.key-store-key', 'ssl.key-store-certificate-chain', 'ssl.trust-store-certificates'],
  consumer: ['properties', 'ssl.bundle', 'ssl.key-store-key', 'ssl.key-store-certificate-chain', 'ssl.trust-store-certificates'],
  admin: ['properties', 'close-timeout', 'operation-timeout', 'fail-fast', 'auto-create', 'modify-topic-configs', 'ssl.bundle'],
  streams: ['properties', 'auto-startup', 'cleanup.on-startup', 'cleanup.on-shutdown', 'ssl.bundle'],
  listener: [
    'no-poll-threshold',
    'idle-between-polls',
    'idle-partition-event-interval',
    'monitor-interval',
    'auto-startup',
    'change-consumer-thread-name',
    'observation-enabled',
  ],
};

const ROLE_NAME: Record<Role, L10n> = {
  producer: { en: 'producer', zh: '生产者' },
  consumer: { en: 'consumer', zh: '消费者' },
  admin: { en: 'admin client', zh: '管理客户端' },
  broker: { en: 'broker', zh: 'broker ' },
  topic: { en: 'topic', zh: '主题' },
  streams: { en: 'Kafka Streams', zh: 'Kafka Streams ' },
  client: { en: 'client', zh: '客户端' },
};

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const sepNormal = (k: string) => k.toLowerCase().replace(/[-_]/g, '.');

/** How close `candidate` is to the written key, or undefined when too far to be a slip. */
function closeness(written: string, candidate: string): number | undefined {
  if (sepNormal(written) === sepNormal(candidate)) return 0;
  const d = typoDistance(written.toLowerCase(), candidate.toLowerCase());
  if (d === 1 && written.length >= 5) return 1;
  if (d === 2 && written.length >= 10) return 2;
  return undefined;
}

function rank(written: string, candidates: readonly string[]): { c: string; d: number }[] {
  return candidates
    .map((c) => ({ c, d: closeness(written, c) }))
    .filter((x): x is { c: string; d: number } => x.d !== undefined && x.c !== written)
    .sort((x, y) => x.d - y.d);
}

function knownAnywhere(key: string): boolean {
  return ROLES.some((r) => lookupKey(key, r) !== undefined);
}

interface Suggestion {
  /** Canonical key the setting would be renamed to (undefined: no rename possible). */
  key: string;
  /** As the user would write it. */
  shown: string;
  /** Typing distance from the written key (0 = only separators or case differ). */
  distance: number;
}

/** Whether a key is none of ours to question: not key-shaped, passed through, known, removed. */
function notSuspect(key: string, role: Role, kafkaVersion: string): boolean {
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)+$/i.test(key)) return true;
  if (PASS_THROUGH.some((re) => re.test(key))) return true;
  if (isKnownKey(key, role, kafkaVersion) || knownAnywhere(key)) return true;
  return !!removedKey(key, role);
}

// Every setting of every unit asks on every lint; the answer depends on these three only (memo.ts).
const notSuspectMemo = new Memo((key: string, role: Role, kafkaVersion: string) => notSuspect(key, role, kafkaVersion));

function kafkaSuggestions(ctx: RuleContext, unit: ConfigUnit, s: Setting): Suggestion[] | undefined {
  const key = s.key;
  if (notSuspectMemo.get(key, s.role, kafkaVersionOf(ctx, unit))) return undefined;
  const ranked = rank(key, suggestKeys(key, s.role)).filter((x) => lookupKey(x.c, s.role) !== undefined);
  // Named where the setting is written: an entry of the map Spring shares among all clients
  // (`spring.kafka.properties`) stays there, whichever client's unit it is judged in.
  const place = s.role === unit.role ? unit : { ...unit, role: s.role };
  return ranked.map((x) => ({ key: x.c, shown: ctx.fixer.keyName(place, x.c), distance: x.d }));
}

/**
 * `spring:<section>.<prop>` keys the Spring mapping does not know. From an environment variable
 * (`env`) the name's elements were split at every `_`, dots and dashes alike, so it is compared
 * with those left out.
 */
function springSuggestions(s: Setting, env: boolean): Suggestion[] | undefined {
  const rest = s.key.slice('spring:'.length);
  if (mapSpringKafkaPath(rest)) return undefined;
  const dot = rest.indexOf('.');
  if (dot < 0) return misplacedSpringProperty(rest);
  const section = canonicalSpringSegment(rest.slice(0, dot));
  const prop = rest
    .slice(dot + 1)
    .split('.')
    .map(canonicalSpringSegment)
    .join('.');
  const known = springSectionProperties(section);
  if (!known.length) return undefined;
  // Spring Boot matches each name element ignoring case and every non-alphanumeric character
  // (ConfigurationPropertyName), so `batchsize` binds to `batch-size`: not unknown.
  const bound = env ? (p: string) => springBound(p).replace(/\./g, '') : springBound;
  const all = [...known, ...(SPRING_EXTRA[section] ?? [])].map(bound);
  if (all.includes(bound(prop)) || prop.startsWith('properties')) return undefined;
  return rank(prop, known).map((x) => {
    const key = mapSpringKafkaPath(`${section}.${x.c}`)?.key ?? '';
    return { key, shown: `spring.kafka.${section}.${x.c}`, distance: x.d };
  });
}

/**
 * A section's property written directly below `spring.kafka` (`spring.kafka.enable-auto-commit`,
 * `spring.kafka.acks`): Spring Boot binds no such property and ignores it. Suggests the sections
 * that have it; the rename moves the key into the section (`consumer.enable-auto-commit`).
 */
function misplacedSpringProperty(prop: string): Suggestion[] | undefined {
  const b = springBound(prop);
  if (SPRING_KAFKA_TOP.some((t) => springBound(t) === b)) return undefined;
  const out: Suggestion[] = [];
  for (const section of SPRING_KAFKA_SECTIONS) {
    const hit = springSectionProperties(section).find((p) => springBound(p) === b);
    if (hit) out.push({ key: `spring:${section}.${hit}`, shown: `spring.kafka.${section}.${hit}`, distance: 0 });
  }
  return out;
}

/** `scst:<direction>.<prop>` keys (a binding's Kafka binder properties) the binder does not bind. */
function scstSuggestions(ctx: RuleContext, unit: ConfigUnit, s: Setting): Suggestion[] | undefined {
  const area = /^scst:kafka\.(.+)$/.exec(s.key);
  if (area) {
    // `spring.cloud.stream.kafka.brokers`: a binder property one level too high (moving it is the user's call).
    const b = springBound(area[1]);
    const hit = scstProperties('binder').find((p) => springBound(p) === b);
    return hit ? [{ key: '', shown: `spring.cloud.stream.kafka.binder.${hit}`, distance: 0 }] : undefined;
  }
  const m = /^scst:(consumer|producer|binder)\.(.+)$/.exec(s.key);
  if (!m || isKnownScstProperty(s.key) || genericScstProperty(s.key)) return undefined;
  const place = m[1] as 'consumer' | 'producer' | 'binder';
  const known = scstProperties(place);
  if (known.map(springBound).includes(springBound(m[2]))) return undefined;
  // (A property that resembles none, such as binder 1.x's `zk-nodes`, is left alone: the list is of one version.)
  return rank(m[2], known).map((x) => ({ key: `scst:${place}.${x.c}`, shown: ctx.fixer.keyName(unit, `scst:${place}.${x.c}`), distance: x.d }));
}

/** How Spring Boot compares a property name: each element without case and non-alphanumerics (ConfigurationPropertyName). */
function springBound(p: string): string {
  return p
    .split('.')
    .map((e) => e.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .join('.');
}

const MESSAGE: L10n = {
  en: '`{shown}` is not a Kafka {role} setting; Kafka logs a warning and ignores it, so the default stays in force. Did you mean {list}?',
  zh: '`{shown}` 不是 Kafka {role}配置项；Kafka 只记录一条警告并忽略它，默认值仍然生效。是否想写 {list}？',
};

const SCST_MESSAGE: L10n = {
  en: '`{shown}` is not a property of Spring Cloud Stream\'s Kafka binder; it is ignored, so the default stays in force. Did you mean {list}?',
  zh: '`{shown}` 不是 Spring Cloud Stream Kafka binder 的属性；它会被忽略，默认值仍然生效。是否想写 {list}？',
};

const SCST_GENERIC: L10n = {
  en: '`{shown}` is not a property of Spring Cloud Stream\'s Kafka binder, so it is ignored here and the default stays in force: `{prop}` is a binding property of every binder, read at `{place}`.',
  zh: '`{shown}` 不是 Spring Cloud Stream Kafka binder 的属性，写在这里会被忽略，默认值仍然生效：`{prop}` 是所有 binder 通用的绑定属性，应写在 `{place}`。',
};

const SPRING_MESSAGE: L10n = {
  en: '`{shown}` is not a Spring Boot Kafka property; Spring Boot ignores it, so the default stays in force. Did you mean {list}?',
  zh: '`{shown}` 不是 Spring Boot 的 Kafka 属性；Spring Boot 会忽略它，默认值仍然生效。是否想写 {list}？',
};

/** A binding's Kafka binder property the binder does not bind: misspelled, or a property of the
 *  binding itself written below the Kafka binder's prefix. */
function checkScst(ctx: RuleContext, unit: ConfigUnit, s: Setting): void {
  const generic = genericScstProperty(s.key);
  const binding = unit.facts.binding?.name;
  if (generic && binding !== undefined) {
    const place = `spring.cloud.stream.bindings.${binding}.${unit.role}.${generic}`;
    ctx.report({ severity: 'warning', message: ctx.t(SCST_GENERIC, { shown: s.sourceKey, prop: generic, place }), span: s.keySpan });
    return;
  }
  const suggestions = scstSuggestions(ctx, unit, s);
  if (suggestions?.length) reportSuggestions(ctx, unit, s, suggestions, (list) => ctx.t(SCST_MESSAGE, { shown: s.sourceKey, list }));
}

/** Reports an unknown key with up to three suggestions, each a rename (preferred: a clear best). */
function reportSuggestions(ctx: RuleContext, unit: ConfigUnit, s: Setting, suggestions: Suggestion[], message: (list: string) => string): void {
  const top = suggestions.slice(0, 3);
  const list = top.map((x) => '`' + x.shown + '`').join(ctx.t({ en: ' or ', zh: ' 或 ' }));
  // Prefer a rename only when one suggestion is clearly the best.
  const unique = top.length === 1 || top[1].distance > top[0].distance;
  const fixes = top
    .filter((x) => x.key)
    .map((x, i) => ctx.makeFix(ctx.t({ en: 'Rename to `{k}`', zh: '改名为 `{k}`' }, { k: x.shown }), 'unsafe', ctx.fixer.rename(unit, s, x.key), i === 0 && unique));
  ctx.report({ severity: 'warning', message: message(list), span: s.keySpan, fixes });
}

const rule: Rule = {
  meta: {
    id: 'unknown-key',
    severities: ['warning'],
    formats: ['properties', 'yaml'],
    category: 'any',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds misspelled Kafka settings (`min.insync.replica`, `enable.idempotance`), which Kafka ignores.',
        zh: '发现拼写错误的 Kafka 配置项（`min.insync.replica`、`enable.idempotance`），Kafka 会忽略它们。',
      },
      why: {
        en: 'Kafka clients and brokers do not reject keys they do not know; they log a warning ("was supplied but isn\'t a known config") and carry on, and Spring Boot silently ignores unknown `spring.kafka` properties. A misspelled durability setting therefore leaves the default in force while the file looks right. To stay quiet about the many legitimate plug-in keys (serializer and Schema Registry settings, SASL and SSL options, interceptors, Streams and Connect prefixes), the rule only reports a key that no Kafka role knows, that is close to a real key of the file\'s role, and that is not a removed key (those are reported by `removed-key`). A section\'s property written directly below `spring.kafka` (`spring.kafka.enable-auto-commit`, `spring.kafka.acks`) is reported too: Spring Boot binds nothing there. librdkafka and sarama configurations are not checked.',
        zh: 'Kafka 客户端和 broker 不会拒绝不认识的配置项，只记录一条警告（"was supplied but isn\'t a known config"）后继续运行；Spring Boot 则会静默忽略未知的 `spring.kafka` 属性。因此拼错的持久性配置会让默认值继续生效，而文件看起来却没有问题。为了不对大量合法的插件配置项（序列化器与 Schema Registry 配置、SASL 与 SSL 选项、拦截器、Streams 与 Connect 前缀）误报，本规则只报告任何 Kafka 角色都不认识、与文件所属角色的某个真实配置项非常接近、且不是已移除配置项（由 `removed-key` 报告）的键。直接写在 `spring.kafka` 下的分节属性（`spring.kafka.enable-auto-commit`、`spring.kafka.acks`）也会报告：Spring Boot 不会在那里绑定任何属性。librdkafka 和 sarama 配置不在检查范围内。',
      },
      fix: {
        en: 'Rename the key to the suggested one. The fix is unsafe: the setting starts to take effect, which is the point but changes behaviour (for example a real `min.insync.replicas=2` makes `acks=all` writes fail while fewer replicas are in sync).',
        zh: '把键改名为建议的名称。此修复不安全：该配置会开始生效，这正是目的，但会改变行为（例如真正生效的 `min.insync.replicas=2` 会让同步副本不足时的 `acks=all` 写入失败）。',
      },
      references: [
        { title: 'Kafka configuration reference', url: 'https://kafka.apache.org/documentation/#configuration' },
        { title: 'Spring Boot application properties: integration', url: 'https://docs.spring.io/spring-boot/appendix/application-properties/integration.html' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'server.properties',
          bad: 'process.roles=broker,controller\nnode.id=1\nmin.insync.replica=2\n',
          good: 'process.roles=broker,controller\nnode.id=1\nmin.insync.replicas=2\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotance]=true\n',
          good: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotence]=true\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotance]": true\n',
          good: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replica: 2\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n',
        },
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICA: 2\n',
          good: 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.client !== 'java' && unit.client !== 'broker') continue;
      const settings = unit.settings;
      for (let i = 0; i < settings.length; i++) {
        const s = settings[i];
        if (s.key.startsWith('sarama:')) continue;
        if (s.key.startsWith('scst:')) {
          checkScst(ctx, unit, s);
          continue;
        }
        const spring = s.key.startsWith('spring:');
        let suggestions = spring ? springSuggestions(s, unit.surface === 'spring-env') : kafkaSuggestions(ctx, unit, s);
        if (!suggestions?.length) continue;
        // A Spring Boot variable is suggested as the variable to write.
        if (spring && unit.surface === 'spring-env') suggestions = suggestions.map((x) => ({ ...x, shown: ctx.fixer.keyName(unit, 'spring:' + x.shown.slice('spring.kafka.'.length)) }));
        reportSuggestions(ctx, unit, s, suggestions, (list) =>
          spring ? ctx.t(SPRING_MESSAGE, { shown: s.sourceKey, list }) : ctx.t(MESSAGE, { shown: s.sourceKey, role: ctx.t(ROLE_NAME[s.role]), list }),
        );
      }
    }
  },
};
export default rule;
