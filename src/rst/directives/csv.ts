/**
 * A CSV reader that behaves as CPython 3.11's `csv.reader` (Modules/_csv.c)
 * for the dialects `csv-table` uses: the same per-character state machine,
 * the same treatment of empty lines, and the same error texts, which
 * docutils shows to the author ("Error with CSV data ...: unexpected end of
 * data").
 */

export interface CsvDialect {
  delimiter: string;
  quotechar: string | null;
  /** null: no escape character. */
  escapechar: string | null;
  doublequote: boolean;
  skipinitialspace: boolean;
  strict: boolean;
}

export class CsvError extends Error {}

const FIELD_LIMIT = 128 * 1024;

type State =
  | 'START_RECORD'
  | 'START_FIELD'
  | 'ESCAPED_CHAR'
  | 'IN_FIELD'
  | 'IN_QUOTED_FIELD'
  | 'ESCAPE_IN_QUOTED_FIELD'
  | 'QUOTE_IN_QUOTED_FIELD'
  | 'EAT_CRNL'
  | 'AFTER_ESCAPED_CRNL';

/**
 * End of one input line: the C reader feeds a sentinel after each line's
 * characters. Longer than one character, so it never equals a dialect char.
 */
const EOL = '<EOL>';
type Char = string;

class Reader {
  state: State = 'START_RECORD';
  fields: string[] = [];
  field = '';
  /** Whether the field has characters (C's `field_len != 0`). */
  fieldLen = 0;

  constructor(readonly dialect: CsvDialect) {}

  reset(): void {
    this.fields = [];
    this.field = '';
    this.fieldLen = 0;
    this.state = 'START_RECORD';
  }

  saveField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldLen = 0;
  }

  addChar(c: string): void {
    if (this.fieldLen >= FIELD_LIMIT) throw new CsvError(`field larger than field limit (${FIELD_LIMIT})`);
    this.field += c;
    this.fieldLen += 1;
  }

  endOfLine(c: Char): void {
    this.saveField();
    this.state = c === EOL ? 'START_RECORD' : 'EAT_CRNL';
  }

  process(c: Char): void {
    const d = this.dialect;
    const isNewline = c === '\n' || c === '\r';
    switch (this.state) {
      case 'START_RECORD':
        if (c === EOL) return;
        if (isNewline) {
          this.state = 'EAT_CRNL';
          return;
        }
        this.state = 'START_FIELD';
        this.startField(c);
        return;
      case 'START_FIELD':
        this.startField(c);
        return;
      case 'ESCAPED_CHAR':
        if (isNewline) {
          this.addChar(c);
          this.state = 'AFTER_ESCAPED_CRNL';
          return;
        }
        this.addChar(c === EOL ? '\n' : c);
        this.state = 'IN_FIELD';
        return;
      case 'AFTER_ESCAPED_CRNL':
        if (c === EOL) return;
        this.inField(c);
        return;
      case 'IN_FIELD':
        this.inField(c);
        return;
      case 'IN_QUOTED_FIELD':
        if (c === EOL) return;
        if (c === d.escapechar) this.state = 'ESCAPE_IN_QUOTED_FIELD';
        else if (c === d.quotechar) this.state = d.doublequote ? 'QUOTE_IN_QUOTED_FIELD' : 'IN_FIELD';
        else this.addChar(c);
        return;
      case 'ESCAPE_IN_QUOTED_FIELD':
        this.addChar(c === EOL ? '\n' : c);
        this.state = 'IN_QUOTED_FIELD';
        return;
      case 'QUOTE_IN_QUOTED_FIELD':
        if (c === d.quotechar) {
          this.addChar(c);
          this.state = 'IN_QUOTED_FIELD';
        } else if (c === d.delimiter) {
          this.saveField();
          this.state = 'START_FIELD';
        } else if (isNewline || c === EOL) {
          this.endOfLine(c);
        } else if (!d.strict) {
          this.addChar(c);
          this.state = 'IN_FIELD';
        } else {
          throw new CsvError(`'${d.delimiter}' expected after '${d.quotechar}'`);
        }
        return;
      case 'EAT_CRNL':
        if (isNewline) return;
        if (c === EOL) {
          this.state = 'START_RECORD';
          return;
        }
        throw new CsvError("new-line character seen in unquoted field - do you need to open the file with newline=''?");
    }
  }

  private startField(c: Char): void {
    const d = this.dialect;
    if (c === '\n' || c === '\r' || c === EOL) this.endOfLine(c);
    else if (c === d.quotechar) this.state = 'IN_QUOTED_FIELD';
    else if (c === d.escapechar) this.state = 'ESCAPED_CHAR';
    else if (c === ' ' && d.skipinitialspace) return;
    else if (c === d.delimiter) this.saveField();
    else {
      this.addChar(c);
      this.state = 'IN_FIELD';
    }
  }

  private inField(c: Char): void {
    const d = this.dialect;
    if (c === '\n' || c === '\r' || c === EOL) this.endOfLine(c);
    else if (c === d.escapechar) this.state = 'ESCAPED_CHAR';
    else if (c === d.delimiter) {
      this.saveField();
      this.state = 'START_FIELD';
    } else this.addChar(c);
  }
}

/** Reads records from `lines` (each already ending in "\n", as docutils passes them). */
export function readCsv(lines: string[], dialect: CsvDialect): string[][] {
  const reader = new Reader(dialect);
  const rows: string[][] = [];
  let index = 0;
  while (index < lines.length) {
    reader.reset();
    do {
      if (index >= lines.length) {
        if (reader.fieldLen !== 0 || reader.state === 'IN_QUOTED_FIELD') {
          if (dialect.strict) throw new CsvError('unexpected end of data');
          reader.saveField();
          rows.push(reader.fields);
        }
        return rows;
      }
      // Python 3.11 reads NUL as any other character (3.10 refused the line).
      for (const c of lines[index++]!) reader.process(c);
      reader.process(EOL);
    } while (reader.state !== 'START_RECORD');
    rows.push(reader.fields);
  }
  return rows;
}
