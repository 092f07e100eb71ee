// The idempotent producer of librdkafka (facts §11.1; librdkafka `rd_kafka_conf_finalize` and
// `rd_kafka_topic_conf_finalize` in src/rdkafka_conf.c), shared by the rules that judge it:
// `enable.idempotence` is off by default. When it is on — set true, or implied by a
// `transactional.id` while `enable.idempotence` is left unset — librdkafka adjusts `acks`,
// `retries` and `max.in.flight` itself where the configuration leaves them unset, and refuses to
// create the producer where the configuration sets them against it: `acks` other than `all`,
// `retries` below 1, `max.in.flight` above 5. A `transactional.id` with `enable.idempotence=false`
// is refused too.

import type { ConfigUnit, Edit, Setting } from '../model.js';
import { effective } from '../model.js';
import type { RuleContext } from '../rule.js';
import { asBool, asInt, isDynamic, normAcks } from './util.js';
import { ACKS, IDEMPOTENCE, IN_FLIGHT, RETRIES, assignFor, combine, fixTitle, repairStart, transactionalId, type RepairPlan } from './idempotence.js';

/** librdkafka's own names of the properties the Java names alias (CONFIGURATION.md). (Literal
 *  keys: idempotence.ts, which defines the names, imports this module.) */
const OWN_NAME: Readonly<Record<string, string>> = {
  acks: 'request.required.acks',
  retries: 'message.send.max.retries',
  'max.in.flight.requests.per.connection': 'max.in.flight',
};

/** The most requests in flight librdkafka allows an idempotent producer (RD_KAFKA_IDEMP_MAX_INFLIGHT). */
export const RDK_MAX_IN_FLIGHT = 5;

/**
 * The setting in force for a property of a unit, under either of its names in a librdkafka unit
 * (`acks` or `request.required.acks`): the one written last.
 */
export function clientSetting(unit: ConfigUnit, key: string): Setting | undefined {
  const a = effective(unit, key);
  const own = OWN_NAME[key];
  if (unit.client !== 'librdkafka' || !own) return a;
  const b = effective(unit, own);
  if (!a || !b) return a ?? b;
  return b.entrySpan.start > a.entrySpan.start ? b : a;
}

export interface RdkIdempotence {
  /** The explicit enable.idempotence, if any. */
  setting?: Setting;
  /** The transactional.id that turns it on when enable.idempotence is unset. */
  tid?: Setting;
  /** Idempotence is on; undefined when a dynamic value decides it. */
  on: boolean | undefined;
  /** Explicit settings librdkafka refuses while idempotence is on: acks≠all, retries<1, max.in.flight>5. */
  conflicts: Setting[];
}

/** The idempotence of a librdkafka producer unit. */
export function rdkIdempotence(unit: ConfigUnit): RdkIdempotence {
  const setting = effective(unit, IDEMPOTENCE);
  const tid = transactionalId(unit);
  let on: boolean | undefined;
  if (setting) on = isDynamic(setting) ? undefined : asBool(setting.value);
  else on = !!tid;
  const conflicts: Setting[] = [];
  const acks = clientSetting(unit, ACKS);
  if (acks && !isDynamic(acks) && normAcks(acks.value) !== 'all') conflicts.push(acks);
  const retries = clientSetting(unit, RETRIES);
  const r = retries && !isDynamic(retries) ? asInt(retries.value) : undefined;
  if (retries && r !== undefined && r < 1) conflicts.push(retries);
  const inFlight = clientSetting(unit, IN_FLIGHT);
  const n = inFlight && !isDynamic(inFlight) ? asInt(inFlight.value) : undefined;
  if (inFlight && n !== undefined && n > RDK_MAX_IN_FLIGHT) conflicts.push(inFlight);
  return { ...(setting ? { setting } : {}), ...(tid && !setting ? { tid } : {}), on, conflicts };
}

/**
 * Edits that let a librdkafka producer be created with idempotence on: optionally set
 * enable.idempotence=true, then `acks` to `all`, `max.in.flight` to 5, and remove a `retries`
 * below 1 (librdkafka then retries as long as `message.timeout.ms` allows). Null when an edit is
 * impossible.
 */
export function rdkIdempotenceRepair(ctx: RuleContext, unit: ConfigUnit, setIdempotence: boolean): RepairPlan | null {
  const f = ctx.fixer;
  const { lists, sets, removes } = repairStart(ctx, unit, setIdempotence);
  for (const c of rdkIdempotence(unit).conflicts) {
    if (c === clientSetting(unit, RETRIES)) {
      lists.push(f.remove(unit, c));
      removes.push(f.show(unit, c));
      continue;
    }
    const value = c === clientSetting(unit, ACKS) ? 'all' : String(RDK_MAX_IN_FLIGHT);
    lists.push(f.setValue(unit, c, value));
    sets.push(assignFor(ctx, unit, c, value));
  }
  const edits = combine(lists);
  return edits && edits.length ? { edits, title: fixTitle(ctx, sets, removes) } : null;
}

/**
 * The fix of one acks or retries conflict (`max.in.flight`'s is `max-in-flight`'s: undefined):
 * `acks` set to `all`, a `retries` below 1 removed.
 */
export function conflictFix(ctx: RuleContext, unit: ConfigUnit, d: Setting): { isAcks: boolean; edits: Edit[]; title: string } | undefined {
  if (d === clientSetting(unit, IN_FLIGHT)) return undefined;
  const f = ctx.fixer;
  const isAcks = d === clientSetting(unit, ACKS);
  return isAcks
    ? { isAcks, edits: f.setValue(unit, d, 'all'), title: fixTitle(ctx, [assignFor(ctx, unit, d, 'all')], []) }
    : { isAcks, edits: f.remove(unit, d), title: fixTitle(ctx, [], [f.show(unit, d)]) };
}
