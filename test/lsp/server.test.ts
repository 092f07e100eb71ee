// Protocol tests: the built server (server/out/server.js) over stdio, as any editor would use it.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyTextEdits, SERVER_PATH, TestClient, type Action } from './lspClient.js';

const PRODUCER = 'bootstrap.servers=kafka:9092\nacks=1\nretries=0\n';

function editsOf(a: Action) {
  const dc = a.edit?.documentChanges ?? [];
  return dc.flatMap((c) => c.edits);
}

/** Runs `body` against a server of its own, initialised in `locale` in a new temp folder; shuts it down and removes the folder after. */
async function withServer(name: string, locale: string, body: (client: TestClient, dir: string) => Promise<void>, env?: NodeJS.ProcessEnv): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kafka-lint-lsp-${name}-`));
  const client = new TestClient(env);
  try {
    await client.initialize(locale, dir);
    await body(client, dir);
  } finally {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('language server over stdio', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_PATH), `build the server first: ${SERVER_PATH} is missing`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-lsp-'));
    client = new TestClient();
    await client.initialize('en', dir);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The code actions for `source.fixAll.kafkaLint` on the document, as VS Code asks on save. */
  async function fixAllActions(uri: string): Promise<Action[]> {
    return (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kafkaLint'] },
    })) as Action[];
  }

  /**
   * A Spring file in `folder` whose base file (`application.yml`, setting acks: all) is only on
   * disk: no findings. Then the base is opened and edited, unsaved, to drop acks: the file is linted
   * again with the edited base (at its own version: it was not edited). Call inside `onKafka28`.
   */
  async function inheritsFromEditedBase(folder: string, file: { name: string; text: string; languageId: string }): Promise<{ uri: string; base: string }> {
    const res = path.join(dir, folder);
    fs.mkdirSync(res, { recursive: true });
    const baseText = 'spring:\n  kafka:\n    producer:\n      acks: all\n';
    fs.writeFileSync(path.join(res, 'application.yml'), baseText);
    const uri = client.open(path.join(res, file.name), file.text, file.languageId);
    let p = await client.waitForVersion(uri);
    assert.deepEqual(p.diagnostics.map((d) => d.code), [], 'acks: all is set in application.yml on disk');
    const base = client.open(path.join(res, 'application.yml'), baseText, 'yaml');
    await client.waitForVersion(base);
    client.change(base, 'spring:\n  kafka:\n    producer:\n      batch-size: 1\n');
    p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks'));
    assert.equal(p.version, client.version(uri), `${file.name} was not edited: same version, new diagnostics`);
    return { uri, base };
  }

  /** Runs `body` with kafkaLint.kafkaVersion at 2.8 (an unset acks is 1 there, which the acks rule reports), then with the defaults again. */
  async function onKafka28(body: () => Promise<void>): Promise<void> {
    client.settings = { enable: true, rules: {}, kafkaVersion: '2.8' };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    try {
      await body();
    } finally {
      client.settings = { enable: true, rules: {} };
      void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }
  }

  it('publishes diagnostics with source, code and a docs link for a producer .properties file', async () => {
    const uri = client.open(path.join(dir, 'producer.properties'), PRODUCER, 'properties');
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks'));
    const acks = p.diagnostics.find((d) => d.code === 'acks')!;
    assert.equal(acks.source, 'kafka-lint');
    assert.equal(acks.range.start.line, 1);
    assert.match(acks.codeDescription!.href, /docs\/rules\/acks\.md$/);
    assert.equal(p.version, 1);
  });

  it('is quiet on files with no Kafka configuration', async () => {
    const a = client.open(path.join(dir, 'log4j.properties'), 'log4j.rootLogger=INFO, stdout\nlog4j.appender.stdout=org.apache.log4j.ConsoleAppender\n', 'properties');
    const b = client.open(path.join(dir, 'ci.yml'), 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n', 'yaml');
    const c = client.open(path.join(dir, '.gitconfig'), '[user]\n  name = x\n', 'properties');
    for (const uri of [a, b, c]) {
      const p = await client.waitFor(uri, () => true);
      assert.deepEqual(p.diagnostics, []);
    }
  });

  it('reports on Spring YAML, Strimzi, compose and Go', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['application.yml', 'spring:\n  kafka:\n    producer:\n      acks: 0\n', 'yaml', 'acks'],
      ['kafka.yaml', 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    config:\n      unclean.leader.election.enable: true\n', 'yaml', 'unclean-leader-election'],
      ['docker-compose.yml', 'services:\n  kafka:\n    image: bitnami/kafka:3.9\n    environment:\n      - KAFKA_MIN_INSYNC_REPLICAS=2\n', 'dockercompose', 'env-var-image'],
      // Spring Boot applications configured through variables: a compose service and a Deployment's container.
      ['apps/docker-compose.yml', 'services:\n  orders:\n    build: .\n    environment:\n      SPRING_KAFKA_PRODUCER_ACKS: "0"\n', 'dockercompose', 'acks'],
      [
        'deployment.yaml',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: o\nspec:\n  template:\n    spec:\n      containers:\n        - name: o\n          env:\n            - name: SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT\n              value: "true"\n',
        'yaml',
        'auto-commit',
      ],
      // A broker a StatefulSet runs.
      [
        'kafka-statefulset.yaml',
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: kafka\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: kafka\n          image: apache/kafka:3.9.0\n          env:\n            - name: KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE\n              value: "true"\n',
        'yaml',
        'unclean-leader-election',
      ],
      ['main.go', 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc f() {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.NoResponse\n\t_, _ = sarama.NewAsyncProducer(nil, cfg)\n}\n', 'go', 'acks'],
    ];
    for (const [name, text, lang, rule] of cases) {
      const uri = client.open(path.join(dir, name), text, lang);
      await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === rule));
    }
  });

  it('offers fixes, a suppression and the docs command; applying the fix changes the text as expected', async () => {
    const uri = pathToFileURL(path.join(dir, 'producer.properties')).href;
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks'));
    const diag = p.diagnostics.find((d) => d.code === 'acks')!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as Action[];
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Set `acks=all`');
    assert.ok(fix, `no "Set \`acks=all\`" in ${JSON.stringify(titles)}`);
    assert.equal(applyTextEdits(PRODUCER, editsOf(fix)), 'bootstrap.servers=kafka:9092\nacks=all\nretries=0\n');
    assert.equal(fix.edit!.documentChanges![0].textDocument.version, client.version(uri));
    const sup = actions.find((a) => a.title === 'Disable `acks` for this line')!;
    assert.equal(applyTextEdits(PRODUCER, editsOf(sup)), 'bootstrap.servers=kafka:9092\n# kafka-lint-disable-next-line acks\nacks=1\nretries=0\n');
    const docs = actions.find((a) => a.title === 'Show documentation for `acks`')!;
    assert.deepEqual(docs.command, { title: docs.title, command: 'kafkaLint.showRuleDocumentation', arguments: ['acks'] });
  });

  it("fixes a Spring variable in a Deployment's env list as the bundle's editor writes it: the value stays a string", async () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: o\nspec:\n  template:\n    spec:\n      containers:\n        - name: o\n          env:\n            - name: SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT\n              value: yes\n';
    const uri = client.open(path.join(dir, 'fix-deployment.yaml'), text, 'yaml');
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'auto-commit'));
    const diag = p.diagnostics.find((d) => d.code === 'auto-commit')!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
    const fix = actions.find((a) => a.title === 'Set `SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT=false`');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyTextEdits(text, editsOf(fix)), text.replace('value: yes', 'value: "false"'));
  });

  it("lints the application.yml a ConfigMap holds: diagnostics at the block's lines, a fix and a suppression written at its indentation, hover there", async () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: orders-config\ndata:\n  application.yml: |\n    spring:\n      kafka:\n        producer:\n          acks: 0\n';
    const uri = client.open(path.join(dir, 'k8s', 'orders-config.yaml'), text, 'yaml');
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks'));
    const diag = p.diagnostics.find((d) => d.code === 'acks')!;
    assert.deepEqual(diag.range, { start: { line: 9, character: 16 }, end: { line: 9, character: 17 } });
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
    const fix = actions.find((a) => a.title === 'Set `spring.kafka.producer.acks: all`');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyTextEdits(text, editsOf(fix)), text.replace('acks: 0', 'acks: all'));
    const sup = actions.find((a) => a.title === 'Disable `acks` for this line')!;
    assert.equal(applyTextEdits(text, editsOf(sup)), text.replace('          acks: 0', '          # kafka-lint-disable-next-line acks\n          acks: 0'));
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 12 } })) as { contents: { value: string }; range: unknown };
    assert.match(h.contents.value, /`spring\.kafka\.producer\.acks: 0` is in effect/);
    assert.deepEqual(h.range, { start: { line: 9, character: 10 }, end: { line: 9, character: 14 } });
  });

  it("lints a Confluent for Kubernetes Kafka resource's configOverrides.server lines: a diagnostic on the value, a fix inside the line, a suppression above it, hover on the key", async () => {
    const text =
      'apiVersion: platform.confluent.io/v1beta1\nkind: Kafka\nmetadata:\n  name: kafka\nspec:\n  replicas: 3\n  image:\n    application: confluentinc/cp-server:7.9.0\n' +
      '  configOverrides:\n    server:\n      - unclean.leader.election.enable=true\n';
    const uri = client.open(path.join(dir, 'k8s', 'confluent.yaml'), text, 'yaml');
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'unclean-leader-election'));
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['unclean-leader-election']);
    const diag = p.diagnostics[0];
    assert.deepEqual(diag.range, { start: { line: 10, character: 39 }, end: { line: 10, character: 43 } });
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
    const fix = actions.find((a) => a.title === 'Set `unclean.leader.election.enable=false`');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyTextEdits(text, editsOf(fix)), text.replace('enable=true', 'enable=false'));
    const sup = actions.find((a) => a.title === 'Disable `unclean-leader-election` for this line')!;
    assert.equal(
      applyTextEdits(text, editsOf(sup)),
      text.replace('      - unclean', '      # kafka-lint-disable-next-line unclean-leader-election\n      - unclean'),
    );
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 12 } })) as { contents: { value: string } };
    assert.match(h.contents.value, /`unclean\.leader\.election\.enable=true` is in effect/);
    assert.match(h.contents.value, /Kafka 3\.9 from `confluentinc\/cp-server:7\.9\.0`/);
  });

  it('lints a kafka-go Writer: an error on a literal without RequiredAcks, a fix that adds it, hover on the constant', async () => {
    const text = 'package main\n\nimport "github.com/segmentio/kafka-go"\n\nvar w = &kafka.Writer{Topic: "orders"}\nvar a = kafka.Writer{RequiredAcks: kafka.RequireOne}\n';
    const uri = client.open(path.join(dir, 'writer.go'), text, 'go');
    const p = await client.waitFor(uri, (x) => x.diagnostics.length === 2);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['acks', 1, 4], ['acks', 2, 5]]);
    const diag = p.diagnostics[0];
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
    const fix = actions.find((a) => a.title === 'Set `RequiredAcks: kafka.RequireAll`');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(applyTextEdits(text, editsOf(fix)), text.replace('{Topic: "orders"}', '{Topic: "orders", RequiredAcks: kafka.RequireAll}'));
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 44 } })) as { contents: { value: string } };
    assert.match(h.contents.value, /acks=1: the partition leader answers/);
  });

  it('source.fixAll.kafkaLint applies only safe fixes', async () => {
    const text = 'bootstrap.servers=kafka:9092\nacks=all\nproducer.type=async\nbatch.num.messages=200\n';
    const uri = client.open(path.join(dir, 'legacy-producer.properties'), text, 'properties');
    await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'removed-key'));
    const actions = await fixAllActions(uri);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.kafkaLint');
    assert.equal(applyTextEdits(text, editsOf(actions[0])), 'bootstrap.servers=kafka:9092\nacks=all\n');
  });

  it('never publishes stale diagnostics for an older version', async () => {
    const uri = client.open(path.join(dir, 'fast.properties'), 'bootstrap.servers=k:9092\nacks=1\n', 'properties');
    for (let i = 0; i < 20; i++) client.change(uri, `bootstrap.servers=k:9092\nacks=${i % 2 ? 1 : 'all'}\n# ${i}\n`);
    const last = client.change(uri, 'bootstrap.servers=k:9092\nacks=0\n');
    const p = await client.waitFor(uri, (x) => x.version === last);
    assert.equal(p.diagnostics.find((d) => d.code === 'acks')?.severity, 1);
  });

  it('turns a rule off live when kafkaLint.rules changes, and back on', async () => {
    const uri = pathToFileURL(path.join(dir, 'producer.properties')).href;
    client.settings = { enable: true, rules: { acks: 'off' } };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(uri, (x) => !x.diagnostics.some((d) => d.code === 'acks') && x.diagnostics.some((d) => d.code === 'retries'));
    client.settings = { enable: true, rules: { acks: 'error' } };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks' && d.severity === 1));
    assert.ok(p);
    client.settings = { enable: true, rules: {} };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks' && d.severity === 2));
  });

  it('reads .kafkalint.json and reacts when it changes', async () => {
    const sub = path.join(dir, 'proj');
    fs.mkdirSync(sub, { recursive: true });
    const cfg = path.join(sub, '.kafkalint.json');
    fs.writeFileSync(cfg, JSON.stringify({ rules: { retries: 'off' } }));
    const uri = client.open(path.join(sub, 'producer.properties'), PRODUCER, 'properties');
    await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks') && !x.diagnostics.some((d) => d.code === 'retries'));
    fs.writeFileSync(cfg, JSON.stringify({ rules: { acks: 'off' } }));
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).href, type: 2 }] });
    await client.waitFor(uri, (x) => !x.diagnostics.some((d) => d.code === 'acks') && x.diagnostics.some((d) => d.code === 'retries'));
  });

  it("reads a compose broker's env_file from disk, and again when it changes", async () => {
    const stack = path.join(dir, 'stack');
    fs.mkdirSync(stack, { recursive: true });
    const envFile = path.join(stack, 'kafka.env');
    fs.writeFileSync(envFile, 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=true\n');
    const uri = client.open(path.join(stack, 'docker-compose.yml'), 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    env_file: kafka.env\n', 'yaml');
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'unclean-leader-election'));
    const d = p.diagnostics.find((x) => x.code === 'unclean-leader-election')!;
    assert.deepEqual(d.range, { start: { line: 3, character: 14 }, end: { line: 3, character: 23 } });
    assert.match(d.message, /\(kafka\.env\)/);
    fs.writeFileSync(envFile, 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=false\n');
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(envFile).href, type: 2 }] });
    await client.waitFor(uri, (x) => !x.diagnostics.some((e) => e.code === 'unclean-leader-election'));
  });

  it('kafkaVersion setting changes version-dependent findings', async () => {
    const text = 'bootstrap.servers=k:9092\nkey.serializer=org.apache.kafka.common.serialization.StringSerializer\n';
    const uri = client.open(path.join(dir, 'producer-defaults.properties'), text, 'properties');
    let p = await client.waitFor(uri, () => true);
    assert.ok(!p.diagnostics.some((d) => d.code === 'acks'), 'no acks finding on 4.0: the default is all');
    client.settings = { enable: true, rules: {}, kafkaVersion: '2.8' };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks'));
    assert.match(p.diagnostics.find((d) => d.code === 'acks')!.message, /2\.8/);
    client.settings = { enable: true, rules: {} };
    void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(uri, (x) => !x.diagnostics.some((d) => d.code === 'acks'));
  });

  it('a Spring profile file inherits application.yml: from disk, then from the open editor as it is typed in', async () => {
    const res = path.join(dir, 'spring-profiles');
    await onKafka28(async () => {
      const { base } = await inheritsFromEditedBase('spring-profiles', { name: 'application-prod.yml', text: 'spring:\n  kafka:\n    producer:\n      compression-type: lz4\n', languageId: 'yaml' });
      // Fix-all sees the base too: idempotence on in application.yml makes 10 in flight an error
      // with a safe fix (alone, it would only reorder records, with no safe fix).
      client.change(base, 'spring:\n  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": true\n');
      await client.waitForVersion(base);
      const inflight = 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n';
      const other = client.open(path.join(res, 'application-eu.yml'), inflight, 'yaml');
      const p = await client.waitForVersion(other);
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.severity]), [['max-in-flight', 1]]);
      // It points at where idempotence is turned on: the open application.yml, as edited.
      assert.deepEqual(p.diagnostics[0].relatedInformation, [
        {
          location: { uri: pathToFileURL(path.join(res, 'application.yml')).href, range: { start: { line: 4, character: 8 }, end: { line: 4, character: 36 } } },
          message: 'Inherited from here: `spring.kafka.producer.properties[enable.idempotence]` = `true`',
        },
      ]);
      const actions = await fixAllActions(other);
      assert.equal(actions.length, 1);
      assert.equal(applyTextEdits(inflight, editsOf(actions[0])), inflight.replace(': 10', ': 5'));
    });
  });

  it('application.yml loses its prod document’s setting to application-prod.properties: from disk, then from the open editor, then created on disk', async () => {
    const res = path.join(dir, 'spring-overlays');
    fs.mkdirSync(res, { recursive: true });
    const overlay = path.join(res, 'application-prod.properties');
    fs.writeFileSync(overlay, 'spring.kafka.producer.acks=all\n');
    const yml = 'spring:\n  config:\n    activate:\n      on-profile: prod\n  kafka:\n    producer:\n      acks: 1\n';
    const base = client.open(path.join(res, 'application.yml'), yml, 'yaml');
    let p = await client.waitForVersion(base);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['duplicate-key']);
    assert.deepEqual(p.diagnostics[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [
      [pathToFileURL(overlay).href, 0, 'Set over this document here: `spring.kafka.producer.acks` = `all`'],
    ]);
    // The profile file opened and edited (not saved): application.yml is linted again with it.
    const prod = client.open(overlay, 'spring.kafka.producer.acks=all\n', 'properties');
    await client.waitForVersion(prod);
    client.change(prod, 'spring.kafka.producer.batch-size=1\n');
    p = await client.waitFor(base, (x) => x.diagnostics.some((d) => d.code === 'acks'));
    assert.equal(p.version, client.version(base), 'application.yml was not edited: same version, new diagnostics');
    assert.ok(!p.diagnostics.some((d) => d.code === 'duplicate-key'));
    // A profile file created on disk after application.yml was read: the watcher's event reads the folder again.
    client.change(base, yml.replace('on-profile: prod', 'on-profile: live'));
    p = await client.waitForVersion(base);
    assert.deepEqual(p.diagnostics.map((d) => d.code).sort(), ['acks', 'idempotence']);
    const created = path.join(res, 'application-live.properties');
    fs.writeFileSync(created, 'spring.kafka.producer.acks=all\n');
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).href, type: 1 }] });
    p = await client.waitFor(base, (x) => x.diagnostics.some((d) => d.code === 'duplicate-key'));
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['duplicate-key']);
  });

  it('application.properties inherits application.yml beside it: from disk, then from the open editor as it is typed in', async () => {
    await onKafka28(async () => {
      await inheritsFromEditedBase('spring-properties-over-yaml', { name: 'application.properties', text: 'spring.kafka.producer.compression-type=lz4\n', languageId: 'properties' });
    });
  });

  it('a Go file reads the other files of its package: from disk, from the open editor once typing pauses, and again from disk when closed or changed there', async () => {
    const pkg = path.join(dir, 'go-package');
    fs.mkdirSync(pkg, { recursive: true });
    const head = 'package svc\n\nimport "github.com/IBM/sarama"\n\n';
    const configText = head + 'func newConfig() *sarama.Config {\n\tc := sarama.NewConfig()\n\tc.Producer.Idempotent = true\n\tc.Producer.RequiredAcks = sarama.WaitForAll\n\treturn c\n}\n';
    const configPath = path.join(pkg, 'config.go');
    fs.writeFileSync(configPath, configText);
    const mainText = head + 'func run(addrs []string) {\n\tcfg := newConfig()\n\tcfg.Net.MaxOpenRequests = 5\n\tcfg.Producer.Return.Successes = true\n\tsarama.NewSyncProducer(addrs, cfg)\n}\n';
    const main = client.open(path.join(pkg, 'main.go'), mainText, 'go');
    let p = await client.waitForVersion(main);
    // Idempotence is turned on in config.go on disk: this file's 5 open requests fail validation.
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line]), [['sarama-idempotent', 6]]);
    assert.deepEqual(p.diagnostics[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [
      [pathToFileURL(configPath).href, 6, 'Inherited from here: `c.Producer.Idempotent` = `true`'],
    ]);
    const actions = await fixAllActions(main);
    assert.equal(actions.length, 1);
    assert.equal(applyTextEdits(mainText, editsOf(actions[0])), mainText.replace('= 5', '= 1'));
    // config.go opened and edited (not saved): main.go is linted again with it.
    const config = client.open(configPath, configText, 'go');
    await client.waitForVersion(config);
    client.change(config, configText.replace('\tc.Producer.Idempotent = true\n', ''));
    p = await client.waitFor(main, (x) => x.diagnostics.length === 0);
    assert.equal(p.version, client.version(main), 'main.go was not edited: same version, new diagnostics');
    // Closed without saving: main.go reads config.go from disk again.
    void client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: config } });
    p = await client.waitFor(main, (x) => x.diagnostics.some((d) => d.code === 'sarama-idempotent'));
    // Changed on disk: the watcher's event reads it again.
    fs.writeFileSync(configPath, configText.replace('\tc.Producer.Idempotent = true\n', ''));
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    p = await client.waitFor(main, (x) => x.diagnostics.length === 0);
    // Deleted: the helper call is no config any more (nothing to judge).
    fs.writeFileSync(configPath, configText);
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    await client.waitFor(main, (x) => x.diagnostics.length === 1);
    fs.rmSync(configPath);
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 3 }] });
    await client.waitFor(main, (x) => x.diagnostics.length === 0);
    // Created under another name: the folder is listed again.
    const created = path.join(pkg, 'setup.go');
    fs.writeFileSync(created, configText);
    void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).href, type: 1 }] });
    await client.waitFor(main, (x) => x.diagnostics.length === 1);
  });

  it('skips a binary file with one information diagnostic', async () => {
    const uri = client.open(path.join(dir, 'blob.properties'), 'acks=1\u0000\u0001\u0002', 'properties');
    const p = await client.waitFor(uri, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].severity, 3);
    assert.match(p.diagnostics[0].message, /binary/);
  });

  it('skips a .properties template (Jinja directives) with Kafka settings, with one information diagnostic naming the line; checks it once the directive goes', async () => {
    const template = 'bootstrap.servers={{ servers }}\n{% if transactional %}\nacks=all\n{% else %}\nacks=1\n{% endif %}\n';
    const uri = client.open(path.join(dir, 'tpl', 'producer.properties'), template, 'properties');
    const p = await client.waitFor(uri, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].severity, 3);
    assert.match(p.diagnostics[0].message, /template \(`\{% if` on line 2\)/);
    const v = client.change(uri, 'bootstrap.servers={{ servers }}\nacks=1\n');
    const q = await client.waitFor(uri, (x) => x.version === v);
    assert.deepEqual(q.diagnostics.map((d) => d.code), ['acks', 'idempotence']);
  });

  it('reports broken YAML as syntax-error while it is broken: a docs link and the docs action, no "disable for this line"; gone once mended', async () => {
    const good = 'spring:\n  kafka:\n    producer:\n      acks: all\n';
    const uri = client.open(path.join(dir, 'broken', 'application.yml'), good.replace('acks: all', 'acks: "all'), 'yaml');
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'syntax-error'));
    const diag = p.diagnostics.find((d) => d.code === 'syntax-error')!;
    assert.equal(diag.severity, 1);
    assert.match(diag.message, /^YAML syntax error: a quoted value is not closed\./);
    assert.match(diag.codeDescription!.href, /docs\/rules\/syntax-error\.md$/);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
    assert.deepEqual(actions.filter((a) => a.diagnostics?.some((d) => d.code === 'syntax-error')).map((a) => a.title), ['Show documentation for `syntax-error`']);
    // Typing the closing quote mends it.
    const v = client.change(uri, good);
    const q = await client.waitFor(uri, (x) => x.version === v);
    assert.deepEqual(q.diagnostics.map((d) => d.code), []);
  });

  it('nothing but protocol on stdout', () => {
    // A stray write would have broken the JSON-RPC stream and every test above.
    assert.equal(client.proc.exitCode, null);
  });
});

describe('language server in Chinese', () => {
  it('localises messages and action titles', async () => {
    await withServer('zh', 'zh-cn', async (client, dir) => {
      const uri = client.open(path.join(dir, 'producer.properties'), PRODUCER, 'properties');
      const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks'));
      const diag = p.diagnostics.find((d) => d.code === 'acks')!;
      assert.match(diag.message, /[\u4e00-\u9fff]/, `not Chinese: ${diag.message}`);
      const actions = (await client.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diag.range,
        context: { diagnostics: [diag] },
      })) as Action[];
      assert.ok(actions.some((a) => a.title === '在此行禁用 `acks`'), JSON.stringify(actions.map((a) => a.title)));
    });
  });
});

describe('language server: hover, completion, failure isolation', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-lsp-2-'));
    client = new TestClient({ KAFKA_LINT_TEST_THROWING_RULE: '1' });
    await client.initialize('en', dir);
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function hover(uri: string, line: number, character: number): Promise<string> {
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as {
      contents: { kind: string; value: string };
    } | null;
    return h ? h.contents.value : '';
  }

  it('hovers on keys in every surface, with the value in effect and the assumed default', async () => {
    const props = client.open(path.join(dir, 'producer.properties'), PRODUCER, 'properties');
    await client.waitForVersion(props);
    const acks = await hover(props, 1, 1);
    assert.match(acks, /acks/);
    assert.match(acks, /`acks=1` is in effect/);
    assert.match(acks, /Kafka 4\.0 default/);
    assert.match(acks, /kafka\.apache\.org\/documentation\/#producerconfigs_acks/);

    const spring = client.open(path.join(dir, 'application.yml'), 'spring:\n  kafka:\n    producer:\n      acks: 1\n', 'yaml');
    await client.waitForVersion(spring);
    assert.match(await hover(spring, 3, 7), /`spring\.kafka\.producer\.acks: 1` is in effect/);

    const strimzi = client.open(
      path.join(dir, 'kafka.yaml'),
      'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    config:\n      min.insync.replicas: 2\n',
      'yaml',
    );
    await client.waitForVersion(strimzi);
    assert.match(await hover(strimzi, 7, 10), /min\.insync\.replicas/);

    const compose = client.open(
      path.join(dir, 'docker-compose.yml'),
      'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n',
      'dockercompose',
    );
    await client.waitForVersion(compose);
    const env = await hover(compose, 4, 10);
    assert.match(env, /min\.insync\.replicas/);
    assert.match(env, /KAFKA_MIN_INSYNC_REPLICAS: 2/);

    const go = client.open(
      path.join(dir, 'main.go'),
      'package main\n\nimport "github.com/IBM/sarama"\n\nfunc f() {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForLocal\n\t_, _ = sarama.NewSyncProducer(nil, cfg)\n}\n',
      'go',
    );
    await client.waitForVersion(go);
    const field = await hover(go, 6, 16);
    assert.match(field, /RequiredAcks/);
    assert.match(field, /sarama/);
    const constant = await hover(go, 6, 40);
    assert.match(constant, /WaitForLocal/);
    assert.notEqual(constant, field);
  });

  it('explains concepts named in comments, and stays quiet elsewhere', async () => {
    const uri = client.open(path.join(dir, 'consumer.properties'), '# offsets commit after the ISR acknowledged\ngroup.id=g\nbootstrap.servers=k:9092\n', 'properties');
    await client.waitForVersion(uri);
    assert.match(await hover(uri, 0, 29), /ISR|in-sync/i);
    const plain = client.open(path.join(dir, 'ci.yml'), 'on: push # acks\n', 'yaml');
    await client.waitFor(plain, () => true);
    assert.equal(await hover(plain, 0, 12), '');
  });

  it('completes keys and enum values', async () => {
    const uri = client.open(path.join(dir, 'producer-2.properties'), 'bootstrap.servers=k:9092\nacks=\nenable.idem', 'properties');
    await client.waitForVersion(uri);
    const values = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 5 } })) as Array<{ label: string }>;
    assert.deepEqual(values.map((v) => v.label).sort(), ['0', '1', 'all']);
    const keys = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 11 } })) as Array<{
      label: string;
      documentation?: { value: string };
    }>;
    const idem = keys.find((k) => k.label === 'enable.idempotence');
    assert.ok(idem, 'enable.idempotence offered');
    assert.match(idem.documentation!.value, /idempoten/i);
    const spring = client.open(path.join(dir, 'application.yml'), 'spring:\n  kafka:\n    listener:\n      ack-mode: \n', 'yaml');
    await client.waitForVersion(spring);
    const modes = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri: spring }, position: { line: 3, character: 16 } })) as Array<{ label: string }>;
    assert.ok(modes.some((m) => m.label === 'MANUAL_IMMEDIATE'), JSON.stringify(modes.map((m) => m.label)));
  });

  it('a rule that throws costs only that rule on that file, and is logged', async () => {
    const uri = client.open(path.join(dir, 'crash-producer.properties'), '# kafka-lint-test-throw\nbootstrap.servers=k:9092\nacks=0\n', 'properties');
    const p = await client.waitFor(uri, (x) => x.diagnostics.some((d) => d.code === 'acks'));
    assert.ok(!p.diagnostics.some((d) => d.code === 'test-throwing-rule'));
    const deadline = Date.now() + 5000;
    while (!client.logs.some((l) => l.includes('test-throwing-rule')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(client.logs.some((l) => l.includes('rule test-throwing-rule failed') && l.includes('thrown on purpose')), client.logs.join('\n'));
    // Other files are unaffected.
    const other = client.open(path.join(dir, 'fine-producer.properties'), 'bootstrap.servers=k:9092\nacks=1\n', 'properties');
    await client.waitFor(other, (x) => x.diagnostics.some((d) => d.code === 'acks'));
  });
});

describe('language server: Chinese hover', () => {
  it('renders hover docs in Chinese', async () => {
    await withServer('zh2', 'zh-cn', async (client, dir) => {
      const uri = client.open(path.join(dir, 'producer.properties'), PRODUCER, 'properties');
      await client.waitForVersion(uri);
      const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } })) as { contents: { value: string } };
      assert.match(h.contents.value, /[\u4e00-\u9fff]/);
      assert.match(h.contents.value, /生效值/);
    });
  });
});

describe('language server: memory after edits in many places', () => {
  it('reads a large document whole again when idle, with the same diagnostics', async () => {
    await withServer('reread', 'en', async (client, dir) => {
      // 40 Spring documents of ~24 KB, one per profile (documents with the same conditions override
      // each other): each edit below re-reads one of them from a new ~1 MB version.
      const docs = Array.from({ length: 40 }, (_, i) =>
        ['spring:', '  config:', '    activate:', `      on-profile: p${i}`, '  kafka:', '    producer:', '      acks: "1"', `      client-id: service-${i}`, `# ${'padding '.repeat(3000)}`].join('\n'),
      );
      const text = docs.join('\n---\n') + '\n';
      const lines = text.split('\n');
      const uri = client.open(path.join(dir, 'application.yml'), text, 'yaml');
      await client.waitForVersion(uri);
      for (let i = 0; i < 12; i++) {
        const line = lines.indexOf(`      client-id: service-${i}`);
        const at = { line, character: lines[line].length };
        client.changeRange(uri, { start: at, end: at }, 'x');
        await client.waitForVersion(uri);
      }
      const before = client.published.get(uri)!;
      assert.equal(before.diagnostics.filter((d) => d.code === 'acks').length, 40);
      client.published.delete(uri);
      const deadline = Date.now() + 8000;
      while (!client.logs.some((l) => l.includes('whole again')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(client.logs.some((l) => l.includes('application.yml whole again')), `no re-read logged:\n${client.logs.join('\n')}`);
      const after = await client.waitForVersion(uri);
      assert.deepEqual(after, before);
      // Editing goes on as before.
      const line = lines.indexOf('      client-id: service-39');
      client.changeRange(uri, { start: { line: line - 1, character: 12 }, end: { line: line - 1, character: 15 } }, 'all');
      const edited = await client.waitForVersion(uri);
      assert.equal(edited.diagnostics.filter((d) => d.code === 'acks').length, 39);
    }, { KAFKA_LINT_REREAD_IDLE_MS: '300' });
  });
});

describe('language server: what it keeps for open documents', () => {
  it('keeps what it read only for the documents used last; the others give the same diagnostics, hovers and fixes', async () => {
    await withServer('working', 'en', async (client, dir) => {
      const lostRead = (name: string) => client.logs.some((l) => l.includes('let go of') && l.includes(`/${name} `));
      const names = Array.from({ length: 6 }, (_, i) => `p${i}.properties`);
      const uris = names.map((n) => client.open(path.join(dir, n), PRODUCER, 'properties'));
      for (const uri of uris) assert.ok((await client.waitForVersion(uri)).diagnostics.some((d) => d.code === 'acks'));
      // Opening is not using: nothing was kept, so nothing is let go.
      assert.ok(!client.logs.some((l) => l.includes('let go of')), client.logs.join('\n'));
      // Edit p0..p4 (line 2 `retries=0` -> `retries=1`): the fifth document used pushes out p0.
      for (const uri of uris.slice(0, 5)) {
        client.changeRange(uri, { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } }, '1');
        await client.waitForVersion(uri);
      }
      assert.ok(lostRead('p0.properties'), client.logs.join('\n'));
      assert.ok(!lostRead('p1.properties'), client.logs.join('\n'));
      // p0 is read whole again on its next edit, with the diagnostics of a fresh open of that text.
      client.changeRange(uris[0], { start: { line: 1, character: 5 }, end: { line: 1, character: 6 } }, 'all');
      const edited = await client.waitForVersion(uris[0]);
      const freshText = 'bootstrap.servers=kafka:9092\nacks=all\nretries=1\n';
      const fresh = await client.waitForVersion(client.open(path.join(dir, 'fresh.properties'), freshText, 'properties'));
      assert.deepEqual(edited.diagnostics, fresh.diagnostics);
      assert.ok(!edited.diagnostics.some((d) => d.code === 'acks'));
      assert.ok(lostRead('p1.properties'), 'p0 came back in: the least recently used (p1) goes out');
      // p5 was only opened: a hover and a fix still work (and bring it in).
      const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: uris[5] }, position: { line: 1, character: 1 } })) as { contents: { value: string } } | null;
      assert.match(hover?.contents.value ?? '', /acks/);
      assert.ok(lostRead('p2.properties'), client.logs.join('\n'));
      const diag = client.published.get(uris[5])!.diagnostics.find((d) => d.code === 'acks')!;
      const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uris[5] }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
      const fix = actions.find((a) => a.title === 'Set `acks=all`');
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(applyTextEdits(PRODUCER, editsOf(fix)), 'bootstrap.servers=kafka:9092\nacks=all\nretries=0\n');
      // Asked for actions where none of our diagnostics is (every cursor move): none, and nothing read.
      const none = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uris[4] }, range: diag.range, context: { diagnostics: [] } })) as Action[];
      assert.deepEqual(none, []);
      assert.deepEqual(await client.conn.sendRequest('kafkaLint/workingSet'), [uris[3], uris[4], uris[0], uris[5]]);
    });
  });
});

describe('language server: the active editor', () => {
  it("reads the active editor's document ahead of its first edit, also when it is opened after being named", async () => {
    await withServer('active', 'en', async (client, dir) => {
      const kept = () => client.conn.sendRequest('kafkaLint/workingSet') as Promise<string[]>;
      const a = client.open(path.join(dir, 'a.properties'), PRODUCER, 'properties');
      const b = client.open(path.join(dir, 'b.properties'), PRODUCER, 'properties');
      await client.waitForVersion(a);
      await client.waitForVersion(b);
      assert.deepEqual(await kept(), []);
      client.published.delete(b);
      await client.conn.sendNotification('kafkaLint/activeDocument', { uri: b });
      // Read now: published again for the same version.
      assert.equal((await client.waitForVersion(b)).version, 1);
      assert.deepEqual(await kept(), [b]);
      // Named before its didOpen arrives (a client may send them in either order).
      const cUri = pathToFileURL(path.join(dir, 'c.properties')).href;
      await client.conn.sendNotification('kafkaLint/activeDocument', { uri: cUri });
      client.open(path.join(dir, 'c.properties'), PRODUCER, 'properties');
      await client.waitForVersion(cUri);
      assert.deepEqual(await kept(), [b, cUri]);
      // No active editor, an unknown document, a malformed notification: nothing changes, nothing fails.
      await client.conn.sendNotification('kafkaLint/activeDocument', { uri: null });
      await client.conn.sendNotification('kafkaLint/activeDocument', { uri: 'file:///nowhere.properties' });
      await client.conn.sendNotification('kafkaLint/activeDocument', {});
      assert.deepEqual(await kept(), [b, cUri]);
      assert.ok(!client.logs.some((l) => /fail|error/i.test(l)), client.logs.join('\n'));
      // Its first edit is read incrementally and gives what a fresh open gives.
      client.changeRange(b, { start: { line: 1, character: 5 }, end: { line: 1, character: 6 } }, 'all');
      const edited = await client.waitForVersion(b);
      const fresh = await client.waitForVersion(client.open(path.join(dir, 'fresh.properties'), 'bootstrap.servers=kafka:9092\nacks=all\nretries=0\n', 'properties'));
      assert.deepEqual(edited.diagnostics, fresh.diagnostics);
    });
  });

  it('a large active document: first diagnostics, then edits (the rule cache filled after them) give what a fresh open gives', async () => {
    await withServer('active-large', 'en', async (client, dir) => {
      // ~100 KB of Spring profiles: its first lint leaves the rule cache to be filled once its diagnostics are out.
      const doc = (i: number) =>
        `---\nspring:\n  config:\n    activate:\n      on-profile: p${i}\n  kafka:\n    producer:\n      acks: ${i % 3 === 0 ? 1 : 'all'}\n      retries: ${i}\n    consumer:\n      enable-auto-commit: ${i % 2 === 0}\n`;
      let text = Array.from({ length: 700 }, (_, i) => doc(i)).join('');
      assert.ok(text.length > 64 * 1024);
      const file = path.join(dir, 'application.yml');
      const uri = pathToFileURL(file).href;
      await client.conn.sendNotification('kafkaLint/activeDocument', { uri });
      client.open(file, text, 'yaml');
      const first = await client.waitForVersion(uri);
      assert.equal(first.diagnostics.filter((d) => d.code === 'acks').length, 234);
      const freshOpen = async (t: string, n: number) => {
        fs.mkdirSync(path.join(dir, `fresh${n}`));
        return (await client.waitForVersion(client.open(path.join(dir, `fresh${n}`, 'application.yml'), t, 'yaml'))).diagnostics;
      };
      // Edits: `acks: 1` of profile p300 becomes `all`, then p301's `all` becomes `1`.
      for (const [n, from, to] of [[1, 'on-profile: p300\n  kafka:\n    producer:\n      acks: 1', 'all'], [2, 'on-profile: p301\n  kafka:\n    producer:\n      acks: all', '1']] as const) {
        const at = text.indexOf(from) + from.length - (from.endsWith('all') ? 3 : 1);
        const lines = text.slice(0, at).split('\n');
        const start = { line: lines.length - 1, character: lines[lines.length - 1].length };
        client.changeRange(uri, { start, end: { line: start.line, character: start.character + (from.endsWith('all') ? 3 : 1) } }, to);
        text = text.slice(0, at) + to + text.slice(at + (from.endsWith('all') ? 3 : 1));
        const edited = await client.waitForVersion(uri);
        const fresh = await freshOpen(text, n);
        assert.deepEqual(
          edited.diagnostics.map((d) => [d.code, d.range, d.message]),
          fresh.map((d) => [d.code, d.range, d.message]),
        );
      }
      assert.equal(client.published.get(uri)!.diagnostics.filter((d) => d.code === 'acks').length, 234);
      assert.ok(!client.logs.some((l) => /fail|error/i.test(l)), client.logs.join('\n'));
    });
  });
});
