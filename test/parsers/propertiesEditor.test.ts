// The .properties format editor: exact output of every edit, re-read by the parser.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseProperties, scanProperties } from '../../server/src/engine/parsers/properties.js';
import { escapeKey, escapeValue } from '../../server/src/engine/parsers/propertiesEditor.js';
import { applyEdits, createFixer, editorFor, type Fixer } from '../../server/src/engine/fixer.js';
import { effective, type ConfigUnit, type Edit } from '../../server/src/engine/model.js';

function edit(text: string, path: string, f: (fx: Fixer, units: ConfigUnit[]) => Edit[]): string {
  const file = parseProperties(text, path);
  const edits = f(createFixer(file), file.units);
  assert.ok(edits.length > 0, 'expected an edit');
  const out = applyEdits(text, edits);
  assert.deepEqual(out.skipped, []);
  return out.text;
}

const kv = (text: string) => scanProperties(text).entries.map((e) => [e.key, e.value]);

describe('properties editor: registration and spelling', () => {
  it('is registered for both surfaces', () => {
    parseProperties('', 'x.properties');
    assert.ok(editorFor('kafka-properties'));
    assert.equal(editorFor('kafka-properties'), editorFor('spring-properties'));
    assert.equal(editorFor('kafka-properties')!.commentPrefix, '#');
  });

  it('plain: keyName, valueText, assignment', () => {
    const f = parseProperties('acks=1\n', 'producer.properties');
    const fx = createFixer(f);
    const [u] = f.units;
    assert.equal(fx.keyName(u, 'acks'), 'acks');
    assert.equal(fx.valueText(u, 'acks', 'all'), 'all');
    assert.equal(fx.assignment(u, 'acks', 'all'), 'acks=all');
  });

  it('Spring: dedicated names, map names, listener names, shared names', () => {
    const f = parseProperties('spring.kafka.producer.acks=1\nspring.kafka.consumer.group-id=g\n', 'application.properties');
    const fx = createFixer(f);
    const [p, c] = f.units;
    assert.equal(fx.keyName(p, 'acks'), 'spring.kafka.producer.acks');
    assert.equal(fx.assignment(p, 'acks', 'all'), 'spring.kafka.producer.acks=all');
    assert.equal(fx.keyName(p, 'enable.idempotence'), 'spring.kafka.producer.properties[enable.idempotence]');
    assert.equal(fx.keyName(p, 'linger.ms'), 'spring.kafka.producer.properties[linger.ms]');
    assert.equal(fx.keyName(c, 'enable.auto.commit'), 'spring.kafka.consumer.enable-auto-commit');
    assert.equal(fx.keyName(c, 'spring:listener.ack-mode'), 'spring.kafka.listener.ack-mode');
    const common = parseProperties('spring.kafka.bootstrap-servers=x\n', 'application.properties');
    const [cu] = common.units;
    const cfx = createFixer(common);
    assert.equal(cfx.keyName(cu, 'bootstrap.servers'), 'spring.kafka.bootstrap-servers');
    assert.equal(cfx.keyName(cu, 'security.protocol'), 'spring.kafka.properties[security.protocol]');
  });
});

describe('properties editor: setValue', () => {
  it('an empty key (a lone backslash at the end of the file) gets `=`, not a blank the reader would skip', () => {
    // (blank separators are the file's usual ones here, so a key-only line would get a blank)
    const text = 'bootstrap.servers=b\nacks \nacks \n\\';
    const out = edit(text, 'producer.properties', (fx, [u]) => fx.setValue(u, u.settings[3], 'v 1'));
    assert.deepEqual(kv(out)[3], ['', 'v 1']);
  });

  it('replaces only the value, keeping CRLF and a missing final newline', () => {
    const out = edit('bootstrap.servers=x\r\nacks = 1\r\nretries=3', 'producer.properties', (fx, [u]) => fx.setValue(u, effective(u, 'acks')!, 'all'));
    assert.equal(out, 'bootstrap.servers=x\r\nacks = all\r\nretries=3');
  });

  it('collapses a continued value into one line', () => {
    const out = edit('acks=1\\\n    0\\\n  0\nlinger.ms=5\n', 'producer.properties', (fx, [u]) => fx.setValue(u, effective(u, 'acks')!, 'all'));
    assert.equal(out, 'acks=all\nlinger.ms=5\n');
  });

  it('replaces a trailing backslash at EOF with the value', () => {
    const out = edit('bootstrap.servers=x\nacks=1\\', 'producer.properties', (fx, [u]) => fx.setValue(u, effective(u, 'acks')!, 'all'));
    assert.equal(out, 'bootstrap.servers=x\nacks=all');
  });

  it('escapes backslashes, line breaks and a leading space; leaves # ! = : alone', () => {
    const text = 'bootstrap.servers=x\nclient.id=a\n';
    const out = edit(text, 'producer.properties', (fx, [u]) => fx.setValue(u, effective(u, 'client.id')!, ' a\\b\nc#d!e=f:g'));
    assert.equal(out, 'bootstrap.servers=x\nclient.id=\\ a\\\\b\\nc#d!e=f:g\n');
    assert.deepEqual(kv(out)[1], ['client.id', ' a\\b\nc#d!e=f:g']);
  });

  it('adds a separator to a key-only line', () => {
    const out = edit('bootstrap.servers=x\nacks\n', 'producer.properties', (fx, [u]) => fx.setValue(u, effective(u, 'acks')!, 'all'));
    assert.equal(out, 'bootstrap.servers=x\nacks=all\n');
  });

  it('escapes a leading = after a whitespace separator', () => {
    const out = edit('bootstrap.servers=x\nclient.id abc\n', 'producer.properties', (fx, [u]) => fx.setValue(u, effective(u, 'client.id')!, '=x'));
    assert.equal(out, 'bootstrap.servers=x\nclient.id \\=x\n');
    assert.deepEqual(kv(out)[1], ['client.id', '=x']);
  });

  it('Spring placeholder: changes only the default', () => {
    const out = edit('spring.kafka.producer.acks=${ACKS:1}\n', 'application.properties', (fx, [u]) => fx.set(u, 'acks', 'all'));
    assert.equal(out, 'spring.kafka.producer.acks=${ACKS:all}\n');
  });

  it('a dynamic value gets no edit', () => {
    const f = parseProperties('bootstrap.servers=x\nacks=${ACKS}\n', 'producer.properties');
    const [u] = f.units;
    assert.deepEqual(createFixer(f).setValue(u, effective(u, 'acks')!, 'all'), []);
  });
});

describe('properties editor: insert', () => {
  it('after the last setting, with the file EOL and separator style', () => {
    const out = edit('bootstrap.servers = x\r\nacks = 1\r\n# end\r\n', 'producer.properties', (fx, [u]) => fx.insert(u, 'enable.idempotence', 'true'));
    assert.equal(out, 'bootstrap.servers = x\r\nacks = 1\r\nenable.idempotence = true\r\n# end\r\n');
  });

  it('adds a terminator first when the file lacks a final newline', () => {
    const out = edit('bootstrap.servers=x\nacks=1', 'producer.properties', (fx, [u]) => fx.insert(u, 'retries', '5'));
    assert.equal(out, 'bootstrap.servers=x\nacks=1\nretries=5');
  });

  it('uses the most frequent separator (": ")', () => {
    const out = edit('bootstrap.servers: x\nacks: 1\nlinger.ms=5\n', 'producer.properties', (fx, [u]) => fx.insert(u, 'retries', '5'));
    assert.equal(out, 'bootstrap.servers: x\nacks: 1\nlinger.ms=5\nretries: 5\n');
  });

  it('uses lone CR in a CR-only file', () => {
    const out = edit('bootstrap.servers=x\racks=1\r', 'producer.properties', (fx, [u]) => fx.insert(u, 'retries', '5'));
    assert.equal(out, 'bootstrap.servers=x\racks=1\rretries=5\r');
  });

  it('after a trailing continuation backslash at EOF, ends that entry with an empty line', () => {
    const text = 'bootstrap.servers=x\nacks=1\\';
    const out = edit(text, 'producer.properties', (fx, [u]) => fx.insert(u, 'retries', '5'));
    assert.equal(out, 'bootstrap.servers=x\nacks=1\\\n\nretries=5');
    assert.deepEqual(kv(out), [['bootstrap.servers', 'x'], ['acks', '1'], ['retries', '5']]);
  });

  it('after a continuation backslash before the final newline: a blank line in the entry\'s own terminator', () => {
    const out = edit('bootstrap.servers=x\r\nacks=1\\\r\n', 'producer.properties', (fx, [u]) => fx.insert(u, 'retries', '5'));
    assert.equal(out, 'bootstrap.servers=x\r\nacks=1\\\r\n\r\nretries=5\r\n');
    assert.deepEqual(kv(out), [['bootstrap.servers', 'x'], ['acks', '1'], ['retries', '5']]);
  });

  it('after an entry ended by an empty continuation line, never joining a lone CR with an LF', () => {
    const text = 'bootstrap.servers=b\nacks\\\r\r\n';
    const out = edit(text, 'producer.properties', (fx, [u]) => fx.insert(u, 'retries', '5'));
    assert.equal(out, 'bootstrap.servers=b\nacks\\\r\r\nretries=5\n');
    assert.deepEqual(kv(out), [['bootstrap.servers', 'b'], ['acks', ''], ['retries', '5']]);
  });

  it('after a continued last entry', () => {
    const out = edit('bootstrap.servers=a,\\\n  b\n', 'producer.properties', (fx, [u]) => fx.insert(u, 'acks', 'all'));
    assert.equal(out, 'bootstrap.servers=a,\\\n  b\nacks=all\n');
  });

  it('Spring: dedicated key after the unit\'s own section', () => {
    const text = 'spring.kafka.bootstrap-servers=x\nspring.kafka.producer.retries=3\nspring.kafka.consumer.group-id=g\n';
    const out = edit(text, 'application.properties', (fx, [p]) => fx.insert(p, 'acks', 'all'));
    assert.equal(out, 'spring.kafka.bootstrap-servers=x\nspring.kafka.producer.retries=3\nspring.kafka.producer.acks=all\nspring.kafka.consumer.group-id=g\n');
  });

  it('Spring: map key when Boot has no dedicated property', () => {
    const text = 'spring.kafka.producer.acks=1\n';
    const out = edit(text, 'application.properties', (fx, [p]) => fx.insert(p, 'enable.idempotence', 'true'));
    assert.equal(out, 'spring.kafka.producer.acks=1\nspring.kafka.producer.properties[enable.idempotence]=true\n');
  });

  it('Spring: a consumer unit known only from listener keys', () => {
    const out = edit('spring.kafka.listener.ack-mode=RECORD\n', 'application.properties', (fx, [c]) => fx.set(c, 'enable.auto.commit', 'false'));
    assert.equal(out, 'spring.kafka.listener.ack-mode=RECORD\nspring.kafka.consumer.enable-auto-commit=false\n');
  });

  it('Spring: the shared client unit writes spring.kafka.properties[...]', () => {
    const out = edit('spring.kafka.bootstrap-servers=x', 'application.properties', (fx, [u]) => fx.insert(u, 'security.protocol', 'SSL'));
    assert.equal(out, 'spring.kafka.bootstrap-servers=x\nspring.kafka.properties[security.protocol]=SSL');
  });
});

describe('properties editor: remove', () => {
  it('removes the whole entry with its terminator', () => {
    const out = edit('bootstrap.servers=x\r\n  acks=1\r\nretries=3\r\n', 'producer.properties', (fx, [u]) => fx.remove(u, effective(u, 'acks')!));
    assert.equal(out, 'bootstrap.servers=x\r\nretries=3\r\n');
  });

  it('removes continuation lines too', () => {
    const out = edit('bootstrap.servers=x\nacks=1\\\n   0\\\n   0\nretries=3\n', 'producer.properties', (fx, [u]) => fx.remove(u, effective(u, 'acks')!));
    assert.equal(out, 'bootstrap.servers=x\nretries=3\n');
  });

  it('the last line without a final newline takes the previous terminator', () => {
    const out = edit('bootstrap.servers=x\r\nacks=1', 'producer.properties', (fx, [u]) => fx.remove(u, effective(u, 'acks')!));
    assert.equal(out, 'bootstrap.servers=x');
  });

  it('keeps the previous terminator when the previous line is blank', () => {
    const out = edit('bootstrap.servers=x\n\nacks=1', 'producer.properties', (fx, [u]) => fx.remove(u, effective(u, 'acks')!));
    assert.equal(out, 'bootstrap.servers=x\n\n');
  });

  it('the only line', () => {
    const out = edit('acks=1', 'producer.properties', (fx, [u]) => fx.remove(u, effective(u, 'acks')!));
    assert.equal(out, '');
  });

  it('Spring: removes the losing occurrence', () => {
    const text = 'spring.kafka.producer.acks=1\nspring.kafka.producer.properties[acks]=all\n';
    const out = edit(text, 'application.properties', (fx, [p]) => fx.remove(p, p.settings[0]));
    assert.equal(out, 'spring.kafka.producer.properties[acks]=all\n');
  });
});

describe('properties editor: rename', () => {
  it('plain: replaces the key span only', () => {
    const out = edit('bootstrap.servers=x\nenable.idempotance = true\n', 'producer.properties', (fx, [u]) => fx.rename(u, u.settings[1], 'enable.idempotence'));
    assert.equal(out, 'bootstrap.servers=x\nenable.idempotence = true\n');
  });

  it('plain: a key written with escapes and a continuation becomes one clean key', () => {
    const out = edit('bootstrap.servers=x\nrequest.required\\\n  .acks=1\n', 'producer.properties', (fx, [u]) => fx.rename(u, u.settings[1], 'acks'));
    assert.equal(out, 'bootstrap.servers=x\nacks=1\n');
  });

  it('plain: escapes characters a key cannot hold', () => {
    const out = edit('bootstrap.servers=x\nk=v\n', 'producer.properties', (fx, [u]) => fx.rename(u, u.settings[1], 'a b=c'));
    assert.equal(out, 'bootstrap.servers=x\na\\ b\\=c=v\n');
    assert.deepEqual(kv(out)[1], ['a b=c', 'v']);
  });

  it('Spring: keeps the bracket map form', () => {
    const out = edit('spring.kafka.producer.properties[enable.idempotance]=true\n', 'application.properties', (fx, [p]) => fx.rename(p, p.settings[0], 'enable.idempotence'));
    assert.equal(out, 'spring.kafka.producer.properties[enable.idempotence]=true\n');
  });

  it('Spring: keeps the dotted map form', () => {
    const out = edit('spring.kafka.consumer.properties.isolation.levl=read_committed\n', 'application.properties', (fx, [c]) => fx.rename(c, c.settings[0], 'isolation.level'));
    assert.equal(out, 'spring.kafka.consumer.properties.isolation.level=read_committed\n');
  });

  it('Spring: an unknown section property becomes the suggested dedicated property', () => {
    const out = edit('spring.kafka.consumer.auto-comit=true\n', 'application.properties', (fx, [c]) => fx.rename(c, c.settings[0], 'enable.auto.commit'));
    assert.equal(out, 'spring.kafka.consumer.enable-auto-commit=true\n');
  });

  it('Spring: renaming to a spring: key', () => {
    const out = edit('spring.kafka.listener.ackmod=RECORD\n', 'application.properties', (fx, [c]) => fx.rename(c, c.settings[0], 'spring:listener.ack-mode'));
    assert.equal(out, 'spring.kafka.listener.ack-mode=RECORD\n');
  });
});

describe('properties editor: escaping round-trips through the reader', () => {
  it('escapeKey / escapeValue', () => {
    assert.equal(escapeKey('#a:b c'), '\\#a\\:b\\ c');
    assert.equal(escapeValue('\tx\\y\r\n'), '\\tx\\\\y\\r\\n');
    // A key that starts with U+FEFF, first in a file: escaped, or the reader takes it for a byte order mark.
    assert.deepEqual(kv(escapeKey('\uFEFF') + '=x'), [['\uFEFF', 'x']]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), (k, v) => {
        const text = escapeKey(k) + '=' + escapeValue(v);
        assert.deepEqual(kv(text), [[k, v]]);
      }),
      { numRuns: 2000 },
    );
  });

  it('edits on arbitrary files never throw and re-parse to the intended value', () => {
    const unit = fc.constantFrom('acks', '=', ':', ' ', '\\', '\n', '\r\n', '#', 'x', '1', 'linger.ms=1\n');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (body) => {
        const text = 'bootstrap.servers=b\n' + body;
        const file = parseProperties(text, 'producer.properties');
        const fx = createFixer(file);
        for (const u of file.units) {
          for (const s of u.settings) {
            if (s.dynamic) continue;
            const out = applyEdits(text, fx.setValue(u, s, 'v 1')).text;
            const i = u.settings.indexOf(s);
            assert.deepEqual(scanProperties(out).entries[i].value, 'v 1');
            applyEdits(text, fx.remove(u, s));
            applyEdits(text, fx.rename(u, s, 'k'));
          }
          const ins = applyEdits(text, fx.insert(u, 'retries', '5')).text;
          const es = scanProperties(ins).entries;
          assert.equal(es.length, u.settings.length + 1);
          assert.deepEqual(
            es.filter((e) => e.key === 'retries').map((e) => e.value),
            ['5'],
          );
        }
      }),
      { numRuns: 2000 },
    );
  });
});
