// Formatters and position conversion, on findings made by a small inline rule through the engine
// API (lintParsed on a hand-built file), so these tests do not depend on any parser or real rule.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintParsed } from '../../server/src/engine/index.js';
import type { ParsedFile } from '../../server/src/engine/model.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import type { Rule, RuleMeta } from '../../server/src/engine/rule.js';
import { LineIndex } from '../../server/src/report/positions.js';
import { tally, toReportFindings, type Report } from '../../server/src/report/model.js';
import { formatText } from '../../server/src/report/text.js';
import { formatJson, toJson } from '../../server/src/report/json.js';
import { pathToUri, toSarif } from '../../server/src/report/sarif.js';
import { DOCS_BASE_URL, renderAllDocs, renderRuleMarkdown, UNUSED_SUPPRESSION_META } from '../../server/src/report/ruledocs.js';
import { sarifSchemaErrors } from './harness.js';

const TEXT = 'acks=1\r\n\tretries=0\n# c😀x=1\n';

function parsed(text: string): ParsedFile {
  return {
    path: 'producer.properties',
    text,
    format: 'properties',
    units: [
      {
        id: 'u',
        surface: 'kafka-properties',
        format: 'properties',
        role: 'producer',
        client: 'java',
        settings: [],
        anchor: { start: 0, end: 4 },
        span: { start: 0, end: text.length },
        facts: {},
      },
    ],
    errors: [],
    comments: [],
    eol: '\r\n',
  };
}

const META: RuleMeta = {
  id: 'fake-rule',
  severities: ['error', 'warning', 'information', 'hint'],
  formats: ['properties'],
  category: 'producer',
  fixable: true,
  docs: {
    summary: { en: 'Fake summary.', zh: '假摘要。' },
    why: { en: 'Fake why.', zh: '假原因。' },
    fix: { en: 'Fake fix.', zh: '假修复。' },
    references: [{ title: 'Kafka docs', url: 'https://kafka.apache.org/documentation/' }],
    examples: [{ surface: 'kafka-properties', path: 'producer.properties', bad: 'a=`b`\n', good: 'a=```c```\n' }],
  },
};

/** Reports on `1` (line 1), on `0` (line 2, after a tab), and on `x` (line 3, after an astral char). */
const fakeRule: Rule = {
  meta: META,
  check(ctx) {
    const t = ctx.file.text;
    const at = (s: string) => t.indexOf(s);
    ctx.report({
      severity: 'warning',
      message: ctx.t({ en: 'acks is one', zh: 'acks 为 1' }),
      span: { start: at('1'), end: at('1') + 1 },
      fixes: [ctx.makeFix('Set `acks=all`', 'unsafe', [{ start: at('1'), end: at('1') + 1, newText: 'all' }], true)],
    });
    ctx.report({
      severity: 'error',
      message: 'retries\nis zero',
      span: { start: at('0'), end: at('0') + 1 },
      fixes: [ctx.makeFix('Remove it', 'safe', [{ start: at('\tretries'), end: at('# c'), newText: '' }], true)],
    });
    ctx.report({ severity: 'information', message: 'info here', span: { start: at('x'), end: at('x') + 1 } });
    ctx.report({
      severity: 'hint',
      message: 'insert here',
      span: { start: 0, end: 0 },
      fixes: [ctx.makeFix('Insert', 'safe', [{ start: 0, end: 0, newText: '# hi\r\n' }])],
    });
  },
};

function sampleReport(): Report {
  const res = lintParsed(parsed(TEXT), resolveOptions([]), [fakeRule]);
  assert.deepEqual(res.ruleErrors, []);
  return {
    files: [
      { path: 'config dir/生产者.properties', findings: toReportFindings(TEXT, res.findings) },
      { path: 'empty.properties', findings: [] },
    ],
    notices: [{ kind: 'skipped', message: 'big.properties: skipped: larger than 8 MB', path: 'big.properties' }],
  };
}

describe('LineIndex', () => {
  it('counts 1-based lines over LF, CRLF and CR, and columns in UTF-16 units (tab = 1)', () => {
    const text = 'a\tb\r\nc😀d\re';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.position(0), { line: 1, column: 1 });
    assert.deepEqual(idx.position(text.indexOf('b')), { line: 1, column: 3 });
    assert.deepEqual(idx.position(text.indexOf('d')), { line: 2, column: 4 });
    assert.deepEqual(idx.position(text.indexOf('e')), { line: 3, column: 1 });
    assert.deepEqual(idx.position(text.length), { line: 3, column: 2 });
  });

  it('makes exclusive end positions, across a line break too', () => {
    const idx = new LineIndex('ab\ncd');
    assert.deepEqual(idx.region(1, 2), { line: 1, column: 2, endLine: 1, endColumn: 3 });
    assert.deepEqual(idx.region(1, 4), { line: 1, column: 2, endLine: 2, endColumn: 2 });
    assert.deepEqual(idx.region(3, 3), { line: 2, column: 1, endLine: 2, endColumn: 1 });
  });

  it('clamps offsets outside the text', () => {
    const idx = new LineIndex('ab');
    assert.deepEqual(idx.position(-5), { line: 1, column: 1 });
    assert.deepEqual(idx.position(99), { line: 1, column: 3 });
  });
});

describe('report model', () => {
  it('converts findings with positions, fixability and fixes', () => {
    const [hint, acks, retries, info] = sampleReport().files[0].findings;
    assert.deepEqual(
      { line: acks.line, column: acks.column, endLine: acks.endLine, endColumn: acks.endColumn, fixable: acks.fixable, safe: acks.safeFixable },
      { line: 1, column: 6, endLine: 1, endColumn: 7, fixable: true, safe: false },
    );
    assert.deepEqual([retries.line, retries.column, retries.fixable, retries.safeFixable], [2, 10, true, true]);
    assert.deepEqual([info.line, info.column, info.fixable], [3, 6, false]);
    assert.deepEqual([hint.line, hint.column, hint.endColumn, hint.fixable], [1, 1, 1, true]);
    assert.deepEqual(retries.fixes[0].edits, [{ line: 2, column: 1, endLine: 3, endColumn: 1, newText: '' }]);
  });

  it('tallies severities and fixability', () => {
    assert.deepEqual(tally(sampleReport().files), {
      problems: 4,
      errors: 1,
      warnings: 1,
      infos: 1,
      hints: 1,
      safeFixable: 2,
      unsafeFixable: 1,
    });
  });
});

describe('text format', () => {
  it('prints path:line:col severity rule message, one line per finding, then a summary', () => {
    const out = formatText(sampleReport(), { locale: 'en', color: false });
    assert.equal(
      out,
      [
        'config dir/生产者.properties:1:1 hint fake-rule insert here',
        'config dir/生产者.properties:1:6 warning fake-rule acks is one',
        'config dir/生产者.properties:2:10 error fake-rule retries is zero',
        'config dir/生产者.properties:3:6 info fake-rule info here',
        '',
        '4 problems (1 error, 1 warning, 1 info, 1 hint)',
        '2 fixable with `--fix`; 1 more with `--fix --unsafe-fixes`',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing, and reports fixes applied and too many warnings', () => {
    const out = formatText({ files: [], notices: [], fix: { applied: 1, files: 1 } }, { locale: 'en', color: false });
    assert.equal(out, '0 problems (0 errors, 0 warnings, 0 infos, 0 hints)\nApplied 1 fix to 1 file.\n');
    const many = formatText(sampleReport(), { locale: 'en', color: false, maxWarnings: 0 });
    assert.match(many, /Too many warnings: 1 \(maximum: 0\)\./);
    assert.doesNotMatch(formatText(sampleReport(), { locale: 'en', color: false, maxWarnings: 1 }), /Too many/);
  });

  it('localises the summary and the finding messages in zh-cn, keeping severity words', () => {
    const res = lintParsed(parsed(TEXT), resolveOptions([{ source: 'test', options: { locale: 'zh-cn' } }]), [fakeRule]);
    const report: Report = { files: [{ path: 'p.properties', findings: toReportFindings(TEXT, res.findings) }], notices: [] };
    const out = formatText(report, { locale: 'zh-cn', color: false });
    assert.match(out, /^p\.properties:1:6 warning fake-rule acks 为 1$/m);
    assert.match(out, /4 个问题（1 个错误，1 个警告，1 个信息，1 个提示）/);
    assert.match(out, /2 个可用 `--fix` 修复；另有 1 个可用 `--fix --unsafe-fixes` 修复/);
  });

  it('colours only when asked', () => {
    assert.doesNotMatch(formatText(sampleReport(), { locale: 'en', color: false }), /\u001b\[/);
    const coloured = formatText(sampleReport(), { locale: 'en', color: true });
    assert.match(coloured, /\u001b\[31merror\u001b\[0m/);
    assert.equal(coloured.replace(/\u001b\[[\d;]*m/g, ''), formatText(sampleReport(), { locale: 'en', color: false }));
  });
});

describe('json format', () => {
  it('has the documented shape, 1-based positions, files in the given order', () => {
    const json = JSON.parse(formatJson(sampleReport()));
    assert.deepEqual(json, toJson(sampleReport()));
    assert.equal(json.version, 1);
    assert.deepEqual(
      json.results.map((r: { file: string }) => r.file),
      ['config dir/生产者.properties', 'empty.properties'],
    );
    assert.deepEqual(json.results[0].findings[1], {
      ruleId: 'fake-rule',
      severity: 'warning',
      message: 'acks is one',
      line: 1,
      column: 6,
      endLine: 1,
      endColumn: 7,
      fixable: true,
    });
    assert.equal(json.results[0].findings[2].message, 'retries\nis zero');
    assert.deepEqual(json.results[1].findings, []);
  });
});

describe('sarif format', () => {
  const log = toSarif(sampleReport(), { rules: [META, UNUSED_SUPPRESSION_META], locale: 'en', toolVersion: '1.2.3' });

  it('is valid against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(sarifSchemaErrors(JSON.parse(JSON.stringify(log))), []);
  });

  it('describes the rules with help URIs and maps severities to levels', () => {
    const run = log.runs[0];
    assert.deepEqual(
      run.tool.driver.rules.map((r) => [r.id, r.helpUri, r.defaultConfiguration.level]),
      [
        ['fake-rule', `${DOCS_BASE_URL}fake-rule.md`, 'error'],
        ['unused-suppression', `${DOCS_BASE_URL}unused-suppression.md`, 'note'],
      ],
    );
    assert.equal(run.tool.driver.rules[0].shortDescription.text, 'Fake summary.');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      run.results.map((r) => [r.ruleId, r.ruleIndex, r.level]),
      [
        ['fake-rule', 0, 'note'],
        ['fake-rule', 0, 'warning'],
        ['fake-rule', 0, 'error'],
        ['fake-rule', 0, 'note'],
      ],
    );
  });

  it('locates results with relative, percent-encoded URIs and 1-based regions', () => {
    const loc = log.runs[0].results[1].locations[0].physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'config%20dir/%E7%94%9F%E4%BA%A7%E8%80%85.properties', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(loc.region, { startLine: 1, startColumn: 6, endLine: 1, endColumn: 7 });
    assert.equal(pathToUri('../a b/c#d.yaml'), '../a%20b/c%23d.yaml');
  });

  it('carries fixes as artifact changes, an insertion as an empty region', () => {
    const [hint, acks] = log.runs[0].results;
    assert.deepEqual(acks.fixes?.[0].artifactChanges[0].replacements, [
      { deletedRegion: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 7 }, insertedContent: { text: 'all' } },
    ]);
    assert.deepEqual(hint.fixes?.[0].artifactChanges[0].replacements[0].deletedRegion, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    assert.equal(log.runs[0].results[3].fixes, undefined);
  });

  it('reports notices as tool notifications, and a finding of an unlisted rule still resolves', () => {
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, true);
    assert.deepEqual(inv.toolExecutionNotifications?.[0].message, { text: 'big.properties: skipped: larger than 8 MB' });
    const other = toSarif(sampleReport(), { rules: [], locale: 'zh-cn', toolVersion: '1.2.3' });
    assert.deepEqual(other.runs[0].tool.driver.rules.map((r) => r.id), ['fake-rule']);
    assert.equal(other.runs[0].language, 'zh-CN');
    assert.deepEqual(sarifSchemaErrors(JSON.parse(JSON.stringify(other))), []);
    const failed = toSarif({ files: [], notices: [{ kind: 'ioError', message: 'x: cannot read (EACCES)', path: 'x' }] }, { rules: [], locale: 'en', toolVersion: '0' });
    assert.equal(failed.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(failed.runs[0].invocations[0].toolExecutionNotifications?.[0].level, 'error');
    assert.deepEqual(sarifSchemaErrors(JSON.parse(JSON.stringify(failed))), []);
  });

  it('is rejected by the schema when broken (the validator is real)', () => {
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'fatal';
    delete broken.version;
    assert.ok(sarifSchemaErrors(broken).length >= 2);
  });
});

describe('rule docs rendering', () => {
  it('renders every section, in both languages, with fences longer than any backtick run', () => {
    const en = renderRuleMarkdown(META, 'en');
    for (const part of ['# `fake-rule`', 'Fake summary.', '## Why it matters', '## How to fix', '## Examples', '## References', '[Kafka docs](https://kafka.apache.org/documentation/)']) {
      assert.ok(en.includes(part), `missing ${part}`);
    }
    assert.ok(en.includes('````properties\na=```c```\n````'), en);
    assert.ok(en.includes('```properties\na=`b`\n```'), en);
    const zh = renderRuleMarkdown(META, 'zh-cn');
    for (const part of ['假摘要。', '## 为什么重要', '## 如何修复', '## 示例', '## 参考资料']) assert.ok(zh.includes(part), `missing ${part}`);
  });

  it('renders a page per rule plus the catalog', () => {
    const files = renderAllDocs([META, UNUSED_SUPPRESSION_META]);
    assert.deepEqual([...files.keys()], ['fake-rule.md', 'unused-suppression.md', 'README.md']);
    assert.match(files.get('README.md')!, /\| \[`fake-rule`\]\(fake-rule\.md\) \| producer \|/);
    assert.match(files.get('fake-rule.md')!, /假摘要/);
  });
});
