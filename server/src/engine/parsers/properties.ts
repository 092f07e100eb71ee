// PLACEHOLDER: replaced by the real parser.
import type { ParsedFile } from '../model.js';

export function parseProperties(text: string, path: string): ParsedFile {
  return { path, text, format: 'properties', units: [], errors: [], comments: [], eol: '\n' };
}
