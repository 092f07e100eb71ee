// Grammar snapshot test: tokenises suppression comments with vscode-textmate (the engine VS Code
// uses) and compares with reviewed snapshots in test/grammar/snapshots. The host grammars here are
// minimal stand-ins for VS Code's ini/yaml/go grammars: they only mark comments, which is all
// the injection needs (it is selected by `L:comment`). UPDATE_SNAPSHOTS=1 rewrites them.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '../../..');
const SNAP_DIR = path.join(ROOT, 'test/grammar/snapshots');

const hosts: Record<string, object> = {
  // Like VS Code's own grammars, comments are begin/end rules: injections apply inside them.
  'source.ini': { scopeName: 'source.ini', patterns: [{ begin: '^\\s*[#;!]', end: '$', name: 'comment.line.number-sign.ini' }] },
  // A block scalar's lines are `string.unquoted.block.yaml`, after their indentation, as in VS Code's
  // YAML grammar (scripts/editor/grammars.mjs checks the injections against that grammar itself).
  'source.yaml': {
    scopeName: 'source.yaml',
    patterns: [
      {
        begin: '[|>][-+]?[ \\t]*$',
        end: '^(?! |$)',
        patterns: [{ begin: '^(  )', beginCaptures: { 1: { name: 'punctuation.whitespace.indentation.yaml' } }, end: '$', contentName: 'string.unquoted.block.yaml' }],
      },
      { begin: '"', end: '"', name: 'string.quoted.double.yaml' },
      { begin: '(?:^|(?<=\\s))#', end: '$', name: 'comment.line.number-sign.yaml' },
    ],
  },
  'source.go': { scopeName: 'source.go', patterns: [{ begin: '"', end: '"', name: 'string.quoted.double.go' }, { begin: '//', end: '$', name: 'comment.line.double-slash.go' }] },
};

async function registry() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(new Uint8Array(wasm).buffer as ArrayBuffer);
  // Every injection grammar the manifest contributes, into the scopes it names.
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contributed: { scopeName: string; path: string; injectTo: string[] }[] = manifest.contributes.grammars;
  const injections = new Map(contributed.map((g) => [g.scopeName, fs.readFileSync(path.join(ROOT, g.path), 'utf8')]));
  return new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      const injection = injections.get(scope);
      if (injection) return vsctm.parseRawGrammar(injection, `${scope}.json`);
      const host = hosts[scope];
      return host ? vsctm.parseRawGrammar(JSON.stringify(host), `${scope}.json`) : null;
    },
    getInjections: (scope: string) => {
      const into = contributed.filter((g) => g.injectTo.includes(scope)).map((g) => g.scopeName);
      return into.length ? into : undefined;
    },
  });
}

async function tokenize(reg: vsctm.Registry, scope: string, text: string) {
  const grammar = await reg.loadGrammar(scope);
  assert.ok(grammar, `grammar ${scope} did not load`);
  let stack = vsctm.INITIAL;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) {
      const scopes = t.scopes.filter((s) => s !== scope);
      out.push(`${JSON.stringify(line.slice(t.startIndex, t.endIndex))} ${scopes.join(' ')}`.trimEnd());
    }
    stack = r.ruleStack;
  }
  return out;
}

const cases: Array<[string, string, string]> = [
  ['properties', 'source.ini', '# kafka-lint-disable-next-line acks, retries -- fire-and-forget metrics\nacks=0\n# kafka-lint-disable removed-key\n# an ordinary comment mentioning kafka-lint\n'],
  ['yaml', 'source.yaml', 'spring:\n  kafka:\n    producer:\n      # kafka-lint-disable-next-line acks\n      acks: 1\n      key: "# kafka-lint-disable acks"\n'],
  // Files a ConfigMap holds: a suppression line inside the block, not a `#` after a value there.
  [
    'yaml-block',
    'source.yaml',
    'data:\n  server.properties: |\n    # kafka-lint-disable-next-line unclean-leader-election, acks -- drill\n    unclean.leader.election.enable=true\n    x=1 # kafka-lint-disable acks\n    # an ordinary comment\n',
  ],
  ['go', 'source.go', 'func f() {\n\t// kafka-lint-disable-next-line sarama-errors -- drained elsewhere\n\tcfg.Producer.Return.Errors = false\n\ts := "// kafka-lint-disable acks"\n}\n'],
];

describe('suppression comment grammar', () => {
  for (const [name, scope, text] of cases) {
    it(`highlights directives and rule ids in ${name} comments only`, async () => {
      const reg = await registry();
      const tokens = await tokenize(reg, scope, text);
      const file = path.join(SNAP_DIR, `${name}.snap.txt`);
      const actual = tokens.join('\n') + '\n';
      if (process.env.UPDATE_SNAPSHOTS) {
        fs.mkdirSync(SNAP_DIR, { recursive: true });
        fs.writeFileSync(file, actual);
      }
      assert.ok(fs.existsSync(file), `missing snapshot ${file}: run with UPDATE_SNAPSHOTS=1 and review it`);
      assert.equal(actual, fs.readFileSync(file, 'utf8'));
      // The directive inside a string is never highlighted.
      assert.ok(!tokens.some((t) => t.includes('string.quoted') && /\.kafka-lint\b/.test(t)), 'directive highlighted inside a string');
      assert.ok(tokens.some((t) => t.includes('keyword.control.directive.suppression.kafka-lint')), 'no directive highlighted');
    });
  }
});
