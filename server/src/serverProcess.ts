// How the language server process is started: shared by the VS Code client and the benchmark,
// so the benchmark measures the process the extension runs.

/**
 * Node options for the server process. A language server holds a few parsed files and makes
 * short-lived garbage on every keystroke; V8's default young generation (up to 16 MB per
 * semi-space) lets that garbage pile up to tens of megabytes before a scavenge. 2 MB semi-spaces
 * keep the resident size about 20 MB lower with the benchmark files open (126 -> 101 MB in a
 * side-by-side run); typing and open latency were no worse in the same runs (the benchmark starts
 * the server with these options, so docs/bench.md shows the result, not the comparison). Other
 * editors starting `server.js --stdio` may pass the same option.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2'];
