// How much work the first lint of a file is in a fresh process, counted as CPU instructions under
// valgrind: repeatable to ~0.5% where timings on these shared machines move by 30% between runs.
// Node runs with `--no-opt` (the first lint of a large file finishes before V8's optimizing
// compiler has compiled anything it uses, docs/performance.md) and a single-threaded
// collector; the count is that of loading and linting minus that of loading alone.
//
//   npm run build && node scripts/first-lint-instructions.mjs [file]   (default: the Spring benchmark input)
//
// Needs valgrind (not installed by CI; a development tool only).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let file = process.argv[2];
if (!file) {
  const { springYaml } = await import(join(root, 'out/scripts/bench/inputs.js'));
  const spring = springYaml();
  file = join(mkdtempSync(join(tmpdir(), 'kafka-lint-instr-')), spring.file);
  writeFileSync(file, spring.text);
}
if (!existsSync(join(root, 'out/server/src/engine/index.js'))) throw new Error('run `npm run build` first');
try {
  execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('valgrind is not installed (apt-get install valgrind)');
  process.exit(2);
}

const probe = `
const eng = require(${JSON.stringify(join(root, 'out/server/src/engine/index.js'))});
const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
// (Both runs print and exit the same way: the first console.log sets up stdout, ~50 M instructions.)
const n = process.env.LOAD_ONLY ? 0 : eng.lint({ text, path: ${JSON.stringify(file)} }).findings.length; // (the format from the file name, as the CLI does)
console.log(n);
process.exit(0);
`;

function instructions(loadOnly) {
  const r = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--no-opt', '--single-threaded-gc', '-e', probe], {
    env: { ...process.env, ...(loadOnly ? { LOAD_ONLY: '1' } : {}) },
    encoding: 'utf8',
  });
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
  if (!m) throw new Error(`no instruction count from valgrind:\n${r.stderr}`);
  return { count: Number(m[1].replace(/,/g, '')), findings: r.stdout.trim() };
}

const load = instructions(true);
const all = instructions(false);
console.log(`${basename(file)}: first lint ${((all.count - load.count) / 1e6).toFixed(0)} M instructions (${all.findings} findings; loading ${(load.count / 1e6).toFixed(0)} M)`);
