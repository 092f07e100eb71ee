// Rule documentation rendered from rule metadata: `kafka-lint --explain <id>` prints it, and
// scripts/gen-docs.ts writes it to docs/rules/<id>.md and docs/rules/README.md (the pages that
// SARIF helpUri and editor diagnostics link to). The docs are never written by hand.

import { detectFormat } from '../engine/index.js';
import type { L10n, Locale } from '../engine/l10n.js';
import type { RuleMeta } from '../engine/rule.js';
import { allRules } from '../engine/rules/index.js';
import { UNUSED_SUPPRESSION } from '../engine/suppressions.js';
import { SYNTAX_ERROR } from '../engine/syntax.js';

/** The project's home and where docs/rules/ is published; the one place that names them. */
export const REPOSITORY_URL = 'https://github.com/kafka-reliability-lint/kafka-reliability-lint';
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;

export function ruleDocUrl(id: string): string {
  return DOCS_BASE_URL + encodeURIComponent(id) + '.md';
}

/** The engine's suppression check reports under its own id; it is documented like a rule. */
export const UNUSED_SUPPRESSION_META: RuleMeta = {
  id: UNUSED_SUPPRESSION,
  severities: ['hint'],
  formats: ['properties', 'yaml', 'go'],
  category: 'any',
  fixable: false,
  docs: {
    summary: {
      en: 'A `kafka-lint-disable` comment that disables no finding.',
      zh: '没有抑制任何问题的 `kafka-lint-disable` 注释。',
    },
    why: {
      en: 'A stale suppression hides nothing today, but it will silently hide a real finding on that line later, and it tells readers a risk was accepted where there is none.',
      zh: '过时的抑制注释现在什么也没有隐藏，但以后会悄悄隐藏该行上出现的真实问题，还会让读者误以为此处有一个被接受的风险。',
    },
    fix: {
      en: 'Delete the comment, or the rule ids in it that no longer match a finding.',
      zh: '删除该注释，或删除其中不再匹配任何问题的规则 id。',
    },
    references: [],
    examples: [],
  },
};

/** The engine reports a file its reader refuses under its own id; it is documented like a rule. */
export const SYNTAX_ERROR_META: RuleMeta = {
  id: SYNTAX_ERROR,
  severities: ['error'],
  formats: ['properties', 'yaml'],
  category: 'any',
  fixable: false,
  docs: {
    summary: {
      en: 'A Kafka configuration file that does not load: a YAML syntax error, a key repeated in one YAML mapping, or a malformed `\\uXXXX` escape in a `.properties` file.',
      zh: '无法加载的 Kafka 配置文件：YAML 语法错误、同一 YAML 映射中重复的键，或 `.properties` 文件中格式错误的 `\\uXXXX` 转义。',
    },
    why: {
      en: 'Spring Boot, kubectl and docker compose refuse a YAML file with a syntax error, and Spring Boot refuses one with a key repeated in a mapping (two `spring:` blocks, say), so the service does not start or the resource is not applied. `java.util.Properties.load` throws on a malformed `\\u` escape. The checker reads on past such an error and judges what it could read, so the error is reported first: everything near it may be misread. In YAML it reports every repeated key and the first other error of each document, since the errors after that one mostly follow from it. Helm and other templates are not YAML until rendered: a file with template directives (`{{- if }}`, `{% if %}`) is skipped with a note instead. Go files are left to the Go toolchain.',
      zh: 'Spring Boot、kubectl 和 docker compose 会拒绝含有语法错误的 YAML 文件；Spring Boot 还会拒绝在同一映射中重复某个键的文件（例如写了两个 `spring:` 块），于是服务无法启动，或资源无法应用。`java.util.Properties.load` 遇到格式错误的 `\\u` 转义会抛出异常。检查器会越过这样的错误继续读取，并评判它能读出的内容，因此先报告这个错误：它附近的内容都可能被误读。在 YAML 中，它报告每一个重复的键，以及每个文档中第一个其他错误，因为其后的错误大多由它引起。Helm 等模板在渲染之前不是 YAML：含有模板指令（`{{- if }}`、`{% if %}`）的文件会被跳过，并给出说明。Go 文件交给 Go 工具链检查。',
    },
    fix: {
      en: 'Correct the text at the error: indent with spaces, close the quote or bracket, put `:` after the key, or keep one occurrence of a repeated key and move what the other holds into it. If another extension already reports YAML syntax in your editor, turn this one off with `"syntax-error": "off"`.',
      zh: '修正出错处的文本：用空格缩进，补上右引号或右括号，在键后加上 `:`，或对重复的键只保留一处并把另一处的内容移入其中。如果编辑器中已有其他扩展报告 YAML 语法错误，可以用 `"syntax-error": "off"` 关闭此项。',
    },
    references: [
      { title: 'YAML 1.2.2 specification (the keys of a mapping are unique)', url: 'https://yaml.org/spec/1.2.2/' },
      { title: 'java.util.Properties.load', url: 'https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/Properties.html#load(java.io.Reader)' },
    ],
    examples: [],
  },
};

/** Every id a finding can carry, in a stable order: the rules, then the engine's own checks. */
export function documentedRules(rules: RuleMeta[] = allRules.map((r) => r.meta)): RuleMeta[] {
  return [...rules, SYNTAX_ERROR_META, UNUSED_SUPPRESSION_META];
}

const H = {
  why: { en: 'Why it matters', zh: '为什么重要' },
  fix: { en: 'How to fix', zh: '如何修复' },
  examples: { en: 'Examples', zh: '示例' },
  bad: { en: 'Triggers the rule:', zh: '触发此规则：' },
  good: { en: 'Passes:', zh: '不触发：' },
  references: { en: 'References', zh: '参考资料' },
  configure: { en: 'Configuration', zh: '配置' },
  configureText: {
    en: 'Change the severity or turn the rule off in `.kafkalint.json`: `{"rules": {"{id}": "off"}}`. Suppress one finding with a comment on the line before it: `# kafka-lint-disable-next-line {id} -- reason` (Go: `//`).',
    zh: '在 `.kafkalint.json` 中修改严重级别或关闭此规则：`{"rules": {"{id}": "off"}}`。在问题所在行的上一行加注释可抑制单个问题：`# kafka-lint-disable-next-line {id} -- 原因`（Go 用 `//`）。',
  },
  severity: { en: 'Severity', zh: '严重级别' },
  formats: { en: 'Formats', zh: '格式' },
  category: { en: 'Category', zh: '类别' },
  fixable: { en: 'Fixable', zh: '可修复' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
  generated: {
    en: '<!-- Generated from the rule metadata by scripts/gen-docs.ts (`npm run docs`). Do not edit. -->',
    zh: '',
  },
} satisfies Record<string, L10n>;

const SEVERITY: Record<string, L10n> = {
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  information: { en: 'information', zh: '信息' },
  hint: { en: 'hint', zh: '提示' },
};

const CATEGORY: Record<RuleMeta['category'], L10n> = {
  producer: { en: 'producer', zh: '生产者' },
  broker: { en: 'broker and topic', zh: 'Broker 与主题' },
  consumer: { en: 'consumer', zh: '消费者' },
  any: { en: 'any Kafka configuration', zh: '任意 Kafka 配置' },
};

function l(msg: L10n, locale: Locale): string {
  return locale === 'zh-cn' ? msg.zh : msg.en;
}

/** A fence longer than any backtick run in the code (Go raw strings use backticks). */
function fenced(code: string, lang: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${code.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}

/** One rule's documentation in one language; `level` is the heading depth of the title. */
export function renderRuleMarkdown(meta: RuleMeta, locale: Locale, level = 1): string {
  const h = (n: number) => '#'.repeat(level + n);
  const d = meta.docs;
  const out: string[] = [];
  out.push(`${h(0)} \`${meta.id}\``, '', l(d.summary, locale), '');
  out.push(`| | |`, `|---|---|`);
  out.push(`| ${l(H.severity, locale)} | ${meta.severities.map((s) => l(SEVERITY[s], locale)).join(', ')} |`);
  out.push(`| ${l(H.formats, locale)} | ${meta.formats.join(', ')} |`);
  out.push(`| ${l(H.category, locale)} | ${l(CATEGORY[meta.category], locale)} |`);
  out.push(`| ${l(H.fixable, locale)} | ${l(meta.fixable ? H.yes : H.no, locale)} |`, '');
  if (l(d.why, locale)) out.push(`${h(1)} ${l(H.why, locale)}`, '', l(d.why, locale), '');
  if (l(d.fix, locale)) out.push(`${h(1)} ${l(H.fix, locale)}`, '', l(d.fix, locale), '');
  if (d.examples.length) {
    out.push(`${h(1)} ${l(H.examples, locale)}`, '');
    for (const ex of d.examples) {
      const lang = detectFormat(ex.path) ?? '';
      out.push(`${h(2)} ${ex.title ? l(ex.title, locale) : ex.surface} (\`${ex.path}\`)`, '');
      out.push(l(H.bad, locale), '', fenced(ex.bad, lang), '');
      out.push(l(H.good, locale), '', fenced(ex.good, lang), '');
    }
  }
  if (d.references.length) {
    out.push(`${h(1)} ${l(H.references, locale)}`, '');
    for (const r of d.references) out.push(`- [${r.title}](${r.url})`);
    out.push('');
  }
  out.push(`${h(1)} ${l(H.configure, locale)}`, '', l(H.configureText, locale).replace(/\{id\}/g, meta.id), '');
  return out.join('\n');
}

/** docs/rules/<id>.md: English, then Simplified Chinese. */
export function renderRulePage(meta: RuleMeta): string {
  return [H.generated.en, '', renderRuleMarkdown(meta, 'en'), '---', '', renderRuleMarkdown(meta, 'zh-cn')].join('\n');
}

function cell(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\|/g, '\\|');
}

/** docs/rules/README.md: the catalog. */
export function renderRulesIndex(metas: RuleMeta[]): string {
  const out: string[] = [H.generated.en, '', '# Rules / 规则', ''];
  out.push('| Rule | Category | Severity | Formats | Fixable | Summary | 说明 |', '|---|---|---|---|---|---|---|');
  for (const m of metas) {
    out.push(
      `| [\`${m.id}\`](${m.id}.md) | ${m.category} | ${m.severities.join(', ')} | ${m.formats.join(', ')} | ${m.fixable ? 'yes' : 'no'} | ${cell(m.docs.summary.en)} | ${cell(m.docs.summary.zh)} |`,
    );
  }
  out.push(
    '',
    '## Suppressions',
    '',
    'Disable findings on the next line, or (on a line of its own) for the rest of the file; Go files use `//`.',
    'A suppression that disables nothing is reported as [`unused-suppression`](unused-suppression.md).',
    '',
    '在下一行禁用问题，或（单独成行时）在文件余下部分禁用；Go 文件使用 `//`。没有禁用任何问题的抑制注释会被报告为 [`unused-suppression`](unused-suppression.md)。',
    '',
    '```properties',
    '# kafka-lint-disable-next-line acks, retries -- reason',
    'acks=1',
    '# kafka-lint-disable flush-policy',
    '```',
    '',
    '## Configuration / 配置',
    '',
    '`.kafkalint.json` at the project root (the nearest one above each file is used):',
    '',
    '```json',
    '{',
    '  "kafkaVersion": "3.7",',
    '  "rules": { "flush-policy": "off", "auto-offset-reset": "warning" },',
    '  "include": ["config/**"],',
    '  "exclude": ["**/test/**"]',
    '}',
    '```',
    '',
  );
  return out.join('\n');
}

/** Every generated file under docs/rules/, by file name. */
export function renderAllDocs(metas: RuleMeta[] = documentedRules()): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of metas) files.set(`${m.id}.md`, renderRulePage(m));
  files.set('README.md', renderRulesIndex(metas));
  return files;
}
