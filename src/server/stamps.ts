/**
 * What a build read, as size, modification time and inode per file, to
 * tell later whether any of it changed without reading it again. A folder
 * (a template) stands for every file in it.
 */

import fs from 'node:fs';
import path from 'node:path';

export type Stamps = Map<string, string>;

function stampOf(file: string): string {
  try {
    const stats = fs.statSync(file);
    if (!stats.isDirectory()) return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
    return fs
      .readdirSync(file, { recursive: true })
      .map(String)
      .sort()
      .map((entry) => `${entry}=${stampOf(path.join(file, entry))}`)
      .join(';');
  } catch {
    return 'missing';
  }
}

export function stampFiles(files: Iterable<string>): Stamps {
  const stamps: Stamps = new Map();
  for (const file of files) stamps.set(file, stampOf(file));
  return stamps;
}

export function changedSince(stamps: Stamps): boolean {
  for (const [file, stamp] of stamps) if (stampOf(file) !== stamp) return true;
  return false;
}
