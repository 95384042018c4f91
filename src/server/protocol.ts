/**
 * The live-reload protocol between `deck serve` and `assets/live-reload.js`.
 * Messages go one way, server to page, as JSON over a WebSocket at
 * `LIVE_RELOAD_PATH`. Keep the client's handling in step with these types.
 */

/** Where the client script and the socket live; no deck file can be named so. */
export const CLIENT_PATH = '/__deck/live-reload.js';
export const LIVE_RELOAD_PATH = '/__deck/live-reload';

/** One error diagnostic as the overlay shows it. */
export interface OverlayError {
  /** `file:line:col`. */
  location: string;
  message: string;
  code: string;
  /** The code frame lines under the headline, or '' without source. */
  frame: string;
}

export type ServerMessage =
  /** Sent on connect: the build being served and the errors of the latest attempt. */
  | { type: 'hello'; build: string; errors: OverlayError[] }
  /**
   * A new build is served: pages of another build update. With `pageOnly`
   * (no stylesheet, script or picture changed) a page may patch the steps
   * whose content changed instead of reloading.
   */
  | { type: 'reload'; build: string; pageOnly: boolean }
  /** The latest rebuild failed: pages keep the last good build and show these. */
  | { type: 'errors'; build: string; errors: OverlayError[] };
