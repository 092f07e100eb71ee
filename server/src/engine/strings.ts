// Strings that outlive the text they were read from.
//
// V8 represents a substring of 13 or more characters as a view into its parent string, so a
// setting key sliced from a 700 KB document keeps the whole document alive for as long as the key
// is referenced. That is fine for data that lives and dies with one version of a document, and a
// leak for process-wide caches: an editor lints every version, and a cache keyed by substrings of
// each version would hold every version it ever saw (seen: ~12 versions, +8.8 MB, in a 250-edit
// typing run on a 10,000-line .properties file).

/**
 * A copy of `s` that does not keep the string it was cut from alive. Concatenation makes a
 * two-part string; slicing that flattens it into a fresh string of s.length + 1 characters and
 * views into that one instead (test/engine/strings.test.ts checks the effect on the heap).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
