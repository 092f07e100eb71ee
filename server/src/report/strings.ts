// The command line's own strings, in English and Simplified Chinese. Finding messages come
// localised from the engine; these are the words around them.

import { fmt, type L10n, type Locale, type MessageData } from '../engine/l10n.js';

export const S = {
  unknownOption: { en: 'unknown option {option}', zh: '未知选项 {option}' },
  missingValue: { en: 'option {option} needs a value', zh: '选项 {option} 需要一个值' },
  noValueAllowed: { en: 'option {option} takes no value', zh: '选项 {option} 不接受值' },
  badFormat: { en: '--format must be text, json or sarif, got "{value}"', zh: '--format 只能是 text、json 或 sarif，收到的是 "{value}"' },
  badMaxWarnings: {
    en: '--max-warnings must be a whole number (-1 for no limit), got "{value}"',
    zh: '--max-warnings 必须是整数（-1 表示不限制），收到的是 "{value}"',
  },
  badLocale: { en: '--locale must be en or zh-cn, got "{value}"', zh: '--locale 只能是 en 或 zh-cn，收到的是 "{value}"' },
  badKafkaVersion: { en: '--kafka-version: {problem}', zh: '--kafka-version：{problem}' },
  unsafeNeedsFix: { en: '--unsafe-fixes only works together with --fix', zh: '--unsafe-fixes 必须与 --fix 一起使用' },
  explainNeedsRule: { en: '--explain needs a rule id', zh: '--explain 需要一个规则 id' },
  tryHelp: { en: 'Run `kafka-lint --help` for usage.', zh: '运行 `kafka-lint --help` 查看用法。' },
  unknownRule: { en: 'unknown rule "{rule}". Rules: {list}', zh: '未知规则 "{rule}"。可用规则：{list}' },

  noSuchPath: { en: '{path}: no such file or directory', zh: '{path}：文件或目录不存在' },
  cannotRead: { en: '{path}: cannot read ({reason})', zh: '{path}：无法读取（{reason}）' },
  cannotWrite: { en: '{path}: cannot write the fixed file ({reason})', zh: '{path}：无法写入修复后的文件（{reason}）' },
  configProblem: { en: '{path}: invalid configuration: {problem}', zh: '{path}：配置无效：{problem}' },
  configUnknownRule: {
    en: '{path}: invalid configuration: unknown rule "{rule}" in "rules" (rules: {list})',
    zh: '{path}：配置无效："rules" 中有未知规则 "{rule}"（可用规则：{list}）',
  },
  configUnreadable: { en: '{path}: cannot read the configuration ({reason})', zh: '{path}：无法读取配置文件（{reason}）' },
  goModUnreadable: {
    en: '{path}: cannot read ({reason}); the newest known sarama version is assumed',
    zh: '{path}：无法读取（{reason}）；将假定使用已知最新的 sarama 版本',
  },

  skippedTooLarge: { en: '{path}: skipped: larger than {mb} MB', zh: '{path}：已跳过：文件大于 {mb} MB' },
  skippedBinary: { en: '{path}: skipped: looks binary (contains NUL bytes)', zh: '{path}：已跳过：看起来是二进制文件（含 NUL 字节）' },
  skippedInvalidUtf8: { en: '{path}: skipped: not valid UTF-8', zh: '{path}：已跳过：不是有效的 UTF-8 文本' },
  skippedNotRegular: { en: '{path}: skipped: not a regular file', zh: '{path}：已跳过：不是普通文件' },
  skippedNotOurs: { en: '{path}: skipped: not a .properties, YAML or Go file', zh: '{path}：已跳过：不是 .properties、YAML 或 Go 文件' },
  skippedExcluded: { en: '{path}: skipped: excluded by {config}', zh: '{path}：已跳过：被 {config} 排除' },
  skippedEngine: { en: '{path}: skipped: {reason}', zh: '{path}：已跳过：{reason}' },
  ruleError: {
    en: '{path}: internal error in rule {rule}; the rule was skipped for this file: {error}',
    zh: '{path}：规则 {rule} 内部出错，已对该文件跳过此规则：{error}',
  },
  noFiles: { en: 'no .properties, YAML or Go files found', zh: '未找到 .properties、YAML 或 Go 文件' },

  fixesApplied: { en: 'Applied {fixes} to {files}.', zh: '已应用 {fixes} 处修复，涉及 {files} 个文件。' },
  fixableSafe: { en: '{n} fixable with `--fix`', zh: '{n} 个可用 `--fix` 修复' },
  fixableUnsafeOnly: { en: '{n} fixable with `--fix --unsafe-fixes`', zh: '{n} 个可用 `--fix --unsafe-fixes` 修复' },
  fixableUnsafe: { en: '{n} more with `--fix --unsafe-fixes`', zh: '另有 {n} 个可用 `--fix --unsafe-fixes` 修复' },
  tooManyWarnings: { en: 'Too many warnings: {n} (maximum: {max}).', zh: '警告过多：{n} 个（上限：{max}）。' },
} satisfies Record<string, L10n>;

export type StringId = keyof typeof S;

export function t(locale: Locale, id: StringId, data?: MessageData): string {
  return fmt(S[id], locale, data);
}

/** "1 error" / "2 errors" / "2 个错误". */
export function count(locale: Locale, n: number, en: [string, string], zh: string): string {
  return locale === 'zh-cn' ? `${n} ${zh}` : `${n} ${n === 1 ? en[0] : en[1]}`;
}

export function summaryLine(
  locale: Locale,
  c: { problems: number; errors: number; warnings: number; infos: number; hints: number },
): string {
  if (locale === 'zh-cn') {
    return `${c.problems} 个问题（${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个信息，${c.hints} 个提示）`;
  }
  const n = (k: number, one: string, many: string) => count('en', k, [one, many], '');
  return `${n(c.problems, 'problem', 'problems')} (${n(c.errors, 'error', 'errors')}, ${n(c.warnings, 'warning', 'warnings')}, ${n(c.infos, 'info', 'infos')}, ${n(c.hints, 'hint', 'hints')})`;
}

export function fixesAppliedLine(locale: Locale, applied: number, files: number): string {
  return t(locale, 'fixesApplied', {
    fixes: locale === 'zh-cn' ? String(applied) : count('en', applied, ['fix', 'fixes'], ''),
    files: locale === 'zh-cn' ? String(files) : count('en', files, ['file', 'files'], ''),
  });
}

export const HELP: L10n = {
  en: `Usage: kafka-lint [options] [paths...]

Checks Kafka configuration for settings that can lose or duplicate messages:
.properties files, YAML (Spring Boot, Strimzi, Confluent for Kubernetes,
docker-compose, Kubernetes) and Go (sarama, confluent-kafka-go, kafka-go).
Directories are searched recursively, skipping node_modules and .git; paths
default to the current directory.

Options:
  -f, --format <text|json|sarif>  Output format (default: text)
      --fix                       Apply safe fixes and write the files
      --unsafe-fixes              With --fix, also apply fixes that trade
                                  latency, throughput or availability
      --max-warnings <n>          Exit 1 when there are more than n warnings
                                  (default 0; -1 for no limit)
      --kafka-version <x.y>       Kafka version whose defaults apply (default 4.0)
      --config <file>             Use this .kafkalint.json for every path instead
                                  of the nearest one above each file
      --locale <en|zh-cn>         Language of messages and of this tool
      --explain <rule>            Print the documentation of a rule
  -h, --help                      Print this help
  -v, --version                   Print the version

Output: text prints path:line:column severity rule-id message, with 1-based
lines and columns; a column counts UTF-16 code units (a tab is one column).
json and sarif use the same positions.

Exit status: 0 no problems (or only infos and hints), 1 errors or too many
warnings, 2 usage error, invalid configuration or unreadable path.

Configuration: the nearest .kafkalint.json above each file, for example
  {"kafkaVersion": "3.7", "rules": {"flush-policy": "off"},
   "exclude": ["test/**"]}
Suppress one finding with a comment on the line before it:
  # kafka-lint-disable-next-line acks -- reason        (Go: //)
`,
  zh: `用法：kafka-lint [选项] [路径...]

检查 Kafka 配置中可能导致消息丢失或重复的设置：.properties 文件、
YAML（Spring Boot、Strimzi、Confluent for Kubernetes、docker-compose、Kubernetes）
和 Go（sarama、confluent-kafka-go、kafka-go）。
目录会被递归检查，跳过 node_modules 和 .git；未给出路径时检查当前目录。

选项：
  -f, --format <text|json|sarif>  输出格式（默认 text）
      --fix                       应用安全的修复并写回文件
      --unsafe-fixes              与 --fix 一起使用时，也应用会牺牲延迟、
                                  吞吐量或可用性的修复
      --max-warnings <n>          警告多于 n 个时以状态 1 退出
                                  （默认 0；-1 表示不限制）
      --kafka-version <x.y>       按此 Kafka 版本的默认值检查（默认 4.0）
      --config <文件>             对所有路径使用此 .kafkalint.json，
                                  而不是每个文件上方最近的那个
      --locale <en|zh-cn>         消息和本工具输出所用的语言
      --explain <规则>            打印某条规则的文档
  -h, --help                      打印本帮助
  -v, --version                   打印版本号

输出：text 格式为 路径:行:列 严重级别 规则id 消息，行号和列号从 1 开始；
列按 UTF-16 代码单元计数（制表符算一列）。json 和 sarif 使用同样的位置。

退出状态：0 无问题（或只有信息和提示），1 有错误或警告过多，
2 用法错误、配置无效或路径无法读取。

配置：每个文件上方最近的 .kafkalint.json，例如
  {"kafkaVersion": "3.7", "rules": {"flush-policy": "off"},
   "exclude": ["test/**"]}
在问题所在行的上一行加注释可抑制该问题：
  # kafka-lint-disable-next-line acks -- 原因        （Go：//）
`,
};
