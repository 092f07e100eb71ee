// Files held inside another file: a Kubernetes ConfigMap's `application.yml: |` or
// `producer.properties: |` block. Such a file is linted as the file it would be once mounted, and
// what the engine says about it (findings, fixes, suppression comments, hovers, completions) is
// moved into the outer file: offsets shifted line by line past the block's indentation, and every
// line an edit inserts indented as the block's content is, so the block still reads the same.

import type { Edit, ParsedFile, Span } from './model.js';
import { lineOf } from './suppressions.js';

export interface EmbeddedFile {
  /** `<outer path>/<key>`: the key names the file (`application-prod.yml`), which decides its format and reading. */
  path: string;
  /** The block's content with its indentation taken off, line breaks as written, without the final one. */
  text: string;
  /** The resource it belongs to (`ConfigMap orders-config (document 2)`): the files of one resource are mounted side by side. */
  resource: string;
  /** Columns of indentation the block's content lines carry. */
  indent: number;
  /** Offset in `text` of each of its lines. */
  innerStarts: number[];
  /** Offset in the outer text where each line's content begins (its start plus what was taken off). */
  outerStarts: number[];
  /** Columns taken off each line: `indent`, or fewer on a blank line that has fewer spaces. */
  taken: number[];
  /** The content in the outer text. */
  span: Span;
  /** Its parse at the last lint of the outer file (hover and completion read it). */
  parsed?: ParsedFile;
}

/** The outer offset of an offset in the embedded text. */
export function toOuter(e: EmbeddedFile, offset: number): number {
  const i = lineOf(e.innerStarts, offset);
  return e.outerStarts[i] + (offset - e.innerStarts[i]);
}

/**
 * The offset in the embedded text of an outer offset inside its content, or undefined outside it.
 * A place in a line's indentation is the start of that line.
 */
export function toInner(e: EmbeddedFile, offset: number): number | undefined {
  if (offset < e.span.start - e.taken[0] || offset > e.span.end) return undefined;
  // The last line that starts (indentation included) at or before the offset.
  let lo = 0;
  let hi = e.outerStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (e.outerStarts[mid] - e.taken[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const lineEnd = lo + 1 < e.innerStarts.length ? e.innerStarts[lo + 1] : e.text.length;
  return Math.min(e.innerStarts[lo] + Math.max(0, offset - e.outerStarts[lo]), lineEnd);
}

/** The embedded file whose content holds an outer offset (its indentation included). */
export function embeddedAt(files: readonly EmbeddedFile[] | undefined, offset: number): EmbeddedFile | undefined {
  return files?.find((e) => offset >= e.span.start - e.taken[0] && offset <= e.span.end);
}

export function spanToOuter(e: EmbeddedFile, s: Span): Span {
  return { start: toOuter(e, s.start), end: toOuter(e, s.end) };
}

const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Text written at an offset of the embedded file, as the outer file must hold it: each line it
 * starts is indented as the block's content; written at the start of a blank line that has fewer
 * spaces than that, it first gets the missing ones.
 */
export function textToOuter(e: EmbeddedFile, at: number, text: string): string {
  const pad = ' '.repeat(e.indent);
  let out = text.replace(LINE_BREAK, (br) => br + pad);
  const i = lineOf(e.innerStarts, at);
  if (at === e.innerStarts[i] && e.taken[i] < e.indent && out !== '' && !/^[\r\n]/.test(out)) out = ' '.repeat(e.indent - e.taken[i]) + out;
  return out;
}

export function editToOuter(e: EmbeddedFile, edit: Edit): Edit {
  return { start: toOuter(e, edit.start), end: toOuter(e, edit.end), newText: textToOuter(e, edit.start, edit.newText) };
}

/**
 * Reads a literal block scalar's content (`|`, `|-`, `|+`; no explicit indentation indicator)
 * from the outer text: `from` is where its first content line starts, `to` where the scalar's
 * source ends. `value` is the scalar's value as the YAML parser read it: the content read here
 * must be the same text, or there is no embedded file (never a misplaced edit).
 */
export function readLiteralBlock(
  outer: string,
  from: number,
  to: number,
  value: string,
  path: string,
  resource: string,
): EmbeddedFile | undefined {
  const lines: { start: number; end: number; brEnd: number }[] = [];
  for (let p = from; p < to; ) {
    let end = p;
    while (end < to && outer[end] !== '\n' && outer[end] !== '\r') end++;
    let brEnd = end;
    if (outer[brEnd] === '\r') brEnd++;
    if (outer[brEnd] === '\n') brEnd++;
    lines.push({ start: p, end, brEnd });
    p = brEnd;
  }
  const blank = (l: { start: number; end: number }) => /^ *$/.test(outer.slice(l.start, l.end));
  while (lines.length && blank(lines[lines.length - 1])) lines.pop();
  const first = lines.find((l) => !blank(l));
  if (!first) return undefined;
  const indent = /^ */.exec(outer.slice(first.start, first.end))![0].length;
  if (indent === 0) return undefined;
  const innerStarts: number[] = [];
  const outerStarts: number[] = [];
  const taken: number[] = [];
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const lead = /^ */.exec(outer.slice(l.start, l.end))![0].length;
    const t = l.start + lead === l.end ? Math.min(lead, indent) : indent;
    if (t > lead) return undefined;
    innerStarts.push(text.length);
    outerStarts.push(l.start + t);
    taken.push(t);
    text += outer.slice(l.start + t, i === lines.length - 1 ? l.end : l.brEnd);
  }
  // The same content the YAML parser read (line breaks as it reads them, final ones aside).
  if (text.replace(LINE_BREAK, '\n') !== value.replace(/\n+$/, '')) return undefined;
  const last = lines[lines.length - 1];
  return { path, text, resource, indent, innerStarts, outerStarts, taken, span: { start: outerStarts[0], end: last.end } };
}
