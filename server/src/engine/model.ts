// The one settings model every parser produces and every rule reads.
// Positions are UTF-16 offsets into the document string (JS string indices); line/column
// conversion happens only at the edges (CLI, server).

import type { EmbeddedFile } from './embedded.js';

export interface Span {
  start: number;
  end: number;
}

export type Format = 'properties' | 'yaml' | 'go';

/** Where in the ecosystem a unit of configuration lives. */
export type Surface =
  | 'kafka-properties' // plain Java client / broker / topic .properties
  | 'spring-properties' // Spring Boot application*.properties (spring.kafka.*)
  | 'spring-yaml' // Spring Boot application*.yml (spring.kafka.*)
  | 'strimzi-kafka' // Strimzi Kafka CR, spec.kafka.config
  | 'strimzi-topic' // Strimzi KafkaTopic CR, spec.replicas + spec.config
  | 'strimzi-nodepool' // Strimzi KafkaNodePool (broker count only)
  | 'cfk-kafka' // Confluent for Kubernetes Kafka CR, spec.configOverrides.server (`key=value` lines)
  | 'cfk-topic' // Confluent for Kubernetes KafkaTopic CR, spec.replicas + spec.configs
  | 'compose' // docker-compose service running a Kafka image
  | 'spring-env' // Spring Boot settings in environment variables (SPRING_KAFKA_*) of a compose service or Kubernetes container
  | 'k8s-broker' // a Kubernetes workload's container running a Kafka image (its env list)
  | 'sarama' // Go sarama.Config
  | 'kafka-go' // Go segmentio/kafka-go: a kafka.Writer{...} literal (or a group ReaderConfig)
  | 'confluent-kafka-go'; // Go confluent-kafka-go: a kafka.ConfigMap{...} literal (librdkafka properties)

/**
 * Kafka role of a unit. 'client' = settings for some client whose kind could not be told
 * (a plain file with only bootstrap.servers, spring.kafka.properties[...] shared by all clients).
 */
export type Role = 'producer' | 'consumer' | 'broker' | 'topic' | 'admin' | 'streams' | 'client';

/** Which implementation reads the settings: decides defaults and semantics. */
export type Client = 'java' | 'sarama' | 'librdkafka' | 'kafka-go' | 'broker';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Setting {
  /**
   * Canonical key: the Kafka property name (`acks`, `min.insync.replicas`).
   * Settings with no Kafka property behind them use a namespaced key:
   *   `spring:listener.ack-mode`, `sarama:Producer.Return.Errors`, `sarama:Version`.
   * Strimzi KafkaTopic `spec.replicas` is `replication.factor` (role 'topic').
   */
  key: string;
  /** The key as written, as a user would recognise it: `spring.kafka.producer.acks`,
   *  `KAFKA_MIN_INSYNC_REPLICAS`, `cfg.Producer.RequiredAcks`, `acks`. */
  sourceKey: string;
  role: Role;
  /**
   * The value, decoded: properties escapes resolved, YAML scalar as string, Go expression
   * normalised to the Kafka meaning (`sarama.WaitForAll` -> `all`, `sarama.OffsetOldest` ->
   * `earliest`, `1` -> `1`, `true`). For `${VAR:default}` it is the default. Empty string when absent.
   */
  value: string;
  /** The value text exactly as it stands in the source (without YAML quotes). */
  rawValue: string;
  /** The value cannot be known statically (`${VAR}`, a Go variable or call). Never judged. */
  dynamic: boolean;
  /** The value is the default of a placeholder `${VAR:default}`; rules judge it and say so. */
  placeholderDefault?: boolean;
  keySpan: Span;
  /** Span of the value text as written (inside quotes for quoted YAML scalars). */
  valueSpan: Span;
  /** The whole entry: `key=value` line(s), YAML pair, env entry, Go assignment statement. */
  entrySpan: Span;
  /**
   * Within one unit, the higher precedence wins; on a tie the later one wins.
   * Spring: spring.kafka.properties[x] = 0, dedicated key (producer.acks) = 1,
   * producer.properties[x] = 2; a Spring Boot variable's spelling of a dedicated key ranks within
   * [1, 2) (springEnv.ts). Everything else: 1.
   */
  precedence: number;
  /** Parser-private data the format editor needs (YAML node, quote style, env form...). */
  ext?: unknown;
}

/** See `UnitFacts.clusterDefaults`. */
export interface ClusterDefaults {
  from: string;
  'min.insync.replicas'?: string;
  'default.replication.factor'?: string;
}

export interface UnitFacts {
  /** Known broker count: Strimzi node pools/replicas, compose Kafka services. */
  brokerCount?: number;
  /** Container image family of a compose service. */
  image?: 'bitnami' | 'confluent' | 'apache' | 'debezium';
  imageName?: string;
  /** Spring profile(s) the document is active for (spring.config.activate.on-profile / file name). */
  profile?: string;
  /** The cloud platform a Spring document is active on (`spring.config.activate.on-cloud-platform`). */
  cloudPlatform?: string;
  /** sarama: constructors the config is passed to. */
  saramaConstructors?: { name: string; span: Span }[];
  /**
   * Go: a package-level config that more than one file of the package sets, or passes to a
   * constructor (`var Config = sarama.NewConfig()` in options.go, set in main.go). Each of those
   * files has a unit for it with the same settings, its own and, inherited, the others'. A finding
   * about settings goes to the file that writes the one it starts from (`reportAt`); one about
   * what is unset, to the file that makes the config: the others' `anchor` is a place there.
   */
  sharedAcrossFiles?: true;
  /** sarama: package qualifier used in the file (usually `sarama`). */
  saramaAlias?: string;
  /** How the role was decided, for messages ("consumer config (from the file name)"). */
  roleEvidence?: 'filename' | 'keys' | 'structure';
  /**
   * kafka-go: a `kafka.WriterConfig` literal, for the deprecated `kafka.NewWriter`, which reads its
   * `RequiredAcks` 0 (and so an unset one) as all (`unitDefault`).
   */
  kafkaGoWriterConfig?: true;
  /** Strimzi: metadata.name of the resource; compose: the service name. */
  resourceName?: string;
  /**
   * compose: environment variables the service's image ignores (Bitnami `KAFKA_MIN_INSYNC_REPLICAS`,
   * `KAFKA_CFG_*` on Confluent/Apache images). They are NOT settings of the unit: the broker
   * never sees them. `intendedKey` is the Kafka key the author evidently meant.
   */
  ignoredEnv?: IgnoredEnv[];
  /**
   * The Kafka version the file itself states for this unit: a Strimzi `Kafka` resource's
   * `spec.kafka.version` (and its topics'), a compose service's image tag. It decides the unit's
   * defaults and removed keys instead of the configured target (`kafkaVersionOf` in rule.ts).
   * `from` names the statement for messages and hovers (`spec.kafka.version`, `bitnami/kafka:3.7.0`).
   */
  kafkaVersion?: { version: string; from: string };
  /**
   * A Strimzi `KafkaTopic`: what the `Kafka` resource of its cluster (`strimzi.io/cluster`), in the
   * same file, writes in `spec.kafka.config` for topics that do not set it themselves; integers as
   * written, nothing dynamic. `from` names that resource for messages (`kafka/my-cluster`).
   */
  clusterDefaults?: ClusterDefaults;
  /**
   * Spring Cloud Stream's Kafka binder: the unit is a binding's consumer or producer (`name`), or,
   * in a document without bindings, what the binder sets for all of them (no `name`). Its settings
   * are the binder's (`spring.cloud.stream.kafka.*`) on top of Spring Boot's (`inherited`).
   */
  binding?: {
    name?: string;
    /** Where binder-wide findings about a producer binding are reported (one place per document). */
    at?: Span;
  };
  /**
   * The unit holds only part of its client's configuration: Spring Boot settings a compose service
   * or a Kubernetes container passes in its environment, on top of the application's own files,
   * which the file does not show. What it sets is judged; what it leaves unset is not
   * (`definitelyProducer`).
   */
  partial?: true;
  /**
   * confluent-kafka-go: the consumer made from this config is used, in the function that makes it,
   * only for these calls (offsets, metadata), none of which fetches a message; it is not returned,
   * stored or passed on. What it leaves unset (auto-commit, offset reset) cannot lose a message,
   * so it is not judged (`definitelyConsumer`).
   */
  readsNoMessages?: string[];
  /**
   * Keys an operator sets itself when the resource leaves them unset, to values this file does not
   * show: Confluent for Kubernetes picks `default.replication.factor` and `min.insync.replicas`
   * from the broker count (cfk.ts). Unset, they are not judged against Kafka's defaults.
   */
  operatorSets?: { keys: readonly string[]; by: string };
  /**
   * The ConfigMaps and Secrets of this file a Kubernetes container reads variables from, through
   * `envFrom` or an `env` item's `valueFrom` (`ConfigMap kafka-env`): settings of the unit written
   * in those resources (envFrom.ts).
   */
  envFrom?: string[];
  /**
   * Sources of variables this file does not show (`ConfigMap kafka-env (envFrom)` in Kubernetes,
   * `kafka.env (env_file)` in compose): they may set any variable, so what the unit leaves unset is
   * not judged against Kafka's defaults (`unsetUnknown` in rules/util.ts).
   */
  envElsewhere?: string[];
  /** The env files of a compose service that the host read (`kafka.env (env_file)`): their variables are settings of the unit, reported at the `env_file` entry. */
  envFilesRead?: string[];
  /**
   * `spring-env`: the compose service or Kubernetes container whose variables these are (an id
   * unique in the file). Each is its own application: its units say nothing about another's.
   */
  holder?: string;
}

/** Spring Boot's settings: an application file's `spring.kafka.*`, or the `SPRING_KAFKA_*` variables of a compose service or Kubernetes container. */
export function isSpringBoot(unit: ConfigUnit): boolean {
  return unit.surface === 'spring-yaml' || unit.surface === 'spring-properties' || unit.surface === 'spring-env';
}

export interface IgnoredEnv {
  name: string;
  intendedKey: string;
  /** The variable name the image does read for intendedKey (`KAFKA_CFG_MIN_INSYNC_REPLICAS`). */
  suggestedName: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
  entrySpan: Span;
  /** Set in this env file (compose `env_file`): the spans are its `env_file` entry's, and nothing is edited there. */
  envFile?: string;
}

/** One scope of configuration: a properties file, a Spring document's producer section,
 *  a Strimzi resource, a compose service, a sarama.Config variable. */
export interface ConfigUnit {
  /** Unique within the file, stable across edits that do not restructure it. */
  id: string;
  surface: Surface;
  format: Format;
  role: Role;
  client: Client;
  /** Settings in source order. */
  settings: Setting[];
  /** Where findings about a missing setting are reported (a short span: the first key,
   *  `sarama.NewConfig()`, the `config:` key, the service name...). */
  anchor: Span;
  /** The whole unit. */
  span: Span;
  facts: UnitFacts;
  /**
   * Settings other documents make for this unit, by key: Spring Boot applies every document
   * without a profile condition, and a profile's documents (and profile files, on top of
   * application.yml) over them (springProfiles.ts). Read through `effective()`,
   * never listed in `settings`; rules judge them where they are written, not here (a report at
   * one of their spans is dropped: `isInheritedSpan`), and fixes never edit them there (fixer.ts).
   */
  inherited?: ReadonlyMap<string, Setting>;
  /**
   * Settings that come on top of the unit's own of the same key whenever its document applies: the
   * same Spring property set again in a later document with the same conditions, or in a file read
   * over this one (`application-prod.yml` over `application.yml`'s `on-profile: prod` documents;
   * springProfiles.ts `linkSpringOverrides`). Copies like `inherited`'s; read through `effective()`,
   * so an own setting they beat is judged by what wins (`duplicate-key` reports the one that loses).
   */
  overriddenBy?: ReadonlyMap<string, Setting>;
  /**
   * Settings of `settings` that a run can leave in effect although `effective()` names a later
   * one of their key (Go: written in an if's or a switch case's branch that the later assignment's
   * run skips). The rules judge each as if it were in effect (index.ts, `alternativeFindings`).
   */
  alternatives?: Setting[];
  /** Parser-private data the format editor needs to insert settings. */
  ext?: unknown;
}

export interface ParseError {
  message: string;
  span: Span;
  /** What went wrong, for the `syntax-error` finding's own words: the `yaml` package's error code
   *  (`BAD_INDENT`, `DUPLICATE_KEY`, ...) or `MALFORMED_UNICODE` (.properties). */
  code?: string;
  /** DUPLICATE_KEY: the key's first occurrence, and the whole pair of each occurrence. */
  duplicate?: { firstKey: Span; pairs: [Span, Span] };
  /** YAML: an error after the first one of its document (other than a repeated key), which mostly follows from that one. */
  knockOn?: boolean;
}

export interface Comment {
  /** The whole comment including its marker. */
  span: Span;
  /** The text after the marker (`#`, `!`, `//`), untrimmed. */
  text: string;
  /** True when nothing but whitespace precedes the comment on its line. */
  ownLine: boolean;
}

export interface ParsedFile {
  path: string;
  text: string;
  format: Format;
  units: ConfigUnit[];
  errors: ParseError[];
  comments: Comment[];
  /** The file's dominant line ending, used for inserted lines. */
  eol: '\n' | '\r\n' | '\r';
  /**
   * Files this one holds (a ConfigMap's `application.yml: |`), in order: each is linted as the
   * file it is, and its findings moved here (index.ts, embedded.ts).
   */
  embedded?: EmbeddedFile[];
}

/** Text edit in UTF-16 offsets of the original text. */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: Edit[];
  /** The fix a quick-fix UI should offer first / `--fix` applies. At most one per finding. */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  /** Other places the finding is about (settings a Spring profile inherits; LSP relatedInformation). */
  related?: RelatedPlace[];
}

/** A place a finding is about that is not where it is reported. */
export interface RelatedPlace {
  /** The file, as the caller named it (`LintInput.springBase`); absent: the finding's own file. */
  path?: string;
  span: Span;
  /** Already localised. */
  message: string;
}

/**
 * Returns the winning setting for a key in a unit (highest precedence, then last), counting
 * what the unit inherits from other documents (below its own settings of the same precedence)
 * and what later documents or files set over it (`overriddenBy`, above them).
 */
export function effective(unit: ConfigUnit, key: string): Setting | undefined {
  const best = unitEffective(unit, key);
  const over = unit.overriddenBy?.get(key);
  return over && (!best || over.precedence >= best.precedence) ? over : best;
}

/** The winner of a key in the unit itself, before what later documents and files set over it (`effective` without `overriddenBy`). */
export function unitEffective(unit: ConfigUnit, key: string): Setting | undefined {
  let best: Setting | undefined;
  // (An index, not for-of: rules ask this ~10,000 times in the first lint of a large file, which
  // runs before V8's optimizing compiler has compiled anything, and there an array iterator
  // costs a call and an object per step.)
  const settings = unit.settings;
  for (let i = 0; i < settings.length; i++) {
    const s = settings[i];
    if (s.key !== key) continue;
    if (!best || s.precedence >= best.precedence) best = s;
  }
  const inherited = unit.inherited?.get(key);
  if (inherited && (!best || inherited.precedence > best.precedence)) best = inherited;
  return best;
}

/**
 * A KRaft controller that is not also a broker (`process.roles` without `broker`): it stores no
 * partitions, answers no client requests and runs no group or transaction coordinator, so the
 * broker-side settings for those (`auto.create.topics.enable`, the internal topics' replication
 * factors) do nothing there. It does decide `default.replication.factor` for topics created with -1.
 */
export function controllerOnly(unit: ConfigUnit): boolean {
  if (unit.role !== 'broker') return false;
  const roles = effective(unit, 'process.roles');
  if (!roles || roles.dynamic || roles.value.trim() === '') return false;
  return !roles.value.split(',').some((r) => r.trim() === 'broker');
}

/** The spans of inherited settings (copies made for `ConfigUnit.inherited`), with the file that
 *  writes the setting (undefined: another document of the same file). */
const inheritedSpans = new WeakMap<Span, { path?: string }>();

/** A span that reads its offsets from another (which an editor may move in place). */
class SpanView implements Span {
  constructor(private readonly of: Span) {}
  get start(): number {
    return this.of.start;
  }
  get end(): number {
    return this.of.end;
  }
}

function viewOf(span: Span, origin: { path?: string }): Span {
  const view = new SpanView(span);
  inheritedSpans.set(view, origin);
  return view;
}

/** A place in the file at `path` (another file than the unit's), for a unit's `anchor`: a finding there is dropped (isInheritedSpan). */
export function elsewhereSpan(span: Span, path: string): Span {
  return viewOf(span, { path });
}

/** A copy of a setting another document makes, for `ConfigUnit.inherited`: its spans are its own
 *  objects (see isInheritedSpan) that read the original's offsets. `path`: the file that makes it,
 *  when it is not the unit's own. */
export function inheritedCopy(s: Setting, path?: string): Setting {
  const origin = path === undefined ? {} : { path };
  return { ...s, keySpan: viewOf(s.keySpan, origin), valueSpan: viewOf(s.valueSpan, origin), entrySpan: viewOf(s.entrySpan, origin) };
}

/** The file an inherited setting is written in (undefined: the unit's own file, or not inherited). */
export function inheritedPath(s: Setting): string | undefined {
  return inheritedSpans.get(s.keySpan)?.path;
}

/** Whether a span is one of an inherited setting's (a finding there belongs to the document that writes it). */
export function isInheritedSpan(span: Span): boolean {
  return inheritedSpans.has(span);
}

/** Whether a setting is one a unit inherits (written in another document or file: never edited from here). */
export function isInherited(s: Setting): boolean {
  return inheritedSpans.has(s.keySpan);
}

/** All occurrences of a key in a unit, in source order. */
export function occurrences(unit: ConfigUnit, key: string): Setting[] {
  return unit.settings.filter((s) => s.key === key);
}

/** Whether two lists hold the same items in the same order (compared with ===). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
