// Container images turn environment variables into broker properties each in their own way
// (facts.md §10): Confluent and Apache read `KAFKA_<KEY>`, Bitnami reads `KAFKA_CFG_<KEY>` and
// copies only some `KAFKA_<KEY>` aliases. A variable of the other convention is silently
// ignored, so the broker runs on the default the author meant to change. The compose parser
// lists such variables in `facts.ignoredEnv`; they are not settings of the unit.

import type { ConfigUnit, Edit, IgnoredEnv } from '../model.js';
import type { L10n } from '../l10n.js';
import type { Rule, RuleContext } from '../rule.js';

const IMAGE: Record<string, string> = { bitnami: 'Bitnami', confluent: 'Confluent', apache: 'Apache Kafka', debezium: 'Debezium' };

const MESSAGE: L10n = {
  en: '`{name}`: the {image} image does not read this variable, so `{key}` keeps its default and the value `{value}` never reaches the broker. Rename it to `{suggested}`, the name this image reads.',
  zh: '`{name}`：{image} 镜像不读取该变量，因此 `{key}` 仍为默认值，`{value}` 不会传给 broker。请重命名为该镜像读取的 `{suggested}`。',
};

/** The same, for a variable of an env file (`env_file`): named with its file, changed there. */
const IN_FILE: L10n = {
  en: '`{name}={value}` ({file}): the {image} image does not read this variable, so `{key}` keeps its default and the value never reaches the broker. Rename it to `{suggested}` in `{file}`, the name this image reads.',
  zh: '`{name}={value}`（{file}）：{image} 镜像不读取该变量，因此 `{key}` 仍为默认值，该值不会传给 broker。请在 `{file}` 中将其重命名为该镜像读取的 `{suggested}`。',
};

const ALREADY_IN_FILE: L10n = {
  en: '`{name}` ({file}): the {image} image does not read this variable; it reads `{suggested}`, which this service already sets. Remove `{name}` from `{file}`.',
  zh: '`{name}`（{file}）：{image} 镜像不读取该变量；它读取的是 `{suggested}`，而本服务已经设置了该变量。请从 `{file}` 中删除 `{name}`。',
};

const ALREADY: L10n = {
  en: '`{name}`: the {image} image does not read this variable; it reads `{suggested}`, which this service already sets. Remove `{name}`.',
  zh: '`{name}`：{image} 镜像不读取该变量；它读取的是 `{suggested}`，而本服务已经设置了该变量。请删除 `{name}`。',
};

// The Apache image (apache/kafka `core/src/main/scala/kafka/docker/KafkaDockerWrapper.scala`,
// `prepareServerConfigs` and `getServerConfigsFromEnv`, commit 1eb76443 of 2024-10-25) turns every
// `KAFKA_*` variable but a few JVM and logging ones into a property (`KAFKA_` removed wherever it
// occurs, lower case, `_` -> `.`, `___` -> `-`, `__` -> `_`) and writes the broker's
// `server.properties` from those alone, appended to a mounted `server.properties` if there is one;
// its packaged file is used only when no such variable is set. So an ignored variable does not
// leave the packaged value in place: the key gets Kafka's own default, and a KRaft broker without
// one of the keys below does not start.
const APACHE_MESSAGE: L10n = {
  en: "`{name}`: the Apache Kafka image turns this variable into the unknown property `{unknown}`, so the value `{value}` never reaches `{key}`. Once any `KAFKA_` variable is set, this image writes the broker's configuration from those variables alone (its packaged `server.properties` is dropped unless one is mounted), so `{key}` gets Kafka's own default{required}. Rename it to `{suggested}`, the name this image reads.",
  zh: '`{name}`：Apache Kafka 镜像会把该变量变成未知属性 `{unknown}`，因此 `{value}` 不会传给 `{key}`。只要设置了任何 `KAFKA_` 变量，该镜像就只用这些变量生成 broker 配置（除非挂载了 `server.properties`，否则镜像自带的配置会被丢弃），因此 `{key}` 取 Kafka 自身的默认值{required}。请重命名为该镜像读取的 `{suggested}`。',
};

const APACHE_IN_FILE: L10n = {
  en: "`{name}={value}` ({file}): the Apache Kafka image turns this variable into the unknown property `{unknown}`, so the value never reaches `{key}`. Once any `KAFKA_` variable is set, this image writes the broker's configuration from those variables alone (its packaged `server.properties` is dropped unless one is mounted), so `{key}` gets Kafka's own default{required}. Rename it to `{suggested}` in `{file}`, the name this image reads.",
  zh: '`{name}={value}`（{file}）：Apache Kafka 镜像会把该变量变成未知属性 `{unknown}`，因此该值不会传给 `{key}`。只要设置了任何 `KAFKA_` 变量，该镜像就只用这些变量生成 broker 配置（除非挂载了 `server.properties`，否则镜像自带的配置会被丢弃），因此 `{key}` 取 Kafka 自身的默认值{required}。请在 `{file}` 中将其重命名为该镜像读取的 `{suggested}`。',
};

/** Keys a KRaft broker does not start without (Kafka's own default does not do). */
const KRAFT_REQUIRED = new Set(['node.id', 'process.roles', 'controller.listener.names']);
const REQUIRED: L10n = { en: ', without which a KRaft broker does not start', zh: '，而 KRaft broker 缺少它无法启动' };

/** The property the Apache image makes of a variable (getServerConfigsFromEnv). */
function apacheProperty(name: string): string {
  return name.split('KAFKA_').join('').toLowerCase().replace(/_/g, '.').replace(/\.\.\./g, '-').replace(/\.\./g, '_');
}

function imageLabel(unit: ConfigUnit): string {
  const fam = unit.facts.image ? IMAGE[unit.facts.image] : '';
  return fam || unit.facts.imageName || 'container';
}

/** Remove the whole line of an environment entry, when nothing else shares it. */
function removeLine(ctx: RuleContext, env: IgnoredEnv): Edit[] {
  const text = ctx.file.text;
  let start = env.entrySpan.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  if (!/^[ \t]*(?:-[ \t]*)?["']?$/.test(text.slice(start, env.entrySpan.start))) return [];
  let end = env.entrySpan.end;
  const rest = /^["']?[ \t]*(?:#[^\r\n]*)?/.exec(text.slice(end));
  end += rest ? rest[0].length : 0;
  if (end < text.length && text[end] !== '\r' && text[end] !== '\n') return [];
  if (text.startsWith('\r\n', end)) end += 2;
  else if (end < text.length) end += 1;
  return [{ start, end, newText: '' }];
}

const rule: Rule = {
  meta: {
    id: 'env-var-image',
    severities: ['warning'],
    formats: ['yaml'],
    category: 'broker',
    fixable: true,
    scope: 'unit',
    docs: {
      summary: {
        en: 'Finds docker-compose environment variables that the service\'s Kafka image ignores (`KAFKA_MIN_INSYNC_REPLICAS` on Bitnami, `KAFKA_CFG_*` on Confluent or Apache images).',
        zh: '发现服务所用 Kafka 镜像会忽略的 docker-compose 环境变量（Bitnami 上的 `KAFKA_MIN_INSYNC_REPLICAS`，Confluent 或 Apache 镜像上的 `KAFKA_CFG_*`）。',
      },
      why: {
        en: 'Each image maps environment variables to broker properties differently. Confluent (`cp-kafka`) and Apache (`apache/kafka`) read `KAFKA_<PROPERTY>` (dots become `_`); `KAFKA_CFG_MIN_INSYNC_REPLICAS` there becomes the unknown property `cfg.min.insync.replicas`. Bitnami reads `KAFKA_CFG_<PROPERTY>` and accepts `KAFKA_<PROPERTY>` only for a fixed list of aliases, which does not include `MIN_INSYNC_REPLICAS` or `UNCLEAN_LEADER_ELECTION_ENABLE`. Debezium (`quay.io/debezium/kafka`) reads `KAFKA_<PROPERTY>` with every `_` turned into `.`, so `KAFKA_CFG_*` is ignored there too. An ignored variable leaves the broker on the default the author wanted to change — typically `min.insync.replicas=1` — with no error at startup. The Apache image goes further: once any `KAFKA_` variable is set it writes the broker\'s configuration from those variables alone, dropping its packaged `server.properties` (unless one is mounted), so an ignored `KAFKA_CFG_NODE_ID` or `KAFKA_CFG_PROCESS_ROLES` leaves a KRaft broker that does not start.',
        zh: '不同镜像把环境变量映射为 broker 属性的方式不同。Confluent（`cp-kafka`）与 Apache（`apache/kafka`）读取 `KAFKA_<属性>`（点号变为 `_`），因此 `KAFKA_CFG_MIN_INSYNC_REPLICAS` 在这些镜像中会变成未知属性 `cfg.min.insync.replicas`。Bitnami 读取 `KAFKA_CFG_<属性>`，只对固定的别名列表接受 `KAFKA_<属性>`，其中不包括 `MIN_INSYNC_REPLICAS` 和 `UNCLEAN_LEADER_ELECTION_ENABLE`。Debezium（`quay.io/debezium/kafka`）读取 `KAFKA_<属性>`，并把每个 `_` 变为 `.`，因此 `KAFKA_CFG_*` 在该镜像中同样被忽略。被忽略的变量会让 broker 停留在作者本想修改的默认值上（通常是 `min.insync.replicas=1`），启动时也不会报错。Apache 镜像更进一步：只要设置了任何 `KAFKA_` 变量，它就只用这些变量生成 broker 配置，丢弃镜像自带的 `server.properties`（除非挂载了该文件），因此被忽略的 `KAFKA_CFG_NODE_ID` 或 `KAFKA_CFG_PROCESS_ROLES` 会让 KRaft broker 无法启动。',
      },
      fix: {
        en: 'Rename the variable to the name the image reads. The fix is unsafe: the setting starts to take effect on the next container start, which changes broker behaviour (for example a min ISR of 2 makes `acks=all` writes fail while fewer replicas are in sync). Review the value first. When the service already sets the right variable, remove the ignored one instead. A variable of an `env_file` is reported at its `env_file` entry without a fix: the env file is not edited, so rename it there.',
        zh: '把变量重命名为镜像读取的名称。此修复不安全：该设置会在下次启动容器时开始生效，从而改变 broker 的行为（例如 min ISR 为 2 时，同步副本不足会使 `acks=all` 的写入失败）。请先检查取值。若服务已设置了正确的变量，则应删除被忽略的变量。`env_file` 中的变量在其 `env_file` 条目处报告且不提供修复：env 文件不会被修改，请在该文件中重命名。',
      },
      references: [
        { title: 'Confluent Docker image configuration reference', url: 'https://docs.confluent.io/platform/current/installation/docker/config-reference.html' },
        { title: 'Apache Kafka Docker image examples', url: 'https://github.com/apache/kafka/blob/trunk/docker/examples/README.md' },
        { title: 'Bitnami Kafka image: configuration', url: 'https://github.com/bitnami/containers/blob/main/bitnami/kafka/README.md' },
        { title: 'Debezium Kafka image: entrypoint', url: 'https://github.com/debezium/container-images/tree/main/kafka' },
      ],
      examples: [
        {
          surface: 'compose',
          path: 'docker-compose.yml',
          bad: 'services:\n  kafka:\n    image: bitnami/kafka:3.9\n    environment:\n      KAFKA_CFG_NODE_ID: 0\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n',
          good: 'services:\n  kafka:\n    image: bitnami/kafka:3.9\n    environment:\n      KAFKA_CFG_NODE_ID: 0\n      KAFKA_CFG_MIN_INSYNC_REPLICAS: 2\n',
        },
      ],
    },
  },
  check(ctx) {
    for (const unit of ctx.file.units) {
      if (unit.surface !== 'compose') continue;
      for (const env of unit.facts.ignoredEnv ?? []) {
        const image = imageLabel(unit);
        const apache =
          unit.facts.image === 'apache'
            ? { unknown: apacheProperty(env.name), required: KRAFT_REQUIRED.has(env.intendedKey) ? ctx.t(REQUIRED) : '' }
            : undefined;
        const taken = unit.settings.some((s) => s.sourceKey === env.suggestedName);
        if (env.envFile) {
          // (nothing is edited in an env file: reported at its `env_file` entry, without a fix)
          const data = { name: env.name, value: env.value, file: env.envFile, image, key: env.intendedKey, suggested: env.suggestedName, ...apache };
          ctx.report({ severity: 'warning', message: ctx.t(taken ? ALREADY_IN_FILE : apache ? APACHE_IN_FILE : IN_FILE, data), span: env.keySpan, fixes: [] });
          continue;
        }
        if (taken) {
          const edits = removeLine(ctx, env);
          ctx.report({
            severity: 'warning',
            message: ctx.t(ALREADY, { name: env.name, image, suggested: env.suggestedName }),
            span: env.keySpan,
            fixes: [ctx.makeFix(ctx.t({ en: 'Remove `{n}`', zh: '删除 `{n}`' }, { n: env.name }), 'safe', edits, true)],
          });
          continue;
        }
        const edits: Edit[] = [{ start: env.keySpan.start, end: env.keySpan.end, newText: env.suggestedName }];
        ctx.report({
          severity: 'warning',
          message: ctx.t(apache ? APACHE_MESSAGE : MESSAGE, { name: env.name, image, key: env.intendedKey, value: env.value, suggested: env.suggestedName, ...apache }),
          span: env.keySpan,
          fixes: [ctx.makeFix(ctx.t({ en: 'Rename to `{n}`', zh: '重命名为 `{n}`' }, { n: env.suggestedName }), 'unsafe', edits, true)],
        });
      }
    }
  },
};
export default rule;
