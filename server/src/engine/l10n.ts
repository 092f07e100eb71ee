// Tiny localisation helper. Every user-visible engine string has an English and a
// Simplified Chinese form; `{name}` placeholders are filled from data.

export type Locale = 'en' | 'zh-cn';

export interface L10n {
  en: string;
  zh: string;
}

export function normalizeLocale(locale: string | undefined): Locale {
  if (!locale) return 'en';
  const l = locale.toLowerCase();
  return l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-hans') || l === 'zh-sg' ? 'zh-cn' : 'en';
}

export type MessageData = Record<string, string | number>;

export function fmt(msg: L10n, locale: Locale, data: MessageData = {}): string {
  const template = locale === 'zh-cn' ? msg.zh : msg.en;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in data ? String(data[name]) : m));
}

/**
 * The knowledge base names the source of a default in English ("Kafka 4.0 default",
 * "sarama v1.43.2 default", "spring-kafka default"); this renders it for the locale.
 */
export function localizeDefaultSource(source: string, locale: Locale): string {
  if (locale !== 'zh-cn') return source;
  let m = /^Kafka (\S+) effective default \(documented true, not applied: KAFKA-13598\)$/.exec(source);
  // Chinese templates read "默认值（{source}）为 …", so the source is named without "默认值".
  if (m) return `Kafka ${m[1]} 实际生效的值；文档写为 true，但因 KAFKA-13598 未生效`;
  m = /^newest sarama \((v[\d.]+)\) default$/.exec(source);
  if (m) return `sarama，按最新版本 ${m[1]}`;
  m = /^sarama (v[\d.]+) default \(as of (v[\d.]+), the newest known\)$/.exec(source);
  if (m) return `sarama ${m[1]}，按已知最新的 ${m[2]}`;
  m = /^(.+) default$/.exec(source);
  if (m) return m[1];
  return source;
}

/**
 * `re` with `zh` (regular expression source with Chinese text) added as alternatives. Regular
 * expressions that match Chinese text are written this way, not as literals with the characters
 * in them: esbuild writes strings in the bundles as ASCII escapes but copies regular expression
 * literals as they are, and one non-ASCII character makes V8 hold the whole server bundle's
 * source, which it keeps in memory, in two bytes per character (1.7 MB instead of 0.85 MB).
 * esbuild.mjs checks that the bundles stay ASCII.
 */
export function withZh(re: RegExp, zh: string): RegExp {
  return new RegExp(`${re.source}|${zh}`, re.flags);
}
