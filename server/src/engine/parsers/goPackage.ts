// The other files of a Go package, as context for the file being linted.
//
// A package is analysed as one program by the Go compiler: a helper in `config.go` that returns a
// `*sarama.Config`, or a function in `producer.go` that takes one and passes it to
// `sarama.NewSyncProducer`, is called from `main.go` without an import. The analyser (go.ts) is
// given the files of the package beside the one being linted: their functions and package-level
// variables resolve calls made here, and what they set on a config of this file counts for it as
// inherited settings (judged, reported and fixed in the file that writes them: a finding at one of
// their places is dropped here, as for Spring Boot base files). Configs those files build are
// their own units, not this file's.
//
// Which files: those the caller passes (the other `.go` files of the folder: `LintInput.goPackage`)
// that name the same package, import sarama and are read whole; `_test.go` files only for a test
// file (the package's tests see its other files, never the reverse). Build constraints are not
// read: two files for different platforms that define the same function give the linted file's
// own, then the first in the caller's order.

import type { GoFile } from './go.js';
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

/** At most this many files of the package, and this much text in all, are read as context. */
export const MAX_PACKAGE_FILES = 64;
export const MAX_PACKAGE_TEXT = 4 * 1024 * 1024;

// Files as last read, by path: an editor lints a file on every keystroke, and the files beside it
// seldom change meanwhile (the same objects also let the analysis be reused: goIncremental.ts).
const read = new Map<string, { text: string; file: PackageFile | null }>();
const MAX_CACHED = 256;

function readSibling(s: GoSibling): PackageFile | null {
  const cached = read.get(s.path);
  if (cached && cached.text === s.text) return cached.file;
  let file: PackageFile | null = null;
  if (!s.text.includes('\u0000')) {
    const piece = parsePiece(s.text, true);
    piece.ref.path = s.path;
    const imports = importsOf(piece.file.imports);
    if (imports.aliases.size || imports.dot) file = { path: s.path, file: piece.file, imports };
  }
  if (read.size >= MAX_CACHED) read.clear();
  read.set(s.path, { text: s.text, file });
  return file;
}

const isTest = (p: string) => /_test\.go$/i.test(p);

/**
 * The files of `siblings` that are context for `path` (see above), in the caller's order; the
 * same objects while their text is the same.
 */
export function packageFiles(path: string, pkg: string | undefined, siblings: readonly GoSibling[] | undefined): PackageFile[] {
  if (!siblings?.length || pkg === undefined) return [];
  const test = isTest(path);
  const out: PackageFile[] = [];
  let total = 0;
  for (const s of siblings) {
    if (s.path === path || !/\.go$/i.test(s.path) || (isTest(s.path) && !test)) continue;
    if (out.length >= MAX_PACKAGE_FILES || total + s.text.length > MAX_PACKAGE_TEXT) break;
    const f = readSibling(s);
    if (!f || f.file.pkg !== pkg) continue;
    out.push(f);
    total += s.text.length;
  }
  return out;
}
