// The environment the language server process is started with.
//
// Node reads the certificate file named by NODE_EXTRA_CA_CERTS while it starts, before any of
// our code runs, and builds a certificate store from it and its bundled roots: ~80 ms of every
// server start on the 2-core benchmark machines (`node -e 0`: 40 ms without it, 120 ms with it).
// Corporate networks set it for their TLS proxy. The server reads files and speaks over stdio or
// IPC; it never opens a TLS connection, so it starts without the variable. Everything else is
// passed on unchanged.

/** The variables the server does without (it makes no network connections). */
const UNUSED = ['NODE_EXTRA_CA_CERTS'];

/**
 * Overrides for the server's environment: each variable it does without, set to undefined. The
 * language client merges these over its own environment, and child_process leaves variables
 * whose value is undefined out of the new process (`{ ...process.env, ...overrides }` is the
 * environment the server gets).
 */
export function serverEnvOverrides(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  // (Windows environment names are case-insensitive)
  for (const k of Object.keys(env)) if (UNUSED.includes(k.toUpperCase())) out[k] = undefined;
  return out;
}
