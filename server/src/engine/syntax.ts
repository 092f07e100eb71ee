// `syntax-error`: a Kafka configuration file that its reader refuses. Spring Boot, kubectl and
// docker compose do not load a YAML file with a syntax error or a key repeated in one mapping
// (Spring Boot's loader disallows duplicate keys), and `java.util.Properties.load` throws on a
// malformed `\uXXXX` escape. The parsers keep reading past such an error and the rules judge what
// was read, so without this finding a broken file could pass with "0 problems".
// Go files are left to the Go toolchain (gopls reports their syntax as the user types).

import type { Finding, ParseError, ParsedFile } from './model.js';
import { fmt, type L10n, type Locale } from './l10n.js';

import type { ResolvedOptions } from './options.js';
import { lineOf, lineStarts } from './suppressions.js';

export const SYNTAX_ERROR = 'syntax-error';

/** At most this many findings per file: past the first errors, more say little. */
const MAX_FINDINGS = 20;

const YAML_ERROR: L10n = {
  en: 'YAML syntax error: {what}. Spring Boot, kubectl and docker compose refuse the file as it is, and the settings near this point are judged only as far as they could be read.',
  zh: 'YAML 语法错误：{what}。Spring Boot、kubectl 和 docker compose 都会拒绝加载此文件；此处附近的配置只能按读出的内容评判。',
};

const REPEATED_KEY: L10n = {
  en: '`{key}` appears twice in this YAML mapping (first on line {line}): Spring Boot, kubectl and docker compose refuse a file with a repeated key, and tools that accept it keep only the last one. Keep one occurrence, and move what the other holds into it.',
  zh: '`{key}` 在此 YAML 映射中出现了两次（第一次在第 {line} 行）：Spring Boot、kubectl 和 docker compose 会拒绝含有重复键的文件，能接受的工具也只保留最后一个。请只保留一处，并把另一处的内容移入其中。',
};

const MALFORMED_UNICODE: L10n = {
  en: 'Malformed `\\uXXXX` escape: `java.util.Properties.load` throws IllegalArgumentException on it, so the client or broker reading this file does not start. Write four hexadecimal digits after `\\u`, or `\\\\u` for a backslash followed by `u`.',
  zh: '`\\uXXXX` 转义格式错误：`java.util.Properties.load` 读到它时会抛出 IllegalArgumentException，读取此文件的客户端或 broker 无法启动。请在 `\\u` 后写四位十六进制数字；若要表示反斜杠加 `u`，请写 `\\\\u`。',
};

/** What went wrong, in our words, from the `yaml` package's error code and message. */
function yamlWhat(e: ParseError): L10n {
  const m = e.message;
  // (The package names flow collections in its messages: "Flow sequence in block collection must
  // be sufficiently indented and end with a ]" comes as BAD_INDENT.)
  if (/flow/i.test(m) || e.code === 'BLOCK_IN_FLOW') return FLOW;
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return { en: 'a tab indents this line, and YAML indents with spaces only', zh: '此行用制表符缩进，而 YAML 只允许用空格缩进' };
    case 'BAD_INDENT':
      return { en: 'the indentation of this line does not fit the lines around it', zh: '此行的缩进与周围的行不一致' };
    case 'MULTILINE_IMPLICIT_KEY':
      return { en: 'a key runs over more than one line (a `:`, a closing quote or a closing bracket is probably missing)', zh: '键跨越了多行（可能缺少 `:`、右引号或右括号）' };
    case 'BAD_SCALAR_START':
      return { en: 'an unquoted value cannot start with this character; put the value in quotes', zh: '不加引号的值不能以此字符开头；请给值加上引号' };
    case 'BAD_DQ_ESCAPE':
      return { en: 'a double-quoted value holds an invalid `\\` escape', zh: '双引号值中含有无效的 `\\` 转义' };
    case 'MISSING_CHAR':
      if (/quote/.test(m)) return { en: 'a quoted value is not closed', zh: '带引号的值没有闭合' };
      if (/map values/.test(m)) return { en: 'a key is not followed by `:` and a value', zh: '键后面缺少 `:` 和值' };
      break;
  }
  if (e.code === 'FAILURE' || !e.code) return { en: 'the YAML reader failed on this file', zh: 'YAML 读取器无法读取此文件' };
  return { en: `this cannot be read as YAML (${e.code})`, zh: `此处无法按 YAML 读取（${e.code}）` };
}

const FLOW: L10n = {
  en: 'a `[...]` or `{...}` value is not closed, or its items are not separated by `,`',
  zh: '`[...]` 或 `{...}` 值没有闭合，或其中的项没有用 `,` 分隔',
};

/**
 * The file's syntax errors as findings: in YAML, every key repeated in one mapping and the first
 * other error of each document (the errors after it in that document mostly follow from it); in
 * `.properties`, every malformed escape. None when the rule is off or the file is Go.
 */
export function syntaxFindings(file: ParsedFile, options: ResolvedOptions): Finding[] {
  const level = options.rules[SYNTAX_ERROR];
  if (level === 'off' || !file.errors.length || file.format === 'go') return [];
  const severity = level ?? 'error';
  const locale: Locale = options.locale;
  const out: Finding[] = [];
  let starts: ReturnType<typeof lineStarts> | undefined;
  const line = (offset: number) => lineOf((starts ??= lineStarts(file.text)), offset) + 1;
  const add = (e: ParseError, message: string) => {
    if (out.length < MAX_FINDINGS) out.push({ ruleId: SYNTAX_ERROR, severity, message, span: { start: e.span.start, end: e.span.end }, fixes: [] });
  };
  if (file.format === 'properties') {
    for (const e of file.errors) if (e.code === 'MALFORMED_UNICODE') add(e, fmt(MALFORMED_UNICODE, locale));
    return out;
  }
  for (const e of file.errors) {
    if (e.knockOn) continue;
    if (e.code === 'DUPLICATE_KEY' && e.duplicate) {
      const first = e.duplicate.firstKey;
      add(e, fmt(REPEATED_KEY, locale, { key: file.text.slice(first.start, first.end), line: line(first.start) }));
    } else {
      add(e, fmt(YAML_ERROR, locale, { what: fmt(yamlWhat(e), locale) }));
    }
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
