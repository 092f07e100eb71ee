// The environment the language server process is started with.
//
// Node reads the certificate file named by NODE_EXTRA_CA_CERTS while it starts, before any of
// our code runs, and builds a certificate store from it and its bundled roots: ~80 ms of every
// server start on the 2-core benchmark machines (`node -e 0`: 40 ms without it, 120 ms with it).
// Corporate networks set it for their TLS proxy. The server reads files and speaks over stdio or
// IPC; it never opens a TLS connection, so it starts without the variable.
//
// On Linux the server also starts with glibc's allocator told to keep one arena and to give
// freed memory at the top of the heap back above 128 KB (MALLOC_ARENA_MAX, MALLOC_TRIM_THRESHOLD_).
// By default each thread that allocates gets an arena of its own, and V8's compiler and collector
// threads leave memory behind in theirs after a large file is read: with the benchmark files
// open the server's resident size was ~5 MB lower with these two (probe of 4 starts each, 86-88
// against 89-96 MB), and opens and typing were no slower. A value the user set is kept. Other C
// libraries (musl) and other systems ignore the variables.
//
// Everything else is passed on unchanged.

/** The variables the server does without (it makes no network connections). */
const UNUSED = ['NODE_EXTRA_CA_CERTS'];

/** glibc allocator settings for the server on Linux (see above). */
const MALLOC: Record<string, string> = { MALLOC_ARENA_MAX: '1', MALLOC_TRIM_THRESHOLD_: '131072' };

/**
 * Overrides for the server's environment: each variable it does without, set to undefined, and
 * on Linux the allocator settings the environment does not set already. The language client
 * merges these over its own environment, and child_process leaves variables whose value is
 * undefined out of the new process (`{ ...process.env, ...overrides }` is the environment the
 * server gets).
 */
export function serverEnvOverrides(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  // (Windows environment names are case-insensitive)
  for (const k of Object.keys(env)) if (UNUSED.includes(k.toUpperCase())) out[k] = undefined;
  if (platform === 'linux') for (const [k, v] of Object.entries(MALLOC)) if (env[k] === undefined) out[k] = v;
  return out;
}
