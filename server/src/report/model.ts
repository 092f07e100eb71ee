// What the CLI hands to its formatters: findings with 1-based positions, per file, plus notices
// about files that were skipped or could not be read. Formatters are pure: data in, string out.

import { batchFix } from '../engine/index.js';
import type { Finding, FixSafety, Severity } from '../engine/model.js';
import { LineIndex, type Region } from './positions.js';

export interface ReportEdit extends Region {
  newText: string;
}

export interface ReportFix {
  title: string;
  safety: FixSafety;
  preferred: boolean;
  edits: ReportEdit[];
}

export interface ReportFinding extends Region {
  ruleId: string;
  severity: Severity;
  message: string;
  /** `--fix --unsafe-fixes` would apply a fix for it. */
  fixable: boolean;
  /** Plain `--fix` would apply a fix for it. */
  safeFixable: boolean;
  fixes: ReportFix[];
  /** Places the finding is about elsewhere (a setting a Spring profile inherits). */
  related?: ReportRelated[];
}

export interface ReportRelated extends Region {
  /** As files are shown (relative to the working directory, '/'-separated). */
  path: string;
  message: string;
}

/** The finding's file as shown, and the files its related places may name (Spring base files). */
export interface RelatedFiles {
  shown: string;
  other(path: string): { shown: string; text: string } | undefined;
}

export interface ReportFile {
  /** Relative to the working directory, '/'-separated. */
  path: string;
  findings: ReportFinding[];
}

export interface Notice {
  kind: 'skipped' | 'ioError' | 'ruleError' | 'info';
  /** Already localised, without the `kafka-lint:` prefix. */
  message: string;
  path?: string;
}

export interface Report {
  files: ReportFile[];
  notices: Notice[];
  /** Set when --fix ran. */
  fix?: { applied: number; files: number };
}

export function toReportFindings(text: string, findings: Finding[], files?: RelatedFiles): ReportFinding[] {
  const index = new LineIndex(text);
  const others = new Map<string, { shown: string; index: LineIndex } | null>();
  const relatedOf = (f: Finding): ReportRelated[] => {
    const out: ReportRelated[] = [];
    for (const r of f.related ?? []) {
      if (r.path === undefined) {
        if (files) out.push({ path: files.shown, ...index.region(r.span.start, r.span.end), message: r.message });
        continue;
      }
      let o = others.get(r.path);
      if (o === undefined) {
        const found = files?.other(r.path);
        others.set(r.path, (o = found ? { shown: found.shown, index: new LineIndex(found.text) } : null));
      }
      if (o) out.push({ path: o.shown, ...o.index.region(r.span.start, r.span.end), message: r.message });
    }
    return out;
  };
  return findings.map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...index.region(f.span.start, f.span.end),
    fixable: batchFix(f, { unsafe: true }) !== undefined,
    safeFixable: batchFix(f, {}) !== undefined,
    fixes: f.fixes.map((x) => ({
      title: x.title,
      safety: x.safety,
      preferred: !!x.preferred,
      edits: x.edits.map((e) => ({ ...index.region(e.start, e.end), newText: e.newText })),
    })),
    ...(f.related?.length ? { related: relatedOf(f) } : {}),
  }));
}

export interface Tally {
  problems: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  safeFixable: number;
  /** Fixable only with --unsafe-fixes. */
  unsafeFixable: number;
}

export function tally(files: ReportFile[]): Tally {
  const t: Tally = { problems: 0, errors: 0, warnings: 0, infos: 0, hints: 0, safeFixable: 0, unsafeFixable: 0 };
  for (const file of files) {
    for (const f of file.findings) {
      t.problems++;
      if (f.severity === 'error') t.errors++;
      else if (f.severity === 'warning') t.warnings++;
      else if (f.severity === 'information') t.infos++;
      else t.hints++;
      if (f.safeFixable) t.safeFixable++;
      else if (f.fixable) t.unsafeFixable++;
    }
  }
  return t;
}

/** Byte-wise order, never locale-dependent: output must be the same on every machine. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
