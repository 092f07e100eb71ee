// The engine facade: text + options in, findings (with fixes) out. Pure: no file system, no
// process, no vscode. The CLI, the language server and the tests are its clients.

import type { Finding, Format, ParsedFile, Severity } from './model.js';
import { applyEdits, createFixer } from './fixer.js';
import { fmt, localizeDefaultSource, type L10n } from './l10n.js';
import { defaultFor } from './knowledge/index.js';
import type { ResolvedOptions } from './options.js';
import { resolveOptions } from './options.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { allRules } from './rules/index.js';
import { applySuppressions } from './suppressions.js';
import { parseProperties } from './parsers/properties.js';
import { parseYaml } from './parsers/yaml.js';
import { parseGo } from './parsers/go.js';

export type { Finding, ParsedFile } from './model.js';
export type { ResolvedOptions, LintOptions, ProjectConfig } from './options.js';

export interface LintInput {
  text: string;
  /** Path (relative or absolute) or URI path; decides the format and detection. Never printed by the engine. */
  path: string;
  /** Editor language id, when known; the extension wins otherwise. */
  languageId?: string;
}

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface LintResult {
  /** Undefined when the file was not parsed (not ours, or skipped). */
  file?: ParsedFile;
  findings: Finding[];
  /** Why the file was not linted (too large, binary). Undefined for files linted or simply not ours. */
  skipped?: string;
  /** Rules that threw; each is reported once and skipped for this file only. */
  ruleErrors: RuleError[];
}

/** Files larger than this are skipped with a reason, never parsed. */
export const MAX_TEXT_LENGTH = 8 * 1024 * 1024;

export function detectFormat(path: string, languageId?: string): Format | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.properties')) return 'properties';
  if (p.endsWith('.yml') || p.endsWith('.yaml')) return 'yaml';
  if (p.endsWith('.go')) return 'go';
  if (languageId === 'yaml' || languageId === 'dockercompose') return 'yaml';
  if (languageId === 'go') return 'go';
  return undefined;
}

export function parseFile(input: LintInput): ParsedFile | undefined {
  const format = detectFormat(input.path, input.languageId);
  if (!format) return undefined;
  switch (format) {
    case 'properties':
      return parseProperties(input.text, input.path);
    case 'yaml':
      return parseYaml(input.text, input.path);
    case 'go':
      return parseGo(input.text, input.path);
  }
}

/** Reason a text must not be parsed, or undefined. */
export function skipReason(text: string): string | undefined {
  if (text.length > MAX_TEXT_LENGTH) {
    return `file is larger than ${MAX_TEXT_LENGTH / (1024 * 1024)} MB; not checked`;
  }
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (head.includes('\u0000')) return 'file looks binary (contains NUL characters); not checked';
  return undefined;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.span.start - b.span.start ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.span.end - b.span.end ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function lint(input: LintInput, options: ResolvedOptions = resolveOptions([]), rules: Rule[] = allRules): LintResult {
  const skipped = skipReason(input.text);
  if (skipped) return { findings: [], skipped, ruleErrors: [] };
  let file: ParsedFile | undefined;
  try {
    file = parseFile(input);
  } catch (e) {
    // Parsers must never throw; if one does, the file costs only itself.
    return { findings: [], ruleErrors: [{ ruleId: 'parser', message: String((e as Error)?.stack ?? e) }] };
  }
  if (!file) return { findings: [], ruleErrors: [] };
  return lintParsed(file, options, rules);
}

export function lintParsed(file: ParsedFile, options: ResolvedOptions, rules: Rule[] = allRules): LintResult {
  const findings: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  if (!file.units.length) return { file, findings, ruleErrors };
  const fixer = createFixer(file);
  const locale = options.locale;
  const enabled = (id: string) => options.rules[id] !== 'off';
  for (const rule of rules) {
    if (!enabled(rule.meta.id) || !rule.meta.formats.includes(file.format)) continue;
    const override = options.rules[rule.meta.id];
    const ctx: RuleContext = {
      file,
      options,
      locale,
      t: (msg: L10n, data) => fmt(msg, locale, data),
      fixer,
      defaultOf: (unit, key) => {
        const d = defaultFor(key, unit.role, unit.client, {
          kafkaVersion: options.kafkaVersion,
          saramaVersion: options.saramaVersion,
        });
        return d && { value: d.value, source: localizeDefaultSource(d.source, locale) };
      },
      makeFix: (title, safety, edits, preferred) => ({ title, safety, edits, ...(preferred ? { preferred } : {}) }),
      report: (r: Report) => {
        // A setting shared by several units (spring.kafka.properties[...]) is reported once.
        if (findings.some((f) => f.ruleId === rule.meta.id && f.span.start === r.span.start && f.span.end === r.span.end && f.message === r.message)) return;
        findings.push({
          ruleId: rule.meta.id,
          severity: override && override !== 'off' ? override : r.severity,
          message: r.message,
          span: r.span,
          fixes: (r.fixes ?? []).filter((f) => f.edits.length > 0),
        });
      },
    };
    const before = findings.length;
    try {
      rule.check(ctx);
    } catch (e) {
      findings.length = before; // drop partial output of the failed rule
      ruleErrors.push({ ruleId: rule.meta.id, message: String((e as Error)?.stack ?? e) });
    }
  }
  const kept = applySuppressions(file, findings, locale, enabled);
  kept.sort(compareFindings);
  return { file, findings: kept, ruleErrors };
}

export interface FixOptions {
  /** Apply unsafe preferred fixes too (`--unsafe-fixes`). */
  unsafe?: boolean;
  /** Only fixes of these rules. */
  ruleIds?: string[];
}

export interface FixResult {
  output: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Lint result of the final output. */
  result: LintResult;
}

/** The fix a batch run applies for a finding: the preferred one, if its safety is allowed. */
export function batchFix(f: Finding, opts: FixOptions) {
  const fix = f.fixes.find((x) => x.preferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined);
  if (!fix) return undefined;
  if (fix.safety === 'unsafe' && !opts.unsafe) return undefined;
  if (opts.ruleIds && !opts.ruleIds.includes(f.ruleId)) return undefined;
  return fix;
}

/**
 * Apply fixes until the text is stable. Fixes of one unit are applied one per pass, in finding
 * order, with a re-lint in between: fixes of related keys (a replication factor and its min ISR,
 * `retries` and idempotence) are computed from the state the previous fix left, never from a state
 * another fix of the same pass already changed. Units are independent and advance together.
 */
export function fixText(input: LintInput, options: ResolvedOptions, opts: FixOptions = {}, rules: Rule[] = allRules): FixResult {
  let text = input.text;
  let applied = 0;
  let result = lint(input, options, rules);
  const seen = new Set<string>([text]);
  // A fix whose finding is still there after it was applied did not work: never apply it again.
  const useless = new Set<string>();
  const unitIndex = (r: LintResult, f: Finding) => (r.file?.units ?? []).findIndex((u) => f.span.start >= u.span.start && f.span.start <= u.span.end);
  const keyOf = (r: LintResult, f: Finding) => `${r.file?.units[unitIndex(r, f)]?.id ?? ''}\u0000${f.ruleId}\u0000${f.message}`;
  for (let pass = 0; pass < 200; pass++) {
    const unitOf = (f: Finding) => unitIndex(result, f);
    const takenUnits = new Set<number>();
    const used: { start: number; end: number }[] = [];
    const batch = [];
    let taken = 0;
    const tried = new Set<string>();
    for (const f of result.findings) {
      const fix = batchFix(f, opts);
      if (!fix || useless.has(keyOf(result, f))) continue;
      const u = unitOf(f);
      if (u >= 0 && takenUnits.has(u)) continue;
      // All of a fix's edits or none; two insertions at one point would interleave.
      const overlaps = fix.edits.some((e) =>
        used.some((x) => (e.start < x.end && x.start < e.end) || (e.start === x.start && (e.start === e.end || x.start === x.end))),
      );
      if (overlaps) continue;
      if (u >= 0) takenUnits.add(u);
      tried.add(keyOf(result, f));
      for (const e of fix.edits) used.push({ start: e.start, end: e.end });
      batch.push(...fix.edits);
      taken++;
    }
    if (!taken) break;
    const next = applyEdits(text, batch).text;
    if (next === text || seen.has(next)) break; // no progress, or a cycle between fixes
    const nextResult = lint({ ...input, text: next }, options, rules);
    // A fix must never make the file worse to read: keep the last text that parsed as well.
    if ((nextResult.file?.errors.length ?? 0) > (result.file?.errors.length ?? 0)) break;
    for (const f of nextResult.findings) if (tried.has(keyOf(nextResult, f))) useless.add(keyOf(nextResult, f));
    seen.add(next);
    text = next;
    applied += taken;
    result = nextResult;
  }
  return { output: text, applied, result };
}
