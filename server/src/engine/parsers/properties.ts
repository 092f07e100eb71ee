// `.properties` files: read exactly as `java.util.Properties.load(Reader)` reads them (JDK 9+
// LineReader + load0 + loadConvert semantics, re-implemented here with source offsets), then
// decide whether the file is Kafka configuration at all (quiet by default), which surface and
// role it has, and normalise it into the settings model.

import type { Comment, ConfigUnit, ParsedFile, ParseError, Role, Setting, Span } from '../model.js';
import { internSetting } from '../strings.js';
import {
  canonicalSpringSegment,
  mapSpringKafkaPath,
  springValueToKafka,
  unknownSpringProperty,
  type SpringValueKind,
} from '../knowledge/spring.js';
import { markBinderAnchor, readScstLeaf, scstGroups, scstSlot, type ScstDoc } from './scstRead.js';
import { splitSpringKey } from './springYaml.js';
import type { ScstMapping } from '../knowledge/scst.js';
import './propertiesEditor.js'; // registers the format editor for both surfaces
import { commonPrefix, commonSuffix } from '../textDiff.js';

// ---------------------------------------------------------------------------------------------
// Scanner

/** One key/value pair as Java reads it, with exact source spans. */
export interface PropEntry {
  /** Decoded key and value (escapes resolved, continuation lines joined). */
  key: string;
  value: string;
  keySpan: Span;
  /** Raw value text: from the first value char to the end of the last physical line. */
  valueSpan: Span;
  /** Key start to the end of the last physical line (line terminator excluded). */
  entrySpan: Span;
  /** Start of the first physical line (before leading whitespace). */
  lineStart: number;
  /** End of the last physical line including its terminator. */
  lineEnd: number;
  /** Text between key and value when both sit on one physical line (`=`, ` = `, `: `, ` `). */
  separator?: string;
  /** The last physical line ends in an odd number of backslashes (only possible at EOF):
   *  text appended right after the entry would be joined to it. */
  danglingBackslash: boolean;
}

export interface ScanResult {
  entries: PropEntry[];
  comments: Comment[];
  errors: ParseError[];
  /** Dominant line terminator; a lone CR counts as its own style. */
  eol: '\n' | '\r\n' | '\r';
  /** Length of a leading byte order mark (0 or 1). */
  bom: number;
}

interface Segment {
  /** Source offset of the segment's first char. */
  src: number;
  /** Logical-line index of the segment's first char. */
  log: number;
  len: number;
}

const SP = 32;
const TAB = 9;
const FF = 12;
const LF = 10;
const CR = 13;
const BACKSLASH = 92;
const HASH = 35;
const BANG = 33;
const EQ = 61;
const COLON = 58;

const isWs = (c: number) => c === SP || c === TAB || c === FF;

/** Parse error messages (ParseError carries a plain string; English until the model localises). */
const MALFORMED_UNICODE = 'Malformed \\uXXXX escape: loading the file fails (Java throws IllegalArgumentException).';

/**
 * Read `.properties` text as `java.util.Properties.load` does. Never throws. A malformed `\u`
 * escape is reported (Java would throw and stop) and decoded leniently as the literal text.
 */
export function scanProperties(text: string): ScanResult {
  const bom = text.length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return finishScan(scanRange(text, bom), bom);
}

/** Line terminators counted while scanning, to tell the dominant one. */
interface EolCounts {
  lf: number;
  crlf: number;
  cr: number;
}

/** What `scanRange` read between `from` and `end`. */
interface RangeScan extends EolCounts {
  entries: PropEntry[];
  comments: Comment[];
  errors: ParseError[];
  /** Where the scan stopped: the text's end, or the line start `stopAt` accepted. */
  end: number;
}

function finishScan(r: RangeScan, bom: number): ScanResult {
  const { lf, crlf, cr } = r;
  const eol: ScanResult['eol'] = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { entries: r.entries, comments: r.comments, errors: r.errors, eol, bom };
}

/**
 * Scan from `from` (the start of a logical line) to the end of the text, or up to the first
 * later physical line start outside any logical line for which `stopAt` returns true.
 */
function scanRange(text: string, from: number, stopAt?: (lineStart: number) => boolean): RangeScan {
  const entries: PropEntry[] = [];
  const comments: Comment[] = [];
  const errors: ParseError[] = [];
  const n = text.length;
  let lf = 0;
  let crlf = 0;
  let cr = 0;

  // Logical line being assembled.
  let open = false;
  let segs: Segment[] = [];
  let parts: string[] = [];
  let logLen = 0;
  let firstContent = 0; // source offset of the first content char of the logical line
  let entryLineStart = 0;
  let lastContentEnd = 0;
  let lastTermEnd = 0;
  let lastOdd = false;

  const comment = (start: number, end: number) => {
    comments.push({ span: { start, end }, text: text.slice(start + 1, end), ownLine: true });
  };

  const finish = () => {
    open = false;
    const line = parts.length === 1 ? parts[0] : parts.join('');
    entries.push(buildEntry(text, line, segs, firstContent, entryLineStart, lastContentEnd, lastTermEnd, lastOdd, errors));
    segs = [];
    parts = [];
    logLen = 0;
  };

  /** Append a physical line's content [p, ce); returns true when the logical line continues. */
  const append = (p: number, ce: number, te: number): boolean => {
    let bs = 0;
    for (let i = ce - 1; i >= p && text.charCodeAt(i) === BACKSLASH; i--) bs++;
    const odd = bs % 2 === 1;
    const end = odd ? ce - 1 : ce;
    if (end > p) {
      segs.push({ src: p, log: logLen, len: end - p });
      parts.push(text.slice(p, end));
      logLen += end - p;
    }
    lastContentEnd = ce;
    lastTermEnd = te;
    lastOdd = odd;
    return odd;
  };

  let pos = from;
  while (pos < n) {
    if (stopAt && !open && pos > from && stopAt(pos)) return { entries, comments, errors, lf, crlf, cr, end: pos };
    let ce = pos;
    while (ce < n) {
      const c = text.charCodeAt(ce);
      if (c === LF || c === CR) break;
      ce++;
    }
    let te = ce;
    if (ce < n) {
      if (text.charCodeAt(ce) === CR) {
        if (ce + 1 < n && text.charCodeAt(ce + 1) === LF) {
          te = ce + 2;
          crlf++;
        } else {
          te = ce + 1;
          cr++;
        }
      } else {
        te = ce + 1;
        lf++;
      }
    }
    let p = pos;
    while (p < ce && isWs(text.charCodeAt(p))) p++;
    if (!open) {
      if (p < ce) {
        const c = text.charCodeAt(p);
        if (c === HASH || c === BANG) comment(p, ce);
        else {
          open = true;
          entryLineStart = pos;
          firstContent = p;
          if (!append(p, ce, te)) finish();
        }
      }
    } else if (p === ce) {
      // An empty continuation line ends the logical line (Java drops it if nothing was read).
      lastContentEnd = ce;
      lastTermEnd = te;
      lastOdd = false;
      if (logLen === 0) {
        open = false;
        segs = [];
        parts = [];
      } else finish();
    } else if (logLen === 0 && (text.charCodeAt(p) === HASH || text.charCodeAt(p) === BANG)) {
      // JDK 9+ tests "still at the start of a logical line" by length: after a line holding only
      // a backslash, a `#` line is a comment.
      open = false;
      segs = [];
      parts = [];
      comment(p, ce);
    } else if (!append(p, ce, te)) finish();
    pos = te;
  }
  // A continuation backslash on the last line: Java drops the backslash and returns the line,
  // except that after a CRLF it has already consumed the LF and reports "no line" when nothing
  // is left (`\` + CRLF at EOF yields no entry, `\` + LF yields an empty one).
  if (open) {
    if (logLen === 0 && lastTermEnd - lastContentEnd === 2) open = false;
    else finish();
  }
  return { entries, comments, errors, lf, crlf, cr, end: n };
}

/** A scan of a whole text, kept to rescan only what an edit touched. */
export interface PropertiesScanState {
  text: string;
  scan: ScanResult;
  counts: EolCounts;
}

export function scanPropertiesState(text: string): PropertiesScanState {
  const bom = text.length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const r = scanRange(text, bom);
  return { text, scan: finishScan(r, bom), counts: { lf: r.lf, crlf: r.crlf, cr: r.cr } };
}

function countEols(text: string, from: number, to: number): EolCounts {
  const c = { lf: 0, crlf: 0, cr: 0 };
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === LF) c.lf++;
    else if (ch === CR) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === LF) {
        c.crlf++;
        i++;
      } else c.cr++;
    }
  }
  return c;
}

const shiftSpan = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });

function shiftEntry(e: PropEntry, d: number): PropEntry {
  return {
    ...e,
    keySpan: shiftSpan(e.keySpan, d),
    valueSpan: shiftSpan(e.valueSpan, d),
    entrySpan: shiftSpan(e.entrySpan, d),
    lineStart: e.lineStart + d,
    lineEnd: e.lineEnd + d,
  };
}

/** Index of the first item at or after offset `pos` in a list sorted by `at`. */
function firstAtOrAfter<T>(list: T[], at: (x: T) => number, pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ends with an odd run of backslashes? (Such a line continues on the next one.) */
function isBackslashAt(text: string, i: number): boolean {
  return i >= 0 && text.charCodeAt(i) === BACKSLASH;
}

/**
 * The scan of `text`, reusing `prev` outside the lines an edit touched. Logical lines are
 * independent once a line does not end in a backslash: the scan restarts at such a line
 * boundary before the edit and stops at the first one after it where the old and new texts
 * agree, and everything beyond is the old scan shifted. Equal to `scanPropertiesState(text)`.
 */
export function rescanProperties(prev: PropertiesScanState, text: string): PropertiesScanState {
  const old = prev.text;
  if (old === text) return prev;
  const oldBom = old.length > 0 && old.charCodeAt(0) === 0xfeff ? 1 : 0;
  const bom = text.length > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (bom !== oldBom) return scanPropertiesState(text);
  const p = commonPrefix(old, text);
  const sfx = commonSuffix(old, text, p);
  const e1 = text.length - sfx; // end of the changed region in the new text
  const delta = text.length - old.length;

  // Restart: a line start S <= p, both texts identical before it, the scanner outside any
  // logical line there (the line before does not end in a backslash).
  let S = bom;
  for (let i = Math.min(p, text.length) - 1, seen = 0; i >= bom && seen < 65536; i--, seen++) {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR) continue;
    const at = i + 1;
    // The CR of a CRLF is no line end; a lone CR right before the edit may become one.
    if (c === CR && (at >= p || text.charCodeAt(at) === LF)) continue;
    const contentEnd = c === LF && i > 0 && text.charCodeAt(i - 1) === CR ? i - 2 : i - 1;
    if (isBackslashAt(text, contentEnd)) continue;
    S = at;
    break;
  }

  // Resynchronise: a line start R in the unchanged tail whose preceding line ending and last
  // content character are unchanged too, with no backslash before the line ending.
  const stopAt = (R: number): boolean => {
    let term = R - 1;
    if (text.charCodeAt(term) === LF && term > 0 && text.charCodeAt(term - 1) === CR) term--;
    const last = term - 1;
    return last >= e1 && !isBackslashAt(text, last);
  };
  const r = scanRange(text, S, stopAt);
  const R1 = r.end;
  const R0 = R1 - delta;

  const was = prev.scan;
  // Old items are in source order: keep those before S, the new scan's, then those from R0 on.
  const splice = <T>(old: T[], fresh: T[], at: (x: T) => number, shift: (x: T) => T): T[] => {
    const out = old.slice(0, firstAtOrAfter(old, at, S));
    for (const x of fresh) out.push(x);
    if (R1 < text.length) for (let i = firstAtOrAfter(old, at, R0); i < old.length; i++) out.push(delta ? shift(old[i]) : old[i]);
    return out;
  };
  const entries = splice(was.entries, r.entries, (e) => e.lineStart, (e) => shiftEntry(e, delta));
  const comments = splice(was.comments, r.comments, (c) => c.span.start, (c) => ({ ...c, span: shiftSpan(c.span, delta) }));
  const errors = splice(was.errors, r.errors, (e) => e.span.start, (e) => ({ ...e, span: shiftSpan(e.span, delta) }));
  const gone = countEols(old, S, R0);
  const counts = {
    lf: prev.counts.lf - gone.lf + r.lf,
    crlf: prev.counts.crlf - gone.crlf + r.crlf,
    cr: prev.counts.cr - gone.cr + r.cr,
  };
  return { text, scan: finishScan({ entries, comments, errors, ...counts, end: text.length }, bom), counts };
}

function buildEntry(
  text: string,
  line: string,
  segs: Segment[],
  firstContent: number,
  lineStart: number,
  lastContentEnd: number,
  lastTermEnd: number,
  dangling: boolean,
  errors: ParseError[],
): PropEntry {
  const limit = line.length;
  // Logical index -> source offset.
  const at = (i: number): number => {
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].log <= i) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    return s.src + (i - s.log);
  };
  // Source offset just after logical index i-1 (i = 0: the first content char).
  const after = (i: number): number => (i > 0 ? at(i - 1) + 1 : firstContent);

  // load0: the key ends at the first unescaped '=', ':' or whitespace.
  let keyLen = 0;
  let valueStart = limit;
  let hasSep = false;
  let preceding = false;
  while (keyLen < limit) {
    const c = line.charCodeAt(keyLen);
    if ((c === EQ || c === COLON) && !preceding) {
      valueStart = keyLen + 1;
      hasSep = true;
      break;
    } else if (isWs(c) && !preceding) {
      valueStart = keyLen + 1;
      break;
    }
    preceding = c === BACKSLASH ? !preceding : false;
    keyLen++;
  }
  while (valueStart < limit) {
    const c = line.charCodeAt(valueStart);
    if (!isWs(c)) {
      if (!hasSep && (c === EQ || c === COLON)) hasSep = true;
      else break;
    }
    valueStart++;
  }

  const bad = (from: number, to: number) => {
    errors.push({ message: MALFORMED_UNICODE, span: { start: at(from), end: after(to) }, code: 'MALFORMED_UNICODE' });
  };
  const key = loadConvert(line, 0, keyLen, bad);
  const value = loadConvert(line, valueStart, limit, bad);

  const keyStart = limit > 0 ? at(0) : firstContent;
  const keySpan = { start: keyStart, end: keyLen > 0 ? after(keyLen) : keyStart };
  const vStart = valueStart < limit ? at(valueStart) : after(limit);
  const valueSpan = { start: Math.min(vStart, lastContentEnd), end: lastContentEnd };
  const sepText = text.slice(keySpan.end, valueSpan.start);
  return {
    key,
    value,
    keySpan,
    valueSpan,
    entrySpan: { start: keyStart, end: lastContentEnd },
    lineStart,
    lineEnd: lastTermEnd,
    separator: /[\r\n]/.test(sepText) ? undefined : sepText,
    danglingBackslash: dangling,
  };
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Properties.loadConvert over line[from, to); `bad` gets the logical range of a malformed \u. */
function loadConvert(line: string, from: number, to: number, bad: (from: number, to: number) => void): string {
  const first = line.indexOf('\\', from);
  if (first < 0 || first >= to) return line.slice(from, to);
  let out = line.slice(from, first);
  let i = first;
  while (i < to) {
    const c = line.charCodeAt(i);
    if (c !== BACKSLASH) {
      // Copy the run up to the next backslash in one go.
      let j = line.indexOf('\\', i);
      if (j < 0 || j > to) j = to;
      out += line.slice(i, j);
      i = j;
      continue;
    }
    if (i + 1 >= to) {
      // Cannot happen for Java-shaped lines (an odd trailing backslash is removed), kept for safety.
      out += '\\';
      i++;
      continue;
    }
    const e = line[i + 1];
    if (e === 'u') {
      let v = 0;
      let ok = i + 6 <= to;
      if (ok) {
        for (let k = 2; k < 6; k++) {
          const h = hexVal(line.charCodeAt(i + k));
          if (h < 0) {
            ok = false;
            break;
          }
          v = (v << 4) + h;
        }
      }
      if (ok) {
        out += String.fromCharCode(v);
        i += 6;
      } else {
        bad(i, Math.min(i + 6, to));
        out += '\\u';
        i += 2;
      }
      continue;
    }
    out += e === 't' ? '\t' : e === 'r' ? '\r' : e === 'n' ? '\n' : e === 'f' ? '\f' : e;
    i += 2;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Model data the format editor needs

export interface PropertiesSettingExt {
  kind: 'properties';
  lineStart: number;
  lineEnd: number;
  separator?: string;
  danglingBackslash: boolean;
  /** Spring: how the key is written. */
  spring?: {
    /** `dedicated` (producer.acks), `map` (producer.properties[acks] / .properties.acks), `unknown`. */
    form: 'dedicated' | 'map' | 'unknown';
    /** Map form: everything before the map key, e.g. `spring.kafka.producer.properties[`. */
    mapPrefix?: string;
    /** Map form: `]` for the bracket form, `` for the dotted form. */
    mapSuffix?: string;
    /** Where the placeholder default sits in the source, when the value is `${VAR:default}`. */
    defaultSpan?: Span;
  };
  /** Spring Cloud Stream's Kafka binder: the binding a binding-level setting belongs to. */
  binding?: string;
}

export interface PropertiesUnitExt {
  kind: 'properties';
  /** The file's dominant line terminator, lone CR included. */
  eol: '\n' | '\r\n' | '\r';
  /** The separator written most often in the file. */
  separator: string;
  /** Spring: the section of the unit (`producer`...), or undefined for the shared 'client' unit. */
  springSection?: string;
  /** Spring: bounds of the document (`#---` separated) the unit belongs to. */
  doc?: Span;
  /** Spring Cloud Stream's Kafka binder unit: its binding (undefined: binder-wide). */
  scst?: { binding?: string };
}

// ---------------------------------------------------------------------------------------------
// Detection

/** Keys only a producer reads (Java, Scala-era and librdkafka producer names). */
const PRODUCER_KEYS = new Set([
  'acks',
  'key.serializer',
  'value.serializer',
  'linger.ms',
  'enable.idempotence',
  'batch.size',
  'buffer.memory',
  'max.in.flight.requests.per.connection',
  'delivery.timeout.ms',
  'transactional.id',
  'transaction.timeout.ms',
  'partitioner.class',
  'partitioner.ignore.keys',
  'max.block.ms',
  'max.request.size',
  'request.required.acks',
  'producer.type',
  'queue.buffering.max.ms',
  'queue.buffering.max.messages',
  'queue.enqueue.timeout.ms',
  'batch.num.messages',
  'message.send.max.retries',
  'metadata.fetch.timeout.ms',
  'block.on.buffer.full',
  'queue.buffering.max.kbytes',
  'message.timeout.ms',
  'enable.gapless.guarantee',
]);

/** Keys only a consumer reads. */
const CONSUMER_KEYS = new Set([
  'group.id',
  'group.instance.id',
  'key.deserializer',
  'value.deserializer',
  'enable.auto.commit',
  'auto.offset.reset',
  'auto.commit.interval.ms',
  'max.poll.records',
  'max.poll.interval.ms',
  'isolation.level',
  'session.timeout.ms',
  'heartbeat.interval.ms',
  'fetch.min.bytes',
  'fetch.max.wait.ms',
  'max.partition.fetch.bytes',
  'partition.assignment.strategy',
  'allow.auto.create.topics',
  'exclude.internal.topics',
  'check.crcs',
  'group.protocol',
  'group.remote.assignor',
  'auto.commit.enable',
  'enable.auto.offset.store',
  'enable.partition.eof',
  'queued.min.messages',
  'queued.max.messages.kbytes',
]);

/** Keys only a broker (or controller) reads. */
const BROKER_KEYS = new Set([
  'broker.id',
  'node.id',
  'process.roles',
  'log.dirs',
  'log.dir',
  'metadata.log.dir',
  'listeners',
  'advertised.listeners',
  'listener.security.protocol.map',
  'inter.broker.listener.name',
  'inter.broker.protocol.version',
  'controller.listener.names',
  'controller.quorum.voters',
  'controller.quorum.bootstrap.servers',
  'zookeeper.connect',
  'zookeeper.connection.timeout.ms',
  'num.partitions',
  'min.insync.replicas',
  'default.replication.factor',
  'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor',
  'transaction.state.log.min.isr',
  'unclean.leader.election.enable',
  'auto.create.topics.enable',
  'delete.topic.enable',
  'log.retention.hours',
  'log.retention.minutes',
  'log.retention.ms',
  'log.retention.bytes',
  'log.segment.bytes',
  'log.retention.check.interval.ms',
  'log.flush.interval.messages',
  'log.flush.interval.ms',
  'log.flush.scheduler.interval.ms',
  'log.cleaner.enable',
  'log.cleanup.policy',
  'num.network.threads',
  'num.io.threads',
  'num.recovery.threads.per.data.dir',
  'num.replica.fetchers',
  'replica.lag.time.max.ms',
  'replica.lag.max.messages',
  'socket.request.max.bytes',
  'group.initial.rebalance.delay.ms',
  'offsets.retention.minutes',
  'offsets.commit.required.acks',
  'broker.rack',
  'authorizer.class.name',
  'super.users',
]);

/** Broker keys that are also topic-level configs. */
const BROKER_TOPIC_SHARED = new Set(['min.insync.replicas', 'unclean.leader.election.enable']);

/** Topic-level config names (no broker key is spelled like these). */
const TOPIC_KEYS = new Set([
  'cleanup.policy',
  'retention.ms',
  'retention.bytes',
  'segment.bytes',
  'segment.ms',
  'segment.jitter.ms',
  'segment.index.bytes',
  'flush.messages',
  'flush.ms',
  'max.message.bytes',
  'min.cleanable.dirty.ratio',
  'min.compaction.lag.ms',
  'max.compaction.lag.ms',
  'delete.retention.ms',
  'file.delete.delay.ms',
  'message.timestamp.type',
  'message.downconversion.enable',
  'index.interval.bytes',
  'preallocate',
  'local.retention.ms',
  'local.retention.bytes',
  'remote.storage.enable',
]);

const STREAMS_KEYS = new Set([
  'application.id',
  'num.stream.threads',
  'processing.guarantee',
  'default.key.serde',
  'default.value.serde',
  'state.dir',
  'cache.max.bytes.buffering',
  'statestore.cache.max.bytes',
  'topology.optimization',
  'default.deserialization.exception.handler',
  'default.production.exception.handler',
]);

/** Kafka Connect worker / connector configs: not modelled (Connect sets its own client defaults). */
const CONNECT_KEYS = new Set([
  'key.converter',
  'value.converter',
  'connector.class',
  'offset.storage.topic',
  'config.storage.topic',
  'status.storage.topic',
  'offset.storage.file.filename',
  'plugin.path',
  'tasks.max',
]);

/** Property names only librdkafka-based clients read. */
const LIBRDKAFKA_KEYS = new Set([
  'enable.auto.offset.store',
  'max.in.flight',
  'queue.buffering.max.kbytes',
  'message.timeout.ms',
  'socket.keepalive.enable',
  'api.version.request',
  'api.version.fallback.ms',
  'broker.version.fallback',
  'statistics.interval.ms',
  'enable.gapless.guarantee',
  'enable.partition.eof',
  'queued.min.messages',
  'queued.max.messages.kbytes',
  'ssl.ca.location',
  'ssl.key.location',
  'ssl.certificate.location',
  'sasl.username',
  'sasl.password',
  'enable.ssl.certificate.verification',
  'log.connection.close',
  'topic.metadata.refresh.sparse',
  'sticky.partitioning.linger.ms',
  'queuing.strategy',
  'enable.random.seed',
  'delivery.report.only.error',
  'coordinator.query.interval.ms',
  'message.copy.max.bytes',
  'receive.message.max.bytes',
  'go.delivery.reports',
  'go.events.channel.enable',
  'go.application.rebalance.enable',
  'go.logs.channel.enable',
  'go.produce.channel.size',
  'go.batch.producer',
]);

/** Keys that alone show a file is Kafka configuration. */
const STRONG_KEYS = new Set([
  'bootstrap.servers',
  'metadata.broker.list',
  'acks',
  'key.serializer',
  'value.serializer',
  'key.deserializer',
  'value.deserializer',
  'enable.idempotence',
  'max.in.flight.requests.per.connection',
  'delivery.timeout.ms',
  'transactional.id',
  'linger.ms',
  'enable.auto.commit',
  'auto.offset.reset',
  'auto.commit.interval.ms',
  'max.poll.records',
  'max.poll.interval.ms',
  'partition.assignment.strategy',
  'group.instance.id',
  'min.insync.replicas',
  'log.dirs',
  'unclean.leader.election.enable',
  'default.replication.factor',
  'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor',
  'transaction.state.log.min.isr',
  'zookeeper.connect',
  'process.roles',
  'controller.quorum.voters',
  'controller.quorum.bootstrap.servers',
  'controller.listener.names',
  'inter.broker.listener.name',
  'broker.id',
  'auto.create.topics.enable',
  'log.flush.interval.messages',
  'log.flush.interval.ms',
  'replica.lag.time.max.ms',
  'replica.lag.max.messages',
  'num.replica.fetchers',
  'request.required.acks',
  'message.send.max.retries',
  'queue.buffering.max.ms',
  'enable.auto.offset.store',
  'queue.buffering.max.kbytes',
  'enable.gapless.guarantee',
  'sasl.jaas.config',
  'processing.guarantee',
  'default.key.serde',
  'default.value.serde',
]);

/** Further Kafka keys: evidence only together with a Kafka-ish file name. */
const KNOWN_KEYS = new Set([
  ...PRODUCER_KEYS,
  ...CONSUMER_KEYS,
  ...BROKER_KEYS,
  ...TOPIC_KEYS,
  ...STREAMS_KEYS,
  ...LIBRDKAFKA_KEYS,
  ...STRONG_KEYS,
  'retries',
  'client.id',
  'compression.type',
  'request.timeout.ms',
  'retry.backoff.ms',
  'retry.backoff.max.ms',
  'reconnect.backoff.ms',
  'reconnect.backoff.max.ms',
  'metadata.max.age.ms',
  'connections.max.idle.ms',
  'send.buffer.bytes',
  'receive.buffer.bytes',
  'socket.send.buffer.bytes',
  'socket.receive.buffer.bytes',
  'message.max.bytes',
  'security.protocol',
  'sasl.mechanism',
  'sasl.kerberos.service.name',
  'ssl.truststore.location',
  'ssl.truststore.password',
  'ssl.keystore.location',
  'ssl.keystore.password',
  'ssl.key.password',
  'ssl.endpoint.identification.algorithm',
  'client.dns.lookup',
  'client.rack',
  'replication.factor',
]);

type NameInfo = {
  role?: Role;
  kafkaish: boolean;
  quiet: boolean;
  spring: boolean;
  connect: boolean;
  springProfile?: string;
  /** The stem ends like a resource bundle's locale (`_zh`, `_pt_BR`) and nothing else is Kafka-ish. */
  localeBundle: boolean;
};

function baseName(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1);
}

const I18N_STEMS = /^(messages|validationmessages|bundle|resources?|strings|labels|i18n|l10n|lang|language|translations?|text)([_.-]|$)/;
const I18N_DIRS = /(^|\/)(i18n|l10n|locales?|translations)\//i;
// A Java resource-bundle locale suffix: `_zh`, `_zh_CN`, `_pt_BR`, `_sr_Latn_RS`.
const LOCALE_SUFFIX = /_[a-z]{2}(_[A-Z][a-z]{3})?(_([A-Z]{2}|\d{3}))?$/;

export function classifyName(path: string): NameInfo {
  const base = baseName(path);
  const stemCase = base.replace(/\.properties$/i, '');
  const stem = stemCase.toLowerCase();
  const tokens = stem.split(/[^a-z0-9]+/).filter(Boolean);
  const info: NameInfo = { kafkaish: false, quiet: false, spring: false, connect: false, localeBundle: false };

  const spring = /^(application|bootstrap)([-_.].*)?$/.exec(stem);
  if (spring) {
    info.spring = true;
    const profile = /^(?:application|bootstrap)-(.+)$/.exec(stemCase);
    if (profile) info.springProfile = profile[1];
    return info;
  }

  const has = (pred: (t: string) => boolean) => tokens.some(pred);
  const roleByName: Role[] = [];
  if (has((t) => t.startsWith('producer'))) roleByName.push('producer');
  if (has((t) => t.startsWith('consumer'))) roleByName.push('consumer');
  if (
    ['server', 'broker', 'brokers', 'kraft', 'controller'].includes(tokens[0] ?? '') ||
    has((t) => t === 'broker' || t === 'brokers' || t === 'kraft' || t === 'controller')
  ) {
    roleByName.push('broker');
  }
  if (stem.includes('topic')) roleByName.push('topic');
  if (has((t) => t === 'streams' || t === 'stream')) roleByName.push('streams');
  if (has((t) => t === 'admin')) roleByName.push('admin');
  if (roleByName.length === 1) info.role = roleByName[0];
  info.kafkaish = roleByName.length > 0 || stem.includes('kafka') || has((t) => t === 'client' || t === 'clients');
  info.connect = /^(connect|mirror|mm2)([-_.]|$)/.test(stem) || has((t) => t === 'connector' || t === 'mirrormaker');

  if (
    /log4j|logback|logging/.test(stem) ||
    /^(gradle|gradle-wrapper|maven-wrapper|sonar-project|local|git)$/.test(stem) ||
    (!info.kafkaish && (I18N_STEMS.test(stem) || I18N_DIRS.test(path.replace(/\\/g, '/'))))
  ) {
    info.quiet = true;
  }
  info.localeBundle = !info.kafkaish && LOCALE_SUFFIX.test(stemCase);
  return info;
}

function isClientRole(r: Role): boolean {
  return r === 'producer' || r === 'consumer' || r === 'client' || r === 'admin' || r === 'streams';
}

/** Role of a plain Kafka file from its keys. */
export function roleFromKeys(keys: Set<string>): Role {
  let p = 0;
  let c = 0;
  let b = 0;
  let bOnly = 0;
  let t = 0;
  let s = 0;
  for (const k of keys) {
    if (PRODUCER_KEYS.has(k)) p++;
    if (CONSUMER_KEYS.has(k)) c++;
    if (BROKER_KEYS.has(k)) {
      b++;
      if (!BROKER_TOPIC_SHARED.has(k)) bOnly++;
    }
    if (TOPIC_KEYS.has(k)) t++;
    if (STREAMS_KEYS.has(k)) s++;
  }
  // A broker list means a client: brokers are configured with listeners, not bootstrap.servers.
  const clientSide = p + c + s + (keys.has('bootstrap.servers') || keys.has('metadata.broker.list') ? 1 : 0);
  if (t > 0 && bOnly === 0 && clientSide === 0) return 'topic';
  if (b > 0 && b > clientSide) return 'broker';
  if (s > 0) return 'streams';
  if (p > 0 && c === 0) return 'producer';
  if (c > 0 && p === 0) return 'consumer';
  return 'client';
}

// ---------------------------------------------------------------------------------------------
// Values

export type PlaceholderInfo =
  | { kind: 'literal' }
  | { kind: 'dynamic' }
  | { kind: 'default'; value: string; offset: number };

/** Index of the `}` closing the `${` at `open`, or -1. */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s.startsWith('${', i)) {
      depth++;
      i++;
    } else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Spring placeholder: `${VAR}` is dynamic, `${VAR:default}` is judged on its default. */
export function springPlaceholder(value: string): PlaceholderInfo {
  if (/^@[\w.-]+@$/.test(value)) return { kind: 'dynamic' };
  if (!value.includes('${')) return { kind: 'literal' };
  if (!value.startsWith('${') || closingBrace(value, 0) !== value.length - 1) return { kind: 'dynamic' };
  const inner = value.slice(2, -1);
  let colon = -1;
  for (let i = 0, depth = 0; i < inner.length; i++) {
    if (inner.startsWith('${', i)) {
      depth++;
      i++;
    } else if (inner[i] === '}') depth--;
    else if (inner[i] === ':' && depth === 0) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return { kind: 'dynamic' };
  const def = inner.slice(colon + 1);
  const offset = 2 + colon + 1;
  const nested = springPlaceholder(def);
  if (nested.kind === 'literal') return { kind: 'default', value: def, offset };
  if (nested.kind === 'default') return { kind: 'default', value: nested.value, offset: offset + nested.offset };
  return { kind: 'dynamic' };
}

/** Plain files: `${...}` (config providers, templating), `{{ }}` and `@x@` filtering are unknowable. */
function plainDynamic(value: string): boolean {
  return /\$\{[^}]*\}/.test(value) || /\{\{.*\}\}/.test(value) || /^@[\w.-]+@$/.test(value.trim());
}

function separatorStyle(entries: PropEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const s = e.separator;
    if (s === undefined || s === '' || !/^[ \t]*[=:]?[ \t]*$/.test(s)) continue;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best = '=';
  let bestN = 0;
  for (const [s, k] of counts) {
    if (k > bestN) {
      best = s;
      bestN = k;
    }
  }
  return best;
}

function settingExt(e: PropEntry): PropertiesSettingExt {
  return {
    kind: 'properties',
    lineStart: e.lineStart,
    lineEnd: e.lineEnd,
    ...(e.separator !== undefined ? { separator: e.separator } : {}),
    danglingBackslash: e.danglingBackslash,
  };
}

function anchorOf(settings: Setting[]): Span {
  const s = settings.find((x) => x.keySpan.end > x.keySpan.start) ?? settings[0];
  return s.keySpan.end > s.keySpan.start ? s.keySpan : s.entrySpan;
}

// ---------------------------------------------------------------------------------------------
// Surfaces

function plainUnits(text: string, scan: ScanResult, name: NameInfo, sep: string): ConfigUnit[] {
  if (name.quiet || name.connect || !scan.entries.length) return [];
  const keys = new Set(scan.entries.map((e) => e.key));
  // A resource-bundle locale suffix (`messages_zh`) without a broker list: a translation file.
  if (name.localeBundle && !keys.has('bootstrap.servers')) return [];
  for (const k of keys) if (CONNECT_KEYS.has(k)) return [];
  let strong = false;
  let known = false;
  for (const k of keys) {
    if (STRONG_KEYS.has(k)) strong = true;
    if (KNOWN_KEYS.has(k)) known = true;
  }
  if (!strong && !(name.kafkaish && known)) return [];

  const byKeys = roleFromKeys(keys);
  let role: Role;
  let evidence: 'filename' | 'keys';
  if (name.role && !contradicts(name.role, keys)) {
    role = name.role;
    evidence = 'filename';
  } else {
    role = byKeys;
    evidence = 'keys';
  }
  let client: ConfigUnit['client'] = 'java';
  if (role === 'broker' || role === 'topic') client = 'broker';
  else if ([...keys].some((k) => LIBRDKAFKA_KEYS.has(k))) client = 'librdkafka';

  const settings: Setting[] = scan.entries.map((e) => {
    const dynamic = plainDynamic(e.value);
    return internSetting({
      key: e.key,
      sourceKey: e.key,
      role,
      value: e.value,
      rawValue: text.slice(e.valueSpan.start, e.valueSpan.end),
      dynamic,
      keySpan: e.keySpan,
      valueSpan: e.valueSpan,
      entrySpan: e.entrySpan,
      precedence: 1,
      ext: settingExt(e),
    });
  });
  const ext: PropertiesUnitExt = { kind: 'properties', eol: scan.eol, separator: sep };
  return [
    {
      id: 'properties',
      surface: 'kafka-properties',
      format: 'properties',
      role,
      client,
      settings,
      anchor: anchorOf(settings),
      span: { start: 0, end: text.length },
      facts: { roleEvidence: evidence },
      ext,
    },
  ];
}

/** The name says one family (client / broker) but the keys only show the other. */
function contradicts(nameRole: Role, keys: Set<string>): boolean {
  let client = 0;
  let broker = 0;
  for (const k of keys) {
    if (PRODUCER_KEYS.has(k) || CONSUMER_KEYS.has(k)) client++;
    if (BROKER_KEYS.has(k) || TOPIC_KEYS.has(k)) broker++;
  }
  return isClientRole(nameRole) ? client === 0 && broker > 0 : broker === 0 && client > 0;
}

const SPRING_PREFIX = /^spring\.kafka\./i;
const ROLE_ORDER: Role[] = ['producer', 'consumer', 'admin', 'streams'];

function springSetting(text: string, e: PropEntry): Setting | undefined {
  const m = SPRING_PREFIX.exec(e.key);
  if (!m) return undefined;
  const rest = e.key.slice(m[0].length);
  const mapping = mapSpringKafkaPath(rest);
  const ext = settingExt(e) as PropertiesSettingExt & { spring: NonNullable<PropertiesSettingExt['spring']> };
  let key: string;
  let role: Role;
  let precedence: number;
  let kind: SpringValueKind = 'string';
  if (mapping) {
    key = mapping.key;
    role = mapping.role;
    precedence = mapping.precedence;
    kind = mapping.kind;
    const mapForm = /^((?:[^.[\]]+\.)?properties)(\[(.*)\]|\.(.*))$/.exec(rest);
    if (mapForm) {
      const bracket = mapForm[3] !== undefined;
      ext.spring = {
        form: 'map',
        mapPrefix: e.key.slice(0, m[0].length + mapForm[1].length + 1),
        mapSuffix: bracket ? ']' : '',
      };
    } else ext.spring = { form: 'dedicated' };
  } else {
    // A property below a known section that Spring Boot does not define (or we do not know), or
    // one directly below spring.kafka (a section's property written one level too high, as the
    // YAML reader keeps it too): keep it so the unknown-key rule can suggest the right name.
    const unknown = /[[\]]/.test(rest) ? undefined : unknownSpringProperty(rest.split('.').map(canonicalSpringSegment));
    if (!unknown) return undefined;
    ({ key, role, precedence } = unknown);
    ext.spring = { form: 'unknown' };
  }

  return springValueSetting(text, e, key, role, precedence, kind, ext);
}

/** A Spring setting of an entry: the value with its placeholder read, converted for `kind`. */
function springValueSetting(
  text: string,
  e: PropEntry,
  key: string,
  role: Role,
  precedence: number,
  kind: SpringValueKind,
  ext: PropertiesSettingExt & { spring: NonNullable<PropertiesSettingExt['spring']> },
): Setting {
  const rawValue = text.slice(e.valueSpan.start, e.valueSpan.end);
  const ph = springPlaceholder(e.value);
  let value = e.value;
  let dynamic = false;
  let placeholderDefault = false;
  if (ph.kind === 'dynamic') dynamic = true;
  else if (ph.kind === 'default') {
    value = ph.value;
    placeholderDefault = true;
    // The default's source span, when the value is written without escapes on one line.
    if (rawValue === e.value) {
      ext.spring.defaultSpan = { start: e.valueSpan.start + ph.offset, end: e.valueSpan.start + ph.offset + ph.value.length };
    }
  }
  if (!dynamic && kind !== 'string') value = springValueToKafka(kind, value) ?? value;
  const setting: Setting = {
    key,
    sourceKey: e.key,
    role,
    value,
    rawValue,
    dynamic: dynamic || placeholderDefault,
    ...(placeholderDefault ? { placeholderDefault: true } : {}),
    keySpan: e.keySpan,
    valueSpan: e.valueSpan,
    entrySpan: e.entrySpan,
    precedence,
    ext,
  };
  return internSetting(setting);
}

const SCST_PREFIX = /^spring\.cloud\.stream\./i;

/** The setting a Kafka binder mapping makes of an entry (scstRead.ts). */
function scstSetting(text: string, e: PropEntry, m: ScstMapping): Setting {
  const ext = settingExt(e) as PropertiesSettingExt & { spring: NonNullable<PropertiesSettingExt['spring']> };
  ext.spring = { form: 'dedicated' };
  if (m.mapAt !== undefined) {
    // The map key as written last: `configuration[max.poll.records]` or `configuration.max.poll.records`.
    const k = e.key;
    if (k.endsWith(`[${m.key}]`)) ext.spring = { form: 'map', mapPrefix: k.slice(0, k.length - m.key.length - 1), mapSuffix: ']' };
    else if (k.endsWith(`.${m.key}`)) ext.spring = { form: 'map', mapPrefix: k.slice(0, k.length - m.key.length), mapSuffix: '' };
  }
  if (m.binding !== undefined) ext.binding = m.binding;
  return springValueSetting(text, e, m.key, m.role, m.precedence, m.kind === 'enum-lower' ? 'enum-lower' : 'string', ext);
}

function scstUnits(text: string, entries: PropEntry[], doc: Span, di: number, base: PropertiesUnitExt, profile: string | undefined): ConfigUnit[] {
  let r: ScstDoc | undefined;
  const anchors = new Map<string, Span>();
  for (const e of entries) {
    if (!SCST_PREFIX.test(e.key)) continue;
    const segs = splitSpringKey(e.key);
    r = readScstLeaf(r, segs, () => e.value.trim(), (m) => scstSetting(text, e, m));
    const slot = scstSlot(segs)?.slot;
    if (slot && !anchors.has(slot)) anchors.set(slot, e.keySpan.end > e.keySpan.start ? e.keySpan : e.entrySpan);
  }
  if (!r) return [];
  const out = scstGroups(r).map(
    ({ role, binding, settings }): ConfigUnit => ({
      id: `spring/${di}/scst:${binding ?? ''}:${role}`,
      surface: 'spring-properties',
      format: 'properties',
      role,
      client: 'java',
      settings,
      anchor: anchors.get(binding === undefined ? 'scst' : `scst:${binding}`) ?? anchorOf(settings),
      span: doc,
      facts: { roleEvidence: 'keys', binding: binding === undefined ? {} : { name: binding }, ...(profile ? { profile } : {}) },
      ext: { ...base, scst: binding === undefined ? {} : { binding } },
    }),
  );
  markBinderAnchor(out);
  return out;
}

/** Spring Boot multi-document properties: a `#---` or `!---` line at column 0 splits documents. */
function springDocuments(text: string, scan: ScanResult): Span[] {
  const docs: Span[] = [];
  let start = 0;
  for (const c of scan.comments) {
    if (c.text !== '---') continue;
    const col0 = c.span.start === scan.bom || /[\r\n]/.test(text[c.span.start - 1] ?? '');
    if (!col0) continue;
    docs.push({ start, end: c.span.start });
    start = c.span.end;
  }
  docs.push({ start, end: text.length });
  return docs;
}

function springUnits(text: string, scan: ScanResult, name: NameInfo, sep: string): ConfigUnit[] {
  const docs = springDocuments(text, scan);
  const units: ConfigUnit[] = [];
  docs.forEach((doc, di) => {
    const entries = scan.entries.filter((e) => e.entrySpan.start >= doc.start && e.entrySpan.start < doc.end);
    const spring: Setting[] = [];
    let profile = name.springProfile;
    let cloudPlatform: string | undefined;
    for (const e of entries) {
      if (e.key === 'spring.config.activate.on-profile' || e.key === 'spring.profiles') profile = e.value.trim() || profile;
      else if (e.key === 'spring.config.activate.on-cloud-platform') cloudPlatform = e.value.trim() || undefined;
      const s = springSetting(text, e);
      if (s) spring.push(s);
    }
    units.push(...scstUnits(text, entries, doc, di, { kind: 'properties', eol: scan.eol, separator: sep, doc }, profile));
    if (!spring.length) return;
    const roles = ROLE_ORDER.filter((r) => spring.some((s) => s.role === r));
    const make = (role: Role, section: string | undefined): ConfigUnit => {
      const own = spring.filter((s) => s.role === role);
      // Shared settings (`spring.kafka.properties[...]`, bootstrap-servers) apply to every client.
      const settings = spring.filter((s) => s.role === role || s.role === 'client');
      const ext: PropertiesUnitExt = { kind: 'properties', eol: scan.eol, separator: sep, doc, ...(section ? { springSection: section } : {}) };
      return {
        id: `spring/${di}/${role}`,
        surface: 'spring-properties',
        format: 'properties',
        role,
        client: 'java',
        settings,
        anchor: anchorOf(own.length ? own : settings),
        span: doc,
        facts: { roleEvidence: 'keys', ...(profile ? { profile } : {}), ...(cloudPlatform ? { cloudPlatform } : {}) },
        ext,
      };
    };
    if (!roles.length) {
      units.push(make('client', undefined));
      return;
    }
    for (const r of roles) units.push(make(r, r));
  });
  return units;
}

// ---------------------------------------------------------------------------------------------

export function parseProperties(text: string, path: string): ParsedFile {
  let scan: ScanResult;
  try {
    scan = scanProperties(text);
  } catch {
    // The scanner has no known failure mode; never let one escape to the engine.
    return { path, text, format: 'properties', units: [], errors: [], comments: [], eol: '\n' };
  }
  return propertiesFileFrom(text, path, scan);
}

/** The settings model of a scanned `.properties` text. */
export function propertiesFileFrom(text: string, path: string, scan: ScanResult): ParsedFile {
  const name = classifyName(path);
  const sep = separatorStyle(scan.entries);
  const hasSpringKafka = scan.entries.some((e) => SPRING_PREFIX.test(e.key) || SCST_PREFIX.test(e.key));
  let units: ConfigUnit[] = [];
  try {
    if (hasSpringKafka) units = springUnits(text, scan, name, sep);
    else if (!name.spring) units = plainUnits(text, scan, name, sep);
  } catch {
    units = [];
  }
  return {
    path,
    text,
    format: 'properties',
    units,
    // A file that is not Kafka configuration stays quiet, broken escapes included.
    errors: units.length ? scan.errors : [],
    comments: scan.comments,
    eol: scan.eol === '\r\n' ? '\r\n' : '\n',
  };
}
