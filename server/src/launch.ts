// Entry point of the language server process (server/out/server.js). It loads the bundled server
// (server-main.js) through a V8 code cache kept in the OS temp folder, keyed by the bundle, the
// Node version and its options (V8 rejects a cache made under other flags): compiling the ~0.9 MB bundle is a third of start-up, and a cached start skips it.
// Any problem with the cache falls back to compiling normally; the cache is only an optimisation.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface NodeModuleInternals {
  _nodeModulePaths(dir: string): string[];
}

function load(file: string): { main(): void } {
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const key = crypto.createHash('sha256').update(`${process.version}|${process.arch}|${process.execArgv.join(' ')}|${file}|${stat.size}|${stat.mtimeMs}`).digest('hex').slice(0, 24);
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
