// Property tests of the engine on hostile input: random text and mutations of realistic seeds
// (test/property/corpus/) for each parser, through parseFile, lint and fixText. Properties:
// nothing throws and no rule fails; spans stay inside the text; a batch fix never adds parse
// errors; fixing the fixed text again changes nothing.
//   FC_SEED=<n> FC_RUNS=<n> reproduce or deepen a run.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { detectFormat, fixText, lint, parseFile } from '../../server/src/engine/index.js';
import type { Format } from '../../server/src/engine/model.js';
import { resolveOptions } from '../../server/src/engine/options.js';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'test', 'property', 'corpus');
const RUNS = Number(process.env.FC_RUNS) || 80;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const params = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };

const seeds = fs
  .readdirSync(CORPUS)
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(CORPUS, name), 'utf8') }));

/** Fragments that stress each syntax: delimiters, escapes, comments, line breaks, placeholders. */
const COMMON = ['\n', '\r\n', '\r', ' ', '\t', '\uFEFF', '😀', '\uD800', '\uDC00', '\u0000', '#', '${', '}', '${VAR}', '${VAR:1}', '"', "'", '\\', '=', ':', '[', ']'];
const TOKENS: Record<Format, string[]> = {
  properties: [
    ...COMMON,
    '!',
    '\\\n',
    '\\\r\n',
    '\\u',
    '\\u00e9',
    '\\uZZZZ',
    'acks=1',
    'acks=all',
    'retries=0',
    'enable.idempotence=false',
    'transactional.id=t',
    'max.in.flight.requests.per.connection=6',
    'min.insync.replicas=1',
    'spring.kafka.producer.acks=0',
    'spring.kafka.producer.properties[acks]=1',
    'spring.kafka.consumer.enable-auto-commit=true',
    '# kafka-lint-disable-next-line acks',
    '# kafka-lint-disable',
  ],
  yaml: [
    ...COMMON,
    '- ',
    '  ',
    '---\n',
    '...\n',
    '&a ',
    '*a',
    '<<: *a',
    '{',
    '}',
    '? ',
    '|\n',
    '>-\n',
    '!!str ',
    '%YAML 1.2\n',
    'acks: 1',
    'spring:\n  kafka:\n    producer:\n      acks: 0\n',
    'kind: KafkaTopic\n',
    'replicas: 1',
    'environment:\n  - KAFKA_MIN_INSYNC_REPLICAS=1\n',
    'image: bitnami/kafka',
    '- name: SPRING_KAFKA_PRODUCER_ACKS\n  value: "0"\n',
    'SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: true',
    'valueFrom:',
    'kind: Deployment\n',
    'kind: ConfigMap\n',
    'SPRING_KAFKA_PRODUCER_ACKS: "1"\n',
    'producer.properties: |\n    acks=0\n',
    '|-\n',
    '|+\n',
    '# kafka-lint-disable-next-line acks',
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
    'func f() {',
    'package p\n',
    'import "github.com/IBM/sarama"\n',
    'cfg := sarama.NewConfig()\n',
    'cfg.Producer.RequiredAcks = sarama.NoResponse\n',
    'cfg.Producer.Idempotent = true\n',
    'cfg.Producer.Return.Errors = false\n',
    'sarama.NewSyncProducer(b, cfg)',
    '// kafka-lint-disable-next-line acks',
  ],
};

type Mutation =
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'replace'; at: number; len: number; token: string }
  | { kind: 'dupLine'; at: number }
  | { kind: 'swapLines'; at: number; other: number }
  | { kind: 'eol'; eol: '\n' | '\r\n' | '\r' }
  | { kind: 'truncate'; at: number };

function mutationArb(format: Format): fc.Arbitrary<Mutation> {
  const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS[format]) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
  const at = fc.nat();
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, token }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, len: fc.integer({ min: 1, max: 30 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, len: fc.integer({ min: 1, max: 10 }), token }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('dupLine' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), at, other: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('eol' as const), eol: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  );
}

function mutate(text: string, m: Mutation): string {
  const pos = (n: number) => (text.length ? n % (text.length + 1) : 0);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, pos(m.at)) + m.token + text.slice(pos(m.at));
    case 'delete':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.len);
    case 'replace':
      return text.slice(0, pos(m.at)) + m.token + text.slice(pos(m.at) + m.len);
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'eol':
      return text.replace(/\r\n|\r|\n/g, m.eol);
    case 'dupLine':
    case 'swapLines': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      if (m.kind === 'dupLine') lines.splice(i, 0, lines[i]);
      else {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
  }
}

function mutatedSeed(format: Format): fc.Arbitrary<{ path: string; text: string }> {
  const own = seeds.filter((s) => detectFormat(s.name) === format);
  assert.ok(own.length > 0, `no ${format} seed in ${CORPUS}`);
  return fc
    .tuple(fc.constantFrom(...own), fc.array(mutationArb(format), { minLength: 1, maxLength: 8 }))
    .map(([seed, ms]) => ({ path: seed.name, text: ms.reduce(mutate, seed.text) }));
}

/** Token soup: syntax fragments glued with random text, under a name of each seed of the format. */
function tokenSoup(format: Format): fc.Arbitrary<{ path: string; text: string }> {
  const names = seeds.filter((s) => detectFormat(s.name) === format).map((s) => s.name);
  const piece = fc.oneof(fc.constantFrom(...TOKENS[format]), fc.string({ maxLength: 8, unit: 'binary' }));
  return fc.tuple(fc.constantFrom(...names), fc.array(piece, { maxLength: 40 })).map(([p, parts]) => ({ path: p, text: parts.join('') }));
}

/** Any UTF-16 code units, lone surrogates and NUL included. */
function randomText(format: Format): fc.Arbitrary<{ path: string; text: string }> {
  const names = seeds.filter((s) => detectFormat(s.name) === format).map((s) => s.name);
  const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  return fc.tuple(fc.constantFrom(...names), fc.string({ unit, maxLength: 200 })).map(([p, text]) => ({ path: p, text }));
}

const OPTIONS = [resolveOptions([]), resolveOptions([{ source: 'test', options: { kafkaVersion: '2.8', locale: 'zh-cn' } }])];

/** Parse errors of the file and of the files it holds (a ConfigMap's blocks). */
function parseErrors(text: string, p: string): number {
  const file = parseFile({ text, path: p });
  let n = file?.errors.length ?? 0;
  for (const e of file?.embedded ?? []) n += parseFile({ text: e.text, path: e.path })?.errors.length ?? 0;
  return n;
}

function embeddedCount(text: string, p: string): number {
  return parseFile({ text, path: p })?.embedded?.length ?? 0;
}

/** The properties every input must satisfy. */
function check(input: { path: string; text: string }): void {
  const file = parseFile(input);
  assert.ok(file, `${input.path} is not parsed`);
  for (const u of file.units) {
    for (const s of [u.anchor, u.span, ...u.settings.flatMap((x) => [x.keySpan, x.valueSpan, x.entrySpan])]) {
      assert.ok(0 <= s.start && s.start <= s.end && s.end <= input.text.length, `span ${JSON.stringify(s)} outside the text`);
    }
  }
  for (const [i, options] of OPTIONS.entries()) {
    const res = lint(input, options);
    assert.deepEqual(res.ruleErrors, [], 'a rule threw');
    for (const f of res.findings) {
      assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= input.text.length, `finding span outside the text: ${f.ruleId}`);
    }
    for (const unsafe of i === 0 ? [false, true] : [true]) {
      const fixed = fixText(input, options, { unsafe });
      assert.deepEqual(fixed.result.ruleErrors, [], 'a rule threw on the fixed text');
      const before = parseErrors(input.text, input.path);
      const after = parseErrors(fixed.output, input.path);
      assert.ok(after <= before, `fix added parse errors (${before} -> ${after}):\n${JSON.stringify(input.text)}\n->\n${JSON.stringify(fixed.output)}`);
      const held = embeddedCount(input.text, input.path);
      assert.ok(embeddedCount(fixed.output, input.path) >= held, `a fix made a file the manifest holds unreadable:\n${JSON.stringify(input.text)}\n->\n${JSON.stringify(fixed.output)}`);
      const again = fixText({ ...input, text: fixed.output }, options, { unsafe });
      assert.equal(again.output, fixed.output, `a second fix pass changed the text:\n${JSON.stringify(fixed.output)}`);
      assert.equal(again.applied, 0);
    }
  }
}

describe('engine properties on hostile input', () => {
  it('the corpus has seeds of every format, each parsed with Kafka units', () => {
    for (const format of ['properties', 'yaml', 'go'] as const) {
      const own = seeds.filter((s) => detectFormat(s.name) === format);
      assert.ok(own.length > 0, `no ${format} seed`);
      for (const s of own) {
        const f = parseFile({ text: s.text, path: s.name });
        assert.ok((f?.units.length ?? 0) + (f?.embedded?.length ?? 0) > 0, `${s.name} yields no Kafka units (nor files it holds)`);
        check({ path: s.name, text: s.text });
      }
    }
  });

  for (const format of ['properties', 'yaml', 'go'] as const) {
    describe(format, () => {
      it('mutated realistic seeds', () => fc.assert(fc.property(mutatedSeed(format), check), params));
      it('token soup', () => fc.assert(fc.property(tokenSoup(format), check), params));
      it('random UTF-16 text', () => fc.assert(fc.property(randomText(format), check), { ...params, numRuns: Math.ceil(RUNS / 2) }));
    });
  }
});
