// Incremental linting for an editor: one linter per open document keeps what it parsed and, on
// the next version of the text, parses again only what the edit touched.
//   - .properties: logical lines are independent; the scan restarts at a line boundary before
//     the edit and stops at the first boundary after it where the old and new texts agree.
//   - YAML: documents are independent; the text is cut at `---` lines at column 0 (the lexer of
//     the `yaml` package ends every construct there: quoted, block and plain scalars, flow
//     collections), each piece is parsed on its own and reused while its text is unchanged, its
//     offsets shifted. Texts the cut could misread (directives, lone CRs, a BOM past the start,
//     a piece whose parse starts with an error token, which the whole stream gives to the
//     document before) are parsed whole.
//   - Go: the text is cut before top-level `func` lines; each piece is lexed and parsed on its
//     own and reused while its text is unchanged, and only the edited functions are analysed
//     again when nothing else depends on them (parsers/goIncremental.ts says when).
// After the parse, YAML documents keep what was read from them while their text is unchanged:
// the kind of each document, its Spring units and its Strimzi resource (moved to their new
// offsets); cross-document facts (Strimzi broker counts, producers in the file) are recomputed
// from those every time. Rules declared `scope: 'unit'` run only on the documents whose text or
// unit facts changed (or, for the few that say so, whose line or `fileKey` changed) and their
// findings for the other documents are reused, moved (index.ts, RuleCache); in Go the same holds
// per function, for configs made and set in one function (a helper's config and its caller's
// settings are checked on every lint). The other rules and the suppressions run on the whole
// file. The result is exactly what a fresh `lint()` gives: test/engine/incremental.test.ts checks
// that on random edits, including edits to facts other documents depend on.

import { isMap, isPair, isSeq, type Document } from 'yaml';
import type { Comment, ConfigUnit, ParsedFile, Span } from './model.js';
import { createRuleCache, detectFormat, fillRuleCache, linkSpring, lintParsed, skipReason, type LintResult, type GoSibling, type ReadEnvFile, type SpringBase } from './index.js';
import { linkEnvFiles } from './parsers/compose.js';
import type { ResolvedOptions } from './options.js';
import type { Rule } from './rule.js';
import { allRules } from './rules/index.js';
import {
  propertiesFileFrom,
  rescanProperties,
  scanPropertiesState,
  type PropertiesScanState,
} from './parsers/properties.js';
import { composeYamlStream, mentionsKafka, parseYaml, yamlFileFrom, type SpringDocReader, type YamlStream } from './parsers/yaml.js';
import { extractSpringDoc, moveSpringUnits } from './parsers/springYaml.js';
import { readYamlFast } from './parsers/yamlFast.js';
import { parseGoIncremental, type GoState } from './parsers/goIncremental.js';
import { brokenYaml, classifyDoc, forgetAnchors, unitSpans, type YamlDoc } from './parsers/yamlCommon.js';
import { moveStrimziDoc, readStrimziDoc, type StrimziDoc, type StrimziDocReader } from './parsers/strimzi.js';

export interface DocumentLinter {
  /**
   * Lint the current text of the document; same result as `lint({ text, path, languageId,
   * springBase }, options)`. The returned file and findings share data with the linter, which moves it in
   * place on the next call: they describe this text until then.
   */
  lint(text: string, path: string, options: ResolvedOptions, languageId?: string, springBase?: SpringBase[], readEnvFile?: ReadEnvFile, goPackage?: GoSibling[]): LintResult;
  /**
   * How many edited versions of the text, at most, the kept parse data may still hold on to.
   * Strings read from a text are views into it (engine/strings.ts), so a document read in
   * pieces across many versions keeps each version whose piece is still kept. Counts the lints
   * since the last complete read.
   */
  readonly heldVersions: number;
  /** True until the first lint after creation or `reset()`: that lint reads the whole text. */
  readonly fresh: boolean;
  /** Forgets everything kept: the next lint reads the whole text again (and holds only that version). */
  reset(): void;
  /**
   * True when the last lint was the first of a large text (DEFER_CACHE_CHARS or more), which runs
   * its rules over the whole file once, as `lint()` does, without filling the rule cache: that
   * first answer comes sooner. `prime()` fills the cache afterwards (an editor calls it when idle,
   * once the diagnostics are out); a lint before that fills it itself.
   */
  readonly unprimed: boolean;
  /** Fills the rule cache for the text of the last lint, if it was left unfilled (`unprimed`). */
  prime(): void;
}

/**
 * From this size on, the first lint of a document leaves the rule cache to `prime()`. Filling it
 * costs that lint ~9% more work (the 10,000-line Spring benchmark file: 921 M instructions instead
 * of 842 M, scripts/first-lint-instructions.mjs's method): keys of every document and rule, and
 * the findings handed to their documents.
 */
export const DEFER_CACHE_CHARS = 64 * 1024;

export function createDocumentLinter(rules: Rule[] = allRules): DocumentLinter {
  let key: string | undefined;
  let props: PropertiesScanState | undefined;
  let yaml: YamlChunk[] = [];
  let go: GoState | undefined;
  // Spring units of each document as last read, with the offset and index they were read at
  // (their distinct spans listed once, to move them in place).
  let spring = new WeakMap<YamlDoc, { units: ConfigUnit[]; spans?: Span[]; at: number; docIndex: number }>();
  // Strimzi resources and the kind of each document, read once per document (like Spring units).
  let strimzi = new WeakMap<YamlDoc, { read: StrimziDoc | undefined; spans?: Span[]; at: number; docIndex: number }>();
  let kinds = new WeakMap<YamlDoc, ReturnType<typeof classifyDoc>>();
  // Findings of 'unit' rules per YAML document and per Go function (see RuleCache).
  let ruleCache = createRuleCache();
  let held = 0;
  let fresh = true;
  // The file and options of a first lint that left the rule cache to `prime()`.
  let unprimed: { file: ParsedFile; options: ResolvedOptions } | undefined;
  const reset = () => {
    held = 0;
    fresh = true;
    unprimed = undefined;
    ruleCache = createRuleCache();
    props = undefined;
    yaml = [];
    go = undefined;
    spring = new WeakMap();
    strimzi = new WeakMap();
    kinds = new WeakMap();
  };
  const strimziOfDoc: StrimziDocReader = (text, doc, docIndex) => {
    const at = (doc as { range?: number[] }).range?.[0];
    const cached = strimzi.get(doc);
    if (cached && at !== undefined) {
      if (cached.at === at && cached.docIndex === docIndex) return cached.read;
      if (cached.read) moveStrimziDoc(cached.read, (cached.spans ??= unitSpans(cached.read.unit ? [cached.read.unit] : [])), at - cached.at, docIndex);
      cached.at = at;
      cached.docIndex = docIndex;
      return cached.read;
    }
    const read = readStrimziDoc(text, doc, docIndex);
    if (at !== undefined) strimzi.set(doc, { read, at, docIndex });
    return read;
  };
  const kindOfDoc = (text: string, doc: YamlDoc) => {
    let k = kinds.get(doc);
    if (k === undefined) {
      k = classifyDoc(text, doc);
      kinds.set(doc, k);
    }
    return k;
  };
  const readers: DocReaders = { spring: (...a) => springOfDoc(...a), strimzi: strimziOfDoc, kind: kindOfDoc };
  const springOfDoc: SpringDocReader = (text, doc, docIndex, fileProfile) => {
    const at = (doc as { range?: number[] }).range?.[0];
    const cached = spring.get(doc);
    if (cached && at !== undefined) {
      if (cached.at === at && cached.docIndex === docIndex) return cached.units;
      moveSpringUnits(cached.units, (cached.spans ??= unitSpans(cached.units)), at - cached.at, docIndex);
      cached.at = at;
      cached.docIndex = docIndex;
      return cached.units;
    }
    const units = extractSpringDoc(text, doc, docIndex, fileProfile);
    if (at !== undefined) spring.set(doc, { units, at, docIndex });
    return units;
  };

  function releaseYamlNodes(): void {
    for (const c of yaml) if (c.fast) releaseNodes(c, kinds);
  }

  function parse(text: string, path: string, languageId: string | undefined, goPackage: GoSibling[] | undefined): ParsedFile | undefined {
    const format = detectFormat(path, languageId);
    const k = `${format}\u0000${path}`;
    if (k !== key) {
      reset();
      key = k;
    }
    switch (format) {
      case undefined:
        return undefined;
      case 'properties': {
        try {
          props = props ? rescanProperties(props, text) : scanPropertiesState(text);
        } catch {
          props = undefined;
          return { path, text, format: 'properties', units: [], errors: [], comments: [], eol: '\n' };
        }
        return propertiesFileFrom(text, path, props.scan);
      }
      case 'yaml': {
        const r = parseYamlChunks(text, path, yaml, readers);
        yaml = r.chunks;
        return r.file;
      }
      case 'go': {
        const r = parseGoIncremental(text, path, go, goPackage);
        go = r.state;
        return r.file;
      }
    }
  }

  return {
    lint(text, path, options, languageId, springBase, readEnvFile, goPackage) {
      unprimed = undefined;
      const skipped = skipReason(text, options.locale);
      if (skipped) {
        reset();
        return { findings: [], skipped, ruleErrors: [] };
      }
      let file: ParsedFile | undefined;
      let first = false;
      try {
        const kept = !!(props || yaml.length || go);
        file = parse(text, path, languageId, goPackage);
        // (after the parse: its first reset for a new document would say fresh again)
        first = fresh;
        fresh = false;
        if (file) {
          linkSpring(file, springBase);
          linkEnvFiles(file, readEnvFile);
        }
        held = kept && (props || yaml.length || go) ? held + 1 : 0;
      } catch (e) {
        reset();
        return { findings: [], ruleErrors: [{ ruleId: 'parser', message: String((e as Error)?.stack ?? e) }] };
      }
      if (!file) return { findings: [], ruleErrors: [] };
      const cached = file.format === 'yaml' || file.format === 'go';
      if (cached && first && text.length >= DEFER_CACHE_CHARS) {
        // (The YAML nodes are let go once the cache is filled: its rules may edit with them.)
        unprimed = { file, options };
        return lintParsed(file, options, rules);
      }
      const result = lintParsed(file, options, rules, cached ? ruleCache : undefined);
      releaseYamlNodes();
      return result;
    },
    get unprimed() {
      return unprimed !== undefined;
    },
    prime() {
      const p = unprimed;
      if (!p) return;
      unprimed = undefined;
      fillRuleCache(p.file, p.options, rules, ruleCache);
      releaseYamlNodes();
    },
    get heldVersions() {
      return held;
    },
    get fresh() {
      return fresh;
    },
    reset,
  };
}

// ---- YAML ----

interface YamlChunk {
  /** The piece of text, from a `---` line (or the start) to the next one. */
  text: string;
  /** Its offset in the text it was last part of; `stream` offsets are absolute for it. */
  start: number;
  stream: YamlStream;
  /** Read by the fast reader, which reads `text` alone the same way: its documents' nodes can be
   *  let go between lints and read again when needed (releaseNodes). */
  fast: boolean;
}

// ---- YAML nodes between lints ----
//
// What a lint keeps of a YAML document it reuses is what was read from it (Spring units, the
// Strimzi resource, its kind: all offsets and strings, no nodes) and the document object itself,
// the key those are kept under. Its nodes, about half of what a large Spring or Strimzi file
// holds, are needed again only when a fix edits its structure (inserting or removing an entry):
// after each lint the documents of pieces the fast reader read let their nodes go, and give them
// back, read again from the piece's text and moved to the document's offset, on first use
// (they are kept until the end of that lint). Compose, Kubernetes workload, ConfigMap and Confluent
// for Kubernetes documents keep theirs: they are read on every lint (and units point into them).

const released = new WeakSet<YamlDoc>();

/** How many documents had their nodes read again (for tests: an edit reads only those it must). */
export const yamlNodeRereads = { count: 0 };

function keepContents(doc: YamlDoc, contents: unknown): void {
  Object.defineProperty(doc, 'contents', { value: contents, writable: true, enumerable: true, configurable: true });
  released.delete(doc);
}

function releaseNodes(c: YamlChunk, kinds: WeakMap<YamlDoc, ReturnType<typeof classifyDoc>>): void {
  c.stream.docs.forEach((doc, i) => {
    if (released.has(doc) || kinds.get(doc) === 'compose' || kinds.get(doc) === 'workload' || kinds.get(doc) === 'configmap' || kinds.get(doc) === 'cfk') return;
    forgetAnchors(doc);
    Object.defineProperty(doc, 'contents', {
      enumerable: true,
      configurable: true,
      get() {
        yamlNodeRereads.count++;
        const again = readYamlFast(c.text)?.docs[i];
        // (the same text the fast reader read before: it cannot decline now)
        if (!again) throw new Error('internal error: a YAML document could not be read again');
        shiftDoc(again, (doc.range?.[0] ?? 0) - (again.range?.[0] ?? 0));
        keepContents(doc, again.contents);
        return again.contents;
      },
      set(v: unknown) {
        keepContents(doc, v);
      },
    });
    released.add(doc);
  });
}

/** Texts whose documents cannot be told apart by `---` lines alone. */
function unsafeToCut(text: string): boolean {
  if (text.startsWith('%') || text.indexOf('\n%') >= 0 || text.indexOf('\uFEFF', 1) >= 0) return true;
  // A lone CR (not followed by LF).
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** Offsets where a piece starts: 0 and every `---` line at column 0 (followed by a blank or the end). */
function cutPoints(text: string): number[] {
  const cuts = [0];
  let i = text.indexOf('\n---');
  while (i >= 0) {
    const at = i + 1;
    const c = text.charCodeAt(at + 3);
    // After `---`: end of text, space, tab, LF or CR, as the yaml lexer's isEmpty.
    if (Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13) cuts.push(at);
    i = text.indexOf('\n---', at);
  }
  return cuts;
}

interface DocReaders {
  spring: SpringDocReader;
  strimzi: StrimziDocReader;
  kind: (text: string, doc: YamlDoc) => ReturnType<typeof classifyDoc>;
}

function parseYamlChunks(text: string, path: string, previous: YamlChunk[], readers: DocReaders): { file: ParsedFile; chunks: YamlChunk[] } {
  if (!mentionsKafka(text) || unsafeToCut(text)) return { file: parseYaml(text, path), chunks: [] };
  const cuts = cutPoints(text);
  if (cuts.length === 1) return { file: parseYaml(text, path), chunks: [] };
  const pool = new Map<string, YamlChunk[]>();
  for (const c of previous) {
    const list = pool.get(c.text);
    if (list) list.push(c);
    else pool.set(c.text, [c]);
  }
  const chunks: YamlChunk[] = [];
  for (let i = 0; i < cuts.length; ) {
    const start = cuts[i];
    for (let j = i + 1; ; j++) {
      // After a few pieces that each end broken, take the rest of the text in one.
      if (j - i > 3) j = cuts.length;
      const end = j < cuts.length ? cuts[j] : text.length;
      const piece = text.slice(start, end);
      let stream: YamlStream;
      let isFast = true;
      const reused = pool.get(piece)?.pop();
      if (reused && start > 0 && reused.stream.lead) return { file: parseYaml(text, path), chunks: [] };
      if (reused) {
        shiftStream(reused.stream, start - reused.start);
        stream = reused.stream;
      } else {
        // Plain block YAML is read in place (offsets into the whole text); anything else by the
        // yaml package on the piece, then moved.
        const fast = readYamlFast(text, start, end);
        if (fast) stream = fast;
        else {
          isFast = false;
          stream = composeYamlStream(piece);
          // Whatever the piece cannot say on its own, the whole stream must.
          if (stream.failure !== undefined || (!stream.docs.length && stream.streamErrors.length) || (start > 0 && stream.lead)) {
            return { file: parseYaml(text, path), chunks: [] };
          }
          shiftStream(stream, start);
        }
      }
      // A piece whose last document is broken may end inside a flow collection or a quoted
      // scalar, which the next `---` line cuts short (with errors of its own) in the whole
      // stream: read on to the next cut.
      const last = stream.docs[stream.docs.length - 1];
      if (j >= cuts.length || !last || !brokenYaml(last)) {
        chunks.push({ text: piece, start, stream, fast: reused ? reused.fast : isFast });
        i = j;
        break;
      }
    }
  }
  const docs: YamlDoc[] = [];
  const comments: Comment[] = [];
  for (const c of chunks) {
    docs.push(...c.stream.docs);
    comments.push(...c.stream.comments);
  }
  if (!docs.length) return { file: parseYaml(text, path), chunks: [] };
  return { file: yamlFileFrom(text, path, { docs, comments, streamErrors: [] }, readers.spring, readers.strimzi, readers.kind), chunks };
}

function shiftStream(s: YamlStream, d: number): void {
  if (!d) return;
  for (const doc of s.docs) shiftDoc(doc, d);
  for (const c of s.comments) c.span = { start: c.span.start + d, end: c.span.end + d };
  for (const e of s.streamErrors) e.span = { start: e.span.start + d, end: e.span.end + d };
}

type Ranged = { range?: [number, number, number] | null };

/** Moves a node's range (every node has its own range array, in both readers). */
function shiftRange(n: Ranged, d: number): void {
  const r = n.range;
  if (r) {
    r[0] += d;
    r[1] += d;
    r[2] += d;
    // (A fast reader's scalar hands out a copy of its range and stores what is assigned.)
    n.range = r;
  }
}

/** Move every offset of a composed document by d (a document whose nodes were let go has only its own). */
function shiftDoc(doc: Document.Parsed, d: number): void {
  shiftRange(doc as unknown as Ranged, d);
  for (const e of [...doc.errors, ...doc.warnings]) e.pos = [e.pos[0] + d, e.pos[1] + d];
  if (released.has(doc)) return;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const x = stack.pop();
    if (!x || typeof x !== 'object') continue;
    if (isPair(x)) {
      stack.push(x.key, x.value);
      continue;
    }
    shiftRange(x as Ranged, d);
    if (isMap(x) || isSeq(x)) for (const it of (x as { items: unknown[] }).items) stack.push(it);
  }
}
