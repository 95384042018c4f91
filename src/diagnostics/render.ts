/**
 * The one diagnostic renderer: `file:line:col: severity: message [code]`,
 * followed by a code frame when the source text is at hand.
 */

import type { Diagnostic } from './diagnostic.js';

export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const where = [d.file ?? '<input>', d.line ?? 1, d.column ?? 1].join(':');
  const severity = d.severity === 'severe' ? 'error' : d.severity;
  const head = `${where}: ${severity}: ${firstLine(d.message)} [${d.code}]`;
  const frame = source && d.line ? codeFrame(source, d.line, d.column ?? 1) : '';
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return head + (frame ? `\n${frame}` : '') + hint;
}

function firstLine(message: string): string {
  return message.replace(/\n/g, ' ');
}

/** The last source split into lines: a build prints many frames from one file. */
let cached: { source: string; lines: string[] } | undefined;

function linesOf(source: string): string[] {
  if (cached?.source !== source) cached = { source, lines: source.split(/\r\n|\r|\n/) };
  return cached.lines;
}

function codeFrame(source: string, line: number, column: number): string {
  const lines = linesOf(source);
  const text = lines[line - 1];
  if (text === undefined) return '';
  const gutter = String(line).length;
  const out: string[] = [];
  const before = lines[line - 2];
  if (before !== undefined && before.trim()) out.push(`  ${String(line - 1).padStart(gutter)} | ${before}`);
  out.push(`  ${String(line).padStart(gutter)} | ${text}`);
  const width = Math.max(1, text.trimEnd().length - (column - 1));
  out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(column - 1)}${'^'.repeat(Math.min(width, 80))}`);
  return out.join('\n');
}
