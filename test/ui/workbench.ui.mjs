// UI test in the real VS Code workbench: code-server (VS Code 1.139) with the packaged .vsix installed,
// driven through headless Chromium by playwright-core, the way a person uses the extension:
// open a producer file, see the squiggle and the Problems entry, hover, apply the quick fix from the
// light bulb, save, and check the file on disk. With --locale zh-cn the same file is checked in Chinese.
//
//   node test/ui/workbench.ui.mjs --vsix kafka-reliability-lint.vsix [--locale zh-cn] [--update-screenshots]
//
// Screenshots go to test-results/editor/screenshots/ (with --update-screenshots also to media/screenshots/).
// Prints one line per check and closes with "ui: N passed, N failed"; exits 1 unless every check passed.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from '../../scripts/editor/setup.mjs';
import { launchBrowser, onInterrupt, startCodeServer, workbenchUrl } from '../../scripts/editor/codeServer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = 'producer/producer.properties';

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const vsix = path.resolve(option('--vsix') ?? path.join(ROOT, 'kafka-reliability-lint.vsix'));
const locale = option('--locale');
const zh = locale === 'zh-cn';
const label = zh ? 'ui-zh-cn' : 'ui';
const shotsDir = path.join(ROOT, 'test-results', 'editor', 'screenshots');
const readmeDir = process.argv.includes('--update-screenshots') ? path.join(ROOT, 'media', 'screenshots') : undefined;
const t0 = Date.now();
const say = (msg) => console.log(`[${label} ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

/** The checks, in order; each needs the ones before it. */
const EN = {
  message: /`acks=1`: the leader acknowledges before the followers copy the record/,
  hover: /How many replicas must have a record before the producer counts the send as successful/,
  fix: 'Set `acks=all`',
};
const ZH = {
  message: /`acks=1`：.*[\u4e00-\u9fff]/,
  hover: /生产者认为一次发送成功之前，需要多少副本已经拿到这条记录/,
  fix: '设置 `acks=all`',
};
const want = zh ? ZH : EN;

const results = [];
let page;

async function shot(name) {
  if (!page) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (readmeDir) {
    fs.mkdirSync(readmeDir, { recursive: true });
    fs.copyFileSync(file, path.join(readmeDir, `${name}.png`));
  }
  say(`screenshot ${path.relative(ROOT, file)}`);
}

async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  ✘ ${name}\n    ${String(e?.stack ?? e).split('\n').slice(0, 8).join('\n    ')}`);
    await shot(`${label}-failure-${results.length}`).catch(() => {});
    throw e;
  }
}

const norm = (s) => s.replace(/\s+/g, ' ').trim();

/** The on-screen box of the character at `index` in an editor line (a .view-line locator). */
async function charBox(lineLocator, index) {
  return lineLocator.evaluate((el, i) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent.length;
      if (i < seen + len) {
        const r = document.createRange();
        r.setStart(n, i - seen);
        r.setEnd(n, i - seen + 1);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
      seen += len;
    }
    throw new Error(`line has no character ${i}`);
  }, index);
}

async function main() {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package first`);
  if (fs.existsSync(shotsDir)) for (const f of fs.readdirSync(shotsDir)) if (new RegExp(`^${label}-(problems|hover|quick-fix|after-fix|failure-\\d+)\\.png$`).test(f)) fs.rmSync(path.join(shotsDir, f));
  const tools = ensureTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-ui-'));
  const ws = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'e2e-workspace'), ws, { recursive: true });
  let session;
  let browser;
  const cleanup = async () => {
    await browser?.close();
    await session?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  onInterrupt(cleanup);
  const steps = [
    'the workbench opens the producer file',
    'a squiggle and a Problems entry for acks=1',
    'the hover shows the acks documentation',
    'the light bulb offers the fix and applying it edits the line',
    'saving writes the fix to disk and clears the warning',
  ];
  try {
    // VS Code shows a display language only when a language pack registers it; the official zh-hans pack comes
    // from the marketplace, so a translation-less test pack registers zh-cn (VS Code's own UI stays English).
    const languagePacks = locale ? [path.join(ROOT, 'test', 'e2e', `${locale}-language-pack`)] : [];
    session = await startCodeServer({ tools, vsix: [vsix], locale, languagePacks, settings: { 'editor.hover.delay': 200, 'workbench.secondarySideBar.defaultVisibility': 'hidden' }, log: say });
    browser = await launchBrowser(tools);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: zh ? 'zh-CN' : 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(Number(process.env.KAFKA_LINT_UI_TIMEOUT_MS || 60_000));
    const editor = page.locator('.editor-instance .monaco-editor').first();
    const line = (text) => editor.locator('.view-line', { hasText: text }).first();

    await check(steps[0], async () => {
      await page.goto(workbenchUrl(session, ws));
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'producer' }).first().waitFor();
      say('workbench ready');
      // Quick Open, as a person would: Ctrl+P, the file name, Enter
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(FILE);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'producer.properties' }).first().waitFor();
      await page.keyboard.press('Enter');
      await line('acks=1').waitFor();
    });

    await check(steps[1], async () => {
      await editor.locator('.squiggly-warning').first().waitFor();
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: /acks=1/ }).filter({ hasText: want.message });
      await row.first().waitFor();
      const text = norm(await row.first().innerText());
      if (!/kafka-lint/.test(text) || !/\(acks\)|acks/.test(text) || !/5.*6/.test(text)) throw new Error(`Problems entry: ${text}`);
      say(`Problems: ${text}`);
      const status = await page.locator('#status\\.problems').first().getAttribute('aria-label');
      say(`status bar: ${status}`);
      await shot(`${label}-problems`);
    });

    await check(steps[2], async () => {
      // over the value "1" of acks=1 (the diagnostic's range): the hover shows the problem and the key's docs
      const at = await charBox(line('acks=1'), 'acks=1'.indexOf('1'));
      await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
      const hover = page.locator('.monaco-hover:visible', { hasText: want.hover });
      await hover.first().waitFor();
      const text = norm(await hover.first().innerText());
      if (!want.message.test(text)) throw new Error(`hover lacks the diagnostic message: ${text.slice(0, 400)}`);
      say(`hover: ${text.slice(0, 200)}…`);
      await shot(`${label}-hover`);
      await page.mouse.move(at.x + 400, at.y + 300);
      await page.keyboard.press('Escape');
      await hover.first().waitFor({ state: 'hidden' });
    });

    await check(steps[3], async () => {
      await line('acks=1').click({ position: { x: 60, y: 5 } });
      // VS Code 1.139 draws the light bulb in the gutter (older builds: a .lightBulbWidget beside the text)
      const bulb = page.locator('[class*="codicon-gutter-lightbulb"], .lightBulbWidget .codicon').filter({ visible: true }).first();
      await bulb.waitFor();
      await bulb.click();
      const item = page.locator('.action-widget .monaco-list-row', { hasText: want.fix }).first();
      await item.waitFor();
      await shot(`${label}-quick-fix`);
      await item.click();
      await line('acks=all').waitFor();
    });

    await check(steps[4], async () => {
      await page.keyboard.press('Control+S');
      const file = path.join(ws, FILE);
      const end = Date.now() + 30_000;
      let disk = '';
      while (Date.now() < end) {
        disk = fs.readFileSync(file, 'utf8');
        if (/^acks=all$/m.test(disk)) break;
        await page.waitForTimeout(100);
      }
      if (disk.split('\n')[4] !== 'acks=all' || /^acks=1$/m.test(disk)) throw new Error(`file on disk: ${JSON.stringify(disk)}`);
      // the acks warning leaves the Problems panel; the retries one (line 6) stays
      await page.locator('.markers-panel .monaco-list-row', { hasText: want.message }).first().waitFor({ state: 'detached' });
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'retries=0' }).first().waitFor();
      await shot(`${label}-after-fix`);
    });
  } finally {
    await cleanup();
    printed = true;
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed + (steps.length - results.length);
    for (const s of steps.slice(results.length)) console.log(`  ✘ ${s} (not reached)`);
    console.log(`${label} (code-server ${zh ? 'zh-cn, ' : ''}workbench in Chromium, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    console.log(`${label}: ${passed} passed, ${failed} failed`);
    process.exitCode = failed || !passed ? 1 : 0;
  }
}

let printed = false;
main().catch((e) => {
  if (!results.length || results.every((r) => r.ok)) console.error(`[${label}] FAILED: ${e?.stack ?? e}`);
  if (!printed) console.log(`${label}: 0 passed, 1 failed`);
  process.exitCode = 1;
});
