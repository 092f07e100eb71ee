// How much V8's optimizing compiler (TurboFan) inlines, for the server and the command line: both
// lint large files in a fresh process, where the first lint is the slow one.
//
// A fresh process runs the linter in the interpreter until TurboFan has compiled its hot functions
// on a background thread. With V8's limit on inlined bytecode per function (920), those jobs took
// longer than the lint itself: during the first lint of the 10,000-line Spring benchmark file
// (~220 ms) they asked for ~555 ms of compiling (the YAML reader's and the Spring extraction's
// largest functions 60-70 ms each, `--trace-opt`), on the one other core of these machines. With a
// limit of 100 they asked for ~375 ms, and that first lint took 238-263 ms instead of 286-336
// (medians of 3-7 fresh processes in each of four alternating probe runs). Why it helps: not that
// optimized code arrives sooner, but that less compiling competes with the lint and the garbage
// collector for the two cores. Once warm, lints were no slower (the 6th to 12th lint of that file:
// 50-100 ms either way).
//   - Server start to first diagnostics on that file, in 14 alternating rounds of 7 starts each:
//     the round's median 273-435 ms against 344-453, lower in 12 rounds; the middle of those
//     medians ~340 ms against ~380. Typing in it no slower (median 9.8-12.6 ms against 12.2-12.9).
//   - `kafka-lint -f json` on the four 10,000-line benchmark files: 749-875 ms against 950-988 (6
//     alternating runs of the bundle; same output).
// The server now goes further for its first large read: it runs that read with TurboFan off
// (`largeRead` in serverProcess.ts; the read was no slower without it, 173 against 178 ms, and
// later faster, 126 against 147, in alternating in-process runs on 2026-11-23). So in the server
// this limit applies from the second large read on; the numbers above were measured before that.
// The command line keeps TurboFan for its first file: not measured there yet.

import v8 = require('node:v8');

export const INLINING = { flag: '--max-inlined-bytecode-size-cumulative', tuned: '100', default: '920' };

/** Sets the inlining limit (the command line; the server sets it with its heap flags, serverProcess.ts). */
export function tuneCompiler(): void {
  v8.setFlagsFromString(`${INLINING.flag}=${INLINING.tuned}`);
}
