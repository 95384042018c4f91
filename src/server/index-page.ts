/** The page at `/` when several decks are served: a link to each. */

import { escapeHtml } from '../emit/escape.js';

export interface IndexEntry {
  /** Folder of the deck's build, relative to the root, without slashes. */
  folder: string;
  /** The source file, as the user named it. */
  file: string;
}

export function indexPage(entries: IndexEntry[]): string {
  const items = entries
    .map((e) => `<li><a href="${escapeHtml(encodeURIComponent(e.folder))}/">${escapeHtml(e.folder)}</a> <small>${escapeHtml(e.file)}</small></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Decks</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3em auto;max-width:40em}small{color:#666}</style>
</head>
<body>
<h1>Decks</h1>
<ul>
${items}
</ul>
</body>
</html>
`;
}
