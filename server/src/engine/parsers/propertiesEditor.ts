// Format editor for `.properties` surfaces (plain Kafka files and Spring Boot
// application.properties). Edits touch only the value, the key or the entry's own lines, keep
// the file's line terminators and separator style, and escape text the way
// `Properties.load` reads it back.

import type { ConfigUnit, Edit, ParsedFile, Role, Setting } from '../model.js';
import { registerEditor, type FormatEditor } from '../fixer.js';
import { mapSpringKafkaPath, springPathFor, springSection } from '../knowledge/spring.js';
import { scstKeyPath } from '../knowledge/scst.js';
import { effective } from '../model.js';
import type { PropertiesSettingExt, PropertiesUnitExt } from './properties.js';

/** Escape a key so `Properties.load` reads it back unchanged. */
export function escapeKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    switch (c) {
      case '\\':
        out += '\\\\';
        break;
      case ' ':
        out += '\\ ';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '=':
      case ':':
        out += '\\' + c;
        break;
      case '#':
      case '!':
        out += i === 0 ? '\\' + c : c;
        break;
      case '\uFEFF':
        // At the start of a file a reader takes it for a byte order mark, not part of the key.
        out += i === 0 ? '\\uFEFF' : c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/**
 * Escape a value for the right-hand side of a separator. `#`, `!`, `=` and `:` need nothing
 * there; backslashes, line breaks and leading whitespace do.
 */
export function escapeValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (i === 0 && c === ' ') out += '\\ ';
    else if (i === 0 && c === '\t') out += '\\t';
    else if (i === 0 && c === '\f') out += '\\f';
    else out += c;
  }
  return out;
}

function sext(s: Setting): PropertiesSettingExt | undefined {
  const e = s.ext as PropertiesSettingExt | undefined;
  return e && e.kind === 'properties' ? e : undefined;
}

function uext(u: ConfigUnit): PropertiesUnitExt | undefined {
  const e = u.ext as PropertiesUnitExt | undefined;
  return e && e.kind === 'properties' ? e : undefined;
}

/** A shared (`spring.kafka.*` for every client) key: the dedicated common property or the map. */
function springCommonPath(key: string): string {
  const dedicated = key.replace(/\./g, '-');
  const m = mapSpringKafkaPath(dedicated);
  return m && m.key === key && m.precedence === 0 ? dedicated : `properties[${key}]`;
}

/** Full Spring property name for a canonical key written for a role. */
export function springKeyFor(role: Role, key: string): string {
  if (key.startsWith('spring:')) return 'spring.kafka.' + key.slice('spring:'.length);
  if (!springSection(role)) return 'spring.kafka.' + springCommonPath(key);
  const p = springPathFor(key, role);
  return 'spring.kafka.' + (p ? p.path : springCommonPath(key));
}

function isSpring(unit: ConfigUnit): boolean {
  return unit.surface === 'spring-properties';
}

const editor: FormatEditor = {
  commentPrefix: '#',

  keyName(unit, key) {
    const scst = uext(unit)?.scst;
    if (scst) return scstKeyPath(unit.role, scst.binding, key, effective(unit, 'acks')?.precedence)?.join('.') ?? key;
    return isSpring(unit) ? springKeyFor(unit.role, key) : key;
  },

  valueText(_unit, _key, value) {
    return value;
  },

  assignment(unit, key, value) {
    return `${editor.keyName(unit, key)}=${editor.valueText(unit, key, value)}`;
  },

  setValue(file: ParsedFile, unit, setting, value): Edit[] | null {
    const ext = sext(setting);
    if (!ext) return null;
    const text = editor.valueText(unit, setting.key, value);
    if (setting.placeholderDefault) {
      // Keep the placeholder and change only its default: `${ACKS:1}` -> `${ACKS:all}`.
      const span = ext.spring?.defaultSpan;
      if (!span || /[{}$\\\r\n]/.test(text)) return null;
      return [{ start: span.start, end: span.end, newText: text }];
    }
    let newText = escapeValue(text);
    const { keySpan, valueSpan } = setting;
    const sep = file.text.slice(keySpan.end, valueSpan.start);
    if (sep === '') {
      // A key-only line (`acks`): add a separator. An empty key (a lone `\` at the end of the
      // file) cannot take a blank one: the reader would skip it as leading space.
      newText = (keySpan.start === keySpan.end ? '=' : (uext(unit)?.separator ?? '=')) + newText;
    } else if (!/[=:]/.test(sep) && /^[=:]/.test(newText)) {
      // After a whitespace separator a leading `=`/`:` would be read as the separator.
      newText = '\\' + newText;
    }
    return [{ start: valueSpan.start, end: valueSpan.end, newText }];
  },

  insert(file, unit, key, value): Edit[] | null {
    const u = uext(unit);
    if (!u) return null;
    if (!unit.settings.length) {
      // A Kafka binder binding named by keys that make no setting (`destination`): a new line after its first.
      if (!u.scst) return null;
      const t = file.text;
      const nl = t.slice(unit.anchor.end).search(/\r\n|\r|\n/);
      const line = escapeKey(editor.keyName(unit, key)) + u.separator + escapeValue(editor.valueText(unit, key, value));
      if (nl < 0) return [{ start: t.length, end: t.length, newText: u.eol + line }];
      const at = unit.anchor.end + nl + (t.startsWith('\r\n', unit.anchor.end + nl) ? 2 : 1);
      return [{ start: at, end: at, newText: line + u.eol }];
    }
    let after: Setting | undefined;
    if (isSpring(unit)) {
      const own = unit.settings.filter((s) => s.role === unit.role);
      after = own[own.length - 1];
    }
    after ??= unit.settings[unit.settings.length - 1];
    const ext = sext(after);
    if (!ext) return null;
    const keyText = escapeKey(editor.keyName(unit, key));
    const line = keyText + u.separator + escapeValue(editor.valueText(unit, key, value));
    if (ext.lineEnd > file.text.length) return null;
    if (ext.danglingBackslash && after.key === '' && after.value === '') {
      // A bare backslash at EOF: Java reads an empty entry there only while nothing follows.
      return [{ start: ext.lineStart, end: ext.lineStart, newText: line + u.eol }];
    }
    // An entry whose last line ends in a continuation backslash (only possible at EOF) would
    // swallow the new line: a blank line first ends that entry, as Java reads it.
    if (ext.lineEnd > after.entrySpan.end) {
      // Insert at the start of the next line, so an inserted LF never joins a lone CR before
      // it; the blank line repeats the entry's own terminator for the same reason.
      const blank = ext.danglingBackslash ? file.text.slice(after.entrySpan.end, ext.lineEnd) : '';
      return [{ start: ext.lineEnd, end: ext.lineEnd, newText: blank + line + u.eol }];
    }
    // The entry ends the file without a terminator: add one first.
    const at = after.entrySpan.end;
    return [{ start: at, end: at, newText: (ext.danglingBackslash ? u.eol : '') + u.eol + line }];
  },

  remove(file, _unit, setting): Edit[] | null {
    const ext = sext(setting);
    if (!ext) return null;
    let start = ext.lineStart;
    const end = ext.lineEnd;
    if (end === setting.entrySpan.end && start > 0) {
      // The entry ends the file without a terminator: take the previous line's terminator
      // instead, so the file keeps ending where it did. Not after a blank line or a trailing
      // backslash, where Java's end-of-file handling would read the remains differently.
      const t = file.text;
      const termLen = t[start - 1] === '\n' && t[start - 2] === '\r' ? 2 : 1;
      const prevEnd = start - termLen;
      const prevStart = Math.max(t.lastIndexOf('\n', prevEnd - 1), t.lastIndexOf('\r', prevEnd - 1)) + 1;
      const prev = t.slice(prevStart, prevEnd);
      if (!/^[ \t\f]*$/.test(prev) && !prev.endsWith('\\')) start = prevEnd;
    }
    return [{ start, end, newText: '' }];
  },

  rename(_file, unit, setting, newKey): Edit[] | null {
    const ext = sext(setting);
    if (!ext) return null;
    let full: string;
    const binderProp = /^scst:(?:consumer|producer|binder)\.(.+)$/.exec(newKey);
    if (uext(unit)?.scst && binderProp && setting.key.startsWith('scst:')) {
      // A Kafka binder property misspelled: the same place, the right name.
      full = setting.sourceKey.slice(0, setting.sourceKey.lastIndexOf('.') + 1) + binderProp[1];
    } else if (uext(unit)?.scst && (ext.spring?.form !== 'map' || newKey.includes(':'))) return null;
    else if (!isSpring(unit)) full = newKey;
    else if (ext.spring?.form === 'map' && ext.spring.mapPrefix !== undefined && !newKey.startsWith('spring:')) {
      full = ext.spring.mapPrefix + newKey + (ext.spring.mapSuffix ?? '');
    } else full = springKeyFor(setting.role, newKey);
    return [{ start: setting.keySpan.start, end: setting.keySpan.end, newText: escapeKey(full) }];
  },
};

export const propertiesEditor: FormatEditor = editor;

registerEditor(['kafka-properties', 'spring-properties'], editor);
