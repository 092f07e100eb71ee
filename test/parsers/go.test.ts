import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseGo } from '../../server/src/engine/parsers/go.js';
import type { ConfigUnit, ParsedFile, Setting } from '../../server/src/engine/model.js';

const slice = (src: string, s: { start: number; end: number }) => src.slice(s.start, s.end);

interface UnitSummary {
  id: string;
  role: string;
  anchor: string;
  ctors: string[];
  settings: string[];
}

function summary(src: string, path = 'main.go'): UnitSummary[] {
  return parseGo(src, path).units.map((u) => ({
    id: u.id,
    role: u.role,
    anchor: slice(src, u.anchor),
    ctors: (u.facts.saramaConstructors ?? []).map((c) => `${c.name}: ${slice(src, c.span)}`),
    settings: u.settings.map((s) => `${s.key}=${s.value}${s.dynamic ? ' (dynamic)' : ''}`),
  }));
}

function setting(src: string, key: string, unitIndex = 0): Setting {
  const u = parseGo(src, 'main.go').units[unitIndex];
  const s = u?.settings.find((x) => x.key === key);
  assert.ok(s, `no ${key} in unit ${unitIndex}`);
  return s;
}

/** A file around a function body (tab-indented). */
const goMain = (body: string, imports = '"github.com/IBM/sarama"') =>
  `package main\n\nimport (\n\t${imports}\n\t"time"\n)\n\nfunc main() {\n${body}\n}\n`;

describe('go parser: a basic config', () => {
  const src = goMain(
    [
      '\tcfg := sarama.NewConfig()',
      '\tcfg.Producer.RequiredAcks = sarama.WaitForAll // strongest',
      '\tcfg.Producer.Retry.Max = 5',
      '\tcfg.Producer.Return.Successes = true',
      '\tproducer, err := sarama.NewSyncProducer([]string{"localhost:9092"}, cfg)',
      '\t_, _ = producer, err',
      '\t_ = time.Second',
    ].join('\n'),
  );

  it('finds one producer unit anchored at NewConfig()', () => {
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:cfg',
        role: 'producer',
        anchor: 'sarama.NewConfig()',
        ctors: ['NewSyncProducer: sarama.NewSyncProducer([]string{"localhost:9092"}, cfg)'],
        settings: ['acks=all', 'retries=5', 'sarama:Producer.Return.Successes=true'],
      },
    ]);
  });

  it('gives exact spans and source text for each setting', () => {
    const f = parseGo(src, 'main.go');
    const s = f.units[0].settings[0];
    assert.equal(s.sourceKey, 'cfg.Producer.RequiredAcks');
    assert.equal(slice(src, s.keySpan), 'cfg.Producer.RequiredAcks');
    assert.equal(slice(src, s.valueSpan), 'sarama.WaitForAll');
    assert.equal(slice(src, s.entrySpan), 'cfg.Producer.RequiredAcks = sarama.WaitForAll');
    assert.equal(s.rawValue, 'sarama.WaitForAll');
    assert.equal(s.role, 'producer');
    assert.equal(s.precedence, 1);
    assert.equal(s.dynamic, false);
    const u = f.units[0];
    assert.equal(u.surface, 'sarama');
    assert.equal(u.format, 'go');
    assert.equal(u.client, 'sarama');
    assert.equal(u.facts.saramaAlias, 'sarama');
    assert.equal(u.facts.roleEvidence, 'structure');
    assert.equal(
      slice(src, u.span),
      [
        'sarama.NewConfig()',
        '\tcfg.Producer.RequiredAcks = sarama.WaitForAll // strongest',
        '\tcfg.Producer.Retry.Max = 5',
        '\tcfg.Producer.Return.Successes = true',
        '\tproducer, err := sarama.NewSyncProducer([]string{"localhost:9092"}, cfg)',
      ].join('\n'),
    );
    assert.deepEqual(f.errors, []);
    assert.equal(f.eol, '\n');
    assert.deepEqual(
      f.comments.map((c) => [slice(src, c.span), c.text, c.ownLine]),
      [['// strongest', ' strongest', false]],
    );
  });
});

describe('go parser: text that only looks like configuration', () => {
  it('ignores assignments inside line and block comments', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\t// cfg.Producer.RequiredAcks = sarama.NoResponse',
        '\t/* cfg.Producer.Retry.Max = 0',
        '\t   other := sarama.NewConfig() */',
        '\tcfg.Producer.RequiredAcks = /* was NoResponse */ sarama.WaitForAll',
      ].join('\n'),
    );
    assert.deepEqual(summary(src), [{ id: 'sarama:cfg', role: 'producer', anchor: 'sarama.NewConfig()', ctors: [], settings: ['acks=all'] }]);
    const f = parseGo(src, 'main.go');
    assert.deepEqual(
      f.comments.map((c) => [c.text, c.ownLine]),
      [
        [' cfg.Producer.RequiredAcks = sarama.NoResponse', true],
        [' cfg.Producer.Retry.Max = 0\n\t   other := sarama.NewConfig() ', true],
        [' was NoResponse ', false],
      ],
    );
    assert.equal(setting(src, 'acks').rawValue, '/* was NoResponse */ sarama.WaitForAll'.slice('/* was NoResponse */ '.length));
  });

  it('ignores code inside raw and interpreted strings', () => {
    const src = goMain(
      [
        '\tconst tmpl = `cfg := sarama.NewConfig()',
        'cfg.Producer.RequiredAcks = sarama.NoResponse`',
        '\tmsg := "cfg.Producer.Retry.Max = 0; x := sarama.NewConfig()"',
        '\tcfg := sarama.NewConfig()',
        '\tcfg.Producer.Transaction.ID = `txn-"1"`',
        '\tcfg.ClientID = "svc\\t\\"a\\""',
        '\t_, _ = tmpl, msg',
      ].join('\n'),
    );
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:cfg',
        role: 'producer',
        anchor: 'sarama.NewConfig()',
        ctors: [],
        settings: ['transactional.id=txn-"1"', 'sarama:ClientID=svc\t"a"'],
      },
    ]);
  });
});

describe('go parser: values', () => {
  const value = (rhs: string, field = 'Producer.RequiredAcks', imports?: string) => {
    const src = goMain(`\tcfg := sarama.NewConfig()\n\tcfg.${field} = ${rhs}\n\t_ = time.Second`, imports);
    const u = parseGo(src, 'main.go').units[0];
    const s = u.settings[0];
    return `${s.key}=${s.value}${s.dynamic ? ' (dynamic)' : ''}`;
  };

  it('normalises RequiredAcks constants, numbers and conversions', () => {
    assert.equal(value('sarama.NoResponse'), 'acks=0');
    assert.equal(value('sarama.WaitForLocal'), 'acks=1');
    assert.equal(value('sarama.WaitForAll'), 'acks=all');
    assert.equal(value('-1'), 'acks=all');
    assert.equal(value('0'), 'acks=0');
    assert.equal(value('1'), 'acks=1');
    assert.equal(value('2'), 'acks=2');
    assert.equal(value('sarama.RequiredAcks(-1)'), 'acks=all');
    assert.equal(value('sarama.RequiredAcks(1)'), 'acks=1');
    assert.equal(value('(sarama.WaitForAll)'), 'acks=all');
  });

  it('marks variables, calls, flags and unknown constants as dynamic', () => {
    assert.equal(value('acks'), 'acks=acks (dynamic)');
    assert.equal(value('getAcks()'), 'acks=getAcks() (dynamic)');
    assert.equal(value('sarama.RequiredAcks(*flagAcks)'), 'acks=sarama.RequiredAcks(*flagAcks) (dynamic)');
    assert.equal(value('sarama.Bogus'), 'acks=sarama.Bogus (dynamic)');
    assert.equal(value('other.WaitForAll'), 'acks=other.WaitForAll (dynamic)');
    assert.equal(value('true'), 'acks=true (dynamic)');
    assert.equal(value('cfgFromEnv.Retries', 'Producer.Retry.Max'), 'retries=cfgFromEnv.Retries (dynamic)');
  });

  it('reads offsets, isolation levels, booleans, ints and strings', () => {
    assert.equal(value('sarama.OffsetOldest', 'Consumer.Offsets.Initial'), 'auto.offset.reset=earliest');
    assert.equal(value('sarama.OffsetNewest', 'Consumer.Offsets.Initial'), 'auto.offset.reset=latest');
    assert.equal(value('-2', 'Consumer.Offsets.Initial'), 'auto.offset.reset=earliest');
    assert.equal(value('sarama.ReadCommitted', 'Consumer.IsolationLevel'), 'isolation.level=read_committed');
    assert.equal(value('sarama.IsolationLevel(0)', 'Consumer.IsolationLevel'), 'isolation.level=read_uncommitted');
    assert.equal(value('false', 'Consumer.Offsets.AutoCommit.Enable'), 'enable.auto.commit=false');
    assert.equal(value('!false', 'Producer.Idempotent'), 'enable.idempotence=true');
    assert.equal(value('1_000', 'Producer.Retry.Max'), 'retries=1000');
    assert.equal(value('0x10', 'Net.MaxOpenRequests'), 'max.in.flight.requests.per.connection=16');
    assert.equal(value('10 * 1024 * 1024', 'Producer.MaxMessageBytes'), 'sarama:Producer.MaxMessageBytes=10485760');
    assert.equal(value('"tx-" + "1"', 'Producer.Transaction.ID'), 'transactional.id=tx-1');
    assert.equal(value('true', 'Producer.Return.Errors'), 'sarama:Producer.Return.Errors=true');
    assert.equal(value('sarama.CompressionSnappy', 'Producer.Compression'), 'sarama:Producer.Compression=CompressionSnappy');
    assert.equal(value('sarama.NewRandomPartitioner', 'Producer.Partitioner'), 'sarama:Producer.Partitioner=NewRandomPartitioner');
    assert.equal(
      value('[]sarama.BalanceStrategy{sarama.NewBalanceStrategyRoundRobin()}', 'Consumer.Group.Rebalance.GroupStrategies'),
      'sarama:Consumer.Group.Rebalance.GroupStrategies=[]sarama.BalanceStrategy{sarama.NewBalanceStrategyRoundRobin()} (dynamic)',
    );
    assert.equal(value('42', 'Some.Future.Field'), 'sarama:Some.Future.Field=42');
  });

  it('converts durations to milliseconds', () => {
    const f = 'Consumer.Offsets.AutoCommit.Interval';
    assert.equal(value('1 * time.Second', f), 'auto.commit.interval.ms=1000');
    assert.equal(value('500*time.Millisecond', f), 'auto.commit.interval.ms=500');
    assert.equal(value('time.Second', f), 'auto.commit.interval.ms=1000');
    assert.equal(value('2 * time.Minute', f), 'auto.commit.interval.ms=120000');
    assert.equal(value('time.Duration(250) * time.Millisecond', f), 'auto.commit.interval.ms=250');
    assert.equal(value('1500 * time.Microsecond', f), 'auto.commit.interval.ms=1.5');
    assert.equal(value('time.Hour / 2', f), 'auto.commit.interval.ms=1800000');
    assert.equal(value('5000000', f), 'auto.commit.interval.ms=5');
    assert.equal(value('interval', f), 'auto.commit.interval.ms=interval (dynamic)');
    assert.equal(value('10 * time.Second', 'Producer.Timeout'), 'sarama:Producer.Timeout=10000');
    // Without a `time` import, time.Second is not the time package.
    assert.equal(
      parseGo('package p\nimport "github.com/IBM/sarama"\nfunc f() {\n\tc := sarama.NewConfig()\n\tc.Producer.Timeout = time.Second\n}\n', 'p.go').units[0].settings[0].dynamic,
      true,
    );
  });

  it('reads Version constants, package variables and ParseKafkaVersion literals', () => {
    assert.equal(value('sarama.V2_8_0_0', 'Version'), 'sarama:Version=2.8.0.0');
    assert.equal(value('sarama.V0_11_0_2', 'Version'), 'sarama:Version=0.11.0.2');
    assert.equal(value('sarama.DefaultVersion', 'Version'), 'sarama:Version=2.8.0.0');
    assert.equal(value('sarama.MaxVersion', 'Version'), 'sarama:Version=4.3.1.0');
    assert.equal(value('sarama.MinVersion', 'Version'), 'sarama:Version=0.8.2.0');
    assert.equal(value('version', 'Version'), 'sarama:Version=version (dynamic)');
    const tuple = (lit: string) =>
      goMain(`\tcfg := sarama.NewConfig()\n\tvar err error\n\tcfg.Version, err = sarama.ParseKafkaVersion(${lit})\n\t_, _ = err, time.Second`);
    const s = setting(tuple('"3.6.0"'), 'sarama:Version');
    assert.equal(s.value, '3.6.0.0');
    assert.equal(s.dynamic, false);
    assert.equal(s.rawValue, 'sarama.ParseKafkaVersion("3.6.0")');
    assert.equal(setting(tuple('"0.11.0.2"'), 'sarama:Version').value, '0.11.0.2');
    assert.equal(setting(tuple('"2.8"'), 'sarama:Version').dynamic, true);
    assert.equal(setting(tuple('os.Getenv("V")'), 'sarama:Version').dynamic, true);
  });

  it('reads tuple assignments element by element', () => {
    const src = goMain('\tc := sarama.NewConfig()\n\tc.Producer.Return.Successes, c.Producer.Return.Errors = true, false\n\t_ = time.Second');
    const u = parseGo(src, 'main.go').units[0];
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.value, slice(src, s.keySpan), slice(src, s.valueSpan), slice(src, s.entrySpan)]),
      [
        ['sarama:Producer.Return.Successes', 'true', 'c.Producer.Return.Successes', 'true', 'c.Producer.Return.Successes, c.Producer.Return.Errors = true, false'],
        ['sarama:Producer.Return.Errors', 'false', 'c.Producer.Return.Errors', 'false', 'c.Producer.Return.Successes, c.Producer.Return.Errors = true, false'],
      ],
    );
  });

  it('treats compound assignments as dynamic', () => {
    const src = goMain('\tc := sarama.NewConfig()\n\tc.Producer.Retry.Max += 2\n\t_ = time.Second');
    assert.deepEqual(summary(src)[0].settings, ['retries=2 (dynamic)']);
  });
});

describe('go parser: multi-line expressions', () => {
  it('reads values spread over lines, with comments and parentheses', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\tcfg.Consumer.Offsets.AutoCommit.Interval = 2 * // two',
        '\t\ttime.Second',
        '\tcfg.Producer.RequiredAcks = (sarama. /* pkg */',
        '\t\tWaitForAll)',
        '\tcfg.Consumer.Offsets.Initial = sarama.',
        '\t\tOffsetOldest',
      ].join('\n'),
    );
    const u = parseGo(src, 'main.go').units[0];
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.value, slice(src, s.valueSpan), slice(src, s.entrySpan)]),
      [
        ['auto.commit.interval.ms', '2000', '2 * // two\n\t\ttime.Second', 'cfg.Consumer.Offsets.AutoCommit.Interval = 2 * // two\n\t\ttime.Second'],
        ['acks', 'all', '(sarama. /* pkg */\n\t\tWaitForAll)', 'cfg.Producer.RequiredAcks = (sarama. /* pkg */\n\t\tWaitForAll)'],
        ['auto.offset.reset', 'earliest', 'sarama.\n\t\tOffsetOldest', 'cfg.Consumer.Offsets.Initial = sarama.\n\t\tOffsetOldest'],
      ],
    );
    assert.equal(u.role, 'client');
  });

  it('reads calls and composite literals that span lines', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\tcfg.Net.SASL.User = lookup(map[string]string{',
        '\t\t"a": "b",',
        '\t}, "user")',
        '\tcg, err := sarama.NewConsumerGroup(',
        '\t\t[]string{"k:9092"},',
        '\t\t"group",',
        '\t\tcfg,',
        '\t)',
        '\t_, _, _ = cg, err, time.Second',
      ].join('\n'),
    );
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:cfg',
        role: 'consumer',
        anchor: 'sarama.NewConfig()',
        ctors: ['NewConsumerGroup: sarama.NewConsumerGroup(\n\t\t[]string{"k:9092"},\n\t\t"group",\n\t\tcfg,\n\t)'],
        settings: ['sarama:Net.SASL.User=lookup(map[string]string{\n\t\t"a": "b",\n\t}, "user") (dynamic)'],
      },
    ]);
    assert.deepEqual(parseGo(src, 'main.go').errors, []);
  });
});

describe('go parser: several configs', () => {
  it('keeps two configs in one function apart', () => {
    const src = goMain(
      [
        '\tpc := sarama.NewConfig()',
        '\tcc := sarama.NewConfig()',
        '\tpc.Producer.RequiredAcks = sarama.WaitForAll',
        '\tcc.Consumer.Offsets.Initial = sarama.OffsetOldest',
        '\tpc.Net.MaxOpenRequests = 1',
        '\tcc.Consumer.Offsets.AutoCommit.Enable = false',
        '\tp, _ := sarama.NewAsyncProducer(nil, pc)',
        '\tc, _ := sarama.NewConsumer(nil, cc)',
        '\t_, _, _ = p, c, time.Second',
      ].join('\n'),
    );
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:pc',
        role: 'producer',
        anchor: 'sarama.NewConfig()',
        ctors: ['NewAsyncProducer: sarama.NewAsyncProducer(nil, pc)'],
        settings: ['acks=all', 'max.in.flight.requests.per.connection=1'],
      },
      {
        id: 'sarama:cc',
        role: 'consumer',
        anchor: 'sarama.NewConfig()',
        ctors: ['NewConsumer: sarama.NewConsumer(nil, cc)'],
        settings: ['auto.offset.reset=earliest', 'enable.auto.commit=false'],
      },
    ]);
    const units = parseGo(src, 'main.go').units;
    assert.ok(units[0].anchor.start < units[1].anchor.start);
    assert.equal(units[1].settings[0].role, 'consumer');
    assert.equal(units[0].settings[1].role, 'producer'); // a shared field takes the unit's role
  });

  it('starts a new unit when a name is bound to a new NewConfig() and gives unique ids', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\tcfg.Producer.Retry.Max = 1',
        '\tcfg = sarama.NewConfig()',
        '\tcfg.Producer.Retry.Max = 2',
        '\tvar other = sarama.NewConfig()',
        '\tother.ClientID = "x"',
        '\t_ = time.Second',
      ].join('\n'),
    );
    assert.deepEqual(
      summary(src).map((u) => [u.id, u.settings]),
      [
        ['sarama:cfg', ['retries=1']],
        ['sarama:cfg#2', ['retries=2']],
        ['sarama:other', ['sarama:ClientID=x']],
      ],
    );
  });

  it('respects block scoping and stops tracking a name rebound to something else', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\tif true {',
        '\t\tcfg := struct{ Producer struct{ Retry struct{ Max int } } }{}',
        '\t\tcfg.Producer.Retry.Max = 0',
        '\t}',
        '\tcfg.Producer.Retry.Max = 7',
        '\talias := cfg',
        '\talias.Producer.Idempotent = true',
        '\tcfg = loadConfig()',
        '\tcfg.Producer.RequiredAcks = sarama.NoResponse',
        '\t_ = time.Second',
      ].join('\n'),
    );
    assert.deepEqual(summary(src)[0].settings, ['retries=7', 'enable.idempotence=true']);
    assert.equal(summary(src).length, 1);
  });

  it('counts an unbound NewConfig() passed straight to a constructor as a config', () => {
    const src = goMain('\tp, err := sarama.NewSyncProducer(addrs, sarama.NewConfig())\n\t_, _, _ = p, err, time.Second');
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:config',
        role: 'producer',
        anchor: 'sarama.NewConfig()',
        ctors: ['NewSyncProducer: sarama.NewSyncProducer(addrs, sarama.NewConfig())'],
        settings: [],
      },
    ]);
  });
});

describe('go parser: constructors and roles', () => {
  const roleOf = (body: string) => {
    const s = summary(goMain(`\tcfg := sarama.NewConfig()\n${body}\n\t_ = time.Second`))[0];
    return `${s.role} [${s.ctors.map((c) => c.split(':')[0]).join(', ')}]`;
  };

  it('decides the role from constructors', () => {
    assert.equal(roleOf('\tsarama.NewSyncProducer(addrs, cfg)'), 'producer [NewSyncProducer]');
    assert.equal(roleOf('\tsarama.NewAsyncProducer(addrs, cfg)'), 'producer [NewAsyncProducer]');
    assert.equal(roleOf('\tsarama.NewConsumerGroup(addrs, "g", cfg)'), 'consumer [NewConsumerGroup]');
    assert.equal(roleOf('\tsarama.NewConsumer(addrs, cfg)'), 'consumer [NewConsumer]');
    assert.equal(roleOf('\tsarama.NewClusterAdmin(addrs, cfg)'), 'client [NewClusterAdmin]');
    assert.equal(roleOf(''), 'client []');
    assert.equal(roleOf('\tsarama.NewSyncProducer(addrs, cfg)\n\tsarama.NewConsumer(addrs, cfg)'), 'client [NewSyncProducer, NewConsumer]');
    assert.equal(roleOf('\tsarama.NewConsumerGroup(addrs, "g", nil)'), 'client []');
  });

  it('decides the role from fields when there is no constructor', () => {
    assert.equal(roleOf('\tcfg.Producer.Flush.Messages = 10'), 'producer []');
    assert.equal(roleOf('\tcfg.Consumer.Return.Errors = true'), 'consumer []');
    assert.equal(roleOf('\tcfg.Producer.Flush.Messages = 10\n\tcfg.Consumer.Return.Errors = true'), 'client []');
    assert.equal(roleOf('\tcfg.Net.MaxOpenRequests = 1'), 'client []');
    const u = parseGo(goMain('\tcfg := sarama.NewConfig()\n\tcfg.Consumer.Return.Errors = true\n\t_ = time.Second'), 'main.go').units[0];
    assert.equal(u.facts.roleEvidence, 'keys');
  });

  it('follows a client built from the config to ...FromClient constructors', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\tclient, err := sarama.NewClient(addrs, cfg)',
        '\tif err != nil {',
        '\t\treturn',
        '\t}',
        '\tp, _ := sarama.NewSyncProducerFromClient(client)',
        '\tg, _ := sarama.NewConsumerGroupFromClient("g", client)',
        '\ta, _ := sarama.NewClusterAdminFromClient(client)',
        '\t_, _, _, _ = p, g, a, time.Second',
      ].join('\n'),
    );
    assert.deepEqual(summary(src)[0].ctors, [
      'NewClient: sarama.NewClient(addrs, cfg)',
      'NewSyncProducerFromClient: sarama.NewSyncProducerFromClient(client)',
      'NewConsumerGroupFromClient: sarama.NewConsumerGroupFromClient("g", client)',
      'NewClusterAdminFromClient: sarama.NewClusterAdminFromClient(client)',
    ]);
    assert.equal(summary(src)[0].role, 'client');
  });
});

describe('go parser: helper functions', () => {
  const helper = [
    'func newCfg() *sarama.Config {',
    '\tc := sarama.NewConfig()',
    '\tc.Version = sarama.V2_8_0_0',
    '\tc.Producer.Return.Successes = true',
    '\treturn c',
    '}',
  ].join('\n');

  it('reports an uncalled helper as its own unit', () => {
    const src = `package p\n\nimport "github.com/IBM/sarama"\n\n${helper}\n`;
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:c',
        role: 'producer',
        anchor: 'sarama.NewConfig()',
        ctors: [],
        settings: ['sarama:Version=2.8.0.0', 'sarama:Producer.Return.Successes=true'],
      },
    ]);
  });

  it("makes each call a unit: the helper's settings, then the caller's", () => {
    const src = [
      'package p',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func producer() {',
      '\tcfg := newCfg()',
      '\tcfg.Producer.RequiredAcks = sarama.WaitForAll',
      '\tsarama.NewSyncProducer(nil, cfg)',
      '}',
      '',
      helper,
      '',
      'func consumer() {',
      '\tcfg := newCfg()',
      '\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:cfg',
        role: 'producer',
        anchor: 'newCfg()',
        ctors: ['NewSyncProducer: sarama.NewSyncProducer(nil, cfg)'],
        settings: ['sarama:Version=2.8.0.0', 'sarama:Producer.Return.Successes=true', 'acks=all'],
      },
      {
        id: 'sarama:cfg#2',
        role: 'client',
        anchor: 'newCfg()',
        ctors: [],
        settings: ['sarama:Version=2.8.0.0', 'sarama:Producer.Return.Successes=true', 'auto.offset.reset=earliest'],
      },
    ]);
    const units = parseGo(src, 'p.go').units;
    // The helper's settings point at the helper's text in both units.
    assert.equal(slice(src, units[1].settings[0].entrySpan), 'c.Version = sarama.V2_8_0_0');
    assert.equal(units[0].anchor.start, src.indexOf('newCfg()'));
  });

  it('follows helpers returning (config, error), chained helpers, methods and var bindings', () => {
    const src = [
      'package p',
      '',
      'import (',
      '\t"errors"',
      '\t"github.com/IBM/sarama"',
      ')',
      '',
      'type Svc struct{ cfg *sarama.Config }',
      '',
      'func base() *sarama.Config { return sarama.NewConfig() }',
      '',
      'func withRetries() (*sarama.Config, error) {',
      '\tc := base()',
      '\tc.Producer.Retry.Max = 10',
      '\treturn c, errors.New("x")',
      '}',
      '',
      'func (s *Svc) config() *sarama.Config {',
      '\tc := sarama.NewConfig()',
      '\tc.ClientID = "svc"',
      '\treturn c',
      '}',
      '',
      'func (s *Svc) run() {',
      '\tcfg, err := withRetries()',
      '\tcfg.Producer.Idempotent = true',
      '\tvar other = s.config()',
      '\tother.Consumer.Return.Errors = true',
      '\t_ = err',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(summary(src), [
      { id: 'sarama:cfg', role: 'producer', anchor: 'withRetries()', ctors: [], settings: ['retries=10', 'enable.idempotence=true'] },
      { id: 'sarama:other', role: 'consumer', anchor: 's.config()', ctors: [], settings: ['sarama:ClientID=svc', 'sarama:Consumer.Return.Errors=true'] },
    ]);
  });

  it('does not treat a closure returning a config as a helper of its enclosing function', () => {
    const src = [
      'package p',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func outer() func() *sarama.Config {',
      '\treturn func() *sarama.Config {',
      '\t\tc := sarama.NewConfig()',
      '\t\tc.Producer.Retry.Max = 1',
      '\t\treturn c',
      '\t}',
      '}',
      '',
      'func user() {',
      '\tx := outer()',
      '\tx.Producer.Retry.Max = 2',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(
      summary(src).map((u) => [u.id, u.settings]),
      [['sarama:c', ['retries=1']]],
    );
  });
});

describe('go parser: functions that take a config', () => {
  it('applies what a function sets on its *sarama.Config parameter to the config each call passes, in order', () => {
    const src = [
      'package p',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func base(cfg *sarama.Config) {',
      '\tcfg.Producer.RequiredAcks = sarama.WaitForLocal',
      '}',
      '',
      'func durable(a, c *sarama.Config, n int) {',
      '\tbase(c)',
      '\tc.Producer.Return.Successes = true',
      '\tsarama.NewSyncProducer(nil, c)',
      '}',
      '',
      'func run() {',
      '\tcfg := sarama.NewConfig()',
      '\tcfg.Producer.RequiredAcks = sarama.NoResponse',
      '\tdurable(nil, cfg, 1)',
      '\tcfg.Producer.Retry.Max = 5',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:cfg',
        role: 'producer',
        anchor: 'sarama.NewConfig()',
        ctors: ['NewSyncProducer: sarama.NewSyncProducer(nil, c)'],
        settings: ['acks=0', 'acks=1', 'sarama:Producer.Return.Successes=true', 'retries=5'],
      },
    ]);
    const u = parseGo(src, 'p.go').units[0];
    // The settings a function brings point at its own text; the caller's stay where they are.
    assert.equal(slice(src, u.settings[1].entrySpan), 'cfg.Producer.RequiredAcks = sarama.WaitForLocal');
    assert.equal(slice(src, u.settings[0].entrySpan), 'cfg.Producer.RequiredAcks = sarama.NoResponse');
    assert.equal(u.facts.partial, undefined);
  });

  it('judges a function no call of this file reaches on what it sets: a partial unit at the parameter', () => {
    const src = [
      'package p',
      '',
      'import k "github.com/IBM/sarama"',
      '',
      'func Configure(cfg *k.Config, name string) {',
      '\tcfg.Producer.Idempotent = true',
      '}',
      '',
      'func Reads(cfg *k.Config) string { return cfg.ClientID }',
      '',
      'func Other(cfg *other.Config) { cfg.Producer.Idempotent = true }',
      '',
      'func Both(x, y *k.Config) { x.Producer.Retry.Max = 0 }',
      '',
    ].join('\n');
    const units = parseGo(src, 'p.go').units;
    assert.deepEqual(summary(src), [
      { id: 'sarama:cfg', role: 'producer', anchor: 'cfg', ctors: [], settings: ['enable.idempotence=true'] },
      { id: 'sarama:x', role: 'producer', anchor: 'x', ctors: [], settings: ['retries=0'] },
    ]);
    assert.equal(units[0].facts.partial, true);
  });

  it('takes a function returning its parameter for the config passed in', () => {
    const src = [
      'package p',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func tuned(c *sarama.Config) *sarama.Config {',
      '\tc.Producer.Retry.Max = 3',
      '\treturn c',
      '}',
      '',
      'func run() {',
      '\tcfg := tuned(sarama.NewConfig())',
      '\tcfg.Producer.Return.Successes = true',
      '\tsarama.NewSyncProducer(nil, cfg)',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(summary(src), [
      {
        id: 'sarama:cfg',
        role: 'producer',
        anchor: 'sarama.NewConfig()',
        ctors: ['NewSyncProducer: sarama.NewSyncProducer(nil, cfg)'],
        settings: ['retries=3', 'sarama:Producer.Return.Successes=true'],
      },
    ]);
  });
});

describe('go parser: selector targets, package variables, closures', () => {
  it('tracks s.cfg = sarama.NewConfig() and its fields', () => {
    const src = [
      'package p',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func (s *Svc) init2() {',
      '\ts.cfg = sarama.NewConfig()',
      '\ts.cfg.Producer.RequiredAcks = sarama.WaitForLocal',
      '\tif s.debug {',
      '\t\ts.cfg.ClientID = "debug"',
      '\t}',
      '\tsarama.NewAsyncProducer(s.addrs, s.cfg)',
      '}',
      '',
    ].join('\n');
    const u = parseGo(src, 'p.go').units[0];
    assert.equal(u.id, 'sarama:s.cfg');
    assert.deepEqual(
      u.settings.map((s) => [s.sourceKey, s.value]),
      [
        ['s.cfg.Producer.RequiredAcks', '1'],
        ['s.cfg.ClientID', 'debug'],
      ],
    );
    assert.deepEqual(u.facts.saramaConstructors?.map((c) => c.name), ['NewAsyncProducer']);
  });

  it('attributes assignments in other functions to a package-level config, unless a parameter shadows it (then they are the parameter\'s)', () => {
    const src = [
      'package p',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'var shared = sarama.NewConfig()',
      '',
      'func init() {',
      '\tshared.Producer.Idempotent = true',
      '}',
      '',
      'func tweak(shared *sarama.Config) {',
      '\tshared.Producer.Retry.Max = 0',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(summary(src), [
      { id: 'sarama:shared', role: 'producer', anchor: 'sarama.NewConfig()', ctors: [], settings: ['enable.idempotence=true'] },
      { id: 'sarama:shared#2', role: 'producer', anchor: 'shared', ctors: [], settings: ['retries=0'] },
    ]);
  });

  it('sees a package variable that init() assigns, from functions written before init()', () => {
    const src = [
      'package p',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'var cfg *sarama.Config',
      '',
      'func configure() {',
      '\tcfg.Consumer.Offsets.Initial = sarama.OffsetOldest',
      '}',
      '',
      'func init() {',
      '\tcfg = sarama.NewConfig()',
      '}',
      '',
      'func other() {',
      '\tvar cfg = struct{ ClientID string }{}',
      '\tcfg.ClientID = "not sarama"',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(summary(src), [
      { id: 'sarama:cfg', role: 'consumer', anchor: 'sarama.NewConfig()', ctors: [], settings: ['auto.offset.reset=earliest'] },
    ]);
  });

  it('keeps a config bound to an undeclared name inside its function', () => {
    const src = [
      'package p',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func build() (cfg *sarama.Config) {',
      '\tcfg = sarama.NewConfig()',
      '\tcfg.Producer.Retry.Max = 1',
      '\treturn',
      '}',
      '',
      'func elsewhere() {',
      '\tcfg.Producer.Retry.Max = 2',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(summary(src).map((u) => u.settings), [['retries=1']]);
  });

  it('reads a config built and used inside closures and goroutines', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\tdefer func() {',
        '\t\tcfg.Producer.Return.Errors = false',
        '\t}()',
        '\tgo func(c *sarama.Config) {',
        '\t\tc.Producer.Retry.Max = 0',
        '\t\tinner := sarama.NewConfig()',
        '\t\tinner.Consumer.IsolationLevel = sarama.ReadCommitted',
        '\t}(cfg)',
        '\thandlers := map[string]func(){',
        '\t\t"a": func() { cfg.Producer.RequiredAcks = sarama.WaitForAll },',
        '\t}',
        '\t_, _ = handlers, time.Second',
      ].join('\n'),
    );
    assert.deepEqual(
      summary(src).map((u) => [u.id, u.settings]),
      [
        ['sarama:cfg', ['sarama:Producer.Return.Errors=false', 'acks=all']],
        ['sarama:inner', ['isolation.level=read_committed']],
      ],
    );
  });

  it('walks control flow: if/else, for, switch, select, labels', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\tif v := os.Getenv("A"); v == "all" {',
        '\t\tcfg.Producer.RequiredAcks = sarama.WaitForAll',
        '\t} else if v == "" {',
        '\t\tcfg.Producer.RequiredAcks = sarama.WaitForLocal',
        '\t} else {',
        '\t\tcfg.Producer.RequiredAcks = sarama.NoResponse',
        '\t}',
        '\tfor i := 0; i < 3; i++ {',
        '\t\tcfg.Producer.Retry.Max = i',
        '\t}',
        'outer:',
        '\tfor _, x := range []int{1, 2} {',
        '\t\tswitch x {',
        '\t\tcase 1, 2:',
        '\t\t\tcfg.Net.MaxOpenRequests = 1',
        '\t\t\tbreak outer',
        '\t\tdefault:',
        '\t\t\tcfg.Net.MaxOpenRequests = 5',
        '\t\t}',
        '\t}',
        '\tselect {',
        '\tcase msg := <-ch:',
        '\t\tcfg.ClientID = msg',
        '\tcase ch <- "x":',
        '\tdefault:',
        '\t}',
        '\tswitch t := any(cfg).(type) {',
        '\tcase *sarama.Config, []int:',
        '\t\t_ = t',
        '\t}',
        '\tif (Point{1, 2}) == p {',
        '\t\tcfg.Producer.Idempotent = true',
        '\t}',
        '\t_ = time.Second',
      ].join('\n'),
    );
    assert.deepEqual(summary(src)[0].settings, [
      'acks=all',
      'acks=1',
      'acks=0',
      'retries=i (dynamic)',
      'max.in.flight.requests.per.connection=1',
      'max.in.flight.requests.per.connection=5',
      'sarama:ClientID=msg (dynamic)',
      'enable.idempotence=true',
    ]);
    assert.deepEqual(parseGo(src, 'main.go').errors, []);
  });
});

describe('go parser: imports', () => {
  const file = (imp: string, body: string) => `package p\n\nimport ${imp}\n\nfunc f() {\n${body}\n}\n`;

  it('accepts both module paths and the gopkg.in path', () => {
    for (const path of ['github.com/IBM/sarama', 'github.com/Shopify/sarama', 'gopkg.in/Shopify/sarama.v1']) {
      const s = summary(file(`"${path}"`, '\tc := sarama.NewConfig()\n\tc.Producer.Retry.Max = 1'));
      assert.deepEqual(s.map((u) => u.settings), [['retries=1']], path);
    }
  });

  it('uses an alias and reports it', () => {
    const src = file('(\n\tk "github.com/IBM/sarama"\n)', '\tc := k.NewConfig()\n\tc.Producer.RequiredAcks = k.WaitForAll\n\tc.Producer.Retry.Max = sarama.X');
    const u = parseGo(src, 'p.go').units[0];
    assert.equal(u.facts.saramaAlias, 'k');
    assert.deepEqual(summary(src)[0].settings, ['acks=all', 'retries=sarama.X (dynamic)']);
  });

  it('reads unqualified names under a dot import', () => {
    const src = file('. "github.com/IBM/sarama"', '\tc := NewConfig()\n\tc.Producer.RequiredAcks = WaitForAll\n\tc.Version = V3_6_0_0\n\tNewSyncProducer(nil, c)');
    const u = parseGo(src, 'p.go').units[0];
    assert.equal(u.facts.saramaAlias, '');
    assert.deepEqual(summary(src), [
      { id: 'sarama:c', role: 'producer', anchor: 'NewConfig()', ctors: ['NewSyncProducer: NewSyncProducer(nil, c)'], settings: ['acks=all', 'sarama:Version=3.6.0.0'] },
    ]);
  });

  it('produces no units without a usable sarama import', () => {
    const body = '\tc := sarama.NewConfig()\n\tc.Producer.RequiredAcks = sarama.NoResponse';
    assert.deepEqual(summary(file('_ "github.com/IBM/sarama"', body)), []);
    assert.deepEqual(summary(file('"github.com/segmentio/kafka-go"', body)), []);
    assert.deepEqual(summary(file('"github.com/IBM/sarama/mocks"', body)), []);
    const plain = parseGo('package p\n\n// a comment\nfunc f() { x := 1 }\n', 'p.go');
    assert.deepEqual(plain.units, []);
    assert.deepEqual(plain.comments.map((c) => c.text), [' a comment']);
  });
});

describe('go parser: broken code', () => {
  it('reports syntax errors and still finds configs after them', () => {
    const src = [
      'package main',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func broken() {',
      '\tx := (1 + ',
      '\ty := @',
      '}',
      '',
      'func ok() {',
      '\tcfg := sarama.NewConfig()',
      '\tcfg.Producer.RequiredAcks = sarama.WaitForAll',
      '}',
      '',
    ].join('\n');
    const f = parseGo(src, 'main.go');
    assert.ok(f.errors.length >= 1);
    assert.ok(f.errors.some((e) => e.message === 'invalid character "@"'));
    assert.deepEqual(summary(src).map((u) => u.settings), [['acks=all']]);
  });

  it('reports an unterminated string and keeps the settings before it', () => {
    const src = goMain('\tcfg := sarama.NewConfig()\n\tcfg.Producer.Retry.Max = 2\n\tcfg.ClientID = "open\n\t_ = time.Second');
    const f = parseGo(src, 'main.go');
    assert.deepEqual(f.errors.map((e) => e.message), ['string literal not terminated']);
    assert.deepEqual(summary(src)[0].settings, ['retries=2', 'sarama:ClientID="open (dynamic)']);
  });

  it('never throws on truncations of a real file', () => {
    const src = goMain(
      [
        '\tcfg := sarama.NewConfig()',
        '\tcfg.Producer.RequiredAcks = (sarama.WaitForAll)',
        '\tcfg.Consumer.Offsets.AutoCommit.Interval = 2 * time.Second',
        '\tp, err := sarama.NewSyncProducer([]string{"a"}, cfg)',
        '\tgo func() { defer p.Close(); _ = `raw',
        'string` }()',
        "\tswitch x := 'a'; x { case 'b': /* c */ }",
        '\t_ = err',
      ].join('\n'),
    );
    for (let i = 0; i <= src.length; i++) {
      const f = parseGo(src.slice(0, i), 'main.go');
      assert.equal(f.text.length, i);
    }
  });

  it('never throws on arbitrary text or Go-ish token soup', () => {
    const pieces = ['package p\n', 'import "github.com/IBM/sarama"\n', 'func', '(', ')', '{', '}', '[', ']', 'cfg', ':=', '=', 'sarama.NewConfig()', '.Producer', '.RequiredAcks', 'sarama.WaitForAll', '\n', ';', ',', '"s', '`r', '/*', '*/', '//', 'if', 'for', 'switch', 'case', ':', 'return', 'go', 'var', 'x', '1', '0x', '.5e', "'", '\\', '…', '\u0000'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const f = parseGo(text, 'x.go');
        return f.text === text && Array.isArray(f.units);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const f = parseGo('package p\nimport "github.com/IBM/sarama"\n' + text, 'x.go');
        return Array.isArray(f.errors);
      }),
      { numRuns: 300 },
    );
  });

  it('survives very deep nesting without a stack overflow', () => {
    const deep = 'package p\nimport "github.com/IBM/sarama"\nfunc f() {\n\tx := ' + '('.repeat(20000) + '1' + ')'.repeat(20000) + '\n\t' + '{'.repeat(5000) + '}'.repeat(5000) + '\n\ty := ' + '^'.repeat(20000) + '1\n\tc := sarama.NewConfig()\n\tc.Producer.Retry.Max = ' + '1 + '.repeat(20000) + '1\n}\n';
    const f = parseGo(deep, 'deep.go');
    assert.ok(f.errors.some((e) => e.message.startsWith('nested too deeply')));
    assert.equal(f.units.length, 1);
  });
});

describe('go parser: line endings and units shape', () => {
  it('detects CRLF files and keeps offsets in the original text', () => {
    const src = goMain('\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForLocal\n\t_ = time.Second').replace(/\n/g, '\r\n');
    const f: ParsedFile = parseGo(src, 'main.go');
    assert.equal(f.eol, '\r\n');
    const s = f.units[0].settings[0];
    assert.equal(slice(src, s.entrySpan), 'cfg.Producer.RequiredAcks = sarama.WaitForLocal');
    assert.deepEqual(f.errors, []);
  });

  it('produces units that satisfy the model invariants', () => {
    const src = goMain('\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForLocal\n\tcfg.Version = v\n\t_ = time.Second');
    const u: ConfigUnit = parseGo(src, 'main.go').units[0];
    for (const s of u.settings) {
      assert.ok(s.keySpan.start >= s.entrySpan.start && s.valueSpan.end <= s.entrySpan.end);
      assert.ok(u.span.start <= s.entrySpan.start && s.entrySpan.end <= u.span.end);
      assert.equal(slice(src, s.valueSpan), s.rawValue);
    }
    assert.equal(u.settings[1].value, 'v');
    assert.equal(u.settings[1].dynamic, true);
  });
});
