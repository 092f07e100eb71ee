// The committed kafkaKeys.generated.ts is what scripts/gen-knowledge.mjs produces from the
// reference TSVs. Without the reference directory the comparison cannot run; it is then skipped
// with the reason printed.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// out/test/knowledge -> repository root
const root = resolve(__dirname, '..', '..', '..');
const refDir = resolve(root, '..', 'shared', 'reference');
const committed = join(root, 'server', 'src', 'engine', 'knowledge', 'kafkaKeys.generated.ts');

describe('gen-knowledge.mjs', () => {
  it('the committed generated file is up to date', (t) => {
    if (!existsSync(join(refDir, 'kafka-config-keys.tsv')) || !existsSync(join(refDir, 'kafka-defaults-by-version.tsv'))) {
      const reason = `reference TSVs not found in ${refDir}; cannot regenerate to compare`;
      console.log(`# ${reason}`);
      t.skip(reason);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'gen-knowledge-'));
    try {
      const out = join(dir, 'kafkaKeys.generated.ts');
      execFileSync(process.execPath, [join(root, 'scripts', 'gen-knowledge.mjs'), '--ref', refDir, '--out', out], { stdio: 'pipe' });
      const fresh = readFileSync(out, 'utf8');
      const current = readFileSync(committed, 'utf8');
      assert.ok(fresh === current, 'kafkaKeys.generated.ts is stale: run `node scripts/gen-knowledge.mjs`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the committed file does not depend on the reference directory', () => {
    const text = readFileSync(committed, 'utf8');
    assert.ok(!/\bimport\b/.test(text.replace(/^\/\/.*$/gm, '')), 'no imports in the generated file');
    assert.match(text, /export const KEYS/);
    assert.match(text, /export const DEFAULT_HISTORY/);
  });
});
