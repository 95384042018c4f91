import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HLJSApi } from 'highlight.js';
import { describe, expect, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Code in languages that embed others (html → css/js, markdown → html, http → any) and plain ones. */
const SAMPLES: Array<[string, string]> = [
  ['python', 'import os\nprint(os.getpid())  # pid\n'],
  ['py', 'def f(x):\n    return x ** 2\n'],
  ['html', '<p class="a">hi</p>\n<script>const x = 1 + 2;</script>\n<style>p { color: red }</style>\n'],
  ['markdown', '# Title\n\n<b>bold</b> and `code`\n'],
  ['http', 'POST /api HTTP/1.1\nContent-Type: application/json\n\n{"a": [1, 2]}\n'],
  // Bodies whose guessed language is a tie, broken by registration order.
  ['http', 'GET / HTTP/1.1\nHost: a\n\nx = 1\n'],
  ['http', 'GET / HTTP/1.1\nHost: a\n\nSELECT 1\n'],
  ['http', 'GET / HTTP/1.1\nHost: a\n\n# c\n'],
  ['console', '$ docker run -it ubuntu bash\nroot@host:/# ls\n'],
  ['shell', '$ echo "$HOME"\n/root\n'],
  ['perl', 'my $x = 1;\nprint "$x\\n";\n'],
  ['pgsql', "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN RETURN 1; END;\n$$ LANGUAGE plpgsql;\n"],
  ['yaml', 'services:\n  web:\n    image: "nginx:1"\n'],
  ['dockerfile', 'FROM debian\nRUN apt-get update && apt-get install -y curl\n'],
  ['rust', 'fn main() { println!("{}", 1); }\n'],
  ['ts', 'const n: number = 1;\nexport { n };\n'],
];

describe('highlight.js languages are loaded on demand', () => {
  test('src/emit/hljs-index.ts matches the installed highlight.js (rerun scripts/hljs-index.mjs after an upgrade)', async () => {
    const { hljsIndexSource } = (await import(path.join(root, 'scripts', 'hljs-index.mjs'))) as { hljsIndexSource: () => string };
    expect(fs.readFileSync(path.join(root, 'src', 'emit', 'hljs-index.ts'), 'utf8')).toBe(hljsIndexSource());
  });

  test('a fresh process that loads only what each sample needs colours it exactly as the full highlight.js does', () => {
    const script = `
      const { highlight } = await import(${JSON.stringify(path.join(root, 'lib', 'emit', 'highlight.js'))});
      const samples = JSON.parse(process.argv[1]);
      process.stdout.write(JSON.stringify(samples.map(([language, code]) => highlight(code, language)?.html ?? null)));
    `;
    const lazy = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(SAMPLES)], { encoding: 'utf8' })) as Array<string | null>;
    // This process never loaded highlight.js: the full bundle registers every language in its own order.
    const full = require('highlight.js') as HLJSApi;
    SAMPLES.forEach(([language, code], index) => {
      expect(lazy[index], language).toBe(full.highlight(code, { language, ignoreIllegals: true }).value);
    });
  });
});
