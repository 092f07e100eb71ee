#!/usr/bin/env node
'use strict';
// Thin launcher: the command line lives in out/server/src/cli.js (built by `npm run build`).
const path = require('node:path');

// Prefer the bundle (one file, fast start; what the extension ships), else the tsc output.
const bundlePath = path.join(__dirname, '..', 'server', 'out', 'cli.js');
const cliPath = path.join(__dirname, '..', 'out', 'server', 'src', 'cli.js');
let cli;
try {
  cli = require(require('node:fs').existsSync(bundlePath) ? bundlePath : cliPath);
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(cliPath)) {
    process.stderr.write('kafka-lint: not built yet; run `npm run build` in ' + path.join(__dirname, '..') + '\n');
    process.exitCode = 2;
  } else {
    throw e;
  }
}
if (cli) cli.main();
