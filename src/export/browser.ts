/**
 * Finding a Chromium for `deck pdf`: `--browser PATH`, else `CHROMIUM_PATH`,
 * else the places Debian, Ubuntu and Chrome's own packages install one.
 * Playwright's downloaded browsers are never used: venues and CI machines
 * have no network, and Debian's package is what the docs tell people to install.
 */

import fs from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const INSTALL_HINT =
  'deck pdf needs Chromium: install it with "sudo apt-get install -y chromium" (Debian, Ubuntu), or pass --browser PATH to a Chromium or Chrome executable.';

export type BrowserChoice = { path: string } | { missing: string };

/** The executable to use, or why there is none. */
export function findBrowser(given: string | undefined, env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  if (given !== undefined) {
    return isExecutable(given) ? { path: given } : { missing: `No browser at "${given}". ${INSTALL_HINT}` };
  }
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv && isExecutable(fromEnv)) return { path: fromEnv };
  const found = CANDIDATES.find(isExecutable);
  return found ? { path: found } : { missing: `No Chromium found. ${INSTALL_HINT}` };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Flags for a headless Chromium that makes no requests of its own. */
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // file:// decks load their images from file://; fonts must not come from elsewhere either.
  '--font-render-hinting=none',
];
