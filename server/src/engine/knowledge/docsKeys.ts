// Hover documentation of the loss-relevant keys (facts.md §1–§7), in our own words, English and
// Simplified Chinese. Each entry: meaning, safe value, trade-off, loss scenario, and a link to the
// Kafka documentation anchor (or the spring-kafka reference).

import type { Role } from '../model.js';
import type { L10n } from '../l10n.js';

export interface RichKeyDoc {
  key: string;
  /** Roles the text applies to (the key may exist for other roles too). */
  roles: Role[];
  /** Link; when absent, the Kafka documentation anchor of the key for the role. */
  url?: string;
  /** Title shown instead of the key (namespaced keys). */
  title?: string;
  /** The value we recommend, when a single value can be named. */
  safe?: string;
  summary: L10n;
  meaning: L10n;
  safeText: L10n;
  tradeoff: L10n;
  loss: L10n;
  references?: { title: string; url: string }[];
}

const KIP_679 = {
  title: 'KIP-679: Producer will enable the strongest delivery guarantee by default',
  url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-679%3A+Producer+will+enable+the+strongest+delivery+guarantee+by+default',
};
const KIP_91 = {
  title: 'KIP-91: Provide Intuitive User Timeouts in The Producer',
  url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-91+Provide+Intuitive+User+Timeouts+in+The+Producer',
};
const KIP_98 = {
  title: 'KIP-98: Exactly Once Delivery and Transactional Messaging',
  url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-98+-+Exactly+Once+Delivery+and+Transactional+Messaging',
};
const DESIGN_HA = { title: 'Kafka design: Availability and Durability Guarantees', url: 'https://kafka.apache.org/documentation/#design_ha' };
const OPS_FLUSH = { title: 'Kafka operations: Application vs. OS Flush Management', url: 'https://kafka.apache.org/documentation/#appvsosflush' };
const CONSUMER_POSITION = { title: 'Kafka design: Consumer Position', url: 'https://kafka.apache.org/documentation/#design_consumerposition' };

const FLUSH_TRADEOFF: L10n = {
  en: 'Forced fsyncs block writes, so frequent flushing costs throughput and latency.',
  zh: '强制 fsync 会阻塞写入，频繁刷盘会降低吞吐、增加延迟。',
};
const FLUSH_LOSS: L10n = {
  en: 'Data that is acknowledged but not flushed survives a crash of the broker process (it sits in the page cache) but not a power loss of the machine; replicas in other failure domains cover that case. Kafka recommends relying on replication rather than forced flushes, so this is a cost question, not a loss fix.',
  zh: '已确认但未刷盘的数据在 broker 进程崩溃时不会丢失（它在页缓存中），但整机掉电时会丢失；位于其他故障域的副本可以覆盖这种情况。Kafka 推荐依靠副本复制而不是强制刷盘，因此这是成本问题，而不是防丢失的手段。',
};
const FLUSH_SAFE: L10n = {
  en: 'Leave it unset: durability comes from replication, and the operating system flushes in the background.',
  zh: '不设置：持久性来自副本复制，操作系统会在后台刷盘。',
};

export const RICH_KEY_DOCS: readonly RichKeyDoc[] = [
  {
    key: 'acks',
    roles: ['producer'],
    safe: 'all',
    summary: {
      en: 'How many replicas must have a record before the producer counts the send as successful.',
      zh: '生产者认为一次发送成功之前，需要多少副本已经拿到这条记录。',
    },
    meaning: {
      en: '`0`: the producer waits for no answer and never learns about errors (offsets come back as -1 and retries do nothing). `1`: the partition leader answers once the record is in its own log, before any follower has copied it. `all` (same as `-1`): the leader answers once every replica currently in the ISR has the record. The default is `1` up to Kafka 2.8 and `all` since 3.0 (KIP-679).',
      zh: '`0`：生产者不等待任何应答，也不会知道发生了错误（返回的 offset 为 -1，重试不起作用）。`1`：记录写入分区 leader 自己的日志后 leader 就应答，此时还没有 follower 复制它。`all`（等同 `-1`）：当前 ISR 中的每个副本都拿到记录后 leader 才应答。Kafka 2.8 及以前默认 `1`，3.0 起默认 `all`（KIP-679）。',
    },
    safeText: {
      en: '`all`, on topics with replication factor 3 and `min.insync.replicas=2`.',
      zh: '`all`，并让 topic 使用 3 副本、`min.insync.replicas=2`。',
    },
    tradeoff: {
      en: 'Every send waits for the slowest in-sync follower, so latency grows; when fewer replicas than `min.insync.replicas` are in sync, `acks=all` writes are refused until replicas catch up.',
      zh: '每次发送都要等待最慢的同步 follower，延迟会增加；当同步副本少于 `min.insync.replicas` 时，`acks=all` 的写入会被拒绝，直到副本追上。',
    },
    loss: {
      en: 'With `1`, a leader that fails after answering but before a follower fetched the record takes it along: the new leader never had it. With `0`, whatever the broker did not receive is lost without any error. `all` waits for the current ISR, not for every replica: once the ISR has shrunk to the leader, only `min.insync.replicas` prevents a single-copy acknowledgement. No acks value forces data to disk.',
      zh: '`1`：leader 应答之后、任何 follower 拉取之前发生故障，新 leader 上根本没有这条记录，它就丢了。`0`：broker 没收到的记录会在没有任何错误的情况下丢失。`all` 等待的是当前 ISR 而不是全部副本：ISR 缩到只剩 leader 时，只有 `min.insync.replicas` 能阻止单副本确认。任何 acks 取值都不会强制把数据写入磁盘。',
    },
    references: [KIP_679, DESIGN_HA],
  },
  {
    key: 'enable.idempotence',
    roles: ['producer'],
    safe: 'true',
    summary: {
      en: 'Lets brokers drop the duplicate batches that producer retries would otherwise write twice.',
      zh: '让 broker 丢弃生产者重试时重复写入的批次。',
    },
    meaning: {
      en: 'The producer numbers each batch with its producer id and a sequence; a broker discards a batch it already has, and order is kept with up to 5 requests in flight. It needs `acks=all`, `retries` above 0 and `max.in.flight.requests.per.connection` of at most 5. Default `false` in 0.11–2.8 and `true` since 3.0, but 3.0.0 and 3.1.0 do not apply that default (KAFKA-13598, fixed in 3.0.1, 3.1.1 and 3.2.0).',
      zh: '生产者用 producer id 和序号为每个批次编号；broker 会丢弃已经写过的批次，并在最多 5 个在途请求时保持顺序。它要求 `acks=all`、`retries` 大于 0、`max.in.flight.requests.per.connection` 不超过 5。0.11–2.8 默认 `false`，3.0 起默认 `true`，但 3.0.0 和 3.1.0 实际没有应用这个默认值（KAFKA-13598，在 3.0.1、3.1.1 和 3.2.0 中修复）。',
    },
    safeText: {
      en: '`true` together with `acks=all`; set it explicitly on clients older than 3.0 and on 3.0.0 / 3.1.0.',
      zh: '`true`，并配合 `acks=all`；在 3.0 之前以及 3.0.0 / 3.1.0 的客户端上请显式设置。',
    },
    tradeoff: {
      en: 'Next to no cost on current brokers; brokers older than 2.8 require the IDEMPOTENT_WRITE ACL. It prevents duplicates and reordering, not loss: durability still comes from `acks` and replication.',
      zh: '在当前的 broker 上几乎没有代价；写入 2.8 之前的 broker 需要 IDEMPOTENT_WRITE 权限。它防止的是重复和乱序，而不是丢失：持久性仍来自 `acks` 和副本复制。',
    },
    loss: {
      en: 'When it is off, a retry after a lost acknowledgement writes the batch again, and with several requests in flight a retried batch can land after a later one. Left unset on a 3.2+ client with `acks` other than all or `retries=0`, idempotence is silently dropped; set to `true` with those values, the producer fails to start. More than 5 requests in flight is a startup error in 4.x whenever idempotence is on; in 3.x it silently turns the default idempotence off (and fails when idempotence is set explicitly).',
      zh: '关闭时，确认丢失后的重试会把批次再写一遍；有多个在途请求时，重试的批次可能落在后面的批次之后。3.2 及以上客户端未设置此项、而 `acks` 不是 all 或 `retries=0` 时，幂等会被悄悄放弃；显式设为 `true` 又配了这些值，生产者会启动失败。在途请求超过 5 个时：4.x 只要开启幂等就启动报错；3.x 会悄悄关闭默认开启的幂等（显式开启时则启动失败）。',
    },
    references: [KIP_98, KIP_679],
  },
  {
    key: 'retries',
    roles: ['producer'],
    summary: {
      en: 'How many times the producer resends a batch after a transient error.',
      zh: '遇到暂时性错误后，生产者重发一个批次的次数。',
    },
    meaning: {
      en: 'Default `0` up to Kafka 2.0 and 2147483647 (in effect unlimited) since 2.1, where the time spent retrying is bounded by `delivery.timeout.ms` instead (KIP-91). Kafka advises leaving it unset and tuning `delivery.timeout.ms`.',
      zh: 'Kafka 2.0 及以前默认 `0`，2.1 起默认 2147483647（实际上不限次数），重试所花的时间改由 `delivery.timeout.ms` 限定（KIP-91）。Kafka 建议不设置它，而是调整 `delivery.timeout.ms`。',
    },
    safeText: {
      en: 'Leave it unset on Java clients 2.1 and later; on older clients set a large value.',
      zh: 'Java 客户端 2.1 及以上不设置；更旧的客户端请设一个较大的值。',
    },
    tradeoff: {
      en: 'Without idempotence, retries can write a record twice, and with more than one request in flight they can reorder records.',
      zh: '没有幂等时，重试可能把记录写两次；在途请求多于一个时还可能打乱顺序。',
    },
    loss: {
      en: '`retries=0` turns every transient error (a leader election, NotEnoughReplicas) into a failed send; unless the application handles the callback or future, the record is gone. It also silently switches off the default idempotence.',
      zh: '`retries=0` 会把每个暂时性错误（leader 选举、NotEnoughReplicas）都变成发送失败；除非应用处理了回调或 future，否则记录就丢了。它还会悄悄关闭默认开启的幂等。',
    },
    references: [KIP_91],
  },
  {
    key: 'delivery.timeout.ms',
    roles: ['producer'],
    summary: {
      en: 'Upper bound on the time from send() returning to the producer reporting success or failure.',
      zh: '从 send() 返回到生产者报告成功或失败的最长时间。',
    },
    meaning: {
      en: 'It covers the wait in the batch (`linger.ms`), the wait for acknowledgements and every retry. Added in 2.1 (KIP-91), default 120000 ms (2 minutes). It must be at least `linger.ms` + `request.timeout.ms`: a smaller explicit value fails at startup, and when unset the producer raises it to that sum.',
      zh: '它涵盖批次中的等待（`linger.ms`）、等待确认以及所有重试。2.1 引入（KIP-91），默认 120000 毫秒（2 分钟）。它必须不小于 `linger.ms` + `request.timeout.ms`：显式设置更小的值会导致启动失败；未设置时生产者会把它抬高到这个和。',
    },
    safeText: {
      en: 'The default 120000, or more if broker restarts and leader elections take longer in your cluster.',
      zh: '默认值 120000；如果集群中 broker 重启和 leader 选举耗时更长，可以再调大。',
    },
    tradeoff: {
      en: 'Longer: failures surface later and records stay in memory longer. Shorter: more sends give up during ordinary failovers.',
      zh: '更长：失败暴露得更晚，记录在内存中停留更久。更短：普通的故障切换期间会有更多发送放弃。',
    },
    loss: {
      en: 'A record not acknowledged within this window fails with a timeout; unless the application handles the callback or future (resends or stores it elsewhere), the record is lost.',
      zh: '在这段时间内没有得到确认的记录会以超时失败；除非应用处理了回调或 future（重发或另行保存），否则记录丢失。',
    },
    references: [KIP_91],
  },
  {
    key: 'request.timeout.ms',
    roles: ['producer'],
    summary: {
      en: 'How long the producer waits for a broker to answer one request before retrying or failing it.',
      zh: '生产者等待 broker 应答单个请求的时间，超时后重试或判定失败。',
    },
    meaning: {
      en: 'Default 30000 ms. Kafka advises keeping it larger than the broker setting `replica.lag.time.max.ms` to avoid needless retries. (The old Scala producer used the same name for the broker-side wait for acknowledgements, default 10000.)',
      zh: '默认 30000 毫秒。Kafka 建议让它大于 broker 配置 `replica.lag.time.max.ms`，以避免不必要的重试。（旧 Scala 生产者用同一个名字表示 broker 端等待确认的时间，默认 10000。）',
    },
    safeText: {
      en: 'The default 30000, kept above `replica.lag.time.max.ms`.',
      zh: '默认值 30000，并保持大于 `replica.lag.time.max.ms`。',
    },
    tradeoff: {
      en: 'Too low: slow but healthy requests get retried, which costs throughput and, without idempotence, writes duplicates. Too high: a dead connection is noticed late.',
      zh: '过小：慢但正常的请求也会被重试，降低吞吐，没有幂等时还会写入重复记录。过大：连接失效发现得晚。',
    },
    loss: {
      en: 'Not a loss setting by itself, but `delivery.timeout.ms` must be at least `linger.ms` plus this value, and every timed-out attempt uses up part of that budget.',
      zh: '它本身不直接导致丢失，但 `delivery.timeout.ms` 必须不小于 `linger.ms` 加上此值，每次超时的尝试都会消耗这部分预算。',
    },
  },
  {
    key: 'max.block.ms',
    roles: ['producer'],
    summary: {
      en: 'How long send() and the transaction calls may block waiting for metadata or buffer space.',
      zh: 'send() 和事务相关调用等待元数据或缓冲区空间时最多阻塞多久。',
    },
    meaning: {
      en: 'Default 60000 ms. For send() it bounds the wait for topic metadata plus the wait for room in `buffer.memory`; it also bounds partitionsFor(), initTransactions(), sendOffsetsToTransaction(), commitTransaction() and abortTransaction(). Time spent in your serializer or partitioner does not count.',
      zh: '默认 60000 毫秒。对 send() 来说，它限定等待 topic 元数据与等待 `buffer.memory` 空间的总时间；它也限定 partitionsFor()、initTransactions()、sendOffsetsToTransaction()、commitTransaction() 和 abortTransaction()。序列化器和分区器中花费的时间不计算在内。',
    },
    safeText: { en: 'The default 60000.', zh: '默认值 60000。' },
    tradeoff: {
      en: 'Longer keeps the calling thread blocked longer while the cluster is unreachable; shorter makes sends fail sooner.',
      zh: '更长：集群不可达时调用线程被阻塞更久；更短：发送更早失败。',
    },
    loss: {
      en: 'When the time is up the send fails, usually through the callback or the returned future rather than a thrown exception: fire-and-forget code that ignores both loses the record.',
      zh: '时间用完后发送失败，通常通过回调或返回的 future 报告，而不是直接抛出异常：对两者都不理会的“发完即忘”代码会丢失记录。',
    },
  },
  {
    key: 'buffer.memory',
    roles: ['producer'],
    summary: {
      en: 'Bytes of memory the producer may use for records waiting to be sent.',
      zh: '生产者可用于缓存待发送记录的内存字节数。',
    },
    meaning: {
      en: 'Default 33554432 (32 MiB). When records are produced faster than they are delivered, send() blocks for up to `max.block.ms` and then fails.',
      zh: '默认 33554432（32 MiB）。生产速度超过投递速度时，send() 最多阻塞 `max.block.ms`，然后失败。',
    },
    safeText: { en: 'The default, or more for bursty producers.', zh: '默认值；流量突发的生产者可以调大。' },
    tradeoff: {
      en: 'A bigger buffer rides out longer broker outages, but more unsent records then live only in the process.',
      zh: '更大的缓冲能扛住更长的 broker 故障，但也会有更多未发送的记录只存在于进程中。',
    },
    loss: {
      en: 'Buffered records exist only in the producer’s memory: if the process dies before they are sent (no close() or flush() at shutdown), they are lost. A full buffer makes send() fail after `max.block.ms`.',
      zh: '缓冲中的记录只存在于生产者的内存里：进程在发送前退出（关闭时没有调用 close() 或 flush()），它们就丢失了。缓冲区满时，send() 会在 `max.block.ms` 后失败。',
    },
  },
  {
    key: 'batch.size',
    roles: ['producer'],
    summary: {
      en: 'Upper bound, in bytes, of one batch of records for a partition.',
      zh: '单个分区一个批次的字节数上限。',
    },
    meaning: {
      en: 'Default 16384. A batch is sent when it is full or when `linger.ms` has passed; `0` turns batching off. The unit is bytes, not records.',
      zh: '默认 16384。批次写满或等待满 `linger.ms` 后发送；`0` 表示不攒批。单位是字节，而不是记录条数。',
    },
    safeText: { en: 'The default; raise it for throughput.', zh: '默认值；为了吞吐可以调大。' },
    tradeoff: {
      en: 'Bigger batches compress better and need fewer requests, but reserve more memory per partition.',
      zh: '批次越大压缩效果越好、请求越少，但每个分区预留的内存越多。',
    },
    loss: {
      en: 'No direct effect on loss; bigger batches mean more records waiting in memory, which are lost if the process dies before sending them.',
      zh: '不直接影响丢失；批次越大，在内存中等待的记录越多，进程在发送前退出时丢失得也越多。',
    },
  },
  {
    key: 'linger.ms',
    roles: ['producer'],
    summary: {
      en: 'How long the producer waits for more records before sending a batch that is not full.',
      zh: '批次未满时，生产者为等待更多记录而延迟发送的时间。',
    },
    meaning: {
      en: 'Default `0` up to Kafka 3.9 and `5` since 4.0. A full batch (`batch.size`) is sent at once regardless.',
      zh: 'Kafka 3.9 及以前默认 `0`，4.0 起默认 `5`。批次写满（`batch.size`）时无论如何都会立即发送。',
    },
    safeText: {
      en: 'The default of your client version; a few milliseconds balances throughput and latency.',
      zh: '使用客户端版本的默认值；几毫秒即可兼顾吞吐和延迟。',
    },
    tradeoff: { en: 'Higher values add latency and batch better.', zh: '值越大延迟越高，攒批效果越好。' },
    loss: {
      en: 'Only indirect: records wait in memory this long and are lost if the process dies meanwhile. `delivery.timeout.ms` must be at least `linger.ms` + `request.timeout.ms`.',
      zh: '只有间接影响：记录会在内存中等待这么久，期间进程退出就会丢失。`delivery.timeout.ms` 必须不小于 `linger.ms` + `request.timeout.ms`。',
    },
  },
  {
    key: 'max.in.flight.requests.per.connection',
    roles: ['producer'],
    safe: '5',
    summary: {
      en: 'How many unacknowledged requests the producer sends on one connection before it waits.',
      zh: '生产者在一个连接上最多发送多少个尚未确认的请求。',
    },
    meaning: {
      en: 'Default 5, minimum 1. With idempotence on it must be at most 5, because a broker remembers only the last 5 batches of each producer.',
      zh: '默认 5，最小 1。开启幂等时必须不超过 5，因为 broker 只为每个生产者记住最近的 5 个批次。',
    },
    safeText: { en: '`5` or less, with idempotence on.', zh: '开启幂等，并设为 `5` 或更小。' },
    tradeoff: {
      en: 'More requests in flight raise throughput on links with high latency; 1 sends strictly one request at a time.',
      zh: '在途请求越多，高延迟链路上的吞吐越高；设为 1 则严格一次只发一个请求。',
    },
    loss: {
      en: 'Above 5 with idempotence on: Kafka 4.x refuses to start; 3.x silently turns the default idempotence off, and fails to start if idempotence was set explicitly. With idempotence off and retries on, any value above 1 can reorder records after a retry.',
      zh: '开启幂等时超过 5：Kafka 4.x 拒绝启动；3.x 会悄悄关闭默认开启的幂等，若幂等是显式开启的则启动失败。关闭幂等且允许重试时，任何大于 1 的值都可能在重试后打乱记录顺序。',
    },
  },
  {
    key: 'retry.backoff.ms',
    roles: ['producer'],
    summary: { en: 'How long the producer waits before retrying a failed request.', zh: '生产者重试失败请求之前等待的时间。' },
    meaning: {
      en: 'Default 100 ms. Since 3.7 it is the first wait of an exponential backoff that grows up to `retry.backoff.max.ms` (default 1000) with ±20 % jitter.',
      zh: '默认 100 毫秒。3.7 起它是指数退避的初始等待，最多增长到 `retry.backoff.max.ms`（默认 1000），并带 ±20% 的随机抖动。',
    },
    safeText: { en: 'The default.', zh: '默认值。' },
    tradeoff: {
      en: 'A longer backoff means fewer and later retries within the same `delivery.timeout.ms`.',
      zh: '退避越长，在同一个 `delivery.timeout.ms` 内重试得越少、越晚。',
    },
    loss: {
      en: 'Not a loss control by itself; the overall retry budget is `delivery.timeout.ms`.',
      zh: '它本身不控制丢失；总的重试预算是 `delivery.timeout.ms`。',
    },
  },
  {
    key: 'transactional.id',
    roles: ['producer'],
    summary: {
      en: 'Identity that turns on transactions for this producer, stable across restarts.',
      zh: '为生产者开启事务的标识，在重启之间保持不变。',
    },
    meaning: {
      en: 'Unset by default. Setting it implies idempotence; a producer with a transactional id whose idempotence is disabled fails to start. Transactions need the broker’s transaction log, which by default wants 3 brokers (`transaction.state.log.replication.factor`). In Spring Boot, `spring.kafka.producer.transaction-id-prefix` turns transactions on.',
      zh: '默认不设置。设置后隐含开启幂等；设置了事务 id 但幂等被关闭的生产者会启动失败。事务依赖 broker 的事务日志，默认需要 3 个 broker（`transaction.state.log.replication.factor`）。在 Spring Boot 中，`spring.kafka.producer.transaction-id-prefix` 会开启事务。',
    },
    safeText: {
      en: 'Only when you need transactions: a stable id, unique per producer instance.',
      zh: '仅在需要事务时设置：每个生产者实例使用稳定且唯一的 id。',
    },
    tradeoff: {
      en: 'Commits add latency, and consumers must read with `isolation.level=read_committed` to skip aborted data.',
      zh: '事务提交会增加延迟，消费者还必须使用 `isolation.level=read_committed` 才能跳过被中止的数据。',
    },
    loss: {
      en: 'Consumers on the default `read_uncommitted` also receive records of aborted transactions, so a write the producer rolled back is processed anyway.',
      zh: '使用默认 `read_uncommitted` 的消费者也会收到被中止事务的记录，生产者已回滚的写入照样会被处理。',
    },
    references: [KIP_98],
  },
  {
    key: 'enable.auto.commit',
    roles: ['consumer'],
    safe: 'false',
    summary: {
      en: 'Whether the consumer commits offsets periodically in the background.',
      zh: '消费者是否在后台定期提交 offset。',
    },
    meaning: {
      en: 'Default `true` in the Java client: the offsets of records that poll() returned are committed every `auto.commit.interval.ms`, whether your code has finished with them or not. spring-kafka (2.3+) sets it to `false` unless you set it, and commits from the listener container.',
      zh: 'Java 客户端默认 `true`：poll() 返回的记录的 offset 每隔 `auto.commit.interval.ms` 提交一次，不管代码是否已经处理完。spring-kafka（2.3+）在你没有设置时会把它设为 `false`，并由监听容器负责提交。',
    },
    safeText: {
      en: '`false`, committing after processing (commitSync / commitAsync, or a spring-kafka ack mode).',
      zh: '`false`，并在处理完成后提交（commitSync / commitAsync，或 spring-kafka 的 ack mode）。',
    },
    tradeoff: {
      en: 'Manual commits are more code; auto-commit is safe only when every record is fully processed inside the poll loop before the next poll().',
      zh: '手动提交需要多写代码；只有在下一次 poll() 之前，每条记录都已在 poll 循环中处理完毕时，自动提交才安全。',
    },
    loss: {
      en: 'Records handed to another thread, or skipped after an error, are committed anyway: after a crash or rebalance they are never read again. Records processed since the last commit are delivered again (duplicates). Under spring-kafka, `true` combined with a MANUAL ack mode fails at startup.',
      zh: '交给其他线程的记录、或出错后被跳过的记录照样会被提交：崩溃或再均衡之后，它们再也不会被读取。自上次提交以来处理过的记录会被再次投递（重复）。在 spring-kafka 中，`true` 与 MANUAL 类 ack mode 同时使用会导致启动失败。',
    },
    references: [CONSUMER_POSITION],
  },
  {
    key: 'auto.commit.interval.ms',
    roles: ['consumer'],
    summary: { en: 'How often auto-commit commits offsets.', zh: '自动提交 offset 的间隔。' },
    meaning: {
      en: 'Default 5000 ms; used only with `enable.auto.commit=true`. (The sarama equivalent defaults to 1 s.)',
      zh: '默认 5000 毫秒；仅在 `enable.auto.commit=true` 时使用。（sarama 的对应项默认 1 秒。）',
    },
    safeText: {
      en: 'Irrelevant once auto-commit is off; otherwise the default.',
      zh: '关闭自动提交后无关紧要；否则使用默认值。',
    },
    tradeoff: {
      en: 'Shorter intervals mean fewer duplicates after a crash but more commit requests.',
      zh: '间隔越短，崩溃后的重复越少，但提交请求越多。',
    },
    loss: {
      en: 'It cannot prevent the auto-commit loss; it only changes how much is delivered again after a crash.',
      zh: '它无法避免自动提交造成的丢失，只改变崩溃后重复投递的多少。',
    },
  },
  {
    key: 'auto.offset.reset',
    roles: ['consumer'],
    safe: 'earliest',
    summary: {
      en: 'Where a consumer starts when its group has no committed offset, or the offset no longer exists.',
      zh: '消费组没有已提交的 offset、或 offset 已不存在时，消费者从哪里开始读取。',
    },
    meaning: {
      en: '`latest` (default): start at the end of the partition. `earliest`: start at the beginning. `none`: fail. Kafka 4.0 adds `by_duration:<ISO-8601 duration>`, starting that far back in time (KIP-1106).',
      zh: '`latest`（默认）：从分区末尾开始。`earliest`：从头开始。`none`：直接报错。Kafka 4.0 新增 `by_duration:<ISO-8601 时长>`，从这段时间之前开始（KIP-1106）。',
    },
    safeText: {
      en: '`earliest` for consumers that must not miss data (or `none` with explicit handling).',
      zh: '不能漏掉数据的消费者用 `earliest`（或用 `none` 并显式处理）。',
    },
    tradeoff: {
      en: '`earliest` reads the whole retained log again when offsets are missing, so processing has to tolerate duplicates.',
      zh: '`earliest` 在 offset 缺失时会重新读取全部保留的日志，因此处理逻辑必须能容忍重复。',
    },
    loss: {
      en: 'With `latest`, a new group, a group whose offsets expired (`offsets.retention.minutes`) and partitions added to a topic all skip every record written before the consumer starts reading them.',
      zh: '使用 `latest` 时，新消费组、offset 已过期（`offsets.retention.minutes`）的消费组以及 topic 新增的分区，都会跳过消费者开始读取之前写入的全部记录。',
    },
  },
  {
    key: 'isolation.level',
    roles: ['consumer'],
    safe: 'read_committed',
    summary: {
      en: 'Whether the consumer also sees records of aborted and still-open transactions.',
      zh: '消费者是否也能看到已中止和尚未完成的事务中的记录。',
    },
    meaning: {
      en: '`read_uncommitted` (Java default) returns every record, including those of aborted transactions; `read_committed` returns only committed transactional records and stops at the last stable offset. librdkafka defaults to `read_committed`; Spring Boot always writes this key (READ_UNCOMMITTED unless configured).',
      zh: '`read_uncommitted`（Java 默认）返回全部记录，包括已中止事务的记录；`read_committed` 只返回已提交的事务记录，并停在最后稳定 offset（LSO）。librdkafka 默认 `read_committed`；Spring Boot 总会写入此项（未配置时为 READ_UNCOMMITTED）。',
    },
    safeText: {
      en: '`read_committed` whenever producers write with transactions.',
      zh: '只要生产者使用事务写入，就用 `read_committed`。',
    },
    tradeoff: {
      en: '`read_committed` holds back records that follow an open transaction until it ends.',
      zh: '`read_committed` 会让排在未完成事务之后的记录等到事务结束才可见。',
    },
    loss: {
      en: 'Not loss but wrong data: `read_uncommitted` consumers process writes that the producer rolled back.',
      zh: '不是丢失而是错误数据：`read_uncommitted` 的消费者会处理生产者已经回滚的写入。',
    },
  },
  {
    key: 'group.id',
    roles: ['consumer'],
    summary: {
      en: 'The consumer group that shares the partitions and owns the committed offsets.',
      zh: '分摊分区并拥有已提交 offset 的消费组。',
    },
    meaning: {
      en: 'Default `""` before 2.2 and unset since 2.2 (KIP-289): without a group id a consumer can neither subscribe nor commit offsets, and `enable.auto.commit=true` is rejected. Consumers of one group split the partitions; separate groups each receive every record.',
      zh: '2.2 之前默认 `""`，2.2 起默认不设置（KIP-289）：没有 group id 的消费者既不能订阅也不能提交 offset，`enable.auto.commit=true` 会被拒绝。同一组的消费者分摊分区；不同的组各自收到全部记录。',
    },
    safeText: {
      en: 'A stable name per application, changed only on purpose.',
      zh: '每个应用一个稳定的名字，只在有意为之时修改。',
    },
    tradeoff: {
      en: 'A new name is how you replay or isolate a consumer, but the new group starts without offsets.',
      zh: '换一个新名字可以重放或隔离消费者，但新组没有任何 offset。',
    },
    loss: {
      en: 'A renamed (or misspelt) group has no committed offsets; with `auto.offset.reset=latest` it skips everything written before it starts.',
      zh: '改名（或拼错）后的消费组没有已提交的 offset；配合 `auto.offset.reset=latest`，它会跳过启动之前写入的所有数据。',
    },
  },
  {
    key: 'min.insync.replicas',
    roles: ['broker', 'topic'],
    safe: '2',
    summary: {
      en: 'The fewest in-sync replicas that must have a record before an `acks=all` write succeeds.',
      zh: '`acks=all` 写入成功前，至少需要多少个同步副本拿到记录。',
    },
    meaning: {
      en: 'Default 1, for the whole broker or per topic. Checked only for `acks=all` producers: with fewer replicas in sync, the write fails with NotEnoughReplicas, which the Java producer retries until `delivery.timeout.ms`. With `acks=0` or `1` it is not checked.',
      zh: '默认 1，可作用于整个 broker 或单个 topic。只对 `acks=all` 的生产者检查：同步副本不足时写入以 NotEnoughReplicas 失败，Java 生产者会一直重试到 `delivery.timeout.ms`。`acks=0` 或 `1` 时不检查。',
    },
    safeText: {
      en: '`2` with replication factor 3 — in general, the replication factor minus one.',
      zh: '副本数为 3 时设为 `2`——一般取副本数减一。',
    },
    tradeoff: {
      en: 'Higher values refuse writes earlier when replicas fail. Equal to the replication factor, one broker down blocks every `acks=all` write; above it, such writes can never succeed.',
      zh: '值越高，副本故障时越早拒绝写入。等于副本数时，一个 broker 宕机就会阻塞所有 `acks=all` 写入；大于副本数时，这类写入永远无法成功。',
    },
    loss: {
      en: 'With 1, once the ISR has shrunk to the leader, an `acks=all` write is acknowledged by the leader alone; losing that broker’s disk, or an unclean election, then loses the record.',
      zh: '为 1 时，一旦 ISR 缩到只剩 leader，`acks=all` 的写入只由 leader 一个副本确认；随后这个 broker 的磁盘损坏或发生非干净选举，记录就会丢失。',
    },
    references: [DESIGN_HA],
  },
  {
    key: 'default.replication.factor',
    roles: ['broker'],
    safe: '3',
    summary: {
      en: 'Replication factor of automatically created topics and of topics created with -1.',
      zh: '自动创建的 topic 以及以 -1 创建的 topic 所用的副本数。',
    },
    meaning: {
      en: 'Default 1. The replication factor is fixed when a topic is created (kafka-topics.sh --replication-factor, AdminClient NewTopic, Strimzi KafkaTopic spec.replicas); this key is the fallback.',
      zh: '默认 1。副本数在创建 topic 时确定（kafka-topics.sh --replication-factor、AdminClient NewTopic、Strimzi KafkaTopic 的 spec.replicas），此项只是兜底值。',
    },
    safeText: {
      en: '`3` (Kafka’s production example pairs it with `min.insync.replicas=2`).',
      zh: '`3`（Kafka 的生产环境示例同时使用 `min.insync.replicas=2`）。',
    },
    tradeoff: {
      en: 'Three copies triple disk use and replication traffic; a single-broker development setup can only use 1.',
      zh: '三副本意味着三倍的磁盘占用和复制流量；单 broker 的开发环境只能用 1。',
    },
    loss: {
      en: 'A topic with one replica has no failover: losing that broker or disk loses its data, and the partition is offline meanwhile.',
      zh: '只有一个副本的 topic 无法故障切换：这个 broker 或磁盘损坏就会丢失数据，期间分区也不可用。',
    },
  },
  {
    key: 'offsets.topic.replication.factor',
    roles: ['broker'],
    safe: '3',
    summary: {
      en: 'Replication factor of `__consumer_offsets`, where consumer groups keep their committed offsets.',
      zh: '`__consumer_offsets` 的副本数，消费组把已提交的 offset 存在这里。',
    },
    meaning: {
      en: 'Default 3. Since 0.11 the topic is not created until enough brokers are up; until then group coordination fails with GROUP_COORDINATOR_NOT_AVAILABLE. Single-broker setups set 1.',
      zh: '默认 3。0.11 起，足够的 broker 启动之前不会创建该 topic，在此之前消费组协调以 GROUP_COORDINATOR_NOT_AVAILABLE 失败。单 broker 环境会设为 1。',
    },
    safeText: { en: '`3`.', zh: '设为 `3`。' },
    tradeoff: { en: 'Needs at least 3 brokers.', zh: '至少需要 3 个 broker。' },
    loss: {
      en: 'With 1, losing that broker loses committed offsets: consumers restart from `auto.offset.reset` and either skip records (`latest`) or process them again (`earliest`).',
      zh: '为 1 时，这个 broker 丢失就会丢失已提交的 offset：消费者按 `auto.offset.reset` 重新开始，要么跳过记录（`latest`），要么重复处理（`earliest`）。',
    },
  },
  {
    key: 'transaction.state.log.replication.factor',
    roles: ['broker'],
    safe: '3',
    summary: {
      en: 'Replication factor of the transaction state topic `__transaction_state`.',
      zh: '事务状态 topic `__transaction_state` 的副本数。',
    },
    meaning: {
      en: 'Default 3 (0.11+). The topic is not created until the cluster has that many brokers, so transactional producers cannot start before then.',
      zh: '默认 3（0.11+）。集群中的 broker 数达到该值之前不会创建这个 topic，事务生产者在此之前无法启动。',
    },
    safeText: {
      en: '`3`, with `transaction.state.log.min.isr=2`.',
      zh: '`3`，并配合 `transaction.state.log.min.isr=2`。',
    },
    tradeoff: { en: 'Needs at least 3 brokers; development setups use 1.', zh: '至少需要 3 个 broker；开发环境使用 1。' },
    loss: {
      en: 'With 1, a single broker failure makes the transaction log unavailable, and losing its disk loses it.',
      zh: '为 1 时，单个 broker 故障就会让事务日志不可用，磁盘损坏则会丢失它。',
    },
  },
  {
    key: 'transaction.state.log.min.isr',
    roles: ['broker'],
    safe: '2',
    summary: {
      en: 'Fewest in-sync replicas that must acknowledge a write to the transaction state topic.',
      zh: '写入事务状态 topic 时至少需要确认的同步副本数。',
    },
    meaning: {
      en: 'Default 2 (0.11+). It is the `min.insync.replicas` of `__transaction_state`.',
      zh: '默认 2（0.11+）。它就是 `__transaction_state` 的 `min.insync.replicas`。',
    },
    safeText: {
      en: '`2` with `transaction.state.log.replication.factor=3`.',
      zh: '`2`，并配合 `transaction.state.log.replication.factor=3`。',
    },
    tradeoff: {
      en: 'Equal to the replication factor, one broker down makes transactions unavailable; above it, they never work.',
      zh: '等于副本数时，一个 broker 宕机就会让事务不可用；大于副本数时，事务永远无法工作。',
    },
    loss: {
      en: 'At 1, transaction state written while only one replica is in sync exists on a single broker.',
      zh: '为 1 时，只有一个同步副本期间写入的事务状态只存在于一个 broker 上。',
    },
  },
  {
    key: 'unclean.leader.election.enable',
    roles: ['broker', 'topic'],
    safe: 'false',
    summary: {
      en: 'Whether a replica outside the ISR may become leader when no in-sync replica is left.',
      zh: '没有同步副本可用时，是否允许 ISR 之外的副本成为 leader。',
    },
    meaning: {
      en: 'Default `true` up to 0.10.2 and `false` since 0.11.0, for the broker or per topic. A replica outside the ISR may lack acknowledged records; once it leads, its log becomes the truth and those records are gone.',
      zh: '0.10.2 及以前默认 `true`，0.11.0 起默认 `false`，可在 broker 级或 topic 级设置。ISR 之外的副本可能缺少已确认的记录；它一旦成为 leader，它的日志就成为事实，那些记录随之消失。',
    },
    safeText: { en: '`false`.', zh: '设为 `false`。' },
    tradeoff: {
      en: 'With `false`, a partition whose in-sync replicas are all down stays offline until one of them comes back.',
      zh: '为 `false` 时，同步副本全部宕机的分区会一直不可用，直到其中一个恢复。',
    },
    loss: {
      en: 'With `true`, electing a lagging replica silently discards every acknowledged record it had not copied. Clusters older than 0.11 behave this way by default.',
      zh: '为 `true` 时，选出落后的副本会悄悄丢弃它尚未复制的所有已确认记录。0.11 之前的集群默认就是这样。',
    },
    references: [{ title: 'Kafka design: Unclean leader election', url: 'https://kafka.apache.org/documentation/#design_uncleanleader' }],
  },
  {
    key: 'log.flush.interval.messages',
    roles: ['broker'],
    summary: {
      en: 'Number of messages after which the broker forces a partition’s log to disk (fsync).',
      zh: '累计多少条消息后，broker 强制把分区日志刷到磁盘（fsync）。',
    },
    meaning: {
      en: 'Default 9223372036854775807, i.e. never forced: the broker leaves flushing to the operating system. Topic override: `flush.messages`. (Kafka 0.8.0 defaulted to 10000.)',
      zh: '默认 9223372036854775807，即从不强制：broker 把刷盘交给操作系统。topic 级覆盖项：`flush.messages`。（Kafka 0.8.0 默认 10000。）',
    },
    safeText: FLUSH_SAFE,
    tradeoff: FLUSH_TRADEOFF,
    loss: FLUSH_LOSS,
    references: [OPS_FLUSH],
  },
  {
    key: 'log.flush.interval.ms',
    roles: ['broker'],
    summary: {
      en: 'Longest time a message may stay in memory before the broker forces it to disk (fsync).',
      zh: '消息在内存中最多停留多久，broker 就会强制把它刷到磁盘（fsync）。',
    },
    meaning: {
      en: 'Unset by default, in which case `log.flush.scheduler.interval.ms` (default 9223372036854775807) applies: flushing is never forced. Topic override: `flush.ms`. (Kafka 0.8.0 defaulted to 3000.)',
      zh: '默认不设置，此时使用 `log.flush.scheduler.interval.ms`（默认 9223372036854775807）：从不强制刷盘。topic 级覆盖项：`flush.ms`。（Kafka 0.8.0 默认 3000。）',
    },
    safeText: FLUSH_SAFE,
    tradeoff: FLUSH_TRADEOFF,
    loss: FLUSH_LOSS,
    references: [OPS_FLUSH],
  },
  {
    key: 'flush.messages',
    roles: ['topic'],
    summary: {
      en: 'Per-topic number of messages after which the log is forced to disk (fsync).',
      zh: '按 topic 设置：累计多少条消息后强制把日志刷到磁盘（fsync）。',
    },
    meaning: {
      en: 'Topic override of the broker’s `log.flush.interval.messages`; default 9223372036854775807 (never forced). Older docs (0.8.2–0.10.0) listed the default as none, which means the same.',
      zh: 'broker 配置 `log.flush.interval.messages` 的 topic 级覆盖项；默认 9223372036854775807（从不强制）。较早的文档（0.8.2–0.10.0）把默认值写作 none，含义相同。',
    },
    safeText: FLUSH_SAFE,
    tradeoff: FLUSH_TRADEOFF,
    loss: FLUSH_LOSS,
    references: [OPS_FLUSH],
  },
  {
    key: 'flush.ms',
    roles: ['topic'],
    summary: {
      en: 'Per-topic longest time a message may stay unflushed before the log is forced to disk (fsync).',
      zh: '按 topic 设置：消息最多多久不刷盘，之后强制把日志刷到磁盘（fsync）。',
    },
    meaning: {
      en: 'Topic override of the broker’s `log.flush.interval.ms`; default 9223372036854775807 (never forced).',
      zh: 'broker 配置 `log.flush.interval.ms` 的 topic 级覆盖项；默认 9223372036854775807（从不强制）。',
    },
    safeText: FLUSH_SAFE,
    tradeoff: FLUSH_TRADEOFF,
    loss: FLUSH_LOSS,
    references: [OPS_FLUSH],
  },
  {
    key: 'auto.create.topics.enable',
    roles: ['broker'],
    safe: 'false',
    summary: {
      en: 'Whether the broker creates a topic the first time a client uses an unknown name.',
      zh: '客户端第一次使用不存在的 topic 名时，broker 是否自动创建它。',
    },
    meaning: {
      en: 'Default `true`. Auto-created topics get `num.partitions` (default 1) partitions and `default.replication.factor` (default 1) replicas. Consumers can decline with `allow.auto.create.topics` (2.3+).',
      zh: '默认 `true`。自动创建的 topic 使用 `num.partitions`（默认 1）个分区和 `default.replication.factor`（默认 1）个副本。消费者可通过 `allow.auto.create.topics`（2.3+）拒绝触发自动创建。',
    },
    safeText: {
      en: '`false`, as in Kafka’s production example, with topics created explicitly.',
      zh: '`false`（Kafka 生产环境示例的做法），并显式创建 topic。',
    },
    tradeoff: { en: 'Every topic must be created before it is used.', zh: '每个 topic 都必须在使用前创建。' },
    loss: {
      en: 'A typo in a topic name silently creates a new topic, with a single replica by default: producers write there, nobody reads it, and one broker failure loses it.',
      zh: 'topic 名称拼写错误会悄悄创建一个新 topic，默认只有一个副本：生产者往里写、没人读，单个 broker 故障就会丢失它。',
    },
  },
  {
    key: 'replica.lag.time.max.ms',
    roles: ['broker'],
    summary: {
      en: 'How long a follower may lag before the leader removes it from the ISR.',
      zh: 'follower 落后多久之后，leader 会把它移出 ISR。',
    },
    meaning: {
      en: 'Default 10000 ms up to 2.4 and 30000 ms since 2.5. A follower that has not fetched, or not caught up to the leader’s log end, for this long leaves the ISR. Since 0.9 time is the only criterion (`replica.lag.max.messages` was removed, KIP-16).',
      zh: '2.4 及以前默认 10000 毫秒，2.5 起默认 30000 毫秒。follower 在这段时间内没有拉取、或没有追上 leader 的日志末尾，就会离开 ISR。0.9 起时间是唯一的判定标准（`replica.lag.max.messages` 已移除，KIP-16）。',
    },
    safeText: { en: 'The default of your broker version.', zh: '使用 broker 版本的默认值。' },
    tradeoff: {
      en: 'Lower values shrink the ISR sooner, after which `acks=all` waits for fewer replicas; higher values keep slow followers in, so `acks=all` waits longer.',
      zh: '值越低 ISR 收缩越快，之后 `acks=all` 需要等待的副本更少；值越高，慢的 follower 留在 ISR 中越久，`acks=all` 等待越久。',
    },
    loss: {
      en: 'Indirect: a shrunken ISR with `min.insync.replicas=1` lets one replica acknowledge writes. Producers should keep `request.timeout.ms` above this value to avoid retries that cause duplicates.',
      zh: '间接影响：ISR 收缩且 `min.insync.replicas=1` 时，单个副本即可确认写入。生产者的 `request.timeout.ms` 应大于此值，以免产生导致重复的重试。',
    },
  },
  {
    key: 'offsets.retention.minutes',
    roles: ['broker'],
    summary: {
      en: 'How long the broker keeps the committed offsets of a group that has become empty (or stopped subscribing to a topic).',
      zh: '消费组变为空（或不再订阅某个 topic）之后，broker 保留其已提交 offset 的时间。',
    },
    meaning: {
      en: 'Default 1440 (1 day) up to 1.1 and 10080 (7 days) since 2.0.',
      zh: '1.1 及以前默认 1440（1 天），2.0 起默认 10080（7 天）。',
    },
    safeText: {
      en: 'At least the 7-day default, and longer than any planned consumer downtime.',
      zh: '至少为默认的 7 天，并长于任何计划内的消费者停机时间。',
    },
    tradeoff: {
      en: 'Longer retention keeps more entries in `__consumer_offsets`.',
      zh: '保留越久，`__consumer_offsets` 中的条目越多。',
    },
    loss: {
      en: 'When offsets expire, the group starts over from `auto.offset.reset`: with `latest`, everything written while it was away is skipped.',
      zh: 'offset 过期后，消费组按 `auto.offset.reset` 重新开始：若为 `latest`，停机期间写入的数据全部被跳过。',
    },
  },
  {
    key: 'replication.factor',
    roles: ['topic'],
    url: 'https://kafka.apache.org/documentation/#replication',
    safe: '3',
    summary: {
      en: 'Number of copies of each partition of the topic (Strimzi `KafkaTopic.spec.replicas`).',
      zh: 'topic 每个分区的副本数（Strimzi 中为 `KafkaTopic.spec.replicas`）。',
    },
    meaning: {
      en: 'Fixed when the topic is created (Strimzi `spec.replicas`, kafka-topics.sh --replication-factor, AdminClient NewTopic); when absent, the broker’s `default.replication.factor` applies. With f+1 replicas a topic survives f broker failures without losing committed records.',
      zh: '在创建 topic 时确定（Strimzi 的 `spec.replicas`、kafka-topics.sh --replication-factor、AdminClient NewTopic）；未指定时使用 broker 的 `default.replication.factor`。有 f+1 个副本的 topic 可以承受 f 个 broker 故障而不丢失已提交的记录。',
    },
    safeText: {
      en: '`3`, with `min.insync.replicas=2`.',
      zh: '`3`，并配合 `min.insync.replicas=2`。',
    },
    tradeoff: {
      en: 'More copies cost disk and network; a single-broker cluster can only have 1.',
      zh: '副本越多，磁盘和网络开销越大；单 broker 集群只能用 1。',
    },
    loss: {
      en: 'With one replica, losing that broker or its disk loses the partition’s data.',
      zh: '只有一个副本时，这个 broker 或其磁盘丢失就会丢失该分区的数据。',
    },
  },
  {
    key: 'spring:listener.ack-mode',
    roles: ['consumer'],
    title: 'spring.kafka.listener.ack-mode',
    url: 'https://docs.spring.io/spring-kafka/reference/kafka/receiving-messages/message-listener-container.html',
    safe: 'BATCH',
    summary: {
      en: 'When the spring-kafka listener container commits offsets.',
      zh: 'spring-kafka 监听容器在什么时候提交 offset。',
    },
    meaning: {
      en: '`RECORD`: after each record the listener returns from. `BATCH` (default): after all records of one poll() are processed. `TIME`, `COUNT`, `COUNT_TIME`: like BATCH, once a time or count threshold is reached. `MANUAL`: the listener calls Acknowledgment.acknowledge(), and commits follow the BATCH timing. `MANUAL_IMMEDIATE`: commit as soon as acknowledge() is called. It applies only when `enable.auto.commit` is false, which is spring-kafka’s default since 2.3. Spring Boot also accepts lower-case and dashed forms (`manual-immediate`).',
      zh: '`RECORD`：监听器处理完每条记录返回后提交。`BATCH`（默认）：一次 poll() 的所有记录处理完后提交。`TIME`、`COUNT`、`COUNT_TIME`：与 BATCH 类似，在达到时间或数量阈值时提交。`MANUAL`：监听器调用 Acknowledgment.acknowledge()，提交按 BATCH 的时机进行。`MANUAL_IMMEDIATE`：调用 acknowledge() 时立即提交。只在 `enable.auto.commit` 为 false 时生效，这是 spring-kafka 2.3 起的默认。Spring Boot 也接受小写和连字符形式（`manual-immediate`）。',
    },
    safeText: {
      en: '`BATCH` or `RECORD` when the listener finishes its work before returning; `MANUAL` / `MANUAL_IMMEDIATE` when processing continues elsewhere and acknowledges when done.',
      zh: '监听器在返回前完成处理时用 `BATCH` 或 `RECORD`；处理在别处继续进行时用 `MANUAL` / `MANUAL_IMMEDIATE`，并在完成后确认。',
    },
    tradeoff: {
      en: '`RECORD` commits more often (more requests, fewer duplicates after a crash); the manual modes need an `Acknowledgment` parameter in the listener.',
      zh: '`RECORD` 提交更频繁（请求更多，崩溃后重复更少）；手动模式要求监听器带有 `Acknowledgment` 参数。',
    },
    loss: {
      en: 'Commits follow the listener returning, not your business outcome: a listener that hands records to another thread has them committed before the work is done. With `enable.auto.commit=true` the ack mode is bypassed, and a MANUAL mode then fails at startup. The default error handler gives up on a record after 10 attempts and moves on unless a recoverer such as a dead-letter topic is configured.',
      zh: '提交跟随监听器返回，而不是业务结果：把记录交给其他线程的监听器，会在工作完成之前就提交。`enable.auto.commit=true` 时 ack mode 被绕过，MANUAL 类模式还会导致启动失败。默认的错误处理器在 10 次尝试后放弃该记录并继续处理后面的记录，除非配置了恢复器（例如死信 topic）。',
    },
  },
  // Spring Cloud Stream's Kafka binder (knowledge/scst.ts; docs/sources/spring-cloud-stream.md).
  {
    key: 'scst:group',
    roles: ['consumer'],
    title: 'spring.cloud.stream.bindings.<binding>.group',
    url: 'https://docs.spring.io/spring-cloud-stream/reference/spring-cloud-stream/consumer-groups.html',
    summary: {
      en: "The consumer group of a Spring Cloud Stream binding: the Kafka binder's `group.id`.",
      zh: 'Spring Cloud Stream 绑定的消费者组，即 Kafka binder 使用的 `group.id`。',
    },
    meaning: {
      en: 'Bindings with the same group share the partitions of the destination; every group gets every record. Without a group the binding is anonymous: the Kafka binder makes a new group `anonymous.<random UUID>` at every start, begins it at `latest`, and refuses a dead-letter topic for it. `spring.cloud.stream.default.group` sets one for every binding.',
      zh: '同一个组的绑定分摊目标 topic 的分区；每个组都会收到每条记录。没有组的绑定是匿名的：Kafka binder 每次启动都新建一个 `anonymous.<随机 UUID>` 组，从 `latest` 开始读取，并且不允许为它配置死信 topic。`spring.cloud.stream.default.group` 可为所有绑定设置默认组。',
    },
    safeText: {
      en: 'A stable name for every consumer binding whose records must all be processed (the application name, say).',
      zh: '凡是必须处理全部记录的消费者绑定，都设置一个稳定的名字（例如应用名）。',
    },
    tradeoff: {
      en: 'A named group keeps its committed offsets across restarts, so a new deployment resumes where the old one stopped (and starts at `earliest` the first time); instances of one application share the work instead of each seeing everything.',
      zh: '有名字的组在重启后保留已提交的位移，新部署从旧部署停下的地方继续（第一次从 `earliest` 开始）；同一应用的多个实例分摊工作，而不是每个实例都收到全部消息。',
    },
    loss: {
      en: 'An anonymous binding starts at the end of the partitions at every start: records published while the application was stopped, redeployed or restarting are never read by it.',
      zh: '匿名绑定每次启动都从分区末尾开始：应用停止、重新部署或重启期间发布的记录，它永远读不到。',
    },
  },
  {
    key: 'scst:consumer.enable-dlq',
    roles: ['consumer'],
    title: 'spring.cloud.stream.kafka.bindings.<binding>.consumer.enable-dlq',
    url: 'https://docs.spring.io/spring-cloud-stream/reference/kafka/kafka-binder/config-options.html',
    safe: 'true',
    summary: {
      en: "Whether the Kafka binder publishes a record that failed all its attempts to a dead-letter topic. Default `false`.",
      zh: 'Kafka binder 是否把所有尝试都失败的记录发布到死信 topic。默认 `false`。',
    },
    meaning: {
      en: "After `spring.cloud.stream.bindings.<binding>.consumer.max-attempts` (default 3, with 1 s and then 2 s back-off in memory) the binder gives up on a record. With `true` it sends the record to `error.<destination>.<group>` (or `dlq-name`) and commits its offset; with `false` the failure is logged and the offset committed all the same. Not allowed on an anonymous binding.",
      zh: '超过 `spring.cloud.stream.bindings.<binding>.consumer.max-attempts`（默认 3 次，内存中依次等待 1 秒和 2 秒）后，binder 放弃该记录。为 `true` 时，记录被发送到 `error.<destination>.<group>`（或 `dlq-name`）后提交其位移；为 `false` 时只记录错误日志，位移同样被提交。匿名绑定不允许开启。',
    },
    safeText: {
      en: '`true` for consumers whose failed records must not vanish, with a group and someone who reads the dead-letter topic.',
      zh: '对失败记录不能凭空消失的消费者设为 `true`，并设置组、安排人处理死信 topic。',
    },
    tradeoff: {
      en: 'A dead-letter topic to create, watch and replay from; the failed records leave their partition order.',
      zh: '需要创建、监控死信 topic 并从中重放；失败的记录会脱离原分区的顺序。',
    },
    loss: {
      en: 'With the default `false`, a record whose processing keeps failing (a bug, a poison message, an outage longer than the retries) is skipped: its offset is committed and only a log line remains.',
      zh: '默认 `false` 时，处理一直失败的记录（程序缺陷、毒消息、超过重试时长的故障）会被跳过：位移被提交，只留下一行日志。',
    },
  },
];
