/**
 * The progress bar `deck pdf` draws on stderr while pages render:
 * `[########------------]  12/83 pages`. Redrawn in place with `\r`.
 */

export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * width);
  const count = String(done).padStart(String(total).length);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} pages`;
}
