// Code actions through VS Code: the quick fixes offered for a diagnostic, applying them, the
// documentation command, and source.fixAll.kafkaLint run by its command and by
// editor.codeActionsOnSave.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, at, codeActions, expectDiagnostics, find, hoverText, onDisk, open, setSetting, waitFor } from './helpers';

suite('code actions', () => {
  test('quick fixes for acks=1: set acks=all, disable for the line, show the docs', async () => {
    const { document: doc } = await open('producer/producer.properties');
    const acks = find(doc.uri, 'acks', 5);
    const actions = await codeActions(doc.uri, acks.range);
    const titles = actions.map((a) => a.title);
    for (const t of ['Set `acks=all`', 'Disable `acks` for this line', 'Show documentation for `acks`']) {
      assert.ok(titles.includes(t), `"${t}" missing from ${JSON.stringify(titles)}`);
    }
    const fix = actions.find((a) => a.title === 'Set `acks=all`')!;
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    // acks=all trades latency for durability: an unsafe fix, so not marked preferred (no auto-apply)
    assert.ok(!fix.isPreferred);
    await apply(fix);
    assert.equal(doc.lineAt(4).text, 'acks=all');
    assert.equal(doc.isDirty, true);
    // acks=1 no longer disables idempotence; retries=0 still does
    await expectDiagnostics(doc.uri, ['idempotence@6', 'retries@6']);
  });

  test('"Disable for this line" adds a suppression comment that the server honours', async () => {
    const { document: doc } = await open('producer/producer.properties');
    const retries = find(doc.uri, 'retries', 6);
    const disable = (await codeActions(doc.uri, retries.range)).find((a) => a.title === 'Disable `retries` for this line');
    assert.ok(disable);
    await apply(disable);
    assert.equal(doc.lineAt(5).text, '# kafka-lint-disable-next-line retries');
    assert.equal(doc.lineAt(6).text, 'retries=0');
    await expectDiagnostics(doc.uri, ['idempotence@7']);
    assert.ok(await doc.save(), 'save failed');
    assert.equal(
      onDisk('producer/producer.properties').split('\n').slice(4).join('\n'),
      'acks=all\n# kafka-lint-disable-next-line retries\nretries=0\n',
    );
  });

  test('"Show documentation" opens the rule page in the markdown preview', async () => {
    const { document: doc } = await open('producer/producer.properties');
    const d = find(doc.uri, 'idempotence', 7);
    const docs = (await codeActions(doc.uri, d.range)).find((a) => a.title === 'Show documentation for `idempotence`');
    assert.ok(docs?.command, 'no docs action');
    assert.deepEqual([docs.command.command, docs.command.arguments], ['kafkaLint.showRuleDocumentation', ['idempotence']]);
    await apply(docs);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    await waitFor('a preview tab of idempotence.md', () => tabs().some((l) => l.includes('idempotence.md')), 30_000, tabs);
  });

  test('the sarama fix rewrites the Go constant', async () => {
    const { document: doc } = await open('go-producer/producer.go');
    const acks = find(doc.uri, 'acks', 8);
    const fix = (await codeActions(doc.uri, acks.range)).find((a) => a.title === 'Set `cfg.Producer.RequiredAcks = sarama.WaitForAll`');
    assert.ok(fix);
    await apply(fix);
    assert.equal(doc.lineAt(7).text, '\tcfg.Producer.RequiredAcks = sarama.WaitForAll');
    await expectDiagnostics(doc.uri, []);
  });

  test('the compose fix keeps the map form and the quotes', async () => {
    const { document: doc } = await open('local-dev/docker-compose.yml');
    const d = find(doc.uri, 'unclean-leader-election', 10);
    const actions = await codeActions(doc.uri, d.range);
    const fix = actions.find((a) => a.title.startsWith('Set `KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE'));
    assert.ok(fix, `no fix in ${JSON.stringify(actions.map((a) => a.title))}`);
    await apply(fix);
    assert.equal(doc.lineAt(9).text, '      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"');
    await expectDiagnostics(doc.uri, ['replication-factor@9']);
  });

  test('in the files a ConfigMap holds: diagnostics at the block\'s lines, hover, a fix and a suppression indented as the block is', async () => {
    const { document: doc } = await open('k8s/orders-config.yaml');
    await expectDiagnostics(doc.uri, ['acks@10', 'acks@13', 'idempotence@10', 'idempotence@13']);
    assert.match(await hoverText(doc.uri, at(doc, 13, 'acks', 1)), /acks/);
    const action = (rule: string, line: number, title: string) =>
      waitFor(`"${title}"`, async () => (await codeActions(doc.uri, find(doc.uri, rule, line).range)).find((a) => a.title === title));
    await apply(await action('acks', 10, 'Set `spring.kafka.producer.acks: all`'));
    assert.equal(doc.lineAt(9).text, '          acks: all');
    await expectDiagnostics(doc.uri, ['acks@13', 'idempotence@13']);
    await apply(await action('acks', 13, 'Disable `acks` for this line'));
    assert.deepEqual([doc.lineAt(12).text, doc.lineAt(13).text], ['    # kafka-lint-disable-next-line acks', '    acks=0']);
    await expectDiagnostics(doc.uri, ['idempotence@14']);
  });

  test('"Kafka Lint: Apply All Safe Fixes" edits the active editor like fix-all on save', async () => {
    const editor = await open('producer/legacy-producer.properties');
    const doc = editor.document;
    const original = doc.getText();
    await expectDiagnostics(doc.uri, ['removed-key@6', 'removed-key@7']);
    assert.ok((await vscode.commands.getCommands(true)).includes('kafkaLint.fixAll'));
    try {
      await vscode.commands.executeCommand('kafkaLint.fixAll');
      const expected = original.replace('producer.type=async\nbatch.num.messages=200\n', '');
      assert.notEqual(expected, original);
      await waitFor('the safe fixes in the editor', () => doc.getText() === expected, 30_000, () => doc.getText());
      assert.ok(doc.isDirty, 'the command edits, it does not save');
      await expectDiagnostics(doc.uri, []);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(doc.getText(), original);
  });

  test('source.fixAll.kafkaLint on save applies the safe fixes only', async () => {
    await setSetting('editor.codeActionsOnSave', { 'source.fixAll.kafkaLint': 'explicit' });
    try {
      const editor = await open('producer/legacy-producer.properties');
      const doc = editor.document;
      await expectDiagnostics(doc.uri, ['removed-key@6', 'removed-key@7']);
      // make acks=1 (its fix, acks=all, is unsafe: it must survive the save)
      const edit = new vscode.WorkspaceEdit();
      const line = doc.lineAt(4);
      assert.equal(line.text, 'acks=all');
      edit.replace(doc.uri, line.range, 'acks=1');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await expectDiagnostics(doc.uri, ['acks@5', 'idempotence@5', 'removed-key@6', 'removed-key@7']);
      const fixAll = await codeActions(doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.kafkaLint');
      assert.deepEqual(fixAll.map((a) => a.kind?.value), ['source.fixAll.kafkaLint']);
      // save the way Ctrl+S does (an explicit save runs the code actions on save)
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.save');
      const expected = [
        '# Nightly export, carried over from the old Scala producer',
        'bootstrap.servers=kafka-1:9092',
        'key.serializer=org.apache.kafka.common.serialization.StringSerializer',
        'value.serializer=org.apache.kafka.common.serialization.StringSerializer',
        'acks=1',
        '',
      ].join('\n');
      await waitFor('the saved file to have the safe fixes', () => !doc.isDirty && onDisk('producer/legacy-producer.properties') === expected, 30_000, () => onDisk('producer/legacy-producer.properties'));
      assert.equal(doc.getText(), expected);
      await expectDiagnostics(doc.uri, ['acks@5', 'idempotence@5']);
    } finally {
      await setSetting('editor.codeActionsOnSave', undefined);
    }
  });
});
