// Editor-facing actions built from findings: the suppression comment ("Disable `acks` for this
// line") and "fix all". They live in the engine so every client inserts the same text.

import type { Edit, Finding, ParsedFile } from './model.js';
import { editorFor } from './fixer.js';
import { fmt, type Locale } from './l10n.js';
import { lineOf, lineStarts } from './suppressions.js';
import { editToOuter, toInner } from './embedded.js';
import { heldFileAt } from './index.js';

const NEXT_LINE = /^[ \t]*(?:#|!|\/\/)\s*kafka-lint-disable-next-line(?=\s|$)/;

/**
 * Edit that disables `finding.ruleId` for the finding's line: a comment line above it with the
 * same indentation, or the id appended to a directive that is already there.
 */
export function suppressionEdit(file: ParsedFile, finding: Finding): Edit | undefined {
  // In a file a ConfigMap holds: that file's comment, indented as the block is.
  const h = heldFileAt(file, finding.span.start);
  if (h) {
    const edit = suppressionEdit(h.file, { ...finding, span: { start: h.offset, end: toInner(h.held, finding.span.end) ?? h.offset } });
    return edit && editToOuter(h.held, edit);
  }
  const prefix = file.units[0] ? editorFor(file.units[0].surface)?.commentPrefix : undefined;
  const marker = prefix ?? (file.format === 'go' ? '//' : '#');
  const text = file.text;
  const starts = lineStarts(text);
  let line = lineOf(starts, finding.span.start);
  // In .properties a value can continue over several lines: the directive must precede the first.
  if (file.format === 'properties') {
    while (line > 0 && endsWithContinuation(lineText(text, starts, line - 1))) line--;
  }
  const lineStart = starts[line];
  const current = lineText(text, starts, line);
  const indent = /^[ \t]*/.exec(current)![0];
  if (line > 0) {
    const prevStart = starts[line - 1];
    const prev = lineText(text, starts, line - 1);
    if (NEXT_LINE.test(prev)) {
      const word = 'kafka-lint-disable-next-line';
      const after = prev.indexOf(word) + word.length;
      const [rest] = splitReason(prev.slice(after));
      const ids = rest.split(/[,\s]+/).filter(Boolean);
      if (ids.length === 0 || ids.includes(finding.ruleId)) return undefined; // already disabled
      const idsEnd = prevStart + after + rest.trimEnd().length;
      return { start: idsEnd, end: idsEnd, newText: `, ${finding.ruleId}` };
    }
  }
  return { start: lineStart, end: lineStart, newText: `${indent}${marker} kafka-lint-disable-next-line ${finding.ruleId}${file.eol}` };
}

function splitReason(s: string): [string, string] {
  const i = s.search(/\s--(\s|$)/);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i)];
}

function lineText(text: string, starts: ArrayLike<number>, line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
}

function endsWithContinuation(line: string): boolean {
  const m = /\\+$/.exec(line);
  return !!m && m[0].length % 2 === 1;
}

export function suppressionTitle(ruleId: string, locale: Locale): string {
  return fmt({ en: 'Disable `{id}` for this line', zh: '在此行禁用 `{id}`' }, locale, { id: ruleId });
}

export function docsTitle(ruleId: string, locale: Locale): string {
  return fmt({ en: 'Show documentation for `{id}`', zh: '查看 `{id}` 的文档' }, locale, { id: ruleId });
}

export function fixAllTitle(locale: Locale): string {
  return fmt({ en: 'Fix all safe Kafka Reliability Lint problems', zh: '修复所有可安全修复的 Kafka 可靠性问题' }, locale);
}
