/**
 * The contract between the transformer (`index.ts`) and each transform.
 * A transform is docutils' `Transform` class: a dotted name (so `pending`
 * nodes can name it), a priority (lower runs first) and an `apply` that
 * edits the tree through the context.
 */

import type { Element } from '../nodes.js';
import type { TransformContext } from './context.js';

export interface Transform {
  /** docutils' class name, e.g. `docutils.transforms.references.Substitutions`. */
  readonly name: string;
  /** docutils' `default_priority`. */
  readonly priority: number;
  /** `pending` is the node a directive left for this transform, if any. */
  apply(context: TransformContext, pending?: Element): void;
}

/** The docutils settings the transforms read (names as docutils spells them, camel-cased). */
export interface TransformSettings {
  /** `doctitle_xform`: promote a lone top-level section to the document title. */
  doctitleXform: boolean;
  /** `docinfo_xform`: turn a leading field list into `docinfo`. */
  docinfoXform: boolean;
  /** `sectsubtitle_xform`: promote lone subsections to section subtitles. */
  sectsubtitleXform: boolean;
  /** Whether `misc.Transitions` runs (Hovercraft replaces it with rules of its own). */
  transitions: boolean;
  /**
   * Whether a writer's `Messages` and `FilterMessages` run: docutils' null
   * writer (the corpus oracle) adds none, real writers (Hovercraft's XML
   * writer) add both.
   */
  writerMessages: boolean;
  /** `report_level`: messages below it are dropped by `FilterMessages`. */
  reportLevel: number;
  /** `toc_backlinks`: where section titles link back to (`entry`, `top`, `none`). */
  tocBacklinks: 'entry' | 'top' | 'none';
  /** `sectnum_xform`: number sections in the tree (not left to the writer). */
  sectnumXform: boolean;
  /** `strip_comments`. */
  stripComments: boolean;
  /** `expose_internals`: internal attributes to show as `internal:NAME`. */
  exposeInternals: string[];
}

/** The settings of `core.publish_doctree()` with the corpus oracle's overrides. */
export const PUBLISH_SETTINGS: TransformSettings = {
  doctitleXform: false,
  docinfoXform: false,
  sectsubtitleXform: false,
  transitions: true,
  writerMessages: false,
  reportLevel: 2,
  tocBacklinks: 'entry',
  sectnumXform: true,
  stripComments: false,
  exposeInternals: [],
};

/** docutils' defaults with Hovercraft 2.7's reader and XML writer (`hovercraft/parse.py`). */
export const HOVERCRAFT_SETTINGS: TransformSettings = {
  ...PUBLISH_SETTINGS,
  doctitleXform: true,
  docinfoXform: true,
  transitions: false,
  writerMessages: true,
};
