// The JSON other tools read. The shape is a contract: change it only with a new `version`.
//   {"version":1,"results":[{"file":"<path>","findings":[{"ruleId","severity","message",
//     "line","column","endLine","endColumn","fixable"}]}]}
// Lines and columns are 1-based; columns count UTF-16 code units; end positions are exclusive.
// `fixable`: `--fix` fixes it (with `--unsafe-fixes` when its fix trades latency or availability).
// Optional (an addition readers of version 1 may ignore): `related`, the places a finding is about
// elsewhere, [{"file","line","column","endLine","endColumn","message"}] (a setting a Spring
// profile inherits from application.yml, say).

import type { Severity } from '../engine/model.js';
import type { Report } from './model.js';

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

export interface JsonReport {
  version: 1;
  results: { file: string; findings: JsonFinding[] }[];
}

export function toJson(report: Report): JsonReport {
  return {
    version: 1,
    results: report.files.map((file) => ({
      file: file.path,
      findings: file.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        fixable: f.fixable,
        ...(f.related?.length
          ? { related: f.related.map((r) => ({ file: r.path, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message })) }
          : {}),
      })),
    })),
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(toJson(report), null, 2) + '\n';
}
