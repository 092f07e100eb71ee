// Hover documentation of the sarama (github.com/IBM/sarama) Config fields we map and of the
// constants they take, from facts.md §8 (NewConfig defaults, Validate rules), in our own words.

import type { L10n } from '../l10n.js';

export interface SaramaDocEntry {
  /** Field path below sarama.Config (`Producer.RequiredAcks`) or constant name (`WaitForAll`). */
  name: string;
  kind: 'field' | 'constant';
  /** Default of the field in NewConfig(), as Go source. */
  defaultValue?: string;
  /** The Kafka (Java) key with the same meaning. */
  kafkaKey?: string;
  safe?: string;
  summary: L10n;
  body: L10n;
  url: string;
}

const CONFIG_URL = 'https://pkg.go.dev/github.com/IBM/sarama#Config';
const ACKS_URL = 'https://pkg.go.dev/github.com/IBM/sarama#RequiredAcks';
const CONSTS_URL = 'https://pkg.go.dev/github.com/IBM/sarama#pkg-constants';
const ISOLATION_URL = 'https://pkg.go.dev/github.com/IBM/sarama#IsolationLevel';

export const SARAMA_DOCS: readonly SaramaDocEntry[] = [
  {
    name: 'Producer.RequiredAcks',
    kind: 'field',
    defaultValue: 'WaitForLocal',
    kafkaKey: 'acks',
    safe: 'WaitForAll',
    summary: {
      en: 'How many replicas must have a message before the producer treats it as sent (the `acks` of sarama).',
      zh: '生产者认为消息已发送之前需要多少副本拿到它（sarama 中的 `acks`）。',
    },
    body: {
      en: '`NoResponse` (0): no answer at all, and the async producer assumes success. `WaitForLocal` (1, the NewConfig default): the leader answers after its local write; a leader failure before followers copy the message loses it. `WaitForAll` (-1): all in-sync replicas must have it, with the broker’s `min.insync.replicas` as the floor. Unlike the Java client (default `all` since Kafka 3.0), sarama still defaults to `WaitForLocal`.',
      zh: '`NoResponse`（0）：完全没有应答，异步生产者直接当作成功。`WaitForLocal`（1，NewConfig 默认值）：leader 在本地写入后即应答；follower 复制之前 leader 故障，消息就会丢失。`WaitForAll`（-1）：所有同步副本都必须拿到消息，下限由 broker 的 `min.insync.replicas` 决定。与 Java 客户端（Kafka 3.0 起默认 `all`）不同，sarama 仍默认 `WaitForLocal`。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Producer.Retry.Max',
    kind: 'field',
    defaultValue: '3',
    kafkaKey: 'retries',
    summary: {
      en: 'How many times the producer retries a message after a retriable error (default 3).',
      zh: '遇到可重试错误后生产者重试消息的次数（默认 3）。',
    },
    body: {
      en: 'Leader changes, NotEnoughReplicas and request timeouts are retried, `Producer.Retry.Backoff` (default 100 ms) apart; after the last attempt the message goes to the Errors channel. The budget is a count, roughly 3 × 100 ms plus request time, far shorter than the Java client’s 120 s `delivery.timeout.ms`: a leader election can outlast it. `0` means a single attempt, and negative values are invalid. An idempotent producer needs at least 1.',
      zh: 'leader 变更、NotEnoughReplicas 和请求超时都会重试，间隔 `Producer.Retry.Backoff`（默认 100 毫秒）；最后一次尝试失败后消息进入 Errors 通道。这个预算按次数计算，大约是 3 × 100 毫秒加上请求时间，远短于 Java 客户端 120 秒的 `delivery.timeout.ms`：一次 leader 选举就可能超过它。`0` 表示只尝试一次，负数无效。幂等生产者要求至少为 1。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Producer.Idempotent',
    kind: 'field',
    defaultValue: 'false',
    kafkaKey: 'enable.idempotence',
    safe: 'true',
    summary: {
      en: 'Makes the broker discard duplicate messages caused by producer retries (default false).',
      zh: '让 broker 丢弃由生产者重试造成的重复消息（默认 false）。',
    },
    body: {
      en: 'Config.Validate() rejects `Idempotent = true` unless `Version` is at least `V0_11_0_0`, `RequiredAcks` is `WaitForAll`, `Net.MaxOpenRequests` is 1 and `Retry.Max` is at least 1. Unlike the Java client, sarama adjusts nothing for you: NewConfig() plus `Idempotent = true` alone fails validation.',
      zh: '除非 `Version` 至少为 `V0_11_0_0`、`RequiredAcks` 为 `WaitForAll`、`Net.MaxOpenRequests` 为 1 且 `Retry.Max` 至少为 1，否则 Config.Validate() 会拒绝 `Idempotent = true`。与 Java 客户端不同，sarama 不会自动调整任何设置：仅在 NewConfig() 基础上设置 `Idempotent = true` 会校验失败。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Net.MaxOpenRequests',
    kind: 'field',
    defaultValue: '5',
    kafkaKey: 'max.in.flight.requests.per.connection',
    summary: {
      en: 'How many requests may be outstanding on one broker connection (default 5).',
      zh: '一个 broker 连接上可以同时未完成的请求数（默认 5）。',
    },
    body: {
      en: 'More requests in flight raise throughput, but without idempotence a retried message can land after a later one. An idempotent producer requires exactly 1; values of 0 or less are invalid.',
      zh: '在途请求越多吞吐越高，但没有幂等时，重试的消息可能落在后面的消息之后。幂等生产者要求正好为 1；0 或负数无效。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Producer.Return.Errors',
    kind: 'field',
    defaultValue: 'true',
    safe: 'true',
    summary: {
      en: 'Whether failed messages are delivered on the producer’s Errors channel (default true).',
      zh: '发送失败的消息是否投递到生产者的 Errors 通道（默认 true）。',
    },
    body: {
      en: 'With `false`, a message that finally fails is only written to sarama’s Logger, which discards everything by default: the failure vanishes. With `true` the application must read the Errors channel, or the producer blocks. A SyncProducer requires `true`.',
      zh: '为 `false` 时，最终失败的消息只会写入 sarama 的 Logger，而它默认丢弃一切输出：失败就此消失。为 `true` 时应用必须读取 Errors 通道，否则生产者会阻塞。SyncProducer 要求为 `true`。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Producer.Return.Successes',
    kind: 'field',
    defaultValue: 'false',
    summary: {
      en: 'Whether acknowledged messages are delivered on the producer’s Successes channel (default false).',
      zh: '已确认的消息是否投递到生产者的 Successes 通道（默认 false）。',
    },
    body: {
      en: 'sarama.NewSyncProducer fails unless it is `true`. On an AsyncProducer, `true` obliges the application to drain the Successes channel, or the producer deadlocks.',
      zh: '除非为 `true`，否则 sarama.NewSyncProducer 会失败。在 AsyncProducer 上设为 `true` 后，应用必须不断读取 Successes 通道，否则生产者会死锁。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Consumer.Offsets.Initial',
    kind: 'field',
    defaultValue: 'OffsetNewest',
    kafkaKey: 'auto.offset.reset',
    safe: 'OffsetOldest',
    summary: {
      en: 'Where a consumer starts when no offset was committed for its group (default OffsetNewest).',
      zh: '消费组没有已提交的 offset 时从哪里开始消费（默认 OffsetNewest）。',
    },
    body: {
      en: '`OffsetNewest` (-1, like `latest`) skips everything written before the group first reads the partition; `OffsetOldest` (-2, like `earliest`) starts at the beginning. Any other value fails validation. With `Consumer.Group.ResetInvalidOffsets` (default true) an out-of-range committed offset is also reset to this value.',
      zh: '`OffsetNewest`（-1，相当于 `latest`）会跳过该组第一次读取分区之前写入的全部数据；`OffsetOldest`（-2，相当于 `earliest`）从头开始。其他值会校验失败。在 `Consumer.Group.ResetInvalidOffsets`（默认 true）下，越界的已提交 offset 也会被重置为此值。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Consumer.Offsets.AutoCommit.Enable',
    kind: 'field',
    defaultValue: 'true',
    kafkaKey: 'enable.auto.commit',
    summary: {
      en: 'Whether marked offsets are committed in the background (default true).',
      zh: '是否在后台提交已标记的 offset（默认 true）。',
    },
    body: {
      en: 'sarama commits only offsets you marked with MarkMessage / MarkOffset, so auto-commit loses records only when you mark them before processing is done (for example before an asynchronous hand-off). With `false`, call session.Commit() yourself: closing does not flush marked offsets then.',
      zh: 'sarama 只提交你通过 MarkMessage / MarkOffset 标记过的 offset，因此只有在处理完成之前就标记（例如在异步交接之前）时，自动提交才会丢失记录。为 `false` 时需要自己调用 session.Commit()：此时关闭不会刷出已标记的 offset。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Consumer.Offsets.AutoCommit.Interval',
    kind: 'field',
    defaultValue: '1 * time.Second',
    kafkaKey: 'auto.commit.interval.ms',
    summary: {
      en: 'How often marked offsets are committed (default 1 s; the Java client defaults to 5 s).',
      zh: '已标记 offset 的提交间隔（默认 1 秒；Java 客户端默认 5 秒）。',
    },
    body: {
      en: 'Used only with auto-commit enabled; zero or negative values are invalid. A shorter interval means fewer messages delivered again after a crash.',
      zh: '仅在开启自动提交时使用；0 或负数无效。间隔越短，崩溃后重复投递的消息越少。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Version',
    kind: 'field',
    defaultValue: 'DefaultVersion',
    summary: {
      en: 'The Kafka protocol version sarama speaks; it gates features such as idempotence.',
      zh: 'sarama 使用的 Kafka 协议版本；幂等等功能依赖它。',
    },
    body: {
      en: 'NewConfig() sets `DefaultVersion`, which depends on the sarama release: `V0_8_2_0` before v1.27.1, `V1_0_0_0` up to v1.40.x, `V2_1_0_0` from v1.41.0, `V2_6_0_0` from v1.50.3 and `V2_8_0_0` from v1.60.1. `Producer.Idempotent` and `Consumer.IsolationLevel = ReadCommitted` need at least `V0_11_0_0`.',
      zh: 'NewConfig() 设置为 `DefaultVersion`，其值取决于 sarama 版本：v1.27.1 之前为 `V0_8_2_0`，到 v1.40.x 为 `V1_0_0_0`，v1.41.0 起为 `V2_1_0_0`，v1.50.3 起为 `V2_6_0_0`，v1.60.1 起为 `V2_8_0_0`。`Producer.Idempotent` 和 `Consumer.IsolationLevel = ReadCommitted` 至少需要 `V0_11_0_0`。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Producer.Transaction.ID',
    kind: 'field',
    defaultValue: '""',
    kafkaKey: 'transactional.id',
    summary: {
      en: 'Transactional id of the producer; empty means no transactions.',
      zh: '生产者的事务 id；为空表示不使用事务。',
    },
    body: {
      en: 'A non-empty id requires `Producer.Idempotent = true`, or Validate() fails. Consumers must read with `ReadCommitted` to skip aborted transactions.',
      zh: '非空的 id 要求 `Producer.Idempotent = true`，否则 Validate() 失败。消费者必须使用 `ReadCommitted` 才能跳过已中止的事务。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'Consumer.IsolationLevel',
    kind: 'field',
    defaultValue: 'ReadUncommitted',
    kafkaKey: 'isolation.level',
    summary: {
      en: 'Whether the consumer also receives messages of aborted transactions (default ReadUncommitted).',
      zh: '消费者是否也会收到已中止事务的消息（默认 ReadUncommitted）。',
    },
    body: {
      en: '`ReadUncommitted` returns every message, including those of transactions the producer aborted; `ReadCommitted` returns only committed ones and needs `Version` of at least `V0_11_0_0`.',
      zh: '`ReadUncommitted` 返回全部消息，包括生产者已中止事务中的消息；`ReadCommitted` 只返回已提交的消息，并要求 `Version` 至少为 `V0_11_0_0`。',
    },
    url: CONFIG_URL,
  },
  {
    name: 'NoResponse',
    kind: 'constant',
    kafkaKey: 'acks',
    summary: { en: '`RequiredAcks` 0: the broker sends no response at all.', zh: '`RequiredAcks` 为 0：broker 完全不发送应答。' },
    body: {
      en: 'Only the TCP acknowledgement confirms anything; the async producer assumes success, so messages the broker never wrote are lost silently. Use `WaitForAll`.',
      zh: '只有 TCP 层的确认；异步生产者直接当作成功，因此 broker 没写入的消息会悄无声息地丢失。请使用 `WaitForAll`。',
    },
    url: ACKS_URL,
  },
  {
    name: 'WaitForLocal',
    kind: 'constant',
    kafkaKey: 'acks',
    summary: { en: '`RequiredAcks` 1: the leader answers after its own write (NewConfig default).', zh: '`RequiredAcks` 为 1：leader 在自己写入后即应答（NewConfig 默认值）。' },
    body: {
      en: 'A leader that fails before any follower copied the message loses it, although the producer reported success. Use `WaitForAll`.',
      zh: '若 leader 在任何 follower 复制之前发生故障，消息就会丢失，尽管生产者已报告成功。请使用 `WaitForAll`。',
    },
    url: ACKS_URL,
  },
  {
    name: 'WaitForAll',
    kind: 'constant',
    kafkaKey: 'acks',
    summary: { en: '`RequiredAcks` -1: every in-sync replica must have the message.', zh: '`RequiredAcks` 为 -1：所有同步副本都必须拿到消息。' },
    body: {
      en: 'The safe choice. It waits for the current in-sync replicas, not all replicas; the broker’s `min.insync.replicas` sets how few may suffice.',
      zh: '安全的选择。它等待的是当前的同步副本而不是全部副本；broker 的 `min.insync.replicas` 决定最少需要多少个。',
    },
    url: ACKS_URL,
  },
  {
    name: 'OffsetNewest',
    kind: 'constant',
    kafkaKey: 'auto.offset.reset',
    summary: { en: 'Start at the newest offset (-1), like `latest`; the `Consumer.Offsets.Initial` default.', zh: '从最新的 offset（-1）开始，相当于 `latest`；`Consumer.Offsets.Initial` 的默认值。' },
    body: {
      en: 'A new group, or one whose offsets expired, skips everything written before it starts. Use `OffsetOldest` for consumers that must not miss data.',
      zh: '新的消费组或 offset 已过期的消费组会跳过启动之前写入的所有数据。不能漏数据的消费者请使用 `OffsetOldest`。',
    },
    url: CONSTS_URL,
  },
  {
    name: 'OffsetOldest',
    kind: 'constant',
    kafkaKey: 'auto.offset.reset',
    summary: { en: 'Start at the oldest retained offset (-2), like `earliest`.', zh: '从保留的最早 offset（-2）开始，相当于 `earliest`。' },
    body: {
      en: 'Nothing is skipped when a group has no offsets; processing must tolerate reading retained data again.',
      zh: '消费组没有 offset 时不会跳过任何数据；处理逻辑需要能容忍重新读取保留的数据。',
    },
    url: CONSTS_URL,
  },
  {
    name: 'ReadUncommitted',
    kind: 'constant',
    kafkaKey: 'isolation.level',
    summary: { en: 'Isolation level 0: return all messages, including aborted transactions (default).', zh: '隔离级别 0：返回所有消息，包括已中止的事务（默认）。' },
    body: {
      en: 'Consumers of transactional producers process writes that were rolled back. Use `ReadCommitted` when producers use transactions.',
      zh: '事务生产者的消费者会处理已经回滚的写入。生产者使用事务时请使用 `ReadCommitted`。',
    },
    url: ISOLATION_URL,
  },
  {
    name: 'ReadCommitted',
    kind: 'constant',
    kafkaKey: 'isolation.level',
    summary: { en: 'Isolation level 1: return only committed transactional messages.', zh: '隔离级别 1：只返回已提交的事务消息。' },
    body: {
      en: 'Requires `Version` of at least `V0_11_0_0`. Messages behind an open transaction wait until it ends.',
      zh: '要求 `Version` 至少为 `V0_11_0_0`。排在未完成事务之后的消息要等到事务结束。',
    },
    url: ISOLATION_URL,
  },
];
