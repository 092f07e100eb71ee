// How the language server process is started: shared by the VS Code client and the benchmark,
// so the benchmark measures the process the extension runs.

/**
 * Node options for the server process. A language server holds a few parsed files and makes
 * short-lived garbage on every keystroke.
 *   - `--max-semi-space-size=2`: V8's default young generation (up to 16 MB per semi-space) lets
 *     that garbage pile up to tens of megabytes before a scavenge. 2 MB semi-spaces keep the
 *     resident size about 20 MB lower with the benchmark files open (126 -> 101 MB in a
 *     side-by-side run); typing and open latency were no worse in the same runs.
 *   - `--heap-growing-percent=50`: after a full collection V8 lets the old generation grow to up
 *     to 4x what survived before the next one. While typing in the four benchmark files (~43 MB
 *     live) the resident size then swung between 143 and 235 MB from one sample to the next; at
 *     1.5x it stayed at 118-124 MB over 1,000 edits (side-by-side probe runs).
 *   - `--initial-old-space-size=64`: 1.5x alone made reading a large file slow (many full
 *     collections while the heap is still small: opening the 10,000-line Spring file took
 *     ~170-185 ms instead of ~110-120 ms in alternating runs). Letting the old generation reach
 *     64 MB before its limit follows that rule brought it back to ~125-136 ms, with the same
 *     flat 120-124 MB while typing and the same resident size with the files open (~100 MB).
 *     The 64 MB are a limit, not memory taken up front.
 * The benchmark starts the server with these options, so docs/bench.md shows the result, not the
 * comparison. Other editors starting `server.js --stdio` may pass the same options.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=50', '--initial-old-space-size=64'];
