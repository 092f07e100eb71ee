// A minimal LSP client for protocol tests: starts the built server over stdio, answers
// workspace/configuration from a mutable settings object and records published diagnostics.

import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    source?: string;
    message: string;
    codeDescription?: { href: string };
    tags?: number[];
    relatedInformation?: { location: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }; message: string }[];
  }>;
}

export const SERVER_PATH = path.resolve(__dirname, '../../../server/out/server.js');

export class TestClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  settings: Record<string, unknown> = { enable: true, rules: {} };
  readonly published = new Map<string, PublishedDiagnostics>();
  private waiters: Array<() => void> = [];
  stderr = '';
  logs: string[] = [];
  private versions = new Map<string, number>();

  constructor(env: NodeJS.ProcessEnv = {}) {
    this.proc = spawn(process.execPath, [SERVER_PATH, '--stdio'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (params: any) =>
      (params.items as Array<{ section?: string }>).map((i) => (i.section === 'kafkaLint' ? this.settings : null)),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.set(p.uri, p);
      const w = this.waiters;
      this.waiters = [];
      for (const f of w) f();
    });
    this.conn.listen();
  }

  async initialize(locale = 'en', rootDir?: string): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      locale,
      rootUri: rootDir ? pathToFileURL(rootDir).href : null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(filePath: string, text: string, languageId: string): string {
    const uri = pathToFileURL(filePath).href;
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, text: string): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return v;
  }

  /** Incremental change: replace a range. */
  changeRange(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    return this.changeRanges(uri, [{ range, text }]);
  }

  /** Several incremental changes in one notification, each against the text the one before left. */
  changeRanges(uri: string, changes: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: changes });
    return v;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Wait (without sleeping blindly) until published diagnostics for uri satisfy pred. */
  async waitFor(uri: string, pred: (p: PublishedDiagnostics) => boolean, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.published.get(uri);
      if (p && pred(p)) return p;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out waiting for diagnostics on ${uri}; last: ${JSON.stringify(p?.diagnostics.map((d) => [d.code, d.range.start.line, d.message]))}\nstderr: ${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Diagnostics for the document's current version. */
  waitForVersion(uri: string): Promise<PublishedDiagnostics> {
    const v = this.version(uri);
    return this.waitFor(uri, (p) => p.version === v);
  }

  async shutdown(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit').catch(() => undefined);
    } catch {
      // already gone
    }
    // The server exits on `exit`; kill it only if it does not within a moment.
    const timer = setTimeout(() => this.proc.kill(), 2000);
    await exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}

/** A code action as the server sends it (the parts the tests read). */
export interface Action {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  command?: { command: string; arguments?: unknown[] };
  diagnostics?: Array<{ code?: string | number }>;
  edit?: { documentChanges?: Array<{ textDocument: { uri: string; version: number }; edits: Parameters<typeof applyTextEdits>[1] }> };
}

/** Where each line starts, with LSP's line ends: `\r\n`, `\n` and a lone `\r`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue; // the \n ends the line
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The LSP position (UTF-16) of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** Apply LSP TextEdits (line/character, UTF-16) to a text. */
export function applyTextEdits(
  text: string,
  edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>,
): string {
  const starts = lineStarts(text);
  const off = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
