// YAML reader: documents, comments, errors, line endings, and staying quiet on YAML that is not
// Kafka configuration.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseYaml } from '../../server/src/engine/parsers/yaml.js';
import type { ParsedFile, Span } from '../../server/src/engine/model.js';
import { lint } from '../../server/src/engine/index.js';

const cut = (text: string, s: Span) => text.slice(s.start, s.end);

function settingsOf(f: ParsedFile) {
  return f.units.map((u) => ({ id: u.id, settings: u.settings.map((s) => `${s.key}=${s.value}`) }));
}

describe('yaml: comments', () => {
  it('collects every comment with its exact span, and `#` inside scalars is not one', () => {
    const text = [
      '# head',
      'spring:',
      '  kafka:',
      '    producer:',
      '      acks: "1 # not a comment" # real one',
      "      client-id: 'a#b' #x",
      '      key-serializer: plain#text',
      '      value-serializer: |',
      '        # inside a block scalar',
      '        line',
      '    # own line, indented',
      '',
    ].join('\n');
    const f = parseYaml(text, 'application.yml');
    assert.deepEqual(
      f.comments.map((c) => [cut(text, c.span), c.text, c.ownLine]),
      [
        ['# head', ' head', true],
        ['# real one', ' real one', false],
        ['#x', 'x', false],
        ['# own line, indented', ' own line, indented', true],
      ],
    );
    const p = f.units.find((u) => u.role === 'producer')!;
    assert.deepEqual(
      p.settings.map((s) => [s.key, s.value]),
      [
        ['acks', '1 # not a comment'],
        ['client.id', 'a#b'],
        ['key.serializer', 'plain#text'],
        ['value.serializer', '# inside a block scalar\nline\n'],
      ],
    );
  });

  it('comments in flow collections and after document markers', () => {
    const text = 'a: [1, # one\n  2]\n--- # doc two\nkafka: {x: 1} # end\n...\n# after end\n';
    const f = parseYaml(text, 'x.yaml');
    assert.deepEqual(
      f.comments.map((c) => [cut(text, c.span), c.ownLine]),
      [
        ['# one', false],
        ['# doc two', false],
        ['# end', false],
        ['# after end', true],
      ],
    );
    assert.deepEqual(f.errors, []);
  });

  it('CRLF: comment text excludes the carriage return', () => {
    const text = '# one\r\nspring: # two\r\n  kafka:\r\n    producer:\r\n      acks: 0\r\n';
    const f = parseYaml(text, 'application.yml');
    assert.deepEqual(
      f.comments.map((c) => [cut(text, c.span), c.text]),
      [
        ['# one', ' one'],
        ['# two', ' two'],
      ],
    );
  });
});

describe('yaml: line endings and offsets', () => {
  it('dominant EOL', () => {
    assert.equal(parseYaml('a: 1\n', 'x.yml').eol, '\n');
    assert.equal(parseYaml('a: 1\r\nb: 2\r\n', 'x.yml').eol, '\r\n');
    assert.equal(parseYaml('a: 1\r\nb: 2\r\nc: 3\n', 'x.yml').eol, '\r\n');
    assert.equal(parseYaml('a: 1\nb: 2\r\nc: 3\n', 'x.yml').eol, '\n');
    assert.equal(parseYaml('', 'x.yml').eol, '\n');
  });

  it('CRLF spans are exact string offsets', () => {
    const text = 'spring:\r\n  kafka:\r\n    producer:\r\n      acks: "1"\r\n      retries: 0\r\n';
    const f = parseYaml(text, 'application.yml');
    const s = f.units[0].settings;
    assert.deepEqual(
      s.map((x) => [cut(text, x.keySpan), cut(text, x.valueSpan), cut(text, x.entrySpan)]),
      [
        ['acks', '1', 'acks: "1"'],
        ['retries', '0', 'retries: 0'],
      ],
    );
  });

  it('a byte-order mark shifts nothing', () => {
    const text = '\uFEFFspring.kafka.producer.acks: 0 # bom\n';
    const f = parseYaml(text, 'application.yml');
    const s = f.units[0].settings[0];
    assert.equal(cut(text, s.keySpan), 'spring.kafka.producer.acks');
    assert.equal(cut(text, s.valueSpan), '0');
    assert.equal(cut(text, f.comments[0].span), '# bom');
  });

  it('non-ASCII text before a setting keeps UTF-16 offsets', () => {
    const text = '# 生产者配置 😀\nspring:\n  kafka:\n    producer:\n      client-id: "客户端😀"\n      acks: 1\n';
    const f = parseYaml(text, 'application.yml');
    const s = f.units[0].settings;
    assert.equal(cut(text, s[0].valueSpan), '客户端😀');
    assert.equal(cut(text, s[1].valueSpan), '1');
  });
});

describe('yaml: broken input', () => {
  it('tabs as indentation: a parse error with a span, and readable settings are kept', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: 0\n\tretries: 1\n';
    const f = parseYaml(text, 'application.yml');
    assert.ok(f.errors.length >= 1);
    assert.equal(f.errors[0].message, 'Tabs are not allowed as indentation');
    assert.equal(cut(text, f.errors[0].span), '\t');
    assert.deepEqual(settingsOf(f), [{ id: 'spring-yaml#0:producer', settings: ['acks=0'] }]);
  });

  it('bad indentation: errors, no throw', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: 0\n     retries: 1\n';
    const f = parseYaml(text, 'application.yml');
    assert.ok(f.errors.length >= 1);
    for (const e of f.errors) {
      assert.ok(e.span.start >= 0 && e.span.end <= text.length && e.span.end > e.span.start, JSON.stringify(e));
      assert.ok(e.message.length > 0);
    }
  });

  it('unterminated quote and flow collection', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: "all\n      retries: [1, 2\n';
    const f = parseYaml(text, 'application.yml');
    assert.ok(f.errors.length >= 1);
  });

  it('one bad document does not hide the next', () => {
    const text = 'a: [\n---\nspring.kafka.producer.acks: 0\n';
    const f = parseYaml(text, 'application.yml');
    assert.ok(f.errors.length >= 1);
    assert.deepEqual(settingsOf(f), [{ id: 'spring-yaml#1:producer', settings: ['acks=0'] }]);
  });

  it('an error at the very end gets a non-empty span inside the text', () => {
    const text = 'kafka: "x';
    const f = parseYaml(text, 'x.yml');
    assert.ok(f.errors.length >= 1);
    for (const e of f.errors) assert.ok(e.span.start < e.span.end && e.span.end <= text.length);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const text = 'kafka: ' + s; // mention Kafka so the text is really parsed
        const f = parseYaml(text, 'application.yml');
        assert.equal(f.text, text);
        for (const e of f.errors) assert.ok(0 <= e.span.start && e.span.start < e.span.end && e.span.end <= text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on YAML-ish fragments', () => {
    const pieces = ['spring:', 'kafka:', 'producer:', 'acks: 1', '  ', '\t', '- ', '"', "'", '[', ']', '{', '}', '#', '&a', '*a', '<<: *a', '\n', '\r\n', ': ', '---', '...', '|', '>', '!!str', '?', '${X:1}', 'services:', 'image: bitnami/kafka', 'environment:', 'apiVersion: kafka.strimzi.io/v1', 'kind: Kafka'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const p of ['application.yml', 'docker-compose.yml', 'kafka.yaml']) parseYaml(text, p);
      }),
      { numRuns: 500 },
    );
  });

  it('alias cycles are cut', () => {
    const text = 'spring: &s\n  kafka:\n    producer:\n      acks: 0\n    again: *s\n';
    const f = parseYaml(text, 'application.yml');
    assert.deepEqual(settingsOf(f), [{ id: 'spring-yaml#0:producer', settings: ['acks=0'] }]);
  });
});

describe('yaml: files that never mention Kafka', () => {
  it('are not parsed: no units, no comments, no errors', () => {
    const f = parseYaml('a: [\n# comment\nb: "unterminated\n', 'openapi.yaml');
    assert.deepEqual([f.units, f.comments, f.errors, f.eol], [[], [], [], '\n']);
  });

  it('any spelling counts as a mention, cp-server and confluent-local included', () => {
    for (const t of ['# KAFKA\na: [\n', 'image: confluentinc/cp-server\na: [\n', 'image: confluentinc/confluent-local\na: [\n']) {
      assert.ok(parseYaml(t, 'x.yaml').errors.length > 0, t);
    }
  });
});

describe('yaml: multiple documents', () => {
  it('units per document, in order, with their own spans', () => {
    const text = [
      'spring.kafka.producer.acks: 1',
      '---',
      'apiVersion: kafka.strimzi.io/v1',
      'kind: KafkaTopic',
      'metadata: {name: t}',
      'spec: {replicas: 1}',
      '---',
      'spring:',
      '  kafka:',
      '    consumer:',
      '      enable-auto-commit: true',
      '',
    ].join('\n');
    const f = parseYaml(text, 'mixed.yaml');
    assert.deepEqual(settingsOf(f), [
      { id: 'spring-yaml#0:producer', settings: ['acks=1'] },
      { id: 'strimzi-topic#1:t', settings: ['replication.factor=1'] },
      { id: 'spring-yaml#2:consumer', settings: ['enable.auto.commit=true'] },
    ]);
    assert.equal(cut(text, f.units[1].settings[0].valueSpan), '1');
    assert.equal(f.units[1].settings[0].valueSpan.start, text.indexOf('replicas: 1') + 'replicas: '.length);
  });
});

describe('yaml: quiet on YAML that is not Kafka configuration', () => {
  const quiet: [string, string][] = [
    [
      '.github/workflows/ci.yml',
      'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    services:\n      kafka:\n        image: bitnami/kafka:3.7\n    steps:\n      - uses: actions/checkout@v4\n      - run: \'echo "acks: 0"\'\n',
    ],
    // A Kafka tool's container (not a broker image), a broker image running a tool, a Job.
    [
      'deploy.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ui\nspec:\n  template:\n    spec:\n      containers:\n        - name: ui\n          image: provectuslabs/kafka-ui:v0.7.2\n          env:\n            - name: KAFKA_CLUSTERS_0_NAME\n              value: local\n' +
        '        - name: topics\n          image: confluentinc/cp-kafka:7.6.0\n          command: [kafka-topics, --create, --topic, t]\n          env:\n            - name: KAFKA_MIN_INSYNC_REPLICAS\n              value: "1"\n' +
        '---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: init\nspec:\n  template:\n    spec:\n      containers:\n        - name: init\n          image: apache/kafka:3.9.0\n          env:\n            - name: KAFKA_MIN_INSYNC_REPLICAS\n              value: "1"\n',
    ],
    // A ConfigMap's files that are not Kafka configuration; a Spring property as a key (read by
    // Spring Cloud Kubernetes or a `configtree:` import) is not read yet.
    [
      'configmap.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  spring.kafka.producer.acks: "0"\n  log4j.properties: |\n    log4j.rootLogger=INFO, stdout\n  nginx.conf: |\n    events {}\n  kafka-metrics.yml: |\n    rules:\n      - pattern: "kafka.server<type=(.+)>"\n',
    ],
    ['values.yaml', 'replicaCount: 1\nimage:\n  repository: bitnami/kafka\n  tag: 3.7\nkafka:\n  config:\n    min.insync.replicas: 1\n'],
    ['openapi.yaml', 'openapi: 3.0.0\ninfo:\n  title: api\npaths:\n  /acks:\n    get:\n      parameters:\n        - name: acks\n          in: query\n'],
    ['docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 1\n  ui:\n    image: provectuslabs/kafka-ui\n    environment:\n      KAFKA_CLUSTERS_0_NAME: local\n  registry:\n    image: confluentinc/cp-schema-registry:7.6.0\n  zk:\n    image: confluentinc/cp-zookeeper:7.6.0\n  connect:\n    image: confluentinc/cp-kafka-connect:7.6.0\n    environment:\n      CONNECT_BOOTSTRAP_SERVERS: kafka:9092\n'],
    ['application.yml', 'server:\n  port: 8080\nspring:\n  datasource:\n    url: jdbc:h2:mem:x\n  kafka:\n'],
    ['pom-like.yaml', '- a\n- b\n'],
    ['scalar.yaml', 'just text\n'],
    ['empty.yaml', ''],
    ['comments.yaml', '# only a comment\n'],
  ];
  for (const [path, text] of quiet) {
    it(path, () => {
      const f = parseYaml(text, path);
      assert.deepEqual(f.units, []);
      assert.deepEqual(f.errors, []);
      assert.deepEqual(lint({ text, path }).findings, []);
    });
  }
});
