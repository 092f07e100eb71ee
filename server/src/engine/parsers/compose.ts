// docker-compose services that run a Kafka broker image: their `environment` is the broker's
// configuration, spelled per image (facts.md §10, knowledge/env.ts). Variables the image
// ignores are kept apart in `facts.ignoredEnv`: the broker never sees them. Any other service may
// be a Spring Boot application configured through `SPRING_KAFKA_*` variables (springEnv.ts).

import { isMap, isScalar, isSeq } from 'yaml';
import type { Alias, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ConfigUnit, Edit, IgnoredEnv, ParsedFile, Setting } from '../model.js';
import { envFileVariables, type EnvFileRef, type EnvFileSettingExt, type ReadEnvFile } from './envFile.js';
import { controllerOnly, effective } from '../model.js';
import type { FormatEditor } from '../fixer.js';
import { registerEditor } from '../fixer.js';
import { envNameFor, imageFamily, imageKafkaVersion, mapEnvVar, partialImageFamily, type EnvMappingOptions, type ImageFamily } from '../knowledge/env.js';
import { springEnvKeyName, springEnvNameFor, springEnvRename, springEnvUnitsOf, variableSetting, type EnvVariable } from './springEnv.js';
import { asMap, brokenYaml, commandWords, contentEnd, entryPlaces, getEntry, hasTemplateExpression, mapEntries, nodeSpan, readScalar, resolveComposeValue, scalarString, type MapEntry, type QuoteStyle, type Resolved, type ScalarRead, type YamlDoc } from './yamlCommon.js';
import {
  appendToSeq,
  escapeDouble,
  insertPath,
  plainSafe,
  quoteDouble,
  quoteSingle,
  removeEntry,
  renderKey,
  renderScalar,
  replaceInScalar,
  replaceScalar,
} from './yamlEdit.js';

export interface ComposeSettingExt {
  kind: 'compose';
  form: 'map' | 'list';
  /** map form: the pair; list form: the item scalar. */
  node: Pair | Scalar;
  /** map form: the key scalar. */
  keyNode?: Scalar;
  /** Read of the value scalar (map form) or of the whole item (list form). */
  read?: ScalarRead;
  /** Offset of the value inside `read.raw` (list form: after `NAME=`). */
  valueOffset: number;
  /** Offsets of a `${VAR:-default}` default inside `read.raw`. */
  defaultRange?: [number, number];
  via?: Alias;
}

export interface ComposeUnitExt {
  kind: 'compose';
  docIndex: number;
  doc: YamlDoc;
  /** The map holding the variables' map (a service; or a ConfigMap, configMap.ts). */
  service: YAMLMap;
  /** The key of the variables' map in `service`: `environment` when absent (a ConfigMap's is `data`). */
  envKey?: string;
  /** Values must be strings (a ConfigMap's data): a number is quoted too (`stringScalar`). */
  strings?: true;
  /** The broker image's family; none for a Spring Boot application's service (`spring-env`). */
  family?: ImageFamily;
  /** A broker service's `env_file` entries (linkEnvFiles). */
  envFiles?: EnvFileRef[];
  /** A broker service's containers (`deploy.replicas`, `scale`), for counting brokers again (linkEnvFiles). */
  replicas?: number;
  /** A broker service's `image:` whose tag a variable hides, filled in from the project's `.env` (linkEnvFiles). */
  imageTemplate?: string;
}

/**
 * A value read as written, where nothing interpolates it before its reader sees it: a CFK `server`
 * line (no `$$` escapes, no `${VAR:-default}`), a ConfigMap's entry. `${...}` (a Kafka config
 * provider reference, a Spring placeholder) and `{{ }}` (a Helm template) are filled in later, so
 * not judged.
 */
export function asWritten(v: string): Resolved {
  return { value: v, dynamic: v.includes('${') || hasTemplateExpression(v), placeholderDefault: false };
}

/** A variable of a service's `environment`. */
type EnvEntry = EnvVariable & { ext: ComposeSettingExt };

/**
 * The variables of an `environment:` block in either form (or of a ConfigMap's `data`, a map).
 * `resolve` reads a value: compose's `${VAR:-default}` interpolation unless the caller's lines are
 * read as they are (a CFK `server` list: cfk.ts).
 */
export function envEntries(text: string, doc: YamlDoc, env: Node | null, via: Alias | undefined, resolve: (v: string) => Resolved = resolveComposeValue): EnvEntry[] {
  const out: EnvEntry[] = [];
  const viaSpan = via ? nodeSpan(via) : undefined;
  if (isMap(env)) {
    for (const e of mapEntries(env, doc, via)) {
      if (!isScalar(e.value)) continue;
      const name = e.keyText.trim();
      const places = entryPlaces(text, e);
      const { entrySpan, aliasSpan } = places;
      // The variable name without quotes, so a rename touches the name only.
      const keyRead = readScalar(text, e.key);
      const keySpan = !e.via && keyRead.exact ? keyRead.span : places.keySpan;
      const read = readScalar(text, e.value);
      const ext: ComposeSettingExt = {
        kind: 'compose',
        form: 'map',
        node: e.pair,
        keyNode: e.key,
        valueOffset: 0,
        ...(e.via ? { via: e.via } : {}),
        ...(aliasSpan ? {} : { read }),
      };
      if (read.quote === 'none' || (read.quote === 'plain' && e.value.value === null)) {
        // `NAME:` with no value passes the variable through from the host environment.
        out.push({ name, value: '', rawValue: '', dynamic: true, placeholderDefault: false, keySpan, valueSpan: aliasSpan ?? read.span, entrySpan, ext });
        continue;
      }
      const r = resolve(read.value);
      out.push({
        name,
        value: r.value,
        rawValue: aliasSpan ? text.slice(aliasSpan.start, aliasSpan.end) : read.raw,
        dynamic: r.dynamic || !!aliasSpan,
        placeholderDefault: r.placeholderDefault && !aliasSpan,
        keySpan,
        valueSpan: aliasSpan ?? read.span,
        entrySpan,
        ext: { ...ext, ...(r.defaultRange && read.exact && !aliasSpan ? { defaultRange: r.defaultRange } : {}) },
      });
    }
    return out;
  }
  if (isSeq(env)) {
    for (const it of env.items as Node[]) {
      if (!isScalar(it)) continue;
      const read = readScalar(text, it);
      const item = read.value;
      const eq = item.indexOf('=');
      const name = (eq < 0 ? item : item.slice(0, eq)).trim();
      if (!name) continue;
      const ext: ComposeSettingExt = { kind: 'compose', form: 'list', node: it, read, valueOffset: eq < 0 ? item.length : eq + 1, ...(via ? { via } : {}) };
      // Offsets inside the item are exact when the raw text decodes to itself; the name never
      // contains escapes, so its span is exact whenever the raw text starts with it.
      const nameAt = read.raw.indexOf(name);
      const keySpan = viaSpan ?? (nameAt >= 0 ? { start: read.span.start + nameAt, end: read.span.start + nameAt + name.length } : read.span);
      const rawEq = read.raw.indexOf('=');
      const valueSpan = viaSpan ?? (eq < 0 || rawEq < 0 ? { start: read.span.end, end: read.span.end } : { start: read.span.start + rawEq + 1, end: read.span.end });
      const entrySpan = viaSpan ?? nodeSpan(it) ?? read.span;
      if (eq < 0) {
        out.push({ name, value: '', rawValue: '', dynamic: true, placeholderDefault: false, keySpan, valueSpan, entrySpan, ext });
        continue;
      }
      const raw = item.slice(eq + 1);
      const r = resolve(raw);
      out.push({
        name,
        value: r.value,
        rawValue: viaSpan ? text.slice(viaSpan.start, viaSpan.end) : read.exact ? raw : text.slice(valueSpan.start, valueSpan.end),
        dynamic: r.dynamic || !!via,
        placeholderDefault: r.placeholderDefault && !via,
        keySpan,
        valueSpan,
        entrySpan,
        ext: { ...ext, ...(r.defaultRange && read.exact ? { defaultRange: [eq + 1 + r.defaultRange[0], eq + 1 + r.defaultRange[1]] } : {}) },
      });
    }
  }
  return out;
}

function intOf(text: string, n: Node | null | undefined): number | undefined {
  const s = scalarString(text, n);
  if (s === undefined) return undefined;
  const r = resolveComposeValue(s.trim());
  return !r.dynamic && /^\d+$/.test(r.value) ? Number(r.value) : undefined;
}

const HOLE = '\u0000';

/**
 * A service's image as far as the file tells it. Compose fills in `${VAR}`, `$VAR` and
 * `${VAR:-default}` from the environment and the project's `.env` file, which the file does not
 * show: a default stands for its variable (what an unset variable gives), and any other variable
 * hides its part, so `confluentinc/cp-kafka:${TAG}` runs a Confluent broker of an unknown version
 * (the configured version applies) and `${IMAGE}` runs an unknown image.
 */
function composeImage(raw: string, vars?: ReadonlyMap<string, string>): { name: string; family?: ImageFamily; version?: string; filled?: string; fromVars?: boolean } {
  if (!vars) {
    const whole = resolveComposeValue(raw);
    if (!whole.dynamic) {
      const family = imageFamily(whole.value);
      return { name: whole.value, family, version: family && imageKafkaVersion(whole.value, family) };
    }
  }
  if (hasTemplateExpression(raw)) return { name: raw };
  // With `.env`'s variables (vars): a variable set there stands for itself (`:-` also wants it non-empty).
  let fromVars = false;
  const filled = raw.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}$]*))?\}|\$\{[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (m, name: string | undefined, op: string | undefined, def: string | undefined, bare: string | undefined) => {
      if (m === '$$') return '$';
      const v = vars?.get(name ?? bare ?? '');
      if (v !== undefined && (op !== ':-' || v !== '')) {
        fromVars = true;
        return v;
      }
      return op !== undefined ? def! : HOLE;
    },
  );
  const family = partialImageFamily(filled, HOLE);
  const version = family && imageKafkaVersion(filled, family);
  return { name: raw, family, version: version?.includes(HOLE) ? undefined : version, filled, fromVars };
}

export function extractCompose(text: string, docs: YamlDoc[], isCompose: (i: number) => boolean, opts: EnvMappingOptions = {}): ConfigUnit[] {
  const units: ConfigUnit[] = [];
  docs.forEach((doc, docIndex) => {
    if (!isCompose(docIndex)) return;
    const root = asMap(doc.contents as Node | null);
    const services = asMap(getEntry(root, 'services', doc)?.value);
    if (!services) return;
    const found: { unit: ConfigUnit; brokers: number | undefined }[] = [];
    for (const svc of mapEntries(services, doc)) {
      const service = asMap(svc.value);
      if (!service) continue;
      const imageText = scalarString(text, getEntry(service, 'image', doc)?.value);
      const image = imageText === undefined ? undefined : composeImage(imageText.trim());
      const family = image?.family;
      if (!family || !image) {
        // Any other service (an application's image, or one built here) may be a Spring Boot
        // application configured through `SPRING_KAFKA_*` variables.
        units.push(...springEnvUnits(text, doc, docIndex, svc, service));
        continue;
      }
      // A container of the broker image that runs something else (creating topics, a shell).
      if (!runsBroker(text, doc, service, family)) continue;

      const envE = getEntry(service, 'environment', doc);
      const { settings, ignoredEnv } = brokerSettings(envEntries(text, doc, envE?.value ?? null, envE?.via ?? envE?.valueAlias), family, opts);
      const keySpan = nodeSpan(svc.key) ?? { start: 0, end: 0 };
      const version = image.version;
      const envFiles = envFilesOf(text, doc, service);
      const deploy = asMap(getEntry(service, 'deploy', doc)?.value);
      const replicas = intOf(text, getEntry(deploy, 'replicas', doc)?.value) ?? intOf(text, getEntry(service, 'scale', doc)?.value) ?? 1;
      const ext: ComposeUnitExt = {
        kind: 'compose',
        docIndex,
        doc,
        service,
        family,
        replicas,
        ...(envFiles.refs.length ? { envFiles: envFiles.refs } : {}),
        ...(image.filled?.includes(HOLE) ? { imageTemplate: image.name } : {}),
      };
      const unit: ConfigUnit = {
        id: `compose#${docIndex}:${svc.keyText}`,
        surface: 'compose',
        format: 'yaml',
        role: 'broker',
        client: 'broker',
        settings,
        anchor: keySpan,
        span: { start: keySpan.start, end: Math.max(keySpan.end, contentEnd(text, svc.pair)) },
        facts: {
          image: family,
          imageName: image.name,
          resourceName: svc.keyText,
          roleEvidence: 'structure',
          ...(ignoredEnv.length ? { ignoredEnv } : {}),
          ...(version ? { kafkaVersion: { version, from: image.name } } : {}),
          ...envFiles.facts,
        },
        ext,
      };
      found.push({ unit, brokers: brokersOf(unit, replicas) });
    }
    countBrokers(found);
    for (const f of found) units.push(f.unit);
  });
  return units;
}

/**
 * A broker's variables as its image reads them (knowledge/env.ts): the settings they make, and
 * those the image ignores (`facts.ignoredEnv`). For compose services and Kubernetes containers.
 */
export function brokerSettings(vars: EnvVariable[], family: ImageFamily, opts: EnvMappingOptions = {}): { settings: Setting[]; ignoredEnv: IgnoredEnv[] } {
  const settings: Setting[] = [];
  const ignoredEnv: IgnoredEnv[] = [];
  for (const e of vars) {
    const m = mapEnvVar(e.name, family, opts);
    if (m.kind === 'setting') settings.push(variableSetting(e, m.key, 'broker', m.precedence));
    else if (m.kind === 'ignored') {
      const { name, value, keySpan, valueSpan, entrySpan } = e;
      const envFile = (e.ext as EnvFileSettingExt | undefined)?.kind === 'envfile' ? (e.ext as EnvFileSettingExt).file : undefined;
      ignoredEnv.push({ name, intendedKey: m.intendedKey, suggestedName: m.suggestedName, value, keySpan, valueSpan, entrySpan, ...(envFile ? { envFile } : {}) });
    }
  }
  return { settings, ignoredEnv };
}

/** The brokers a service runs: a KRaft node whose process roles lack `broker` is a controller, which stores no partitions. */
function brokersOf(unit: ConfigUnit, replicas: number): number {
  return controllerOnly(unit) ? 0 : replicas;
}

/**
 * Sets `brokerCount` on broker units (compose services, Kubernetes broker containers) from how
 * many brokers each runs (undefined: not known, a DaemonSet's). One cluster, unless the units name
 * different ones (a replication demo's source and target): then each counts its own brokers, and a
 * unit that names none is not counted. A cluster with a unit of unknown size has no count.
 */
export function countBrokers(found: { unit: ConfigUnit; brokers: number | undefined }[]): void {
  const ids = found.map((f) => clusterIdentity(f.unit));
  const split = new Set(ids.filter((id) => id !== undefined)).size > 1;
  const cluster = (i: number) => (split ? ids[i] : '');
  const counts = new Map<string | undefined, number>();
  for (let i = 0; i < found.length; i++) counts.set(cluster(i), (counts.get(cluster(i)) ?? 0) + (found[i].brokers ?? NaN));
  for (let i = 0; i < found.length; i++) {
    const n = counts.get(cluster(i));
    if (cluster(i) !== undefined && n !== undefined && !Number.isNaN(n)) found[i].unit.facts.brokerCount = n;
  }
}

/**
 * A service's `env_file`s (a path, a list of paths, or of `{path, required}`): compose sets their
 * variables before `environment`, which overrides them. They are sources the file does not show
 * (`UnitFacts.envElsewhere`: what the service leaves unset is not judged) until `linkEnvFiles`
 * reads them for the host; a path compose fills in (`$VAR`) stays one.
 */
function envFilesOf(text: string, doc: YamlDoc, service: YAMLMap): { facts: Pick<ConfigUnit['facts'], 'envElsewhere'>; refs: EnvFileRef[] } {
  const e = getEntry(service, 'env_file', doc)?.value;
  if (!e) return { facts: {}, refs: [] };
  const items = isSeq(e) ? (e.items as Node[]) : [e as Node];
  const refs: EnvFileRef[] = [];
  let unknown = false;
  for (const it of items) {
    const n = isMap(it) ? getEntry(it, 'path', doc)?.value : it;
    const path = scalarString(text, n)?.trim();
    const span = isScalar(n) ? nodeSpan(n) : undefined;
    if (path && span && !path.includes('$')) refs.push({ path, span });
    else unknown = true;
  }
  const labels = refs.map((r) => `${r.path} (env_file)`);
  return { facts: { envElsewhere: unknown || !labels.length ? [...labels, 'env_file'] : labels }, refs };
}

/**
 * The variables of the env files the compose file's broker services name (`readEnvFile` reads one
 * for the host): each service's settings start with them, and `environment` overrides them. A file
 * read no longer counts as a source the file does not show. The settings are reported at the
 * `env_file` entry and never edited there.
 */
export function linkEnvFiles(file: ParsedFile, readEnvFile: ReadEnvFile | undefined): void {
  if (!readEnvFile || file.format !== 'yaml') return;
  imagesFromDotEnv(file, readEnvFile);
  const linked = new Set<number>();
  for (const unit of file.units) {
    const u = uExt(unit);
    if (unit.surface !== 'compose' || !u?.envFiles?.length || !u.family) continue;
    const vars: EnvVariable[] = [];
    const read: string[] = [];
    for (const ref of u.envFiles) {
      let text: string | undefined;
      try {
        text = readEnvFile(ref.path, file.path);
      } catch {
        text = undefined;
      }
      if (text === undefined) continue;
      vars.push(...envFileVariables(text, ref));
      read.push(`${ref.path} (env_file)`);
    }
    if (!read.length) continue;
    const { settings, ignoredEnv } = brokerSettings(vars, u.family);
    unit.settings = [...settings, ...unit.settings];
    // Variables the image ignores, unless `environment` sets the same name (which is reported).
    const own = unit.facts.ignoredEnv ?? [];
    const ignored = ignoredEnv.filter((x) => !own.some((o) => o.name === x.name));
    const left = unit.facts.envElsewhere?.filter((l) => !read.includes(l)) ?? [];
    unit.facts = { ...unit.facts, envFilesRead: read, ...(ignored.length ? { ignoredEnv: [...ignored, ...own] } : {}) };
    if (left.length) unit.facts.envElsewhere = left;
    else delete unit.facts.envElsewhere;
    linked.add(u.docIndex);
  }
  // An env file may make a service a KRaft controller (`KAFKA_PROCESS_ROLES`), or name its cluster:
  // the brokers of its compose file are counted again.
  for (const docIndex of linked) {
    const found: { unit: ConfigUnit; brokers: number | undefined }[] = [];
    for (const unit of file.units) {
      const u = uExt(unit);
      if (unit.surface !== 'compose' || !u?.family || u.docIndex !== docIndex) continue;
      unit.facts = { ...unit.facts };
      delete unit.facts.brokerCount;
      found.push({ unit, brokers: brokersOf(unit, u.replicas ?? 1) });
    }
    countBrokers(found);
  }
}

/**
 * The Kafka version of a broker service whose image tag a variable hides, from the `.env` file
 * beside the compose file, which compose reads to fill in the compose file (a variable of the
 * shell that runs compose would win; the file cannot show those).
 */
function imagesFromDotEnv(file: ParsedFile, readEnvFile: ReadEnvFile): void {
  let vars: Map<string, string> | null | undefined;
  for (const unit of file.units) {
    const u = uExt(unit);
    if (unit.surface !== 'compose' || !u?.imageTemplate) continue;
    if (vars === undefined) {
      let text: string | undefined;
      try {
        text = readEnvFile('.env', file.path);
      } catch {
        text = undefined;
      }
      vars = text === undefined ? null : new Map(envFileVariables(text, { path: '.env', span: unit.anchor }).filter((v) => !v.dynamic).map((v) => [v.name, v.value]));
    }
    if (!vars) return;
    const image = composeImage(u.imageTemplate, vars);
    if (!image.version || !image.fromVars) continue;
    const from = image.filled?.includes(HOLE) ? `${u.imageTemplate} (.env)` : `${image.filled} (.env)`;
    unit.facts = { ...unit.facts, kafkaVersion: { version: image.version, from } };
  }
}

/** A service's Spring Boot settings (`SPRING_KAFKA_*`), as springEnv.ts reads them. */
function springEnvUnits(text: string, doc: YamlDoc, docIndex: number, svc: MapEntry, service: YAMLMap): ConfigUnit[] {
  const envE = getEntry(service, 'environment', doc);
  if (!envE) return [];
  const anchor = nodeSpan(svc.key) ?? { start: 0, end: 0 };
  const ext: ComposeUnitExt = { kind: 'compose', docIndex, doc, service };
  return springEnvUnitsOf(envEntries(text, doc, envE.value ?? null, envE.via ?? envE.valueAlias), {
    id: `compose#${docIndex}:${svc.keyText}`,
    resourceName: svc.keyText,
    anchor,
    span: { start: anchor.start, end: Math.max(anchor.end, contentEnd(text, svc.pair)) },
    ext,
  });
}

/**
 * Whether a service of a broker image runs the broker: the image's own command, or an
 * `entrypoint`/`command` override that still starts it (`/etc/confluent/docker/run`,
 * `/etc/kafka/docker/run`, Bitnami's `run.sh`, `kafka-server-start`, Debezium's `start`). A setup
 * container that only runs `kafka-topics` or `sleep infinity` is no broker: counting it would
 * double a single-broker setup's broker count.
 */
function runsBroker(text: string, doc: YamlDoc, service: YAMLMap, family: ImageFamily): boolean {
  const parts = commandWords(text, doc, service, ['entrypoint', 'command']);
  if (!parts?.length) return true;
  const run = parts.join(' ');
  if (/docker\/run|kafka-server-start|\brun\.sh\b/.test(run)) return true;
  return family === 'debezium' && /(^|\s)start(\s|$)/.test(run);
}

/**
 * The cluster a service belongs to, as its settings name it: the ZooKeeper ensemble (and chroot)
 * it registers in, else its KRaft controller quorum. Undefined when it names neither (or only
 * through a variable).
 */
function clusterIdentity(unit: ConfigUnit): string | undefined {
  for (const key of ['zookeeper.connect', 'controller.quorum.voters', 'controller.quorum.bootstrap.servers']) {
    const s = effective(unit, key);
    if (!s || s.dynamic || !s.value.trim()) continue;
    const [hosts, ...chroot] = s.value.trim().toLowerCase().split('/');
    const members = hosts
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
      .sort();
    return `${key}=${members.join(',')}${chroot.length ? '/' + chroot.join('/') : ''}`;
  }
  return undefined;
}

// ---- editor ----

function sExt(s: Setting): ComposeSettingExt | undefined {
  const e = s.ext as ComposeSettingExt | undefined;
  return e && e.kind === 'compose' ? e : undefined;
}

function uExt(u: ConfigUnit): ComposeUnitExt | undefined {
  const e = u.ext as ComposeUnitExt | undefined;
  return e && e.kind === 'compose' ? e : undefined;
}

export function envName(unit: ConfigUnit, key: string): string | undefined {
  if (unit.surface === 'spring-env') return springEnvNameFor(unit, key);
  const u = uExt(unit);
  const family = u?.family ?? unit.facts.image ?? 'confluent';
  return envNameFor(key, family);
}

/** The quote style most sibling scalars use ('plain' on a tie). */
function siblingStyle(text: string, nodes: (Node | null | undefined)[]): QuoteStyle {
  const n = { plain: 0, double: 0, single: 0 };
  for (const x of nodes) {
    if (!isScalar(x)) continue;
    const q = readScalar(text, x).quote;
    if (q === 'plain' || q === 'double' || q === 'single') n[q]++;
  }
  if (n.double > n.plain && n.double >= n.single) return 'double';
  if (n.single > n.plain && n.single > n.double) return 'single';
  return 'plain';
}

function renderIn(style: QuoteStyle, v: string): string {
  if (style === 'double') return quoteDouble(v);
  if (style === 'single') return quoteSingle(v) ?? quoteDouble(v);
  return envScalar(v);
}

/**
 * A value of an `environment` map, quoted where YAML would read a boolean: docker-compose 1.x
 * refuses a file with one there ("contains true, which is an invalid type, it should be a string,
 * number, or a null"), and Compose 2 reads it as the string anyway.
 */
export function envScalar(v: string): string {
  return /^(true|false|yes|no|on|off|y|n)$/i.test(v) ? quoteDouble(v) : renderScalar(v);
}

/** A value as YAML that Kubernetes reads as a string (an env value, a ConfigMap's data): a number is quoted too (`"5"`), where compose takes one. */
export function stringScalar(v: string): string {
  return /^[-+.]?\d/.test(v) ? quoteDouble(v) : envScalar(v);
}

/** How a plain value is written in this unit's variables' map. */
function plainValue(unit: ConfigUnit, v: string): string {
  return uExt(unit)?.strings ? stringScalar(v) : envScalar(v);
}

/** A `NAME=value` item appended to a block list, quoted as most of its items are (a CFK `server` list's too: cfk.ts). */
export function appendListItem(text: string, seq: YAMLSeq, item: string, eol: string): Edit | null {
  const style = siblingStyle(text, seq.items as Node[]);
  return appendToSeq(text, seq, style === 'plain' ? (plainSafe(item) ? item : quoteDouble(item)) : renderIn(style, item), eol);
}

export const composeEditor: FormatEditor = {
  commentPrefix: '#',

  keyName(unit, key) {
    // A Spring Boot variable is named as the service writes it, when it does.
    if (unit.surface === 'spring-env') return springEnvKeyName(unit, key) ?? key;
    return envName(unit, key) ?? 'KAFKA_CFG_' + key.replace(/\./g, '_').toUpperCase();
  },

  valueText(_unit, _key, value) {
    return value;
  },

  assignment(unit, key, value) {
    // In the form `insert` writes it: `KAFKA_X=v` into an environment list, `KAFKA_X: v` into a map
    // or into the `environment:` block it adds to a service without one.
    const u = uExt(unit);
    const listForm = u
      ? isSeq(getEntry(u.service, u.envKey ?? 'environment', u.doc)?.value)
      : !unit.settings.some((s) => sExt(s)?.form === 'map') || unit.settings.some((s) => sExt(s)?.form === 'list');
    return `${composeEditor.keyName(unit, key)}${listForm ? '=' : ': '}${composeEditor.valueText(unit, key, value)}`;
  },

  show(_unit, setting) {
    // A variable of an env file: with the file's name.
    const file = (setting.ext as EnvFileSettingExt | undefined)?.kind === 'envfile' ? (setting.ext as EnvFileSettingExt).file : undefined;
    if (file) return `${setting.sourceKey}=${setting.rawValue} (${file})`;
    // Shown the way it is written: `KAFKA_X: 2` in a map, `KAFKA_X=2` in a list.
    return sExt(setting)?.form === 'map' ? `${setting.sourceKey}: ${setting.rawValue}` : `${setting.sourceKey}=${setting.rawValue}`;
  },

  setValue(file, unit, setting, value) {
    const ext = sExt(setting);
    if (!ext || ext.via || !ext.read) return null;
    const v = composeEditor.valueText(unit, setting.key, value);
    if (setting.placeholderDefault) {
      if (!ext.defaultRange) return null;
      const e = replaceInScalar(ext.read, ext.defaultRange, v);
      return e ? [e] : null;
    }
    if (ext.form === 'map') {
      if (setting.dynamic) return null;
      const read = ext.read;
      // A plain scalar is rewritten whole: a boolean gets quotes (`envScalar`).
      if (read.quote === 'plain') return read.exact ? [{ start: read.span.start, end: read.span.end, newText: plainValue(unit, v) }] : null;
      const e = replaceScalar(file.text, read, v);
      return e ? [e] : null;
    }
    // List form: rewrite the text after `NAME=` inside the item.
    const read = ext.read;
    if (!read.exact || setting.dynamic) return null;
    let piece: string;
    if (read.quote === 'double') piece = escapeDouble(v);
    else if (read.quote === 'single') {
      if (/[\r\n]/.test(v)) return null;
      piece = v.replace(/'/g, "''");
    } else if (read.quote === 'plain') {
      if (!plainSafe(read.raw.slice(0, ext.valueOffset) + v)) return null;
      piece = v;
    } else return null;
    return [{ start: read.span.start + ext.valueOffset, end: read.span.end, newText: piece }];
  },

  insert(file, unit, key, value) {
    const u = uExt(unit);
    const name = envName(unit, key);
    // Structural edits trust the AST, which after a parse error may not match the indentation.
    if (!u || !name || brokenYaml(u.doc)) return null;
    const v = composeEditor.valueText(unit, key, value);
    const envKey = u.envKey ?? 'environment';
    const envE = getEntry(u.service, envKey, u.doc);
    if (envE && (envE.via || envE.valueAlias)) return null;
    const env = envE?.value ?? null;
    if (isSeq(env)) {
      const e = appendListItem(file.text, env as YAMLSeq, `${name}=${v}`, file.eol);
      return e ? [e] : null;
    }
    let style: QuoteStyle = 'plain';
    if (isMap(env)) style = siblingStyle(file.text, (env as YAMLMap).items.map((p) => p.value as Node | null));
    const rendered = style === 'plain' ? plainValue(unit, v) : renderIn(style, v);
    const e = insertPath(file.text, u.service, [envKey, name], rendered, file.eol, {
      keySegs: (k: string) => [k],
      segEq: (a: string, b: string) => a === b,
      renderKey,
    });
    return e ? [e] : null;
  },

  remove(file, unit, setting) {
    const u = uExt(unit);
    const ext = sExt(setting);
    if (!u || !ext || ext.via || brokenYaml(u.doc)) return null;
    const e = removeEntry(file.text, u.service, ext.node);
    return e ? [e] : null;
  },

  rename(_file, unit, setting, newKey) {
    const ext = sExt(setting);
    if (!ext || ext.via) return null;
    const name = newKey.startsWith('KAFKA_') ? newKey : unit.surface === 'spring-env' ? springEnvRename(unit, setting, newKey) : envName(unit, newKey);
    if (!name) return null;
    return [{ start: setting.keySpan.start, end: setting.keySpan.end, newText: name } satisfies Edit];
  },
};

registerEditor(['compose'], composeEditor);
