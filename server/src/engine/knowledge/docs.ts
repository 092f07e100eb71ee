// Hover documentation: keys (rich text for the loss-relevant ones, a short generated text for every
// other catalog key), concepts and sarama fields/constants. Shaped for a hover renderer: a title,
// a one-line summary and a markdown body, each in English and Simplified Chinese, plus a link.
// Pure; never throws.

import type { Role } from '../model.js';
import type { L10n } from '../l10n.js';
import { defaultHistory, docUrl, lookupKey, removedKey, type KeyInfo } from './index.js';
import { RICH_KEY_DOCS, type RichKeyDoc } from './docsKeys.js';
import { SARAMA_DOCS, type SaramaDocEntry } from './docsSarama.js';

export interface HoverDoc {
  /** Key, field or concept name (language-neutral). */
  title: string;
  summary: L10n;
  /** Markdown. */
  body: L10n;
  /** The recommended value, when one can be named (`all`, `WaitForAll`). */
  safe?: string;
  /** Kafka documentation anchor, KIP or client reference. */
  url: string;
  references?: { title: string; url: string }[];
}

/** `en`: "Kafka <en> setting"; `zh`: "Kafka <zh>". */
const ROLE_LABEL: Record<string, L10n> = {
  producer: { en: 'producer', zh: '生产者配置' },
  consumer: { en: 'consumer', zh: '消费者配置' },
  broker: { en: 'broker', zh: 'broker 配置' },
  topic: { en: 'topic', zh: 'topic 配置' },
  admin: { en: 'admin client', zh: 'admin 客户端配置' },
  streams: { en: 'Kafka Streams', zh: 'Kafka Streams 配置' },
};

const code = (s: string) => '`' + s + '`';

/** The catalog facts line: type, default, valid values, since/removed, default history. */
function factsLine(info: KeyInfo): L10n {
  const en: string[] = [];
  const zh: string[] = [];
  const role = ROLE_LABEL[info.role] ?? { en: info.role, zh: info.role };
  en.push(`Kafka ${role.en} setting`);
  zh.push(`Kafka ${role.zh}`);
  if (info.type) {
    en.push(`type ${code(info.type)}`);
    zh.push(`类型 ${code(info.type)}`);
  }
  if (info.defaultValue !== undefined) {
    const d = info.defaultValue === '' ? '""' : info.defaultValue;
    const at = info.removedAfter;
    en.push(`default ${code(d)}${at ? ` (Kafka ${at})` : ''}`);
    zh.push(`默认值 ${code(d)}${at ? `（Kafka ${at}）` : ''}`);
  }
  if (info.validValues) {
    en.push(`valid ${code(info.validValues)}`);
    zh.push(`取值 ${code(info.validValues)}`);
  }
  if (info.since) {
    en.push(info.removedAfter ? `documented ${info.since}–${info.removedAfter}` : `since Kafka ${info.since}`);
    zh.push(info.removedAfter ? `文档收录于 ${info.since}–${info.removedAfter}` : `自 Kafka ${info.since} 起`);
  }
  return { en: en.join(' · '), zh: zh.join(' · ') };
}

/** "Default by version: 0.8.2 `1` → 3.0 `all`" when the default changed over time. */
function historyLine(key: string, role: Role): L10n | undefined {
  const h = defaultHistory(key, role)?.filter(([, d]) => d !== undefined);
  if (!h || new Set(h.map(([, d]) => d)).size < 2) return undefined;
  const parts = h.map(([v, d]) => `${v} ${code(d === '' ? '""' : (d as string))}`).join(' → ');
  return { en: `Default by version: ${parts}`, zh: `各版本默认值：${parts}` };
}

function richFor(key: string, role: Role): RichKeyDoc | undefined {
  const candidates = RICH_KEY_DOCS.filter((d) => d.key === key);
  if (!candidates.length) return undefined;
  if (role === 'client') return candidates.find((d) => d.roles.some((r) => r === 'producer' || r === 'consumer' || r === 'admin'));
  return candidates.find((d) => d.roles.includes(role));
}

function richDoc(d: RichKeyDoc, role: Role): HoverDoc {
  const effectiveRole: Role = role === 'client' || !d.roles.includes(role) ? d.roles[0] : role;
  const info = lookupKey(d.key, effectiveRole);
  const url = d.url ?? docUrl(d.key, effectiveRole) ?? 'https://kafka.apache.org/documentation/';
  const facts = info && !d.key.includes(':') ? factsLine(info) : undefined;
  const hist = historyLine(d.key, effectiveRole);
  const refs = d.references ?? [];
  const links = (lang: 'en' | 'zh') =>
    [`[${lang === 'en' ? 'Documentation' : '文档'}](${url})`, ...refs.map((r) => `[${r.title}](${r.url})`)].join(' · ');
  const en = [
    d.summary.en,
    `**Meaning.** ${d.meaning.en}`,
    `**Safe value.** ${d.safeText.en}`,
    `**Trade-off.** ${d.tradeoff.en}`,
    `**Loss scenario.** ${d.loss.en}`,
    ...(facts ? [facts.en] : []),
    ...(hist ? [hist.en] : []),
    links('en'),
  ];
  const zh = [
    d.summary.zh,
    `**含义。** ${d.meaning.zh}`,
    `**安全取值。** ${d.safeText.zh}`,
    `**代价。** ${d.tradeoff.zh}`,
    `**丢失场景。** ${d.loss.zh}`,
    ...(facts ? [facts.zh] : []),
    ...(hist ? [hist.zh] : []),
    links('zh'),
  ];
  return {
    title: d.title ?? d.key,
    summary: d.summary,
    body: { en: en.join('\n\n'), zh: zh.join('\n\n') },
    ...(d.safe !== undefined ? { safe: d.safe } : {}),
    url,
    ...(refs.length ? { references: refs } : {}),
  };
}

function generatedDoc(key: string, role: Role): HoverDoc | undefined {
  const info = lookupKey(key, role);
  if (!info) return undefined;
  const url = docUrl(key, info.role) ?? 'https://kafka.apache.org/documentation/';
  const rl = ROLE_LABEL[info.role] ?? { en: info.role, zh: info.role };
  const removed = info.removedAfter ? removedKey(key, info.role) : undefined;
  const summary: L10n = removed?.javaClientIgnores
    ? {
        en: `Setting of the old Scala ${rl.en}; the Java client does not read it.`,
        zh: `旧 Scala 客户端的${rl.zh}；Java 客户端不读取它。`,
      }
    : removed
      ? {
          en: `Kafka ${rl.en} setting, no longer read since Kafka ${removed.removedIn}.`,
          zh: `Kafka ${rl.zh}，自 Kafka ${removed.removedIn} 起不再读取。`,
        }
      : {
          en: `Kafka ${rl.en} setting${info.type ? ` (${info.type})` : ''}; this tool has no reliability notes for it.`,
          zh: `Kafka ${rl.zh}${info.type ? `（${info.type}）` : ''}；本工具没有针对它的可靠性说明。`,
        };
  const facts = factsLine(info);
  const hist = historyLine(key, info.role);
  const en = [summary.en, facts.en, ...(hist ? [hist.en] : []), ...(removed ? [removed.note.en] : []), `[Documentation](${url})`];
  const zh = [summary.zh, facts.zh, ...(hist ? [hist.zh] : []), ...(removed ? [removed.note.zh] : []), `[文档](${url})`];
  return {
    title: key,
    summary,
    body: { en: en.join('\n\n'), zh: zh.join('\n\n') },
    url,
  };
}

/**
 * Hover documentation of a key for a role ('client' = any client role): rich text for the
 * loss-relevant keys, a generated one for every other catalog key; undefined for unknown keys.
 */
export function keyDoc(key: string, role: Role): HoverDoc | undefined {
  const rich = richFor(key, role);
  if (rich) return richDoc(rich, role);
  return generatedDoc(key, role);
}

/** Keys (with their roles) that have hand-written documentation. */
export function richKeyDocs(): readonly { key: string; roles: readonly Role[] }[] {
  return RICH_KEY_DOCS.map((d) => ({ key: d.key, roles: d.roles }));
}

// ---------------------------------------------------------------------------------------------
// Concepts

interface Concept {
  name: string;
  aliases: string[];
  title: L10n;
  summary: L10n;
  body: L10n;
  url: string;
  references?: { title: string; url: string }[];
}

const CONCEPTS: readonly Concept[] = [
  {
    name: 'acks',
    aliases: ['acknowledgement', 'acknowledgment', 'requiredacks'],
    title: { en: 'Producer acknowledgements', zh: '生产者确认（acks）' },
    summary: {
      en: 'What a successful send promises: which replicas had the record when the producer was told “done”.',
      zh: '一次“发送成功”意味着什么：生产者收到“完成”时，哪些副本已经拿到了记录。',
    },
    body: {
      en: 'With `acks=0` the producer is told nothing, so it cannot notice failures. With `acks=1` only the leader had the record; if it fails before a follower copies it, the record is gone. With `acks=all` every replica currently in sync had it, so the record survives as long as one of them does — but if the in-sync set has shrunk to the leader, that is one copy, unless `min.insync.replicas` refuses such writes. No setting makes the broker write to disk before answering: Kafka counts on copies on several machines, not on fsync.',
      zh: '`acks=0` 时生产者得不到任何答复，也就无法察觉失败。`acks=1` 时只有 leader 拿到了记录；若它在 follower 复制之前故障，记录就没了。`acks=all` 时当前所有同步副本都拿到了记录，只要其中一个存活记录就在——但如果同步副本集合已缩到只剩 leader，那就只有一份，除非 `min.insync.replicas` 拒绝这类写入。没有任何设置能让 broker 在应答前写盘：Kafka 依靠多台机器上的副本，而不是 fsync。',
    },
    url: 'https://kafka.apache.org/documentation/#producerconfigs_acks',
    references: [{ title: 'Kafka design: Availability and Durability Guarantees', url: 'https://kafka.apache.org/documentation/#design_ha' }],
  },
  {
    name: 'isr',
    aliases: ['in-sync replicas', 'insync', 'in sync replicas', 'insyncreplicas'],
    title: { en: 'In-sync replicas (ISR)', zh: '同步副本（ISR）' },
    summary: {
      en: 'The replicas of a partition that are caught up with the leader.',
      zh: '分区中与 leader 保持同步的那些副本。',
    },
    body: {
      en: 'The leader tracks which followers keep up; a follower that has not fetched, or not caught up, for `replica.lag.time.max.ms` drops out of the ISR and rejoins once it catches up. A record counts as committed when every ISR member has it, and only committed records are handed to consumers. With f+1 replicas a partition tolerates f failures without losing committed records. If every ISR member is lost, the partition waits for one to return unless `unclean.leader.election.enable` lets a lagging replica lead and discard what it missed.',
      zh: 'leader 会跟踪哪些 follower 跟得上；在 `replica.lag.time.max.ms` 内没有拉取或没有追上的 follower 会被移出 ISR，追上后再重新加入。当所有 ISR 成员都拿到一条记录时，它才算已提交，消费者只会拿到已提交的记录。有 f+1 个副本的分区可以承受 f 个故障而不丢失已提交的记录。如果 ISR 成员全部丢失，分区会等待其中一个恢复，除非 `unclean.leader.election.enable` 允许落后的副本成为 leader 并丢弃它缺失的数据。',
    },
    url: 'https://kafka.apache.org/documentation/#replication',
  },
  {
    name: 'min-isr',
    aliases: ['min isr', 'minisr', 'min.insync.replicas', 'minimum in-sync replicas'],
    title: { en: 'Minimum in-sync replicas', zh: '最小同步副本数' },
    summary: {
      en: 'A floor on how many in-sync replicas an `acks=all` write needs.',
      zh: '`acks=all` 写入所需同步副本数的下限。',
    },
    body: {
      en: '`acks=all` waits for the current ISR, however small. `min.insync.replicas` (default 1, per broker or topic) makes the leader refuse an `acks=all` write with NotEnoughReplicas when fewer replicas are in sync, trading availability for durability. The usual setup is replication factor 3 with `min.insync.replicas=2`: one broker may fail and writes continue with two copies. Set it equal to the replication factor and a single broker outage stops writes; set it higher and they never succeed. It has no effect on `acks=0` or `acks=1`.',
      zh: '`acks=all` 等待的是当前的 ISR，无论它有多小。`min.insync.replicas`（默认 1，可按 broker 或 topic 设置）让 leader 在同步副本不足时以 NotEnoughReplicas 拒绝 `acks=all` 写入，用可用性换取持久性。常见配置是 3 副本加 `min.insync.replicas=2`：可以有一个 broker 故障，写入仍以两份副本继续。若设为等于副本数，一个 broker 停机就会让写入停止；若设得更大，写入永远无法成功。它对 `acks=0` 或 `acks=1` 不起作用。',
    },
    url: 'https://kafka.apache.org/documentation/#design_ha',
  },
  {
    name: 'flush',
    aliases: ['fsync', 'flush policy', 'page cache'],
    title: { en: 'Flushing to disk', zh: '刷盘' },
    summary: {
      en: 'Kafka acknowledges writes from the page cache and relies on replication, not fsync, for durability.',
      zh: 'Kafka 从页缓存应答写入，持久性依靠副本复制而不是 fsync。',
    },
    body: {
      en: 'A broker appends records to the operating system’s page cache and lets the OS write them out. That survives a crash of the broker process, but not a power loss of the machine; Kafka covers that by keeping copies on other brokers, ideally in other racks or zones. `log.flush.interval.messages` / `log.flush.interval.ms` (topic: `flush.messages` / `flush.ms`) can force fsyncs, at a cost in throughput and latency; Kafka recommends leaving them unset.',
      zh: 'broker 把记录追加到操作系统的页缓存，由操作系统负责写出。这能扛住 broker 进程崩溃，但扛不住整机掉电；Kafka 通过在其他 broker（最好在其他机架或可用区）上保存副本来覆盖这种情况。`log.flush.interval.messages` / `log.flush.interval.ms`（topic 级为 `flush.messages` / `flush.ms`）可以强制 fsync，但会降低吞吐、增加延迟；Kafka 建议不要设置它们。',
    },
    url: 'https://kafka.apache.org/documentation/#appvsosflush',
  },
  {
    name: 'offset-commit',
    aliases: ['offset commit', 'commit', 'offsets', 'committed offset'],
    title: { en: 'Committing consumer offsets', zh: '提交消费 offset' },
    summary: {
      en: 'A committed offset says where a consumer group resumes; when you commit decides between loss and duplicates.',
      zh: '已提交的 offset 表示消费组从哪里继续；何时提交决定了是丢失还是重复。',
    },
    body: {
      en: 'The committed offset is the position of the next record to read. Commit after processing and a crash makes the group read some records again (at-least-once, duplicates). Commit before processing — which is what auto-commit does for records handed to another thread — and a crash skips the records in progress (at-most-once, loss). When a group has no valid committed offset, `auto.offset.reset` decides where it starts. Offsets of an empty group expire after `offsets.retention.minutes`.',
      zh: '已提交的 offset 是下一条要读取的记录的位置。处理之后再提交，崩溃后消费组会重读部分记录（至少一次，产生重复）。处理之前提交——自动提交对交给其他线程的记录就是这样——崩溃后正在处理的记录会被跳过（至多一次，产生丢失）。消费组没有有效的已提交 offset 时，由 `auto.offset.reset` 决定从哪里开始。空消费组的 offset 会在 `offsets.retention.minutes` 之后过期。',
    },
    url: 'https://kafka.apache.org/documentation/#design_consumerposition',
  },
  {
    name: 'idempotence',
    aliases: ['idempotent', 'idempotent producer', 'enable.idempotence'],
    title: { en: 'Idempotent producer', zh: '幂等生产者' },
    summary: {
      en: 'Broker-side de-duplication of producer retries, so a retried batch is written once and in order.',
      zh: 'broker 端对生产者重试去重，使重试的批次只写一次且保持顺序。',
    },
    body: {
      en: 'Each producer gets an id and numbers its batches; the broker drops a batch whose number it has already stored, which removes the duplicates that retries after lost acknowledgements would create, and keeps order with up to 5 requests in flight. It needs `acks=all`, `retries` > 0 and at most 5 in-flight requests. It is on by default in the Java client since 3.0; transactions build on it. It protects against duplicates, not loss: durability still depends on `acks`, replication and `min.insync.replicas`.',
      zh: '每个生产者获得一个 id 并为批次编号；broker 会丢弃编号已经存储过的批次，从而消除确认丢失后重试造成的重复，并在最多 5 个在途请求时保持顺序。它要求 `acks=all`、`retries` > 0、在途请求不超过 5 个。Java 客户端从 3.0 起默认开启；事务建立在它之上。它防止的是重复而不是丢失：持久性仍取决于 `acks`、副本复制和 `min.insync.replicas`。',
    },
    url: 'https://kafka.apache.org/documentation/#semantics',
    references: [
      {
        title: 'KIP-98: Exactly Once Delivery and Transactional Messaging',
        url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-98+-+Exactly+Once+Delivery+and+Transactional+Messaging',
      },
    ],
  },
];

const canon = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names conceptDoc() knows (`acks`, `isr`, `min-isr`, `flush`, `offset-commit`, `idempotence`). */
export const CONCEPT_NAMES: readonly string[] = CONCEPTS.map((c) => c.name);

/** Documentation of a concept, by name or alias (case and punctuation ignored). */
export function conceptDoc(name: string): HoverDoc | undefined {
  const n = canon(name);
  if (!n) return undefined;
  const c = CONCEPTS.find((x) => canon(x.name) === n || x.aliases.some((a) => canon(a) === n));
  if (!c) return undefined;
  const links = (lang: 'en' | 'zh') =>
    [`[${lang === 'en' ? 'Documentation' : '文档'}](${c.url})`, ...(c.references ?? []).map((r) => `[${r.title}](${r.url})`)].join(' · ');
  return {
    title: c.title.en,
    summary: c.summary,
    body: {
      en: `**${c.title.en}**\n\n${c.summary.en}\n\n${c.body.en}\n\n${links('en')}`,
      zh: `**${c.title.zh}**\n\n${c.summary.zh}\n\n${c.body.zh}\n\n${links('zh')}`,
    },
    url: c.url,
    ...(c.references ? { references: c.references } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// sarama

function findSarama(input: string): SaramaDocEntry | undefined {
  let s = input.trim().replace(/^sarama:/, '').replace(/^sarama\./, '');
  const exact = (x: string) => SARAMA_DOCS.find((d) => d.name === x);
  const hit = exact(s);
  if (hit) return hit;
  // `cfg.Producer.RequiredAcks`, `config.Version`: drop the variable name.
  const dot = s.indexOf('.');
  if (dot > 0 && /^[a-z_][A-Za-z0-9_]*$/.test(s.slice(0, dot))) {
    s = s.slice(dot + 1);
    return exact(s);
  }
  return undefined;
}

/** Names saramaDoc() documents: mapped Config fields and the constants they take. */
export const SARAMA_DOC_NAMES: readonly string[] = SARAMA_DOCS.map((d) => d.name);

/**
 * Documentation of a sarama Config field (`Producer.RequiredAcks`, `cfg.Producer.RequiredAcks`,
 * `sarama:Producer.Return.Errors`) or constant (`WaitForAll`, `sarama.WaitForAll`).
 */
export function saramaDoc(fieldOrConst: string): HoverDoc | undefined {
  const d = findSarama(fieldOrConst);
  if (!d) return undefined;
  const en: string[] = [d.summary.en, d.body.en];
  const zh: string[] = [d.summary.zh, d.body.zh];
  if (d.defaultValue !== undefined) {
    en.push(`Default in sarama.NewConfig(): ${code(d.defaultValue)}`);
    zh.push(`sarama.NewConfig() 中的默认值：${code(d.defaultValue)}`);
  }
  if (d.kafkaKey) {
    en.push(`Java client equivalent: ${code(d.kafkaKey)}`);
    zh.push(`对应的 Java 客户端配置：${code(d.kafkaKey)}`);
  }
  en.push(`[sarama reference](${d.url})`);
  zh.push(`[sarama 文档](${d.url})`);
  return {
    title: d.kind === 'constant' ? `sarama.${d.name}` : d.name,
    summary: d.summary,
    body: { en: en.join('\n\n'), zh: zh.join('\n\n') },
    ...(d.safe ? { safe: d.safe } : {}),
    url: d.url,
  };
}

// ---------------------------------------------------------------------------------------------
// segmentio/kafka-go (facts.md §11.2): the Writer's acknowledgement setting and its constants.

const KAFKA_GO_URL = 'https://pkg.go.dev/github.com/segmentio/kafka-go#Writer';

const KAFKA_GO_DOCS: Record<string, HoverDoc> = {
  RequiredAcks: {
    title: 'kafka.Writer.RequiredAcks',
    summary: {
      en: 'How many replicas must have a record before a `kafka.Writer` counts the write as done: kafka-go\'s `acks`.',
      zh: '`kafka.Writer` 认为写入完成前，需要多少个副本拿到记录：即 kafka-go 的 `acks`。',
    },
    body: {
      en:
        '`kafka.RequireNone` (0): the broker sends no answer at all, so a record it never got is lost without an error. ' +
        '`kafka.RequireOne` (1): the partition leader answers once the record is in its own log; a leader failure before a follower copies it loses an acknowledged record. ' +
        '`kafka.RequireAll` (-1): every in-sync replica has the record (pair it with `min.insync.replicas` ≥ 2 on the brokers).\n\n' +
        'Left out of the literal it is `kafka.RequireNone`, the Writer\'s documented default — weaker than the Java client (`all` since Kafka 3.0) and sarama (`WaitForLocal`). ' +
        'Only the deprecated `kafka.NewWriter(kafka.WriterConfig{...})` turned 0 into all.\n\n' +
        'Default in a `kafka.Writer` literal: `kafka.RequireNone`\n\nJava client equivalent: `acks`',
      zh:
        '`kafka.RequireNone`（0）：broker 不作任何应答，它没收到的记录会无声丢失。' +
        '`kafka.RequireOne`（1）：分区 leader 把记录写入自己的日志即应答；若 leader 在 follower 复制前故障，已确认的记录会丢失。' +
        '`kafka.RequireAll`（-1）：所有同步副本都拿到记录（broker 上请配合 `min.insync.replicas` ≥ 2）。\n\n' +
        '字面量中不写时为 `kafka.RequireNone`，即 Writer 文档中的默认值——比 Java 客户端（Kafka 3.0 起为 `all`）和 sarama（`WaitForLocal`）都弱。' +
        '只有已弃用的 `kafka.NewWriter(kafka.WriterConfig{...})` 会把 0 当作 all。\n\n' +
        '`kafka.Writer` 字面量中的默认值：`kafka.RequireNone`\n\n对应的 Java 客户端配置：`acks`',
    },
    // (canonical: the hover names it with the file's import name, `kafka.RequireAll`)
    safe: 'all',
    url: KAFKA_GO_URL,
  },
  'WriterConfig.RequiredAcks': {
    title: 'kafka.WriterConfig.RequiredAcks',
    summary: {
      en: 'How many replicas must have a record before a Writer made by the deprecated `kafka.NewWriter` counts the write as done: its `acks`, as a plain number.',
      zh: '由已弃用的 `kafka.NewWriter` 创建的 Writer 认为写入完成前，需要多少个副本拿到记录：即它的 `acks`，写成普通整数。',
    },
    body: {
      en:
        '`NewWriter` reads this int differently from a `kafka.Writer` literal: `0`, or leaving it out, means every in-sync replica (`kafka.RequireAll`), as does `-1`; ' +
        '`1` means the partition leader alone, and a leader failure before a follower copies the record loses an acknowledged record. ' +
        'No value asks for no acknowledgement. The `kafka.Require...` constants are of another type and do not compile here.\n\n' +
        'Moving to a `kafka.Writer{...}` literal changes the meaning of a missing field: there it is `kafka.RequireNone`, so write `RequiredAcks: kafka.RequireAll` in it.\n\n' +
        'Default in a `kafka.WriterConfig`: `-1` (all)\n\nJava client equivalent: `acks`',
      zh:
        '`NewWriter` 对这个整数的理解与 `kafka.Writer` 字面量不同：`0` 或不写表示所有同步副本（`kafka.RequireAll`），`-1` 也是；' +
        '`1` 表示只需分区 leader，若 leader 在 follower 复制前故障，已确认的记录会丢失。' +
        '没有哪个值表示不等待确认。`kafka.Require...` 常量属于另一种类型，在这里无法编译。\n\n' +
        '改用 `kafka.Writer{...}` 字面量时，缺省的含义会变：那里是 `kafka.RequireNone`，因此请在其中写上 `RequiredAcks: kafka.RequireAll`。\n\n' +
        '`kafka.WriterConfig` 中的默认值：`-1`（all）\n\n对应的 Java 客户端配置：`acks`',
    },
    safe: 'all',
    url: 'https://pkg.go.dev/github.com/segmentio/kafka-go#WriterConfig',
  },
  ReadMessage: {
    title: 'kafka.Reader.ReadMessage',
    summary: {
      en: 'Reads the next message; on a reader with a `GroupID` it also commits the message\'s offset.',
      zh: '读取下一条消息；在设置了 `GroupID` 的 reader 上同时提交该消息的位移。',
    },
    body: {
      en:
        'The offset is committed as the message is returned (at once, or within `CommitInterval`), before the caller has processed it: ' +
        'after a crash, or an error while processing, the group resumes after that message, which is lost. ' +
        '`FetchMessage` returns the message without committing; call `CommitMessages` once it is processed. Without a `GroupID` nothing is committed.\n\n' +
        'Java client equivalent: `enable.auto.commit=true`',
      zh:
        '位移在消息返回时提交（立即，或在 `CommitInterval` 内），此时调用方尚未处理该消息：崩溃或处理出错后，消费者组从这条消息之后继续，它就此丢失。' +
        '`FetchMessage` 只返回消息而不提交；处理完成后再调用 `CommitMessages`。没有 `GroupID` 时不提交任何位移。\n\n' +
        '对应的 Java 客户端配置：`enable.auto.commit=true`',
    },
    url: 'https://pkg.go.dev/github.com/segmentio/kafka-go#Reader.ReadMessage',
  },
  RequireNone: {
    title: 'kafka.RequireNone',
    summary: { en: 'acks=0: the broker does not answer; the Writer\'s default.', zh: 'acks=0：broker 不应答；Writer 的默认值。' },
    body: {
      en: 'A write is done as soon as it is sent. A record the broker never got, or could not store, is lost without an error, and `MaxAttempts` never retries it.',
      zh: '发出即算写入完成。broker 没收到或无法保存的记录会无声丢失，`MaxAttempts` 也不会重试。',
    },
    url: KAFKA_GO_URL,
  },
  RequireOne: {
    title: 'kafka.RequireOne',
    summary: { en: 'acks=1: the partition leader answers.', zh: 'acks=1：由分区 leader 应答。' },
    body: {
      en: 'The leader answers once the record is in its own log. If it fails before a follower has copied the record, a new leader takes over without it, and the acknowledged record is lost.',
      zh: 'leader 把记录写入自己的日志即应答。若它在 follower 复制之前故障，新的 leader 上没有这条记录，已确认的记录就此丢失。',
    },
    url: KAFKA_GO_URL,
  },
  RequireAll: {
    title: 'kafka.RequireAll',
    summary: { en: 'acks=all: every in-sync replica has the record.', zh: 'acks=all：所有同步副本都拿到记录。' },
    body: {
      en: 'The leader answers once every in-sync replica has the record, so an acknowledged record survives while one of them does. With `min.insync.replicas` ≥ 2 on the brokers, a write fails instead of resting on a single copy.',
      zh: '所有同步副本都拿到记录后 leader 才应答，只要其中一个副本存活，已确认的记录就不会丢失。broker 上设置 `min.insync.replicas` ≥ 2 时，写入宁可失败也不会只落在一份副本上。',
    },
    url: KAFKA_GO_URL,
  },
};

/** Hover documentation of a kafka-go Writer field or constant we know (`RequiredAcks`, `RequireOne`). */
export function kafkaGoDoc(name: string): HoverDoc | undefined {
  if (!Object.hasOwn(KAFKA_GO_DOCS, name)) return undefined;
  const d = KAFKA_GO_DOCS[name];
  // (a hover shows the body: the summary leads it, then the kafka-go reference)
  return {
    ...d,
    body: {
      en: `${d.summary.en}\n\n${d.body.en}\n\n[kafka-go reference](${d.url})`,
      zh: `${d.summary.zh}\n\n${d.body.zh}\n\n[kafka-go 文档](${d.url})`,
    },
  };
}
