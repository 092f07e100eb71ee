// How the language server process tunes V8 (its heap, and how much its optimizing compiler
// inlines). The VS Code client and the benchmark start it with no Node options (`node
// server/out/server.js --stdio` for any other editor): the server sets these V8 flags itself
// (launch.ts) once the modules it needs are loaded.
//
// Why not Node options on the command line: V8 stamps every code cache with a hash of its flags,
// so any V8 option (even a heap size) makes Node reject its own cached builtins and compile each
// module it loads after start-up from source (`net` took ~12 ms instead of ~3). With the options
// below on the command line the server started ~30 ms slower (median of 7 starts, 193-200 ms
// against 166 ms without them, alternating probe runs). Set at run time after the start, these
// flags, which V8 reads while running, keep their effect and the builtins keep their cache.
//
// A language server holds a few parsed files and makes short-lived garbage on every keystroke:
//   - `--semi-space-growth-factor=1`: the young generation starts small and V8 doubles it (up to
//     16 MB per semi-space) whenever many objects survive a scavenge, which parsing a large file
//     does; that garbage then piles up to tens of megabytes before each scavenge. Not growing it
//     keeps the resident size ~25 MB lower with the benchmark files open (127 -> 99 MB, probe);
//     opening the 10,000-line Spring file was no slower in alternating probe runs.
//   - `--heap-growing-percent=50`: after a full collection V8 lets the old generation grow to up
//     to 4x what survived before the next one. While typing in the four benchmark files (~43 MB
//     live) the resident size then swung between 143 and 235 MB from one sample to the next; at
//     1.5x it stays flat over 1,000 edits.
// And the compiler's inlining limit (compilerFlags.ts), lowered for the first lints of a large file;
// the very first large read of the process runs without the optimizing compiler (`largeRead`).
// `default` is V8's own value, restored while the code cache is written (launch.ts).

import v8 = require('node:v8');
import vm = require('node:vm');
import { INLINING } from './compilerFlags.js';

const SEMI_SPACE = { flag: '--semi-space-growth-factor', tuned: '1', default: '2' };
const GROWING = { flag: '--heap-growing-percent', tuned: '50', default: '0' };
const FLAGS = [SEMI_SPACE, GROWING, INLINING];

/** Set to false by KAFKA_LINT_V8_DEFAULTS=1 (V8's defaults for all of these, for comparisons). */
const TUNING = !process.env.KAFKA_LINT_V8_DEFAULTS;

/** Sets the flags above to the tuned values or back to V8's defaults. */
export function setV8Flags(which: 'tuned' | 'default'): void {
  if (TUNING) v8.setFlagsFromString(FLAGS.map((f) => `${f.flag}=${f[which]}`).join(' '));
}

/**
 * Runs `read` (a whole large document being read) with V8's own heap growth: at 1.5x, reading a
 * 10,000-line file ran several full collections while its data piled up (open ~170-190 ms
 * instead of ~100-120 ms, alternating probe runs). The tuned growth is back for the next edits,
 * but the limit V8 set during the read (up to 4x what survived) holds until the next full
 * collection: typing after opening the benchmark files then let the resident size climb to 231 MB
 * before settling at ~120 MB. So the first edit after such a read is followed by one full
 * collection (`edited`), which sets the limit by the tuned growth. Not sooner: a collection while
 * idle after the read made the next large read start under a low limit (the benchmark's opens,
 * which come with pauses between them, took ~250 ms instead of ~150).
 *
 * The process's first such read also runs without V8's optimizing compiler (`--no-opt`, back on
 * when it ends). That read is nearly always the server's cold start (the file VS Code restores or
 * the user opens first; code optimized before it, after small files, stays optimized). Its code
 * runs in the interpreter and the baseline compiler: what TurboFan compiles for it on the other
 * core arrives too late to speed it up, and those jobs take CPU from the read and the collector.
 * Without them the first lint of the 10,000-line Spring file took 126 instead of 147 ms and 125
 * instead of 139 (medians of 6 and 8 alternating in-process runs), and server start to its first
 * diagnostics 205 instead of 230 ms (`didOpen` to diagnostics 130 against 149; medians of 16
 * alternating starts, 2026-11-23). Later reads and every edit optimize as usual: by then the
 * hot functions have the feedback to be compiled well.
 */
export function largeRead<T>(read: () => T): T {
  if (!TUNING) return read();
  const first = !firstReadDone;
  firstReadDone = true;
  v8.setFlagsFromString(`${GROWING.flag}=${GROWING.default}${first ? ' --no-opt' : ''}`);
  try {
    return read();
  } finally {
    v8.setFlagsFromString(`${GROWING.flag}=${GROWING.tuned}${first ? ' --opt' : ''}`);
    collectPending = true;
  }
}

/** Called after a document was linted again after an edit: runs the collection a large read left pending, once the diagnostics are out. */
export function edited(): void {
  if (!collectPending) return;
  collectPending = false;
  setImmediate(collect);
}

let collectPending = false;
let firstReadDone = false;
let gc: (() => void) | null | undefined;

function collect(): void {
  if (gc === undefined) {
    // V8's gc() exists in a context made while --expose-gc is set; the flag goes back at once (a
    // changed flag would make V8 reject code caches made afterwards, see launch.ts).
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  gc?.();
}
