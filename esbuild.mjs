// Bundles the three entry points the extension and the CLI run: client, server, CLI.
// tsc only type-checks and builds the tests; what ships is these bundles.
import * as esbuild from 'esbuild';

// Minified by default: the server's start-up time is parse time of this file (about 40% less
// minified). `--dev` keeps it readable; source maps are written beside the bundles either way
// (linked, so they cost nothing unless node runs with --enable-source-maps).
const production = process.argv.includes('--production');
const dev = process.argv.includes('--dev') && !production;
const watch = process.argv.includes('--watch');

// The yaml package reads `process.env.LOG_TOKENS` for every token its parser advances over and
// `process.env.LOG_STREAM` for every token its composer takes (debug printing). Each read of
// `process.env` is a call into the runtime (an environment lookup), and on a 10,000-line file
// those reads cost about a third of the parse. The bundles read each variable once, at load.
// The build fails if the package no longer has the lines, so an upgrade cannot drop this silently.
const YAML_ENV_READS = [
  { file: /[\\/]yaml[\\/]dist[\\/]parse[\\/]parser\.js$/, name: 'LOG_TOKENS' },
  { file: /[\\/]yaml[\\/]dist[\\/]compose[\\/]composer\.js$/, name: 'LOG_STREAM' },
];
const yamlEnvOnce = {
  name: 'yaml-env-once',
  setup(build) {
    for (const { file, name } of YAML_ENV_READS) {
      build.onLoad({ filter: file }, async (args) => {
        const fs = await import('node:fs/promises');
        const source = await fs.readFile(args.path, 'utf8');
        const read = `node_process.env.${name}`;
        if (!source.includes(read)) throw new Error(`esbuild.mjs: ${args.path} no longer reads ${read}; check the yaml-env-once plugin`);
        const once = `__kafkaLint_${name}`;
        return { contents: `${source.split(read).join(once)}\nvar ${once} = require('process').env.${name};\n`, loader: 'js' };
      });
    }
  },
};

const common = {
  plugins: [yamlEnvOnce],
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
