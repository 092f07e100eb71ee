// segmentio/kafka-go (surface 'kafka-go'): a `kafka.Writer{...}` literal is a producer whose
// `RequiredAcks` field is its acks; left out, it is RequireNone (no acknowledgement at all).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint, parseFile } from '../../server/src/engine/index.js';
import { createFixer } from '../../server/src/engine/fixer.js';
import { describeAt } from '../../server/src/engine/describe.js';
import { completeAt } from '../../server/src/engine/complete.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';

const P = 'svc/producer.go';
const O = resolveOptions([]);

const file = (body: string, imp = '"github.com/segmentio/kafka-go"') => `package main\n\nimport (\n\t"context"\n\n\t${imp}\n)\n\n${body}`;
const found = (text: string) => lint({ text, path: P }, O).findings.map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);
const fixAll = (text: string) => fixText({ text, path: P }, O, { unsafe: true }).output;

const README_WRITER = file('func newWriter() *kafka.Writer {\n\treturn &kafka.Writer{\n\t\tAddr:     kafka.TCP("localhost:9092"),\n\t\tTopic:    "orders",\n\t\tBalancer: &kafka.LeastBytes{},\n\t}\n}\n\nvar _ = context.Background\n');

describe('kafka-go Writer: the model', () => {
  it('reads each kafka.Writer literal as a producer, its RequiredAcks as acks', () => {
    const text = file(
      'var audit = kafka.Writer{Addr: kafka.TCP("k:9092"), RequiredAcks: kafka.RequireOne}\n\n' +
        'type svc struct{ w *kafka.Writer }\n\nfunc f() svc {\n\tall := &kafka.Writer{RequiredAcks: kafka.RequireAll}\n\tnum := kafka.Writer{RequiredAcks: -1}\n\tconv := kafka.Writer{RequiredAcks: kafka.RequiredAcks(0)}\n\tdyn := kafka.Writer{RequiredAcks: acksFromEnv()}\n\t_, _, _, _ = all, num, conv, dyn\n\treturn svc{w: &kafka.Writer{}}\n}\n\nvar _ = context.Background\n',
    );
    const units = parseFile({ text, path: P })!.units;
    assert.deepEqual(
      units.map((u) => [u.surface, u.client, u.role, u.settings.map((s) => `${s.sourceKey}=${s.value}${s.dynamic ? ' (dynamic)' : ''}`).join()]),
      [
        ['kafka-go', 'kafka-go', 'producer', 'RequiredAcks=1'],
        ['kafka-go', 'kafka-go', 'producer', 'RequiredAcks=all'],
        ['kafka-go', 'kafka-go', 'producer', 'RequiredAcks=all'],
        ['kafka-go', 'kafka-go', 'producer', 'RequiredAcks=0'],
        ['kafka-go', 'kafka-go', 'producer', 'RequiredAcks=acksFromEnv() (dynamic)'],
        ['kafka-go', 'kafka-go', 'producer', ''],
      ],
    );
    assert.equal(text.slice(units[5].anchor.start, units[5].anchor.end), 'kafka.Writer');
  });

  it('follows the import name, and reads nothing without the import', () => {
    const aliased = file('var w = &kgo.Writer{Topic: "t"}\n\nvar _ = context.Background\n', 'kgo "github.com/segmentio/kafka-go"');
    assert.deepEqual(found(aliased), ['acks error kgo.Writer']);
    assert.match(fixAll(aliased), /&kgo\.Writer\{Topic: "t", RequiredAcks: kgo\.RequireAll\}/);
    const other = file('var w = &kafka.Writer{Topic: "t"}\n\nvar _ = context.Background\n', '"github.com/example/kafka"');
    assert.deepEqual(parseFile({ text: other, path: P })!.units, []);
  });
});

describe('kafka-go Writer: findings and fixes', () => {
  it("reports a Writer without RequiredAcks as acks=0 (kafka-go's default), RequireOne as acks=1, RequireAll not at all", () => {
    assert.deepEqual(found(README_WRITER), ['acks error kafka.Writer']);
    const f = lint({ text: README_WRITER, path: P }, O).findings[0];
    assert.match(f.message, /`RequiredAcks` is unset; the kafka-go Writer default is `kafka\.RequireNone`/);
    assert.deepEqual(found(file('var w = kafka.Writer{RequiredAcks: kafka.RequireOne}\n\nvar _ = context.Background\n')), ['acks warning kafka.RequireOne']);
    assert.deepEqual(found(file('var w = kafka.Writer{RequiredAcks: kafka.RequireNone}\n\nvar _ = context.Background\n')), ['acks error kafka.RequireNone']);
    assert.deepEqual(found(file('var w = kafka.Writer{RequiredAcks: kafka.RequireAll}\n\nvar _ = context.Background\n')), []);
    assert.deepEqual(found(file('var w = kafka.Writer{RequiredAcks: level}\n\nvar _ = context.Background\n')), []);
  });

  it('judges only what a literal writes when the file assigns RequiredAcks elsewhere', () => {
    const text = file('func f(all bool) *kafka.Writer {\n\tw := &kafka.Writer{Topic: "t"}\n\tif all {\n\t\tw.RequiredAcks = kafka.RequireAll\n\t}\n\treturn w\n}\n\nvar _ = context.Background\n');
    assert.deepEqual(found(text), []);
    const one = text.replace('{Topic: "t"}', '{Topic: "t", RequiredAcks: kafka.RequireOne}');
    assert.deepEqual(found(one), ['acks warning kafka.RequireOne']);
    // The functional-options pattern: an assignment inside a function literal.
    const opts = file('type Option func(*kafka.Writer)\n\nfunc WithAcks(a kafka.RequiredAcks) Option {\n\treturn func(w *kafka.Writer) {\n\t\tw.RequiredAcks = a\n\t}\n}\n\nfunc New(o ...Option) *kafka.Writer {\n\tw := &kafka.Writer{Topic: "t"}\n\tfor _, f := range o {\n\t\tf(w)\n\t}\n\treturn w\n}\n\nvar _ = context.Background\n');
    assert.deepEqual(found(opts), []);
  });

  it('inserts RequiredAcks as its own line in a multi-line literal, aligned with the others when they are and it fits', () => {
    const out = fixAll(README_WRITER);
    assert.match(out, /\t\tBalancer: &kafka\.LeastBytes\{\},\n\t\tRequiredAcks: kafka\.RequireAll,\n\t\}/);
    assert.deepEqual(found(out), []);
    assert.equal(fixAll(out), out);
    const wide = README_WRITER.replace(/Addr: {5}/, 'Addr:                  ').replace(/Topic: {4}/, 'Topic:                 ').replace(/Balancer: /, 'Balancer:              ').replace('Balancer:              &', 'AllowAutoTopicCreation: true,\n\t\tBalancer:               &').replace('Addr:                  ', 'Addr:                   ').replace('Topic:                 ', 'Topic:                  ');
    assert.match(fixAll(wide), /\n\t\tRequiredAcks:           kafka\.RequireAll,\n/);
  });

  it('sets the value in place, and writes into one-line and empty literals', () => {
    const text = file('var a = kafka.Writer{Topic: "a", RequiredAcks: kafka.RequireOne}\nvar b = &kafka.Writer{Topic: "b",}\nvar c = &kafka.Writer{}\n\nvar _ = context.Background\n');
    const out = fixAll(text);
    assert.match(out, /var a = kafka\.Writer\{Topic: "a", RequiredAcks: kafka\.RequireAll\}\n/);
    assert.match(out, /var b = &kafka\.Writer\{Topic: "b", RequiredAcks: kafka\.RequireAll\}\n/);
    assert.match(out, /var c = &kafka\.Writer\{RequiredAcks: kafka\.RequireAll\}\n/);
  });

  it('offers no fix where an edit is not safe (a comment before the closing brace of a one-line literal)', () => {
    const text = file('var a = kafka.Writer{Topic: "a" /* audit */}\n\nvar _ = context.Background\n');
    const p = parseFile({ text, path: P })!;
    assert.deepEqual(createFixer(p).insert(p.units[0], 'acks', 'all'), []);
    assert.deepEqual(found(text), ['acks error kafka.Writer']);
  });

  it('adds nothing to a literal while the file has a syntax error (the parser\'s recovery may misplace its elements)', () => {
    const broken = file('func f() *P {\n\treturn &P{\n\t\to: &kafka.Writer{\n\t\to: &kafka.Writer{\n\t\t\tTopic: "t",\n\t\t},\n\t}\n}\n\nvar _ = context.Background\n');
    const p = parseFile({ text: broken, path: P })!;
    assert.ok(p.errors.length > 0);
    for (const u of p.units) assert.deepEqual(createFixer(p).insert(u, 'acks', 'all'), []);
    assert.equal(fixAll(broken), broken);
  });

  it('"disable for this line" works with a Go comment', () => {
    const text = README_WRITER.replace('\treturn &kafka.Writer{', '\t// kafka-lint-disable-next-line acks -- metrics, loss accepted\n\treturn &kafka.Writer{');
    assert.deepEqual(found(text), []);
  });
});

describe('kafka-go WriterConfig (the deprecated NewWriter)', () => {
  const legacy = (fields: string) => file(`func newWriter(brokers []string) *kafka.Writer {\n\treturn kafka.NewWriter(kafka.WriterConfig{\n\t\tBrokers: brokers,\n${fields}\t})\n}\n\nvar _ = context.Background\n`);

  it('reads RequiredAcks as NewWriter does: 0 or unset is all, 1 the leader', () => {
    assert.deepEqual(found(legacy('')), []);
    assert.deepEqual(found(legacy('\t\tRequiredAcks: 0,\n')), []);
    assert.deepEqual(found(legacy('\t\tRequiredAcks: -1,\n')), []);
    assert.deepEqual(found(legacy('\t\tRequiredAcks: 1,\n')), ['acks warning 1']);
    assert.deepEqual(found(legacy('\t\tRequiredAcks: acks,\n')), []);
    const unit = parseFile({ text: legacy('\t\tRequiredAcks: 0,\n'), path: P })!.units[0];
    assert.equal(unit.role, 'producer');
    assert.equal(unit.settings[0].value, 'all');
  });

  it('fixes 1 with the number -1 (the constants are of another type and do not compile in the int field)', () => {
    const text = legacy('\t\tRequiredAcks: 1,\n');
    const f = lint({ text, path: P }, O).findings[0];
    assert.match(f.message, /^`RequiredAcks: 1`: the leader acknowledges/);
    assert.match(f.message, /Use `RequiredAcks: -1`\.$/);
    assert.equal(fixAll(text), legacy('\t\tRequiredAcks: -1,\n'));
  });

  it('hovers RequiredAcks with what NewWriter makes of it, and completes no constants there', () => {
    const text = legacy('\t\tRequiredAcks: 0,\n');
    const h = describeAt(parseFile({ text, path: P })!, text.indexOf('RequiredAcks') + 2, O)!;
    assert.match(h.markdown, /\*\*kafka\.WriterConfig\.RequiredAcks\*\*/);
    assert.match(h.markdown, /`0`, or leaving it out, means every in-sync replica/);
    assert.match(h.markdown, /Default when unset: `-1` \(kafka-go NewWriter default; a `kafka\.WriterConfig` of segmentio\/kafka-go, read by the deprecated `kafka\.NewWriter`\)/);
    assert.match(h.markdown, /Safe value: `-1`/);
    const zh = describeAt(parseFile({ text, path: P })!, text.indexOf('RequiredAcks') + 2, resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }]))!;
    assert.match(zh.markdown, /`0` 或不写表示所有同步副本/);
    const typing = legacy('\t\tRequiredAcks: kafka.Req\n');
    assert.deepEqual(completeAt(typing, P, typing.indexOf('kafka.Req') + 'kafka.Req'.length, O), []);
  });
});

describe('kafka-go Reader: ReadMessage in a consumer group', () => {
  const reader = (cfg: string, loop: string) =>
    file(`func consume(ctx context.Context, handle func(kafka.Message) error) error {\n\tr := kafka.NewReader(kafka.ReaderConfig{${cfg}})\n\tfor {\n${loop}\t}\n}\n`);
  const READ = '\t\tm, err := r.ReadMessage(ctx)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\t_ = handle(m)\n';
  const FETCH = '\t\tm, err := r.FetchMessage(ctx)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\t_ = handle(m)\n\t\t_ = r.CommitMessages(ctx, m)\n';

  it('reports each ReadMessage call of a file with a group reader, at the call, without a fix', () => {
    const text = reader('Brokers: []string{"k:9092"}, GroupID: "orders", Topic: "orders"', READ);
    assert.deepEqual(found(text), ['auto-commit warning ReadMessage']);
    const f = lint({ text, path: P }, O).findings[0];
    assert.match(f.message, /^`r\.ReadMessage\(ctx\)` on a reader with a `GroupID`: kafka-go commits the message's offset as it returns it/);
    assert.deepEqual(f.fixes, []);
    assert.match(lint({ text, path: P }, resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }])).findings[0].message, /请用 `FetchMessage` 读取/);
  });

  it('is quiet with FetchMessage and CommitMessages, and for a reader without a group', () => {
    assert.deepEqual(found(reader('Brokers: []string{"k:9092"}, GroupID: "orders", Topic: "orders"', FETCH)), []);
    assert.deepEqual(found(reader('Brokers: []string{"k:9092"}, Topic: "orders", Partition: 0', READ)), []);
    assert.deepEqual(found(reader('Brokers: []string{"k:9092"}, GroupID: "", Topic: "orders"', READ)), []);
  });

  it("does not take a Conn's ReadMessage (a number argument, or a variable a Dial call gave) for a group reader's", () => {
    const conn = (use: string) =>
      '\t\tconn, err := kafka.DialLeader(ctx, "tcp", "k:9092", "orders", 0)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n' + use;
    const GROUP = 'Brokers: []string{"k:9092"}, GroupID: "orders", Topic: "orders"';
    assert.deepEqual(found(reader(GROUP, FETCH + conn('\t\t_, _ = conn.ReadMessage(maxBytes)\n'))), []);
    assert.deepEqual(found(reader(GROUP, FETCH + '\t\t_, _ = other.ReadMessage(10e3)\n')), []);
    assert.deepEqual(found(reader(GROUP, FETCH + '\t\tvar c, _ = dialer.DialContext(ctx, "tcp", "k:9092")\n\t\t_, _ = c.ReadMessage(1 << 20)\n')), []);
    // A reader's call beside them is still reported.
    assert.deepEqual(found(reader(GROUP, READ + conn('\t\t_, _ = conn.ReadMessage(maxBytes)\n'))), ['auto-commit warning ReadMessage']);
  });

  it("reads StartOffset as the group's auto.offset.reset: LastOffset is reported, with a fix to FirstOffset", () => {
    const text = reader('GroupID: "g", StartOffset: kafka.LastOffset', FETCH);
    assert.deepEqual(found(text), ['auto-offset-reset information kafka.LastOffset']);
    const out = fixAll(text);
    assert.match(out, /GroupID: "g", StartOffset: kafka\.FirstOffset\}/);
    assert.deepEqual(found(out), []);
    assert.deepEqual(found(reader('GroupID: "g", StartOffset: -1', FETCH)), ['auto-offset-reset information -1']);
    assert.deepEqual(found(reader('GroupID: "g", StartOffset: kafka.FirstOffset', FETCH)), []);
    assert.deepEqual(found(reader('GroupID: "g", StartOffset: offsetFromFlag()', FETCH)), []);
  });

  it('hovers ReadMessage with what it commits', () => {
    const text = reader('GroupID: "g"', READ);
    const h = describeAt(parseFile({ text, path: P })!, text.indexOf('ReadMessage') + 2, O)!;
    assert.match(h.markdown, /on a reader with a `GroupID` it also commits the message's offset/);
    assert.doesNotMatch(h.markdown, /Safe value/);
  });
});

describe('kafka-go Writer: hover and the editor', () => {
  it("hovers RequiredAcks with kafka-go's default and safe value, named by its constants", () => {
    const text = file('var w = kafka.Writer{RequiredAcks: kafka.RequireOne}\n\nvar _ = context.Background\n');
    const h = describeAt(parseFile({ text, path: P })!, text.indexOf('RequiredAcks') + 2, O)!;
    assert.match(h.markdown, /`RequiredAcks: kafka\.RequireOne` is in effect/);
    assert.match(h.markdown, /Default when unset: `kafka\.RequireNone` \(kafka-go Writer default; a `kafka\.Writer` of segmentio\/kafka-go\)/);
    assert.match(h.markdown, /Safe value: `kafka\.RequireAll`/);
    assert.match(h.markdown, /\*\*kafka\.Writer\.RequiredAcks\*\*/);
    // On a constant: what it means.
    const c = describeAt(parseFile({ text, path: P })!, text.indexOf('RequireOne') + 3, O)!;
    assert.match(c.markdown, /acks=1: the partition leader answers/);
    assert.deepEqual(text.slice(c.span.start, c.span.end), 'kafka.RequireOne');
    const zh = describeAt(parseFile({ text, path: P })!, text.indexOf('RequireOne') + 3, resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }]))!;
    assert.match(zh.markdown, /acks=1：由分区 leader 应答/);
    // With another import name, the safe value is named by it.
    const aliased = file('var w = kgo.Writer{RequiredAcks: kgo.RequireOne}\n\nvar _ = context.Background\n', 'kgo "github.com/segmentio/kafka-go"');
    assert.match(describeAt(parseFile({ text: aliased, path: P })!, aliased.indexOf('RequiredAcks') + 2, O)!.markdown, /Safe value: `kgo\.RequireAll`/);
  });

  it('completes the RequiredAcks constants, RequireAll first, after the import name', () => {
    const text = file('var w = kafka.Writer{RequiredAcks: kafka.Req}\n\nvar _ = context.Background\n');
    const at = text.indexOf('kafka.Req}') + 'kafka.Req'.length;
    const items = completeAt(text, P, at, O);
    assert.deepEqual(items.map((i) => i.label), ['RequireAll', 'RequireOne', 'RequireNone']);
    assert.deepEqual([items[0].replace.start, items[0].replace.end], [at - 3, at]);
    assert.match(items[2].detail ?? '', /acks=0/);
    const assigned = file('func f(w *kafka.Writer) {\n\tw.RequiredAcks = kafka.\n}\n\nvar _ = context.Background\n');
    assert.equal(completeAt(assigned, P, assigned.indexOf('kafka.\n') + 6, O).length, 3);
  });

  it('a file with sarama and kafka-go producers: both read, in file order, and an editor agrees with a fresh lint', () => {
    const text =
      'package main\n\nimport (\n\t"github.com/IBM/sarama"\n\t"github.com/segmentio/kafka-go"\n)\n\n' +
      'func saramaProducer() (sarama.SyncProducer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForLocal\n\tcfg.Producer.Return.Successes = true\n\treturn sarama.NewSyncProducer([]string{"k:9092"}, cfg)\n}\n\n' +
      'func writer() *kafka.Writer {\n\treturn &kafka.Writer{Topic: "t"}\n}\n';
    assert.deepEqual(parseFile({ text, path: P })!.units.map((u) => u.surface), ['sarama', 'kafka-go']);
    assert.deepEqual(found(text), ['acks warning sarama.WaitForLocal', 'acks error kafka.Writer']);
    const l = createDocumentLinter();
    const seen = (t: string) => l.lint(t, P, O, 'go').findings.map((f) => `${f.ruleId} ${f.severity} ${t.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(seen(text), found(text));
    const edited = text.replace('{Topic: "t"}', '{Topic: "t", RequiredAcks: kafka.RequireAll}');
    assert.deepEqual(seen(edited), ['acks warning sarama.WaitForLocal']);
  });

  it('an editor linting piece by piece finds what a fresh lint finds, after each edit', () => {
    const l = createDocumentLinter();
    let text = README_WRITER + '\nfunc other() {}\n';
    const seen = (t: string) => l.lint(t, P, O, 'go').findings.map((f) => `${f.ruleId} ${f.severity} ${t.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(seen(text), found(text));
    text = text.replace('Topic:    "orders",', 'Topic:    "orders",\n\t\tRequiredAcks: kafka.RequireOne,');
    assert.deepEqual(seen(text), ['acks warning kafka.RequireOne']);
    assert.deepEqual(seen(text), found(text));
    text = text.replace('func other() {}', 'func other() {\n\tw := newWriter()\n\tw.RequiredAcks = kafka.RequireAll\n}');
    assert.deepEqual(seen(text), found(text));
  });
});
