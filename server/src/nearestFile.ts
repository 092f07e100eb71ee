// Finding the nearest .kafkalint.json or go.mod above a file, the Spring Boot files a profile
// file comes on top of, the env files a compose file names and the Go files beside a Go file, for
// the CLI and the server alike.
// The answer is cached for every directory on the way, so a walk (or a stream of keystrokes in one
// file) stats each directory once; callers clear the cache when such a file changes.

import fs = require('node:fs');
import path = require('node:path');
import { MAX_TEXT_LENGTH, type GoSibling, type SpringBase } from './engine/index.js';
import { MAX_PACKAGE_TEXT } from './engine/parsers/goPackage.js';
import { isSpringBaseFile, isSpringOverlay, springBaseNames } from './engine/springProfiles.js';

/**
 * The Spring Boot files beside `file` that it comes on top of (application.yml and
 * application.properties beside application-prod.yml, application.yml beside
 * application.properties: `springBaseNames`) or that come on top of it
 * (application-prod.yml and application.properties beside application.yml: `isSpringOverlay`), that
 * exist: the text `open` gives for a path (an editor's open document), else the file on disk, read
 * once into `cache` (callers clear it when such a file changes; the folder's listing is kept there
 * too, under the folder's path with a NUL in front).
 */
export function springBaseFiles(file: string, cache: Map<string, string | null>, open?: (p: string) => string | undefined): SpringBase[] {
  const out: SpringBase[] = [];
  const dir = path.dirname(file);
  const names = springBaseNames(file);
  if (names.length || isSpringBaseFile(file)) {
    for (const name of springFolder(dir, cache)) if (!names.includes(name) && isSpringOverlay(file, name)) names.push(name);
  }
  for (const name of names) {
    const p = path.join(dir, name);
    let text = textOf(p, cache, open);
    if (text === undefined) continue;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    out.push({ path: p, text });
  }
  return out;
}

/**
 * The other `.go` files of the folder of `file` (a Go file), for the engine to read the ones of its
 * package as context (`LintInput.goPackage`): the text `open` gives for a path (an editor's open
 * document), else the file on disk, read once into `cache` like the Spring files (the folder's
 * listing under its path with \u0001 in front). Only files that mention sarama are passed (one on
 * disk that does not is remembered as such), up to MAX_PACKAGE_TEXT in all.
 */
export function goPackageFiles(file: string, cache: Map<string, string | null>, open?: (p: string) => string | undefined): GoSibling[] {
  const dir = path.dirname(file);
  const key = '\u0001' + dir;
  let listed = cache.get(key);
  if (listed === undefined) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.go'));
    } catch {
      // An unreadable folder: the file alone.
    }
    cache.set(key, (listed = names.sort().join('\u0000')));
  }
  const out: GoSibling[] = [];
  if (!listed) return out;
  const self = path.basename(file);
  let total = 0;
  for (const name of listed.split('\u0000')) {
    if (name === self) continue;
    const p = path.join(dir, name);
    const text = textOf(p, cache, open, (t) => t.includes('sarama'));
    if (text === undefined) continue;
    if (total + text.length > MAX_PACKAGE_TEXT) break;
    out.push({ path: p, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
    total += text.length;
  }
  return out;
}

/** The names of the Spring Boot configuration files in a folder (`application*.yml` and the like), listed once into `cache`. */
function springFolder(dir: string, cache: Map<string, string | null>): string[] {
  const key = '\u0000' + dir;
  let listed = cache.get(key);
  if (listed === undefined) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((n) => /^(?:application|bootstrap)-.+\.(?:ya?ml|properties)$|^(?:application|bootstrap)\.properties$/i.test(n));
    } catch {
      // An unreadable folder: no files on top.
    }
    cache.set(key, (listed = names.sort().join('\u0000')));
  }
  return listed ? listed.split('\u0000') : [];
}

/**
 * The text of a file a compose service's `env_file` names (`ref`, relative to the compose file
 * `composeFile`, a real path): the open document's (`open`), else the file on disk, read once into
 * `cache` (callers clear it when files change). Undefined when it is missing, unreadable or too large.
 */
export function envFileText(ref: string, composeFile: string, cache: Map<string, string | null>, open?: (p: string) => string | undefined): string | undefined {
  const p = path.resolve(path.dirname(composeFile), ref);
  return textOf(p, cache, open);
}

/**
 * The text of a file: the open document's (`open`), else the file on disk, read once into `cache`
 * (callers clear it when files change). Undefined when it is missing, unreadable, too large, or
 * not `wanted` (which is remembered for a file on disk).
 */
function textOf(p: string, cache: Map<string, string | null>, open?: (p: string) => string | undefined, wanted?: (text: string) => boolean): string | undefined {
  const text = open?.(p);
  if (text !== undefined) return !wanted || wanted(text) ? text : undefined;
  let disk = cache.get(p);
  if (disk === undefined) {
    disk = readSpringBase(p) ?? null;
    if (disk !== null && wanted && !wanted(disk)) disk = null;
    cache.set(p, disk);
  }
  return disk ?? undefined;
}

/** A base file's text from disk; undefined when it is missing, unreadable or too large. */
function readSpringBase(p: string): string | undefined {
  try {
    const st = fs.statSync(p);
    if (!st.isFile() || st.size > MAX_TEXT_LENGTH) return undefined;
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** What `load` makes of the nearest file called `name` in dir or above it (undefined: none). */
export function findNearest<T>(dir: string, name: string, cache: Map<string, T | null>, load: (file: string) => T | null): T | undefined {
  const visited: string[] = [];
  let found: T | null = null;
  for (let d = dir; ; d = path.dirname(d)) {
    const cached = cache.get(d);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(d);
    const candidate = path.join(d, name);
    let isFile = false;
    try {
      isFile = fs.statSync(candidate).isFile();
    } catch {
      // not here
    }
    if (isFile) {
      found = load(candidate);
      break;
    }
    if (path.dirname(d) === d) break;
  }
  for (const d of visited) cache.set(d, found);
  return found ?? undefined;
}
