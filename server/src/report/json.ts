// The JSON other tools read. The shape is a contract: change it only with a new `version`.
//   {"version":1,"results":[{"file":"<path>","findings":[{"ruleId","severity","message",
//     "line","column","endLine","endColumn","fixable"}]}]}
// Lines and columns are 1-based; columns count UTF-16 code units; end positions are exclusive.
// `fixable`: `--fix` fixes it (with `--unsafe-fixes` when its fix trades latency or availability).

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
      })),
    })),
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(toJson(report), null, 2) + '\n';
}
