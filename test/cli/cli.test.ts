// End to end: the built bin/kafka-lint.js spawned on temporary projects, with the real engine.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { MAX_TEXT_LENGTH } from '../../server/src/engine/index.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import { DOCS_BASE_URL } from '../../server/src/report/ruledocs.js';
import { findingLines, readJson, type CliResult, removeProject, REPO_ROOT, runCli, sarifSchemaErrors, tempProject } from './harness.js';

const ACKS_1 = 'bootstrap.servers=localhost:9092\nacks=1\n';
const ACKS_0 = 'bootstrap.servers=localhost:9092\nacks=0\n';
const CLEAN = 'bootstrap.servers=localhost:9092\nacks=all\n';
/** Only an information finding (auto.offset.reset=latest). */
const INFO_ONLY = 'bootstrap.servers=localhost:9092\ngroup.id=g\nenable.auto.commit=false\nauto.offset.reset=latest\n';

const projects: string[] = [];
function project(files: Record<string, string | Buffer>): string {
  const dir = tempProject(files);
  projects.push(dir);
  return dir;
}
after(() => projects.forEach(removeProject));

type JsonFinding = { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean; message: string; related?: unknown[] };
function jsonFindings(r: CliResult): Map<string, JsonFinding[]> {
  const json = readJson(r.stdout, r.stderr);
  return new Map(json.results.map((r: { file: string; findings: JsonFinding[] }) => [r.file, r.findings]));
}

describe('kafka-lint: text output and exit codes', () => {
  it('reports path:line:col severity rule-id message and exits 1 on a warning', () => {
    const dir = project({ 'producer.properties': ACKS_1 });
    const r = runCli([], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(findingLines(r.stdout).some((l) => l.startsWith('producer.properties:2:6 warning acks `acks=1`')), r.stdout);
    assert.match(r.stdout, /^\d+ problems? \(0 errors, 1 warning, \d+ infos?, 0 hints\)$/m);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when stdout is not a TTY');
    assert.equal(r.stderr, '');
  });

  it('exits 1 on an error and 0 on a clean project', () => {
    const bad = project({ 'producer.properties': ACKS_0 });
    const r = runCli([], bad);
    assert.equal(r.status, 1);
    assert.ok(findingLines(r.stdout).some((l) => l.startsWith('producer.properties:2:6 error acks ')), r.stdout);
    const clean = project({ 'producer.properties': CLEAN });
    const c = runCli([], clean);
    assert.equal(c.status, 0, c.stdout);
    assert.equal(c.stdout, '0 problems (0 errors, 0 warnings, 0 infos, 0 hints)\n');
  });

  it('exits 0 when there are only infos and hints', () => {
    const dir = project({ 'consumer.properties': INFO_ONLY });
    const r = runCli([], dir);
    assert.equal(r.status, 0, r.stdout);
    assert.ok(findingLines(r.stdout).some((l) => l.startsWith('consumer.properties:4:19 info auto-offset-reset ')), r.stdout);
  });

  it('--max-warnings allows that many warnings (and -1 any number)', () => {
    const dir = project({ 'a/producer.properties': ACKS_1, 'b/producer.properties': ACKS_1 });
    assert.equal(runCli([], dir).status, 1);
    assert.equal(runCli(['--max-warnings', '2'], dir).status, 0);
    assert.equal(runCli(['--max-warnings=-1'], dir).status, 0);
    const over = runCli(['--max-warnings', '1'], dir);
    assert.equal(over.status, 1);
    assert.match(over.stdout, /Too many warnings: 2 \(maximum: 1\)\./);
    const withError = project({ 'producer.properties': ACKS_0 });
    assert.equal(runCli(['--max-warnings', '100'], withError).status, 1, 'errors fail whatever the warning limit');
  });

  it('prints paths relative to the working directory with / separators, sorted', () => {
    const dir = project({ 'proj/z/producer.properties': ACKS_1, 'proj/a b/producer.properties': ACKS_1, 'other/x.txt': 'acks=1' });
    const r = runCli(['proj'], dir);
    const files = findingLines(r.stdout).map((l) => l.split(':')[0]);
    assert.deepEqual([...new Set(files)], ['proj/a b/producer.properties', 'proj/z/producer.properties']);
    const fromInside = runCli([path.join(dir, 'proj', 'z', 'producer.properties')], path.join(dir, 'other'));
    assert.ok(findingLines(fromInside.stdout)[0].startsWith('../proj/z/producer.properties:2:6 '), fromInside.stdout);
  });

  it('gives the same output on every run and lints a path given twice once', () => {
    const dir = project({ 'producer.properties': ACKS_1, 'sub/consumer.properties': INFO_ONLY });
    const a = runCli(['.', 'producer.properties', './sub'], dir);
    const b = runCli(['.', 'producer.properties', './sub'], dir);
    assert.equal(a.stdout, b.stdout);
    assert.equal(findingLines(a.stdout).filter((l) => l.startsWith('producer.properties:2:6 warning acks')).length, 1);
  });

  it('counts columns in UTF-16 code units, a tab as one, without the BOM', () => {
    const dir = project({ 'producer.properties': '\uFEFF# 😀\n\tacks =\t1\r\n' });
    const r = runCli(['--format', 'json'], dir);
    const acks = jsonFindings(r).get('producer.properties')!.find((f) => f.ruleId === 'acks')!;
    assert.deepEqual([acks.line, acks.column, acks.endLine, acks.endColumn], [2, 9, 2, 10]);
  });
});

describe('kafka-lint: compose env files', () => {
  it("reads a broker service's env_file beside the compose file, whatever directory it is run from", () => {
    const dir = project({
      'stack/docker-compose.yml': 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n    env_file: config/kafka.env\n',
      'stack/config/kafka.env': 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=true\n',
    });
    const r = runCli(['--format', 'json', 'stack/docker-compose.yml'], dir);
    assert.deepEqual(jsonFindings(r).get('stack/docker-compose.yml')?.map((f) => [f.ruleId, f.line, f.fixable]), [['unclean-leader-election', 4, false]], r.stdout);
  });
});

describe('kafka-lint: Spring profile files', () => {
  it('reads application.yml beside application-prod.yml, also when only the profile file is linted', () => {
    const prod = 'spring:\n  kafka:\n    producer:\n      compression-type: lz4\n';
    const dir = project({
      'src/main/resources/application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n',
      'src/main/resources/application-prod.yml': prod,
      'other/application-prod.yml': prod,
    });
    const r = runCli(['--kafka-version', '2.8', '--format', 'json', '.'], dir);
    const byFile = jsonFindings(r);
    assert.deepEqual(byFile.get('src/main/resources/application-prod.yml'), [], r.stdout);
    // Control: the same profile file with no application.yml beside it.
    assert.deepEqual(byFile.get('other/application-prod.yml')?.map((f) => f.ruleId), ['acks']);
    const one = runCli(['--kafka-version', '2.8', 'src/main/resources/application-prod.yml'], dir);
    assert.equal(one.status, 0, one.stdout);
  });

  it('reads application-prod.properties beside application.yml: its prod document loses to it, also when only application.yml is linted', () => {
    const yml = 'spring:\n  config:\n    activate:\n      on-profile: prod\n  kafka:\n    producer:\n      acks: 1\n';
    const dir = project({
      'res/application.yml': yml,
      'res/application-prod.properties': 'spring.kafka.producer.acks=all\n',
      'other/application.yml': yml,
    });
    const byFile = jsonFindings(runCli(['--format', 'json', '.'], dir));
    assert.deepEqual(byFile.get('res/application.yml')?.map((f) => f.ruleId), ['duplicate-key']);
    // Control: the same file with no profile file beside it.
    assert.deepEqual(byFile.get('other/application.yml')?.map((f) => f.ruleId), ['acks', 'idempotence']);
    const one = runCli(['res/application.yml'], dir);
    const lines = one.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('res/application.yml:7:7 warning duplicate-key '));
    assert.ok(at >= 0, one.stdout);
    assert.equal(lines[at + 1], '  res/application-prod.properties:1:1 Set over this document here: `spring.kafka.producer.acks` = `all`');
    // The removal relies on the other file: only `--unsafe-fixes` applies it.
    runCli(['--fix', 'res/application.yml'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'res/application.yml'), 'utf8'), yml);
  });

  it('reads application.yml beside application.properties: what the YAML file sets holds in it, also when only application.properties is linted', () => {
    const props = 'spring.kafka.producer.properties[max.in.flight.requests.per.connection]=10\n';
    const dir = project({
      'res/application.yml': 'spring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n',
      'res/application.properties': props,
      'other/application.properties': props,
    });
    const byFile = jsonFindings(runCli(['--kafka-version', '2.8', '--format', 'json', '.'], dir));
    assert.deepEqual(byFile.get('res/application.properties')?.map((f) => [f.ruleId, f.severity]), [['max-in-flight', 'error']]);
    // Control: the same file with no application.yml beside it.
    assert.deepEqual(byFile.get('other/application.properties')?.map((f) => [f.ruleId, f.severity]), [['acks', 'warning'], ['max-in-flight', 'information']]);
    const one = runCli(['--kafka-version', '2.8', 'res/application.properties'], dir);
    const lines = one.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('res/application.properties:1:') && l.includes(' error max-in-flight '));
    assert.ok(at >= 0, one.stdout);
    assert.equal(lines[at + 1], '  res/application.yml:6:9 Inherited from here: `spring.kafka.producer.properties[enable.idempotence]` = `true`');
  });

  it('names where an inherited setting is written: an indented line in text, `related` in JSON, relatedLocations in SARIF', () => {
    const dir = project({
      'res/application.yml': '# base\nspring:\n  kafka:\n    producer:\n      acks: all\n      properties:\n        "[enable.idempotence]": true\n',
      'res/application-prod.yml': 'spring:\n  kafka:\n    producer:\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n',
    });
    const text = runCli(['--kafka-version', '2.8', 'res/application-prod.yml'], dir);
    const lines = text.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('res/application-prod.yml:5:52 error max-in-flight '));
    assert.ok(at >= 0, text.stdout);
    assert.equal(lines[at + 1], '  res/application.yml:7:9 Inherited from here: `spring.kafka.producer.properties[enable.idempotence]` = `true`');
    const json = jsonFindings(runCli(['--kafka-version', '2.8', '--format', 'json', 'res/application-prod.yml'], dir));
    assert.deepEqual(json.get('res/application-prod.yml')?.[0].related, [
      { file: 'res/application.yml', line: 7, column: 9, endLine: 7, endColumn: 37, message: 'Inherited from here: `spring.kafka.producer.properties[enable.idempotence]` = `true`' },
    ]);
    const sarif = readJson(runCli(['--kafka-version', '2.8', '--format', 'sarif', 'res/application-prod.yml'], dir).stdout, '');
    const loc = sarif.runs[0].results[0].relatedLocations[0];
    assert.equal(loc.physicalLocation.artifactLocation.uri, 'res/application.yml');
    assert.deepEqual(loc.physicalLocation.region, { startLine: 7, startColumn: 9, endLine: 7, endColumn: 37 });
  });
});

describe('kafka-lint: json and sarif', () => {
  it('--format json has the documented shape', () => {
    const dir = project({ 'producer.properties': ACKS_0, 'clean/producer.properties': CLEAN, 'notes.txt': 'acks=0' });
    const r = runCli(['--format', 'json'], dir);
    assert.equal(r.status, 1);
    const json = readJson(r.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(Object.keys(json), ['version', 'results']);
    assert.deepEqual(
      json.results.map((x: { file: string }) => x.file),
      ['clean/producer.properties', 'producer.properties'],
    );
    assert.deepEqual(json.results[0].findings, []);
    const acks = json.results[1].findings.find((f: JsonFinding) => f.ruleId === 'acks');
    assert.deepEqual(Object.keys(acks), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
    assert.deepEqual({ ...acks, message: typeof acks.message }, {
      ruleId: 'acks',
      severity: 'error',
      message: 'string',
      line: 2,
      column: 6,
      endLine: 2,
      endColumn: 7,
      fixable: true,
    });
    for (const f of json.results[1].findings) assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
  });

  it('--format sarif is valid SARIF 2.1.0 with rule metadata and fixes', () => {
    const dir = project({ 'conf dir/producer.properties': ACKS_1, 'consumer.properties': INFO_ONLY });
    const r = runCli(['--format', 'sarif'], dir);
    assert.equal(r.status, 1);
    const log = readJson(r.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'kafka-lint');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.deepEqual(ids, [...allRules.map((x) => x.meta.id), 'syntax-error', 'unused-suppression']);
    for (const rule of run.tool.driver.rules) {
      assert.equal(rule.helpUri, `${DOCS_BASE_URL}${rule.id}.md`);
      assert.ok(rule.shortDescription.text.length > 0);
    }
    const acks = run.results.find((x: { ruleId: string }) => x.ruleId === 'acks');
    assert.equal(ids[acks.ruleIndex], 'acks');
    assert.equal(acks.level, 'warning');
    assert.deepEqual(acks.locations[0].physicalLocation, {
      artifactLocation: { uri: 'conf%20dir/producer.properties', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 6, endLine: 2, endColumn: 7 },
    });
    assert.ok(acks.fixes.length >= 1);
    const info = run.results.find((x: { ruleId: string }) => x.ruleId === 'auto-offset-reset');
    assert.equal(info.level, 'note');
    assert.doesNotMatch(r.stdout, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'no absolute paths');
  });

  it('--format sarif stays valid with notices and nothing found', () => {
    const dir = project({ 'bin.properties': Buffer.from([0x61, 0x00, 0x62]) });
    const r = runCli(['--format', 'sarif'], dir);
    assert.equal(r.status, 0);
    const log = readJson(r.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.deepEqual(log.runs[0].results, []);
    assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /bin\.properties: skipped/);
  });
});

describe('kafka-lint --fix', () => {
  it('applies safe fixes only, keeps BOM and CRLF, and a second run changes nothing', () => {
    const original = '\uFEFFbootstrap.servers=localhost:9092\r\nmax.in.flight.requests.per.connection=10\r\nacks=1\r\n';
    const dir = project({ 'producer.properties': original });
    const r = runCli(['--fix'], dir);
    const fixed = fs.readFileSync(path.join(dir, 'producer.properties'), 'utf8');
    assert.match(r.stdout, /Applied [1-9]\d* fix(es)? to 1 file\./);
    assert.notEqual(fixed, original);
    assert.ok(fixed.startsWith('\uFEFF'), 'BOM kept');
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, 'CRLF kept');
    assert.match(fixed, /^acks=1\r$/m, 'unsafe fix not applied without --unsafe-fixes');
    assert.match(fixed, /max\.in\.flight\.requests\.per\.connection=5\r\n/);
    assert.equal(r.status, 1, 'the acks warning remains');
    // The report is about the fixed text.
    assert.ok(!findingLines(r.stdout).some((l) => l.includes(' max-in-flight ')), r.stdout);
    const again = runCli(['--fix'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'producer.properties'), 'utf8'), fixed);
    assert.match(again.stdout, /Applied 0 fixes to 0 files\./);
    assert.equal(fs.readdirSync(dir).length, 1, 'no temporary files left');
  });

  it('--fix --unsafe-fixes applies preferred fixes too and is idempotent', () => {
    const dir = project({ 'producer.properties': ACKS_1, 'clean.properties': CLEAN });
    const r = runCli(['--fix', '--unsafe-fixes', '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stderr, /Applied [1-9]\d* fix(es)? to 1 file\./);
    const fixed = fs.readFileSync(path.join(dir, 'producer.properties'), 'utf8');
    assert.match(fixed, /^acks=all$/m);
    assert.deepEqual(jsonFindings(r).get('producer.properties'), []);
    const again = runCli(['--fix', '--unsafe-fixes'], dir);
    assert.equal(again.status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'producer.properties'), 'utf8'), fixed);
    assert.equal(fs.readFileSync(path.join(dir, 'clean.properties'), 'utf8'), CLEAN);
  });

  it('keeps the file mode and writes through a symbolic link', () => {
    const dir = project({ 'real/producer.properties': ACKS_1 });
    const real = path.join(dir, 'real', 'producer.properties');
    fs.chmodSync(real, 0o640);
    fs.symlinkSync(real, path.join(dir, 'link.properties'));
    runCli(['--fix', '--unsafe-fixes', 'link.properties'], dir);
    assert.ok(fs.lstatSync(path.join(dir, 'link.properties')).isSymbolicLink(), 'the link stays a link');
    assert.match(fs.readFileSync(real, 'utf8'), /^acks=all$/m);
    assert.equal(fs.statSync(real).mode & 0o777, 0o640);
  });

  it('--unsafe-fixes without --fix is a usage error', () => {
    const dir = project({ 'producer.properties': ACKS_1 });
    const r = runCli(['--unsafe-fixes'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--unsafe-fixes only works together with --fix/);
    assert.equal(fs.readFileSync(path.join(dir, 'producer.properties'), 'utf8'), ACKS_1);
  });
});

describe('kafka-lint: configuration', () => {
  it('uses the nearest .kafkalint.json above each file', () => {
    const dir = project({
      '.kafkalint.json': JSON.stringify({ rules: { acks: 'off' } }),
      'producer.properties': ACKS_1,
      'svc/.kafkalint.json': JSON.stringify({ rules: { acks: 'error' } }),
      'svc/producer.properties': ACKS_1,
    });
    const r = runCli(['--format', 'json'], dir);
    const by = jsonFindings(r);
    assert.equal(by.get('producer.properties')!.filter((f) => f.ruleId === 'acks').length, 0);
    assert.deepEqual(by.get('svc/producer.properties')!.filter((f) => f.ruleId === 'acks').map((f) => f.severity), ['error']);
    assert.equal(r.status, 1);
    // The same from inside the subdirectory: discovery starts at the file, not the working directory.
    const inner = runCli(['--format', 'json', path.join(dir, 'producer.properties')], path.join(dir, 'svc'));
    assert.equal(jsonFindings(inner).get('../producer.properties')!.filter((f) => f.ruleId === 'acks').length, 0);
  });

  it('takes kafkaVersion from the config and --kafka-version over it', () => {
    const noAcks = 'bootstrap.servers=localhost:9092\n';
    const dir = project({ '.kafkalint.json': '{"kafkaVersion": "2.8"}', 'producer.properties': noAcks });
    const old = runCli([], dir);
    assert.equal(old.status, 1);
    assert.ok(findingLines(old.stdout).some((l) => / warning acks .*2\.8/.test(l)), old.stdout);
    const cli = runCli(['--kafka-version', '3.7'], dir);
    assert.equal(cli.status, 0, cli.stdout);
    assert.equal(runCli(['--kafka-version', 'latest'], dir).status, 2);
  });

  it('--config replaces discovery', () => {
    const dir = project({
      '.kafkalint.json': JSON.stringify({ rules: { acks: 'off' } }),
      'strict.json': JSON.stringify({ rules: { acks: 'error' } }),
      'producer.properties': ACKS_1,
    });
    const r = runCli(['--config', 'strict.json', '--format', 'json'], dir);
    assert.deepEqual(jsonFindings(r).get('producer.properties')!.filter((f) => f.ruleId === 'acks').map((f) => f.severity), ['error']);
    const missing = runCli(['--config', 'nope.json'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: no such file or directory/);
  });

  it('include and exclude globs are relative to the config file', () => {
    const dir = project({
      '.kafkalint.json': JSON.stringify({ include: ['config/**'], exclude: ['**/legacy/**', 'config/skip.properties'] }),
      'config/producer.properties': ACKS_1,
      'config/skip.properties': ACKS_1,
      'config/legacy/producer.properties': ACKS_1,
      'elsewhere/producer.properties': ACKS_1,
    });
    const r = runCli(['--format', 'json'], dir);
    assert.deepEqual([...jsonFindings(r).keys()], ['config/producer.properties']);
    const explicit = runCli(['config/skip.properties'], dir);
    assert.equal(explicit.status, 0);
    assert.match(explicit.stderr, /config\/skip\.properties: skipped: excluded by \.kafkalint\.json/);
  });

  it('an invalid config is exit 2 with a clear message, before any output', () => {
    const dir = project({ '.kafkalint.json': '{"rules": {"acks": "loud"}, "kafkaVersion": "four"}', 'producer.properties': ACKS_1 });
    const r = runCli([], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /\.kafkalint\.json: invalid configuration: rule "acks": severity must be one of/);
    assert.match(r.stderr, /"kafkaVersion" must look like/);
    const typo = project({ '.kafkalint.json': '{"rules": {"ackz": "off"}}', 'producer.properties': ACKS_1 });
    const t = runCli([], typo);
    assert.equal(t.status, 2);
    assert.match(t.stderr, /unknown rule "ackz"/);
    const broken = project({ '.kafkalint.json': '{ not json', 'producer.properties': ACKS_1 });
    assert.match(runCli([], broken).stderr, /not valid JSON/);
  });
});

describe('kafka-lint: which files', () => {
  it('skips node_modules, .git and files that are not ours', () => {
    const dir = project({
      'node_modules/lib/producer.properties': ACKS_0,
      '.git/producer.properties': ACKS_0,
      'README.txt': ACKS_0,
      'Dockerfile': ACKS_0,
      'app/producer.properties': ACKS_1,
    });
    const r = runCli(['--format', 'json'], dir);
    assert.deepEqual([...jsonFindings(r).keys()], ['app/producer.properties']);
    assert.equal(r.stderr, '');
    const explicit = runCli(['README.txt'], dir);
    assert.equal(explicit.status, 0);
    assert.match(explicit.stderr, /README\.txt: skipped: not a \.properties, YAML or Go file/);
  });

  it('says so when a directory has nothing to check', () => {
    const dir = project({ 'a.txt': 'x' });
    const r = runCli([], dir);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /no \.properties, YAML or Go files found/);
  });
});

describe('kafka-lint: bad input', () => {
  it('reports binary, invalid UTF-8 and huge files on stderr and skips them', () => {
    const dir = project({
      'binary.properties': Buffer.from('acks=0\n\u0000\u0001', 'utf8'),
      'latin1.properties': Buffer.from([0x61, 0x63, 0x6b, 0x73, 0x3d, 0x30, 0x0a, 0x23, 0xe9, 0x0a]),
      'ok/producer.properties': ACKS_1,
    });
    const huge = path.join(dir, 'huge.properties');
    const fd = fs.openSync(huge, 'w');
    fs.ftruncateSync(fd, MAX_TEXT_LENGTH + 1); // sparse: no disk used
    fs.closeSync(fd);
    const r = runCli(['--format', 'json'], dir);
    assert.equal(r.status, 1, 'the warning in ok/ still counts; skipped files do not fail the run');
    assert.deepEqual([...jsonFindings(r).keys()], ['ok/producer.properties']);
    assert.match(r.stderr, /binary\.properties: skipped: looks binary/);
    assert.match(r.stderr, /latin1\.properties: skipped: not valid UTF-8/);
    assert.match(r.stderr, /huge\.properties: skipped: larger than 8 MB/);
  });

  it('a path that does not exist is exit 2, after reporting the rest', () => {
    const dir = project({ 'producer.properties': ACKS_1 });
    const r = runCli(['producer.properties', 'missing.properties'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.properties: no such file or directory/);
    assert.ok(findingLines(r.stdout).length > 0, 'the readable file is still reported');
  });

  it('a symbolic link loop is an unreadable path: exit 2', () => {
    const dir = project({ 'producer.properties': CLEAN });
    fs.symlinkSync('loop.properties', path.join(dir, 'loop.properties'));
    const explicit = runCli(['loop.properties'], dir);
    assert.equal(explicit.status, 2);
    assert.match(explicit.stderr, /loop\.properties: cannot read \(ELOOP\)/);
    const walked = runCli([], dir);
    assert.equal(walked.status, 2);
    assert.match(walked.stderr, /loop\.properties: cannot read \(ELOOP\)/);
  });

  it('an unreadable directory is reported and exit 2, the rest still linted', () => {
    const dir = project({ 'locked/producer.properties': ACKS_0, 'open/producer.properties': ACKS_1 });
    const locked = path.join(dir, 'locked');
    fs.chmodSync(locked, 0o000);
    try {
      // Root reads everything, so as root the CLI runs as `nobody` (uid 65534), for whom mode 000 holds.
      let asUser = {};
      if (process.getuid?.() === 0) {
        fs.chmodSync(dir, 0o755);
        fs.chmodSync(path.join(dir, 'open'), 0o755);
        fs.chmodSync(path.join(dir, 'open', 'producer.properties'), 0o644);
        asUser = { uid: 65534, gid: 65534 };
        const probe = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'kafka-lint.js'), '--version'], { ...asUser, encoding: 'utf8' });
        assert.equal(probe.status, 0, `as uid 65534 the CLI must be reachable for this test: ${probe.stderr}`);
      }
      const r = runCli(['--format', 'json'], dir, asUser);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /locked: cannot read \(EACCES\)/);
      assert.deepEqual([...jsonFindings(r).keys()], ['open/producer.properties']);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });
});

describe('kafka-lint: usage, --explain, --locale', () => {
  it('--help describes the options and the column convention; --version prints the version', () => {
    const dir = project({});
    const help = runCli(['--help'], dir);
    assert.equal(help.status, 0);
    for (const opt of ['--format', '--fix', '--unsafe-fixes', '--max-warnings', '--kafka-version', '--config', '--locale', '--explain', 'UTF-16']) {
      assert.ok(help.stdout.includes(opt), `help lacks ${opt}`);
    }
    const pkg = readJson(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(runCli(['--version'], dir).stdout, `${pkg.version}\n`);
  });

  it('the built CLI module run directly is the command line too (the bundle and the tsc output)', () => {
    const dir = project({ 'producer.properties': ACKS_0 });
    const pkg = readJson(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    for (const entry of [path.join(REPO_ROOT, 'server', 'out', 'cli.js'), path.join(REPO_ROOT, 'out', 'server', 'src', 'cli.js')]) {
      assert.ok(fs.existsSync(entry), `${entry} is not built`);
      const version = spawnSync(process.execPath, [entry, '--version'], { cwd: dir, encoding: 'utf8' });
      assert.equal(version.stdout, `${pkg.version}\n`, `${entry}: ${version.stderr}`);
      const linted = spawnSync(process.execPath, [entry, '--format', 'json'], { cwd: dir, encoding: 'utf8' });
      assert.equal(linted.status, 1, `${entry}: ${linted.stderr}`);
      assert.ok(jsonFindings(linted).has('producer.properties'), `${entry} found nothing`);
    }
  });

  it('usage errors are exit 2 with a hint', () => {
    const dir = project({});
    for (const args of [['--bogus'], ['--format', 'xml'], ['--format'], ['--max-warnings', 'many'], ['--locale', 'fr'], ['--fix=yes']]) {
      const r = runCli(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^kafka-lint: .+\nRun `kafka-lint --help` for usage\.\n$/, r.stderr);
    }
  });

  it('--explain prints a rule\'s documentation', () => {
    const dir = project({});
    const r = runCli(['--explain', 'acks'], dir);
    assert.equal(r.status, 0);
    const meta = allRules.find((x) => x.meta.id === 'acks')!.meta;
    assert.ok(r.stdout.startsWith('# `acks`\n\n' + meta.docs.summary.en), r.stdout.slice(0, 200));
    for (const part of ['## Why it matters', '## How to fix', '## Examples', '## References', `${DOCS_BASE_URL}acks.md`]) {
      assert.ok(r.stdout.includes(part), `missing ${part}`);
    }
    const zh = runCli(['--explain', 'acks', '--locale', 'zh-cn'], dir);
    assert.ok(zh.stdout.includes(meta.docs.summary.zh) && zh.stdout.includes('## 为什么重要'), zh.stdout.slice(0, 300));
  });

  it('--explain of an unknown rule is exit 2 with the list of rules', () => {
    const r = runCli(['--explain', 'akcs'], project({}));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown rule "akcs"\. Rules: acks, retries, /);
  });

  it('--locale zh-cn localises messages and the tool\'s own strings', () => {
    const dir = project({ 'producer.properties': ACKS_1 });
    const r = runCli(['--locale', 'zh-cn'], dir);
    assert.equal(r.status, 1);
    const line = findingLines(r.stdout).find((l) => l.startsWith('producer.properties:2:6 warning acks '))!;
    assert.match(line, /[\u4e00-\u9fff]/, 'the message is in Chinese');
    assert.match(r.stdout, /个问题（0 个错误，1 个警告/);
    const usage = runCli(['--locale=zh-cn', '--format', 'xml'], dir);
    assert.match(usage.stderr, /--format 只能是 text、json 或 sarif/);
    const help = runCli(['--help', '--locale', 'zh-cn'], dir);
    assert.match(help.stdout, /^用法：kafka-lint/);
  });
});

describe('bin/kafka-lint.js', () => {
  it('is executable with a node shebang and works from any directory', () => {
    const bin = path.join(REPO_ROOT, 'bin', 'kafka-lint.js');
    assert.ok(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
    assert.ok(fs.statSync(bin).mode & 0o111, 'executable bit');
    const pkg = readJson(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.bin['kafka-lint'], 'bin/kafka-lint.js');
    const dir = project({ 'deep/er/producer.properties': ACKS_1 });
    const r = runCli(['er'], path.join(dir, 'deep'));
    assert.ok(findingLines(r.stdout)[0].startsWith('er/producer.properties:2:6 '));
  });
});

describe('kafka-lint: YAML', () => {
  it('reports Spring YAML and compose findings and fixes them keeping comments', () => {
    const dir = project({
      'src/main/resources/application.yml': '# orders\nspring:\n  kafka:\n    producer:\n      acks: 1   # fast\n',
      'docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    environment:\n      - KAFKA_MIN_INSYNC_REPLICAS=2\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
    });
    const r = runCli([], dir);
    assert.equal(r.status, 1);
    const lines = findingLines(r.stdout);
    assert.ok(lines.some((l) => l.startsWith('src/main/resources/application.yml:5:13 warning acks ')), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('docker-compose.yml:5:9 warning env-var-image ')), r.stdout);
    assert.ok(!lines.some((l) => l.startsWith('.github/')), 'YAML without Kafka configuration is quiet');
    runCli(['--fix', '--unsafe-fixes'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'src/main/resources/application.yml'), 'utf8'), '# orders\nspring:\n  kafka:\n    producer:\n      acks: all   # fast\n');
    assert.match(fs.readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8'), /- KAFKA_CFG_MIN_INSYNC_REPLICAS=2\n/);
  });
});

describe('kafka-lint: go.mod', () => {
  it('reads the sarama version from the nearest go.mod', () => {
    const goFile = [
      'package main',
      '',
      'import "github.com/IBM/sarama"',
      '',
      'func newConfig() *sarama.Config {',
      '\tcfg := sarama.NewConfig()',
      '\tcfg.Producer.Return.Successes = true',
      '\treturn cfg',
      '}',
      '',
    ].join('\n');
    const dir = project({
      'svc/go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/IBM/sarama v1.43.2\n',
      'svc/internal/producer.go': goFile,
    });
    const r = runCli(['--format', 'json'], dir);
    const findings = jsonFindings(r).get('svc/internal/producer.go');
    assert.ok(findings, r.stdout + r.stderr);
    const acks = findings.find((f) => f.ruleId === 'acks');
    assert.ok(acks, `expected an acks finding for the unset RequiredAcks:\n${r.stdout}`);
    assert.match(acks.message, /1\.43\.2/, 'the message names the sarama version go.mod pins');
    assert.equal(acks.line, 6);
    // Without a go.mod the newest sarama is assumed; a config file's saramaVersion beats go.mod.
    fs.rmSync(path.join(dir, 'svc', 'go.mod'));
    const none = jsonFindings(runCli(['--format', 'json'], dir)).get('svc/internal/producer.go')!.find((f) => f.ruleId === 'acks')!;
    assert.doesNotMatch(none.message, /1\.43\.2/);
    fs.writeFileSync(path.join(dir, 'svc', 'go.mod'), 'module x\n\nrequire github.com/Shopify/sarama v1.37.2\n');
    fs.writeFileSync(path.join(dir, '.kafkalint.json'), '{"saramaVersion": "1.41.0"}');
    const pinned = jsonFindings(runCli(['--format', 'json'], dir)).get('svc/internal/producer.go')!.find((f) => f.ruleId === 'acks')!;
    assert.match(pinned.message, /1\.41\.0/);
  });
});

describe('kafka-lint: Go packages', () => {
  const head = 'package svc\n\nimport "github.com/IBM/sarama"\n\n';
  const config = head + 'func newConfig() *sarama.Config {\n\tc := sarama.NewConfig()\n\tc.Producer.Idempotent = true\n\tc.Producer.RequiredAcks = sarama.WaitForAll\n\treturn c\n}\n';
  const main = head + 'func run(addrs []string) {\n\tcfg := newConfig()\n\tcfg.Net.MaxOpenRequests = 5\n\tcfg.Producer.Return.Successes = true\n\tsarama.NewSyncProducer(addrs, cfg)\n}\n';

  it('reads the other files of the package beside a Go file, also when only that file is linted, and --fix edits only it', () => {
    const dir = project({
      'svc/config.go': config,
      'svc/main.go': main,
      // Control: the same file with no config.go beside it (its helper call is no config).
      'alone/main.go': main,
    });
    const byFile = jsonFindings(runCli(['--format', 'json', '.'], dir));
    assert.deepEqual(byFile.get('svc/main.go')?.map((f) => [f.ruleId, f.line]), [['sarama-idempotent', 7]]);
    assert.deepEqual(byFile.get('svc/config.go'), []);
    assert.deepEqual(byFile.get('alone/main.go'), []);
    const one = runCli(['svc/main.go'], dir);
    const lines = one.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('svc/main.go:7:') && l.includes(' error sarama-idempotent '));
    assert.ok(at >= 0, one.stdout);
    assert.equal(lines[at + 1], '  svc/config.go:7:2 Inherited from here: `c.Producer.Idempotent` = `true`');
    runCli(['--fix', 'svc/main.go'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'svc/main.go'), 'utf8'), main.replace('MaxOpenRequests = 5', 'MaxOpenRequests = 1'));
    assert.equal(fs.readFileSync(path.join(dir, 'svc/config.go'), 'utf8'), config);
    assert.equal(runCli(['.'], dir).status, 0);
  });
});
