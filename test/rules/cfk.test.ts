// Confluent for Kubernetes resources (surfaces 'cfk-kafka' and 'cfk-topic'): a `Kafka` resource's
// `spec.configOverrides.server` lines are the brokers' settings, its `spec.replicas` the broker
// count and its image tag the Kafka version; a `KafkaTopic`'s `spec.replicas` and `spec.configs`
// are the topic's. CFK picks `default.replication.factor` and `min.insync.replicas` itself when
// the resource leaves them unset, so those are judged only where written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint, parseFile } from '../../server/src/engine/index.js';
import { applyEdits, createFixer } from '../../server/src/engine/fixer.js';
import { describeAt } from '../../server/src/engine/describe.js';
import { completeAt } from '../../server/src/engine/complete.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';

const P = 'k8s/confluent.yaml';
const O = resolveOptions([]);

/** A CFK `Kafka` resource; `server` lines go under `spec.configOverrides.server` (6 spaces in). */
const kafka = (server: string[] | undefined, opts: { replicas?: number; image?: string; name?: string } = {}) =>
  `apiVersion: platform.confluent.io/v1beta1\nkind: Kafka\nmetadata:\n  name: ${opts.name ?? 'kafka'}\n  namespace: confluent\nspec:\n` +
  `  replicas: ${opts.replicas ?? 3}\n  image:\n    application: ${opts.image ?? 'confluentinc/cp-server:7.9.0'}\n    init: confluentinc/confluent-init-container:2.11.0\n  dataVolumeCapacity: 10Gi\n` +
  (server ? `  configOverrides:\n    server:\n${server.map((l) => `      - ${l}\n`).join('')}` : '');

const topic = (body: string, name = 'orders') =>
  `apiVersion: platform.confluent.io/v1beta1\nkind: KafkaTopic\nmetadata:\n  name: ${name}\n  namespace: confluent\nspec:\n${body}`;

const units = (text: string) => parseFile({ text, path: P })!.units;
const found = (text: string) => lint({ text, path: P }, O).findings.map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);
const fixAll = (text: string) => fixText({ text, path: P }, O, { unsafe: true }).output;

describe('Confluent for Kubernetes: the model', () => {
  it("reads a Kafka resource's configOverrides.server lines as broker settings, with its replicas and image tag", () => {
    const text = kafka(['min.insync.replicas=2', '"unclean.leader.election.enable=false"', "'log.retention.hours=168'", 'config.providers=file']);
    const [u] = units(text);
    assert.equal(u.surface, 'cfk-kafka');
    assert.equal(u.role, 'broker');
    assert.equal(u.facts.brokerCount, 3);
    assert.deepEqual(u.facts.kafkaVersion, { version: '3.9', from: 'confluentinc/cp-server:7.9.0' });
    assert.deepEqual(u.facts.operatorSets?.keys, [
      'default.replication.factor',
      'min.insync.replicas',
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
      'auto.create.topics.enable',
    ]);
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.value, text.slice(s.keySpan.start, s.keySpan.end), text.slice(s.valueSpan.start, s.valueSpan.end)]),
      [
        ['min.insync.replicas', '2', 'min.insync.replicas', '2'],
        ['unclean.leader.election.enable', 'false', 'unclean.leader.election.enable', 'false'],
        ['log.retention.hours', '168', 'log.retention.hours', '168'],
        ['config.providers', 'file', 'config.providers', 'file'],
      ],
    );
    assert.equal(text.slice(u.anchor.start, u.anchor.end), 'server');
  });

  it("reads a line's value as written: no compose interpolation, and a config provider reference is not judged", () => {
    const [u] = units(kafka(['ssl.key.password=pa$$word', 'min.insync.replicas=${file:/mnt/secrets/broker.properties:min.isr}', 'default.replication.factor=${RF:-1}']));
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.value, s.dynamic]),
      [
        ['ssl.key.password', 'pa$$word', false],
        ['min.insync.replicas', '${file:/mnt/secrets/broker.properties:min.isr}', true],
        ['default.replication.factor', '${RF:-1}', true],
      ],
    );
    assert.deepEqual(found(kafka(['default.replication.factor=${RF:-1}'])), []);
  });

  it('reads a KafkaTopic: spec.replicas as its replication factor, spec.configs as its configs', () => {
    const text = topic('  replicas: 3\n  partitionCount: 12\n  configs:\n    cleanup.policy: "delete"\n    min.insync.replicas: "2"\n');
    const [u] = units(text);
    assert.equal(u.surface, 'cfk-topic');
    assert.equal(u.role, 'topic');
    assert.deepEqual(u.settings.map((s) => [s.key, s.value]), [['replication.factor', '3'], ['cleanup.policy', 'delete'], ['min.insync.replicas', '2']]);
  });

  it("gives a topic the broker count and version of the file's one Kafka resource, and none when there are two", () => {
    const one = kafka(undefined, { replicas: 5, image: 'confluentinc/cp-server:8.0.0' }) + '---\n' + topic('  replicas: 3\n');
    const t = units(one).find((u) => u.surface === 'cfk-topic')!;
    assert.equal(t.facts.brokerCount, 5);
    assert.deepEqual(t.facts.kafkaVersion, { version: '4.0', from: 'confluentinc/cp-server:8.0.0 (kafka/kafka)' });
    const two = one + '---\n' + kafka(undefined, { name: 'other', replicas: 1 });
    const t2 = units(two).find((u) => u.surface === 'cfk-topic')!;
    assert.equal(t2.facts.brokerCount, undefined);
    assert.equal(t2.facts.kafkaVersion, undefined);
    // Named by spec.kafkaClusterRef: that one.
    const named = two + '---\n' + topic('  replicas: 3\n  kafkaClusterRef:\n    name: other\n', 'audit');
    assert.equal(units(named).find((u) => u.facts.resourceName === 'audit')!.facts.brokerCount, 1);
  });

  it('reads nothing from other APIs that name the same kinds, or from CFK kinds it does not know', () => {
    const cpc = 'apiVersion: apps.cpc.platform.confluent.io/v1beta1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  parameters:\n    replicationFactor: 1\n';
    assert.deepEqual(units(cpc), []);
    const connect = 'apiVersion: platform.confluent.io/v1beta1\nkind: Connect\nmetadata:\n  name: connect\nspec:\n  replicas: 1\n  configOverrides:\n    server:\n      - producer.acks=0\n  image:\n    application: confluentinc/cp-server-connect:7.9.0\n';
    assert.deepEqual(units(connect), []);
    assert.deepEqual(found(connect), []);
  });
});

describe('Confluent for Kubernetes: findings', () => {
  it("is quiet about what CFK sets from the broker count when the resource leaves it unset", () => {
    assert.deepEqual(found(kafka(undefined)), []);
    // Kafka's default replication factor (1) would make auto-created topics single-replica; CFK's does not.
    assert.deepEqual(found(kafka(['auto.create.topics.enable=true'])), []);
    // A min ISR written as 3 against an unset replication factor: CFK's, not Kafka's 1.
    assert.deepEqual(found(kafka(['min.insync.replicas=3'])), []);
    // A topic without its own min ISR has the brokers' one.
    assert.deepEqual(found(kafka(undefined) + '---\n' + topic('  replicas: 2\n')).filter((f) => f.startsWith('min-isr')), []);
  });

  it('judges what the lines write, as in server.properties', () => {
    const text = kafka(['min.insync.replicas=1', 'unclean.leader.election.enable=true', 'default.replication.factor=1', 'min.insync.replica=2', 'log.flush.interval.messages=1']);
    assert.deepEqual(found(text), [
      'min-insync-replicas warning 1',
      'unclean-leader-election error true',
      'replication-factor warning 1',
      'unknown-key warning min.insync.replica',
      'flush-policy information 1',
    ]);
    // Topic auto-creation with a written replication factor of 1: what CFK sets auto-creation to is not known here.
    assert.deepEqual(found(kafka(['default.replication.factor=1'])), ['replication-factor warning 1']);
    assert.deepEqual(found(kafka(['default.replication.factor=1', 'auto.create.topics.enable=true'])).map((f) => f.split(' ')[0]), ['replication-factor', 'auto-create-topics']);
    // Written against each other: min ISR 3 with a replication factor of 3.
    assert.deepEqual(found(kafka(['default.replication.factor=3', 'min.insync.replicas=3'])).map((f) => f.split(' ').slice(0, 2).join(' ')), ['min-isr-vs-replication warning']);
    // One broker: a min ISR of 1 is all it can have, and one replica is reported as information.
    assert.deepEqual(found(kafka(['min.insync.replicas=1', 'default.replication.factor=1'], { replicas: 1 })), ['replication-factor information 1']);
  });

  it("judges a KafkaTopic's replicas and configs against the cluster's brokers", () => {
    const text = kafka(undefined) + '---\n' + topic('  replicas: 3\n  configs:\n    min.insync.replicas: "1"\n    unclean.leader.election.enable: "true"\n');
    assert.deepEqual(found(text), ['min-insync-replicas warning 1', 'unclean-leader-election error true']);
    assert.deepEqual(found(topic('  replicas: 1\n')), ['replication-factor warning 1']);
  });

  it('keeps a duplicated line apart and says which one wins', () => {
    const f = lint({ text: kafka(['min.insync.replicas=1', 'min.insync.replicas=2']), path: P }, O).findings.filter((x) => x.ruleId === 'duplicate-key');
    assert.equal(f.length, 1);
  });
});

describe('Confluent for Kubernetes: fixes', () => {
  it("edits a line's value inside its item, keeping its quotes, and appends lines in the list's style", () => {
    const text = kafka(['"min.insync.replicas=1"', '"unclean.leader.election.enable=true"']);
    const out = fixAll(text);
    assert.match(out, /\n {6}- "min\.insync\.replicas=2"\n {6}- "unclean\.leader\.election\.enable=false"\n {6}- "default\.replication\.factor=3"\n$/);
    assert.deepEqual(found(out), []);
    assert.equal(fixAll(out), out);
  });

  it('renames a misspelt key inside its line and removes a flush line, with the list when it was the only line', () => {
    const renamed = fixAll(kafka(['min.insync.replica=2']));
    assert.match(renamed, /\n {6}- min\.insync\.replicas=2\n$/);
    const removed = fixAll(kafka(['log.flush.interval.ms=10']));
    assert.ok(!removed.includes('configOverrides'), removed);
    assert.ok(removed.endsWith('  dataVolumeCapacity: 10Gi\n'), removed);
  });

  it('creates spec.configOverrides.server when the resource has none', () => {
    const text = kafka(undefined);
    const file = parseFile({ text, path: P })!;
    const edits = createFixer(file).insert(file.units[0], 'min.insync.replicas', '2');
    const out = applyEdits(text, edits).text;
    assert.ok(out.endsWith('  dataVolumeCapacity: 10Gi\n  configOverrides:\n    server:\n      - min.insync.replicas=2\n'), out);
    assert.deepEqual(parseFile({ text: out, path: P })!.units[0].settings.map((s) => [s.key, s.value]), [['min.insync.replicas', '2']]);
    // With configOverrides (jvm options only): server goes below it.
    const jvm = text + '  configOverrides:\n    jvm:\n      - "-Xmx4g"\n';
    const f2 = parseFile({ text: jvm, path: P })!;
    const out2 = applyEdits(jvm, createFixer(f2).insert(f2.units[0], 'min.insync.replicas', '2')).text;
    assert.ok(out2.endsWith('    jvm:\n      - "-Xmx4g"\n    server:\n      - min.insync.replicas=2\n'), out2);
  });

  it("writes a KafkaTopic's configs as strings (the CRD refuses numbers there) and its replicas as a number", () => {
    const text = kafka(undefined) + '---\n' + topic('  replicas: 3\n  configs:\n    min.insync.replicas: 1\n');
    assert.match(fixAll(text), /\n {4}min\.insync\.replicas: "2"\n$/);
    const none = topic('  replicas: 3\n  partitionCount: 4\n');
    const file = parseFile({ text: none, path: P })!;
    const t = file.units[0];
    const out = applyEdits(none, [...createFixer(file).insert(t, 'min.insync.replicas', '2')]).text;
    assert.ok(out.endsWith('  partitionCount: 4\n  configs:\n    min.insync.replicas: "2"\n'), out);
    const one = topic('  replicas: 1\n');
    assert.match(fixAll(one), /\n {2}replicas: 3\n$/);
  });

  it('"disable for this line" comments work above a line of the list', () => {
    const text = kafka(['unclean.leader.election.enable=true']).replace('      - unclean', '      # kafka-lint-disable-next-line unclean-leader-election -- recovery drill\n      - unclean');
    assert.deepEqual(found(text), []);
  });
});

describe('Confluent for Kubernetes: hover, completion and the editor', () => {
  it('explains that CFK picks the value when the resource leaves it unset', () => {
    const text = kafka(['min.insync.replicas=2']);
    const h = describeAt(parseFile({ text, path: P })!, text.indexOf('min.insync.replicas') + 3, O)!;
    assert.match(h.markdown, /Default when unset: not known from this file; Confluent for Kubernetes writes the brokers' configuration/);
    assert.doesNotMatch(h.markdown, /Default when unset: `1`/);
    const zh = describeAt(parseFile({ text, path: P })!, text.indexOf('min.insync.replicas') + 3, resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }]))!;
    assert.match(zh.markdown, /broker 的配置由 Confluent for Kubernetes 生成/);
    // A key CFK does not set has Kafka's default, for the image's version.
    const u = describeAt(parseFile({ text: kafka(['unclean.leader.election.enable=true']), path: P })!, kafka(['unclean.leader.election.enable=true']).indexOf('unclean') + 3, O)!;
    assert.match(u.markdown, /Default when unset: `false` \(Kafka 3\.9 default; Kafka 3\.9 from `confluentinc\/cp-server:7\.9\.0`\)/);
  });

  it('completes broker keys with their `=` in a server line, and their values after it', () => {
    const text = kafka(['min.insync.replicas=2', 'unclean.leader']);
    const at = text.indexOf('unclean.leader') + 'unclean.leader'.length;
    const keys = completeAt(text, P, at, O);
    const k = keys.find((i) => i.label === 'unclean.leader.election.enable')!;
    assert.equal(k.insertText, 'unclean.leader.election.enable=');
    assert.deepEqual([k.replace.start, k.replace.end], [at - 'unclean.leader'.length, at]);
    const v = kafka(['auto.create.topics.enable=f']);
    const vat = v.indexOf('=f') + 2;
    assert.deepEqual(completeAt(v, P, vat, O).map((i) => i.label).sort(), ['false', 'true']);
    const t = topic('  replicas: 3\n  configs:\n    min.insy\n');
    const tat = t.indexOf('min.insy') + 'min.insy'.length;
    assert.ok(completeAt(t, P, tat, O).some((i) => i.label === 'min.insync.replicas' && i.insertText === 'min.insync.replicas: '));
    // Values in a topic's configs are strings.
    const tv = topic('  replicas: 3\n  configs:\n    unclean.leader.election.enable: \n');
    const tvat = tv.indexOf('enable: ') + 'enable: '.length;
    assert.deepEqual(completeAt(tv, P, tvat, O).map((i) => i.insertText).sort(), ['"false"', '"true"']);
    const tq = tv.replace('enable: ', 'enable: "t');
    assert.deepEqual(completeAt(tq, P, tvat + 2, O).map((i) => i.insertText).sort(), ['"false', '"true']);
  });

  it('an editor reads the resource again after each edit, with the same findings as a fresh lint', () => {
    const l = createDocumentLinter();
    let text = kafka(['min.insync.replicas=2']);
    assert.deepEqual(l.lint(text, P, O, 'yaml').findings, []);
    text = text.replace('min.insync.replicas=2', 'min.insync.replicas=1');
    const again = l.lint(text, P, O, 'yaml').findings.map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(again, ['min-insync-replicas 1']);
    const fixes = l.lint(text, P, O, 'yaml').findings[0].fixes;
    assert.match(applyEdits(text, fixes[0].edits).text, /- min\.insync\.replicas=2\n {6}- default\.replication\.factor=3\n$/);
  });
});
