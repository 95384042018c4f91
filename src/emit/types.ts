/**
 * The contract between `emit` and its callers (the CLI, tests, library users).
 *
 * emit is pure: the template's text and the names of its files come in
 * through `EmitOptions`; the page and the list of files it needs go out in
 * `EmitResult`, and the caller does the reading and copying.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface EmitTemplate {
  /** The template's `template.html`, with `{{slot}}` markers (see templates/default/README.md). */
  html: string;
  /** Paths of the template's own files (relative to the template folder, `/`-separated) that the CLI copies into the build. */
  files: string[];
}

export interface EmitOptions {
  template: EmitTemplate;
  /** The deck's file name as the user gave it; recorded on diagnostics and on listed files. */
  sourceName: string;
  /** Drop presenter notes (`.. note::` inside steps) instead of rendering them hidden. */
  skipNotes?: boolean;
  /** `lang` of the page; defaults to "en". */
  lang?: string;
  /**
   * Presenter features. A value given here (a command-line flag) wins over
   * the deck's setting (`:slide-numbers:`, `:skip-help:`, `:auto-console:`);
   * left undefined, the deck decides, and without a setting the feature is off.
   */
  slideNumbers?: boolean;
  skipHelp?: boolean;
  autoConsole?: boolean;
}

export type AssetKind = 'image' | 'css' | 'js' | 'other';

/** A local file the page references, relative to the deck's folder; the CLI copies it next to the page. */
export interface AssetReference {
  url: string;
  kind: AssetKind;
  /** The file whose markup references it: the deck, or the included file. */
  source?: string;
  /** 1-based line of the node or setting that references it. */
  line?: number;
}

/**
 * Something the page needs that the caller provides: `math` means the page
 * links KaTeX's stylesheet (`KATEX_STYLESHEET`), so the build copies KaTeX's
 * CSS and fonts to `KATEX_FOLDER`.
 */
export type EmitFeature = 'math';

export interface EmitResult {
  html: string;
  files: AssetReference[];
  diagnostics: Diagnostic[];
  /** The features the page uses, sorted; empty for most decks. */
  features: EmitFeature[];
}
