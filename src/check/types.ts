/**
 * The contract between `check` and its checks. A check reads the compiled
 * deck (its steps, fields and positions) and returns diagnostics; it never
 * repeats what parse, split, layout or emit already report (`id+N` to a
 * missing step, `r+N`, duplicate step ids, images without alt text).
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Coordinates, Deck } from '../deck/types.js';

/** A stylesheet or script the deck or its template uses, read by the host. */
export interface AssetText {
  /** The URL as the deck (or the template) writes it. */
  url: string;
  /** The file as the user names it, for diagnostics. */
  file: string;
  text: string;
}

export interface CheckInput {
  deck: Deck;
  /** Layout's positions, index-aligned with `deck.steps`. */
  positions: (Coordinates | null)[];
  /** The deck file as the user named it. */
  file: string;
  /**
   * The deck's own stylesheets and scripts and the template's. A `data-*`
   * field that one of them mentions is the deck's own, not a typo.
   * Undefined when the host did not read them: then only near misses of
   * known fields are reported.
   */
  assets?: AssetText[];
  /** The venue has no network: what the page loads from elsewhere is an error, links to elsewhere a warning. */
  offline?: boolean;
}

export interface Check {
  /** Stable name, for tests and for choosing checks; its diagnostics' codes are `check/…`. */
  name: string;
  run(input: CheckInput): Diagnostic[];
}
