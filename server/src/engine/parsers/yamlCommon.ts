// Shared reading helpers for the YAML surfaces (Spring Boot, Strimzi, docker-compose) on top of
// the `yaml` package's AST. Offsets are string indices (the package counts UTF-16 code units).

import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ConfigUnit, Span } from '../model.js';
import { isFastScalar } from './yamlFast.js';

export type YamlDoc = Document.Parsed;

export type QuoteStyle = 'plain' | 'single' | 'double' | 'block' | 'none';

export interface ScalarRead {
  /** Decoded value; '' for an empty (null) scalar. */
  value: string;
  /** Source text between the quotes (the whole text for plain and block scalars). */
  raw: string;
  /** Span of `raw`. */
  span: Span;
  /** 'none' = no value written (`key:`). */
  quote: QuoteStyle;
  /** `raw` equals `value` character for character, so offsets into value are offsets into the text. */
  exact: boolean;
}

function rangeOf(node: { range?: [number, number, number] | null }): [number, number, number] | undefined {
  return node.range ?? undefined;
}

export function readScalar(text: string, node: Scalar): ScalarRead {
  let start = 0;
  let end = 0;
  if (isFastScalar(node)) {
    start = node.r0;
    end = node.r1;
  } else {
    const r = rangeOf(node);
    if (r) {
      start = r[0];
      end = r[1];
    }
  }
  const src = text.slice(start, end);
  switch (node.type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE': {
      const q = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
      const value = node.value === null || node.value === undefined ? '' : String(node.value);
      if (src.length >= 2 && src[0] === q && src[src.length - 1] === q) {
        const raw = src.slice(1, -1);
        return { value, raw, span: { start: start + 1, end: end - 1 }, quote: q === '"' ? 'double' : 'single', exact: raw === value };
      }
      return { value, raw: src, span: { start, end }, quote: q === '"' ? 'double' : 'single', exact: false };
    }
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const value = node.value === null || node.value === undefined ? '' : String(node.value);
      return { value, raw: src, span: { start, end }, quote: 'block', exact: false };
    }
    default: {
      if (src === '' || node.value === null) {
        // `key:` with nothing, or `~` / `null`: no value (Spring binds it as an empty string).
        return { value: '', raw: src, span: { start, end }, quote: src === '' ? 'none' : 'plain', exact: true };
      }
      if (/[\r\n]/.test(src)) {
        return { value: String(node.value), raw: src, span: { start, end }, quote: 'plain', exact: false };
      }
      return { value: src, raw: src, span: { start, end }, quote: 'plain', exact: true };
    }
  }
}

/** How a key is quoted (a key is never a block scalar). */
export function keyQuote(key: Scalar): QuoteStyle {
  return key.type === 'QUOTE_DOUBLE' ? 'double' : key.type === 'QUOTE_SINGLE' ? 'single' : 'plain';
}

/** The text of a scalar key, or undefined for complex keys (`? [a]`, flow collections). */
export function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (!isScalar(k)) return undefined;
  if (k.value === null || k.value === undefined) return undefined;
  return String(k.value);
}

export interface MapEntry {
  pair: Pair;
  key: Scalar;
  keyText: string;
  /** The value with aliases resolved; null when absent. */
  value: Node | null;
  /** The value node as written (an Alias when the value is `*name`). */
  written: Node | null;
  /** Set when the whole entry is written elsewhere (merged with `<<: *x`, or inside an aliased
   *  collection): its spans point at this alias, and nothing of it is editable here. */
  via?: Alias;
  /** Set when only the value is an alias (`key: *x`): the key is here, the value elsewhere. */
  valueAlias?: Alias;
}

/** Where an entry stands in the text. `elsewhere`: the value is written at an anchor. */
export function entryPlaces(text: string, e: MapEntry): { keySpan: Span; entrySpan: Span; aliasSpan?: Span; elsewhere: boolean } {
  const viaSpan = e.via ? nodeSpan(e.via) : undefined;
  if (viaSpan) return { keySpan: viaSpan, entrySpan: viaSpan, aliasSpan: viaSpan, elsewhere: true };
  const keySpan = nodeSpan(e.key) ?? { start: 0, end: 0 };
  const entrySpan = { start: keySpan.start, end: Math.max(keySpan.end, contentEnd(text, e.pair)) };
  const aliasSpan = e.valueAlias ? nodeSpan(e.valueAlias) : undefined;
  return aliasSpan ? { keySpan, entrySpan, aliasSpan, elsewhere: true } : { keySpan, entrySpan, elsewhere: false };
}

// `Alias.resolve` searches the whole document for every alias; index the anchors once instead.
// The index keeps nodes in source order, not offsets: a document reused after an edit elsewhere
// has its ranges shifted, and the order stays.
const anchorIndex = new WeakMap<YamlDoc, Map<string, { start: number; node: Node }[]>>();

function anchorsOf(doc: YamlDoc): Map<string, { start: number; node: Node }[]> {
  let index = anchorIndex.get(doc);
  if (index) return index;
  const found = new Map<string, { start: number; node: Node }[]>();
  const add = (n: unknown, depth: number) => {
    if (!n || typeof n !== 'object' || depth > 200) return;
    if (isPair(n)) {
      add(n.key, depth + 1);
      add(n.value, depth + 1);
      return;
    }
    const node = n as Node & { anchor?: string };
    if (!(isMap(node) || isSeq(node) || isScalar(node))) return;
    if (node.anchor) {
      const list = found.get(node.anchor) ?? [];
      list.push({ start: node.range?.[0] ?? 0, node });
      found.set(node.anchor, list);
    }
    if (isMap(node) || isSeq(node)) for (const it of node.items) add(it, depth + 1);
  };
  add(doc.contents, 0);
  for (const list of found.values()) list.sort((a, b) => a.start - b.start);
  index = found;
  anchorIndex.set(doc, index);
  return index;
}

/** Forgets a document's anchor index (its nodes are let go, and read again when needed: engine/incremental.ts). */
export function forgetAnchors(doc: YamlDoc): void {
  anchorIndex.delete(doc);
}

/** The node an alias refers to: the last node with that anchor before the alias (YAML 1.2). */
function resolveAlias(a: Alias, doc: YamlDoc): Node | null {
  const list = anchorsOf(doc).get(a.source);
  if (!list) return null;
  const at = a.range?.[0] ?? Infinity;
  let target: Node | null = null;
  for (const x of list) if ((x.node.range?.[0] ?? 0) < at) target = x.node;
  return target;
}

/**
 * The entries of a mapping in source order, with YAML merge keys (`<<: *x`, `<<: [*a, *b]`)
 * expanded in place and alias values resolved. Alias cycles are cut.
 */
export function mapEntries(map: YAMLMap, doc: YamlDoc, via?: Alias, seen?: Set<unknown>): MapEntry[] {
  if (seen && (seen.has(map) || seen.size > 32)) return [];
  const out: MapEntry[] = [];
  const items = map.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isPair(item)) continue;
    const k = item.key;
    if (!isScalar(k)) continue;
    const text = keyText(item);
    if (text === undefined) continue;
    const written = (item.value ?? null) as Node | null;
    if (text === '<<' && k.type === 'PLAIN') {
      // The maps being merged into one another, to stop at a cycle (made only when a map merges).
      const chain = seen ?? new Set<unknown>();
      chain.add(map);
      const sources = isAlias(written) ? [written] : isSeq(written) ? written.items.filter(isAlias) : [];
      for (const a of sources) {
        const target = resolveAlias(a, doc);
        if (isMap(target)) out.push(...mapEntries(target, doc, via ?? a, chain));
      }
      if (isMap(written)) out.push(...mapEntries(written, doc, via, chain));
      chain.delete(map);
      continue;
    }
    const alias = isAlias(written);
    const entry: MapEntry = { pair: item, key: k, keyText: text, value: alias ? resolveAlias(written, doc) : written, written };
    if (via) entry.via = via;
    if (alias) entry.valueAlias = written;
    out.push(entry);
  }
  return out;
}

/** The last entry with this key (the one a YAML loader keeps). */
export function getEntry(map: YAMLMap | null | undefined, key: string, doc: YamlDoc): MapEntry | undefined {
  if (!isMap(map)) return undefined;
  let found: MapEntry | undefined;
  for (const e of mapEntries(map, doc)) if (e.keyText === key) found = e;
  return found;
}

export function asMap(n: Node | null | undefined): YAMLMap | undefined {
  return isMap(n) ? n : undefined;
}

export function asSeq(n: Node | null | undefined): YAMLSeq | undefined {
  return isSeq(n) ? n : undefined;
}

/**
 * Whether a document has a syntax error, which its structural edits (insert, remove) wait for the
 * user to mend. A key repeated in a mapping is an error too, but the document's structure is
 * sound, and removing the repetition is the fix (duplicate-key).
 */
export function brokenYaml(doc: YamlDoc): boolean {
  for (const e of doc.errors) if (e.code !== 'DUPLICATE_KEY') return true;
  return false;
}

/** Plain string value of a scalar node (undefined for collections). */
export function scalarString(text: string, n: Node | null | undefined): string | undefined {
  if (!isScalar(n)) return undefined;
  return readScalar(text, n).value;
}

export function nodeSpan(n: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  if (isFastScalar(n)) return { start: n.r0, end: n.r1 };
  const r = n ? rangeOf(n) : undefined;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** End of the last character a node's content occupies (not trailing comments or blank lines). */
export function contentEnd(text: string, n: Node | Pair | null | undefined): number {
  if (!n) return 0;
  if (isFastScalar(n)) return n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED' ? trimmedEnd(text, n.r0, n.r1) : n.r1;
  if (isPair(n)) {
    const v = n.value as Node | null;
    if (v && (isFastScalar(v) || rangeOf(v))) return contentEnd(text, v);
    return contentEnd(text, n.key as Node);
  }
  if ((isMap(n) || isSeq(n)) && !n.flow && n.items.length) {
    return contentEnd(text, n.items[n.items.length - 1] as Node | Pair);
  }
  const r = rangeOf(n as Node);
  if (!r) return 0;
  return isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') ? trimmedEnd(text, r[0], r[1]) : r[1];
}

/** `end` moved back over trailing white space, not before `start`. */
function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

/** Start of a pair (its key) or of a collection item. */
export function startOf(n: Node | Pair): number {
  if (isPair(n)) return rangeOf(n.key as Node)?.[0] ?? 0;
  return rangeOf(n)?.[0] ?? 0;
}

// ---- values: placeholders and YAML 1.1 booleans ----

export interface Resolved {
  /** The value a rule judges: the literal, or the placeholder default. */
  value: string;
  dynamic: boolean;
  placeholderDefault: boolean;
  /** Offsets of the default text within the decoded value (when a default was used). */
  defaultRange?: [number, number];
}

function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * A template expression (Helm, Jinja, Go templates: `"{{ .Values.minIsr }}"`) in a value: filled in
 * when the file is rendered, so the value is unknown, like `${NAME}`.
 */
export function hasTemplateExpression(v: string): boolean {
  const open = v.indexOf('{{');
  return open >= 0 && v.indexOf('}}', open + 2) >= 0;
}

/**
 * Spring property placeholders: `${NAME}` is unknown, `${NAME:default}` is judged on its default
 * (nested `${A:${B:x}}` resolves to `x`). Text mixing literals and placeholders is unknown.
 */
export function resolveSpringPlaceholder(v: string): Resolved {
  if (hasTemplateExpression(v)) return { value: v, dynamic: true, placeholderDefault: false };
  if (!v.includes('${')) return { value: v, dynamic: false, placeholderDefault: false };
  if (v.startsWith('${') && closingBrace(v, 1) === v.length - 1) {
    const inner = v.slice(2, -1);
    let depth = 0;
    let colon = -1;
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i];
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === ':' && depth === 0) {
        colon = i;
        break;
      }
    }
    if (colon < 0) return { value: v, dynamic: true, placeholderDefault: false };
    const def = inner.slice(colon + 1);
    const off = 2 + colon + 1;
    const nested = resolveSpringPlaceholder(def);
    if (nested.dynamic) return { value: v, dynamic: true, placeholderDefault: false };
    const dr = nested.defaultRange ?? [0, def.length];
    return { value: nested.value, dynamic: false, placeholderDefault: true, defaultRange: [off + dr[0], off + dr[1]] };
  }
  return { value: v, dynamic: true, placeholderDefault: false };
}

/**
 * docker-compose interpolation: `${VAR}` / `$VAR` are unknown; `${VAR:-default}` and
 * `${VAR-default}` are judged on the default; `${VAR:?err}`, `${VAR:+alt}` are unknown;
 * `$$` is a literal `$`.
 */
export function resolveComposeValue(v: string): Resolved {
  if (hasTemplateExpression(v)) return { value: v, dynamic: true, placeholderDefault: false };
  if (!v.includes('$')) return { value: v, dynamic: false, placeholderDefault: false };
  const unescaped = v.replace(/\$\$/g, '');
  if (!unescaped.includes('$')) return { value: v.replace(/\$\$/g, '$'), dynamic: false, placeholderDefault: false };
  if (v.startsWith('${') && closingBrace(v, 1) === v.length - 1) {
    const inner = v.slice(2, -1);
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(inner);
    if (m) {
      const rest = inner.slice(m[0].length);
      const op = rest.startsWith(':-') ? ':-' : rest.startsWith('-') ? '-' : undefined;
      if (op) {
        const def = rest.slice(op.length);
        const off = 2 + m[0].length + op.length;
        const nested = resolveComposeValue(def);
        if (nested.dynamic) return { value: v, dynamic: true, placeholderDefault: false };
        const exact = nested.value === def || nested.defaultRange !== undefined;
        const dr = nested.defaultRange ?? [0, def.length];
        return {
          value: nested.value,
          dynamic: false,
          placeholderDefault: true,
          ...(exact ? { defaultRange: [off + dr[0], off + dr[1]] as [number, number] } : {}),
        };
      }
    }
  }
  return { value: v, dynamic: true, placeholderDefault: false };
}

/** Booleans of YAML 1.1 loaders. SnakeYAML (Spring) reads yes/no/on/off in three spellings;
 *  go-yaml v2 (Kubernetes, hence Strimzi) also reads y/n. */
export function yaml11Bool(raw: string, withYN: boolean): string | undefined {
  const t = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
  const f = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
  if (t.test(raw) || (withYN && /^[yY]$/.test(raw))) return 'true';
  if (f.test(raw) || (withYN && /^[nN]$/.test(raw))) return 'false';
  return undefined;
}

/** A sequence of scalars as a comma-separated value (how Kafka reads list settings). */
export function seqAsList(text: string, seq: YAMLSeq): string | undefined {
  const parts: string[] = [];
  for (const it of seq.items) {
    if (!isScalar(it)) return undefined;
    parts.push(readScalar(text, it).value);
  }
  return parts.join(',');
}

export function dominantEol(text: string): '\n' | '\r\n' {
  if (text.indexOf('\r') < 0) return '\n';
  let crlf = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
      else lf++;
    }
  }
  return crlf > lf ? '\r\n' : '\n';
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * The words of a container's or service's command, from the keys given (`entrypoint` and
 * `command` in compose, `command` and `args` in Kubernetes), each a string or a list of strings;
 * undefined when one is something else (a map, an alias), which cannot be read here.
 */
export function commandWords(text: string, doc: YamlDoc, map: YAMLMap, keys: string[]): string[] | undefined {
  const parts: string[] = [];
  for (const key of keys) {
    const v = getEntry(map, key, doc)?.value;
    if (v === undefined || v === null) continue;
    if (isSeq(v)) {
      for (const it of v.items) if (isScalar(it)) parts.push(readScalar(text, it).value);
    } else if (isScalar(v)) parts.push(readScalar(text, v).value);
    else return undefined;
  }
  return parts;
}

/** A literal block under a configuration file's name (`application.yml: |`, `"server.properties": |-`). */
export const HOLDS_FILE = /\.(?:properties|ya?ml)["']?[ \t]*:[ \t]*\|/i;

/** The kind of configuration a document holds. */
export function classifyDoc(text: string, doc: YamlDoc): 'strimzi' | 'cfk' | 'compose' | 'workload' | 'configmap' | 'other' {
  const root = asMap(doc.contents as Node | null);
  if (!root) return 'other';
  const api = scalarString(text, getEntry(root, 'apiVersion', doc)?.value);
  if (api && api.trim().startsWith('kafka.strimzi.io/')) return 'strimzi';
  // Confluent for Kubernetes (cfk.ts); `apps.cpc.platform.confluent.io` is another API.
  if (api && api.trim().startsWith('platform.confluent.io/')) return 'cfk';
  if (asMap(getEntry(root, 'services', doc)?.value)) return 'compose';
  // A Kubernetes resource that runs containers with Spring Boot variables or of a Kafka image
  // (workload.ts). Only those that name one: a workload document keeps its nodes and is read again
  // on every lint (as compose documents are), which a manifest's other Deployments need not pay for.
  if (api !== undefined && Object.hasOwn(WORKLOAD_POD_SPEC, scalarString(text, getEntry(root, 'kind', doc)?.value)?.trim() ?? '')) {
    const r = doc.range;
    if (r && /spring_kafka_|image:[^\n]*(?:kafka|cp-server|confluent-local)/i.test(text.slice(r[0], r[2]))) return 'workload';
  }
  // A ConfigMap or Secret that may hold configuration files or Spring Boot variables
  // (configMap.ts); read again on every lint, so only one that has a literal block under a file's
  // name or names a SPRING_KAFKA_ variable.
  if (api !== undefined) {
    const kind = scalarString(text, getEntry(root, 'kind', doc)?.value)?.trim();
    const r = doc.range;
    if ((kind === 'ConfigMap' || kind === 'Secret') && r) {
      const own = text.slice(r[0], r[2]);
      if (HOLDS_FILE.test(own) || /spring_kafka_/i.test(own)) return 'configmap';
    }
  }
  return 'other';
}

/** Kubernetes kinds that run containers, and the path from the resource to its pod spec. */
export const WORKLOAD_POD_SPEC: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * Every distinct span object of units read from one YAML document (Spring units, a Strimzi
 * resource): anchors that are key spans and settings shared between units are listed once, so an
 * editor's linter can move them all in place when the text before the document changes.
 */
export function unitSpans(units: ConfigUnit[]): Span[] {
  const out = new Set<Span>();
  for (const u of units) {
    out.add(u.anchor);
    out.add(u.span);
    for (const st of u.settings) {
      const read = (st.ext as { read?: ScalarRead } | undefined)?.read;
      if (read) out.add(read.span);
      out.add(st.keySpan);
      out.add(st.valueSpan);
      out.add(st.entrySpan);
    }
  }
  return [...out];
}
