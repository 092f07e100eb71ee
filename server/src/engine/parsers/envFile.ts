// The files a compose service's `env_file` names (Docker's "Syntax for environment files"): one
// `VAR=VAL` per line, `#` lines and blank lines ignored; a value may be quoted with `"` (shell
// escapes such as `\n` and `\"`) or `'` (taken literally); an unquoted value ends at ` #`. Compose
// sets these variables before the service's `environment`, which overrides them, and a later file
// overrides an earlier one. The host reads the files (`LintInput.readEnvFile`): the engine reads
// no file system. A value that refers to another variable (`$VAR`, `${VAR}`) is not judged.

import type { Span } from '../model.js';
import type { EnvVariable } from './springEnv.js';

/** The host's reader of a file an `env_file` names (`ref` as written, relative to `composeFile`'s directory). */
export type ReadEnvFile = (ref: string, composeFile: string) => string | undefined;

/** An `env_file` entry of a compose service: the path as written, and where it is written. */
export interface EnvFileRef {
  path: string;
  span: Span;
}

/** The setting ext of a variable from an env file: it is judged where the compose file names the file, and never edited. */
export interface EnvFileSettingExt {
  kind: 'envfile';
  file: string;
}

/**
 * The variables of an env file's text, each placed at `at` (the compose file's `env_file` entry:
 * findings about them are reported there; nothing in the env file is edited).
 */
export function envFileVariables(text: string, ref: EnvFileRef): EnvVariable[] {
  const out: EnvVariable[] = [];
  const ext: EnvFileSettingExt = { kind: 'envfile', file: ref.path };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(=)?\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, name, eq, rest] = m;
    const at = { start: ref.span.start, end: ref.span.end };
    if (!eq) {
      // `VAR` alone: the value comes from the shell that runs compose.
      out.push({ name, value: '', rawValue: '', dynamic: true, placeholderDefault: false, keySpan: at, valueSpan: at, entrySpan: at, ext });
      continue;
    }
    const v = valueOf(rest);
    out.push({ name, value: v.value, rawValue: v.value, dynamic: v.dynamic, placeholderDefault: false, keySpan: at, valueSpan: at, entrySpan: at, ext });
  }
  return out;
}

function valueOf(rest: string): { value: string; dynamic: boolean } {
  const q = rest[0];
  if (q === "'") {
    const close = rest.indexOf("'", 1);
    return { value: close < 0 ? rest.slice(1) : rest.slice(1, close), dynamic: false };
  }
  if (q === '"') {
    let value = '';
    let i = 1;
    for (; i < rest.length && rest[i] !== '"'; i++) {
      if (rest[i] === '\\' && i + 1 < rest.length) {
        const c = rest[++i];
        value += c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c;
      } else value += rest[i];
    }
    return { value, dynamic: value.includes('$') };
  }
  const hash = rest.search(/\s#/);
  const value = (hash < 0 ? rest : rest.slice(0, hash)).trim();
  return { value, dynamic: value.includes('$') };
}
