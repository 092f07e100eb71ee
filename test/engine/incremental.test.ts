// The per-document linter must give exactly what a fresh lint() gives, finding for finding, after
// any sequence of edits: random edits (fast-check) to realistic seeds of every format, with the
// fragments that stress where the incremental parsers cut (`---` lines, block scalars, quotes,
// flow collections, directives, backslash continuations, CR/CRLF, Go braces, raw strings and
// comments).   FC_SEED=<n> FC_RUNS=<n> reproduce or deepen a run.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lint, parseFile, type LintResult } from '../../server/src/engine/index.js';
import { createDocumentLinter, DEFER_CACHE_CHARS, yamlNodeRereads } from '../../server/src/engine/incremental.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import type { Rule } from '../../server/src/engine/rule.js';
import { createFixer } from '../../server/src/engine/fixer.js';
import { goAnalysisCounts } from '../../server/src/engine/parsers/goIncremental.js';
import type { ConfigUnit, Format, ParsedFile } from '../../server/src/engine/model.js';
import { resolveOptions } from '../../server/src/engine/options.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const RUNS = Number(process.env.FC_RUNS) || 30;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const params = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };

interface Seed {
  path: string;
  text: string;
}

/**
 * Go: many top-level functions (the incremental parser cuts before each), with what links them in
 * the analysis: a helper and a method returning configs, a package-level config set from functions,
 * init(), recursion, closures, and raw strings / block comments holding `func` lines.
 */
const GO_LINKED = `package events

import (
\t"fmt"
\t"time"

\tk "github.com/IBM/sarama"
)

var shared = k.NewConfig()

var banner = \`
func notAFunction() {
\`

func init() {
\tshared.Producer.RequiredAcks = k.WaitForLocal
}

func base(id string) *k.Config {
\tcfg := k.NewConfig()
\tcfg.ClientID = id
\tcfg.Producer.Retry.Max = 3
\treturn cfg
}

type svc struct{ cfg *k.Config }

func (s *svc) config() *k.Config {
\tc := base("svc")
\tc.Producer.Idempotent = true
\treturn c
}

/* a block comment
func commented() {
*/
func NewA(brokers []string) (k.SyncProducer, error) {
\tcfg := k.NewConfig()
\tcfg.Producer.RequiredAcks = k.WaitForAll
\tcfg.Producer.Retry.Backoff = 100 * time.Millisecond
\treturn k.NewSyncProducer(brokers, cfg)
}

func NewB(brokers []string) (k.SyncProducer, error) {
\tcfg := base("b")
\tcfg.Producer.RequiredAcks = k.NoResponse
\tgo func() { cfg.Producer.Retry.Max = 0 }()
\treturn k.NewSyncProducer(brokers, cfg)
}

func NewC(brokers []string) (k.AsyncProducer, error) {
\treturn k.NewAsyncProducer(brokers, shared)
}

func loop(n int) *k.Config {
\tif n > 0 {
\t\treturn loop(n - 1)
\t}
\treturn k.NewConfig()
}

func NewD(brokers []string) (k.ConsumerGroup, error) {
\tconfig := k.NewConfig()
\tconfig.Consumer.Offsets.AutoCommit.Enable = true
\tconfig.Consumer.Offsets.Initial = k.OffsetNewest
\tfmt.Println("d")
\treturn k.NewConsumerGroup(brokers, "d", config)
}

func NewE(brokers []string) (k.SyncProducer, error) {
\tcfg := k.NewConfig()
\tcfg.Producer.Idempotent = true
\tcfg.Net.MaxOpenRequests = 5
\treturn k.NewSyncProducer(brokers, cfg)
}

func durable(out *k.Config, n int) *k.Config {
\tout.Producer.RequiredAcks = k.WaitForLocal
\tout.Producer.Return.Successes = true
\treturn out
}

func NewF(brokers []string) (k.SyncProducer, error) {
\tcfg := k.NewConfig()
\tdurable(cfg, 1)
\treturn k.NewSyncProducer(brokers, durable(k.NewConfig(), 2))
}

func Given(cfg *k.Config) {
\tcfg.Producer.Idempotent = true
\tcfg.Consumer.Offsets.AutoCommit.Enable = true
}
`;

const SCST_YAML =
  'spring:\n  kafka:\n    producer:\n      acks: 1\n  cloud:\n    stream:\n      bindings:\n        orders-out-0:\n          destination: orders\n' +
  '        audit-in-0:\n          destination: audit\n      kafka:\n        binder:\n          configuration:\n            retries: 0\n' +
  '        bindings:\n          audit-in-0:\n            consumer:\n              start-offset: latest\n              enable-dql: true\n' +
  '---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  cloud:\n    stream:\n      bindings:\n        audit-in-0:\n          group: audit\n' +
  '        orders-out-0:\n          destination: orders\n      kafka:\n        binder:\n          required-acks: 1\n          transaction:\n            transaction-id-prefix: tx-\n';

const SEEDS: Record<Format, Seed[]> = {
  properties: [
    { path: 'producer.properties', text: read('test/property/corpus/producer.properties') },
    { path: 'server.properties', text: read('examples/kafka-broker/server.properties') },
    { path: 'consumer.properties', text: read('examples/legacy-batch/consumer.properties') + '\nlong.value=a\\\n  b\\\n  c\n' },
    {
      path: 'application.properties',
      text: read('examples/payment-service/src/main/resources/application.properties') + '\n#---\nspring.config.activate.on-profile=prod\nspring.kafka.producer.acks=1\n',
    },
    {
      path: 'application.properties',
      text:
        'spring.cloud.stream.bindings.orders-out-0.destination=orders\nspring.cloud.stream.bindings.audit-in-0.destination=audit\n' +
        'spring.cloud.stream.kafka.binder.configuration.enable.idempotence=false\nspring.kafka.producer.acks=1\n#---\nspring.config.activate.on-profile=prod\n' +
        'spring.cloud.stream.kafka.binder.required-acks=all\nspring.cloud.stream.bindings.audit-in-0.group=audit\nspring.cloud.stream.kafka.bindings.orders-out-0.producer.configuration.retries=0\n',
    },
  ],
  yaml: [
    {
      path: 'application.yml',
      text: read('examples/order-service/src/main/resources/application.yml') + '---\n' + read('examples/order-service/src/main/resources/application-prod.yml'),
    },
    { path: 'kafka.yaml', text: read('examples/k8s/strimzi/kafka-cluster.yaml') + '---\n' + read('examples/k8s/strimzi/topics.yaml') },
    { path: 'docker-compose.yml', text: read('examples/local-dev/docker-compose.yml') + '---\n' + read('test/property/corpus/docker-compose.yml') },
    // Spring Boot applications configured in Kubernetes containers' env lists.
    {
      path: 'deployment.yaml',
      text:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          env:\n' +
        '            - name: SPRING_KAFKA_PRODUCER_ACKS\n              value: "1"\n            - {name: SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT, value: "true"}\n' +
        '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: p\n      env:\n        - name: SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE\n          value: "false"\n' +
        // Brokers in two Deployments: each counts the other's.
        '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kafka-0\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: kafka\n          image: apache/kafka:3.9.0\n          env:\n            - {name: KAFKA_MIN_INSYNC_REPLICAS, value: "1"}\n' +
        '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kafka-1\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: kafka\n          image: apache/kafka:3.9.0\n          env:\n            - {name: KAFKA_DEFAULT_REPLICATION_FACTOR, value: "1"}\n',
    },
    // Brokers whose settings a ConfigMap of the file holds (envFrom), and a Spring Boot container's.
    { path: 'brokers.yaml', text: read('examples/k8s/brokers/analytics-kafka.yaml') + '---\n' + read('examples/k8s/apps/payments.yaml') },
    // Confluent for Kubernetes: a Kafka resource's server lines and the topics that learn its broker count.
    { path: 'confluent.yaml', text: read('examples/k8s/confluent/platform.yaml') + '---\n' + read('test/property/corpus/confluent.yaml') },
    // Files ConfigMaps hold, beside a Spring document of the manifest's own.
    { path: 'orders.yaml', text: read('test/property/corpus/configmap.yaml') + '---\nspring:\n  kafka:\n    producer:\n      acks: 1\n' },
    // Spring Boot applications configured in a compose file's environment.
    {
      path: 'docker-compose.yml',
      text:
        'services:\n  orders:\n    build: .\n    environment:\n      SPRING_KAFKA_LISTENER_ACK_MODE: MANUAL\n      SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: "false"\n' +
        '  billing:\n    image: example/billing\n    environment:\n      - SPRING_KAFKA_CONSUMER_ENABLEAUTOCOMMIT=true\n      - SPRING_KAFKA_PROPERTIES_ENABLE_IDEMPOTENCE=false\n',
    },
    { path: 'application.yml', text: read('test/property/corpus/application.yml') + '---\nspring:\n  kafka:\n    producer:\n      acks: &a 1\n      retries: *a\n' },
    // Many small documents whose findings the linter reuses, with facts that cross documents.
    { path: 'application.yml', text: springProfiles(12) },
    { path: 'topics.yaml', text: strimziTopics(12) },
    // Spring Cloud Stream's Kafka binder: bindings whose settings come from several documents.
    { path: 'application.yml', text: SCST_YAML },
  ],
  go: [
    { path: 'producer.go', text: read('examples/go-events/producer.go') },
    { path: 'consumer.go', text: read('examples/go-events/consumer.go') + '\n' + read('test/property/corpus/producer.go').replace(/^package \w+\n/, '').replace(/^import[^)]*\)\n|^import "[^"]*"\n/m, '') },
    { path: 'producer.go', text: read('test/property/corpus/producer.go') },
    { path: 'events.go', text: GO_LINKED },
    // segmentio/kafka-go Writers, beside sarama configs in the same file.
    { path: 'publisher.go', text: read('test/property/corpus/writer.go') + '\n' + read('examples/go-events/producer.go').replace(/^package \w+\n/, '').replace(/^import[^)]*\)\n|^import "[^"]*"\n/m, '') },
  ],
};

/**
 * Spring documents whose findings depend on other documents: a listener ack mode in the shared
 * document (auto-commit), a transactional producer in one profile (isolation-level), repeated
 * keys (duplicate-key names lines), producers only in some (shared units count as producers).
 */
function springProfiles(n: number): string {
  // The base document's settings hold in every profile's documents (engine/springProfiles.ts), and
  // documents of one profile (p0..p3) inherit from each other: edits change what others inherit.
  const docs = ['spring:\n  kafka:\n    listener:\n      ack-mode: manual\n    producer:\n      acks: all\n      properties:\n        "[max.in.flight.requests.per.connection]": 7\n    consumer:\n      group-id: base\n'];
  for (let i = 0; i < n; i++) {
    let d = `spring:\n  config:\n    activate:\n      on-profile: p${i % 4}\n  kafka:\n`;
    if (i % 3 === 0) d += `    producer:\n      acks: ${i % 2 ? 'all' : 1}\n      retries: ${i}\n`;
    if (i % 4 === 1) d += '    producer:\n      transaction-id-prefix: tx-\n';
    if (i % 3 !== 0 && i % 4 !== 1) d += `    properties:\n      enable.idempotence: ${i % 2 ? 'true' : 'false'}\n`;
    d += `    consumer:\n      enable-auto-commit: ${i % 2 ? 'true' : 'false'}\n      auto-offset-reset: latest\n`;
    if (i % 5 === 2) d += '      auto-offset-reset: earliest\n';
    if (i % 4 === 3) d += '      isolation-level: read_uncommitted\n';
    if (i % 6 === 4) d += '    listener:\n      ack-mode: record\n';
    docs.push(d);
  }
  return docs.join('---\n');
}

/** A Strimzi cluster, node pools whose replicas make the broker count, and topics that read it. */
function strimziTopics(n: number): string {
  const docs = [
    'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: events\n  annotations:\n    strimzi.io/node-pools: enabled\nspec:\n  kafka:\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n',
    'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: brokers\n  labels:\n    strimzi.io/cluster: events\nspec:\n  replicas: 3\n  roles: [broker]\n',
  ];
  for (let i = 0; i < n; i++) {
    docs.push(
      // (Some take their replicas or min ISR from the cluster's `Kafka` resource: strimzi.ts clusterDefaults.)
      `apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t${i}\n  labels:\n    strimzi.io/cluster: ${i % 4 ? 'events' : 'other'}\nspec:\n` +
        (i % 7 === 5 ? '' : `  replicas: ${(i % 4) + 1}\n`) +
        `  config:\n` +
        (i % 7 === 3 ? '' : `    min.insync.replicas: ${(i % 3) + 1}\n`) +
        (i % 5 === 1 ? '    min.insync.replicas: 1\n' : '') +
        (i % 3 === 2 ? '    unclean.leader.election.enable: true\n' : '') +
        // (removed in Kafka 4.0: found or not by the cluster's spec.kafka.version)
        (i % 2 === 0 ? '    message.format.version: "3.0"\n' : ''),
    );
  }
  docs.push('apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: more\n  labels:\n    strimzi.io/cluster: events\nspec:\n  replicas: 2\n  roles:\n    - broker\n');
  return docs.join('---\n');
}

const COMMON = ['\n', '\r\n', '\r', ' ', '\t', '\uFEFF', '#', '${', '}', '${VAR:1}', '"', "'", '\\', '=', ':', '[', ']', '\u0000'];
const TOKENS: Record<Format, string[]> = {
  properties: [...COMMON, '!', '\\\n', '\\\r\n', '\\\\\n', '\\u00e9', '\\uZZ', '#---\n', 'acks=1\n', 'acks=all', 'retries=0\n', 'spring.kafka.producer.acks=0\n', 'spring.cloud.stream.kafka.binder.required-acks=1\n', 'spring.cloud.stream.bindings.audit-in-0.group=g\n', '# kafka-lint-disable-next-line acks\n'],
  yaml: [
    ...COMMON,
    '---\n',
    '--- ',
    '---',
    '...\n',
    '%YAML 1.2\n',
    '- ',
    '  ',
    '&a ',
    '*a',
    '<<: *a\n',
    '{',
    '}',
    '? ',
    '|\n',
    '>-\n  x\n',
    '"\n---\n"',
    'key: |\n  text\n---\n',
    '[a,\n---\n',
    'acks: 1',
    'spring:\n  kafka:\n    producer:\n      acks: 0\n',
    'spring:\n  cloud:\n    stream:\n      kafka:\n        binder:\n          required-acks: 1\n',
    'group: g',
    'required-acks: all',
    'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: p\n  labels:\n    strimzi.io/cluster: events\nspec:\n  replicas: 5\n  roles: [broker]\n',
    'kind: KafkaTopic\n',
    'replicas: 1',
    'environment:\n  - KAFKA_MIN_INSYNC_REPLICAS=1\n',
    // Spring Boot applications' variables (two services, one listener ack mode)
    'environment:\n  SPRING_KAFKA_CONSUMER_ENABLE_AUTO_COMMIT: true\n',
    '  - SPRING_KAFKA_LISTENER_ACK_MODE=MANUAL\n',
    'SPRING_KAFKA_PRODUCER_ACKS: 1',
    '- name: SPRING_KAFKA_PRODUCER_RETRIES\n  value: "0"\n',
    'valueFrom:\n',
    'kind: Job\n',
    '# kafka-lint-disable-next-line acks\n',
  ],
  go: [
    ...COMMON,
    '{',
    '}',
    '(',
    ')',
    '`',
    '//',
    '/*',
    '*/',
    ';',
    ':=',
    '.',
    '\nfunc f() {\n',
    '\n}\n',
    'func g() *sarama.Config {\n\tc := sarama.NewConfig()\n\treturn c\n}\n',
    '\nfunc h() {\n\tc := k.NewConfig()\n\tc.Producer.Retry.Max = 0\n}\n',
    '\nfunc (s *svc) m() {}\n',
    'func ',
    'func init() {\n',
    'base("x")',
    'NewA(nil)',
    'shared = k.NewConfig()\n',
    'shared.Producer.Retry.Max = 0\n',
    'k.NewSyncProducer(b, shared)',
    'import "os"\n',
    'var v = base("v")\n',
    'cfg := sarama.NewConfig()\n',
    'cfg.Producer.RequiredAcks = sarama.NoResponse\n',
    'cfg.Producer.Idempotent = true\n',
    'var shared = sarama.NewConfig()\n',
    'shared.Producer.Retry.Max = 0\n',
    'sarama.NewSyncProducer(b, cfg)',
    '// kafka-lint-disable-next-line acks\n',
  ],
};

type Edit = { at: number; del: number; ins: string; snap: boolean };

function editArb(format: Format): fc.Arbitrary<Edit> {
  const ins = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TOKENS[format]) },
    { weight: 3, arbitrary: fc.constantFrom('a', '1', '0', 'x', ' ', '-', '.') },
    { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
    { weight: 2, arbitrary: fc.constant('') },
  );
  return fc.record({ at: fc.nat(), del: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 })), ins, snap: fc.boolean() });
}

function apply(text: string, e: Edit): string {
  let at = text.length ? e.at % (text.length + 1) : 0;
  // Half the edits land at a line start, where the cuts are.
  if (e.snap) at = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(0, at) + e.ins + text.slice(at + e.del);
}

/** Typing: several one-character edits in a row at one place (what the language server sees most). */
function typingArb(): fc.Arbitrary<Edit[]> {
  return fc.tuple(fc.nat(), fc.array(fc.constantFrom('1', 'a', ' ', ':', '\n', '#', '\\', '-'), { minLength: 1, maxLength: 6 }), fc.boolean()).map(([at, chars, back]) => {
    const edits: Edit[] = chars.map((c, i) => ({ at: at + i, del: 0, ins: c, snap: false }));
    if (back) for (let i = chars.length - 1; i >= 0; i--) edits.push({ at: at + i, del: 1, ins: '', snap: false });
    return edits;
  });
}

/** What the rules saw and what they said, with parser-private data left out (it holds AST nodes). */
function view(r: LintResult): unknown {
  const f = r.file;
  return {
    skipped: r.skipped,
    // A rule that throws is reported with its stack, whose frames name the caller: compare the error itself.
    ruleErrors: r.ruleErrors.map((e) => [e.ruleId, e.message.split('\n')[0]]),
    findings: r.findings,
    file: f && {
      format: f.format,
      eol: f.eol,
      errors: f.errors,
      comments: f.comments,
      units: JSON.parse(JSON.stringify(f.units, (k, v) => (k === 'ext' ? undefined : v))),
    },
  };
}

const OPTIONS = resolveOptions([]);

function run(seed: Seed, steps: Edit[][]): number {
  const linter = createDocumentLinter();
  let text = seed.text;
  let n = 0;
  const compare = () => {
    const fresh = lint({ text, path: seed.path }, OPTIONS);
    const inc = linter.lint(text, seed.path, OPTIONS);
    assert.deepEqual(view(inc), view(fresh), `incremental result differs after ${n} edits; text:\n${JSON.stringify(text)}`);
  };
  compare();
  for (const group of steps) {
    for (const e of group) {
      text = apply(text, e);
      n++;
      compare();
    }
  }
  return n;
}

describe('incremental linting equals a fresh lint()', () => {
  for (const format of ['properties', 'yaml', 'go'] as Format[]) {
    it(`${format}: random edit sequences`, () => {
      let edits = 0;
      const step = fc.oneof({ weight: 3, arbitrary: editArb(format).map((e) => [e]) }, { weight: 1, arbitrary: typingArb() });
      fc.assert(
        fc.property(fc.constantFrom(...SEEDS[format]), fc.array(step, { minLength: 5, maxLength: 25 }), (seed, steps) => {
          edits += run(seed, steps);
        }),
        params,
      );
      assert.ok(edits >= RUNS * 5, `only ${edits} edits were checked`);
    });
  }

  it('follows a document through a change of name and format, and a skipped (binary) text', () => {
    const linter = createDocumentLinter();
    const y = SEEDS.yaml[0];
    const p = SEEDS.properties[0];
    for (const [text, file] of [
      [y.text, y.path],
      [y.text + '\u0000', y.path],
      [y.text, y.path],
      [y.text, 'other.yml'],
      [p.text, 'producer.properties'],
      [p.text.replace('acks', 'ack'), 'producer.properties'],
      [p.text, 'producer.yaml'],
    ] as const) {
      assert.deepEqual(view(linter.lint(text, file, OPTIONS)), view(lint({ text, path: file }, OPTIONS)));
    }
  });

  it('reuses what did not change: a large Go file typed into, one function analysed again', () => {
    // Not a timing test: the result must be right when most functions are reused, and the
    // partial analysis must be what ran.
    const fn = (i: number) =>
      i % 3 === 0
        ? `\nfunc Run${i}(b []string) (k.ConsumerGroup, error) {\n\tc := base("c${i}")\n\tc.Consumer.Offsets.AutoCommit.Enable = ${i % 2 === 0}\n\treturn k.NewConsumerGroup(b, "g${i}", c)\n}\n`
        : `\nfunc New${i}(b []string) (k.SyncProducer, error) {\n\tcfg := k.NewConfig()\n\tcfg.Producer.RequiredAcks = ${i % 4 === 1 ? 'k.WaitForLocal' : 'k.WaitForAll'}\n\tcfg.Producer.Retry.Max = ${i}\n\treturn k.NewSyncProducer(b, cfg)\n}\n`;
    let text =
      'package p\n\nimport (\n\t"time"\n\n\tk "github.com/IBM/sarama"\n)\n\nfunc base(id string) *k.Config {\n\tc := k.NewConfig()\n\tc.ClientID = id\n\tc.Net.DialTimeout = 10 * time.Second\n\treturn c\n}\n' +
      Array.from({ length: 300 }, (_, i) => fn(i)).join('');
    const linter = createDocumentLinter();
    linter.lint(text, 'p.go', OPTIONS);
    const before = goAnalysisCounts.partial;
    let at = text.indexOf('cfg.Producer.Retry.Max = 151') + 'cfg.Producer.Retry.Max = 15'.length;
    for (const ins of ['7', '', 'x', ' ', '}', '{']) {
      text = ins ? text.slice(0, at) + ins + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      if (!ins) at--;
      at += ins.length;
      assert.deepEqual(view(linter.lint(text, 'p.go', OPTIONS)), view(lint({ text, path: 'p.go' }, OPTIONS)));
    }
    assert.ok(goAnalysisCounts.partial - before >= 3, `partial analyses: ${goAnalysisCounts.partial - before}`);
  });

  it("Go: keeps the findings of the functions an edit did not touch, and checks a helper's callers again", () => {
    // Not a timing test: which findings are kept objects shows which rule results were reused.
    const fn = (i: number) =>
      i % 3 === 0
        ? `\nfunc Run${i}(b []string) (k.SyncProducer, error) {\n\tc := base("c${i}")\n\tc.Producer.RequiredAcks = k.NoResponse\n\treturn k.NewSyncProducer(b, c)\n}\n`
        : `\nfunc New${i}(b []string) (k.SyncProducer, error) {\n\tcfg := k.NewConfig()\n\tcfg.Producer.RequiredAcks = k.WaitForLocal\n\tcfg.Producer.Retry.Max = ${i}\n\treturn k.NewSyncProducer(b, cfg)\n}\n`;
    const head = 'package p\n\nimport (\n\t"time"\n\n\tk "github.com/IBM/sarama"\n)\n\nfunc base(id string) *k.Config {\n\tc := k.NewConfig()\n\tc.ClientID = id\n\tc.Net.DialTimeout = 10 * time.Second\n\treturn c\n}\n';
    let text = head + Array.from({ length: 30 }, (_, i) => fn(i)).join('');
    const linter = createDocumentLinter();
    const at = (t: string, fs: LintResult['findings'], name: string) => {
      const from = t.indexOf(`func ${name}(`);
      const to = t.indexOf('\nfunc ', from + 1);
      return fs.filter((f) => f.span.start > from && f.span.end < to);
    };
    const before = linter.lint(text, 'p.go', OPTIONS).findings;
    // Twice: the first lint after a whole read keeps the rule results of each function.
    const kept = linter.lint(text + '\n', 'p.go', OPTIONS).findings;
    text += '\n';
    assert.equal(kept.length, before.length);
    const edits: [string, (t: string) => string, boolean][] = [
      // [what, edit, whether functions after the edit keep their findings]
      ['a value in New13', (t) => t.replace('Retry.Max = 13\n', 'Retry.Max = 130\n'), true],
      ['a line added in New4', (t) => t.replace('Retry.Max = 4\n', 'Retry.Max = 4\n\tcfg.Producer.Retry.Max = 5\n'), true],
      // A use of `time` more, after both: whether a fix removes the last use of an import (and is
      // then not offered: the code would not build) is decided again for every function.
      ['a use of time added in New29', (t) => t.replace('Retry.Max = 29\n', 'Retry.Max = 29\n\t_ = time.Now()\n'), false],
      ['a value in New13 again', (t) => t.replace('Retry.Max = 130\n', 'Retry.Max = 13\n'), true],
      // The helper changed: everything is analysed again.
      ['the use of time in base', (t) => t.replace('10 * time.Second', '10'), false],
    ];
    let prev = kept;
    for (const [what, edit, keeps] of edits) {
      text = edit(text);
      const now = linter.lint(text, 'p.go', OPTIONS);
      assert.deepEqual(view(now), view(lint({ text, path: 'p.go' }, OPTIONS)), what);
      const same = (name: string) => at(text, now.findings, name).every((f) => prev.includes(f)) && at(text, now.findings, name).length > 0;
      assert.equal(same('New25'), keeps, `${what}: New25 ${keeps ? 'keeps' : 'does not keep'} its findings`);
      assert.equal(same('New1'), keeps, `${what}: New1 ${keeps ? 'keeps' : 'does not keep'} its findings`);
      // A config made by the helper is checked again on every lint.
      assert.equal(same('Run24'), false, `${what}: Run24 is checked again`);
      prev = now.findings;
    }
  });

  it('Go: functions with the same text, moved, swapped and changed one at a time', () => {
    // Pieces are reused by text: a reused piece can come back at another place.
    const head = 'package p\n\nimport k "github.com/IBM/sarama"\n\n';
    const f = (n: string, v: string) => `func ${n}(b []string) {\n\tc := k.NewConfig()\n\tc.Producer.RequiredAcks = ${v}\n\tk.NewSyncProducer(b, c)\n}\n`;
    const [A, B, B2, C] = [f('A', 'k.WaitForAll'), f('B', 'k.NoResponse'), f('B', 'k.WaitForAll'), f('C', 'k.WaitForLocal')];
    const texts = [[A, B, B, C], [A, B, C, B], [B, A, C, B], [B, B, C, B], [B, B2, C, B], [B2, B, C, B], [B2, B, C, B, B]].map((fs) => head + fs.join(''));
    const linter = createDocumentLinter();
    for (const text of [...texts, ...[...texts].reverse(), ...texts]) {
      assert.deepEqual(view(linter.lint(text, 'p.go', OPTIONS)), view(lint({ text, path: 'p.go' }, OPTIONS)));
    }
  });

  it('reuses findings only while what they depend on in other documents is unchanged', () => {
    // Each step edits one place; the findings of every other document are reused unless the
    // edit changed a fact they read: broker counts, ack modes, a transactional producer, lines.
    const steps: [string, (t: string) => string][] = [
      ['cluster min ISR', (t) => t.replace('      min.insync.replicas: 2\n      default.replication.factor: 3\n', '      min.insync.replicas: 3\n      default.replication.factor: 3\n')],
      ['cluster default RF', (t) => t.replace('      min.insync.replicas: 3\n      default.replication.factor: 3\n', '      min.insync.replicas: 3\n      default.replication.factor: 2\n')],
      ['cluster min ISR dynamic', (t) => t.replace('      min.insync.replicas: 3\n      default.replication.factor: 2\n', '      min.insync.replicas: ${ISR}\n      default.replication.factor: 2\n')],
      ['pool replicas', (t) => t.replace('replicas: 3\n  roles: [broker]', 'replicas: 1\n  roles: [broker]')],
      ['pool role', (t) => t.replace('  roles:\n    - broker\n', '  roles:\n    - controller\n')],
      ['pool replicas unknown', (t) => t.replace('replicas: 1\n  roles: [broker]', 'replicas: x\n  roles: [broker]')],
      ['cluster name', (t) => t.replace('  name: events\n  annotations', '  name: other\n  annotations')],
      ['node pools annotation', (t) => t.replace('strimzi.io/node-pools: enabled', 'strimzi.io/node-pools: disabled')],
      ['cluster version', (t) => t.replace('spec:\n  kafka:\n    config:', 'spec:\n  kafka:\n    version: 3.9.0\n    config:')],
      ['cluster version changed', (t) => t.replace('version: 3.9.0', 'version: 4.1.0')],
      ['cluster version back', (t) => t.replace('version: 4.1.0', 'version: 3.9.0')],
      ['ack mode', (t) => t.replace('ack-mode: manual', 'ack-mode: batch')],
      ['ack mode back', (t) => t.replace('ack-mode: batch', 'ack-mode: manual_immediate')],
      ['transactional producer', (t) => t.replace('transaction-id-prefix: tx-', 'transaction-id-prefix: ""')],
      ['transactional producer back', (t) => t.replace('transaction-id-prefix: ""', 'transaction-id-prefix: tx2-')],
      ['producer section removed', (t) => t.replace('    producer:\n      acks: 1\n', '    producers:\n      acks: 1\n')],
      ['profile', (t) => t.replace('on-profile: p1', 'on-profile: p2')],
      ['lines above', (t) => '# a comment\n\n' + t],
      ['document above', (t) => t.replace('---\n', '---\nspring:\n  kafka:\n    producer:\n      acks: 0\n---\n')],
      ['document removed', (t) => t.replace(/---\n[^]*?(?=---\n)/, '')],
      ['suppression', (t) => t.replace('    consumer:\n      enable-auto-commit: true', '    consumer:\n      # kafka-lint-disable-next-line auto-commit\n      enable-auto-commit: true')],
      ['locale', (t) => t],
    ];
    for (const seed of [springProfiles(16), strimziTopics(16)]) {
      const file = seed.startsWith('spring') ? 'application.yml' : 'topics.yaml';
      const linter = createDocumentLinter();
      let text = seed;
      let options = OPTIONS;
      linter.lint(text, file, options);
      for (const [what, edit] of steps) {
        text = edit(text);
        if (what === 'locale') options = resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }]);
        assert.deepEqual(view(linter.lint(text, file, options)), view(lint({ text, path: file }, options)), `after: ${what}`);
        // Typing in the middle afterwards, one character at a time, then deleting it.
        const at = text.indexOf('min.insync.replicas: ') >= 0 ? text.lastIndexOf('min.insync.replicas: ') : text.lastIndexOf('retries: ');
        if (at < 0) continue;
        const typed = text.slice(0, at + 21) + '7' + text.slice(at + 21);
        assert.deepEqual(view(linter.lint(typed, file, options)), view(lint({ text: typed, path: file }, options)), `typing after: ${what}`);
        assert.deepEqual(view(linter.lint(text, file, options)), view(lint({ text, path: file }, options)), `deleting after: ${what}`);
      }
    }
  });

  /** Lints `texts` in turn with one linter and fresh: the same findings, and some of them change. */
  function editsChangeTheUntouched(texts: string[]): void {
    const linter = createDocumentLinter();
    const seen = new Set<number>();
    for (const text of texts) {
      const fresh = lint({ text, path: 'application.yml' }, OPTIONS);
      seen.add(fresh.findings.length);
      assert.deepEqual(view(linter.lint(text, 'application.yml', OPTIONS)), view(fresh));
    }
    assert.ok(seen.size > 1, 'the edit must change the findings of the untouched document');
  }

  it('judges a shared unit again when the last producer section of the file goes', () => {
    // A shared `spring.kafka.properties` unit counts as a producer only while no document has one.
    const texts = [
      'spring:\n  kafka:\n    properties:\n      acks: 1\n      enable.idempotence: false\n---\nspring:\n  kafka:\n    producer:\n      acks: all\n',
      'spring:\n  kafka:\n    properties:\n      acks: 1\n      enable.idempotence: false\n---\nspring:\n  kafka:\n    produce:\n      acks: all\n',
      'spring:\n  kafka:\n    properties:\n      acks: 1\n      enable.idempotence: false\n---\nspring:\n  kafka:\n    producer:\n      acks: all\n',
    ];
    editsChangeTheUntouched(texts);
  });

  it("Spring Boot's and the Kafka binder's producers count apart for the shared settings of an untouched document", () => {
    // The third document is Spring Boot's producer, then (misspelled) nothing; the Kafka binder's producer binding stays.
    const binder = '---\nspring:\n  cloud:\n    stream:\n      bindings:\n        o-out-0:\n          destination: o\n      kafka:\n        binder:\n          required-acks: all\n';
    const base = 'spring:\n  kafka:\n    properties:\n      acks: 1\n' + binder;
    const texts = [base + '---\nspring:\n  kafka:\n    producer:\n      acks: all\n', base + '---\nspring:\n  kafka:\n    produce:\n      acks: all\n', base + '---\nspring:\n  kafka:\n    producer:\n      acks: all\n'];
    editsChangeTheUntouched(texts);
  });

  it("a binder-wide unit of a document whose only binder setting is in an unknown area moves with its document", () => {
    // `spring.cloud.stream.kafka.required-acks` (the `binder:` level missing): the unit was placed at
    // offset 0, outside its document, and kept there when an edit before the document moved it.
    const second = '---\nspring:\n  cloud:\n    stream:\n      kafka:\n        required-acks: 1\n';
    const texts = ['spring:\n  kafka:\n    producer:\n      acks: all\n' + second, 'aspring:\n  kafka:\n    producer:\n      acks: all\n' + second];
    const linter = createDocumentLinter();
    for (const text of texts) {
      const fresh = lint({ text, path: 'application.yml' }, OPTIONS);
      const binder = fresh.file!.units.find((u) => u.facts.binding);
      assert.ok(binder && binder.anchor.start >= text.indexOf('---'), `the binder unit is placed in its document: ${JSON.stringify(binder?.anchor)}`);
      assert.deepEqual(view(linter.lint(text, 'application.yml', OPTIONS)), view(fresh));
    }
  });

  it('reuses what did not change: a large multi-document file after a one-character edit', () => {
    // Not a timing test: it checks that the result is right when most documents are reused.
    const doc = (i: number) => `---\nspring:\n  config:\n    activate:\n      on-profile: p${i}\n  kafka:\n    producer:\n      acks: ${i % 3 === 0 ? 1 : 'all'}\n      retries: ${i}\n`;
    let text = Array.from({ length: 300 }, (_, i) => doc(i)).join('');
    const linter = createDocumentLinter();
    linter.lint(text, 'application.yml', OPTIONS);
    const at = text.indexOf('retries: 150') + 'retries: 15'.length;
    text = text.slice(0, at) + '7' + text.slice(at);
    assert.deepEqual(view(linter.lint(text, 'application.yml', OPTIONS)), view(lint({ text, path: 'application.yml' }, OPTIONS)));
  });
});

describe('YAML nodes between lints', () => {
  const doc = (i: number) =>
    `---\nspring:\n  config:\n    activate:\n      on-profile: p${i}\n  kafka:\n    producer:\n      acks: 1\n      retries: ${i} # r${i}\n      properties:\n        "[linger.ms]": 5\n`;
  const strimzi = (i: number) =>
    `---\napiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: t${i}\nspec:\n  replicas: 3\n  config:\n    min.insync.replicas: 1\n    'flush.messages': 1\n`;
  const docsOf = (units: ConfigUnit[]) => new Set(units.map((u) => (u.ext as { doc: object }).doc));
  const released = (d: object) => Object.getOwnPropertyDescriptor(d, 'contents')?.get !== undefined;

  for (const [name, file, make, unitAt] of [
    ['Spring', 'application.yml', doc, (f: ParsedFile, i: number) => f.units.find((u) => u.id === `spring-yaml#${i}:producer`)!],
    ['Strimzi', 'topics.yaml', strimzi, (f: ParsedFile, i: number) => f.units.filter((u) => u.surface === 'strimzi-topic')[i]],
  ] as const) {
    it(`${name}: reused documents let their nodes go, and a structural fix reads one again at its new offset`, () => {
      let text = Array.from({ length: 12 }, (_, i) => make(i)).join('');
      const linter = createDocumentLinter();
      const first = linter.lint(text, file, OPTIONS).file!;
      assert.ok([...docsOf(first.units)].every(released), 'every document lets its nodes go after the lint');
      // An edit in the first document moves every other one; none is read again for it.
      const before = yamlNodeRereads.count;
      text = text.replace(name === 'Spring' ? 'acks: 1' : 'name: t0', name === 'Spring' ? 'acks: 10' : 'name: t00');
      const inc = linter.lint(text, file, OPTIONS);
      assert.equal(yamlNodeRereads.count, before, 'an edit in one document reads no other document again');
      assert.deepEqual(view(inc), view(lint({ text, path: file }, OPTIONS)));
      // Fixes that edit the structure of a moved, untouched document: the same edits as on a fresh parse.
      const fresh = parseFile({ text, path: file })!;
      const a = createFixer(inc.file!);
      const b = createFixer(fresh);
      const [u, v] = [unitAt(inc.file!, 7), unitAt(fresh, 7)];
      const key = name === 'Spring' ? 'linger.ms' : 'flush.messages';
      const s = u.settings.find((x) => x.key === key)!;
      const t = v.settings.find((x) => x.key === key)!;
      assert.deepEqual(a.remove(u, s), b.remove(v, t));
      assert.ok(a.remove(u, s).length, 'the entry is removed');
      assert.deepEqual(a.insert(u, 'cleanup.policy', 'compact'), b.insert(v, 'cleanup.policy', 'compact'));
      assert.deepEqual(a.rename(u, s, 'x.y'), b.rename(v, t, 'x.y'));
      assert.equal(yamlNodeRereads.count, before + 1, 'the document is read again once, then kept until the next lint');
      linter.lint(text, file, OPTIONS);
      assert.ok(released((u.ext as { doc: object }).doc), 'and let go again after it');
    });
  }
});

describe('.properties templates', () => {
  const JINJA = 'bootstrap.servers={{ servers }}\n{% if kraft %}\nprocess.roles=broker,controller\n{% else %}\nprocess.roles=broker\n{% endif %}\nnode.id=1\n';
  it('a template with Kafka settings is skipped with the directive and its line, in both languages; lint() and the editor agree', () => {
    const en = lint({ text: JINJA, path: '/t/server.properties' }, OPTIONS);
    assert.deepEqual(en.findings, []);
    assert.match(en.skipped ?? '', /^file is a template \(`\{% if` on line 2\)/);
    const zh = resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }]);
    assert.match(lint({ text: JINJA, path: '/t/server.properties' }, zh).skipped ?? '', /文件是模板（第 2 行的 `\{% if`）/);
    const linter = createDocumentLinter();
    assert.equal(linter.lint(JINJA, '/t/server.properties', OPTIONS).skipped, en.skipped);
    // The directives go: the same linter checks the file again.
    const plain = JINJA.replace(/\{%[^\n]*\n/g, '');
    assert.deepEqual(view(linter.lint(plain, '/t/server.properties', OPTIONS)), view(lint({ text: plain, path: '/t/server.properties' }, OPTIONS)));
    assert.ok(lint({ text: plain, path: '/t/server.properties' }, OPTIONS).findings.some((f) => f.ruleId === 'duplicate-key'));
  });
  it('Go template actions, Jinja comments and ERB tags are directives; values like {{ servers }} alone are not', () => {
    for (const d of ['{{- if .Values.kraft }}', '  {{ end }}', '{# managed by ansible #}', '<% if @kraft %>']) {
      assert.ok(lint({ text: `${d}\nacks=1\n`, path: '/t/producer.properties' }, OPTIONS).skipped, d);
    }
    for (const v of ['acks={{ acks }}\nretries=0\n', 'acks=1\n# {% if x %} in a comment\n', 'acks=1\nmessage=<%= x %>\n']) {
      const r = lint({ text: v, path: '/t/producer.properties' }, OPTIONS);
      assert.equal(r.skipped, undefined, v);
      assert.ok(r.findings.length > 0, v);
    }
  });
  it('a template without Kafka settings (a log4j template) says nothing', () => {
    const r = lint({ text: '{% if debug %}\nlog4j.rootLogger=DEBUG, stdout\n{% endif %}\n', path: '/t/log4j.properties' }, OPTIONS);
    assert.equal(r.skipped, undefined);
    assert.deepEqual(r.findings, []);
  });
});

describe('DocumentLinter.fresh', () => {
  it('is true until the first lint, and again after reset() until the next', () => {
    const linter = createDocumentLinter();
    const text = 'bootstrap.servers=k:9092\nacks=1\n';
    assert.equal(linter.fresh, true);
    linter.lint(text, 'producer.properties', OPTIONS);
    assert.equal(linter.fresh, false, 'the first lint of a document read it whole');
    linter.lint(text + 'retries=0\n', 'producer.properties', OPTIONS);
    assert.equal(linter.fresh, false);
    linter.reset();
    assert.equal(linter.fresh, true);
    linter.lint(text, 'producer.properties', OPTIONS);
    assert.equal(linter.fresh, false);
  });
});

describe('DocumentLinter.prime', () => {
  // A 'unit' rule that counts the units it is shown (the acks rule, watched).
  const acks = allRules.find((r) => r.meta.id === 'acks')!;
  assert.equal(acks.meta.scope, 'unit');
  let shown = 0;
  const watched: Rule = { meta: acks.meta, check: (ctx) => ((shown += ctx.file.units.length), acks.check(ctx)) };
  const rules = allRules.map((r) => (r === acks ? watched : r));
  const doc = (i: number) =>
    `---\nspring:\n  config:\n    activate:\n      on-profile: p${i}\n  kafka:\n    producer:\n      acks: ${i % 3 === 0 ? 1 : 'all'}\n      retries: ${i} # r${i}\n      properties:\n        "[linger.ms]": 5\n`;
  const large = () => {
    const docs: string[] = [];
    while (docs.join('').length < DEFER_CACHE_CHARS) docs.push(doc(docs.length));
    return { text: docs.join(''), count: docs.length };
  };
  const released = (d: object) => Object.getOwnPropertyDescriptor(d, 'contents')?.get !== undefined;
  const docsOf = (r: LintResult) => new Set(r.file!.units.map((u) => (u.ext as { doc: object }).doc));
  const edit = (text: string) => text.replace('retries: 150 ', 'retries: 1507 ');

  it('the first lint of a large text answers as lint() does and leaves the rule cache to prime()', () => {
    const { text, count } = large();
    const linter = createDocumentLinter(rules);
    shown = 0;
    const first = linter.lint(text, 'application.yml', OPTIONS);
    assert.equal(shown, count, 'the rule ran once over the whole file');
    assert.deepEqual(view(first), view(lint({ text, path: 'application.yml' }, OPTIONS, rules)));
    assert.equal(linter.unprimed, true);
    assert.ok(![...docsOf(first)].some(released), 'the documents keep their nodes until the cache is filled');
    const rereads = yamlNodeRereads.count;
    linter.prime();
    assert.equal(linter.unprimed, false);
    assert.equal(yamlNodeRereads.count, rereads, 'filling the cache read no document again');
    assert.ok([...docsOf(first)].every(released), 'and then they let them go');
    // An edit in one document: the rule runs on that document's unit alone, and the result is a fresh lint's.
    shown = 0;
    const next = edit(text);
    assert.notEqual(next, text);
    const again = linter.lint(next, 'application.yml', OPTIONS);
    assert.equal(shown, 1, 'the findings of the other documents came from the filled cache');
    assert.deepEqual(view(again), view(lint({ text: next, path: 'application.yml' }, OPTIONS, rules)));
  });

  it('an edit before prime() fills the cache itself; a small text or a later lint never defers', () => {
    const { text, count } = large();
    const linter = createDocumentLinter(rules);
    linter.lint(text, 'application.yml', OPTIONS);
    shown = 0;
    const next = edit(text);
    const edited = linter.lint(next, 'application.yml', OPTIONS);
    assert.equal(shown, count, 'every document ran: nothing was cached yet');
    assert.deepEqual(view(edited), view(lint({ text: next, path: 'application.yml' }, OPTIONS, rules)));
    assert.equal(linter.unprimed, false);
    linter.prime(); // nothing left to fill
    shown = 0;
    const back = linter.lint(text, 'application.yml', OPTIONS);
    assert.equal(shown, 1);
    assert.deepEqual(view(back), view(lint({ text, path: 'application.yml' }, OPTIONS, rules)));
    const small = createDocumentLinter(rules);
    small.lint(doc(0) + doc(1), 'application.yml', OPTIONS);
    assert.equal(small.unprimed, false, 'a small text fills its cache in its first lint');
    linter.reset();
    linter.lint(text, 'application.yml', OPTIONS);
    assert.equal(linter.unprimed, true, 'after reset() the next lint is a first one again');
  });
});
