// Golden tests over the realistic files in examples/: the findings (English and Chinese) and the
// text after `--fix --unsafe-fixes`. The expected files were reviewed by a person; regenerate with
// UPDATE_GOLDEN=1 and review the diff before committing it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixText, lint } from '../../server/src/engine/index.js';
import { resolveOptions, saramaVersionFromGoMod } from '../../server/src/engine/options.js';
import { lineOf, lineStarts } from '../../server/src/engine/suppressions.js';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');
const GOLDEN = path.join(ROOT, 'test/golden');
const update = !!process.env.UPDATE_GOLDEN;

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function saramaVersionFor(file: string): string | undefined {
  for (let d = path.dirname(file); d.startsWith(EXAMPLES); d = path.dirname(d)) {
    const gm = path.join(d, 'go.mod');
    if (fs.existsSync(gm)) return saramaVersionFromGoMod(fs.readFileSync(gm, 'utf8'));
  }
  return undefined;
}

function options(file: string, locale: string) {
  const saramaVersion = file.endsWith('.go') ? saramaVersionFor(file) : undefined;
  return resolveOptions([{ source: 'go.mod', options: saramaVersion ? { saramaVersion } : undefined }, { source: 'test', options: { locale } }]);
}

function check(name: string, actual: string) {
  const file = path.join(GOLDEN, name);
  if (update) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  assert.ok(fs.existsSync(file), `missing golden file ${name}: run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 to regenerate, then review the diff)`);
}

const files = walk(EXAMPLES);

describe('golden: examples/', () => {
  for (const locale of ['en', 'zh-cn']) {
    it(`findings (${locale})`, () => {
      const lines: string[] = [];
      for (const file of files) {
        const rel = path.relative(ROOT, file).split(path.sep).join('/');
        const text = fs.readFileSync(file, 'utf8');
        const res = lint({ text, path: rel }, options(file, locale));
        assert.deepEqual(res.ruleErrors, [], `rule errors on ${rel}`);
        const starts = lineStarts(text);
        for (const f of res.findings) {
          const line = lineOf(starts, f.span.start);
          lines.push(`${rel}:${line + 1}:${f.span.start - starts[line] + 1} ${f.severity} ${f.ruleId} ${f.message}`);
        }
      }
      check(`examples.findings.${locale}.txt`, lines.join('\n') + '\n');
    });
  }

  it('files under examples/clean have no findings', () => {
    for (const file of files.filter((f) => f.includes(`${path.sep}clean${path.sep}`))) {
      const rel = path.relative(ROOT, file);
      const res = lint({ text: fs.readFileSync(file, 'utf8'), path: rel }, options(file, 'en'));
      assert.deepEqual(res.findings.map((f) => f.ruleId), [], rel);
    }
  });

  it('--fix --unsafe-fixes output, and a second pass changes nothing', () => {
    for (const file of files) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      const o = options(file, 'en');
      const fixed = fixText({ text, path: rel }, o, { unsafe: true });
      const again = fixText({ text: fixed.output, path: rel }, o, { unsafe: true });
      assert.equal(again.output, fixed.output, `second fix pass changed ${rel}`);
      const name = `fixed/${rel.replace(/^examples\//, '')}`;
      if (fixed.output === text) {
        assert.ok(!fs.existsSync(path.join(GOLDEN, name)) || update, `${rel} no longer changes under --fix but ${name} exists`);
        continue;
      }
      check(name, fixed.output);
    }
  });
});
