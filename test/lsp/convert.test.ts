// Engine offsets to LSP positions (server/src/convert.ts) give what TextDocument.positionAt
// gives, on any text (LF, CRLF, lone CR, astral characters), at any offset (out of range too),
// and follow the document as it is edited.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionAt, toRange } from '../../server/src/convert.js';

const PIECES = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\n\r', 'é', '😀', '\t', '#'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

describe('positionAt', () => {
  it('is TextDocument.positionAt at every offset of random texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = TextDocument.create('file:///t.yml', 'yaml', 1, t);
        for (let o = -2; o <= t.length + 2; o++) assert.deepEqual(positionAt(doc, o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(t)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('follows the document through edits', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(3), text), { minLength: 1, maxLength: 5 }), (t, edits) => {
        const doc = TextDocument.create('file:///t.yml', 'yaml', 1, t);
        let version = 1;
        for (const [at, len, insert] of edits) {
          positionAt(doc, 0); // (made for the text before the edit)
          const n = doc.getText().length;
          const start = doc.positionAt(at % (n + 1));
          const end = doc.positionAt(Math.min(n, (at % (n + 1)) + len));
          TextDocument.update(doc, [{ range: { start, end }, text: insert }], ++version);
          const now = doc.getText();
          for (let o = 0; o <= now.length; o++) assert.deepEqual(positionAt(doc, o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(now)}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('makes ranges of spans', () => {
    const doc = TextDocument.create('file:///t.yml', 'yaml', 1, 'a: 1\r\nbb: 2\n');
    assert.deepEqual(toRange(doc, { start: 6, end: 11 }), { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
    assert.deepEqual(toRange(doc, { start: 4, end: 5 }), { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, 'inside CRLF: before it');
  });
});
