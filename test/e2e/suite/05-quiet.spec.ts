// Quiet by default: files that are not Kafka configuration get no diagnostics, even those that share
// a language with Kafka files (log4j .properties, CI YAML, a Kubernetes Deployment, a compose file
// without Kafka, Go without sarama). Runs last: the recorder started in 01 has watched every
// diagnostic published during the whole run.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, expectDiagnostics, open, ours, seen, setSetting, summary, waitFor } from './helpers';

const QUIET = [
  'logging/log4j.properties',
  '.github/workflows/ci.yml',
  'k8s/deployment.yaml',
  'local-dev/docker-compose.db.yml',
  'tools/strings.go',
];

suite('quiet on files that are not Kafka configuration', () => {
  test('no diagnostics on non-Kafka .properties, YAML, compose and Go files', async () => {
    // The server publishes an empty list for each file it checked; wait for that, so "nothing" means
    // "checked and found nothing", not "not checked yet".
    const published = new Set<string>();
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => published.add(u.toString())));
    try {
      const docs: vscode.TextDocument[] = [];
      for (const rel of QUIET) docs.push((await open(rel)).document);
      assert.deepEqual(docs.map((d) => d.languageId), ['properties', 'yaml', 'yaml', 'dockercompose', 'go']);
      // A settings change makes the server check every open document again and publish for each.
      published.clear();
      await setSetting('kafkaLint.kafkaVersion', '2.8');
      try {
        await waitFor('a publish for every quiet file', () => docs.every((d) => published.has(d.uri.toString())), 30_000,
          () => docs.filter((d) => !published.has(d.uri.toString())).map((d) => vscode.workspace.asRelativePath(d.uri)));
      } finally {
        await setSetting('kafkaLint.kafkaVersion', undefined);
      }
      for (const d of docs) assert.deepEqual(summary(d.uri), [], vscode.workspace.asRelativePath(d.uri));
    } finally {
      sub.dispose();
    }
  });

  test('none of them had a diagnostic at any time during the run', async () => {
    // A Kafka file is still checked, so the recorder is alive
    const { document: doc } = await open('producer/producer.properties');
    await expectDiagnostics(doc.uri, ['idempotence@7']);
    assert.ok(seen.size > 0, 'the diagnostics recorder saw nothing');
    for (const rel of QUIET) {
      const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, rel).toString();
      assert.deepEqual([...(seen.get(uri) ?? [])], [], rel);
    }
    for (const [uri, s] of seen) assert.ok(!QUIET.some((q) => uri.endsWith(q)) || s.size === 0, uri);
    assert.ok(ours(doc.uri).every((d) => codeOf(d) !== 'acks'));
  });
});
