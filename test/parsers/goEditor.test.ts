import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { goEditor, parseGo } from '../../server/src/engine/parsers/go.js';
import { applyEdits, createFixer, editorFor } from '../../server/src/engine/fixer.js';
import type { ConfigUnit, Edit, ParsedFile, Setting } from '../../server/src/engine/model.js';
import { effective } from '../../server/src/engine/model.js';
import { fixText, lint } from '../../server/src/engine/index.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import type { Rule } from '../../server/src/engine/rule.js';

function load(src: string, unitIndex = 0): { file: ParsedFile; unit: ConfigUnit } {
  const file = parseGo(src, 'main.go');
  const unit = file.units[unitIndex];
  assert.ok(unit, `no unit ${unitIndex}`);
  return { file, unit };
}

function find(unit: ConfigUnit, key: string): Setting {
  const s = unit.settings.find((x) => x.key === key);
  assert.ok(s, `no ${key}`);
  return s;
}

function apply(src: string, edits: Edit[] | null): string {
  assert.ok(edits, 'expected an edit');
  const out = applyEdits(src, edits);
  assert.deepEqual(out.skipped, []);
  // Every edited file must parse as cleanly as before.
  const after = parseGo(out.text, 'main.go').errors;
  assert.ok(after.length <= parseGo(src, 'main.go').errors.length, `edit introduced parse errors: ${JSON.stringify(after)}`);
  return out.text;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

const HEADER = ['package main', '', 'import (', '\t"time"', '', '\t"github.com/IBM/sarama"', ')', ''];

describe('go editor: registration and spellings', () => {
  it('is registered for the sarama surface', () => {
    assert.equal(editorFor('sarama'), goEditor);
    assert.equal(goEditor.commentPrefix, '//');
  });

  it('spells keys, values and assignments in Go with the unit variable and alias', () => {
    const { unit } = load(lines(...HEADER, 'func f() {', '\tconfig := sarama.NewConfig()', '\t_ = time.Second', '}'));
    assert.equal(goEditor.keyName(unit, 'acks'), 'Producer.RequiredAcks');
    assert.equal(goEditor.keyName(unit, 'enable.idempotence'), 'Producer.Idempotent');
    assert.equal(goEditor.keyName(unit, 'max.in.flight.requests.per.connection'), 'Net.MaxOpenRequests');
    assert.equal(goEditor.keyName(unit, 'sarama:Producer.Return.Errors'), 'Producer.Return.Errors');
    assert.equal(goEditor.keyName(unit, 'linger.ms'), 'linger.ms');
    assert.equal(goEditor.valueText(unit, 'acks', 'all'), 'sarama.WaitForAll');
    assert.equal(goEditor.valueText(unit, 'acks', '-1'), 'sarama.WaitForAll');
    assert.equal(goEditor.valueText(unit, 'acks', '0'), 'sarama.NoResponse');
    assert.equal(goEditor.valueText(unit, 'auto.offset.reset', 'earliest'), 'sarama.OffsetOldest');
    assert.equal(goEditor.valueText(unit, 'isolation.level', 'read_committed'), 'sarama.ReadCommitted');
    assert.equal(goEditor.valueText(unit, 'sarama:Version', '2.8.0.0'), 'sarama.V2_8_0_0');
    assert.equal(goEditor.valueText(unit, 'sarama:Version', '0.11.0.0'), 'sarama.V0_11_0_0');
    assert.equal(goEditor.valueText(unit, 'enable.idempotence', 'true'), 'true');
    assert.equal(goEditor.valueText(unit, 'max.in.flight.requests.per.connection', '5'), '5');
    assert.equal(goEditor.valueText(unit, 'transactional.id', 'tx "1"'), '"tx \\"1\\""');
    assert.equal(goEditor.valueText(unit, 'auto.commit.interval.ms', '1000'), 'time.Second');
    assert.equal(goEditor.valueText(unit, 'auto.commit.interval.ms', '5000'), '5 * time.Second');
    assert.equal(goEditor.valueText(unit, 'auto.commit.interval.ms', '1500'), '1500 * time.Millisecond');
    assert.equal(goEditor.valueText(unit, 'auto.commit.interval.ms', '120000'), '2 * time.Minute');
    assert.equal(goEditor.valueText(unit, 'sarama:Producer.Compression', 'CompressionZSTD'), 'sarama.CompressionZSTD');
    assert.equal(goEditor.assignment(unit, 'acks', 'all'), 'config.Producer.RequiredAcks = sarama.WaitForAll');
    assert.equal(goEditor.assignment(unit, 'sarama:Producer.Return.Successes', 'true'), 'config.Producer.Return.Successes = true');
  });

  it('uses the alias, the dot import and plain nanoseconds without a time import', () => {
    const aliased = load('package p\n\nimport k "github.com/Shopify/sarama"\n\nfunc f() {\n\tc := k.NewConfig()\n}\n').unit;
    assert.equal(goEditor.assignment(aliased, 'acks', 'all'), 'c.Producer.RequiredAcks = k.WaitForAll');
    assert.equal(goEditor.valueText(aliased, 'auto.commit.interval.ms', '1000'), '1000000000');
    const dotted = load('package p\n\nimport . "github.com/IBM/sarama"\n\nfunc f() {\n\tc := NewConfig()\n}\n').unit;
    assert.equal(goEditor.assignment(dotted, 'auto.offset.reset', 'earliest'), 'c.Consumer.Offsets.Initial = OffsetOldest');
  });

  it('never renames', () => {
    const { file, unit } = load(lines(...HEADER, 'func f() {', '\tc := sarama.NewConfig()', '\tc.Producer.Retry.Max = 0', '\t_ = time.Second', '}'));
    assert.equal(goEditor.rename(file, unit, unit.settings[0], 'retries'), null);
  });
});

describe('go editor: setValue', () => {
  const src = lines(
    ...HEADER,
    'func f() {',
    '\tcfg := sarama.NewConfig()',
    '\tcfg.Producer.RequiredAcks = sarama.WaitForLocal // was the default',
    '\tcfg.Producer.Retry.Max = 0',
    '\tcfg.Producer.Idempotent = (false)',
    '\tcfg.Consumer.Offsets.Initial = ( /* keep me */ sarama.OffsetNewest)',
    '\tcfg.Consumer.Offsets.AutoCommit.Interval = 10 * time.Second',
    '\tcfg.Version = sarama.V0_10_2_0',
    '\tcfg.Producer.Timeout = 5 *',
    '\t\ttime.Second',
    '}',
  );

  const set = (key: string, value: string) => {
    const { file, unit } = load(src);
    return goEditor.setValue(file, unit, find(unit, key), value);
  };

  it('replaces only the value text', () => {
    assert.equal(
      apply(src, set('acks', 'all')),
      src.replace('cfg.Producer.RequiredAcks = sarama.WaitForLocal // was the default', 'cfg.Producer.RequiredAcks = sarama.WaitForAll // was the default'),
    );
    assert.equal(apply(src, set('retries', '5')), src.replace('Retry.Max = 0', 'Retry.Max = 5'));
    assert.equal(apply(src, set('sarama:Version', '2.8.0.0')), src.replace('sarama.V0_10_2_0', 'sarama.V2_8_0_0'));
  });

  it('keeps parentheses and the comments around the value', () => {
    assert.equal(apply(src, set('enable.idempotence', 'true')), src.replace('(false)', '(true)'));
    assert.equal(
      apply(src, set('auto.offset.reset', 'earliest')),
      src.replace('( /* keep me */ sarama.OffsetNewest)', '( /* keep me */ sarama.OffsetOldest)'),
    );
  });

  it('writes durations and multi-line values as one expression', () => {
    assert.equal(apply(src, set('auto.commit.interval.ms', '500')), src.replace('10 * time.Second', '500 * time.Millisecond'));
    assert.equal(apply(src, set('sarama:Producer.Timeout', '30000')), src.replace('5 *\n\t\ttime.Second', '30 * time.Second'));
  });

  it('re-parses to the new value', () => {
    const out = apply(src, set('acks', 'all'));
    const s = parseGo(out, 'main.go').units[0].settings.find((x) => x.key === 'acks');
    assert.equal(s?.value, 'all');
  });

  it('refuses values it cannot write', () => {
    assert.equal(set('acks', 'some'), null);
    assert.equal(set('retries', 'many'), null);
    assert.equal(set('sarama:Version', '9.9.9.9'), null);
    assert.equal(set('enable.idempotence', 'yes'), null);
  });

  it('refuses to drop a comment inside the replaced expression', () => {
    const s2 = lines(...HEADER, 'func f() {', '\tc := sarama.NewConfig()', '\tc.Producer.RequiredAcks = sarama. /* x */ WaitForLocal', '\t_ = time.Second', '}');
    const { file, unit } = load(s2);
    assert.equal(goEditor.setValue(file, unit, unit.settings[0], 'all'), null);
  });

  it('refuses to remove the last use of an import', () => {
    const s3 = lines(...HEADER, 'func f() {', '\tc := sarama.NewConfig()', '\tc.Producer.Flush.Frequency = 5 * time.Millisecond', '}');
    const { file, unit } = load(s3);
    assert.equal(goEditor.setValue(file, unit, unit.settings[0], '0'), null);
    assert.equal(apply(s3, goEditor.setValue(file, unit, unit.settings[0], '10')), s3.replace('5 * time.Millisecond', '10 * time.Millisecond'));
  });

  it('refuses values that come from a multi-value call', () => {
    const s4 = lines(...HEADER, 'func f() {', '\tc := sarama.NewConfig()', '\tc.Version, _ = sarama.ParseKafkaVersion("0.10.0")', '\t_ = time.Second', '}');
    const { file, unit } = load(s4);
    assert.equal(goEditor.setValue(file, unit, unit.settings[0], '2.8.0.0'), null);
  });

  it('edits one element of a tuple assignment', () => {
    const s5 = lines(...HEADER, 'func f() {', '\tc := sarama.NewConfig()', '\tc.Producer.Return.Successes, c.Producer.Return.Errors = false, false', '\t_ = time.Second', '}');
    const { file, unit } = load(s5);
    assert.equal(
      apply(s5, goEditor.setValue(file, unit, find(unit, 'sarama:Producer.Return.Errors'), 'true')),
      s5.replace('= false, false', '= false, true'),
    );
  });
});

describe('go editor: insert', () => {
  it('adds a line after the last assignment in the creating block, with its indentation', () => {
    const src = lines(
      ...HEADER,
      'func f() {',
      '\tcfg := sarama.NewConfig()',
      '\tcfg.Producer.Retry.Max = 5',
      '\tif debug {',
      '\t\tcfg.ClientID = "debug"',
      '\t}',
      '\tcfg.Producer.Return.Successes = true // needed by SyncProducer',
      '\tp, _ := sarama.NewSyncProducer(nil, cfg)',
      '\t_, _ = p, time.Second',
      '}',
    );
    const { file, unit } = load(src);
    assert.equal(
      apply(src, goEditor.insert(file, unit, 'acks', 'all')),
      src.replace(
        '\tcfg.Producer.Return.Successes = true // needed by SyncProducer\n',
        '\tcfg.Producer.Return.Successes = true // needed by SyncProducer\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n',
      ),
    );
  });

  it('adds right after NewConfig() when nothing is assigned yet (style-study example)', () => {
    const src = lines('package main', 'import "github.com/IBM/sarama"', 'func cfg() *sarama.Config {', '\tc := sarama.NewConfig()', '\treturn c', '}');
    const { file, unit } = load(src);
    assert.equal(
      apply(src, goEditor.insert(file, unit, 'acks', 'all')),
      lines('package main', 'import "github.com/IBM/sarama"', 'func cfg() *sarama.Config {', '\tc := sarama.NewConfig()', '\tc.Producer.RequiredAcks = sarama.WaitForAll', '\treturn c', '}'),
    );
  });

  it('keeps CRLF line endings and space indentation', () => {
    const src = 'package main\r\n\r\nimport "github.com/IBM/sarama"\r\n\r\nfunc f() {\r\n    cfg := sarama.NewConfig()\r\n    cfg.Net.MaxOpenRequests = 1\r\n}\r\n';
    const { file, unit } = load(src);
    assert.equal(
      apply(src, goEditor.insert(file, unit, 'enable.idempotence', 'true')),
      'package main\r\n\r\nimport "github.com/IBM/sarama"\r\n\r\nfunc f() {\r\n    cfg := sarama.NewConfig()\r\n    cfg.Net.MaxOpenRequests = 1\r\n    cfg.Producer.Idempotent = true\r\n}\r\n',
    );
  });

  it('inserts at the helper call site with the caller variable', () => {
    const src = lines(
      'package main',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func newCfg() *sarama.Config {',
      '\tc := sarama.NewConfig()',
      '\tc.Producer.Retry.Max = 5',
      '\treturn c',
      '}',
      '',
      'func main() {',
      '\tproducerCfg := newCfg()',
      '\tsarama.NewAsyncProducer(nil, producerCfg)',
      '}',
    );
    const { file, unit } = load(src);
    assert.equal(
      apply(src, goEditor.insert(file, unit, 'sarama:Producer.Return.Errors', 'true')),
      src.replace('\tproducerCfg := newCfg()\n', '\tproducerCfg := newCfg()\n\tproducerCfg.Producer.Return.Errors = true\n'),
    );
  });

  it('inserts after the last setting of a package-level config', () => {
    const src = lines('package main', '', 'import "github.com/IBM/sarama"', '', 'var shared = sarama.NewConfig()', '', 'func init() {', '\tshared.Producer.Idempotent = true', '}');
    const { file, unit } = load(src);
    assert.equal(
      apply(src, goEditor.insert(file, unit, 'max.in.flight.requests.per.connection', '1')),
      src.replace('\tshared.Producer.Idempotent = true\n', '\tshared.Producer.Idempotent = true\n\tshared.Net.MaxOpenRequests = 1\n'),
    );
  });

  it('refuses when there is no safe line to follow or no Go spelling', () => {
    const oneLine = load('package main\nimport "github.com/IBM/sarama"\nfunc f() *sarama.Config { c := sarama.NewConfig(); return c }\n');
    assert.equal(goEditor.insert(oneLine.file, oneLine.unit, 'acks', 'all'), null);
    const inline = load('package main\nimport "github.com/IBM/sarama"\nfunc f() {\n\tsarama.NewSyncProducer(nil, sarama.NewConfig())\n}\n');
    assert.equal(goEditor.insert(inline.file, inline.unit, 'acks', 'all'), null);
    const pkgOnly = load('package main\nimport "github.com/IBM/sarama"\nvar c = sarama.NewConfig()\n');
    assert.equal(goEditor.insert(pkgOnly.file, pkgOnly.unit, 'acks', 'all'), null);
    const open = load('package main\nimport "github.com/IBM/sarama"\nfunc f() {\n\tc := sarama.NewConfig() /* a\n\tb */\n}\n');
    assert.equal(goEditor.insert(open.file, open.unit, 'acks', 'all'), null);
    const ok = load('package main\nimport "github.com/IBM/sarama"\nfunc f() {\n\tc := sarama.NewConfig()\n}\n');
    assert.equal(goEditor.insert(ok.file, ok.unit, 'linger.ms', '5'), null);
    assert.equal(goEditor.insert(ok.file, ok.unit, 'sarama:No.Such.Field', '1'), null);
    assert.equal(goEditor.insert(ok.file, ok.unit, 'acks', 'most'), null);
  });
});

describe('go editor: remove', () => {
  it('deletes the whole statement line, with its trailing comment', () => {
    const src = lines(
      ...HEADER,
      'func f() {',
      '\tcfg := sarama.NewConfig()',
      '\tcfg.Producer.Retry.Max = 0 // no retries',
      '\tcfg.Consumer.Offsets.AutoCommit.Interval = 2 *',
      '\t\ttime.Second',
      '\t_ = time.Second',
      '}',
    );
    const { file, unit } = load(src);
    assert.equal(apply(src, goEditor.remove(file, unit, find(unit, 'retries'))), src.replace('\tcfg.Producer.Retry.Max = 0 // no retries\n', ''));
    assert.equal(
      apply(src, goEditor.remove(file, unit, find(unit, 'auto.commit.interval.ms'))),
      src.replace('\tcfg.Consumer.Offsets.AutoCommit.Interval = 2 *\n\t\ttime.Second\n', ''),
    );
  });

  it('keeps CRLF intact', () => {
    const src = 'package main\r\nimport "github.com/IBM/sarama"\r\nfunc f() {\r\n\tc := sarama.NewConfig()\r\n\tc.Producer.Retry.Max = 0\r\n}\r\n';
    const { file, unit } = load(src);
    assert.equal(
      apply(src, goEditor.remove(file, unit, unit.settings[0])),
      'package main\r\nimport "github.com/IBM/sarama"\r\nfunc f() {\r\n\tc := sarama.NewConfig()\r\n}\r\n',
    );
  });

  it('refuses tuple statements, shared lines and the last use of an import', () => {
    const tuple = load(lines(...HEADER, 'func f() {', '\tc := sarama.NewConfig()', '\tc.Producer.Return.Successes, c.Producer.Return.Errors = true, true', '\t_ = time.Second', '}'));
    assert.equal(goEditor.remove(tuple.file, tuple.unit, tuple.unit.settings[0]), null);
    const shared = load(lines(...HEADER, 'func f() {', '\tc := sarama.NewConfig()', '\tc.Producer.Retry.Max = 0; c.ClientID = "x"', '\t_ = time.Second', '}'));
    assert.equal(goEditor.remove(shared.file, shared.unit, shared.unit.settings[0]), null);
    assert.equal(goEditor.remove(shared.file, shared.unit, shared.unit.settings[1]), null);
    const lastTime = load(lines(...HEADER, 'func f() {', '\tc := sarama.NewConfig()', '\tc.Producer.Timeout = time.Second', '}'));
    assert.equal(goEditor.remove(lastTime.file, lastTime.unit, lastTime.unit.settings[0]), null);
  });
});

describe('go editor: through the fixer', () => {
  it('sets an existing value or inserts a missing one', () => {
    const src = lines(...HEADER, 'func f() {', '\tcfg := sarama.NewConfig()', '\tcfg.Producer.RequiredAcks = sarama.NoResponse', '\t_ = time.Second', '}');
    const { file, unit } = load(src);
    const fixer = createFixer(file);
    assert.equal(applyEdits(src, fixer.set(unit, 'acks', 'all')).text, src.replace('sarama.NoResponse', 'sarama.WaitForAll'));
    assert.equal(
      applyEdits(src, fixer.set(unit, 'sarama:Producer.Return.Errors', 'true')).text,
      src.replace('sarama.NoResponse\n', 'sarama.NoResponse\n\tcfg.Producer.Return.Errors = true\n'),
    );
    assert.equal(fixer.show(unit, unit.settings[0]), 'cfg.Producer.RequiredAcks = sarama.NoResponse');
    assert.equal(fixer.assignment(unit, 'acks', 'all'), 'cfg.Producer.RequiredAcks = sarama.WaitForAll');
  });

  it('leaves dynamic values alone', () => {
    const src = lines(...HEADER, 'func f(a sarama.RequiredAcks) {', '\tcfg := sarama.NewConfig()', '\tcfg.Producer.RequiredAcks = a', '\t_ = time.Second', '}');
    const { file, unit } = load(src);
    assert.deepEqual(createFixer(file).set(unit, 'acks', 'all'), []);
  });
});

describe('go editor: through the engine', () => {
  const rule: Rule = {
    meta: {
      id: 'test-acks',
      severities: ['warning'],
      formats: ['go'],
      category: 'producer',
      fixable: true,
      docs: { summary: { en: 't', zh: 't' }, why: { en: 't', zh: 't' }, fix: { en: 't', zh: 't' }, references: [], examples: [] },
    },
    check(ctx) {
      for (const unit of ctx.file.units) {
        const s = effective(unit, 'acks');
        if (s?.value === 'all') continue;
        const edits = ctx.fixer.set(unit, 'acks', 'all');
        ctx.report({ severity: 'warning', message: 'weak acks', span: s ? s.valueSpan : unit.anchor, fixes: [ctx.makeFix('Set acks=all', 'unsafe', edits, true)] });
      }
    },
  };

  it('fixes set and missing values and re-lints clean', () => {
    const src = lines(
      'package main',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func main() {',
      '\ta := sarama.NewConfig()',
      '\ta.Producer.RequiredAcks = sarama.WaitForLocal',
      '\tb := sarama.NewConfig()',
      '\tb.Producer.Retry.Max = 3',
      '\tc := sarama.NewConfig()',
      '\t// kafka-lint-disable-next-line test-acks',
      '\tc.Producer.RequiredAcks = sarama.NoResponse',
      '}',
    );
    const options = resolveOptions([]);
    const res = lint({ text: src, path: 'main.go' }, options, [rule]);
    assert.deepEqual(
      res.findings.map((f) => src.slice(f.span.start, f.span.end)),
      ['sarama.WaitForLocal', 'sarama.NewConfig()'],
    );
    const fixed = fixText({ text: src, path: 'main.go' }, options, { unsafe: true }, [rule]);
    assert.equal(
      fixed.output,
      src
        .replace('a.Producer.RequiredAcks = sarama.WaitForLocal', 'a.Producer.RequiredAcks = sarama.WaitForAll')
        .replace('\tb.Producer.Retry.Max = 3\n', '\tb.Producer.Retry.Max = 3\n\tb.Producer.RequiredAcks = sarama.WaitForAll\n'),
    );
    assert.deepEqual(fixed.result.findings, []);
  });
});
