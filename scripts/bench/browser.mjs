// Browser benchmarks of thidua (BENCHMARKS.md sections 2 and 4–7), in Debian's headless Chromium
// on localhost, each printed as a plain table:
//   2. the rule crate's Document::evaluate compiled to wasm (bench/wasm-eval), against the same
//      evaluation timed natively the same way just before and after (core/examples/time_eval.rs,
//      built with the wasm's profile and with the CLI's);
//   4. time to interactive, cold (fresh context, empty cache) and warm (reload, service worker);
//   5. typing latency at 5, 63 and 1,000 units, keystroke to the result cell painted (the grid
//      and the results are windowed: their regions are scrolled to the unit first, as a person would);
//   6. storage at 1,000 units: autosave, stored bytes, reload, import and export through the UI;
//   7. peak JS heap and wasm memory at 1,000 units.
// Every time is taken inside the page (performance.now()), so Playwright's round trips are not
// counted. Benchmarks, never tests: no figure is checked against a limit.
//
// Usage: node scripts/bench/browser.mjs [--app DIR] [--eval DIR] [--only eval,tti,typing,storage]
//                                       [--runs N] [--keys N]          ("storage" prints 6 and 7)
//                                       [--trace FILE] [--cpuprofile FILE] [--css TEXT]
//                                       [--profile-units 5|63|1000] [--profile-at start|end]
// For profiling the typing (the run at 63 units, at the start of the cell, unless --profile-units
// and --profile-at name another run of § 5; "end" is the run whose error comes and goes, at 63
// units only): --trace records a Chromium trace and sums the main thread's CPU time per keystroke by stage; --cpuprofile records V8's CPU profile; --css adds a
// style sheet to every app page (the page's style policy bypassed), to try a change of CSS.
// TRACE_ALL=1 in the environment records every trace category (large files; names the native
// tasks that have no event of their own, such as the browser's form autofill).
// DIR defaults: target/bench-dist (`trunk build --release --offline --dist target/bench-dist`)
// and target/bench-wasm-eval (scripts/bench/wasm-eval.sh). Ports 8095 (app) and 8096 (eval).
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const opt = parseArgs(process.argv.slice(2));
const APP_DIR = resolve(ROOT, opt.app ?? 'target/bench-dist');
const EVAL_DIR = resolve(ROOT, opt.eval ?? 'target/bench-wasm-eval');
const OUT = resolve(ROOT, 'target/bench');
const CRITERION = resolve(ROOT, 'target/criterion/evaluate');
const APP_PORT = 8095;
const EVAL_PORT = 8096;
const APP = `http://127.0.0.1:${APP_PORT}/`;
const ONLY = new Set((opt.only ?? 'eval,tti,typing,storage').split(','));
const RUNS = Math.max(1, Number(opt.runs ?? 11)); // page loads per figure (≥ 10 for the goals)
const KEYS = Math.max(1, Number(opt.keys ?? 30)); // measured keystrokes per cluster size
// The runs of § 5 (units, where in the cell), and the one that --trace and --cpuprofile record.
const TYPING_RUNS = [['floor'], [5, 'start'], [63, 'start'], [1000, 'start'], [63, 'end']];
const PROFILED = { units: Number(opt['profile-units'] ?? 63), at: opt['profile-at'] ?? 'start' };
if ((opt.trace || opt.cpuprofile) && !TYPING_RUNS.some(([n, at]) => n === PROFILED.units && at === PROFILED.at)) {
  throw new Error(`no typing run at ${PROFILED.units} units, ${PROFILED.at} of the cell, to profile`);
}
const PROFILED_RUN = `${PROFILED.units} units${PROFILED.at === 'end' ? ', error on and off' : ''}`;
const DOC_KEY = 'thidua.v1.doc';
const CONTEXT = { viewport: { width: 1366, height: 768 }, locale: 'vi-VN', acceptDownloads: true, bypassCSP: Boolean(opt.css) };
// The flags of playwright.config.js, and exact (not bucketed) performance.memory figures.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
  '--enable-precise-memory-info'];

// ---------------------------------------------------------------------------------------------
// In every app page, before its own scripts: timestamps of the app's start, the results table's
// first paint, the autosave (the 300 ms debounce's callback and the write of the document key)
// and the export's Blob, the wasm exports (for the memory), and a helper that waits for a DOM
// condition and then for the next paint.
function probe() {
  const b = (window.__bench = { saves: [] });
  addEventListener('TrunkApplicationStarted', (e) => {
    b.wasm = e.detail.wasm;
    b.wasmReadyAt = performance.now();
  });
  // Resolves with { dom, frame, painted }: when `check()` first holds after a DOM change, when the
  // next frame starts (requestAnimationFrame) and after it (a task queued from the frame's
  // requestAnimationFrame runs once style, layout and paint of that frame are done).
  b.waitPainted = (check, timeout = 120000) => new Promise((resolve, reject) => {
    const done = () => {
      const dom = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        setTimeout(() => resolve({ dom, frame, painted: performance.now() }), 0);
      });
    };
    if (check()) { done(); return; }
    const mo = new MutationObserver(() => {
      if (check()) { mo.disconnect(); clearTimeout(timer); done(); }
    });
    mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setTimeout(() => { mo.disconnect(); reject(new Error('timed out')); }, timeout);
  });
  // The results table's unit count: its aria-rowcount less the header row (a long table is
  // windowed, so most of its rows are not in the DOM).
  b.resultsRows = () => {
    const cap = document.getElementById('results-caption');
    if (!cap || cap.textContent !== 'Kết quả theo chỉ tiêu') return 0;
    const table = cap.closest('table');
    const count = Number(table?.getAttribute('aria-rowcount'));
    return count > 1 ? count - 1 : 0;
  };
  // Scrolls the windowed region of the table captioned `caption` (as a person would: page by
  // page, the region on screen) until a body row whose header is `unit` is rendered.
  b.scrollToRow = async (caption, unit) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
    const region = table.parentElement;
    const find = () => [...table.tBodies[0].rows].find((r) => r.cells[0]?.textContent === unit);
    region.scrollIntoView({ block: 'start' });
    await frame();
    for (let i = 0; i < 2000 && !find(); i++) {
      region.scrollTop += Math.max(1, region.clientHeight * 0.8);
      await frame();
    }
    if (!find()) throw new Error(`no row ${unit} in ${caption}`);
    find().scrollIntoView({ block: 'center' });
    await frame();
  };
  b.interactive = b.waitPainted(() => b.resultsRows() > 0).then((t) => {
    b.tableAt = t.dom;
    b.paintedAt = t.painted;
    return t;
  });
  const st = window.setTimeout;
  window.setTimeout = function (fn, delay, ...rest) {
    if (delay === 300 && typeof fn === 'function') {
      const f = fn;
      fn = function (...a) { b.debounceAt = performance.now(); return f.apply(this, a); };
    }
    return st.call(this, fn, delay, ...rest);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const start = performance.now();
    const r = setItem.call(this, k, v);
    if (k === 'thidua.v1.doc') {
      b.saves.push({ debounceAt: b.debounceAt, start, end: performance.now(), chars: v.length,
        heap: performance.memory?.usedJSHeapSize });
      b.debounceAt = undefined;
    }
    return r;
  };
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    b.blobAt = performance.now();
    b.blobHeap = performance.memory?.usedJSHeapSize;
    return createObjectURL.call(this, blob);
  };
}

// ---------------------------------------------------------------------------------------------
const servers = [];
let browser;
try {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: FLAGS });
  const version = browser.version();
  console.log(`Chromium ${version}, headless, ${RUNS} page loads per figure, ${KEYS} keystrokes per size`);
  const docs = await evalSection(ONLY.has('eval'));
  if (ONLY.has('tti') || ONLY.has('typing') || ONLY.has('storage')) {
    if (!existsSync(join(APP_DIR, 'index.html'))) throw new Error(`no app build in ${APP_DIR}`);
    servers.push(await serve(APP_DIR, APP_PORT));
  }
  if (ONLY.has('tti')) await ttiSection();
  if (ONLY.has('typing')) await typingSection(docs);
  if (ONLY.has('storage')) await storageSection(docs);
} finally {
  await browser?.close();
  for (const s of servers) s.kill();
}

// --- 2. wasm evaluation -----------------------------------------------------------------------

/** Times the evaluation (if `timing`) and returns the cluster documents' paths by size. */
async function evalSection(timing) {
  if (!existsSync(join(EVAL_DIR, 'index.html'))) throw new Error(`no wasm-eval build in ${EVAL_DIR} (scripts/bench/wasm-eval.sh)`);
  servers.push(await serve(EVAL_DIR, EVAL_PORT));
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${EVAL_PORT}/index.html`);
  await page.waitForFunction(() => window.thiduaBench);
  const docs = {};
  for (const n of [5, 63, 1000]) {
    const file = join(OUT, `cluster-${n}.json`);
    writeFileSync(file, await page.evaluate((n) => window.thiduaBench.clusterJson(n), n));
    docs[n] = file;
  }
  if (timing) {
    heading('2. Document::evaluate as wasm in Chromium (bench/wasm-eval) against native, measured alternately');
    const rows = [];
    for (const n of [5, 63, 1000, 10000]) {
      const samples = n >= 10000 ? 10 : 20;
      // Native just before and just after the wasm, by the same method (core/examples/time_eval.rs):
      // the machine's speed drifts from one minute to the next, so the ratio is taken within one.
      // Two native builds: the wasm's own profile (opt-level "z", like for like: what running as
      // wasm costs), and the CLI's (release, opt-level 3).
      const before = { z: nativeNow('wasm-release', n, samples), o3: nativeNow('release', n, samples) };
      const r = await page.evaluate(([n, samples]) => window.thiduaBench.measure(n, { samples }), [n, samples]);
      const after = { o3: nativeNow('release', n, samples), z: nativeNow('wasm-release', n, samples) };
      const mean = (k) => (before[k].medianMs + after[k].medianMs) / 2;
      const criterion = nativeMedianMs(n);
      rows.push([fmtInt(n), `${fmtMs(r.medianMs)} [${fmtMs(r.lowMs)} ${fmtMs(r.highMs)}]`, `${r.samples}×${r.k}`,
        `${fmtMs(before.z.medianMs)}, ${fmtMs(after.z.medianMs)}`, `${(r.medianMs / mean('z')).toFixed(2)}×`,
        `${fmtMs(before.o3.medianMs)}, ${fmtMs(after.o3.medianMs)}`, `${(r.medianMs / mean('o3')).toFixed(2)}×`,
        criterion === null ? 'not run' : fmtMs(criterion)]);
    }
    table(['units', 'wasm median [min max]', 'batches×evals', 'native "z" before, after', 'wasm / "z"',
      'native 3 before, after', 'wasm / 3', 'criterion'], rows);
    console.log('native: core/examples/time_eval.rs, the same method as the wasm page (0.5 s of warm-up, then batches of ≥ 20 ms,');
    console.log('median per evaluation), run just before and just after the wasm; each ratio is against the mean of its two.');
    console.log('"z": built with the wasm\'s own profile (wasm-release, opt-level "z"), like for like; 3: the release profile,');
    console.log('opt-level 3, as the CLI and criterion are built. criterion: median of');
    console.log('target/criterion/evaluate/<units>/new/estimates.json (§ 1, minutes earlier), for reference.');
    console.log(`native malloc: ${process.env.NATIVE_MALLOC ? `GLIBC_TUNABLES=${process.env.NATIVE_MALLOC}` : "glibc's defaults"}.`);
  }
  await ctx.close();
  return docs;
}

/** The native evaluation of `n` units timed now (target/<profile>/examples/time_eval, built with
 * that Cargo profile by scripts/bench/wasm-eval.sh), with glibc's malloc thresholds fixed as
 * `make bench` fixes them for criterion (NATIVE_MALLOC, see the Makefile), when it says so. */
function nativeNow(profile, n, samples) {
  const bin = resolve(ROOT, 'target', profile, 'examples/time_eval');
  if (!existsSync(bin)) throw new Error(`no ${bin} (scripts/bench/wasm-eval.sh builds it)`);
  const env = process.env.NATIVE_MALLOC
    ? { ...process.env, GLIBC_TUNABLES: process.env.NATIVE_MALLOC }
    : process.env;
  const out = spawnSync(bin, [String(n), String(samples)], { encoding: 'utf8', env });
  if (out.status !== 0) throw new Error(`time_eval ${n} failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

function nativeMedianMs(n) {
  const f = join(CRITERION, String(n), 'new', 'estimates.json');
  if (!existsSync(f)) return null;
  return JSON.parse(readFileSync(f, 'utf8')).median.point_estimate / 1e6;
}

// --- 4. time to interactive -------------------------------------------------------------------

async function ttiSection() {
  heading(`4. Time to interactive (results table painted, default pact), median of ${RUNS} loads`);
  const pick = (r) => [r.responseEnd, r.wasmFetched, r.tableAt, r.paintedAt];
  // Cold: a fresh context (empty HTTP cache, no service worker) per load; one unrecorded load
  // first, so that the browser's own start-up is not counted.
  const cold = [];
  for (let i = 0; i <= RUNS; i++) {
    const ctx = await browser.newContext(CONTEXT);
    const page = await ctx.newPage();
    await page.addInitScript(probe);
    await page.goto(APP, { waitUntil: 'commit' });
    const r = await interactive(page);
    if (i > 0) cold.push(pick(r));
    await ctx.close();
  }
  // Warm: one context; the first load installs the service worker, then reloads.
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  await page.addInitScript(probe);
  await page.goto(APP, { waitUntil: 'commit' });
  await interactive(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const warm = [];
  let controlled = true;
  for (let i = 0; i <= RUNS; i++) {
    await page.reload({ waitUntil: 'commit' });
    const r = await interactive(page);
    controlled &&= r.controlled;
    if (i > 0) warm.push(pick(r));
  }
  await ctx.close();
  const cols = (runs) => [0, 1, 2, 3].map((c) => fmtMs(median(runs.map((r) => r[c]))));
  table(['load', 'HTML received', 'wasm received', 'table in DOM', 'table painted (TTI)', 'TTI min–max'], [
    ['cold', ...cols(cold), range(cold.map((r) => r[3]))],
    [`warm${controlled ? ' (service worker)' : ' (NOT controlled)'}`, ...cols(warm), range(warm.map((r) => r[3]))],
  ]);
  console.log('times from navigation start (performance.now() in the page); from "wasm received" to "table in DOM": compile,');
  console.log('start and first render of the app (the first render happens inside wasm-bindgen\'s init); then style, layout, paint.');
}

/** Waits for the results table to be painted and returns the load's timestamps. */
async function interactive(page) {
  await page.waitForFunction(() => window.__bench?.interactive, null, { polling: 20 });
  return page.evaluate(async () => {
    const b = window.__bench;
    await b.interactive;
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return { responseEnd: nav?.responseEnd, wasmFetched: wasm?.responseEnd, tableAt: b.tableAt,
      paintedAt: b.paintedAt, controlled: navigator.serviceWorker?.controller != null,
      rows: b.resultsRows() };
  });
}

/** A fresh context and page showing the app with `file`'s document stored in localStorage. */
async function openWithDoc(file, units) {
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  // Written on a page of the same origin (the server's 404) before the app loads, in the
  // envelope of src/storage.rs; the document text is kept as is.
  await page.goto(`${APP}bench-no-such-page`);
  const env = `{"seq":1,"tab":"bench","saved_at":${Date.now()},"doc":${readFileSync(file, 'utf8')}}`;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC_KEY, env]);
  await page.addInitScript(probe);
  await page.goto(APP, { waitUntil: 'commit' });
  const load = await interactive(page);
  if (load.rows !== units) throw new Error(`expected ${units} result rows, found ${load.rows}`);
  return { ctx, page, load };
}

// --- 5. typing latency ------------------------------------------------------------------------

/** Types KEYS keystrokes (after 4 unrecorded) into one figure cell of the unit in the middle,
 * alternately a digit and Backspace (each changes the unit's results), at the start of the cell's
 * text or at its end (see below); returns the latencies
 * (keydown to the unit's result row changed, and to that frame painted) and a few page figures. */
async function typeInCell(page, units, { at = 'start', keys = KEYS } = {}) {
  const unit = `ĐV ${Math.floor(units / 2)}`;
  const label = `${unit} — Số vụ án xảy ra — kỳ này`;
  // Long tables are windowed: the unit's rows are rendered once their regions are scrolled to
  // them, the results first (whose row is watched), then the grid (where the keys go).
  await page.evaluate((unit) => window.__bench.scrollToRow('Kết quả theo chỉ tiêu', unit), unit);
  await page.evaluate((unit) => window.__bench.scrollToRow('Số liệu các đơn vị (để trống = chưa có số liệu)', unit), unit);
  const cell = page.locator(`input[aria-label="${label}"]`);
  await cell.click();
  // The cell shows its figure grouped ("1.559"). At its start, "7" and Backspace keep it a valid
  // count (71.559, 1.559), as typing a figure does; at its end, "7" makes it "1.5597", which is
  // not a whole number, so the cell's error message comes and goes with every other key.
  await page.keyboard.press(at === 'start' ? 'Home' : 'End');
  await page.waitForTimeout(100);
  const lat = [];
  for (let i = 0; i < keys + 4; i++) {
    await page.evaluate((unit) => {
      const b = window.__bench;
      const find = () => [...document.querySelectorAll('table.results tbody tr')].find((r) => r.cells[0]?.textContent === unit);
      let row = find();
      if (!row) throw new Error(`the results row of ${unit} is not rendered`);
      const before = row.textContent;
      let t0;
      document.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
      b.key = b.waitPainted(() => {
        if (t0 === undefined) return false;
        if (!row.isConnected) row = find();
        return row && row.textContent !== before;
      }, 60000).then((t) => ({ dom: t.dom - t0, frame: t.frame - t0, painted: t.painted - t0 }));
    }, unit);
    await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
    const r = await page.evaluate(() => window.__bench.key);
    if (i >= 4) lat.push(r);
  }
  const dom = await page.evaluate(() => ({
    nodes: document.getElementsByTagName('*').length,
    inputs: document.getElementsByTagName('input').length,
    svg: document.querySelectorAll('svg *').length,
  }));
  return { lat, dom };
}

/** The same measure on a page with nothing but one input whose text a listener copies into a table
 * cell: the browser's own floor (the wait for the next frame, and that frame's style, layout and
 * paint), which no app can go under on this machine. */
async function typeInBarePage(keys = KEYS) {
  const ctx = await browser.newContext(CONTEXT);
  const page = await ctx.newPage();
  await page.addInitScript(probe);
  await page.goto(`${APP}bench-no-such-page`);
  await page.evaluate(() => {
    document.body.innerHTML = '<input id="bare" aria-label="bare"><table><tr><td id="echo"></td></tr></table>';
    const input = document.getElementById('bare');
    input.addEventListener('input', () => { document.getElementById('echo').textContent = input.value; });
  });
  await page.locator('#bare').click();
  const lat = [];
  for (let i = 0; i < keys + 4; i++) {
    await page.evaluate(() => {
      const echo = document.getElementById('echo');
      const before = echo.textContent;
      let t0;
      document.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
      window.__bench.key = window.__bench.waitPainted(() => t0 !== undefined && echo.textContent !== before, 60000)
        .then((t) => ({ dom: t.dom - t0, frame: t.frame - t0, painted: t.painted - t0 }));
    });
    await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
    const r = await page.evaluate(() => window.__bench.key);
    if (i >= 4) lat.push(r);
  }
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  await ctx.close();
  return { lat, dom: { nodes, inputs: 1, svg: 0 } };
}

async function typingSection(docs) {
  heading(`5. Typing latency, keydown in a grid cell to the updated result painted (${KEYS} keystrokes)`);
  const rows = [];
  for (const [n, at] of TYPING_RUNS) {
    let measured;
    const profiled = n === PROFILED.units && at === PROFILED.at;
    if (n === 'floor') {
      measured = await typeInBarePage();
    } else {
      const { ctx, page } = await openWithDoc(docs[n], n);
      if (opt.css) await page.addStyleTag({ content: opt.css });
      if (opt.trace && profiled) await browser.startTracing(page, { path: opt.trace, categories: traceCategories() });
      const cdp = opt.cpuprofile && profiled ? await startProfile(ctx, page) : null;
      measured = await typeInCell(page, n, { at });
      if (opt.trace && profiled) summariseTrace(await browser.stopTracing());
      if (cdp) await stopProfile(cdp);
      await ctx.close();
    }
    const { lat, dom } = measured;
    const painted = lat.map((l) => l.painted);
    const inDom = lat.map((l) => l.dom);
    const frame = lat.map((l) => l.frame);
    const label = n === 'floor' ? 'floor (bare input)' : `${fmtInt(n)}${at === 'end' ? ', error on and off' : ''}`;
    rows.push([label, fmtMs(median(painted)), fmtMs(quantile(painted, 0.95)), fmtMs(Math.max(...painted)),
      fmtMs(median(inDom)), fmtMs(median(frame)), fmtInt(dom.nodes), fmtInt(dom.inputs), fmtInt(dom.svg)]);
  }
  table(['units', 'median', 'p95', 'max', 'to DOM updated', 'to frame start', 'DOM elements', 'inputs', 'SVG elements'], rows);
  console.log('Keys "7" and Backspace alternately at the start of "Số vụ án xảy ra — kỳ này" (1.559 ↔ 71.559: valid counts); "error on');
  console.log('and off": at its end instead (1.559 ↔ 1.5597, not a whole number: the cell\'s error message comes and goes).');
  console.log('"to DOM updated": keydown until the unit\'s result row has changed (evaluation and the first part of the render);');
  console.log('"to frame start": the render\'s script is over and the next frame starts; from there to the median: style, layout, paint.');
  console.log('"floor": one input whose listener copies its text into a table cell, nothing else on the page: the browser\'s own');
  console.log('latency on this machine (waiting for the next frame, then that frame), under which no app can go.');
}

// `--trace FILE`: the keystrokes at 63 units are also recorded as a Chromium trace (FILE, for
// chrome://tracing or Perfetto), and the renderer main thread's CPU time per keystroke is summed
// by stage: where the time from a keystroke to its paint goes, for profiling. Thread time, not
// wall time: on two cores the browser's other processes often take the main thread's core.
function traceCategories() { return process.env.TRACE_ALL ? ['*', 'disabled-by-default-devtools.timeline'] : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-devtools.timeline.stack']; }

function traceStages() { return [
  ['all tasks', (e) => e.name === 'RunTask'],
  ['input event (the app\'s handler: update, render)', (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input'],
  ['style and layout forced in the key\'s task', (e) => e.name === 'Document::UpdateStyleAndLayout'],
  ['frame: hit test of the mouse (hover)', (e) => e.name === 'EventHandler::handleMouseMoveEvent'],
  ['frame: style, layout, paint, layerize', (e) => e.name === 'WebFrameWidgetImpl::UpdateLifecycle'],
  ['  of which paint', (e) => e.name === 'Blink.Paint.UpdateTime'],
  ['  of which layerize (PaintArtifactCompositor)', (e) => e.name === 'LocalFrameView::pushPaintArtifactToCompositor'],
  ['frame: commit to the compositor', (e) => e.name === 'Commit'],
]; }

// `--cpuprofile FILE`: the keystrokes at 63 units are also profiled by V8's sampling profiler
// (FILE, for DevTools), and the JS and wasm functions taking the most self time are printed
// (name them with a build whose wasm keeps its name section: data-wasm-opt="0").
async function startProfile(ctx, page) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  return cdp;
}

async function stopProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(opt.cpuprofile, JSON.stringify(profile));
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const by = new Map();
  for (const node of profile.nodes) {
    const name = node.callFrame.functionName || `(${node.callFrame.url.split('/').pop() || 'program'})`;
    by.set(name, (by.get(name) ?? 0) + (dt.get(node.id) ?? 0));
  }
  const rows = [...by].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 25)
    .map(([name, us]) => [name.slice(0, 90), fmtMs(us / 1000 / (KEYS + 4))]);
  console.log(`CPU profile at ${PROFILED_RUN} (${opt.cpuprofile}): self time per keystroke`);
  table(['function', 'self per keystroke'], rows);
}

function summariseTrace(buffer) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents ?? [];
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const thread = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  // From the first keystroke's input event on (the scrolling to the unit before it is left out).
  const inputs = thread.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
  const from = Math.min(...inputs.map((e) => e.ts)) - 5000;
  const own = thread.filter((e) => e.ts >= from);
  const rows = traceStages().map(([stage, is]) => {
    const hits = own.filter(is);
    const cpu = hits.reduce((a, e) => a + (e.tdur ?? e.dur), 0);
    return [stage, fmtMs(cpu / 1000 / inputs.length), (hits.length / inputs.length).toFixed(1)];
  });
  console.log(`Trace at ${PROFILED_RUN} (${opt.trace}): the renderer main thread's CPU time per keystroke, by stage`);
  table(['stage', 'CPU per keystroke', 'times per keystroke'], rows);
}

// --- 6. storage and 7. memory at 1,000 units --------------------------------------------------

async function storageSection(docs) {
  const N = 1000;
  heading('6. Storage at 1,000 units (autosave, reload, import and export through the UI)');
  const { ctx, page, load: first } = await openWithDoc(docs[N], N);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const m = await cdp.send('Performance.getMetrics').catch(() => null);
      const used = m?.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
      peakHeap = Math.max(peakHeap, used);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const wasmBytes = () => page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? null);
  const mem = { load: await wasmBytes() };

  // Autosave: five edits, each followed by its save.
  await typeInCell(page, N, { keys: 2 });
  const saves = [];
  for (let i = 0; i < 5; i++) {
    const before = await page.evaluate(() => window.__bench.saves.length);
    await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
    await page.waitForFunction((n) => window.__bench.saves.length > n, before, { timeout: 60000 });
    saves.push(await page.evaluate(() => window.__bench.saves.at(-1)));
  }
  const stored = await page.evaluate((k) => {
    const v = localStorage.getItem(k);
    let all = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      all += key.length + localStorage.getItem(key).length;
    }
    return { chars: v.length, utf8: new Blob([v]).size, allChars: all };
  }, DOC_KEY);
  mem.edits = await wasmBytes();

  // Export: the click to the Blob handed to the download.
  const exports = [];
  let exportBytes = 0;
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => {
      const b = window.__bench;
      b.blobAt = undefined;
      document.addEventListener('click', () => { b.clickAt = performance.now(); }, { capture: true, once: true });
    });
    const [dl] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất JSON (toàn bộ, kèm kết quả)', exact: true }).click()]);
    exportBytes = statSync(await dl.path()).size;
    exports.push(await page.evaluate(() => window.__bench.blobAt - window.__bench.clickAt));
  }
  mem.export = await wasmBytes();
  const inPage = await page.evaluate(() => Math.max(0, window.__bench.blobHeap ?? 0,
    ...window.__bench.saves.map((s) => s.heap ?? 0)));
  sampling = false;
  await sampler;
  const sessionHeap = Math.max(peakHeap, inPage);

  // Reload with the 1,000-unit document stored (service worker in place).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const reloads = [];
  const reloadDom = [];
  for (let i = 0; i < 6; i++) {
    await page.reload({ waitUntil: 'commit' });
    const r = await interactive(page);
    if (i > 0) {
      reloads.push(r.paintedAt);
      reloadDom.push(r.tableAt);
    }
  }
  await ctx.close();

  // Import: a fresh context on the built-in pact, the file chosen through "Nhập tệp JSON…",
  // then "Thay thế bằng dữ liệu trong tệp".
  const imports = [];
  const importMem = [];
  for (let i = 0; i < 3; i++) {
    const c = await browser.newContext(CONTEXT);
    const p = await c.newPage();
    await p.addInitScript(probe);
    await p.goto(APP, { waitUntil: 'commit' });
    await interactive(p);
    await p.evaluate(() => {
      const b = window.__bench;
      document.addEventListener('change', () => { b.changeAt ??= performance.now(); }, { capture: true });
      b.dialog = b.waitPainted(() => document.querySelector('dialog[open]') !== null);
    });
    const chooser = p.waitForEvent('filechooser');
    await p.getByText('Nhập tệp JSON…', { exact: true }).click();
    await (await chooser).setFiles(docs[N]);
    const preview = await p.evaluate(async () => (await window.__bench.dialog).painted - window.__bench.changeAt);
    await p.evaluate((n) => {
      const b = window.__bench;
      document.addEventListener('click', () => { b.clickAt = performance.now(); }, { capture: true, once: true });
      b.replaced = b.waitPainted(() => document.querySelector('dialog[open]') === null && b.resultsRows() === n);
    }, N);
    await p.getByRole('dialog').getByRole('button', { name: 'Thay thế bằng dữ liệu trong tệp', exact: true }).click();
    const replace = await p.evaluate(async () => {
      const t = await window.__bench.replaced;
      return [t.painted - window.__bench.clickAt, t.dom - window.__bench.clickAt];
    });
    imports.push([preview, ...replace]);
    importMem.push(await p.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? null));
    await c.close();
  }

  const saveMs = saves.map((s) => s.end - s.debounceAt);
  const writeMs = saves.map((s) => s.end - s.start);
  table(['measure (1,000 units)', 'median', 'min–max', 'note'], [
    ['autosave: serialize + write', fmtMs(median(saveMs)), range(saveMs), `of which localStorage.setItem ${fmtMs(median(writeMs))}; 5 saves, after the 300 ms debounce`],
    ['stored document', `${fmtInt(stored.utf8)} B`, '', `${fmtInt(stored.chars)} UTF-16 units (×2 B in Chromium); all thidua keys ${fmtInt(stored.allChars)} units`],
    ['first load, fresh context', fmtMs(first.paintedAt), '', `navigation start to the results table painted (in the DOM at ${fmtMs(first.tableAt)})`],
    ['reload (warm), 1,000 units stored', fmtMs(median(reloads)), range(reloads), `${reloads.length} reloads, service worker in place; in the DOM at ${fmtMs(median(reloadDom))}`],
    ['import: file chosen to preview dialog', fmtMs(median(imports.map((x) => x[0]))), range(imports.map((x) => x[0])), 'read, parse, validate, diff against the current pact'],
    ['import: confirm to 1,000 units painted', fmtMs(median(imports.map((x) => x[1]))), range(imports.map((x) => x[1])), `snapshot of the old document, evaluate, render; in the DOM at ${fmtMs(median(imports.map((x) => x[2])))}`],
    ['export JSON: click to file ready', fmtMs(median(exports)), range(exports), `${fmtInt(exportBytes)} B file (with results)`],
  ]);

  heading('7. Memory at 1,000 units');
  table(['measure', 'bytes', 'MiB'], [
    ['peak JS heap used (edit session: load, typing, 5 saves, 3 exports)', fmtInt(sessionHeap), mib(sessionHeap)],
    ['wasm memory after loading', fmtInt(mem.load), mib(mem.load)],
    ['wasm memory after typing and saves', fmtInt(mem.edits), mib(mem.edits)],
    ['wasm memory after 3 exports (= session peak)', fmtInt(mem.export), mib(mem.export)],
    ['wasm memory after importing 1,000 units over the built-in pact', fmtInt(median(importMem)), mib(median(importMem))],
  ]);
  console.log('JS heap: max of CDP Performance.getMetrics JSHeapUsedSize sampled every ~20 ms between tasks and of');
  console.log('performance.memory.usedJSHeapSize read inside each localStorage write and Blob creation.');
  console.log('wasm: byteLength of the app module\'s WebAssembly.Memory (its exports.memory, from TrunkApplicationStarted);');
  console.log('linear memory never shrinks, so the last reading of a page is its peak.');
}

// --- helpers ----------------------------------------------------------------------------------

/** Serves `dir` with tests/support/serve.mjs on `port`; resolves once it listens. */
function serve(dir, port) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'tests/support/serve.mjs'), dir, String(port)],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`server on port ${port} exited (${code})`)));
    child.stdout.once('data', () => ok(child));
  });
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}`);
    out[m[1]] = m[2] ?? argv[++i];
  }
  return out;
}

function median(xs) { return quantile(xs, 0.5); }

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

function range(xs) { return `${fmtMs(Math.min(...xs))}–${fmtMs(Math.max(...xs))}`; }

function fmtMs(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.1 ? 1 : 0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

function fmtInt(n) { return n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US'); }

function mib(n) { return n ? (n / 1048576).toFixed(1) : '—'; }

function heading(text) { console.log(`\n== ${text} ==`); }

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(w[i])).join('  ').trimEnd();
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
}
