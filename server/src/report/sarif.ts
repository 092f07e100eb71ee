// SARIF 2.1.0 for code scanning. Paths are relative to the working directory, resolved by the
// consumer through the `%SRCROOT%` base id, so the log holds no absolute path and is the same on
// every machine. Regions are 1-based and count UTF-16 code units (`columnKind`).

import type { Locale } from '../engine/l10n.js';
import type { RuleMeta } from '../engine/rule.js';
import type { Severity } from '../engine/model.js';
import type { Notice, Report, ReportEdit } from './model.js';
import { ruleDocUrl } from './ruledocs.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** Rule metadata for tool.driver.rules, in the order to list them. */
  rules: RuleMeta[];
  locale: Locale;
  toolVersion: string;
  informationUri?: string;
}

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A '/'-separated relative path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg === '.' || seg === '..' ? seg : encodeURIComponent(seg)))
    .join('/');
}

function text(msg: { en: string; zh: string }, locale: Locale): string {
  return locale === 'zh-cn' ? msg.zh : msg.en;
}

function region(r: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

export function toSarif(report: Report, opts: SarifOptions) {
  const rules = [...opts.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // A finding from a rule the caller did not list still gets a descriptor, so ruleIndex is valid.
  for (const file of report.files) {
    for (const f of file.findings) {
      if (!index.has(f.ruleId)) {
        index.set(f.ruleId, rules.length);
        rules.push({
          id: f.ruleId,
          severities: [f.severity],
          formats: [],
          category: 'any',
          fixable: false,
          docs: { summary: { en: f.ruleId, zh: f.ruleId }, why: { en: '', zh: '' }, fix: { en: '', zh: '' }, references: [], examples: [] },
        });
      }
    }
  }
  const descriptors = rules.map((r) => {
    const summary = text(r.docs.summary, opts.locale) || r.id;
    const why = text(r.docs.why, opts.locale);
    const fix = text(r.docs.fix, opts.locale);
    return {
      id: r.id,
      shortDescription: { text: summary },
      fullDescription: { text: why || summary },
      ...(fix ? { help: { text: fix } } : {}),
      helpUri: ruleDocUrl(r.id),
      defaultConfiguration: { level: LEVEL[r.severities[0] ?? 'warning'] },
      properties: { category: r.category, tags: ['kafka', 'reliability'] },
    };
  });
  const results = report.files.flatMap((file) => {
    const artifactLocation = { uri: pathToUri(file.path), uriBaseId: SRCROOT };
    return file.findings.map((f) => {
      const fixes = f.fixes.map((x) => ({
        description: { text: x.title },
        artifactChanges: [
          {
            artifactLocation,
            replacements: x.edits.map((e: ReportEdit) => ({
              deletedRegion: region(e),
              ...(e.newText ? { insertedContent: { text: e.newText } } : {}),
            })),
          },
        ],
        properties: { safety: x.safety, preferred: x.preferred },
      }));
      return {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId)!,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(f) } }],
        ...(f.related?.length
          ? {
              relatedLocations: f.related.map((r, id) => ({
                id,
                physicalLocation: { artifactLocation: { uri: pathToUri(r.path), uriBaseId: SRCROOT }, region: region(r) },
                message: { text: r.message },
              })),
            }
          : {}),
        ...(fixes.length ? { fixes } : {}),
      };
    });
  });
  const notifications = report.notices.map((n: Notice) => ({
    level: n.kind === 'ioError' || n.kind === 'ruleError' ? ('error' as const) : ('note' as const),
    message: { text: n.message },
    ...(n.path ? { locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(n.path), uriBaseId: SRCROOT } } }] } : {}),
  }));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'kafka-lint',
            fullName: 'Kafka Reliability Lint',
            version: opts.toolVersion,
            semanticVersion: opts.toolVersion,
            ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
            rules: descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful: !report.notices.some((n) => n.kind === 'ioError'),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        language: opts.locale === 'zh-cn' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits' as const,
        results,
      },
    ],
  };
}

export function formatSarif(report: Report, opts: SarifOptions): string {
  return JSON.stringify(toSarif(report, opts), null, 2) + '\n';
}
