// Go (sarama) parser: finds every `sarama.Config` a file builds and the settings assigned to it.
//
// The file is lexed per the Go spec (goLexer.ts) and parsed by a small recursive-descent parser
// that knows Go's statement and expression structure (blocks, closures, composite literals,
// control-clause headers) but skips what it does not need (type declarations, parameter types).
// An analysis pass then follows configuration values through each function:
//   - origins: `sarama.NewConfig()`, or a call to a helper function that returns one;
//   - bindings: `x := …`, `var x = …`, `x = …`, `s.cfg = …`, aliases `y := x`, shadowing per block;
//   - settings: `x.Producer.RequiredAcks = <expr>` (also tuple assignments);
//   - constructors the config is passed to, directly or through a Client built from it;
//   - functions with a `*sarama.Config` parameter: what they set on it, and the constructors they
//     pass it to, count for the config each call passes, at the call; one that no call reaches is
//     a unit of its own, judged only on what it sets (`facts.partial`).
// Functions are this file's and those of the other files of its package the caller passes
// (goPackage.ts): what those set counts as inherited (`ConfigUnit.inherited`), and configs they
// build are their files' units. A package variable another file builds that this file sets, or
// passes to a constructor, is one config for all of them (`UnitFacts.sharedAcrossFiles`): each
// file reports what it writes, and the file that builds it what is left unset.
// Documented limits (heuristics a reader should know):
//   - a function of another package is not followed (what it sets is not known);
//   - names are resolved lexically by block, ignoring types: a local variable that shadows a
//     config name with a non-config value stops tracking, which is the safe direction;
//   - `cfg.X = v` inside a closure is attributed to the config visible where the closure is
//     written, whenever it runs;
//   - branches (if/else, switch cases, loop bodies, closures) are told apart, not their
//     conditions: an assignment a later one in a skippable branch may leave in effect is judged as
//     well as the later one (`ConfigUnit.alternatives`), even when the conditions exclude it.

import type { Comment, ConfigUnit, Edit, ParseError, ParsedFile, Role, Setting, Span } from '../model.js';
import { elsewhereSpan, inheritedCopy, isInheritedSpan, sameItems } from '../model.js';
import { internSetting } from '../strings.js';
import { registerEditor, type FormatEditor } from '../fixer.js';
import { kafkaGoUnits } from './kafkaGo.js';
import { confluentGoUnits } from './confluentGo.js';
import { lexGo, type GoToken } from './goLexer.js';
import { packageFiles, type GoSibling, type PackageFile } from './goPackage.js';
import { baseName } from './yamlCommon.js';
import {
  SARAMA_CONSTANTS,
  SARAMA_IMPORT_PATHS,
  saramaConstructor,
  saramaFieldByKey,
  saramaFieldByPath,
  saramaGoText,
  saramaKeyOf,
  saramaParseKafkaVersion,
  saramaPathOf,
  saramaRoleOfPath,
  saramaValue,
  type SaramaGoValue,
  type SaramaRole,
} from '../knowledge/sarama.js';

// Syntax tree (only what the analysis needs; every node carries UTF-16 offsets)

export interface Node {
  start: number;
  end: number;
}

export type Expr =
  | (Node & { k: 'ident'; name: string })
  | (Node & { k: 'basic'; tok: GoToken })
  | (Node & { k: 'bad' })
  | (Node & { k: 'sel'; x: Expr; name: string })
  | (Node & { k: 'call'; fun: Expr; args: Expr[] })
  | (Node & { k: 'index'; x: Expr; args: Expr[] })
  | (Node & { k: 'assert'; x: Expr })
  | (Node & { k: 'unary'; op: string; x: Expr })
  | (Node & { k: 'binary'; op: string; x: Expr; y: Expr })
  | (Node & { k: 'paren'; x: Expr })
  | (Node & { k: 'composite'; type?: Expr; elts: Expr[] })
  | (Node & { k: 'kv'; key: Expr; value: Expr })
  | (Node & { k: 'funclit'; params: string[]; body: Block })
  | (Node & { k: 'type' });

export interface Block extends Node {
  stmts: Stmt[];
}

export interface VarSpec extends Node {
  names: (Node & { name: string })[];
  values: Expr[];
}

export interface Clause {
  exprs: Expr[];
  comm?: Stmt;
  body: Block;
}

export type Stmt =
  | (Node & { k: 'expr'; x: Expr })
  | (Node & { k: 'assign'; lhs: Expr[]; op: string; rhs: Expr[] })
  | (Node & { k: 'range'; lhs: Expr[]; op?: string; x: Expr })
  | (Node & { k: 'incdec'; x: Expr })
  | (Node & { k: 'send'; ch: Expr; value: Expr })
  | (Node & { k: 'var'; specs: VarSpec[] })
  | (Node & { k: 'return'; results: Expr[] })
  | (Node & { k: 'block'; block: Block })
  | (Node & { k: 'if'; init?: Stmt; cond?: Expr; then: Block; els?: Stmt })
  | (Node & { k: 'for'; init?: Stmt; cond?: Stmt; post?: Stmt; body: Block })
  | (Node & { k: 'switch'; init?: Stmt; tag?: Stmt; clauses: Clause[] })
  | (Node & { k: 'go'; x: Expr })
  | (Node & { k: 'labeled'; stmt: Stmt })
  | (Node & { k: 'other' });

/** A parameter of type `*<pkg>.Config` (`*Config` under a dot import): a config a caller passes in. */
export interface ConfigParam extends Node {
  /** Position among the call's arguments (the receiver not counted). */
  index: number;
  name: string;
  /** The package qualifier of the type ('' for a bare `*Config`); the analyser checks it is sarama's. */
  qual: string;
}

export interface FuncDecl extends Node {
  name: string;
  recv: boolean;
  params: string[];
  configParams: ConfigParam[];
  body?: Block;
  /** The piece of text the declaration was parsed from (its offsets are relative to it). */
  chunk: ChunkRef;
}

/**
 * A piece of the file parsed on its own (goIncremental.ts cuts the text before top-level `func`
 * lines; a fresh parse is one piece). Syntax-tree offsets are relative to the piece; `start` is
 * where the piece currently begins in the file, so a reused piece only needs a new `start`.
 */
export interface ChunkRef {
  start: number;
  text: string;
  /**
   * Set for a piece of another file of the package (goPackage.ts): the path the caller gave it.
   * Nothing of such a piece is reported or edited in the file being linted.
   */
  path?: string;
}

export interface ImportSpec extends Node {
  alias?: string;
  path: string;
}

export interface GoFile {
  imports: ImportSpec[];
  funcs: FuncDecl[];
  /** Top-level var declarations, in source order. */
  vars: Stmt[];
  chunk: ChunkRef;
  /** The package clause's name (only a file's first piece has one). */
  pkg?: string;
}

// Parser

const MAX_DEPTH = 200;
export const MAX_ERRORS = 100;

const BINARY_PREC: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4, '|': 4, '^': 4,
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};
const UNARY = new Set(['+', '-', '!', '^', '*', '&', '<-', '~']);
const ASSIGN_OPS = new Set(['=', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '&^=']);
const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class Parser {
  private p = 0;
  private exprLev = 0;
  private depth = 0;
  /** End of the last consumed token that is not a semicolon. */
  private prevEnd = 0;
  private lastErrorAt = -1;
  /** Error recovery ran into the end of the tokens (a piece parsed alone may then differ from the whole file). */
  hitEof = false;

  constructor(
    private readonly toks: GoToken[],
    private readonly errors: ParseError[],
    private readonly chunk: ChunkRef,
  ) {}

  private get tok(): GoToken {
    return this.toks[this.p];
  }

  private peek(k = 1): GoToken {
    return this.toks[Math.min(this.p + k, this.toks.length - 1)];
  }

  private next(): GoToken {
    const t = this.tok;
    if (t.kind !== 'eof') {
      this.p++;
      if (t.kind !== 'semi') this.prevEnd = t.end;
    }
    return t;
  }

  private is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'op' || t.kind === 'keyword') && t.text === text;
  }

  private atEof(): boolean {
    return this.tok.kind === 'eof';
  }

  private isSemi(): boolean {
    return this.tok.kind === 'semi';
  }

  /** One spec, or a parenthesised list of them (`import ( ... )`, `var ( ... )`). */
  private specList(spec: () => void): void {
    if (this.got('(')) {
      while (!this.is(')') && !this.atEof()) {
        if (this.isSemi()) {
          this.next();
          continue;
        }
        const before = this.p;
        spec();
        if (!this.is(')')) this.expectSemi();
        if (this.p === before) this.next();
      }
      this.expect(')');
    } else {
      spec();
    }
  }

  private got(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }

  private error(message: string, t: GoToken = this.tok): void {
    if (t.start === this.lastErrorAt || this.errors.length >= MAX_ERRORS) return;
    this.lastErrorAt = t.start;
    const what = t.kind === 'eof' ? 'end of file' : t.kind === 'semi' ? (t.auto ? 'newline' : "';'") : `'${t.text}'`;
    this.errors.push({ message: `${message}, found ${what}`, span: { start: t.start, end: t.end } });
  }

  private expect(text: string): boolean {
    // Lenient: a newline before a closing bracket (`f(a\n)`) is an error in Go, but we read on.
    if (this.isSemi() && this.tok.auto && (text === ')' || text === ']' || text === '}') && this.peek().text === text) {
      this.error(`expected '${text}'`);
      this.next();
    }
    if (this.got(text)) return true;
    this.error(`expected '${text}'`);
    return false;
  }

  /** Skip a balanced bracket group starting at the current opening token. */
  private skipBalanced(): void {
    const stack: string[] = [];
    do {
      const t = this.tok;
      if (t.kind === 'eof') {
        this.error('unbalanced brackets');
        return;
      }
      if (t.kind === 'op' && OPEN[t.text]) stack.push(OPEN[t.text]);
      else if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) {
        // Pop to the matching opener; an unmatched closer ends the group.
        const at = stack.lastIndexOf(t.text);
        if (at < 0) return;
        stack.length = at;
      }
      this.next();
    } while (stack.length);
  }

  /** Error recovery: skip to the end of the current statement (a semicolon or closing brace at depth 0). */
  private skipToStmtEnd(): void {
    for (;;) {
      const t = this.tok;
      if (t.kind === 'eof') {
        this.hitEof = true;
        return;
      }
      if (t.kind === 'semi') return;
      if (t.kind === 'op' && (t.text === '}' || t.text === ')' || t.text === ']')) return;
      if (t.kind === 'op' && OPEN[t.text]) this.skipBalanced();
      else this.next();
    }
  }

  // File.

  parseFile(): GoFile {
    const file: GoFile = { imports: [], funcs: [], vars: [], chunk: this.chunk };
    while (this.isSemi()) this.next();
    if (this.got('package')) {
      if (this.tok.kind === 'ident') {
        file.pkg = this.tok.text;
        this.next();
      } else this.error('expected package name');
      this.expectSemi();
    } else {
      this.error('expected package clause');
    }
    return this.parseDecls(file);
  }

  /** Top-level declarations up to the end of the tokens (a piece after the first starts here, at a `func`). */
  parseDecls(file: GoFile = { imports: [], funcs: [], vars: [], chunk: this.chunk }): GoFile {
    while (!this.atEof()) {
      if (this.isSemi()) {
        this.next();
        continue;
      }
      const before = this.p;
      if (this.is('import')) {
        if (file.funcs.length || file.vars.length) this.error('imports must appear before other declarations');
        this.parseImportDecl(file.imports);
      } else if (this.is('func')) {
        const f = this.parseFuncDecl();
        if (f) file.funcs.push(f);
      } else if (this.is('var') || this.is('const')) {
        file.vars.push(this.parseVarDecl());
      } else if (this.is('type')) {
        this.next();
        this.skipToStmtEnd();
      } else {
        this.error('expected declaration');
        this.skipToStmtEnd();
        if (this.tok.kind === 'op' && !OPEN[this.tok.text]) this.next();
      }
      if (!this.atEof()) this.expectSemi();
      if (this.p === before) this.next();
    }
    return file;
  }

  private expectSemi(): void {
    if (this.isSemi()) {
      this.next();
      return;
    }
    if (this.tok.kind === 'eof') return;
    this.error("expected ';' or newline");
    this.skipToStmtEnd();
    if (this.isSemi()) this.next();
  }

  private parseImportDecl(out: ImportSpec[]): void {
    this.next();
    const spec = () => {
      const start = this.tok.start;
      let alias: string | undefined;
      if (this.tok.kind === 'ident') alias = this.next().text;
      else if (this.is('.')) {
        this.next();
        alias = '.';
      }
      const t = this.tok;
      if (t.kind === 'string' || (t.kind === 'error' && t.partOf === 'string')) {
        this.next();
        out.push({ alias, path: t.value ?? '', start, end: t.end });
      } else {
        this.error('expected import path');
        this.skipToStmtEnd();
      }
    };
    this.specList(spec);
  }

  /**
   * Parameter list `( … )`: skipped, but the parameter names are kept (they shadow outer names);
   * `configs` (when given) receives the parameters typed `*pkg.Config`.
   */
  private parseParams(configs?: ConfigParam[]): string[] {
    if (!this.is('(')) {
      this.error("expected '('");
      return [];
    }
    const from = this.p;
    this.skipBalanced();
    const inner = this.toks.slice(from + 1, this.p - 1);
    const groups: GoToken[][] = [[]];
    let depth = 0;
    for (const t of inner) {
      if (t.kind === 'op' && OPEN[t.text]) depth++;
      else if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth--;
      if (depth === 0 && t.kind === 'op' && t.text === ',') groups.push([]);
      else if (t.kind !== 'semi') groups[groups.length - 1].push(t);
    }
    // Named parameters: some group is `name Type` (a qualified type `pkg.T` alone is not a name).
    const named = groups.some((g) => g.length >= 2 && g[0].kind === 'ident' && g[1].text !== '.');
    if (!named) return [];
    const names = groups.filter((g) => g[0]?.kind === 'ident');
    if (configs) {
      // `a, b *sarama.Config`: a name alone takes the type of the next group that has one.
      let from = 0;
      for (let i = 0; i < names.length; i++) {
        const g = names[i];
        if (g.length < 2) continue;
        const qual = configQualifier(g);
        if (qual !== undefined) {
          for (let k = from; k <= i; k++) configs.push({ index: k, name: names[k][0].text, qual, start: names[k][0].start, end: names[k][0].end });
        }
        from = i + 1;
      }
    }
    return names.map((g) => g[0].text);
  }

  private startsType(): boolean {
    const t = this.tok;
    if (t.kind === 'ident') return true;
    if (t.kind === 'keyword') return ['map', 'chan', 'func', 'struct', 'interface'].includes(t.text);
    return t.kind === 'op' && ['*', '[', '(', '<-'].includes(t.text);
  }

  /** Function result after the parameters: `(…)` or a single type, if present. */
  private parseResult(): void {
    if (this.is('(')) this.skipBalanced();
    else if (this.startsType() && !this.is('{')) this.parseType();
  }

  private parseFuncDecl(): FuncDecl | undefined {
    const start = this.next().start;
    let recv = false;
    const params: string[] = [];
    if (this.is('(')) {
      recv = true;
      params.push(...this.parseParams());
    }
    let name = '';
    if (this.tok.kind === 'ident') name = this.next().text;
    else this.error('expected function name');
    if (this.is('[')) this.skipBalanced(); // type parameters
    const configParams: ConfigParam[] = [];
    params.push(...this.parseParams(configParams));
    this.parseResult();
    let body: Block | undefined;
    if (this.is('{')) {
      const lev = this.exprLev;
      this.exprLev = 0;
      body = this.parseBlock();
      this.exprLev = lev;
    }
    return { name, recv, params, configParams, body, start, end: this.prevEnd, chunk: this.chunk };
  }

  private parseVarDecl(): Stmt {
    const start = this.next().start;
    const specs: VarSpec[] = [];
    const spec = () => {
      const s = this.tok.start;
      const names: (Node & { name: string })[] = [];
      do {
        const t = this.tok;
        if (t.kind !== 'ident') {
          this.error('expected name');
          this.skipToStmtEnd();
          return;
        }
        this.next();
        names.push({ name: t.text, start: t.start, end: t.end });
      } while (this.got(','));
      if (!this.is('=') && !this.isSemi() && !this.is(')')) this.parseType();
      const values = this.got('=') ? this.parseExprList() : [];
      specs.push({ names, values, start: s, end: this.prevEnd });
    };
    this.specList(spec);
    return { k: 'var', specs, start, end: this.prevEnd };
  }

  // Types.

  private parseType(): Expr {
    const start = this.tok.start;
    if (this.depth >= MAX_DEPTH) return this.tooDeep();
    this.depth++;
    try {
      const t = this.tok;
      if (t.kind === 'ident') {
        this.next();
        if (this.is('.') && this.peek().kind === 'ident') {
          this.next();
          this.next();
        }
        if (this.is('[')) this.skipBalanced(); // type arguments
      } else if (this.is('*')) {
        this.next();
        this.parseType();
      } else if (this.is('[') || this.is('map')) {
        if (this.is('map')) this.next();
        if (this.is('[')) this.skipBalanced();
        else this.error("expected '['");
        this.parseType();
      } else if (this.is('chan')) {
        this.next();
        this.got('<-');
        this.parseType();
      } else if (this.is('<-')) {
        this.next();
        if (!this.got('chan')) this.error("expected 'chan'");
        this.parseType();
      } else if (this.is('func')) {
        this.next();
        this.parseParams();
        this.parseResult();
      } else if (this.is('struct') || this.is('interface')) {
        this.next();
        if (this.is('{')) this.skipBalanced();
        else this.error("expected '{'");
      } else if (this.is('(')) {
        this.next();
        this.parseType();
        this.expect(')');
      } else {
        this.error('expected type');
        return { k: 'bad', start, end: start };
      }
      return { k: 'type', start, end: this.prevEnd };
    } finally {
      this.depth--;
    }
  }

  /**
   * Nesting beyond MAX_DEPTH: report it, skip the rest of the construct (a whole bracket group,
   * or up to the end of the statement) and let the callers unwind.
   */
  private tooDeep(): Expr {
    const start = this.tok.start;
    this.error('nested too deeply');
    if (this.tok.kind === 'op' && OPEN[this.tok.text]) this.skipBalanced();
    else this.skipToStmtEnd();
    return { k: 'bad', start, end: Math.max(start, this.prevEnd) };
  }

  // Statements.

  private parseBlock(): Block {
    const start = this.tok.start;
    const stmts: Stmt[] = [];
    if (!this.is('{')) {
      this.expect('{');
      return { start, end: start, stmts };
    }
    if (this.depth >= MAX_DEPTH) {
      this.error('nested too deeply');
      this.skipBalanced();
      return { start, end: this.prevEnd, stmts };
    }
    this.next();
    this.depth++;
    for (;;) {
      this.parseStmtList(stmts);
      if (this.is('case') || this.is('default')) {
        this.error("unexpected 'case' outside switch");
        this.next();
        continue;
      }
      break;
    }
    this.depth--;
    this.expect('}');
    return { start, end: this.prevEnd, stmts };
  }

  private parseStmtList(out: Stmt[]): void {
    while (!this.is('}') && !this.is('case') && !this.is('default') && !this.atEof()) {
      if (this.isSemi()) {
        this.next();
        continue;
      }
      const before = this.p;
      const s = this.parseStmt();
      if (s) out.push(s);
      if (this.isSemi()) this.next();
      else if (!this.is('}') && !this.is('case') && !this.is('default') && !this.atEof()) {
        this.error("expected ';' or newline after statement");
        this.skipToStmtEnd();
        if (this.tok.kind === 'op' && (this.tok.text === ')' || this.tok.text === ']')) this.next();
      }
      if (this.p === before) this.next();
    }
  }

  private parseStmt(): Stmt | undefined {
    const t = this.tok;
    const start = t.start;
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'var':
        case 'const':
          return this.parseVarDecl();
        case 'type':
          this.next();
          this.skipToStmtEnd();
          return { k: 'other', start, end: this.prevEnd };
        case 'if':
          return this.parseIf();
        case 'for':
          return this.parseFor();
        case 'switch':
        case 'select':
          return this.parseSwitch();
        case 'go':
        case 'defer': {
          this.next();
          const x = this.parseExpr();
          return { k: 'go', x, start, end: this.prevEnd };
        }
        case 'return': {
          this.next();
          const results = this.isSemi() || this.is('}') ? [] : this.parseExprList();
          return { k: 'return', results, start, end: this.prevEnd };
        }
        case 'break':
        case 'continue':
        case 'goto':
          this.next();
          if (this.tok.kind === 'ident') this.next();
          return { k: 'other', start, end: this.prevEnd };
        case 'fallthrough':
          this.next();
          return { k: 'other', start, end: this.prevEnd };
      }
    }
    if (this.is('{')) {
      const block = this.parseBlock();
      return { k: 'block', block, start, end: this.prevEnd };
    }
    return this.parseSimpleStmt(true);
  }

  private parseSimpleStmt(labelOk: boolean, rangeOk = false): Stmt {
    const start = this.tok.start;
    if (rangeOk && this.is('range')) {
      this.next();
      const x = this.parseExpr();
      return { k: 'range', lhs: [], x, start, end: this.prevEnd };
    }
    const lhs = this.parseExprList();
    const t = this.tok;
    if (t.kind === 'op' && ASSIGN_OPS.has(t.text)) {
      this.next();
      if (rangeOk && this.is('range') && (t.text === '=' || t.text === ':=')) {
        this.next();
        const x = this.parseExpr();
        return { k: 'range', lhs, op: t.text, x, start, end: this.prevEnd };
      }
      const rhs = this.parseExprList();
      return { k: 'assign', lhs, op: t.text, rhs, start, end: this.prevEnd };
    }
    if (labelOk && this.is(':') && lhs.length === 1 && lhs[0].k === 'ident') {
      this.next();
      if (this.is('}') || this.isSemi()) return { k: 'other', start, end: this.prevEnd };
      const stmt = this.parseStmt() ?? { k: 'other', start, end: this.prevEnd };
      return { k: 'labeled', stmt, start, end: this.prevEnd };
    }
    if (this.is('<-')) {
      this.next();
      const value = this.parseExpr();
      return { k: 'send', ch: lhs[0], value, start, end: this.prevEnd };
    }
    if (this.is('++') || this.is('--')) {
      this.next();
      return { k: 'incdec', x: lhs[0], start, end: this.prevEnd };
    }
    if (lhs.length > 1) this.error('expected assignment');
    return { k: 'expr', x: lhs[0], start, end: this.prevEnd };
  }

  /** `if`/`switch` header: [init ;] [expr-or-stmt], with composite literals of bare type names disallowed. */
  private parseHeader(allowEmpty: boolean): { init?: Stmt; last?: Stmt } {
    const lev = this.exprLev;
    this.exprLev = -1;
    let init: Stmt | undefined;
    let last: Stmt | undefined;
    if (!this.is('{')) {
      if (!this.isSemi()) last = this.parseSimpleStmt(false);
      if (this.isSemi() && !this.tok.auto) {
        this.next();
        init = last;
        last = undefined;
        if (!this.is('{')) last = this.parseSimpleStmt(false);
      } else if (this.isSemi()) {
        // `if x\n{` — Go inserts a semicolon here; treat it as the end of the header.
        this.error("unexpected newline, expected '{'");
        this.next();
      }
    } else if (!allowEmpty) {
      this.error('missing condition');
    }
    this.exprLev = lev;
    return { init, last };
  }

  private parseIf(): Stmt {
    const start = this.next().start;
    const { init, last } = this.parseHeader(false);
    const cond = last?.k === 'expr' ? last.x : undefined;
    if (last && last.k !== 'expr') this.error('expected condition');
    const then = this.parseBlock();
    let els: Stmt | undefined;
    if (this.got('else')) {
      if (this.is('if')) els = this.parseIf();
      else if (this.is('{')) {
        const s = this.tok.start;
        const block = this.parseBlock();
        els = { k: 'block', block, start: s, end: this.prevEnd };
      } else this.error("expected 'if' or '{'");
    }
    return { k: 'if', init, cond, then, els, start, end: this.prevEnd };
  }

  private parseFor(): Stmt {
    const start = this.next().start;
    const lev = this.exprLev;
    this.exprLev = -1;
    let init: Stmt | undefined;
    let cond: Stmt | undefined;
    let post: Stmt | undefined;
    if (!this.is('{')) {
      if (!this.isSemi()) cond = this.parseSimpleStmt(false, true);
      if (this.isSemi() && cond?.k !== 'range') {
        this.next();
        init = cond;
        cond = undefined;
        if (!this.isSemi()) cond = this.parseSimpleStmt(false);
        if (this.isSemi()) this.next();
        else this.error("expected ';'");
        if (!this.is('{')) post = this.parseSimpleStmt(false);
      }
    }
    this.exprLev = lev;
    const body = this.parseBlock();
    return { k: 'for', init, cond, post, body, start, end: this.prevEnd };
  }

  private parseSwitch(): Stmt {
    const kw = this.next();
    const start = kw.start;
    const { init, last } = kw.text === 'switch' ? this.parseHeader(true) : { init: undefined, last: undefined };
    const clauses: Clause[] = [];
    if (!this.expect('{')) return { k: 'switch', init, tag: last, clauses, start, end: this.prevEnd };
    while (!this.is('}') && !this.atEof()) {
      if (this.isSemi()) {
        this.next();
        continue;
      }
      const before = this.p;
      const exprs: Expr[] = [];
      let comm: Stmt | undefined;
      if (this.got('case')) {
        if (kw.text === 'select') comm = this.parseSimpleStmt(false);
        else exprs.push(...this.parseExprList(true));
      } else if (!this.got('default')) {
        this.error("expected 'case' or 'default'");
        this.skipToStmtEnd();
        if (this.p === before) this.next();
        continue;
      }
      this.expect(':');
      const bodyStart = this.tok.start;
      const stmts: Stmt[] = [];
      this.parseStmtList(stmts);
      clauses.push({ exprs, comm, body: { start: bodyStart, end: this.prevEnd, stmts } });
      if (this.p === before) this.next();
    }
    this.expect('}');
    return { k: 'switch', init, tag: last, clauses, start, end: this.prevEnd };
  }

  // Expressions.

  private parseExprList(typesOk = false): Expr[] {
    const list = [typesOk ? this.parseExprOrType() : this.parseExpr()];
    while (this.got(',')) list.push(typesOk ? this.parseExprOrType() : this.parseExpr());
    return list;
  }

  /** An expression where a type may also stand (call arguments, parentheses, case lists). */
  private parseExprOrType(): Expr {
    const t = this.tok;
    if (t.kind === 'keyword' && ['map', 'chan', 'struct', 'interface'].includes(t.text)) {
      return this.parsePrimarySuffix(this.parseType());
    }
    return this.parseExpr();
  }

  parseExpr(): Expr {
    return this.parseBinary(1);
  }

  private parseBinary(prec1: number): Expr {
    let x = this.parseUnary();
    for (;;) {
      const t = this.tok;
      const prec = t.kind === 'op' ? BINARY_PREC[t.text] : undefined;
      if (prec === undefined || prec < prec1) return x;
      this.next();
      const y = this.parseBinary(prec + 1);
      x = { k: 'binary', op: t.text, x, y, start: x.start, end: y.end };
    }
  }

  private parseUnary(): Expr {
    const t = this.tok;
    if (t.kind === 'op' && UNARY.has(t.text)) {
      if (this.depth >= MAX_DEPTH) return this.tooDeep();
      this.depth++;
      try {
        this.next();
        const x = this.parseUnary();
        return { k: 'unary', op: t.text, x, start: t.start, end: x.end };
      } finally {
        this.depth--;
      }
    }
    return this.parsePrimarySuffix(this.parseOperand());
  }

  private parseOperand(): Expr {
    const t = this.tok;
    const start = t.start;
    switch (t.kind) {
      case 'ident':
        this.next();
        return { k: 'ident', name: t.text, start, end: t.end };
      case 'int':
      case 'float':
      case 'imag':
      case 'rune':
      case 'string':
        this.next();
        return { k: 'basic', tok: t, start, end: t.end };
      case 'error':
        if (t.partOf === 'string' || t.partOf === 'rune') {
          this.next();
          return { k: 'bad', start, end: t.end };
        }
        break;
      case 'op':
        if (t.text === '(') {
          if (this.depth >= MAX_DEPTH) return this.tooDeep();
          this.depth++;
          try {
            this.next();
            this.exprLev++;
            const x = this.parseExprOrType();
            this.exprLev--;
            this.expect(')');
            return { k: 'paren', x, start, end: this.prevEnd };
          } finally {
            this.depth--;
          }
        }
        if (t.text === '[') return this.parseType();
        break;
      case 'keyword':
        if (t.text === 'func') {
          this.next();
          const params = this.parseParams();
          this.parseResult();
          if (this.is('{')) {
            const lev = this.exprLev;
            this.exprLev = 0;
            const body = this.parseBlock();
            this.exprLev = lev;
            return { k: 'funclit', params, body, start, end: this.prevEnd };
          }
          return { k: 'type', start, end: this.prevEnd };
        }
        if (['map', 'chan', 'struct', 'interface'].includes(t.text)) return this.parseType();
        break;
    }
    this.error('expected expression');
    return { k: 'bad', start, end: start };
  }

  private isLiteralType(x: Expr): boolean {
    switch (x.k) {
      case 'ident':
      case 'type':
      case 'index':
        return true;
      case 'sel':
        return x.x.k === 'ident';
      default:
        return false;
    }
  }

  private parsePrimarySuffix(x: Expr): Expr {
    for (;;) {
      if (this.is('.')) {
        this.next();
        const t = this.tok;
        if (t.kind === 'ident') {
          this.next();
          x = { k: 'sel', x, name: t.text, start: x.start, end: t.end };
        } else if (this.is('(')) {
          this.next();
          if (!this.got('type')) this.parseType();
          this.expect(')');
          x = { k: 'assert', x, start: x.start, end: this.prevEnd };
        } else {
          this.error('expected selector or type assertion');
          return x;
        }
      } else if (this.is('[')) {
        this.next();
        this.exprLev++;
        const args: Expr[] = [];
        while (!this.is(']') && !this.atEof()) {
          if (this.is(':')) {
            this.next();
            continue;
          }
          const before = this.p;
          args.push(this.parseExprOrType());
          if (!this.got(',') && !this.is(':') && !this.is(']')) break;
          if (this.p === before) break;
        }
        this.exprLev--;
        this.expect(']');
        x = { k: 'index', x, args, start: x.start, end: this.prevEnd };
      } else if (this.is('(')) {
        this.next();
        this.exprLev++;
        const args: Expr[] = [];
        while (!this.is(')') && !this.atEof()) {
          if (this.isSemi() && this.tok.auto && this.peek().text === ')') break; // reported by expect
          const before = this.p;
          args.push(this.parseExprOrType());
          this.got('...');
          if (!this.got(',')) break;
          if (this.p === before) break;
        }
        this.exprLev--;
        this.expect(')');
        x = { k: 'call', fun: x, args, start: x.start, end: this.prevEnd };
      } else if (this.is('{') && this.isLiteralType(x) && (this.exprLev >= 0 || x.k === 'type')) {
        // In `if`/`for`/`switch` headers a `{` after a name or index expression opens the block
        // (Go spec, "Composite literals": parsing ambiguity); explicit types still take literals.
        x = this.parseLiteralValue(x);
      } else {
        return x;
      }
    }
  }

  private parseLiteralValue(type: Expr | undefined): Expr {
    const start = type ? type.start : this.tok.start;
    if (this.depth >= MAX_DEPTH) {
      this.error('nested too deeply');
      this.skipBalanced();
      return { k: 'bad', start, end: this.prevEnd };
    }
    this.depth++;
    try {
      this.next(); // {
      this.exprLev++;
      const elts: Expr[] = [];
      const element = (): Expr => (this.is('{') ? this.parseLiteralValue(undefined) : this.parseExprOrType());
      while (!this.is('}') && !this.atEof()) {
        const before = this.p;
        let e = element();
        if (this.got(':')) {
          const value = element();
          e = { k: 'kv', key: e, value, start: e.start, end: value.end };
        }
        elts.push(e);
        if (!this.got(',')) {
          if (this.isSemi() && this.tok.auto && this.peek().text === '}') {
            this.error("expected ',' before newline in composite literal");
            this.next();
          }
          break;
        }
        if (this.p === before) break;
      }
      this.exprLev--;
      this.expect('}');
      return { k: 'composite', type, elts, start, end: this.prevEnd };
    } finally {
      this.depth--;
    }
  }
}

// Analysis: configs, bindings, settings, constructors

export interface FuncInfo {
  decl: FuncDecl;
  state: 'todo' | 'doing' | 'done';
  /** The function returns a config: at this result index. */
  returns?: { index: number; cv: ConfigVar };
  /** Configs created while walking this function's own body (not those of helpers it made analysed). */
  cvs: ConfigVar[];
  /**
   * What ties this function's analysis to others: it read a config or client bound at package
   * level, or assigned a package-level name. A function without it (and without `returns`)
   * that no call resolves to can be analysed again alone.
   */
  sharesState: boolean;
  /** Some call in the file resolved to this function (as a possible helper). */
  called: boolean;
  /** The configs its `*sarama.Config` parameters stand for, by argument index (what it sets on them). */
  params?: Map<number, ConfigVar>;
}

interface Binding {
  kind: 'config' | 'client';
  cv: ConfigVar;
}

class Scope {
  readonly vars = new Map<string, Binding | null>();
  constructor(readonly parent?: Scope) {}

  /** The binding of a name: undefined = unknown name, null = a name that is not a config. */
  lookup(name: string): Binding | null | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.has(name)) return s.vars.get(name);
    }
    return undefined;
  }

  owner(name: string): Scope | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.vars.has(name)) return s;
    return undefined;
  }
}

/**
 * A part of a function that a run may skip: an if's or an else's block, a switch or select case,
 * a loop's body, a function literal. Compared by identity; `up` is the branch it stands in.
 */
interface Branch {
  up: Branch | undefined;
}

interface OwnSetting {
  /** Spans relative to `chunk`. */
  setting: Setting;
  /** Role evidence of its key. */
  role: SaramaRole;
  stmt: Stmt;
  /** The block the statement stands in directly (undefined inside an if/for header). */
  block?: Block;
  chunk: ChunkRef;
  /** The branch of its function the assignment stands in (undefined: the function's own body). */
  branch: Branch | undefined;
  /** When Go runs it: 0 package variables' initialisation, 1 an `init` function (or what it calls), 2 anything else. */
  phase: 0 | 1 | 2;
}

export interface ConfigVar {
  /** The name it was first bound to (`cfg`, `s.cfg`). */
  name?: string;
  /** The NewConfig() call or helper call (relative to originChunk). */
  origin: Span;
  originNode?: Expr;
  originChunk: ChunkRef;
  /** A helper call: the config the helper returns (its settings come first). */
  base?: ConfigVar;
  own: OwnSetting[];
  /** Spans relative to chunk. */
  ctors: { name: string; span: Span; chunk: ChunkRef }[];
  /** The binding statement, when it stands directly in a function block. */
  create?: { stmt: Stmt; block: Block; chunk: ChunkRef };
  /** Set when this config is a helper's result and some call in the file uses the helper. */
  consumed?: boolean;
  /**
   * A `*sarama.Config` parameter of a function: what the function sets on the config a caller
   * passes. Each call of the function in this file applies it to the caller's config; one that no
   * call applies is a unit of its own, `partial` (its callers, elsewhere, may set anything).
   */
  param?: true;
  /**
   * Parameter configs applied to this one by calls (`configure(cfg)`), and the settings they
   * brought, each with the branch of the call that brought it.
   */
  applied?: { from: ConfigVar[]; owns: Map<OwnSetting, Branch | undefined> };
}

/** Parser-private data on settings, for the editor. */
interface GoSettingExt {
  /** The RHS without enclosing parentheses (what setValue replaces). */
  inner: Span;
  /** Part of `a, b = x, y` / `a, err = f()`: the statement cannot be removed alone. */
  tuple: boolean;
  /** The value comes from a multi-value call (`cfg.Version, err = sarama.ParseKafkaVersion(…)`). */
  fromCall: boolean;
}

/** Parser-private data on units, for the editor. */
interface GoUnitExt {
  varName?: string;
  /** Package qualifier for sarama ('' under a dot import). */
  alias: string;
  timeAlias?: string;
  /** Where an inserted setting goes: a line end, and the indentation of the line it follows. */
  insert?: { at: number; indent: string };
  /** Positions of `<alias>.` uses per imported package, to avoid removing the last use of an import. */
  importUses: ImportUses;
  /**
   * The piece (a function, goIncremental.ts) that holds every place of the unit: its settings,
   * constructors, origin and insertion point. Undefined when they lie in several (a helper's config
   * and its caller). An editor keeps the findings of such a unit while its piece is unchanged.
   */
  piece?: ChunkRef;
}

const TIME_UNITS: Record<string, number> = {
  Nanosecond: 1,
  Microsecond: 1e3,
  Millisecond: 1e6,
  Second: 1e9,
  Minute: 60e9,
  Hour: 3600e9,
};

const DOT_IMPORT_NAMES = new Set(SARAMA_CONSTANTS.map((c) => c.name));
const DOT_IMPORT_PATTERN = /^(NewConfig|New\w*(Producer|Consumer|ConsumerGroup|Client|ClusterAdmin|OffsetManager)\w*|ParseKafkaVersion|Compression\w+|SASLType\w+|SASLHandshakeV\d|New\w*Partitioner|NewBalanceStrategy\w+|BalanceStrategy\w+|RequiredAcks|IsolationLevel)$/;

function newFuncInfo(decl: FuncDecl): FuncInfo {
  return { decl, state: 'todo', cvs: [], sharesState: false, called: false };
}

function unparen(e: Expr): Expr {
  while (e.k === 'paren') e = e.x;
  return e;
}

/** `a.b.c` as segments, or undefined for anything but a chain of identifiers. */
function selectorPath(e: Expr): { segs: string[] } | undefined {
  const segs: string[] = [];
  let cur: Expr = e;
  while (cur.k === 'sel') {
    segs.push(cur.name);
    cur = cur.x;
  }
  if (cur.k !== 'ident') return undefined;
  segs.push(cur.name);
  return { segs: segs.reverse() };
}

function parseIntLiteral(text: string): number | undefined {
  const t = text.replace(/_/g, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t.slice(2), 16);
  if (/^0[bB][01]+$/.test(t)) return parseInt(t.slice(2), 2);
  if (/^0[oO][0-7]+$/.test(t)) return parseInt(t.slice(2), 8);
  if (/^0[0-7]+$/.test(t)) return parseInt(t.slice(1), 8);
  if (/^\d+$/.test(t)) return Number(t);
  return undefined;
}

/** `name *pkg.Config` (the package qualifier) or `name *Config` (''); undefined for any other type. */
function configQualifier(g: GoToken[]): string | undefined {
  if (g[g.length - 1].text !== 'Config' || g[1].text !== '*') return undefined;
  if (g.length === 5 && g[3].text === '.') return g[2].text;
  return g.length === 3 ? '' : undefined;
}

export class Analyzer {
  configs: ConfigVar[] = [];
  /** Configs created outside functions (package-level declarations). */
  readonly varCvs: ConfigVar[] = [];
  private funcs = new Map<string, FuncInfo>();
  private methods = new Map<string, FuncInfo[]>();
  /** Every function, in file order. */
  infos: FuncInfo[] = [];
  private readonly pkgScope = new Scope();
  /** Origin calls already turned into a config (a call is one config, however often it is looked at). */
  private readonly created = new Map<Expr, { cv: ConfigVar; index: number }>();
  private curFn: FuncInfo | undefined;
  private closureDepth = 0;
  /** The branch of the function under analysis that the walk is in. */
  private branch: Branch | undefined;
  /** The piece the code being walked was parsed from. */
  private cur: ChunkRef;
  /** Some function assigned a package-level name: package bindings depend on the order of analysis. */
  pkgWritten = false;
  /** When what is being analysed runs (OwnSetting.phase): set per function `run` analyses. */
  private phase: 0 | 1 | 2 = 0;
  /** A helper call reached a function under analysis (recursion): results depend on the order of analysis. */
  cyclic = false;
  /** Some function takes a `*Config` parameter (configParams), so a call may apply one. */
  private hasConfigParams = false;

  constructor(
    private readonly files: GoFile[],
    private readonly aliases: Set<string>,
    private readonly dot: boolean,
    private readonly timeAlias: string | undefined,
    /**
     * Files of the package (goPackage.ts) whose functions are analysed up front; those of the
     * others only when a call reaches them (their own configs are not this file's units).
     */
    private readonly eager?: ReadonlySet<ChunkRef>,
  ) {
    this.cur = files[0].chunk;
    for (const file of files) for (const f of file.funcs) this.infos.push(newFuncInfo(f));
    this.index();
  }

  /** Name lookup tables, from `infos`. */
  private index(): void {
    this.funcs = new Map();
    this.methods = new Map();
    this.hasConfigParams = false;
    for (const info of this.infos) {
      const f = info.decl;
      if (f.configParams.length) this.hasConfigParams = true;
      if (!f.recv) {
        if (!this.funcs.has(f.name)) this.funcs.set(f.name, info);
      } else {
        const list = this.methods.get(f.name) ?? [];
        list.push(info);
        this.methods.set(f.name, list);
      }
    }
  }

  run(): void {
    for (const file of this.files) {
      this.cur = file.chunk;
      for (const v of file.vars) this.walkStmt(v, this.pkgScope, undefined);
    }
    // init() runs before everything else, so configs it builds are visible to later functions.
    const inits = this.infos.filter((f) => !f.decl.recv && f.decl.name === 'init');
    for (const f of [...inits, ...this.infos]) {
      const c = f.decl.chunk;
      this.phase = !f.decl.recv && f.decl.name === 'init' ? 1 : 2;
      if (c.path === undefined || f.decl.name === 'init' || this.eager?.has(c)) this.analyzeFunc(f);
    }
  }

  /**
   * Replace functions by new declarations (same names, same order) and analyse only those. The
   * caller has checked that the old ones were independent (see FuncInfo.sharesState); returns
   * false when a new one is not, and the analyser must then be rebuilt.
   */
  replaceFuncs(old: FuncInfo[], decls: FuncDecl[]): boolean {
    const gone = new Set(old);
    for (const f of old) for (const cv of f.cvs) if (cv.originNode) this.created.delete(cv.originNode);
    const at = this.infos.findIndex((f) => gone.has(f));
    const fresh = decls.map(newFuncInfo);
    this.infos = [...this.infos.slice(0, at), ...fresh, ...this.infos.slice(at + old.length)];
    this.index();
    for (const f of fresh) {
      this.phase = !f.decl.recv && f.decl.name === 'init' ? 1 : 2;
      this.analyzeFunc(f);
      if (f.sharesState || f.returns || f.called || this.cyclic || this.pkgWritten) return false;
    }
    return true;
  }

  private analyzeFunc(f: FuncInfo): void {
    if (f.state !== 'todo' || !f.decl.body) {
      if (f.state === 'todo') f.state = 'done';
      return;
    }
    f.state = 'doing';
    const saved = { fn: this.curFn, depth: this.closureDepth, cur: this.cur, branch: this.branch };
    this.curFn = f;
    this.closureDepth = 0;
    this.branch = undefined;
    this.cur = f.decl.chunk;
    const scope = new Scope(this.pkgScope);
    for (const p of f.decl.params) scope.vars.set(p, null);
    for (const p of f.decl.configParams) {
      if (p.qual ? !this.aliases.has(p.qual) : !this.dot) continue;
      const cv: ConfigVar = { name: p.name, origin: { start: p.start, end: p.end }, originChunk: this.cur, param: true, own: [], ctors: [] };
      this.configs.push(cv);
      f.cvs.push(cv);
      (f.params ??= new Map()).set(p.index, cv);
      scope.vars.set(p.name, { kind: 'config', cv });
    }
    this.walkBlock(f.decl.body, scope);
    this.curFn = saved.fn;
    this.closureDepth = saved.depth;
    this.cur = saved.cur;
    this.branch = saved.branch;
    f.state = 'done';
  }

  /** scope.lookup, noting a function's use of a package-level config or client. */
  private lookup(scope: Scope, name: string): Binding | null | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b !== undefined || s.vars.has(name)) {
        if (b && s === this.pkgScope && this.curFn) this.curFn.sharesState = true;
        return b;
      }
    }
    return undefined;
  }

  // Names.

  /** The sarama identifier an expression names (`sarama.WaitForAll`, or `WaitForAll` under a dot import). */
  private saramaName(e: Expr): string | undefined {
    if (e.k === 'sel' && e.x.k === 'ident' && this.aliases.has(e.x.name)) return e.name;
    if (e.k === 'ident' && this.dot && (DOT_IMPORT_NAMES.has(e.name) || DOT_IMPORT_PATTERN.test(e.name))) return e.name;
    return undefined;
  }

  private isNewConfig(e: Expr): e is Expr & { k: 'call' } {
    return e.k === 'call' && e.args.length === 0 && this.saramaName(e.fun) === 'NewConfig';
  }

  /** A helper of this file that returns a config, if the call calls one. */
  private helperOf(call: Expr & { k: 'call' }): FuncInfo | undefined {
    const info = this.calleeOf(call);
    return info?.state === 'done' && info.returns ? info : undefined;
  }

  /** The function of this file a call calls, analysed (unless the call is recursive). */
  private calleeOf(call: Expr & { k: 'call' }): FuncInfo | undefined {
    let info: FuncInfo | undefined;
    if (call.fun.k === 'ident') info = this.funcs.get(call.fun.name);
    else if (call.fun.k === 'sel' && !this.saramaName(call.fun)) {
      const ms = this.methods.get(call.fun.name);
      if (ms && ms.length === 1) info = ms[0];
    }
    if (!info) return undefined;
    info.called = true;
    if (info.state === 'doing') this.cyclic = true;
    if (info.state === 'todo') this.analyzeFunc(info);
    return info;
  }

  private newConfig(origin: Expr, base?: ConfigVar, index = 0): ConfigVar {
    const cv: ConfigVar = { origin: { start: origin.start, end: origin.end }, originChunk: this.cur, base, own: [], ctors: [] };
    if (base) base.consumed = true;
    this.configs.push(cv);
    (this.curFn ? this.curFn.cvs : this.varCvs).push(cv);
    this.created.set(origin, { cv, index });
    cv.originNode = origin;
    return cv;
  }

  /**
   * The config an expression evaluates to: a bound name, a NewConfig() call, a helper call.
   * `index` is the result index when the call's results are unpacked (`c, err := newCfg()`).
   */
  private evalConfig(e: Expr, scope: Scope, index = 0): ConfigVar | undefined {
    e = unparen(e);
    const path = selectorPath(e);
    if (path) {
      const b = this.lookup(scope, path.segs.join('.'));
      return b?.kind === 'config' ? b.cv : undefined;
    }
    if (e.k !== 'call') return undefined;
    const done = this.created.get(e);
    if (done) return done.index === index ? done.cv : undefined;
    if (this.isNewConfig(e)) return index === 0 ? this.newConfig(e) : undefined;
    const h = this.helperOf(e);
    if (h?.returns && h.returns.index === index) {
      // `configure(cfg)` returning its parameter returns the caller's config.
      if (h.returns.cv.param) return this.argumentFor(h, h.returns.cv, e, scope);
      return this.newConfig(e, h.returns.cv, index);
    }
    return undefined;
  }

  /** The config a call passes for a parameter config of the function it calls. */
  private argumentFor(info: FuncInfo, param: ConfigVar, call: Expr & { k: 'call' }, scope: Scope): ConfigVar | undefined {
    for (const [index, cv] of info.params ?? []) if (cv === param) return call.args[index] ? this.evalConfig(call.args[index], scope) : undefined;
    return undefined;
  }

  private evalClient(e: Expr, scope: Scope): ConfigVar | undefined {
    const path = selectorPath(unparen(e));
    if (!path) return undefined;
    const b = this.lookup(scope, path.segs.join('.'));
    return b?.kind === 'client' ? b.cv : undefined;
  }

  /** `sarama.NewClient(addrs, cfg)`: the config the client is built from. */
  private clientOf(e: Expr, scope: Scope): ConfigVar | undefined {
    e = unparen(e);
    if (e.k !== 'call' || this.saramaName(e.fun) !== 'NewClient') return undefined;
    const arg = e.args[1];
    return arg ? this.evalConfig(arg, scope) : undefined;
  }

  // Statements.

  private walkBlock(block: Block, scope: Scope): void {
    for (const s of block.stmts) this.walkStmt(s, scope, block);
  }

  private walkStmt(s: Stmt, scope: Scope, block: Block | undefined): void {
    switch (s.k) {
      case 'assign':
        this.walkAssign(s, scope, block);
        return;
      case 'var':
        for (const spec of s.specs) {
          const lhs: Expr[] = spec.names.map((n) => ({ k: 'ident', name: n.name, start: n.start, end: n.end }));
          this.bindAll(s, lhs, ':=', spec.values, scope, block);
        }
        return;
      case 'range':
        this.visit(s.x, scope);
        for (const l of s.lhs) {
          if (s.op === ':=' && l.k === 'ident') scope.vars.set(l.name, null);
          else this.visit(l, scope);
        }
        return;
      case 'expr':
      case 'go':
        this.visit(s.x, scope);
        return;
      case 'incdec':
        this.visit(s.x, scope);
        return;
      case 'send':
        this.visit(s.ch, scope);
        this.visit(s.value, scope);
        return;
      case 'return':
        if (this.curFn && this.closureDepth === 0 && !this.curFn.returns) {
          for (let i = 0; i < s.results.length; i++) {
            const cv = this.evalConfig(s.results[i], scope);
            if (cv) {
              this.curFn.returns = { index: i, cv };
              break;
            }
          }
        }
        for (const r of s.results) this.visit(r, scope);
        return;
      case 'block':
        this.walkBlock(s.block, new Scope(scope));
        return;
      case 'labeled':
        this.walkStmt(s.stmt, scope, block);
        return;
      case 'if': {
        const inner = new Scope(scope);
        if (s.init) this.walkStmt(s.init, inner, undefined);
        if (s.cond) this.visit(s.cond, inner);
        const outer = this.branch;
        this.branch = { up: outer };
        this.walkBlock(s.then, new Scope(inner));
        if (s.els) {
          this.branch = { up: outer };
          this.walkStmt(s.els, inner, undefined);
        }
        this.branch = outer;
        return;
      }
      case 'for': {
        const inner = new Scope(scope);
        if (s.init) this.walkStmt(s.init, inner, undefined);
        if (s.cond) this.walkStmt(s.cond, inner, undefined);
        const outer = this.branch;
        this.branch = { up: outer };
        if (s.post) this.walkStmt(s.post, inner, undefined);
        this.walkBlock(s.body, new Scope(inner));
        this.branch = outer;
        return;
      }
      case 'switch': {
        const inner = new Scope(scope);
        if (s.init) this.walkStmt(s.init, inner, undefined);
        if (s.tag) this.walkStmt(s.tag, inner, undefined);
        const outer = this.branch;
        for (const c of s.clauses) {
          const cs = new Scope(inner);
          for (const e of c.exprs) this.visit(e, cs);
          this.branch = { up: outer };
          if (c.comm) this.walkStmt(c.comm, cs, undefined);
          this.walkBlock(c.body, cs);
          this.branch = outer;
        }
        return;
      }
      case 'other':
        return;
    }
  }

  private walkAssign(s: Stmt & { k: 'assign' }, scope: Scope, block: Block | undefined): void {
    if (s.op === '=' || s.op === ':=') {
      this.bindAll(s, s.lhs, s.op, s.rhs, scope, block);
      return;
    }
    // Compound assignment (`cfg.Producer.Retry.Max += 2`): the value is not a constant we know.
    for (const r of s.rhs) this.visit(r, scope);
    const l = s.lhs[0];
    const field = l && this.fieldTarget(l, scope);
    if (field && s.rhs[0]) this.recordSetting(field.cv, field.path, l, s.rhs[0], s, block, { dynamic: true, tuple: false, fromCall: false });
    else if (l) this.visit(l, scope);
  }

  /** The config and field path an assignment target names (`cfg.Producer.RequiredAcks`, `s.cfg.Version`). */
  private fieldTarget(e: Expr, scope: Scope): { cv: ConfigVar; path: string; segs: string[] } | undefined {
    const p = selectorPath(e);
    if (!p || p.segs.length < 2) return undefined;
    for (let k = p.segs.length - 1; k >= 1; k--) {
      const b = this.lookup(scope, p.segs.slice(0, k).join('.'));
      if (b === undefined) continue;
      if (b?.kind === 'config') return { cv: b.cv, path: p.segs.slice(k).join('.'), segs: p.segs };
      return undefined;
    }
    return undefined;
  }

  private bindAll(s: Stmt, lhs: Expr[], op: string, rhs: Expr[], scope: Scope, block: Block | undefined): void {
    const configs: (ConfigVar | undefined)[] = [];
    const clients: (ConfigVar | undefined)[] = [];
    const single = rhs.length === 1 && lhs.length > 1 ? unparen(rhs[0]) : undefined;
    for (let i = 0; i < lhs.length; i++) {
      if (rhs.length === lhs.length) {
        configs[i] = this.evalConfig(rhs[i], scope);
        clients[i] = configs[i] ? undefined : (this.evalClient(rhs[i], scope) ?? this.clientOf(rhs[i], scope));
      } else if (single?.k === 'call') {
        configs[i] = this.evalConfig(single, scope, i);
        if (i === 0) clients[i] = this.clientOf(single, scope);
      }
    }
    for (const r of rhs) this.visit(r, scope);
    for (let i = 0; i < lhs.length; i++) {
      const l = lhs[i];
      if (l.k === 'ident' && l.name === '_') continue;
      const field = op === '=' ? this.fieldTarget(l, scope) : undefined;
      if (field) {
        const tuple = lhs.length > 1;
        if (rhs.length === lhs.length) this.recordSetting(field.cv, field.path, l, rhs[i], s, block, { tuple, fromCall: false });
        else if (single) this.recordSetting(field.cv, field.path, l, single, s, block, { tuple, fromCall: true, index: i });
        continue;
      }
      const path = selectorPath(l);
      if (!path) {
        this.visit(l, scope);
        continue;
      }
      const name = path.segs.join('.');
      const cv = configs[i] ?? clients[i];
      const binding: Binding | null = configs[i] ? { kind: 'config', cv: configs[i]! } : clients[i] ? { kind: 'client', cv: clients[i]! } : null;
      if (op === ':=') {
        if (path.segs.length === 1) scope.vars.set(name, binding);
      } else {
        // A name declared nowhere we saw (declared in another file, a named result, a field path
        // like `s.cfg`) lives as long as the function, as far as this analysis goes.
        const target = scope.owner(name) ?? this.fnScopeOf(scope);
        if (target === this.pkgScope && this.curFn) {
          this.pkgWritten = true;
          this.curFn.sharesState = true;
        }
        target.vars.set(name, binding);
      }
      if (cv && binding?.kind === 'config' && cv.name === undefined) {
        cv.name = name;
        if (block) cv.create = { stmt: s, block, chunk: this.cur };
      }
    }
  }

  private fnScopeOf(scope: Scope): Scope {
    let s = scope;
    while (s.parent && s.parent !== this.pkgScope) s = s.parent;
    return s;
  }

  // Expressions.

  /** Walk an expression for config origins, constructor calls and closures (iteratively). */
  private visit(root: Expr, scope: Scope): void {
    const stack: Expr[] = [root];
    while (stack.length) {
      const e = stack.pop()!;
      switch (e.k) {
        case 'call':
          this.onCall(e, scope);
          stack.push(e.fun, ...e.args);
          break;
        case 'sel':
        case 'assert':
        case 'unary':
        case 'paren':
          stack.push(e.x);
          break;
        case 'index':
          stack.push(e.x, ...e.args);
          break;
        case 'binary':
          stack.push(e.x, e.y);
          break;
        case 'composite':
          stack.push(...e.elts);
          break;
        case 'kv':
          stack.push(e.key, e.value);
          break;
        case 'funclit': {
          const inner = new Scope(scope);
          for (const p of e.params) inner.vars.set(p, null);
          const outer = this.branch;
          this.branch = { up: outer };
          this.closureDepth++;
          this.walkBlock(e.body, inner);
          this.closureDepth--;
          this.branch = outer;
          break;
        }
        default:
          break;
      }
    }
  }

  private onCall(call: Expr & { k: 'call' }, scope: Scope): void {
    let callee: FuncInfo | undefined;
    if (!this.created.has(call)) {
      // A config nobody binds (`sarama.NewSyncProducer(addrs, sarama.NewConfig())`) is still a config.
      if (this.isNewConfig(call)) this.newConfig(call);
      else {
        callee = this.calleeOf(call);
        const h = callee?.state === 'done' ? callee.returns : undefined;
        if (h && h.index === 0 && !h.cv.param) this.newConfig(call, h.cv);
      }
    } else if (this.hasConfigParams) callee = this.calleeOf(call);
    if (callee?.params && callee.state === 'done') this.applyParams(call, callee.params, scope);
    const name = this.saramaName(call.fun);
    const ctor = name ? saramaConstructor(name) : undefined;
    if (!ctor || !name) return;
    let cv: ConfigVar | undefined;
    if (ctor.configArg !== undefined && call.args[ctor.configArg]) cv = this.evalConfig(call.args[ctor.configArg], scope);
    else if (ctor.clientArg !== undefined && call.args[ctor.clientArg]) cv = this.evalClient(call.args[ctor.clientArg], scope);
    if (cv) cv.ctors.push({ name, span: { start: call.start, end: call.end }, chunk: this.cur });
  }

  /**
   * `configure(cfg)`, where `configure` is a function of this file that takes a `*sarama.Config`:
   * what it sets on its parameter, and the constructors it passes it to, happen to `cfg` here.
   */
  private applyParams(call: Expr & { k: 'call' }, params: Map<number, ConfigVar>, scope: Scope): void {
    for (const [index, from] of params) {
      const arg = call.args[index];
      const cv = arg && this.evalConfig(arg, scope);
      if (!cv || cv === from) continue;
      cv.applied ??= { from: [], owns: new Map() };
      cv.applied.from.push(from);
      for (const o of alongBases(from, ownOf)) {
        cv.own.push(o);
        cv.applied.owns.set(o, this.branch);
      }
      for (const c of alongBases(from, ctorsOf)) cv.ctors.push(c);
    }
  }

  // Settings.

  private recordSetting(
    cv: ConfigVar,
    path: string,
    lhs: Expr,
    rhs: Expr,
    stmt: Stmt,
    block: Block | undefined,
    opts: { tuple: boolean; fromCall: boolean; dynamic?: boolean; index?: number },
  ): void {
    const field = saramaFieldByPath(path);
    let value: string | undefined;
    if (!opts.dynamic) {
      if (opts.fromCall) {
        // `cfg.Version, err = sarama.ParseKafkaVersion("2.8.0")`
        const call = unparen(rhs);
        if (
          opts.index === 0 &&
          field?.kind === 'version' &&
          call.k === 'call' &&
          this.saramaName(call.fun) === 'ParseKafkaVersion' &&
          call.args.length === 1
        ) {
          const arg = this.constValue(call.args[0]);
          if (arg?.type === 'string') {
            const v = saramaParseKafkaVersion(arg.value);
            if (v) value = saramaValue(field, { type: 'version', value: v });
          }
        }
      } else {
        const c = this.constValue(rhs);
        if (c) value = saramaValue(field, c);
      }
    }
    const p = selectorPath(lhs)!;
    const rawValue = this.cur.text.slice(rhs.start, rhs.end);
    const inner = unparen(rhs);
    const ext: GoSettingExt = { inner: { start: inner.start, end: inner.end }, tuple: opts.tuple, fromCall: opts.fromCall };
    const setting: Setting = internSetting({
      key: saramaKeyOf(path),
      sourceKey: p.segs.join('.'),
      role: 'client',
      value: value ?? rawValue,
      rawValue,
      dynamic: value === undefined,
      keySpan: { start: lhs.start, end: lhs.end },
      valueSpan: { start: rhs.start, end: rhs.end },
      entrySpan: { start: stmt.start, end: stmt.end },
      precedence: 1,
      ext,
    });
    cv.own.push({ setting, stmt, block, chunk: this.cur, role: saramaRoleOfPath(pathOfSetting(setting)), branch: this.branch, phase: this.phase });
  }

  /** The constant a Go expression denotes, if we can tell (literals, sarama/time constants, arithmetic). */
  private constValue(e: Expr, depth = 0): SaramaGoValue | undefined {
    if (depth > 50) return undefined;
    e = unparen(e);
    switch (e.k) {
      case 'basic': {
        const t = e.tok;
        if (t.kind === 'string') return { type: 'string', value: t.value ?? '' };
        if (t.kind === 'int') {
          const n = parseIntLiteral(t.text);
          return n === undefined ? undefined : { type: 'number', value: n };
        }
        if (t.kind === 'float') {
          const n = Number(t.text.replace(/_/g, ''));
          return Number.isFinite(n) ? { type: 'number', value: n } : undefined;
        }
        if (t.kind === 'rune') {
          const cp = t.value?.codePointAt(0);
          return cp === undefined ? undefined : { type: 'number', value: cp };
        }
        return undefined;
      }
      case 'ident':
        if (e.name === 'true' || e.name === 'false') return { type: 'bool', value: e.name === 'true' };
        if (this.saramaName(e)) return { type: 'sarama', name: e.name };
        return undefined;
      case 'sel': {
        const name = this.saramaName(e);
        if (name) return { type: 'sarama', name };
        if (this.timeAlias && e.x.k === 'ident' && e.x.name === this.timeAlias && e.name in TIME_UNITS) {
          return { type: 'number', value: TIME_UNITS[e.name], duration: true };
        }
        return undefined;
      }
      case 'unary': {
        const x = this.constValue(e.x, depth + 1);
        if (!x) return undefined;
        if (e.op === '-' && x.type === 'number') return { ...x, value: -x.value };
        if (e.op === '+' && x.type === 'number') return x;
        if (e.op === '!' && x.type === 'bool') return { type: 'bool', value: !x.value };
        return undefined;
      }
      case 'binary': {
        const x = this.constValue(e.x, depth + 1);
        const y = this.constValue(e.y, depth + 1);
        if (!x || !y) return undefined;
        if (x.type === 'string' && y.type === 'string' && e.op === '+') return { type: 'string', value: x.value + y.value };
        if (x.type !== 'number' || y.type !== 'number') return undefined;
        const duration = x.duration || y.duration;
        const ints = Number.isInteger(x.value) && Number.isInteger(y.value);
        let v: number;
        switch (e.op) {
          case '*':
            v = x.value * y.value;
            break;
          case '+':
            v = x.value + y.value;
            break;
          case '-':
            v = x.value - y.value;
            break;
          case '/':
            if (y.value === 0) return undefined;
            v = ints ? Math.trunc(x.value / y.value) : x.value / y.value;
            // Duration / Duration is a plain number.
            return { type: 'number', value: v, duration: x.duration && !y.duration };
          default:
            return undefined;
        }
        return { type: 'number', value: v, duration };
      }
      case 'call': {
        // Conversions: sarama.RequiredAcks(-1), sarama.IsolationLevel(1), time.Duration(5), int64(x).
        if (e.args.length !== 1) return undefined;
        const f = e.fun;
        const sName = this.saramaName(f);
        const isTimeDuration = f.k === 'sel' && f.x.k === 'ident' && f.x.name === this.timeAlias && f.name === 'Duration';
        const isBuiltin = f.k === 'ident' && /^(u?int(8|16|32|64)?|float(32|64))$/.test(f.name);
        if (sName !== 'RequiredAcks' && sName !== 'IsolationLevel' && !isTimeDuration && !isBuiltin) return undefined;
        const x = this.constValue(e.args[0], depth + 1);
        if (!x || x.type !== 'number') return undefined;
        return isTimeDuration ? { ...x, duration: true } : x;
      }
      default:
        return undefined;
    }
  }
}

// Units

function lineStartOf(text: string, pos: number): number {
  let k = pos;
  while (k > 0 && text[k - 1] !== '\n' && text[k - 1] !== '\r') k--;
  return k;
}

function lineEndOf(text: string, pos: number): number {
  let k = pos;
  while (k < text.length && text[k] !== '\n' && text[k] !== '\r') k++;
  return k;
}

/**
 * Where a new line can go after a statement: the end of its line, provided the rest of the line
 * holds only `;`, whitespace and comments that close on it; undefined otherwise.
 */
function insertionAfter(text: string, comments: Comment[], stmt: Span): { at: number; indent: string } | undefined {
  const ls = lineStartOf(text, stmt.start);
  const indent = text.slice(ls, stmt.start);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  let k = stmt.end;
  for (;;) {
    while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === ';')) k++;
    if (k >= text.length || text[k] === '\n' || text[k] === '\r') return { at: k, indent };
    if (text.startsWith('//', k)) return { at: lineEndOf(text, k), indent };
    if (text.startsWith('/*', k)) {
      const c = comments.find((x) => x.span.start === k);
      // A block comment is terminated when it ends with its own `*/` (an unterminated one runs to the end).
      const terminated = c !== undefined && c.span.end - c.span.start >= 4 && text.startsWith('*/', c.span.end - 2);
      if (!c || !terminated || /[\r\n]/.test(c.text)) return undefined;
      k = c.span.end;
      continue;
    }
    return undefined;
  }
}

/**
 * `list` of the config and of the configs it is built on, bases first. A config without a base
 * (most of them) returns its own list as is; the set of configs seen only guards against a cycle
 * of bases, which a config without a base ends.
 */
function alongBases<T>(cv: ConfigVar, list: (c: ConfigVar) => T[], seen?: Set<ConfigVar>): T[] {
  if (!cv.base) return list(cv);
  seen ??= new Set();
  if (seen.has(cv)) return [];
  seen.add(cv);
  return [...alongBases(cv.base, list, seen), ...list(cv)];
}
const ownOf = (c: ConfigVar) => c.own;
/** Where each of `c.own` runs: the branches, outermost first, of the call that applied it, then its own. */
const pathsOf = (c: ConfigVar) => c.own.map((o) => [...branchPath(c.applied?.owns.get(o)), ...branchPath(o.branch)]);

function branchPath(b: Branch | undefined): Branch[] {
  const path: Branch[] = [];
  for (; b; b = b.up) path.unshift(b);
  return path;
}

/**
 * The settings (of `settings`, in the order of `alongBases(cv, ownOf)`) that a run can leave in
 * effect although a later assignment writes the same key: one written in a branch that the later
 * one's run skips (`if async { acks = NoResponse } else { acks = WaitForAll }`, the cases of a
 * switch). A later assignment in the same branch, or in one that encloses it, runs whenever the
 * earlier one did, and overrides it. Undefined when there is none; ones with the value of the last
 * are left out.
 */
function alternativesOf(cv: ConfigVar, settings: Setting[]): Setting[] | undefined {
  const paths = alongBases(cv, pathsOf);
  if (!paths.some((p) => p.length)) return undefined;
  const last = new Map<string, number>();
  settings.forEach((s, i) => last.set(s.key, i));
  let out: Setting[] | undefined;
  for (let i = 0; i < settings.length; i++) {
    const s = settings[i];
    const l = settings[last.get(s.key)!];
    if (l === s || (l.value === s.value && l.dynamic === s.dynamic)) continue;
    let overridden = false;
    for (let j = i + 1; j < settings.length && !overridden; j++) {
      overridden = settings[j].key === s.key && paths[j].length <= paths[i].length && paths[j].every((b, k) => paths[i][k] === b);
    }
    if (!overridden) (out ??= []).push(s);
  }
  return out;
}
const ctorsOf = (c: ConfigVar) => c.ctors;

const shift = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

function moveSpan(s: Span, d: number): void {
  s.start += d;
  s.end += d;
}

/** A setting as the model shows it: offsets in the file (the analysis keeps them relative to a piece). */
function placeSetting(o: OwnSetting, role: Role): Setting {
  const s = o.setting;
  const d = o.chunk.start;
  const x = s.ext as GoSettingExt;
  const ext: GoSettingExt = { inner: shift(x.inner, d), tuple: x.tuple, fromCall: x.fromCall };
  return { ...s, role, keySpan: shift(s.keySpan, d), valueSpan: shift(s.valueSpan, d), entrySpan: shift(s.entrySpan, d), ext };
}

/**
 * The inherited settings of a unit whose config another file of the package sets too (`placed`:
 * every setting in the order they run, those of the other files as inherited copies): by key, the
 * last one. One that runs after this file's own setting of its key is set over it (`overriddenBy`).
 */
function inheritedOf(placed: Setting[], owns: OwnSetting[]): Pick<ConfigUnit, 'inherited' | 'overriddenBy'> {
  const lastOwn = new Map<string, number>();
  placed.forEach((s, i) => {
    if (owns[i].chunk.path === undefined) lastOwn.set(s.key, i);
  });
  const inherited = new Map<string, Setting>();
  const over = new Map<string, Setting>();
  placed.forEach((s, i) => {
    if (owns[i].chunk.path === undefined) return;
    const own = lastOwn.get(s.key);
    if (own !== undefined && own < i) over.set(s.key, s);
    else if (own === undefined) inherited.set(s.key, s);
  });
  return { ...(inherited.size ? { inherited } : {}), ...(over.size ? { overriddenBy: over } : {}) };
}

/** Configs in the order units are listed: by the position of their origin. */
export function sortConfigs(configs: ConfigVar[]): ConfigVar[] {
  return [...configs].sort((a, b) => a.origin.start + a.originChunk.start - (b.origin.start + b.originChunk.start));
}

/** Whether two configs start at one position (their order then depends on the order of analysis). */
export function hasOriginTies(sorted: ConfigVar[]): boolean {
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].origin.start + sorted[i].originChunk.start === sorted[i - 1].origin.start + sorted[i - 1].originChunk.start) return true;
  }
  return false;
}

/**
 * A unit as built for a config, and what it was built from: a config whose analysis was reused
 * (same settings and constructors) gets the same unit back, its offsets moved in place.
 */
interface UnitMemo {
  unit: ConfigUnit;
  name: string | undefined;
  partial: boolean;
  owns: OwnSetting[];
  /** Per setting: the start of its piece when placed. */
  at: number[];
  srcCtors: ConfigVar['ctors'];
  ctors: { item: { name: string; span: Span }; chunk: ChunkRef; at: number }[];
  originAt: number;
  anchor?: { chunk: ChunkRef; at: number };
}

export type UnitCache = WeakMap<ConfigVar, UnitMemo>;

function unitSpan(from: Span, unit: ConfigUnit, ctors: { span: Span }[]): Span {
  let start = from.start;
  let end = from.end;
  for (const s of unit.settings) {
    if (s.entrySpan.start < start) start = s.entrySpan.start;
    if (s.entrySpan.end > end) end = s.entrySpan.end;
  }
  for (const c of ctors) {
    if (c.span.start < start) start = c.span.start;
    if (c.span.end > end) end = c.span.end;
  }
  return { start, end };
}

/** Move a reused unit to where its pieces are now. */
function moveUnit(m: UnitMemo, importUses: ImportUses): void {
  const unit = m.unit;
  // (unit.settings are the owns of this file, in order; another file's do not move)
  for (let i = 0, k = 0; i < m.owns.length; i++) {
    if (m.owns[i].chunk.path !== undefined) continue;
    const s = unit.settings[k++];
    const d = m.owns[i].chunk.start - m.at[i];
    if (!d) continue;
    moveSpan(s.keySpan, d);
    moveSpan(s.valueSpan, d);
    moveSpan(s.entrySpan, d);
    moveSpan((s.ext as GoSettingExt).inner, d);
    m.at[i] += d;
  }
  let moved = false;
  for (const c of m.ctors) {
    const d = c.chunk.start - c.at;
    if (!d) continue;
    moveSpan(c.item.span, d);
    c.at += d;
    moved = true;
  }
  if (moved) (unit.facts.saramaConstructors as { span: Span }[]).sort((a, b) => a.span.start - b.span.start);
  const ext = unit.ext as GoUnitExt;
  if (m.anchor) {
    const d = m.anchor.chunk.start - m.anchor.at;
    if (d && ext.insert) ext.insert = { at: ext.insert.at + d, indent: ext.insert.indent };
    m.anchor.at += d;
  }
  ext.importUses = importUses;
}

/**
 * Where a unit stands in this file: its config's origin, or, for a config another file of the
 * package makes (`var Config = sarama.NewConfig()` there) that this file sets or passes to a
 * constructor, the first of those places here. Undefined when this file neither makes nor uses it.
 */
function homeOf(cv: ConfigVar): { span: Span; chunk: ChunkRef } | undefined {
  if (cv.originChunk.path === undefined) return { span: cv.origin, chunk: cv.originChunk };
  let home: { span: Span; chunk: ChunkRef } | undefined;
  const at = (h: { span: Span; chunk: ChunkRef }) => h.span.start + h.chunk.start;
  const { own, ctors } = directUses(cv);
  for (const o of own) if (o.chunk.path === undefined && (!home || o.stmt.start + o.chunk.start < at(home))) home = { span: o.stmt, chunk: o.chunk };
  for (const c of ctors) if (c.chunk.path === undefined && (!home || c.span.start + c.chunk.start < at(home))) home = { span: c.span, chunk: c.chunk };
  return home;
}

/** What is written on the config itself, by its name: not what calls of functions taking it bring (`applied`). */
function directUses(cv: ConfigVar): { own: OwnSetting[]; ctors: ConfigVar['ctors'] } {
  if (!cv.applied) return { own: cv.own, ctors: cv.ctors };
  const brought = new Set(cv.applied.from.flatMap((f) => alongBases(f, ctorsOf)));
  return { own: cv.own.filter((o) => !cv.applied!.owns.has(o)), ctors: cv.ctors.filter((c) => !brought.has(c)) };
}

/** A package-level config some other file than the one that makes it sets or uses directly (`UnitFacts.sharedAcrossFiles`). */
function sharedAcrossFiles(cv: ConfigVar): boolean {
  const { own, ctors } = directUses(cv);
  const from = cv.originChunk.path;
  return own.some((o) => o.chunk.path !== from) || ctors.some((c) => c.chunk.path !== from);
}

/**
 * The settings of a config several files set (`sharedAcrossFiles`) in one order whichever file is
 * linted, the order Go runs them in where it can tell: package variables, then `init` functions,
 * then the rest; within each, by file name (the Go spec, "Package initialization": init functions
 * run in the order the files are presented to the compiler, which build systems are encouraged to
 * make lexical file name order; `go build` does), and each
 * file's in the order of analysis. (Otherwise each file would take the other's settings of a key it
 * also sets for the later ones, and neither would report its own.)
 */
function inFileOrder(placed: Setting[], owns: OwnSetting[], path: string): [Setting[], OwnSetting[]] {
  // (by name: the files are in one folder, and callers spell paths differently)
  const fileOf = (o: OwnSetting) => baseName(o.chunk.path ?? path);
  const order = owns
    .map((_, i) => i)
    .sort((a, b) => owns[a].phase - owns[b].phase || (fileOf(owns[a]) < fileOf(owns[b]) ? -1 : fileOf(owns[a]) > fileOf(owns[b]) ? 1 : a - b));
  return [order.map((i) => placed[i]), order.map((i) => owns[i])];
}

function newUnit(cv: ConfigVar, home: { span: Span; chunk: ChunkRef }, owns: OwnSetting[], srcCtors: ConfigVar['ctors'], partial: boolean, text: string, comments: Comment[], alias: string, timeAlias: string | undefined, importUses: ImportUses, path: string | undefined): UnitMemo {
  // (A constructor call in another file of the package counts for the role; its place there is
  // not one of this file's: it stands at the unit's home, and moves with it.)
  const ctorItems = srcCtors.map((c) =>
    c.chunk.path === undefined
      ? { item: { name: c.name, span: shift(c.span, c.chunk.start) }, chunk: c.chunk, at: c.chunk.start }
      : { item: { name: c.name, span: shift(home.span, home.chunk.start) }, chunk: home.chunk, at: home.chunk.start },
  );
  const ctors = ctorItems.map((c) => c.item).sort((a, b) => a.span.start - b.span.start);
  let producer = false;
  let consumer = false;
  for (const o of owns) {
    if (o.role === 'producer') producer = true;
    else if (o.role === 'consumer') consumer = true;
  }
  const ctorRoles = ctors.map((c) => saramaConstructor(c.name)?.role);
  if (ctorRoles.includes('producer')) producer = true;
  if (ctorRoles.includes('consumer')) consumer = true;
  const role: Role = producer && !consumer ? 'producer' : consumer && !producer ? 'consumer' : 'client';
  const byCtor = ctorRoles.includes(role);
  // What another file of the package sets (a helper there, or a function there the config is
  // passed to) is inherited: judged through `effective()`, never reported or edited here.
  const placed = owns.map((o) => {
    const s = placeSetting(o, o.role === 'client' ? role : o.role);
    return o.chunk.path === undefined ? s : inheritedCopy(s, o.chunk.path);
  });
  const unitSettings = placed.filter((_, i) => owns[i].chunk.path === undefined);
  const shared = sharedAcrossFiles(cv);
  const [ordered, orderedOwns] = shared && path !== undefined ? inFileOrder(placed, owns, path) : [placed, owns];
  const elsewhere = placed.length === unitSettings.length ? undefined : inheritedOf(ordered, orderedOwns);
  const alternatives = alternativesOf(cv, placed);

  // Insertion point: after the last assignment in the block that created the config, else
  // right after the creating statement.
  let insert: { at: number; indent: string } | undefined;
  let anchor: { stmt: Stmt; chunk: ChunkRef } | undefined;
  if (cv.create && cv.create.chunk.path === undefined) {
    const c = cv.create;
    let stmt = c.stmt;
    for (const o of cv.own) if (o.block === c.block && o.stmt.start > stmt.start) stmt = o.stmt;
    anchor = { stmt, chunk: c.chunk };
  } else {
    for (const o of cv.own) {
      if (o.block && !cv.applied?.owns.has(o) && o.chunk.path === undefined && (!anchor || o.stmt.start + o.chunk.start > anchor.stmt.start + anchor.chunk.start)) anchor = { stmt: o.stmt, chunk: o.chunk };
    }
  }
  if (anchor && cv.name) insert = insertionAfter(text, comments, shift(anchor.stmt, anchor.chunk.start));

  const chunks = new Set<ChunkRef>([home.chunk]);
  for (const o of owns) chunks.add(o.chunk);
  for (const c of srcCtors) chunks.add(c.chunk);
  if (anchor) chunks.add(anchor.chunk);
  const ext: GoUnitExt = { varName: cv.name, alias, timeAlias, insert, importUses, ...(chunks.size === 1 ? { piece: home.chunk } : {}) };
  const unit: ConfigUnit = {
    id: '',
    surface: 'sarama',
    format: 'go',
    role,
    client: 'sarama',
    settings: unitSettings,
    ...elsewhere,
    ...(alternatives ? { alternatives } : {}),
    // (another file makes it: what it leaves unset is reported there, at its origin)
    anchor: cv.originChunk.path === undefined ? shift(home.span, home.chunk.start) : elsewhereSpan(shift(cv.origin, cv.originChunk.start), cv.originChunk.path),
    span: { start: 0, end: 0 },
    facts: {
      saramaConstructors: ctors,
      saramaAlias: alias,
      ...(role !== 'client' ? { roleEvidence: byCtor ? ('structure' as const) : ('keys' as const) } : {}),
      ...(partial ? { partial: true as const } : {}),
      ...(shared ? { sharedAcrossFiles: true as const } : {}),
    },
    ext,
  };
  return {
    unit,
    name: cv.name,
    partial,
    owns,
    at: owns.map((o) => o.chunk.start),
    srcCtors,
    ctors: ctorItems,
    originAt: home.chunk.start,
    anchor: anchor && { chunk: anchor.chunk, at: anchor.chunk.start },
  };
}

export function buildUnits(
  configs: ConfigVar[],
  text: string,
  comments: Comment[],
  alias: string,
  timeAlias: string | undefined,
  importUses: ImportUses,
  cache?: UnitCache,
  /** The file's path (orders the settings several files make: `inFileOrder`). */
  path?: string,
): ConfigUnit[] {
  // A helper's own config is represented by each call of the helper instead.
  // So is a parameter's, by each call that passes a config, and one nothing is known of is left out.
  // Only configs of this file count: one that another file of the package builds is that file's
  // unit (a helper of this file that only other files call stays a unit here, judged alone), but
  // the configs it is built on stand in this file's configs built on it (`cfg := theirHelper()`,
  // where their helper calls one of ours).
  // Those other files call with a config (`partial`) are judged only on what they set, like a
  // parameter's: the callers there may set anything, and their files report what they leave unset.
  for (const cv of configs) cv.consumed = !!cv.param && !cv.own.length && !cv.ctors.length;
  let usedElsewhere: Set<ConfigVar> | undefined;
  for (const cv of configs) {
    const foreign = cv.originChunk.path !== undefined;
    const seen = new Set<ConfigVar>();
    for (let c: ConfigVar | undefined = cv; c && !seen.has(c); c = c.base) {
      seen.add(c);
      const bases = c === cv ? (c.applied?.from ?? []) : [c, ...(c.applied?.from ?? [])];
      for (const b of bases) {
        if (!foreign) b.consumed = true;
        else if (b.originChunk.path === undefined) (usedElsewhere ??= new Set()).add(b);
      }
    }
  }
  const units: ConfigUnit[] = [];
  const idCount = new Map<string, number>();
  for (const cv of configs) {
    if (cv.consumed) continue;
    // (one another file makes, a package variable there, is this file's unit too where this file
    // sets it or passes it to a constructor: `sharedAcrossFiles`)
    const home = homeOf(cv);
    if (!home) continue;
    const owns = alongBases(cv, ownOf);
    const srcCtors = alongBases(cv, ctorsOf);
    const partial = !!cv.param || !!usedElsewhere?.has(cv);
    let m = cache?.get(cv);
    if (m && m.name === cv.name && m.partial === partial && sameItems(m.owns, owns) && sameItems(m.srcCtors, srcCtors) && (m.unit.ext as GoUnitExt).alias === alias) {
      moveUnit(m, importUses);
      const d = home.chunk.start - m.originAt;
      if (d && !isInheritedSpan(m.unit.anchor)) moveSpan(m.unit.anchor, d);
      m.originAt += d;
    } else {
      m = newUnit(cv, home, owns, srcCtors, partial, text, comments, alias, timeAlias, importUses, path);
      cache?.set(cv, m);
    }
    const unit = m.unit;
    unit.span = unitSpan(isInheritedSpan(unit.anchor) ? shift(home.span, home.chunk.start) : unit.anchor, unit, unit.facts.saramaConstructors as { span: Span }[]);
    const base = cv.name ?? 'config';
    const n = (idCount.get(base) ?? 0) + 1;
    idCount.set(base, n);
    unit.id = `sarama:${base}${n > 1 ? '#' + n : ''}`;
    units.push(unit);
  }
  return units;
}

function pathOfSetting(s: Setting): string {
  return saramaPathOf(s.key) ?? '';
}

/** Line breaks of a text: CRLF and lone LF counts (the dominant one is the file's). */
export function eolCounts(text: string): { crlf: number; lf: number } {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return { crlf, lf };
}

function dominantEol(text: string): '\n' | '\r\n' {
  const { crlf, lf } = eolCounts(text);
  return crlf > lf ? '\r\n' : '\n';
}

/** A piece of Go source lexed and parsed on its own; offsets relative to it. */
export interface GoPiece {
  ref: ChunkRef;
  file: GoFile;
  /** Lexer errors, then parser errors, sorted by position. */
  errors: ParseError[];
  comments: Comment[];
  /** Identifiers followed by `.` (for import uses): their offsets by name, names in order of first use. */
  qualifiers: Map<string, number[]>;
  /**
   * The piece ends where the whole file's lexer and parser would be between two top-level
   * declarations: no literal or comment runs past its end, and the parser did not need to read
   * past it (no error at, and no recovery into, its end).
   */
  clean: boolean;
}

// The lexer, parser and analyser objects live for one read. V8 compiles their methods for the
// objects' hidden classes ("maps"), and a map lives only while some object has it: when a full
// collection finds none alive (between reads, or after the server lets go of a document), V8
// throws that code away ("weak objects" in --trace-deopt) and the next large read starts in the
// interpreter again (the 10,000-line sarama file read in ~190 ms after a full collection instead of
// ~100). A small file is read once and its objects are kept for the life of the process
// (test/engine/shapes.test.ts counts those deopts: ~136 in four reads without it). The YAML reader
// once kept a sample of its own for the same reason; measured on 2026-11-22 it made no difference
// (0-3 such deopts and the same read times with or without), so it no longer does.
const GO_SHAPES = [
  'package shapes',
  '',
  'import (',
  '\t"time"',
  '',
  '\t"github.com/IBM/sarama"',
  ')',
  '',
  'var shared = sarama.NewConfig()',
  '',
  'type client struct{ cfg *sarama.Config }',
  '',
  '/* block comment */',
  'func newConfig(name string) *sarama.Config {',
  '\tcfg := sarama.NewConfig() // line comment',
  '\tcfg.ClientID = name + `raw` + string(\'r\')',
  '\tcfg.Producer.RequiredAcks = sarama.WaitForAll',
  '\tcfg.Producer.Retry.Max = 3',
  '\tcfg.Producer.Retry.Backoff = 100 * time.Millisecond',
  '\tcfg.Producer.Idempotent = true',
  '\tcfg.Net.MaxOpenRequests = 1',
  '\tif name != "" {',
  '\t\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest',
  '\t} else {',
  '\t\tcfg.Consumer.Offsets.AutoCommit.Enable = false',
  '\t}',
  '\tfor i := 0; i < 2; i++ {',
  '\t\tcfg.Version = sarama.V3_6_0_0',
  '\t}',
  '\tswitch name {',
  '\tcase "a":',
  '\t\tcfg.Consumer.IsolationLevel = sarama.ReadCommitted',
  '\t}',
  '\treturn cfg',
  '}',
  '',
  'func (c *client) start(addrs []string) error {',
  '\tcfg := newConfig("x")',
  '\tcfg.Producer.Return.Successes = true',
  '\tp, err := sarama.NewSyncProducer(addrs, cfg)',
  '\tif err != nil {',
  '\t\treturn err',
  '\t}',
  '\tdefer func() { _ = p.Close() }()',
  '\t_, _, err = p.SendMessage(&sarama.ProducerMessage{Topic: "t", Value: sarama.StringEncoder("v")})',
  '\treturn err',
  '}',
  '',
].join('\n');
/** What keepGoShapes keeps. */
const keptShapes: object[] = [];
let shapesRead = false;

/** Reads GO_SHAPES once and keeps its lexer, parser, analyser and result (see above). */
export function keepGoShapes(): void {
  if (shapesRead) return;
  shapesRead = true;
  try {
    keptShapes.push(parseGo(GO_SHAPES, 'shapes.go', keptShapes));
  } catch {
    // (a test checks that it reads)
  }
}

/** What keepGoShapes kept (for the test that the sample reads and is analysed). */
export function goShapesKept(): readonly object[] {
  keepGoShapes();
  return keptShapes;
}

/**
 * Lex and parse a piece: the start of a file (`first`: package clause, imports) or a run of
 * top-level declarations. `keep` receives its lexer and parser (keepGoShapes).
 */
export function parsePiece(text: string, first: boolean, keep?: object[]): GoPiece {
  const ref: ChunkRef = { start: 0, text };
  const lexed = lexGo(text, keep);
  // An unterminated comment is reported by the lexer; the parser need not see it.
  const parserTokens = lexed.tokens.filter((t) => !(t.kind === 'error' && t.partOf === 'comment'));
  const errors: ParseError[] = [...lexed.errors];
  const comments: Comment[] = lexed.comments.map((c) => ({
    span: { start: c.start, end: c.end },
    text: c.body,
    ownLine: c.ownLine,
  }));
  const qualifiers = new Map<string, number[]>();
  const toks = lexed.tokens;
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i];
    const u = toks[i + 1];
    if (t.kind === 'ident' && u.kind === 'op' && u.text === '.') {
      const list = qualifiers.get(t.text);
      if (list) list.push(t.start);
      else qualifiers.set(t.text, [t.start]);
    }
  }
  const n = text.length;
  let clean = !lexed.errors.some((e) => e.span.end >= n);
  const lexCount = errors.length;
  const parser = new Parser(parserTokens, errors, ref);
  keep?.push(parser);
  let file: GoFile;
  let threw = false;
  try {
    file = first ? parser.parseFile() : parser.parseDecls();
  } catch (e) {
    threw = true;
    // The parser is written not to throw; if it ever does, keep the lexer's results.
    errors.push({ message: `internal parser error: ${(e as Error)?.message ?? e}`, span: { start: 0, end: 0 } });
    file = { imports: [], funcs: [], vars: [], chunk: ref };
    clean = false;
  }
  if (parser.hitEof) clean = false;
  for (let i = lexCount; i < errors.length; i++) if (errors[i].span.start >= n) clean = false;
  if (!threw) errors.sort((a, b) => a.span.start - b.span.start);
  return { ref, file, errors, comments, qualifiers, clean };
}

export interface GoImports {
  aliases: Set<string>;
  dot: boolean;
  timeAlias?: string;
  importNames: string[];
}

export function importsOf(imports: ImportSpec[]): GoImports {
  const aliases = new Set<string>();
  let dot = false;
  let timeAlias: string | undefined;
  const importNames: string[] = [];
  for (const imp of imports) {
    if (SARAMA_IMPORT_PATHS.includes(imp.path)) {
      if (imp.alias === '.') dot = true;
      else if (imp.alias !== '_') aliases.add(imp.alias ?? 'sarama');
    } else if (imp.path === 'time' && imp.alias !== '_' && imp.alias !== '.') {
      timeAlias = imp.alias ?? 'time';
    }
    if (imp.alias !== '_' && imp.alias !== '.') importNames.push(imp.alias ?? imp.path.split('/').pop()!.replace(/\.v\d+$/, ''));
  }
  return { aliases, dot, timeAlias, importNames };
}

/** Uses of imported packages (`<name>.`) over the pieces of a file, for "is this the last use?". */
export class ImportUses {
  private totals: Map<string, number> | undefined;

  /** Pieces in file order. */
  constructor(
    private readonly pieces: GoPiece[],
    private readonly importNames: string[],
  ) {}

  /** How often each import name is used in the file. */
  private counts(): Map<string, number> {
    if (!this.totals) {
      this.totals = new Map();
      for (const name of this.importNames) {
        let n = 0;
        for (const p of this.pieces) n += p.qualifiers.get(name)?.length ?? 0;
        this.totals.set(name, n);
      }
    }
    return this.totals;
  }

  /** The import names and their use counts: all of the file beyond a unit's piece that its fixes depend on. */
  key(): string {
    return [...this.counts()].join(';');
  }

  /** Import names used inside the span, and nowhere else. */
  onlyInside(span: Span): string[] {
    // (Plain loops over the few import names: this runs for every fix of every finding.)
    const names = this.importNames;
    const totals = this.counts();
    const inside = new Map<string, number>();
    // First piece that ends after the span starts.
    let lo = 0;
    let hi = this.pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = this.pieces[mid];
      if (p.ref.start + p.ref.text.length <= span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      const d = p.ref.start;
      if (d >= span.end) break;
      for (const name of names) {
        const list = p.qualifiers.get(name);
        if (!list) continue;
        const n = lowerBound(list, span.end - d) - lowerBound(list, span.start - d);
        if (n) inside.set(name, (inside.get(name) ?? 0) + n);
      }
    }
    const out: string[] = [];
    for (const [name, n] of inside) if (n === totals.get(name)) out.push(name);
    return out;
  }
}

/** The piece that holds all of a Go unit (see GoUnitExt.piece), or undefined. */
export function goUnitPiece(unit: ConfigUnit): ChunkRef | undefined {
  return unit.surface === 'sarama' ? (unit.ext as GoUnitExt | undefined)?.piece : undefined;
}

/**
 * What the fixes of every Go unit in a file depend on outside its piece: the imports (their
 * qualifiers and how often each is used), and whether the file has syntax errors (structural
 * edits wait for valid code).
 */
export function goFileKey(file: ParsedFile): string {
  // (Every sarama unit of a file has the same imports, qualifiers and ImportUses: the first one
  // tells. kafka-go Writers are read again on every lint: kafkaGo.ts.)
  const ext = file.units.find((u) => u.surface === 'sarama')?.ext as GoUnitExt | undefined;
  return ext ? `${file.errors.length > 0}\u0000${ext.alias}\u0000${ext.timeAlias ?? ''}\u0000${ext.importUses.key()}` : '';
}

function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads a Go file whole; `keep` receives its lexer, parser and analyser (keepGoShapes).
 * `siblings`: the other files of its folder (goPackage.ts).
 */
export function parseGo(text: string, path: string, keep?: object[], siblings?: readonly GoSibling[]): ParsedFile {
  if (!keep) keepGoShapes();
  const piece = parsePiece(text, true, keep);
  const file: ParsedFile = { path, text, format: 'go', units: [], errors: piece.errors, comments: piece.comments, eol: dominantEol(text) };
  const imports = importsOf(piece.file.imports);
  // segmentio/kafka-go Writers and readers (kafkaGo.ts) and confluent-kafka-go ConfigMaps
  // (confluentGo.ts), beside or instead of sarama configs.
  const writers = [...kafkaGoUnits([piece.file], text), ...confluentGoUnits([piece.file], text)];
  if (!imports.aliases.size && !imports.dot) {
    file.units = withWriters([], writers);
    return file;
  }
  const pkg = packageFiles(path, [piece.file], siblings);
  const analyzer = new Analyzer([piece.file, ...pkg.files.map((f) => f.file)], ...packageImports(imports, pkg.files), pkg.eager);
  keep?.push(analyzer);
  try {
    analyzer.run();
  } catch (e) {
    file.errors.push({ message: `internal analysis error: ${(e as Error)?.message ?? e}`, span: { start: 0, end: 0 } });
    return file;
  }
  const alias = imports.aliases.size ? [...imports.aliases][0] : '';
  file.units = withWriters(buildUnits(sortConfigs(analyzer.configs), text, piece.comments, alias, imports.timeAlias, new ImportUses([piece], imports.importNames), undefined, path), writers);
  return file;
}

/**
 * The sarama qualifiers, dot import and `time` qualifier the analyser reads code with: the file's,
 * and those of the other files of its package that it reads too.
 */
export function packageImports(imports: GoImports, pkg: readonly PackageFile[]): [Set<string>, boolean, string | undefined] {
  if (!pkg.length) return [imports.aliases, imports.dot, imports.timeAlias];
  const aliases = new Set(imports.aliases);
  let dot = imports.dot;
  for (const f of pkg) {
    for (const a of f.imports.aliases) aliases.add(a);
    dot ||= f.imports.dot;
  }
  return [aliases, dot, imports.timeAlias];
}

/** Units of both clients, in the order of the file. */
export function withWriters(units: ConfigUnit[], writers: ConfigUnit[]): ConfigUnit[] {
  if (!writers.length) return units;
  return [...units, ...writers].sort((a, b) => a.span.start - b.span.start);
}

// Editor

function unitExt(unit: ConfigUnit): GoUnitExt {
  const e = unit.ext as GoUnitExt | undefined;
  return e && typeof e === 'object' && 'importUses' in e ? e : { alias: unit.facts.saramaAlias ?? 'sarama', importUses: new ImportUses([], []) };
}

function fieldForKey(key: string) {
  const f = saramaFieldByKey(key);
  if (f) return f;
  const path = saramaPathOf(key);
  return path ? saramaFieldByPath(path) : undefined;
}

/** time.Duration constants, largest first. */
const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ['Hour', 3600e9],
  ['Minute', 60e9],
  ['Second', 1e9],
  ['Millisecond', 1e6],
  ['Microsecond', 1e3],
  ['Nanosecond', 1],
];

function goValueText(unit: ConfigUnit, key: string, value: string): string | undefined {
  const ext = unitExt(unit);
  const field = fieldForKey(key);
  if (!field) return undefined;
  const qualify = (name: string) => (ext.alias ? `${ext.alias}.${name}` : name);
  const durationText = (ms: number): string => {
    const ns = Math.round(ms * 1e6);
    if (ns === 0) return '0';
    if (!ext.timeAlias) return String(ns);
    for (const [name, size] of DURATION_UNITS) {
      if (ns % size === 0) {
        const count = ns / size;
        return count === 1 ? `${ext.timeAlias}.${name}` : `${count} * ${ext.timeAlias}.${name}`;
      }
    }
    return String(ns);
  };
  return saramaGoText(field, value, qualify, durationText);
}

/** Whether replacing `span` with `newText` would remove the last use of an imported package. */
function dropsLastImportUse(ext: GoUnitExt, span: Span, newText: string): boolean {
  for (const name of ext.importUses.onlyInside(span)) if (!newText.includes(name + '.')) return true;
  return false;
}

function commentInside(file: ParsedFile, span: Span): boolean {
  // Comments are in source order: look at the first one starting in the span.
  const cs = file.comments;
  let lo = 0;
  let hi = cs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cs[mid].span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < cs.length && cs[lo].span.end <= span.end;
}

export const goEditor: FormatEditor = {
  commentPrefix: '//',

  setValue(file, unit, setting, value): Edit[] | null {
    const sx = setting.ext as GoSettingExt | undefined;
    if (!sx || sx.fromCall) return null;
    const text = goValueText(unit, setting.key, value);
    if (text === undefined) return null;
    const span = sx.inner;
    if (commentInside(file, span)) return null;
    if (dropsLastImportUse(unitExt(unit), span, text)) return null;
    return [{ start: span.start, end: span.end, newText: text }];
  },

  insert(file, unit, key, value): Edit[] | null {
    // After a syntax error (an unterminated string, say) the structure around the insertion
    // point is a guess: a new line could land inside a string. Structural edits wait for valid code.
    if (file.errors.length) return null;
    const ext = unitExt(unit);
    if (!ext.insert || !ext.varName) return null;
    const field = fieldForKey(key);
    const text = goValueText(unit, key, value);
    if (!field || text === undefined) return null;
    const line = `${ext.insert.indent}${ext.varName}.${field.path} = ${text}`;
    return [{ start: ext.insert.at, end: ext.insert.at, newText: file.eol + line }];
  },

  remove(file, unit, setting): Edit[] | null {
    if (file.errors.length) return null;
    const sx = setting.ext as GoSettingExt | undefined;
    if (!sx || sx.tuple) return null;
    const t = file.text;
    const { start, end } = setting.entrySpan;
    const ls = lineStartOf(t, start);
    if (!/^[ \t]*$/.test(t.slice(ls, start))) return null;
    const le = lineEndOf(t, end);
    if (!/^[ \t;]*(\/\/.*)?$/.test(t.slice(end, le))) return null;
    if (dropsLastImportUse(unitExt(unit), { start, end }, '')) return null;
    let from = ls;
    let to = le;
    if (t.startsWith('\r\n', le)) to = le + 2;
    else if (le < t.length) to = le + 1;
    else if (ls > 0) from = ls - (t.startsWith('\r\n', ls - 2) ? 2 : 1); // last line: take the line break before it
    return [{ start: from, end: to, newText: '' }];
  },

  rename(): Edit[] | null {
    return null;
  },

  keyName(_unit, key): string {
    return saramaPathOf(key) ?? key;
  },

  valueText(unit, key, value): string {
    return goValueText(unit, key, value) ?? value;
  },

  assignment(unit, key, value): string {
    const ext = unitExt(unit);
    return `${ext.varName ?? 'cfg'}.${saramaPathOf(key) ?? key} = ${goValueText(unit, key, value) ?? value}`;
  },
};

registerEditor(['sarama'], goEditor);
