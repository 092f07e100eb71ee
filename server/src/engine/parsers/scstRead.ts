// Spring Cloud Stream's Kafka binder, the same in application.yml and application.properties: which
// bindings a document has, which way each goes, and the settings that reach each one's Kafka client
// (knowledge/scst.ts has the binder's property map and order). The format readers hand over each
// leaf below `spring.cloud` with its path and make the settings; `scstGroups` then says which
// units the document has.

import type { ConfigUnit, Role, Setting } from '../model.js';
import { canonicalSpringSegment } from '../knowledge/spring.js';
import { directionByName, mapScstKafkaPath, SCST_PRECEDENCE, type ScstDirection, type ScstMapping } from '../knowledge/scst.js';

/** What a document says about the Kafka binder and its bindings. */
export interface ScstDoc {
  /** The document configures the Kafka binder (`spring.cloud.stream.kafka.*`, a binder of type kafka). */
  kafka: boolean;
  /** Binder-wide settings and `default.*`, for every binding. */
  shared: Setting[];
  bindings: Map<string, { settings: Setting[]; directions: Set<ScstDirection>; binder?: string; kafka?: boolean }>;
  /** `spring.cloud.stream.binders.<name>.type`, and the binder settings of its `environment`. */
  binderTypes: Map<string, string>;
  binderSettings: Map<string, Setting[]>;
  defaultBinder?: string;
  /** The document configures the Kafka Streams binder too; the bindings it names there are its. */
  streams: boolean;
  streamsBindings: Set<string>;
  /** The binder's `transaction.producer.configuration` entries. */
  transactionConfig: Set<Setting>;
  /** `binder.auto-create-topics: false`: the binder creates no topic, so no replication factor of its counts. */
  noTopics?: boolean;
}

function binding(r: ScstDoc, name: string) {
  let b = r.bindings.get(name);
  if (!b) r.bindings.set(name, (b = { settings: [], directions: new Set() }));
  return b;
}

const isBracket = (s: string) => s.startsWith('[');

/**
 * Reads one leaf below `spring.cloud` (`full`: its path segments as written, from `spring`;
 * `scalar`: its value, asked for only where it decides something); `make` makes the setting a
 * mapping describes. Returns the document's record, made on the first leaf that concerns it.
 */
export function readScstLeaf(
  r: ScstDoc | undefined,
  full: string[],
  scalar: () => string,
  make: (m: ScstMapping) => Setting | undefined,
): ScstDoc | undefined {
  if (full.length < 4) return r;
  const c = (i: number) => (isBracket(full[i]) ? full[i] : canonicalSpringSegment(full[i]));
  if (c(1) !== 'cloud' || c(2) !== 'stream') return r;
  const area = c(3);
  const rec = (): ScstDoc =>
    r ??
    (r = {
      kafka: false,
      shared: [],
      bindings: new Map(),
      binderTypes: new Map(),
      binderSettings: new Map(),
      streams: false,
      streamsBindings: new Set(),
      transactionConfig: new Set(),
    });
  if (area === 'kafka') {
    if (full.length < 5) return r;
    const sub = c(4);
    if (sub === 'streams') {
      // The Kafka Streams binder: its bindings are KStreams, not the Kafka binder's clients.
      const y = rec();
      y.streams = true;
      if (full.length >= 7 && c(5) === 'bindings') y.streamsBindings.add(full[6]);
      return r;
    }
    const x = rec();
    x.kafka = true;
    if (sub === 'binder' && full.length === 6 && c(5) === 'auto-create-topics') x.noTopics = scalar().toLowerCase() === 'false';
    const m = mapScstKafkaPath(full);
    if (!m) {
      if (sub === 'bindings' && full.length >= 7) {
        const d = c(6);
        if (d === 'consumer' || d === 'producer') binding(x, full[5]).directions.add(d);
      }
      return r;
    }
    const s = make(m);
    if (m.binding === undefined) {
      if (s) x.shared.push(s);
      if (s && m.transaction) x.transactionConfig.add(s);
    } else {
      const b = binding(x, m.binding);
      b.kafka = true;
      if (m.role !== 'topic') b.directions.add(m.role as ScstDirection);
      if (s) b.settings.push(s);
    }
    return r;
  }
  if (area === 'default-binder') {
    const name = scalar();
    rec().defaultBinder = name;
    if (name.toLowerCase() === 'kafka') r!.kafka = true;
    return r;
  }
  if (area === 'binders' && full.length >= 10 && c(5) === 'environment') {
    // A binder's own environment (multi-binder setups): its settings, for the bindings it serves.
    const m = mapScstKafkaPath(full.slice(6));
    if (m && m.binding === undefined) {
      if (m.mapAt !== undefined) m.mapAt += 6;
      const s = make(m);
      const x = rec();
      if (s) x.binderSettings.set(full[4], [...(x.binderSettings.get(full[4]) ?? []), s]);
      if (s && m.transaction) x.transactionConfig.add(s);
    }
    return r;
  }
  if (area === 'binders' && full.length === 6 && c(5) === 'type') {
    const type = scalar().toLowerCase();
    rec().binderTypes.set(full[4], type);
    if (type === 'kafka') r!.kafka = true;
    return r;
  }
  if (area === 'default' && full.length === 5 && c(4) === 'group') {
    const s = make({ key: 'scst:group', role: 'consumer', precedence: SCST_PRECEDENCE.defaultProperty, kind: 'string' });
    if (s) rec().shared.push(s);
    return r;
  }
  if (area !== 'bindings' || full.length < 6) return r;
  const name = full[4];
  const b = binding(rec(), name);
  const prop = c(5);
  if (prop === 'consumer' || prop === 'producer') b.directions.add(prop);
  else if (prop === 'binder' && full.length === 6) b.binder = scalar();
  else if (prop === 'group' && full.length === 6) {
    b.directions.add('consumer');
    const s = make({ key: 'scst:group', role: 'consumer', precedence: SCST_PRECEDENCE.bindingProperty, binding: name, kind: 'string' });
    if (s) b.settings.push(s);
  }
  return r;
}

/**
 * Where a unit of a path below `spring.cloud.stream` is anchored: `scst:<binding>` for a binding
 * (`bindings.<b>.…`, `kafka.bindings.<b>.…`), `scst` for the binder's own (`kafka.binder`,
 * `kafka.default`); `at`, the index of the segment that names it.
 */
export function scstSlot(full: string[]): { slot: string; at: number } | undefined {
  const c = (i: number) => canonicalSpringSegment(full[i] ?? '');
  if (c(2) !== 'stream') return undefined;
  const area = c(3);
  if (area === 'bindings' && full.length >= 5) return { slot: `scst:${full[4]}`, at: 4 };
  if (area !== 'kafka' || full.length < 5) return undefined;
  const sub = c(4);
  if (sub === 'bindings') return full.length >= 6 ? { slot: `scst:${full[5]}`, at: 5 } : undefined;
  // `binder`, `default`, and an area the binder does not have (`kafka.brokers`, which unknown-key
  // reports): all of them the binder-wide units'.
  return { slot: 'scst', at: 4 };
}

export interface ScstGroup {
  role: Role;
  /** The binding; undefined: the binder-wide settings of a document without bindings. */
  binding?: string;
  /** In source order. */
  settings: Setting[];
}

const bySource = (a: Setting, b: Setting) => a.entrySpan.start - b.entrySpan.start || a.keySpan.start - b.keySpan.start;

/**
 * The Kafka binder's units of a document: one per binding and direction, with what the binder and
 * `default.*` set for every binding; without bindings, the binder-wide settings by role. Bindings
 * of another binder, and those that may be the Kafka Streams binder's, are left out.
 */
export function scstGroups(r: ScstDoc): ScstGroup[] {
  const out: ScstGroup[] = [];
  if (!r.kafka) return out;
  const kept: string[] = [];
  for (const [name, b] of r.bindings) {
    const type = b.binder ? r.binderTypes.get(b.binder) : undefined;
    if (type !== undefined && type !== 'kafka') continue;
    // With the Kafka Streams binder in the document, a binding without Kafka binder settings may be a KStream.
    if (r.streamsBindings.has(name) || (r.streams && !b.kafka && type !== 'kafka')) continue;
    kept.push(name);
    const byName = directionByName(name);
    const directions = b.directions.size ? b.directions : byName ? [byName] : [];
    const binder = b.binder ?? r.defaultBinder ?? (r.binderSettings.size === 1 ? [...r.binderSettings.keys()][0] : undefined);
    const shared = [...r.shared, ...((binder !== undefined && r.binderSettings.get(binder)) || [])];
    // A transactional binder makes every producer from `transaction.producer.*`: the bindings'
    // own (and `default.producer`) Kafka settings are ignored; without transactions those are.
    const tx = shared.some((s) => s.key === 'transactional.id' && (s.dynamic || s.value.trim() !== ''));
    const applies = (s: Setting) => s.role !== 'producer' || (tx ? !perBinding(r, s) : !r.transactionConfig.has(s));
    for (const d of directions) {
      const own = b.settings.filter((s) => s.role === d && applies(s));
      const settings = [...shared.filter((s) => (s.role === d || s.role === 'client') && applies(s)), ...own].sort(bySource);
      out.push({ role: d, binding: name, settings });
    }
  }
  // The topics the binder creates: the binder's replication factor, and a binding's own for its topic.
  if (!r.noTopics) {
    const topic = r.shared.filter((s) => s.role === 'topic');
    if (topic.length) out.push({ role: 'topic', settings: topic });
    for (const name of kept) {
      const own = r.bindings.get(name)!.settings.filter((s) => s.role === 'topic');
      if (own.length) out.push({ role: 'topic', binding: name, settings: own });
    }
  }
  // The binder's own settings for a direction no binding here has: they still reach the clients it
  // makes (bindings of other documents, StreamBridge's dynamic destinations), so their values count.
  const clients = r.shared.filter((s) => s.role !== 'topic');
  const roles = new Set(clients.map((s) => s.role));
  const bound = new Set(out.map((g) => g.role));
  for (const d of ['producer', 'consumer'] as const) {
    if (roles.has(d) && !bound.has(d)) out.push({ role: d, settings: clients.filter((s) => s.role === d || s.role === 'client').sort(bySource) });
  }
  if (!out.some((g) => g.role !== 'topic') && clients.length) out.push({ role: 'client', settings: [...clients].sort(bySource) });
  return out;
}

/** A Kafka setting of the producer `configuration` of a binding or of `default.producer`. */
function perBinding(r: ScstDoc, s: Setting): boolean {
  if (r.transactionConfig.has(s)) return false;
  return s.precedence === SCST_PRECEDENCE.bindingConfiguration || s.precedence === SCST_PRECEDENCE.defaultConfiguration;
}

/** Binder-wide findings (its `required-acks`) are reported once per document, at its first producer
 *  binding: the same span object as that unit's anchor, so an editor that moves the unit moves it too. */
export function markBinderAnchor(units: ConfigUnit[]): void {
  const first = units.find((u) => u.role === 'producer' && u.facts.binding?.name !== undefined);
  if (first) for (const u of units) if (u.role === 'producer' && u.facts.binding?.name !== undefined) u.facts.binding.at = first.anchor;
}
