// The entry point VS Code loads in its extension host (--extensionTestsPath): runs the mocha suite in
// this folder with the real `vscode` API and writes a result summary for the runner (test/e2e/runTest.ts).
// The English run takes every *.spec.js here except zh-cn.spec.js; with KAFKA_LINT_E2E_LOCALE=zh-cn
// (VS Code started with --locale zh-cn) it takes only zh-cn.spec.js.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: Array<{ title: string; error: string }>;
}

export function run(): Promise<void> {
  const zh = (process.env.KAFKA_LINT_E2E_LOCALE ?? '').toLowerCase() === 'zh-cn';
  const mocha = new Mocha({ ui: 'tdd', color: !process.env.CI, timeout: 60_000, slow: 5_000 });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.spec.js') && (f === 'zh-cn.spec.js') === zh)
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const resultFile = process.env.KAFKA_LINT_E2E_RESULTS;
  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [] };
  const write = () => {
    if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
  };
  write(); // the runner can tell "started, then crashed" from "never started"
  return new Promise((resolve, reject) => {
    if (!files.length) return reject(new Error(`no *.spec.js files in ${__dirname}`));
    const runner = mocha.run((failures) => {
      write();
      if (failures > 0) reject(new Error(`${failures} of ${result.passed + result.failed} editor tests failed`));
      else if (result.passed === 0) reject(new Error('no test ran'));
      else resolve();
    });
    runner.on('pass', () => result.passed++);
    runner.on('pending', () => result.pending++);
    runner.on('fail', (test, err: Error) => {
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
    });
  });
}
