// Configuration files a Kubernetes ConfigMap holds (`application.yml: |`, `producer.properties: |`):
// linted as the files they are, with findings, fixes, suppression comments, hovers and completions
// moved into the manifest, and every edit leaving the block the same file the inner edit makes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments, isMap, isScalar, isPair } from 'yaml';
import fc from 'fast-check';
import { fixText, lint } from '../../server/src/engine/index.js';
import { applyEdits } from '../../server/src/engine/fixer.js';
import { describeAt } from '../../server/src/engine/describe.js';
import { completeAt } from '../../server/src/engine/complete.js';
import { suppressionEdit } from '../../server/src/engine/actions.js';
import { resolveOptions } from '../../server/src/engine/options.js';
import { createDocumentLinter } from '../../server/src/engine/incremental.js';
import { readLiteralBlock, textToOuter, toInner, toOuter } from '../../server/src/engine/embedded.js';

const OPTS = resolveOptions([]);
const RUNS = Number(process.env.FC_RUNS) || 60;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const ROOT = path.resolve(__dirname, '../../..');
const M = 'k8s/orders-config.yaml';

/** A ConfigMap holding `files` (name -> content), each under `header` with `indent` spaces. */
function configMap(files: [string, string][], opts: { indent?: number; header?: string; eol?: string; kind?: string; name?: string } = {}): string {
  const eol = opts.eol ?? '\n';
  const pad = ' '.repeat(opts.indent ?? 4);
  const lines = ['apiVersion: v1', `kind: ${opts.kind ?? 'ConfigMap'}`, 'metadata:', `  name: ${opts.name ?? 'orders-config'}`, opts.kind === 'Secret' ? 'stringData:' : 'data:'];
  for (const [name, content] of files) {
    lines.push(`  ${name}: ${opts.header ?? '|'}`);
    for (const l of content.replace(/\n$/, '').split('\n')) lines.push(l.trim() === '' ? '' : pad + l);
  }
  return lines.join(eol) + eol;
}

/** The value the YAML parser reads for each file key of the first document's `data`/`stringData`. */
function blockValues(text: string): Map<string, string> {
  const [doc] = parseAllDocuments(text);
  assert.equal(doc.errors.length, 0, `manifest no longer parses: ${doc.errors.map((e) => e.message).join('; ')}\n${text}`);
  const out = new Map<string, string>();
  const root = doc.contents;
  assert.ok(isMap(root));
  for (const p of root.items) {
    if (!isPair(p) || !isScalar(p.key) || !['data', 'stringData'].includes(String(p.key.value)) || !isMap(p.value)) continue;
    for (const f of p.value.items) if (isPair(f) && isScalar(f.key) && isScalar(f.value)) out.set(String(f.key.value), String(f.value.value));
  }
  return out;
}

const at = (text: string, offset: number) => {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  return `${before.length}:${before[before.length - 1].length + 1}`;
};

describe('files a ConfigMap holds', () => {
  it('lints application.yml and producer.properties in place, at their lines in the manifest', () => {
    const text = configMap([
      ['application.yml', 'spring:\n  kafka:\n    producer:\n      acks: 1\n    consumer:\n      enable-auto-commit: true\n      auto-offset-reset: earliest\n'],
      ['producer.properties', 'bootstrap.servers=kafka:9092\nacks=0\n'],
      ['logback.xml', '<configuration/>\n'],
    ]);
    const r = lint({ text, path: M }, OPTS);
    const got = r.findings.filter((f) => f.severity !== 'information').map((f) => `${f.ruleId} ${at(text, f.span.start)} ${text.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(got, ['acks 10:17 1', 'auto-commit 12:31 true', 'acks 16:10 0']);
  });

  it('reads a broker server.properties whose text never names Kafka, and a Secret\'s stringData', () => {
    const broker = configMap([['server.properties', 'unclean.leader.election.enable=true\n']], { name: 'broker' });
    assert.deepEqual(lint({ text: broker, path: M }, OPTS).findings.map((f) => f.ruleId).filter((id) => id === 'unclean-leader-election'), ['unclean-leader-election']);
    const secret = configMap([['application.properties', 'spring.kafka.producer.acks=0\n']], { kind: 'Secret' });
    assert.deepEqual(lint({ text: secret, path: M }, OPTS).findings.map((f) => f.ruleId).filter((id) => id === 'acks'), ['acks']);
  });

  it('reads nothing where the block is not the file as written: folded, explicit indentation, other keys, base64 data', () => {
    const inner: [string, string][] = [['producer.properties', 'acks=0\n']];
    // (Under `|2` and `|-4` the line is indented less than the header asks: not the block's but a
    // key without `:`, which is a YAML error of the manifest, reported as such.)
    for (const header of ['>', '|2', '|-4']) {
      const findings = lint({ text: configMap(inner, { header, indent: header.includes('4') ? 4 : 2 }), path: M }, OPTS).findings;
      assert.deepEqual(findings.map((f) => f.ruleId), header === '>' ? [] : ['syntax-error'], header);
    }
    assert.deepEqual(lint({ text: configMap([['producer-config', 'acks=0\n']]), path: M }, OPTS).findings, []);
    const b64 = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  producer.properties: |\n    YWNrcz0w\n';
    assert.deepEqual(lint({ text: b64, path: M }, OPTS).findings, []);
    // Not a Kubernetes resource: a values file's block is nobody's file.
    assert.deepEqual(lint({ text: 'config:\n  producer.properties: |\n    acks=0\n', path: 'values.yaml' }, OPTS).findings, []);
  });

  it('applies a profile file on top of application.yml of the same ConfigMap, not of another', () => {
    const base = ['application.yml', 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: false\n      auto-offset-reset: earliest\n'] as [string, string];
    const prod = ['application-prod.yml', 'spring:\n  kafka:\n    consumer:\n      group-id: orders\n'] as [string, string];
    const one = lint({ text: configMap([base, prod]), path: M }, OPTS);
    assert.deepEqual(one.findings.map((f) => f.ruleId), []);
    const apart = configMap([base]) + '---\n' + configMap([prod], { name: 'other' });
    assert.ok(lint({ text: apart, path: M }, OPTS).findings.some((f) => f.ruleId === 'auto-offset-reset'));
    // A finding about an inherited setting points at it in the manifest.
    const inherits = configMap([
      ['application.yml', 'spring:\n  kafka:\n    producer:\n      properties:\n        "[enable.idempotence]": true\n'],
      ['application-prod.yml', 'spring:\n  kafka:\n    producer:\n      properties:\n        "[max.in.flight.requests.per.connection]": 10\n'],
    ]);
    const r = lint({ text: inherits, path: M }, OPTS);
    const rel = r.findings.flatMap((f) => (f.related ?? []).map((p) => `${f.ruleId} ${p.path ?? '(this file)'} ${inherits.slice(p.span.start, p.span.end)}`));
    assert.deepEqual(rel, ['max-in-flight (this file) "[enable.idempotence]": true']);
  });

  it('--fix treats two ConfigMaps\' application.yml as two files: one pass fixes both, a second changes nothing', () => {
    const app = ['application.yml', 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true\n'] as [string, string];
    const text = configMap([app]) + '---\n' + configMap([app], { name: 'billing-config' });
    const fixed = fixText({ text, path: M }, OPTS, { unsafe: true });
    assert.equal(fixed.output.match(/auto-offset-reset: earliest/g)?.length, 2, fixed.output);
    assert.equal(fixed.output.match(/enable-auto-commit: false/g)?.length, 2, fixed.output);
    assert.equal(fixText({ text: fixed.output, path: M }, OPTS, { unsafe: true }).applied, 0);
  });

  it('honours suppression comments in the block, and the manifest\'s own', () => {
    const inner = configMap([['producer.properties', '# kafka-lint-disable-next-line acks\nacks=0\n']]);
    assert.deepEqual(lint({ text: inner, path: M }, OPTS).findings.filter((f) => f.ruleId === 'acks'), []);
    const outer = '# kafka-lint-disable acks\n' + configMap([['producer.properties', 'acks=0\n']]);
    assert.deepEqual(lint({ text: outer, path: M }, OPTS).findings.filter((f) => f.ruleId === 'acks'), []);
  });

  it('"Disable for this line" writes the block\'s comment, indented as the block is', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = configMap([['application.yml', 'spring:\n  kafka:\n    producer:\n      acks: 1\n'], ['producer.properties', 'acks=0\n']], { eol });
      const r = lint({ text, path: M }, OPTS);
      for (const f of r.findings) {
        const edit = suppressionEdit(r.file!, f);
        assert.ok(edit, f.message);
        const after = applyEdits(text, [edit]).text;
        blockValues(after);
        const again = lint({ text: after, path: M }, OPTS).findings;
        assert.ok(!again.some((g) => g.ruleId === f.ruleId && after.slice(g.span.start, g.span.end) === text.slice(f.span.start, f.span.end) && at(after, g.span.start).split(':')[0] === String(+at(text, f.span.start).split(':')[0] + 1)), `${f.ruleId} still reported`);
        assert.ok(!again.some((g) => g.ruleId === 'unused-suppression'), `${f.ruleId}: ${JSON.stringify(edit)}`);
      }
    }
  });

  it('hovers a key in the block, and completes keys and values there', () => {
    const text = configMap([['producer.properties', 'acks=all\nenable.idem\n']]);
    const r = lint({ text, path: M }, OPTS);
    const h = describeAt(r.file!, text.indexOf('acks') + 1, OPTS);
    assert.ok(h);
    assert.equal(text.slice(h.span.start, h.span.end), 'acks');
    assert.match(h.markdown, /acks/);
    assert.equal(describeAt(r.file!, text.indexOf('kind') + 1, OPTS), undefined);
    // In the block's indentation: nothing.
    assert.equal(describeAt(r.file!, text.indexOf('acks') - 2, OPTS), undefined);
    const off = text.indexOf('enable.idem') + 'enable.idem'.length;
    const items = completeAt(text, M, off, OPTS, r.file);
    const idem = items.find((i) => i.label === 'enable.idempotence');
    assert.ok(idem, items.map((i) => i.label).join(','));
    assert.equal(text.slice(idem.replace.start, idem.replace.end), 'enable.idem');
    const yml = configMap([['application.yml', 'spring:\n  kafka:\n    producer:\n      acks: \n']]);
    const vals = completeAt(yml, M, yml.indexOf('acks: ') + 6, OPTS);
    assert.ok(vals.some((i) => i.insertText.trim() === 'all'), vals.map((i) => i.label).join(','));
  });

  it('lints a block again only when its text (or a sibling it inherits from) changed', () => {
    const text = configMap([['application.yml', 'spring:\n  kafka:\n    producer:\n      acks: 1\n'], ['producer.properties', 'acks=0\n']]);
    const first = lint({ text, path: M }, OPTS).file!.embedded!.map((e) => e.parsed);
    const outerEdit = text.replace('orders-config', 'orders-configuration');
    const again = lint({ text: outerEdit, path: M }, OPTS).file!.embedded!.map((e) => e.parsed);
    assert.ok(first[0] && first[1]);
    assert.equal(again[0], first[0]);
    assert.equal(again[1], first[1]);
    const innerEdit = outerEdit.replace('acks=0', 'acks=1');
    const third = lint({ text: innerEdit, path: M }, OPTS).file!.embedded!.map((e) => e.parsed);
    assert.equal(third[0], first[0]);
    assert.notEqual(third[1], first[1]);
    assert.deepEqual(lint({ text: innerEdit, path: M }, OPTS).findings.map((f) => f.ruleId).filter((id) => id === 'acks'), ['acks', 'acks']);
  });

  it('is read the same by an editor\'s linter, edit after edit', () => {
    const a = configMap([['application.yml', 'spring:\n  kafka:\n    producer:\n      acks: 1\n']]);
    const docs = ['spring:\n  kafka:\n    bootstrap-servers: x\n', a, 'spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true\n'];
    const linter = createDocumentLinter();
    let text = docs.join('---\n');
    const key = (t: string, fs: { ruleId: string; span: { start: number } }[]) => fs.map((f) => `${f.ruleId}@${at(t, f.span.start)}`).join(' ');
    for (const edit of ['acks: 1', 'acks: 0', 'acks: all', 'acks: 1']) {
      text = text.replace(/acks: \w+/, edit);
      text = 'x: ' + text.length + '\n' + text.slice(text.indexOf('\n') + 1);
      assert.equal(key(text, linter.lint(text, M, OPTS).findings), key(text, lint({ text, path: M }, OPTS).findings), edit);
    }
  });
});

describe('moving edits into the block', () => {
  it('maps offsets past each line\'s indentation, and back', () => {
    const outer = 'data:\n  f.properties: |\n    a=1\n\n      b=2\n    c=3\n';
    const from = outer.indexOf('|\n') + 2;
    const e = readLiteralBlock(outer, from, outer.length, 'a=1\n\n  b=2\nc=3\n', 'm/f.properties', 'ConfigMap m');
    assert.ok(e);
    assert.equal(e.text, 'a=1\n\n  b=2\nc=3');
    for (let i = 0; i <= e.text.length; i++) {
      const o = toOuter(e, i);
      if (e.text[i] !== undefined) assert.equal(outer[o], e.text[i], `at ${i}`);
      assert.equal(toInner(e, o), i);
    }
    // In a line's indentation: the start of that line.
    assert.equal(toInner(e, outer.indexOf('    c=3')), e.text.indexOf('c=3'));
    assert.equal(toInner(e, 0), undefined);
  });

  it('indents every line an edit starts, and pads a short blank line it writes on', () => {
    const outer = 'data:\n  f.properties: |\n    a=1\n  \n    c=3\n';
    const from = outer.indexOf('|\n') + 2;
    const e = readLiteralBlock(outer, from, outer.length, 'a=1\n\nc=3\n', 'm/f.properties', 'ConfigMap m');
    assert.ok(e);
    const blank = e.text.indexOf('\n\n') + 1;
    assert.equal(textToOuter(e, blank, 'b=2\n'), '  b=2\n    ');
    assert.equal(textToOuter(e, blank, '\nb=2'), '\n    b=2');
    assert.equal(textToOuter(e, 0, 'z=0\n'), 'z=0\n    ');
  });

  it('declines content that is not the value the YAML parser read', () => {
    const outer = 'data:\n  f.properties: |\n    a=1\n';
    assert.equal(readLiteralBlock(outer, outer.indexOf('|\n') + 2, outer.length, 'a=2\n', 'm/f.properties', 'ConfigMap m'), undefined);
  });

  // Every example configuration file, held in a ConfigMap in every way the block can be written:
  // the same findings as the file on its own, at the same text, and each fix leaves in the block
  // exactly the file the fix makes of the file on its own.
  const EXAMPLES = [
    'examples/legacy-batch/producer.properties',
    'examples/legacy-batch/consumer.properties',
    'examples/legacy-batch/transactional-producer.properties',
    'examples/kafka-broker/server.properties',
    'examples/payment-service/src/main/resources/application.properties',
    'examples/order-service/src/main/resources/application.yml',
    'examples/shipping-stream/src/main/resources/application.yml',
  ];
  const SHAPES = [
    { indent: 4, header: '|', eol: '\n' },
    { indent: 6, header: '|-', eol: '\r\n' },
    { indent: 4, header: '|+', eol: '\n' },
  ];
  /** `content` held as `name` in a ConfigMap of this shape: the same findings as alone, each fix the same file. */
  function sameAsAlone(name: string, content: string, shape: { indent: number; header: string; eol: string }, label: string): void {
    const text = configMap([[name, content]], shape);
    const inner = blockValues(text).get(name)!;
    const trailing = new RegExp(`(?:${shape.eol})+$`);
    const ownText = inner.replace(/\n/g, shape.eol).replace(trailing, '');
    const own = lint({ text: ownText, path: `x/${name}` }, OPTS);
    const held = lint({ text, path: M }, OPTS);
    // (a span over several lines holds the block's indentation of the lines after its first)
    const unindent = (t: string) => t.replace(new RegExp(`(\\r\\n|\\n|\\r) {0,${shape.indent}}`, 'g'), '$1');
    assert.deepEqual(
      held.findings.map((f) => [f.ruleId, f.message, unindent(text.slice(f.span.start, f.span.end))]),
      own.findings.map((f) => [f.ruleId, f.message, ownText.slice(f.span.start, f.span.end)]),
      label,
    );
    held.findings.forEach((f, i) => {
      f.fixes.forEach((fix, j) => {
        const outerAfter = applyEdits(text, fix.edits).text;
        const innerAfter = applyEdits(ownText, own.findings[i].fixes[j].edits).text;
        assert.equal(blockValues(outerAfter).get(name)!.replace(/\n+$/, ''), innerAfter.replace(/\r\n/g, '\n').replace(/\n+$/, ''), `${label} ${f.ruleId}: ${fix.title}`);
      });
    });
    // --fix: the manifest still parses and the block holds what --fix makes of the file.
    const fixed = fixText({ text, path: M }, OPTS, { unsafe: true });
    const ownFixed = fixText({ text: ownText, path: `x/${name}` }, OPTS, { unsafe: true });
    assert.equal(blockValues(fixed.output).get(name)!.replace(/\n+$/, ''), ownFixed.output.replace(/\r\n/g, '\n').replace(/\n+$/, ''), label);
  }

  for (const file of EXAMPLES) {
    it(`${file}: findings and every fix, in the block as on its own`, () => {
      const content = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\r\n/g, '\n');
      const name = path.basename(file);
      assert.ok(lint({ text: content, path: `x/${name}` }, OPTS).findings.length > 0, `${file} has findings on its own`);
      for (const shape of SHAPES) sameAsAlone(name, content, shape, `${file} ${JSON.stringify(shape)}`);
    });
  }

  // Random edits of realistic files (one line break style: a lone CR would end the block's line
  // in YAML but not in the file), in blocks of random shape.
  const SEEDS = ['producer.properties', 'consumer.properties', 'server.properties', 'application.properties', 'application.yml'].map((n) => ({
    name: n,
    text: fs.readFileSync(path.join(ROOT, 'test/property/corpus', n), 'utf8').replace(/\r\n?/g, '\n'),
  }));
  const TOKENS = ['\n', ' ', '  ', '\t', '#', '=', ':', '- ', 'acks=0', 'acks: 1', 'retries=0', 'enable.idempotence=false', 'spring:\n  kafka:\n    producer:\n      acks: 0\n', '# kafka-lint-disable-next-line acks\n', '\\\n', '"', "'", '${X:1}'];
  it('random files: findings and every fix, in the block as on its own', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TOKENS), fc.nat(3)), { maxLength: 6 }),
        fc.constantFrom(...SHAPES),
        (seed, edits, shape) => {
          let content = seed.text;
          for (const [at, token, del] of edits) {
            const p = at % (content.length + 1);
            content = content.slice(0, p) + token + content.slice(p + del);
          }
          // Only what a literal block can hold as written: no line of blanks ahead of the first
          // content, whose spaces would change the block's indentation.
          const first = content.split('\n').find((l) => l.trim() !== '');
          fc.pre(first !== undefined && !/^[ \t]/.test(first) && !/^\s*\n/.test(content));
          const text = configMap([[seed.name, content]], shape);
          fc.pre(blockValues(text).get(seed.name)!.replace(/\n+$/, '') === content.replace(/\n+$/, '').split('\n').map((l) => (l.trim() === '' ? '' : l)).join('\n'));
          sameAsAlone(seed.name, content, shape, `${JSON.stringify(content)} ${JSON.stringify(shape)}`);
        },
      ),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  });
});
