// A fast reader for the plain block YAML that configuration files are nearly always written in:
// block mappings and sequences indented with spaces, plain and single-line quoted scalars,
// comments. It builds the same nodes the `yaml` package's composer builds (YAMLMap, YAMLSeq, Pair,
// Scalar, with the same values, types and ranges), about four times faster than the package's
// parseAllDocuments on the benchmark inputs (42 vs 167 ms in-process on the 10,000-line Spring
// file), because it does not tokenize character by character and allocates no concrete syntax tree.
//
// It declines (returns undefined) at the first thing outside that subset or anything the `yaml`
// package would report as an error: anchors, aliases, tags, flow collections, block scalars,
// multi-line scalars, explicit keys, directives, tabs, odd indentation, a scalar at the root, a key
// repeated in one mapping.
// The caller then reads the text with the `yaml` package, so what the fast path does not know
// costs time, never correctness. test/parsers/yamlFast.test.ts compares both readers node for
// node, range for range, on the examples, the benchmark inputs and random documents.

import { Alias, Document, Pair, Scalar, YAMLMap, YAMLSeq, type Schema } from 'yaml';
import type { Comment } from '../model.js';
import type { YamlDoc } from './yamlCommon.js';
import type { YamlStream } from './yaml.js';

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
class Decline {}
const DECLINE = new Decline();
function decline(): never {
  throw DECLINE;
}

type ScalarTag = { default?: boolean | 'key'; test?: RegExp; resolve: (value: string, onError: (msg: string) => void, options: object) => unknown; format?: string };

let scalarTags: ScalarTag[] | undefined;
/** The plain-scalar tags of the YAML 1.2 core schema, in the order the composer tries them. */
function coreScalarTags(): ScalarTag[] {
  if (!scalarTags) {
    const schema = new Document().schema as Schema & { tags: unknown[] };
    scalarTags = schema.tags.filter((t) => t.default === true && t.test) as ScalarTag[];
  }
  return scalarTags!;
}

const RESOLVE_OPTIONS = { intAsBigInt: false };

// The `yaml` package's node classes mark every node with its type through Object.defineProperty
// in the constructor: a runtime call per node, the reader's largest single cost on a large file
// (CPU profile of the server opening the 10,000-line Spring file). The reader makes its nodes with
// constructors of its own whose prototype inherits from the package's class and carries the
// marks a real node holds as its own properties: they are instances of the package's classes,
// `isScalar` & co. find the mark, and every method works as on the composer's nodes.

/** The prototype for fast nodes of `sample`'s class: the class's prototype plus the symbol-keyed
 *  properties (the type mark) and the non-enumerable ones (a collection's schema) the
 *  constructor gives each instance. */
function fastPrototype(sample: object): object {
  const own: PropertyDescriptorMap = {};
  for (const k of Reflect.ownKeys(sample)) {
    const d = Object.getOwnPropertyDescriptor(sample, k)!;
    if (typeof k === 'symbol' || !d.enumerable) own[k as string] = d;
  }
  return Object.create(Object.getPrototypeOf(sample), own);
}

// A fast scalar keeps its range as three numbers of its own, not as an array: a large file's
// nodes stay alive with the document, and V8's young collections copy each surviving byte twice
// while the file is first read (an array per scalar was ~15% of what they copied on the
// 10,000-line Spring file). `range` reads as a new array and takes one on assignment, so a
// range is changed by assigning it (never in place: `scalar.range[2] = x` changes a copy).
// Every field is set in the constructor, so that all fast scalars share one hidden class.
interface FastScalarFields {
  r0: number;
  r1: number;
  r2: number;
}
const FastScalar = function (this: Scalar & FastScalarFields, value: unknown, start: number, end: number, after: number, source: string, type: Scalar.Type) {
  this.value = value;
  this.r0 = start;
  this.r1 = end;
  this.r2 = after;
  this.source = source;
  this.type = type;
} as unknown as { new (value: unknown, start: number, end: number, after: number, source: string, type: Scalar.Type): Scalar; prototype: Scalar };
FastScalar.prototype = fastPrototype(new Scalar(null)) as Scalar;
Object.defineProperty(FastScalar.prototype, 'range', {
  get(this: FastScalarFields): [number, number, number] {
    return [this.r0, this.r1, this.r2];
  },
  set(this: FastScalarFields, r: [number, number, number]) {
    this.r0 = r[0];
    this.r1 = r[1];
    this.r2 = r[2];
  },
  configurable: true,
});

/** A scalar this reader made, with its range in fields: code that reads many ranges reads those
 *  (yamlCommon.ts), not the array `range` builds on every read. */
export function isFastScalar(n: unknown): n is Scalar & Readonly<FastScalarFields> {
  return n instanceof FastScalar;
}

/** Sets where the scalar's trailing comment or blank lines end (`range[2]`). */
function setScalarAfter(node: Scalar, after: number): void {
  if (node instanceof FastScalar) (node as unknown as FastScalarFields).r2 = after;
  else (node as Scalar).range![2] = after;
}

const FastPair = function (this: Pair, key: unknown) {
  this.key = key;
  this.value = null;
} as unknown as { new (key: unknown): Pair; prototype: Pair };
FastPair.prototype = fastPrototype(new Pair(null)) as Pair;

const FastMap = function (this: YAMLMap) {
  this.items = [];
} as unknown as { new (): YAMLMap; prototype: YAMLMap };
FastMap.prototype = fastPrototype(new YAMLMap()) as YAMLMap;

const FastSeq = function (this: YAMLSeq) {
  this.items = [];
} as unknown as { new (): YAMLSeq; prototype: YAMLSeq };
FastSeq.prototype = fastPrototype(new YAMLSeq()) as YAMLSeq;

let resolveFailed = false;
const onResolveError = () => {
  resolveFailed = true;
};

let digitsTag: ScalarTag | undefined;
/** The tag of a scalar of decimal digits only: the first core tag that takes one (the int tag; null, bool and octal `0o` take none). */
function tagOfDigits(): ScalarTag {
  return (digitsTag ??= coreScalarTags().find((t) => t.test!.test('12'))!);
}

/** Whether `s` is decimal digits only (not empty). */
function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/**
 * The core-schema tag the composer resolves a plain scalar with, or undefined for a string. Every
 * core pattern but the empty null starts with one of `~ . + - 0-9 n N t T f F`, and those starting
 * with a letter are null/Null/NULL and the booleans: five letters at most. (Numbers are most values
 * of a configuration file: digits alone go straight to the int tag.)
 */
function tagOf(source: string): ScalarTag | undefined {
  const c = source.charCodeAt(0);
  const letter = c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!(source === '' || c === 126 || c === 46 || c === 43 || c === 45 || (c >= 48 && c <= 57) || (letter && source.length <= 5))) return undefined;
  if (allDigits(source)) return tagOfDigits();
  const tags = coreScalarTags();
  for (let t = 0; t < tags.length; t++) if (tags[t].test!.test(source)) return tags[t];
  return undefined;
}

/** Plain scalar source -> the node the composer makes of it (null, bool, int, float or string). */
function plainScalar(source: string, start: number): Scalar {
  const end = start + source.length;
  const tag = tagOf(source);
  if (!tag) return new FastScalar(source, start, end, end, source, 'PLAIN');
  resolveFailed = false;
  const res = tag.resolve(source, onResolveError, RESOLVE_OPTIONS);
  if (resolveFailed) decline();
  let node: Scalar;
  if (res instanceof Scalar) {
    node = res;
    node.range = [start, end, end];
    node.source = source;
    node.type = 'PLAIN';
  } else {
    node = new FastScalar(res, start, end, end, source, 'PLAIN');
  }
  if (tag.format) node.format = tag.format;
  return node;
}

function quotedScalar(value: string, type: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE', start: number, end: number): Scalar {
  return new FastScalar(value, start, end, end, value, type);
}

// Characters that, first in a plain scalar or key, make it something else (or an error).
const INDICATOR = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset of the end of its content (before `\r\n` or `\n`). */
  end: number;
  /** Offset just past its line break (or the end of the text). */
  next: number;
  /** Column of the first non-space character; -1 for a blank line. */
  indent: number;
}

/** A scalar written on one line and where the line goes on after it. */
interface ScalarAt {
  node: Scalar | YAMLSeq | YAMLMap;
  /** Offset after the scalar and its trailing spaces, comment and line break (the composer's range[2]). */
  after: number;
}

interface Open {
  kind: 'map' | 'seq';
  indent: number;
  node: YAMLMap | YAMLSeq;
  /** The composer's running end: range[2] of the last item. */
  end: number;
  /** A mapping's key values, once it has many (repeated keys are looked for in it). */
  keys?: Set<unknown>;
}

/** Where a key or `- ` waits for a value on the following lines. */
interface Pending {
  /** Indent of the map or sequence holding it. */
  indent: number;
  /** The map holding a pair with no value yet, or the sequence waiting for an item. */
  parent: Open;
  pair?: Pair;
  /** Offset of the empty scalar if no value follows (after `:` or `-` and its spaces). */
  emptyAt: number;
  /** End of the line that opened it (past comment and line break). */
  lineAfter: number;
  comment: boolean;
  /** `&name` written before the value: the collection on the next lines carries it. */
  anchor?: string;
}

/**
 * Read `text` (or the piece `text[from, to)`, as if it stood alone) as a YAML stream of plain
 * block documents, or undefined when it is anything else. Offsets are into `text`.
 */
export function readYamlFast(text: string, from = 0, to = text.length): YamlStream | undefined {
  try {
    return read(text, from, to);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

function read(text: string, from: number, len: number): YamlStream {
  const comments: Comment[] = [];
  const docs: YamlDoc[] = [];
  if (text.charCodeAt(from) === 0xfeff) decline();
  // The searches below stop at the piece's end (an editor reads one document of a large file):
  // the text up to there, with the same offsets (V8 makes the slice a view, not a copy).
  const piece = len < text.length ? text.slice(0, len) : text;
  // A tab anywhere (indentation, separation, even a comment's) or a lone CR leaves the subset.
  // Both are looked for once, with the engine's native search, rather than line by line.
  if (piece.indexOf('\t', from) >= 0) decline();
  for (let cr = piece.indexOf('\r', from); cr >= 0; cr = piece.indexOf('\r', cr + 1)) {
    // (the last character of the piece ends its line, as `\r\n` would)
    if (cr !== len - 1 && text.charCodeAt(cr + 1) !== 10) decline();
  }
  // The next `:` and ` #` at or after an offset (`len` if none), found by native search and
  // remembered: lines are read forward, so the piece is searched about once for each, however
  // long its lines.
  const colonFound = { from: 0, at: -1 };
  const hashFound = { from: 0, at: -1 };
  const nextOf = (found: { from: number; at: number }, s: string, at: number): number => {
    if (found.from <= at && at <= found.at) return found.at;
    const k = piece.indexOf(s, at);
    found.from = at;
    found.at = k < 0 ? len : k;
    return found.at;
  };

  // ---- per document state ----
  let docStart = 0; // offset of the document token (the composer's doc.range[0])
  let marker = false; // the document began with `---`
  let stack: Open[] = [];
  let root: Open | undefined;
  let pending: Pending | undefined;
  let contentSeen = false; // a node line was read in this document

  const startDoc = (at: number, withMarker: boolean) => {
    docStart = at;
    marker = withMarker;
    stack = [];
    root = undefined;
    pending = undefined;
    contentSeen = false;
  };

  const closeTo = (indent: number) => {
    while (stack.length && stack[stack.length - 1].indent > indent) popOpen();
  };
  const popOpen = () => {
    const o = stack.pop()!;
    const r = o.node.range!;
    r[1] = o.end;
    r[2] = o.end;
    // The items array cut to its length: a pushed-to array keeps room for 17, and what the
    // reader makes stays alive with the document (see FastScalar).
    const node = o.node as { items: unknown[] };
    node.items = node.items.slice();
    const parent = stack[stack.length - 1];
    if (parent) parent.end = o.end;
  };
  /** The key or item waiting for a value gets none; `nextAt`: where the line that says so starts its content. */
  const settlePending = (nextAt?: number) => {
    if (!pending) return;
    const p = pending;
    pending = undefined;
    if (p.anchor !== undefined) decline();
    const node = plainScalar('', p.emptyAt);
    // After `key: # comment`, the composer's empty value runs to the next line's content.
    if (p.comment) setScalarAfter(node, nextAt ?? p.lineAfter);
    if (p.pair) p.pair.value = node;
    else (p.parent.node as YAMLSeq).items.push(node);
    // The collection runs on to the empty value's end (the composer's running offset).
    p.parent.end = node.range![2];
  };

  const finishDoc = () => {
    if (!contentSeen) {
      // Comments and blank lines only: no document. `---` with nothing after it is a null
      // document, which the subset leaves to the composer.
      if (!marker) return;
      decline();
    }
    settlePending();
    while (stack.length) popOpen();
    const doc = new Document(undefined, { uniqueKeys: false }) as YamlDoc;
    doc.contents = root!.node as YamlDoc['contents'];
    if (marker) doc.directives!.docStart = true;
    const contentEnd = (root!.node.range as [number, number, number])[2];
    doc.range = [docStart, contentEnd, contentEnd];
    docs.push(doc);
  };

  startDoc(from, false);
  // Indent of the node line after a run of comment lines (-1: the document ends first).
  let runIndent: number | undefined;
  let pos = from;
  while (pos < len) {
    // ---- the line ----
    let end = text.indexOf('\n', pos);
    let next: number;
    if (end < 0 || end >= len) {
      end = len;
      next = len;
    } else {
      next = end + 1;
    }
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const line: Line = { start: pos, end, next, indent: i < end ? i - pos : -1 };
    const lineStart = pos;
    pos = next;
    if (line.indent < 0) {
      // Blank lines after `key: # comment` belong to the empty value's range in the composer.
      if (pending?.comment) decline();
      continue;
    }
    const c0 = text.charCodeAt(i);
    if (c0 === 9) decline(); // tab
    if (line.indent === 0 && (text.startsWith('---', i) || text.startsWith('...', i))) {
      const after = i + 3;
      const c = after < end ? text.charCodeAt(after) : -1;
      if (c === -1 || c === 32 || c === 9) {
        if (text.startsWith('...', i)) decline();
        // `---` ends the document before and starts one; only spaces and a comment may follow.
        let j = after;
        while (j < end && text.charCodeAt(j) === 32) j++;
        if (j < end) {
          if (text.charCodeAt(j) !== 35 || j === after) decline();
          comments.push({ span: { start: j, end }, text: text.slice(j + 1, end), ownLine: false });
        }
        runIndent = undefined;
        if (contentSeen || marker) finishDoc();
        else if (docs.length) decline();
        startDoc(lineStart, true);
        continue;
      }
    }
    if (line.indent === 0 && c0 === 37) decline(); // directive
    if (c0 === 35) {
      if (contentSeen) {
        // Where the composer puts an own-line comment after content depends on its indent and
        // on what follows; the subset keeps the two cases where it changes no range: comments
        // indented like the next node line (they open its item), and comments at column 0 at the
        // end of a document whose root is at column 0 (the document keeps them).
        if (runIndent === undefined) runIndent = nextNodeIndent(next);
        if (pending) {
          // Between `key:` and the block under it, a comment indented like that block's first
          // line: the composer hands it to the block (`commentBefore`), whose range still starts
          // at its first node. Anywhere else it may widen an empty value's range: declined.
          if (pending.comment || pending.anchor !== undefined || runIndent <= pending.indent) decline();
        }
        if (runIndent >= 0 ? line.indent !== runIndent : line.indent !== 0 || root!.indent !== 0) decline();
      }
      comments.push({ span: { start: i, end }, text: text.slice(i + 1, end), ownLine: true });
      continue;
    }
    runIndent = undefined;
    if (!contentSeen && !marker) docStart = lineStart;
    contentSeen = true;
    readNodeLine(line, i);
  }
  if (contentSeen || marker) finishDoc();
  return { docs, comments, streamErrors: [] };

  // ---- a line holding a node ----

  function readNodeLine(line: Line, at: number): void {
    const indent = line.indent;
    const isSeqItem = text.charCodeAt(at) === 45 && (at + 1 === line.end || text.charCodeAt(at + 1) === 32);
    if (pending) {
      const p = pending;
      if (indent > p.indent || (indent === p.indent && isSeqItem && p.pair)) {
        // The value of the pending key or item: a collection starting on this line.
        pending = undefined;
        const open = openCollection(isSeqItem ? 'seq' : 'map', indent, line.start + indent);
        if (p.anchor !== undefined) open.node.anchor = p.anchor;
        if (p.pair) p.pair.value = open.node;
        else (p.parent.node as YAMLSeq).items.push(open.node);
        stack.push(open);
        readItem(open, line, at, isSeqItem);
        return;
      }
      settlePending(at);
    }
    if (!root) {
      if (!isSeqItem && keyEnd(at, line.end) < 0) decline(); // a scalar document
      root = openCollection(isSeqItem ? 'seq' : 'map', indent, at);
      stack.push(root);
      readItem(root, line, at, isSeqItem);
      return;
    }
    closeTo(indent);
    let top = stack[stack.length - 1];
    // A sequence written at its key's indent ends with the next key at that indent.
    if (top && top.kind === 'seq' && top.indent === indent && !isSeqItem) {
      popOpen();
      top = stack[stack.length - 1];
    }
    if (!top || top.indent !== indent) decline();
    if ((top.kind === 'seq') !== isSeqItem) decline();
    readItem(top, line, at, isSeqItem);
  }

  function openCollection(kind: 'map' | 'seq', indent: number, at: number): Open {
    const node = kind === 'map' ? new FastMap() : new FastSeq();
    node.range = [at, at, at];
    return { kind, indent, node, end: at, keys: undefined };
  }

  /** Offset of the `:` ending an implicit key that starts at `at`, or -1. */
  function keyEnd(at: number, end: number): number {
    const c = text[at];
    if (c === '"' || c === "'") {
      const close = quoteEnd(at, end);
      if (close < 0) return -1;
      return close < end && text.charCodeAt(close) === 58 && (close + 1 === end || text.charCodeAt(close + 1) === 32) ? close : -1;
    }
    // The first `:` followed by a space or the line's end, unless a ` #` comment comes first.
    let colon = nextOf(colonFound, ':', at);
    while (colon < end && colon + 1 !== end && text.charCodeAt(colon + 1) !== 32) colon = nextOf(colonFound, ':', colon + 1);
    if (colon >= end) return -1;
    return nextOf(hashFound, ' #', at) + 1 < colon ? -1 : colon;
  }

  /** Offset just past the closing quote of a quoted scalar opening at `at`, or -1 if not on this line. */
  function quoteEnd(at: number, end: number): number {
    const q = text.charCodeAt(at);
    for (let j = at + 1; j < end; j++) {
      const ch = text.charCodeAt(j);
      if (q === 34 && ch === 92) {
        j++;
        continue;
      }
      if (ch === q) {
        if (q === 39 && text.charCodeAt(j + 1) === 39) {
          j++;
          continue;
        }
        return j + 1;
      }
    }
    return -1;
  }

  function readItem(open: Open, line: Line, at: number, isSeqItem: boolean): void {
    if (isSeqItem) {
      if (open.kind !== 'seq') decline();
      const seq = open.node as YAMLSeq;
      let j = at + 1;
      while (j < line.end && text.charCodeAt(j) === 32) j++;
      if (j >= line.end || text.charCodeAt(j) === 35) {
        const lineAfter = trailing(j, line, false);
        pending = { indent: open.indent, parent: open, emptyAt: j, lineAfter, comment: j < line.end };
        return;
      }
      if (text.charCodeAt(j) === 38) {
        // `- &name` and the collection on the next lines (an anchored scalar item: the subset stops).
        const a = anchorAt(j, line);
        if (!a.rest) {
          pending = { indent: open.indent, parent: open, emptyAt: a.emptyAt, lineAfter: trailing(a.emptyAt, line, false), comment: false, anchor: a.name };
          return;
        }
        decline();
      }
      if (text.charCodeAt(j) === 45 && (j + 1 === line.end || text.charCodeAt(j + 1) === 32)) decline(); // `- - x`
      if (keyEnd(j, line.end) >= 0) {
        // `- key: value`: a mapping whose items sit at the key's column.
        const map = openCollection('map', j - line.start, j);
        seq.items.push(map.node);
        stack.push(map);
        readPair(map, line, j);
        return;
      }
      if (text.charCodeAt(j) === 42) {
        const al = aliasAt(j, line);
        seq.items.push(al.node);
        open.end = al.after;
        return;
      }
      const s = scalarAt(j, line);
      seq.items.push(s.node);
      open.end = s.after;
      return;
    }
    if (open.kind !== 'map') decline();
    readPair(open, line, at);
  }


  function readPair(open: Open, line: Line, at: number): void {
    const map = open.node as YAMLMap;
    const colon = keyEnd(at, line.end);
    // The composer (strict) rejects an implicit key over 1024 characters.
    if (colon < 0 || colon - at > 1000) decline();
    const c = text[at];
    let key: Scalar;
    if (c === '"' || c === "'") {
      key = quoted(at, colon, line);
    } else {
      if (INDICATOR.has(c)) decline();
      if (text.charCodeAt(colon - 1) === 32) decline();
      key = plainScalar(text.slice(at, colon), at);
    }
    // A key repeated in one mapping is an error the composer reports (DUPLICATE_KEY). Keys are
    // equal as the composer compares them, by value (`x` and `"x"` are one key, `1` and `"1"` two):
    // against each earlier key, as most mappings have a few; through a set past 16.
    const items = map.items as Pair[];
    const v = key.value;
    if (open.keys) {
      if (open.keys.has(v)) decline();
      open.keys.add(v);
    } else {
      for (let i = 0; i < items.length; i++) if ((items[i].key as Scalar).value === v) decline();
      if (items.length === 16) open.keys = new Set(items.map((p) => (p.key as Scalar).value)).add(v);
    }
    // A key's range ends at the `:` (a space before it was declined above): as the composer's.
    const pair = new FastPair(key);
    items.push(pair);
    let j = colon + 1;
    while (j < line.end && text.charCodeAt(j) === 32) j++;
    if (j >= line.end || text.charCodeAt(j) === 35) {
      const lineAfter = trailing(j, line, false);
      pending = { indent: open.indent, parent: open, pair, emptyAt: j, lineAfter, comment: j < line.end };
      return;
    }
    let anchor: string | undefined;
    if (text.charCodeAt(j) === 38) {
      const a = anchorAt(j, line);
      anchor = a.name;
      if (!a.rest) {
        pending = { indent: open.indent, parent: open, pair, emptyAt: a.emptyAt, lineAfter: trailing(a.emptyAt, line, false), comment: false, anchor };
        return;
      }
      j = a.emptyAt;
    }
    if (text.charCodeAt(j) === 42) {
      if (anchor !== undefined) decline();
      const al = aliasAt(j, line);
      pair.value = al.node;
      open.end = al.after;
      return;
    }
    const s = scalarAt(j, line);
    if (anchor !== undefined) s.node.anchor = anchor;
    pair.value = s.node;
    open.end = s.after;
  }

  /** `&name` at `j`: the name, where what follows it starts, and whether anything does. */
  function anchorAt(j: number, line: Line): { name: string; emptyAt: number; rest: boolean } {
    let e = j + 1;
    while (e < line.end && text.charCodeAt(e) !== 32) e++;
    const name = text.slice(j + 1, e);
    if (!name || /[[\]{},]/.test(name)) decline();
    let k = e;
    while (k < line.end && text.charCodeAt(k) === 32) k++;
    if (k < line.end && text.charCodeAt(k) === 35 && k === e) decline();
    if (k < line.end && text.charCodeAt(k) === 35) {
      // A comment after the anchor: the value's props hold it; keep the subset simple.
      decline();
    }
    return { name, emptyAt: k, rest: k < line.end };
  }

  function aliasAt(j: number, line: Line): { node: Alias; after: number } {
    let e = j + 1;
    while (e < line.end && text.charCodeAt(e) !== 32) e++;
    const name = text.slice(j + 1, e);
    if (!name || name.endsWith(':') || /[[\]{},]/.test(name)) decline();
    const node = new Alias(name);
    const after = trailing(e, line, true);
    node.range = [j, e, after];
    return { node, after };
  }

  function quoted(at: number, end: number, line: Line): Scalar {
    const close = quoteEnd(at, line.end);
    if (close < 0 || close !== end) decline();
    const body = text.slice(at + 1, close - 1);
    if (text[at] === "'") return quotedScalar(body.replace(/''/g, "'"), 'QUOTE_SINGLE', at, close);
    if (body.indexOf('\\') < 0) return quotedScalar(body, 'QUOTE_DOUBLE', at, close);
    let ok = true;
    const value = body.replace(/\\(.)/g, (_, e: string) => {
      switch (e) {
        case '\\':
        case '"':
        case '/':
          return e;
        case 'n':
          return '\n';
        case 't':
          return '\t';
        case 'r':
          return '\r';
        default:
          ok = false;
          return '';
      }
    });
    if (!ok) decline();
    return quotedScalar(value, 'QUOTE_DOUBLE', at, close);
  }

  /** A scalar value starting at `j` that ends on this line, and the offset after its line. */
  function scalarAt(j: number, line: Line): ScalarAt {
    const c = text[j];
    if (c === '"' || c === "'") {
      const close = quoteEnd(j, line.end);
      if (close < 0) decline();
      const node = quoted(j, close, line);
      const after = trailing(close, line, true);
      setScalarAfter(node, after);
      return { node, after };
    }
    if (c === '[') return flowSeqAt(j, line);
    if (c === '{') {
      // Only the empty mapping `{}` (Strimzi's `topicOperator: {}`).
      if (text.charCodeAt(j + 1) !== 125) decline();
      const map = new FastMap();
      map.flow = true;
      const after = trailing(j + 2, line, true);
      map.range = [j, j + 2, after];
      return { node: map, after };
    }
    if (INDICATOR.has(c) && !(c === '-' && j + 1 < line.end && text.charCodeAt(j + 1) !== 32)) decline();
    // A plain scalar: up to a ` #` comment or the end of the line, trailing spaces trimmed.
    const comment = nextOf(hashFound, ' #', j);
    let e = comment + 1 < line.end ? comment : line.end;
    while (e > j && text.charCodeAt(e - 1) === 32) e--;
    const source = text.slice(j, e);
    // `a: b: c` is an error; `a: b:` too.
    if (source.indexOf(': ') >= 0 || source.endsWith(':')) decline();
    if (source.indexOf('\t') >= 0) decline();
    const node = plainScalar(source, j);
    const after = trailing(e, line, true);
    setScalarAfter(node, after);
    return { node, after };
  }

  /** `[a, b, c]` on one line, of plain scalars without flow indicators, quotes or comments. */
  function flowSeqAt(j: number, line: Line): ScalarAt {
    const close = text.indexOf(']', j);
    if (close < 0 || close >= line.end) decline();
    const seq = new FastSeq();
    seq.flow = true;
    let k = j + 1;
    for (;;) {
      while (k < close && text.charCodeAt(k) === 32) k++;
      if (k === close) {
        if (seq.items.length) decline(); // `[a, ]`: the composer keeps no empty item; stay out
        break;
      }
      let e = k;
      while (e < close && text.charCodeAt(e) !== 44) e++;
      let v = e;
      while (v > k && text.charCodeAt(v - 1) === 32) v--;
      const source = text.slice(k, v);
      if (!/^[A-Za-z0-9_./$=+@~^()<>;][^[\]{}#,"'&*!|%`:?\t]*$/.test(source)) decline();
      seq.items.push(plainScalar(source, k));
      if (e === close) break;
      k = e + 1;
      if (text.charCodeAt(k) !== 32) decline();
    }
    const after = trailing(close + 1, line, true);
    seq.range = [j, close + 1, after];
    return { node: seq, after };
  }

  /**
   * After a node ending at `from` on this line: spaces, an optional comment, the line break.
   * Records the comment; returns the offset after the line break. The next lines must not go on
   * with the scalar (a more indented line after it would continue or break it).
   */
  function trailing(from: number, line: Line, afterScalar: boolean): number {
    let j = from;
    while (j < line.end && text.charCodeAt(j) === 32) j++;
    if (j < line.end) {
      if (text.charCodeAt(j) !== 35) decline();
      if (afterScalar && j === from) decline();
      comments.push({ span: { start: j, end: line.end }, text: text.slice(j + 1, line.end), ownLine: false });
    }
    if (afterScalar) checkNoContinuation(line);
    return line.next;
  }

  /** Indent of the next line holding a node from `from` on, or -1 if a document marker or the end comes first. */
  function nextNodeIndent(from: number): number {
    let p = from;
    while (p < len) {
      let e = text.indexOf('\n', p);
      if (e < 0 || e > len) e = len;
      let k = p;
      while (k < e && text.charCodeAt(k) === 32) k++;
      const c = text.charCodeAt(k);
      if (k < e && c !== 35 && !(c === 13 && k + 1 === e)) {
        if (k === p && (text.startsWith('---', k) || text.startsWith('...', k))) return -1;
        return k - p;
      }
      p = e + 1;
    }
    return -1;
  }

  /** After a value written on a line, no following non-blank line may be more indented than its parent. */
  function checkNoContinuation(line: Line): void {
    let p = line.next;
    while (p < len) {
      let e = text.indexOf('\n', p);
      if (e < 0 || e > len) e = len;
      let k = p;
      while (k < e && text.charCodeAt(k) === 32) k++;
      if (k < e && !(text.charCodeAt(k) === 13 && k + 1 === e)) {
        const ind = k - p;
        const top = stack[stack.length - 1];
        // Items of the same collection or an outer one are at or left of the open collection's indent.
        const limit = top ? top.indent : 0;
        if (ind > limit) decline();
        return;
      }
      p = e + 1;
    }
  }
}
