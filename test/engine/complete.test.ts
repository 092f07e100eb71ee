// Completion decided by the engine (test/lsp covers the transport).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completeAt } from '../../server/src/engine/complete.js';
import { resolveOptions } from '../../server/src/engine/options.js';

describe('completion: keys for the Kafka version in use', () => {
  const kafka = (version: string | undefined) =>
    'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n' +
    (version ? `    version: ${version}\n` : '') +
    '    config:\n      min.insync.replicas: 2\n      log.mess';
  const offered = (text: string, kafkaVersion?: string) =>
    completeAt(text, '/x/kafka.yaml', text.length, resolveOptions(kafkaVersion ? [{ source: 'test', options: { kafkaVersion } }] : [])).map((i) => i.label);

  it("a Strimzi Kafka resource's config offers the keys of its spec.kafka.version, over the configured version", () => {
    // log.message.format.version is read until Kafka 3.9 and removed in 4.0.
    assert.ok(offered(kafka('3.9.0')).includes('log.message.format.version'));
    assert.ok(offered(kafka('3.9.0'), '4.0').includes('log.message.format.version'));
    assert.ok(!offered(kafka('4.1.0'), '3.9').includes('log.message.format.version'));
  });

  it('without spec.kafka.version, the configured version decides', () => {
    assert.ok(!offered(kafka(undefined)).includes('log.message.format.version'));
    assert.ok(offered(kafka(undefined), '3.9').includes('log.message.format.version'));
  });
});
