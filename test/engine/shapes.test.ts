// The Go reader keeps one small file's objects alive so that V8 keeps the code it compiled for their
// hidden classes across full collections (go.ts GO_SHAPES). Checked through V8's own trace in a
// child process: code thrown away because the objects it was compiled for died shows as
// "reason: weak objects".

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { goShapesKept } from '../../server/src/engine/parsers/go.js';

const OUT = path.resolve(__dirname, '..', '..');

/** Lints a 10,000-line bench input `rounds` times in a fresh process, a full collection after each; the deopts V8 reports for dead objects. */
function weakDeopts(input: string, rounds: number): string[] {
  const script = `
    const { benchInputs } = require(${JSON.stringify(path.join(OUT, 'scripts/bench/inputs.js'))});
    const { createDocumentLinter } = require(${JSON.stringify(path.join(OUT, 'server/src/engine/incremental.js'))});
    const { resolveOptions } = require(${JSON.stringify(path.join(OUT, 'server/src/engine/options.js'))});
    const inp = benchInputs().find((i) => i.name.includes(${JSON.stringify(input)}));
    const opts = resolveOptions([]);
    for (let r = 0; r < ${rounds}; r++) {
      createDocumentLinter().lint(inp.text, '/x/' + r + '/' + inp.file, opts, inp.languageId);
      globalThis.gc();
    }
    process.stdout.write('done\\n');`;
  const res = spawnSync(process.execPath, ['--expose-gc', '--trace-deopt', '-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /done\n$/);
  return res.stdout.split('\n').filter((l) => l.includes('reason: weak objects'));
}

describe('objects kept for their hidden classes', () => {
  it('the Go sample is lexed, parsed and analysed without errors, and its lexer, parser and analyser are kept', () => {
    const kept = goShapesKept();
    assert.deepEqual(kept.map((o) => o.constructor.name), ['Lexer', 'Parser', 'Analyzer', 'Object']);
    const file = kept[3] as { errors: unknown[]; units: unknown[] };
    assert.deepEqual(file.errors, []);
    assert.equal(file.units.length, 2);
  });

  // Without the kept objects: ~136 such deopts in four rounds, nearly all in the reader's functions.
  // With them 0-1 on an idle machine; under load a few other functions (rules' helpers, the YAML
  // reader's) may lose code the same way, 5 seen in CI, so the bound sits well between the two.
  it("reading the 10,000-line sarama input again after a full collection keeps V8's compiled reader", () => {
    const deopts = weakDeopts('sarama', 4);
    assert.ok(deopts.length <= 20, `${deopts.length} deopts for dead objects:\n${deopts.slice(0, 10).join('\n')}`);
  });
});
