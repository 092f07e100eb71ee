// segmentio/kafka-go (facts.md §11.2): a `kafka.Writer{...}` composite literal is a producer whose
// acknowledgements its `RequiredAcks` field sets — `RequireNone` (0, fire-and-forget), `RequireOne`
// (1) or `RequireAll` (-1). Left out, it is RequireNone: the Writer's documented default.
// A `kafka.WriterConfig{...}` literal (for the deprecated `kafka.NewWriter`) is a producer too, but
// its `RequiredAcks` is a plain int that `NewWriter` reads differently: 0, or left out, means all
// (-1), 1 the leader; no value asks for no acknowledgement at all.
// A file that assigns `.RequiredAcks` anywhere may set it after the literal: its literals are then
// judged only on what they write (`facts.partial`).
// A `kafka.ReaderConfig{...}` literal with a `GroupID` is a consumer group reader: its
// `ReadMessage` commits the offset as it returns the message, before the caller has processed it
// (FetchMessage + CommitMessages commit after). Each `.ReadMessage(` call of the file is read as
// that reader's `enable.auto.commit=true` (the file does not say which reader a call uses), but a
// `*kafka.Conn`'s (a number argument, or a variable a `Dial...` call gave) is no reader's; its
// `StartOffset` is its `auto.offset.reset` (FirstOffset, the default: earliest; LastOffset: latest).

import type { ConfigUnit, Edit, Role, Setting, Span } from '../model.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import { internSetting } from '../strings.js';
import type { Block, Expr, GoFile, Stmt } from './go.js';

export const KAFKA_GO_IMPORT = 'github.com/segmentio/kafka-go';

/** `RequiredAcks` constants and what they mean as `acks`. */
const ACKS_CONSTANTS: Readonly<Record<string, string>> = { RequireNone: '0', RequireOne: '1', RequireAll: 'all' };
const CONSTANT_OF: Readonly<Record<string, string>> = { '0': 'RequireNone', '1': 'RequireOne', all: 'RequireAll', '-1': 'RequireAll' };
/** A group reader's `StartOffset` constants (FirstOffset = -2, LastOffset = -1) as `auto.offset.reset`. */
const START_CONSTANTS: Readonly<Record<string, string>> = { FirstOffset: 'earliest', LastOffset: 'latest' };
const START_OF: Readonly<Record<string, string>> = { earliest: 'FirstOffset', latest: 'LastOffset' };

/** What a `StartOffset` value means as `auto.offset.reset`, or undefined when it is not a literal we know. */
function startOf(e: Expr, alias: string, text: string, at: number): string | undefined {
  if (e.k === 'paren') return startOf(e.x, alias, text, at);
  if (e.k === 'sel' && e.x.k === 'ident' && e.x.name === alias) return START_CONSTANTS[e.name];
  const literal = text.slice(at + e.start, at + e.end).replace(/\s+/g, '');
  return literal === '-2' ? 'earliest' : literal === '-1' ? 'latest' : undefined;
}

export interface KafkaGoUnitExt extends GoLiteral {
  kind: 'kafka-go';
  /** The package name the file imports kafka-go under. */
  alias: string;
}

/** Whether a unit is a `kafka.WriterConfig` literal (what `NewWriter` reads: RequiredAcks 0 or unset is all). */
function isWriterConfig(unit: ConfigUnit): boolean {
  return !!unit.facts.kafkaGoWriterConfig;
}

/** What a `WriterConfig.RequiredAcks` int means as `acks`: 0 (the default) and -1 are all, 1 the leader. */
function configAcksOf(e: Expr, text: string, at: number): string | undefined {
  if (e.k === 'paren') return configAcksOf(e.x, text, at);
  const literal = text.slice(at + e.start, at + e.end).replace(/\s+/g, '');
  return literal === '0' || literal === '-1' ? 'all' : literal === '1' ? '1' : undefined;
}

/** The package name of kafka-go in a file's imports, or undefined when it is not imported. */
function aliasOf(files: GoFile[]): string | undefined {
  for (const f of files) {
    for (const imp of f.imports) {
      if (imp.path !== KAFKA_GO_IMPORT || imp.alias === '_' || imp.alias === '.') continue;
      return imp.alias ?? 'kafka';
    }
  }
  return undefined;
}

// ---- walking the syntax tree ----

const onStmtNone = () => {};

/** Visits an expression and those inside it; statements of function literals go to `onStmt`. */
export function walkExpr(e: Expr | undefined, visit: (e: Expr) => void, depth = 0, onStmt: (s: Stmt) => void = onStmtNone): void {
  if (!e || depth > 200) return;
  visit(e);
  const d = depth + 1;
  switch (e.k) {
    case 'sel':
    case 'assert':
    case 'unary':
    case 'paren':
      walkExpr(e.x, visit, d, onStmt);
      break;
    case 'call':
      walkExpr(e.fun, visit, d, onStmt);
      for (const a of e.args) walkExpr(a, visit, d, onStmt);
      break;
    case 'index':
      walkExpr(e.x, visit, d, onStmt);
      for (const a of e.args) walkExpr(a, visit, d, onStmt);
      break;
    case 'binary':
      walkExpr(e.x, visit, d, onStmt);
      walkExpr(e.y, visit, d, onStmt);
      break;
    case 'composite':
      for (const x of e.elts) walkExpr(x, visit, d, onStmt);
      break;
    case 'kv':
      walkExpr(e.key, visit, d, onStmt);
      walkExpr(e.value, visit, d, onStmt);
      break;
    case 'funclit':
      walkBlock(e.body, visit, onStmt, d);
      break;
    default:
      break;
  }
}

/** Visits every expression of a block (`visit`) and every statement of it (`onStmt`), nested ones included. */
export function walkBlock(b: Block | undefined, visit: (e: Expr) => void, onStmt: (s: Stmt) => void, depth = 0): void {
  if (!b || depth > 200) return;
  for (const s of b.stmts) walkStmt(s, visit, onStmt, depth + 1);
}

export function walkStmt(s: Stmt | undefined, visit: (e: Expr) => void, onStmt: (s: Stmt) => void, depth: number): void {
  if (!s || depth > 200) return;
  onStmt(s);
  const d = depth + 1;
  switch (s.k) {
    case 'expr':
    case 'go':
    case 'incdec':
      walkExpr(s.x, visit, d, onStmt);
      break;
    case 'assign':
      for (const x of s.lhs) walkExpr(x, visit, d, onStmt);
      for (const x of s.rhs) walkExpr(x, visit, d, onStmt);
      break;
    case 'range':
      for (const x of s.lhs) walkExpr(x, visit, d, onStmt);
      walkExpr(s.x, visit, d, onStmt);
      break;
    case 'send':
      walkExpr(s.ch, visit, d, onStmt);
      walkExpr(s.value, visit, d, onStmt);
      break;
    case 'var':
      for (const spec of s.specs) for (const v of spec.values) walkExpr(v, visit, d, onStmt);
      break;
    case 'return':
      for (const x of s.results) walkExpr(x, visit, d, onStmt);
      break;
    case 'block':
      walkBlock(s.block, visit, onStmt, d);
      break;
    case 'if':
      walkStmt(s.init, visit, onStmt, d);
      walkExpr(s.cond, visit, d, onStmt);
      walkBlock(s.then, visit, onStmt, d);
      walkStmt(s.els, visit, onStmt, d);
      break;
    case 'for':
      walkStmt(s.init, visit, onStmt, d);
      walkStmt(s.cond, visit, onStmt, d);
      walkStmt(s.post, visit, onStmt, d);
      walkBlock(s.body, visit, onStmt, d);
      break;
    case 'switch':
      walkStmt(s.init, visit, onStmt, d);
      walkStmt(s.tag, visit, onStmt, d);
      for (const c of s.clauses) {
        for (const x of c.exprs) walkExpr(x, visit, d, onStmt);
        walkStmt(c.comm, visit, onStmt, d);
        walkBlock(c.body, visit, onStmt, d);
      }
      break;
    case 'labeled':
      walkStmt(s.stmt, visit, onStmt, d);
      break;
    default:
      break;
  }
}

// ---- the units ----

/** What a `RequiredAcks` value means as `acks` ('0', '1', 'all'), or undefined when it is not a literal we know. */
function acksOf(e: Expr, alias: string, text: string, at: number): string | undefined {
  if (e.k === 'paren') return acksOf(e.x, alias, text, at);
  if (e.k === 'sel' && e.x.k === 'ident' && e.x.name === alias) return ACKS_CONSTANTS[e.name];
  const literal = text.slice(at + e.start, at + e.end).replace(/\s+/g, '');
  // `kafka.RequiredAcks(-1)`, or a plain number (the field's type is an int).
  const m = /^(?:[A-Za-z_]\w*\.RequiredAcks\()?(-?\d+)\)?$/.exec(literal);
  if (!m) return undefined;
  return m[1] === '0' ? '0' : m[1] === '1' ? '1' : m[1] === '-1' ? 'all' : undefined;
}

/**
 * Where a composite literal `pkg.Type{...}` of a piece (at `at`) stands in the text: its type, its
 * braces and elements. Undefined when the text does not close it (the parser recovered).
 */
export function placeLiteral(e: Expr & { k: 'composite' }, at: number, text: string): (GoLiteral & { typeSpan: Span }) | undefined {
  const type = e.type;
  if (!type) return undefined;
  const typeSpan = { start: at + type.start, end: at + type.end };
  const lbrace = text.indexOf('{', typeSpan.end);
  const rbrace = at + e.end - 1;
  if (lbrace < 0 || lbrace > rbrace || text[rbrace] !== '}') return undefined;
  return { typeSpan, lbrace, rbrace, elts: e.elts.map((x) => ({ start: at + x.start, end: at + x.end })) };
}

/** A literal's `Field: value` element as the setting `key` (its value as a Kafka value, or undefined: not judged). */
function fieldSetting(x: Expr & { k: 'kv' }, key: string, role: Role, value: string | undefined, text: string, at: number): Setting {
  const valueSpan = { start: at + x.value.start, end: at + x.value.end };
  const rawValue = text.slice(valueSpan.start, valueSpan.end);
  return internSetting({
    key,
    sourceKey: text.slice(at + x.key.start, at + x.key.end),
    role,
    value: value ?? rawValue,
    rawValue,
    dynamic: value === undefined,
    keySpan: { start: at + x.key.start, end: at + x.key.end },
    valueSpan,
    entrySpan: { start: at + x.start, end: at + x.end },
    precedence: 1,
  });
}

/** What one piece of a file holds for kafka-go, offsets relative to the piece (kept while it is reused). */
interface PieceFinds {
  alias: string;
  /** `kafka.Writer{...}` and `kafka.WriterConfig{...}` literals. */
  writers: (Expr & { k: 'composite' })[];
  readers: (Expr & { k: 'composite' })[];
  /** `.ReadMessage(` calls: the selector and the call. */
  reads: (Expr & { k: 'call' })[];
  assignsAcks: boolean;
}

const pieceFinds = new WeakMap<GoFile, PieceFinds>();

/** Walks a piece once per import name; an editor reuses the pieces an edit did not touch (goIncremental.ts). */
function findsOf(f: GoFile, alias: string): PieceFinds {
  const kept = pieceFinds.get(f);
  if (kept && kept.alias === alias) return kept;
  const out: PieceFinds = { alias, writers: [], readers: [], reads: [], assignsAcks: false };
  // Variables holding a `*kafka.Conn` (`conn, err := kafka.DialLeader(...)`, `dialer.Dial(...)`):
  // its `ReadMessage(maxBytes)` reads a partition without any group, and commits nothing.
  const conns = new Set<string>();
  const reads: (Expr & { k: 'call' })[] = [];
  const visit = (e: Expr) => {
    if (e.k === 'composite' && e.type?.k === 'sel' && e.type.x.k === 'ident' && e.type.x.name === alias) {
      if (e.type.name === 'Writer' || e.type.name === 'WriterConfig') out.writers.push(e);
      else if (e.type.name === 'ReaderConfig') out.readers.push(e);
    } else if (e.k === 'call' && e.fun.k === 'sel' && e.fun.name === 'ReadMessage' && !(e.args.length === 1 && numeric(e.args[0]))) reads.push(e);
  };
  const dialed = (name: string | undefined, v: Expr | undefined) => {
    if (name && v?.k === 'call' && v.fun.k === 'sel' && /^Dial/.test(v.fun.name)) conns.add(name);
  };
  const onStmt = (st: Stmt) => {
    if (st.k === 'var') for (const spec of st.specs) dialed(spec.names[0]?.name, spec.values[0]);
    if (st.k !== 'assign') return;
    dialed(st.lhs[0]?.k === 'ident' ? st.lhs[0].name : undefined, st.rhs[0]);
    // (not sarama's `cfg.Producer.RequiredAcks`)
    for (const lhs of st.lhs) if (lhs.k === 'sel' && lhs.name === 'RequiredAcks' && !(lhs.x.k === 'sel' && lhs.x.name === 'Producer')) out.assignsAcks = true;
  };
  for (const fn of f.funcs) walkBlock(fn.body, visit, onStmt);
  for (const v of f.vars) walkStmt(v, visit, onStmt, 0);
  for (const e of reads) if (!(e.fun.k === 'sel' && e.fun.x.k === 'ident' && conns.has(e.fun.x.name))) out.reads.push(e);
  pieceFinds.set(f, out);
  return out;
}

/** A number, as `Conn.ReadMessage(maxBytes int)` takes (`10e3`, `1 << 20`); a `Reader`'s takes a context. */
function numeric(e: Expr): boolean {
  if (e.k === 'basic') return e.tok.kind === 'int' || e.tok.kind === 'float';
  if (e.k === 'paren' || e.k === 'unary') return numeric(e.x);
  if (e.k === 'binary') return numeric(e.x) && numeric(e.y);
  return false;
}

/**
 * The `kafka.Writer{...}` literals of a Go file (its pieces: each `GoFile` with offsets relative
 * to its `chunk.start`), as producer units.
 */
export function kafkaGoUnits(files: GoFile[], text: string): ConfigUnit[] {
  const alias = aliasOf(files);
  if (alias === undefined) return [];
  const found: { e: Expr & { k: 'composite' }; at: number }[] = [];
  const readers: { e: Expr & { k: 'composite' }; at: number }[] = [];
  const reads: { name: Span; call: Span }[] = [];
  let assignsAcks = false;
  for (const f of files) {
    const at = f.chunk.start;
    const p = findsOf(f, alias);
    for (const e of p.writers) found.push({ e, at });
    for (const e of p.readers) readers.push({ e, at });
    for (const e of p.reads) reads.push({ name: { start: at + e.fun.end - 'ReadMessage'.length, end: at + e.fun.end }, call: { start: at + e.start, end: at + e.end } });
    if (p.assignsAcks) assignsAcks = true;
  }
  // In the order of the file (functions and top-level declarations were walked apart).
  found.sort((a, b) => a.at + a.e.start - (b.at + b.e.start));
  const units: ConfigUnit[] = [];
  for (const { e, at } of found) {
    const lit = placeLiteral(e, at, text);
    if (!lit) continue;
    const { typeSpan, lbrace, rbrace, elts } = lit;
    const writerConfig = e.type?.k === 'sel' && e.type.name === 'WriterConfig';
    const settings: Setting[] = [];
    for (const x of e.elts) {
      if (x.k !== 'kv' || x.key.k !== 'ident' || x.key.name !== 'RequiredAcks') continue;
      const value = writerConfig ? configAcksOf(x.value, text, at) : acksOf(x.value, alias, text, at);
      settings.push(fieldSetting(x, 'acks', 'producer', value, text, at));
    }
    const ext: KafkaGoUnitExt = { kind: 'kafka-go', alias, lbrace, rbrace, elts };
    units.push({
      id: `kafka-go#${typeSpan.start}`,
      surface: 'kafka-go',
      format: 'go',
      role: 'producer',
      client: 'kafka-go',
      settings,
      anchor: typeSpan,
      span: { start: typeSpan.start, end: rbrace + 1 },
      facts: {
        roleEvidence: 'structure',
        ...(assignsAcks ? { partial: true as const } : {}),
        ...(writerConfig ? { kafkaGoWriterConfig: true as const } : {}),
      },
      ext,
    });
  }
  reads.sort((a, b) => a.call.start - b.call.start);
  readers.sort((a, b) => a.at + a.e.start - (b.at + b.e.start));
  for (const { e, at } of readers) {
    const group = e.elts.find((x) => x.k === 'kv' && x.key.k === 'ident' && x.key.name === 'GroupID');
    // Without a group (a partition reader), ReadMessage commits nothing.
    if (!group || group.k !== 'kv' || /^(""|``)$/.test(text.slice(at + group.value.start, at + group.value.end).trim())) continue;
    const lit = placeLiteral(e, at, text);
    if (!lit) continue;
    const { typeSpan, lbrace, rbrace, elts } = lit;
    const start = e.elts.find((x) => x.k === 'kv' && x.key.k === 'ident' && x.key.name === 'StartOffset');
    const startSettings: Setting[] = [];
    if (start && start.k === 'kv') startSettings.push(fieldSetting(start, 'auto.offset.reset', 'consumer', startOf(start.value, alias, text, at), text, at));
    const settings = reads.map(
      (r): Setting =>
        internSetting({
          key: 'enable.auto.commit',
          sourceKey: 'ReadMessage',
          role: 'consumer',
          value: 'true',
          rawValue: text.slice(r.call.start, r.call.end),
          dynamic: false,
          keySpan: r.name,
          valueSpan: r.call,
          entrySpan: r.call,
          precedence: 1,
        }),
    );
    units.push({
      id: `kafka-go-reader#${typeSpan.start}`,
      surface: 'kafka-go',
      format: 'go',
      role: 'consumer',
      client: 'kafka-go',
      settings: [...startSettings, ...settings],
      anchor: typeSpan,
      span: { start: typeSpan.start, end: rbrace + 1 },
      facts: { roleEvidence: 'structure' },
      ext: { kind: 'kafka-go', alias, lbrace, rbrace, elts } satisfies KafkaGoUnitExt,
    });
  }
  return units.sort((a, b) => a.span.start - b.span.start);
}

// ---- editor ----

/** A Go composite literal's braces and elements (absolute offsets). */
export interface GoLiteral {
  lbrace: number;
  rbrace: number;
  elts: Span[];
}

/** The key of a `key: value` element as written (`RequiredAcks`, `"acks"`), and the spaces after its colon. */
const ELEMENT_KEY = /^([A-Za-z_]\w*|"(?:[^"\\\n]|\\.)*"):([ \t]+)/;

/**
 * An element `key: value` added to a composite literal in its layout: inside `{}`; at the end of a
 * one-line literal; or on a line of its own after the last element of a multi-line one, at its
 * indentation, with the value at the column the other values start at when they are aligned (as
 * gofmt leaves them) and the key fits. Null where that is not safe (a comment in the way).
 */
export function insertIntoLiteral(text: string, eol: string, lit: GoLiteral, key: string, value: string): Edit[] | null {
  const field = `${key}: ${value}`;
  const last = lit.elts[lit.elts.length - 1];
  if (!last) return /\S/.test(text.slice(lit.lbrace + 1, lit.rbrace)) ? null : [{ start: lit.lbrace + 1, end: lit.rbrace, newText: field }];
  const first = lit.elts[0];
  if (!/\n/.test(text.slice(lit.lbrace, first.start))) {
    // On one line: `kafka.Writer{Addr: a}` -> `kafka.Writer{Addr: a, RequiredAcks: kafka.RequireAll}`.
    const between = text.slice(last.end, lit.rbrace);
    if (/\n|\/[/*]/.test(between)) return null;
    return between.includes(',') ? [{ start: lit.rbrace, end: lit.rbrace, newText: ` ${field}` }] : [{ start: last.end, end: last.end, newText: `, ${field}` }];
  }
  // One element per line, each ending in a comma.
  const comma = text.indexOf(',', last.end);
  if (comma < 0 || comma > lit.rbrace || /\S/.test(text.slice(last.end, comma))) return null;
  const indent = text.slice(lineStart(text, last.start), last.start);
  if (!/^[ \t]*$/.test(indent)) return null;
  const valueCols = new Set<number>();
  for (const x of lit.elts) {
    const m = ELEMENT_KEY.exec(text.slice(x.start, x.end));
    if (m) valueCols.add(m[1].length + 1 + m[2].length);
  }
  const col = valueCols.size === 1 ? [...valueCols][0] : 0;
  const gap = col > key.length + 1 ? ' '.repeat(col - key.length - 1) : ' ';
  return [{ start: comma + 1, end: comma + 1, newText: `${eol}${indent}${key}:${gap}${value},` }];
}

function uExt(u: ConfigUnit): KafkaGoUnitExt | undefined {
  const e = u.ext as KafkaGoUnitExt | undefined;
  return e && e.kind === 'kafka-go' ? e : undefined;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

export const kafkaGoEditor: FormatEditor = {
  commentPrefix: '//',

  keyName(_unit, key) {
    return key === 'acks' ? 'RequiredAcks' : key === 'auto.offset.reset' ? 'StartOffset' : key;
  },

  valueText(unit, key, value) {
    // (WriterConfig.RequiredAcks is an int: the constants, of type RequiredAcks, do not compile there)
    if (key === 'acks' && isWriterConfig(unit)) return value === 'all' ? '-1' : value;
    const name = key === 'acks' ? CONSTANT_OF[value] : key === 'auto.offset.reset' ? START_OF[value] : undefined;
    return name ? `${uExt(unit)?.alias ?? 'kafka'}.${name}` : value;
  },

  assignment(unit, key, value) {
    return `${kafkaGoEditor.keyName(unit, key)}: ${kafkaGoEditor.valueText(unit, key, value)}`;
  },

  show(_unit, setting) {
    // (a reader's ReadMessage call is shown as written)
    return setting.sourceKey === 'ReadMessage' ? setting.rawValue : `${setting.sourceKey}: ${setting.rawValue}`;
  },

  setValue(_file, unit, setting, value) {
    if (!((setting.key === 'acks' && CONSTANT_OF[value]) || (setting.key === 'auto.offset.reset' && START_OF[value]))) return null;
    // (a WriterConfig cannot ask for no acknowledgement: its 0 means all)
    if (setting.key === 'acks' && isWriterConfig(unit) && value !== 'all' && value !== '1') return null;
    return [{ start: setting.valueSpan.start, end: setting.valueSpan.end, newText: kafkaGoEditor.valueText(unit, setting.key, value) }];
  },

  insert(file, unit, key, value) {
    const u = uExt(unit);
    // After a syntax error the parser's recovery may have put elements in the wrong literal: a
    // structural edit waits for valid code (as sarama's, go.ts).
    if (!u || file.errors.length || key !== 'acks' || !CONSTANT_OF[value]) return null;
    return insertIntoLiteral(file.text, file.eol, u, kafkaGoEditor.keyName(unit, key), kafkaGoEditor.valueText(unit, key, value));
  },

  remove() {
    return null;
  },

  rename() {
    return null;
  },
};

registerEditor(['kafka-go'], kafkaGoEditor);
