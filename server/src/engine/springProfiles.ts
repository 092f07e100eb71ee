// Spring Boot profiles: which documents and files a Spring unit's settings come from. Spring Boot
// reads every document of application.yml (or .properties) that has no profile condition, and the
// documents of each active profile on top of them; a profile file (application-prod.yml) comes on
// top of application.yml and application.properties, and application.properties on top of
// application.yml. `linkSpringDocuments` links the Spring units of
// a file (`ConfigUnit.inherited`), YAML and .properties alike; index.ts (`linkSpring`) calls it
// after every parse, with the units of the base files the caller passes.

import { inheritedCopy, sameItems, type ConfigUnit, type Setting } from './model.js';
import { baseName } from './parsers/yamlCommon.js';
import { lineOf, lineStarts } from './suppressions.js';

/** A Spring Boot file beside the linted one (one it comes on top of, or one on top of it), as the caller read it. */
export interface SpringBase {
  path: string;
  text: string;
}

/**
 * The files a Spring Boot file is applied on top of, by name, in the same folder, the one that
 * wins least first:
 * - `application.yml`, `application.yaml` and `application.properties` for a profile file
 *   (`application-prod.yml` or `.properties`), and for `application-prod.properties` also
 *   `application-prod.yml` and `.yaml`;
 * - `application.yml` and `application.yaml` for `application.properties`;
 * - the same with `bootstrap` for `bootstrap*` files; empty for any other file.
 *
 * Spring Boot reads profile files over the files without a profile, and in one folder a
 * `.properties` file over the YAML file of the same name (reference, "External Application
 * Properties"); what a file does not set itself holds from those underneath.
 */
export function springBaseNames(path: string): string[] {
  const n = springName(path);
  if (!n) return [];
  const name = baseName(path);
  const stem = name.slice(0, n.stemLength); // (as the file spells it: names are compared as written)
  const yaml = (s: string) => [`${s}.yml`, `${s}.yaml`];
  if (n.profile === undefined) return n.properties ? yaml(stem) : [];
  return [...yaml(stem), `${stem}.properties`, ...(n.properties ? yaml(name.slice(0, name.lastIndexOf('.'))) : [])];
}

/** Is this a file profile files come on top of (`application.yml`, `bootstrap.properties`, ...)? */
export function isSpringBaseFile(path: string): boolean {
  return /^(?:application|bootstrap)\.(?:ya?ml|properties)$/i.test(baseName(path));
}

/** Is this a Spring Boot configuration file by name (`application.yml`, `bootstrap-prod.properties`, ...)? */
export function isSpringFile(path: string): boolean {
  return springName(path) !== undefined;
}

/** `application-prod.yml` -> stem `application`, profile `prod`, `yml`; undefined for any other name. */
function springName(path: string): { stem: string; stemLength: number; profile?: string; properties: boolean } | undefined {
  const m = /^(application|bootstrap)(?:-(.+))?\.(ya?ml|properties)$/i.exec(baseName(path));
  if (!m) return undefined;
  return { stem: m[1].toLowerCase(), stemLength: m[1].length, ...(m[2] ? { profile: m[2] } : {}), properties: m[3].toLowerCase() === 'properties' };
}

/**
 * Whether the Spring Boot file `other`, in the same folder, comes on top of `path`: Spring Boot
 * reads a profile file (`application-prod.yml`) over `application.yml` and `application.properties`,
 * and of two files of the same name a `.properties` one over the YAML one (Spring Boot reference,
 * "External Application Properties": profile-specific files always override the non-specific
 * ones; `.properties` takes precedence over YAML in the same location).
 */
export function isSpringOverlay(path: string, other: string): boolean {
  const a = springName(path);
  const b = springName(other);
  if (!a || !b || a.stem !== b.stem) return false;
  if (a.profile === undefined && b.profile !== undefined) return true;
  return a.profile === b.profile && !a.properties && b.properties;
}

/**
 * The document a unit was read from, in file order: YAML units know its index, .properties units
 * its bounds (`#---` separates documents there).
 */
function docOf(u: ConfigUnit): number {
  const e = u.ext as { docIndex?: number; doc?: { start: number } } | undefined;
  return e?.docIndex ?? e?.doc?.start ?? 0;
}

/**
 * Spring Boot reads every document of an application.yml that has no profile condition, and the
 * documents of each active profile on top of them (later documents win); a profile file
 * (application-prod.yml) comes on top of application.yml and application.properties. So a
 * setting made in a document without a profile holds in every profile's document that does not
 * set it again, and one made in a profile's document holds in that profile's other documents.
 * Gives each Spring unit what the other documents make for its role (and for every client:
 * `spring.kafka.properties` and the like) as `inherited`, so that "unset" is not said of a setting
 * made elsewhere; a document active only `on-cloud-platform` is inherited only by documents of that
 * platform. `external`: the Spring units of the files this one comes on top of (they win
 * less than the file's own). Computed for the whole file on every lint; the units' own data is
 * not touched.
 */
export function linkSpringDocuments(units: ConfigUnit[], external: { path: string; units: ConfigUnit[] }[] = []): void {
  const isSpring = (u: ConfigUnit) => u.surface === 'spring-yaml' || u.surface === 'spring-properties';
  const byGroup = (list: ConfigUnit[]) => {
    const m = new Map<string, ConfigUnit[]>();
    for (const u of list) {
      if (!isSpring(u)) continue;
      const g = u.facts.profile ?? '';
      const l = m.get(g);
      if (l) l.push(u);
      else m.set(g, [u]);
    }
    return m;
  };
  const groups = byGroup(units);
  const outside = byGroup(external.flatMap((f) => f.units));
  const pathOf = new Map<ConfigUnit, string>();
  for (const f of external) for (const u of f.units) pathOf.set(u, f.path);
  // Units with the same sources inherit the same map (every profile with one document, say).
  const shared = new Map<string, { map: Map<string, Setting>; digest: string }>();
  for (const [group, members] of groups) {
    // The documents that apply with a unit's: every one without a profile, and its profile's;
    // those of the files underneath first (the later wins a tie). Its own document's settings
    // are its own (`settings`, with the shared `spring.kafka.properties` and the like).
    const below = [...(outside.get('') ?? []), ...(group ? outside.get(group) ?? [] : [])];
    const here = [...(groups.get('') ?? []), ...(group ? members : [])];
    // The Kafka binder's clients start from Spring Boot's settings, its own document's too; Spring
    // Boot's clients never see the binder's.
    const belowBoot = below.filter((v) => !v.facts.binding);
    for (const u of members) {
      const binder = !!u.facts.binding;
      // A document active only on a cloud platform applies with this one only on that platform.
      const platform = (v: ConfigUnit) => !v.facts.cloudPlatform || v.facts.cloudPlatform === u.facts.cloudPlatform;
      const from = (v: ConfigUnit) => platform(v) && (binder ? docOf(v) !== docOf(u) || !v.facts.binding : docOf(v) !== docOf(u) && !v.facts.binding);
      const sources = [...(binder ? below : belowBoot).filter(platform), ...here.filter(from)];
      if (!sources.length) {
        u.inherited = undefined;
        linked.delete(u);
        continue;
      }
      // A unit whose document did not change is the same object as at the last lint (an editor
      // moves it in place): while the units it inherits from are the same objects too, so is what
      // it inherits (the copies read their spans from the originals, so they move with them).
      const last = linked.get(u);
      if (last && sameItems(last.sources, sources)) continue;
      const binding = u.facts.binding?.name;
      const id = `${u.role}\u0000${binder ? `scst:${binding ?? ''}` : ''}\u0000${sources.map(unitNumber).join(',')}`;
      let m = shared.get(id);
      if (!m) {
        const merged = new Map<string, { st: Setting; path?: string }>();
        for (const v of sources) {
          const path = pathOf.get(v);
          for (const st of v.settings) {
            if (st.role !== u.role && st.role !== 'client') continue;
            // Another document's binding-level setting holds only for the binding of that name.
            const of = (st.ext as { binding?: string } | undefined)?.binding;
            if (of !== undefined && of !== binding) continue;
            const e = merged.get(st.key);
            if (!e || st.precedence >= e.st.precedence) merged.set(st.key, { st, path });
          }
        }
        const map = new Map<string, Setting>();
        const parts: string[] = [];
        for (const [k, { st, path }] of [...merged].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
          map.set(k, inheritedCopy(st, path));
          // (Not where it is written: findings name that place after every lint, index.ts relatedPlaces.)
          parts.push(`${k}\u0001${st.sourceKey}\u0001${st.precedence}\u0001${st.dynamic ? 1 : 0}${st.placeholderDefault ? 1 : 0}\u0001${st.value}\u0001${st.rawValue}`);
        }
        m = { map, digest: parts.join('\u0002') };
        shared.set(id, m);
      }
      // The key an editor's cache compares changes only when what is inherited does.
      const version = last && last.digest === m.digest ? last.version : ++linkVersion;
      linked.set(u, { sources, digest: m.digest, version });
      u.inherited = m.map.size ? m.map : undefined;
    }
  }
}

/** A Spring file that comes on top of the linted one (`isSpringOverlay`), read. */
export interface SpringOverlay {
  path: string;
  text: string;
  units: ConfigUnit[];
}

/** Where a setting of `ConfigUnit.overriddenBy` is written: its file (undefined: the unit's own) and line. */
const overrideOrigins = new WeakMap<Setting, { path?: string; line: number }>();

export function overrideOrigin(s: Setting): { path?: string; line: number } | undefined {
  return overrideOrigins.get(s);
}

/** The digest and version of each unit's `overriddenBy` at its last lint (see inheritanceKey). */
const overrideLinks = new WeakMap<ConfigUnit, { digest: string; version: number }>();

/**
 * Settings that come on top of a unit's own whenever its document applies
 * (`ConfigUnit.overriddenBy`): the same Spring property set again in a later document of the file
 * under the same conditions (Spring Boot applies a file's documents in order, the later over the
 * earlier), or in a file that comes on top of this one for the document's profile
 * (`isSpringOverlay`: `application-prod.yml` over the `on-profile: prod` documents of
 * `application.yml`, `application.properties` over `application.yml`). `text`: the file's own.
 * The Kafka binder's units are left out (their layers are defaults bindings refine by design).
 */
export function linkSpringOverrides(units: ConfigUnit[], text: string, overlays: SpringOverlay[] = []): void {
  const isSpring = (u: ConfigUnit) => (u.surface === 'spring-yaml' || u.surface === 'spring-properties') && !u.facts.binding;
  const cond = (u: ConfigUnit) => `${u.facts.profile ?? ''}\u0000${u.facts.cloudPlatform ?? ''}`;
  // Files on top of files on top: a profile file over application.properties, .properties over YAML.
  const rank = (o: SpringOverlay) => {
    const n = springName(o.path);
    return (n?.profile !== undefined ? 2 : 0) + (n?.properties ? 1 : 0);
  };
  const above = [...overlays].sort((a, b) => rank(a) - rank(b));
  const lineAt = (t: string, offset: number) => lineOf(lineStarts(t), offset) + 1;
  // The file's Spring units by their conditions (most files: one group per profile, of one document).
  const byCond = new Map<string, ConfigUnit[]>();
  for (const u of units) {
    if (!isSpring(u)) continue;
    const c = cond(u);
    const list = byCond.get(c);
    if (list) list.push(u);
    else byCond.set(c, [u]);
  }
  for (const [c, members] of byCond) {
    const over = above.length ? above.flatMap((o) => o.units.filter((v) => isSpring(v) && cond(v) === c).map((v) => ({ v, path: o.path, text: o.text }))) : [];
    for (const u of members) linkUnitOverrides(u, [...members.filter((v) => docOf(v) > docOf(u)).map((v) => ({ v, text })), ...over]);
  }
  for (const u of units) if (!isSpring(u) && u.overriddenBy) u.overriddenBy = undefined;

  function linkUnitOverrides(u: ConfigUnit, sources: { v: ConfigUnit; path?: string; text: string }[]): void {
    let over: Map<string, Setting> | undefined;
    const parts: string[] = [];
    if (sources.length) {
      // The unit's own strongest setting of each key: what a later one must match or beat.
      const own = new Map<string, number>();
      for (const s of u.settings) own.set(s.key, Math.max(own.get(s.key) ?? -1, s.precedence));
      const merged = new Map<string, { st: Setting; path?: string; text: string }>();
      for (const { v, path, text: t } of sources) {
        for (const st of v.settings) {
          if (st.role !== u.role && st.role !== 'client') continue;
          const mine = own.get(st.key);
          if (mine === undefined || st.precedence < mine) continue;
          const e = merged.get(st.key);
          if (!e || st.precedence >= e.st.precedence) merged.set(st.key, { st, path, text: t });
        }
      }
      for (const [k, { st, path, text: t }] of merged) {
        const copy = inheritedCopy(st, path);
        const line = lineAt(t, st.keySpan.start);
        overrideOrigins.set(copy, { ...(path === undefined ? {} : { path }), line });
        (over ??= new Map()).set(k, copy);
        parts.push(`${k}\u0001${st.sourceKey}\u0001${st.precedence}\u0001${st.dynamic ? 1 : 0}${st.placeholderDefault ? 1 : 0}\u0001${st.value}\u0001${st.rawValue}\u0001${path ?? ''}\u0001${line}`);
      }
    }
    u.overriddenBy = over;
    if (!over) {
      overrideLinks.delete(u);
      return;
    }
    const digest = parts.join('\u0002');
    const last = overrideLinks.get(u);
    if (!last || last.digest !== digest) overrideLinks.set(u, { digest, version: ++linkVersion });
  }
}

/** A number per unit object (for `shared` keys). */
const unitNumbers = new WeakMap<ConfigUnit, number>();
let unitCount = 0;
function unitNumber(u: ConfigUnit): number {
  let n = unitNumbers.get(u);
  if (n === undefined) unitNumbers.set(u, (n = ++unitCount));
  return n;
}

/** What each unit inherited at its last lint, from which units (see linkSpringDocuments). */
const linked = new WeakMap<ConfigUnit, { sources: ConfigUnit[]; digest: string; version: number }>();
let linkVersion = 0;

/**
 * A short key that changes when what a unit inherits changes (an editor keeps a unit's findings
 * only while it is unchanged); '' for a unit that inherits nothing.
 */
export function inheritanceKey(u: ConfigUnit): string {
  const inherited = u.inherited ? `${linked.get(u)?.version ?? ''}` : '';
  return u.overriddenBy ? `${inherited}/${overrideLinks.get(u)?.version ?? ''}` : inherited;
}

