// `path:line:col severity rule-id message`, one finding a line (the shape editors' problem
// matchers and `grep` expect), each followed by its related places, indented; then a summary.
// Severity words and rule ids stay English in every locale so scripts can match them; the
// message and the summary are localised.

import type { Locale } from '../engine/l10n.js';
import type { Severity } from '../engine/model.js';
import { tally, type Report } from './model.js';
import { fixesAppliedLine, summaryLine, t } from './strings.js';

export interface TextOptions {
  locale: Locale;
  color: boolean;
  /** The --max-warnings given (-1: no limit); undefined when not given. */
  maxWarnings?: number;
}

const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

export function formatText(report: Report, opts: TextOptions): string {
  const paint = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      const where = paint('1', `${file.path}:${f.line}:${f.column}`);
      const message = f.message.replace(/\s*[\r\n]+\s*/g, ' ');
      out.push(`${where} ${paint(SEVERITY_COLOR[f.severity], SEVERITY_WORD[f.severity])} ${paint('90', f.ruleId)} ${message}`);
      // Where a setting the finding names is written (indented: problem matchers skip these lines).
      for (const r of f.related ?? []) out.push(`  ${paint('1', `${r.path}:${r.line}:${r.column}`)} ${r.message.replace(/\s*[\r\n]+\s*/g, ' ')}`);
    }
  }
  const c = tally(report.files);
  if (out.length) out.push('');
  const summary = summaryLine(opts.locale, c);
  out.push(c.errors ? paint('31;1', summary) : c.warnings ? paint('33;1', summary) : summary);
  const fixable: string[] = [];
  if (c.safeFixable) fixable.push(t(opts.locale, 'fixableSafe', { n: c.safeFixable }));
  if (c.unsafeFixable) fixable.push(t(opts.locale, c.safeFixable ? 'fixableUnsafe' : 'fixableUnsafeOnly', { n: c.unsafeFixable }));
  if (fixable.length) out.push(fixable.join(opts.locale === 'zh-cn' ? '；' : '; '));
  if (report.fix) out.push(fixesAppliedLine(opts.locale, report.fix.applied, report.fix.files));
  if (opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && c.warnings > opts.maxWarnings) {
    out.push(t(opts.locale, 'tooManyWarnings', { n: c.warnings, max: opts.maxWarnings }));
  }
  return out.join('\n') + '\n';
}
