// sarama's producer reports outcomes on channels (facts.md §8.4). With Producer.Return.Errors =
// false a failed message is only passed to sarama.Logger, which discards by default: the
// failure vanishes. A SyncProducer needs both Return.Successes and Return.Errors true, or
// NewSyncProducer returns an error (Return.Successes defaults to false).
// A transactional producer (`Producer.Transaction.ID` set, sarama >= 1.37.0, the first with
// transactions) is the exception for the AsyncProducer: a failed message also puts its transaction
// in an error state (`returnError` -> `maybeTransitionToErrorState`, async_producer.go) and
// `CommitTxn` then returns that error (`finishTransaction`, transaction_manager.go), so the failure
// is not silent and the batch can be aborted and sent again.

import type { ConfigUnit } from '../model.js';
import { effective } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';
import { asBool, isDynamic } from './util.js';
import { transactionalId } from './idempotence.js';

const ERRORS = 'sarama:Producer.Return.Errors';
const SUCCESSES = 'sarama:Producer.Return.Successes';
const SYNC = /^NewSyncProducer(FromClient)?$/;

const ASYNC_ERRORS: L10n = {
  en: '`{shown}`: a message that fails after its retries is only passed to `sarama.Logger`, which discards everything by default, so the loss goes unnoticed. Set `{fix}` and drain the `Errors()` channel.',
  zh: '`{shown}`：重试后仍失败的消息只会交给 `sarama.Logger`，而它默认丢弃所有输出，因此丢失无人察觉。请设置 `{fix}` 并持续读取 `Errors()` 通道。',
};

const SYNC_ERRORS: L10n = {
  en: '`{shown}`: this config is passed to `{ctor}`, which requires `Producer.Return.Errors` to be true and returns an error otherwise. Set `{fix}`.',
  zh: '`{shown}`：该配置传给了 `{ctor}`，它要求 `Producer.Return.Errors` 为 true，否则返回错误。请设置 `{fix}`。',
};

const SYNC_SUCCESSES: L10n = {
  en: '{state}, but this config is passed to `{ctor}`, which requires `Producer.Return.Successes` to be true and returns an error otherwise, so no producer is created. Set `{fix}`.',
  zh: '{state}，但该配置传给了 `{ctor}`，它要求 `Producer.Return.Successes` 为 true，否则返回错误，生产者无法创建。请设置 `{fix}`。',
};

function syncCtor(unit: ConfigUnit): string | undefined {
  const c = unit.facts.saramaConstructors?.find((x) => SYNC.test(x.name));
  if (!c) return undefined;
  const alias = unit.facts.saramaAlias ?? 'sarama';
  return alias ? `${alias}.${c.name}` : c.name; // '' = dot import
}

function title(ctx: RuleContext, a: string): string {
  return ctx.t({ en: 'Set `{a}`', zh: '设置 `{a}`' }, { a });
}

const rule: Rule = {
  meta: {
    id: 'sarama-errors',
    severities: ['error', 'warning'],
    formats: ['go'],
    category: 'producer',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds sarama producers whose failures vanish (`Producer.Return.Errors = false`) and SyncProducer configs without `Producer.Return.Successes = true`.',
        zh: '发现失败会悄然消失的 sarama 生产者（`Producer.Return.Errors = false`），以及未设置 `Producer.Return.Successes = true` 的 SyncProducer 配置。',
      },
      why: {
        en: 'With `Producer.Return.Errors = false` an AsyncProducer hands messages that failed after all retries to `sarama.Logger`, which by default writes to `io.Discard`: the application never learns that they were lost (warning). `NewSyncProducer` requires both `Producer.Return.Successes` and `Producer.Return.Errors` to be true and returns an error otherwise; `Return.Successes` defaults to false, so a plain `NewConfig()` fails there (error). A transactional AsyncProducer (`Producer.Transaction.ID` set) is not warned about: a failed message puts its transaction in an error state, and `CommitTxn` returns the error.',
        zh: '当 `Producer.Return.Errors = false` 时，AsyncProducer 会把重试耗尽后仍失败的消息交给 `sarama.Logger`，而它默认写入 `io.Discard`：应用永远不知道消息已丢失（警告）。`NewSyncProducer` 要求 `Producer.Return.Successes` 和 `Producer.Return.Errors` 都为 true，否则返回错误；`Return.Successes` 默认为 false，因此直接使用 `NewConfig()` 会在此失败（错误）。事务型 AsyncProducer（设置了 `Producer.Transaction.ID`）不会被警告：失败的消息会让所在事务进入错误状态，`CommitTxn` 会返回该错误。',
      },
      fix: {
        en: 'Set the flag to `true`. For a SyncProducer the fix is safe: the constructor fails without it and the SyncProducer reads both channels itself. For an AsyncProducer, `Return.Errors = true` is unsafe: the application must then read the `Errors()` channel, or the producer blocks once the channel buffer is full.',
        zh: '把该标志设为 `true`。对 SyncProducer 此修复是安全的：不设置时构造函数失败，而 SyncProducer 会自己读取两个通道。对 AsyncProducer，`Return.Errors = true` 不安全：应用必须读取 `Errors()` 通道，否则通道缓冲区满后生产者会阻塞。',
      },
      references: [
        { title: 'sarama Config (Producer.Return)', url: 'https://pkg.go.dev/github.com/IBM/sarama#Config' },
        { title: 'sarama NewSyncProducer', url: 'https://pkg.go.dev/github.com/IBM/sarama#NewSyncProducer' },
        { title: 'sarama AsyncProducer', url: 'https://pkg.go.dev/github.com/IBM/sarama#AsyncProducer' },
      ],
      examples: [
        {
          surface: 'sarama',
          path: 'producer.go',
          bad: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n',
          good: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc newProducer(brokers []string) (sarama.SyncProducer, error) {\n\tcfg := sarama.NewConfig()\n\tcfg.Producer.RequiredAcks = sarama.WaitForAll\n\tcfg.Producer.Return.Successes = true\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.client !== 'sarama') continue;
      const ctor = syncCtor(unit);
      const errFix = ctx.fixer.written(unit, ERRORS, 'true');
      const errors = effective(unit, ERRORS);
      if (errors && !isDynamic(errors) && asBool(errors.value) === false && (ctor || !transactionalId(unit))) {
        const edits = ctx.fixer.setValue(unit, errors, 'true');
        const shown = ctx.fixer.show(unit, errors);
        ctx.report(
          ctor
            ? {
                severity: 'error',
                message: ctx.t(SYNC_ERRORS, { shown, ctor, fix: errFix }),
                span: errors.valueSpan,
                fixes: [ctx.makeFix(title(ctx, errFix), 'safe', edits, true)],
              }
            : {
                severity: 'warning',
                message: ctx.t(ASYNC_ERRORS, { shown, fix: errFix }),
                span: errors.valueSpan,
                fixes: [ctx.makeFix(title(ctx, errFix), 'unsafe', edits, true)],
              },
        );
      }
      if (!ctor) continue;
      const succ = effective(unit, SUCCESSES);
      if (isDynamic(succ)) continue;
      const okFix = ctx.fixer.written(unit, SUCCESSES, 'true');
      if (succ) {
        if (asBool(succ.value) !== false) continue;
        ctx.report({
          severity: 'error',
          message: ctx.t(SYNC_SUCCESSES, { state: '`' + ctx.fixer.show(unit, succ) + '`', ctor, fix: okFix }),
          span: succ.valueSpan,
          fixes: [ctx.makeFix(title(ctx, okFix), 'safe', ctx.fixer.setValue(unit, succ, 'true'), true)],
        });
        continue;
      }
      // A config passed in by callers this file does not show (`facts.partial`) may have it set.
      if (unit.facts.partial) continue;
      const def = ctx.defaultOf(unit, SUCCESSES) ?? { value: 'false', source: 'sarama default' };
      if (asBool(def.value) !== false) continue;
      const state = ctx.t(
        { en: '`{k}` is unset (the {source} is `{v}`)', zh: '未设置 `{k}`（默认值为 `{v}`，{source}）' },
        { k: ctx.fixer.keyName(unit, SUCCESSES), source: def.source, v: def.value },
      );
      ctx.report({
        severity: 'error',
        message: ctx.t(SYNC_SUCCESSES, { state, ctor, fix: okFix }),
        span: unit.anchor,
        fixes: [ctx.makeFix(title(ctx, okFix), 'safe', ctx.fixer.insert(unit, SUCCESSES, 'true'), true)],
      });
    }
  },
};
export default rule;
