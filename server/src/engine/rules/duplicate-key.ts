// The same setting written twice in one scope: only one occurrence takes effect, and a reader
// who finds the other one is misled (for example `acks=all` near the top, `acks=1` further down).
// java.util.Properties and Spring Boot's properties loader keep the last occurrence; inside one
// Spring unit, a `<client>.properties[key]` entry beats the dedicated property whatever the order
// (facts.md §7). The model's `effective()` encodes both.
// `spring.kafka.properties[key]` overridden by a client-specific value is the documented way to
// set a common value and refine it per client: not reported.
// YAML: the same setting under two spellings (dotted and nested keys, relaxed-binding forms,
// repeated entries of an `environment` list) is legal and the last one wins. A key repeated
// inside one mapping is different: Spring Boot (SnakeYAML with duplicate keys disallowed),
// kubectl and docker compose refuse such a file, while lenient readers keep the last value. The
// YAML parser keeps both occurrences and reports the repetition (a DUPLICATE_KEY error, which
// `syntax-error` shows at the second one); this rule reports the first, saying the file may not
// load at all, with a fix: removing it keeps what lenient readers already used. A block key
// repeated (`spring:` twice) is `syntax-error`'s alone: no setting inside wins.
// Spring across documents and files: a later document with the same conditions, a profile file
// over application.yml's documents of its profile, and application.properties over application.yml
// set a property again wherever the earlier one applies (Spring Boot reference, "External
// Application Properties"; springProfiles.ts `linkSpringOverrides`): the earlier one is reported,
// naming the winner's line and file.

import type { ConfigUnit, ParseError, Setting, Span } from '../model.js';
import { isInherited, unitEffective } from '../model.js';
import { baseName } from '../parsers/yamlCommon.js';
import { overrideOrigin } from '../springProfiles.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { lineOf, lineStarts } from '../suppressions.js';

const LAST_WINS: L10n = {
  en: '`{key}` is set again on line {line} (`{winner}`), and the last occurrence wins, so this `{shown}` has no effect. Remove it.',
  zh: '`{key}` 在第 {line} 行再次设置（`{winner}`），以最后一次出现为准，因此此处的 `{shown}` 不起作用。请删除它。',
};

const MAP_WINS: L10n = {
  en: '`{shown}` has no effect: `{winner}` on line {line} sets the same Kafka key, and a `properties[...]` entry overrides the dedicated Spring property. Remove this one.',
  zh: '`{shown}` 不起作用：第 {line} 行的 `{winner}` 设置了同一个 Kafka 配置项，而 `properties[...]` 条目会覆盖 Spring 的专用属性。请删除此处的设置。',
};

const OTHER_WINS: L10n = {
  en: '`{shown}` has no effect: `{winner}` on line {line} sets the same setting and takes precedence. Remove this one.',
  zh: '`{shown}` 不起作用：第 {line} 行的 `{winner}` 设置了同一配置项并优先生效。请删除此处的设置。',
};

const YAML_REPEATED: L10n = {
  en: '`{key}` appears again in the same YAML mapping on line {line} (`{winner}`): Spring Boot, kubectl and docker compose refuse a file with a repeated key, and tools that accept it keep the last one, so this `{shown}` has no effect at best. Remove it.',
  zh: '`{key}` 在同一个 YAML 映射的第 {line} 行再次出现（`{winner}`）：Spring Boot、kubectl 和 docker compose 会拒绝含有重复键的文件，能接受的工具则以最后一个为准，因此此处的 `{shown}` 最多也只是不起作用。请删除它。',
};

const LATER_DOCUMENT: L10n = {
  en: '`{shown}` has no effect: a later document sets it again on line {line} (`{winner}`) under the same conditions, and Spring Boot applies a later document over an earlier one. Remove this one.',
  zh: '`{shown}` 不起作用：后面的一个文档在第 {line} 行以相同条件再次设置了它（`{winner}`），而 Spring Boot 会用后面的文档覆盖前面的文档。请删除此处的设置。',
};

const PROFILE_FILE: L10n = {
  en: '`{shown}` has no effect: `{file}` sets it again (`{winner}`, line {line}), and Spring Boot reads that file over this one whenever profile `{profile}` is active, the only time this document applies. Remove this one.',
  zh: '`{shown}` 不起作用：`{file}` 再次设置了它（`{winner}`，第 {line} 行），而只要 profile `{profile}` 处于激活状态（这也是本文档唯一生效的时候），Spring Boot 就会用该文件覆盖此文件。请删除此处的设置。',
};

const PROPERTIES_FILE: L10n = {
  en: '`{shown}` has no effect: `{file}` beside this file sets it again (`{winner}`, line {line}) for the same documents, and Spring Boot reads a `.properties` file over the YAML file of the same name. Remove this one.',
  zh: '`{shown}` 不起作用：同目录下的 `{file}` 为相同的文档再次设置了它（`{winner}`，第 {line} 行），而 Spring Boot 会用同名的 `.properties` 文件覆盖 YAML 文件。请删除此处的设置。',
};

/**
 * The keys the parser found repeated in a YAML mapping (DUPLICATE_KEY errors), by where each
 * occurrence starts: every occurrence of one key maps to where its first one starts.
 */
function repeatedKeys(errors: readonly ParseError[]): Map<number, number> {
  const group = new Map<number, number>();
  for (const e of errors) {
    const d = e.duplicate;
    if (!d) continue;
    group.set(d.firstKey.start, d.firstKey.start);
    group.set(e.span.start, d.firstKey.start);
  }
  return group;
}

/**
 * Whether `a` and `b` lie in the two pairs of one key repeated in a YAML mapping (a parse error),
 * below that key: each under its own occurrence of a block key. A leaf key repeated as such (`a`
 * is that key's first occurrence) is this rule's own case, with a fix.
 */
function inRepeatedBlocks(errors: readonly ParseError[], a: Setting, b: Setting): boolean {
  const within = (s: Span, at: number) => at >= s.start && at < s.end;
  for (const e of errors) {
    const d = e.duplicate;
    if (!d || a.keySpan.start === d.firstKey.start) continue;
    const [p, q] = d.pairs;
    if ((within(p, a.keySpan.start) && within(q, b.keySpan.start)) || (within(q, a.keySpan.start) && within(p, b.keySpan.start))) return true;
  }
  return false;
}

/**
 * A Spring setting that a later document of the file, or a Spring file read over this one, sets
 * again whenever its document applies (`ConfigUnit.overriddenBy`): it has no effect.
 */
function checkOverridden(ctx: RuleContext, unit: ConfigUnit, key: string, own: Setting, line: (offset: number) => number): void {
  const over = unit.overriddenBy?.get(key);
  if (!over || isInherited(own) || over.precedence < own.precedence) return;
  // A common value (`spring.kafka.properties[...]`) that a file read over this one refines for one client
  // still holds for the others: intended, as within a document.
  if (own.precedence === 0 && over.precedence > 0) return;
  const origin = overrideOrigin(over);
  const file = origin?.path === undefined ? undefined : baseName(origin.path);
  const winner = file?.toLowerCase().endsWith('.properties') ? `${over.sourceKey}=${over.rawValue}` : ctx.fixer.show(unit, over);
  const data = { shown: ctx.fixer.show(unit, own), winner, line: origin?.line ?? line(over.keySpan.start), file: file ?? '', profile: unit.facts.profile ?? '' };
  const template = file === undefined ? LATER_DOCUMENT : /^(application|bootstrap)-/i.test(file) && unit.facts.profile ? PROFILE_FILE : PROPERTIES_FILE;
  ctx.report({
    severity: 'warning',
    message: ctx.t(template, data),
    span: own.keySpan,
    about: { unit, settings: [own, over] },
    // (Safe within the file; with the winner in another file the removal relies on that file staying.)
    fixes: [ctx.makeFix(ctx.t({ en: 'Remove `{shown}`', zh: '删除 `{shown}`' }, data), file === undefined ? 'safe' : 'unsafe', ctx.fixer.remove(unit, own), true)],
  });
}

function checkUnit(ctx: RuleContext, unit: ConfigUnit, line: (offset: number) => number, repeated: Map<number, number>): void {
  // The occurrences of each key, in source order, gathered in one pass (keys in order of their first one).
  const byKey = new Map<string, Setting[]>();
  const groups: Setting[][] = [];
  const settings = unit.settings;
  for (let i = 0; i < settings.length; i++) {
    const s = settings[i];
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else {
      const first = [s];
      byKey.set(s.key, first);
      groups.push(first);
    }
  }
  for (let k = 0; k < groups.length; k++) {
    const all = groups[k];
    const key = all[0].key;
    const winner = unitEffective(unit, key)!;
    checkOverridden(ctx, unit, key, winner, line);
    if (all.length < 2) continue;
    for (const loser of all) {
      if (loser === winner) continue;
      // One value read under one name twice (a container's env item taking the ConfigMap entry its envFrom also brings in).
      if (loser.valueSpan.start === winner.valueSpan.start && loser.valueSpan.end === winner.valueSpan.end) continue;
      // Common value refined per client: intended.
      if (loser.precedence === 0 && winner.precedence > 0) continue;
      // The Kafka binder's layers (binder-wide, `default.*`, the binding's own) are defaults that a
      // binding overrides by design, and the binder-wide ones hold for other bindings too: only a
      // repetition within one layer is a duplicate.
      if (unit.facts.binding && loser.precedence !== winner.precedence) continue;
      // Inside two occurrences of one block key (`spring:` written twice in a mapping): the file
      // does not load, which `syntax-error` reports at the repeated key; which value would win is moot.
      if (unit.format === 'yaml' && inRepeatedBlocks(ctx.file.errors, loser, winner)) continue;
      // A later twin in the same YAML mapping (the parser found the key repeated): a repeated key,
      // not just a second spelling.
      const group = repeated.get(loser.keySpan.start);
      const twin = group === undefined ? undefined : all.find((o) => o.keySpan.start > loser.keySpan.start && repeated.get(o.keySpan.start) === group);
      const named = twin ?? winner;
      const data = {
        key: loser.sourceKey,
        shown: ctx.fixer.show(unit, loser),
        winner: ctx.fixer.show(unit, named),
        line: line(named.keySpan.start),
      };
      const template = twin
        ? YAML_REPEATED
        : loser.precedence === winner.precedence
          ? LAST_WINS
          : winner.precedence === 2 && loser.precedence >= 1 && loser.precedence < 2
            ? MAP_WINS
            : OTHER_WINS;
      ctx.report({
        severity: 'warning',
        message: ctx.t(template, data),
        span: loser.keySpan,
        fixes: [ctx.makeFix(ctx.t({ en: 'Remove `{shown}`', zh: '删除 `{shown}`' }, data), 'safe', ctx.fixer.remove(unit, loser), true)],
      });
    }
  }
}

const rule: Rule = {
  meta: {
    id: 'duplicate-key',
    severities: ['warning'],
    formats: ['properties', 'yaml'],
    category: 'any',
    fixable: true,
    scope: 'unit',
    linesInMessages: true,
    docs: {
      summary: {
        en: 'Finds a setting written twice in one configuration, and says which occurrence wins.',
        zh: '发现同一配置中重复设置的配置项，并说明哪一处生效。',
      },
      why: {
        en: 'Only one occurrence of a repeated setting takes effect, and it is easy to read the other: `acks=all` near the top of a file does nothing when `acks=1` follows further down. In `.properties` files the last occurrence wins. In Spring Boot, a `spring.kafka.producer.properties[acks]` entry overrides `spring.kafka.producer.acks` wherever it stands. A common `spring.kafka.properties[...]` value refined by a client-specific one is the intended use and is not reported. A key repeated inside one YAML mapping is worse: Spring Boot, kubectl and docker compose refuse the file, and lenient tools keep the last value; it is reported too. Spring Boot also applies a file\'s documents in order, so a later document with the same conditions (the same `on-profile`, or none) overrides an earlier one; a profile file (`application-prod.yml`) overrides the `on-profile: prod` documents of `application.yml` beside it, and `application.properties` overrides `application.yml` in the same folder. A setting overridden that way never takes effect: it is reported, and the loss rules judge the value that wins.',
        zh: '重复设置的配置项只有一处生效，而人很容易看到另一处：文件开头的 `acks=all` 在后面出现 `acks=1` 时毫无作用。`.properties` 文件以最后一次出现为准。在 Spring Boot 中，`spring.kafka.producer.properties[acks]` 条目无论位置如何都会覆盖 `spring.kafka.producer.acks`。用客户端专用的值细化公共的 `spring.kafka.properties[...]` 是预期用法，不会报告。同一个 YAML 映射中重复的键问题更严重：Spring Boot、kubectl 和 docker compose 会拒绝该文件，宽松的工具则以最后一个值为准；这种情况同样会报告。Spring Boot 还会按顺序应用一个文件中的各个文档，条件相同（`on-profile` 相同或都没有）的后一个文档会覆盖前一个；profile 文件（`application-prod.yml`）会覆盖同目录下 `application.yml` 中 `on-profile: prod` 的文档，同一目录中的 `application.properties` 也会覆盖 `application.yml`。以这种方式被覆盖的设置永远不会生效：它会被报告，而丢失类规则评判的是最终生效的值。',
      },
      fix: {
        en: 'Remove the occurrence that loses. The fix is safe: that occurrence has no effect, so removing it changes nothing at run time. Check that the winning value is the one you want. When the winner is in another file (a profile file, or `application.properties` over `application.yml`), the fix is unsafe: it relies on that file staying beside this one.',
        zh: '删除不生效的那一处。此修复是安全的：该处本就不起作用，删除后运行时行为不变。请确认生效的值正是你想要的。若生效的设置在另一个文件中（profile 文件，或覆盖 `application.yml` 的 `application.properties`），此修复是不安全的：它依赖于该文件一直与本文件放在一起。',
      },
      references: [
        { title: 'java.util.Properties.load', url: 'https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/Properties.html#load(java.io.Reader)' },
        { title: 'Spring Boot: additional Kafka properties', url: 'https://docs.spring.io/spring-boot/reference/messaging/kafka.html#messaging.kafka.additional-properties' },
        { title: 'Spring Boot: external application properties, profile-specific files and multi-document files', url: 'https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.files' },
      ],
      examples: [
        {
          surface: 'kafka-properties',
          path: 'producer.properties',
          bad: 'bootstrap.servers=localhost:9092\nacks=all\nlinger.ms=5\nacks=1\n',
          good: 'bootstrap.servers=localhost:9092\nacks=all\nlinger.ms=5\n',
        },
        {
          surface: 'spring-properties',
          path: 'application.properties',
          bad: 'spring.kafka.producer.acks=all\nspring.kafka.producer.properties[acks]=1\n',
          good: 'spring.kafka.producer.acks=all\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[acks]": 1\n',
          good: 'spring:\n  kafka:\n    producer:\n      acks: all\n',
        },
        {
          surface: 'spring-yaml',
          path: 'application.yml',
          bad: 'spring:\n  kafka:\n    producer:\n      acks: 1\n      client-id: orders\n---\nspring:\n  kafka:\n    producer:\n      acks: all\n',
          good: 'spring:\n  kafka:\n    producer:\n      client-id: orders\n---\nspring:\n  kafka:\n    producer:\n      acks: all\n',
        },
        {
          surface: 'strimzi-kafka',
          path: 'kafka.yaml',
          bad: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n      min.insync.replicas: 1\n',
          good: 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n',
        },
      ],
    },
  },
  check(ctx) {
    const starts = lineStarts(ctx.file.text);
    const line = (offset: number) => lineOf(starts, offset) + 1;
    const repeated = repeatedKeys(ctx.file.errors);
    for (const unit of ctx.file.units) checkUnit(ctx, unit, line, repeated);
  },
};
export default rule;
