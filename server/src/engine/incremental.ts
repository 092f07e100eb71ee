// Incremental linting for an editor: one linter per open document keeps what it parsed and, on
// the next version of the text, parses again only what the edit touched.
//   - .properties: logical lines are independent; the scan restarts at a line boundary before
//     the edit and stops at the first boundary after it where the old and new texts agree.
//   - YAML: documents are independent; the text is cut at `---` lines at column 0 (the lexer of
//     the `yaml` package ends every construct there: quoted, block and plain scalars, flow
//     collections), each piece is parsed on its own and reused while its text is unchanged, its
//     offsets shifted. Texts the cut could misread (directives, lone CRs, a BOM past the start)
//     are parsed whole.
//   - Go: parsed whole on every call for now. Functions are nearly independent, but the sarama
//     analysis follows configs across functions (helpers, package variables), so reusing a
//     function needs dependency tracking that is not written yet.
// Everything after the parse (surface readers, cross-document facts such as Strimzi broker counts
// and Spring profiles, rules, suppressions) runs on the whole file every time, so the rules see
// exactly the model a fresh `lint()` builds: test/engine/incremental.test.ts checks that.

import { isMap, isPair, isSeq, type Document } from 'yaml';
import type { Comment, ConfigUnit, ParsedFile } from './model.js';
import { detectFormat, lintParsed, skipReason, type LintResult } from './index.js';
import type { ResolvedOptions } from './options.js';
import type { Rule } from './rule.js';
import { allRules } from './rules/index.js';
import {
  propertiesFileFrom,
  rescanProperties,
  scanPropertiesState,
  type PropertiesScanState,
} from './parsers/properties.js';
import { mentionsKafka, parseYaml, readYamlStream, yamlFileFrom, type SpringDocReader, type YamlStream } from './parsers/yaml.js';
import { extractSpringDoc, moveSpringUnits } from './parsers/springYaml.js';
import { parseGo } from './parsers/go.js';
import type { YamlDoc } from './parsers/yamlCommon.js';

export interface DocumentLinter {
  /**
   * Lint the current text of the document; same result as `lint({ text, path, languageId },
   * options)`. The returned file shares parse data with the linter: it describes this text until
   * the next call.
   */
  lint(text: string, path: string, options: ResolvedOptions, languageId?: string): LintResult;
}

export function createDocumentLinter(rules: Rule[] = allRules): DocumentLinter {
  let key: string | undefined;
  let props: PropertiesScanState | undefined;
  let yaml: YamlChunk[] = [];
  // Spring units of each document as last read, with the offset and index they were read at.
  let spring = new WeakMap<YamlDoc, { units: ConfigUnit[]; at: number; docIndex: number }>();
  const reset = () => {
    props = undefined;
    yaml = [];
    spring = new WeakMap();
  };
  const springOfDoc: SpringDocReader = (text, doc, docIndex, fileProfile) => {
    const at = (doc as { range?: number[] }).range?.[0];
    const cached = spring.get(doc);
    if (cached && at !== undefined) {
      if (cached.at === at && cached.docIndex === docIndex) return cached.units;
      const units = moveSpringUnits(cached.units, at - cached.at, docIndex);
      spring.set(doc, { units, at, docIndex });
      return units;
    }
    const units = extractSpringDoc(text, doc, docIndex, fileProfile);
    if (at !== undefined) spring.set(doc, { units, at, docIndex });
    return units;
  };

  function parse(text: string, path: string, languageId: string | undefined): ParsedFile | undefined {
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
        const r = parseYamlChunks(text, path, yaml, springOfDoc);
        yaml = r.chunks;
        return r.file;
      }
      case 'go':
        // Not incremental yet: the whole file is lexed, parsed and analysed again (see docs/bench.md).
        return parseGo(text, path);
    }
  }

  return {
    lint(text, path, options, languageId) {
      const skipped = skipReason(text);
      if (skipped) {
        reset();
        return { findings: [], skipped, ruleErrors: [] };
      }
      let file: ParsedFile | undefined;
      try {
        file = parse(text, path, languageId);
      } catch (e) {
        reset();
        return { findings: [], ruleErrors: [{ ruleId: 'parser', message: String((e as Error)?.stack ?? e) }] };
      }
      if (!file) return { findings: [], ruleErrors: [] };
      return lintParsed(file, options, rules);
    },
  };
}

// ---- YAML ----

interface YamlChunk {
  /** The piece of text, from a `---` line (or the start) to the next one. */
  text: string;
  /** Its offset in the text it was last part of; `stream` offsets are absolute for it. */
  start: number;
  stream: YamlStream;
}

/** Texts whose documents cannot be told apart by `---` lines alone. */
function unsafeToCut(text: string): boolean {
  return /(^|\n)%/.test(text) || /\r(?!\n)/.test(text) || text.indexOf('\uFEFF', 1) >= 0;
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

function parseYamlChunks(text: string, path: string, previous: YamlChunk[], springOfDoc: SpringDocReader): { file: ParsedFile; chunks: YamlChunk[] } {
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
      const reused = pool.get(piece)?.pop();
      if (reused) {
        shiftStream(reused.stream, start - reused.start);
        stream = reused.stream;
      } else {
        stream = readYamlStream(piece);
        // Whatever the piece cannot say on its own, the whole stream must.
        if (stream.failure !== undefined || (!stream.docs.length && stream.streamErrors.length)) {
          return { file: parseYaml(text, path), chunks: [] };
        }
        shiftStream(stream, start);
      }
      // A piece whose last document is broken may end inside a flow collection or a quoted
      // scalar, which the next `---` line cuts short (with errors of its own) in the whole
      // stream: read on to the next cut.
      const last = stream.docs[stream.docs.length - 1];
      if (j >= cuts.length || !last || !last.errors.length) {
        chunks.push({ text: piece, start, stream });
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
  return { file: yamlFileFrom(text, path, { docs, comments, streamErrors: [] }, springOfDoc), chunks };
}

function shiftStream(s: YamlStream, d: number): void {
  if (!d) return;
  for (const doc of s.docs) shiftDoc(doc, d);
  for (const c of s.comments) c.span = { start: c.span.start + d, end: c.span.end + d };
  for (const e of s.streamErrors) e.span = { start: e.span.start + d, end: e.span.end + d };
}

type Ranged = { range?: [number, number, number] | null };

function shiftRange(n: Ranged, d: number): void {
  const r = n.range;
  if (r) n.range = [r[0] + d, r[1] + d, r[2] + d];
}

/** Move every offset of a composed document by d. */
function shiftDoc(doc: Document.Parsed, d: number): void {
  shiftRange(doc as unknown as Ranged, d);
  for (const e of [...doc.errors, ...doc.warnings]) e.pos = [e.pos[0] + d, e.pos[1] + d];
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
