// Redraws ../docker_bug.png from docker_bug.html with Debian's Chromium:
//   node slides/src/render-png.mjs
// The page is laid out 800 px wide (the slide shows the image at width 800)
// and shot at device scale 1 so the PNG stays small.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const page_url = new URL('docker_bug.html', import.meta.url).href;
const out = fileURLToPath(new URL('../docker_bug.png', import.meta.url));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
  await page.goto(page_url);
  await page.locator('#shot').screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
