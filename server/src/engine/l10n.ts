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
