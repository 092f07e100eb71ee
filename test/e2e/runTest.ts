// Runs the editor suite (test/e2e/suite, mocha in VS Code's extension host) with @vscode/test-electron.
//
//   node out/test/e2e/runTest.js                     desktop VS Code, downloaded by test-electron (npm run test:vscode)
//   node out/test/e2e/runTest.js --code-server       VS Code 1.139 from code-server (scripts/editor/code-server-shim.mjs)
//   ... --locale zh-cn                               display language Chinese; runs only zh-cn.spec.js
//
// The suite works on a fresh copy of test/e2e-workspace (it edits and saves files). The extension host writes a
// result summary; this prints it as the closing "N passed, N failed" line. No summary, or no test run, is a failure.

import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SuiteResult } from './suite/index';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const codeServer = argv.includes('--code-server');
  const li = argv.indexOf('--locale');
  const locale = li >= 0 ? argv[li + 1] : undefined;
  const label = `e2e${locale ? `-${locale}` : ''}`;
  const extensionTestsPath = path.join(__dirname, 'suite', 'index');
  for (const f of ['client/out/extension.js', 'server/out/server.js', 'out/test/e2e/suite/index.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run npm run build first`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'e2e-workspace'), workspace, { recursive: true });
  const resultFile = path.join(tmp, 'result.json');
  const launchArgs = [workspace];
  const env: Record<string, string> = { KAFKA_LINT_E2E_RESULTS: resultFile, KAFKA_LINT_E2E_LOCALE: locale ?? '' };
  if (locale) {
    // VS Code runs in English unless a language pack for the locale is registered (see
    // scripts/editor/languagePack.mjs); register the translation-less test pack, and keep it enabled.
    const pack = path.join(ROOT, 'test', 'e2e', `${locale}-language-pack`);
    if (!fs.existsSync(pack)) throw new Error(`no test language pack for ${locale} (${pack})`);
    if (codeServer) {
      env.KAFKA_LINT_LANGUAGE_PACK = pack;
    } else {
      const userData = path.join(tmp, 'user-data');
      const extensions = path.join(tmp, 'extensions');
      const { seedLanguagePack } = await import(pathToFileURL(path.join(ROOT, 'scripts', 'editor', 'languagePack.mjs')).href);
      seedLanguagePack(userData, extensions, pack);
      launchArgs.push(`--user-data-dir=${userData}`, `--extensions-dir=${extensions}`);
    }
    launchArgs.push('--locale', locale);
  } else {
    launchArgs.push('--disable-extensions'); // only built-ins and the extension under test
  }
  const shim = path.join(ROOT, 'scripts', 'editor', 'code-server-shim.mjs');
  if (codeServer) {
    // test-electron starts the "executable" directly: keep it executable even where a checkout lost the bit
    try {
      fs.accessSync(shim, fs.constants.X_OK);
    } catch {
      fs.chmodSync(shim, 0o755);
    }
  }
  const t0 = Date.now();
  let runError: unknown;
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      vscodeExecutablePath: codeServer ? shim : undefined,
      launchArgs,
      extensionTestsEnv: env,
    });
  } catch (e) {
    runError = e;
  }
  let result: SuiteResult | undefined;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
  } catch {
    /* the suite never started */
  }
  if (!process.env.KAFKA_LINT_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log('');
  if (!result) {
    console.error(`${label}: the suite did not run (${runError instanceof Error ? runError.message : 'no result written'})`);
    console.log(`${label}: 0 passed, 1 failed`);
    return 1;
  }
  for (const f of result.failures) console.error(`FAILED: ${f.title}\n  ${f.error.split('\n').slice(0, 6).join('\n  ')}`);
  let failed = result.failed;
  if (result.passed + result.failed === 0) {
    console.error(`${label}: no test ran`);
    failed = 1;
  }
  if (runError && failed === 0) {
    console.error(`${label}: VS Code exited with an error after the tests: ${(runError as Error).message}`);
    failed = 1;
  }
  console.log(`${label} (${codeServer ? 'code-server' : 'VS Code desktop'}, ${secs} s)`);
  console.log(`${label}: ${result.passed} passed, ${failed} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  return failed > 0 || result.pending > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
