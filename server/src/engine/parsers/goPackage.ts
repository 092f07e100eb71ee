// The other files of a Go package, as context for the file being linted.
//
// A package is analysed as one program by the Go compiler: a helper in `config.go` that returns a
// `*sarama.Config`, or a function in `producer.go` that takes one and passes it to
// `sarama.NewSyncProducer`, is called from `main.go` without an import. The analyser (go.ts) is
// given the files of the package beside the one being linted: their functions and package-level
// variables resolve calls made here, and what they set on a config of this file counts for it as
// inherited settings (judged, reported and fixed in the file that writes them: a finding at one of
// their places is dropped here, as for Spring Boot base files). Configs those files build are
// their own units, not this file's, except a package variable this file sets or passes to a
// constructor (`UnitFacts.sharedAcrossFiles`): then the files that also use that variable are read
// too.
//
// Which files: those the caller passes (the other `.go` files of the folder: `LintInput.goPackage`)
// that name the same package, import sarama and are read whole; `_test.go` files only for a test
// file (the package's tests see its other files, never the reverse). Build constraints are not
// read: two files for different platforms that define the same function give the linted file's
// own, then the first in the caller's order.

import type { ChunkRef, GoFile } from './go.js';
import { importsOf, parsePiece, type GoImports } from './go.js';

export interface GoSibling {
  path: string;
  text: string;
}

export interface PackageFile {
  path: string;
  file: GoFile;
  imports: GoImports;
}

/** A file of the folder before it is parsed: what decides whether it is read with the linted file. */
interface Candidate {
  path: string;
  text: string;
  /** Top-level names it declares that can carry a config (`declaredIn`). */
  declares: string[];
  /** The package variables among them. */
  vars: string[];
  /** Every word of its text (identifiers, and words of comments and strings: a superset is enough). */
  words: Set<string>;
  /** Parsed once it is read with a file (null: no package clause or no sarama import after all). */
  parsed?: PackageFile | null;
}

/** The files of a package read with a file, and those of them whose functions are analysed whether or not it calls them. */
export interface PackageContext {
  files: PackageFile[];
  /** Files that name a function or variable of the linted file: they may call its helpers. */
  eager: Set<ChunkRef>;
}

/** At most this many files of the package, and this much text in all, are read as context. */
export const MAX_PACKAGE_FILES = 64;
export const MAX_PACKAGE_TEXT = 16 * 1024 * 1024;

// Files as last read, by path, least recently used first (a large folder is read once per
// command-line run while its files are linted; an editor keeps the files beside the one typed in).
const read = new Map<string, Candidate>();
let readChars = 0;
const MAX_READ_CHARS = 32 * 1024 * 1024;

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;
/** How many files deep names are followed from the linted file. */
const MAX_DEPTH = 3;

function wordsOf(text: string): Set<string> {
  return new Set(text.match(WORD) ?? []);
}

/**
 * The top-level names a file declares that can carry a config from one file to another, read from
 * its text (the file is parsed only once some linted file needs it): functions whose signature, up
 * to its `{` on the same line, names a `Config` (a helper returning `*sarama.Config`, a function
 * taking one), and package variables whose line does (`var cfg = sarama.NewConfig()`, or a line
 * of a `var (...)` block).
 */
function declaredIn(text: string): { declares: string[]; vars: string[] } {
  const vars: string[] = [];
  for (const m of text.matchAll(VAR_LINE)) vars.push(m[1]);
  for (const block of text.matchAll(VAR_BLOCK)) for (const m of block[1].matchAll(BLOCK_LINE)) vars.push(m[1]);
  const declares: string[] = [];
  for (const m of text.matchAll(FUNC_LINE)) if (m[0].includes('Config')) declares.push(m[1]);
  return { declares: declares.concat(vars), vars };
}
const FUNC_LINE = /^func[ \t]*(?:\([^)\n]*\)[ \t]*)?([A-Za-z_]\w*)[^{\n]*/gm;
const VAR_LINE = /^var[ \t]+([A-Za-z_]\w*)[^\n]*Config/gm;
const VAR_BLOCK = /^var[ \t]*\(([^]*?)^\)/gm;
const BLOCK_LINE = /^[ \t]+([A-Za-z_]\w*)[^\n]*Config/gm;

/** The same names, from a parsed file (the linted one). */
function declaredBy(file: GoFile): string[] {
  const text = file.chunk.text;
  const names: string[] = [];
  for (const f of file.funcs) if (text.slice(f.start, f.body ? f.body.start : f.end).includes('Config')) names.push(f.name);
  for (const v of file.vars) {
    if (v.k !== 'var' || !text.slice(v.start, v.end).includes('Config')) continue;
    for (const spec of v.specs) for (const n of spec.names) names.push(n.name);
  }
  return names;
}

function candidate(s: GoSibling): Candidate | null {
  const cached = read.get(s.path);
  if (cached && cached.text === s.text) {
    read.delete(s.path);
    read.set(s.path, cached);
    return cached;
  }
  if (cached) {
    read.delete(s.path);
    readChars -= cached.text.length;
  }
  if (s.text.includes('\u0000')) return null;
  const c: Candidate = { path: s.path, text: s.text, ...declaredIn(s.text), words: wordsOf(s.text) };
  read.set(s.path, c);
  readChars += s.text.length;
  for (const [p, old] of read) {
    if (readChars <= MAX_READ_CHARS) break;
    read.delete(p);
    readChars -= old.text.length;
  }
  return c;
}

function parsed(c: Candidate): PackageFile | null {
  if (c.parsed === undefined) {
    const piece = parsePiece(c.text, true);
    piece.ref.path = c.path;
    const imports = importsOf(piece.file.imports);
    c.parsed = imports.aliases.size || imports.dot ? { path: c.path, file: piece.file, imports } : null;
  }
  return c.parsed;
}

const isTest = (p: string) => /_test\.go$/i.test(p);

// The words of each piece of a linted file (an editor's pieces are kept between keystrokes).
const pieceWords = new WeakMap<ChunkRef, Set<string>>();

/**
 * The files of `siblings` that are context for the file at `path` (its pieces `own`, see above):
 * those of its package that declare a name it uses, and so on from theirs (MAX_DEPTH files deep),
 * or that use a name it declares; at most MAX_PACKAGE_FILES, nearest first, in the caller's
 * order. The same objects while their text is the same.
 */
export function packageFiles(path: string, own: readonly GoFile[], siblings: readonly GoSibling[] | undefined): PackageContext {
  const pkg = own[0]?.pkg;
  const none: PackageContext = { files: [], eager: new Set() };
  if (!siblings?.length || pkg === undefined) return none;
  const test = isTest(path);
  const candidates: Candidate[] = [];
  let total = 0;
  for (const s of siblings) {
    if (s.path === path || !/\.go$/i.test(s.path) || (isTest(s.path) && !test)) continue;
    if (total + s.text.length > MAX_PACKAGE_TEXT) break;
    const c = candidate(s);
    if (!c) continue;
    candidates.push(c);
    total += s.text.length;
  }
  if (!candidates.length) return none;
  const ownWords = own.map((f) => {
    let w = pieceWords.get(f.chunk);
    if (!w) pieceWords.set(f.chunk, (w = wordsOf(f.chunk.text)));
    return w;
  });
  const ownDeclares = own.flatMap((f) => declaredBy(f).filter((n) => n !== 'init' && n !== '_'));
  const taken = new Map<Candidate, PackageFile>();
  const eager = new Set<ChunkRef>();
  // Breadth first from this file, a few files deep (a helper calling a helper of a third file):
  // the words of whole files stand for what their functions call, which over-approximates.
  let frontier = ownWords;
  for (let depth = 0; depth < MAX_DEPTH && frontier.length && taken.size < MAX_PACKAGE_FILES; depth++) {
    const next: Set<string>[] = [];
    for (const c of candidates) {
      if (taken.has(c) || taken.size >= MAX_PACKAGE_FILES) continue;
      const callsOurs = depth === 0 && ownDeclares.some((n) => c.words.has(n));
      const declaresUsed = c.declares.some((n) => n !== 'init' && frontier.some((w) => w.has(n)));
      if (!callsOurs && !declaresUsed) continue;
      const f = parsed(c);
      if (!f || f.file.pkg !== pkg) continue;
      taken.set(c, f);
      if (callsOurs) eager.add(f.file.chunk);
      if (declaresUsed) next.push(c.words);
    }
    frontier = next;
  }
  // A package variable of another file that this file uses is one config wherever it is set: the
  // files that also use it set it too (in functions this file may never call), as they do for the
  // file that declares it.
  const shared = new Set<string>();
  for (const c of taken.keys()) for (const n of c.vars) if (ownWords.some((w) => w.has(n))) shared.add(n);
  if (shared.size) {
    for (const c of candidates) {
      if (taken.size >= MAX_PACKAGE_FILES && !taken.has(c)) continue;
      if (![...shared].some((n) => c.words.has(n))) continue;
      const f = taken.get(c) ?? parsed(c);
      if (!f || f.file.pkg !== pkg) continue;
      taken.set(c, f);
      eager.add(f.file.chunk);
    }
  }
  return { files: [...taken.values()], eager };
}
