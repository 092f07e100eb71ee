// Installs the tools the editor tests need, pinned, into a cache folder outside the repository:
//   - Node 24 (code-server 4.139.x refuses older Node), from the npm registry's node-<platform>-<arch> package;
//   - code-server (VS Code 1.139 served to a browser) and playwright-core, from scripts/editor/tools/package-lock.json;
//   - on Debian as root: chromium (the browser), libkrb5-dev + pkg-config (code-server's kerberos addon is
//     compiled at install time) and a CJK font (readable Chinese screenshots).
// A stamp records what was installed; a second run with the same pins does nothing.
//
//   node scripts/editor/setup.mjs            install if needed, print the tool paths
//   node scripts/editor/setup.mjs --relock   re-resolve tools/package.json and rewrite tools/package-lock.json
//
// Environment: KAFKA_LINT_TOOLS (cache folder, default ~/.cache/kafka-lint-editor-tools),
// CHROMIUM_PATH (a Chromium/Chrome binary, default /usr/bin/chromium).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.21.0';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PINS = path.join(HERE, 'tools');
const APT_RUNTIME = ['chromium', 'fonts-wqy-microhei'];
const APT_BUILD = ['libkrb5-dev', 'pkg-config'];

export function toolsDir() {
  return path.resolve(process.env.KAFKA_LINT_TOOLS || path.join(os.homedir(), '.cache', 'kafka-lint-editor-tools'));
}

function log(msg) {
  console.error(`[editor-setup] ${msg}`);
}

function run(cmd, args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return Date.now() - t0;
}

/** The paths of an installed tool set (whether or not it is there). */
export function toolPaths(dir = toolsDir()) {
  const nodePkg = `node-${process.platform}-${process.arch}`;
  const nodeBin = process.env.KAFKA_LINT_NODE24 || path.join(dir, 'node24', 'node_modules', nodePkg, 'bin', 'node');
  return {
    dir,
    nodePkg,
    node: nodeBin,
    nodeHome: path.dirname(path.dirname(nodeBin)),
    csRoot: path.join(dir, 'cs'),
    codeServer: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: path.join(dir, 'cs', 'node_modules', 'playwright-core'),
    chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
}

function sha(files) {
  const h = createHash('sha256');
  for (const f of files) h.update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

function dpkgMissing(pkgs) {
  if (spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) return null; // not Debian
  return pkgs.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !/install ok installed/.test(r.stdout);
  });
}

function ensureApt(pkgs, why) {
  const missing = dpkgMissing(pkgs);
  if (missing === null || missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing Debian packages for ${why}: ${missing.join(' ')}\n  install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')} (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let ms = run('apt-get', ['update', '-qq'], { env });
  ms += run('apt-get', ['install', '-y', '-qq', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  log(`apt done in ${(ms / 1000).toFixed(1)} s`);
}

function withLock(dir, fn) {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, '.setup-lock');
  const deadline = Date.now() + 20 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder = NaN;
      try { holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      let alive = false;
      try { if (holder > 0) { process.kill(holder, 0); alive = true; } } catch { /* gone */ }
      if (!alive && Number.isFinite(holder)) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (held by pid ${holder})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function npmEnv(p) {
  // Node 24 first on PATH: code-server's postinstall checks the Node major it runs under, and native addons are
  // built against Node 24's own headers (a ~/.npmrc `nodedir` may point at the machine's older Node).
  const env = { ...process.env, PATH: `${path.dirname(p.node)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: p.nodeHome };
  for (const k of Object.keys(env)) if (/^npm_(lifecycle|package|config_(prefix|global|local))/i.test(k)) delete env[k];
  return env;
}

function installNode(p) {
  if (process.env.KAFKA_LINT_NODE24) return;
  const dir = path.join(p.dir, 'node24');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'node24', private: true }, null, 2));
  log(`installing ${p.nodePkg}@${NODE24_VERSION} from the npm registry`);
  const ms = run('npm', ['install', '--no-audit', '--no-fund', '--save-exact', '--loglevel=error', `${p.nodePkg}@${NODE24_VERSION}`], { cwd: dir });
  log(`node ${NODE24_VERSION} in ${(ms / 1000).toFixed(1)} s`);
}

function installCodeServer(p, relock) {
  fs.rmSync(p.csRoot, { recursive: true, force: true });
  fs.mkdirSync(p.csRoot, { recursive: true });
  fs.copyFileSync(path.join(PINS, 'package.json'), path.join(p.csRoot, 'package.json'));
  const args = ['--no-audit', '--no-fund', '--loglevel=error'];
  if (relock) {
    log('resolving code-server + playwright-core afresh (--relock)');
  } else {
    fs.copyFileSync(path.join(PINS, 'package-lock.json'), path.join(p.csRoot, 'package-lock.json'));
  }
  log('installing code-server + playwright-core under Node 24 (compiles native addons; about 2 minutes cold)');
  const ms = run('npm', [relock ? 'install' : 'ci', ...args], { cwd: p.csRoot, env: npmEnv(p) });
  if (relock) fs.copyFileSync(path.join(p.csRoot, 'package-lock.json'), path.join(PINS, 'package-lock.json'));
  log(`code-server installed in ${(ms / 1000).toFixed(1)} s`);
}

/** Makes sure every tool is installed; returns their paths. */
export function ensureTools({ relock = false } = {}) {
  const p = toolPaths();
  if (!process.env.CHROMIUM_PATH) ensureApt(APT_RUNTIME, 'the browser and Chinese fonts');
  if (!fs.existsSync(p.chromium)) throw new Error(`no browser at ${p.chromium}: install Debian's chromium or set CHROMIUM_PATH`);
  const lockFile = path.join(PINS, 'package-lock.json');
  if (!relock && !fs.existsSync(lockFile)) throw new Error(`${lockFile} is missing: run node scripts/editor/setup.mjs --relock`);
  const want = { node: process.env.KAFKA_LINT_NODE24 ? 'external' : `${p.nodePkg}@${NODE24_VERSION}`, pins: relock ? 'relock' : sha([path.join(PINS, 'package.json'), lockFile]) };
  const stampFile = path.join(p.dir, 'stamp.json');
  const ready = () => {
    let stamp = {};
    try { stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')); } catch { /* none yet */ }
    return stamp.node === want.node && stamp.pins === want.pins && fs.existsSync(p.node) && fs.existsSync(p.codeServer) && fs.existsSync(p.playwrightCore);
  };
  if (!relock && ready()) return p;
  return withLock(p.dir, () => {
    if (!relock && ready()) return p; // another run installed it while we waited
    const t0 = Date.now();
    fs.rmSync(stampFile, { force: true });
    if (!process.env.KAFKA_LINT_NODE24) {
      let have = '';
      try { have = spawnSync(p.node, ['--version'], { encoding: 'utf8' }).stdout.trim(); } catch { /* none */ }
      if (have !== `v${NODE24_VERSION}`) installNode(p);
    }
    const v = spawnSync(p.node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
    if (!/^v24\./.test(v ?? '')) throw new Error(`${p.node} is ${v || 'missing'}, code-server needs Node 24`);
    ensureApt(APT_BUILD, "compiling code-server's native addons");
    installCodeServer(p, relock);
    for (const f of [p.codeServer, p.playwrightCore]) if (!fs.existsSync(f)) throw new Error(`install finished but ${f} is missing`);
    const pins = relock ? sha([path.join(PINS, 'package.json'), lockFile]) : want.pins;
    fs.writeFileSync(stampFile, JSON.stringify({ node: want.node, pins, installedAt: new Date().toISOString() }, null, 2));
    log(`tools ready in ${p.dir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return p;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const p = ensureTools({ relock: process.argv.includes('--relock') });
    console.log(JSON.stringify({ node: p.node, codeServer: p.codeServer, playwrightCore: p.playwrightCore, chromium: p.chromium }, null, 2));
  } catch (e) {
    console.error(`[editor-setup] FAILED: ${e.message}`);
    process.exit(1);
  }
}
