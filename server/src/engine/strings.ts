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

// One copy of each short string the parsers keep many of: setting keys and values, Go
// identifiers. A 10,000-line file holds thousands of settings with a few dozen distinct keys
// (`cfg`, `Producer`, `spring.kafka.producer.acks`), each read from the text as a string of its
// own or a view into the text (40 bytes apiece before any characters): with the benchmark files
// open, ~45,000 such strings with fewer than 500 distinct values took ~1.6 MB.
const INTERN_MAX_LENGTH = 64;
const INTERN_MAX_ENTRIES = 16384;
const interned = new Map<string, string>();

/**
 * The process's one copy of `s` (detached from any text it was cut from), for strings of up to 64
 * characters; longer ones are returned as they are. The table holds up to 16,384 strings and
 * starts over when full (strings handed out stay valid; they are only shared less).
 */
export function intern(s: string): string {
  if (s.length > INTERN_MAX_LENGTH) return s;
  let v = interned.get(s);
  if (v === undefined) {
    if (interned.size >= INTERN_MAX_ENTRIES) interned.clear();
    v = detach(s);
    interned.set(v, v);
  }
  return v;
}

/**
 * A copy of `s` to keep in a process-wide table: the interned one for short strings, a detached
 * copy of a longer one. A table keyed by interned strings finds the keys callers pass (interned
 * setting keys) by identity; any other copy is compared character by character on every hit.
 */
export function keep(s: string): string {
  return s.length > INTERN_MAX_LENGTH ? detach(s) : intern(s);
}

/** Interns a new setting's key, key as written, value and raw value, in place. */
export function internSetting<T extends { key: string; sourceKey: string; value: string; rawValue: string }>(s: T): T {
  s.key = intern(s.key);
  s.sourceKey = intern(s.sourceKey);
  s.value = intern(s.value);
  s.rawValue = intern(s.rawValue);
  return s;
}
