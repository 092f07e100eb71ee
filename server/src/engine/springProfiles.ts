// Spring Boot profiles: which documents and files a Spring unit's settings come from. Spring Boot
// reads every document of application.yml (or .properties) that has no profile condition, and the
// documents of each active profile on top of them; a profile file (application-prod.yml) comes on
// top of application.yml and application.properties. `linkSpringDocuments` links the Spring units of
// a file (`ConfigUnit.inherited`), YAML and .properties alike; index.ts (`linkSpring`) calls it
// after every parse, with the units of the base files the caller passes.

import { inheritedCopy, sameItems, type ConfigUnit, type Setting } from './model.js';
import { baseName } from './parsers/yamlCommon.js';

/** A file a profile file comes on top of, as the caller read it. */
export interface SpringBase {
  path: string;
  text: string;
}

/**
 * The files a Spring Boot profile file is applied on top of, by name, in the same folder:
 * `application.properties`, `application.yml` and `application.yaml` for
 * `application-prod.yml` (or `.properties`); `bootstrap.*` for `bootstrap-prod.*`. Empty for
 * any other file.
 */
export function springBaseNames(path: string): string[] {
  const m = /^(application|bootstrap)-.+\.(?:ya?ml|properties)$/i.exec(baseName(path));
  return m ? ['properties', 'yml', 'yaml'].map((ext) => `${m[1]}.${ext}`) : [];
}

/** Is this a file profile files come on top of (`application.yml`, `bootstrap.properties`, ...)? */
export function isSpringBaseFile(path: string): boolean {
  return /^(?:application|bootstrap)\.(?:ya?ml|properties)$/i.test(baseName(path));
}

/**
 * Spring Boot reads every document of an application.yml that has no profile condition, and the
 * documents of each active profile on top of them (later documents win); a profile file
 * (application-prod.yml) comes on top of application.yml and application.properties. So a
 * setting made in a document without a profile holds in every profile's document that does not
 * set it again, and one made in a profile's document holds in that profile's other documents.
 * Gives each Spring unit what the other documents make for its role (and for every client:
 * `spring.kafka.properties` and the like) as `inherited`, so that "unset" is not said of a setting
 * made elsewhere. `external`: the Spring units of the files this one comes on top of (they win
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
  // The document a unit was read from: YAML units know its index, .properties units its bounds
  // (`#---` separates documents there).
  const docOf = (u: ConfigUnit) => {
    const e = u.ext as { docIndex?: number; doc?: { start: number } } | undefined;
    return e?.docIndex ?? e?.doc?.start ?? 0;
  };
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
      const from = (v: ConfigUnit) => (binder ? docOf(v) !== docOf(u) || !v.facts.binding : docOf(v) !== docOf(u) && !v.facts.binding);
      const sources = [...(binder ? below : belowBoot), ...here.filter(from)];
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
  return u.inherited ? `${linked.get(u)?.version ?? ''}` : '';
}

