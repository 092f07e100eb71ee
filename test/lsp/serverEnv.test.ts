// The client starts the server without NODE_EXTRA_CA_CERTS and, on Linux, with glibc's allocator
// settings (client/src/serverEnv.ts): the overrides, merged over the environment the way
// vscode-languageclient merges its server options' env, must leave the variable out of the child
// process, add the allocator settings the user did not set, and keep everything else.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { serverEnvOverrides } from '../../client/src/serverEnv.js';

const childEnv = (env: NodeJS.ProcessEnv): Record<string, string> =>
  JSON.parse(execFileSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.env))'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));

test('the server process starts without NODE_EXTRA_CA_CERTS and with the rest of the environment', () => {
  const parent: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/extra-ca.pem', KAFKA_LINT_PROBE: 'kept' };
  // vscode-languageclient (getEnvironment): process.env first, then the server options' env over it.
  const merged = { ...parent, ...serverEnvOverrides(parent) };
  const seen = childEnv(merged);
  assert.equal(seen.NODE_EXTRA_CA_CERTS, undefined);
  assert.equal(seen.KAFKA_LINT_PROBE, 'kept');
  assert.equal(seen.PATH, process.env.PATH);
  // Control: without the overrides the child does see it.
  assert.equal(childEnv(parent).NODE_EXTRA_CA_CERTS, '/nonexistent/extra-ca.pem');
});

test('no overrides when the variable is not set, on systems other than Linux', () => {
  const { NODE_EXTRA_CA_CERTS: _, ...rest } = process.env;
  assert.deepEqual(serverEnvOverrides(rest, 'darwin'), {});
  assert.deepEqual(serverEnvOverrides(rest, 'win32'), {});
});

test('on Linux the server starts with one allocator arena and a 128 KB trim threshold, unless the user set them', () => {
  const { NODE_EXTRA_CA_CERTS: _, MALLOC_ARENA_MAX: _a, MALLOC_TRIM_THRESHOLD_: _t, ...rest } = process.env;
  const seen = childEnv({ ...rest, ...serverEnvOverrides(rest, 'linux') });
  assert.equal(seen.MALLOC_ARENA_MAX, '1');
  assert.equal(seen.MALLOC_TRIM_THRESHOLD_, '131072');
  const own = { ...rest, MALLOC_ARENA_MAX: '4' };
  const seenOwn = childEnv({ ...own, ...serverEnvOverrides(own, 'linux') });
  assert.equal(seenOwn.MALLOC_ARENA_MAX, '4');
  assert.equal(seenOwn.MALLOC_TRIM_THRESHOLD_, '131072');
});
