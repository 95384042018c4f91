/**
 * The whole pipeline on one deck's text: parse → split → layout → emit.
 * Pure apart from the `readFile` host callback used by `include`.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toFileLines, type Located } from '../diagnostics/lines.js';
import { parse } from '../rst/parse.js';
import { split } from '../deck/split.js';
import { layout } from '../layout/layout.js';
import { emit } from '../emit/index.js';
import type { AssetReference, EmitOptions, EmitResult, EmitTemplate } from '../emit/types.js';
import type { Deck, Coordinates } from '../deck/types.js';

export interface CompileOptions {
  sourceName: string;
  sourceDir: string;
  readFile: (path: string) => string | undefined;
  /** The page template, or a function choosing it from the deck (its `:template:` setting). */
  template: EmitTemplate | ((deck: Deck) => EmitTemplate);
  skipNotes?: boolean;
  /** Presenter features from the command line; each wins over the deck's setting. */
  features?: Pick<EmitOptions, 'slideNumbers' | 'skipHelp' | 'autoConsole'>;
  /** The time `.. date::` formats (the edge decides: SOURCE_DATE_EPOCH or the clock). */
  now?: Date;
}

export interface CompileResult {
  deck: Deck;
  positions: (Coordinates | null)[];
  page: EmitResult;
  diagnostics: Diagnostic[];
  /** Gives diagnostics found later about this deck (deck check's) their lines as an editor counts them, as `diagnostics` have. */
  fileLines<T extends Located>(items: T[]): T[];
}

export function compile(source: string, options: CompileOptions): CompileResult {
  // Included files are read once, for the parse and again for their diagnostics' lines.
  const readFile = readOnce(options.readFile);
  const parsed = parse(source, {
    sourceName: options.sourceName,
    sourceDir: options.sourceDir,
    readFile,
    mode: 'publish',
    hovercraft: true,
    fileInsertionEnabled: true,
    ...(options.now ? { now: options.now } : {}),
  });
  const { deck, diagnostics: splitDiagnostics } = split(parsed.document, { sourceName: options.sourceName, inPlace: true });
  const { positions, diagnostics: layoutDiagnostics } = layout(deck, { sourceName: options.sourceName });
  const template = typeof options.template === 'function' ? options.template(deck) : options.template;
  const emitOptions = { ...options.features, template, sourceName: options.sourceName, skipNotes: options.skipNotes ?? false };
  const page = emit(deck, positions, emitOptions);
  const fileLines = <T extends Located>(found: T[]) => inFileLines(found, source, options.sourceName, readFile, parsed.includeShifts);
  referencesInFileLines(page.files, fileLines);
  return {
    deck,
    positions,
    page,
    diagnostics: fileLines([...parsed.diagnostics, ...splitDiagnostics, ...layoutDiagnostics, ...page.diagnostics]),
    fileLines,
  };
}

/**
 * Every line as an editor counts it in its own file: the deck's, or an
 * included one's. Only the files the parser read count lines as docutils
 * does; others (stylesheets) are left as they are.
 */
function inFileLines<T extends Located>(
  items: T[],
  source: string,
  sourceName: string,
  readFile: CompileOptions['readFile'],
  shifts: ReadonlyMap<string, number | undefined>,
): T[] {
  toFileLines(items, source, sourceName);
  const included = new Set(items.map((d) => d.file).filter((file): file is string => file !== undefined && shifts.has(file) && file !== sourceName));
  for (const file of included) {
    const text = readFile(file);
    if (text !== undefined) toFileLines(items, text, file, shifts.get(file) ?? 0);
  }
  return items;
}

/** The lines the page's files are referenced on, as an editor counts them (the build reports missing ones there). */
function referencesInFileLines(files: AssetReference[], fileLines: <T extends Located>(found: T[]) => T[]): void {
  const located = files.map((f) => ({ file: f.source, line: f.line }));
  fileLines(located);
  files.forEach((f, i) => {
    const line = located[i]!.line;
    if (line !== undefined) f.line = line;
  });
}

/** `read`, asked at most once per path. */
function readOnce(read: CompileOptions['readFile']): CompileOptions['readFile'] {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) texts.set(file, read(file));
    return texts.get(file);
  };
}
