// A fix that inserts several settings where the block holding them is missing opens that block
// once (fixer.ts mergeInsertions), so the fixed file stays valid YAML: Spring Boot, Kubernetes and
// docker compose refuse a mapping with a key written twice.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { lint } from '../../server/src/engine/index.js';
import { applyEdits, mergeInsertions } from '../../server/src/engine/fixer.js';
import { resolveOptions } from '../../server/src/engine/options.js';

const O = resolveOptions([]);

describe('mergeInsertions', () => {
  it('writes a block two insertions open at one offset once, with both settings under it', () => {
    const merged = mergeInsertions([
      { start: 5, end: 5, newText: '\n    config:\n      min.insync.replicas: 2' },
      { start: 5, end: 5, newText: '\n    config:\n      default.replication.factor: 3' },
    ]);
    assert.deepEqual(merged, [{ start: 5, end: 5, newText: '\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3' }]);
  });

  it('merges nested blocks as paths: each setting lands under its own path, whatever the order', () => {
    const merged = mergeInsertions([
      { start: 0, end: 0, newText: '\n  kafka:\n    producer:\n      acks: all' },
      { start: 0, end: 0, newText: '\n  kafka:\n    consumer:\n      enable-auto-commit: false' },
      { start: 0, end: 0, newText: '\n  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": true' },
    ]);
    assert.equal(merged.length, 1);
    assert.equal(
      merged[0].newText,
      '\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n    consumer:\n      enable-auto-commit: false',
    );
  });

  it('keeps CRLF line breaks', () => {
    const merged = mergeInsertions([
      { start: 3, end: 3, newText: '\r\n    environment:\r\n      KAFKA_A: 1' },
      { start: 3, end: 3, newText: '\r\n    environment:\r\n      KAFKA_B: 2' },
    ]);
    assert.deepEqual(merged, [{ start: 3, end: 3, newText: '\r\n    environment:\r\n      KAFKA_A: 1\r\n      KAFKA_B: 2' }]);
  });

  it('joins lines without a block (properties, Go) as applying them one after the other does', () => {
    const edits = [
      { start: 7, end: 7, newText: '\nmin.insync.replicas=2' },
      { start: 7, end: 7, newText: '\ndefault.replication.factor=3' },
    ];
    const text = 'a=1\nb=2\nc=3\n';
    assert.equal(applyEdits(text, mergeInsertions(edits)).text, applyEdits(text, edits).text);
    assert.equal(mergeInsertions(edits).length, 1);
  });

  it('leaves alone what it does not recognise, and edits at other offsets or with a width', () => {
    const odd = [
      { start: 2, end: 2, newText: 'x: 1\n' }, // does not start on a new line
      { start: 2, end: 2, newText: '\ny: 2' },
      { start: 4, end: 6, newText: 'z' },
      { start: 9, end: 9, newText: '\nw: 3' },
    ];
    assert.equal(mergeInsertions(odd), odd);
    const mixed = [
      { start: 1, end: 1, newText: '\r\n  a: 1' },
      { start: 1, end: 1, newText: '\n  b: 2' }, // another kind of line break
    ];
    assert.equal(mergeInsertions(mixed), mixed);
  });
});

/** The text after the preferred fix of `ruleId`'s first finding, checked to be valid YAML with unique keys. */
function fixed(path: string, text: string, ruleId: string): string {
  const f = lint({ path, text }, O).findings.find((x) => x.ruleId === ruleId);
  assert.ok(f, `no ${ruleId} finding`);
  const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
  assert.ok(fix, `no fix for ${ruleId}`);
  const out = applyEdits(text, fix.edits).text;
  for (const doc of parseAllDocuments(out)) assert.deepEqual(doc.errors, [], `fixed text is not valid YAML:\n${out}`);
  assert.ok(!lint({ path, text: out }, O).findings.some((x) => x.ruleId === ruleId), `${ruleId} still reported after its fix:\n${out}`);
  return out;
}

describe('fixes that insert two settings into a missing block', () => {
  const strimzi = [
    'apiVersion: kafka.strimzi.io/v1beta2',
    'kind: Kafka',
    'metadata:',
    '  name: c',
    'spec:',
    '  kafka:',
    '    version: 3.9.0',
    '    replicas: 3',
    '    listeners:',
    '      - name: plain',
    '        port: 9092',
    '        type: internal',
    '        tls: false',
    '  entityOperator:',
    '    topicOperator: {}',
    '',
  ].join('\n');

  it('Strimzi Kafka without `config`: min ISR and the default replication factor in one `config` block', () => {
    const out = fixed('kafka.yaml', strimzi, 'min-insync-replicas');
    assert.equal(out.match(/^ {4}config:$/gm)?.length, 1, out);
    assert.match(out, /\n {4}config:\n {6}min\.insync\.replicas: 2\n {6}default\.replication\.factor: 3\n {2}entityOperator:/);
  });

  it('the same with CRLF line endings', () => {
    const out = fixed('kafka.yaml', strimzi.replace(/\n/g, '\r\n'), 'min-insync-replicas');
    assert.equal(out.match(/^ {4}config:\r$/gm)?.length, 1, out);
    assert.ok(!/[^\r]\n/.test(out), 'a bare LF in the fixed CRLF file');
  });

  it('docker-compose broker without `environment`: one `environment` block', () => {
    const compose = [
      'services:',
      '  kafka-1:',
      '    image: apache/kafka:3.9.0',
      '    environment:',
      '      KAFKA_NODE_ID: 1',
      '      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"',
      '  kafka-2:',
      '    image: apache/kafka:3.9.0',
      '    environment:',
      '      KAFKA_NODE_ID: 2',
      '      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "false"',
      '  kafka-3:',
      '    image: apache/kafka:3.9.0',
      '    hostname: kafka-3',
      '',
    ].join('\n');
    const f = lint({ path: 'docker-compose.yml', text: compose }, O).findings.filter((x) => x.ruleId === 'min-insync-replicas');
    const third = f.find((x) => compose.slice(x.span.start, x.span.end) === 'kafka-3');
    assert.ok(third, 'no min-insync-replicas finding on kafka-3');
    const fix = third.fixes.find((x) => x.preferred) ?? third.fixes[0];
    // The title spells the settings as the fix writes them (a map), not as a list's `KEY=value`.
    assert.equal(fix.title, 'Set `KAFKA_MIN_INSYNC_REPLICAS: 2` and `KAFKA_DEFAULT_REPLICATION_FACTOR: 3`');
    const out = applyEdits(compose, fix.edits).text;
    for (const doc of parseAllDocuments(out)) assert.deepEqual(doc.errors, [], `fixed text is not valid YAML:\n${out}`);
    assert.match(out, /\n {2}kafka-3:\n {4}image: apache\/kafka:3\.9\.0\n {4}hostname: kafka-3\n {4}environment:\n {6}KAFKA_MIN_INSYNC_REPLICAS: 2\n {6}KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n$/);
  });
});
