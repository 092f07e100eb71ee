// Meta-tests over the rule registry: every rule is where its id says, documented in English and
// Chinese with references, has a bad and a good example per format it declares that behave as
// documented, and docs/rules/ matches what scripts/gen-docs.ts generates from all that.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat, lint } from '../../server/src/engine/index.js';
import type { Format, Severity, Surface } from '../../server/src/engine/model.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import type { Rule } from '../../server/src/engine/rule.js';
import { allRules, ruleById } from '../../server/src/engine/rules/index.js';
import { describeFinding } from '../helpers/ruleTester.js';
import { renderAllDocs } from '../../server/src/report/ruledocs.js';
import { diffDocs, DOCS_DIR } from '../../scripts/gen-docs.js';

/** Compiled to out/test/meta/; the repository root is three levels up. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const RULES_SRC = path.join(ROOT, 'server', 'src', 'engine', 'rules');
const NOT_RULES = new Set(['index.ts', 'util.ts']);

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
const FORMATS: Format[] = ['properties', 'yaml', 'go'];
const SURFACES: Surface[] = ['kafka-properties', 'spring-properties', 'spring-yaml', 'strimzi-kafka', 'strimzi-topic', 'strimzi-nodepool', 'compose', 'spring-env', 'k8s-broker', 'cfk-kafka', 'cfk-topic', 'sarama', 'kafka-go', 'confluent-kafka-go'];
const HAN = /[\u4e00-\u9fff]/;

describe('rule registry', () => {
  it('ids are unique kebab-case', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, id);
  });

  it('every rule lives in rules/<id>.ts, and every rule file is registered', () => {
    for (const r of allRules) assert.ok(fs.existsSync(path.join(RULES_SRC, `${r.meta.id}.ts`)), `no server/src/engine/rules/${r.meta.id}.ts`);
    const files = fs.readdirSync(RULES_SRC).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));
    for (const f of files) {
      // A module exporting a rule as default must be that rule, and registered.
      const mod = require(path.join(__dirname, '..', '..', 'server', 'src', 'engine', 'rules', f.replace(/\.ts$/, '.js')));
      if (!mod.default?.meta) continue;
      assert.equal(mod.default.meta.id, f.replace(/\.ts$/, ''), `${f} exports rule ${mod.default.meta.id}`);
      assert.ok(ruleById(mod.default.meta.id) === mod.default, `${f} is not listed in rules/index.ts`);
    }
  });

  it('every rule has a test table in test/rules/<id>.test.ts', () => {
    for (const r of allRules) assert.ok(fs.existsSync(path.join(ROOT, 'test', 'rules', `${r.meta.id}.test.ts`)), `no test/rules/${r.meta.id}.test.ts`);
  });
});

function checkMeta(rule: Rule): void {
  const m = rule.meta;
  assert.ok(m.severities.length > 0, 'severities');
  for (const s of m.severities) assert.ok(SEVERITIES.includes(s), `severity ${s}`);
  assert.deepEqual([...m.severities].sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b)), m.severities, 'severities most severe first');
  assert.ok(m.formats.length > 0, 'formats');
  for (const f of m.formats) assert.ok(FORMATS.includes(f), `format ${f}`);
  for (const part of ['summary', 'why', 'fix'] as const) {
    const text = m.docs[part];
    assert.ok(text.en.trim().length > 0, `docs.${part}.en is empty`);
    assert.ok(text.zh.trim().length > 0, `docs.${part}.zh is empty`);
    assert.match(text.zh, HAN, `docs.${part}.zh has no Chinese`);
  }
  assert.ok(m.docs.references.length > 0, 'references');
  for (const ref of m.docs.references) {
    assert.ok(ref.title.trim(), 'reference title');
    assert.match(ref.url, /^https?:\/\/\S+$/, `reference url ${ref.url}`);
  }
}

describe('rule metadata', () => {
  for (const rule of allRules) {
    const m = rule.meta;
    describe(m.id, () => {
      it('has severities, formats, en+zh docs and references', () => checkMeta(rule));

      it('has an example for each declared format, on valid surfaces', () => {
        for (const format of m.formats) {
          assert.ok(
            m.docs.examples.some((ex) => detectFormat(ex.path) === format),
            `no example for format ${format} (examples: ${m.docs.examples.map((e) => e.path).join(', ') || 'none'})`,
          );
        }
        for (const ex of m.docs.examples) {
          assert.ok(SURFACES.includes(ex.surface), `surface ${ex.surface}`);
          const format = detectFormat(ex.path);
          assert.ok(format && m.formats.includes(format), `example ${ex.path} is not in a declared format`);
        }
      });

      for (const [i, ex] of m.docs.examples.entries()) {
        it(`example ${i + 1} (${ex.surface}, ${ex.path}): bad triggers the rule, good does not`, () => {
          const options = resolveOptions([]);
          const bad = lint({ text: ex.bad, path: ex.path }, options, [rule]);
          assert.deepEqual(bad.ruleErrors, []);
          const own = bad.findings.filter((f) => f.ruleId === m.id);
          assert.ok(own.length > 0, `bad example of ${ex.path} does not trigger ${m.id}:\n${ex.bad}`);
          for (const f of own) assert.ok(m.severities.includes(f.severity), `undeclared severity ${f.severity}`);
          const good = lint({ text: ex.good, path: ex.path }, options, [rule]);
          assert.deepEqual(good.ruleErrors, []);
          assert.deepEqual(
            good.findings.filter((f) => f.ruleId === m.id).map((f) => describeFinding(ex.good, f)),
            [],
            `good example of ${ex.path} triggers ${m.id}`,
          );
        });
      }
    });
  }
});

describe('docs/rules', () => {
  it('is what scripts/gen-docs.ts generates (run `npm run docs` after changing rule metadata)', () => {
    const files = renderAllDocs();
    const diff = diffDocs(DOCS_DIR, files);
    assert.equal(DOCS_DIR, path.join(ROOT, 'docs', 'rules'));
    assert.deepEqual(diff, { changed: [], stale: [] });
    for (const r of allRules) assert.ok(files.has(`${r.meta.id}.md`));
  });
});
