// Text edits on YAML that keep everything else byte for byte: comments, quoting, indentation,
// line endings. Every function returns null when it cannot edit safely (flow collections,
// entries sharing a line with other syntax, aliases...); the rule then offers no fix.

import { isMap, isPair, isSeq } from 'yaml';
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Edit } from '../model.js';
import { contentEnd, keyText, startOf, type ScalarRead } from './yamlCommon.js';

export function lineStart(text: string, off: number): number {
  let p = off;
  while (p > 0 && text[p - 1] !== '\n' && text[p - 1] !== '\r') p--;
  return p;
}

export function lineEnd(text: string, off: number): number {
  let p = off;
  while (p < text.length && text[p] !== '\n' && text[p] !== '\r') p++;
  return p;
}

function eolLength(text: string, p: number): number {
  if (text[p] === '\r') return text[p + 1] === '\n' ? 2 : 1;
  return text[p] === '\n' ? 1 : 0;
}

export function column(text: string, off: number): number {
  return off - lineStart(text, off);
}

function onlySpaceBefore(text: string, off: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, off), off));
}

// ---- scalars ----

/** Whether a value can be written as a plain scalar (block context) and read back as the same text. */
export function plainSafe(v: string): boolean {
  if (v === '' || v !== v.trim()) return false;
  if (/[\r\n\t]/.test(v)) return false;
  if (/^[#&*!|>'"%@`]/.test(v)) return false;
  // Flow indicators are legal inside block-context plain scalars but not in flow collections;
  // quoting them everywhere keeps one rule for both.
  if (/[\[\]{},]/.test(v)) return false;
  if (/^[-?:](\s|$)/.test(v)) return false;
  if (/:(\s|$)|\s#/.test(v)) return false;
  if (/^(---|\.\.\.)/.test(v)) return false;
  if (/^(null|Null|NULL|~)$/.test(v)) return false;
  return true;
}

export function escapeDouble(v: string): string {
  return v
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

export function quoteDouble(v: string): string {
  return '"' + escapeDouble(v) + '"';
}

export function quoteSingle(v: string): string | undefined {
  if (/[\r\n]/.test(v)) return undefined;
  return "'" + v.replace(/'/g, "''") + "'";
}

/** A value as a YAML scalar: in the preferred style, falling back to double quotes when needed. */
export function renderScalar(v: string, style: 'plain' | 'double' | 'single' = 'plain'): string {
  if (style === 'double') return quoteDouble(v);
  if (style === 'single') return quoteSingle(v) ?? quoteDouble(v);
  return plainSafe(v) ? v : quoteDouble(v);
}

/** A mapping key; bracketed Spring map keys are quoted, as Spring Boot's docs ask. */
export function renderKey(k: string): string {
  return plainSafe(k) && !/[\[\]{},]/.test(k) ? k : quoteDouble(k);
}

/** Replace a scalar value keeping its quote style. */
export function replaceScalar(text: string, read: ScalarRead, v: string): Edit | null {
  const { start, end } = read.span;
  switch (read.quote) {
    case 'double':
      return { start, end, newText: escapeDouble(v) };
    case 'single': {
      if (/[\r\n]/.test(v)) return null;
      return { start, end, newText: v.replace(/'/g, "''") };
    }
    case 'plain':
      if (!read.exact) return null;
      return { start, end, newText: renderScalar(v) };
    case 'none': {
      const sep = text[start - 1] === ':' ? ' ' : '';
      return { start, end, newText: sep + renderScalar(v) };
    }
    default:
      return null;
  }
}

/** Replace the default of a `${NAME:default}` placeholder inside a scalar. */
export function replaceInScalar(read: ScalarRead, range: [number, number], v: string): Edit | null {
  if (!read.exact) return null;
  const [a, b] = range;
  let piece: string;
  switch (read.quote) {
    case 'double':
      piece = escapeDouble(v);
      break;
    case 'single':
      if (/[\r\n]/.test(v)) return null;
      piece = v.replace(/'/g, "''");
      break;
    case 'plain':
      // Inside an existing plain scalar only plain word characters are surely harmless.
      if (!/^[A-Za-z0-9._\-+\/=@]+$/.test(v)) return null;
      piece = v;
      break;
    default:
      return null;
  }
  return { start: read.span.start + a, end: read.span.start + b, newText: piece };
}

// ---- structure ----

type Step = Node | Pair;

/**
 * The chain root, pair, collection, pair, ... down to `target`: a pair or a sequence item, or (a
 * number) the pair whose key starts at that offset. Settings keep offsets, not nodes, so that an
 * editor can let a document's nodes go and read them again when an edit needs them.
 */
export function ancestry(root: Node, target: Step | number): Step[] | undefined {
  const hit =
    typeof target === 'number'
      ? (s: Step) => isPair(s) && (s.key as { range?: number[] } | null)?.range?.[0] === target
      : (s: Step) => s === target;
  const walk = (n: Node, depth: number): Step[] | undefined => {
    if (depth > 64) return undefined;
    if (isMap(n)) {
      for (const p of n.items) {
        if (hit(p)) return [n, p];
        const v = p.value as Node | null;
        if (v && (isMap(v) || isSeq(v))) {
          const sub = walk(v, depth + 1);
          if (sub) return [n, p, ...sub];
        }
      }
    } else if (isSeq(n)) {
      for (const it of n.items as Node[]) {
        if (hit(it)) return [n, it];
        if (it && (isMap(it) || isSeq(it))) {
          const sub = walk(it, depth + 1);
          if (sub) return [n, ...sub];
        }
      }
    }
    return undefined;
  };
  return walk(root, 0);
}

/** Delete the whole line(s) of an entry: `[start, contentEnd)` plus its line's trailing comment and EOL. */
function removeLines(text: string, start: number, end: number): Edit | null {
  if (!onlySpaceBefore(text, start)) return null;
  const ls = lineStart(text, start);
  const le = lineEnd(text, end);
  if (!/^[ \t]*(#.*)?$/.test(text.slice(end, le))) return null;
  const n = eolLength(text, le);
  if (n) return { start: ls, end: le + n, newText: '' };
  if (ls === 0) return { start: 0, end: le, newText: '' };
  let ps = ls - 1;
  if (text[ps] === '\n' && text[ps - 1] === '\r') ps--;
  return { start: ps, end: le, newText: '' };
}

/** The `-` indicator of a block sequence item (same line, only spaces between). */
function dashBefore(text: string, itemStart: number): number | undefined {
  let p = itemStart - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
  return p >= 0 && text[p] === '-' ? p : undefined;
}

/**
 * Remove a mapping pair or sequence item with its lines. When it is the only child, the pair
 * that holds the emptied collection goes too (an empty `producer:` would bind as an empty
 * string in Spring and fail Compose/CRD validation); at the document root it gives up.
 * `target` as in `ancestry`.
 */
export function removeEntry(text: string, root: Node, target: Step | number): Edit | null {
  const path = ancestry(root, target);
  if (!path) return null;
  let idx = path.length - 1;
  let entry: Step = path[idx];
  for (;;) {
    const parent = path[idx - 1] as YAMLMap | YAMLSeq | undefined;
    if (!parent || parent.flow) return null;
    if (parent.items.length > 1) break;
    if (parent === root) return null;
    const holder = path[idx - 2];
    if (!holder || !isPair(holder)) return null;
    entry = holder;
    idx -= 2;
  }
  let start = startOf(entry);
  if (!isPair(entry)) {
    const dash = dashBefore(text, start);
    if (dash === undefined) return null;
    start = dash;
  }
  return removeLines(text, start, contentEnd(text, entry as Node | Pair));
}

/** The indentation step the file uses (child key column minus parent key column), default 2. */
export function indentStep(text: string, root: Node | null | undefined): number {
  let found = 0;
  const walk = (n: Node | null | undefined, depth: number) => {
    if (!n || found || depth > 32) return;
    if (isMap(n) && !n.flow) {
      for (const p of n.items) {
        const v = p.value as Node | null;
        if (isMap(v) && !v.flow && v.items.length) {
          const pc = column(text, startOf(p));
          const cc = column(text, startOf(v.items[0]));
          if (cc > pc && onlySpaceBefore(text, startOf(v.items[0]))) {
            found = cc - pc;
            return;
          }
        }
        walk(v, depth + 1);
        if (found) return;
      }
    } else if (isSeq(n) && !n.flow) {
      for (const it of n.items as Node[]) walk(it, depth + 1);
    }
  };
  walk(root, 0);
  return found || 2;
}

/** Append lines after the last entry of a block mapping, at its entries' indentation. */
export function appendToMap(text: string, map: YAMLMap, lines: string[], eol: string): Edit | null {
  if (map.flow || !map.items.length) return null;
  const first = map.items[0];
  if (!isPair(first) || keyText(first) === undefined) return null;
  const col = column(text, startOf(first));
  // Every key of a block mapping starts at the same column; anything else is error recovery
  // by the parser, and a line appended there would not land where the AST says.
  for (const p of map.items) if (!isPair(p) || column(text, startOf(p)) !== col) return null;
  const lead = text.slice(lineStart(text, startOf(first)), startOf(first));
  if (!/^[ ]*$/.test(lead) && !/^[ ]*(- +)+$/.test(lead)) return null;
  const pos = lineEnd(text, contentEnd(text, map.items[map.items.length - 1]));
  const pad = ' '.repeat(col);
  return { start: pos, end: pos, newText: lines.map((l) => eol + pad + l).join('') };
}

/** Append an item to a block sequence, copying the first item's `- ` layout. */
export function appendToSeq(text: string, seq: YAMLSeq, itemText: string, eol: string): Edit | null {
  if (seq.flow || !seq.items.length) return null;
  const first = seq.items[0] as Node;
  const s = startOf(first);
  const dash = dashBefore(text, s);
  if (dash === undefined || !onlySpaceBefore(text, dash)) return null;
  const pad = ' '.repeat(column(text, dash));
  const gap = text.slice(dash + 1, s) || ' ';
  const pos = lineEnd(text, contentEnd(text, seq.items[seq.items.length - 1] as Node));
  return { start: pos, end: pos, newText: eol + pad + '-' + gap + itemText };
}

export interface PathStyle {
  /** How a written key splits into path segments (Spring: at dots; Strimzi/compose: never). */
  keySegs(key: string): string[];
  segEq(a: string, b: string): boolean;
  renderKey(seg: string): string;
  /** Join segments into one dotted key, when the surface allows it. */
  dotted?(segs: string[]): string;
  /** Prefer a mapping that contains this offset when several match. */
  prefer?: number;
  /** The value is the first item of a new block sequence under the last segment (`server:` then `- item`). */
  seqItem?: boolean;
}

/**
 * Insert `segs: value` under `root`, descending through existing mappings and creating the
 * missing ones. Follows the file's style: when sibling keys are dotted (`producer.acks: 1`) and
 * the surface allows it, the new key is dotted too.
 */
export function insertPath(
  text: string,
  root: Node | null | undefined,
  segs: string[],
  valueText: string,
  eol: string,
  style: PathStyle,
): Edit | null {
  if (!isMap(root) || root.flow) return null;
  let m: YAMLMap = root;
  let i = 0;
  while (i < segs.length) {
    const cands: { map: YAMLMap; n: number }[] = [];
    for (const p of m.items) {
      if (!isPair(p)) continue;
      const kt = keyText(p);
      if (kt === undefined) continue;
      const ks = style.keySegs(kt);
      if (!ks.length || ks.length > segs.length - i) continue;
      if (!ks.every((s, j) => style.segEq(s, segs[i + j]))) continue;
      const v = p.value as Node | null;
      // The key exists as a leaf, or holds something we cannot extend: no safe insert.
      if (ks.length === segs.length - i || !isMap(v)) return null;
      cands.push({ map: v, n: ks.length });
    }
    if (!cands.length) break;
    const prefer = style.prefer;
    const inside = prefer === undefined ? [] : cands.filter((c) => c.map.range && c.map.range[0] <= prefer && prefer <= c.map.range[2]);
    const best = (inside.length ? inside : cands)[(inside.length ? inside : cands).length - 1];
    if (best.map.flow) return null;
    m = best.map;
    i += best.n;
  }
  const rest = segs.slice(i);
  if (!rest.length) return null;
  const dotted =
    style.dotted !== undefined &&
    rest.length > 1 &&
    m.items.some((p) => {
      const kt = isPair(p) ? keyText(p) : undefined;
      return kt !== undefined && style.keySegs(kt).length > 1;
    });
  let lines: string[];
  if (style.seqItem) {
    const step = indentStep(text, root);
    lines = rest.map((s, k) => ' '.repeat(step * k) + style.renderKey(s) + ':');
    lines.push(' '.repeat(step * rest.length) + '- ' + valueText);
  } else if (dotted && style.dotted) {
    lines = [`${style.renderKey(style.dotted(rest))}: ${valueText}`];
  } else {
    const step = indentStep(text, root);
    lines = rest.map((s, k) => ' '.repeat(step * k) + style.renderKey(s) + ':' + (k === rest.length - 1 ? ' ' + valueText : ''));
  }
  return appendToMap(text, m, lines, eol);
}
