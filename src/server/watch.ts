/**
 * Watches exactly the files the last build depended on (`chokidar` does the
 * watching, including the editor pattern of replacing a file by renaming a
 * new one over it). After each build the set is updated, so a file that a
 * deck starts including is watched from then on, and one it stops including
 * is let go. Missing files are watched too: creating one triggers a build.
 *
 * chokidar reports at most one `change` per file in 50 ms and drops the
 * rest, so a save written in several chunks shows up as one early event
 * while the file is still being written, and its events come after a
 * `stat`, possibly late. Its unfiltered `raw` events arrive for every
 * write. Both are passed on as a mere "something happened": coalesce.ts
 * waits for quiet and then compares what the last build read.
 */

import { watch, type FSWatcher } from 'chokidar';

export interface DependencyWatcher {
  /** Replaces the watched set; returns how many paths are new. */
  update(paths: string[]): number;
  watched(): string[];
  close(): Promise<void>;
}

export interface WatchHandlers {
  /** A watched file was changed, added or removed, or a write may be under way. */
  touched(): void;
  error(error: unknown): void;
}

/** Starts watching `initial`; resolves once chokidar is ready, so no change after that is missed. */
export function createDependencyWatcher(initial: string[], handlers: WatchHandlers): Promise<DependencyWatcher> {
  let current = new Set(initial);
  const watcher: FSWatcher = watch([...current], { ignoreInitial: true, atomic: true, persistent: true });
  watcher.on('all', () => handlers.touched());
  watcher.on('raw', () => handlers.touched());
  watcher.on('error', handlers.error);
  const control: DependencyWatcher = {
    update(paths) {
      const next = new Set(paths);
      const added = [...next].filter((p) => !current.has(p));
      const removed = [...current].filter((p) => !next.has(p));
      if (removed.length) watcher.unwatch(removed);
      if (added.length) watcher.add(added);
      current = next;
      return added.length;
    },
    watched: () => [...current].sort(),
    close: () => watcher.close(),
  };
  return new Promise((resolve) => watcher.once('ready', () => resolve(control)));
}
