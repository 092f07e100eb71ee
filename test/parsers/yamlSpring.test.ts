// Spring Boot YAML: `spring.kafka.*` -> settings model, and the spring-yaml format editor.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../server/src/engine/parsers/yaml.js';
import { parseFile } from '../../server/src/engine/index.js';
import { applyEdits, createFixer, editorFor, type Fixer } from '../../server/src/engine/fixer.js';
import type { ConfigUnit, Edit, ParsedFile, Setting, Span } from '../../server/src/engine/model.js';

const cut = (text: string, s: Span) => text.slice(s.start, s.end);

function units(text: string, path = 'application.yml') {
  const f = parseYaml(text, path);
  return f.units.map((u) => ({
    id: u.id,
    role: u.role,
    anchor: cut(text, u.anchor),
    facts: u.facts,
    settings: u.settings.map((s) => ({
      key: s.key,
      role: s.role,
      value: s.value,
      raw: s.rawValue,
      dyn: s.dynamic,
      ph: !!s.placeholderDefault,
      prec: s.precedence,
      src: s.sourceKey,
      keyText: cut(text, s.keySpan),
      valueText: cut(text, s.valueSpan),
    })),
  }));
}

function compact(text: string, path = 'application.yml') {
  return parseYaml(text, path).units.map((u) => `${u.id} ${u.settings.map((s) => `${s.key}=${s.value}${s.dynamic ? '(dyn)' : ''}${s.placeholderDefault ? '(ph)' : ''}`).join(' ')}`);
}

/** Run one fixer call on the unit with this role and return the edited text (asserting it re-parses cleanly). */
function edit(text: string, role: string, f: (fx: Fixer, u: ConfigUnit, s: (key: string) => Setting, file: ParsedFile) => Edit[], path = 'application.yml'): string {
  const file = parseYaml(text, path);
  const u = file.units.find((x) => x.role === role);
  assert.ok(u, `no ${role} unit`);
  const fx = createFixer(file);
  const find = (key: string) => {
    const s = u.settings.find((x) => x.key === key);
    assert.ok(s, `no setting ${key}`);
    return s;
  };
  const edits = f(fx, u, find, file);
  const out = applyEdits(text, edits).text;
  assert.deepEqual(parseYaml(out, path).errors, [], `edited text does not parse:\n${out}`);
  return out;
}

describe('spring yaml: mapping', () => {
  it('nested keys, dedicated properties, map entries in both spellings, precedence', () => {
    const text = [
      'spring:',
      '  kafka:',
      '    bootstrap-servers: localhost:9092',
      '    properties:',
      '      "[security.protocol]": SSL',
      '    producer:',
      '      acks: 1',
      '      properties:',
      '        "[enable.idempotence]": false',
      '        linger.ms: 5',
      '        max:',
      '          in:',
      '            flight.requests.per.connection: 6',
      '',
    ].join('\n');
    const u = units(text);
    assert.equal(u.length, 1);
    assert.equal(u[0].id, 'spring-yaml#0:producer');
    assert.equal(u[0].anchor, 'producer');
    assert.deepEqual(
      u[0].settings.map((s) => [s.key, s.role, s.value, s.prec, s.src, s.keyText, s.valueText]),
      [
        ['bootstrap.servers', 'client', 'localhost:9092', 0, 'spring.kafka.bootstrap-servers', 'bootstrap-servers', 'localhost:9092'],
        ['security.protocol', 'client', 'SSL', 0, 'spring.kafka.properties[security.protocol]', '"[security.protocol]"', 'SSL'],
        ['acks', 'producer', '1', 1, 'spring.kafka.producer.acks', 'acks', '1'],
        ['enable.idempotence', 'producer', 'false', 2, 'spring.kafka.producer.properties[enable.idempotence]', '"[enable.idempotence]"', 'false'],
        ['linger.ms', 'producer', '5', 2, 'spring.kafka.producer.properties.linger.ms', 'linger.ms', '5'],
        ['max.in.flight.requests.per.connection', 'producer', '6', 2, 'spring.kafka.producer.properties.max.in.flight.requests.per.connection', 'flight.requests.per.connection', '6'],
      ],
    );
  });

  it('dotted keys at any level, and flow maps', () => {
    const text = [
      'spring.kafka.producer.acks: 0',
      'spring:',
      '  kafka.producer:',
      '    retries: 0',
      '  kafka: {consumer.enable-auto-commit: true, consumer: {auto-offset-reset: latest}}',
      '"spring.kafka.producer.properties[transactional.id]": tx-1',
      '',
    ].join('\n');
    const u = units(text);
    assert.deepEqual(
      u.map((x) => [x.id, x.anchor, x.settings.map((s) => [s.key, s.value, s.keyText, s.valueText])]),
      [
        [
          'spring-yaml#0:producer',
          'spring.kafka.producer.acks',
          [
            ['acks', '0', 'spring.kafka.producer.acks', '0'],
            ['retries', '0', 'retries', '0'],
            ['transactional.id', 'tx-1', '"spring.kafka.producer.properties[transactional.id]"', 'tx-1'],
          ],
        ],
        [
          'spring-yaml#0:consumer',
          'consumer.enable-auto-commit',
          [
            ['enable.auto.commit', 'true', 'consumer.enable-auto-commit', 'true'],
            ['auto.offset.reset', 'latest', 'auto-offset-reset', 'latest'],
          ],
        ],
      ],
    );
  });

  it('a dotted key inside a flow map at the spring level', () => {
    const text = 'spring: {kafka.producer.acks: 1}\n';
    assert.deepEqual(
      units(text).map((u) => [u.id, u.anchor, u.settings.map((s) => [s.key, s.value, s.keyText, s.valueText])]),
      [['spring-yaml#0:producer', 'kafka.producer.acks', [['acks', '1', 'kafka.producer.acks', '1']]]],
    );
  });

  it('common settings are copied into each role unit; listener.* goes to the consumer', () => {
    const text = [
      'spring:',
      '  kafka:',
      '    bootstrap-servers:',
      '      - a:9092',
      '      - b:9092',
      '    client-id: app',
      '    producer:',
      '      acks: all',
      '    listener:',
      '      ack-mode: manual_immediate',
      '    admin:',
      '      properties:',
      '        "[request.timeout.ms]": 1000',
      '    streams:',
      '      application-id: s1',
      '',
    ].join('\n');
    assert.deepEqual(compact(text), [
      'spring-yaml#0:producer bootstrap.servers=a:9092,b:9092 client.id=app acks=all',
      'spring-yaml#0:consumer bootstrap.servers=a:9092,b:9092 client.id=app spring:listener.ack-mode=manual_immediate',
      'spring-yaml#0:admin bootstrap.servers=a:9092,b:9092 client.id=app request.timeout.ms=1000',
      'spring-yaml#0:streams bootstrap.servers=a:9092,b:9092 client.id=app application.id=s1',
    ]);
    const p = units(text)[0];
    assert.equal(p.settings[0].valueText, '- a:9092\n      - b:9092');
    // The very same span: a rule reporting on the shared setting reports it once.
    const f = parseYaml(text, 'application.yml');
    assert.deepEqual(f.units[0].settings[0].valueSpan, f.units[1].settings[0].valueSpan);
  });

  it('only shared settings: one client unit', () => {
    const text = 'spring:\n  kafka:\n    bootstrap-servers: k:9092\n    properties:\n      "[acks]": 0\n';
    const u = units(text);
    assert.deepEqual(
      u.map((x) => [x.id, x.role, x.anchor, x.settings.map((s) => `${s.key}=${s.value}@${s.prec}`)]),
      [['spring-yaml#0:client', 'client', 'kafka', ['bootstrap.servers=k:9092@0', 'acks=0@0']]],
    );
  });

  it('value conversions: durations, sizes, enums, YAML 1.1 booleans, empty values', () => {
    const text = [
      'spring:',
      '  kafka:',
      '    consumer:',
      '      auto-commit-interval: 2s',
      '      auto-offset-reset: LATEST',
      '      enable-auto-commit: on',
      '      isolation-level: "READ_COMMITTED"',
      '      group-id:',
      '    producer:',
      '      batch-size: 16KB',
      '      acks: "yes"',
      '',
    ].join('\n');
    // Units come in source order. (`auto-offset-reset` is a String in Spring Boot, handed to the
    // client as written; `isolation-level` an enum of Boot's, bound in any case.)
    assert.deepEqual(compact(text), [
      'spring-yaml#0:consumer auto.commit.interval.ms=2000 auto.offset.reset=LATEST enable.auto.commit=true isolation.level=read_committed group.id=',
      'spring-yaml#0:producer batch.size=16384 acks=yes',
    ]);
    const c = units(text)[0].settings;
    assert.deepEqual([c[2].raw, c[4].raw, c[4].valueText], ['on', '', '']);
  });

  it('relaxed binding of dedicated property names', () => {
    const text = 'spring:\n  kafka:\n    consumer:\n      enableAutoCommit: true\n      AUTO_OFFSET_RESET: earliest\n';
    assert.deepEqual(compact(text), ['spring-yaml#0:consumer enable.auto.commit=true auto.offset.reset=earliest']);
  });

  it('placeholders: unknown values are dynamic, defaults are judged', () => {
    const text = [
      'spring:',
      '  kafka:',
      '    producer:',
      '      acks: ${KAFKA_ACKS}',
      '      retries: ${RETRIES:0}',
      '      client-id: "${A:${B:cid}}"',
      '      key-serializer: pre-${X}',
      '      value-serializer: ${V:}',
      '      batch-size: ${SIZE:16KB}',
      '',
    ].join('\n');
    const s = units(text)[0].settings;
    assert.deepEqual(
      s.map((x) => [x.key, x.value, x.dyn, x.ph, x.valueText]),
      [
        ['acks', '${KAFKA_ACKS}', true, false, '${KAFKA_ACKS}'],
        ['retries', '0', false, true, '${RETRIES:0}'],
        ['client.id', 'cid', false, true, '${A:${B:cid}}'],
        ['key.serializer', 'pre-${X}', true, false, 'pre-${X}'],
        ['value.serializer', '', false, true, '${V:}'],
        ['batch.size', '16384', false, true, '${SIZE:16KB}'],
      ],
    );
  });

  it('unknown section properties become spring:<section>.<prop>; other unknown paths are ignored', () => {
    const text = [
      'spring:',
      '  kafka:',
      '    producer:',
      '      ackz: all',
      '      properties:',
      '        "[enable.idempotance]": true',
      '    listener:',
      '      ackMode: RECORD',
      '      observation-enabled: true',
      '    bootstrap-serverz: x',
      '    template:',
      '      default-topic: t',
      '',
    ].join('\n');
    const u = units(text);
    assert.deepEqual(
      u.map((x) => [x.id, x.settings.map((s) => [s.key, s.role, s.prec, s.src])]),
      [
        [
          'spring-yaml#0:producer',
          [
            ['spring:producer.ackz', 'producer', 1, 'spring.kafka.producer.ackz'],
            ['enable.idempotance', 'producer', 2, 'spring.kafka.producer.properties[enable.idempotance]'],
            ['spring:bootstrap-serverz', 'client', 0, 'spring.kafka.bootstrap-serverz'],
          ],
        ],
        [
          'spring-yaml#0:consumer',
          [
            ['spring:listener.ack-mode', 'consumer', 1, 'spring.kafka.listener.ackMode'],
            ['spring:listener.observation-enabled', 'consumer', 1, 'spring.kafka.listener.observation-enabled'],
            ['spring:bootstrap-serverz', 'client', 0, 'spring.kafka.bootstrap-serverz'],
          ],
        ],
      ],
    );
  });

  it('profiles: on-profile, legacy spring.profiles, file name', () => {
    const text = [
      'spring.kafka.producer.acks: all',
      '---',
      'spring:',
      '  config:',
      '    activate:',
      '      on-profile: prod',
      '  kafka.producer.acks: 1',
      '---',
      'spring:',
      '  profiles: [dev, test]',
      '  kafka.producer.acks: 0',
      '',
    ].join('\n');
    assert.deepEqual(
      units(text).map((u) => [u.id, u.facts.profile]),
      [
        ['spring-yaml#0:producer', undefined],
        ['spring-yaml#1:producer', 'prod'],
        ['spring-yaml#2:producer', 'dev,test'],
      ],
    );
    assert.deepEqual(
      units('spring.kafka.producer.acks: 1\n', 'src/main/resources/application-staging.yaml').map((u) => u.facts.profile),
      ['staging'],
    );
    assert.deepEqual(
      units('spring.config.activate.on-profile: eu\nspring.kafka.producer.acks: 1\n', 'config/application-prod.yml').map((u) => u.facts.profile),
      ['eu'],
    );
  });

  it('an application.yml with its own top-level services: map is still Spring', () => {
    const t = 'services:\n  payments:\n    url: http://p\nspring:\n  kafka:\n    producer:\n      acks: 1\n';
    assert.deepEqual(compact(t), ['spring-yaml#0:producer acks=1']);
  });

  it('any YAML file with spring.kafka counts, whatever its name', () => {
    assert.deepEqual(compact('spring:\n  kafka:\n    consumer:\n      group-id: g\n', 'config/kafka-client.yaml'), ['spring-yaml#0:consumer group.id=g']);
  });

  it('anchors: values written elsewhere are dynamic, with spans on the alias', () => {
    const text = [
      'defaults: &acks 0',
      'common: &common',
      '  retries: 0',
      'spring:',
      '  kafka:',
      '    producer:',
      '      <<: *common',
      '      acks: *acks',
      '      linger: &l 1',
      '',
    ].join('\n');
    const s = units(text)[0].settings;
    assert.deepEqual(
      s.map((x) => [x.key, x.value, x.dyn, x.keyText, x.valueText]),
      [
        ['retries', '0', true, '*common', '*common'],
        ['acks', '0', true, 'acks', '*acks'],
        ['spring:producer.linger', '1', false, 'linger', '1'],
      ],
    );
  });

  it('an alias refers to the last anchor of that name before it', () => {
    const text = 'a: &v 1\nspring.kafka.producer.acks: *v\nb: &v 0\nspring.kafka.producer.retries: *v\n';
    const s = units(text)[0].settings;
    assert.deepEqual(
      s.map((x) => [x.key, x.value, x.dyn, x.valueText]),
      [
        ['acks', '1', true, '*v'],
        ['retries', '0', true, '*v'],
      ],
    );
  });

  it('a whole section by alias', () => {
    const text = 'p: &p\n  acks: 1\nspring:\n  kafka:\n    producer: *p\n';
    const s = units(text)[0].settings;
    assert.deepEqual(
      s.map((x) => [x.key, x.value, x.dyn, x.keyText]),
      [['acks', '1', true, '*p']],
    );
  });

  it('quoted keys and key spans', () => {
    const text = "'spring':\n  \"kafka\":\n    producer:\n      'acks': '0'\n";
    const s = units(text)[0].settings[0];
    assert.deepEqual([s.key, s.value, s.keyText, s.valueText, s.raw], ['acks', '0', "'acks'", '0', '0']);
  });
});

describe('spring yaml: editor', () => {
  const base = [
    'spring:',
    '  kafka:',
    '    bootstrap-servers: localhost:9092 # brokers',
    '    producer:',
    '      acks: 1 # leader only',
    "      client-id: 'app'",
    '      retries: "0"',
    '    consumer:',
    '      group-id: g',
    '',
  ].join('\n');

  it('keyName / valueText / assignment / commentPrefix', () => {
    const file = parseYaml(base, 'application.yml');
    const fx = createFixer(file);
    const [p, c] = file.units;
    assert.equal(fx.keyName(p, 'acks'), 'spring.kafka.producer.acks');
    assert.equal(fx.keyName(p, 'enable.idempotence'), 'spring.kafka.producer.properties[enable.idempotence]');
    assert.equal(fx.keyName(c, 'spring:listener.ack-mode'), 'spring.kafka.listener.ack-mode');
    assert.equal(fx.assignment(p, 'acks', 'all'), 'spring.kafka.producer.acks: all');
    assert.equal(fx.assignment(c, 'enable.auto.commit', 'false'), 'spring.kafka.consumer.enable-auto-commit: false');
    assert.equal(fx.valueText(p, 'acks', 'all'), 'all');
    assert.equal(fx.show(p, p.settings[1]), 'spring.kafka.producer.acks: 1');
    assert.equal(editorFor('spring-yaml')?.commentPrefix, '#');
    const client = parseYaml('spring:\n  kafka:\n    bootstrap-servers: x\n', 'application.yml');
    assert.equal(createFixer(client).keyName(client.units[0], 'acks'), 'spring.kafka.properties[acks]');
  });

  it('setValue keeps quoting and the comment', () => {
    assert.equal(
      edit(base, 'producer', (fx, u, s) => fx.setValue(u, s('acks'), 'all')),
      base.replace('acks: 1 # leader only', 'acks: all # leader only'),
    );
    assert.equal(
      edit(base, 'producer', (fx, u, s) => fx.setValue(u, s('retries'), '3')),
      base.replace('retries: "0"', 'retries: "3"'),
    );
    assert.equal(
      edit(base, 'producer', (fx, u, s) => fx.setValue(u, s('client.id'), "it's")),
      base.replace("client-id: 'app'", "client-id: 'it''s'"),
    );
  });

  it('setValue chooses quotes only when the value needs them', () => {
    assert.equal(
      edit(base, 'producer', (fx, u, s) => fx.setValue(u, s('acks'), 'a: b')),
      base.replace('acks: 1 # leader only', 'acks: "a: b" # leader only'),
    );
  });

  it('setValue on an empty value and on a placeholder default', () => {
    const t = 'spring:\n  kafka:\n    producer:\n      acks:\n      retries: ${RETRIES:0}\n';
    assert.equal(
      edit(t, 'producer', (fx, u, s) => fx.setValue(u, s('acks'), 'all')),
      'spring:\n  kafka:\n    producer:\n      acks: all\n      retries: ${RETRIES:0}\n',
    );
    assert.equal(
      edit(t, 'producer', (fx, u, s) => fx.setValue(u, s('retries'), '3')),
      'spring:\n  kafka:\n    producer:\n      acks:\n      retries: ${RETRIES:3}\n',
    );
  });

  it('null values read as empty and can be set', () => {
    const t = 'spring:\n  kafka:\n    producer:\n      acks: ~\n';
    const s = parseYaml(t, 'application.yml').units[0].settings[0];
    assert.deepEqual([s.value, s.rawValue], ['', '~']);
    assert.equal(edit(t, 'producer', (fx, u, f) => fx.setValue(u, f('acks'), 'all')), 'spring:\n  kafka:\n    producer:\n      acks: all\n');
  });

  it('setValue in a flow map', () => {
    const t = 'spring:\n  kafka:\n    producer: {acks: 1, retries: 0}\n';
    assert.equal(edit(t, 'producer', (fx, u, s) => fx.setValue(u, s('acks'), 'all')), 'spring:\n  kafka:\n    producer: {acks: all, retries: 0}\n');
  });

  it('no edits for dynamic values, aliases and block scalars', () => {
    const t = 'x: &x 1\nspring:\n  kafka:\n    producer:\n      acks: ${ACKS}\n      retries: *x\n      client-id: |\n        a\n';
    const file = parseYaml(t, 'application.yml');
    const fx = createFixer(file);
    const u = file.units[0];
    for (const s of u.settings) {
      assert.deepEqual(fx.setValue(u, s, '5'), [], s.key);
    }
    // The key of an alias-valued pair is here: it can still go or be renamed.
    assert.equal(applyEdits(t, fx.remove(u, u.settings[1])).text, t.replace('      retries: *x\n', ''));
    assert.equal(applyEdits(t, fx.rename(u, u.settings[1], 'linger.ms')).text, t.replace('retries: *x', '"properties[linger.ms]": *x'));
  });

  it('nothing is editable for entries merged from an anchor', () => {
    const t = 'c: &c\n  acks: 0\nspring:\n  kafka:\n    producer:\n      <<: *c\n      retries: 1\n';
    const file = parseYaml(t, 'application.yml');
    const fx = createFixer(file);
    const u = file.units[0];
    const merged = u.settings[0];
    assert.equal(merged.key, 'acks');
    assert.deepEqual([fx.setValue(u, merged, 'all'), fx.remove(u, merged), fx.rename(u, merged, 'retries')], [[], [], []]);
  });

  it('insert a dedicated property under the existing section, at sibling indentation', () => {
    assert.equal(
      edit(base, 'producer', (fx, u) => fx.insert(u, 'compression.type', 'zstd')),
      base.replace('      retries: "0"\n', '      retries: "0"\n      compression-type: zstd\n'),
    );
  });

  it('insert a map-form key: creates properties: under the section', () => {
    assert.equal(
      edit(base, 'producer', (fx, u) => fx.insert(u, 'enable.idempotence', 'true')),
      base.replace('      retries: "0"\n', '      retries: "0"\n      properties:\n        "[enable.idempotence]": true\n'),
    );
  });

  it('insert a map-form key into an existing properties: map', () => {
    const t = 'spring:\n  kafka:\n    producer:\n      properties:\n        "[linger.ms]": 5\n      acks: all\n';
    assert.equal(
      edit(t, 'producer', (fx, u) => fx.insert(u, 'enable.idempotence', 'true')),
      'spring:\n  kafka:\n    producer:\n      properties:\n        "[linger.ms]": 5\n        "[enable.idempotence]": true\n      acks: all\n',
    );
  });

  it('insert creates a missing section under kafka:', () => {
    assert.equal(
      edit(base, 'consumer', (fx, u) => fx.insert(u, 'spring:listener.ack-mode', 'RECORD')),
      base + '    listener:\n      ack-mode: RECORD\n',
    );
  });

  it('insert follows the indentation step of the file', () => {
    const t = 'spring:\n    kafka:\n        consumer:\n            group-id: g\n';
    assert.equal(
      edit(t, 'consumer', (fx, u) => fx.insert(u, 'isolation.level', 'read_committed')),
      'spring:\n    kafka:\n        consumer:\n            group-id: g\n            isolation-level: read_committed\n',
    );
    assert.equal(
      edit(t, 'consumer', (fx, u) => fx.insert(u, 'spring:listener.ack-mode', 'RECORD')),
      'spring:\n    kafka:\n        consumer:\n            group-id: g\n        listener:\n            ack-mode: RECORD\n',
    );
  });

  it('insert follows dotted style', () => {
    const t = 'spring.kafka.bootstrap-servers: x\nspring.kafka.producer.acks: 1 # one\n';
    assert.equal(
      edit(t, 'producer', (fx, u) => fx.insert(u, 'enable.idempotence', 'true')),
      'spring.kafka.bootstrap-servers: x\nspring.kafka.producer.acks: 1 # one\n"spring.kafka.producer.properties[enable.idempotence]": true\n',
    );
    const t2 = 'spring:\n  kafka:\n    producer.acks: 1\n';
    assert.equal(edit(t2, 'producer', (fx, u) => fx.insert(u, 'retries', '3')), 'spring:\n  kafka:\n    producer.acks: 1\n    producer.retries: 3\n');
  });

  it('insert into a client-only unit goes to spring.kafka.properties', () => {
    const t = 'spring:\n  kafka:\n    bootstrap-servers: x\n';
    assert.equal(
      edit(t, 'client', (fx, u) => fx.insert(u, 'acks', 'all')),
      'spring:\n  kafka:\n    bootstrap-servers: x\n    properties:\n      "[acks]": all\n',
    );
  });

  it('insert keeps CRLF and works without a final newline', () => {
    const t = 'spring:\r\n  kafka:\r\n    producer:\r\n      acks: all';
    assert.equal(edit(t, 'producer', (fx, u) => fx.insert(u, 'retries', '3')), 'spring:\r\n  kafka:\r\n    producer:\r\n      acks: all\r\n      retries: 3');
  });

  it('insert into the document of the unit, not another one', () => {
    const t = 'spring.kafka.producer.acks: 1\n---\nspring:\n  kafka:\n    producer:\n      acks: 0\n';
    const file = parseYaml(t, 'application.yml');
    const second = file.units[1];
    const out = applyEdits(t, createFixer(file).insert(second, 'retries', '3')).text;
    assert.equal(out, 'spring.kafka.producer.acks: 1\n---\nspring:\n  kafka:\n    producer:\n      acks: 0\n      retries: 3\n');
  });

  it('no insert into flow collections', () => {
    const t = 'spring:\n  kafka:\n    producer: {acks: 1}\n';
    const file = parseYaml(t, 'application.yml');
    assert.deepEqual(createFixer(file).insert(file.units[0], 'retries', '3'), []);
  });

  it('fixer.set edits the effective occurrence or inserts', () => {
    assert.equal(edit(base, 'producer', (fx, u) => fx.set(u, 'acks', 'all')), base.replace('acks: 1 #', 'acks: all #'));
    assert.equal(
      edit(base, 'consumer', (fx, u) => fx.set(u, 'enable.auto.commit', 'false')),
      base.replace('      group-id: g\n', '      group-id: g\n      enable-auto-commit: false\n'),
    );
  });

  it('remove deletes the whole line, comment included', () => {
    assert.equal(
      edit(base, 'producer', (fx, u, s) => fx.remove(u, s('acks'))),
      base.replace('      acks: 1 # leader only\n', ''),
    );
  });

  it('remove the only child removes the emptied section', () => {
    const t = 'spring:\n  kafka:\n    bootstrap-servers: x\n    consumer:\n      # why\n      enable-auto-commit: true\n    producer:\n      acks: 1\n';
    assert.equal(
      edit(t, 'consumer', (fx, u, s) => fx.remove(u, s('enable.auto.commit'))),
      'spring:\n  kafka:\n    bootstrap-servers: x\n    producer:\n      acks: 1\n',
    );
  });

  it('remove the last line of a file without final newline', () => {
    const t = 'spring:\n  kafka:\n    producer:\n      acks: 1\n      retries: 0';
    assert.equal(edit(t, 'producer', (fx, u, s) => fx.remove(u, s('retries'))), 'spring:\n  kafka:\n    producer:\n      acks: 1');
  });

  it('remove gives up when the document would be left empty or the pair is in a flow map', () => {
    for (const t of ['spring.kafka.producer.acks: 1\n', 'spring:\n  kafka:\n    producer: {acks: 1, retries: 0}\n']) {
      const file = parseYaml(t, 'application.yml');
      const u = file.units[0];
      assert.deepEqual(createFixer(file).remove(u, u.settings[0]), [], t);
    }
  });

  it('after a parse error only local edits are offered: no insert, no remove', () => {
    const t = 'spring:\n  kafka:\n    producer:\n      acks: 1\n      retries: 0\n     linger: x\n';
    const file = parseYaml(t, 'application.yml');
    assert.ok(file.errors.length > 0);
    const u = file.units[0];
    const fx = createFixer(file);
    const acks = u.settings.find((s) => s.key === 'acks')!;
    assert.deepEqual(fx.insert(u, 'enable.idempotence', 'true'), []);
    assert.deepEqual(fx.remove(u, acks), []);
    assert.equal(applyEdits(t, fx.setValue(u, acks, 'all')).text, t.replace('acks: 1', 'acks: all'));
  });

  it('rename changes only the key text, keeping its quotes', () => {
    const t = 'spring:\n  kafka:\n    producer:\n      properties:\n        "[enable.idempotance]": true # typo\n        request.required.acks: 1\n';
    // Single quotes stay single; a quoted key that needs no quotes stays quoted.
    const q = "spring:\n  kafka:\n    producer:\n      properties:\n        '[enable.idempotance]': true\n        \"retry.backoff.msx\": 5\n";
    const cases: [text: string, from: string, to: string, written: string, rewritten: string][] = [
      [t, 'enable.idempotance', 'enable.idempotence', '"[enable.idempotance]"', '"[enable.idempotence]"'],
      [t, 'request.required.acks', 'acks', 'request.required.acks: 1', 'acks: 1'],
      [q, 'enable.idempotance', 'enable.idempotence', "'[enable.idempotance]'", "'[enable.idempotence]'"],
      [q, 'retry.backoff.msx', 'retry.backoff.ms', '"retry.backoff.msx"', '"retry.backoff.ms"'],
    ];
    for (const [text, from, to, written, rewritten] of cases) {
      assert.equal(edit(text, 'producer', (fx, u, s) => fx.rename(u, s(from), to)), text.replace(written, rewritten), `${from} -> ${to}`);
    }
  });

  it('rename an unknown section key to the Spring name', () => {
    const t = 'spring:\n  kafka:\n    producer:\n      ackz: all\n    consumer.enable-auto-comit: false\n';
    assert.equal(
      edit(t, 'producer', (fx, u, s) => fx.rename(u, s('spring:producer.ackz'), 'acks')),
      'spring:\n  kafka:\n    producer:\n      acks: all\n    consumer.enable-auto-comit: false\n',
    );
    assert.equal(
      edit(t, 'consumer', (fx, u, s) => fx.rename(u, s('spring:consumer.enable-auto-comit'), 'enable.auto.commit')),
      'spring:\n  kafka:\n    producer:\n      ackz: all\n    consumer.enable-auto-commit: false\n',
    );
  });

  it('rename a dedicated property to a key with no dedicated property writes the map form', () => {
    const t = 'spring:\n  kafka:\n    producer:\n      retries: 0\n';
    assert.equal(
      edit(t, 'producer', (fx, u, s) => fx.rename(u, s('retries'), 'delivery.timeout.ms')),
      'spring:\n  kafka:\n    producer:\n      "properties[delivery.timeout.ms]": 0\n',
    );
  });
});

describe("spring yaml: the Kafka binder's writing", () => {
  it("written(): an inherited setting is named where the fix writes it, an own one as it stands", () => {
    const text =
      'spring:\n  kafka:\n    producer:\n      acks: 1\n  cloud:\n    stream:\n      bindings:\n        o-out-0:\n          destination: o\n' +
      '      kafka:\n        bindings:\n          o-out-0:\n            producer:\n              configuration:\n                retries: 0\n';
    const file = parseFile({ text, path: 'application.yml' })!;
    const binder = file.units.find((u) => u.facts.binding?.name === 'o-out-0')!;
    const boot = file.units.find((u) => !u.facts.binding && u.role === 'producer')!;
    const fx = createFixer(file);
    // Spring Boot's acks reaches the binding inherited: a fix there writes the binding's configuration.
    assert.equal(fx.written(binder, 'acks', 'all'), 'spring.cloud.stream.kafka.bindings.o-out-0.producer.configuration.acks: all');
    assert.deepEqual(applyEdits(text, fx.set(binder, 'acks', 'all')).text.split('\n').slice(-3), ['                retries: 0', '                acks: all', '']);
    assert.equal(fx.written(boot, 'acks', 'all'), 'spring.kafka.producer.acks: all');
    assert.equal(fx.written(binder, 'retries', '5'), 'spring.cloud.stream.kafka.bindings.o-out-0.producer.configuration.retries: 5');
  });
});
