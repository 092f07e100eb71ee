import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lexGo, type GoToken } from '../../server/src/engine/parsers/goLexer.js';

/** Tokens as `kind:text` (inserted semicolons as `;auto`), without the final eof. */
function kinds(src: string): string[] {
  return lexGo(src)
    .tokens.filter((t) => t.kind !== 'eof')
    .map((t) => (t.kind === 'semi' ? (t.auto ? ';auto' : ';') : `${t.kind}:${t.text}`));
}

function only(src: string): GoToken {
  const r = lexGo(src);
  const toks = r.tokens.filter((t) => t.kind !== 'eof' && !(t.kind === 'semi' && t.auto));
  assert.equal(toks.length, 1, `expected one token in ${JSON.stringify(src)}, got ${toks.map((t) => t.text).join(' | ')}`);
  return toks[0];
}

function errorsOf(src: string): string[] {
  return lexGo(src).errors.map((e) => `${e.message} @${e.span.start}-${e.span.end}`);
}

describe('go lexer: identifiers and keywords', () => {
  it('reads ASCII and Unicode identifiers with UTF-16 offsets', () => {
    const src = 'αβ _x9 日本語 x😀';
    const toks = lexGo(src).tokens;
    assert.deepEqual(
      toks.map((t) => [t.kind, t.text, t.start, t.end]),
      [
        ['ident', 'αβ', 0, 2],
        ['ident', '_x9', 3, 6],
        ['ident', '日本語', 7, 10],
        ['ident', 'x', 11, 12],
        ['error', '😀', 12, 14],
        ['eof', '', 14, 14],
      ],
    );
    assert.deepEqual(errorsOf(src), ['invalid character "😀" @12-14']);
  });

  it('recognises all 25 keywords and nothing else', () => {
    const words =
      'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var';
    const toks = lexGo(words).tokens.filter((t) => t.kind === 'keyword');
    assert.equal(toks.length, 25);
    assert.deepEqual(kinds('nil true iota'), ['ident:nil', 'ident:true', 'ident:iota', ';auto']);
  });
});

describe('go lexer: operators', () => {
  it('uses maximal munch for every operator and punctuation', () => {
    const ops = [
      '+', '&', '+=', '&=', '&&', '==', '!=', '(', ')', '-', '|', '-=', '|=', '||', '<', '<=', '[', ']', '*', '^', '*=',
      '^=', '<-', '>', '>=', '{', '}', '/', '<<', '/=', '<<=', '++', '=', ':=', ',', '%', '>>', '%=', '>>=', '--', '!',
      '...', '.', ':', '&^', '&^=', '~',
    ];
    const toks = lexGo(ops.join(' ')).tokens.filter((t) => t.kind === 'op');
    assert.deepEqual(
      toks.map((t) => t.text),
      ops,
    );
    assert.deepEqual(kinds('a&^=b<<=c...'), ['ident:a', 'op:&^=', 'ident:b', 'op:<<=', 'ident:c', 'op:...']);
    assert.deepEqual(kinds('x:=<-ch'), ['ident:x', 'op::=', 'op:<-', 'ident:ch', ';auto']);
  });

  it('reads an explicit semicolon as a semi token', () => {
    assert.deepEqual(kinds('a; b'), ['ident:a', ';', 'ident:b', ';auto']);
  });
});

describe('go lexer: number literals', () => {
  const ok: [string, GoToken['kind']][] = [
    ['0', 'int'],
    ['42', 'int'],
    ['4_2', 'int'],
    ['1_000_000', 'int'],
    ['0600', 'int'],
    ['0_600', 'int'],
    ['0o600', 'int'],
    ['0O600', 'int'],
    ['0xBadFace', 'int'],
    ['0xBad_Face', 'int'],
    ['0x_67_7a_2f_cc_40_c6', 'int'],
    ['0b1011', 'int'],
    ['0B_1_0', 'int'],
    ['170141183460469231731687303715884105727', 'int'],
    ['0.', 'float'],
    ['72.40', 'float'],
    ['072.40', 'float'],
    ['2.71828', 'float'],
    ['1.e+0', 'float'],
    ['6.67428e-11', 'float'],
    ['1E6', 'float'],
    ['.25', 'float'],
    ['.12345E+5', 'float'],
    ['1_5.', 'float'],
    ['0.15e+0_2', 'float'],
    ['0x1p-2', 'float'],
    ['0x2.p10', 'float'],
    ['0x1.Fp+0', 'float'],
    ['0X.8p-0', 'float'],
    ['0X_1FFFP-16', 'float'],
    ['089.5', 'float'],
    ['0i', 'imag'],
    ['0123i', 'imag'],
    ['0o123i', 'imag'],
    ['0xabci', 'imag'],
    ['0.i', 'imag'],
    ['2.71828i', 'imag'],
    ['1.e+0i', 'imag'],
    ['6.67428e-11i', 'imag'],
    ['1E6i', 'imag'],
    ['.25i', 'imag'],
    ['.12345E+5i', 'imag'],
    ['0x1p-2i', 'imag'],
  ];
  for (const [src, kind] of ok) {
    it(`${src} is a valid ${kind}`, () => {
      const t = only(src);
      assert.deepEqual([t.kind, t.text, t.start, t.end], [kind, src, 0, src.length]);
      assert.deepEqual(errorsOf(src), []);
    });
  }

  const bad: [string, GoToken['kind'], string][] = [
    ['1__2', 'int', 'invalid integer literal 1__2'],
    ['1_', 'int', 'invalid integer literal 1_'],
    ['089', 'int', 'invalid integer literal 089'],
    ['0b102', 'int', 'invalid integer literal 0b102'],
    ['0o8', 'int', 'invalid integer literal 0o8'],
    ['0x', 'int', 'invalid integer literal 0x'],
    ['0x1.5', 'float', 'invalid floating-point literal 0x1.5'],
    ['1e', 'float', 'invalid floating-point literal 1e'],
    ['1e+', 'float', 'invalid floating-point literal 1e+'],
    ['0x.p1', 'float', 'invalid floating-point literal 0x.p1'],
    ['0b1.0', 'float', 'invalid floating-point literal 0b1.0'],
    ['1p-2', 'float', 'invalid floating-point literal 1p-2'],
    ['0b2i', 'imag', 'invalid imaginary literal 0b2i'],
  ];
  for (const [src, kind, message] of bad) {
    it(`${src} is an invalid ${kind} with an error`, () => {
      const t = only(src);
      assert.deepEqual([t.kind, t.text], [kind, src]);
      assert.deepEqual(errorsOf(src), [`${message} @0-${src.length}`]);
    });
  }

  it('stops a decimal number at letters and a hex number at non-hex letters', () => {
    assert.deepEqual(kinds('123abc'), ['int:123', 'ident:abc', ';auto']);
    assert.deepEqual(kinds('0xfg'), ['int:0xf', 'ident:g', ';auto']);
    // As in the Go scanner, `_` cannot start a prefix: `0_` ends before the `x`.
    assert.deepEqual(kinds('0_xBadFace'), ['int:0_', 'ident:xBadFace', ';auto']);
    assert.deepEqual(errorsOf('0_xBadFace'), ['invalid integer literal 0_ @0-2']);
    assert.deepEqual(kinds('x[1:2]'), ['ident:x', 'op:[', 'int:1', 'op::', 'int:2', 'op:]', ';auto']);
  });
});

describe('go lexer: rune literals', () => {
  const runes: [string, string][] = [
    ["'a'", 'a'],
    ["'ä'", 'ä'],
    ["'本'", '本'],
    ["'\\t'", '\t'],
    ["'\\a'", '\x07'],
    ["'\\''", "'"],
    ["'\\\\'", '\\'],
    ["'\\000'", '\0'],
    ["'\\007'", '\x07'],
    ["'\\101'", 'A'],
    ["'\\x41'", 'A'],
    ["'\\u12e4'", '\u12e4'],
    ["'\\U00101234'", String.fromCodePoint(0x101234)],
    ["'😀'", '😀'],
  ];
  for (const [src, value] of runes) {
    it(`${src} decodes`, () => {
      const t = only(src);
      assert.deepEqual([t.kind, t.text, t.value], ['rune', src, value]);
      assert.deepEqual(errorsOf(src), []);
    });
  }

  it('reports malformed runes but keeps a rune token', () => {
    assert.deepEqual(errorsOf("'aa'"), ['more than one character in rune literal @0-4']);
    assert.deepEqual(errorsOf("''"), ['empty rune literal @0-2']);
    assert.deepEqual(errorsOf("'\\xa'"), ['escape sequence is incomplete @1-4']);
    assert.deepEqual(errorsOf("'\\400'"), ['escape sequence is an invalid code point @1-5']);
    assert.deepEqual(errorsOf("'\\uDFFF'"), ['escape sequence is an invalid code point @1-7']);
    assert.deepEqual(errorsOf("'\\U00110000'"), ['escape sequence is an invalid code point @1-11']);
    assert.deepEqual(errorsOf("'\\\"'"), ['unknown escape sequence @1-3']);
    assert.deepEqual(errorsOf("'\\k'"), ['unknown escape sequence @1-3']);
  });

  it('turns an unterminated rune into an error token ending at the line end', () => {
    const r = lexGo("x := 'a\ny");
    assert.deepEqual(
      r.tokens.map((t) => [t.kind, t.text, t.partOf]),
      [
        ['ident', 'x', undefined],
        ['op', ':=', undefined],
        ['error', "'a", 'rune'],
        ['semi', '', undefined],
        ['ident', 'y', undefined],
        ['semi', '', undefined],
        ['eof', '', undefined],
      ],
    );
    assert.deepEqual(errorsOf("x := 'a\ny"), ['rune literal not terminated @5-7']);
  });
});

describe('go lexer: string literals', () => {
  it('decodes interpreted strings with every escape form', () => {
    const src = String.raw`"\a\b\f\n\r\t\v\\\"" "日本語" "\u65e5本\U00008a9e" "\xff\u00FF" "\xe6\x97\xa5" "\101\102"`;
    const toks = lexGo(src).tokens.filter((t) => t.kind === 'string');
    assert.deepEqual(
      toks.map((t) => t.value),
      ['\x07\b\f\n\r\t\v\\"', '日本語', '日本語', '\uFFFDÿ', '日', 'AB'],
    );
    assert.deepEqual(errorsOf(src), []);
  });

  it('rejects escapes that belong to runes', () => {
    assert.deepEqual(errorsOf(String.raw`"\'"`), ['unknown escape sequence @1-3']);
  });

  it('reads raw strings across lines, dropping carriage returns from the value only', () => {
    const src = 'x := `a := "b"\r\n\\n // not a comment`\n';
    const t = lexGo(src).tokens[2];
    assert.equal(t.kind, 'string');
    assert.equal(t.raw, true);
    assert.equal(t.text, '`a := "b"\r\n\\n // not a comment`');
    assert.equal(t.value, 'a := "b"\n\\n // not a comment');
    assert.deepEqual(lexGo(src).comments, []);
  });

  it('makes an unterminated interpreted string an error token up to the line end', () => {
    const src = 'a := "abc\nb := 1';
    const r = lexGo(src);
    assert.deepEqual(
      r.tokens.slice(0, 4).map((t) => [t.kind, t.text, t.value, t.start, t.end]),
      [
        ['ident', 'a', undefined, 0, 1],
        ['op', ':=', undefined, 2, 4],
        ['error', '"abc', 'abc', 5, 9],
        ['semi', '', undefined, 9, 9],
      ],
    );
    assert.deepEqual(errorsOf(src), ['string literal not terminated @5-9']);
  });

  it('makes an unterminated raw string an error token to the end of the file', () => {
    const src = 'a := `abc\nb := 1';
    const r = lexGo(src);
    assert.deepEqual(
      r.tokens.map((t) => [t.kind, t.text]),
      [
        ['ident', 'a'],
        ['op', ':='],
        ['error', '`abc\nb := 1'],
        ['semi', ''],
        ['eof', ''],
      ],
    );
    assert.deepEqual(errorsOf(src), ['raw string literal not terminated @5-16']);
  });
});

describe('go lexer: comments', () => {
  it('keeps line and block comments with bodies and ownLine', () => {
    const src = '// head\nx := 1 // tail\n\t/* block */ y /* a\nb */\n';
    const r = lexGo(src);
    assert.deepEqual(
      r.comments.map((c) => [src.slice(c.start, c.end), c.body, c.block, c.ownLine, c.terminated]),
      [
        ['// head', ' head', false, true, true],
        ['// tail', ' tail', false, false, true],
        ['/* block */', ' block ', true, true, true],
        ['/* a\nb */', ' a\nb ', true, false, true],
      ],
    );
    assert.deepEqual(kinds(src), ['ident:x', 'op::=', 'int:1', ';auto', 'ident:y', ';auto']);
  });

  it('does not see comments inside strings or code inside comments', () => {
    assert.deepEqual(kinds('s := "// no" + `/* no */`'), ['ident:s', 'op::=', 'string:"// no"', 'op:+', 'string:`/* no */`', ';auto']);
    assert.deepEqual(kinds('/* x := "y" */ z'), ['ident:z', ';auto']);
  });

  it('reports an unterminated block comment, keeps it as a comment and adds an error token', () => {
    const src = 'x /* never closed\nmore';
    const r = lexGo(src);
    assert.deepEqual(r.comments.map((c) => [c.start, c.end, c.body, c.terminated]), [[2, 22, ' never closed\nmore', false]]);
    assert.deepEqual(
      r.tokens.map((t) => [t.kind, t.start, t.end]),
      [
        ['ident', 0, 1],
        ['semi', 2, 2],
        ['error', 2, 22],
        ['eof', 22, 22],
      ],
    );
    assert.deepEqual(errorsOf(src), ['comment not terminated @2-22']);
  });
});

describe('go lexer: automatic semicolons', () => {
  it('inserts after identifiers, literals, return/break/continue/fallthrough, ++, --, ) ] }', () => {
    const src = 'a\n1\n1.5\n1i\n\'c\'\n"s"\n`r`\nreturn\nbreak\ncontinue\nfallthrough\nx++\ny--\n)\n]\n}\n';
    assert.equal(kinds(src).filter((k) => k === ';auto').length, 16);
  });

  it('does not insert after operators, opening brackets, commas or other keywords', () => {
    assert.deepEqual(kinds('a +\nb'), ['ident:a', 'op:+', 'ident:b', ';auto']);
    assert.deepEqual(kinds('f(\na,\n)'), ['ident:f', 'op:(', 'ident:a', 'op:,', 'op:)', ';auto']);
    assert.deepEqual(kinds('x.\ny'), ['ident:x', 'op:.', 'ident:y', ';auto']);
    assert.deepEqual(kinds('if\nfor\nfunc\n'), ['keyword:if', 'keyword:for', 'keyword:func']);
  });

  it('places the semicolon at the line break (CRLF too), after a trailing line comment, and at EOF', () => {
    const r = lexGo('a // c\r\nb');
    const semis = r.tokens.filter((t) => t.kind === 'semi');
    assert.deepEqual(semis.map((t) => [t.start, t.end, t.auto]), [
      [6, 6, true],
      [9, 9, true],
    ]);
  });

  it('treats a block comment with a line break as a newline and one without as a space', () => {
    assert.deepEqual(kinds('a /* x\n */ b'), ['ident:a', ';auto', 'ident:b', ';auto']);
    assert.deepEqual(kinds('a /* x */ b'), ['ident:a', 'ident:b', ';auto']);
  });

  it('skips a leading byte order mark', () => {
    assert.deepEqual(
      lexGo('\uFEFFpackage p').tokens.map((t) => [t.text, t.start]),
      [
        ['package', 1],
        ['p', 9],
        ['', 10],
        ['', 10],
      ],
    );
  });
});

describe('go lexer: robustness', () => {
  it('never throws and always ends with one eof token', () => {
    const samples = ['', '"', '`', "'", '/*', '0x', '\\', '\u0000', '\uD800', '@#$?', '0b', '1e+', '"\\', "'\\U0011"];
    for (const s of samples) {
      const r = lexGo(s);
      assert.equal(r.tokens[r.tokens.length - 1].kind, 'eof', JSON.stringify(s));
      assert.equal(r.tokens.filter((t) => t.kind === 'eof').length, 1);
    }
  });

  it('covers the text with non-overlapping, increasing token spans', () => {
    const src = 'package main\nfunc f() { x := 0x1p-2 + \'a\' /* c */; y := `r` }\n';
    const toks = lexGo(src).tokens;
    for (let i = 1; i < toks.length; i++) assert.ok(toks[i].start >= toks[i - 1].end, `overlap at ${i}`);
    for (const t of toks) if (t.kind !== 'semi' && t.kind !== 'eof') assert.equal(src.slice(t.start, t.end), t.text);
  });
});
