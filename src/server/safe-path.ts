/**
 * Maps a request path to a file inside the served root, or to nothing.
 * Everything doubtful is refused rather than repaired: `..` and `.`
 * segments (plain or percent-encoded), backslashes, NUL, empty segments
 * (`//etc/passwd`), malformed escapes, and files whose real path (after
 * symlinks) leaves the root. Refusals become plain 404s.
 */

import fs from 'node:fs';
import path from 'node:path';

/** The decoded, `/`-separated path of a request URL, or undefined when it is refused. */
export function requestPath(url: string): string | undefined {
  if (!url.startsWith('/')) return undefined;
  const raw = url.replace(/[?#].*$/s, '');
  if (raw.includes('\\') || /%5c/i.test(raw)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\\\0]/.test(decoded)) return undefined;
  const segments = decoded.split('/').slice(1);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '..' || segment === '.') return undefined;
    // Only the last segment may be empty: `/`, `/deck/`.
    if (segment === '' && i < segments.length - 1) return undefined;
  }
  return decoded;
}

/**
 * The file a decoded request path names inside `root` (a real path), if it
 * exists and really is inside; directories resolve to their `index.html`.
 */
export function fileInside(root: string, decoded: string): string | undefined {
  let candidate = path.join(root, ...decoded.split('/'));
  try {
    let real = fs.realpathSync(candidate);
    if (fs.statSync(real).isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      real = fs.realpathSync(candidate);
    }
    if (!real.startsWith(root + path.sep) || !fs.statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}
