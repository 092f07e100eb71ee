import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  SARAMA_CONSTANTS,
  SARAMA_CONSTRUCTORS,
  SARAMA_FIELDS,
  SARAMA_KAFKA_VERSIONS,
  SARAMA_NEWEST_KNOWN,
  goQuote,
  normaliseSaramaKafkaVersion,
  saramaConstName,
  saramaConstValue,
  saramaConstantDoc,
  saramaConstructor,
  saramaDefault,
  saramaDefaultKafkaVersion,
  saramaDefaultKeys,
  saramaFieldByKey,
  saramaFieldByPath,
  saramaGoText,
  saramaKeyOf,
  saramaParseKafkaVersion,
  saramaPathOf,
  saramaRoleOfPath,
  saramaValue,
  saramaVersionConst,
  saramaVersionFromConst,
} from '../../server/src/engine/knowledge/sarama.js';

describe('sarama knowledge: field table', () => {
  it('maps the Kafka-equivalent fields to canonical keys (facts.md §12)', () => {
    const expected: [string, string][] = [
      ['Producer.RequiredAcks', 'acks'],
      ['Producer.Retry.Max', 'retries'],
      ['Producer.Idempotent', 'enable.idempotence'],
      ['Net.MaxOpenRequests', 'max.in.flight.requests.per.connection'],
      ['Producer.Transaction.ID', 'transactional.id'],
      ['Consumer.Offsets.Initial', 'auto.offset.reset'],
      ['Consumer.Offsets.AutoCommit.Enable', 'enable.auto.commit'],
      ['Consumer.Offsets.AutoCommit.Interval', 'auto.commit.interval.ms'],
      ['Consumer.IsolationLevel', 'isolation.level'],
    ];
    for (const [path, key] of expected) {
      assert.equal(saramaKeyOf(path), key, path);
      assert.equal(saramaFieldByKey(key)?.path, path, key);
      assert.equal(saramaPathOf(key), path, key);
    }
    assert.equal(SARAMA_FIELDS.filter((f) => !f.key.startsWith('sarama:')).length, expected.length);
  });

  it('namespaces every other field under sarama:', () => {
    assert.equal(saramaKeyOf('Producer.Return.Errors'), 'sarama:Producer.Return.Errors');
    assert.equal(saramaKeyOf('Producer.Return.Successes'), 'sarama:Producer.Return.Successes');
    assert.equal(saramaKeyOf('Version'), 'sarama:Version');
    assert.equal(saramaKeyOf('Consumer.Offsets.CommitInterval'), 'sarama:Consumer.Offsets.CommitInterval');
    assert.equal(saramaKeyOf('Not.A.Field'), 'sarama:Not.A.Field');
    assert.equal(saramaPathOf('sarama:Not.A.Field'), 'Not.A.Field');
    assert.equal(saramaFieldByPath('Not.A.Field'), undefined);
    assert.equal(saramaPathOf('linger.ms'), undefined);
  });

  it('has unique paths and keys, with kinds and roles', () => {
    assert.equal(new Set(SARAMA_FIELDS.map((f) => f.path)).size, SARAMA_FIELDS.length);
    assert.equal(new Set(SARAMA_FIELDS.map((f) => f.key)).size, SARAMA_FIELDS.length);
    assert.equal(saramaFieldByPath('Producer.RequiredAcks')?.kind, 'acks');
    assert.equal(saramaFieldByPath('Consumer.Offsets.Initial')?.kind, 'offset');
    assert.equal(saramaFieldByPath('Consumer.IsolationLevel')?.kind, 'isolation');
    assert.equal(saramaFieldByPath('Version')?.kind, 'version');
    assert.equal(saramaFieldByPath('Producer.Timeout')?.kind, 'duration');
    assert.equal(saramaFieldByPath('Producer.Return.Errors')?.kind, 'bool');
    assert.equal(saramaFieldByPath('Producer.Transaction.ID')?.kind, 'string');
    assert.equal(saramaRoleOfPath('Producer.Flush.Bytes'), 'producer');
    assert.equal(saramaRoleOfPath('Consumer.Fetch.Min'), 'consumer');
    assert.equal(saramaRoleOfPath('Net.MaxOpenRequests'), 'client');
    assert.equal(saramaFieldByPath('Version')?.role, 'client');
  });
});

describe('sarama knowledge: values', () => {
  const field = (path: string) => {
    const f = saramaFieldByPath(path);
    assert.ok(f);
    return f;
  };

  it('reads constants and numbers per kind', () => {
    const acks = field('Producer.RequiredAcks');
    assert.equal(saramaValue(acks, { type: 'sarama', name: 'NoResponse' }), '0');
    assert.equal(saramaValue(acks, { type: 'sarama', name: 'WaitForLocal' }), '1');
    assert.equal(saramaValue(acks, { type: 'sarama', name: 'WaitForAll' }), 'all');
    assert.equal(saramaValue(acks, { type: 'number', value: -1 }), 'all');
    assert.equal(saramaValue(acks, { type: 'number', value: 3 }), '3');
    assert.equal(saramaValue(acks, { type: 'sarama', name: 'OffsetOldest' }), undefined);
    assert.equal(saramaValue(acks, { type: 'bool', value: true }), undefined);
    const initial = field('Consumer.Offsets.Initial');
    assert.equal(saramaValue(initial, { type: 'sarama', name: 'OffsetOldest' }), 'earliest');
    assert.equal(saramaValue(initial, { type: 'sarama', name: 'OffsetNewest' }), 'latest');
    assert.equal(saramaValue(initial, { type: 'number', value: -2 }), 'earliest');
    assert.equal(saramaValue(initial, { type: 'number', value: -1 }), 'latest');
    const iso = field('Consumer.IsolationLevel');
    assert.equal(saramaValue(iso, { type: 'sarama', name: 'ReadCommitted' }), 'read_committed');
    assert.equal(saramaValue(iso, { type: 'number', value: 0 }), 'read_uncommitted');
    const version = field('Version');
    assert.equal(saramaValue(version, { type: 'sarama', name: 'V2_8_0_0' }), '2.8.0.0');
    assert.equal(saramaValue(version, { type: 'sarama', name: 'DefaultVersion' }), '2.8.0.0');
    assert.equal(saramaValue(version, { type: 'sarama', name: 'MinVersion' }), '0.8.2.0');
    assert.equal(saramaValue(version, { type: 'sarama', name: 'MaxVersion' }), '4.3.1.0');
    assert.equal(saramaValue(version, { type: 'version', value: '3.6.0.0' }), '3.6.0.0');
    assert.equal(saramaValue(version, { type: 'string', value: '2.8.0' }), undefined);
    assert.equal(saramaValue(field('Producer.Idempotent'), { type: 'bool', value: false }), 'false');
    assert.equal(saramaValue(field('Producer.Idempotent'), { type: 'number', value: 1 }), undefined);
    assert.equal(saramaValue(field('Net.MaxOpenRequests'), { type: 'number', value: 5 }), '5');
    assert.equal(saramaValue(field('Net.MaxOpenRequests'), { type: 'number', value: 1.5 }), undefined);
    assert.equal(saramaValue(field('Producer.Transaction.ID'), { type: 'string', value: 'tx' }), 'tx');
    assert.equal(saramaValue(field('Consumer.Offsets.AutoCommit.Interval'), { type: 'number', value: 1e9, duration: true }), '1000');
    assert.equal(saramaValue(field('Consumer.Offsets.AutoCommit.Interval'), { type: 'number', value: 1500 }), '0.0015');
    assert.equal(saramaValue(undefined, { type: 'number', value: 7 }), '7');
    assert.equal(saramaValue(field('Producer.Compression'), { type: 'sarama', name: 'CompressionLZ4' }), 'CompressionLZ4');
  });

  it('writes canonical values back as Go text', () => {
    const q = (n: string) => `sarama.${n}`;
    const d = (ms: number) => `${ms}ms`;
    const go = (path: string, v: string) => saramaGoText(field(path), v, q, d);
    assert.equal(go('Producer.RequiredAcks', 'all'), 'sarama.WaitForAll');
    assert.equal(go('Producer.RequiredAcks', 'ALL'), 'sarama.WaitForAll');
    assert.equal(go('Producer.RequiredAcks', '-1'), 'sarama.WaitForAll');
    assert.equal(go('Producer.RequiredAcks', '1'), 'sarama.WaitForLocal');
    assert.equal(go('Producer.RequiredAcks', '0'), 'sarama.NoResponse');
    assert.equal(go('Producer.RequiredAcks', '2'), undefined);
    assert.equal(go('Consumer.Offsets.Initial', 'earliest'), 'sarama.OffsetOldest');
    assert.equal(go('Consumer.Offsets.Initial', 'latest'), 'sarama.OffsetNewest');
    assert.equal(go('Consumer.Offsets.Initial', 'none'), undefined);
    assert.equal(go('Consumer.IsolationLevel', 'read_committed'), 'sarama.ReadCommitted');
    assert.equal(go('Version', '2.8.0.0'), 'sarama.V2_8_0_0');
    assert.equal(go('Version', '2.8.0'), 'sarama.V2_8_0_0');
    assert.equal(go('Version', 'V3_6_0_0'), 'sarama.V3_6_0_0');
    assert.equal(go('Version', 'DefaultVersion'), 'sarama.DefaultVersion');
    assert.equal(go('Version', '9.0.0.0'), undefined);
    assert.equal(go('Producer.Idempotent', 'true'), 'true');
    assert.equal(go('Producer.Idempotent', 'True'), undefined);
    assert.equal(go('Producer.Retry.Max', '10'), '10');
    assert.equal(go('Producer.Retry.Max', '1e3'), undefined);
    assert.equal(go('Producer.Transaction.ID', 'a"b\\c\n'), '"a\\"b\\\\c\\n"');
    assert.equal(go('Consumer.Offsets.AutoCommit.Interval', '1000'), '1000ms');
    assert.equal(go('Consumer.Offsets.AutoCommit.Interval', 'soon'), undefined);
    assert.equal(go('Producer.Compression', 'CompressionGZIP'), 'sarama.CompressionGZIP');
    assert.equal(go('Producer.Partitioner', 'NewHashPartitioner'), undefined);
  });

  it('maps constants to canonical values and back', () => {
    assert.equal(saramaConstName('acks', 'all'), 'WaitForAll');
    assert.equal(saramaConstName('acks', '-1'), 'WaitForAll');
    assert.equal(saramaConstName('acks', '1'), 'WaitForLocal');
    assert.equal(saramaConstName('acks', '0'), 'NoResponse');
    assert.equal(saramaConstName('auto.offset.reset', 'earliest'), 'OffsetOldest');
    assert.equal(saramaConstName('auto.offset.reset', 'latest'), 'OffsetNewest');
    assert.equal(saramaConstName('isolation.level', 'read_committed'), 'ReadCommitted');
    assert.equal(saramaConstName('sarama:Version', '2.8.0.0'), 'V2_8_0_0');
    assert.equal(saramaConstName('retries', '3'), undefined);
    assert.deepEqual(saramaConstValue('WaitForAll'), { key: 'acks', value: 'all' });
    assert.deepEqual(saramaConstValue('NoResponse'), { key: 'acks', value: '0' });
    assert.deepEqual(saramaConstValue('OffsetOldest'), { key: 'auto.offset.reset', value: 'earliest' });
    assert.deepEqual(saramaConstValue('ReadUncommitted'), { key: 'isolation.level', value: 'read_uncommitted' });
    assert.deepEqual(saramaConstValue('V0_11_0_0'), { key: 'sarama:Version', value: '0.11.0.0' });
    assert.equal(saramaConstValue('CompressionSnappy'), undefined);
  });

  it('quotes Go strings', () => {
    assert.equal(goQuote('plain'), '"plain"');
    assert.equal(goQuote('tab\there'), '"tab\\there"');
    assert.equal(goQuote('\u0001'), '"\\x01"');
    assert.equal(goQuote('日本'), '"日本"');
  });
});

describe('sarama knowledge: Kafka versions', () => {
  it('converts between constants and dotted versions', () => {
    assert.equal(saramaVersionFromConst('V2_8_0_0'), '2.8.0.0');
    assert.equal(saramaVersionFromConst('V0_10_2_1'), '0.10.2.1');
    assert.equal(saramaVersionFromConst('DefaultVersion'), undefined);
    assert.equal(saramaVersionConst('2.8.0.0'), 'V2_8_0_0');
    assert.equal(saramaVersionConst('3.6'), 'V3_6_0_0');
    assert.equal(saramaVersionConst('0.11.0.2'), 'V0_11_0_2');
    assert.equal(saramaVersionConst('0.11'), undefined);
    assert.equal(saramaVersionConst('5.0.0.0'), undefined);
    assert.equal(normaliseSaramaKafkaVersion('2.8'), '2.8.0.0');
    assert.equal(normaliseSaramaKafkaVersion('V4_0_0_0'), '4.0.0.0');
    assert.equal(normaliseSaramaKafkaVersion('x'), undefined);
  });

  it('mirrors ParseKafkaVersion: 0.x takes four parts, later versions three', () => {
    assert.equal(saramaParseKafkaVersion('2.8.0'), '2.8.0.0');
    assert.equal(saramaParseKafkaVersion('0.11.0.2'), '0.11.0.2');
    assert.equal(saramaParseKafkaVersion('2.8.0.0'), undefined);
    assert.equal(saramaParseKafkaVersion('0.11.0'), undefined);
    assert.equal(saramaParseKafkaVersion('2.8'), undefined);
    assert.equal(saramaParseKafkaVersion('v2.8.0'), undefined);
  });

  it('lists every version constant once, in ascending order, ending at MaxVersion', () => {
    assert.equal(new Set(SARAMA_KAFKA_VERSIONS).size, SARAMA_KAFKA_VERSIONS.length);
    assert.equal(SARAMA_KAFKA_VERSIONS[0], '0.8.2.0');
    assert.equal(SARAMA_KAFKA_VERSIONS[SARAMA_KAFKA_VERSIONS.length - 1], '4.3.1.0');
    const num = (v: string) => v.split('.').reduce((a, x) => a * 1000 + Number(x), 0);
    for (let i = 1; i < SARAMA_KAFKA_VERSIONS.length; i++) assert.ok(num(SARAMA_KAFKA_VERSIONS[i]) > num(SARAMA_KAFKA_VERSIONS[i - 1]));
  });

  it('knows DefaultVersion by sarama release (facts.md §8.8)', () => {
    const table: [string | undefined, string][] = [
      ['1.19.0', '0.8.2.0'],
      ['1.27.0', '0.8.2.0'],
      ['1.27.1', '1.0.0.0'],
      ['1.38.1', '1.0.0.0'],
      ['1.40.1', '1.0.0.0'],
      ['1.41.0', '2.1.0.0'],
      ['1.43.2', '2.1.0.0'],
      ['1.50.2', '2.1.0.0'],
      ['1.50.3', '2.6.0.0'],
      ['1.60.0', '2.6.0.0'],
      ['1.60.1', '2.8.0.0'],
      ['1.70.0', '2.8.0.0'],
      [undefined, '2.8.0.0'],
    ];
    for (const [sarama, kafka] of table) assert.equal(saramaDefaultKafkaVersion(sarama), kafka, String(sarama));
  });
});

describe('sarama knowledge: NewConfig() defaults', () => {
  it('gives the loss-relevant defaults of facts.md §8.1', () => {
    const expected: Record<string, string> = {
      acks: '1',
      retries: '3',
      'max.in.flight.requests.per.connection': '5',
      'enable.idempotence': 'false',
      'auto.offset.reset': 'latest',
      'enable.auto.commit': 'true',
      'auto.commit.interval.ms': '1000',
      'isolation.level': 'read_uncommitted',
      'sarama:Producer.Return.Errors': 'true',
      'sarama:Producer.Return.Successes': 'false',
      'sarama:Producer.Timeout': '10000',
      'sarama:Producer.Retry.Backoff': '100',
      'sarama:Metadata.AllowAutoTopicCreation': 'true',
      'sarama:Consumer.Offsets.Retry.Max': '3',
      'sarama:Version': '2.8.0.0',
    };
    for (const [key, value] of Object.entries(expected)) assert.equal(saramaDefault(key)?.value, value, key);
    assert.ok(saramaDefaultKeys().includes('sarama:Version'));
    assert.equal(saramaDefault('linger.ms'), undefined);
    assert.equal(saramaDefault('sarama:Producer.Compression'), undefined);
  });

  it('says which release the default belongs to', () => {
    assert.deepEqual(saramaDefault('acks', '1.43.2'), { value: '1', source: 'sarama v1.43.2 default' });
    assert.deepEqual(saramaDefault('acks', 'v1.43.2'), { value: '1', source: 'sarama v1.43.2 default' });
    assert.deepEqual(saramaDefault('sarama:Version', '1.43.2'), { value: '2.1.0.0', source: 'sarama v1.43.2 default' });
    assert.deepEqual(saramaDefault('sarama:Version', '1.26.0'), { value: '0.8.2.0', source: 'sarama v1.26.0 default' });
    assert.deepEqual(saramaDefault('acks'), { value: '1', source: `newest sarama (v${SARAMA_NEWEST_KNOWN}) default` });
    assert.deepEqual(saramaDefault('retries', '1.99.0'), { value: '3', source: `sarama v1.99.0 default (as of v${SARAMA_NEWEST_KNOWN}, the newest known)` });
    assert.equal(saramaDefault('acks', 'latest'), undefined);
    assert.equal(SARAMA_NEWEST_KNOWN, '1.60.1');
  });
});

describe('sarama knowledge: constants and constructors', () => {
  it('documents every constant in English and Chinese', () => {
    assert.equal(new Set(SARAMA_CONSTANTS.map((c) => c.name)).size, SARAMA_CONSTANTS.length);
    for (const c of SARAMA_CONSTANTS) {
      assert.ok(c.doc.en.trim().length > 10, c.name);
      assert.ok(/[\u4e00-\u9fff]/.test(c.doc.zh), c.name);
    }
    for (const name of ['NoResponse', 'WaitForLocal', 'WaitForAll', 'OffsetNewest', 'OffsetOldest', 'ReadUncommitted', 'ReadCommitted', 'DefaultVersion', 'MinVersion', 'MaxVersion']) {
      assert.ok(saramaConstantDoc(name), name);
    }
    assert.equal(saramaConstantDoc('WaitForAll')?.value, 'all');
    assert.equal(saramaConstantDoc('OffsetOldest')?.type, 'offset');
    assert.equal(saramaConstantDoc('V2_8_0_0')?.value, '2.8.0.0');
    assert.equal(SARAMA_CONSTANTS.filter((c) => /^V\d/.test(c.name)).length, SARAMA_KAFKA_VERSIONS.length);
  });

  it('knows which argument carries the config or the client', () => {
    assert.deepEqual(saramaConstructor('NewSyncProducer'), { name: 'NewSyncProducer', role: 'producer', configArg: 1 });
    assert.deepEqual(saramaConstructor('NewConsumerGroup'), { name: 'NewConsumerGroup', role: 'consumer', configArg: 2 });
    assert.deepEqual(saramaConstructor('NewConsumerGroupFromClient'), { name: 'NewConsumerGroupFromClient', role: 'consumer', clientArg: 1 });
    assert.equal(saramaConstructor('NewConfig'), undefined);
    for (const c of SARAMA_CONSTRUCTORS) assert.ok((c.configArg === undefined) !== (c.clientArg === undefined), c.name);
  });
});
