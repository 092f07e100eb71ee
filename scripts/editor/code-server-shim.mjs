#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// test-electron starts it with the command line it would give VS Code desktop:
//   [launchArgs: <folder> --locale zh-cn ...] --no-sandbox ... --extensionTestsPath=T --extensionDevelopmentPath=D
//   --extensions-dir=E --user-data-dir=U
// and this runs the same mocha suite in code-server's Node extension host, with the real `vscode` API: the built
// workbench honours the test payload in its URL only when code-server was started with
// `--vscode-option enable-smoke-test-driver`; it then reports the result through window.codeAutomationExit and
// forwards the extension host's console through window.codeAutomationLog. The exit code is the suite's.
// A run that cannot start fails loudly (exit 2) rather than passing with nothing run.
//
// Environment: KAFKA_LINT_TOOLS (see setup.mjs), KAFKA_LINT_E2E_TIMEOUT_MS (whole run, default 10 min).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as util from 'node:util';
import { ensureTools } from './setup.mjs';
import { launchBrowser, onInterrupt, startCodeServer, workbenchUrl } from './codeServer.mjs';

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'editor');
const t0 = Date.now();
const say = (msg) => console.error(`[code-server-shim ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

function parseArgs(argv) {
  const withValue = new Set(['--locale', '--extensions-dir', '--user-data-dir', '--extensionTestsPath', '--extensionDevelopmentPath']);
  const o = { devPaths: [], testsPath: undefined, folder: undefined, locale: undefined, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let value;
    if (a.startsWith('--') && a.includes('=')) [a, value] = [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)];
    else if (withValue.has(a)) value = argv[++i];
    if (a === '--extensionDevelopmentPath') o.devPaths.push(path.resolve(value));
    else if (a === '--extensionTestsPath') o.testsPath = path.resolve(value);
    else if (a === '--locale') o.locale = value;
    else if (!a.startsWith('-') && !o.folder) o.folder = path.resolve(a);
    else o.ignored.push(value === undefined ? a : `${a}=${value}`);
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!o.testsPath || !o.devPaths.length) throw new Error(`expected --extensionTestsPath and --extensionDevelopmentPath, got: ${process.argv.slice(2).join(' ')}`);
  // --extensions-dir/--user-data-dir (fresh temporary ones are used), --disable-extensions (only built-ins and the
  // extension under development are loaded anyway) and the desktop-only sandbox/GPU flags have no meaning here.
  const tools = ensureTools();
  let session;
  let browser;
  const cleanup = async () => {
    await browser?.close();
    await session?.stop();
  };
  onInterrupt(cleanup);
  try {
    // KAFKA_LINT_LANGUAGE_PACK: a language pack to register (test/e2e/zh-cn-language-pack for --locale zh-cn)
    const languagePacks = process.env.KAFKA_LINT_LANGUAGE_PACK ? [path.resolve(process.env.KAFKA_LINT_LANGUAGE_PACK)] : [];
    session = await startCodeServer({ tools, folder: o.folder, locale: o.locale, languagePacks, smokeTestDriver: true, log: say });
    browser = await launchBrowser(tools);
    const page = await browser.newPage();
    let started = false;
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      started = true;
      const line = util.format(...(args ?? []));
      // The gallery is turned off and has nothing to say; everything else is the suite's output.
      if (/ENOTFOUND|open-vsx|Ignoring fetching additional builtin extensions|No extension gallery service configured/.test(line)) return;
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    // The remote authority is the host:port the browser used; the suite then runs in the Node (remote) extension host.
    const payload = [
      ...o.devPaths.map((p) => ['extensionDevelopmentPath', `vscode-remote://${session.authority}${p}`]),
      ['extensionTestsPath', `vscode-remote://${session.authority}${o.testsPath}`],
    ];
    await page.goto(workbenchUrl(session, o.folder, payload));
    say(`workbench loaded${o.locale ? ` (locale ${o.locale})` : ''}; running ${path.relative(process.cwd(), o.testsPath) || o.testsPath}`);
    const startDeadline = Date.now() + Number(process.env.KAFKA_LINT_E2E_START_MS || 120_000);
    const deadline = Date.now() + Number(process.env.KAFKA_LINT_E2E_TIMEOUT_MS || 600_000);
    let code;
    for (;;) {
      code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 250))]);
      if (code !== undefined) break;
      if (!started && Date.now() > startDeadline) {
        const shot = path.join(ARTIFACTS, 'e2e-start-failure.png');
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: shot }).catch(() => {});
        say(`screenshot of the window: ${shot}`);
        throw new Error('the extension tests never started: the workbench ignored the test payload (code-server needs --vscode-option enable-smoke-test-driver) or the extension host did not come up');
      }
      if (Date.now() > deadline) throw new Error(`the extension tests did not finish within ${(deadline - t0) / 1000} s`);
    }
    say(`extension tests finished with exit code ${code}`);
    return typeof code === 'number' ? code : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[code-server-shim] FAILED TO RUN THE TESTS: ${e?.message ?? e}`);
    process.exit(2);
  },
);
