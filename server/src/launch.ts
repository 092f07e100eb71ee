// Entry point of the language server process (server/out/server.js). It loads the bundled server
// (server-main.js) through a V8 code cache kept in a per-user folder in the OS temp folder, keyed
// by the bundle, the Node version and its options: compiling the ~0.9 MB bundle is a third of
// start-up, and a cached start skips it. Then it sets the server's V8 flags (serverProcess.ts).
// Any problem with the cache (missing, damaged, made under other flags, a folder we cannot trust)
// falls back to compiling normally; the cache is only an optimisation.

import fs = require('node:fs');
import Module = require('node:module');
import os = require('node:os');
import path = require('node:path');
import vm = require('node:vm');
import v8 = require('node:v8');
import { setV8Flags } from './serverProcess.js';

interface NodeModuleInternals {
  _nodeModulePaths(dir: string): string[];
}

/**
 * A file name for the cache key: two 32-bit FNV-1a hashes (different offsets) in hex. Not
 * `crypto`: loading that module cost ~14 ms of the server's start, and the key only has to tell
 * builds and Node options apart.
 */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * The cache folder, or undefined when it cannot be trusted. The cache holds bytecode the server
 * runs, and the temp folder is shared: the folder must be ours (per user, owned by us, writable by
 * nobody else).
 */
function cacheDir(create: boolean): string | undefined {
  const uid = process.getuid?.();
  const dir = path.join(os.tmpdir(), uid === undefined ? 'kafka-lint-v8-cache' : `kafka-lint-v8-cache-${uid}`);
  try {
    if (create) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

// A cache file is an 8-byte header (magic, length of the data) and V8's data. V8 checks the data
// against the checksum in it only under --verify-snapshot-checksum (off in release builds); a
// damaged cache it does not check can make it abort with a fatal error (seen in a test). The
// server turns the check on while it hands V8 a cache, so a damaged one is rejected and written
// again. Checking in V8's C++ took ~0.6 ms for ~1.2 MB of cache; the checksum the server computed
// itself before, in JavaScript still cold at start-up, took ~3 ms.
//
// The flag is on only for that moment (`checked`), and while the cache is made: V8 stamps a cache
// with a hash of its flags, the cache it reads and Node's own alike. With the flag left on, Node
// rejected the cache of its built-in modules that the bundle loads after it (`net`, the streams,
// `url`) and compiled them from source: requiring five of them took 13-16 ms instead of 3-5 ms
// (5 fresh processes each).
const MAGIC = 0x4b4c4332;
const HEADER = 8;

/** Runs `f` (V8 reading or making a code cache) with V8's check of the cache's checksum on. */
function checked<T>(f: () => T): T {
  v8.setFlagsFromString('--verify-snapshot-checksum');
  try {
    return f();
  } finally {
    v8.setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

/** The V8 data of a cache file, or undefined when the file is missing, cut short or not in this format (V8 checks the data itself). */
function readCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined; // first start, or the cache was cleaned
  }
  if (bytes.length < HEADER || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== bytes.length - HEADER) return undefined;
  return bytes.subarray(HEADER);
}

// Each build of the server, Node version and set of Node options has a cache file of its own
// (~1 MB), and nothing else would ever remove the old ones: a folder that had seen many builds
// held 283 of them (297 MB). After writing a file the folder keeps the ones used last, and drops
// temporary files a write that died left behind. A cache that is read counts as used (its time is
// refreshed, at most hourly), so the one in use survives builds that come and go.
const KEEP_FILES = 8;
const CACHE_NAME = /^[0-9a-f]{16}\.bin$/;
const TMP_NAME = /^[0-9a-f]{16}\.bin\.\d+\.tmp$/;
const TMP_STALE_MS = 10 * 60_000;
const USED_REFRESH_MS = 60 * 60_000;

/** Removes all but the `KEEP_FILES` cache files used last (`own` among them) and stale temporary files. */
function prune(dir: string, own: string): void {
  const now = Date.now();
  const others: { name: string; mtimeMs: number }[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    // (per file: another server may be removing the same files)
    try {
      const cache = CACHE_NAME.test(name);
      if (!cache && !TMP_NAME.test(name)) continue; // not ours to remove
      const st = fs.lstatSync(path.join(dir, name));
      if (!st.isFile()) continue;
      if (cache) {
        if (name !== own) others.push({ name, mtimeMs: st.mtimeMs });
      } else if (now - st.mtimeMs > TMP_STALE_MS) fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // gone already
    }
  }
  others.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name } of others.slice(KEEP_FILES - 1)) {
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // gone already, or not ours after all
    }
  }
}

/** Marks a cache file V8 accepted as used (see `prune`). */
function markUsed(file: string): void {
  try {
    const now = Date.now();
    if (now - fs.statSync(file).mtimeMs > USED_REFRESH_MS) fs.utimesSync(file, new Date(now), new Date(now));
  } catch {
    // read-only or removed meanwhile: only the pruning order is affected
  }
}

function load(file: string): { main(): void } {
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const key = hash(`${process.version}|${process.arch}|${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}|${file}|${stat.size}|${stat.mtimeMs}`);
  const dir = cacheDir(false);
  const cacheFile = dir && path.join(dir, `${key}.bin`);
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const script = checked(() => new vm.Script(Module.wrap(source), { filename: file, cachedData }));
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = (Module as unknown as NodeModuleInternals)._nodeModulePaths(path.dirname(file));
  const req = (id: string) => mod.require(id);
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  if (cacheFile && cachedData && !script.cachedDataRejected) markUsed(cacheFile);
  if (!cachedData || script.cachedDataRejected) {
    // Written a moment after start-up (so it also holds what the first lint compiled), or at
    // exit if the process ends sooner.
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      const dir = cacheDir(true);
      if (!dir) return; // read-only temp folder, or one we cannot trust: start without a cache
      try {
        const target = path.join(dir, `${key}.bin`);
        const tmp = `${target}.${process.pid}.tmp`;
        // V8 stamps the cache with a hash of its flags and rejects it when they differ: made under
        // the tuned flags, it would never match the defaults the bundle is compiled under.
        setV8Flags('default');
        let data: Buffer;
        try {
          data = checked(() => script.createCachedData());
        } finally {
          setV8Flags('tuned');
        }
        const header = Buffer.alloc(HEADER);
        header.writeUInt32LE(MAGIC, 0);
        header.writeUInt32LE(data.length, 4);
        fs.writeFileSync(tmp, new Uint8Array(header));
        fs.appendFileSync(tmp, new Uint8Array(data.buffer, data.byteOffset, data.length));
        fs.renameSync(tmp, target);
      } catch {
        // a full disk, say: start without a cache next time too
      }
      prune(dir, `${key}.bin`);
    };
    // (KAFKA_LINT_CODE_CACHE_DELAY_MS: tests that need the cache made at exit)
    setTimeout(write, Number(process.env.KAFKA_LINT_CODE_CACHE_DELAY_MS) || 1000).unref();
    process.once('exit', write);
  }
  return mod.exports as { main(): void };
}

const bundle = path.join(__dirname, 'server-main.js');
let server: { main(): void };
try {
  server = process.env.KAFKA_LINT_NO_CODE_CACHE ? (require(bundle) as { main(): void }) : load(bundle);
} catch {
  server = require(bundle) as { main(): void };
}
server.main();
// After the modules the server needs are loaded (see serverProcess.ts).
setV8Flags('tuned');
