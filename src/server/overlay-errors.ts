/**
 * Error diagnostics in the two places a speaker looks: the terminal and the
 * browser overlay. Both come from the one renderer, `formatDiagnostic`, so
 * they say the same thing.
 */

import fs from 'node:fs';
import { formatDiagnostic } from '../diagnostics/render.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OverlayError } from './protocol.js';

/** The source text for a code frame: the build's copy, else the file as it is now. */
function sourceOf(file: string | undefined, sources: Map<string, string>): string | undefined {
  if (!file) return undefined;
  const known = sources.get(file);
  if (known !== undefined) return known;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function formatForTerminal(d: Diagnostic, sources: Map<string, string>): string {
  return formatDiagnostic(d, sourceOf(d.file, sources));
}

export function toOverlayError(d: Diagnostic, sources: Map<string, string>): OverlayError {
  const text = formatForTerminal(d, sources);
  const newline = text.indexOf('\n');
  return {
    location: [d.file ?? '<input>', d.line ?? 1, d.column ?? 1].join(':'),
    message: d.message.replace(/\n/g, ' '),
    code: d.code,
    frame: newline >= 0 ? text.slice(newline + 1) : '',
  };
}
