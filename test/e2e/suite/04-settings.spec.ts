// Settings are read live: kafkaLint.rules turns a rule off or changes its severity, kafkaLint.enable
// turns the checker off, and the server can be restarted.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectDiagnostics, find, open, setSetting } from './helpers';

suite('settings', () => {
  const ALL = ['acks@9', 'auto-commit@13', 'auto-offset-reset@11', 'idempotence@9'];

  test('kafkaLint.rules turns a rule off and changes a severity, live', async () => {
    const { document: doc } = await open('spring/src/main/resources/application.yml');
    await expectDiagnostics(doc.uri, ALL);
    try {
      await setSetting('kafkaLint.rules', { acks: 'off', 'auto-commit': 'error' });
      await expectDiagnostics(doc.uri, ['auto-commit@13', 'auto-offset-reset@11', 'idempotence@9']);
      assert.equal(find(doc.uri, 'auto-commit', 13).severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await setSetting('kafkaLint.rules', undefined);
    }
    await expectDiagnostics(doc.uri, ALL);
    assert.equal(find(doc.uri, 'auto-commit', 13).severity, vscode.DiagnosticSeverity.Warning);
  });

  test('kafkaLint.enable=false clears the diagnostics, true brings them back', async () => {
    const { document: doc } = await open('k8s/kafka-cluster.yaml');
    await expectDiagnostics(doc.uri, ['min-insync-replicas@16', 'unclean-leader-election@17']);
    try {
      await setSetting('kafkaLint.enable', false);
      await expectDiagnostics(doc.uri, []);
    } finally {
      await setSetting('kafkaLint.enable', undefined);
    }
    await expectDiagnostics(doc.uri, ['min-insync-replicas@16', 'unclean-leader-election@17']);
  });

  test('after "Restart Language Server" edits are checked again', async () => {
    const { document: doc } = await open('spring/src/main/resources/application.yml');
    await vscode.commands.executeCommand('kafkaLint.restartServer');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(12).range, '      enable-auto-commit: false');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expectDiagnostics(doc.uri, ['acks@9', 'auto-offset-reset@11', 'idempotence@9']);
  });
});
