/** Stopping `deck` processes that a test started, the way their user would. */
import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child to stop with SIGTERM, which `deck serve` handles by closing
 * and removing its work folder in the temp folder (SIGKILL would leave it
 * behind), and kills it when it is still there after `graceMs`.
 */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  if ((await Promise.race([exited, late])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}
