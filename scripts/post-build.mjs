// Trunk post-build hook, two jobs:
// 1. moves Trunk's inline start-up script out of index.html into a hashed file (`boot-<hash>.js`),
//    so the page runs under a Content Security Policy with no 'unsafe-inline' (Trunk issue #288),
//    and appends the service worker registration to it;
// 2. writes `sw.js` from `scripts/sw.template.js`: the list of every built file, and a cache name
//    made from their contents. Runs in TRUNK_STAGING_DIR before dist/ is replaced; a
// failure fails the build rather than shipping a page the policy would block.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';

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
const code = found[0][1].trim() + '\n' + readFileSync(new URL('./register-sw.js', import.meta.url), 'utf8');
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

// The service worker: every file of the built site, and a cache name made from their contents, so
// that any change of any file is a new version.
const files = listFiles(dir).filter((f) => f !== 'sw.js').sort();
const digest = createHash('sha256');
for (const f of files) digest.update(f).update('\0').update(readFileSync(join(dir, f)));
const version = digest.digest('hex').slice(0, 16);
const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
const sw = template
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(['./', ...files.map((f) => `./${f}`)], null, 2));
writeFileSync(join(dir, 'sw.js'), sw);
console.log(`post-build: sw.js caches ${files.length} files as thidua-${version}`);

function listFiles(root, prefix = '') {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(root, join(prefix, e.name)) : [join(prefix, e.name).split(sep).join('/')]);
}
