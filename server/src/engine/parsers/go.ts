// PLACEHOLDER: replaced by the real parser.
import type { ParsedFile } from '../model.js';

export function parseGo(text: string, path: string): ParsedFile {
  return { path, text, format: 'go', units: [], errors: [], comments: [], eol: '\n' };
}
