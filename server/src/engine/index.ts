// The engine facade: text + options in, findings (with fixes) out. Pure: no file system, no
// process, no vscode. The CLI, the language server and the tests are its clients.

import type { ConfigUnit, Finding, Fix, Format, ParsedFile, RelatedPlace, Setting, Severity, Span } from './model.js';
import { inheritedPath, isInherited, isInheritedSpan, sameItems } from './model.js';
import { applyEdits, createFixer, mergeInsertions } from './fixer.js';
import { fmt, localizeDefaultSource, type L10n, type Locale } from './l10n.js';
import { unitDefault } from './knowledge/index.js';
import type { ResolvedOptions } from './options.js';
import { resolveOptions, unitKafkaVersion } from './options.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { fileView, producerSurfaces } from './rule.js';
import { allRules } from './rules/index.js';
import { applySuppressions, lineOf, lineStarts } from './suppressions.js';
import { syntaxFindings } from './syntax.js';
import { detach } from './strings.js';
import { parseProperties } from './parsers/properties.js';
import { parseYaml } from './parsers/yaml.js';
import { linkEnvFiles } from './parsers/compose.js';
import type { ReadEnvFile } from './parsers/envFile.js';
import { inheritanceKey, isSpringOverlay, linkSpringDocuments, linkSpringOverrides, springBaseNames, type SpringBase } from './springProfiles.js';
import { editToOuter, embeddedAt, spanToOuter, toInner, type EmbeddedFile } from './embedded.js';
import { baseName } from './parsers/yamlCommon.js';
import { goFileKey, goUnitPiece, parseGo } from './parsers/go.js';
import type { GoSibling } from './parsers/goPackage.js';

export type { Finding, ParsedFile, RelatedPlace } from './model.js';
export type { SpringBase } from './springProfiles.js';
export type { GoSibling } from './parsers/goPackage.js';
export type { ResolvedOptions, LintOptions, ProjectConfig } from './options.js';

export interface LintInput {
  text: string;
  /** Path (relative or absolute) or URI path; decides the format and detection. Never printed by the engine. */
  path: string;
  /** Editor language id, when known; the extension wins otherwise. */
  languageId?: string;
  /**
   * The Spring Boot files beside this one, as the caller reads them: those it comes on top of
   * (application.yml and application.properties beside application-prod.yml: `springBaseNames`),
   * whose settings hold in this file where it does not set them again, and those that come on top
   * of it (application-prod.yml beside application.yml: `isSpringOverlay`), whose settings win over
   * its documents of their profile. Any other file in the list is ignored.
   */
  springBase?: SpringBase[];
  /**
   * For a Go file: the other `.go` files of its folder, as the caller reads them. Those of the same
   * package that import sarama are read with it: their helpers and the functions a config is
   * passed to count for this file's configs (goPackage.ts). Without it, only this file is seen.
   */
  goPackage?: GoSibling[];
  /**
   * Reads a file a compose service's `env_file` names (`ref` as written, relative to the directory
   * of `composeFile`, this input's path): its text, or undefined when it cannot be read. Without
   * it, such a service's unset keys are not judged (the file may set them).
   */
  readEnvFile?: ReadEnvFile;
}

export type { ReadEnvFile } from './parsers/envFile.js';


export interface RuleError {
  ruleId: string;
  message: string;
}

export interface LintResult {
  /** Undefined when the file was not parsed (not ours, or skipped). */
  file?: ParsedFile;
  findings: Finding[];
  /** Why the file was not linted (too large, binary). Undefined for files linted or simply not ours. */
  skipped?: string;
  /** Rules that threw; each is reported once and skipped for this file only. */
  ruleErrors: RuleError[];
}

/** The fix with its insertions at one offset merged (`mergeInsertions`); the same object when there are none. */
function withMergedInsertions(fix: Fix): Fix {
  const edits = mergeInsertions(fix.edits);
  return edits === fix.edits ? fix : { ...fix, edits };
}

/** Files larger than this are skipped with a reason, never parsed. */
export const MAX_TEXT_LENGTH = 8 * 1024 * 1024;

export function detectFormat(path: string, languageId?: string): Format | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.properties')) return 'properties';
  if (p.endsWith('.yml') || p.endsWith('.yaml')) return 'yaml';
  if (p.endsWith('.go')) return 'go';
  if (languageId === 'yaml' || languageId === 'dockercompose') return 'yaml';
  if (languageId === 'go') return 'go';
  return undefined;
}

export function parseFile(input: LintInput): ParsedFile | undefined {
  const format = detectFormat(input.path, input.languageId);
  if (!format) return undefined;
  let file: ParsedFile;
  switch (format) {
    case 'properties':
      file = parseProperties(input.text, input.path);
      break;
    case 'yaml':
      file = parseYaml(input.text, input.path);
      break;
    case 'go':
      return parseGo(input.text, input.path, undefined, input.goPackage);
  }
  linkSpring(file, input.springBase);
  linkEnvFiles(file, input.readEnvFile);
  return file;
}

/**
 * Links the Spring units of a parsed file to each other and to those of the Spring files beside
 * it: what it inherits from the files it comes on top of, and what the files on top of it set over
 * its documents (`isSpringOverlay`).
 */
export function linkSpring(file: ParsedFile, springBase: SpringBase[] | undefined): void {
  if (file.format === 'go') return;
  const below: SpringBase[] = [];
  const above: SpringBase[] = [];
  if (springBase?.length) {
    const names = springBaseNames(file.path);
    for (const b of springBase) {
      if (names.includes(baseName(b.path))) below.push(b);
      else if (isSpringOverlay(file.path, b.path)) above.push(b);
    }
    // The one that wins least first, whatever order the caller read them in (a later one wins a tie).
    below.sort((a, b) => names.indexOf(baseName(a.path)) - names.indexOf(baseName(b.path)));
  }
  linkSpringDocuments(file.units, below.length ? baseUnits(below) : undefined);
  const overlays = above.length ? baseUnits(above).map((o, i) => ({ ...o, text: above[i].text })) : undefined;
  linkSpringOverrides(file.units, file.text, overlays);
}

// The Spring units of base files by path, while their text is the same (the same objects each
// time, so what a profile file's units inherit is kept between its edits).
const baseFiles = new Map<string, { text: string; units: ConfigUnit[] }>();

function baseUnits(bases: SpringBase[]): { path: string; units: ConfigUnit[] }[] {
  const out: { path: string; units: ConfigUnit[] }[] = [];
  for (const b of bases) {
    let cached = baseFiles.get(b.path);
    if (!cached || cached.text !== b.text) {
      let units: ConfigUnit[] = [];
      try {
        if (skipReason(b.text) === undefined) {
          const f = detectFormat(b.path) === 'properties' ? parseProperties(b.text, b.path) : parseYaml(b.text, b.path);
          units = f.units;
        }
      } catch {
        // A base file that cannot be read gives nothing to inherit.
      }
      cached = { text: b.text, units };
      baseFiles.delete(b.path);
      baseFiles.set(b.path, cached);
      if (baseFiles.size > 32) baseFiles.delete(baseFiles.keys().next().value!);
    }
    out.push({ path: b.path, units: cached.units });
  }
  return out;
}

/** Reason a text must not be parsed, or undefined. */
export function skipReason(text: string, locale: Locale = 'en'): string | undefined {
  if (text.length > MAX_TEXT_LENGTH) {
    return fmt({ en: 'file is larger than {mb} MB; not checked', zh: '文件大于 {mb} MB，不检查' }, locale, { mb: MAX_TEXT_LENGTH / (1024 * 1024) });
  }
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  if (head.includes('\u0000')) return fmt({ en: 'file looks binary (contains NUL characters); not checked', zh: '文件看起来是二进制文件（含 NUL 字符），不检查' }, locale);
  return undefined;
}

/**
 * A `.properties` file with Kafka settings and template directives on lines of their own is a
 * template, not a configuration: which settings it makes depends on how it is rendered (two
 * branches setting `process.roles` are no duplicate). Without Kafka settings it says nothing.
 */
function templateReason(file: ParsedFile, locale: Locale): string | undefined {
  // A YAML template (a Helm chart's Kafka resource) is not YAML until it is rendered: its directive
  // lines break it. Lines like them inside a block scalar of valid YAML do not make one.
  if (file.format === 'go' || (file.format === 'yaml' && !file.errors.length)) return undefined;
  const d = templateDirective(file.text);
  if (!d) return undefined;
  return fmt(
    {
      en: 'file is a template (`{directive}` on line {line}): its settings depend on how it is rendered; not checked. Check the rendered file instead',
      zh: '文件是模板（第 {line} 行的 `{directive}`）：其中的配置取决于渲染结果，不检查。请检查渲染后的文件',
    },
    locale,
    d,
  );
}

/**
 * The first line that is a template directive of its own: a Jinja statement or comment (`{% if %}`,
 * `{# #}`), a Go template action (`{{ if }}`, `{{- end }}`, `{{ range }}`) or an ERB tag (`<% %>`).
 * Values such as `{{ servers }}` alone do not make a template: they are read as unknown values.
 */
function templateDirective(text: string): { directive: string; line: number } | undefined {
  // (most files have none of these: no regular expression over the whole text then)
  if (text.indexOf('{%') < 0 && text.indexOf('{#') < 0 && text.indexOf('{{') < 0 && text.indexOf('<%') < 0) return undefined;
  const m = /^[ \t]*(\{%-?[ \t]*\w+|\{#|\{\{-?[ \t]*(?:if|else|end|range|with|define|template|block)\b|<%(?!=))/m.exec(text);
  if (!m) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
  return { directive: m[1], line };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.span.start - b.span.start ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.span.end - b.span.end ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function lint(input: LintInput, options: ResolvedOptions = resolveOptions([]), rules: Rule[] = allRules): LintResult {
  const skipped = skipReason(input.text, options.locale);
  if (skipped) return { findings: [], skipped, ruleErrors: [] };
  let file: ParsedFile | undefined;
  try {
    file = parseFile(input);
  } catch (e) {
    // Parsers must never throw; if one does, the file costs only itself.
    return { findings: [], ruleErrors: [{ ruleId: 'parser', message: String((e as Error)?.stack ?? e) }] };
  }
  if (!file) return { findings: [], ruleErrors: [] };
  return lintParsed(file, options, rules);
}

/**
 * Findings of 'unit' rules per document, kept by an editor between versions of one text: a
 * document whose text (and the facts of its units) did not change gets its findings back, moved
 * to where it now stands, without running those rules again. Opaque; see `createRuleCache`.
 */
export interface RuleCache {
  /** Everything file-wide a 'unit' rule may depend on; another stamp empties the cache. */
  stamp?: string;
  /** `fileKey` of each 'unit' rule at the last lint. */
  ruleKeys?: string[];
  /**
   * By YAML document object, or Go piece (a function): an editor keeps the objects of documents
   * and pieces whose text did not change.
   */
  groups: WeakMap<object, CachedGroup>;
}

interface CachedGroup {
  /** The group's region text and its units' facts keys when `byRule` was made: both must match to reuse it. */
  region: string;
  facts: readonly string[];
  /** Offset of the region when `byRule` was made, and its line (when a rule names lines). */
  start: number;
  line: number;
  /** Per 'unit' rule (in order): its findings for the group, or the error it threw. */
  byRule: { findings: Finding[]; error?: string }[];
  /** The rules' `fileKey`s when `byRule` was made. */
  keys: string[];
  /** Every distinct span and edit object of the findings, listed once to move them in place. */
  movable?: Span[];
}

export function createRuleCache(): RuleCache {
  return { groups: new WeakMap() };
}

type Found = { findings: Finding[]; error?: string };

/**
 * What a rule found in a group where it found nothing: one object for all (most rules find
 * nothing in most documents, and the cache keeps a result per rule and document: ~15,000 of them
 * with the benchmark files open, ~1 MB as objects of their own). Frozen: nothing may add to it.
 */
const NOTHING: Found = Object.freeze({ findings: Object.freeze([]) as unknown as Finding[] });

function runRule(rule: Rule, file: ParsedFile, options: ResolvedOptions, fixer: ReturnType<typeof createFixer>): Found {
  const locale = options.locale;
  const override = options.rules[rule.meta.id];
  const findings: Finding[] = [];
  // A setting shared by several units (spring.kafka.properties[...]) is reported once.
  const seen = new Set<string>();
  const ctx: RuleContext = {
    file,
    options,
    locale,
    t: (msg: L10n, data) => fmt(msg, locale, data),
    fixer,
    defaultOf: (unit, key) => {
      const d = unitDefault(unit, key, {
        kafkaVersion: unitKafkaVersion(unit, options),
        saramaVersion: options.saramaVersion,
      });
      return d && { value: d.value, source: localizeDefaultSource(d.source, locale) };
    },
    makeFix: (title, safety, edits, preferred) => ({ title, safety, edits, ...(preferred ? { preferred } : {}) }),
    report: (r: Report) => {
      // About a setting another document makes: that document's own unit reports it there.
      if (isInheritedSpan(r.span)) return;
      const k = `${r.span.start}\u0000${r.span.end}\u0000${r.message}`;
      if (seen.has(k)) return;
      seen.add(k);
      const finding: Finding = {
        ruleId: rule.meta.id,
        severity: override && override !== 'off' ? override : r.severity,
        message: r.message,
        // A copy: rules report spans of the parsed file, which an editor's linter moves in place
        // when the text before them changes, while findings are kept and moved on their own.
        span: { start: r.span.start, end: r.span.end },
        // (A fix that inserts two settings where their block is missing would open it twice.)
        fixes: (r.fixes ?? []).filter((f) => f.edits.length > 0).map(withMergedInsertions),
      };
      const keys = r.about?.settings.filter((x): x is Setting => !!x && isInherited(x)).map((x) => x.key);
      if (keys?.length) inheritedAbout.set(finding, { unit: r.about!.unit, keys: [...new Set(keys)] });
      findings.push(finding);
    },
  };
  try {
    rule.check(ctx);
  } catch (e) {
    // Drop partial output of the failed rule.
    return { findings: [], error: String((e as Error)?.stack ?? e) };
  }
  return findings.length ? { findings } : NOTHING;
}

export function lintParsed(file: ParsedFile, options: ResolvedOptions, rules: Rule[] = allRules, cache?: RuleCache): LintResult {
  const findings: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  // (A broken file may have no units left to read: its syntax errors are still reported.)
  const syntax = syntaxFindings(file, options);
  if (!file.units.length && !file.embedded && !syntax.length) return { file, findings, ruleErrors };
  const template = templateReason(file, options.locale);
  if (template) return { file, findings, ruleErrors, skipped: template };
  findings.push(...syntax);
  const fixer = createFixer(file);
  const locale = options.locale;
  const enabled = ruleEnabled(options);
  const active = activeRules(file, options, rules);
  const perGroup = cache ? unitRuleFindings(file, options, active, fixer, cache) : undefined;
  let li = 0;
  for (const rule of active) {
    if (perGroup && rule.meta.scope === 'unit') {
      const i = li++;
      const error = perGroup.find((g) => g[i].error !== undefined)?.[i].error;
      if (error !== undefined) {
        ruleErrors.push({ ruleId: rule.meta.id, message: error });
        continue;
      }
      // One report per span and message, as when the rule runs over the whole file.
      const seen = new Set<string>();
      for (const g of perGroup) {
        for (const f of g[i].findings) {
          const k = `${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
          if (seen.has(k)) continue;
          seen.add(k);
          findings.push(f);
        }
      }
      continue;
    }
    const r = runRule(rule, file, options, fixer);
    if (r.error !== undefined) ruleErrors.push({ ruleId: rule.meta.id, message: r.error });
    else findings.push(...r.findings);
  }
  for (const unit of file.units) if (unit.alternatives) alternativeFindings(file, unit, active, options, fixer, findings);
  for (const e of file.embedded ?? []) findings.push(...lintEmbedded(file, e, options, rules, ruleErrors));
  const kept = applySuppressions(file, findings, locale, enabled);
  kept.sort(compareFindings);
  for (const f of kept) {
    const about = inheritedAbout.get(f);
    if (about) f.related = relatedPlaces(about.unit, about.keys, locale);
  }
  return { file, findings: kept, ruleErrors };
}

const ruleEnabled = (options: ResolvedOptions) => (id: string) => options.rules[id] !== 'off';

/** The rules that run on the file: enabled, and made for its format. */
function activeRules(file: ParsedFile, options: ResolvedOptions, rules: Rule[]): Rule[] {
  const enabled = ruleEnabled(options);
  return file.units.length ? rules.filter((rule) => enabled(rule.meta.id) && rule.meta.formats.includes(file.format)) : [];
}

/**
 * The findings of the active 'unit' rules (in their order) for each group of the file's units,
 * through the editor's cache; undefined when the file has no groups or no such rule runs.
 */
function unitRuleFindings(file: ParsedFile, options: ResolvedOptions, active: Rule[], fixer: ReturnType<typeof createFixer>, cache: RuleCache): Found[][] | undefined {
  const local = active.filter((r) => r.meta.scope === 'unit');
  const groups = local.length ? unitGroups(file) : undefined;
  return groups && groupFindings(file, options, local, fixer, groups, cache);
}

/**
 * Fills an editor's rule cache with what `lintParsed(file, options, rules, cache)` would have kept
 * there, for a file that was linted without the cache (DocumentLinter.prime). The findings are
 * those of that lint, made anew.
 */
export function fillRuleCache(file: ParsedFile, options: ResolvedOptions, rules: Rule[], cache: RuleCache): void {
  if (!file.units.length || templateReason(file, options.locale)) return;
  unitRuleFindings(file, options, activeRules(file, options, rules), createFixer(file), cache);
}

/**
 * A setting that a run can leave in effect besides the one `effective()` names (`unit.alternatives`:
 * `if async { acks = NoResponse } else { acks = WaitForAll }`) is judged too: the unit's rules run
 * once more with it in effect, and what they find at it is added to `findings`. What they find
 * elsewhere is about the unit as a whole, which the run on the unit judged already. (A rule that
 * fails here failed on the unit too, and is reported from there.)
 */
function alternativeFindings(file: ParsedFile, unit: ConfigUnit, rules: Rule[], options: ResolvedOptions, fixer: ReturnType<typeof createFixer>, findings: Finding[]): void {
  const key = (f: Finding) => `${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
  const seen = new Set(findings.map(key));
  for (const alt of unit.alternatives!) {
    const view = fileView(file, [{ ...unit, settings: [...unit.settings.filter((s) => s !== alt), alt] }]);
    for (const rule of rules) {
      if (rule.meta.scope !== 'unit') continue;
      for (const f of runRule(rule, view, options, fixer).findings) {
        if (f.span.start < alt.entrySpan.start || f.span.end > alt.entrySpan.end || seen.has(key(f))) continue;
        seen.add(key(f));
        findings.push(f);
      }
    }
  }
}

// The results of the files ConfigMaps hold, by text, for the options and rules they were linted
// with: an editor lints the manifest on every keystroke, and a block the keystroke is not in reads
// the same. (Nothing edits a result: findings are moved into the manifest as copies.) The texts
// kept are copies: a held file's text is made of pieces of one version of the manifest, which the
// cache (and the Spring base files' cache) must not keep alive (strings.ts).
const heldResults = new WeakMap<ResolvedOptions, WeakMap<Rule[], Map<string, LintResult>>>();

function lintHeld(input: LintInput, options: ResolvedOptions, rules: Rule[]): LintResult {
  let byRules = heldResults.get(options);
  if (!byRules) heldResults.set(options, (byRules = new WeakMap()));
  let cache = byRules.get(rules);
  if (!cache) byRules.set(rules, (cache = new Map()));
  const key = detach([input.path, input.text, ...(input.springBase ?? []).flatMap((b) => [b.path, b.text])].join('\u0000'));
  let r = cache.get(key);
  if (!r) {
    const springBase = input.springBase?.map((b) => ({ path: b.path, text: detach(b.text) }));
    r = lint({ ...input, text: detach(input.text), ...(springBase ? { springBase } : {}) }, options, rules);
    if (cache.size >= 32) cache.delete(cache.keys().next().value!);
    cache.set(key, r);
  }
  return r;
}

/**
 * The file held in this one (a ConfigMap's `application.yml: |`) at an outer offset: its parse
 * (the one its last lint read, else read now) and the offset in its text. Hover, completion and
 * "disable for this line" work on it and move what they make back (embedded.ts).
 */
export function heldFileAt(file: ParsedFile, offset: number): { held: EmbeddedFile; file: ParsedFile; offset: number } | undefined {
  const held = embeddedAt(file.embedded, offset);
  const at = held && toInner(held, offset);
  if (!held || at === undefined) return undefined;
  const inner = held.parsed ?? parseFile({ text: held.text, path: held.path });
  return inner && { held, file: inner, offset: at };
}

/**
 * The findings of a file held in this one (a ConfigMap's `application.yml: |`), linted as that
 * file with the files of the same resource as its Spring base files, and moved here. Its own
 * suppression comments apply in it; the outer file's apply on top.
 */
function lintEmbedded(file: ParsedFile, e: EmbeddedFile, options: ResolvedOptions, rules: Rule[], ruleErrors: RuleError[]): Finding[] {
  const siblings = file.embedded!.filter((o) => o !== e && o.resource === e.resource);
  const baseNames = springBaseNames(e.path);
  const springBase = siblings.filter((o) => baseNames.includes(baseName(o.path)) || isSpringOverlay(e.path, o.path)).map((o) => ({ path: o.path, text: o.text }));
  const r = lintHeld({ text: e.text, path: e.path, ...(springBase.length ? { springBase } : {}) }, options, rules);
  e.parsed = r.file;
  ruleErrors.push(...r.ruleErrors);
  return r.findings.map((f) => {
    const moved: Finding = {
      ...f,
      span: spanToOuter(e, f.span),
      fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((edit) => editToOuter(e, edit)) })),
    };
    if (f.related) {
      moved.related = f.related.map((p) => {
        const at = p.path === undefined ? e : siblings.find((o) => o.path === p.path);
        return at ? { message: p.message, span: spanToOuter(at, p.span) } : p;
      });
    }
    return moved;
  });
}

/**
 * The inherited settings a finding names, by unit and key (see Report.about). Its related places
 * are made after every lint from what the unit inherits then: an editor keeps findings while what
 * a unit inherits reads the same, and the document that writes it may have moved meanwhile.
 */
const inheritedAbout = new WeakMap<Finding, { unit: ConfigUnit; keys: string[] }>();

function relatedPlaces(unit: ConfigUnit, keys: string[], locale: Locale): RelatedPlace[] {
  const out: RelatedPlace[] = [];
  for (const key of keys) {
    const over = unit.overriddenBy?.get(key);
    const s = over ?? unit.inherited?.get(key);
    if (!s) continue;
    const path = inheritedPath(s);
    const message = over
      ? { en: 'Set over this document here: `{key}` = `{value}`', zh: '在此处覆盖了本文档的设置：`{key}` = `{value}`' }
      : { en: 'Inherited from here: `{key}` = `{value}`', zh: '继承自此处：`{key}` = `{value}`' };
    out.push({
      ...(path === undefined ? {} : { path }),
      span: { start: s.keySpan.start, end: Math.max(s.keySpan.end, s.valueSpan.end) },
      message: fmt(message, locale, { key: s.sourceKey, value: s.rawValue }),
    });
  }
  return out;
}

interface UnitGroup {
  /** What the group is kept by: a YAML document, a Go piece (or unit, when `alone`). */
  doc: object;
  /** The document's own range (documents never overlap). */
  docStart: number;
  docEnd: number;
  units: ConfigUnit[];
  /** The text region the group's findings and fixes may depend on: its document, whole lines. */
  start: number;
  end: number;
  /** Depends on more than a region (a Go unit spread over several functions): run on every lint, never kept. */
  alone?: boolean;
}

/**
 * Units grouped by their YAML document, in file order; undefined when some unit has none. A unit
 * with settings in other documents (a container's `envFrom` ConfigMap) is a group of its own. Go
 * units by the piece (a function) that holds all of them; a unit spread over several pieces (a
 * helper's config with its caller's settings) is a group of its own, run on every lint.
 */
function unitGroups(file: ParsedFile): UnitGroup[] | undefined {
  if (file.format === 'go') return goUnitGroups(file);
  if (file.format !== 'yaml') return undefined;
  const byDoc = new Map<object, UnitGroup>();
  const out: UnitGroup[] = [];
  const text = file.text;
  for (const u of file.units) {
    if (u.facts.envFrom || u.facts.envFilesRead) {
      // Its settings are written in other documents or files too (a ConfigMap it takes in, an env file): run on every lint.
      out.push({ doc: u, docStart: u.span.start, docEnd: u.span.end, units: [u], start: u.span.start, end: u.span.end, alone: true });
      continue;
    }
    const doc = (u.ext as { doc?: { range?: number[] } } | undefined)?.doc;
    const range = doc?.range;
    if (!doc || !range) return undefined;
    let g = byDoc.get(doc);
    if (!g) {
      let start = Math.max(0, Math.min(range[0], text.length));
      while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
      let end = Math.max(start, Math.min(range[2], text.length));
      if (end < text.length) {
        const nl = text.indexOf('\n', end);
        end = nl < 0 ? text.length : nl + 1;
      }
      g = { doc, docStart: range[0], docEnd: range[2], units: [], start, end };
      byDoc.set(doc, g);
      out.push(g);
    }
    g.units.push(u);
  }
  return out;
}

function goUnitGroups(file: ParsedFile): UnitGroup[] {
  const byPiece = new Map<object, UnitGroup>();
  const out: UnitGroup[] = [];
  for (const u of file.units) {
    const piece = goUnitPiece(u);
    if (!piece) {
      out.push({ doc: u, docStart: u.span.start, docEnd: u.span.end, units: [u], start: u.span.start, end: u.span.end, alone: true });
      continue;
    }
    let g = byPiece.get(piece);
    if (!g) {
      // (Pieces start at a line start and end at the next piece's, or at the end of the text.)
      const end = piece.start + piece.text.length;
      g = { doc: piece, docStart: piece.start, docEnd: end, units: [], start: piece.start, end };
      byPiece.set(piece, g);
      out.push(g);
    }
    g.units.push(u);
  }
  return out;
}

/** The distinct span and edit objects of the findings (an edit may be shared by two fixes). */
function movableOf(byRule: { findings: Finding[] }[]): Span[] {
  const out = new Set<Span>();
  for (const r of byRule) {
    for (const f of r.findings) {
      out.add(f.span);
      for (const x of f.fixes) for (const e of x.edits) out.add(e);
    }
  }
  return [...out];
}

/** The group (of those in file order) whose document holds the finding's span, if exactly one does. */
function ownerOf<E extends { g: UnitGroup }>(entries: E[], f: Finding): E | undefined {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (entries[mid].g.docStart <= f.span.start) lo = mid;
    else hi = mid - 1;
  }
  const e = entries[lo];
  return e && e.g.docStart <= f.span.start && f.span.end <= e.g.docEnd ? e : undefined;
}

/** Whether every span and edit of the findings lies inside [start, end]. */
function inside(found: Found[], start: number, end: number): boolean {
  for (const r of found) {
    for (const f of r.findings) {
      if (f.span.start < start || f.span.end > end) return false;
      for (const x of f.fixes) for (const e of x.edits) if (e.start < start || e.end > end) return false;
    }
  }
  return true;
}

let failedKeys = 0;

/**
 * What a unit's cached findings depend on besides its text: surface, role, client and facts. The
 * facts' JSON is remembered per facts object: an editor's linter keeps the units of unchanged
 * documents, and their facts, from one keystroke to the next, and facts are complete once a file
 * is parsed.
 */
function unitFactsKey(u: ConfigUnit): string {
  // (The key string itself is remembered per unit too: a group compares its units' keys one by
  // one, and the same string back costs nothing to compare.)
  const inherited = inheritanceKey(u);
  const m = unitKeys.get(u);
  if (m && m.facts === u.facts && m.role === u.role && m.inherited === inherited) return m.key;
  let json = factsJson.get(u.facts);
  if (json === undefined) {
    json = JSON.stringify(u.facts);
    factsJson.set(u.facts, json);
  }
  const key = `\u0000${u.surface}\u0000${u.role}\u0000${u.client}\u0000${json}\u0000${inherited}`;
  unitKeys.set(u, { facts: u.facts, role: u.role, inherited, key });
  return key;
}

const factsJson = new WeakMap<object, string>();
const unitKeys = new WeakMap<ConfigUnit, { facts: object; role: string; inherited: string; key: string }>();


/** The findings of the 'unit' rules for each group, reused from the cache where the group did not change. */
function groupFindings(
  file: ParsedFile,
  options: ResolvedOptions,
  local: Rule[],
  fixer: ReturnType<typeof createFixer>,
  groups: UnitGroup[],
  cache: RuleCache,
): Found[][] {
  const stamp = JSON.stringify([options, file.path, file.format, file.eol, local.map((r) => r.meta.id), producerSurfaces(file), file.format === 'go' ? goFileKey(file) : '']);
  if (cache.stamp !== stamp) {
    cache.stamp = stamp;
    cache.groups = new WeakMap();
  }
  const text = file.text;
  const lineRules = local.flatMap((r, i) => (r.meta.linesInMessages ? [i] : []));
  // Rules whose facts of other units changed run again on every group (`fileKey`).
  const keysNow = local.map((r) => {
    try {
      return r.meta.fileKey ? r.meta.fileKey(file) : '';
    } catch {
      return `\u0000failed ${++failedKeys}`;
    }
  });
  const prev = cache.ruleKeys;
  const ruleKeys = prev && prev.length === keysNow.length && prev.every((k, i) => k === keysNow[i]) ? prev : keysNow;
  cache.ruleKeys = ruleKeys;
  const starts = lineRules.length ? lineStarts(text) : undefined;
  interface Entry {
    g: UnitGroup;
    region: string;
    facts: readonly string[];
    line: number;
    /** Undefined where the rule must run (again) for the group. */
    byRule: (Found | undefined)[];
    hit?: CachedGroup;
    cacheable: boolean;
  }
  const entries: Entry[] = [];
  for (const g of groups) {
    if (g.alone) {
      entries.push({ g, region: '', facts: [], line: 0, byRule: new Array<Found | undefined>(local.length).fill(undefined), cacheable: false });
      continue;
    }
    const line = starts ? lineOf(starts, g.start) : 0;
    const region = text.slice(g.start, g.end);
    const facts = [g.start === 0 ? '0' : '1'];
    for (const u of g.units) facts.push(unitFactsKey(u));
    const hit = cache.groups.get(g.doc);
    if (hit && hit.region === region && sameItems(hit.facts, facts)) {
      const d = g.start - hit.start;
      if (d) {
        // In place: the findings are the cache's (and the previous result's, which describes an
        // older text); their span objects are their own (runRule copies them).
        for (const x of (hit.movable ??= movableOf(hit.byRule))) {
          x.start += d;
          x.end += d;
        }
        hit.start = g.start;
      }
      const byRule: (Found | undefined)[] = hit.byRule;
      // Same document: only the rules that name lines (at other lines now) or read facts of
      // other units that changed run again.
      const dirty = hit.keys === ruleKeys ? [] : ruleKeys.flatMap((k, i) => (hit.keys[i] !== k ? [i] : []));
      const rerun = line !== hit.line ? [...new Set([...dirty, ...lineRules])] : dirty;
      if (!rerun.length) {
        entries.push({ g, region, facts, line, byRule, hit, cacheable: true });
        continue;
      }
      const again = [...byRule];
      for (const i of rerun) again[i] = undefined;
      entries.push({ g, region, facts, line, byRule: again, hit, cacheable: true });
      continue;
    }
    entries.push({ g, region, facts, line, byRule: new Array<Found | undefined>(local.length).fill(undefined), cacheable: true });
  }
  // Run each rule where needed: per group when few need it, else once over all of them (cheaper
  // than hundreds of small runs when a file is opened) with the findings handed to their groups.
  // Groups that stand alone run on every lint, in one run together (their findings are never
  // kept, so which of them holds them does not matter), and never with the others: their units
  // overlap the others' regions.
  const byDoc = entries.filter((e) => !e.g.alone).sort((a, b) => a.g.docStart - b.g.docStart);
  const alone = entries.filter((e) => e.g.alone);
  const aloneView = alone.length ? fileView(file, alone.flatMap((e) => e.g.units)) : undefined;
  for (let i = 0; i < local.length; i++) {
    if (aloneView) {
      alone[0].byRule[i] = runRule(local[i], aloneView, options, fixer);
      for (let k = 1; k < alone.length; k++) alone[k].byRule[i] = NOTHING;
    }
    const todo = byDoc.filter((e) => e.byRule[i] === undefined);
    if (!todo.length) continue;
    if (todo.length < 8) {
      for (const e of todo) e.byRule[i] = runRule(local[i], fileView(file, e.g.units), options, fixer);
      continue;
    }
    const units: ConfigUnit[] = [];
    for (const e of todo) for (const u of e.g.units) units.push(u);
    const r = runRule(local[i], fileView(file, units), options, fixer);
    for (const e of todo) e.byRule[i] = { findings: [] };
    if (r.error !== undefined) {
      // The rule fails for the file as it would on its own; nothing of this run is kept.
      todo[0].byRule[i] = r;
      for (const e of todo) e.cacheable = false;
      continue;
    }
    for (const f of r.findings) {
      const e = ownerOf(todo, f);
      if (e) (e.byRule[i] as Found).findings.push(f);
      else {
        // A finding outside every document of the run: still reported, never kept.
        (todo[0].byRule[i] as Found).findings.push(f);
        for (const x of todo) x.cacheable = false;
      }
    }
    for (const e of todo) if (!(e.byRule[i] as Found).findings.length) e.byRule[i] = NOTHING;
  }
  const out: Found[][] = [];
  for (const e of entries) {
    const byRule = e.byRule as Found[];
    out.push(byRule);
    if (e.hit && e.hit.byRule === byRule && e.hit.line === e.line && e.hit.keys === ruleKeys) continue;
    // Only what provably depends on the region alone is kept.
    if (e.cacheable && inside(byRule, e.g.start, e.g.end)) {
      cache.groups.set(e.g.doc, { region: e.region, facts: e.facts, start: e.g.start, line: e.line, keys: ruleKeys, byRule });
    } else cache.groups.delete(e.g.doc);
  }
  return out;
}

export interface FixOptions {
  /** Apply unsafe preferred fixes too (`--unsafe-fixes`). */
  unsafe?: boolean;
  /** Only fixes of these rules. */
  ruleIds?: string[];
}

export interface FixResult {
  output: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Lint result of the final output. */
  result: LintResult;
}

/** The fix a batch run applies for a finding: the preferred one, if its safety is allowed. */
export function batchFix(f: Finding, opts: FixOptions) {
  const fix = f.fixes.find((x) => x.preferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined);
  if (!fix) return undefined;
  if (fix.safety === 'unsafe' && !opts.unsafe) return undefined;
  if (opts.ruleIds && !opts.ruleIds.includes(f.ruleId)) return undefined;
  return fix;
}

/**
 * Apply fixes until the text is stable. Fixes of one unit are applied one per pass, in finding
 * order, with a re-lint in between: fixes of related keys (a replication factor and its min ISR,
 * `retries` and idempotence) are computed from the state the previous fix left, never from a state
 * another fix of the same pass already changed. Units are independent and advance together.
 */
export function fixText(input: LintInput, options: ResolvedOptions, opts: FixOptions = {}, rules: Rule[] = allRules): FixResult {
  let text = input.text;
  let applied = 0;
  let result = lint(input, options, rules);
  const seen = new Set<string>([text]);
  // A fix whose finding is still there after it was applied did not work: never apply it again.
  // "Still there" is the same unit, rule and message, unless the fix rewrote or removed the
  // finding's own text: then a finding that reads the same is another one (a key written three
  // times in one YAML mapping: with the first removed, the second's message reads word for word as
  // the first's did; a misspelled variable set twice: with the first renamed, the same).
  const useless = new Set<string>();
  const keyOf = (r: LintResult, f: Finding) => `${findingUnit(r, f) ?? ''}\u0000${f.ruleId}\u0000${f.message}`;
  for (let pass = 0; pass < 200; pass++) {
    const unitOf = (f: Finding) => findingUnit(result, f);
    const takenUnits = new Set<string>();
    const used: { start: number; end: number }[] = [];
    const batch = [];
    let taken = 0;
    const tried = new Set<string>();
    for (const f of result.findings) {
      const fix = batchFix(f, opts);
      if (!fix || useless.has(keyOf(result, f))) continue;
      const u = unitOf(f);
      if (u !== undefined && takenUnits.has(u)) continue;
      // All of a fix's edits or none; two insertions at one point would interleave.
      const overlaps = fix.edits.some((e) =>
        used.some((x) => (e.start < x.end && x.start < e.end) || (e.start === x.start && (e.start === e.end || x.start === x.end))),
      );
      if (overlaps) continue;
      if (u !== undefined) takenUnits.add(u);
      const rewritesItself = fix.edits.some((e) => e.start <= f.span.start && f.span.end <= e.end);
      if (!rewritesItself) tried.add(keyOf(result, f));
      for (const e of fix.edits) used.push({ start: e.start, end: e.end });
      batch.push(...fix.edits);
      taken++;
    }
    if (!taken) break;
    const next = applyEdits(text, batch).text;
    if (next === text || seen.has(next)) break; // no progress, or a cycle between fixes
    const nextResult = lint({ ...input, text: next }, options, rules);
    // A fix must never make the file worse to read: keep the last text that parsed as well.
    if (parseErrorCount(nextResult.file) > parseErrorCount(result.file)) break;
    for (const f of nextResult.findings) if (tried.has(keyOf(nextResult, f))) useless.add(keyOf(nextResult, f));
    seen.add(next);
    text = next;
    applied += taken;
    result = nextResult;
  }
  return { output: text, applied, result };
}

/**
 * The unit a finding is about, by id (`<held file's index>\u0000<id>` in a file the linted one holds), or
 * undefined when it is about none.
 */
function findingUnit(r: LintResult, f: Finding): string | undefined {
  const unitIn = (file: ParsedFile | undefined, at: number) => file?.units.find((u) => at >= u.span.start && at <= u.span.end)?.id;
  const e = embeddedAt(r.file?.embedded, f.span.start);
  if (!e) return unitIn(r.file, f.span.start);
  const at = toInner(e, f.span.start);
  const id = at === undefined ? undefined : unitIn(e.parsed, at);
  // (by position: two ConfigMaps of a manifest may each hold an application.yml)
  return id === undefined ? undefined : `${r.file!.embedded!.indexOf(e)}\u0000${id}`;
}

/** Parse errors of a file and of the files it holds. */
function parseErrorCount(file: ParsedFile | undefined): number {
  let n = file?.errors.length ?? 0;
  for (const e of file?.embedded ?? []) n += e.parsed?.errors.length ?? 0;
  return n;
}
