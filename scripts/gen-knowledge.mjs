#!/usr/bin/env node
// Generates server/src/engine/knowledge/kafkaKeys.generated.ts from the Apache Kafka key catalog
// (shared/reference/kafka-config-keys.tsv, kafka-defaults-by-version.tsv, both cut at 3.9) plus the
// 4.0 changes listed below, each checked against a primary source. The output is committed so that
// builds never need the reference directory.
//
// Usage: node scripts/gen-knowledge.mjs [--ref <reference dir>] [--out <file>]
//   --ref  defaults to ../shared/reference next to the repository
//   --out  defaults to server/src/engine/knowledge/kafkaKeys.generated.ts

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const refDir = resolve(arg('--ref') ?? join(repoRoot, '..', 'shared', 'reference'));
const outFile = resolve(arg('--out') ?? join(repoRoot, 'server/src/engine/knowledge/kafkaKeys.generated.ts'));

// Release folders of the catalog and the 4.0 release this script adds.
const VERSIONS = [
  '0.8.0', '0.8.1', '0.8.2', '0.9.0', '0.10.0', '0.10.1', '0.10.2', '0.11.0', '1.0', '1.1',
  '2.0', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8',
  '3.0', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '4.0',
];
const vIdx = (v) => {
  const i = VERSIONS.indexOf(v);
  if (i < 0) throw new Error(`unknown version ${v}`);
  return i;
};

/** Release folder (`081`, `0110`, `28`) -> version (`0.8.1`, `0.11.0`, `2.8`). */
function folderToVersion(f) {
  if (f.startsWith('0')) {
    const rest = f.slice(1);
    if (rest.length === 1) return `0.${rest}.0`;
    if (rest.length === 2) return `0.${rest[0]}.${rest[1]}`;
    return `0.${rest.slice(0, 2)}.${rest[2]}`;
  }
  return `${f[0]}.${f.slice(1)}`;
}

/** Tab-separated, no quoting at all (the files contain literal `""`). */
function readTsv(file) {
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/\r$/, ''));
  const header = lines[0].split('\t');
  return lines
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => {
      const cells = l.split('\t');
      const row = {};
      header.forEach((h, i) => (row[h] = cells[i] ?? ''));
      return row;
    });
}

const TABLE_ROLE = {
  producer_config: 'producer',
  consumer_config: 'consumer',
  kafka_config: 'broker',
  topic_config: 'topic',
  admin_client_config: 'admin',
  streams_config: 'streams',
  connect_config: 'connect',
};

// ---------------------------------------------------------------------------------------------
// Kafka 4.0 (not in the 3.9-cut TSVs). Sources:
//  [T40] apache/kafka-site 40/generated/{kafka,producer,consumer}_config.html (read in full, compared
//        key by key with the 3.9 rows) and 40/generated/topic_config.html (reference/kafka-config-keys.md
//        "Beyond 3.9").
//  [UP4] apache/kafka docs/getting-started/upgrade.md, "Notable changes in 4.0.0".
// Admin, streams and connect 4.0 tables were not read: only the removals [UP4] lists as "Common"
// apply to them. UNVERIFIED for any other 4.0 change of those roles.

/** Keys documented in 3.9 that 4.0 no longer documents, per role. */
const REMOVED_IN_40 = {
  // [T40] broker table: 40 keys gone. ZooKeeper mode is removed in 4.0 [UP4]; the others are
  // listed in [UP4] (delegation.token.master.key, offsets.commit.required.acks (KIP-1041),
  // log.message.format.version, log.message.timestamp.difference.max.ms (KIP-937),
  // auto.include.jmx.reporter) or simply absent from the 4.0 table.
  broker: [
    'auto.include.jmx.reporter', 'broker.id.generation.enable', 'control.plane.listener.name',
    'controlled.shutdown.max.retries', 'controlled.shutdown.retry.backoff.ms', 'delegation.token.master.key',
    'eligible.leader.replicas.enable', 'inter.broker.protocol.version', 'leader.imbalance.per.broker.percentage',
    'log.message.downconversion.enable', 'log.message.format.version', 'log.message.timestamp.difference.max.ms',
    'offsets.commit.required.acks', 'password.encoder.cipher.algorithm', 'password.encoder.iterations',
    'password.encoder.key.length', 'password.encoder.keyfactory.algorithm', 'password.encoder.old.secret',
    'password.encoder.secret', 'reserved.broker.max.id', 'zookeeper.clientCnxnSocket', 'zookeeper.connect',
    'zookeeper.connection.timeout.ms', 'zookeeper.max.in.flight.requests', 'zookeeper.metadata.migration.enable',
    'zookeeper.session.timeout.ms', 'zookeeper.set.acl', 'zookeeper.ssl.cipher.suites', 'zookeeper.ssl.client.enable',
    'zookeeper.ssl.crl.enable', 'zookeeper.ssl.enabled.protocols', 'zookeeper.ssl.endpoint.identification.algorithm',
    'zookeeper.ssl.keystore.location', 'zookeeper.ssl.keystore.password', 'zookeeper.ssl.keystore.type',
    'zookeeper.ssl.ocsp.enable', 'zookeeper.ssl.protocol', 'zookeeper.ssl.truststore.location',
    'zookeeper.ssl.truststore.password', 'zookeeper.ssl.truststore.type',
  ],
  // [T40] + [UP4] "The auto.include.jmx.reporter configuration was removed."
  producer: ['auto.include.jmx.reporter'],
  consumer: ['auto.include.jmx.reporter'],
  admin: ['auto.include.jmx.reporter'],
  streams: ['auto.include.jmx.reporter'],
  connect: ['auto.include.jmx.reporter'],
  // kafka-config-keys.md "Beyond 3.9" (40/generated/topic_config.html).
  topic: ['message.downconversion.enable', 'message.format.version', 'message.timestamp.difference.max.ms'],
};

/** Keys first documented in 4.0: [key, role, type, default, valid values, importance]. [T40] */
const ADDED_IN_40 = [
  ['add.partitions.to.txn.retry.backoff.max.ms', 'broker', 'int', '100', '[0,...]', 'high'],
  ['add.partitions.to.txn.retry.backoff.ms', 'broker', 'int', '20', '[1,...]', 'high'],
  ['remote.list.offsets.request.timeout.ms', 'broker', 'long', '30000 (30 seconds)', '[1,...]', 'medium'],
  ['share.coordinator.append.linger.ms', 'broker', 'int', '10', '[0,...]', 'medium'],
  ['share.coordinator.load.buffer.size', 'broker', 'int', '5242880', '[1,...]', 'high'],
  ['share.coordinator.snapshot.update.records.per.snapshot', 'broker', 'int', '500', '[0,...]', 'medium'],
  ['share.coordinator.state.topic.compression.codec', 'broker', 'int', '0', '', 'high'],
  ['share.coordinator.state.topic.min.isr', 'broker', 'short', '2', '[1,...]', 'high'],
  ['share.coordinator.state.topic.num.partitions', 'broker', 'int', '50', '[1,...]', 'high'],
  ['share.coordinator.state.topic.replication.factor', 'broker', 'short', '3', '[1,...]', 'high'],
  ['share.coordinator.state.topic.segment.bytes', 'broker', 'int', '104857600 (100 mebibytes)', '[1,...]', 'high'],
  ['share.coordinator.threads', 'broker', 'int', '1', '[1,...]', 'medium'],
  ['share.coordinator.write.timeout.ms', 'broker', 'int', '5000 (5 seconds)', '[1,...]', 'high'],
  ['share.fetch.purgatory.purge.interval.requests', 'broker', 'int', '1000', '', 'medium'],
  ['metadata.recovery.rebootstrap.trigger.ms', 'producer', 'long', '300000 (5 minutes)', '[0,...]', 'low'],
  ['metadata.recovery.rebootstrap.trigger.ms', 'consumer', 'long', '300000 (5 minutes)', '[0,...]', 'low'],
  // Common client config (KIP-1102); admin 4.0 table not read. UNVERIFIED for admin.
  ['metadata.recovery.rebootstrap.trigger.ms', 'admin', 'long', '300000 (5 minutes)', '[0,...]', 'low'],
];

/** Keys documented again in 4.0 after a gap: [key, role, default, valid]. [T40] */
const RETURNED_IN_40 = [
  ['group.consumer.migration.policy', 'broker', 'bidirectional', '(case insensitive) [DISABLED, DOWNGRADE, UPGRADE, BIDIRECTIONAL]'],
];

/** Default / valid-value changes in 4.0: [key, role, default | null, valid | null]. */
const CHANGED_IN_40 = [
  ['linger.ms', 'producer', '5', null], // [T40], [UP4] "The default linger.ms changed from 0 to 5"
  ['metadata.recovery.strategy', 'producer', 'rebootstrap', null], // [T40]
  ['metadata.recovery.strategy', 'consumer', 'rebootstrap', null], // [T40]
  ['auto.offset.reset', 'consumer', null, '[latest, earliest, none, by_duration:PnDTnHnMn.nS]'], // [T40] KIP-1106
  ['message.timestamp.after.max.ms', 'topic', '3600000 (1 hour)', null], // [T40], [UP4] KIP-1030
  ['log.message.timestamp.after.max.ms', 'broker', '3600000 (1 hour)', null], // [T40]
  ['num.recovery.threads.per.data.dir', 'broker', '2', null], // [T40], [UP4] KIP-1030
  ['remote.log.manager.copier.thread.pool.size', 'broker', '10', '[1,...]'], // [T40], [UP4]
  ['remote.log.manager.expiration.thread.pool.size', 'broker', '10', '[1,...]'], // [T40], [UP4]
  ['remote.log.manager.thread.pool.size', 'broker', '2', null], // [T40], [UP4]
  ['log.segment.bytes', 'broker', null, '[1048576,...]'], // [T40], [UP4] minimum 1 MiB
  ['group.coordinator.rebalance.protocols', 'broker', 'classic,consumer', '[consumer, classic]'], // [T40]
];

// Defaults from the hand-written tables (0.8.x configuration.html, and the 0.9–0.10.0 topic table
// inside "Broker Configs"), from facts.md §1; the defaults TSV starts at the generated tables.
// [key, role, {version: default}] — applied only to versions in which the catalog lists the key.
const LONG_MAX = '9223372036854775807';
const DEFAULTS_HANDWRITTEN = [
  ['acks', 'producer', { '0.8.2': '1' }],
  ['retries', 'producer', { '0.8.2': '0' }],
  ['batch.size', 'producer', { '0.8.2': '16384' }],
  ['linger.ms', 'producer', { '0.8.2': '0' }],
  ['retry.backoff.ms', 'producer', { '0.8.2': '100' }],
  ['buffer.memory', 'producer', { '0.8.2': '33554432' }],
  ['metadata.fetch.timeout.ms', 'producer', { '0.8.2': '60000' }],
  ['block.on.buffer.full', 'producer', { '0.8.2': 'true' }],
  ['timeout.ms', 'producer', { '0.8.2': '30000' }],
  // 0.8.2 documents min.insync.replicas in the topic-level table only (server default of the same name).
  ['min.insync.replicas', 'topic', { '0.8.2': '1', '0.9.0': '1', '0.10.0': '1' }],
  ['unclean.leader.election.enable', 'broker', { '0.8.2': 'true' }],
  ['default.replication.factor', 'broker', { '0.8.0': '1', '0.8.1': '1', '0.8.2': '1' }],
  ['replica.lag.time.max.ms', 'broker', { '0.8.0': '10000', '0.8.1': '10000', '0.8.2': '10000' }],
  ['replica.lag.max.messages', 'broker', { '0.8.0': '4000', '0.8.1': '4000', '0.8.2': '4000' }],
  ['log.flush.interval.messages', 'broker', { '0.8.0': '10000', '0.8.2': LONG_MAX }],
  ['log.flush.interval.ms', 'broker', { '0.8.0': '3000', '0.8.2': LONG_MAX }],
  ['offsets.topic.replication.factor', 'broker', { '0.8.2': '3' }],
  ['auto.create.topics.enable', 'broker', { '0.8.0': 'true', '0.8.1': 'true', '0.8.2': 'true' }],
  ['num.partitions', 'broker', { '0.8.0': '1', '0.8.1': '1', '0.8.2': '1' }],
];

// ---------------------------------------------------------------------------------------------

/** `120000 (2 minutes)` -> `120000`: 2.6+ tables add a human-readable suffix to numbers. */
function plainDefault(d) {
  const m = /^(-?\d+(?:\.\d+)?(?:E\d+)?) \([^)]*\)$/.exec(d);
  return m ? m[1] : d;
}

const IMPORTANCE = { high: 'h', medium: 'm', low: 'l', '': '' };

function build() {
  const keysTsv = join(refDir, 'kafka-config-keys.tsv');
  const defaultsTsv = join(refDir, 'kafka-defaults-by-version.tsv');
  if (!existsSync(keysTsv) || !existsSync(defaultsTsv)) {
    throw new Error(`reference TSVs not found in ${refDir}`);
  }

  /** @type {Map<string, {key:string, role:string, type:string, def:string, valid:string, imp:string, first:string, last:string, sdp:string, def40?:string, valid40?:string}>} */
  const rows = new Map();
  const id = (key, role) => `${key}\u0000${role}`;
  for (const r of readTsv(keysTsv)) {
    rows.set(id(r.key, r.role), {
      key: r.key,
      role: r.role,
      type: r.type,
      def: r.default,
      valid: r.valid_values,
      imp: r.importance,
      first: folderToVersion(r.first_seen),
      last: folderToVersion(r.last_seen),
      sdp: r.server_default_property,
    });
  }

  // 4.0: keys still documented in 3.9 carry on unless removed.
  for (const row of rows.values()) {
    if (row.last === '3.9' && !(REMOVED_IN_40[row.role] ?? []).includes(row.key)) row.last = '4.0';
  }
  for (const [role, keys] of Object.entries(REMOVED_IN_40)) {
    for (const k of keys) {
      const row = rows.get(id(k, role));
      if (!row) throw new Error(`REMOVED_IN_40: no 3.9 row for ${role} ${k}`);
      if (row.last !== '3.9') throw new Error(`REMOVED_IN_40: ${role} ${k} not documented in 3.9`);
    }
  }
  for (const [key, role, type, def, valid, imp] of ADDED_IN_40) {
    if (rows.has(id(key, role))) throw new Error(`ADDED_IN_40: ${role} ${key} already in the catalog`);
    rows.set(id(key, role), { key, role, type, def, valid, imp, first: '4.0', last: '4.0', sdp: '' });
  }
  for (const [key, role, def, valid] of RETURNED_IN_40) {
    const row = rows.get(id(key, role));
    if (!row) throw new Error(`RETURNED_IN_40: no row for ${role} ${key}`);
    row.last = '4.0';
    if (def !== row.def) row.def40 = def;
    if (valid !== row.valid) row.valid40 = valid;
  }
  for (const [key, role, def, valid] of CHANGED_IN_40) {
    const row = rows.get(id(key, role));
    if (!row || row.last !== '4.0') throw new Error(`CHANGED_IN_40: ${role} ${key} not documented in 4.0`);
    if (def !== null) row.def40 = def;
    if (valid !== null) row.valid40 = valid;
  }

  // Per-version defaults of the keys in the defaults TSV (plus 0.8.x and 4.0).
  /** @type {Map<string, Map<string, string>>} */
  const history = new Map();
  for (const r of readTsv(defaultsTsv)) {
    const role = TABLE_ROLE[r.doc_table];
    if (!role) continue; // mirror_source_config: MirrorMaker connector settings, not modelled
    if (!history.has(id(r.key, role))) history.set(id(r.key, role), new Map());
    history.get(id(r.key, role)).set(r.kafka_version, plainDefault(r.default));
  }
  for (const [key, role, byVersion] of DEFAULTS_HANDWRITTEN) {
    const row = rows.get(id(key, role));
    if (!row) throw new Error(`DEFAULTS_HANDWRITTEN: no row for ${role} ${key}`);
    if (!history.has(id(key, role))) history.set(id(key, role), new Map());
    for (const [v, d] of Object.entries(byVersion)) {
      if (vIdx(v) >= vIdx(row.first) && vIdx(v) <= vIdx(row.last)) history.get(id(key, role)).set(v, d);
    }
  }
  for (const [k, h] of history) {
    const row = rows.get(k);
    if (!row) throw new Error(`defaults TSV key not in catalog: ${k.replace('\u0000', ' ')}`);
    if (row.last === '4.0') h.set('4.0', plainDefault(row.def40 ?? row.def));
  }

  return { rows, history };
}

function q(s) {
  return JSON.stringify(s);
}

function render({ rows, history }) {
  const sorted = [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
  const out = [];
  out.push('// GENERATED by scripts/gen-knowledge.mjs — do not edit by hand; rerun the script.');
  out.push('// Source: shared/reference/kafka-config-keys.tsv and kafka-defaults-by-version.tsv');
  out.push('// (apache/kafka-site @ 49c30138, release folders 0.8.0–3.9), plus the Kafka 4.0 changes listed');
  out.push('// in the script (40/generated/*_config.html, 4.0 upgrade notes) and 0.8.x defaults from facts.md §1.');
  out.push('');
  out.push(`export const VERSIONS: readonly string[] = ${q(VERSIONS)};`);
  out.push('');
  out.push('/**');
  out.push(' * [key, role, type, default, validValues, importance (h|m|l), firstVersion, lastVersion,');
  out.push(' *  serverDefaultProperty, default in 4.0 when it differs, validValues in 4.0 when they differ]');
  out.push(' * Defaults and valid values are verbatim table cells (`""` = empty string, empty = none).');
  out.push(' */');
  out.push('export type KeyRow = readonly [string, string, string, string, string, string, string, string, string, string?, string?];');
  out.push('');
  out.push('export const KEYS: readonly KeyRow[] = [');
  for (const r of sorted) {
    const cells = [r.key, r.role, r.type, r.def, r.valid, IMPORTANCE[r.imp] ?? r.imp, r.first, r.last, r.sdp];
    if (r.def40 !== undefined || r.valid40 !== undefined) cells.push(r.def40 ?? r.def, r.valid40 ?? r.valid);
    out.push(`  [${cells.map(q).join(', ')}],`);
  }
  out.push('];');
  out.push('');
  out.push('/**');
  out.push(' * [key, role, [[fromVersion, default], ...]]: each default holds from its version up to the next');
  out.push(' * entry; null = not documented for that version. Verbatim cells, as in KEYS.');
  out.push(' */');
  out.push('export type HistoryRow = readonly [string, string, readonly (readonly [string, string | null])[]];');
  out.push('');
  out.push('export const DEFAULT_HISTORY: readonly HistoryRow[] = [');
  const hkeys = [...history.keys()].sort();
  for (const k of hkeys) {
    const [key, role] = k.split('\u0000');
    const h = history.get(k);
    const runs = [];
    let prev;
    for (const v of VERSIONS) {
      if (!h.has(v)) {
        if (prev !== undefined && prev !== null) {
          runs.push([v, null]);
          prev = null;
        }
        continue;
      }
      const d = h.get(v);
      if (d !== prev) runs.push([v, d]);
      prev = d;
    }
    // A trailing "unknown" run says nothing: drop it.
    while (runs.length && runs[runs.length - 1][1] === null) runs.pop();
    const body = runs.map(([v, d]) => `[${q(v)}, ${d === null ? 'null' : q(d)}]`).join(', ');
    out.push(`  [${q(key)}, ${q(role)}, [${body}]],`);
  }
  out.push('];');
  out.push('');
  return out.join('\n');
}

const text = render(build());
writeFileSync(outFile, text);
process.stderr.write(`wrote ${outFile} (${text.length} chars)\n`);
