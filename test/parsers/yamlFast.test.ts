// The fast YAML reader (parsers/yamlFast.ts) against the `yaml` package's composer: wherever the
// fast reader accepts a text, both must give the same documents node for node (class, value,
// type, anchor, range) and the same comments, and the composer must find no error in it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { readYamlFast } from '../../server/src/engine/parsers/yamlFast.js';
import { composeYamlStream, type YamlStream } from '../../server/src/engine/parsers/yaml.js';
import { contentEnd, nodeSpan, readScalar } from '../../server/src/engine/parsers/yamlCommon.js';
import { benchInputs, rng } from '../../scripts/bench/inputs.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The package class a node is an instance of (the fast reader's nodes must be instances too). */
function cls(n: object): string {
  for (const [name, c] of [['Scalar', Scalar], ['Pair', Pair], ['YAMLMap', YAMLMap], ['YAMLSeq', YAMLSeq], ['Alias', Alias]] as const) if (n instanceof c) return name;
  return 'none';
}

/** A node as the engine sees it: its fields, and what yamlCommon reads from it (which reads a fast
 *  scalar's range from its fields, `ce`, `span` and `read`). */
function dump(n: unknown, text: string): unknown {
  if (n === null || n === undefined) return n;
  const d = (x: unknown) => dump(x, text);
  if (isPair(n)) return { c: cls(n), k: d(n.key), v: d(n.value), ce: contentEnd(text, n) };
  if (isMap(n)) return { c: cls(n), map: n.items.map(d), r: n.range, flow: !!n.flow, a: n.anchor, ce: contentEnd(text, n) };
  if (isSeq(n)) return { c: cls(n), seq: n.items.map(d), r: n.range, flow: !!n.flow, a: n.anchor, ce: contentEnd(text, n) };
  if (isAlias(n)) return { c: cls(n), alias: n.source, r: n.range };
  if (isScalar(n)) {
    return { c: cls(n), s: n.value, t: n.type, src: n.source, fmt: n.format, r: n.range, a: n.anchor, tag: n.tag, ce: contentEnd(text, n), span: nodeSpan(n), read: readScalar(text, n) };
  }
  return { other: String(n) };
}

function dumpStream(s: YamlStream, text: string): string {
  return JSON.stringify({
    // A document's range[2] (where its trailing blank lines end) is not compared: nothing reads it.
    docs: s.docs.map((d) => ({ c: dump(d.contents, text), r: d.range?.slice(0, 2), ds: !!d.directives?.docStart })),
    comments: s.comments,
  });
}

function composerErrors(text: string): number {
  return composeYamlStream(text).docs.reduce((n, d) => n + d.errors.length + d.warnings.length, 0);
}

/** Same result as the composer wherever the fast reader accepts; returns whether it did. */
function check(text: string, name: string): boolean {
  const fast = readYamlFast(text);
  if (!fast) return false;
  assert.equal(composerErrors(text), 0, `${name}: the fast reader accepted a text the composer finds errors in:\n${text}`);
  assert.equal(dumpStream(fast, text), dumpStream(composeYamlStream(text), text), `${name}: readers differ on:\n${text}`);
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
    if (f.name === 'node_modules' || f.name.startsWith('.')) continue;
    const p = path.join(dir, f.name);
    if (f.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(f.name)) out.push(p);
  }
  return out;
}

const KEYS = ['acks', 'spring', 'kafka', 'producer', 'bootstrap-servers', '"[linger.ms]"', "'quoted key'", 'a b', 'x:y', '1', 'true', 'null', '<<', '~', '-k', 'k#', 'k #c', '"esc\\"aped"', '""', 'key\t'];
const VALUES = [
  'all', '1', '-1', '0x1F', '0o17', '1.5', '1e3', '.inf', '-.Inf', '.nan', 'true', 'False', 'NULL', '~', 'null', '', ' ', 'yes', 'a b  c',
  '"double"', '"with \\"escape\\" \\n \\t \\/ \\\\"', '"bad \\q"', '"\\u00e9"', "'single ''quoted'''", "'open", '"open', 'x: y', 'x:', 'a:b', 'http://h:9092',
  '[a, b, c]', '[]', '[ ]', '[a,b]', '[a, ]', '[a, [b]]', '{}', '{a: 1}', '&anc value', '&anc', '*anc', '*', '&', '!!str x', '!tag x', '|', '>-', '|\n  block',
  'v # comment', 'v #', 'v#not', '#c', '@x', '`x', '%x', '? x', '- x', ': x', '${PLACE:holder}', 'a,b', 'é ünï', 'v\t# tab', '"a" b', "'a' b", 'a\u0001b', 'x\u2028y', 'x\u0085y', 'b\uFEFFc', '"q\u0007"',
];

// Values and keys a configuration file has (the wild lists above also hold errors and the unusual).
const TAME_KEYS = ['acks', 'spring', 'kafka', 'producer', 'bootstrap-servers', '"[linger.ms]"', "'quoted key'", 'a b', '1', 'true', '~'];
const TAME_VALUES = ['all', '1', '-1', '1.5', 'true', 'null', '', 'a b  c', '"double"', "'single'", 'http://h:9092', '[a, b, c]', '[]', '{}', '&anc value', '*anc', 'v # comment', '${PLACE:holder}'];

function randomDoc(r: () => number, tame = r() < 0.5): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const keys = tame ? TAME_KEYS : KEYS;
  const values = tame ? TAME_VALUES : VALUES;
  const lines: string[] = [];
  const used = new Set<string>();
  const n = 1 + Math.floor(r() * 14);
  let indent = 0;
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (roll < 0.08) lines.push('');
    else if (roll < 0.16) lines.push(' '.repeat(Math.floor(r() * 6)) + '# note ' + i);
    else if (roll < 0.2 && !tame) lines.push(pick(['---', '--- # doc', '---x', '...', '%YAML 1.2', '--- a: 1', '- a', '-', '\t- b']));
    else {
      // Mostly consistent nesting, sometimes off by one or two.
      const wobble = !tame && r() < 0.1 ? Math.floor(r() * 3) - 1 : 0;
      const ind = Math.max(0, indent + wobble);
      const seq = r() < 0.15 ? '- ' : '';
      const nested = r() < 0.3;
      let key = pick(keys);
      // Tame documents seldom repeat a key (in one mapping that is an error, which the fast reader
      // leaves to the composer); the wild ones do as they please.
      if (tame && used.has(key) && r() < 0.9) key = `k${i}`;
      used.add(key);
      if (nested) {
        lines.push(' '.repeat(ind) + seq + key + ':' + (r() < 0.2 ? ' ' + pick(tame ? ['&base', '# why'] : ['&base', '# why', '&x # c', '']) : ''));
        indent = ind + 2 + (r() < 0.1 ? 2 : 0);
        // A comment before the block's first line, usually at its indent.
        if (r() < 0.15) lines.push(' '.repeat(r() < 0.8 ? indent : Math.floor(r() * 6)) + '# about ' + key);
      } else {
        lines.push(' '.repeat(ind) + seq + (r() < (tame ? 0 : 0.1) ? pick(values) : key + ':' + (r() < 0.9 || tame ? ' ' : '') + pick(values)));
        if (r() < 0.3) indent = Math.max(0, indent - 2 * Math.floor(r() * 3));
      }
    }
  }
  const eol = r() < 0.15 ? '\r\n' : '\n';
  return lines.join(eol) + (r() < 0.7 ? eol : '');
}

describe('yamlFast', () => {
  it('reads the examples, fixtures and benchmark inputs exactly as the composer does', () => {
    const files = yamlFiles(path.join(ROOT, 'examples')).concat(yamlFiles(path.join(ROOT, 'test')));
    assert.ok(files.length > 10);
    let accepted = 0;
    for (const f of files) if (check(fs.readFileSync(f, 'utf8'), f)) accepted++;
    // Most configuration files are inside the subset; a drop here means the fast path went unused.
    assert.ok(accepted >= files.length * 0.75, `fast reader accepted ${accepted} of ${files.length}`);
    for (const b of benchInputs()) {
      if (b.languageId !== 'yaml') continue;
      assert.ok(check(b.text, b.name), `the fast reader declines the benchmark input ${b.name}`);
    }
  });

  it('agrees with the composer on random documents (or declines)', () => {
    const r = rng(20261121);
    let accepted = 0;
    const total = 20000;
    for (let i = 0; i < total; i++) {
      let text = randomDoc(r);
      if (r() < 0.3) text += (text.endsWith('\n') ? '' : '\n') + '---\n' + randomDoc(r);
      if (check(text, `random #${i}`)) accepted++;
    }
    // The generator is tuned so that a fair share is inside the subset.
    assert.ok(accepted > total * 0.12, `only ${accepted} of ${total} random documents were read by the fast path`);
  });

  it('reads a piece of a longer text in place, with offsets into that text', () => {
    const r = rng(7);
    const shift = (json: string, d: number) =>
      JSON.stringify(JSON.parse(json), (k, v) => ((k === 'r' && Array.isArray(v)) || ((k === 'start' || k === 'end' || k === 'ce') && typeof v === 'number') ? (Array.isArray(v) ? v.map((x: number) => x + d) : v + d) : v));
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const piece = randomDoc(r);
      const alone = readYamlFast(piece);
      const before = 'spring:\n  kafka: x\n';
      const after = '---\nz: 1\n';
      const inPlace = readYamlFast(before + piece + after, before.length, before.length + piece.length);
      if (!alone) {
        assert.equal(inPlace, undefined, piece);
        continue;
      }
      assert.ok(inPlace, piece);
      assert.equal(dumpStream(inPlace, before + piece + after), shift(dumpStream(alone, piece), before.length), piece);
      compared++;
    }
    assert.ok(compared > 300);
  });

  it("makes nodes the package's own methods work on, as on the composer's", () => {
    const text = 'a:\n  b: 1\n  c: [x, y]\n  d: "q"\n  e: {}\nl:\n  - 1\n  - k: v\n';
    const fast = readYamlFast(text)!.docs[0];
    const composed = composeYamlStream(text).docs[0];
    assert.equal(fast.toString(), composed.toString());
    assert.deepEqual(fast.toJSON(), composed.toJSON());
    const map = fast.contents as YAMLMap;
    assert.equal(map.getIn(['a', 'c', 1]), 'y');
    const copy = map.clone();
    assert.ok(isMap(copy) && copy.items.length === 2 && copy !== map);
    map.set('z', 5);
    assert.equal(fast.toString(), composed.toString() + 'z: 5\n');
  });

  it('declines what it does not read', () => {
    const outside = [
      'a: |\n  block\n',
      'a: >\n  folded\n',
      'a: b\n  continued\n',
      'a: !tag x\n',
      'a: {b: 1}\n',
      '? complex\n: value\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n...\n',
      'just a scalar\n',
      'a:\n\tb: 1\n',
      'a: "multi\n  line"\n',
      '\uFEFFa: 1\n',
      'a: 1\rb: 2\n',
    ];
    for (const t of outside) assert.equal(readYamlFast(t), undefined, JSON.stringify(t));
  });

  it("reads comment lines between a key and the block under it, indented like the block, as the composer does; declines them elsewhere after a key", () => {
    const inside = [
      'spring:\n  kafka:\n    # producer settings\n    producer:\n      acks: all\n',
      'spec:\n  configOverrides:\n    server:\n      # from the dev overlay\n      - min.insync.replicas=1\n',
      'a:\n  # one\n\n  # two\n  b: 1\nc: 2\n',
      'l:\n  - k:\n      # c\n      v: 1\n',
    ];
    for (const t of inside) assert.ok(check(t, JSON.stringify(t)), `declined ${JSON.stringify(t)}`);
    const after = ['a:\n# c\n  b: 1\n', 'a:\n  # c\nb: 1\n', 'a: # t\n  # c\n  b: 1\n', 'a: &x\n  # c\n  b: 1\n', 'a:\n  # c\n- x\n'];
    for (const t of after) assert.equal(readYamlFast(t), undefined, JSON.stringify(t));
  });
});
