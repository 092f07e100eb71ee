import { KEYS } from '../../server/src/engine/knowledge/kafkaKeys.generated.js';

// Realistic 10,000-line inputs for the benchmark, generated deterministically (fixed seed), so
// every run measures the same text. Each looks like a file a team could have: a Spring Boot
// application.yml with one document per profile, a Strimzi manifest with a cluster, node pools
// and hundreds of topics, a fully documented broker server.properties, and a Go package that
// builds one sarama config per function. Each has some settings the linter reports.

export interface BenchInput {
  name: string;
  /** File name the servers see (decides the format and Spring/Strimzi detection). */
  file: string;
  languageId: string;
  text: string;
  /** Offset in the middle of the file where the typing benchmark edits (inside a value). */
  editAt: number;
}

/** Small deterministic PRNG (mulberry32); the tests' random documents use it too. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGET_LINES = 10_000;

function lineCount(parts: string[]): number {
  let n = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 10) n++;
  return n;
}

/** Truncate to exactly `TARGET_LINES` lines at a block boundary chosen by the generator. */
function finish(blocks: string[]): string {
  return blocks.join('');
}

/** Offset just after the first match of `re` at or after the middle line (the typing cursor). */
function middleOffset(text: string, re: RegExp): number {
  let off = 0;
  const half = text.split('\n').length / 2;
  for (let line = 0; line < half; line++) off = text.indexOf('\n', off) + 1;
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  g.lastIndex = off;
  const m = g.exec(text);
  if (!m) throw new Error(`bench input: no match of ${re} after the middle`);
  return m.index + m[0].length;
}

const SERVICES = ['orders', 'payments', 'inventory', 'shipping', 'billing', 'catalog', 'search', 'notifications', 'audit', 'pricing', 'fraud', 'loyalty'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1', 'ap-northeast-1'];

export function springYaml(): BenchInput {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const blocks: string[] = [];
  blocks.push(`# Shared configuration of the event platform services; one document per deployment profile.
spring:
  application:
    name: event-platform
  kafka:
    bootstrap-servers: \${KAFKA_BOOTSTRAP:localhost:9092}
    producer:
      acks: all
      key-serializer: org.apache.kafka.common.serialization.StringSerializer
      value-serializer: org.springframework.kafka.support.serializer.JsonSerializer
    consumer:
      group-id: event-platform
      auto-offset-reset: earliest
      enable-auto-commit: false
management:
  endpoints:
    web:
      exposure:
        include: health,info,prometheus
`);
  let i = 0;
  while (lineCount(blocks) < TARGET_LINES - 60) {
    const svc = SERVICES[i % SERVICES.length];
    const region = REGIONS[Math.floor(i / SERVICES.length) % REGIONS.length];
    const profile = `${svc}-${region}-${String(i).padStart(3, '0')}`;
    const legacy = r() < 0.15;
    const fast = r() < 0.1;
    const acks = legacy ? '1' : 'all';
    const idem = legacy ? 'false' : 'true';
    const batch = 16384 * (1 + Math.floor(r() * 4));
    const linger = pick([0, 5, 10, 20]);
    const concurrency = 1 + Math.floor(r() * 6);
    const anchor = r() < 0.3;
    blocks.push(`---
# Profile ${profile}: ${svc} in ${region}${legacy ? ' (migrated from the 0.10 client config)' : ''}
spring:
  config:
    activate:
      on-profile: ${profile}
  kafka:
    bootstrap-servers: kafka-${region}-1:9092,kafka-${region}-2:9092,kafka-${region}-3:9092
    client-id: ${svc}-${i}
    producer:
      acks: ${acks}
      retries: ${legacy ? 0 : 2147483647}
      batch-size: ${batch}
      compression-type: ${pick(['lz4', 'zstd', 'snappy', 'none'])}
      transaction-id-prefix: ${svc}-tx-${i}-
      properties:
        "[enable.idempotence]": ${idem}
        "[delivery.timeout.ms]": ${fast ? 20000 : 120000}
        "[linger.ms]": ${linger}
        "[max.in.flight.requests.per.connection]": ${legacy ? 10 : 5}
    consumer:
      group-id: ${svc}-${region}
      auto-offset-reset: ${legacy ? 'latest' : 'earliest'}
      enable-auto-commit: ${legacy ? 'true' : 'false'}
      max-poll-records: ${100 * (1 + Math.floor(r() * 5))}
      isolation-level: ${legacy ? 'read_uncommitted' : 'read_committed'}
      key-deserializer: org.apache.kafka.common.serialization.StringDeserializer
      value-deserializer: org.springframework.kafka.support.serializer.JsonDeserializer
      properties:
        "[spring.json.trusted.packages]": "com.example.${svc}"
        "[session.timeout.ms]": ${pick([10000, 30000, 45000])}
    listener:
      ack-mode: ${legacy ? 'batch' : 'manual_immediate'}
      concurrency: ${concurrency}
server:
  port: ${8080 + (i % 20)}
app:
  region: ${region}
  topics:${anchor ? ` &topics${i}` : ''}
    orders: ${svc}.orders.v${1 + (i % 3)}
    events: ${svc}.events
    dead-letter: ${svc}.dlq
  retry:
    attempts: ${1 + Math.floor(r() * 5)}
    backoff: ${pick(['100ms', '500ms', '1s', '2s'])}
  features:
    - name: async-publish
      enabled: ${r() < 0.5}
    - name: outbox
      enabled: ${r() < 0.5}
logging:
  level:
    org.apache.kafka: ${pick(['WARN', 'INFO'])}
    com.example.${svc}: DEBUG
`);
    i++;
  }
  const text = finish(blocks);
  return { name: 'Spring YAML', file: 'application.yml', languageId: 'yaml', text, editAt: middleOffset(text, /max-poll-records: /) };
}

export function strimziYaml(): BenchInput {
  const r = rng(7);
  const blocks: string[] = [];
  blocks.push(`# Event platform cluster: node pools, the Kafka resource and every topic.
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: controllers
  labels:
    strimzi.io/cluster: events
spec:
  replicas: 3
  roles:
    - controller
  storage:
    type: persistent-claim
    size: 20Gi
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: brokers
  labels:
    strimzi.io/cluster: events
spec:
  replicas: 3
  roles:
    - broker
  storage:
    type: jbod
    volumes:
      - id: 0
        type: persistent-claim
        size: 500Gi
        deleteClaim: false
---
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: events
  annotations:
    strimzi.io/node-pools: enabled
    strimzi.io/kraft: enabled
spec:
  kafka:
    version: 4.0.0
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
      - name: tls
        port: 9093
        type: internal
        tls: true
    config:
      offsets.topic.replication.factor: 3
      transaction.state.log.replication.factor: 3
      transaction.state.log.min.isr: 2
      default.replication.factor: 3
      min.insync.replicas: 2
      unclean.leader.election.enable: false
      auto.create.topics.enable: false
  entityOperator:
    topicOperator: {}
    userOperator: {}
`);
  let i = 0;
  while (lineCount(blocks) < TARGET_LINES - 20) {
    const svc = SERVICES[i % SERVICES.length];
    const name = `${svc}.${['orders', 'events', 'commands', 'snapshots', 'dlq', 'audit'][Math.floor(i / SERVICES.length) % 6]}.v${1 + Math.floor(i / 72)}`;
    const weak = r() < 0.08;
    const replicas = weak ? (r() < 0.5 ? 1 : 2) : 3;
    const minIsr = weak ? 1 : 2;
    blocks.push(`---
apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: events
    team: ${svc}
spec:
  partitions: ${[3, 6, 12, 24][Math.floor(r() * 4)]}
  replicas: ${replicas}
  config:
    retention.ms: ${[86400000, 604800000, 2592000000][Math.floor(r() * 3)]}
    segment.bytes: 1073741824
    cleanup.policy: ${r() < 0.2 ? 'compact' : 'delete'}
    min.insync.replicas: ${minIsr}
    max.message.bytes: ${1048588 * (1 + Math.floor(r() * 4))}
${r() < 0.05 ? '    unclean.leader.election.enable: true\n' : ''}`);
    i++;
  }
  const text = finish(blocks);
  return { name: 'Strimzi YAML', file: 'topics.yaml', languageId: 'yaml', text, editAt: middleOffset(text, /segment\.bytes: /) };
}

const WORDS = (
  'the broker uses this setting when it writes records to the log and when followers fetch from the leader; ' +
  'a larger value trades memory for throughput, a smaller one reduces latency at the cost of more requests. ' +
  'see the operations guide before changing it in production, and keep it consistent across the cluster.'
).split(' ');

export function brokerProperties(): BenchInput {
  const r = rng(1234);
  const blocks: string[] = [];
  blocks.push(`############################# Server Basics #############################
# Broker configuration for the event platform, documented key by key for the operations team.
process.roles=broker
node.id=4
controller.quorum.bootstrap.servers=ctrl-1:9093,ctrl-2:9093,ctrl-3:9093
listeners=PLAINTEXT://:9092
advertised.listeners=PLAINTEXT://kafka-4.internal:9092
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=/var/lib/kafka/data-0,/var/lib/kafka/data-1
num.partitions=6
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
unclean.leader.election.enable=false
auto.create.topics.enable=false

`);
  const written = new Set(['process.roles', 'node.id', 'controller.quorum.bootstrap.servers', 'listeners', 'advertised.listeners', 'controller.listener.names',
    'listener.security.protocol.map', 'log.dirs', 'num.partitions', 'default.replication.factor', 'min.insync.replicas', 'offsets.topic.replication.factor',
    'transaction.state.log.replication.factor', 'transaction.state.log.min.isr', 'unclean.leader.election.enable', 'auto.create.topics.enable']);
  // Every current broker key of the catalog, each with a paragraph of documentation and its
  // default written out (or commented out when it has none), as operations teams often keep them.
  const keys = KEYS.filter((k) => k[1] === 'broker' && k[7] === '4.0' && !written.has(k[0]));
  const perKey = Math.ceil((TARGET_LINES - lineCount(blocks)) / keys.length) - 4;
  for (const k of keys) {
    const lines: string[] = [];
    let cur = '#';
    while (lines.length < perKey) {
      const word = WORDS[Math.floor(r() * WORDS.length)];
      if (cur.length + word.length + 1 > 76) {
        lines.push(cur);
        cur = '#';
      }
      cur += ' ' + word;
    }
    const def = k[3].replace(/\s*\(.*\)$/, '');
    const value = def === 'null' || def === '""' || def === '' ? undefined : def;
    const setting = value === undefined ? `#${k[0]}=` : `${k[0]}=${value}`;
    blocks.push(`# ${k[0]} (${k[2]}, importance ${k[5]})\n` + lines.join('\n') + '\n' + setting + '\n\n');
    if (lineCount(blocks) >= TARGET_LINES - 5) break;
  }
  const text = finish(blocks);
  return { name: '.properties', file: 'server.properties', languageId: 'properties', text, editAt: middleOffset(text, /^[a-z][a-z.]*=(?=\d)/m) };
}

export function saramaGo(): BenchInput {
  const r = rng(99);
  const blocks: string[] = [];
  blocks.push(`// Package publishers builds the sarama producers and consumers of every event stream.
package publishers

import (
	"crypto/tls"
	"fmt"
	"log"
	"time"

	"github.com/IBM/sarama"
)

// baseConfig holds what every client shares.
func baseConfig(clientID string) *sarama.Config {
	cfg := sarama.NewConfig()
	cfg.ClientID = clientID
	cfg.Version = sarama.V3_6_0_0
	cfg.Net.DialTimeout = 10 * time.Second
	cfg.Metadata.Retry.Max = 5
	return cfg
}
`);
  let i = 0;
  while (lineCount(blocks) < TARGET_LINES - 40) {
    const svc = SERVICES[i % SERVICES.length];
    const Name = svc[0].toUpperCase() + svc.slice(1) + String(i);
    const legacy = r() < 0.15;
    if (i % 3 === 2) {
      blocks.push(`
// Run${Name}Consumer consumes ${svc} events for worker pool ${i}.
func Run${Name}Consumer(brokers []string, handler sarama.ConsumerGroupHandler) (sarama.ConsumerGroup, error) {
	config := baseConfig("${svc}-consumer-${i}")
	config.Consumer.Offsets.Initial = ${legacy ? 'sarama.OffsetNewest' : 'sarama.OffsetOldest'}
	config.Consumer.Offsets.AutoCommit.Enable = ${legacy ? 'true' : 'false'}
	config.Consumer.Offsets.AutoCommit.Interval = ${1 + (i % 5)} * time.Second
	config.Consumer.IsolationLevel = ${legacy ? 'sarama.ReadUncommitted' : 'sarama.ReadCommitted'}
	config.Consumer.Return.Errors = true
	config.Consumer.Fetch.Default = ${1048576 * (1 + (i % 3))}
	config.Consumer.Group.Rebalance.GroupStrategies = []sarama.BalanceStrategy{sarama.NewBalanceStrategyRoundRobin()}
	group, err := sarama.NewConsumerGroup(brokers, "${svc}-${i}", config)
	if err != nil {
		return nil, fmt.Errorf("${svc} consumer %d: %w", ${i}, err)
	}
	return group, nil
}
`);
    } else {
      blocks.push(`
// New${Name}Publisher publishes ${svc} events${legacy ? ' (fire and forget, kept from the first version)' : ''}.
func New${Name}Publisher(brokers []string, tlsConfig *tls.Config) (sarama.SyncProducer, error) {
	cfg := sarama.NewConfig()
	cfg.ClientID = "${svc}-publisher-${i}"
	cfg.Version = sarama.V3_6_0_0
	cfg.Producer.RequiredAcks = ${legacy ? 'sarama.WaitForLocal' : 'sarama.WaitForAll'}
	cfg.Producer.Idempotent = ${legacy ? 'false' : 'true'}
	cfg.Producer.Retry.Max = ${legacy ? 0 : 10}
	cfg.Producer.Retry.Backoff = ${100 * (1 + (i % 5))} * time.Millisecond
	cfg.Producer.Return.Successes = true
	cfg.Producer.Return.Errors = true
	cfg.Producer.Compression = sarama.CompressionLZ4
	cfg.Producer.Flush.Frequency = ${5 * (1 + (i % 4))} * time.Millisecond
	cfg.Net.MaxOpenRequests = 1
	if tlsConfig != nil {
		cfg.Net.TLS.Enable = true
		cfg.Net.TLS.Config = tlsConfig
	}
	p, err := sarama.NewSyncProducer(brokers, cfg)
	if err != nil {
		log.Printf("${svc} publisher ${i}: %v", err)
		return nil, err
	}
	return p, nil
}
`);
    }
    i++;
  }
  const text = finish(blocks);
  return { name: 'Go (sarama)', file: 'publishers.go', languageId: 'go', text, editAt: middleOffset(text, /cfg\.Producer\.Retry\.Max = /) };
}

export function benchInputs(): BenchInput[] {
  return [springYaml(), strimziYaml(), brokerProperties(), saramaGo()];
}
