/**
 * Turns bursts of file events into single rebuilds. Saving a file is rarely
 * one event: editors truncate then write, write a temporary file and rename
 * it over the original, or write in several chunks; and the watcher reports
 * some of these late, or not at all (see watch.ts).
 *
 * So an event only says "look soon". Once events have been quiet for
 * `quietMs` (or `maxWaitMs` after the first, so that a stream of events
 * cannot starve it), the coalescer asks `changed()` whether anything the
 * last run read is different now, and runs the task only then. The task
 * never runs twice at once; events during a run are looked at after it.
 */

export interface Coalescer {
  /** Something may have changed. */
  trigger(): void;
  /** Resolves when no run is pending or in progress. */
  idle(): Promise<void>;
  close(): void;
}

export interface CoalesceOptions {
  quietMs: number;
  maxWaitMs: number;
  /** Whether the inputs changed since the last run started; without it, every burst runs the task. */
  changed?: () => boolean;
}

export function createCoalescer(task: () => Promise<void> | void, options: CoalesceOptions): Coalescer {
  let timer: NodeJS.Timeout | undefined;
  let firstEvent = 0;
  let running: Promise<void> | undefined;
  let eventDuringRun = false;
  let closed = false;

  const fire = async (): Promise<void> => {
    timer = undefined;
    firstEvent = 0;
    if (closed || (options.changed && !options.changed())) return;
    running = Promise.resolve().then(task).catch(() => {});
    await running;
    running = undefined;
    if (eventDuringRun && !closed) schedule();
    eventDuringRun = false;
  };

  const schedule = (): void => {
    const now = Date.now();
    if (!firstEvent) firstEvent = now;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(options.quietMs, firstEvent + options.maxWaitMs - now));
    timer = setTimeout(() => void fire(), wait);
  };

  return {
    trigger() {
      if (closed) return;
      if (running) eventDuringRun = true;
      else schedule();
    },
    async idle() {
      while (timer || running) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, options.quietMs)));
      }
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
