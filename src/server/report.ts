/**
 * Tells the terminal and the open pages how each build went: the
 * diagnostics (warnings once, until they change; errors every time), a
 * one-line summary, and over the live-reload channel either "reload" or
 * the errors for the overlay.
 */

import type { LiveReload } from './live-reload.js';
import { formatForTerminal, toOverlayError } from './overlay-errors.js';
import type { Attempt } from './site.js';

export interface Reporter {
  report(attempt: Attempt): void;
  /** Builds reported so far. */
  count(): number;
}

export function createReporter(log: (line: string) => void, channel: LiveReload): Reporter {
  let count = 0;
  let shownWarnings = new Set<string>();
  return {
    report(attempt) {
      count++;
      const warnings = new Set<string>();
      for (const d of attempt.diagnostics) {
        if (d.severity === 'info') continue;
        const text = formatForTerminal(d, attempt.sources);
        if (d.severity === 'warning') warnings.add(text);
        if (d.severity !== 'warning' || !shownWarnings.has(text)) log(text);
      }
      shownWarnings = warnings;
      const errors = attempt.errors.length;
      const counts = [errors ? `${errors} error(s)` : '', warnings.size ? `${warnings.size} warning(s)` : ''].filter(Boolean);
      const what = attempt.served ? 'built' : 'build failed, still serving the last good build;';
      log(`${what} ${attempt.ms} ms${counts.length ? `, ${counts.join(', ')}` : ''}`);
      if (attempt.served) channel.broadcast({ type: 'reload', build: attempt.build, pageOnly: attempt.pageOnly });
      else channel.broadcast({ type: 'errors', build: attempt.build, errors: attempt.errors.map((d) => toOverlayError(d, attempt.sources)) });
    },
    count: () => count,
  };
}
