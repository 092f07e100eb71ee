// Where two versions of a text differ, fast: blocks are compared as strings (a memory compare
// in the engine) and only the first differing block char by char.

const BLOCK = 2048;

/** Length of the longest common prefix of a and b. */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix of a and b that leaves `reserved` characters of each alone. */
export function commonSuffix(a: string, b: string, reserved: number): number {
  const max = Math.min(a.length, b.length) - reserved;
  let n = 0;
  while (n + BLOCK <= max && a.substring(a.length - n - BLOCK, a.length - n) === b.substring(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
