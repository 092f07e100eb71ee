// The CLI's own behaviour, in process through run(): colour decisions and a rule that throws.
// (Everything else is tested end to end by spawning bin/kafka-lint.js in cli.test.ts.)

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { run, type CliIO } from '../../server/src/cli.js';
import type { Rule } from '../../server/src/engine/rule.js';
import { allRules } from '../../server/src/engine/rules/index.js';
import { readJson, removeProject, sarifSchemaErrors, tempProject } from './harness.js';

function io(cwd: string, opts: { tty?: boolean; env?: Record<string, string> } = {}) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = {
    cwd,
    env: opts.env ?? {},
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
    stdoutIsTTY: opts.tty ?? false,
  };
  return { cli, out };
}

const boom: Rule = {
  meta: {
    id: 'boom',
    severities: ['error'],
    formats: ['properties'],
    category: 'any',
    fixable: false,
    docs: { summary: { en: 'Throws.', zh: '抛出异常。' }, why: { en: '', zh: '' }, fix: { en: '', zh: '' }, references: [], examples: [] },
  },
  check() {
    throw new Error('kaput\n    at somewhere');
  },
};

const dirs: string[] = [];
after(() => dirs.forEach(removeProject));

describe('run()', () => {
  it('colours text on a TTY unless NO_COLOR is set', () => {
    const dir = tempProject({ 'producer.properties': 'bootstrap.servers=b:9092\nacks=0\n' });
    dirs.push(dir);
    const tty = io(dir, { tty: true });
    assert.equal(run([], tty.cli), 1);
    assert.match(tty.out.stdout, /\u001b\[31merror\u001b\[0m/);
    const noColor = io(dir, { tty: true, env: { NO_COLOR: '1' } });
    run([], noColor.cli);
    assert.doesNotMatch(noColor.out.stdout, /\u001b\[/);
    const pipe = io(dir);
    run([], pipe.cli);
    assert.doesNotMatch(pipe.out.stdout, /\u001b\[/);
    const json = io(dir, { tty: true });
    run(['--format', 'json'], json.cli);
    assert.doesNotMatch(json.out.stdout, /\u001b\[/);
  });

  it('reports a rule that throws on stderr and in SARIF, and keeps going', () => {
    const dir = tempProject({ 'producer.properties': 'bootstrap.servers=b:9092\nacks=0\n' });
    dirs.push(dir);
    const acks = allRules.find((r) => r.meta.id === 'acks')!;
    const text = io(dir);
    const status = run([], text.cli, [boom, acks]);
    assert.equal(status, 1, 'the acks error still counts');
    assert.equal(text.out.stderr, 'kafka-lint: producer.properties: internal error in rule boom; the rule was skipped for this file: Error: kaput\n');
    assert.match(text.out.stdout, /producer\.properties:2:6 error acks /);
    const sarif = io(dir);
    run(['--format', 'sarif'], sarif.cli, [boom, acks]);
    const log = readJson(sarif.out.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const note = log.runs[0].invocations[0].toolExecutionNotifications[0];
    assert.equal(note.level, 'error');
    assert.match(note.message.text, /internal error in rule boom/);
    const debug = io(dir, { env: { KAFKA_LINT_DEBUG: '1' } });
    run([], debug.cli, [boom]);
    assert.match(debug.out.stderr, /at somewhere/);
  });
});
