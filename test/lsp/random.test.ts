// Random typing over the protocol. An editor sends ranged edits, sometimes several in one
// notification and faster than the server lints; it asks for fixes and applies them. Whatever the
// order, what the server publishes for the last version must be what it publishes for the same
// text opened fresh, and nothing may fail on the way. (The engine's property tests check the
// incremental linter against a whole read; this checks the server around it: the text it keeps,
// versions, the result cache, fixes bound to a version, and a Spring profile file re-linted as the
// application.yml it inherits from is typed in.)
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
import { rng } from '../../scripts/bench/inputs.js';
import { applyTextEdits, positionAt, SERVER_PATH, TestClient, type Action, type PublishedDiagnostics } from './lspClient.js';

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
    { name: 'application.yml', languageId: 'yaml', text: read('order-service/src/main/resources/application.yml') + '---\n' + read('order-service/src/main/resources/application-prod.yml'), bits: YAML_BITS },
    { name: 'topics.yaml', languageId: 'yaml', text: read('k8s/strimzi/topics.yaml') + '---\n' + read('k8s/strimzi/kafka-cluster.yaml'), bits: YAML_BITS },
    { name: 'docker-compose.yml', languageId: 'dockercompose', text: read('local-dev/docker-compose.yml'), bits: YAML_BITS },
    { name: 'producer.go', languageId: 'go', text: read('go-events/producer.go'), bits: GO_BITS },
  ];
}

// Values whose change changes findings while the text stays well-formed.
const VALUE = /\b(true|false|all|0|1|2|5|10|-1|earliest|latest|none|read_committed|read_uncommitted|record|manual_immediate|WaitForAll|WaitForLocal|NoResponse|OffsetOldest|OffsetNewest)\b/g;
const VALUES = ['true', 'false', 'all', '0', '1', '2', '5', '10', '-1', 'earliest', 'latest', 'none', 'read_committed', 'manual_immediate', 'sarama.WaitForAll', 'WaitForLocal', 'NoResponse', 'OffsetNewest'];

/** A value written in the text replaced by another, or undefined when the text has none. */
function valueChange(text: string, r: () => number): Change | undefined {
  const found = [...text.matchAll(VALUE)];
  if (!found.length) return undefined;
  const m = found[Math.floor(r() * found.length)];
  const at = m.index!;
  return { range: { start: positionAt(text, at), end: positionAt(text, at + m[0].length) }, text: VALUES[Math.floor(r() * VALUES.length)] };
}

/** A random edit of `text`: another value for a setting, an insertion of one of the bits, a deletion, or a replacement. */
function randomChange(text: string, bits: string[], r: () => number): Change {
  if (r() < 0.3) {
    const c = valueChange(text, r);
    if (c) return c;
  }
  // No position falls between the two characters of a \r\n or of a surrogate pair: LSP has none
  // there, and an editor sends none.
  const onBoundary = (o: number) => {
    const before = text.charCodeAt(o - 1);
    const at = text.charCodeAt(o);
    return (before === 13 && at === 10) || (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) ? o - 1 : o;
  };
  const at = onBoundary(Math.floor(r() * (text.length + 1)));
  const kind = r();
  const len = kind < 0.5 ? 0 : Math.min(text.length - at, 1 + Math.floor(r() * (r() < 0.8 ? 3 : 40)));
  const insert = kind < 0.75 ? bits[Math.floor(r() * bits.length)] : '';
  return { range: { start: positionAt(text, at), end: positionAt(text, Math.max(at, onBoundary(at + len))) }, text: insert };
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

interface Typed extends Seed {
  uri: string;
  /** The text before the last changes, and those changes (for a failure's report). */
  before: string;
  lastSent: string;
}

/** A run of random steps over open documents, checked against fresh opens every CHECK_EVERY steps. */
class Session {
  fixesApplied = 0;
  private readonly docs: Typed[] = [];

  constructor(
    private readonly client: TestClient,
    private readonly seedNo: number,
    private readonly freshDir: () => string,
  ) {}

  /** Opens the documents in one new folder, in this order (a Spring base before its profile files). */
  async open(seeds: Seed[]): Promise<void> {
    const dir = this.freshDir();
    for (const s of seeds) this.docs.push({ ...s, uri: this.client.open(path.join(dir, s.name), s.text, s.languageId), before: s.text, lastSent: '' });
    for (const d of this.docs) await this.client.waitForVersion(d.uri);
  }

  async run(steps: number): Promise<void> {
    const r = rng(this.seedNo);
    for (let step = 0; step < steps; step++) {
      if (step && step % CHECK_EVERY === 0) await this.compareWithFresh(step);
      const doc = this.docs[Math.floor(r() * this.docs.length)];
      if (r() < 0.15) await this.applyFix(doc, r, step);
      else await this.edit(doc, r);
    }
    await this.compareWithFresh(steps);
    assert.deepEqual(this.client.logs.filter((l) => /failed/.test(l)), [], this.context(steps));
  }

  /** One to three ranged changes in one notification, each against the text the one before left. */
  private async edit(doc: Typed, r: () => number): Promise<void> {
    const changes: Change[] = [];
    doc.before = doc.text;
    for (let n = 1 + Math.floor(r() * (r() < 0.7 ? 1 : 3)); n > 0; n--) {
      const c = randomChange(doc.text, doc.bits, r);
      changes.push(c);
      doc.text = applyTextEdits(doc.text, [{ range: c.range, newText: c.text }]);
    }
    doc.lastSent = JSON.stringify(changes);
    this.client.changeRanges(doc.uri, changes);
    // Sometimes wait for the diagnostics, mostly type on (the server then skips versions).
    if (r() < 0.3) await this.client.waitForVersion(doc.uri);
  }

  /**
   * Asks for the fixes of one published problem of the current version and applies one, as an
   * editor does: its edits must be bound to the version they were computed for.
   */
  private async applyFix(doc: Typed, r: () => number, step: number): Promise<void> {
    const p = await this.client.waitForVersion(doc.uri);
    if (!p.diagnostics.length) return;
    const diag = p.diagnostics[Math.floor(r() * p.diagnostics.length)];
    const actions = (await this.client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
    const withEdits = actions.filter((a) => a.edit?.documentChanges?.length);
    if (!withEdits.length) return;
    const a = withEdits[Math.floor(r() * withEdits.length)];
    const dc = a.edit!.documentChanges!;
    assert.deepEqual(dc.map((c) => [c.textDocument.uri, c.textDocument.version]), [[doc.uri, this.client.version(doc.uri)]], `"${a.title}" is not bound to this version: ${this.context(step)}`);
    const edits = dc[0].edits;
    // One notification, the edits back to front (each range still means the text before it).
    const starts = (e: TextEdit) => [e.range.start.line, e.range.start.character];
    const ordered = [...edits].sort((x, y) => starts(y)[0] - starts(x)[0] || starts(y)[1] - starts(x)[1]);
    doc.before = doc.text;
    doc.lastSent = JSON.stringify(ordered);
    doc.text = applyTextEdits(doc.text, edits);
    this.client.changeRanges(doc.uri, ordered.map((e) => ({ range: e.range, text: e.newText })));
    this.fixesApplied++;
  }

  /**
   * What the server published for the current versions against the same texts opened fresh, in a
   * folder of their own. A profile file is re-linted when its base changes, at the same version:
   * an empty change to every document after the first makes the diagnostics to wait for ones
   * computed after the last change to any of them.
   */
  private async compareWithFresh(step: number): Promise<void> {
    for (const d of this.docs.slice(1)) this.client.changeRanges(d.uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const dir = this.freshDir();
    const again: string[] = [];
    for (const d of this.docs) {
      const last = await this.client.waitForVersion(d.uri);
      again.push(this.client.open(path.join(dir, d.name), d.text, d.languageId));
      const once = await this.client.waitForVersion(again[again.length - 1]);
      if (process.env.RANDOM_LSP_DUMP && JSON.stringify(normalise(last)) !== JSON.stringify(normalise(once))) {
        fs.writeFileSync(process.env.RANDOM_LSP_DUMP, JSON.stringify({ name: d.name, before: d.before, lastSent: d.lastSent, text: d.text }));
      }
      assert.deepEqual(normalise(last), normalise(once), `${d.name}: ${this.context(step)}`);
    }
    for (const uri of again) void this.client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  private context(step: number): string {
    const docs = this.docs.map((d) => `=== ${d.name}\n--- last changes ---\n${d.lastSent}\n--- text before them ---\n${JSON.stringify(d.before)}\n--- text ---\n${d.text}`);
    return `seed ${this.seedNo}, step ${step}\n${docs.join('\n')}\n--- stderr ---\n${this.client.stderr}`;
  }
}

describe('language server: random typing', () => {
  let client: TestClient;
  const dirs: string[] = [];
  let fixesApplied = 0;
  const freshDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-lint-random-'));
    dirs.push(d);
    return d;
  };

  before(async () => {
    assert.ok(fs.existsSync(SERVER_PATH), `build the server first: ${SERVER_PATH} is missing`);
    client = new TestClient();
    await client.initialize('en');
  });

  after(async () => {
    await client.shutdown();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const [k, seed] of seeds().entries()) {
    it(`${seed.name}: the last version's diagnostics equal a fresh open of the same text`, async () => {
      const session = new Session(client, FIRST_SEED + k, freshDir);
      await session.open([seed]);
      await session.run(STEPS);
      fixesApplied += session.fixesApplied;
    });
  }

  it('application.yml and a profile file typed in together: the profile file follows what it inherits', async () => {
    const read = (p: string) => fs.readFileSync(path.join(EXAMPLES, 'order-service/src/main/resources', p), 'utf8');
    const session = new Session(client, FIRST_SEED + 100, freshDir);
    await session.open([
      { name: 'application.yml', languageId: 'yaml', text: read('application.yml'), bits: YAML_BITS },
      { name: 'application-prod.yml', languageId: 'yaml', text: read('application-prod.yml'), bits: YAML_BITS },
    ]);
    await session.run(2 * STEPS);
    fixesApplied += session.fixesApplied;
  });

  it('applied fixes the server offered along the way', () => {
    // (Random edits can break a document so that it offers no fix; over all of them, some must.)
    assert.ok(fixesApplied >= seeds().length, `only ${fixesApplied} fixes applied`);
  });
});
