// The server's small file-system needs (finding .kafkalint.json and go.mod), kept out of the engine.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export function URI_TO_PATH(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Nearest `name` in dir or its ancestors. */
export function findUp(dir: string, name: string): string | undefined {
  let d = dir;
  for (;;) {
    const candidate = path.join(d, name);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

export function readTextIfExists(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
