// YAML -> settings model. Every document of the stream is read (`---`), with source ranges;
// broken YAML yields parse errors plus whatever could still be read. The surfaces: Strimzi custom
// resources, docker-compose Kafka services, Spring Boot `spring.kafka.*`, and Spring Boot's
// `SPRING_KAFKA_*` variables of compose services and Kubernetes workloads' containers.
// Any other YAML (workflows, other Kubernetes resources, Helm values, OpenAPI) produces no units.

import { Composer, isMap, isScalar, isSeq, Parser, type Node, type Pair, type YAMLError } from 'yaml';
import type { Comment, ConfigUnit, ParseError, ParsedFile, Span } from '../model.js';
import { classifyDoc, contentEnd, dominantEol, HOLDS_FILE, nodeSpan, startOf, type YamlDoc } from './yamlCommon.js';
import { extractSpring } from './springYaml.js';
import { extractCfk } from './cfk.js';
import { extractStrimzi, type StrimziDocReader } from './strimzi.js';
import { extractCompose } from './compose.js';
import { extractWorkloads } from './workload.js';
import { EnvSources } from './envFrom.js';
import { extractEmbedded, extractEnvSources } from './configMap.js';
import './springEnvEditor.js';
import { readYamlFast } from './yamlFast.js';

function lineStartOf(text: string, off: number): number {
  let p = off;
  while (p > 0 && text[p - 1] !== '\n' && text[p - 1] !== '\r') p--;
  return p;
}

/**
 * Every `#` comment, from the lexer's tokens (so `#` inside quoted or block scalars is not one).
 * The CST nests comment tokens in many places; walk it generically.
 */
function collectComments(text: string, tokens: unknown[]): Comment[] {
  const out: Comment[] = [];
  const seen = new Set<number>();
  const visit = (x: unknown, depth: number) => {
    if (depth > 200 || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const y of x) visit(y, depth + 1);
      return;
    }
    const t = x as { type?: unknown; offset?: unknown; source?: unknown };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
      const source = t.source.replace(/\r$/, '');
      if (source.startsWith('#') && !seen.has(t.offset)) {
        seen.add(t.offset);
        const start = t.offset;
        out.push({
          span: { start, end: start + source.length },
          text: source.slice(1),
          ownLine: /^[ \t]*$/.test(text.slice(lineStartOf(text, start), start)),
        });
      }
      return;
    }
    // CST tokens are plain objects: `for in` walks their fields without building a key array.
    for (const k in x) {
      const v = (x as Record<string, unknown>)[k];
      if (v !== null && typeof v === 'object') visit(v, depth + 1);
    }
  };
  visit(tokens, 0);
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

function errorSpan(text: string, pos: [number, number] | undefined): Span {
  const len = text.length;
  let start = Math.max(0, Math.min(pos?.[0] ?? 0, len));
  let end = Math.max(start, Math.min(pos?.[1] ?? start, len));
  if (end === start) {
    if (end < len) end++;
    else if (start > 0) start--;
  }
  return { start, end };
}

/** A document's error as the model keeps it: its code, and for a repeated key both occurrences. */
function parseErrorOf(text: string, doc: YamlDoc, e: YAMLError): ParseError {
  const out: ParseError = { message: e.message, span: errorSpan(text, e.pos), code: e.code };
  if (e.code === 'DUPLICATE_KEY') {
    const twins = repeatedPairs(doc.contents, e.pos[0], 0);
    if (twins) {
      const [first, second] = twins;
      const key = nodeSpan(second.key as Node);
      if (key) out.span = key;
      out.duplicate = {
        firstKey: nodeSpan(first.key as Node) ?? out.span,
        pairs: [
          { start: startOf(first), end: contentEnd(text, first) },
          { start: startOf(second), end: contentEnd(text, second) },
        ],
      };
    }
  }
  return out;
}

/** The pair whose key starts at `at` and the earlier pair of its mapping with an equal key. */
function repeatedPairs(n: unknown, at: number, depth: number): [Pair, Pair] | undefined {
  if (depth > 200) return undefined;
  if (isMap(n)) {
    const items = n.items;
    for (let i = 0; i < items.length; i++) {
      const p = items[i];
      if (isScalar(p.key) && p.key.range?.[0] === at) {
        const v = p.key.value;
        const first = items.slice(0, i).find((q) => isScalar(q.key) && q.key.value === v);
        if (first) return [first, p];
      }
      const inKey = repeatedPairs(p.key, at, depth + 1);
      if (inKey) return inKey;
      const inValue = repeatedPairs(p.value, at, depth + 1);
      if (inValue) return inValue;
    }
  } else if (isSeq(n)) {
    for (const x of n.items) {
      const r = repeatedPairs(x, at, depth + 1);
      if (r) return r;
    }
  }
  return undefined;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Every surface names Kafka somewhere: `spring.kafka`, `kafka.strimzi.io`, a broker image
 * (`cp-kafka`, `cp-server`, `confluent-local`, `apache/kafka`, `bitnami/kafka`). A YAML file that
 * never does (OpenAPI specs, workflows, manifests: often large) is not parsed at all, so it costs
 * nothing; it has no units, and its syntax is not ours to report. The one exception: a ConfigMap
 * holding a configuration file, which is read as that file is.
 */
const MENTIONS_KAFKA = /kafka|cp-server|confluent-local/i;

export function mentionsKafka(text: string): boolean {
  return MENTIONS_KAFKA.test(text) || holdsConfigFile(text);
}

/**
 * A Kubernetes ConfigMap or Secret with a configuration file in it (configMap.ts): a broker's
 * `server.properties` need not name Kafka any more than the file itself does.
 */
function holdsConfigFile(text: string): boolean {
  return HOLDS_FILE.test(text) && /^kind:[ \t]*["']?(?:ConfigMap|Secret)\b/m.test(text);
}

/** The documents of a YAML stream with the comments its lexer found; offsets into `text`. */
export interface YamlStream {
  docs: YamlDoc[];
  comments: Comment[];
  /** Errors of the stream itself (only reported when it holds no document). */
  streamErrors: ParseError[];
  /** The yaml package threw: nothing of the stream can be trusted. */
  failure?: string;
  /**
   * A token other than blanks and comments comes before the first document (the parser emits
   * some errors ahead of the document they sit in). In a longer stream such a token belongs to
   * the document before: a piece of a stream that starts so cannot be read on its own.
   */
  lead?: boolean;
}

/**
 * Lex, parse and compose a YAML stream. Never throws. Plain block YAML (nearly every
 * configuration file) is read by the fast reader, which builds the same nodes; anything else by
 * the `yaml` package.
 */
export function readYamlStream(text: string): YamlStream {
  return readYamlFast(text) ?? composeYamlStream(text);
}

/** `readYamlStream` by the `yaml` package alone. */
export function composeYamlStream(text: string): YamlStream {
  const out: YamlStream = { docs: [], comments: [], streamErrors: [] };
  try {
    const tokens = Array.from(new Parser().parse(text));
    for (const t of tokens) {
      if (t.type === 'document') break;
      if (t.type !== 'space' && t.type !== 'newline' && t.type !== 'comment' && t.type !== 'byte-order-mark') {
        out.lead = true;
        break;
      }
    }
    try {
      out.comments = collectComments(text, tokens);
    } catch {
      out.comments = [];
    }
    // A key repeated in one mapping is an error (DUPLICATE_KEY: Spring Boot, kubectl and docker
    // compose refuse the file); the composer still keeps both pairs, and the rules read both.
    const composer = new Composer();
    out.docs = Array.from(composer.compose(tokens)) as YamlDoc[];
    if (!out.docs.length) for (const e of composer.streamInfo().errors) out.streamErrors.push({ message: e.message, span: errorSpan(text, e.pos), code: e.code });
  } catch (e) {
    out.failure = describe(e);
  }
  return out;
}

/** Reads the Spring units of one document (an editor passes one that reuses earlier results). */
export type SpringDocReader = (text: string, doc: YamlDoc, docIndex: number, fileProfile: string | undefined) => ConfigUnit[];

/** The settings model of a YAML file from its documents (read by `readYamlStream` or in pieces). */
export function yamlFileFrom(
  text: string,
  path: string,
  stream: YamlStream,
  springOfDoc?: SpringDocReader,
  strimziOfDoc?: StrimziDocReader,
  kindOfDoc?: (text: string, doc: YamlDoc) => ReturnType<typeof classifyDoc>,
): ParsedFile {
  const file: ParsedFile = { path, text, format: 'yaml', units: [], errors: [], comments: stream.comments, eol: dominantEol(text) };
  const errors: ParseError[] = file.errors;
  if (stream.failure !== undefined) {
    // As before the documents were composed: whatever errors were collected up to the failure.
    for (const d of stream.docs) for (const e of d.errors) errors.push(parseErrorOf(text, d, e));
    errors.push({ message: `YAML could not be read: ${stream.failure}`, span: errorSpan(text, [0, Math.min(1, text.length)]), code: 'FAILURE' });
    return file;
  }
  const docs = stream.docs;
  for (const d of docs) {
    let first = true;
    for (const e of d.errors) {
      const pe = parseErrorOf(text, d, e);
      if (e.code !== 'DUPLICATE_KEY') {
        if (!first) pe.knockOn = true;
        first = false;
      }
      errors.push(pe);
    }
  }
  if (!docs.length) errors.push(...stream.streamErrors);
  const kinds = docs.map((d) => {
    try {
      return kindOfDoc ? kindOfDoc(text, d) : classifyDoc(text, d);
    } catch {
      return 'other' as const;
    }
  });
  const units: ConfigUnit[] = [];
  const run = (f: () => ConfigUnit[]) => {
    try {
      units.push(...f());
    } catch {
      // A surface reader that fails costs only its own units; the file keeps the rest.
    }
  };
  run(() => extractStrimzi(text, docs, (i) => kinds[i] === 'strimzi', strimziOfDoc));
  run(() => extractCfk(text, docs, (i) => kinds[i] === 'cfk'));
  run(() => extractCompose(text, docs, (i) => kinds[i] === 'compose'));
  const envSources = new EnvSources(text, docs);
  run(() => extractWorkloads(text, docs, (i) => kinds[i] === 'workload', envSources));
  run(() => extractEnvSources(text, docs, (i) => kinds[i] === 'configmap', envSources.used, envSources.referenced));
  // Spring is read everywhere but in Strimzi resources: an application.yml may well have its own
  // top-level `services:` map, and a compose file has no `spring.kafka` anyway.
  run(() => extractSpring(text, path, docs, (i) => kinds[i] === 'strimzi' || kinds[i] === 'cfk', springOfDoc && ((d, i, fp) => springOfDoc(text, d, i, fp))));
  units.sort((a, b) => a.span.start - b.span.start || a.anchor.start - b.anchor.start);
  file.units = units;
  try {
    const embedded = extractEmbedded(text, path, docs, (i) => kinds[i] === 'configmap');
    if (embedded.length) file.embedded = embedded;
  } catch {
    // As a surface reader: the file keeps its own units.
  }
  return file;
}

export function parseYaml(text: string, path: string): ParsedFile {
  if (!mentionsKafka(text)) {
    return { path, text, format: 'yaml', units: [], errors: [], comments: [], eol: dominantEol(text) };
  }
  return yamlFileFrom(text, path, readYamlStream(text));
}
