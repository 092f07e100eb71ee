// Bundles the three entry points the extension and the CLI run: client, server, CLI.
// tsc only type-checks and builds the tests; what ships is these bundles.
import * as esbuild from 'esbuild';

// Minified by default: the server's start-up time is parse time of this file (about 40% less
// minified). `--dev` keeps it readable; source maps are written beside the bundles either way
// (linked, so they cost nothing unless node runs with --enable-source-maps).
const production = process.argv.includes('--production');
const dev = process.argv.includes('--dev') && !production;
const watch = process.argv.includes('--watch');

const common = {
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
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server-main.js' },
  // The process entry: loads server-main.js through a V8 code cache (see launch.ts).
  { entryPoints: ['server/src/launch.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
