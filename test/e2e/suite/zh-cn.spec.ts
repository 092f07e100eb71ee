// The Chinese path, run alone with VS Code started as `--locale zh-cn` (KAFKA_LINT_E2E_LOCALE=zh-cn):
// the client hands the display language to the server, which then writes messages, hovers and
// action titles in Simplified Chinese.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { at, codeActions, expectDiagnostics, EXTENSION_ID, find, hoverText, open, waitFor } from './helpers';

const HAN = /[\u4e00-\u9fff]/;

suite('简体中文 (--locale zh-cn)', () => {
  test('VS Code runs with display language zh-cn', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  test("the extension's manifest strings are in Chinese (package.nls.zh-cn.json)", () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // VS Code localises a manifest string as { value, original }
    const commands = ext.packageJSON.contributes.commands as Array<{ command: string; title: string | { value: string } }>;
    const title = (id: string) => {
      const t = commands.find((c) => c.command === id)?.title;
      return typeof t === 'object' ? t.value : t;
    };
    assert.equal(title('kafkaLint.restartServer'), '重启语言服务器');
    assert.equal(title('kafkaLint.fixAll'), '应用所有安全修复');
  });

  test('diagnostic messages are in Chinese', async () => {
    const { document: doc } = await open('producer/producer.properties');
    await expectDiagnostics(doc.uri, ['acks@5', 'idempotence@5', 'idempotence@6', 'retries@6']);
    const acks = find(doc.uri, 'acks', 5);
    assert.match(acks.message, HAN, acks.message);
    assert.match(acks.message, /^`acks=1`/);
    assert.doesNotMatch(acks.message, /the leader acknowledges/);
  });

  test('hover is in Chinese', async () => {
    const { document: doc } = await open('producer/producer.properties');
    const text = await hoverText(doc.uri, at(doc, 5, 'acks', 1));
    assert.match(text, /^\*\*acks\*\*/);
    assert.match(text, /生产者认为一次发送成功之前，需要多少副本已经拿到这条记录/);
  });

  test('quick fix titles are in Chinese', async () => {
    const { document: doc } = await open('producer/producer.properties');
    // VS Code asks for code actions with the diagnostics its workbench holds, which reach it from
    // the extension host a moment after `find` sees them there: ask until it has them (a CI run
    // once got no actions at all here).
    const titles = await waitFor('the quick fixes for acks', async () => {
      const t = (await codeActions(doc.uri, find(doc.uri, 'acks', 5).range)).map((a) => a.title);
      return t.length ? t : undefined;
    });
    for (const t of ['设置 `acks=all`', '在此行禁用 `acks`', '查看 `acks` 的文档']) assert.ok(titles.includes(t), `"${t}" missing from ${JSON.stringify(titles)}`);
    assert.ok(!titles.some((t) => /^(Set|Disable|Show) /.test(t)), JSON.stringify(titles));
  });
});
