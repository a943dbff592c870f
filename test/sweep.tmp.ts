import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { launchChromium } from './e2e/chromium.ts';
import { serveStatic } from './e2e/serve.ts';
import { overflowsInPage } from './e2e/fits.ts';
const root = 'dist';
const paths = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => `/${relative(root, join(e.parentPath, e.name)).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`).sort();
const server = await serveStatic(root);
const browser = await launchChromium();
let bad = 0;
for (const width of [1366, 1920, 390]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    const found = await page.evaluate(overflowsInPage);
    if (found.length) { bad++; console.log(width, path, found.join('; ')); }
  }
  await context.close();
  console.log(`width ${width}: ${paths.length} pages checked`);
}
console.log(`overflowing: ${bad}`);
await browser.close(); await server.close();
