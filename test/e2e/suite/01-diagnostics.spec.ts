// Activation and diagnostics: one file per kind of Kafka configuration in test/e2e-workspace,
// each with the rule ids on the lines the engine reports them (1-based, as the editor shows them).

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, expectDiagnostics, EXTENSION_ID, fileUri, find, open, ours, recordDiagnostics, waitFor } from './helpers';

/** Opening this document alone would activate the extension: its language is an activation event. */
function activatesOn(doc: vscode.TextDocument): void {
  const events = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.activationEvents as string[];
  assert.ok(events.includes(`onLanguage:${doc.languageId}`), `no onLanguage:${doc.languageId} in ${JSON.stringify(events)}`);
}

suite('activation and diagnostics', () => {
  suiteSetup(() => recordDiagnostics());

  test('the extension is installed, idle until a Kafka file opens, then active', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    assert.equal(ext.isActive, false, 'activated before any Kafka file was opened');
    const editor = await open('producer/producer.properties');
    assert.equal(editor.document.languageId, 'properties');
    await waitFor('the extension to activate', () => ext.isActive);
  });

  test('Kafka .properties producer: rule ids on the right lines, severity, message, docs link', async () => {
    const { document: doc } = await open('producer/producer.properties');
    activatesOn(doc);
    await expectDiagnostics(doc.uri, ['acks@5', 'idempotence@5', 'idempotence@6', 'retries@6']);
    const acks = find(doc.uri, 'acks', 5);
    assert.equal(acks.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(acks.range), '1', 'the diagnostic covers the value');
    assert.match(acks.message, /^`acks=1`: the leader acknowledges before the followers copy the record/);
    const code = acks.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/acks\.md$/);
    assert.equal(find(doc.uri, 'retries', 6).severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(find(doc.uri, 'idempotence', 6).severity, vscode.DiagnosticSeverity.Information);
  });

  test('Spring Boot application.yml', async () => {
    const { document: doc } = await open('spring/src/main/resources/application.yml');
    assert.equal(doc.languageId, 'yaml');
    activatesOn(doc);
    await expectDiagnostics(doc.uri, ['acks@9', 'auto-commit@13', 'auto-offset-reset@11', 'idempotence@9']);
    const acks = find(doc.uri, 'acks', 9);
    assert.equal(acks.severity, vscode.DiagnosticSeverity.Error);
    assert.match(acks.message, /^`spring\.kafka\.producer\.acks: 0`/);
    assert.equal(find(doc.uri, 'auto-commit', 13).severity, vscode.DiagnosticSeverity.Warning);
  });

  test('Strimzi Kafka manifest', async () => {
    const { document: doc } = await open('k8s/kafka-cluster.yaml');
    assert.equal(doc.languageId, 'yaml');
    activatesOn(doc);
    await expectDiagnostics(doc.uri, ['min-insync-replicas@16', 'unclean-leader-election@17']);
    const unclean = find(doc.uri, 'unclean-leader-election', 17);
    assert.equal(unclean.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(unclean.range), 'true');
  });

  test('docker-compose file', async () => {
    const { document: doc } = await open('local-dev/docker-compose.yml');
    assert.equal(doc.languageId, 'dockercompose');
    activatesOn(doc);
    await expectDiagnostics(doc.uri, ['replication-factor@9', 'unclean-leader-election@10']);
    assert.equal(find(doc.uri, 'replication-factor', 9).severity, vscode.DiagnosticSeverity.Information);
    assert.match(find(doc.uri, 'unclean-leader-election', 10).message, /KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE/);
  });

  test('sarama Go producer', async () => {
    const { document: doc } = await open('go-producer/producer.go');
    assert.equal(doc.languageId, 'go');
    activatesOn(doc);
    const [acks] = await expectDiagnostics(doc.uri, ['acks@8']);
    assert.equal(codeOf(acks), 'acks');
    assert.equal(doc.getText(acks.range), 'sarama.WaitForLocal');
    assert.match(acks.message, /^`cfg\.Producer\.RequiredAcks = sarama\.WaitForLocal`/);
  });

  test('the server keeps the analysis of the document in the active editor, not of documents only open', async () => {
    const api = vscode.extensions.getExtension<{ workingSet(): Promise<string[]> }>(EXTENSION_ID)!.exports;
    const { document: shown } = await open('k8s/kafka-cluster.yaml');
    await waitFor('the active editor\'s document in the working set', async () => (await api.workingSet()).includes(shown.uri.toString()), 30_000);
    // Opened without an editor (as search results and peeks are): linted, not kept.
    const only = await vscode.workspace.openTextDocument(fileUri('producer/legacy-producer.properties'));
    await waitFor('diagnostics on the document opened without an editor', () => ours(only.uri).length > 0);
    assert.ok(!(await api.workingSet()).includes(only.uri.toString()), JSON.stringify(await api.workingSet()));
    await vscode.window.showTextDocument(only, { preview: false });
    await waitFor('it in the working set once shown', async () => (await api.workingSet()).includes(only.uri.toString()), 30_000);
  });
});
