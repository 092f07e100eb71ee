// Meta-tests over the extension manifest: every string VS Code shows from package.json has an
// English and a Chinese text, and every command it lists is one the client registers.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Compiled to out/test/meta/; the repository root is three levels up. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

describe('extension manifest', () => {
  const manifest = read('package.json');
  const placeholders = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
  const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
  const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;

  it('has English and Chinese for every %placeholder%, and no text without a placeholder', () => {
    assert.ok(placeholders.length >= 5, `only ${placeholders.length} placeholders found`);
    assert.deepEqual(placeholders.filter((k) => !(k in en)), [], 'missing in package.nls.json');
    assert.deepEqual(placeholders.filter((k) => !(k in zh)), [], 'missing in package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(en).filter((k) => !placeholders.includes(k)), [], 'unused in package.nls.json');
    assert.deepEqual(Object.keys(zh).filter((k) => !placeholders.includes(k)), [], 'unused in package.nls.zh-cn.json');
  });

  it('the Chinese texts are Chinese', () => {
    assert.deepEqual(Object.entries(zh).filter(([, v]) => !/[\u4e00-\u9fff]/.test(v)), []);
  });

  it('every command in the manifest is registered by the client, and every registered one is listed', () => {
    const listed = (JSON.parse(manifest).contributes.commands as { command: string }[]).map((c) => c.command).sort();
    // (A command is registered by its name, or by a constant of server/src/protocol.ts.)
    const constants = new Map([...read('server/src/protocol.ts').matchAll(/export const (\w+) = '([^']+)'/g)].map((m) => [m[1], m[2]]));
    const registered = [...read('client/src/extension.ts').matchAll(/registerCommand\((?:'([^']+)'|(\w+))/g)].map((m) => m[1] ?? constants.get(m[2]) ?? `unknown constant ${m[2]}`).sort();
    assert.ok(listed.length >= 4);
    assert.deepEqual(listed, registered);
  });
});
