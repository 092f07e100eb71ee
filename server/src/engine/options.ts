// Options: what the user asked for (CLI flags, editor settings, .kafkalint.json) resolved into
// the one object the engine runs with. The CLI and the server both call resolveOptions(), so a
// project behaves the same in the terminal and in the editor.

import type { ConfigUnit, Severity } from './model.js';
import { normalizeLocale, type Locale } from './l10n.js';

export type RuleSetting = Severity | 'off';

/** One layer of user configuration. Later layers override earlier ones. */
export interface LintOptions {
  kafkaVersion?: string;
  saramaVersion?: string;
  rules?: Record<string, RuleSetting>;
  locale?: string;
}

/** The contents of .kafkalint.json. */
export interface ProjectConfig extends LintOptions {
  include?: string[];
  exclude?: string[];
}

export interface ResolvedOptions {
  kafkaVersion: string;
  /** Where the Kafka version came from, for messages: "default", ".kafkalint.json", "setting", "--kafka-version". */
  kafkaVersionSource: string;
  /** sarama module version (e.g. `1.43.2`), undefined = newest known. */
  saramaVersion?: string;
  saramaVersionSource?: string;
  rules: Record<string, RuleSetting>;
  locale: Locale;
}

export const DEFAULT_KAFKA_VERSION = '4.0';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const CONFIG_KEYS = new Set(['$schema', 'kafkaVersion', 'saramaVersion', 'rules', 'include', 'exclude', 'locale']);

export interface ConfigProblem {
  message: string;
}

/**
 * Parse and validate .kafkalint.json text. Never throws. With `knownRuleIds`, rule ids that are
 * not among them are problems too (a typo there would silently configure nothing).
 */
export function parseProjectConfig(text: string, knownRuleIds?: Iterable<string>): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config: {}, problems: [{ message: `not valid JSON: ${(e as Error).message}` }] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: {}, problems: [{ message: 'must be a JSON object' }] };
  }
  const obj = raw as Record<string, unknown>;
  const config: ProjectConfig = {};
  for (const k of Object.keys(obj)) {
    if (!CONFIG_KEYS.has(k)) problems.push({ message: `unknown property "${k}"` });
  }
  if (obj.kafkaVersion !== undefined) {
    const v = String(obj.kafkaVersion);
    if (/^\d+\.\d+(\.\d+)?$/.test(v)) config.kafkaVersion = v;
    else problems.push({ message: `"kafkaVersion" must look like "3.7" or "4.0.1", got "${v}"` });
  }
  if (obj.saramaVersion !== undefined) {
    const v = String(obj.saramaVersion).replace(/^v/, '');
    if (/^\d+\.\d+(\.\d+)?$/.test(v)) config.saramaVersion = v;
    else problems.push({ message: `"saramaVersion" must look like "1.43.2", got "${v}"` });
  }
  if (obj.locale !== undefined) config.locale = String(obj.locale);
  if (obj.rules !== undefined) {
    if (!obj.rules || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) {
      problems.push({ message: '"rules" must be an object of rule id to severity' });
    } else {
      config.rules = {};
      for (const [id, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
        const s = typeof sev === 'string' ? sev.toLowerCase() : sev;
        const mapped = s === 'warn' ? 'warning' : s === 'info' ? 'information' : s;
        if (typeof mapped === 'string' && SEVERITIES.has(mapped)) config.rules[id] = mapped as RuleSetting;
        else problems.push({ message: `rule "${id}": severity must be one of error, warning, information, hint, off` });
      }
    }
  }
  if (knownRuleIds && config.rules) {
    const known = new Set(knownRuleIds);
    for (const id of Object.keys(config.rules)) {
      if (!known.has(id)) problems.push({ message: `"rules": "${id}" is not a rule id (known: ${[...known].sort().join(', ')})` });
    }
  }
  for (const field of ['include', 'exclude'] as const) {
    const v = obj[field];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) config[field] = v as string[];
    else problems.push({ message: `"${field}" must be an array of glob strings` });
  }
  return { config, problems };
}

/**
 * Merge option layers (lowest priority first), e.g. [projectConfig, editorSettings, cliFlags].
 * Each layer is named for the "where did this come from" part of messages.
 */
export function resolveOptions(layers: { source: string; options: LintOptions | undefined }[]): ResolvedOptions {
  const resolved: ResolvedOptions = {
    kafkaVersion: DEFAULT_KAFKA_VERSION,
    kafkaVersionSource: 'default',
    rules: {},
    locale: 'en',
  };
  for (const { source, options } of layers) {
    if (!options) continue;
    if (options.kafkaVersion) {
      resolved.kafkaVersion = options.kafkaVersion;
      resolved.kafkaVersionSource = source;
    }
    if (options.saramaVersion) {
      resolved.saramaVersion = options.saramaVersion.replace(/^v/, '');
      resolved.saramaVersionSource = source;
    }
    if (options.rules) resolved.rules = { ...resolved.rules, ...options.rules };
    if (options.locale) resolved.locale = normalizeLocale(options.locale);
  }
  return resolved;
}

/** The Kafka version whose defaults apply to a unit: the one its file states for it, else the configured target. */
export function unitKafkaVersion(unit: ConfigUnit, options: ResolvedOptions): string {
  return unit.facts.kafkaVersion?.version ?? options.kafkaVersion;
}

const SARAMA_MODULE = /^github\.com\/(?:IBM|Shopify)\/sarama$/;
const SEMVER = /^v(\d+\.\d+\.\d+)/;

/**
 * The sarama version a go.mod builds, from either module path: the `require`d one, unless a
 * `replace` directive for sarama (for any version, or for the required one) swaps it. A replacement
 * by sarama at another version is that version; one by a local folder (`=> ../../`, sarama's own
 * examples) or by a fork (whose versions are its own) leaves the version unknown, as if no go.mod
 * pinned it.
 */
export function saramaVersionFromGoMod(goMod: string): string | undefined {
  let required: string | undefined;
  const replaces: { from?: string; to: string[] }[] = [];
  let block: string | undefined;
  for (const raw of goMod.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block && line === ')') {
      block = undefined;
      continue;
    }
    let verb = block;
    let rest = line;
    const m = /^(require|replace|exclude|retract|module|go|toolchain|godebug|tool|ignore)\b\s*(.*)$/.exec(line);
    if (m && !block) {
      if (m[2] === '(') {
        block = m[1];
        continue;
      }
      verb = m[1];
      rest = m[2];
    }
    const words = rest.split(/\s+/).map((w) => w.replace(/^"(.*)"$/, '$1'));
    if (verb === 'require' && SARAMA_MODULE.test(words[0] ?? '')) {
      const v = SEMVER.exec(words[1] ?? '');
      if (v) required = v[1];
    } else if (verb === 'replace') {
      const arrow = words.indexOf('=>');
      if (arrow < 1 || !SARAMA_MODULE.test(words[0])) continue;
      replaces.push({ from: arrow > 1 ? SEMVER.exec(words[1])?.[1] : undefined, to: words.slice(arrow + 1) });
    }
  }
  const replace = replaces.find((r) => r.from === undefined || r.from === required);
  if (!replace) return required;
  const [target, version] = replace.to;
  return SARAMA_MODULE.test(target ?? '') ? SEMVER.exec(version ?? '')?.[1] : undefined;
}

/**
 * Glob match on '/'-separated relative paths: `**` any number of segments, `*` within a
 * segment, `?` one character, `{a,b}` alternatives. A pattern without '/' matches the base name
 * anywhere (like .gitignore).
 */
export function globMatch(pattern: string, relPath: string): boolean {
  const path = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  let p = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!p.includes('/')) p = '**/' + p;
  if (p.endsWith('/')) p += '**';
  return globToRegExp(p).test(path);
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escapeRe).join('|') + ')';
        i = close;
      }
    } else re += escapeRe(c);
  }
  return new RegExp('^' + re + '(?:/.*)?$');
}

function escapeRe(s: string): string {
  return s.replace(/[.+^$()|[\]\\{}*?]/g, '\\$&');
}

/** include/exclude filtering shared by the CLI walk and the server. */
export function isPathIncluded(relPath: string, config: ProjectConfig): boolean {
  if (config.include && config.include.length && !config.include.some((g) => globMatch(g, relPath))) return false;
  if (config.exclude && config.exclude.some((g) => globMatch(g, relPath))) return false;
  return true;
}
