// Random typing over the protocol. An editor sends ranged edits, sometimes several in one
// notification and faster than the server lints; it asks for fixes and applies them. Whatever the
// order, what the server publishes for the last version must be what it publishes for the same
// text opened fresh, and nothing may fail on the way. (The engine's property tests check the
// incremental linter against a whole read; this checks the server around it: the text it keeps,
// versions, the result cache and fixes bound to a version.)
//
// Deterministic: a failure prints the seed, the document, the step and the last changes sent. To
// hunt locally: RANDOM_LSP_SEED (another first seed), RANDOM_LSP_STEPS (steps per document, default
// 60), RANDOM_LSP_CHECK_EVERY (compare every n steps, default 20; 1 finds the first bad step) and
// RANDOM_LSP_DUMP (a file to write the text and changes of a mismatch to).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyTextEdits, positionAt, SERVER_PATH, TestClient, type PublishedDiagnostics } from './lspClient.js';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const STEPS = Number(process.env.RANDOM_LSP_STEPS) || 60;
const FIRST_SEED = Number(process.env.RANDOM_LSP_SEED) || 0x5eed;
/** Every this many steps the published diagnostics are compared with a fresh open, not only at the end. */
const CHECK_EVERY = Number(process.env.RANDOM_LSP_CHECK_EVERY) || 20;

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Change {
  range: Range;
  text: string;
}
type TextEdit = { range: Range; newText: string };
interface Action {
  title: string;
  edit?: { documentChanges?: Array<{ textDocument: { uri: string; version: number }; edits: TextEdit[] }> };
}

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// (Chinese comments, a character outside the BMP (positions count UTF-16 code units) and a stray
// byte order mark.)
const TEXT_BITS = ['# 消息丢失\n', '😀', '\uFEFF'];
const PROPERTIES_BITS = [...TEXT_BITS, 'acks=0\n', 'acks=all\n', 'enable.idempotence=false\n', 'retries=0\n', 'max.in.flight.requests.per.connection=10\n', 'min.insync.replicas=1\n', '# kafka-lint-disable-next-line acks\n', '\\\n', '=', ':', '#', ' ', '\n', '\r\n', 'x'];
const YAML_BITS = [...TEXT_BITS, '\n---\n', '  ', 'acks: 0', '\n      acks: 1\n', 'spring:\n  kafka:\n    producer:\n      retries: 0\n', '      min.insync.replicas: 1\n', ':', '- ', '#', '"', "'", '&a ', '*a', '<<: *a\n', '\t', '\n', ' ', 'x'];
// (Settings lines more often than the bits that turn the rest of a Go file into a comment or a string.)
const GO_SETTINGS = ['\tcfg.Producer.RequiredAcks = sarama.NoResponse\n', '\tcfg.Producer.Idempotent = true\n', '\tcfg.Producer.Retry.Max = 0\n', '\tcfg := sarama.NewConfig()\n'];
const GO_BITS = [...TEXT_BITS, ...GO_SETTINGS, ...GO_SETTINGS, 'func g() {\n', '\n}\n', '{', '}', '`', '/*', '*/', '//', '"', '(', ')', '\n', ' ', 'x'];

interface Seed {
  name: string;
  languageId: string;
  text: string;
  bits: string[];
}

function seeds(): Seed[] {
  const read = (p: string) => fs.readFileSync(path.join(EXAMPLES, p), 'utf8');
  const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
  return [
    { name: 'producer.properties', languageId: 'properties', text: read('legacy-batch/producer.properties'), bits: PROPERTIES_BITS },
    { name: 'server.properties', languageId: 'properties', text: crlf(read('kafka-broker/server.properties')), bits: PROPERTIES_BITS },
    { name: 'application.yml', languageId: 'yaml', text: read('order-service/src/main/resources/application.yml') + '\n---\n' + read('order-service/src/main/resources/application-prod.yml').replace(/^spring:\n/, 'spring:\n  config:\n    activate:\n      on-profile: prod\n'), bits: YAML_BITS },
    { name: 'topics.yaml', languageId: 'yaml', text: read('k8s/strimzi/topics.yaml') + '---\n' + read('k8s/strimzi/kafka-cluster.yaml'), bits: YAML_BITS },
    { name: 'docker-compose.yml', languageId: 'dockercompose', text: read('local-dev/docker-compose.yml'), bits: YAML_BITS },
    { name: 'producer.go', languageId: 'go', text: read('go-events/producer.go'), bits: GO_BITS },
  ];
}

/** A random edit of `text`: an insertion of one of the bits, a deletion, or a replacement. */
function randomChange(text: string, bits: string[], r: () => number): Change {
  // (No position falls between the two characters of a \r\n: LSP has none there, and an editor sends none.)
  // (Nor inside a surrogate pair.)
  const outsideCrlf = (o: number) => {
    const before = text.charCodeAt(o - 1);
    const at = text.charCodeAt(o);
    return (before === 13 && at === 10) || (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) ? o - 1 : o;
  };
  const at = outsideCrlf(Math.floor(r() * (text.length + 1)));
  const kind = r();
  const len = kind < 0.5 ? 0 : Math.min(text.length - at, 1 + Math.floor(r() * (r() < 0.8 ? 3 : 40)));
  const insert = kind < 0.75 ? bits[Math.floor(r() * bits.length)] : '';
  return { range: { start: positionAt(text, at), end: positionAt(text, Math.max(at, outsideCrlf(at + len))) }, text: insert };
}

function applyChange(text: string, c: Change): string {
  return applyTextEdits(text, [{ range: c.range, newText: c.text }]);
}

/** Diagnostics as a user sees them, with related places named by file name only. */
function normalise(p: PublishedDiagnostics): string[] {
  return p.diagnostics
    .map((d) =>
      JSON.stringify([
        d.code,
        d.severity,
        d.range,
        d.message,
        d.tags ?? [],
        (d.relatedInformation ?? []).map((ri) => [path.basename(ri.location.uri), ri.location.range, ri.message]),
      ]),
    )
    .sort();
}

describe('language server: random typing', () => {
  let client: TestClient;
  let dirs: string[];

  before(async () => {
    assert.ok(fs.existsSync(SERVER_PATH), `build the server first: ${SERVER_PATH} is missing`);
    client = new TestClient();
    await client.initialize('en');
    dirs = [];
  });

  after(async () => {
    await client.shutdown();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  let fixesApplied = 0;
  const fresh = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-random-'));
    dirs.push(d);
    return d;
  };

  for (const [k, seed] of seeds().entries()) {
    it(`${seed.name}: the last version's diagnostics equal a fresh open of the same text`, async () => {
      const seedNo = FIRST_SEED + k;
      const r = rng(seedNo);
      let text = seed.text;
      const uri = client.open(path.join(fresh(), seed.name), text, seed.languageId);
      await client.waitForVersion(uri);
      let applied = 0;
      let lastSent = '';
      let before = text;
      let version = 1;
      const compareWithFresh = async (step: number) => {
        const last = await client.waitForVersion(uri);
        const again = client.open(path.join(fresh(), seed.name), text, seed.languageId);
        const once = await client.waitForVersion(again);
        if (process.env.RANDOM_LSP_DUMP && JSON.stringify(normalise(last)) !== JSON.stringify(normalise(once))) fs.writeFileSync(process.env.RANDOM_LSP_DUMP, JSON.stringify({ before, lastSent, text }));
        assert.deepEqual(normalise(last), normalise(once), context(step));
        void client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: again } });
      };
      const context = (step: number) => `seed ${seedNo}, ${seed.name}, step ${step}\n--- last changes ---\n${lastSent}\n--- text before them ---\n${JSON.stringify(before)}\n--- text ---\n${text}\n--- stderr ---\n${client.stderr}`;
      for (let step = 0; step < STEPS; step++) {
        if (step && step % CHECK_EVERY === 0) await compareWithFresh(step);
        const roll = r();
        if (roll < 0.15) {
          // Ask for the fixes of one published problem of the current version and apply one, as
          // an editor does: its edits must be bound to the version they were computed for.
          const p = await client.waitForVersion(uri);
          if (!p.diagnostics.length) continue;
          const diag = p.diagnostics[Math.floor(r() * p.diagnostics.length)];
          const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
          const withEdits = actions.filter((a) => a.edit?.documentChanges?.length);
          if (!withEdits.length) continue;
          const a = withEdits[Math.floor(r() * withEdits.length)];
          const dc = a.edit!.documentChanges!;
          assert.deepEqual(dc.map((c) => [c.textDocument.uri, c.textDocument.version]), [[uri, version]], `"${a.title}" is not bound to this version: ${context(step)}`);
          const edits = dc[0].edits;
          const next = applyTextEdits(text, edits);
          // One notification, the edits back to front (each range still means the text before it).
          const starts = (e: TextEdit) => [e.range.start.line, e.range.start.character];
          const ordered = [...edits].sort((x, y) => starts(y)[0] - starts(x)[0] || starts(y)[1] - starts(x)[1]);
          lastSent = JSON.stringify(ordered);
          before = text;
          version = client.changeRanges(uri, ordered.map((e) => ({ range: e.range, text: e.newText })));
          text = next;
          applied++;
          continue;
        }
        // One to three ranged changes in one notification, each against the text the one before left.
        const changes: Change[] = [];
        before = text;
        for (let n = 1 + Math.floor(r() * (r() < 0.7 ? 1 : 3)); n > 0; n--) {
          const c = randomChange(text, seed.bits, r);
          changes.push(c);
          text = applyChange(text, c);
        }
        lastSent = JSON.stringify(changes);
        version = client.changeRanges(uri, changes);
        // Sometimes wait for the diagnostics, mostly type on (the server then skips versions).
        if (r() < 0.3) await client.waitForVersion(uri);
      }
      await compareWithFresh(STEPS);
      const failures = client.logs.filter((l) => /failed/.test(l));
      assert.deepEqual(failures, [], context(STEPS));
      // (The run must have done what it claims: edits and, for documents with fixes, fixes.)
      assert.ok(version > STEPS / 2, `only ${version} versions`);
      fixesApplied += applied;
    });
  }

  it('applied fixes the server offered along the way', () => {
    // (Random edits can break a document so that it offers no fix; over all of them, some must.)
    assert.ok(fixesApplied >= seeds().length, `only ${fixesApplied} fixes applied`);
  });
});
