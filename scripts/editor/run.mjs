// `npm run test:editor`: the extension in a real VS Code (code-server 1.139), in five suites:
//   grammar    the suppression-comment injections against VS Code's own YAML, ini and Go grammars
//              (test/grammar/vscodeGrammars.mjs)
//   e2e        mocha in the extension host with the real `vscode` API (test/e2e, via @vscode/test-electron)
//   e2e-zh-cn  the same host with display language zh-cn (test/e2e/suite/zh-cn.spec.ts)
//   ui         the packaged .vsix in the workbench, driven through Chromium (test/ui/workbench.ui.mjs)
//   ui-zh-cn   the same in Chinese
// Installs the tools on first use (setup.mjs), builds and packages the extension, runs each suite as its own
// process group, stops that group afterwards and checks that nothing it started is still running.
// Prints "<suite>: N passed, N failed" per suite, then the total; exits 1 unless everything passed.
//
//   node scripts/editor/run.mjs [--only e2e,ui] [--no-build] [--update-screenshots]

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from './setup.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSIX = path.join(ROOT, 'kafka-reliability-lint.vsix');
const RUN_ID = randomBytes(6).toString('hex');
const MARK = 'KAFKA_LINT_EDITOR_RUN';
const SUITE_TIMEOUT_MS = Number(process.env.KAFKA_LINT_SUITE_TIMEOUT_MS || 15 * 60 * 1000);

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const build = !argv.includes('--no-build');
const shots = argv.includes('--update-screenshots') ? ['--update-screenshots'] : [];

const SUITES = [
  { name: 'grammar', cmd: [process.execPath, 'test/grammar/vscodeGrammars.mjs'] },
  { name: 'e2e', cmd: [process.execPath, 'out/test/e2e/runTest.js', '--code-server'] },
  { name: 'e2e-zh-cn', cmd: [process.execPath, 'out/test/e2e/runTest.js', '--code-server', '--locale', 'zh-cn'] },
  { name: 'ui', cmd: [process.execPath, 'test/ui/workbench.ui.mjs', '--vsix', VSIX, ...shots] },
  { name: 'ui-zh-cn', cmd: [process.execPath, 'test/ui/workbench.ui.mjs', '--vsix', VSIX, '--locale', 'zh-cn', ...shots] },
].filter((s) => !only || only.includes(s.name));

const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const banner = (msg) => console.log(`\n=== [${secs(Date.now() - t0)}] ${msg}`);

let current; // the running child, for interrupts
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the editor tests`);
    if (current?.pid) try { process.kill(-current.pid, 'SIGTERM'); } catch { /* gone */ }
    setTimeout(() => {
      if (current?.pid) try { process.kill(-current.pid, 'SIGKILL'); } catch { /* gone */ }
      sweep(true);
      process.exit(130);
    }, 4000);
  });
}

/** Processes started by this run (they inherit MARK=RUN_ID), excluding this one. Linux only (/proc). */
function marked() {
  if (process.platform !== 'linux') return [];
  const found = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${d}/environ`, 'latin1').includes(`${MARK}=${RUN_ID}\0`)) {
        found.push({ pid: Number(d), cmd: fs.readFileSync(`/proc/${d}/cmdline`, 'latin1').replace(/\0/g, ' ').slice(0, 160) });
      }
    } catch { /* exited, or not ours to read */ }
  }
  return found;
}

/** Kills whatever this run left behind; returns how many there were. */
function sweep(quiet = false) {
  const left = marked();
  for (const p of left) {
    if (!quiet) console.error(`  left running: pid ${p.pid} ${p.cmd}`);
    try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  return left.length;
}

function runStep(cmd, { label, timeoutMs = SUITE_TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    // detached: the step and everything it starts (unless it makes its own group) form one process group
    const child = spawn(cmd[0], cmd.slice(1), {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, [MARK]: RUN_ID },
    });
    current = child;
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => process.stderr.write(d));
    const timer = setTimeout(() => {
      console.error(`\n${label ?? cmd.join(' ')}: timed out after ${secs(timeoutMs)}; stopping it`);
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    }, timeoutMs);
    child.on('error', (e) => { out += `\n${e.message}`; });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group is gone: good */ }
      current = undefined;
      resolve({ code: code ?? (signal ? 128 : 1), out, ms: Date.now() - started });
    });
  });
}

async function main() {
  const rows = [];
  const fail = (why) => {
    console.error(`\n${why}`);
    for (const s of SUITES) if (!rows.find((r) => r.name === s.name)) rows.push({ name: s.name, passed: 0, failed: 1, ms: 0, note: 'not run' });
  };
  banner('tools (Node 24, code-server, playwright-core, chromium)');
  let ok = true;
  try {
    const t = Date.now();
    const tools = ensureTools();
    console.log(`tools ready in ${secs(Date.now() - t)}: ${tools.dir}`);
  } catch (e) {
    ok = false;
    fail(`the editor tools could not be installed: ${e.message}`);
  }
  if (ok && build) {
    banner('build and package the extension (npm run package)');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = await runStep([npm, 'run', 'package'], { label: 'npm run package', timeoutMs: 10 * 60 * 1000 });
    if (r.code !== 0 || !fs.existsSync(VSIX)) {
      ok = false;
      fail(`npm run package failed (exit ${r.code})`);
    } else console.log(`packaged ${path.basename(VSIX)} in ${secs(r.ms)}`);
  }
  if (ok) {
    for (const s of SUITES) {
      banner(`suite ${s.name}`);
      const r = await runStep(s.cmd, { label: s.name });
      const m = [...r.out.matchAll(new RegExp(`^${s.name}: (\\d+) passed, (\\d+) failed`, 'gm'))].pop();
      const row = { name: s.name, passed: m ? Number(m[1]) : 0, failed: m ? Number(m[2]) : 1, ms: r.ms };
      if (!m) row.note = `no result line (exit ${r.code})`;
      else if (r.code !== 0 && row.failed === 0) { row.failed = 1; row.note = `exit ${r.code}`; }
      else if (r.code === 0 && row.failed > 0) row.note = 'exit 0 despite failures';
      // nothing the suite started may outlive it: give exiting processes a moment, then look
      let left = marked().length;
      for (let i = 0; left && i < 30; i++) {
        await new Promise((res) => setTimeout(res, 100));
        left = marked().length;
      }
      if (left) {
        const n = sweep();
        row.failed += 1;
        row.note = `${n} process(es) left running (killed)`;
      }
      rows.push(row);
    }
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  banner(`editor tests done in ${secs(Date.now() - t0)}`);
  for (const r of rows) console.log(`  ${r.name.padEnd(width)}  ${secs(r.ms).padStart(7)}${r.note ? `  (${r.note})` : ''}`);
  for (const r of rows) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed`);
  const passed = rows.reduce((a, r) => a + r.passed, 0);
  const failed = rows.reduce((a, r) => a + r.failed, 0);
  console.log(`editor: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    sweep();
    console.log('editor: 0 passed, 1 failed');
    process.exit(1);
  },
);
