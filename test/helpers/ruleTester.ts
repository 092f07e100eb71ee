// Table-driven rule tests (ESLint's RuleTester, reduced): every invalid case states the exact
// covered text of each finding, and the exact output after the rule's batch fixes; the output
// is re-linted and must be clean for that rule.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixText, lint, parseFile } from '../../server/src/engine/index.js';
import type { Finding, Severity } from '../../server/src/engine/model.js';
import { resolveOptions, type LintOptions } from '../../server/src/engine/options.js';
import { applyEdits } from '../../server/src/engine/fixer.js';
import { parseAllDocuments } from 'yaml';
import { ruleById } from '../../server/src/engine/rules/index.js';
import { lineOf, lineStarts } from '../../server/src/engine/suppressions.js';

export interface ExpectedFinding {
  /** Exact text the finding's span covers. */
  text: string;
  severity?: Severity;
  /** 1-based line of the span start. */
  line?: number;
  /** Substring (string) or pattern the message must match. */
  message?: string | RegExp;
  /** Exact titles of the fixes offered, in order. */
  fixes?: string[];
  /** Title of the one fix marked preferred (the editor's quick fix and VS Code's auto-fix). */
  preferred?: string;
}

export interface ValidCase {
  name?: string;
  path: string;
  code: string;
  options?: LintOptions;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /**
   * Text after applying this rule's batch fixes (safe and unsafe unless `safeOnly`).
   * Omit to assert that no batch fix exists.
   */
  output?: string;
  safeOnly?: boolean;
  /** Rule findings expected to remain after the fix (default: none). */
  remainingAfterFix?: number;
}

export interface RuleTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

function opts(o?: LintOptions) {
  return resolveOptions([{ source: 'test', options: o }]);
}

export function describeFinding(code: string, f: Finding): string {
  const starts = lineStarts(code);
  return `${f.ruleId}@${lineOf(starts, f.span.start) + 1} ${f.severity} ${JSON.stringify(code.slice(f.span.start, f.span.end))}: ${f.message}`;
}

export function ruleTester(ruleId: string, table: RuleTable): void {
  const rule = ruleById(ruleId);
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => assert.ok(rule, `rule ${ruleId} is not in rules/index.ts`));
    if (!rule) return;
    for (const [i, c] of table.valid.entries()) {
      it(`valid #${i + 1}${c.name ? ': ' + c.name : ''} (${c.path})`, () => {
        const res = lint({ text: c.code, path: c.path }, opts(c.options), [rule]);
        assert.deepEqual(res.ruleErrors, []);
        const own = res.findings.filter((f) => f.ruleId === ruleId);
        assert.deepEqual(own.map((f) => describeFinding(c.code, f)), []);
      });
    }
    for (const [i, c] of table.invalid.entries()) {
      it(`invalid #${i + 1}${c.name ? ': ' + c.name : ''} (${c.path})`, () => {
        const o = opts(c.options);
        const res = lint({ text: c.code, path: c.path }, o, [rule]);
        assert.deepEqual(res.ruleErrors, []);
        const own = res.findings.filter((f) => f.ruleId === ruleId);
        assert.equal(
          own.length,
          c.errors.length,
          `expected ${c.errors.length} finding(s), got:\n${own.map((f) => describeFinding(c.code, f)).join('\n')}`,
        );
        const starts = lineStarts(c.code);
        own.forEach((f, k) => {
          const e = c.errors[k];
          assert.equal(c.code.slice(f.span.start, f.span.end), e.text, `finding ${k + 1} span`);
          if (e.severity) assert.equal(f.severity, e.severity, `finding ${k + 1} severity`);
          if (e.line) assert.equal(lineOf(starts, f.span.start) + 1, e.line, `finding ${k + 1} line`);
          if (typeof e.message === 'string') assert.ok(f.message.includes(e.message), `message "${f.message}" lacks "${e.message}"`);
          else if (e.message) assert.match(f.message, e.message);
          if (e.fixes) assert.deepEqual(f.fixes.map((x) => x.title), e.fixes, `finding ${k + 1} fix titles`);
          if (e.preferred !== undefined) assert.deepEqual(f.fixes.filter((x) => x.preferred).map((x) => x.title), [e.preferred], `finding ${k + 1} preferred fix`);
          // Every offered fix, applied alone, must leave a file that still parses as well as before.
          const before = parseFile({ text: c.code, path: c.path })?.errors.length ?? 0;
          for (const fix of f.fixes) {
            const out = applyEdits(c.code, fix.edits);
            assert.deepEqual(out.skipped, [], `fix "${fix.title}" has overlapping edits`);
            const after = parseFile({ text: out.text, path: c.path })?.errors.length ?? 0;
            assert.ok(after <= before, `fix "${fix.title}" introduced parse errors:\n${out.text}`);
            assert.ok(repeatedKeys(out.text, c.path) <= repeatedKeys(c.code, c.path), `fix "${fix.title}" wrote a YAML key twice in one mapping:\n${out.text}`);
          }
        });
        const fixed = fixText({ text: c.code, path: c.path }, o, { unsafe: !c.safeOnly, ruleIds: [ruleId] }, [rule]);
        if (c.output === undefined) {
          assert.equal(fixed.output, c.code, 'expected no batch fix');
        } else {
          assert.equal(fixed.output, c.output);
          assert.ok(repeatedKeys(fixed.output, c.path) <= repeatedKeys(c.code, c.path), `the batch fix wrote a YAML key twice in one mapping:\n${fixed.output}`);
          const again = fixed.result.findings.filter((f) => f.ruleId === ruleId);
          assert.equal(
            again.length,
            c.remainingAfterFix ?? 0,
            `after fix:\n${again.map((f) => describeFinding(fixed.output, f)).join('\n')}`,
          );
        }
      });
    }
  });
}

/**
 * Keys written twice in one mapping of a YAML file (0 for other files). Our parsers accept them
 * (a duplicate Kafka key is a finding, not an error), but Spring Boot, Kubernetes and docker
 * compose refuse such a file, so no fix may add one.
 */
function repeatedKeys(text: string, path: string): number {
  if (!/\.ya?ml$/i.test(path)) return 0;
  return parseAllDocuments(text).reduce((n, d) => n + d.errors.filter((e) => e.code === 'DUPLICATE_KEY').length, 0);
}
