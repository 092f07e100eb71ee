// PLACEHOLDER: replaced by the real parser.
import type { ParsedFile } from '../model.js';

export function parseYaml(text: string, path: string): ParsedFile {
  return { path, text, format: 'yaml', units: [], errors: [], comments: [], eol: '\n' };
}
