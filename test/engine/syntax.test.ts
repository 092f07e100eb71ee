// `syntax-error`: a Kafka configuration file its reader refuses (broken YAML, a key repeated in one
// YAML mapping, a malformed \u escape in .properties) is reported, in both languages, by the plain
// lint and by an editor's incremental linter; templates are skipped; the fixes still work.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint } from '../../server/src/engine/index.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';
import { applyEdits } from '../../server/src/engine/fixer.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { readYamlFast } from '../../server/src/engine/parsers/yamlFast.js';

const O = resolveOptions([]);
const ZH = resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }]);
const APP = '/p/src/main/resources/application.yml';

/** `line:column ruleId` of each finding, and the text it points at. */
function where(text: string, path: string, options = O): string[] {
  const r = lint({ text, path }, options);
  return r.findings.map((f) => {
    const before = text.slice(0, f.span.start).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1} ${f.ruleId}`;
  });
}

const syntax = (text: string, path = APP, options = O) => lint({ text, path }, options).findings.filter((f) => f.ruleId === 'syntax-error');

describe('syntax-error: YAML', () => {
  it('says what is wrong, in our words, once per document', () => {
    const cases: [string, RegExp][] = [
      ['spring:\n\tkafka:\n\t\tproducer:\n\t\t\tacks: 1\n', /a tab indents this line/],
      ['spring:\n  kafka:\n    producer:\n      acks: "all\n', /a quoted value is not closed/],
      ['spring:\n  kafka:\n    producer:\n      acks: [1\n', /a `\[\.\.\.\]` or `\{\.\.\.\}` value is not closed/],
      ['spring:\n  kafka:\n    producer:\n      acks: all\n   consumer:\n      enable-auto-commit: true\n', /the indentation of this line does not fit/],
    ];
    for (const [text, what] of cases) {
      const found = syntax(text);
      assert.equal(found.length, 1, text);
      assert.equal(found[0].severity, 'error');
      assert.match(found[0].message, /^YAML syntax error: /);
      assert.match(found[0].message, what, text);
      assert.match(found[0].message, /Spring Boot, kubectl and docker compose refuse the file/);
    }
    // Two broken documents: one finding each.
    const two = 'spring:\n\tkafka: {}\n---\nspring:\n  kafka:\n    producer:\n      acks: "0\n';
    assert.deepEqual(where(two, APP).filter((w) => w.endsWith('syntax-error')), ['2:1 syntax-error', '7:15 syntax-error']);
  });

  it('is reported where nothing else could be read, and in Chinese', () => {
    // Tabs throughout: no unit survives, and the file used to pass with 0 problems.
    const tabs = 'spring:\n\tkafka:\n\t\tproducer:\n\t\t\tacks: 1\n';
    assert.deepEqual(where(tabs, APP), ['2:1 syntax-error']);
    const [zh] = syntax(tabs, APP, ZH);
    assert.match(zh.message, /^YAML 语法错误：此行用制表符缩进/);
  });

  it('a key repeated in one mapping: the second is an error naming the first; the values inside are not called "last wins"', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: all\nspring:\n  kafka:\n    producer:\n      acks: 0\n';
    const r = lint({ text, path: APP }, O);
    const s = r.findings.filter((f) => f.ruleId === 'syntax-error');
    assert.equal(s.length, 1);
    assert.equal(text.slice(s[0].span.start, s[0].span.end), 'spring');
    assert.equal(s[0].span.start, text.lastIndexOf('spring:'));
    assert.match(s[0].message, /^`spring` appears twice in this YAML mapping \(first on line 1\): Spring Boot, kubectl and docker compose refuse/);
    // Spring Boot does not load the file, so neither value wins: no duplicate-key finding.
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'duplicate-key'), []);
    // Any scalar key counts, `x` and "x" alike (the composer's comparison).
    assert.equal(syntax('spring:\n  kafka:\n    client-id: a\n    "client-id": b\n').length, 1);
    assert.equal(syntax('spring:\n  kafka:\n    1: a\n    "1": b\n').length, 0);
  });

  it('a setting repeated as such keeps duplicate-key and its fix, which mends the file', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: all\n      acks: 1\n';
    const r = lint({ text, path: APP }, O);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'syntax-error' || f.ruleId === 'duplicate-key').map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`), [
      'duplicate-key acks',
      'syntax-error acks',
    ]);
    const dup = r.findings.find((f) => f.ruleId === 'duplicate-key')!;
    assert.equal(dup.fixes.length, 1, 'the removal is offered although the document has a (duplicate-key) error');
    const mended = applyEdits(text, dup.fixes[0].edits).text;
    assert.equal(mended, 'spring:\n  kafka:\n    producer:\n      acks: 1\n');
    assert.deepEqual(syntax(mended), []);
    // --fix applies it too.
    assert.equal(fixText({ text, path: APP }, O).output, mended);
  });

  it('the fast reader leaves a repeated key to the composer, which reports it', () => {
    assert.equal(readYamlFast('a:\n  b: 1\n  b: 2\n'), undefined);
    assert.ok(readYamlFast('a:\n  b: 1\nc:\n  b: 2\n'));
    // A long mapping (looked up in a set past 16 keys): the repetition found wherever it stands.
    const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const long = (ks: string[]) => 'a:\n' + ks.map((k, i) => `  ${k}: ${i}\n`).join('');
    assert.ok(readYamlFast(long(keys)));
    for (const [at, again] of [[3, 20], [17, 25], [0, 29]]) {
      const ks = [...keys];
      ks[again] = ks[at];
      assert.equal(readYamlFast(long(ks)), undefined, `k${at} again at ${again}`);
    }
  });

  it('not in YAML that never names Kafka, and a template is skipped with its reason instead', () => {
    assert.deepEqual(lint({ text: 'name: ci\non:\n\tpush: {}\n', path: '/p/.github/workflows/ci.yml' }, O).findings, []);
    const helm = [
      'apiVersion: kafka.strimzi.io/v1beta2',
      'kind: Kafka',
      'metadata:',
      '  name: {{ .Release.Name }}',
      'spec:',
      '  kafka:',
      '    config:',
      '      {{- if .Values.unclean }}',
      '      unclean.leader.election.enable: true',
      '      {{- end }}',
      '      default.replication.factor: 3',
      '',
    ].join('\n');
    const r = lint({ text: helm, path: '/p/chart/templates/kafka.yaml' }, O);
    assert.deepEqual(r.findings, []);
    assert.match(r.skipped ?? '', /^file is a template \(`\{\{- if` on line 8\)/);
    // Valid YAML with such a line inside a block scalar is no template: it is checked.
    const valid = helm.replace('  name: {{ .Release.Name }}\n', '  name: c\n  annotations:\n    note: |\n      {{- if .Values.x }}\n').replace('      {{- if .Values.unclean }}\n', '').replace('      {{- end }}\n', '');
    const v = lint({ text: valid, path: '/p/k8s/kafka.yaml' }, O);
    assert.equal(v.skipped, undefined);
    assert.ok(v.findings.some((f) => f.ruleId === 'unclean-leader-election'), valid);
  });

  it('follows the rule setting and suppression comments', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: "all\n';
    assert.deepEqual(syntax(text, APP, resolveOptions([{ source: 't', options: { rules: { 'syntax-error': 'off' } } }])), []);
    assert.equal(syntax(text, APP, resolveOptions([{ source: 't', options: { rules: { 'syntax-error': 'warning' } } }]))[0].severity, 'warning');
    assert.deepEqual(syntax('# kafka-lint-disable syntax-error\n' + text), []);
  });

  it('an editor sees it appear while a line is broken and go when it is mended', () => {
    const linter = createDocumentLinter();
    const good = 'spring:\n  kafka:\n    producer:\n      acks: all\n---\nspring:\n  kafka:\n    consumer:\n      group-id: g\n';
    const ids = (text: string) => linter.lint(text, APP, O).findings.map((f) => f.ruleId);
    assert.ok(!ids(good).includes('syntax-error'));
    const broken = good.replace('group-id: g', 'group-id: "g');
    assert.ok(ids(broken).includes('syntax-error'));
    assert.deepEqual(ids(broken), lint({ text: broken, path: APP }, O).findings.map((f) => f.ruleId));
    assert.ok(!ids(good).includes('syntax-error'));
  });
});

describe('syntax-error: .properties and Go', () => {
  it('a malformed \\u escape in .properties is reported; Go syntax is left to the Go toolchain', () => {
    const text = 'bootstrap.servers=localhost:9092\nclient.id=caf\\u00g9\nacks=all\n';
    const [f] = syntax(text, '/p/producer.properties');
    assert.equal(text.slice(f.span.start, f.span.end), '\\u00g9');
    assert.match(f.message, /^Malformed `\\uXXXX` escape: `java\.util\.Properties\.load` throws IllegalArgumentException/);
    const go = 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc main() {\n\tcfg := sarama.NewConfig(\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n}\n';
    assert.deepEqual(lint({ text: go, path: '/p/main.go' }, O).findings.filter((f) => f.ruleId === 'syntax-error'), []);
  });
});
