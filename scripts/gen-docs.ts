// Writes docs/rules/<id>.md and docs/rules/README.md from the rule metadata.
//   npm run docs            regenerate
//   npm run docs -- --check exit 1 when a page is out of date (the meta-test checks the same)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderAllDocs } from '../server/src/report/ruledocs.js';

/** Compiled to out/scripts/gen-docs.js; the repository root is two levels up. */
export const DOCS_DIR = path.resolve(__dirname, '..', '..', 'docs', 'rules');

export interface DocsDiff {
  changed: string[];
  stale: string[];
}

export function diffDocs(dir = DOCS_DIR, files = renderAllDocs()): DocsDiff {
  const changed = [...files].filter(([name, text]) => {
    try {
      return fs.readFileSync(path.join(dir, name), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  const existing = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
  return { changed: changed.map(([name]) => name), stale: existing.filter((f) => !files.has(f)) };
}

function main(argv: string[]): number {
  const files = renderAllDocs();
  const diff = diffDocs(DOCS_DIR, files);
  if (argv.includes('--check')) {
    for (const f of diff.changed) process.stderr.write(`docs/rules/${f} is out of date\n`);
    for (const f of diff.stale) process.stderr.write(`docs/rules/${f} belongs to no rule\n`);
    if (diff.changed.length || diff.stale.length) process.stderr.write('Run `npm run docs` to regenerate.\n');
    return diff.changed.length || diff.stale.length ? 1 : 0;
  }
  fs.mkdirSync(DOCS_DIR, { recursive: true });
  for (const name of diff.changed) fs.writeFileSync(path.join(DOCS_DIR, name), files.get(name)!);
  for (const name of diff.stale) fs.rmSync(path.join(DOCS_DIR, name));
  process.stdout.write(`docs/rules: ${diff.changed.length} written, ${diff.stale.length} removed, ${files.size} in all\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
