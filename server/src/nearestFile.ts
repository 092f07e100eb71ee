// Finding the nearest .kafkalint.json or go.mod above a file, the Spring Boot files a profile
// file comes on top of, and the env files a compose file names, for the CLI and the server alike.
// The answer is cached for every directory on the way, so a walk (or a stream of keystrokes in one
// file) stats each directory once; callers clear the cache when such a file changes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_TEXT_LENGTH, type SpringBase } from './engine/index.js';
import { springBaseNames } from './engine/springProfiles.js';

/**
 * The base files of a Spring Boot profile file (application.yml and application.properties beside
 * application-prod.yml) that exist: the text `open` gives for a path (an editor's open document),
 * else the file on disk, read once into `cache` (callers clear it when such a file changes).
 */
export function springBaseFiles(file: string, cache: Map<string, string | null>, open?: (p: string) => string | undefined): SpringBase[] {
  const out: SpringBase[] = [];
  for (const name of springBaseNames(file)) {
    const p = path.join(path.dirname(file), name);
    let text = open?.(p);
    if (text === undefined) {
      let disk = cache.get(p);
      if (disk === undefined) cache.set(p, (disk = readSpringBase(p) ?? null));
      if (disk === null) continue;
      text = disk;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    out.push({ path: p, text });
  }
  return out;
}

/**
 * The text of a file a compose service's `env_file` names (`ref`, relative to the compose file
 * `composeFile`, a real path): the open document's (`open`), else the file on disk, read once into
 * `cache` (callers clear it when files change). Undefined when it is missing, unreadable or too large.
 */
export function envFileText(ref: string, composeFile: string, cache: Map<string, string | null>, open?: (p: string) => string | undefined): string | undefined {
  const p = path.resolve(path.dirname(composeFile), ref);
  const text = open?.(p);
  if (text !== undefined) return text;
  let disk = cache.get(p);
  if (disk === undefined) cache.set(p, (disk = readSpringBase(p) ?? null));
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
