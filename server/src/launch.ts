// Entry point of the language server process (server/out/server.js). It loads the bundled server
// (server-main.js) through a V8 code cache kept in the OS temp folder, keyed by the bundle, the
// Node version and its options (V8 rejects a cache made under other flags): compiling the ~0.9 MB bundle is a third of start-up, and a cached start skips it.
// Any problem with the cache falls back to compiling normally; the cache is only an optimisation.

import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

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

function load(file: string): { main(): void } {
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const key = hash(`${process.version}|${process.arch}|${process.execArgv.join(' ')}|${file}|${stat.size}|${stat.mtimeMs}`);
  const dir = path.join(os.tmpdir(), 'kafka-lint-v8-cache');
  const cacheFile = path.join(dir, `${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // first start, or the cache was cleaned
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = (Module as unknown as NodeModuleInternals)._nodeModulePaths(path.dirname(file));
  const req = (id: string) => mod.require(id);
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    // Written a moment after start-up (so it also holds what the first lint compiled), or at
    // exit if the process ends sooner.
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, new Uint8Array(script.createCachedData()));
        fs.renameSync(tmp, cacheFile);
      } catch {
        // read-only temp folder: start without a cache next time too
      }
    };
    setTimeout(write, 1000).unref();
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
