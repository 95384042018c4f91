/**
 * The directive contract, after docutils' `Directive` class. A directive is
 * a plain object registered by name in `./registry.ts`; the block parser
 * parses the directive block (arguments, options, content) as docutils'
 * `Body.parse_directive_block` does, then calls `run`.
 */

import type { RstDocument } from '../document.js';
import type { Element, Node } from '../nodes.js';
import type { InlineResult } from '../inline/types.js';
import type { StringList } from '../string-list.js';

/** Converts an option's raw value (null when none was given); throws OptionError on bad input. */
export type OptionConverter = (value: string | null) => unknown;

/** Thrown by option converters, with docutils' message text. */
export class OptionError extends Error {}

/** Thrown by `run` to report a problem the way docutils' `DirectiveError` does. */
export class DirectiveError extends Error {
  constructor(
    readonly level: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the surrounding parser offers a directive (docutils' `self.state` / `self.state_machine`). */
export interface DirectiveState {
  document: RstDocument;
  /** The element the directive's result will be appended to. */
  parent: Element;
  /** True where section titles are allowed (docutils' `state_machine.match_titles`). */
  matchTitles: boolean;
  /** Set when the directive is the body of a substitution definition. */
  substitutionName?: string;
  /** The directory of the file being parsed (relative paths resolve against it). */
  sourceDir: string;
  /** The source line of absolute line `absLine` where docutils places a node (its `state_machine.get_source_and_line`). */
  nodeLine(absLine: number): number | undefined;
  /**
   * Parses `content` as body elements into `node` (docutils `nested_parse`),
   * its lines counted from `inputOffset` (else from where they came from).
   */
  nestedParse(content: StringList, node: Element, options?: { matchTitles?: boolean; inputOffset?: number }): void;
  /**
   * Inline-parses `text`, as docutils' `state.inline_text(text, lineno)`;
   * positions count from `textLineno` (absolute) when it differs from `lineno`.
   */
  inlineText(text: string, lineno: number, textLineno?: number): InlineResult;
  /** Splices lines into the input right after the directive (docutils `insert_input`). */
  insertInput(lines: StringList, source: string): void;
  /** Reads a file for `include`/`csv-table :file:`; undefined when missing or refused. */
  readFile(path: string): string | undefined;
  /** Whether directives may read files (`file_insertion_enabled`). */
  fileInsertionEnabled: boolean;
  /**
   * Parses `content` as a block quote with attributions (docutils
   * `state.block_quote`), for epigraph, highlights and pull-quote. Without
   * it those directives nest-parse into one `block_quote`.
   */
  blockQuote?(content: StringList, lineOffset?: number): Node[];
  /** The time the `date` directive formats; 2000-01-01 00:00 UTC when absent (stages read no clock). */
  now?: Date;
}

export interface DirectiveCall {
  /** The directive name exactly as written (docutils `self.name`): messages quote it. */
  name: string;
  arguments: string[];
  options: Record<string, unknown>;
  content: StringList;
  /** 1-based source line of the directive's first line, where messages go. */
  lineno: number;
  /**
   * docutils' `self.lineno`: the directive's absolute line number in the
   * parser's input (included files' lines counted in), as `inlineText` takes it.
   */
  absLineno: number;
  /** Absolute 0-based offset of the content's first line (docutils `content_offset`). */
  contentOffset: number;
  /** The whole directive block's text (`block_text`), for error messages. */
  blockText: string;
  state: DirectiveState;
}

export interface Directive {
  requiredArguments: number;
  optionalArguments: number;
  finalArgumentWhitespace: boolean;
  optionSpec?: Record<string, OptionConverter>;
  hasContent: boolean;
  run(call: DirectiveCall): Node[];
}
