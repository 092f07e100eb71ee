// Process-wide caches must not keep old document versions alive: V8 substrings are views into
// their parent, so a cached setting key cut from a document holds the whole document. Measured on
// the heap after full collections; the control shows the measurement sees such a leak.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { detach, intern } from '../../server/src/engine/strings.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';
import { resolveOptions } from '../../server/src/engine/options.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;

/** Heap growth after keeping `keep(text)` of `n` distinct ~500 KB texts and dropping the texts. */
function retainedBy(keep: (text: string, i: number) => unknown, n = 40): number {
  const kept: unknown[] = [];
  const before = heapUsed();
  for (let i = 0; i < n; i++) {
    const text = `# version ${i}\n` + `some.filler.key.${i}=value\n`.repeat(20000);
    kept.push(keep(text, i));
  }
  const growth = heapUsed() - before;
  assert.equal(kept.length, n);
  return growth;
}

describe('detach and intern', () => {
  const text = 'x'.repeat(100) + 'spring.kafka.producer.acks=all 中文 \u{1F600}' + 'y'.repeat(100);
  const ranges = [[100, 126], [100, 110], [0, 64], [0, 65], [0, text.length], [126, 145], [5, 5]];
  const copies: Array<[string, (s: string) => string]> = [
    ['detach', detach],
    ['intern', intern],
  ];

  for (const [name, copy] of copies) {
    it(`${name} returns an equal string`, () => {
      for (const [a, b] of ranges) assert.equal(copy(text.slice(a, b)), text.slice(a, b));
      assert.equal(copy(''), '');
    });
  }

  it('intern returns an equal string after its table starts over', () => {
    // More distinct strings than the table holds, twice.
    for (let i = 0; i < 34000; i++) assert.equal(intern(`key.${i % 17000}`), `key.${i % 17000}`);
    for (const [a, b] of ranges) assert.equal(intern(text.slice(a, b)), text.slice(a, b));
  });

  it('keep only the copy alive, not the text it was cut from', () => {
    const control = retainedBy((text, i) => text.slice(20 + i, 60 + i));
    // 40 texts of ~560 KB: a view holds ~22 MB, a detached copy ~2 KB.
    assert.ok(control > 15 * MB, `the measurement sees a retained text (control grew ${(control / MB).toFixed(1)} MB)`);
    for (const [name, copy] of copies) {
      const grown = retainedBy((text, i) => copy(text.slice(20 + i, 60 + i)));
      assert.ok(grown < 1 * MB, `${name}: copies grew the heap by ${(grown / MB).toFixed(1)} MB`);
    }
  });

  it('many equal strings read from a text share one copy', () => {
    const line = 'cfg.Producer.RequiredAcks = sarama.WaitForAll\n';
    const text = line.repeat(40000);
    // (repeat builds a tree of parts; the first slice flattens it, before anything is measured)
    assert.equal(text.slice(0, 3), 'cfg');
    const keep = (f: (s: string) => string) => {
      const kept: string[] = new Array(40000);
      const before = heapUsed();
      for (let i = 0; i < kept.length; i++) kept[i] = f(text.slice(i * line.length, i * line.length + 25));
      const growth = heapUsed() - before;
      assert.equal(kept[39999], 'cfg.Producer.RequiredAcks');
      return growth;
    };
    const views = keep((s) => s);
    const shared = keep(intern);
    // 40,000 views of 25 characters take ~1.6 MB; one shared copy takes nothing but the array's slots.
    assert.ok(views > 1 * MB, `the measurement sees the views (${(views / MB).toFixed(2)} MB)`);
    assert.ok(shared < views / 3, `interned: ${(shared / MB).toFixed(2)} MB, views: ${(views / MB).toFixed(2)} MB`);
  });
});

describe('engine caches and old document versions', () => {
  it('typing new keys into a large .properties file does not keep every version alive', () => {
    // Every version has a key and a value the caches have not seen (`linger.ms1=51`,
    // `linger.ms12=512`, ...): before the caches detached them, each of the 30 versions stayed on
    // the heap.
    const filler = Array.from({ length: 12000 }, (_, i) => `# note ${i}: the service's client settings\n`).join('');
    const base = `bootstrap.servers=k:9092\nacks=1\n${filler}`;
    const linter = createDocumentLinter();
    const options = resolveOptions([]);
    let result = linter.lint(base + 'linger.ms=5\n', '/w/app.properties', options);
    const before = heapUsed();
    let typed = '';
    for (let k = 0; k < 30; k++) {
      typed += String(k % 10);
      result = linter.lint(base + `linger.ms${typed}=5${typed}\n`, '/w/app.properties', options);
    }
    const growth = heapUsed() - before;
    assert.ok(result.findings.some((f) => f.ruleId === 'acks'), 'the file is linted');
    // One version is ~500 KB; 30 retained versions would be ~15 MB.
    assert.ok(growth < 3 * MB, `heap grew ${(growth / MB).toFixed(1)} MB over 30 versions`);
  });

  it('a YAML file edited in many documents holds many versions until reset()', () => {
    // 40 Spring documents; editing each once re-reads only that document, whose strings are views
    // into the version it was read from: 40 versions stay alive. reset() drops them.
    const docs = Array.from({ length: 40 }, (_, i) =>
      [`spring:`, `  kafka:`, `    producer:`, `      acks: "1"`, `      client-id: service-${i}`, `# ${'padding '.repeat(3000)}`].join('\n'),
    );
    let text = docs.join('\n---\n') + '\n';
    const linter = createDocumentLinter();
    const options = resolveOptions([]);
    const path = '/w/application.yml';
    linter.lint(text, path, options);
    assert.equal(linter.heldVersions, 0);
    const before = heapUsed();
    for (let i = 0; i < 40; i++) {
      text = text.replace(`client-id: service-${i}\n`, `client-id: service-${i}x\n`);
      linter.lint(text, path, options);
    }
    assert.equal(linter.heldVersions, 40);
    const held = heapUsed() - before;
    linter.reset();
    const result = linter.lint(text, path, options);
    assert.equal(linter.heldVersions, 0);
    const afterReset = heapUsed() - before;
    assert.ok(result.findings.some((f) => f.ruleId === 'acks'), 'the file is linted');
    // One version is ~1 MB (40 x 24 KB of comments).
    assert.ok(held > 20 * MB, `the edits hold the versions they read (${(held / MB).toFixed(1)} MB): the measurement sees them`);
    assert.ok(afterReset < 4 * MB, `after reset() the heap holds ${(afterReset / MB).toFixed(1)} MB more than before the edits`);
  });
});

