// Trunk post-build hook: moves Trunk's inline start-up script out of index.html into a hashed
// file (`boot-<hash>.js`), so the page runs under a Content Security Policy with no
// 'unsafe-inline' (Trunk issue #288). Runs in TRUNK_STAGING_DIR before dist/ is replaced; a
// failure fails the build rather than shipping a page the policy would block.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run me from Trunk)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)];
if (found.length !== 1) {
  console.error(`post-build: expected one inline module script in index.html, found ${found.length}`);
  process.exit(1);
}
const code = found[0][1].trim() + '\n';
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `boot-${hash}.js`;
writeFileSync(join(dir, name), code);
const out = html.replace(found[0][0], `<script type="module" src="./${name}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(out)) {
  console.error('post-build: an inline script is left in index.html');
  process.exit(1);
}
writeFileSync(file, out);
console.log(`post-build: start-up script moved to ${name}`);
