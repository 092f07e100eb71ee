// Starting and stopping code-server (VS Code in the browser) and a headless Chromium for the editor tests.
// Everything a run creates lives in one temporary folder (user data, extensions, settings, logs), which is
// deleted at the end; code-server runs as its own process group and is stopped as a group, so its
// extension hosts, file watcher and language servers go with it.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedLanguagePack } from './languagePack.mjs';

/** Settings that keep the workbench quiet and deterministic (no welcome page, no update or gallery checks). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
};

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'];

const live = new Set(); // process groups started here and not yet stopped
const tmpDirs = new Set(); // temporary folders not yet removed
process.on('exit', () => {
  // last resort when a runner ends without stopping what it started (an uncaught error)
  for (const pid of live) try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
  for (const dir of tmpDirs) if (!process.env.KAFKA_LINT_KEEP_TMP) fs.rmSync(dir, { recursive: true, force: true });
});

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a process group: SIGTERM, then SIGKILL for whatever is still there after `graceMs`. */
export async function killGroup(pid, graceMs = 3000) {
  if (!pid) return;
  try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
  const end = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < end) await sleep(100);
  if (groupAlive(pid)) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  live.delete(pid);
}

function tail(file, n = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts code-server on a free loopback port with throwaway user data and extensions folders.
 * @param {object} o
 * @param {{node: string, codeServer: string}} o.tools  paths from setup.mjs
 * @param {string} [o.folder]          workspace folder to open by default
 * @param {string} [o.locale]          display language (code-server --locale)
 * @param {boolean} [o.smokeTestDriver] honour the test payload in the URL (extension tests); without it they never run
 * @param {string[]} [o.vsix]          .vsix files to install first
 * @param {string[]} [o.languagePacks] unpacked language packs to register (see languagePack.mjs)
 * @param {object} [o.settings]        user settings over QUIET_SETTINGS
 * @param {(msg: string) => void} [o.log]
 */
export async function startCodeServer(o) {
  const log = o.log ?? (() => {});
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cs-'));
  tmpDirs.add(tmp);
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...(o.settings ?? {}) }, null, 2));
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, '');
  // Without --config and XDG_* code-server writes ~/.config/code-server/config.yaml and ~/.local/share/code-server;
  // EXTENSIONS_GALLERY={} turns off the extension gallery (there is no network to reach it).
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    EXTENSIONS_GALLERY: '{}',
  };
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  const session = { tmp, userData, extensions, pid: 0, base: '', authority: '', logFile: path.join(tmp, 'code-server.log') };
  session.stop = async ({ keep = false } = {}) => {
    await killGroup(session.pid);
    if (keep || process.env.KAFKA_LINT_KEEP_TMP) {
      log(`kept ${tmp}`);
      tmpDirs.delete(tmp);
    } else {
      fs.rmSync(tmp, { recursive: true, force: true });
      tmpDirs.delete(tmp);
    }
  };
  try {
    for (const dir of o.languagePacks ?? []) log(`language pack for ${seedLanguagePack(userData, extensions, dir).join(', ')}`);
    for (const vsix of o.vsix ?? []) {
      const t0 = Date.now();
      const r = spawnSync(o.tools.node, [o.tools.codeServer, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
      const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
      if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${vsix} into code-server failed (exit ${r.status}):\n${out}`);
      log(`installed ${path.basename(vsix)} in ${Date.now() - t0} ms`);
    }
    const port = await freePort();
    session.authority = `127.0.0.1:${port}`;
    session.base = `http://${session.authority}`;
    const args = [o.tools.codeServer, ...common, '--bind-addr', session.authority, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
    if (o.locale) args.push('--locale', o.locale);
    if (o.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    if (o.folder) args.push(o.folder);
    const logFd = fs.openSync(session.logFile, 'w');
    const t0 = Date.now();
    // detached: a process group of its own, so stop() reaches every process code-server starts
    const child = spawn(o.tools.node, args, { detached: true, stdio: ['ignore', logFd, logFd], env });
    fs.closeSync(logFd);
    session.pid = child.pid;
    live.add(child.pid);
    let exited = null;
    child.on('exit', (code, signal) => { exited = code ?? signal; });
    for (;;) {
      const status = await httpStatus(`${session.base}/healthz`);
      if (status === 200) break;
      if (exited !== null) throw new Error(`code-server exited (${exited}) before answering; its log:\n${tail(session.logFile)}`);
      if (Date.now() - t0 > 60_000) throw new Error(`code-server did not answer on ${session.base} within 60 s; its log:\n${tail(session.logFile)}`);
      await sleep(100);
    }
    log(`code-server ${session.base} (pid ${child.pid}) up in ${Date.now() - t0} ms`);
    return session;
  } catch (e) {
    await session.stop({ keep: true });
    throw e;
  }
}

/** The workbench URL opening `folder`, with an optional extension-test payload. */
export function workbenchUrl(session, folder, payload) {
  const q = [folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true'];
  if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${session.base}/?${q.join('&')}`;
}

/** Loads playwright-core from the tools folder and launches headless Chromium. */
export async function launchBrowser(tools) {
  const require = createRequire(path.join(tools.csRoot, 'package.json'));
  const { chromium } = require('playwright-core');
  // Chromium writes ~/.config/chromium and ~/.cache outside its profile: point those at a temporary folder
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-browser-'));
  tmpDirs.add(home);
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') };
  const browser = await chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS, env });
  const pid = browser.process?.()?.pid;
  if (pid) live.add(pid);
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close().catch(() => {});
    if (pid) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* closed */ }
      live.delete(pid);
    }
    fs.rmSync(home, { recursive: true, force: true });
    tmpDirs.delete(home);
  };
  return browser;
}

/** Runs `fn` once on SIGINT/SIGTERM/SIGHUP, then exits: lets a runner stop its servers when interrupted. */
export function onInterrupt(fn) {
  let done = false;
  const handler = (sig) => {
    if (done) return;
    done = true;
    console.error(`\n${sig}: stopping`);
    Promise.resolve(fn()).finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, handler);
}
