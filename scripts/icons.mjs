// Renders static/icons/icon.svg to the PNG sizes the manifest lists, with Debian's Chromium
// (Playwright), then makes them small with Debian's pngquant and optipng when they are installed
// (apt-get install pngquant optipng): a palette of the icon's few colours and their edges
// (23.9 KB of PNGs became 11.7 KB, BENCHMARKS.md § 3). Run by hand after changing the icon:
// node scripts/icons.mjs
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const svg = readFileSync('static/icons/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
for (const size of [32, 180, 192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `static/icons/icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
for (const size of [32, 180, 192, 512]) {
  const file = `static/icons/icon-${size}.png`;
  try {
    execFileSync('pngquant', ['--quality=90-100', '--speed', '1', '--strip', '--force', '--output', file, file]);
    execFileSync('optipng', ['-quiet', '-o7', file]);
  } catch (e) {
    console.warn(`${file}: not made smaller (${e.message.split('\n')[0]}); install pngquant and optipng`);
  }
}
console.log('icons written');
