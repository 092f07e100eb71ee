// Suppression comments:
//   # kafka-lint-disable-next-line acks, retries -- reason     (Go: //)
//   # kafka-lint-disable acks                                   (own line: rest of the file)
// A directive without ids suppresses every rule. A suppression that suppresses nothing gets a hint.

import type { Finding, ParsedFile, Span } from './model.js';
import { fmt, type Locale } from './l10n.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';

interface Directive {
  kind: 'next-line' | 'file';
  ids: string[]; // empty = all rules
  span: Span;
  /** next-line: the line the directive applies to (0-based). file: the line it starts at. */
  line: number;
  used: Set<string>;
}

const DIRECTIVE = /^\s*kafka-lint-(disable-next-line|disable)(?=\s|$)([^]*)$/;

/**
 * Offsets where lines start (after LF, CRLF or a lone CR). Callers only read the array. A typed
 * array counted first: an editor asks on every keystroke, and a 10,000-line text's starts as a
 * growing number[] left ~240 KB of garbage each time.
 */
export function lineStarts(text: string): Uint32Array {
  // Several steps of one lint ask for the same text's lines (suppressions, duplicate-key, hover).
  if (text === lastText) return lastStarts;
  const crs = text.indexOf('\r') >= 0;
  let n = 1;
  if (!crs) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
    }
  }
  const starts = new Uint32Array(n);
  let k = 1;
  if (!crs) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts[k++] = i + 1;
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts[k++] = i + 1;
      }
    }
  }
  lastText = text;
  lastStarts = starts;
  return starts;
}

let lastText: string | undefined;
let lastStarts = new Uint32Array(1);

export function lineOf(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function parseDirectives(file: ParsedFile): Directive[] {
  const out: Directive[] = [];
  let starts: Uint32Array | undefined;
  for (const c of file.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    // Lines are counted only for files that have directives.
    starts ??= lineStarts(file.text);
    const rest = m[2].split(/\s--\s|\s--$/)[0];
    const ids = rest
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const line = lineOf(starts, c.span.start);
    if (m[1] === 'disable-next-line') {
      // A trailing comment still means "the next line".
      out.push({ kind: 'next-line', ids, span: c.span, line: line + 1, used: new Set() });
    } else if (c.ownLine) {
      out.push({ kind: 'file', ids, span: c.span, line, used: new Set() });
    }
  }
  return out;
}

/** Remove suppressed findings; add hints for suppressions that matched nothing. */
export function applySuppressions(
  file: ParsedFile,
  findings: Finding[],
  locale: Locale,
  ruleEnabled: (id: string) => boolean,
): Finding[] {
  const directives = parseDirectives(file);
  if (!directives.length) return findings;
  const starts = lineStarts(file.text);
  const kept: Finding[] = [];
  for (const f of findings) {
    const line = lineOf(starts, f.span.start);
    let suppressed = false;
    for (const d of directives) {
      const applies = d.kind === 'next-line' ? d.line === line : line > d.line;
      if (!applies) continue;
      if (d.ids.length === 0 || d.ids.includes(f.ruleId)) {
        d.used.add(d.ids.length === 0 ? '*' : f.ruleId);
        suppressed = true;
      }
    }
    if (!suppressed) kept.push(f);
  }
  if (ruleEnabled(UNUSED_SUPPRESSION)) {
    for (const d of directives) {
      const unused = d.ids.length === 0 ? (d.used.size ? [] : ['*']) : d.ids.filter((id) => !d.used.has(id) && ruleEnabled(id));
      if (!unused.length) continue;
      const what = unused[0] === '*' ? '' : unused.map((u) => '`' + u + '`').join(', ');
      kept.push({
        ruleId: UNUSED_SUPPRESSION,
        severity: 'hint',
        message: fmt(
          what
            ? { en: 'Unused suppression: no {what} finding here to disable.', zh: '未使用的抑制注释：此处没有可禁用的 {what} 问题。' }
            : { en: 'Unused suppression: no finding here to disable.', zh: '未使用的抑制注释：此处没有可禁用的问题。' },
          locale,
          { what },
        ),
        span: d.span,
        fixes: [],
      });
    }
  }
  return kept;
}
