/**
 * deck's own browser-side files (presenter console, goto, slide numbers,
 * reduced motion …): the CLI copies the package's `assets/deck/` folder to
 * `deck/` in every build, and emit links these files from every page,
 * whatever the template.
 *
 * Keep in step with `assets/deck/`: a file listed here and missing there is
 * a broken link in every deck (test/emit/runtime.test.ts checks this).
 */

/** The folder, relative to the page, the runtime files are copied to. */
export const RUNTIME_FOLDER = 'deck';

/**
 * Linked first in `{{head}}`. Its rules use zero-specificity selectors
 * (`:where(…)`), so the template's and the deck's stylesheets win over it.
 */
export const RUNTIME_STYLESHEETS = ['deck/runtime.css'] as const;

/**
 * First in `{{body-end}}`: after impress.js (they register impress.js
 * plugins), before the deck's scripts and before `impress().init()`.
 * `runtime.js` first: the others use what it defines.
 */
export const RUNTIME_SCRIPTS = [
  'deck/runtime.js',
  'deck/reduced-motion.js',
  'deck/preview.js',
  'deck/slide-number.js',
  'deck/goto.js',
  'deck/console-host.js',
] as const;

/**
 * The page's icon. Linked so that browsers do not ask the server's root
 * for /favicon.ico, which a deck under a base path does not have.
 */
export const RUNTIME_ICON = 'deck/favicon.svg';

/** Not linked from the page: the console page the presenter opens with `p`. */
export const RUNTIME_PAGES = ['deck/console.html', 'deck/console.js', 'deck/console.css'] as const;

/** Every runtime file, relative to the page. */
export const RUNTIME_FILES: readonly string[] = [...RUNTIME_STYLESHEETS, ...RUNTIME_SCRIPTS, RUNTIME_ICON, ...RUNTIME_PAGES];
