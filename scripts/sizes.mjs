// Transfer size of dist/: each file raw, gzip (level 9) and brotli (quality 11), by kind, with the
// total. Usage: node scripts/sizes.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(dir);
const kinds = { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.html': 'HTML' };
const rows = {};
for (const f of files) {
  const kind = kinds[extname(f)] ?? 'other';
  const buf = readFileSync(f);
  const r = (rows[kind] ??= { raw: 0, gzip: 0, brotli: 0 });
  r.raw += buf.length;
  r.gzip += gzipSync(buf, { level: 9 }).length;
  r.brotli += brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
const total = { raw: 0, gzip: 0, brotli: 0 };
const pad = (s, n) => String(s).padStart(n);
console.log(`${'kind'.padEnd(6)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const [kind, r] of Object.entries(rows)) {
  console.log(`${kind.padEnd(6)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
  for (const k of Object.keys(total)) total[k] += r[k];
}
console.log(`${'total'.padEnd(6)} ${pad(total.raw, 9)} ${pad(total.gzip, 9)} ${pad(total.brotli, 9)}  (bytes)`);
