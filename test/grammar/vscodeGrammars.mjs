// The suppression-comment injections (package.json contributes.grammars) against the grammars VS
// Code itself ships for YAML, properties (ini) and Go: those of the code-server the editor tests
// install (scripts/editor/setup.mjs), tokenised with vscode-textmate as VS Code does. The unit test
// (test/grammar/suppression.test.ts) uses small stand-ins for those grammars; this checks that the
// scopes the injections rely on (`comment`, and `string.unquoted.block.yaml` for the lines of a
// block scalar) are the ones the real grammars produce.
// Part of `npm run test:editor` (suite "grammar"); prints "grammar: N passed, N failed".
//
//   node test/grammar/vscodeGrammars.mjs

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { toolPaths } from '../../scripts/editor/setup.mjs';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSIONS = path.join(toolPaths().csRoot, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');

let passed = 0;
let failed = 0;
const report = () => console.log(`grammar: ${passed} passed, ${failed} failed`);

if (!fs.existsSync(EXTENSIONS)) {
  console.error(`VS Code's built-in extensions are not at ${EXTENSIONS}: run node scripts/editor/setup.mjs first`);
  failed++;
  report();
  process.exit(1);
}

/** Every grammar VS Code's yaml, ini and go extensions contribute, by scope name. */
function builtinGrammars() {
  const out = new Map();
  for (const ext of ['yaml', 'ini', 'go']) {
    const dir = path.join(EXTENSIONS, ext);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const g of manifest.contributes.grammars ?? []) out.set(g.scopeName, path.join(dir, g.path));
  }
  return out;
}

async function registry() {
  await onig.loadWASM(new Uint8Array(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'))).buffer);
  const builtin = builtinGrammars();
  const ours = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.grammars;
  return new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async (scope) => {
      const own = ours.find((g) => g.scopeName === scope);
      const file = own ? path.join(ROOT, own.path) : builtin.get(scope);
      return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope) => {
      const into = ours.filter((g) => g.injectTo.includes(scope)).map((g) => g.scopeName);
      return into.length ? into : undefined;
    },
  });
}

/** Tokens of a text: [text, scopes] per token. */
async function tokens(reg, scope, text) {
  const grammar = await reg.loadGrammar(scope);
  if (!grammar) throw new Error(`no grammar ${scope}`);
  let stack = vsctm.INITIAL;
  const out = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes]);
    stack = r.ruleStack;
  }
  return out;
}

const DIRECTIVE = 'keyword.control.directive.suppression.kafka-lint';
const RULE_ID = 'entity.name.tag.rule-id.kafka-lint';
const REASON = 'string.unquoted.reason.kafka-lint';

// [name, scope, text, the tokens that must carry a scope, and texts that must carry none of ours]
const cases = [
  ['properties: a directive with rule ids and a reason', 'source.ini', '# kafka-lint-disable-next-line acks, retries -- metrics\nacks=0\n', { 'kafka-lint-disable-next-line': DIRECTIVE, acks: RULE_ID, retries: RULE_ID, metrics: REASON }, []],
  ['yaml: a comment line', 'source.yaml', 'spring:\n  kafka:\n    # kafka-lint-disable-next-line acks\n    producer:\n      acks: 1\n', { 'kafka-lint-disable-next-line': DIRECTIVE, acks: RULE_ID }, []],
  ['yaml: not inside a quoted string', 'source.yaml', 'key: "# kafka-lint-disable acks"\n', {}, ['kafka-lint-disable', 'acks']],
  [
    'yaml: a line of a literal block (a file a ConfigMap holds)',
    'source.yaml',
    'data:\n  application.yml: |\n    spring:\n      kafka:\n        # kafka-lint-disable-next-line acks -- metrics\n        producer:\n          acks: 0\n',
    { 'kafka-lint-disable-next-line': DIRECTIVE, acks: RULE_ID, metrics: REASON },
    [],
  ],
  [
    'yaml: the first line of a `|-` block, several ids',
    'source.yaml',
    'data:\n  server.properties: |-\n    # kafka-lint-disable unclean-leader-election, min-insync-replicas\n    unclean.leader.election.enable=true\n',
    { 'kafka-lint-disable': DIRECTIVE, 'unclean-leader-election': RULE_ID, 'min-insync-replicas': RULE_ID },
    [],
  ],
  ['yaml: not after a value in a block', 'source.yaml', 'data:\n  server.properties: |\n    x=1 # kafka-lint-disable acks\n', {}, ['x=1 # kafka-lint-disable acks', 'kafka-lint-disable', 'acks']],
  ['go: a line comment, not a string', 'source.go', 'func f() {\n\t// kafka-lint-disable-next-line sarama-errors\n\ts := "// kafka-lint-disable acks"\n}\n', { 'kafka-lint-disable-next-line': DIRECTIVE, 'sarama-errors': RULE_ID }, ['acks']],
];

const reg = await registry();
for (const [name, scope, text, want, none] of cases) {
  try {
    const toks = await tokens(reg, scope, text);
    for (const [piece, expected] of Object.entries(want)) {
      const t = toks.find(([s]) => s === piece);
      if (!t) throw new Error(`no token ${JSON.stringify(piece)}; tokens: ${JSON.stringify(toks.map(([s]) => s))}`);
      if (!t[1].includes(expected)) throw new Error(`${JSON.stringify(piece)} is ${t[1].join(' ')}, not ${expected}`);
    }
    for (const piece of none) {
      for (const [s, scopes] of toks) {
        if (s.includes(piece) && scopes.some((x) => x.endsWith('.kafka-lint'))) throw new Error(`${JSON.stringify(s)} has ${scopes.join(' ')}`);
      }
    }
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${e.message}`);
  }
}
report();
process.exit(failed ? 1 : 0);
