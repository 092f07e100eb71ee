// librdkafka's idempotent producer (rules/librdkafka.ts), in `.properties` files of librdkafka
// clients and confluent-kafka-go ConfigMaps: off by default; on when set, or implied by a
// transactional id; refused at creation when set against acks, retries or max.in.flight.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint } from '../../server/src/engine/index.js';
import { resolveOptions } from '../../server/src/engine/options.js';

const O = resolveOptions([]);
const P = 'producer.properties';
// `message.timeout.ms` is librdkafka's own: it makes the file a librdkafka client's.
const rdk = (lines: string) => 'bootstrap.servers=localhost:9092\nmessage.timeout.ms=300000\n' + lines;
const found = (text: string, path = P) =>
  lint({ text, path }, O).findings.filter((f) => ['idempotence', 'max-in-flight', 'transactional-id'].includes(f.ruleId)).map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);

describe('librdkafka idempotence', () => {
  it('refuses explicit idempotence with acks other than all, retries below 1 or more than 5 in flight, under either name', () => {
    const text = rdk('enable.idempotence=true\nrequest.required.acks=1\nmessage.send.max.retries=0\nmax.in.flight=10\n');
    assert.deepEqual(found(text), ['idempotence error 1', 'idempotence error 0', 'max-in-flight error 10']);
    const m = lint({ text, path: P }, O).findings.find((f) => f.ruleId === 'idempotence')!.message;
    assert.match(m, /librdkafka refuses to create the producer/);
    assert.doesNotMatch(m, /ConfigException/);
    const fixed = fixText({ text, path: P }, O).output;
    assert.equal(fixed, rdk('enable.idempotence=true\nrequest.required.acks=all\nmax.in.flight=5\n'));
    assert.deepEqual(found(fixed), []);
  });

  it('the later of two names for one property is the one in force', () => {
    assert.deepEqual(found(rdk('enable.idempotence=true\nacks=1\nrequest.required.acks=all\n')), []);
    assert.deepEqual(found(rdk('enable.idempotence=true\nrequest.required.acks=all\nacks=1\n')), ['idempotence error 1']);
  });

  it('reports an explicit false, with a fix that turns it on and repairs what would then be refused', () => {
    const text = rdk('enable.idempotence=false\nacks=1\n');
    assert.deepEqual(found(text), ['idempotence warning false']);
    const fixed = fixText({ text, path: P }, O, { unsafe: true, ruleIds: ['idempotence'] }).output;
    assert.equal(fixed, rdk('enable.idempotence=true\nacks=all\n'));
  });

  it('a transactional id turns it on: refused with false, with acks=1, with 10 in flight', () => {
    assert.deepEqual(found(rdk('transactional.id=tx\nenable.idempotence=false\n')), ['idempotence warning false', 'transactional-id error false']);
    assert.deepEqual(found(rdk('transactional.id=tx\nacks=1\nmax.in.flight.requests.per.connection=10\n')), ['transactional-id error 1', 'max-in-flight error 10']);
    const fixed = fixText({ text: rdk('transactional.id=tx\nenable.idempotence=false\nacks=1\n'), path: P }, O).output;
    assert.equal(fixed, rdk('transactional.id=tx\nenable.idempotence=true\nacks=all\n'));
    assert.deepEqual(found(rdk('transactional.id=tx\n')), []);
  });

  it('without idempotence, more than one request in flight with retries reorders (information)', () => {
    assert.deepEqual(found(rdk('max.in.flight=10\n')), ['max-in-flight information 10']);
    assert.deepEqual(found(rdk('max.in.flight=1\n')), []);
    assert.deepEqual(found(rdk('max.in.flight=10\nretries=0\n')), []);
    assert.deepEqual(found(rdk('max.in.flight=${N}\n')), []);
    assert.deepEqual(found(rdk('enable.idempotence=${IDEM}\nacks=1\n')), []);
  });

  it('judges confluent-kafka-go ConfigMaps the same way, and fixes keep their Go types', () => {
    const go =
      'package main\n\nimport "github.com/confluentinc/confluent-kafka-go/v2/kafka"\n\nfunc producer() (*kafka.Producer, error) {\n' +
      '\treturn kafka.NewProducer(&kafka.ConfigMap{\n\t\t"bootstrap.servers":  "localhost:9092",\n\t\t"enable.idempotence": true,\n\t\t"acks":               1,\n\t\t"max.in.flight":      20,\n\t})\n}\n';
    assert.deepEqual(found(go, 'producer.go'), ['idempotence error 1', 'max-in-flight error 20']);
    const fixed = fixText({ text: go, path: 'producer.go' }, O).output;
    assert.match(fixed, /"acks": {15}"all",\n/);
    assert.match(fixed, /"max.in.flight": {6}5,\n/);
  });
});
