// The only place where engine types meet LSP types. Engine offsets are UTF-16 indices into the
// document text; LSP positions are UTF-16 line/character — the same unit, so conversion is exact.

// (`import x = require`, not `import {…}`: see esbuild.mjs)
import lsp = require('vscode-languageserver');
import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit, Finding, Fix, Severity, Span } from './engine/model.js';
import { lineOf, lineStarts, UNUSED_SUPPRESSION } from './engine/suppressions.js';

export const SOURCE = 'kafka-lint';
export const DOCS_BASE_URL = 'https://github.com/kafka-reliability-lint/kafka-reliability-lint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export function toRange(doc: TextDocument, span: Span): lsp.Range {
  return { start: positionAt(doc, span.start), end: positionAt(doc, span.end) };
}

// Where the lines of a document's current text start. TextDocument has such a table too, but
// builds it a character at a time on first use: ~4 ms of the way to a 10,000-line file's first
// diagnostics, where this one (engine/suppressions.ts lineStarts, which the lint may have made for
// the same text already) takes ~1.5 ms.
const lineTables = new WeakMap<TextDocument, { text: string; starts: Uint32Array }>();

/** The LSP position of an offset in the document's text: the same as `doc.positionAt(offset)`. */
export function positionAt(doc: TextDocument, offset: number): Position {
  const text = doc.getText();
  let table = lineTables.get(doc);
  if (!table || table.text !== text) lineTables.set(doc, (table = { text, starts: lineStarts(text) }));
  let o = Math.max(0, Math.min(offset, text.length));
  const line = lineOf(table.starts, o);
  const start = table.starts[line];
  // (Between the CR and the LF of a line break: before the break, as TextDocument says.)
  while (o > start && (text.charCodeAt(o - 1) === 13 || text.charCodeAt(o - 1) === 10)) o--;
  return { line, character: o - start };
}

export function toSeverity(s: Severity): lsp.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return lsp.DiagnosticSeverity.Error;
    case 'warning':
      return lsp.DiagnosticSeverity.Warning;
    case 'information':
      return lsp.DiagnosticSeverity.Information;
    case 'hint':
      return lsp.DiagnosticSeverity.Hint;
  }
}

/**
 * `other`: the document of a file a related place names (a Spring base file, by the path the
 * engine was given); places in files it does not know are left out.
 */
export function toDiagnostic(doc: TextDocument, f: Finding, other?: (path: string) => TextDocument | undefined): lsp.Diagnostic {
  const d = lsp.Diagnostic.create(toRange(doc, f.span), f.message, toSeverity(f.severity), f.ruleId, SOURCE);
  if (f.ruleId === UNUSED_SUPPRESSION) d.tags = [lsp.DiagnosticTag.Unnecessary];
  else d.codeDescription = { href: ruleDocsUrl(f.ruleId) };
  const related: lsp.DiagnosticRelatedInformation[] = [];
  for (const r of f.related ?? []) {
    if (r.path === undefined) {
      related.push(lsp.DiagnosticRelatedInformation.create(lsp.Location.create(doc.uri, toRange(doc, r.span)), r.message));
      continue;
    }
    const there = other?.(r.path);
    if (!there) continue;
    related.push(lsp.DiagnosticRelatedInformation.create(lsp.Location.create(there.uri, toRange(there, r.span)), r.message));
  }
  if (related.length) d.relatedInformation = related;
  return d;
}

export function toTextEdits(doc: TextDocument, edits: Edit[]): lsp.TextEdit[] {
  return edits.map((e) => lsp.TextEdit.replace(toRange(doc, e), e.newText));
}

export function toWorkspaceEdit(doc: TextDocument, edits: Edit[]): lsp.WorkspaceEdit {
  // Versioned edit: a client must refuse it when the document changed since.
  return {
    documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: toTextEdits(doc, edits) }],
  };
}

export function fixAction(doc: TextDocument, fix: Fix, diagnostic: lsp.Diagnostic | undefined): lsp.CodeAction {
  const action = lsp.CodeAction.create(fix.title, toWorkspaceEdit(doc, fix.edits), lsp.CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  if (fix.preferred && fix.safety === 'safe') action.isPreferred = true;
  return action;
}

export function sameRange(a: lsp.Range, b: lsp.Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
