// Kafka brokers run by Kubernetes workloads (surface 'k8s-broker'): a container of a Confluent,
// Apache, Bitnami or Debezium image, configured by its env list as a compose broker service is by
// its environment; the workload's replicas count the brokers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester.js';
import { fixText, lint, parseFile } from '../../server/src/engine/index.js';
import { describeAt } from '../../server/src/engine/describe.js';
import { completeAt } from '../../server/src/engine/complete.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { readYamlStream } from '../../server/src/engine/parsers/yaml.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';

const K = 'k8s/kafka.yaml';
const O = resolveOptions([]);

/** A StatefulSet of `replicas` pods running `image`, with these env items (8 spaces in, block form). */
const sts = (env: string, opts: { replicas?: number | string; image?: string; kind?: string; name?: string; extra?: string } = {}) =>
  `apiVersion: apps/v1\nkind: ${opts.kind ?? 'StatefulSet'}\nmetadata:\n  name: ${opts.name ?? 'kafka'}\nspec:\n` +
  (opts.replicas === undefined ? '' : `  replicas: ${opts.replicas}\n`) +
  `  template:\n    spec:\n      containers:\n      - name: kafka\n        image: ${opts.image ?? 'confluentinc/cp-kafka:7.9.0'}\n${opts.extra ?? ''}        env:\n${env}`;

const item = (name: string, value: string) => `        - name: ${name}\n          value: "${value}"\n`;
const units = (text: string) => parseFile({ text, path: K })!.units;
const found = (text: string) => lint({ text, path: K }, O).findings.map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);

describe('Kafka brokers in Kubernetes workloads: the model', () => {
  it("reads the container's variables as its image reads them, with the replicas as the broker count and the image tag as the version", () => {
    const text = sts(item('KAFKA_MIN_INSYNC_REPLICAS', '2') + item('KAFKA_DEFAULT_REPLICATION_FACTOR', '3') + item('KAFKA_HEAP_OPTS', '-Xmx1G'), { replicas: 3 });
    const [u] = units(text);
    assert.equal(u.surface, 'k8s-broker');
    assert.equal(u.role, 'broker');
    assert.equal(u.facts.brokerCount, 3);
    assert.deepEqual(u.facts.kafkaVersion, { version: '3.9', from: 'confluentinc/cp-kafka:7.9.0' });
    assert.deepEqual(u.settings.map((s) => [s.key, s.value]), [['min.insync.replicas', '2'], ['default.replication.factor', '3']]);
    assert.equal(text.slice(u.anchor.start, u.anchor.end), 'kafka');
  });

  it('counts the brokers of a file: one Deployment per broker, a Pod as one, a DaemonSet as not known, a controller as none', () => {
    const three = [0, 1, 2].map((i) => sts('', { kind: 'Deployment', name: `kafka-${i}`, replicas: 1 })).join('---\n');
    assert.deepEqual(units(three).map((u) => u.facts.brokerCount), [3, 3, 3]);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kafka\nspec:\n  containers:\n  - name: kafka\n    image: apache/kafka:3.9.0\n    env:\n    - {name: KAFKA_NUM_PARTITIONS, value: "3"}\n';
    assert.deepEqual(units(pod).map((u) => u.facts.brokerCount), [1]);
    assert.deepEqual(units(sts('', { kind: 'DaemonSet' })).map((u) => u.facts.brokerCount), [undefined]);
    const controllers = sts(item('KAFKA_PROCESS_ROLES', 'controller'), { replicas: 3, name: 'controller' }) + '---\n' + sts(item('KAFKA_PROCESS_ROLES', 'broker'), { replicas: 2 });
    assert.deepEqual(units(controllers).map((u) => u.facts.brokerCount), [2, 2]);
  });

  it('reads no broker where the image is no broker, runs a tool, or takes its settings from a file', () => {
    assert.deepEqual(units(sts(item('KAFKA_MIN_INSYNC_REPLICAS', '1'), { image: 'registry.example.com/orders:1.0' })), []);
    assert.deepEqual(units(sts(item('KAFKA_MIN_INSYNC_REPLICAS', '1'), { extra: '        command: ["kafka-topics", "--create", "--topic", "t"]\n' })), []);
    assert.deepEqual(units(sts(item('KAFKA_MIN_INSYNC_REPLICAS', '1'), { extra: '        command: ["kafka-server-start", "/config/server.properties"]\n' })), []);
    assert.equal(units(sts(item('KAFKA_MIN_INSYNC_REPLICAS', '1'), { extra: '        command: ["/etc/confluent/docker/run"]\n' })).length, 1);
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\nspec:\n  template:\n    spec:\n      containers:\n      - name: t\n        image: apache/kafka:3.9.0\n        env:\n' + item('KAFKA_MIN_INSYNC_REPLICAS', '1');
    assert.deepEqual(units(job), []);
    assert.deepEqual(units(sts(item('KAFKA_MIN_INSYNC_REPLICAS', '1'), { image: '"{{ .Values.image }}"' })), []);
  });

  it('does not judge values from valueFrom or $(VAR)', () => {
    const text = sts('        - name: KAFKA_MIN_INSYNC_REPLICAS\n          valueFrom:\n            configMapKeyRef: {name: kafka, key: min-isr}\n' + item('KAFKA_DEFAULT_REPLICATION_FACTOR', '$(RF)'), { replicas: 3 });
    assert.deepEqual(units(text)[0].settings.map((s) => [s.key, s.dynamic]), [['min.insync.replicas', true], ['default.replication.factor', true]]);
    assert.ok(!found(text).some((f) => f.startsWith('min-insync-replicas') || f.startsWith('replication-factor')), found(text).join('\n'));
  });
});

describe('Kafka brokers in Kubernetes workloads: findings and fixes', () => {
  it('judges the variables as a compose broker service is judged', () => {
    const text = sts(item('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', '1') + item('KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', 'true') + item('KAFKA_MIN_INSYNC_REPLICAS', '1'), { replicas: 3 });
    const ids = found(text).map((f) => f.split(' ').slice(0, 2).join(' '));
    for (const id of ['replication-factor warning', 'unclean-leader-election error', 'min-insync-replicas warning']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    // One broker: one replica is all a topic can have.
    const single = sts(item('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', '1'));
    assert.deepEqual(found(single).filter((f) => f.startsWith('replication-factor')), ['replication-factor information 1']);
  });

  it("fixes keep values strings and add items in the list's form; a second run changes nothing", () => {
    const text = sts(item('KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', 'true') + '        - {name: KAFKA_NUM_PARTITIONS, value: "3"}\n', { replicas: 3 });
    const fixed = fixText({ text, path: K }, O, { unsafe: true });
    assert.match(fixed.output, /- name: KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE\n {10}value: "false"\n/);
    assert.match(fixed.output, /- name: KAFKA_MIN_INSYNC_REPLICAS\n {10}value: "2"\n/);
    assert.doesNotMatch(fixed.output, /value: (?:true|false|\d+)\s*$/m);
    assert.deepEqual(readYamlStream(fixed.output).docs.map((d) => d.errors.length), [0]);
    assert.equal(fixText({ text: fixed.output, path: K }, O, { unsafe: true }).applied, 0);
  });

  it("names variables as the image reads them (Bitnami's KAFKA_CFG_*), and explains a variable the image ignores", () => {
    const text = sts(item('KAFKA_MIN_INSYNC_REPLICAS', '2'), { replicas: 3, image: 'bitnami/kafka:3.9.0' });
    const u = units(text)[0];
    assert.deepEqual(u.settings, []);
    assert.deepEqual(u.facts.ignoredEnv?.map((e) => [e.name, e.suggestedName]), [['KAFKA_MIN_INSYNC_REPLICAS', 'KAFKA_CFG_MIN_INSYNC_REPLICAS']]);
    // env-var-image reads compose files only (RULES.md); here the setting is judged as what it is: unset.
    const r = lint({ text, path: K }, O);
    assert.ok(!r.findings.some((f) => f.ruleId === 'env-var-image'));
    const min = r.findings.find((f) => f.ruleId === 'min-insync-replicas');
    assert.ok(min, r.findings.map((f) => f.ruleId).join(','));
    assert.match(min.message, /KAFKA_CFG_MIN_INSYNC_REPLICAS/);
    const md = describeAt(parseFile({ text, path: K })!, text.indexOf('KAFKA_MIN_INSYNC_REPLICAS') + 2, O)?.markdown ?? '';
    assert.match(md, /ignores `KAFKA_MIN_INSYNC_REPLICAS`/);
  });
});

describe('Kafka brokers in Kubernetes workloads: in the editor', () => {
  it("completes the image's variable names and their values (as strings) in a broker container's env list", () => {
    const base = sts(item('KAFKA_NUM_PARTITIONS', '3'), { replicas: 3, image: 'bitnami/kafka:3.9.0' });
    const at = (line: string) => completeAt(base + line, K, (base + line).length, O);
    const names = at('        - name: KAFKA_CFG_MIN_IN');
    assert.ok(names.some((i) => i.label === 'KAFKA_CFG_MIN_INSYNC_REPLICAS'), names.map((i) => i.label).slice(0, 5).join(','));
    assert.ok(!names.some((i) => i.label.startsWith('SPRING_KAFKA_')));
    const values = at('        - name: KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE\n          value: ');
    assert.deepEqual(values.map((i) => i.insertText).sort(), ['"false"', '"true"']);
  });

  it("an edit of one workload's replicas changes what is said of another's broker, as a fresh lint says it", () => {
    const linter = createDocumentLinter();
    const two = (n: number) => sts(item('KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', '1'), { kind: 'Deployment', name: 'kafka-0', replicas: 1 }) + '---\n' + sts('', { kind: 'Deployment', name: 'kafka-1', replicas: n });
    const rf = (fs: { ruleId: string; severity: string }[]) => fs.filter((f) => f.ruleId === 'replication-factor').map((f) => f.severity);
    for (const n of [0, 2, 0, 5]) {
      const text = two(n);
      const got = linter.lint(text, K, O).findings;
      assert.deepEqual(got.map((f) => `${f.ruleId}@${f.span.start}:${f.message}`), lint({ text, path: K }, O).findings.map((f) => `${f.ruleId}@${f.span.start}:${f.message}`), `replicas ${n}`);
      assert.deepEqual(rf(got), [n === 0 ? 'information' : 'warning'], `replicas ${n}`);
    }
  });
});

describe("Kafka brokers in Kubernetes workloads: variables from envFrom", () => {
  const cm = (name: string, data: string, ns?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}data:\n${data}`;
  const from = (...refs: string[]) => `        envFrom:\n${refs.join('')}`;
  const ref = (name: string, prefix?: string, kind = 'configMapRef') => `        - ${prefix ? `prefix: ${prefix}\n          ` : ''}${kind}:\n            name: ${name}\n`;

  it('reads a ConfigMap of the file as part of the container: judged where it is written, no unset finding for what it sets', () => {
    const text = cm('kafka-env', '  KAFKA_MIN_INSYNC_REPLICAS: "2"\n  KAFKA_DEFAULT_REPLICATION_FACTOR: "3"\n  KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n') + '---\n' + sts('', { replicas: 3, extra: from(ref('kafka-env')) });
    const [u] = units(text);
    assert.deepEqual(u.settings.map((s) => [s.key, s.value]), [['min.insync.replicas', '2'], ['default.replication.factor', '3'], ['unclean.leader.election.enable', 'true']]);
    assert.deepEqual(u.facts.envFrom, ['ConfigMap kafka-env']);
    // Before, the container's min ISR was judged unset (a false warning) and the ConfigMap's unclean election was not seen.
    assert.deepEqual(found(text), ['unclean-leader-election error true']);
    const fixed = fixText({ text, path: K }, O, { unsafe: true });
    assert.match(fixed.output, /KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n/);
    assert.equal(fixed.output.length, text.length + 1);
  });

  it("applies Kubernetes' precedence: a later source over an earlier one, the container's env over both", () => {
    const text =
      cm('a', '  KAFKA_MIN_INSYNC_REPLICAS: "1"\n  KAFKA_DEFAULT_REPLICATION_FACTOR: "1"\n') + '---\n' + cm('b', '  KAFKA_MIN_INSYNC_REPLICAS: "2"\n') + '---\n' +
      sts(item('KAFKA_DEFAULT_REPLICATION_FACTOR', '3'), { replicas: 3, extra: from(ref('a'), ref('b')) });
    const f = found(text);
    assert.ok(!f.some((x) => x.startsWith('min-insync-replicas') || x.startsWith('replication-factor')), f.join('\n'));
    // The overridden entries are reported as having no effect, where they are written.
    const dups = lint({ text, path: K }, O).findings.filter((x) => x.ruleId === 'duplicate-key');
    assert.deepEqual(dups.map((d) => text.slice(d.span.start, d.span.end)), ['KAFKA_MIN_INSYNC_REPLICAS', 'KAFKA_DEFAULT_REPLICATION_FACTOR']);
    assert.ok(dups.every((d) => d.span.start < text.indexOf('name: b')), 'both in ConfigMap a');
  });

  it('does not judge what the container leaves unset while a source it takes in is not in the file', () => {
    const text = sts(item('KAFKA_PROCESS_ROLES', 'broker,controller'), { replicas: 3, extra: from(ref('kafka-env')) });
    assert.deepEqual(units(text)[0].facts.envElsewhere, ['ConfigMap kafka-env (envFrom)']);
    assert.deepEqual(found(text), []);
    // A value it does write is still judged.
    assert.deepEqual(found(sts(item('KAFKA_MIN_INSYNC_REPLICAS', '1'), { replicas: 3, extra: from(ref('kafka-env')) })).map((f) => f.split(' ')[0]), ['min-insync-replicas']);
    const md = describeAt(parseFile({ text, path: K })!, text.indexOf('KAFKA_PROCESS_ROLES') + 2, O)?.markdown ?? '';
    assert.match(md, /variables also come from `ConfigMap kafka-env \(envFrom\)`, which this file does not show/);
    // Without envFrom the same container is judged on defaults.
    assert.ok(found(sts(item('KAFKA_PROCESS_ROLES', 'broker,controller'), { replicas: 3 })).some((f) => f.startsWith('min-insync-replicas')));
  });

  it("a compose broker service's env_file is such a source too", () => {
    const C = 'docker-compose.yml';
    const text = 'services:\n' + [1, 2, 3].map((i) => `  kafka${i}:\n    image: apache/kafka:3.9.0\n    env_file: kafka.env\n    environment:\n      KAFKA_PROCESS_ROLES: broker,controller\n`).join('');
    const file = parseFile({ text, path: C })!;
    assert.deepEqual(file.units.map((u) => u.facts.envElsewhere), [['kafka.env (env_file)'], ['kafka.env (env_file)'], ['kafka.env (env_file)']]);
    assert.deepEqual(lint({ text, path: C }, O).findings.map((f) => f.ruleId), []);
    const md = describeAt(file, text.indexOf('KAFKA_PROCESS_ROLES') + 2, O)?.markdown ?? '';
    assert.match(md, /variables also come from `kafka\.env \(env_file\)`/);
    // Without it, the same services are judged on Kafka's defaults.
    assert.ok(lint({ text: text.replace(/ {4}env_file: kafka\.env\n/g, ''), path: C }, O).findings.some((f) => f.ruleId === 'min-insync-replicas'));
  });

  it('reads the env files the host can read: judged at the env_file entry, never edited, overridden by environment and by later files', () => {
    const C = 'stack/docker-compose.yml';
    const svc = (i: number, envFile: string, env = '') => `  kafka${i}:\n    image: apache/kafka:3.9.0\n    env_file: ${envFile}\n    environment:\n      KAFKA_NODE_ID: ${i}\n${env}`;
    const text = 'services:\n' + svc(1, 'kafka.env') + svc(2, '[kafka.env, ./override.env]') + svc(3, 'kafka.env', '      KAFKA_MIN_INSYNC_REPLICAS: 2\n');
    const files: Record<string, string> = {
      'kafka.env': '# shared\nexport KAFKA_PROCESS_ROLES=broker,controller\nKAFKA_DEFAULT_REPLICATION_FACTOR=3\nKAFKA_MIN_INSYNC_REPLICAS=1 # "fast"\nKAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=\'false\'\n',
      './override.env': 'KAFKA_MIN_INSYNC_REPLICAS="2"\nKAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=${UNCLEAN}\n',
    };
    const asked: string[][] = [];
    const readEnvFile = (ref: string, from: string) => (asked.push([ref, from]), files[ref]);
    const r = lint({ text, path: C, readEnvFile }, O);
    assert.ok(asked.every(([, from]) => from === C));
    const service = (at: number) => /kafka\d(?=:\n)/g.exec(text.slice(text.lastIndexOf('\n  kafka', at)))![0];
    const f = r.findings.map((x) => `${service(x.span.start)} ${x.ruleId} ${text.slice(x.span.start, x.span.end)} ${x.fixes.length}`);
    // kafka1: min ISR 1 from kafka.env; kafka2: override.env's values win over kafka.env's (its unclean
    // election is not known); kafka3: environment's 2 wins over kafka.env's 1. No fix edits an env file.
    assert.deepEqual(f, [
      'kafka1 min-insync-replicas kafka.env 0',
      'kafka2 duplicate-key kafka.env 0',
      'kafka2 duplicate-key kafka.env 0',
      'kafka3 duplicate-key kafka.env 0',
    ]);
    assert.ok(!r.findings.some((x) => x.ruleId === 'unclean-leader-election'));
    const m = r.findings.find((x) => x.ruleId === 'min-insync-replicas')!.message;
    assert.match(m, /^`KAFKA_MIN_INSYNC_REPLICAS=1 \(kafka\.env\)`/);
    const u = parseFile({ text, path: C, readEnvFile })!.units;
    assert.deepEqual(u.map((x) => [x.facts.envFilesRead, x.facts.envElsewhere]), [[['kafka.env (env_file)'], undefined], [['kafka.env (env_file)', './override.env (env_file)'], undefined], [['kafka.env (env_file)'], undefined]]);
    // Hover on the entry lists what the file sets, and what overrides it.
    const md = describeAt(parseFile({ text, path: C, readEnvFile })!, text.lastIndexOf('kafka.env') + 2, O)?.markdown ?? '';
    assert.match(md, /^\*\*`kafka\.env`\*\* \(`env_file`\)/);
    assert.match(md, /- `KAFKA_MIN_INSYNC_REPLICAS` → `min\.insync\.replicas` = `1` — overridden in `environment`/);
    // A file the host cannot read stays a source the file does not show.
    const unread = parseFile({ text, path: C, readEnvFile: (ref) => (ref === 'kafka.env' ? files[ref] : undefined) })!.units[1];
    assert.deepEqual(unread.facts.envElsewhere, ['./override.env (env_file)']);
    // The editor's linter reads them the same way, and again when they change.
    const linter = createDocumentLinter();
    for (const v of ['1', '2', '1']) {
      files['kafka.env'] = files['kafka.env'].replace(/KAFKA_MIN_INSYNC_REPLICAS=\d/, `KAFKA_MIN_INSYNC_REPLICAS=${v}`);
      const key = (fs: { ruleId: string; span: { start: number }; message: string }[]) => fs.map((x) => `${x.ruleId}@${x.span.start}:${x.message}`);
      assert.deepEqual(key(linter.lint(text, C, O, undefined, undefined, readEnvFile).findings), key(lint({ text, path: C, readEnvFile }, O).findings), v);
    }
  });

  it('counts brokers again with what the env files set: a service an env file makes a KRaft controller is none', () => {
    const C = 'stack/docker-compose.yml';
    const text =
      'services:\n  controller:\n    image: apache/kafka:3.9.0\n    env_file: controller.env\n' +
      '  broker:\n    image: apache/kafka:3.9.0\n    environment:\n      KAFKA_PROCESS_ROLES: broker\n      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n';
    const files: Record<string, string> = { 'controller.env': 'KAFKA_PROCESS_ROLES=controller\nKAFKA_NODE_ID=1\n' };
    const readEnvFile = (ref: string) => files[ref];
    assert.deepEqual(parseFile({ text, path: C, readEnvFile })!.units.map((u) => u.facts.brokerCount), [1, 1]);
    // One broker: its one replica of __consumer_offsets is all it can have, and the controller holds no partitions.
    const r = lint({ text, path: C, readEnvFile }, O).findings;
    assert.deepEqual(r.map((f) => [f.ruleId, f.severity]), [['replication-factor', 'information']]);
    // Unread, the env file's service counts as the broker its image starts by default.
    assert.deepEqual(parseFile({ text, path: C })!.units.map((u) => u.facts.brokerCount), [2, 2]);
    // The editor's linter counts the same way, and again when the file changes.
    const linter = createDocumentLinter();
    for (const roles of ['controller', 'broker,controller', 'controller']) {
      files['controller.env'] = `KAFKA_PROCESS_ROLES=${roles}\nKAFKA_NODE_ID=1\n`;
      const key = (fs: { ruleId: string; span: { start: number }; message: string }[]) => fs.map((x) => `${x.ruleId}@${x.span.start}:${x.message}`);
      assert.deepEqual(key(linter.lint(text, C, O, undefined, undefined, readEnvFile).findings), key(lint({ text, path: C, readEnvFile }, O).findings), roles);
    }
  });

  it("reports an env file's variable that the image ignores at its env_file entry, without a fix, and leaves the key it meant to the rename", () => {
    const C = 'stack/docker-compose.yml';
    const svc = (i: number, env = '') => `  kafka${i}:\n    image: bitnami/kafka:3.7\n    env_file: kafka.env\n${env}`;
    const text = 'services:\n' + svc(1) + svc(2, '    environment:\n      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n') + svc(3, '    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 3\n');
    const readEnvFile = () => 'KAFKA_CFG_DEFAULT_REPLICATION_FACTOR=3\nKAFKA_MIN_INSYNC_REPLICAS=2\nKAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE=false\n';
    const r = lint({ text, path: C, readEnvFile }, O).findings;
    const at = (f: { span: { start: number; end: number } }) => text.slice(f.span.start, f.span.end);
    assert.deepEqual(r.map((f) => [f.ruleId, at(f), f.fixes.length]), [
      ['env-var-image', 'kafka.env', 0],
      ['env-var-image', 'kafka.env', 0],
      // kafka3: its own `environment` variable is the one reported (with the rename); the env file's is overridden.
      ['env-var-image', 'KAFKA_MIN_INSYNC_REPLICAS', 1],
    ]);
    assert.match(r[0].message, /^`KAFKA_MIN_INSYNC_REPLICAS=2` \(kafka\.env\): the Bitnami image does not read this variable.* Rename it to `KAFKA_CFG_MIN_INSYNC_REPLICAS` in `kafka\.env`/);
    assert.match(r[1].message, /which this service already sets\. Remove `KAFKA_MIN_INSYNC_REPLICAS` from `kafka\.env`\.$/);
    // Hover on the entry names it among what the file sets.
    const md = describeAt(parseFile({ text, path: C, readEnvFile })!, text.indexOf('kafka.env') + 2, O)?.markdown ?? '';
    assert.match(md, /- `KAFKA_MIN_INSYNC_REPLICAS` — not read by this image, which reads `KAFKA_CFG_MIN_INSYNC_REPLICAS`/);
    assert.match(md, /- `KAFKA_CFG_DEFAULT_REPLICATION_FACTOR` → `default\.replication\.factor` = `3`/);
  });

  it("matches by namespace, applies the prefix, keeps a Secret's base64 data unjudged", () => {
    const text =
      cm('kafka-env', '  KAFKA_MIN_INSYNC_REPLICAS: "1"\n', 'other') + '---\n' +
      cm('extra', '  UNCLEAN_LEADER_ELECTION_ENABLE: "true"\n') + '---\n' +
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  KAFKA_MIN_INSYNC_REPLICAS: MQ==\n---\n' +
      sts('', { replicas: 3, extra: from(ref('kafka-env'), ref('extra', 'KAFKA_'), ref('s', undefined, 'secretRef')) }).replace('  name: kafka\nspec:', '  name: kafka\n  namespace: streaming\nspec:');
    const [u] = units(text);
    assert.deepEqual(u.facts.envElsewhere, ['ConfigMap kafka-env (envFrom)']);
    assert.deepEqual(u.facts.envFrom, ['ConfigMap extra (prefix KAFKA_)', 'Secret s']);
    assert.deepEqual(u.settings.map((s) => [s.key, s.value, s.dynamic]), [['unclean.leader.election.enable', 'true', false], ['min.insync.replicas', '', true]]);
    const fixed = fixText({ text, path: K }, O, { unsafe: true }).output;
    assert.match(fixed, /\n  UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n/);
    assert.match(fixed, /MQ==/);
  });

  it('adds a missing variable to the one ConfigMap a container without env takes in, as a string', () => {
    const text = cm('kafka-env', '  KAFKA_DEFAULT_REPLICATION_FACTOR: "3"\n') + '---\n' + sts('', { replicas: 3, extra: from(ref('kafka-env')) }).replace('        env:\n', '');
    const f = lint({ text, path: K }, O).findings.find((x) => x.ruleId === 'min-insync-replicas');
    assert.ok(f, found(text).join('\n'));
    const fixed = fixText({ text, path: K }, O, { unsafe: true, ruleIds: ['min-insync-replicas'] }).output;
    assert.match(fixed, /data:\n  KAFKA_DEFAULT_REPLICATION_FACTOR: "3"\n  KAFKA_MIN_INSYNC_REPLICAS: "2"\n---/);
    assert.deepEqual(readYamlStream(fixed).docs.map((d) => d.errors.length), [0, 0]);
  });

  it("offers the image's variable names in a ConfigMap a broker container takes in", () => {
    const base = cm('kafka-env', '  KAFKA_NUM_PARTITIONS: "3"\n');
    const tail = '---\n' + sts('', { replicas: 3, image: 'bitnami/kafka:3.9.0', extra: from(ref('kafka-env')) });
    const text = base + '  KAFKA_CFG_MIN_IN\n' + tail;
    const items = completeAt(text, K, base.length + '  KAFKA_CFG_MIN_IN'.length, O);
    assert.ok(items.some((i) => i.label === 'KAFKA_CFG_MIN_INSYNC_REPLICAS'), items.map((i) => i.label).slice(0, 5).join(','));
  });

  it('takes a valueFrom.configMapKeyRef value from a ConfigMap of the file: judged and fixed where it is written', () => {
    const keyRef = (name: string, cmName: string, key: string) => `        - name: ${name}\n          valueFrom:\n            configMapKeyRef:\n              name: ${cmName}\n              key: ${key}\n`;
    const text =
      sts(keyRef('KAFKA_MIN_INSYNC_REPLICAS', 'kafka-settings', 'min-isr') + keyRef('KAFKA_DEFAULT_REPLICATION_FACTOR', 'kafka-settings', 'rf') + keyRef('KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', 'elsewhere', 'x'), { replicas: 3 }) +
      '---\n' + cm('kafka-settings', '  min-isr: "1"\n  rf: "3"\n  SPRING_KAFKA_PRODUCER_ACKS: "0"\n');
    const [u, ...rest] = units(text);
    assert.deepEqual(u.settings.map((s) => [s.key, s.value, s.dynamic]), [['min.insync.replicas', '1', false], ['default.replication.factor', '3', false], ['unclean.leader.election.enable', '', true]]);
    assert.deepEqual(u.facts.envFrom, ['ConfigMap kafka-settings']);
    // The resource's own entries are still read as they were (it is no container's envFrom).
    assert.deepEqual(rest.map((x) => x.surface), ['spring-env']);
    const mis = lint({ text, path: K }, O).findings.find((f) => f.ruleId === 'min-insync-replicas')!;
    assert.equal(text.slice(mis.span.start, mis.span.end), '1');
    assert.ok(mis.span.start > text.indexOf('kind: ConfigMap'));
    const fixed = fixText({ text, path: K }, O, { unsafe: true, ruleIds: ['min-insync-replicas'] }).output;
    assert.match(fixed, /\n  min-isr: "2"\n/);
    assert.equal(fixed.length, text.length);
    const md = describeAt(parseFile({ text, path: K })!, text.indexOf('KAFKA_MIN_INSYNC_REPLICAS') + 2, O)?.markdown ?? '';
    assert.match(md, /Value from the entry `min-isr` of `ConfigMap kafka-settings`/);
  });

  it('an env item taking the entry envFrom also brings in is no duplicate; an entry a valueFrom names is never removed', () => {
    const keyRef = (name: string, key: string) => `        - name: ${name}\n          valueFrom:\n            configMapKeyRef: {name: kafka-env, key: ${key}}\n`;
    const same = sts(keyRef('KAFKA_MIN_INSYNC_REPLICAS', 'KAFKA_MIN_INSYNC_REPLICAS'), { replicas: 3, extra: from(ref('kafka-env')) }) + '---\n' + cm('kafka-env', '  KAFKA_MIN_INSYNC_REPLICAS: "2"\n  KAFKA_DEFAULT_REPLICATION_FACTOR: "3"\n');
    assert.deepEqual(found(same), []);
    // The entry is also read as KAFKA_MIN_INSYNC_REPLICAS through envFrom, and the container sets that again:
    // the entry has no effect there, but removing it would leave the other item's valueFrom without its key.
    const text =
      sts(keyRef('KAFKA_DEFAULT_REPLICATION_FACTOR', 'KAFKA_MIN_INSYNC_REPLICAS') + item('KAFKA_MIN_INSYNC_REPLICAS', '2'), { replicas: 3, extra: from(ref('kafka-env')) }) +
      '---\n' + cm('kafka-env', '  KAFKA_NUM_PARTITIONS: "6"\n  KAFKA_MIN_INSYNC_REPLICAS: "3"\n');
    const dup = lint({ text, path: K }, O).findings.find((f) => f.ruleId === 'duplicate-key');
    assert.ok(dup, found(text).join('\n'));
    assert.equal(text.slice(dup.span.start, dup.span.end), 'KAFKA_MIN_INSYNC_REPLICAS');
    assert.ok(dup.span.start > text.indexOf('kind: ConfigMap'));
    assert.deepEqual(dup.fixes, []);
  });

  it('an edit of the ConfigMap changes what is said of the container, as a fresh lint says it', () => {
    const linter = createDocumentLinter();
    // The ConfigMap after the workload, its value the same length: an edit of it leaves the
    // workload's document as it was, and with nothing to report that document's findings would be kept.
    const text = (v: string) =>
      sts(item('KAFKA_MIN_INSYNC_REPLICAS', '2') + item('KAFKA_DEFAULT_REPLICATION_FACTOR', '3'), { replicas: 3, extra: from(ref('kafka-env')) }) + '---\n' +
      cm('kafka-env', `  KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: ${v}\n`);
    for (const v of ['"false"', '"true" ', '"false"', '"true" ']) {
      const t = text(v);
      const got = linter.lint(t, K, O).findings.map((f) => `${f.ruleId}@${f.span.start}:${f.message}`);
      assert.deepEqual(got, lint({ text: t, path: K }, O).findings.map((f) => `${f.ruleId}@${f.span.start}:${f.message}`), v);
      assert.equal(got.length, v.includes('true') ? 1 : 0, `${v}: ${got.join('\n')}`);
    }
  });
});

ruleTester('unclean-leader-election', {
  valid: [{ name: 'a StatefulSet broker with unclean election off', path: K, code: sts(item('KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', 'false'), { replicas: 3 }) }],
  invalid: [
    {
      name: 'a StatefulSet broker with unclean election on',
      path: K,
      code: sts(item('KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', 'true'), { replicas: 3 }),
      errors: [{ text: 'true', severity: 'error' }],
      output: sts(item('KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', 'false'), { replicas: 3 }),
    },
  ],
});
