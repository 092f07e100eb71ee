// The per-document linter must give exactly what a fresh lint() gives, finding for finding, after
// any sequence of edits: random edits (fast-check) to realistic seeds of every format, with the
// fragments that stress where the incremental parsers cut (`---` lines, block scalars, quotes,
// flow collections, directives, backslash continuations, CR/CRLF, Go braces, raw strings and
// comments).   FC_SEED=<n> FC_RUNS=<n> reproduce or deepen a run.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lint, type LintResult } from '../../server/src/engine/index.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';
import type { Format } from '../../server/src/engine/model.js';
import { resolveOptions } from '../../server/src/engine/options.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const RUNS = Number(process.env.FC_RUNS) || 30;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const params = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };

interface Seed {
  path: string;
  text: string;
}

const SEEDS: Record<Format, Seed[]> = {
  properties: [
    { path: 'producer.properties', text: read('test/property/corpus/producer.properties') },
    { path: 'server.properties', text: read('examples/kafka-broker/server.properties') },
    { path: 'consumer.properties', text: read('examples/legacy-batch/consumer.properties') + '\nlong.value=a\\\n  b\\\n  c\n' },
    {
      path: 'application.properties',
      text: read('examples/payment-service/src/main/resources/application.properties') + '\n#---\nspring.config.activate.on-profile=prod\nspring.kafka.producer.acks=1\n',
    },
  ],
  yaml: [
    {
      path: 'application.yml',
      text: read('examples/order-service/src/main/resources/application.yml') + '---\n' + read('examples/order-service/src/main/resources/application-prod.yml'),
    },
    { path: 'kafka.yaml', text: read('examples/k8s/strimzi/kafka-cluster.yaml') + '---\n' + read('examples/k8s/strimzi/topics.yaml') },
    { path: 'docker-compose.yml', text: read('examples/local-dev/docker-compose.yml') + '---\n' + read('test/property/corpus/docker-compose.yml') },
    { path: 'application.yml', text: read('test/property/corpus/application.yml') + '---\nspring:\n  kafka:\n    producer:\n      acks: &a 1\n      retries: *a\n' },
  ],
  go: [
    { path: 'producer.go', text: read('examples/go-events/producer.go') },
    { path: 'consumer.go', text: read('examples/go-events/consumer.go') + '\n' + read('test/property/corpus/producer.go').replace(/^package \w+\n/, '').replace(/^import[^)]*\)\n|^import "[^"]*"\n/m, '') },
    { path: 'producer.go', text: read('test/property/corpus/producer.go') },
  ],
};

const COMMON = ['\n', '\r\n', '\r', ' ', '\t', '\uFEFF', '#', '${', '}', '${VAR:1}', '"', "'", '\\', '=', ':', '[', ']', '\u0000'];
const TOKENS: Record<Format, string[]> = {
  properties: [...COMMON, '!', '\\\n', '\\\r\n', '\\\\\n', '\\u00e9', '\\uZZ', '#---\n', 'acks=1\n', 'acks=all', 'retries=0\n', 'spring.kafka.producer.acks=0\n', '# kafka-lint-disable-next-line acks\n'],
  yaml: [
    ...COMMON,
    '---\n',
    '--- ',
    '---',
    '...\n',
    '%YAML 1.2\n',
    '- ',
    '  ',
    '&a ',
    '*a',
    '<<: *a\n',
    '{',
    '}',
    '? ',
    '|\n',
    '>-\n  x\n',
    '"\n---\n"',
    'key: |\n  text\n---\n',
    '[a,\n---\n',
    'acks: 1',
    'spring:\n  kafka:\n    producer:\n      acks: 0\n',
    'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\n  labels:\n    strimzi.io/cluster: events\nspec:\n  replicas: 5\n  roles: [broker]\n',
    'kind: KafkaTopic\n',
    'replicas: 1',
    'environment:\n  - KAFKA_MIN_INSYNC_REPLICAS=1\n',
    '# kafka-lint-disable-next-line acks\n',
  ],
  go: [
    ...COMMON,
    '{',
    '}',
    '(',
    ')',
    '`',
    '//',
    '/*',
    '*/',
    ';',
    ':=',
    '.',
    '\nfunc f() {\n',
    '\n}\n',
    'func g() *sarama.Config {\n\tc := sarama.NewConfig()\n\treturn c\n}\n',
    'cfg := sarama.NewConfig()\n',
    'cfg.Producer.RequiredAcks = sarama.NoResponse\n',
    'cfg.Producer.Idempotent = true\n',
    'var shared = sarama.NewConfig()\n',
    'shared.Producer.Retry.Max = 0\n',
    'sarama.NewSyncProducer(b, cfg)',
    '// kafka-lint-disable-next-line acks\n',
  ],
};

type Edit = { at: number; del: number; ins: string; snap: boolean };

function editArb(format: Format): fc.Arbitrary<Edit> {
  const ins = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TOKENS[format]) },
    { weight: 3, arbitrary: fc.constantFrom('a', '1', '0', 'x', ' ', '-', '.') },
    { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
    { weight: 2, arbitrary: fc.constant('') },
  );
  return fc.record({ at: fc.nat(), del: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 })), ins, snap: fc.boolean() });
}

function apply(text: string, e: Edit): string {
  let at = text.length ? e.at % (text.length + 1) : 0;
  // Half the edits land at a line start, where the cuts are.
  if (e.snap) at = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(0, at) + e.ins + text.slice(at + e.del);
}

/** Typing: several one-character edits in a row at one place (what the language server sees most). */
function typingArb(): fc.Arbitrary<Edit[]> {
  return fc.tuple(fc.nat(), fc.array(fc.constantFrom('1', 'a', ' ', ':', '\n', '#', '\\', '-'), { minLength: 1, maxLength: 6 }), fc.boolean()).map(([at, chars, back]) => {
    const edits: Edit[] = chars.map((c, i) => ({ at: at + i, del: 0, ins: c, snap: false }));
    if (back) for (let i = chars.length - 1; i >= 0; i--) edits.push({ at: at + i, del: 1, ins: '', snap: false });
    return edits;
  });
}

/** What the rules saw and what they said, with parser-private data left out (it holds AST nodes). */
function view(r: LintResult): unknown {
  const f = r.file;
  return {
    skipped: r.skipped,
    // A rule that throws is reported with its stack, whose frames name the caller: compare the error itself.
    ruleErrors: r.ruleErrors.map((e) => [e.ruleId, e.message.split('\n')[0]]),
    findings: r.findings,
    file: f && {
      format: f.format,
      eol: f.eol,
      errors: f.errors,
      comments: f.comments,
      units: JSON.parse(JSON.stringify(f.units, (k, v) => (k === 'ext' ? undefined : v))),
    },
  };
}

const OPTIONS = resolveOptions([]);

function run(seed: Seed, steps: Edit[][]): number {
  const linter = createDocumentLinter();
  let text = seed.text;
  let n = 0;
  const compare = () => {
    const fresh = lint({ text, path: seed.path }, OPTIONS);
    const inc = linter.lint(text, seed.path, OPTIONS);
    assert.deepEqual(view(inc), view(fresh), `incremental result differs after ${n} edits; text:\n${JSON.stringify(text)}`);
  };
  compare();
  for (const group of steps) {
    for (const e of group) {
      text = apply(text, e);
      n++;
      compare();
    }
  }
  return n;
}

describe('incremental linting equals a fresh lint()', () => {
  for (const format of ['properties', 'yaml', 'go'] as Format[]) {
    it(`${format}: random edit sequences`, () => {
      let edits = 0;
      const step = fc.oneof({ weight: 3, arbitrary: editArb(format).map((e) => [e]) }, { weight: 1, arbitrary: typingArb() });
      fc.assert(
        fc.property(fc.constantFrom(...SEEDS[format]), fc.array(step, { minLength: 5, maxLength: 25 }), (seed, steps) => {
          edits += run(seed, steps);
        }),
        params,
      );
      assert.ok(edits >= RUNS * 5, `only ${edits} edits were checked`);
    });
  }

  it('follows a document through a change of name and format, and a skipped (binary) text', () => {
    const linter = createDocumentLinter();
    const y = SEEDS.yaml[0];
    const p = SEEDS.properties[0];
    for (const [text, file] of [
      [y.text, y.path],
      [y.text + '\u0000', y.path],
      [y.text, y.path],
      [y.text, 'other.yml'],
      [p.text, 'producer.properties'],
      [p.text.replace('acks', 'ack'), 'producer.properties'],
      [p.text, 'producer.yaml'],
    ] as const) {
      assert.deepEqual(view(linter.lint(text, file, OPTIONS)), view(lint({ text, path: file }, OPTIONS)));
    }
  });

  it('reuses what did not change: a large multi-document file after a one-character edit', () => {
    // Not a timing test: it checks that the result is right when most documents are reused.
    const doc = (i: number) => `---\nspring:\n  config:\n    activate:\n      on-profile: p${i}\n  kafka:\n    producer:\n      acks: ${i % 3 === 0 ? 1 : 'all'}\n      retries: ${i}\n`;
    let text = Array.from({ length: 300 }, (_, i) => doc(i)).join('');
    const linter = createDocumentLinter();
    linter.lint(text, 'application.yml', OPTIONS);
    const at = text.indexOf('retries: 150') + 'retries: 15'.length;
    text = text.slice(0, at) + '7' + text.slice(at);
    assert.deepEqual(view(linter.lint(text, 'application.yml', OPTIONS)), view(lint({ text, path: 'application.yml' }, OPTIONS)));
  });
});
