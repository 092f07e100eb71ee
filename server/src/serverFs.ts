// The server's small file-system needs, kept out of the engine (see also nearestFile.ts).

import fs = require('node:fs');
import { fileURLToPath } from 'node:url';

export function URI_TO_PATH(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function readTextIfExists(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
