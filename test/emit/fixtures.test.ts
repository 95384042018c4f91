/**
 * HTML fixtures: every `test/fixtures/html/NAME.rst` is compiled as a deck
 * and its steps (with header and footer) compared with `NAME.html`. The
 * diagnostics come first, as HTML comments, so a fixture also shows what
 * the speaker is told. A missing expected file is written on first run;
 * `UPDATE=1` rewrites them all. Review the diff: each file must be what a
 * speaker would expect on the slide.
 *
 * Files the decks include or read (`include`, `csv-table :file:`) are read
 * from the fixture folder, and nothing outside it, as `deck build` does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compile } from '../../src/build/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'html');
const UPDATE = process.env.UPDATE === '1';
/** Every slot, so none is reported missing; the fixture keeps what is between the markers. */
const MARK = '<!-- step content -->';
const TEMPLATE = {
  html: `{{lang}}{{title}}{{head}}{{body-start}}{{impress-attributes}}${MARK}{{header}}{{steps}}{{footer}}${MARK}{{body-end}}`,
  files: [],
};

/** Reads files under the fixture folder only, as the build's include reader does. */
function readWithin(file: string): string | undefined {
  const absolute = path.resolve(FOLDER, file);
  if (!absolute.startsWith(FOLDER + path.sep)) return undefined;
  try {
    return fs.readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
}

function describeDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  // `--` may not appear inside an HTML comment.
  return `<!-- ${where}: ${d.severity}: ${d.message.replace(/--/g, '- -')} [${d.code}] -->\n`;
}

export function renderFixture(name: string): string {
  const source = fs.readFileSync(path.join(FOLDER, `${name}.rst`), 'utf8');
  const result = compile(source, { sourceName: `${name}.rst`, sourceDir: '.', readFile: readWithin, template: TEMPLATE });
  const content = result.page.html.split(MARK)[1] ?? '';
  const features = result.page.features.length > 0 ? `<!-- page needs: ${result.page.features.join(', ')} -->\n` : '';
  return features + result.diagnostics.map(describeDiagnostic).join('') + content;
}

/** Decks at the top of the folder; `include/` holds the files they pull in. */
const names = fs
  .readdirSync(FOLDER)
  .filter((file) => file.endsWith('.rst'))
  .map((file) => file.slice(0, -'.rst'.length))
  .sort();

describe('HTML of every directive and role', () => {
  test('there are fixtures', () => {
    expect(names.length).toBeGreaterThan(10);
  });

  for (const name of names) {
    test(name, () => {
      const actual = renderFixture(name);
      const expectedFile = path.join(FOLDER, `${name}.html`);
      if (UPDATE || !fs.existsSync(expectedFile)) fs.writeFileSync(expectedFile, actual);
      expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
