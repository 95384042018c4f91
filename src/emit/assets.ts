/**
 * Which URLs are local files the build must copy, and the deck's own
 * stylesheets and scripts from its settings (`:css:`, `:css-print:`,
 * `:js-header:`, `:js-body:`, `:js:`).
 */

import type { SourceLine } from '../diagnostics/diagnostic.js';
import type { Deck } from '../deck/types.js';
import type { AssetKind, AssetReference } from './types.js';

export type UrlClass =
  /** `http:`, `https:`, `data:`, `mailto:`, `//host/…`: stays a link. */
  | { kind: 'remote' }
  /** A path relative to the deck: the file to copy. */
  | { kind: 'local'; path: string }
  /** `/path`: relative to the server root, which a page opened from disk does not have. */
  | { kind: 'absolute'; path: string }
  /** Empty or only a fragment. */
  | { kind: 'none' };

export function classifyUrl(url: string): UrlClass {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]+:/i.test(trimmed) || trimmed.startsWith('//')) return { kind: 'remote' };
  // The file is what precedes a query or fragment (`logo.svg#layer`).
  const path = trimmed.replace(/[?#].*$/s, '');
  if (path === '') return { kind: 'none' };
  if (path.startsWith('/')) return { kind: 'absolute', path };
  return { kind: 'local', path };
}

export interface DeckFile {
  /** The setting it comes from (`css`, `css-print`, `js-header` ...). */
  setting: string;
  url: string;
  kind: 'css' | 'js';
  /** `media` for stylesheets (`print` for `:css-print:`); undefined for plain `:css:`. */
  media?: string;
  /** Where it goes on the page: a `<link>`/`<script>` in the head or at the end of the body, or not on the page at all (console styles). */
  placement: 'head' | 'body' | 'none';
  /** Where the setting is. */
  at?: SourceLine;
}

/** Stylesheets for impress.js's presenter console: copied, handed to the console, never linked into the page. */
const CONSOLE_MEDIA = new Set(['console', 'preview']);

/** The deck's stylesheets and scripts, in the order of its settings, as Hovercraft reads them. */
export function deckFiles(deck: Deck): DeckFile[] {
  const files: DeckFile[] = [];
  for (const [setting, value] of Object.entries(deck.settings)) {
    const at = deck.settingLines[setting];
    const urls = value.split(/\s+/).filter((url) => url !== '');
    if (setting === 'css' || setting.startsWith('css-')) {
      const media = setting === 'css' ? undefined : setting.slice('css-'.length);
      const placement = media !== undefined && CONSOLE_MEDIA.has(media) ? 'none' : 'head';
      for (const url of urls) files.push({ setting, url, kind: 'css', media, placement, at });
    } else if (setting === 'js' || setting.startsWith('js-')) {
      const placement = setting === 'js-header' ? 'head' : 'body';
      for (const url of urls) files.push({ setting, url, kind: 'js', placement, at });
    }
  }
  return files;
}

/** Collects local files once each (first reference wins), in the order the page references them. */
export class AssetCollector {
  readonly files: AssetReference[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly source: string) {}

  /** Records `url` if it is a local file; returns how it was classified. */
  add(url: string, kind: AssetKind, at?: SourceLine): UrlClass {
    const found = classifyUrl(url);
    if (found.kind !== 'local') return found;
    const key = `${kind}\u0000${found.path}`;
    if (this.seen.has(key)) return found;
    this.seen.add(key);
    const reference: AssetReference = { url: found.path, kind, source: at?.file ?? this.source };
    if (at !== undefined) reference.line = at.line;
    this.files.push(reference);
    return found;
  }
}
