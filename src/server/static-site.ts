/**
 * Serves one finished build folder. `sirv` does the serving (content types,
 * ETags, ranges, 304s); it indexes the folder once, so a request can only
 * ever reach a file that the build wrote. In front of it, `safe-path.ts`
 * refuses anything doubtful and files that symlinks would take outside.
 * Every response says `Cache-Control: no-cache`, so the browser revalidates
 * each file and never shows a stale build.
 */

import fs from 'node:fs';
import type http from 'node:http';
import sirv from 'sirv';
import { fileInside, requestPath } from './safe-path.js';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end('Not found\n');
}

/** A handler for the build in `folder`, which must not change afterwards. */
export function createStaticSite(folder: string): Handler {
  const root = fs.realpathSync(folder);
  const serve = sirv(root, { etag: true, dotfiles: false, extensions: ['html'] });
  return (req, res) => {
    const decoded = requestPath(req.url ?? '');
    const file = decoded === undefined ? undefined : fileInside(root, decoded);
    if (decoded === undefined || file === undefined) return notFound(res);
    // Relative URLs in a deck's page resolve against its folder: `/talk` must become `/talk/`.
    if (file.endsWith('index.html') && !decoded.endsWith('/') && !decoded.endsWith('index.html')) {
      res.writeHead(301, { Location: `${(req.url ?? '').replace(/[?#].*$/s, '')}/`, 'Cache-Control': 'no-cache' });
      res.end();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    serve(req, res, () => notFound(res));
  };
}
