// Knowledge base facade. CONTRACT (implemented by the knowledge module):
// - keys and defaults per version come from ../../../../shared/reference TSVs, generated into
//   kafkaKeys.generated.ts by scripts/gen-knowledge.mjs; 4.x changes from facts.md.
// - every function is pure and never throws.

import type { Client, Role } from '../model.js';
import type { L10n } from '../l10n.js';

export interface KeyInfo {
  key: string;
  role: Role;
  type?: string;
  /** Default in the newest documented version. */
  defaultValue?: string;
  validValues?: string;
  importance?: string;
  /** First Kafka version that documents the key for this role, e.g. `0.11.0`. */
  since?: string;
  /** Last version that documents it, when removed. */
  removedAfter?: string;
}

export interface RemovedKey {
  key: string;
  /** Version in which it stopped being read, e.g. `2.0`. */
  removedIn: string;
  /** 1:1 successor key, when one exists. */
  successor?: string;
  /** Why it is gone / what replaces it. */
  note: L10n;
}

export interface ValueProblem {
  /** Allowed values when the key is an enum (each becomes a quick fix). */
  allowed?: string[];
  reason: L10n;
}

export interface DefaultInfo {
  value: string;
  /** The assumption, e.g. "Kafka 4.0 default", "sarama v1.45.0 default", "spring-kafka default". */
  source: string;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Catalog entry of a key for a role ('client' matches producer, consumer or admin). */
export function lookupKey(_key: string, _role: Role): KeyInfo | undefined {
  return undefined;
}

/** Whether Kafka `version` reads this key for this role. */
export function isKnownKey(_key: string, _role: Role, _kafkaVersion: string): boolean {
  return true;
}

/** Default of a key for a client and version; undefined when there is none or it is unknown. */
export function defaultFor(
  _key: string,
  _role: Role,
  _client: Client,
  _versions: { kafkaVersion: string; saramaVersion?: string },
): DefaultInfo | undefined {
  return undefined;
}

/** "Did you mean" candidates for an unknown key, best first. */
export function suggestKeys(_key: string, _role: Role): string[] {
  return [];
}

/** Keys the Java client or broker no longer reads (Scala producer, removed in 0.11/2.0, ...). */
export function removedKey(_key: string, _role: Role): RemovedKey | undefined {
  return undefined;
}

/** Problem with a value for the key's type / enum, or undefined when it is fine. */
export function checkValue(_key: string, _role: Role, _value: string): ValueProblem | undefined {
  return undefined;
}
