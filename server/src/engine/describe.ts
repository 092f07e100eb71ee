// Hover: what the thing under the cursor means, what is in effect here, what the default is for
// the client and version assumed (and where that assumption came from), and the safe value.
// Pure; the server turns the markdown into an LSP Hover.

import type { ConfigUnit, ParsedFile, Setting, Span } from './model.js';
import { effective, isSpringBoot } from './model.js';
import { fmt, localizeDefaultSource, withZh, type L10n, type Locale } from './l10n.js';
import { springDefault, unitDefault } from './knowledge/index.js';
import { conceptDoc, kafkaGoDoc, keyDoc, saramaDoc, type HoverDoc } from './knowledge/docs.js';
import { createFixer } from './fixer.js';
import { envFromExt } from './parsers/envFrom.js';
import type { EnvFileSettingExt } from './parsers/envFile.js';
import { valueSourceOf } from './parsers/workload.js';
import { unitKafkaVersion, type ResolvedOptions } from './options.js';
import { lineOf, lineStarts } from './suppressions.js';
import { embeddedAt, spanToOuter, toOuter } from './embedded.js';
import { heldFileAt } from './index.js';
import { overrideOrigin } from './springProfiles.js';
import { baseName } from './parsers/yamlCommon.js';

export interface HoverResult {
  markdown: string;
  span: Span;
}

const within = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

export function describeAt(file: ParsedFile, offset: number, options: ResolvedOptions): HoverResult | undefined {
  const held = heldFileAt(file, offset);
  if (held) {
    // (nothing to say about the block's indentation)
    const h = toOuter(held.held, held.offset) === offset ? describeAt(held.file, held.offset, options) : undefined;
    return h && { markdown: h.markdown, span: spanToOuter(held.held, h.span) };
  }
  if (embeddedAt(file.embedded, offset)) return undefined;
  const locale = options.locale;
  if (!file.units.length) return undefined; // quiet on files that are not Kafka configuration
  for (const unit of file.units) {
    for (const s of unit.settings) {
      const envFile = (s.ext as EnvFileSettingExt | undefined)?.kind === 'envfile' ? (s.ext as EnvFileSettingExt).file : undefined;
      if (envFile && within(s.keySpan, offset)) return envFileHover(unit, envFile, s.keySpan, locale);
      if (within(s.keySpan, offset)) return settingHover(file, unit, s, s.keySpan, options);
      if (within(s.valueSpan, offset) && s.valueSpan.end > s.valueSpan.start) {
        if (unit.client === 'sarama' || unit.client === 'kafka-go') {
          const docOf = unit.client === 'sarama' ? saramaDoc : kafkaGoDoc;
          const c = constantAt(file.text, offset, docOf);
          const doc = c ? docOf(c.name) : undefined;
          if (doc && c) return { markdown: render(doc, locale), span: c.span };
        }
        return settingHover(file, unit, s, s.valueSpan, options);
      }
    }
    for (const ig of unit.facts.ignoredEnv ?? []) {
      if (ig.envFile && within(ig.keySpan, offset)) return envFileHover(unit, ig.envFile, ig.keySpan, locale);
      if (within(ig.keySpan, offset)) {
        const doc = keyDoc(ig.intendedKey, 'broker');
        const note = fmt(
          {
            en: '**This image ignores `{name}`.** Name it `{suggested}` for the broker to read `{key}`.',
            zh: '**此镜像会忽略 `{name}`。** 改名为 `{suggested}`，broker 才会读取 `{key}`。',
          },
          locale,
          { name: ig.name, suggested: ig.suggestedName, key: ig.intendedKey },
        );
        return { markdown: [note, doc ? render(doc, locale) : ''].filter(Boolean).join('\n\n---\n\n'), span: ig.keySpan };
      }
    }
  }
  if (file.format === 'go' && file.units.length) {
    const c = constantAt(file.text, offset, saramaDoc);
    const doc = c ? saramaDoc(c.name) : undefined;
    if (doc && c) return { markdown: render(doc, locale), span: c.span };
  }
  // Concepts named in comments: "# ISR", "// acks", "# offset commit".
  for (const c of file.comments) {
    if (!within(c.span, offset)) continue;
    const hit = conceptAt(file.text, c.span, offset);
    if (hit) return { markdown: render(hit.doc, locale), span: hit.span };
  }
  return undefined;
}

/** An `env_file` entry: what the file sets, as the broker reads it. */
function envFileHover(unit: ConfigUnit, envFile: string, span: Span, locale: Locale): HoverResult {
  const lines = unit.settings
    .filter((x) => (x.ext as EnvFileSettingExt | undefined)?.kind === 'envfile' && (x.ext as EnvFileSettingExt).file === envFile)
    .map((x) => {
      const winner = effective(unit, x.key);
      const value = x.dynamic ? fmt({ en: 'set when compose runs', zh: '运行 compose 时确定' }, locale) : '`' + x.value + '`';
      const by = (winner?.ext as EnvFileSettingExt | undefined)?.kind === 'envfile' ? (winner!.ext as EnvFileSettingExt).file : 'environment';
      const note = winner && winner !== x ? fmt({ en: ' — overridden in `{w}`', zh: '——在 `{w}` 中被覆盖' }, locale, { w: by }) : '';
      return `- \`${x.sourceKey}\` → \`${x.key}\` = ${value}${note}`;
    });
  for (const ig of unit.facts.ignoredEnv ?? []) {
    if (ig.envFile !== envFile) continue;
    const note = fmt({ en: 'not read by this image, which reads `{s}`', zh: '此镜像不读取，它读取的是 `{s}`' }, locale, { s: ig.suggestedName });
    lines.push(`- \`${ig.name}\` — ${note}`);
  }
  const head = fmt(
    {
      en: '**`{file}`** (`env_file`): the broker settings it sets. The service\'s `environment` overrides them; findings about them are shown here, and fixes are made in the file itself.',
      zh: '**`{file}`**（`env_file`）：其中设置的 broker 配置。服务的 `environment` 会覆盖它们；相关问题显示在此处，修复需在该文件中进行。',
    },
    locale,
    { file: envFile },
  );
  return { markdown: [head, lines.join('\n')].filter(Boolean).join('\n\n'), span };
}

function render(doc: HoverDoc, locale: Locale): string {
  const body = locale === 'zh-cn' ? doc.body.zh : doc.body.en;
  return body.startsWith('**') || body.startsWith('#') ? body : `**${doc.title}**\n\n${body}`;
}

const T: Record<string, L10n> = {
  here: { en: 'In this file', zh: '本文件中' },
  inEffect: { en: '{assignment} is in effect', zh: '生效值：{assignment}' },
  atLine: { en: ' (line {line})', zh: '（第 {line} 行）' },
  overridden: { en: '{assignment} — overridden by {winner} (line {line})', zh: '{assignment}——被第 {line} 行的 {winner} 覆盖' },
  overriddenIn: { en: '{assignment} — overridden by {winner} in {file} (line {line}), which Spring Boot reads over this document', zh: '{assignment}——被 {file} 第 {line} 行的 {winner} 覆盖，Spring Boot 会用该文件覆盖本文档' },
  alternative: {
    en: '{assignment} is in effect on a run that takes this branch and skips the later {winner} (line {line}); it is checked as such',
    zh: '若某次运行进入此分支、跳过后面第 {line} 行的 {winner}，则 {assignment} 生效；按生效值检查',
  },
  orAlternatives: {
    en: '{assignment} is in effect, except on a run that skips it and leaves {others} in effect',
    zh: '{assignment} 生效；但若某次运行跳过它，则 {others} 生效',
  },
  dynamic: { en: '{assignment} — set at run time, not checked', zh: '{assignment}——运行时才确定，不做检查' },
  placeholder: { en: '{assignment} — judged on the placeholder default', zh: '{assignment}——按占位符默认值判断' },
  unset: { en: 'Default when unset: {value} ({source}; {why})', zh: '未设置时的默认值：{value}（{source}；{why}）' },
  operator: {
    en: 'Default when unset: not known from this file; {by} writes the brokers\' configuration and may set it (it sets the replication factor and min ISR from the number of brokers), so it is judged only where written',
    zh: '未设置时的默认值：无法从本文件得知；broker 的配置由 {by} 生成并可能设置此项（它按 broker 数量设置副本数与 min ISR），因此只在写明时判断',
  },
  operatorTopic: {
    en: 'Default when unset: the brokers\' value, which {by} sets from the number of brokers unless the `Kafka` resource writes it',
    zh: '未设置时的默认值：取 broker 的值；除非 `Kafka` 资源写明，否则由 {by} 按 broker 数量设置',
  },
  envFrom: {
    en: 'From {source}, which the container takes in through `envFrom` (its own `env` wins over it)',
    zh: '来自 {source}，容器通过 `envFrom` 引入（容器自己的 `env` 优先）',
  },
  keyRef: {
    en: 'Value from the entry {key} of {source} (`valueFrom`), where a fix rewrites it',
    zh: '取值来自 {source} 的条目 {key}（`valueFrom`），修复会改写该条目',
  },
  envElsewhere: {
    en: 'Default when unset: not known from this file; variables also come from {sources}, which this file does not show, so an unset key is not judged',
    zh: '未设置时的默认值：无法从本文件得知；变量还来自 {sources}，而本文件中看不到其内容，因此不判断未设置的键',
  },
  safe: { en: 'Safe value: {value}', zh: '安全取值：{value}' },
  readsNoMessages: {
    en: 'The consumer made from this config only calls {calls}: it fetches no message, so what it leaves unset (auto-commit, offset reset) is not judged',
    zh: '由此配置创建的消费者只调用 {calls}：它不拉取消息，因此不判断它未设置的项（自动提交、位移重置）',
  },
  kafkaKey: { en: 'Kafka setting {key}', zh: 'Kafka 配置 {key}' },
  springWhy: { en: 'Spring sets it when the application does not', zh: '应用未设置时由 Spring 设置' },
};

function versionWhy(unit: ConfigUnit, options: ResolvedOptions): L10n {
  if (unit.client === 'kafka-go') {
    return unit.facts.kafkaGoWriterConfig
      ? { en: 'a `kafka.WriterConfig` of segmentio/kafka-go, read by the deprecated `kafka.NewWriter`', zh: 'segmentio/kafka-go 的 `kafka.WriterConfig`，由已弃用的 `kafka.NewWriter` 读取' }
      : { en: 'a `kafka.Writer` of segmentio/kafka-go', zh: 'segmentio/kafka-go 的 `kafka.Writer`' };
  }
  if (unit.client === 'sarama') {
    return options.saramaVersion
      ? { en: `sarama version from ${options.saramaVersionSource ?? 'settings'}`, zh: `sarama 版本来自 ${options.saramaVersionSource ?? '设置'}` }
      : {
          en: 'no go.mod pins a sarama release (none found, or it builds sarama from a local folder or a fork), so the newest release is assumed',
          zh: '没有 go.mod 固定 sarama 发布版本（未找到 go.mod，或它从本地目录或分叉构建 sarama），按最新版本假定',
        };
  }
  if (unit.client === 'librdkafka') return { en: 'librdkafka-based client detected', zh: '检测到基于 librdkafka 的客户端' };
  const own = unit.facts.kafkaVersion;
  if (own) return { en: `Kafka ${own.version} from \`${own.from}\``, zh: `Kafka ${own.version}，来自 \`${own.from}\`` };
  return options.kafkaVersionSource === 'default'
    ? {
        en: `Kafka ${options.kafkaVersion} is the default target; set \`kafkaLint.kafkaVersion\` or \`kafkaVersion\` in .kafkalint.json`,
        zh: `默认目标版本为 Kafka ${options.kafkaVersion}；可通过 \`kafkaLint.kafkaVersion\` 或 .kafkalint.json 的 \`kafkaVersion\` 修改`,
      }
    : { en: `Kafka ${options.kafkaVersion} from ${options.kafkaVersionSource}`, zh: `Kafka ${options.kafkaVersion}，来自 ${options.kafkaVersionSource}` };
}

/** What Spring Cloud Stream's Kafka binder does with a key no place sets (knowledge/scst.ts). */
const BINDER_DEFAULTS: Record<string, L10n> = {
  acks: {
    en: 'When no place sets it, it is the Kafka binder\'s `spring.cloud.stream.kafka.binder.required-acks`: `1` up to Spring Cloud Stream 5.0.1, `all` from 5.0.2.',
    zh: '若各处都未设置，取 Kafka binder 的 `spring.cloud.stream.kafka.binder.required-acks`：Spring Cloud Stream 5.0.1 及更早为 `1`，5.0.2 起为 `all`。',
  },
  'auto.offset.reset': {
    en: 'When no place sets it, the Kafka binder starts a binding with a `group` at `earliest`, and one without at `latest` (in a new random group at every start). The binding\'s `start-offset` (`earliest` or `latest`) overrides every other place.',
    zh: '若各处都未设置，Kafka binder 让有 `group` 的绑定从 `earliest` 开始，没有 `group` 的从 `latest` 开始（每次启动都是新的随机消费者组）。绑定的 `start-offset`（`earliest` 或 `latest`）优先于其他所有位置。',
  },
  'enable.auto.commit': {
    en: 'The Kafka binder sets `false` and drops a `true` that Spring Boot or its binder-wide settings give; only a binding\'s `configuration` can turn it on.',
    zh: 'Kafka binder 设为 `false`，并丢弃来自 Spring Boot 或 binder 全局配置的 `true`；只有绑定自己的 `configuration` 能打开它。',
  },
};

function settingHover(file: ParsedFile, unit: ConfigUnit, s: Setting, span: Span, options: ResolvedOptions): HoverResult | undefined {
  const locale = options.locale;
  const t = (m: L10n, d?: Record<string, string | number>) => fmt(m, locale, d);
  const fixer = createFixer(file);
  const doc =
    unit.client === 'sarama'
      ? (saramaDoc(s.sourceKey) ?? (s.key.startsWith('sarama:') ? undefined : keyDoc(s.key, unit.role)))
      : unit.client === 'kafka-go'
      ? (kafkaGoDoc(unit.facts.kafkaGoWriterConfig ? `WriterConfig.${s.sourceKey}` : s.sourceKey) ?? keyDoc(s.key, unit.role))
      : keyDoc(s.key, s.role === 'client' ? unit.role : s.role);
  const parts: string[] = [];
  if (doc) parts.push(render(doc, locale));
  else if (!s.key.startsWith('sarama:') && !s.key.startsWith('spring:')) return undefined;
  const lines: string[] = [];
  const shown = '`' + fixer.show(unit, s) + '`';
  const winner = effective(unit, s.key);
  if (s.dynamic && !s.placeholderDefault) lines.push(t(T.dynamic, { assignment: shown }));
  else if (winner && winner !== s) {
    const starts = lineStarts(file.text);
    // (Go: a value written in a branch the later assignment's run may skip: `unit.alternatives`)
    const how = unit.alternatives?.includes(s) ? T.alternative : T.overridden;
    // (Set over this document by a later one or by a file read over this one: where, with its line there.)
    const over = overrideOrigin(winner);
    if (over?.path !== undefined) lines.push(t(T.overriddenIn, { assignment: shown, winner: '`' + winner.sourceKey + '`', file: '`' + baseName(over.path) + '`', line: over.line }));
    else lines.push(t(how, { assignment: shown, winner: '`' + winner.sourceKey + '`', line: over?.line ?? lineOf(starts, winner.keySpan.start) + 1 }));
  } else if (s.placeholderDefault) lines.push(t(T.placeholder, { assignment: shown }));
  else {
    const others = unit.alternatives?.filter((a) => a.key === s.key) ?? [];
    if (others.length) {
      const starts = lineStarts(file.text);
      const list = others.map((a) => '`' + fixer.show(unit, a) + '`' + t(T.atLine, { line: lineOf(starts, a.keySpan.start) + 1 }));
      lines.push(t(T.orAlternatives, { assignment: shown, others: list.join(locale === 'zh-cn' ? '、' : ', ') }));
    } else lines.push(t(T.inEffect, { assignment: shown }));
  }
  if (s.sourceKey !== s.key && !s.key.includes(':')) lines.push(t(T.kafkaKey, { key: '`' + s.key + '`' }));
  // Spring sets some keys itself when the application leaves them unset (enable.auto.commit=false
  // since spring-kafka 2.3, ack mode BATCH): that, not Kafka's default, is what applies there.
  const binder = unit.facts.binding ? BINDER_DEFAULTS[s.key] : undefined;
  const spring = binder || !isSpringBoot(unit) ? undefined : springDefault(s.key);
  if (binder) lines.push(t(binder));
  const from = envFromExt(s.ext);
  if (from) lines.push(t(T.envFrom, { source: '`' + from.sourceLabel + '`' }));
  const keyRef = valueSourceOf(s);
  if (keyRef) lines.push(t(T.keyRef, { source: '`' + keyRef.label + '`', key: '`' + keyRef.key + '`' }));
  const operator = unit.facts.operatorSets?.keys.includes(s.key) ? unit.facts.operatorSets.by : undefined;
  if (operator) lines.push(t(unit.role === 'topic' ? T.operatorTopic : T.operator, { by: operator }));
  const quiet = unit.facts.readsNoMessages;
  if (quiet) lines.push(t(T.readsNoMessages, { calls: quiet.map((c) => '`' + c + '`').join(', ') }));
  const unseen = unit.facts.envElsewhere;
  if (unseen && !operator) lines.push(t(T.envElsewhere, { sources: unseen.map((x) => '`' + x + '`').join(', ') }));
  const def = binder || operator || unseen ? undefined : spring ?? unitDefault(unit, s.key, { kafkaVersion: unitKafkaVersion(unit, options), saramaVersion: options.saramaVersion });
  if (def) {
    const value = '`' + (def.value === '' ? '""' : fixer.valueText(unit, s.key, def.value)) + '`';
    const why = spring ? T.springWhy : versionWhy(unit, options);
    lines.push(t(T.unset, { value, source: localizeDefaultSource(def.source, locale), why: t(why) }));
  }
  // (kafka-go names acks values by its constants: `kafka.RequireAll`)
  if (doc?.safe) lines.push(t(T.safe, { value: '`' + (unit.client === 'kafka-go' ? fixer.valueText(unit, s.key, doc.safe) : doc.safe) + '`' }));
  parts.push(`**${t(T.here)}**\n\n` + lines.map((l) => `- ${l}`).join('\n'));
  return { markdown: parts.join('\n\n---\n\n'), span };
}

/** A sarama (or kafka-go) constant at offset (`sarama.WaitForAll`, `s.OffsetOldest`, `WaitForAll` with a dot import, `kafka.RequireOne`). */
function constantAt(text: string, offset: number, docOf: (name: string) => HoverDoc | undefined): { name: string; span: Span } | undefined {
  const word = wordAt(text, offset, /[A-Za-z0-9_]/);
  if (!word) return undefined;
  let start = word.start;
  if (text[start - 1] === '.') {
    const q = wordAt(text, start - 2, /[A-Za-z0-9_]/);
    if (q) start = q.start;
  }
  const name = text.slice(word.start, word.end);
  if (!/^[A-Z]/.test(name) || !docOf(name)) return undefined;
  return { name, span: { start, end: word.end } };
}

function wordAt(text: string, offset: number, re: RegExp): Span | undefined {
  let s = offset;
  let e = offset;
  while (s > 0 && re.test(text[s - 1])) s--;
  while (e < text.length && re.test(text[e])) e++;
  return e > s ? { start: s, end: e } : undefined;
}

const CONCEPT_PATTERNS: Array<[RegExp, string]> = [
  [/\bmin(?:imum)?[ ._-]?(?:in[ ._-]?sync[ ._-]?replicas|isr)\b/gi, 'min-isr'],
  [/\bISR\b|\bin[ -]sync replicas?\b/gi, 'isr'],
  [/\backs\b|\backnowledg\w*/gi, 'acks'],
  [withZh(/\bf(?:data)?sync\b|\bflush(?:es|ing)?\b/gi, '刷盘'), 'flush'],
  [withZh(/\boffset commits?\b|\bcommit(?:ted|ting)? offsets?\b|\bauto[ -]?commit\b/gi, '提交\\s*offset|位移提交'), 'offset-commit'],
  [withZh(/\bidempoten\w*/gi, '幂等'), 'idempotence'],
];

function conceptAt(text: string, span: Span, offset: number): { doc: HoverDoc; span: Span } | undefined {
  const comment = text.slice(span.start, span.end);
  const rel = offset - span.start;
  for (const [re, name] of CONCEPT_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(comment); m; m = re.exec(comment)) {
      if (rel >= m.index && rel <= m.index + m[0].length) {
        const doc = conceptDoc(name);
        if (doc) return { doc, span: { start: span.start + m.index, end: span.start + m.index + m[0].length } };
      }
    }
  }
  return undefined;
}
