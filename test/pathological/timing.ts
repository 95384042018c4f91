/** Time bounds derived from a linear baseline measured in the same run. */

/**
 * How much slower per character than the baseline a pathological input may
 * be: generous (message-dense inputs build several nodes and ids per few
 * characters), yet far below what quadratic work costs at these sizes.
 */
export const SLOWDOWN = 60;

/** A fixed allowance for start-up costs and timer noise on small inputs. */
const SLACK_MS = 1000;

export function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

export function linearBound(msPerChar: number, chars: number): number {
  return SLOWDOWN * msPerChar * chars + SLACK_MS;
}
