import type { ConfigUnit, Fix, Format, ParsedFile, Setting, Severity, Span, Surface } from './model.js';
import type { L10n, Locale, MessageData } from './l10n.js';
import type { Fixer } from './fixer.js';
import type { ResolvedOptions } from './options.js';
import { unitKafkaVersion } from './options.js';

export interface RuleExample {
  /** The surface the example is written for; the meta-test lints it as `path`. */
  surface: Surface;
  /** File name the example is linted as (decides format and detection), e.g. `producer.properties`. */
  path: string;
  /** Triggers the rule. */
  bad: string;
  /** Does not trigger the rule. */
  good: string;
  /** Heading when the surface alone does not say it (a Spring Cloud Stream binder in `application.yml`). */
  title?: L10n;
}

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: L10n;
  /** Why it matters: the loss or duplication scenario. */
  why: L10n;
  /** How to fix it, and what the fix costs. */
  fix: L10n;
  /** Kafka docs, KIPs, client docs. */
  references: { title: string; url: string }[];
  examples: RuleExample[];
}

export interface RuleMeta {
  /** Kebab-case id, equal to the file name. A contract: users write it in settings and comments. */
  id: string;
  /** The severities the rule can report, most severe first (from RULES.md). */
  severities: Severity[];
  /** Formats the rule is verified on; the engine runs it only on these. */
  formats: Format[];
  category: 'producer' | 'broker' | 'consumer' | 'any';
  /** Whether findings usually carry a fix. */
  fixable: boolean;
  /**
   * What the rule reads to judge a unit (performance only, never visible in findings):
   * 'unit' = the unit itself and the text of its document (and, through `allUnits`, only which
   * surfaces have a producer unit: see `producerSurfaces`), so an editor may reuse its findings for
   * a document whose text and facts did not change; 'file' (the default) = other units too, run
   * on the whole file every time.
   */
  scope?: 'unit' | 'file';
  /** A 'unit' rule whose messages name line numbers: reused findings must also keep their line. */
  linesInMessages?: boolean;
  /**
   * A 'unit' rule whose findings for a unit also depend on a few facts of other units (a
   * transactional producer elsewhere in the file, a listener ack mode of another document) says
   * which, as a string: when it changes, the rule runs again on every unit.
   */
  fileKey?: (file: ParsedFile) => string;
  docs: RuleDocs;
}

// A rule with scope 'unit' may be run on a view of the file that holds only some of its units;
// `allUnits` gives every unit of the file it is a view of.
const wholeUnits = new WeakMap<ParsedFile, ConfigUnit[]>();

/** A view of `file` with only `units` (for rules with scope 'unit'). */
export function fileView(file: ParsedFile, units: ConfigUnit[]): ParsedFile {
  const view: ParsedFile = { ...file, units };
  wholeUnits.set(view, allUnits(file));
  return view;
}

/** Every unit of the file, also when a rule sees a view of it. */
export function allUnits(file: ParsedFile): ConfigUnit[] {
  return wholeUnits.get(file) ?? file.units;
}

/** The surfaces that have a producer unit in the file: all a 'unit' rule may know of other units. */
export function producerSurfaces(file: ParsedFile): string {
  const s = new Set<string>();
  // (Spring Boot's producers and the Kafka binder's count apart: idempotence.ts producerLike.)
  for (const u of allUnits(file)) if (u.role === 'producer') s.add(u.facts.binding ? `${u.surface}:binder` : u.surface);
  return [...s].sort().join(',');
}

export interface Report {
  severity: Severity;
  /** Already localised (use ctx.t). */
  message: string;
  span: Span;
  fixes?: Fix[];
  /**
   * The unit and the settings the message names. Those the unit inherits (a Spring profile from
   * its base document or file) become the finding's related places: where they are written.
   */
  about?: { unit: ConfigUnit; settings: (Setting | undefined)[] };
}

export interface RuleContext {
  file: ParsedFile;
  options: ResolvedOptions;
  locale: Locale;
  /** Localise a template. */
  t(msg: L10n, data?: MessageData): string;
  report(report: Report): void;
  /** Format-aware edits and spellings for this file. */
  fixer: Fixer;
  /**
   * The default a setting has in this unit when unset, for the unit's client and Kafka version
   * (`kafkaVersionOf`); `source` says which assumption that is, e.g. "Kafka 4.0 default",
   * "sarama v1.45.0 default".
   */
  defaultOf(unit: ConfigUnit, key: string): { value: string; source: string } | undefined;
  /** Make a fix object; title is already localised. */
  makeFix(title: string, safety: Fix['safety'], edits: Fix['edits'], preferred?: boolean): Fix;
}

/**
 * The Kafka version whose defaults and keys apply to a unit: the version its file states for it
 * (`UnitFacts.kafkaVersion`: Strimzi `spec.kafka.version`, a compose image tag), else the
 * configured target. Rules never read `options.kafkaVersion` directly. (A function, not a closure
 * on the context: as a closure, the compiled code of the rules that call it was thrown away after
 * each lint, "weak objects" in `--trace-deopt`, which `test/engine/shapes.test.ts` counts.)
 */
export function kafkaVersionOf(ctx: RuleContext, unit: ConfigUnit): string {
  return unitKafkaVersion(unit, ctx.options);
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { Setting };
