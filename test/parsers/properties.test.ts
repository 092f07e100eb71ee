// The .properties reader against java.util.Properties.load. Every expected key/value list below
// was checked against `Properties.load(Reader)` on OpenJDK 17 (a subclass recording put()).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseProperties, scanProperties } from '../../server/src/engine/parsers/properties.js';
import type { Span } from '../../server/src/engine/model.js';

const pairs = (text: string) => scanProperties(text).entries.map((e) => [e.key, e.value]);
const cut = (text: string, s: Span) => text.slice(s.start, s.end);

describe('properties scanner: keys and values as Java reads them', () => {
  const table: [string, string, string[][]][] = [
    ['continuation drops leading whitespace of the next line', 'a=b\\\n   c\\\n\td', [['a', 'bcd']]],
    ['even backslashes do not continue', 'a=b\\\\\nc=d', [['a', 'b\\'], ['c', 'd']]],
    ['three backslashes: one escaped backslash, then a continuation', 'a=b\\\\\\\n  c', [['a', 'b\\c']]],
    ['trailing backslash at EOF is dropped', 'x=1\\', [['x', '1']]],
    ['trailing backslash before the final LF is dropped', 'x=1\\\n', [['x', '1']]],
    ['a lone backslash + LF at EOF is an empty entry', '\\\n', [['', '']]],
    ['a lone backslash + CRLF at EOF is nothing', '\\\r\n', []],
    ['a lone backslash at EOF is an empty entry', '\\', [['', '']]],
    ['escaped = in a key', 'a\\=b=c', [['a=b', 'c']]],
    ['escaped : in a key', 'a\\:b:c', [['a:b', 'c']]],
    ['escaped spaces in a key; value keeps inner and trailing spaces', '\\ a\\ b = c d ', [[' a b', 'c d ']]],
    ['# and ! inside a value', 'url=http://x#frag!', [['url', 'http://x#frag!']]],
    ['# and ! comment lines, also indented', '#c\n! d\n  # e\nk=v', [['k', 'v']]],
    ['a continuation line starting with # is not a comment', 'a=b\\\n# not a comment', [['a', 'b# not a comment']]],
    ['a continuation line starting with ! is not a comment', 'a=b\\\n  !x=y', [['a', 'b!x=y']]],
    ['JDK 9+: after a line holding only a backslash, # starts a comment', '\\\n# comment', []],
    ['CRLF', 'a=1\r\nb=2\r\n', [['a', '1'], ['b', '2']]],
    ['lone CR', 'a=1\rb=2\rc=3', [['a', '1'], ['b', '2'], ['c', '3']]],
    ['empty key with =', '=v', [['', 'v']]],
    ['empty key with :', ':v', [['', 'v']]],
    ['key-only line', 'key', [['key', '']]],
    ['key-only line with trailing spaces', 'key   ', [['key', '']]],
    ['blank lines made of spaces, tabs and form feeds', '  \t\n \nk=v\n  \f  \n', [['k', 'v']]],
    ['unicode text and \\u escapes', 'name=中文\\u4e2d😀', [['name', '中文中😀']]],
    ['escapes \\t \\n \\r \\f, other chars lose the backslash', 'k=\\t\\n\\r\\f\\q\\\\', [['k', '\t\n\r\fq\\']]],
    ['whitespace separator; the value keeps inner spaces', 'a  b  c', [['a', 'b  c']]],
    ['a key continued onto the next line', 'a\\\n  b=c', [['ab', 'c']]],
    ['an empty continuation line ends the entry', 'a=\\\n\n  b', [['a', ''], ['b', '']]],
    ['a whitespace-only continuation line ends the entry', 'a=b\\\n   \nc=d', [['a', 'b'], ['c', 'd']]],
    ['continuations over CRLF, CR and LF', 'a=b\\\r\n  c\\\r  d\\\n  e', [['a', 'bcde']]],
    ['only the first = after the key is a separator', 'a = = b', [['a', '= b']]],
    ['tab around :', 'a\t:\tb', [['a', 'b']]],
    ['\\u003d in a key is a literal =', 'a\\u003db=c', [['a=b', 'c']]],
    ['key and value both continued', 'ke\\\n  y=va\\\n  lue', [['key', 'value']]],
  ];
  for (const [name, text, expected] of table) {
    it(name, () => assert.deepEqual(pairs(text), expected));
  }

  it('skips a BOM (Java would keep it in the first key) and keeps offsets into the original string', () => {
    const text = '\ufeffacks=all\n';
    const [e] = scanProperties(text).entries;
    assert.equal(e.key, 'acks');
    assert.deepEqual(e.keySpan, { start: 1, end: 5 });
    assert.deepEqual(e.valueSpan, { start: 6, end: 9 });
    assert.equal(scanProperties(text).bom, 1);
  });
});

describe('properties scanner: spans', () => {
  it('key, separator, value and entry of a simple line', () => {
    const text = 'x=1\n  acks = all\nz=2\n';
    const e = scanProperties(text).entries[1];
    assert.equal(cut(text, e.keySpan), 'acks');
    assert.equal(cut(text, e.valueSpan), 'all');
    assert.equal(cut(text, e.entrySpan), 'acks = all');
    assert.equal(e.separator, ' = ');
    assert.equal(text.slice(e.lineStart, e.lineEnd), '  acks = all\n');
    assert.equal(e.danglingBackslash, false);
  });

  it('a continued value spans every physical line, terminator excluded', () => {
    const text = 'servers = a:9092,\\\n    b:9092\r\nnext=1\r\n';
    const e = scanProperties(text).entries[0];
    assert.equal(e.value, 'a:9092,b:9092');
    assert.equal(cut(text, e.valueSpan), 'a:9092,\\\n    b:9092');
    assert.equal(cut(text, e.entrySpan), 'servers = a:9092,\\\n    b:9092');
    assert.equal(text.slice(e.lineStart, e.lineEnd), 'servers = a:9092,\\\n    b:9092\r\n');
  });

  it('a value that starts on a continuation line', () => {
    const text = 'a=\\\n  b\n';
    const e = scanProperties(text).entries[0];
    assert.equal(e.value, 'b');
    assert.equal(cut(text, e.valueSpan), 'b');
    assert.equal(e.separator, undefined);
  });

  it('a trailing backslash at EOF stays in the raw value and marks the entry dangling', () => {
    const text = 'a=1\nx=1\\';
    const e = scanProperties(text).entries[1];
    assert.equal(e.value, '1');
    assert.equal(cut(text, e.valueSpan), '1\\');
    assert.equal(e.danglingBackslash, true);
    assert.equal(e.lineEnd, text.length);
  });

  it('an empty continuation line belongs to the entry', () => {
    const text = 'a=b\\\n\nc=d';
    const [a, c] = scanProperties(text).entries;
    assert.equal(cut(text, a.entrySpan), 'a=b\\\n');
    assert.equal(text.slice(a.lineStart, a.lineEnd), 'a=b\\\n\n');
    assert.equal(cut(text, c.entrySpan), 'c=d');
  });

  it('key-only line: empty value span right after the key', () => {
    const text = 'acks\n';
    const e = scanProperties(text).entries[0];
    assert.deepEqual(e.keySpan, { start: 0, end: 4 });
    assert.deepEqual(e.valueSpan, { start: 4, end: 4 });
    assert.equal(e.separator, '');
  });

  it('empty key: empty key span at the separator', () => {
    const text = '=v';
    const e = scanProperties(text).entries[0];
    assert.deepEqual(e.keySpan, { start: 0, end: 0 });
    assert.equal(cut(text, e.valueSpan), 'v');
  });

  it('escaped key: the span covers the escapes', () => {
    const text = 'a\\=b = c';
    const e = scanProperties(text).entries[0];
    assert.equal(cut(text, e.keySpan), 'a\\=b');
    assert.equal(e.key, 'a=b');
  });

  it('trailing whitespace is part of the value and of its span', () => {
    const text = 'a=b  \nc=d';
    const e = scanProperties(text).entries[0];
    assert.equal(e.value, 'b  ');
    assert.equal(cut(text, e.valueSpan), 'b  ');
  });

  it('UTF-16 offsets with astral characters', () => {
    const text = '😀=😀x\nk=v';
    const [a, b] = scanProperties(text).entries;
    assert.deepEqual(a.keySpan, { start: 0, end: 2 });
    assert.deepEqual(a.valueSpan, { start: 3, end: 6 });
    assert.deepEqual(b.keySpan, { start: 7, end: 8 });
  });

  it('a key continued across lines', () => {
    const text = 'ke\\\n  y=v';
    const e = scanProperties(text).entries[0];
    assert.equal(cut(text, e.keySpan), 'ke\\\n  y');
  });
});

describe('properties scanner: comments, errors, line endings', () => {
  it('collects # and ! comment lines, not continuation lines', () => {
    const text = '#c\n! d\n  # e\nk=v\\\n# not\n';
    const cs = scanProperties(text).comments;
    assert.deepEqual(
      cs.map((c) => [cut(text, c.span), c.text, c.ownLine]),
      [
        ['#c', 'c', true],
        ['! d', ' d', true],
        ['# e', ' e', true],
      ],
    );
  });

  it('a comment ending in a backslash does not continue', () => {
    assert.deepEqual(pairs('# note \\\nk=v'), [['k', 'v']]);
  });

  it('malformed \\u is an error (Java throws) and the rest is still read', () => {
    const text = 'k=\\uZZZZ\nk2=v';
    const r = scanProperties(text);
    assert.equal(r.errors.length, 1);
    assert.equal(cut(text, r.errors[0].span), '\\uZZZZ');
    assert.match(r.errors[0].message, /Malformed \\uXXXX/);
    assert.deepEqual(r.entries.map((e) => [e.key, e.value]), [['k', '\\uZZZZ'], ['k2', 'v']]);
  });

  it('a truncated \\u at the end of a value is an error', () => {
    const text = 'k=\\u00';
    const r = scanProperties(text);
    assert.deepEqual(r.errors.map((e) => cut(text, e.span)), ['\\u00']);
  });

  it('a malformed \\u in a key is an error too', () => {
    const text = 'a\\u12x=1';
    const r = scanProperties(text);
    assert.deepEqual(r.errors.map((e) => cut(text, e.span)), ['\\u12x']);
    assert.equal(r.entries.length, 1);
  });

  it('detects the dominant line ending', () => {
    assert.equal(scanProperties('a=1\nb=2\n').eol, '\n');
    assert.equal(scanProperties('a=1\r\nb=2\r\nc=3\n').eol, '\r\n');
    assert.equal(scanProperties('a=1\rb=2\r').eol, '\r');
    assert.equal(scanProperties('a=1').eol, '\n');
    assert.equal(parseProperties('a=1\r\n', 'x.properties').eol, '\r\n');
  });
});

describe('properties scanner: size', () => {
  it('reads a 1 MB line', () => {
    const big = 'x'.repeat(1_000_000);
    const [e] = scanProperties('k=' + big + '\n').entries;
    assert.equal(e.value.length, 1_000_000);
    assert.deepEqual(e.valueSpan, { start: 2, end: 1_000_002 });
  });

  it('reads 20 000 continuation lines quickly', () => {
    const text = 'k=' + 'ab\\\n  '.repeat(20_000) + 'end\n';
    const t0 = Date.now();
    const r = scanProperties(text);
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(r.entries.length, 1);
    assert.equal(r.entries[0].value, 'ab'.repeat(20_000) + 'end');
  });

  it('20 000 malformed escapes on one continued line', () => {
    const text = 'k=' + '\\uZ\\\n'.repeat(20_000);
    const r = scanProperties(text);
    assert.equal(r.errors.length, 20_000);
    assert.equal(cut(text, r.errors[19_999].span), '\\uZ');
  });
});

describe('properties scanner: garbage never throws', () => {
  const nasty = fc.constantFrom('a', 'k', '=', ':', ' ', '\t', '\f', '\\', '\n', '\r', '\r\n', '#', '!', 'u', '0', 'F', 'é', '😀', '\ufeff', '${', '}', '[', ']', 'spring.kafka.', 'acks', '.');
  const paths = ['producer.properties', 'application.properties', 'server.properties', 'x.properties', 'messages_zh.properties'];

  it('arbitrary strings: spans stay ordered and inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: nasty, maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 80 })), fc.constantFrom(...paths), (text, path) => {
        const r = scanProperties(text);
        for (const e of r.entries) {
          assert.ok(e.lineStart <= e.keySpan.start && e.keySpan.start <= e.keySpan.end);
          assert.ok(e.keySpan.end <= e.valueSpan.start && e.valueSpan.start <= e.valueSpan.end);
          assert.equal(e.entrySpan.start, e.keySpan.start);
          assert.equal(e.entrySpan.end, e.valueSpan.end);
          assert.ok(e.entrySpan.end <= e.lineEnd && e.lineEnd <= text.length);
        }
        for (const c of r.comments) assert.ok(c.span.start < c.span.end && c.span.end <= text.length);
        const f = parseProperties(text, path);
        assert.equal(f.text, text);
        for (const u of f.units) assert.ok(u.settings.length > 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('the raw value and key text read back to the same value and key', () => {
    fc.assert(
      fc.property(fc.string({ unit: nasty, maxLength: 60 }), (text) => {
        for (const e of scanProperties(text).entries) {
          const v = scanProperties('k=' + cut(text, e.valueSpan)).entries[0];
          assert.equal(v.value, e.value);
          const rawKey = cut(text, e.keySpan);
          if (rawKey) assert.equal(scanProperties(' ' + rawKey + '=x').entries[0].key, e.key);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
