// Format-aware edits. Rules ask for "set acks to all in this unit"; the editor of the unit's
// surface turns that into the smallest text edit that keeps comments, quoting, indentation
// and line endings. A wrong fix is worse than none: editors return null when they cannot
// edit safely, and the rule then offers no fix.

import type { ConfigUnit, Edit, ParsedFile, Setting, Surface } from './model.js';
import { effective, isInherited } from './model.js';

/** Implemented once per surface by the parser module that knows its structure. */
export interface FormatEditor {
  /** Replace the value of an existing setting. `value` is canonical (Kafka meaning, e.g. `all`). */
  setValue(file: ParsedFile, unit: ConfigUnit, setting: Setting, value: string): Edit[] | null;
  /** Add a setting the unit lacks, at the natural place (after the unit's last setting, under
   *  the right YAML mapping, after the last assignment to the Go config variable...). */
  insert(file: ParsedFile, unit: ConfigUnit, key: string, value: string): Edit[] | null;
  /** Remove a setting entirely (its whole line(s), continuation lines included). */
  remove(file: ParsedFile, unit: ConfigUnit, setting: Setting): Edit[] | null;
  /** Rename the key of a setting, keeping its value. `newKey` is canonical. */
  rename(file: ParsedFile, unit: ConfigUnit, setting: Setting, newKey: string): Edit[] | null;
  /** How a canonical key is spelled on this surface (`spring.kafka.producer.acks`,
   *  `KAFKA_MIN_INSYNC_REPLICAS`, `Producer.RequiredAcks`). */
  keyName(unit: ConfigUnit, key: string): string;
  /** How a canonical value is written on this surface (`sarama.WaitForAll` for acks=all). */
  valueText(unit: ConfigUnit, key: string, value: string): string;
  /** A setting as a user would write it here, for messages and fix titles:
   *  `acks=all`, `acks: all`, `KAFKA_ACKS=all`, `cfg.Producer.RequiredAcks = sarama.WaitForAll`. */
  assignment(unit: ConfigUnit, key: string, value: string): string;
  /** Line comment marker for suppression comments. */
  commentPrefix: '#' | '//';
  /** The setting as written, for messages (`KAFKA_X: "2"` in a compose map, `acks = 1`).
   *  Optional: the default joins sourceKey and rawValue with the format's usual separator. */
  show?(unit: ConfigUnit, setting: Setting): string;
}

const editors = new Map<Surface, FormatEditor>();

/** Parser modules register their editor for the surfaces they produce. */
export function registerEditor(surfaces: Surface[], editor: FormatEditor): void {
  for (const s of surfaces) editors.set(s, editor);
}

export function editorFor(surface: Surface): FormatEditor | undefined {
  return editors.get(surface);
}

/** The rule-facing API, bound to one file. Every method returns [] when no safe edit exists. */
export interface Fixer {
  /** Set key to value: edit the effective occurrence if present, else insert. */
  set(unit: ConfigUnit, key: string, value: string): Edit[];
  setValue(unit: ConfigUnit, setting: Setting, value: string): Edit[];
  insert(unit: ConfigUnit, key: string, value: string): Edit[];
  remove(unit: ConfigUnit, setting: Setting): Edit[];
  rename(unit: ConfigUnit, setting: Setting, newKey: string): Edit[];
  keyName(unit: ConfigUnit, key: string): string;
  valueText(unit: ConfigUnit, key: string, value: string): string;
  /** `acks=all` in the unit's own syntax (wrapped in backticks by callers as they wish). */
  assignment(unit: ConfigUnit, key: string, value: string): string;
  /** The setting as it stands in the file: `acks=1`, `spring.kafka.producer.acks: 1`. */
  show(unit: ConfigUnit, setting: Setting): string;
  /**
   * `key` set to `value` as `set`/`setValue` write it, for messages and fix titles: the occurrence
   * they edit (`setting`, by default the effective one) spelled as it stands, or, where they insert
   * (none, or one the unit inherits, which may have another name there), the unit's own assignment.
   */
  written(unit: ConfigUnit, key: string, value: string, setting?: Setting): string;
}

export function createFixer(file: ParsedFile): Fixer {
  const ed = (unit: ConfigUnit) => editorFor(unit.surface);
  const orEmpty = (edits: Edit[] | null | undefined) => (edits && edits.length ? edits : []);
  const fixer: Fixer = {
    set(unit, key, value) {
      const existing = effective(unit, key);
      return existing ? fixer.setValue(unit, existing, value) : fixer.insert(unit, key, value);
    },
    // A setting the unit inherits (from another document or file) is overridden here, never
    // edited where it is written: that would change it for every profile, or edit another file.
    setValue: (unit, setting, value) => {
      if (isInherited(setting)) return fixer.insert(unit, setting.key, value);
      if (setting.dynamic && !setting.placeholderDefault) return [];
      return orEmpty(ed(unit)?.setValue(file, unit, setting, value));
    },
    insert: (unit, key, value) => orEmpty(ed(unit)?.insert(file, unit, key, value)),
    remove: (unit, setting) => (isInherited(setting) ? [] : orEmpty(ed(unit)?.remove(file, unit, setting))),
    rename: (unit, setting, newKey) => (isInherited(setting) ? [] : orEmpty(ed(unit)?.rename(file, unit, setting, newKey))),
    keyName: (unit, key) => ed(unit)?.keyName(unit, key) ?? key,
    valueText: (unit, key, value) => ed(unit)?.valueText(unit, key, value) ?? value,
    assignment: (unit, key, value) => ed(unit)?.assignment(unit, key, value) ?? `${key}=${value}`,
    show: (unit, setting) => {
      const custom = ed(unit)?.show?.(unit, setting);
      if (custom) return custom;
      const sep = unit.format === 'properties' ? '=' : unit.format === 'go' ? ' = ' : unit.surface === 'compose' ? '=' : ': ';
      return `${setting.sourceKey}${sep}${setting.rawValue}`;
    },
    written: (unit, key, value, setting = effective(unit, key)) =>
      setting && !isInherited(setting)
        ? fixer.show(unit, { ...setting, rawValue: fixer.valueText(unit, key, value) })
        : fixer.assignment(unit, key, value),
  };
  return fixer;
}

/**
 * Apply non-overlapping edits to text. Edits that overlap an earlier-applied edit are skipped and
 * returned, so a caller can apply them in a later pass (as ESLint does).
 */
export function applyEdits(text: string, edits: Edit[]): { text: string; skipped: Edit[] } {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
  const skipped: Edit[] = [];
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.start > e.end || e.end > text.length) {
      skipped.push(e);
      continue;
    }
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return { text: out + text.slice(pos), skipped };
}

/**
 * One fix's insertions at the same offset, as one insertion. Each editor inserts a setting on its
 * own: where the unit lacks the block that holds it (a Strimzi `config:`, a compose
 * `environment:`, Spring's `kafka:` and `producer:`), the inserted text opens that block. A fix
 * that adds two settings to such a unit (min ISR and a replication factor, the prerequisites of
 * idempotence) would open it twice, and a YAML mapping with a key written twice is refused by
 * Spring Boot, Kubernetes and docker compose. Here the texts' opening lines (`key:` lines, each
 * indented deeper than the one before) are merged as paths of a tree, and each setting is written
 * under its own path once. Insertions this does not recognise (not starting on a new line, or
 * with line breaks of different kinds) are left as they are.
 */
export function mergeInsertions(edits: Edit[]): Edit[] {
  if (edits.length < 2) return edits; // (most fixes: nothing to merge, nothing allocated)
  let groups: Map<number, number[]> | undefined;
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    if (e.start !== e.end) continue;
    groups ??= new Map();
    const g = groups.get(e.start);
    if (g) g.push(i);
    else groups.set(e.start, [i]);
  }
  if (!groups) return edits;
  let merged: Edit[] | undefined;
  for (const [offset, g] of groups) {
    if (g.length < 2) continue;
    const text = mergeTexts(g.map((i) => edits[i].newText));
    if (text === undefined) continue;
    merged ??= edits.slice();
    merged[g[0]] = { start: offset, end: offset, newText: text };
    for (let k = 1; k < g.length; k++) merged[g[k]] = DROPPED;
  }
  return merged ? merged.filter((e) => e !== DROPPED) : edits;
}

const DROPPED: Edit = { start: -1, end: -1, newText: '' };

interface Block {
  /** Lines and nested blocks in the order they were first inserted. */
  items: (string | { header: string; block: Block })[];
}

/** Texts inserted at one offset, in order, as one text with their shared opening lines once. */
function mergeTexts(texts: string[]): string | undefined {
  const eol = texts[0].startsWith('\r\n') ? '\r\n' : '\n';
  const root: Block = { items: [] };
  for (const t of texts) {
    const lines = insertionLines(t, eol);
    if (!lines) return undefined;
    addLines(root, lines);
  }
  const out: string[] = [];
  const emit = (block: Block) => {
    for (const item of block.items) {
      if (typeof item === 'string') out.push(item);
      else {
        out.push(item.header);
        emit(item.block);
      }
    }
  };
  emit(root);
  return eol + out.join(eol);
}

/** The lines of an insertion that starts with a line break `eol` (and has no other kind), or undefined. */
function insertionLines(text: string, eol: string): string[] | undefined {
  if (!text.startsWith(eol)) return undefined;
  const body = text.slice(eol.length);
  if (eol === '\n' ? body.includes('\r') : body.replace(/\r\n/g, '').search(/[\r\n]/) >= 0) return undefined;
  const lines = body.split(eol);
  return lines.length && lines[lines.length - 1] !== '' ? lines : undefined;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** A line that only opens a block (`config:`), not a list item, a comment or a key with a value. */
const HEADER = /^ *[^\s#\-[{"'][^#]*:$/;

/** Puts an insertion's lines under the block path its opening `key:` lines name. */
function addLines(root: Block, lines: string[]): void {
  let block = root;
  let i = 0;
  while (i < lines.length - 1 && HEADER.test(lines[i]) && !lines[i].includes(': ') && indentOf(lines[i + 1]) > indentOf(lines[i])) {
    const header = lines[i];
    let child = block.items.find((x): x is { header: string; block: Block } => typeof x !== 'string' && x.header === header);
    if (!child) block.items.push((child = { header, block: { items: [] } }));
    block = child.block;
    i++;
  }
  for (; i < lines.length; i++) block.items.push(lines[i]);
}
