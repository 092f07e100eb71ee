// Runs every compiled test file under out/test (node 20's --test has no glob support).
// Usage: node scripts/run-tests.mjs [subdir-or-file ...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(p, out) {
  const st = statSync(p);
  if (st.isDirectory()) for (const e of readdirSync(p).sort()) collect(join(p, e), out);
  else if (p.endsWith('.test.js')) out.push(p);
  return out;
}

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['out/test'];
const files = roots.flatMap((r) => collect(r, []));
if (!files.length) {
  console.error(`no test files found under ${roots.join(', ')}: did the build run?`);
  process.exit(1);
}
const reporter = process.env.TEST_REPORTER ?? 'spec';
const r = spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
