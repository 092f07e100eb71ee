// Bundles the three entry points the extension and the CLI run: client, server, CLI.
// tsc only type-checks and builds the tests; what ships is these bundles.
import * as esbuild from 'esbuild';

// Minified by default: the server's start-up time is parse time of this file (about 40% less
// minified). `--dev` keeps it readable; source maps are written beside the bundles either way
// (linked, so they cost nothing unless node runs with --enable-source-maps).
const production = process.argv.includes('--production');
const dev = process.argv.includes('--dev') && !production;
const watch = process.argv.includes('--watch');

// The `yaml` package ships two builds of the same source: CommonJS for Node (`dist/`) and ES
// modules (`browser/dist/`). The bundles take the ES one. Imported from CommonJS, every use of a
// yaml export goes through a getter esbuild adds for interop, and the Node build reads
// `process.env.LOG_TOKENS` for every token its parser advances over and `process.env.LOG_STREAM`
// for every token its composer takes (each an environment lookup in the runtime; together about a
// third of a 10,000-line parse). The ES build has neither; the code is otherwise the same (it
// differs only in how `!!binary` decodes and how warnings are printed, neither of which we use).
const yamlEsm = {
  name: 'yaml-esm',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, async () => {
      const { createRequire } = await import('node:module');
      const pkg = createRequire(import.meta.url).resolve('yaml/package.json');
      const { dirname, join } = await import('node:path');
      return { path: join(dirname(pkg), 'browser', 'index.js') };
    });
  },
};

// The language server library requires `crypto` (random pipe names) and `child_process` (finding
// global node/yarn folders) when it loads, for transports and helpers this server never uses;
// loading them took ~8 ms each of a ~200 ms server start on the benchmark machine (CPU profile of
// a start). In the server bundle they are loaded on first use instead.
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(crypto|child_process)$/ }, (args) =>
      // The proxy's own require is the real module.
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let m; const load = () => (m ??= require('node:${args.path}'));
module.exports = new Proxy({}, {
  get: (_, k) => load()[k],
  has: (_, k) => k in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, k) => { const d = Object.getOwnPropertyDescriptor(load(), k); return d && { ...d, configurable: true }; },
});`,
      loader: 'js',
    }));
  },
};

// The server's own files import CommonJS modules (the language server library, Node's built-ins)
// with `import x = require('…')`. For `import * as x` or `import { … }` of a CommonJS module,
// esbuild gives the importing file a copy of the module made with a getter per export (its
// `__toESM`), built while the server starts: ~1,000 getters for the library's two entry points
// and node:fs, ~3 ms of a start under the CPU profiler (esbuild's copy helper, self time). `import
// x = require` is a plain `require` (test/meta/imports.test.ts keeps it that way).
const common = {
  plugins: [yamlEsm],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: !dev,
  logLevel: 'warning',
  // The yaml package's browser field would pick the wrong build.
  mainFields: ['module', 'main'],
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server-main.js', plugins: [yamlEsm, lazyBuiltins] },
  // The process entry: loads server-main.js through a V8 code cache (see launch.ts).
  { entryPoints: ['server/src/launch.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  // V8 keeps a script's source in memory, in one byte per character only when every character
  // fits: one Chinese character in a regular expression literal (esbuild escapes strings, not
  // those) made the server's ~0.85 MB source take 1.7 MB of its heap. Written as strings instead
  // (server/src/engine/l10n.ts withZh); this keeps it that way.
  const { readFileSync } = await import('node:fs');
  for (const b of builds) {
    const text = readFileSync(b.outfile, 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    if (at >= 0) throw new Error(`${b.outfile} is not ASCII at offset ${at} (${JSON.stringify(text.slice(Math.max(0, at - 60), at + 20))}): write non-ASCII text in strings, not regular expression literals`);
  }
}
