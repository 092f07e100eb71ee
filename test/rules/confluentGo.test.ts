// confluent-kafka-go (surface 'confluent-kafka-go'): a `kafka.ConfigMap{...}` literal holds
// librdkafka properties and is judged by the librdkafka rules; its role comes from the constructor
// it reaches, else from its keys; `cfg.SetKey(...)` calls and `cfg["key"] = v` assignments on its
// variable add to it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint, parseFile } from '../../server/src/engine/index.js';
import { applyEdits, createFixer } from '../../server/src/engine/fixer.js';
import { describeAt } from '../../server/src/engine/describe.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';

const P = 'svc/kafka.go';
const O = resolveOptions([]);
const file = (body: string, path = 'github.com/confluentinc/confluent-kafka-go/v2/kafka') => `package main\n\nimport (\n\t"fmt"\n\n\t"${path}"\n)\n\n${body}\nvar _ = fmt.Sprint\n`;
const found = (text: string) => lint({ text, path: P }, O).findings.map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);
const fixAll = (text: string) => fixText({ text, path: P }, O, { unsafe: true }).output;

const PRODUCER = file(
  'func producer() (*kafka.Producer, error) {\n\treturn kafka.NewProducer(&kafka.ConfigMap{\n\t\t"bootstrap.servers": "localhost:9092",\n\t\t"acks":              "1",\n\t\t"retries":           0,\n\t})\n}\n',
);
const CONSUMER = file(
  'func consumer() (*kafka.Consumer, error) {\n\tcfg := &kafka.ConfigMap{\n\t\t"bootstrap.servers": "localhost:9092",\n\t\t"group.id":          "orders",\n\t\t"auto.offset.reset": "latest",\n\t}\n\tif err := cfg.SetKey("enable.auto.commit", true); err != nil {\n\t\treturn nil, err\n\t}\n\treturn kafka.NewConsumer(cfg)\n}\n',
);

describe('confluent-kafka-go: the model', () => {
  it('reads a ConfigMap passed to a constructor, or held by a variable that is, with its SetKey calls', () => {
    const p = parseFile({ text: PRODUCER, path: P })!.units;
    assert.deepEqual(
      p.map((u) => [u.surface, u.client, u.role, u.settings.map((s) => `${s.key}=${s.value}`).join()]),
      [['confluent-kafka-go', 'librdkafka', 'producer', 'bootstrap.servers=localhost:9092,acks=1,retries=0']],
    );
    const c = parseFile({ text: CONSUMER, path: P })!.units;
    assert.deepEqual(
      c.map((u) => [u.role, u.settings.map((s) => `${s.key}=${s.value}`).join()]),
      [['consumer', 'bootstrap.servers=localhost:9092,group.id=orders,auto.offset.reset=latest,enable.auto.commit=true']],
    );
    assert.equal(CONSUMER.slice(c[0].anchor.start, c[0].anchor.end), 'kafka.ConfigMap');
    // The constructor decides where the keys cannot.
    const bare = file('func f() {\n\tp, _ := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "k:9092"})\n\tcfg := kafka.ConfigMap{"bootstrap.servers": "k:9092"}\n\tc, _ := kafka.NewConsumer(&cfg)\n\t_, _ = p, c\n}\n');
    assert.deepEqual(parseFile({ text: bare, path: P })!.units.map((u) => [u.role, u.facts.roleEvidence]), [['producer', 'structure'], ['consumer', 'structure']]);
  });

  it('takes the role from the keys without a constructor, follows the v1 import and its name, and reads nothing without it', () => {
    const keys = file('var cfg = kafka.ConfigMap{"group.id": "g", "enable.auto.commit": false}\n', 'github.com/confluentinc/confluent-kafka-go/kafka');
    assert.deepEqual(parseFile({ text: keys, path: P })!.units.map((u) => u.role), ['consumer']);
    const named = file('var cfg = ck.ConfigMap{"acks": 0}\n').replace('\t"github.com/confluentinc/confluent-kafka-go/v2/kafka"', '\tck "github.com/confluentinc/confluent-kafka-go/v2/kafka"');
    assert.deepEqual(parseFile({ text: named, path: P })!.units.map((u) => [u.role, u.settings[0].value]), [['producer', '0']]);
    const none = file('var cfg = kafka.ConfigMap{"acks": 0}\n', 'example.com/kafka');
    assert.deepEqual(parseFile({ text: none, path: P })!.units, []);
    // A value the file computes is not judged.
    const dyn = file('var cfg = kafka.ConfigMap{"acks": acks()}\n');
    assert.equal(parseFile({ text: dyn, path: P })!.units[0].settings[0].dynamic, true);
    assert.deepEqual(found(dyn), []);
  });

  it('adds `cfg["key"] = value` assignments, also to a field holding the map, in the order they are written', () => {
    const text = file(
      'type args struct{ conf kafka.ConfigMap }\n\nfunc consumer(offset *string) (*kafka.Consumer, error) {\n\tvar a args\n\ta.conf = kafka.ConfigMap{"bootstrap.servers": "k:9092"}\n' +
        '\ta.conf["group.id"] = "orders"\n\ta.conf["enable.auto.commit"] = true\n\t_ = a.conf.SetKey("enable.auto.commit", false)\n\ta.conf["auto.offset.reset"] = *offset\n\treturn kafka.NewConsumer(&a.conf)\n}\n',
    );
    const [u] = parseFile({ text, path: P })!.units;
    assert.deepEqual(
      [u.role, u.settings.map((s) => `${s.key}=${s.dynamic ? '?' : s.value}`).join()],
      ['consumer', 'bootstrap.servers=k:9092,group.id=orders,enable.auto.commit=true,enable.auto.commit=false,auto.offset.reset=?'],
    );
    // Set, if at run time: auto.offset.reset is not reported unset; auto-commit is off (the SetKey comes last).
    assert.deepEqual(found(text), []);
    // A fix rewrites the assignment's value.
    const latest = text.replace('*offset', '"latest"');
    const f = lint({ text: latest, path: P }, O).findings.find((x) => x.ruleId === 'auto-offset-reset')!;
    assert.match(f.message, /^`a\.conf\["auto\.offset\.reset"\] = "latest"`/);
    assert.match(applyEdits(latest, f.fixes[0].edits).text, /\ta\.conf\["auto\.offset\.reset"\] = "earliest"\n/);
  });

  it('tells a variable of one function from the same name in another', () => {
    const text = file(
      'func produce() {\n\tconf := kafka.ConfigMap{"acks": "1"}\n\t_, _ = kafka.NewProducer(&conf)\n}\n\n' +
        'func consume(conf *kafka.ConfigMap) {\n\t_, _ = kafka.NewConsumer(conf)\n}\n\nfunc admin() {\n\tconf := kafka.ConfigMap{"bootstrap.servers": "k:9092"}\n\t_, _ = kafka.NewAdminClient(&conf)\n}\n',
    );
    assert.deepEqual(parseFile({ text, path: P })!.units.map((u) => [u.role, u.facts.roleEvidence]), [['producer', 'structure'], ['client', 'keys']]);
    assert.deepEqual(found(text), ['acks warning "1"']);
    // A package variable is seen from every function.
    const pkg = file('var conf = kafka.ConfigMap{"bootstrap.servers": "k:9092"}\n\nfunc consume() {\n\tconf["group.id"] = "g"\n\t_, _ = kafka.NewConsumer(&conf)\n}\n');
    assert.deepEqual(parseFile({ text: pkg, path: P })!.units.map((u) => [u.role, u.facts.roleEvidence, u.settings.length]), [['consumer', 'structure', 2]]);
  });
});

describe('confluent-kafka-go: findings and fixes', () => {
  it('judges the properties as librdkafka reads them', () => {
    assert.deepEqual(found(PRODUCER), ['acks warning "1"', 'retries warning 0']);
    assert.deepEqual(found(CONSUMER), ['auto-offset-reset information "latest"', 'auto-commit warning true']);
    const f = lint({ text: CONSUMER, path: P }, O).findings.find((x) => x.ruleId === 'auto-commit')!;
    assert.match(f.message, /^`cfg\.SetKey\("enable\.auto\.commit", true\)` and `"enable\.auto\.offset\.store"` is unset \(the librdkafka default is `true`\)/);
    // librdkafka's defaults: acks all, so a producer that does not set it is fine.
    assert.deepEqual(found(file('func p() { _, _ = kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "k:9092"}) }\n')), []);
  });

  it('keeps a value written as a string a string, and adds properties in the map literal\'s layout', () => {
    const out = fixAll(CONSUMER);
    assert.match(out, /\t\t"auto\.offset\.reset": "earliest",\n\t\t"enable\.auto\.offset\.store": false,\n\t\}/);
    assert.deepEqual(found(out), []);
    assert.equal(fixAll(out), out);
    const p = fixAll(PRODUCER);
    assert.match(p, /\t\t"acks": {14}"all",\n/);
    // retries=0 is removed with its line.
    assert.doesNotMatch(p, /"retries"/);
    assert.match(p, /"all",\n\t\}\)\n/);
  });

  it('sets a value in the type it was written in: a string stays a string, a literal a literal', () => {
    const text = file('var cfg = kafka.ConfigMap{"group.id": "g", "enable.auto.commit": "true", "enable.auto.offset.store": true}\n');
    const pf = parseFile({ text, path: P })!;
    const u = pf.units[0];
    const fx = createFixer(pf);
    const set = (key: string) => applyEdits(text, fx.setValue(u, u.settings.find((s) => s.key === key)!, 'false')).text;
    assert.match(set('enable.auto.commit'), /"enable\.auto\.commit": "false"/);
    assert.match(set('enable.auto.offset.store'), /"enable\.auto\.offset\.store": false\}/);
  });

  it('inserts into one-line and empty literals', () => {
    const one = file('func c() { _, _ = kafka.NewConsumer(&kafka.ConfigMap{"group.id": "g"}) }\n');
    const pf = parseFile({ text: one, path: P })!;
    assert.match(applyEdits(one, createFixer(pf).insert(pf.units[0], 'enable.auto.offset.store', 'false')).text, /ConfigMap\{"group\.id": "g", "enable\.auto\.offset\.store": false\}/);
    const empty = file('func c() { _, _ = kafka.NewConsumer(&kafka.ConfigMap{}) }\n');
    const pe = parseFile({ text: empty, path: P })!;
    assert.match(applyEdits(empty, createFixer(pe).insert(pe.units[0], 'auto.offset.reset', 'earliest')).text, /ConfigMap\{"auto\.offset\.reset": "earliest"\}/);
  });

  it('adds and removes nothing while the file has a syntax error', () => {
    const broken = CONSUMER.replace('\tcfg := &kafka.ConfigMap{\n', '\tcfg := &kafka.ConfigMap{\n\tcfg := &kafka.ConfigMap{\n');
    const p = parseFile({ text: broken, path: P })!;
    assert.ok(p.errors.length > 0);
    for (const u of p.units) {
      assert.deepEqual(createFixer(p).insert(u, 'enable.auto.offset.store', 'false'), []);
      for (const s of u.settings) assert.deepEqual(createFixer(p).remove(u, s), []);
    }
  });

  it('"disable for this line" works above a map element', () => {
    const text = PRODUCER.replace('\t\t"acks":', '\t\t// kafka-lint-disable-next-line acks -- metrics producer\n\t\t"acks":');
    assert.deepEqual(found(text), ['retries warning 0']);
  });
});

describe('confluent-kafka-go: hover and the editor', () => {
  it('hovers a property with the librdkafka default', () => {
    const h = describeAt(parseFile({ text: PRODUCER, path: P })!, PRODUCER.indexOf('"acks"') + 2, O)!;
    assert.match(h.markdown, /`"acks": "1"` is in effect/);
    assert.match(h.markdown, /Default when unset: `"all"` \(librdkafka default; librdkafka-based client detected\)/);
  });

  it('an editor linting piece by piece finds what a fresh lint finds, after each edit', () => {
    const l = createDocumentLinter();
    let text = PRODUCER + '\n' + CONSUMER.replace(/^package main\n\nimport \([^)]*\)\n/, '').replace('var _ = fmt.Sprint\n', '');
    const seen = (t: string) => l.lint(t, P, O, 'go').findings.map((f) => `${f.ruleId} ${f.severity} ${t.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(seen(text), found(text));
    text = text.replace('"acks":              "1"', '"acks":              "all"');
    assert.deepEqual(seen(text), found(text));
    assert.ok(!seen(text).some((f) => f.startsWith('acks')));
  });
});

describe('confluent-kafka-go: consumers that never fetch a message', () => {
  // (confluent-kafka-go's consumer_offset_metadata example and its tests' getMessageCountInTopic)
  const offsetsOnly = (calls: string) =>
    file(
      'func offsets(topic string) error {\n\tconf := kafka.ConfigMap{"bootstrap.servers": "k:9092", "group.id": "orders"}\n' +
        '\tc, err := kafka.NewConsumer(&conf)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer c.Close()\n' +
        calls +
        '\treturn nil\n}\n',
    );
  const unset = (text: string) => found(text).filter((f) => /^auto-(commit|offset-reset)/.test(f));
  it('a consumer used only for offsets and metadata is not told what it leaves unset', () => {
    const text = offsetsOnly('\t_, err = c.CommitOffsets([]kafka.TopicPartition{{Topic: &topic, Partition: 0, Offset: 5}})\n\t_, _, err = c.QueryWatermarkOffsets(topic, 0, 1000)\n');
    assert.deepEqual(unset(text), []);
    assert.deepEqual(parseFile({ text, path: P })!.units[0].facts.readsNoMessages, ['Close', 'CommitOffsets', 'QueryWatermarkOffsets']);
    const parsed = parseFile({ text, path: P })!;
    const hover = describeAt(parsed, text.indexOf('"group.id"') + 2, O)?.markdown ?? '';
    assert.match(hover, /The consumer made from this config only calls `Close`, `CommitOffsets`, `QueryWatermarkOffsets`: it fetches no message/);
  });
  it('followed into the functions of the file it is passed to, and printed', () => {
    const helpers = (body: string) =>
      file(
        'func main() {\n\tc, err := kafka.NewConsumer(&kafka.ConfigMap{"bootstrap.servers": "k:9092", "group.id": "g"})\n\tif err != nil {\n\t\treturn\n\t}\n' +
          '\tfmt.Printf("Created Consumer %v\\n", c)\n\tif len(topic) > 1 {\n\t\tcommitOffset(c, topic)\n\t} else {\n\t\tshow(c, topic)\n\t}\n\tc.Close()\n}\n\n' +
          'var topic = "t"\n\nfunc commitOffset(c *kafka.Consumer, topic string) {\n\t_, _ = c.CommitOffsets([]kafka.TopicPartition{{Topic: &topic}})\n}\n\n' +
          `func show(consumer *kafka.Consumer, topic string) {\n${body}}\n`,
      );
    assert.deepEqual(unset(helpers('\t_, _ = consumer.Committed([]kafka.TopicPartition{{Topic: &topic}}, 5000)\n')), []);
    assert.equal(unset(helpers('\t_ = consumer.Subscribe(topic, nil)\n\t_ = consumer.Poll(100)\n')).length, 2);
    assert.equal(unset(helpers('\tgo drain(consumer)\n')).length, 2);
  });
  it('one that subscribes, polls or reads is, as before', () => {
    for (const call of ['\t_ = c.Subscribe(topic, nil)\n', '\t_ = c.Poll(100)\n', '\t_, _ = c.ReadMessage(-1)\n', '\t_ = c.Assign(nil)\n']) {
      const text = offsetsOnly(call);
      assert.equal(unset(text).length, 2, call);
      assert.equal(parseFile({ text, path: P })!.units[0].facts.readsNoMessages, undefined);
    }
  });
  it('one that leaves the function, or is mentioned where the tree does not show it, is judged as before', () => {
    // returned, stored in a field, passed on
    assert.equal(unset(offsetsOnly('\tkeep(c)\n')).length, 2);
    assert.equal(unset(offsetsOnly('\tholder.consumer = c\n')).length, 2);
    // a name the syntax tree does not show as a use of it (a comment): not known, so judged
    assert.equal(unset(offsetsOnly('\t// c.Subscribe happens in another goroutine\n')).length, 2);
    // another consumer from the same config reads
    const two = file(
      'func both(topic string) {\n\tconf := kafka.ConfigMap{"bootstrap.servers": "k:9092", "group.id": "orders"}\n' +
        '\tc, _ := kafka.NewConsumer(&conf)\n\tdefer c.Close()\n\t_, _ = c.Committed(nil, 100)\n' +
        '\td, _ := kafka.NewConsumer(&conf)\n\t_ = d.Subscribe(topic, nil)\n}\n',
    );
    assert.equal(unset(two).length, 2);
  });
});
