// Engine offsets (UTF-16 indices) to the 1-based line/column pairs that people and tools read.
// A column counts UTF-16 code units, as LSP and SARIF (`columnKind: utf16CodeUnits`) do: a tab
// is one column and an astral character two, whatever an editor shows.

import { lineOf, lineStarts } from '../engine/suppressions.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface Region {
  line: number;
  column: number;
  /** Position just after the last character (exclusive). */
  endLine: number;
  endColumn: number;
}

export class LineIndex {
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lineOf(this.starts, o);
    return { line: line + 1, column: o - this.starts[line] + 1 };
  }

  region(start: number, end: number): Region {
    const a = this.position(start);
    const b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
