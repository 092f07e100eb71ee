// Incremental Go (sarama) parsing for the per-document linter (engine/incremental.ts).
//
// Pieces: the text is cut before every line that starts a top-level function (`func` at column
// 0 followed by a space, tab or `(`). Each piece is lexed and parsed on its own (go.ts
// parsePiece) and reused, offsets relative to it, while its text is unchanged. A piece stands on
// its own when the whole file's lexer and parser would be between two declarations where it
// ends: no raw string or block comment runs past its end, and its parser reported nothing at,
// and recovered nothing into, its end (an unclosed brace, say). Otherwise it is read together
// with the next piece(s). Parser errors are capped per file (MAX_ERRORS); when the pieces hold
// that many, the file is parsed whole.
//
// Analysis: functions are independent except where the sarama analysis links them (helpers
// returning a config, package-level names, recursion). When the edited pieces hold only
// functions that no call resolves to, that neither return a config nor touch package-level
// names, and the pieces declare the same functions as before (and no imports or top-level
// variables), only those functions are analysed again; every other case analyses the whole
// file again (on the reused syntax trees). Units are then built from all configs, as a fresh
// parseGo builds them. test/engine/incremental.test.ts checks that the result equals a fresh lint.

import type { Comment, ParseError, ParsedFile, Span } from '../model.js';
import { sameItems } from '../model.js';
import { packageFiles, type GoSibling, type PackageContext } from './goPackage.js';
import {
  Analyzer,
  buildUnits,
  eolCounts,
  hasOriginTies,
  importsOf,
  ImportUses,
  keepGoShapes,
  MAX_ERRORS,
  parseGo,
  packageImports,
  parsePiece,
  sortConfigs,
  withWriters,
  type ConfigVar,
  type FuncInfo,
  type GoPiece,
  type UnitCache,
} from './go.js';
import { kafkaGoUnits } from './kafkaGo.js';
import { confluentGoUnits } from './confluentGo.js';

interface Chunk {
  text: string;
  first: boolean;
  piece: GoPiece;
  eol: { crlf: number; lf: number };
  /** Comments and errors in file offsets, for the start they were placed at. */
  placed?: { at: number; comments: Comment[]; errors: ParseError[] };
}

/** How often each analysis path ran (for tests: the partial path must be taken where it should). */
export const goAnalysisCounts = { partial: 0, full: 0 };

export interface GoState {
  chunks: Chunk[];
  analysis?: { analyzer: Analyzer; key: string; pkg: PackageContext };
  /** Units as last built, per config (reused with their offsets moved while the config is). */
  units: UnitCache;
}

/** Whether a piece starts at `at`: the start of a line that starts with `func` and a space, tab or `(`. */
function isCutAt(text: string, at: number): boolean {
  if (at <= 0 || text.charCodeAt(at - 1) !== 10 || !text.startsWith('func', at)) return false;
  const c = text.charCodeAt(at + 4);
  return c === 32 || c === 9 || c === 40;
}

/** The first place after `after` where a piece starts, or the end of the text. */
function nextCut(text: string, after: number): number {
  for (let i = text.indexOf('\nfunc', after); i >= 0; i = text.indexOf('\nfunc', i + 5)) {
    if (isCutAt(text, i + 1)) return i + 1;
  }
  return text.length;
}

const shift = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

function place(c: Chunk, at: number): { comments: Comment[]; errors: ParseError[] } {
  if (c.placed?.at === at) return c.placed;
  const comments = c.piece.comments.map((x) => ({ span: shift(x.span, at), text: x.text, ownLine: x.ownLine }));
  const errors = c.piece.errors.map((e) => ({ ...e, span: shift(e.span, at) }));
  c.placed = { at, comments, errors };
  return c.placed;
}

function takeFrom(pool: Map<string, Chunk[]>, text: string): Chunk | undefined {
  return pool.get(text)?.pop();
}

export function parseGoIncremental(text: string, path: string, prev: GoState | undefined, siblings?: readonly GoSibling[]): { file: ParsedFile; state: GoState | undefined } {
  keepGoShapes();
  const old = prev?.chunks ?? [];
  // Pieces before and after the edit are kept without looking them up: a piece is kept when its
  // text is where it was (counted from the start, or from the end) and the same cuts bound it.
  let head = 0;
  let pos = 0;
  // (The last piece ended at the end of the text, not at a cut, maybe still open: never kept here.)
  while (head < old.length - 1) {
    const c = old[head];
    const end = pos + c.text.length;
    // (slice and compare: much faster than startsWith on a text built by concatenation)
    if (end >= text.length || text.slice(pos, end) !== c.text || !isCutAt(text, end)) break;
    head++;
    pos = end;
  }
  const tailStart = new Map<number, number>();
  let tail = old.length;
  for (let end = text.length; tail > head; ) {
    const c = old[tail - 1];
    const start = end - c.text.length;
    if (start < pos || text.slice(start, end) !== c.text || (start === 0 ? !c.first : c.first || !isCutAt(text, start))) break;
    tail--;
    tailStart.set(start, tail);
    end = start;
  }
  const firstPool = new Map<string, Chunk[]>();
  const pool = new Map<string, Chunk[]>();
  for (let k = head; k < tail; k++) {
    const c = old[k];
    const m = c.first ? firstPool : pool;
    const list = m.get(c.text);
    if (list) list.push(c);
    else m.set(c.text, [c]);
  }
  const chunks: Chunk[] = old.slice(0, head);
  let errorCount = 0;
  for (const c of chunks) errorCount += c.piece.errors.length;
  while (pos < text.length || (pos === 0 && !chunks.length)) {
    const t = tailStart.get(pos);
    if (t !== undefined) {
      for (let k = t; k < old.length; k++) {
        const c = old[k];
        c.piece.ref.start = pos;
        pos += c.text.length;
        chunks.push(c);
        errorCount += c.piece.errors.length;
      }
      break;
    }
    const first = pos === 0;
    let end = pos;
    for (let n = 1; ; n++) {
      // After a few pieces that each end open, take the rest of the text in one.
      end = n > 4 ? text.length : nextCut(text, end);
      const piece = text.slice(pos, end);
      let chunk = takeFrom(first ? firstPool : pool, piece);
      if (!chunk) chunk = { text: piece, first, piece: parsePiece(piece, first), eol: eolCounts(piece) };
      if (end >= text.length || chunk.piece.clean) {
        chunk.piece.ref.start = pos;
        chunks.push(chunk);
        errorCount += chunk.piece.errors.length;
        pos = end;
        break;
      }
    }
  }
  // The parser's error cap counts the whole file: near it, pieces could differ from the whole.
  if (errorCount >= MAX_ERRORS) return { file: parseGo(text, path, undefined, siblings), state: undefined };

  const comments: Comment[] = [];
  const errors: ParseError[] = [];
  let crlf = 0;
  let lf = 0;
  for (const c of chunks) {
    const p = place(c, c.piece.ref.start);
    for (const x of p.comments) comments.push(x);
    for (const x of p.errors) errors.push(x);
    crlf += c.eol.crlf;
    lf += c.eol.lf;
  }
  const file: ParsedFile = { path, text, format: 'go', units: [], errors, comments, eol: crlf > lf ? '\r\n' : '\n' };
  const state: GoState = { chunks, units: prev?.units ?? new WeakMap() };
  const imports = importsOf(chunks.flatMap((c) => c.piece.file.imports));
  const files = chunks.map((c) => c.piece.file);
  const writers = [...kafkaGoUnits(files, text), ...confluentGoUnits(files, text)];
  if (!imports.aliases.size && !imports.dot) {
    file.units = withWriters([], writers);
    return { file, state };
  }

  const key = `${[...imports.aliases].join(',')}\u0000${imports.dot}\u0000${imports.timeAlias ?? ''}`;
  // The other files of the package read with this one: the same objects while their text is.
  const pkg = packageFiles(path, chunks.map((c) => c.piece.file), siblings);
  let configs: ConfigVar[] | undefined;
  let analyzer: Analyzer | undefined;
  try {
    if (prev?.analysis && prev.analysis.key === key && sameItems(prev.analysis.pkg.files, pkg.files) && sameItems([...prev.analysis.pkg.eager], [...pkg.eager])) {
      analyzer = prev.analysis.analyzer;
      configs = reanalyse(analyzer, prev.chunks, chunks);
      if (configs) goAnalysisCounts.partial++;
    }
    if (!configs) {
      analyzer = new Analyzer([...chunks.map((c) => c.piece.file), ...pkg.files.map((f) => f.file)], ...packageImports(imports, pkg.files), pkg.eager);
      analyzer.run();
      configs = sortConfigs(analyzer.configs);
      goAnalysisCounts.full++;
    }
  } catch (e) {
    file.errors.push({ message: `internal analysis error: ${(e as Error)?.message ?? e}`, span: { start: 0, end: 0 } });
    return { file, state };
  }
  state.analysis = { analyzer: analyzer!, key, pkg };
  const alias = imports.aliases.size ? [...imports.aliases][0] : '';
  const importUses = new ImportUses(
    chunks.map((c) => c.piece),
    imports.importNames,
  );
  file.units = withWriters(buildUnits(configs, text, comments, alias, imports.timeAlias, importUses, state.units, path), writers);
  return { file, state };
}

/**
 * Analyse again only the functions of the pieces that changed, when that gives what a full
 * analysis gives (see the file comment). Returns the sorted configs, or undefined when the whole
 * file must be analysed (the analyser may then be half updated: it is not used again).
 */
function reanalyse(analyzer: Analyzer, old: Chunk[], now: Chunk[]): ConfigVar[] | undefined {
  if (analyzer.pkgWritten || analyzer.cyclic || old.length !== now.length || old[0] !== now[0]) return undefined;
  const infoOf = new Map<unknown, FuncInfo>();
  for (const f of analyzer.infos) infoOf.set(f.decl, f);
  const changes: { old: FuncInfo[]; chunk: Chunk }[] = [];
  const before = new Set(old);
  for (let i = 1; i < now.length; i++) {
    if (old[i] === now[i]) continue;
    // A piece reused from elsewhere (same text as another) keeps syntax nodes the analyser has seen.
    if (before.has(now[i])) return undefined;
    const a = old[i].piece.file;
    const b = now[i].piece.file;
    if (a.vars.length || b.vars.length || a.imports.length || b.imports.length) return undefined;
    if (!a.funcs.length || a.funcs.length !== b.funcs.length) return undefined;
    const infos: FuncInfo[] = [];
    for (let k = 0; k < a.funcs.length; k++) {
      const f = infoOf.get(a.funcs[k]);
      if (!f || f.sharesState || f.returns || f.called || f.decl.name === 'init') return undefined;
      if (a.funcs[k].name !== b.funcs[k].name || a.funcs[k].recv !== b.funcs[k].recv) return undefined;
      infos.push(f);
    }
    changes.push({ old: infos, chunk: now[i] });
  }
  for (const c of changes) if (!analyzer.replaceFuncs(c.old, c.chunk.piece.file.funcs)) return undefined;
  const all: ConfigVar[] = [...analyzer.varCvs];
  for (const f of analyzer.infos) for (const cv of f.cvs) all.push(cv);
  const sorted = sortConfigs(all);
  if (hasOriginTies(sorted)) return undefined;
  analyzer.configs = all;
  return sorted;
}
