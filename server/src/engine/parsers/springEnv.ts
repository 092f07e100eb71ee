// Spring Boot settings passed as environment variables (`SPRING_KAFKA_PRODUCER_ACKS`): of a
// docker-compose service (compose.ts) or a Kubernetes container (workload.ts). One unit per client
// they configure, as an application file's `spring.kafka.*` makes (knowledge/spring.ts has how
// Boot reads the names, docs/sources/spring-boot-env.md where that was read). The application's own
// files hold the rest of its configuration, so the units are `partial`: their values are judged,
// not what they leave unset.

import type { ConfigUnit, Role, Setting, Span } from '../model.js';
import { effective } from '../model.js';
import { internSetting } from '../strings.js';
import { mapSpringKafkaPath, springEnvName, springEnvPath, springPathFor, springValueToKafka, unknownSpringProperty } from '../knowledge/spring.js';

/** A variable as its reader found it; `ext` is the reader's own (its editor needs it). */
export interface EnvVariable {
  name: string;
  value: string;
  rawValue: string;
  dynamic: boolean;
  placeholderDefault: boolean;
  keySpan: Span;
  valueSpan: Span;
  entrySpan: Span;
  ext: unknown;
}

/** Where the units of one service or container are, and what they are called. */
export interface EnvHolder {
  /** Unique in the file: the units' `facts.holder`; their ids are `<id>:spring/<role>`. */
  id: string;
  resourceName: string;
  anchor: Span;
  span: Span;
  ext: unknown;
}

const SPRING_ROLES: Role[] = ['producer', 'consumer', 'admin', 'streams'];

/** The units the `SPRING_KAFKA_*` variables among `vars` make (none when there are none). */
export function springEnvUnitsOf(vars: EnvVariable[], holder: EnvHolder): ConfigUnit[] {
  const settings: Setting[] = [];
  for (const e of vars) {
    const path = springEnvPath(e.name);
    const s = path === undefined ? undefined : springEnvSetting(e, path);
    if (s) settings.push(s);
  }
  if (!settings.length) return [];
  const { anchor, span, ext } = holder;
  const make = (role: Role): ConfigUnit => ({
    id: `${holder.id}:spring/${role}`,
    surface: 'spring-env',
    format: 'yaml',
    role,
    client: 'java',
    // Shared settings (`SPRING_KAFKA_PROPERTIES_*`, bootstrap servers) apply to every client.
    settings: settings.filter((s) => s.role === role || s.role === 'client'),
    anchor,
    span,
    facts: { resourceName: holder.resourceName, roleEvidence: 'keys', partial: true, holder: holder.id },
    ext,
  });
  const roles = SPRING_ROLES.filter((r) => settings.some((s) => s.role === r));
  return roles.length ? roles.map(make) : [make('client')];
}

/** The setting a `SPRING_KAFKA_*` variable makes, with its value converted as Boot converts the property's. */
function springEnvSetting(e: EnvVariable, path: string): Setting | undefined {
  const m = mapSpringKafkaPath(path);
  // (A name that binds to nothing we know is kept for unknown-key; the path has one dot at most.)
  const known = m ?? (path.includes('[') ? undefined : unknownSpringProperty(splitOnce(path)));
  if (!known) return undefined;
  const { key, role } = known;
  let precedence = known.precedence;
  // Of two spellings of one dedicated property, Boot reads the first it finds in the order
  // SystemEnvironmentPropertyMapper lists them: without dashes, then the legacy one, each in upper
  // and then in lower case. Their rank within the dedicated layer [1, 2) says which wins.
  if (m?.precedence === 1) precedence += (e.name === e.name.toUpperCase() ? 0.3 : 0.1) + (e.name.toUpperCase() === springEnvName(path) ? 0.1 : 0);
  const kind = m?.kind ?? 'string';
  const converted = e.dynamic || kind === 'string' ? undefined : springValueToKafka(kind, e.value);
  return variableSetting(e, key, role, precedence, converted);
}

/** The setting a variable makes for `key` (its value converted, when `value` is given). */
export function variableSetting(e: EnvVariable, key: string, role: Role, precedence: number, value = e.value): Setting {
  return internSetting({
    key,
    sourceKey: e.name,
    role,
    value,
    rawValue: e.rawValue,
    dynamic: e.dynamic,
    ...(e.placeholderDefault ? { placeholderDefault: true } : {}),
    keySpan: e.keySpan,
    valueSpan: e.valueSpan,
    entrySpan: e.entrySpan,
    precedence,
    ext: e.ext,
  });
}

/** `consumer.auto-offset-resett` -> its section and the rest (dashes stand for the variable's other `_`s). */
function splitOnce(path: string): string[] {
  const dot = path.indexOf('.');
  return dot < 0 ? [path] : [path.slice(0, dot), path.slice(dot + 1)];
}

/** A Spring Boot variable's name for a key in a unit, in the spelling the unit already uses. */
export function springEnvNameFor(unit: ConfigUnit, key: string): string | undefined {
  const path = springPathOf(unit.role, key);
  return path === undefined ? undefined : springEnvName(path, legacyNames(unit));
}

/** A key's name as the unit writes it, else as it would write it. */
export function springEnvKeyName(unit: ConfigUnit, key: string): string | undefined {
  return effective(unit, key)?.sourceKey ?? springEnvNameFor(unit, key);
}

/** Where a key is written below `spring.kafka.` for a unit of this role (springYaml.ts's `pathFor`). */
function springPathOf(role: Role, key: string): string | undefined {
  if (key.startsWith('spring:')) return key.slice('spring:'.length);
  if (role === 'client') return `properties[${key}]`;
  return springPathFor(key, role)?.path;
}

/** Whether the service (or container) spells dashed properties the "legacy" way (`ENABLE_AUTO_COMMIT`, not `ENABLEAUTOCOMMIT`): new names follow. */
export function legacyNames(unit: ConfigUnit): boolean {
  return unit.settings.some((s) => {
    const path = springEnvPath(s.sourceKey);
    return path !== undefined && !path.includes('[') && path.includes('-') && s.sourceKey.toUpperCase() === springEnvName(path, true);
  });
}

/** A Spring Boot variable's new name: a map entry stays in its map (`SPRING_KAFKA_PROPERTIES_` + the key), anything else goes where the key belongs. */
export function springEnvRename(unit: ConfigUnit, setting: Setting, newKey: string): string | undefined {
  const old = springEnvPath(setting.sourceKey);
  const map = old === undefined || newKey.startsWith('spring:') ? null : /^((?:[a-z]+\.)?properties)\[/.exec(old);
  const path = map ? `${map[1]}[${newKey}]` : springPathOf(setting.role, newKey);
  if (path === undefined) return undefined;
  const name = springEnvName(path, legacyNames(unit));
  // Boot reads the name in upper or in lower case: keep the service's.
  return setting.sourceKey === setting.sourceKey.toLowerCase() ? name.toLowerCase() : name;
}
