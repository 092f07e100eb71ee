// Shared by the CLI tests: temp projects, spawning the built CLI, SARIF schema validation.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** Compiled to out/test/cli/; the repository root is three levels up. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO_ROOT, 'bin', 'kafka-lint.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh directory under the OS temp dir, with the given files (parents created). */
export function tempProject(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cli-')));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, typeof content === 'string' ? content : new Uint8Array(content));
  }
}

export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Run bin/kafka-lint.js as a user would: a child process, stdout a pipe (not a TTY). */
export function runCli(args: string[], cwd: string, extra: SpawnSyncOptions = {}): CliResult {
  const env = { ...process.env, ...(extra.env ?? {}) };
  delete env.FORCE_COLOR;
  delete env.KAFKA_LINT_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { ...extra, cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export function readJson(text: string, stderr = ''): any {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}\n${text}${stderr ? `\nstderr:\n${stderr}` : ''}`);
  }
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Errors of a SARIF log against the official OASIS SARIF 2.1.0 (errata 01) schema; [] when valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validator) {
    const schema = readJson(fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  if (validator(log)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Lines of text-format output that report findings (`path:line:col severity rule message`). */
export function findingLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^.+?:\d+:\d+ (error|warning|info|hint) \S+ /.test(l));
}
