// The server process entry (server/out/server.js): its V8 code cache must be accepted on the next
// start although the server changes V8's flags while it runs (V8 stamps a cache with a hash
// of the flags in force when it is made; launch.ts makes it under the defaults).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { SERVER_PATH, TestClient } from './lspClient.js';

/** Starts the server, lints a file and stops it. `large`: also opens a file large enough to be read
 *  with V8's own heap growth and edits it, which runs a full collection (serverProcess.ts), before
 *  the cache is written. */
async function startLintStop(tmp: string, work: string, large = false): Promise<void> {
  // With `large`, the cache is made at exit, after the collection.
  const client = new TestClient({ TMPDIR: tmp, TMP: tmp, TEMP: tmp, ...(large ? { KAFKA_LINT_CODE_CACHE_DELAY_MS: '60000' } : {}) });
  // A server that dies leaves requests unanswered: fail with its exit instead of waiting forever.
  const died = new Promise<never>((_, reject) =>
    client.proc.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before it linted: ${client.stderr.slice(0, 400)}`))),
  );
  try {
    await Promise.race([client.initialize('en', work), died]);
    const uri = client.open(path.join(work, 'producer.properties'), 'bootstrap.servers=kafka:9092\nacks=1\n', 'properties');
    const p = await Promise.race([client.waitFor(uri, () => true), died]);
    assert.ok(p.diagnostics.some((d) => d.code === 'acks'), 'the server lints');
    if (large) {
      const big = 'bootstrap.servers=kafka:9092\n' + Array.from({ length: 4000 }, (_, i) => `# padding line ${i} of a large file\n`).join('') + 'acks=0\n';
      const bigUri = client.open(path.join(work, 'large.properties'), big, 'properties');
      await Promise.race([client.waitFor(bigUri, (x) => x.diagnostics.some((d) => d.code === 'acks')), died]);
      client.change(bigUri, big + 'retries=0\n');
      await Promise.race([client.waitForVersion(bigUri), died]);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    died.catch(() => undefined);
    await client.shutdown();
  }
}

/** The cache files under tmp (in the server's per-user folder), with their identity. */
function cacheFiles(tmp: string): { file: string; ino: number; mtimeMs: number }[] {
  const out: { file: string; ino: number; mtimeMs: number }[] = [];
  for (const d of fs.readdirSync(tmp).filter((n) => n.startsWith('kafka-lint-v8-cache'))) {
    for (const n of fs.readdirSync(path.join(tmp, d)).filter((x) => x.endsWith('.bin'))) {
      const file = path.join(tmp, d, n);
      const st = fs.statSync(file);
      out.push({ file, ino: st.ino, mtimeMs: st.mtimeMs });
    }
  }
  return out;
}

describe('server start: V8 code cache', () => {
  it('is written on the first start, accepted on the next (not rewritten), and replaced when damaged, without a crash', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cache-'));
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cache-work-'));
    try {
      await startLintStop(tmp, work, true);
      const first = cacheFiles(tmp);
      assert.equal(first.length, 1, 'one cache file after the first start');

      await startLintStop(tmp, work);
      assert.deepEqual(cacheFiles(tmp), first, 'a cache V8 accepts is left as it is');

      // A damaged cache is rejected (V8 checks it under the --verify-snapshot-checksum the server
      // sets; unchecked, V8 aborts on one) and replaced; this is also the control showing that
      // the check above sees a rewrite.
      const file = first[0].file;
      const bytes = new Uint8Array(fs.readFileSync(file));
      for (let i = 64; i < bytes.length; i += 97) bytes[i] ^= 0xff;
      fs.writeFileSync(file + '.new', bytes);
      fs.renameSync(file + '.new', file);
      const corrupted = cacheFiles(tmp);
      await startLintStop(tmp, work);
      const after = cacheFiles(tmp);
      assert.equal(after.length, 1);
      assert.notEqual(after[0].ino, corrupted[0].ino, 'a damaged cache is written again');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('is not used from a cache folder other users can write to', { skip: process.getuid === undefined ? 'no user ids on this platform' : false }, async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cache-'));
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cache-work-'));
    try {
      const shared = path.join(tmp, `kafka-lint-v8-cache-${process.getuid!()}`);
      fs.mkdirSync(shared);
      fs.chmodSync(shared, 0o777);
      await startLintStop(tmp, work);
      assert.deepEqual(cacheFiles(tmp), [], 'nothing written to (or read from) a folder others can write');
      fs.chmodSync(shared, 0o700);
      await startLintStop(tmp, work);
      assert.equal(cacheFiles(tmp).length, 1, 'control: the same folder is used once it is private');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('keeps the cache files used last and removes older ones and stale temporary files, leaving other files alone', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cache-'));
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cache-work-'));
    try {
      const uid = process.getuid?.();
      const dir = path.join(tmp, uid === undefined ? 'kafka-lint-v8-cache' : `kafka-lint-v8-cache-${uid}`);
      fs.mkdirSync(dir, { mode: 0o700 });
      fs.chmodSync(dir, 0o700);
      const day = 24 * 3600_000;
      const at = (file: string, msAgo: number) => {
        const t = new Date(Date.now() - msAgo);
        fs.utimesSync(file, t, t);
      };
      // Ten caches of other builds, used 1 to 10 days ago.
      const old = Array.from({ length: 10 }, (_, i) => path.join(dir, `${(0xa0 + i).toString(16).padStart(16, '0')}.bin`));
      old.forEach((f, i) => {
        fs.writeFileSync(f, 'x');
        at(f, (i + 1) * day);
      });
      const staleTmp = path.join(dir, `${'b'.repeat(16)}.bin.4242.tmp`);
      const freshTmp = path.join(dir, `${'c'.repeat(16)}.bin.4343.tmp`);
      const notOurs = path.join(dir, 'notes.txt');
      for (const f of [staleTmp, freshTmp, notOurs]) fs.writeFileSync(f, 'x');
      at(staleTmp, 3600_000);
      at(notOurs, 30 * day);

      await startLintStop(tmp, work);
      const bins = fs.readdirSync(dir).filter((n) => n.endsWith('.bin'));
      const own = bins.filter((n) => !old.includes(path.join(dir, n)));
      assert.equal(own.length, 1, 'the new cache was written');
      assert.deepEqual(
        bins.filter((n) => n !== own[0]).sort(),
        old.slice(0, 7).map((f) => path.basename(f)).sort(),
        'eight kept: the new one and the seven used last',
      );
      assert.ok(!fs.existsSync(staleTmp), 'a temporary file a dead write left is removed');
      assert.ok(fs.existsSync(freshTmp), 'a temporary file being written is left alone');
      assert.ok(fs.existsSync(notOurs), 'a file that is not a cache is left alone');

      // A cache V8 accepts counts as used: its time is refreshed, so it outlives newer builds.
      const ownFile = path.join(dir, own[0]);
      at(ownFile, 3 * day);
      await startLintStop(tmp, work);
      assert.ok(Date.now() - fs.statSync(ownFile).mtimeMs < 600_000, 'the cache read is marked as used');
      assert.equal(fs.readdirSync(dir).filter((n) => n.endsWith('.bin')).length, 8, 'a start that reads the cache writes nothing');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  // V8 stamps every code cache with a hash of its flags, Node's cached built-in modules too: a
  // flag the launcher left changed (the cache check it turns on to read its own cache) made Node
  // compile the built-ins the server loads afterwards from source. A code cache made in the
  // server's process at exit must be accepted by a process with V8's default flags.
  it("leaves V8's flags as it found them once it has read its cache (Node's own cached modules stay usable)", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-cache-'));
    try {
      const probe = path.join(tmp, 'probe.js');
      const out = path.join(tmp, 'probe.bin');
      const SOURCE = JSON.stringify('kafka-lint flag probe');
      fs.writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, new (require('vm').Script)(${JSON.stringify(SOURCE)}).createCachedData()));`);
      const accepted = () => {
        const r = spawnSync(process.execPath, ['-e', `const d = require('fs').readFileSync(${JSON.stringify(out)}); process.stdout.write(String(!new (require('vm').Script)(${JSON.stringify(SOURCE)}, { cachedData: d }).cachedDataRejected));`], { encoding: 'utf8' });
        return r.stdout;
      };
      // (KAFKA_LINT_V8_DEFAULTS: without the flags the server tunes on purpose; stdin closed: it starts and ends.)
      const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, KAFKA_LINT_V8_DEFAULTS: '1' };
      for (const start of ['first start (writes the cache)', 'second start (reads it)']) {
        fs.rmSync(out, { force: true });
        const r = spawnSync(process.execPath, ['-r', probe, SERVER_PATH, '--stdio'], { env, input: '', encoding: 'utf8', timeout: 60_000 });
        assert.ok(fs.existsSync(out), `${start}: the probe ran (${r.status ?? r.signal}: ${r.stderr.slice(0, 300)})`);
        assert.equal(accepted(), 'true', `${start}: V8's flags at exit are its defaults`);
      }
      assert.equal(cacheFiles(tmp).length, 1, 'the second start had a cache to read');
      // Control: the probe tells a changed flag apart.
      fs.rmSync(out, { force: true });
      spawnSync(process.execPath, ['--verify-snapshot-checksum', '-r', probe, '-e', '0'], { encoding: 'utf8' });
      assert.equal(accepted(), 'false', 'control: a cache made under another flag is rejected');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
