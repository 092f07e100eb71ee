// A language server under measurement: spawned over stdio, spoken to with JSON-RPC, every
// publishDiagnostics timestamped on arrival.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Published {
  uri: string;
  version?: number;
  count: number;
  at: number;
}

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  /** Answers to workspace/configuration, by section. */
  configuration: Record<string, unknown>;
  /** Merged over this process's environment (as vscode-languageclient merges its server options' env). */
  env?: NodeJS.ProcessEnv;
}

export class BenchServer {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly spawnedAt: number;
  private waiters: Array<{ uri: string; version: number | undefined; resolve: (p: Published) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }> = [];
  private last = new Map<string, Published>();
  private versions = new Map<string, number>();
  stderr = '';

  constructor(readonly spec: ServerSpec) {
    this.spawnedAt = performance.now();
    this.proc = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...spec.env } });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((i) => (i.section !== undefined && i.section in spec.configuration ? spec.configuration[i.section] : null)),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('telemetry/event', () => undefined);
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const at = performance.now();
      const pub: Published = { uri: p.uri, version: p.version, count: p.diagnostics.length, at };
      this.last.set(p.uri, pub);
      const still: typeof this.waiters = [];
      for (const w of this.waiters) {
        if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version === w.version) && p.diagnostics !== undefined) {
          clearTimeout(w.timer);
          w.resolve(pub);
        } else still.push(w);
      }
      this.waiters = still;
    });
    this.conn.listen();
  }

  async initialize(rootDir: string): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      locale: 'en',
      rootUri: pathToFileURL(rootDir).href,
      workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
  }

  /**
   * Diagnostics for uri (at a version, when the server reports versions). Servers that do not
   * send a version (yaml-language-server) are matched on the first publication after the call.
   */
  diagnostics(uri: string, version: number | undefined, timeoutMs = 60_000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.spec.name}: no diagnostics for ${uri} v${version} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, version, resolve, reject, timer });
    });
  }

  /** Open a document; resolves with the time from sending to its diagnostics. */
  async open(filePath: string, languageId: string, text: string): Promise<{ ms: number; uri: string; count: number }> {
    const uri = pathToFileURL(filePath).href;
    this.versions.set(uri, 1);
    const wait = this.diagnostics(uri, 1);
    const t0 = performance.now();
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const p = await wait;
    return { ms: p.at - t0, uri, count: p.count };
  }

  async close(uri: string): Promise<void> {
    const wait = this.diagnostics(uri, undefined, 10_000).catch(() => undefined);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await wait;
  }

  /** Replace [start, end) (line/character) with text; resolves with the time to the new version's diagnostics. */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    const wait = this.diagnostics(uri, v);
    const t0 = performance.now();
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text }] });
    const p = await wait;
    return p.at - t0;
  }

  /** When the last diagnostics for uri arrived. */
  lastPublishedAt(uri: string): number {
    const p = this.last.get(uri);
    if (!p) throw new Error(`${this.spec.name}: nothing published for ${uri}`);
    return p.at;
  }

  /** Resident set size of the server process, from /proc. */
  rssMB(): number {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (!m) throw new Error(`no VmRSS for ${this.spec.name}`);
    return Number(m[1]) / 1024;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 100));
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
