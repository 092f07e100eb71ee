// Spring Boot `application*.yml`: everything below `spring.kafka` (facts.md §7), read the way
// Boot's relaxed binding flattens YAML: nested keys, dotted keys at any level, `"[a.b]"` map keys,
// and plain dotted keys under `properties:` (`properties: {enable.idempotence: true}` binds the
// map key `enable.idempotence`). One unit per document and client role; settings shared by all
// clients (`spring.kafka.bootstrap-servers`, `spring.kafka.properties[...]`) are copied into each.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Alias, Node, YAMLMap } from 'yaml';
import type { ConfigUnit, Edit, Role, Setting, Span } from '../model.js';
import { effective } from '../model.js';
import { internSetting } from '../strings.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import {
  canonicalSpringSegment,
  mapSpringKafkaPath,
  SPRING_SECTION_ROLE,
  springPathFor,
  springValueToKafka,
  unknownSpringProperty,
  type SpringValueKind,
} from '../knowledge/spring.js';
import { scstKeyPath, type ScstMapping } from '../knowledge/scst.js';
import { markBinderAnchor, readScstLeaf, scstGroups, scstSlot, type ScstDoc } from './scstRead.js';
import { asMap, baseName, brokenYaml, contentEnd, entryPlaces, keyQuote, mapEntries, nodeSpan, readScalar, resolveSpringPlaceholder, seqAsList, yaml11Bool, type MapEntry, type QuoteStyle, type ScalarRead, type YamlDoc } from './yamlCommon.js';
import { insertPath, removeEntry, renderKey, renderScalar, replaceInScalar, replaceScalar, quoteDouble } from './yamlEdit.js';

export interface SpringSettingExt {
  kind: 'spring';
  docIndex: number;
  /** How the key is quoted (a rename keeps the style). The entry itself is found again by its
   *  key's offset when an edit needs it: settings hold no YAML nodes, so an editor can let a
   *  document's nodes go between edits (engine/incremental.ts). */
  keyQuote: QuoteStyle;
  /** Scalar read of the value, when it is a scalar written here. */
  read?: ScalarRead;
  /** The whole entry is written elsewhere (merge key, aliased section): nothing to edit here. */
  via?: Alias;
  /** Full path segments as written (`spring`, `kafka`, `producer`, `properties`, `[enable.idempotence]`). */
  path: string[];
  /** How many trailing segments of `path` this pair's key wrote. */
  keySegCount: number;
  /** Offsets of a placeholder default inside the value (relative to read.raw). */
  defaultRange?: [number, number];
  /** Spring Cloud Stream: index in `path` of the map segment (`configuration`, `producer-properties`)
   *  of a map entry, and the binding a binding-level setting belongs to. */
  mapAt?: number;
  binding?: string;
}

export interface SpringUnitExt {
  kind: 'spring';
  docIndex: number;
  doc: YamlDoc;
  /** Spring Cloud Stream's Kafka binder unit: its binding (undefined: binder-wide; see `ConfigUnit.facts.binding`). */
  scst?: { binding?: string };
}

/** A Spring unit's id: Spring Boot's clients by role, the Kafka binder's (`scst`) by binding and role. */
function springUnitId(docIndex: number, role: Role, scst?: SpringUnitExt['scst']): string {
  return scst ? `spring-yaml#${docIndex}:scst:${scst.binding ?? ''}:${role}` : `spring-yaml#${docIndex}:${role}`;
}

/**
 * Split a YAML key into binding segments: `spring.kafka.producer` -> 3 segments,
 * `"[enable.idempotence]"` -> one bracketed segment kept with its brackets,
 * `properties[sasl.jaas.config]` -> `properties`, `[sasl.jaas.config]`.
 */
export function splitSpringKey(key: string): string[] {
  // Nearly every key has no brackets: split it without building the segments a character at a
  // time (this runs for every key of every document on every read).
  if (key.indexOf('[') < 0) {
    if (key.indexOf('.') < 0) return key ? [key] : [];
    const parts = key.split('.');
    return parts.includes('') ? parts.filter((x) => x !== '') : parts;
  }
  const out: string[] = [];
  let cur = '';
  let i = 0;
  while (i < key.length) {
    const c = key[i];
    if (c === '[') {
      const j = key.indexOf(']', i);
      if (j < 0) {
        cur += key.slice(i);
        break;
      }
      if (cur) out.push(cur);
      cur = '';
      out.push(key.slice(i, j + 1));
      i = j + 1;
      if (key[i] === '.') i++;
      continue;
    }
    if (c === '.') {
      if (cur) out.push(cur);
      cur = '';
      i++;
      continue;
    }
    cur += c;
    i++;
  }
  if (cur) out.push(cur);
  return out;
}

/** Segments back to a property path: `producer.properties[enable.idempotence]`. */
export function joinSpringPath(segs: string[]): string {
  let s = '';
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg.charCodeAt(0) === 91 /* [ */) s += seg;
    else s = s ? s + '.' + seg : seg;
  }
  return s;
}

const isBracket = (s: string) => s.startsWith('[');
const canon = (s: string) => (isBracket(s) ? s : canonicalSpringSegment(s));

function springSegEq(a: string, b: string): boolean {
  return isBracket(a) || isBracket(b) ? a === b : canonicalSpringSegment(a) === canonicalSpringSegment(b);
}


/** Is this a Spring Boot config file by name (profile from `application-<profile>.yml`)? */
export function springFileProfile(path: string): { spring: boolean; profile?: string } {
  const m = /^(application|bootstrap)(?:-(.+))?\.ya?ml$/i.exec(baseName(path));
  if (!m) return { spring: false };
  return m[2] ? { spring: true, profile: m[2] } : { spring: true };
}

interface Leaf {
  path: string[];
  entry: MapEntry;
  keySegCount: number;
  /** The path's second segment in canonical form (`kafka`, `cloud`, `config`), or '' when it has none. */
  section: string;
}

/**
 * Every leaf below `spring.*` of a document, with its full binding path. (The first two segments
 * are brought to canonical form once per mapping, not once per entry below it: this walks every
 * key of every document on every read.)
 */
function springLeaves(doc: YamlDoc, onCross: (path: string[], prevLen: number, e: MapEntry, section: string) => void): Leaf[] {
  const out: Leaf[] = [];
  const walk = (map: YAMLMap, prefix: string[], section: string, via: Alias | undefined, depth: number) => {
    if (depth > 24) return;
    const entries = mapEntries(map, doc, via);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const ks = splitSpringKey(e.keyText);
      if (!ks.length) continue;
      // (Below the document's top level, the prefix starts with `spring` already.)
      if (!prefix.length && canon(ks[0]) !== 'spring') continue;
      const full = prefix.length ? prefix.concat(ks) : ks;
      const sec = prefix.length >= 2 ? section : full.length >= 2 ? canon(full[1]) : '';
      onCross(full, prefix.length, e, sec);
      if (isMap(e.value)) walk(e.value, full, sec, e.via ?? e.valueAlias, depth + 1);
      else out.push({ path: full, entry: e, keySegCount: ks.length, section: sec });
    }
  };
  const root = asMap(doc.contents as Node | null);
  if (root) walk(root, [], '', undefined, 0);
  return out;
}

interface ValueInfo {
  value: string;
  rawValue: string;
  valueSpan: Span;
  dynamic: boolean;
  placeholderDefault: boolean;
  read?: ScalarRead;
  defaultRange?: [number, number];
}

function leafValue(text: string, e: MapEntry, aliasSpan: Span | undefined, kind: SpringValueKind): ValueInfo | undefined {
  const v = e.value;
  if (isSeq(v)) {
    const list = seqAsList(text, v);
    if (list === undefined) return undefined;
    const span = aliasSpan ?? { start: nodeSpan(v)?.start ?? 0, end: contentEnd(text, v) };
    return { value: list, rawValue: text.slice(span.start, span.end), valueSpan: span, dynamic: !!aliasSpan, placeholderDefault: false };
  }
  if (!isScalar(v)) return undefined;
  const read = readScalar(text, v);
  let value = read.value;
  if (read.quote === 'plain') value = yaml11Bool(value, false) ?? value;
  const r = resolveSpringPlaceholder(value);
  let out = r.dynamic ? r.value : springValueToKafka(kind, r.value) ?? r.value;
  if (aliasSpan) {
    // The value is written at an anchor: judge nothing, edit nothing.
    return { value: out, rawValue: text.slice(aliasSpan.start, aliasSpan.end), valueSpan: aliasSpan, dynamic: true, placeholderDefault: false };
  }
  if (read.quote === 'none') out = '';
  return {
    value: out,
    rawValue: read.raw,
    valueSpan: read.span,
    dynamic: r.dynamic,
    placeholderDefault: r.placeholderDefault,
    read,
    ...(r.defaultRange && read.exact ? { defaultRange: r.defaultRange } : {}),
  };
}

/** The document's activation conditions: its profile(s) and cloud platform, as written. */
function activationOf(leaves: Leaf[], text: string): { profile?: string; cloudPlatform?: string } {
  let profile: string | undefined;
  let cloudPlatform: string | undefined;
  for (let i = 0; i < leaves.length; i++) {
    const l = leaves[i];
    // (Only `spring.profiles` and `spring.config.activate.*` can say it: the rest are not looked at.)
    const n = l.path.length;
    if (!(n === 2 && l.section === 'profiles') && !(n === 4 && l.section === 'config')) continue;
    const p = l.path.map(canon).join('.');
    const v = l.entry.value;
    if (profile === undefined && (p === 'spring.config.activate.on-profile' || p === 'spring.profiles')) {
      if (isScalar(v)) profile = readScalar(text, v).value || undefined;
      else if (isSeq(v)) profile = seqAsList(text, v) || undefined;
    } else if (cloudPlatform === undefined && p === 'spring.config.activate.on-cloud-platform' && isScalar(v)) {
      cloudPlatform = readScalar(text, v).value || undefined;
    }
  }
  return { ...(profile !== undefined ? { profile } : {}), ...(cloudPlatform !== undefined ? { cloudPlatform } : {}) };
}

/** The setting a leaf makes (undefined: its value is no scalar or list). */
function settingOf(
  text: string,
  docIndex: number,
  leaf: Leaf,
  key: string,
  role: Role,
  precedence: number,
  kind: SpringValueKind,
  sourceKey = joinSpringPath(leaf.path),
): Setting | undefined {
  const { path: full, entry: e } = leaf;
  const { keySpan, entrySpan, aliasSpan } = entryPlaces(text, e);
  const val = leafValue(text, e, aliasSpan, kind);
  if (!val) return undefined;
  // Plain literals and assignments in a fixed order (no spreads: this runs for every setting).
  // The usual value, a scalar written here, is in the literal: a property added afterwards would
  // take a properties store of its own, which every setting then keeps.
  const ext: SpringSettingExt = val.read
    ? { kind: 'spring', docIndex, keyQuote: keyQuote(e.key), read: val.read, path: full, keySegCount: leaf.keySegCount }
    : { kind: 'spring', docIndex, keyQuote: keyQuote(e.key), path: full, keySegCount: leaf.keySegCount };
  if (e.via) ext.via = e.via;
  if (val.defaultRange) ext.defaultRange = val.defaultRange;
  const s: Setting = val.placeholderDefault
    ? {
        key,
        sourceKey,
        role,
        value: val.value,
        rawValue: val.rawValue,
        dynamic: val.dynamic,
        placeholderDefault: true,
        keySpan,
        valueSpan: val.valueSpan,
        entrySpan,
        precedence,
        ext,
      }
    : { key, sourceKey, role, value: val.value, rawValue: val.rawValue, dynamic: val.dynamic, keySpan, valueSpan: val.valueSpan, entrySpan, precedence, ext };
  internSetting(s);
  return s;
}

// ---- Spring Cloud Stream's Kafka binder (scstRead.ts) ----

function scstSetting(text: string, docIndex: number, leaf: Leaf, m: ScstMapping): Setting | undefined {
  const s = settingOf(text, docIndex, leaf, m.key, m.role, m.precedence, m.kind === 'enum-lower' ? 'enum-lower' : 'string');
  if (!s) return undefined;
  const ext = s.ext as SpringSettingExt;
  if (m.mapAt !== undefined) ext.mapAt = m.mapAt;
  if (m.binding !== undefined) ext.binding = m.binding;
  return s;
}

/** An empty span where a document starts. */
function docStartSpan(doc: YamlDoc): Span {
  const at = doc.range?.[0] ?? 0;
  return { start: at, end: at };
}

/** The Kafka binder's units of a document (scstGroups), placed at their bindings' keys. */
function scstUnits(
  r: ScstDoc,
  docIndex: number,
  doc: YamlDoc,
  anchors: Map<string, Span>,
  spans: Map<string, Span>,
  profile: string | undefined,
): ConfigUnit[] {
  // (A unit always has a place in its own document: an editor moves the places of a document
  // whose start moves, and a place outside it would not follow.)
  const none = docStartSpan(doc);
  const out = scstGroups(r).map(({ role, binding, settings }): ConfigUnit => {
    const slot = binding === undefined ? 'scst' : `scst:${binding}`;
    const anchor = anchors.get(slot) ?? anchors.get('scst') ?? none;
    const ext: SpringUnitExt = { kind: 'spring', docIndex, doc, scst: binding === undefined ? {} : { binding } };
    return {
      id: springUnitId(docIndex, role, ext.scst),
      surface: 'spring-yaml',
      format: 'yaml',
      role,
      client: 'java',
      settings,
      anchor,
      span: spans.get(slot) ?? anchor,
      facts: { roleEvidence: 'structure', binding: binding === undefined ? {} : { name: binding }, ...(profile ? { profile } : {}) },
      ext,
    };
  });
  markBinderAnchor(out);
  return out;
}

export function extractSpring(
  text: string,
  path: string,
  docs: YamlDoc[],
  skip: (i: number) => boolean,
  ofDoc: (doc: YamlDoc, docIndex: number, fileProfile: string | undefined) => ConfigUnit[] = (doc, i, fp) => extractSpringDoc(text, doc, i, fp),
): ConfigUnit[] {
  const units: ConfigUnit[] = [];
  const fileProfile = springFileProfile(path).profile;
  docs.forEach((doc, docIndex) => {
    if (skip(docIndex)) return;
    units.push(...ofDoc(doc, docIndex, fileProfile));
  });
  return units;
}

/** The units of one document: documents are independent (an editor reuses those it did not touch). */
export function extractSpringDoc(text: string, doc: YamlDoc, docIndex: number, fileProfile: string | undefined): ConfigUnit[] {
  const units: ConfigUnit[] = [];
  {
    const anchors = new Map<string, Span>();
    const spans = new Map<string, Span>();
    const note = (slot: string, key: Span, whole: Span) => {
      if (!anchors.has(slot)) anchors.set(slot, key);
      const s = spans.get(slot);
      spans.set(slot, s ? { start: Math.min(s.start, whole.start), end: Math.max(s.end, whole.end) } : whole);
    };
    const leaves = springLeaves(doc, (full, prevLen, e, section) => {
      if (full.length >= 4 && prevLen <= 5 && section === 'cloud') {
        // (The entry that writes the slot's own segment, not one below it.)
        const named = scstSlot(full);
        const slot = named && prevLen <= named.at ? named.slot : undefined;
        if (slot) {
          const { keySpan, entrySpan: whole } = entryPlaces(text, e);
          note(slot, keySpan, whole);
        }
        return;
      }
      if (prevLen >= 3 || full.length < 2 || section !== 'kafka') return;
      const role = prevLen < 3 && full.length >= 3 && !isBracket(full[2]) ? SPRING_SECTION_ROLE[canonicalSpringSegment(full[2])] : undefined;
      if (prevLen >= 2 && !role) return;
      const { keySpan, entrySpan: whole } = entryPlaces(text, e);
      if (prevLen < 2) note('kafka', keySpan, whole);
      if (role) note(role, keySpan, whole);
    });
    const common: Setting[] = [];
    const byRole = new Map<Role, Setting[]>();
    let binder: ScstDoc | undefined;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i];
      const { path: full, entry: e } = leaf;
      if (full.length >= 4 && leaf.section === 'cloud') {
        const value = e.value;
        binder = readScstLeaf(binder, full, () => (isScalar(value) ? readScalar(text, value).value.trim() : ''), (m) => scstSetting(text, docIndex, leaf, m));
        continue;
      }
      if (full.length < 3 || leaf.section !== 'kafka') continue;
      const sourceKey = joinSpringPath(full);
      // What follows `spring.kafka` (both plain segments), cut from the joined path.
      const restPath = sourceKey.slice(full[0].length + full[1].length + (full[2].charCodeAt(0) === 91 /* [ */ ? 1 : 2));
      let key: string;
      let role: Role;
      let precedence: number;
      let kind: SpringValueKind = 'string';
      const m = mapSpringKafkaPath(restPath);
      if (m) {
        ({ key, role, precedence, kind } = m);
      } else {
        // Not a modelled property. Spelled like a section property: keep it as `spring:<section>.<prop>`
        // so the unknown-key rule can suggest the Spring name.
        const rest = full.slice(2);
        const unknown = rest.some(isBracket) ? undefined : unknownSpringProperty(rest.map(canonicalSpringSegment));
        if (!unknown) continue;
        ({ key, role, precedence } = unknown);
      }
      const s = settingOf(text, docIndex, leaf, key, role, precedence, kind, sourceKey);
      if (!s) continue;
      if (role === 'client') common.push(s);
      else {
        const list = byRole.get(role) ?? [];
        list.push(s);
        byRole.set(role, list);
      }
    }
    const boot = common.length > 0 || byRole.size > 0;
    if (!boot && !binder?.kafka) return units;
    const activation = activationOf(leaves, text);
    const profile = activation.profile ?? fileProfile;
    const cloudPlatform = activation.cloudPlatform;
    if (binder?.kafka) units.push(...scstUnits(binder, docIndex, doc, anchors, spans, profile));
    if (!boot) return units;
    const unitExt: SpringUnitExt = { kind: 'spring', docIndex, doc };
    const kafkaAnchor = anchors.get('kafka') ?? docStartSpan(doc);
    const make = (role: Role, settings: Setting[]): ConfigUnit => {
      const all = settings.slice().sort((a, b) => a.entrySpan.start - b.entrySpan.start || a.keySpan.start - b.keySpan.start);
      const span = spans.get(role) ?? spans.get('kafka') ?? kafkaAnchor;
      return {
        id: springUnitId(docIndex, role),
        surface: 'spring-yaml',
        format: 'yaml',
        role,
        client: 'java',
        settings: all,
        anchor: anchors.get(role) ?? kafkaAnchor,
        span: role === 'client' ? spans.get('kafka') ?? span : span,
        facts: { roleEvidence: 'structure', ...(profile ? { profile } : {}), ...(cloudPlatform ? { cloudPlatform } : {}) },
        ext: unitExt,
      };
    };
    if (!byRole.size) units.push(make('client', common));
    for (const role of ['producer', 'consumer', 'admin', 'streams'] as Role[]) {
      const own = byRole.get(role);
      if (own) units.push(make(role, common.concat(own)));
    }
  }
  return units;
}

/**
 * Moves the units of a document read at another offset and index, in place, to what
 * `extractSpringDoc` would read there: every span (`spans`, from unitSpans) moved by `delta`,
 * ids and indices renumbered. The units belong to the caller's cache (they describe only the
 * latest text), and findings never share their span objects (engine/index.ts copies them), so
 * nothing else sees the change.
 */
export function moveSpringUnits(units: ConfigUnit[], spans: Span[], delta: number, docIndex: number): void {
  for (const x of spans) {
    x.start += delta;
    x.end += delta;
  }
  for (const u of units) {
    const ext = u.ext as SpringUnitExt;
    u.id = springUnitId(docIndex, u.role, ext.scst);
    ext.docIndex = docIndex;
    for (const st of u.settings) (st.ext as SpringSettingExt).docIndex = docIndex;
  }
}

// ---- editor ----

function settingExt(s: Setting): SpringSettingExt | undefined {
  const e = s.ext as SpringSettingExt | undefined;
  return e && e.kind === 'spring' ? e : undefined;
}

function unitExt(u: ConfigUnit): SpringUnitExt | undefined {
  const e = u.ext as SpringUnitExt | undefined;
  return e && e.kind === 'spring' ? e : undefined;
}

/** Where a key is written for a Kafka binder unit (knowledge/scst.ts). */
function scstPath(unit: ConfigUnit, key: string): string[] | undefined {
  const x = unitExt(unit)?.scst;
  return x ? scstKeyPath(unit.role, x.binding, key, effective(unit, 'acks')?.precedence) : undefined;
}

/** The property path below `spring.kafka` for a canonical key and role: the dedicated property
 *  when Boot has one, else the role's `properties[...]` map ('client': the shared map). */
function pathFor(role: Role, key: string): string | undefined {
  if (key.startsWith('spring:')) return key.slice('spring:'.length);
  if (role === 'client') return `properties[${key}]`;
  return springPathFor(key, role)?.path;
}

const springStyle = (prefer?: number) => ({
  keySegs: splitSpringKey,
  segEq: springSegEq,
  renderKey,
  dotted: joinSpringPath,
  ...(prefer !== undefined ? { prefer } : {}),
});

export const springEditor: FormatEditor = {
  commentPrefix: '#',

  keyName(unit, key) {
    if (unitExt(unit)?.scst) {
      const segs = scstPath(unit, key);
      return segs ? joinSpringPath(segs) : key;
    }
    const p = pathFor(unit.role, key);
    return p ? `spring.kafka.${p}` : key;
  },

  valueText(_unit, _key, value) {
    return value;
  },

  assignment(unit, key, value) {
    return `${springEditor.keyName(unit, key)}: ${springEditor.valueText(unit, key, value)}`;
  },

  setValue(file, unit, setting, value) {
    const ext = settingExt(setting);
    if (!ext || ext.via || !ext.read) return null;
    const v = springEditor.valueText(unit, setting.key, value);
    if (setting.placeholderDefault) {
      if (!ext.defaultRange) return null;
      const e = replaceInScalar(ext.read, ext.defaultRange, v);
      return e ? [e] : null;
    }
    const e = replaceScalar(file.text, ext.read, v);
    return e ? [e] : null;
  },

  insert(file, unit, key, value) {
    const u = unitExt(unit);
    // Structural edits trust the AST, which after a parse error may not match the indentation.
    if (!u || brokenYaml(u.doc)) return null;
    let segs: string[];
    if (u.scst) {
      const at = scstPath(unit, key);
      if (!at) return null;
      segs = at;
    } else {
      const p = pathFor(unit.role, key);
      if (!p) return null;
      segs = ['spring', 'kafka', ...splitSpringKey(p)];
    }
    const text = renderScalar(springEditor.valueText(unit, key, value));
    const e = insertPath(file.text, u.doc.contents as Node | null, segs, text, file.eol, springStyle(unit.anchor.start));
    return e ? [e] : null;
  },

  remove(file, unit, setting) {
    const u = unitExt(unit);
    const ext = settingExt(setting);
    if (!u || !ext || ext.via || brokenYaml(u.doc)) return null;
    const root = u.doc.contents as Node | null;
    const e = root ? removeEntry(file.text, root, setting.keySpan.start) : null;
    return e ? [e] : null;
  },

  rename(_file, _unit, setting, newKey) {
    const ext = settingExt(setting);
    if (!ext || ext.via) return null;
    const old = ext.path;
    let next: string[];
    const propsAt = ext.mapAt ?? old.findIndex((s, i) => i >= 2 && !isBracket(s) && canonicalSpringSegment(s) === 'properties');
    const isMapEntry = !setting.key.startsWith('spring:') && propsAt >= 0 && (ext.mapAt !== undefined || propsAt <= 3);
    const binderProp = /^scst:(?:consumer|producer|binder)\.(.+)$/.exec(newKey);
    if (binderProp && setting.key.startsWith('scst:')) {
      // A binder property misspelled: the same place, the right name.
      next = [...old.slice(0, old.length - 1), binderProp[1]];
    } else if (old.length > 1 && canonicalSpringSegment(old[1]) === 'cloud' && (!isMapEntry || newKey.includes(':'))) {
      return null; // a Kafka binder setting moves only within its map
    } else if (isMapEntry && !newKey.startsWith('spring:')) {
      // Stay in the same map: `properties[old]` -> `properties[new]`, same spelling form.
      const bracket = isBracket(old[propsAt + 1] ?? '');
      next = [...old.slice(0, propsAt + 1), ...(bracket ? [`[${newKey}]`] : newKey.split('.'))];
    } else {
      // A shared setting stays shared; a section setting stays in its section.
      const p = pathFor(setting.role, newKey);
      if (!p) return null;
      next = [...old.slice(0, 2), ...splitSpringKey(p)];
    }
    const fixed = old.length - ext.keySegCount;
    if (next.length <= fixed) return null;
    for (let i = 0; i < fixed; i++) if (!springSegEq(old[i], next[i])) return null;
    const keyPath = next.slice(fixed);
    const written = joinSpringPath(keyPath);
    // (not written elsewhere, so the key span is the key's node)
    const range = setting.keySpan;
    const q = ext.keyQuote;
    let newText: string;
    if (q === 'double') newText = quoteDouble(written);
    else if (q === 'single' && !written.includes("'")) newText = `'${written}'`;
    else newText = renderKey(written);
    return [{ start: range.start, end: range.end, newText } satisfies Edit];
  },
};

registerEditor(['spring-yaml'], springEditor);

