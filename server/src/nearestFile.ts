// Finding the nearest .kafkalint.json or go.mod above a file, for the CLI and the server alike.
// The answer is cached for every directory on the way, so a walk (or a stream of keystrokes in one
// file) stats each directory once; callers clear the cache when such a file changes.

import * as fs from 'node:fs';
import * as path from 'node:path';

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
