// The rule registry: one file per rule, file name = rule id (RULES.md is the contract).
import type { Rule } from '../rule.js';
import acks from './acks.js';
import retries from './retries.js';
import idempotence from './idempotence.js';
import maxInFlight from './max-in-flight.js';
import deliveryTimeout from './delivery-timeout.js';
import transactionalId from './transactional-id.js';
import saramaIdempotent from './sarama-idempotent.js';
import saramaErrors from './sarama-errors.js';
import removedKey from './removed-key.js';
import minInsyncReplicas from './min-insync-replicas.js';
import replicationFactor from './replication-factor.js';
import minIsrVsReplication from './min-isr-vs-replication.js';
import uncleanLeaderElection from './unclean-leader-election.js';
import flushPolicy from './flush-policy.js';
import autoCreateTopics from './auto-create-topics.js';
import envVarImage from './env-var-image.js';
import autoCommit from './auto-commit.js';
import autoOffsetReset from './auto-offset-reset.js';
import isolationLevel from './isolation-level.js';
import invalidValue from './invalid-value.js';
import unknownKey from './unknown-key.js';
import duplicateKey from './duplicate-key.js';

export const allRules: Rule[] = [
  acks,
  retries,
  idempotence,
  maxInFlight,
  deliveryTimeout,
  transactionalId,
  saramaIdempotent,
  saramaErrors,
  removedKey,
  minInsyncReplicas,
  replicationFactor,
  minIsrVsReplication,
  uncleanLeaderElection,
  flushPolicy,
  autoCreateTopics,
  envVarImage,
  autoCommit,
  autoOffsetReset,
  isolationLevel,
  invalidValue,
  unknownKey,
  duplicateKey,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
