// How the server's sources import packages and Node's built-ins. Bundled by esbuild, an ES import
// of a CommonJS module (`import * as x`, a default import, or `import { … }` of a bundled package)
// gets a copy of the module with a getter per export, made while the server starts (esbuild.mjs).
// Allowed: `import x = require('…')`, type-only imports, named imports of Node's built-ins (left
// external: a plain require), and anything from the packages the bundle takes as ES modules.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Compiled to out/test/meta/; the repository root is three levels up. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Packages the server bundle takes in their ES module build (esbuild.mjs, mainFields). */
const ES_MODULE_PACKAGES = ['yaml', 'vscode-languageserver-textdocument'];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The import statements of a source that copy a CommonJS module's exports, as `file: statement`. */
function copyingImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)';/gms)) {
    const [statement, typeOnly, clause, spec] = m;
    if (typeOnly || spec.startsWith('.') || ES_MODULE_PACKAGES.includes(spec)) continue;
    // Named imports of a built-in stay a plain require (unless one of them is a namespace or default import).
    if (spec.startsWith('node:') && /^\{[^}]*\}$/.test(clause.trim())) continue;
    // `import { type A, type B }` imports nothing at run time.
    if (/^\{[^}]*\}$/.test(clause.trim()) && clause.replace(/[{}]/g, '').split(',').map((n) => n.trim()).filter(Boolean).every((n) => /^type\s/.test(n))) continue;
    out.push(`${path.relative(ROOT, file)}: ${statement.replace(/\s+/g, ' ')}`);
  }
  return out;
}

describe('server imports', () => {
  it('take CommonJS packages and built-ins without a copy of their exports', () => {
    const files = tsFiles(path.join(ROOT, 'server', 'src'));
    assert.ok(files.length > 50, `only ${files.length} sources found`);
    assert.deepEqual(files.flatMap((f) => copyingImports(f, fs.readFileSync(f, 'utf8'))), []);
  });

  it('the check sees each kind of copying import (control)', () => {
    const seen = (src: string) => copyingImports(path.join(ROOT, 'x.ts'), src).length;
    assert.equal(seen("import * as fs from 'node:fs';"), 1);
    assert.equal(seen("import Module from 'node:module';"), 1);
    assert.equal(seen("import {\n  CodeAction,\n  type Range,\n} from 'vscode-languageserver';"), 1);
    assert.equal(seen("import fs = require('node:fs');"), 0);
    assert.equal(seen("import { pathToFileURL } from 'node:url';"), 0);
    assert.equal(seen("import type { Range } from 'vscode-languageserver';"), 0);
    assert.equal(seen("import { type Range } from 'vscode-languageserver';"), 0);
    assert.equal(seen("import { typeOf } from 'some-package';"), 1);
    assert.equal(seen("import { parseDocument } from 'yaml';"), 0);
    assert.equal(seen("import { lint } from './engine/index.js';"), 0);
  });
});
