// Small helpers shared by rules. Keep rule files about Kafka, not about plumbing.

import type { ConfigUnit, Setting, Span } from '../model.js';
import type { Report } from '../rule.js';
import { effective, isInherited } from '../model.js';

const PRODUCER_CTORS = /^New(Sync|Async)Producer(FromClient)?$|^NewTransactionalProducer/;
const CONSUMER_CTORS = /^NewConsumer(Group)?(FromClient)?$/;

/** The unit configures a producer: its role says so, or (sarama / shared client config) its
 *  settings or constructors do. */
export function isProducer(unit: ConfigUnit): boolean {
  if (unit.role === 'producer') return true;
  if (unit.role !== 'client') return false;
  if (unit.facts.saramaConstructors?.some((c) => PRODUCER_CTORS.test(c.name))) return true;
  return writes(unit, 'Producer.');
}

/**
 * Whether the unit writes a sarama field under `part`: itself, or, for a config several files of a
 * Go package set (`sharedAcrossFiles`), any of them. (Not a helper's fields: a helper many configs
 * are built from, such as a test helper setting both Producer and Consumer fields, says little
 * about each of them.)
 */
function writes(unit: ConfigUnit, part: string): boolean {
  if (unit.settings.some((s) => s.sourceKey.includes(part))) return true;
  if (!unit.facts.sharedAcrossFiles) return false;
  for (const m of [unit.inherited, unit.overriddenBy]) if (m) for (const s of m.values()) if (s.sourceKey.includes(part)) return true;
  return false;
}

export function isConsumer(unit: ConfigUnit): boolean {
  if (unit.role === 'consumer') return true;
  if (unit.role !== 'client') return false;
  if (unit.facts.saramaConstructors?.some((c) => CONSUMER_CTORS.test(c.name))) return true;
  return writes(unit, 'Consumer.');
}

/** A unit whose role is certain enough to report settings it lacks (not a shared 'client' unit
 *  unless sarama constructors or fields pin it down), and that holds all of its client's
 *  configuration (not `facts.partial`: what such a unit leaves unset may be set elsewhere). */
export function definitelyProducer(unit: ConfigUnit): boolean {
  if (unit.facts.partial) return false;
  return unit.role === 'producer' || (unit.client === 'sarama' && isProducer(unit));
}

export function definitelyConsumer(unit: ConfigUnit): boolean {
  if (unit.facts.partial || unit.facts.readsNoMessages) return false;
  return unit.role === 'consumer' || (unit.client === 'sarama' && isConsumer(unit));
}

/**
 * Whether `env-var-image` reports a variable of the unit that its image ignores but that was meant
 * to set one of `keys` (a compose service's `KAFKA_MIN_INSYNC_REPLICAS` on a Bitnami image): then
 * the rule about the key leaves the unit to it, whose rename fixes both. That rule reads compose
 * files only; elsewhere (a Kubernetes broker container) the key is judged as unset, which it is.
 */
export function ignoredEnvReported(unit: ConfigUnit, ...keys: string[]): boolean {
  return unit.surface === 'compose' && !!unit.facts.ignoredEnv?.some((e) => keys.includes(e.intendedKey));
}

/**
 * Whether the key is unset here but something this file does not show may set it, so Kafka's
 * default is not known to apply and a rule judges only a value the unit writes:
 *   - an operator picks it when the resource leaves it unset (Confluent for Kubernetes:
 *     `default.replication.factor` and `min.insync.replicas` from the broker count);
 *   - a container takes variables from a ConfigMap or Secret the file does not hold (`envFrom`).
 */
export function unsetUnknown(unit: ConfigUnit, key: string): boolean {
  if (effective(unit, key)) return false;
  return !!unit.facts.operatorSets?.keys.includes(key) || !!unit.facts.envElsewhere?.length;
}

/** Effective setting whose value can be judged (not dynamic, unless a placeholder default). */
export function judged(unit: ConfigUnit, key: string): Setting | undefined {
  const s = effective(unit, key);
  if (!s || (s.dynamic && !s.placeholderDefault)) return undefined;
  return s;
}

export function isDynamic(s: Setting | undefined): boolean {
  return !!s && s.dynamic && !s.placeholderDefault;
}

/** Java-style boolean: case-insensitive true/false; undefined otherwise. */
export function asBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

export function asInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** acks normalised: 'all' for all/-1, '0', '1'; undefined for anything else. */
export function normAcks(value: string | undefined): 'all' | '0' | '1' | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'all' || v === '-1') return 'all';
  if (v === '0' || v === '1') return v;
  return undefined;
}

/** Suffix for messages about a value taken from a placeholder default. */
export function placeholderNote(s: Setting | undefined, zh = false): string {
  if (!s?.placeholderDefault) return '';
  return zh ? '（取自占位符默认值）' : ' (the placeholder default)';
}

/** Wrap in backticks for messages. */
export function code(s: string): string {
  return '`' + s + '`';
}

/**
 * Whether a finding that starts at `setting` and is about `others`, all unset, goes to the config
 * here (`unit.anchor`) rather than where `setting` is written: when the unit inherits `setting`
 * from a Go helper of another file, whose own unit is judged only on what it writes
 * (`facts.partial`) and so cannot report what its callers leave unset. A config several files set
 * directly (`sharedAcrossFiles`) is whole in the file that writes `setting`, which reports it.
 */
export function reportedAtConfig(unit: ConfigUnit, setting: Setting, others: (Setting | undefined)[]): boolean {
  return inheritedFromElsewhere(unit, setting) && others.every((o) => !o);
}

/** `setting` is written by another document or helper than the unit's own config (a Go config
 *  several files set directly, `sharedAcrossFiles`, counts as one config: not inherited). */
function inheritedFromElsewhere(unit: ConfigUnit, setting: Setting): boolean {
  return isInherited(setting) && !unit.facts.sharedAcrossFiles;
}

/**
 * Where to report a problem about `setting` that the unit's `others` take part in, and which
 * settings it is about; spread into the report. At `setting`, unless the unit only inherits it (a
 * Spring profile, from its base document) — then at the first of `others` the unit writes itself,
 * since the problem arises here (the fix overrides the inherited value in this unit). With none of
 * its own, at `setting`: the engine then leaves the report to the document that writes it. The
 * inherited ones among them become the finding's related places (where they are written).
 */
export function reportAt(unit: ConfigUnit, setting: Setting, ...others: (Setting | undefined)[]): { span: Span; about: NonNullable<Report['about']> } {
  const own = inheritedFromElsewhere(unit, setting) ? others.find((o) => o && !isInherited(o)) : undefined;
  return { span: (own ?? setting).valueSpan, about: { unit, settings: [setting, ...others] } };
}
