// sarama's idempotent producer has four prerequisites that Config.Validate() checks (facts.md
// §8.6): Version >= V0_11_0_0, RequiredAcks = WaitForAll, Net.MaxOpenRequests = 1 and
// Retry.Max >= 1. Unlike the Java client nothing is adjusted silently: NewConfig() plus
// Idempotent = true alone fails (defaults WaitForLocal and 5 open requests), and the producer
// constructor returns the error.

import type { ConfigUnit, Edit, Setting } from '../model.js';
import { effective } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { compareVersions } from '../knowledge/index.js';
import { normaliseSaramaKafkaVersion, saramaVersionVariable } from '../knowledge/sarama.js';
import { asBool, asInt, isDynamic, normAcks, reportAt, reportedAtConfig } from './util.js';

const K = {
  idempotent: 'enable.idempotence',
  acks: 'acks',
  retries: 'retries',
  maxOpen: 'max.in.flight.requests.per.connection',
  version: 'sarama:Version',
} as const;

const MIN_VERSION = '0.11.0.0';

/** A sarama Version value (canonical `2.8.0.0`, or a constant / variable name) as four-part text. */
function saramaVersionOf(value: string): string | undefined {
  const v = value.trim().replace(/^[A-Za-z_]\w*\./, '');
  return normaliseSaramaKafkaVersion(v) ?? saramaVersionVariable(v);
}

interface Need {
  key: string;
  value: string;
  /** Why it is needed (the current state). */
  state: string;
}

const MESSAGE: L10n = {
  en: '`{shown}` without its prerequisites: {needs}. `Config.Validate()` rejects this config, so creating the producer fails. Set {fixes}.',
  zh: '`{shown}` 缺少前提条件：{needs}。`Config.Validate()` 会拒绝该配置，创建生产者将失败。请设置 {fixes}。',
};

function stateOf(ctx: RuleContext, unit: ConfigUnit, s: Setting | undefined, key: string): string {
  if (s) return ctx.t({ en: '`{a}`', zh: '`{a}`' }, { a: ctx.fixer.show(unit, s) });
  const def = ctx.defaultOf(unit, key);
  return def
    ? ctx.t(
        { en: '`{k}` is unset (the {source} is `{v}`)', zh: '未设置 `{k}`（默认值为 `{v}`，{source}）' },
        { k: ctx.fixer.keyName(unit, key), source: def.source, v: ctx.fixer.valueText(unit, key, def.value) },
      )
    : ctx.t({ en: '`{k}` is unset', zh: '未设置 `{k}`' }, { k: ctx.fixer.keyName(unit, key) });
}

/**
 * The missing prerequisites of an idempotent sarama producer; values that cannot be known are not
 * judged, nor, in a config callers this file does not show pass in (`facts.partial`), unset ones.
 */
function missing(ctx: RuleContext, unit: ConfigUnit): Need[] {
  const needs: Need[] = [];
  const get = (key: string) => {
    const s = effective(unit, key);
    return isDynamic(s) || (!s && unit.facts.partial) ? 'dynamic' : s;
  };
  const valueOf = (s: Setting | undefined, key: string) => (s ? s.value : ctx.defaultOf(unit, key)?.value);

  const ver = get(K.version);
  if (ver !== 'dynamic') {
    // `sarama.DefaultVersion` means NewConfig()'s version, which depends on the sarama release.
    const isDefault = ver !== undefined && /(^|\.)DefaultVersion$/.test(ver.rawValue.trim());
    const raw = isDefault ? ctx.defaultOf(unit, K.version)?.value ?? ver.value : valueOf(ver, K.version);
    const dotted = raw === undefined ? undefined : saramaVersionOf(raw);
    if (dotted && compareVersions(dotted, MIN_VERSION) < 0) {
      needs.push({ key: K.version, value: MIN_VERSION, state: stateOf(ctx, unit, ver, K.version) });
    }
  }
  const acks = get(K.acks);
  if (acks !== 'dynamic') {
    const raw = valueOf(acks, K.acks) ?? '1'; // sarama NewConfig(): WaitForLocal
    if (normAcks(raw) !== 'all') needs.push({ key: K.acks, value: 'all', state: stateOf(ctx, unit, acks, K.acks) });
  }
  const open = get(K.maxOpen);
  if (open !== 'dynamic') {
    const n = asInt(valueOf(open, K.maxOpen) ?? '5'); // sarama NewConfig(): 5
    if (n !== undefined && n > 1) needs.push({ key: K.maxOpen, value: '1', state: stateOf(ctx, unit, open, K.maxOpen) });
  }
  const retries = get(K.retries);
  if (retries !== 'dynamic' && retries) {
    const n = asInt(retries.value);
    if (n !== undefined && n < 1) needs.push({ key: K.retries, value: '3', state: stateOf(ctx, unit, retries, K.retries) });
  }
  return needs;
}

/**
 * Where to report: at `Producer.Idempotent`, or, when another file of the package sets that
 * (`cfg := newConfig()` with the helper in config.go), at the first prerequisite this file writes
 * wrong. With none: where the other file writes one wrong (its unit reports that), else, all of
 * them being unset, at the config here (the other file's unit is judged only on what it writes:
 * its callers may set the rest). A config several files set directly (`sharedAcrossFiles`) is the
 * same config in each: the file that sets `Producer.Idempotent` reports it.
 */
function placeOf(unit: ConfigUnit, idem: Setting, needs: Need[]): ReturnType<typeof reportAt> {
  const written = needs.map((n) => effective(unit, n.key));
  const at = reportAt(unit, idem, ...written);
  if (reportedAtConfig(unit, idem, written)) return { ...at, span: unit.anchor };
  return at;
}

const rule: Rule = {
  meta: {
    id: 'sarama-idempotent',
    severities: ['error'],
    formats: ['go'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds sarama configs with `Producer.Idempotent = true` that lack a prerequisite `Config.Validate()` requires.',
        zh: '发现设置了 `Producer.Idempotent = true` 却缺少 `Config.Validate()` 所要求前提条件的 sarama 配置。',
      },
      why: {
        en: 'sarama checks an idempotent producer strictly: `Version` at least `V0_11_0_0`, `Producer.RequiredAcks = WaitForAll`, `Net.MaxOpenRequests = 1` and `Producer.Retry.Max` ≥ 1. Unlike the Java client it adjusts nothing, and the `NewConfig()` defaults (`WaitForLocal`, 5 open requests) fail the check, so `NewSyncProducer`/`NewAsyncProducer` return an error and nothing is produced. The default `Version` depends on the sarama release (`V0_8_2_0` before v1.27.1), so an old sarama fails on the version too.',
        zh: 'sarama 对幂等生产者检查严格：`Version` 至少为 `V0_11_0_0`、`Producer.RequiredAcks = WaitForAll`、`Net.MaxOpenRequests = 1`、`Producer.Retry.Max` ≥ 1。与 Java 客户端不同，它不会自动调整，而 `NewConfig()` 的默认值（`WaitForLocal`、5 个未完成请求）无法通过检查，因此 `NewSyncProducer`/`NewAsyncProducer` 返回错误，什么也发送不了。默认 `Version` 取决于 sarama 版本（v1.27.1 之前为 `V0_8_2_0`），旧版 sarama 还会因版本不满足而失败。',
      },
      fix: {
        en: 'Add every missing prerequisite in one edit. The fix is safe: without it the config fails validation and the producer cannot be created at all. `Net.MaxOpenRequests = 1` allows one request in flight per broker connection, which bounds throughput; `Version = V0_11_0_0` is the lowest version that supports idempotence and is set only when the configured or default version is older.',
        zh: '一次性补齐所有缺失的前提条件。此修复是安全的：不修复时配置无法通过校验，生产者根本无法创建。`Net.MaxOpenRequests = 1` 限制每个 broker 连接只能有一个未完成请求，会限制吞吐；只有当设置的或默认的版本更旧时，才会把 `Version` 设为支持幂等的最低版本 `V0_11_0_0`。',
      },
      references: [
        { title: 'sarama Config (Producer.Idempotent, Net.MaxOpenRequests)', url: 'https://pkg.go.dev/github.com/IBM/sarama#Config' },
        { title: 'sarama config.go Validate', url: 'https://github.com/IBM/sarama/blob/main/config.go' },
        { title: 'KIP-98: Exactly Once Delivery and Transactional Messaging', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-98+-+Exactly+Once+Delivery+and+Transactional+Messaging' },
      ],
      examples: [
        {
          surface: 'sarama',
          path: 'producer.go',
          bad: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.AsyncProducer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.Idempotent = true\n\treturn sarama.NewAsyncProducer(brokers, cfg)\n}\n',
          good: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.AsyncProducer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.Idempotent = true\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Net.MaxOpenRequests = 1\n\treturn sarama.NewAsyncProducer(brokers, cfg)\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.client !== 'sarama') continue;
      const idem = effective(unit, K.idempotent);
      if (!idem || isDynamic(idem) || asBool(idem.value) !== true) continue;
      const needs = missing(ctx, unit);
      if (!needs.length) continue;
      const assignments = needs.map((n) => ctx.fixer.written(unit, n.key, n.value));
      const edits: Edit[] = [];
      let complete = true;
      for (const n of needs) {
        const e = ctx.fixer.set(unit, n.key, n.value);
        if (!e.length) complete = false;
        edits.push(...e);
      }
      const list = (xs: string[]) => xs.map((x) => '`' + x + '`').join(ctx.t({ en: ', ', zh: '、' }));
      const title = ctx.t({ en: 'Set {a}', zh: '设置 {a}' }, { a: list(assignments) });
      ctx.report({
        severity: 'error',
        message: ctx.t(MESSAGE, {
          shown: ctx.fixer.show(unit, idem),
          needs: needs.map((n) => n.state).join(ctx.t({ en: '; ', zh: '；' })),
          fixes: list(assignments),
        }),
        ...placeOf(unit, idem, needs),
        // A partial fix would still fail validation: all prerequisites or no fix.
        fixes: complete ? [ctx.makeFix(title, 'safe', edits, true)] : [],
      });
    }
  },
};
export default rule;
