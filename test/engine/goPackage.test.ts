// A Go package is one program: a helper in config.go that returns a sarama config, or a function in
// producer.go the config is passed to, counts for the config main.go builds (parsers/goPackage.ts).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint, type GoSibling } from '../../server/src/engine/index.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { parseGo } from '../../server/src/engine/parsers/go.js';
import { goAnalysisCounts } from '../../server/src/engine/parsers/goIncremental.js';

const OPTIONS = resolveOptions([]);
const HEAD = 'package svc\n\nimport "github.com/IBM/sarama"\n\n';

/** config.go: a helper `newConfig()` that makes a config and sets `lines` on it (`c.…`). */
const helper = (...lines: string[]) => HEAD + `func newConfig() *sarama.Config {\n\tc := sarama.NewConfig()\n${lines.map((l) => `\t${l}\n`).join('')}\treturn c\n}\n`;
const HELPER = helper('c.Net.SASL.Enable = true');
const MAIN = HEAD + 'func run(addrs []string) {\n\tcfg := newConfig()\n\tcfg.Producer.Return.Successes = true\n\tsarama.NewSyncProducer(addrs, cfg)\n}\n';

/** `rule@line` of each finding of `path` (one of `files`), linted with the others as its package. */
function findings(files: GoSibling[], path: string, withPackage = true): string[] {
  const f = files.find((x) => x.path === path)!;
  const r = lint({ text: f.text, path, ...(withPackage ? { goPackage: files } : {}) }, OPTIONS);
  return r.findings.map((x) => `${x.ruleId}@${f.text.slice(0, x.span.start).split('\n').length}`).sort();
}

describe('Go: the other files of the package', () => {
  it('a config from a helper in another file is judged where it is used', () => {
    const files = [
      { path: '/p/config.go', text: HELPER },
      { path: '/p/main.go', text: MAIN },
    ];
    // At the helper call: acks is left at sarama's WaitForLocal.
    assert.deepEqual(findings(files, '/p/main.go'), ['acks@6']);
    // Control: without the package the helper call is no config at all.
    assert.deepEqual(findings(files, '/p/main.go', false), []);
    // The helper's own file says nothing of what its callers elsewhere leave unset.
    assert.deepEqual(findings(files, '/p/config.go'), []);
    // A helper setting both Producer and Consumer fields (a test helper) does not make each
    // config built from it a producer and a consumer: a client with nothing to report.
    const both = [
      { path: '/p/config.go', text: helper('c.Producer.Return.Successes = true', 'c.Consumer.Return.Errors = true') },
      { path: '/p/main.go', text: HEAD + 'func run() {\n\tcfg := newConfig()\n\tsarama.NewClient(nil, cfg)\n}\n' },
    ];
    assert.deepEqual(findings(both, '/p/main.go'), []);
  });

  it('what the other file sets counts here, and is reported there, with a related place here', () => {
    const config = helper('c.Producer.RequiredAcks = sarama.WaitForAll', 'c.Producer.Idempotent = true');
    const main = HEAD + 'func run(addrs []string) {\n\tcfg := newConfig()\n\tcfg.Net.MaxOpenRequests = 5\n\tcfg.Producer.Return.Successes = true\n\tsarama.NewSyncProducer(addrs, cfg)\n}\n';
    const files = [
      { path: '/p/config.go', text: config },
      { path: '/p/main.go', text: main },
    ];
    const r = lint({ text: main, path: '/p/main.go', goPackage: files }, OPTIONS);
    // acks is set in config.go: no acks finding. Idempotence needs one open request: reported at
    // this file's own `MaxOpenRequests = 5`, naming where idempotence is turned on.
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['sarama-idempotent']);
    const f = r.findings[0];
    assert.equal(main.slice(f.span.start, f.span.end), '5');
    assert.deepEqual(
      f.related?.map((p) => [p.path, config.slice(p.span.start, p.span.end)]),
      [['/p/config.go', 'c.Producer.Idempotent = true']],
    );
    // The fix edits this file only, and leaves it clean.
    const fixed = fixText({ text: main, path: '/p/main.go', goPackage: files }, OPTIONS);
    assert.match(fixed.output, /cfg\.Net\.MaxOpenRequests = 1\n/);
    assert.deepEqual(fixed.result.findings, []);
    // config.go is judged on what it sets: nothing wrong there.
    assert.deepEqual(findings(files, '/p/config.go'), []);
  });

  it('a setting of the other file that needs one left unset everywhere is reported at the config here', () => {
    // Idempotence turned on without its prerequisites; a transactional id without idempotence.
    for (const [line, rule] of [['c.Producer.Idempotent = true', 'sarama-idempotent'], ['c.Producer.Transaction.ID = "tx"', 'transactional-id']]) {
      const config = helper(line);
      const files = [
        { path: '/p/config.go', text: config },
        { path: '/p/main.go', text: MAIN },
      ];
      const r = lint({ text: MAIN, path: '/p/main.go', goPackage: files }, OPTIONS);
      const f = r.findings.find((x) => x.ruleId === rule);
      assert.ok(f, `${rule}: ${r.findings.map((x) => x.ruleId).join()}`);
      assert.equal(MAIN.slice(f.span.start, f.span.end), 'newConfig()');
      // The helper's file leaves it to its callers (they may set what it lacks).
      assert.deepEqual(findings(files, '/p/config.go'), []);
    }
  });

  it('a prerequisite the other file writes wrong is reported there only', () => {
    // One Validate() failure, one report: where WaitForLocal is written (a fix here would be
    // overwritten by the call after it).
    const producer = HEAD + 'func start(c *sarama.Config) {\n\tc.Producer.RequiredAcks = sarama.WaitForLocal\n\tc.Producer.Idempotent = true\n\tsarama.NewSyncProducer(nil, c)\n}\n';
    const main = HEAD + 'func run() {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.Return.Successes = true\n\tstart(cfg)\n}\n';
    const files = [
      { path: '/p/main.go', text: main },
      { path: '/p/producer.go', text: producer },
    ];
    assert.deepEqual(findings(files, '/p/main.go'), []);
    assert.deepEqual(findings(files, '/p/producer.go'), ['acks@6', 'sarama-idempotent@7']);
  });

  it('a wrong value in the other file is reported once, there', () => {
    const config = helper('c.Producer.RequiredAcks = sarama.NoResponse');
    const files = [
      { path: '/p/config.go', text: config },
      { path: '/p/main.go', text: MAIN },
    ];
    assert.deepEqual(findings(files, '/p/main.go'), []);
    assert.deepEqual(findings(files, '/p/config.go'), ['acks@7']);
  });

  it('a function of another file that sets the config or passes it to a constructor', () => {
    const other = HEAD +
      'func configure(c *sarama.Config) {\n\tc.Producer.RequiredAcks = sarama.WaitForAll\n\tc.Producer.Return.Successes = true\n}\n\n' +
      'func newProducer(addrs []string, c *sarama.Config) (sarama.SyncProducer, error) {\n\treturn sarama.NewSyncProducer(addrs, c)\n}\n';
    const main = HEAD +
      'func a(addrs []string) {\n\tcfg := sarama.NewConfig()\n\tconfigure(cfg)\n\tnewProducer(addrs, cfg)\n}\n\n' +
      'func b(addrs []string) {\n\tcfg := sarama.NewConfig()\n\tnewProducer(addrs, cfg)\n}\n';
    const files = [
      { path: '/p/producer.go', text: other },
      { path: '/p/main.go', text: main },
    ];
    // a: configured there, nothing left. b: a SyncProducer (known from the other file) with
    // acks and Return.Successes at their defaults.
    assert.deepEqual(findings(files, '/p/main.go'), ['acks@12', 'sarama-errors@12']);
    assert.deepEqual(findings(files, '/p/main.go', false), []);
  });

  it('follows a helper of another file that calls a helper of a third, and a package variable of another file behind a getter', () => {
    const outer = HEAD + 'func newConfig() *sarama.Config {\n\tc := baseConfig()\n\tc.ClientID = "svc"\n\treturn c\n}\n';
    const inner = HEAD + 'func baseConfig() *sarama.Config {\n\tc := sarama.NewConfig()\n\tc.Producer.RequiredAcks = sarama.WaitForAll\n\treturn c\n}\n';
    // An unrelated file of the package (it declares nothing this one names) is not read.
    const unrelated = HEAD + 'func other() *sarama.Config {\n\treturn sarama.NewConfig()\n}\n';
    const chain = [
      { path: '/p/a.go', text: outer },
      { path: '/p/b.go', text: inner },
      { path: '/p/c.go', text: unrelated },
      { path: '/p/main.go', text: MAIN },
    ];
    assert.deepEqual(findings(chain, '/p/main.go'), []);
    // Control: the third file not setting acks.
    const unset = chain.map((f) => (f.path === '/p/b.go' ? { ...f, text: inner.replace('\tc.Producer.RequiredAcks = sarama.WaitForAll\n', '') } : f));
    assert.deepEqual(findings(unset, '/p/main.go'), ['acks@6']);
    const options = HEAD + 'var (\n\tDefaultConfig = sarama.NewConfig()\n)\n';
    const main = HEAD + 'func get() *sarama.Config { return DefaultConfig }\n\nfunc run() {\n\tc := get()\n\tc.Producer.Return.Successes = true\n\tsarama.NewSyncProducer(nil, c)\n}\n';
    assert.deepEqual(findings([{ path: '/p/options.go', text: options }, { path: '/p/main.go', text: main }], '/p/main.go'), ['acks@8']);
  });

  describe('a package variable another file makes, set or used here', () => {
    const OPTIONS_GO = { path: '/p/options.go', text: HEAD + 'var DefaultConfig = sarama.NewConfig()\n' };
    /** A file of the package with one function `name` holding `lines` (each a statement). */
    const file = (path: string, name: string, ...lines: string[]) => ({ path, text: HEAD + `func ${name}() {\n${lines.map((l) => `\t${l}\n`).join('')}}\n` });
    const PRODUCE = 'sarama.NewSyncProducer(nil, DefaultConfig)';
    const SUCCESSES = 'DefaultConfig.Producer.Return.Successes = true';
    /** options.go making DefaultConfig, with an `init` function holding `lines`. */
    const withInit = (...lines: string[]) => ({ path: '/p/options.go', text: OPTIONS_GO.text + file('', 'init', ...lines).text.slice(HEAD.length) });


    it('a value written here is reported here, once', () => {
      const main = file('/p/main.go', 'run', 'DefaultConfig.Producer.RequiredAcks = sarama.NoResponse', SUCCESSES, PRODUCE);
      const files = [OPTIONS_GO, main];
      assert.deepEqual(findings(files, '/p/main.go'), ['acks@6']);
      assert.deepEqual(findings(files, '/p/options.go'), []);
      // main.go's unit for it spans what main.go writes (wherever options.go makes it), and knows it is shared.
      const far = { path: '/p/options.go', text: HEAD + `// ${'-'.repeat(400)}\nvar DefaultConfig = sarama.NewConfig()\n` };
      const [unit] = parseGo(main.text, main.path, undefined, [far, main]).units;
      assert.equal(main.text.slice(unit.span.start, unit.span.end), `DefaultConfig.Producer.RequiredAcks = sarama.NoResponse\n\t${SUCCESSES}\n\t${PRODUCE}`);
      assert.equal(unit.facts.sharedAcrossFiles, true);
      // Through an alias of it as well.
      const alias = file('/p/main.go', 'run', 'c := DefaultConfig', 'c.Consumer.Offsets.Initial = sarama.OffsetNewest', 'sarama.NewConsumerGroup(nil, "g", c)');
      assert.deepEqual(findings([OPTIONS_GO, alias], '/p/main.go'), ['auto-offset-reset@7']);
    });

    it('what is left unset is reported where it is made, not where it is used', () => {
      const main = file('/p/main.go', 'run', PRODUCE);
      const files = [OPTIONS_GO, main];
      assert.deepEqual(findings(files, '/p/main.go'), []);
      assert.deepEqual(findings(files, '/p/options.go'), ['acks@5', 'sarama-errors@5']);
      // A transactional id set here without idempotence: here, once.
      const tx = file('/p/main.go', 'run', 'DefaultConfig.Producer.Transaction.ID = "tx"', PRODUCE);
      assert.deepEqual(findings([OPTIONS_GO, tx], '/p/main.go'), ['transactional-id@6']);
      assert.deepEqual(findings([OPTIONS_GO, tx], '/p/options.go'), ['acks@5', 'sarama-errors@5']);
    });

    it('one failure across the files is reported once, where the setting it starts from is written', () => {
      const options = withInit('DefaultConfig.Producer.RequiredAcks = sarama.WaitForLocal');
      const main = file('/p/main.go', 'run', 'DefaultConfig.Producer.Idempotent = true', SUCCESSES, PRODUCE);
      const files = [options, main];
      const r = lint({ text: main.text, path: main.path, goPackage: files }, OPTIONS);
      assert.deepEqual(r.findings.map((f) => f.ruleId), ['sarama-idempotent']);
      const f = r.findings[0];
      assert.equal(main.text.slice(f.span.start, f.span.end), 'true');
      // Both prerequisites, as in one file: the one written there (a related place) and the one unset.
      assert.match(f.message, /WaitForLocal`; `Net\.MaxOpenRequests` is unset/);
      assert.deepEqual(f.related?.map((p) => [p.path, options.text.slice(p.span.start, p.span.end)]), [['/p/options.go', 'DefaultConfig.Producer.RequiredAcks = sarama.WaitForLocal']]);
      // There: only its own weak acks.
      assert.deepEqual(findings(files, '/p/options.go'), ['acks@7']);
      // The fix sets both here, and the file is then clean.
      const fixed = fixText({ text: main.text, path: main.path, goPackage: files }, OPTIONS);
      assert.match(fixed.output, /DefaultConfig\.Producer\.RequiredAcks = sarama\.WaitForAll\n\tDefaultConfig\.Net\.MaxOpenRequests = 1\n/);
      assert.deepEqual(fixed.result.findings, []);
    });

    it('what a third file that uses it sets counts, called from here or not', () => {
      const main = file('/p/main.go', 'run', 'DefaultConfig.Producer.Idempotent = true', SUCCESSES, PRODUCE);
      const tuning = file('/p/tuning.go', 'tune', 'DefaultConfig.Producer.RequiredAcks = sarama.WaitForAll', 'DefaultConfig.Net.MaxOpenRequests = 1');
      assert.deepEqual(findings([OPTIONS_GO, main, tuning], '/p/main.go'), []);
      assert.deepEqual(findings([OPTIONS_GO, main], '/p/main.go'), ['sarama-idempotent@6']);
      // (and there, only what is left unset: not the failure again)
      assert.deepEqual(findings([OPTIONS_GO, main], '/p/options.go'), ['acks@5']);
    });

    it('one key set in two files: the one Go runs last counts (init functions first, then by file name), reported once', () => {
      const both = (init: string, run: string) => {
        const files = [withInit(init), file('/p/main.go', 'run', run, SUCCESSES, PRODUCE)];
        return [findings(files, '/p/main.go'), findings(files, '/p/options.go')];
      };
      const local = 'DefaultConfig.Producer.RequiredAcks = sarama.WaitForLocal';
      const all = 'DefaultConfig.Producer.RequiredAcks = sarama.WaitForAll';
      // init() runs before run(): what run() sets wins.
      assert.deepEqual(both(local, all), [[], []]);
      assert.deepEqual(both(all, local), [['acks@6'], []]);
    });

    it('functions of other files than init: by file name, the same whichever file is linted', () => {
      const tune = file('/p/tune.go', 'tune', 'DefaultConfig.Producer.RequiredAcks = sarama.NoResponse');
      const main = file('/p/main.go', 'run', 'DefaultConfig.Producer.RequiredAcks = sarama.WaitForAll', SUCCESSES, PRODUCE);
      const files = [OPTIONS_GO, main, tune];
      assert.deepEqual(findings(files, '/p/main.go'), []);
      assert.deepEqual(findings(files, '/p/tune.go'), ['acks@6']);
      assert.deepEqual(findings(files, '/p/options.go'), []);
      // (by name: the same when the others are named by relative paths)
      const relative = [OPTIONS_GO, main].map((f) => ({ ...f, path: f.path.slice(1) }));
      assert.deepEqual(lint({ text: tune.text, path: tune.path, goPackage: relative }, OPTIONS).findings.map((f) => f.ruleId), ['acks']);
    });

    it('the fields another file sets tell the role, as in one file', () => {
      // Passed to a consumer group, but set up to produce as well (a Producer field, there): acks left unset.
      const main = file('/p/main.go', 'run', 'DefaultConfig.Producer.Return.Successes = true', 'sarama.NewConsumerGroup(nil, "g", DefaultConfig)');
      assert.deepEqual(findings([OPTIONS_GO, main], '/p/options.go'), ['acks@5', 'auto-offset-reset@5']);
    });

    it('an editor agrees with a fresh lint as this file changes', () => {
      const linter = createDocumentLinter();
      let main = file('/p/main.go', 'run', 'DefaultConfig.Producer.RequiredAcks = sarama.NoResponse', SUCCESSES, PRODUCE).text;
      const step = () => {
        const got = linter.lint(main, '/p/main.go', OPTIONS, undefined, undefined, undefined, [OPTIONS_GO]);
        assert.deepEqual(got.findings, lint({ text: main, path: '/p/main.go', goPackage: [OPTIONS_GO] }, OPTIONS).findings);
        return got.findings.map((f) => `${f.ruleId}@${main.slice(0, f.span.start).split('\n').length}`);
      };
      assert.deepEqual(step(), ['acks@6']);
      main = main.replace('func run(', 'func other() {}\n\nfunc run(');
      assert.deepEqual(step(), ['acks@8']);
      // An edit of the other function moves this one: its unit is kept and moved, not made again.
      const partial = goAnalysisCounts.partial;
      main = main.replace('func other() {}', 'func other() {\n\t_ = 1\n}');
      assert.deepEqual(step(), ['acks@10']);
      assert.equal(goAnalysisCounts.partial, partial + 1);
      main = main.replace('\tDefaultConfig.Producer.RequiredAcks = sarama.NoResponse\n', '');
      assert.deepEqual(step(), []);
    });
  });

  it('reads only files of the same package that import sarama, and test files only for tests', () => {
    const files = [
      { path: '/p/config.go', text: HELPER.replace('package svc', 'package other') },
      { path: '/p/main.go', text: MAIN },
    ];
    assert.deepEqual(findings(files, '/p/main.go'), []);
    const test = [
      { path: '/p/config_test.go', text: HELPER },
      { path: '/p/main.go', text: MAIN },
    ];
    assert.deepEqual(findings(test, '/p/main.go'), []);
    const mainTest = [
      { path: '/p/config.go', text: HELPER },
      { path: '/p/main_test.go', text: MAIN },
    ];
    assert.deepEqual(findings(mainTest, '/p/main_test.go'), ['acks@6']);
    const noImport = [
      { path: '/p/config.go', text: 'package svc\n\nfunc newConfig() *Config { return nil }\n' },
      { path: '/p/main.go', text: MAIN },
    ];
    assert.deepEqual(findings(noImport, '/p/main.go'), []);
  });

  it('an editor linting the file as it changes, and as the other file changes, agrees with a fresh lint', () => {
    const linter = createDocumentLinter();
    const config = { path: '/p/config.go', text: HELPER };
    let main = MAIN;
    const step = (files: GoSibling[]) => {
      const got = linter.lint(main, '/p/main.go', OPTIONS, undefined, undefined, undefined, files);
      const want = lint({ text: main, path: '/p/main.go', goPackage: files }, OPTIONS);
      assert.deepEqual(got.findings, want.findings);
      return got.findings.map((f) => f.ruleId);
    };
    assert.deepEqual(step([config]), ['acks']);
    // The other file now sets acks: read again.
    const acked = { path: '/p/config.go', text: helper('c.Net.SASL.Enable = true', 'c.Producer.RequiredAcks = sarama.WaitForAll') };
    assert.deepEqual(step([acked]), []);
    // Edits of this file keep reading it with the other.
    main = main.replace('func run(', 'func other() {}\n\nfunc run(');
    assert.deepEqual(step([acked]), []);
    assert.deepEqual(step([config]), ['acks']);
    assert.deepEqual(step([]), []);
  });

  it('the parser reads the package clause', () => {
    // (a file without one names no package: no other file is read with it)
    const file = parseGo('import "github.com/IBM/sarama"\n\nfunc run() { cfg := newConfig(); sarama.NewSyncProducer(nil, cfg) }\n', '/p/main.go', undefined, [{ path: '/p/config.go', text: HELPER }]);
    assert.deepEqual(file.units, []);
  });
});
