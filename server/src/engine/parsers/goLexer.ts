// A Go lexer following the Go language specification ("Lexical elements"): identifiers with
// Unicode letters, keywords, operators, integer/floating-point/imaginary literals (with `_`
// separators, `0b`/`0o`/`0x` prefixes, hexadecimal floats), rune and string literals with their
// escapes, raw strings, comments, and automatic semicolon insertion.
// Offsets are UTF-16 indices into the text. The lexer never throws: malformed input becomes an
// 'error' token (or a literal token) plus a ParseError, and lexing continues.

import type { ParseError } from '../model.js';
import { intern } from '../strings.js';

export type GoTokenKind =
  | 'ident'
  | 'keyword'
  | 'op'
  | 'int'
  | 'float'
  | 'imag'
  | 'rune'
  | 'string'
  | 'semi'
  | 'error'
  | 'eof';

export interface GoToken {
  kind: GoTokenKind;
  start: number;
  end: number;
  /** The source text of the token ('' for inserted semicolons and EOF). */
  text: string;
  /** Decoded contents of string and rune literals (also of unterminated ones, as far as they go). */
  value?: string;
  /** String literal written with backquotes. */
  raw?: boolean;
  /** Semicolon inserted automatically at a line end, a comment with a line break, or EOF. */
  auto?: boolean;
  /** Error tokens: what the token was meant to be. */
  partOf?: 'string' | 'rune' | 'comment' | 'char';
}

export interface GoComment {
  start: number;
  end: number;
  /** Text after the marker: `//` to the line end, or between the block comment markers. */
  body: string;
  block: boolean;
  /** Nothing but whitespace precedes the comment on its line. */
  ownLine: boolean;
  /** False for a block comment that runs to the end of the file. */
  terminated: boolean;
}

export interface GoLexResult {
  /** Tokens without comments, with inserted semicolons, ending in one 'eof' token. */
  tokens: GoToken[];
  comments: GoComment[];
  errors: ParseError[];
}

export const GO_KEYWORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func',
  'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct',
  'switch', 'type', 'var',
]);

// Longest first, so a plain prefix scan finds the maximal munch.
const OPERATORS = [
  '<<=', '>>=', '&^=', '...',
  '&&', '||', '<-', '++', '--', '==', '!=', '<=', '>=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '<<', '>>', '&^',
  '+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '=', '!', '(', ')', '[', ']', '{', '}', ',', ';', '.', ':', '~',
];

/** Operators by first character, longest first. */
const OPS_BY_CHAR = new Map<string, string[]>();
for (const op of OPERATORS) {
  const list = OPS_BY_CHAR.get(op[0]) ?? [];
  list.push(op);
  OPS_BY_CHAR.set(op[0], list);
}

const DEC = '[0-9](?:_?[0-9])*';
const HEX = '[0-9a-fA-F](?:_?[0-9a-fA-F])*';
const INT_RE = new RegExp(`^(?:0|[1-9](?:_?[0-9])*|0[bB](?:_?[01])+|0[oO]?(?:_?[0-7])+|0[xX](?:_?${HEX}))$`);
const DEC_FLOAT = `(?:${DEC}\\.(?:${DEC})?(?:[eE][+-]?${DEC})?|${DEC}[eE][+-]?${DEC}|\\.${DEC}(?:[eE][+-]?${DEC})?)`;
const HEX_FLOAT = `0[xX](?:_?${HEX}\\.(?:${HEX})?|_?${HEX}|\\.${HEX})[pP][+-]?${DEC}`;
const FLOAT_RE = new RegExp(`^(?:${DEC_FLOAT}|${HEX_FLOAT})$`);
const IMAG_RE = new RegExp(
  `^(?:${DEC}|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0[xX](?:_?${HEX})|${DEC_FLOAT}|${HEX_FLOAT})i$`,
);

/** Whether a token ends a line such that a semicolon is inserted after it (spec: "Semicolons"). */
function endsStatement(t: GoToken | undefined): boolean {
  if (!t) return false;
  switch (t.kind) {
    case 'ident':
    case 'int':
    case 'float':
    case 'imag':
    case 'rune':
    case 'string':
      return true;
    case 'keyword':
      return t.text === 'break' || t.text === 'continue' || t.text === 'fallthrough' || t.text === 'return';
    case 'op':
      return t.text === ')' || t.text === ']' || t.text === '}' || t.text === '++' || t.text === '--';
    case 'error':
      // An unterminated literal still stands where an operand would.
      return t.partOf === 'string' || t.partOf === 'rune';
    default:
      return false;
  }
}

// Made on first use (a non-ASCII identifier): building the Unicode classes behind \p{L} and
// \p{Nd} took ~0.3 ms of every server start, for code that almost never meets one.
let letterRe: RegExp | undefined;
let digitRe: RegExp | undefined;
const isUnicodeLetter = (cp: number) => (letterRe ??= /^\p{L}$/u).test(String.fromCodePoint(cp));
const isUnicodeDigit = (cp: number) => (digitRe ??= /^\p{Nd}$/u).test(String.fromCodePoint(cp));

function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || cp === 0x5f;
  return isUnicodeLetter(cp);
}

function isIdentPart(cp: number): boolean {
  if (cp < 0x80) return isLetter(cp) || (cp >= 0x30 && cp <= 0x39);
  return isUnicodeLetter(cp) || isUnicodeDigit(cp);
}

const isDecimal = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDecimal(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const isOctal = (c: number) => c >= 0x30 && c <= 0x37;

/** Decode UTF-8 bytes produced by `\x`/octal escapes (invalid sequences become U+FFFD). */
function decodeUtf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let need = 0;
    let cp = 0;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
    } else {
      out += '\uFFFD';
      i++;
      continue;
    }
    let ok = true;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\uFFFD';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

const SIMPLE_ESCAPES: Record<number, string> = {
  0x61: '\x07',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
  0x76: '\v',
  0x5c: '\\',
};

/** A token; every token has every field (one object shape keeps the parser's property reads fast). */
function token(
  kind: GoTokenKind,
  start: number,
  end: number,
  text: string,
  value?: string,
  raw?: boolean,
  auto?: boolean,
  partOf?: GoToken['partOf'],
): GoToken {
  return { kind, start, end, text, value, raw, auto, partOf };
}

/** Lexer state; small methods keep each hot path cheap for the JIT to compile. */
class Lexer {
  readonly tokens: GoToken[] = [];
  readonly comments: GoComment[] = [];
  readonly errors: ParseError[] = [];
  private readonly n: number;
  private i: number;
  private last: GoToken | undefined;

  constructor(private readonly text: string) {
    this.n = text.length;
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark may open the file
  }

  run(): GoLexResult {
    const text = this.text;
    while (this.i < this.n) {
      const c = text.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09) this.i++;
      else if (c === 0x0a || c === 0x0d) {
        // A newline may end a statement.
        this.insertSemi(this.i);
        this.i++;
      } else if (c === 0x2f && text.charCodeAt(this.i + 1) === 0x2f) this.lineComment();
      else if (c === 0x2f && text.charCodeAt(this.i + 1) === 0x2a) this.blockComment();
      else if (c === 0x22 || c === 0x27) this.interpreted(c);
      else if (c === 0x60) this.raw();
      else if (isDecimal(c) || (c === 0x2e && isDecimal(text.charCodeAt(this.i + 1)))) this.number(c);
      else if (c < 0x80 ? isLetter(c) : isLetter(text.codePointAt(this.i)!)) this.identifier();
      else this.operator();
    }
    this.insertSemi(this.n);
    this.tokens.push(token('eof', this.n, this.n, ''));
    return { tokens: this.tokens, comments: this.comments, errors: this.errors };
  }

  private push(t: GoToken): void {
    this.tokens.push(t);
    this.last = t;
  }

  private insertSemi(at: number): void {
    if (endsStatement(this.last)) this.push(token('semi', at, at, '', undefined, undefined, true));
  }

  private error(message: string, start: number, end: number): void {
    this.errors.push({ message, span: { start, end } });
  }

  private ownLine(pos: number): boolean {
    const text = this.text;
    for (let k = pos - 1; k >= 0; k--) {
      const c = text.charCodeAt(k);
      if (c === 0x0a || c === 0x0d) return true;
      if (c !== 0x20 && c !== 0x09 && c !== 0xfeff) return false;
    }
    return true;
  }

  private lineComment(): void {
    const text = this.text;
    const start = this.i;
    let e = start + 2;
    while (e < this.n && text.charCodeAt(e) !== 0x0a && text.charCodeAt(e) !== 0x0d) e++;
    this.comments.push({ start, end: e, body: text.slice(start + 2, e), block: false, ownLine: this.ownLine(start), terminated: true });
    this.i = e;
  }

  private blockComment(): void {
    const text = this.text;
    const start = this.i;
    const close = text.indexOf('*/', start + 2);
    const terminated = close >= 0;
    const e = terminated ? close + 2 : this.n;
    const body = text.slice(start + 2, terminated ? close : this.n);
    this.comments.push({ start, end: e, body, block: true, ownLine: this.ownLine(start), terminated });
    // A block comment containing a line break acts like a newline; otherwise like a space.
    if (!terminated || body.includes('\n') || body.includes('\r')) this.insertSemi(start);
    if (!terminated) {
      this.error('comment not terminated', start, e);
      this.push(token('error', start, e, text.slice(start, e), undefined, undefined, undefined, 'comment'));
    }
    this.i = e;
  }

  private identifier(): void {
    const text = this.text;
    const start = this.i;
    const cp = text.codePointAt(start)!;
    let e = start + (cp > 0xffff ? 2 : 1);
    while (e < this.n) {
      const d = text.charCodeAt(e);
      if (d < 0x80) {
        if (!isIdentPart(d)) break;
        e++;
      } else {
        const full = text.codePointAt(e)!;
        if (!isIdentPart(full)) break;
        e += full > 0xffff ? 2 : 1;
      }
    }
    const word = intern(text.slice(start, e));
    this.push(token(GO_KEYWORDS.has(word) ? 'keyword' : 'ident', start, e, word));
    this.i = e;
  }

  private number(c: number): void {
    const text = this.text;
    const start = this.i;
    let e = start;
    let hex = false;
    const next = text[start + 1];
    if (c === 0x30 && (next === 'x' || next === 'X')) {
      hex = true;
      e += 2;
    } else if (c === 0x30 && (next === 'b' || next === 'B' || next === 'o' || next === 'O')) {
      e += 2;
    }
    const digit = (k: number) => {
      const d = text.charCodeAt(k);
      return d === 0x5f || (hex ? isHex(d) : isDecimal(d));
    };
    while (e < this.n && digit(e)) e++;
    if (text.charCodeAt(e) === 0x2e) {
      e++;
      while (e < this.n && digit(e)) e++;
    }
    const x = text[e];
    if ((!hex && (x === 'e' || x === 'E')) || x === 'p' || x === 'P') {
      // An exponent without digits still belongs to this (then malformed) literal.
      e++;
      if (text[e] === '+' || text[e] === '-') e++;
      while (e < this.n && (isDecimal(text.charCodeAt(e)) || text.charCodeAt(e) === 0x5f)) e++;
    }
    if (text[e] === 'i') e++;
    const lit = text.slice(start, e);
    let kind: GoTokenKind;
    let ok: boolean;
    if (lit.endsWith('i')) {
      kind = 'imag';
      ok = IMAG_RE.test(lit);
    } else if (INT_RE.test(lit)) {
      kind = 'int';
      ok = true;
    } else {
      const looksFloat = hex ? /[.pP]/.test(lit) : /[.eEpP]/.test(lit);
      kind = looksFloat ? 'float' : 'int';
      ok = looksFloat && FLOAT_RE.test(lit);
    }
    if (!ok) this.error(`invalid ${kind === 'imag' ? 'imaginary' : kind === 'float' ? 'floating-point' : 'integer'} literal ${lit}`, start, e);
    this.push(token(kind, start, e, lit));
    this.i = e;
  }

  /**
   * One escape sequence at the backslash `at`. Returns the position after it and the decoded
   * unit: a string for characters, a number for a single byte (\x, octal).
   */
  private escape(at: number, quote: number): { end: number; char?: string; byte?: number } {
    const text = this.text;
    const c = text.charCodeAt(at + 1);
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return { end: at + 2, char: simple };
    if (c === quote) return { end: at + 2, char: String.fromCharCode(quote) };
    let digits: number;
    let base: number;
    let max: number;
    if (isOctal(c)) {
      digits = 3;
      base = 8;
      max = 255;
    } else if (c === 0x78) {
      digits = 2;
      base = 16;
      max = 255;
    } else if (c === 0x75 || c === 0x55) {
      digits = c === 0x75 ? 4 : 8;
      base = 16;
      max = 0x10ffff;
    } else {
      const bad = isNaN(c) || c === 0x0a || c === 0x0d ? at + 1 : at + 2;
      this.error('unknown escape sequence', at, bad);
      return { end: bad, char: '' };
    }
    let p = base === 8 ? at + 1 : at + 2;
    let v = 0;
    let k = 0;
    for (; k < digits; k++) {
      const d = text.charCodeAt(p);
      if (base === 8 ? !isOctal(d) : !isHex(d)) break;
      v = v * base + parseInt(text[p], base);
      p++;
    }
    if (k < digits) {
      this.error('escape sequence is incomplete', at, p);
      return { end: p, char: '' };
    }
    if (v > max || (digits >= 4 && v >= 0xd800 && v <= 0xdfff)) {
      this.error('escape sequence is an invalid code point', at, p);
      return { end: p, char: '\uFFFD' };
    }
    return digits >= 4 ? { end: p, char: String.fromCodePoint(v) } : { end: p, byte: v };
  }

  /** Interpreted string or rune literal starting at the opening quote. */
  private interpreted(quote: number): void {
    const text = this.text;
    const start = this.i;
    const isRune = quote === 0x27;
    let p = start + 1;
    let value = '';
    let bytes: number[] = [];
    let count = 0;
    let terminated = false;
    const flush = () => {
      if (bytes.length) value += decodeUtf8(bytes);
      bytes = [];
    };
    while (p < this.n) {
      const c = text.charCodeAt(p);
      if (c === quote) {
        terminated = true;
        p++;
        break;
      }
      if (c === 0x0a || c === 0x0d) break;
      count++;
      if (c === 0x5c) {
        const e = this.escape(p, quote);
        if (e.byte !== undefined) bytes.push(e.byte);
        else {
          flush();
          value += e.char ?? '';
        }
        p = e.end;
        continue;
      }
      flush();
      const len = c >= 0xd800 && c <= 0xdbff && p + 1 < this.n ? 2 : 1;
      value += text.slice(p, p + len);
      p += len;
    }
    flush();
    if (!terminated) {
      this.error(isRune ? 'rune literal not terminated' : 'string literal not terminated', start, p);
      this.push(token('error', start, p, text.slice(start, p), value, undefined, undefined, isRune ? 'rune' : 'string'));
    } else {
      if (isRune && count !== 1) {
        this.error(count === 0 ? 'empty rune literal' : 'more than one character in rune literal', start, p);
      }
      this.push(token(isRune ? 'rune' : 'string', start, p, text.slice(start, p), value));
    }
    this.i = p;
  }

  /** Raw string: any characters but a backquote; carriage returns are dropped from the value. */
  private raw(): void {
    const text = this.text;
    const start = this.i;
    const close = text.indexOf('`', start + 1);
    const e = close >= 0 ? close + 1 : this.n;
    const value = text.slice(start + 1, close >= 0 ? close : this.n).replace(/\r/g, '');
    if (close < 0) {
      this.error('raw string literal not terminated', start, e);
      this.push(token('error', start, e, text.slice(start, e), value, true, undefined, 'string'));
    } else {
      this.push(token('string', start, e, text.slice(start, e), value, true));
    }
    this.i = e;
  }

  private operator(): void {
    const text = this.text;
    const start = this.i;
    const candidates = OPS_BY_CHAR.get(text[start]);
    if (candidates) {
      for (const op of candidates) {
        if (op.length === 1 || text.startsWith(op, start)) {
          this.push(op === ';' ? token('semi', start, start + 1, ';') : token('op', start, start + op.length, op));
          this.i = start + op.length;
          return;
        }
      }
    }
    const cp = text.codePointAt(start)!;
    const len = cp > 0xffff ? 2 : 1;
    this.error(`invalid character ${JSON.stringify(text.slice(start, start + len))}`, start, start + len);
    this.push(token('error', start, start + len, text.slice(start, start + len), undefined, undefined, undefined, 'char'));
    this.i = start + len;
  }
}

/** Lexes `text`; `keep` receives the lexer (go.ts keeps one for its map, see keepGoShapes). */
export function lexGo(text: string, keep?: object[]): GoLexResult {
  const lexer = new Lexer(text);
  keep?.push(lexer);
  return lexer.run();
}
