// confluent-kafka-go (facts.md §11.1): a `kafka.ConfigMap{"key": value, ...}` literal holds
// librdkafka properties, judged by the librdkafka rules as a librdkafka `.properties` file is.
// Its role comes from the constructor it reaches (`kafka.NewProducer(&kafka.ConfigMap{...})`, or a
// variable holding it passed to `NewProducer`/`NewConsumer`), else from its keys (`group.id`: a
// consumer). `cfg.SetKey("key", value)` calls and `cfg["key"] = value` assignments on such a
// variable add to its settings. Variables are told apart per function (a `conf` of one function is
// not the `conf` of another), falling back to the package's.

import type { ConfigUnit, Edit, Role, Setting, Span } from '../model.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import { internSetting } from '../strings.js';
import type { Expr, FuncDecl, GoFile, Stmt } from './go.js';
import { insertIntoLiteral, placeLiteral, walkBlock, walkStmt, type GoLiteral } from './kafkaGo.js';
import { roleFromKeys } from './properties.js';

export const CONFLUENT_GO_IMPORTS: readonly string[] = [
  'github.com/confluentinc/confluent-kafka-go/kafka',
  'github.com/confluentinc/confluent-kafka-go/v2/kafka',
];

export interface ConfluentGoUnitExt extends GoLiteral {
  kind: 'confluent-kafka-go';
}

interface ConfluentSettingExt {
  kind: 'confluent-kafka-go';
  /** The key's string literal, and whether the value was written as a Go string. */
  keyLiteral: Span;
  quoted: boolean;
  /** The whole `"key": value` element, for removal (undefined for a SetKey call or an assignment). */
  element?: Span;
  /** A `cfg.SetKey("key", value)` call or a `cfg["key"] = value` assignment as written (shown in messages as it is). */
  call?: string;
}

function aliasOf(files: GoFile[]): string | undefined {
  for (const f of files) {
    for (const imp of f.imports) {
      if (!CONFLUENT_GO_IMPORTS.includes(imp.path) || imp.alias === '_' || imp.alias === '.') continue;
      return imp.alias ?? 'kafka';
    }
  }
  return undefined;
}

/** The decoded contents of a Go string literal expression, or undefined. */
function stringOf(e: Expr): string | undefined {
  return e.k === 'basic' && e.tok.kind === 'string' ? (e.tok.value ?? '') : undefined;
}

/** A value as librdkafka reads it: a string's contents, a number or a boolean as written; undefined for anything else. */
function valueOf(e: Expr, text: string, at: number): { value: string; quoted: boolean } | undefined {
  const str = stringOf(e);
  if (str !== undefined) return { value: str, quoted: true };
  if (e.k === 'basic' && (e.tok.kind === 'int' || e.tok.kind === 'float')) return { value: text.slice(at + e.start, at + e.end), quoted: false };
  if (e.k === 'ident' && (e.name === 'true' || e.name === 'false')) return { value: e.name, quoted: false };
  if (e.k === 'unary' && e.op === '-' && e.x.k === 'basic' && e.x.tok.kind === 'int') return { value: text.slice(at + e.start, at + e.end).replace(/\s+/g, ''), quoted: false };
  return undefined;
}

function setting(key: string, keyLit: Span, value: Expr, text: string, at: number, role: Role, element?: Span, call?: Span): Setting {
  const v = valueOf(value, text, at);
  const valueSpan = { start: at + value.start, end: at + value.end };
  const rawValue = text.slice(valueSpan.start, valueSpan.end);
  const ext: ConfluentSettingExt = {
    kind: 'confluent-kafka-go',
    keyLiteral: keyLit,
    quoted: v?.quoted ?? false,
    ...(element ? { element } : {}),
    ...(call ? { call: text.slice(call.start, call.end) } : {}),
  };
  return internSetting({
    key,
    sourceKey: key,
    role,
    value: v ? v.value : rawValue,
    rawValue,
    dynamic: v === undefined,
    keySpan: { start: keyLit.start + 1, end: keyLit.end - 1 },
    valueSpan,
    entrySpan: element ?? { start: keyLit.start, end: valueSpan.end },
    precedence: 1,
    ext,
  });
}

interface Literal {
  e: Expr & { k: 'composite' };
  at: number;
  role?: Role;
}

/** Where a name is bound: the function it is written in (its declaration), or undefined for the package. */
type VarScope = object | undefined;

interface KeySet {
  name: string;
  key: Expr;
  value: Expr;
  written: { start: number; end: number };
  scope: VarScope;
}

interface CtorArg {
  fn: string;
  arg: Expr;
  scope: VarScope;
  /** `c, err := kafka.NewConsumer(...)`: how the function uses `c` (see `consumerUses`). */
  result?: ConsumerUses;
}

/**
 * How a function uses the consumer it makes: the methods called on it, how many other mentions of
 * its name the syntax tree shows, and the function's text, whose mentions of the name must all be
 * among those (a use the tree does not show, or a name in a comment or string, then counts as an
 * unknown use).
 */
interface ConsumerUses {
  name: string;
  methods: string[];
  /** Mentions of the name that are none of: a method call's receiver, an assignment of a `NewConsumer` result, an argument of a call below. */
  others: number;
  /** Calls of a function by name (`commitOffset(c, ...)`) that pass it on, as the argument at `index`. */
  passed: { callee: string; index: number }[];
  /** Mentions in the tree, all kinds. */
  mentions: number;
  /** The function, relative to the piece. */
  fn: { start: number; end: number };
}

/** What one piece of a file holds for confluent-kafka-go, relative to the piece (kept while it is reused). */
interface PieceFinds {
  alias: string;
  literals: (Expr & { k: 'composite' })[];
  ctorArgs: CtorArg[];
  /** `cfg.SetKey("key", value)` calls and `cfg["key"] = value` assignments (`written`), in the order they are written. */
  keySets: KeySet[];
  /** Variables given a value: `cfg := &kafka.ConfigMap{...}`, `var cfg = kafka.ConfigMap{...}`. */
  bindings: { name: string; value: Expr; scope: VarScope }[];
}

const pieceFinds = new WeakMap<GoFile, PieceFinds>();

/** `<alias>.NewConsumer(...)`. */
const newConsumerCall = (alias: string) => (e: Expr) => e.k === 'call' && e.fun.k === 'sel' && e.fun.x.k === 'ident' && e.fun.x.name === alias && e.fun.name === 'NewConsumer';

/** The variable an expression names: `conf`, or a field of one, `args.conf` (up to a few levels). */
function varName(e: Expr, depth = 0): string | undefined {
  if (e.k === 'ident') return e.name;
  if (e.k !== 'sel' || depth > 4) return undefined;
  const x = varName(e.x, depth + 1);
  return x === undefined ? undefined : `${x}.${e.name}`;
}

/** Walks a piece once per import name; an editor reuses the pieces an edit did not touch (goIncremental.ts). */
function findsOf(f: GoFile, alias: string): PieceFinds {
  const kept = pieceFinds.get(f);
  if (kept && kept.alias === alias) return kept;
  const out: PieceFinds = { alias, literals: [], ctorArgs: [], keySets: [], bindings: [] };
  let scope: VarScope;
  let fnNow: FuncDecl | undefined;
  // (`c, err := kafka.NewConsumer(...)`: the call, and the name it is assigned to)
  const results = new Map<Expr, string>();
  const isNewConsumer = newConsumerCall(alias);
  const visit = (e: Expr) => {
    if (e.k === 'composite' && e.type?.k === 'sel' && e.type.name === 'ConfigMap' && e.type.x.k === 'ident' && e.type.x.name === alias) out.literals.push(e);
    else if (e.k === 'call' && e.fun.k === 'sel') {
      if (e.fun.x.k === 'ident' && e.fun.x.name === alias && /^New(Producer|Consumer)$/.test(e.fun.name) && e.args.length) {
        const c: CtorArg = { fn: e.fun.name, arg: e.args[0], scope };
        const name = results.get(e);
        if (name !== undefined && fnNow?.body) c.result = consumerUses(fnNow, name, isNewConsumer);
        out.ctorArgs.push(c);
      }
      else if (e.fun.name === 'SetKey' && e.args.length === 2) {
        const name = varName(e.fun.x);
        if (name !== undefined) out.keySets.push({ name, key: e.args[0], value: e.args[1], written: e, scope });
      }
    }
  };
  const onStmt = (st: Stmt) => {
    if (st.k === 'assign' && st.rhs.length === 1 && st.lhs[0]?.k === 'ident' && st.lhs[0].name !== '_' && isNewConsumer(st.rhs[0])) results.set(st.rhs[0], st.lhs[0].name);
    if (st.k === 'assign' && st.lhs.length === st.rhs.length) {
      st.lhs.forEach((l, i) => {
        const name = l.k === 'index' ? undefined : varName(l);
        if (name !== undefined) out.bindings.push({ name, value: st.rhs[i], scope });
        else if (st.op === '=' && st.lhs.length === 1 && l.k === 'index' && l.args.length === 1) {
          const map = varName(l.x);
          if (map !== undefined) out.keySets.push({ name: map, key: l.args[0], value: st.rhs[0], written: st, scope });
        }
      });
    } else if (st.k === 'var') {
      for (const spec of st.specs) spec.names.forEach((n, i) => spec.values[i] && out.bindings.push({ name: n.name, value: spec.values[i], scope }));
    }
  };
  for (const fn of f.funcs) {
    scope = fnNow = fn;
    walkBlock(fn.body, visit, onStmt);
  }
  scope = fnNow = undefined;
  for (const v of f.vars) walkStmt(v, visit, onStmt, 0);
  pieceFinds.set(f, out);
  return out;
}

/** How `fn` uses the name a `NewConsumer` result is assigned to (`ConsumerUses`). */
function consumerUses(fn: FuncDecl, name: string, isNewConsumer: (e: Expr) => boolean): ConsumerUses {
  const known = new Set<Expr>();
  const assigned = new Set<Expr>();
  const methods: string[] = [];
  const passed: ConsumerUses['passed'] = [];
  let mentions = 0;
  let others = 0;
  walkBlock(
    fn.body,
    (e) => {
      if (e.k === 'call') {
        if (e.fun.k === 'sel' && e.fun.x.k === 'ident' && e.fun.x.name === name) {
          known.add(e.fun.x);
          methods.push(e.fun.name);
        }
        e.args.forEach((a, index) => {
          if (a.k !== 'ident' || a.name !== name) return;
          // Printed (`fmt.Printf("%v", c)` reads only its name), or passed to a function of the file.
          if (e.fun.k === 'sel' && e.fun.x.k === 'ident' && e.fun.x.name === 'fmt') known.add(a);
          else if (e.fun.k === 'ident') {
            known.add(a);
            passed.push({ callee: e.fun.name, index });
          }
        });
      } else if (e.k === 'ident' && e.name === name) {
        mentions++;
        if (!known.has(e) && !assigned.has(e)) others++;
      }
    },
    (st) => {
      if (st.k === 'assign' && st.rhs.length === 1 && st.lhs[0]?.k === 'ident' && st.lhs[0].name === name && isNewConsumer(st.rhs[0])) assigned.add(st.lhs[0]);
    },
  );
  return { name, methods, others, passed, mentions, fn: { start: fn.start, end: fn.end } };
}

// Consumer methods that never hand the application a message: offsets, metadata, credentials, closing.
const NO_MESSAGES = new Set([
  'Close',
  'IsClosed',
  'CommitOffsets',
  'Committed',
  'GetMetadata',
  'QueryWatermarkOffsets',
  'GetWatermarkOffsets',
  'OffsetsForTimes',
  'Position',
  'String',
  'GetRebalanceProtocol',
  'SetOAuthBearerToken',
  'SetOAuthBearerTokenFailure',
  'SetSaslCredentials',
]);

/** A plain function of the file by name, and how it uses its parameter at an index (undefined: unknown). */
type Callee = (name: string, index: number) => { uses: ConsumerUses; at: number } | undefined;

/**
 * The calls of a consumer that never fetches a message (`UnitFacts.readsNoMessages`), following it
 * into the functions of the file it is passed to (a few calls deep); else undefined.
 */
function readsNoMessages(u: ConsumerUses, text: string, at: number, callee: Callee, depth = 0): string[] | undefined {
  if (u.others || !u.methods.every((m) => NO_MESSAGES.has(m))) return undefined;
  // Every mention in the function's text must be one the tree showed. (The parameter's own
  // declaration is in the function's text too: one more.)
  const body = text.slice(at + u.fn.start, at + u.fn.end);
  const word = new RegExp(`(?<![\\p{L}\\p{N}_])${u.name}(?![\\p{L}\\p{N}_])`, 'gu');
  let inText = 0;
  while (word.exec(body)) inText++;
  if (inText !== u.mentions + (depth ? 1 : 0)) return undefined;
  const calls = new Set(u.methods);
  for (const p of u.passed) {
    const c = depth < 3 ? callee(p.callee, p.index) : undefined;
    const more = c && readsNoMessages(c.uses, text, c.at, callee, depth + 1);
    if (!more) return undefined;
    for (const m of more) calls.add(m);
  }
  return [...calls];
}

/** The `kafka.ConfigMap{...}` literals of a Go file (its pieces), as librdkafka client units. */
export function confluentGoUnits(files: GoFile[], text: string): ConfigUnit[] {
  const alias = aliasOf(files);
  if (alias === undefined) return [];
  const literals: Literal[] = [];
  const byNode = new Map<Expr, Literal>();
  const byVar = new Map<VarScope, Map<string, Literal>>();
  const varOf = (scope: VarScope, name: string) => byVar.get(scope)?.get(name) ?? byVar.get(undefined)?.get(name);
  const ctorArgs: (CtorArg & { at: number })[] = [];
  const keySets: (KeySet & { at: number })[] = [];
  const literalIn = (e: Expr | undefined): Expr | undefined => (e && e.k === 'unary' && e.op === '&' ? e.x : e);
  for (const f of files) {
    const at = f.chunk.start;
    const p = findsOf(f, alias);
    for (const e of p.literals) {
      const lit: Literal = { e, at };
      literals.push(lit);
      byNode.set(e, lit);
    }
    for (const c of p.ctorArgs) ctorArgs.push({ ...c, at });
    for (const c of p.keySets) keySets.push({ ...c, at });
    for (const b of p.bindings) {
      const lit = byNode.get(literalIn(b.value) as Expr);
      if (lit) {
        let names = byVar.get(b.scope);
        if (!names) byVar.set(b.scope, (names = new Map()));
        names.set(b.name, lit);
      }
    }
  }
  // (A config every consumer of which fetches no message: the calls they make; `null` once one may fetch.)
  const quiet = new Map<Literal, string[] | null>();
  const plainFuncs = new Map<string, { fn: FuncDecl; at: number }>();
  for (const f of files) for (const fn of f.funcs) if (!fn.recv && fn.body && !plainFuncs.has(fn.name)) plainFuncs.set(fn.name, { fn, at: f.chunk.start });
  const isNewConsumer = newConsumerCall(alias);
  const callee: Callee = (name, index) => {
    const c = plainFuncs.get(name);
    const param = c?.fn.params[index];
    return c && param && param !== '_' ? { uses: consumerUses(c.fn, param, isNewConsumer), at: c.at } : undefined;
  };
  for (const { fn, arg, scope, result, at } of ctorArgs) {
    const inner = literalIn(arg);
    const name = inner && varName(inner);
    const lit = inner ? (byNode.get(inner) ?? (name !== undefined ? varOf(scope, name) : undefined)) : undefined;
    if (!lit) continue;
    lit.role = fn === 'NewProducer' ? 'producer' : 'consumer';
    if (fn !== 'NewConsumer') continue;
    const calls = result && quiet.get(lit) !== null ? readsNoMessages(result, text, at, callee) : undefined;
    quiet.set(lit, calls ? [...new Set([...(quiet.get(lit) ?? []), ...calls])] : null);
  }
  const units: ConfigUnit[] = [];
  for (const lit of literals) {
    const { e, at } = lit;
    const keyed: { key: string; keyLit: Span; value: Expr; element: Span }[] = [];
    for (const x of e.elts) {
      if (x.k !== 'kv') continue;
      const key = stringOf(x.key);
      if (key === undefined) continue;
      keyed.push({ key, keyLit: { start: at + x.key.start, end: at + x.key.end }, value: x.value, element: { start: at + x.start, end: at + x.end } });
    }
    const extra = keySets.filter((c) => varOf(c.scope, c.name) === lit);
    const keys = new Set([...keyed.map((k) => k.key), ...extra.map((c) => stringOf(c.key) ?? '')]);
    // Without a constructor, the keys decide as in a `.properties` file (a client here: never a broker or topic).
    const byKeys = lit.role ? undefined : roleFromKeys(keys);
    const role: Role = lit.role ?? (byKeys === 'producer' || byKeys === 'consumer' ? byKeys : 'client');
    const settings = keyed.map((k) => setting(k.key, k.keyLit, k.value, text, at, role, k.element));
    // After the literal's own, in the order they are written (the last of a key is the one in effect).
    for (const c of extra) {
      const key = stringOf(c.key);
      if (key === undefined) continue;
      const written = { start: c.at + c.written.start, end: c.at + c.written.end };
      settings.push(setting(key, { start: c.at + c.key.start, end: c.at + c.key.end }, c.value, text, c.at, role, undefined, written));
    }
    const placed = placeLiteral(e, at, text);
    if (!placed) continue;
    const { typeSpan, lbrace, rbrace, elts } = placed;
    const ext: ConfluentGoUnitExt = { kind: 'confluent-kafka-go', lbrace, rbrace, elts };
    units.push({
      id: `confluent-kafka-go#${typeSpan.start}`,
      surface: 'confluent-kafka-go',
      format: 'go',
      role,
      client: 'librdkafka',
      settings,
      anchor: typeSpan,
      span: { start: typeSpan.start, end: rbrace + 1 },
      facts: { roleEvidence: lit.role ? 'structure' : 'keys', ...(role === 'consumer' && quiet.get(lit) ? { readsNoMessages: quiet.get(lit)! } : {}) },
      ext,
    });
  }
  return units;
}

// ---- editor ----

function uExt(u: ConfigUnit): ConfluentGoUnitExt | undefined {
  const e = u.ext as ConfluentGoUnitExt | undefined;
  return e && e.kind === 'confluent-kafka-go' ? e : undefined;
}

function sExt(s: Setting): ConfluentSettingExt | undefined {
  const e = s.ext as ConfluentSettingExt | undefined;
  return e && e.kind === 'confluent-kafka-go' ? e : undefined;
}

const goString = (v: string) => JSON.stringify(v);

/** A value as a ConfigMap value: booleans and integers as Go literals, anything else a string. */
function literalOf(value: string): string {
  return /^(true|false|-?\d+)$/.test(value) ? value : goString(value);
}

export const confluentGoEditor: FormatEditor = {
  commentPrefix: '//',

  keyName(_unit, key) {
    return goString(key);
  },

  valueText(_unit, _key, value) {
    return literalOf(value);
  },

  assignment(_unit, key, value) {
    return `${goString(key)}: ${literalOf(value)}`;
  },

  show(_unit, setting) {
    return sExt(setting)?.call ?? `${goString(setting.sourceKey)}: ${setting.rawValue}`;
  },

  setValue(_file, _unit, setting, value) {
    const ext = sExt(setting);
    if (!ext || setting.dynamic) return null;
    // A value written as a string stays one (`"all"`, `"false"`); librdkafka reads either.
    return [{ start: setting.valueSpan.start, end: setting.valueSpan.end, newText: ext.quoted ? goString(value) : literalOf(value) }];
  },

  insert(file, unit, key, value) {
    const u = uExt(unit);
    // After a syntax error the literal's elements are the parser's guess: structural edits wait (go.ts).
    if (!u || file.errors.length) return null;
    return insertIntoLiteral(file.text, file.eol, u, goString(key), literalOf(value));
  },

  remove(file, _unit, setting) {
    const ext = sExt(setting);
    if (!ext?.element || file.errors.length) return null;
    // An element on a line of its own (with its comma): the whole line goes.
    const text = file.text;
    const ls = text.lastIndexOf('\n', ext.element.start - 1) + 1;
    if (/\S/.test(text.slice(ls, ext.element.start))) return null;
    const m = /^[ \t]*,?[ \t]*(\r?\n)/.exec(text.slice(ext.element.end));
    if (!m) return null;
    return [{ start: ls, end: ext.element.end + m[0].length, newText: '' } satisfies Edit];
  },

  rename(_file, _unit, setting, newKey) {
    const ext = sExt(setting);
    if (!ext) return null;
    return [{ start: ext.keyLiteral.start, end: ext.keyLiteral.end, newText: goString(newKey) }];
  },
};

registerEditor(['confluent-kafka-go'], confluentGoEditor);
