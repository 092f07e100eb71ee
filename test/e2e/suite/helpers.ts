// Shared helpers for the editor suite: the workspace, opening files, and polling (never sleeping)
// for what the language server publishes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kafka-reliability-lint.kafka-reliability-lint';
export const SOURCE = 'kafka-lint';

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the test workspace open (test/e2e-workspace, copied by the runner)');
  return folder.uri.fsPath;
}

export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceDir(), rel));
}

export function onDisk(rel: string): string {
  return fs.readFileSync(path.join(workspaceDir(), rel), 'utf8');
}

/** Opens a workspace file in an editor (kept open: documents without an editor may be disposed). */
export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
}

/**
 * Polls `probe` until it returns something other than undefined/false, and returns that.
 * On timeout the error says what was awaited and what was last seen.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000, describe?: () => unknown): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      last = describe ? describe() : v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${typeof last === 'string' ? last : JSON.stringify(last, null, 1)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** "rule@line" (1-based, as the editor shows it), sorted: easy to compare and to read in a failure. */
export function summary(uri: vscode.Uri): string[] {
  return ours(uri)
    .map((d) => `${codeOf(d)}@${d.range.start.line + 1}`)
    .sort();
}

/** Waits until the kafka-lint diagnostics of `uri` are exactly `expected` ("rule@line", any order). */
export async function expectDiagnostics(uri: vscode.Uri, expected: string[], timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort();
  await waitFor(
    `${vscode.workspace.asRelativePath(uri)} to have diagnostics ${JSON.stringify(want)}`,
    () => JSON.stringify(summary(uri)) === JSON.stringify(want),
    timeoutMs,
    () => summary(uri),
  );
  return ours(uri);
}

export function find(uri: vscode.Uri, rule: string, line: number): vscode.Diagnostic {
  const d = ours(uri).find((x) => codeOf(x) === rule && x.range.start.line + 1 === line);
  assert.ok(d, `no ${rule} diagnostic on line ${line} of ${uri.fsPath}: ${JSON.stringify(summary(uri))}`);
  return d;
}

/** The position of the first occurrence of `needle` on 1-based `line`, plus `offset` characters. */
export function at(doc: vscode.TextDocument, line: number, needle: string, offset = 0): vscode.Position {
  const text = doc.lineAt(line - 1).text;
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not on line ${line}: ${JSON.stringify(text)}`);
  return new vscode.Position(line - 1, i + offset);
}

export async function hoverText(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  // A bare Command has a string `command`; a CodeAction has an object or none.
  return all.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies a code action the way the light bulb does: its edit, then its command. */
export async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `could not apply "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Every kafka-lint diagnostic ever published during the run, by URI: the "quiet" checks look here. */
export const seen = new Map<string, Set<string>>();
let recording: vscode.Disposable | undefined;
export function recordDiagnostics(): void {
  if (recording) return;
  recording = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) {
      for (const d of ours(uri)) {
        const key = uri.toString();
        if (!seen.has(key)) seen.set(key, new Set());
        seen.get(key)!.add(`${codeOf(d)}@${d.range.start.line + 1}`);
      }
    }
  });
}

export async function setSetting(section: string, value: unknown, language?: string): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(undefined, language ? { languageId: language } : undefined);
  await cfg.update(section, value, vscode.ConfigurationTarget.Workspace, language ? true : undefined);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
