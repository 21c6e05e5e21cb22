// run.mjs: Cultivate at 10, 1,000 and 10,000 members, in the real page (the development page, for its
// frame timer), in headless Chromium. Prints per tab the milliseconds of a frame caused by input (real
// wheel events over the tab), the ratio to 10 members, the times to import, open, save, merge and
// export, the ratio of import to the browser's own JSON.parse of the same bytes, the WebAssembly
// heap, the page's weight, and the time to a drawn community next to a bare Dear ImGui page built
// with the same toolchain and flags.
//   node bench/scale/run.mjs [SIZES...] [--tabs=Groups,Connections]   (default: 10 1000 10000, every tab)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, openPage, ready, click, find, menu, dist, distPerson, repo } from '../../web/tests/harness.mjs';
import { serve } from '../../web/serve.mjs';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [10, 1000, 10000];
const only = (process.argv.find((a) => a.startsWith('--tabs=')) || '').slice(7).split(',').filter(Boolean);
const TABS = ['Members', 'Objectives', 'Topics', 'Skills', 'First meeting', 'Guidelines', 'Meetings', 'Groups', 'Books', 'Cases',
  'Directory', 'Threads', 'Projects', 'Connections'].filter((t) => !only.length || only.includes(t));

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
// The mean of the middle 80%: the page's clock ticks in 0.1 ms (with jitter), frames now take under
// a millisecond, and a median of such ticks moves by a whole tick; a garbage collection is left out.
const trimmedMean = (a) => {
  const s = [...a].sort((x, y) => x - y), cut = Math.floor(s.length / 10), mid = s.slice(cut, s.length - cut);
  return mid.length ? mid.reduce((x, y) => x + y, 0) / mid.length : NaN;
};
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');

// The files of the community, served beside the page.
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-scale-'));
for (const n of SIZES) fs.writeFileSync(path.join(files, `scale${n}.json`), JSON.stringify(generate(n, 1)));

// Cross-origin isolated: the page's clock reads to 5 us, not 100 us, so a frame of half a millisecond
// is timed, not rounded to a tick.
const server = await serve({ root: dist, port: 0, isolated: true, extra: (req, res) => {
  const m = /^\/files\/(scale\d+\.json)$/.exec(new URL(req.url, 'http://x').pathname);
  if (!m) return false;
  const body = fs.readFileSync(path.join(files, m[1]));
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length }).end(body);
  return true;
} });

// Waits (in the page) until pred(ui) holds; returns ms since t0 (performance.now() in the page).
const waitUi = (page, pred, t0, timeout = 600000) => page.evaluate(async ({ src, t0, timeout }) => {
  const f = new Function('u', `return (${src})(u);`);
  const end = performance.now() + timeout;
  for (;;) {
    if (f(cultivateTest.ui())) return performance.now() - t0;
    if (performance.now() > end) throw new Error('timed out: ' + src);
    await new Promise((r) => setTimeout(r, 5));
  }
}, { src: pred.toString(), t0, timeout });

// Import: the file on disk chosen in the app's own file picker, as a convener would, from the input's
// change event to the preview, and JSON.parse of the same bytes in the same page just before. (A File
// made in the page from a 40 MB string instead is still being handed to the browser's blob store when
// dropped: 150-350 ms more, which a file on disk never costs.)
async function importOnce(page, n) {
  const t = await page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    const p0 = performance.now();
    JSON.parse(text);
    const parse = performance.now() - p0;
    document.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
    return { parse, bytes: text.length };
  }, `${server.url}files/scale${n}.json`);
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'Share', 'Import files...');
  await (await chooser).setFiles(path.join(files, `scale${n}.json`));
  await page.waitForFunction(() => window.__t0 > 0);
  const t0 = await page.evaluate(() => window.__t0);
  const preview = await waitUi(page, (u) => u.importing && u.import.files.length === 1 && u.import.files[0].error === '', t0);
  // The app's own part of it: reading and checking the bytes (the rest is the browser reading the file).
  const work = await page.evaluate(() => cultivateTest.ui().import.ms);
  return { bytes: t.bytes, jsonParse: t.parse, preview, work, ratio: preview / t.parse };
}

// The import as the median of IMPORT_ROUNDS, each in a fresh browser (a file read a second time in
// one browser comes from its cache): one import and one JSON.parse are each at the machine's mercy.
// The rounds besides the one that opens the community run first, before any community is open.
const IMPORT_ROUNDS = 3;
async function importAlone(n) {
  const b = await launch({});
  const r = await importOnce(await openPage(b.context, server.url), n);
  await b.context.close();
  return r;
}
function importMedian(rounds) {
  const mid = (f) => median(rounds.map(f));
  return { jsonParse: mid((r) => r.jsonParse), preview: mid((r) => r.preview), importWork: mid((r) => r.work),
           ratio: mid((r) => r.ratio), ratios: rounds.map((r) => r.ratio), workRatio: mid((r) => r.work / r.jsonParse) };
}

// Until the page has nothing left to do: saved, its groupings done, no frame due (checked twice).
async function settled(page) {
  for (let still = 0, end = Date.now() + 300000; still < 2 && Date.now() < end;) {
    const busy = await page.evaluate(() => {
      const u = cultivateTest.ui();
      return u.dirty || u.saving || u.views.busy || cultivateTest.pending();
    });
    still = busy ? 0 : still + 1;
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Import, open and first save of a community of n members, in a browser of its own that stays open
// for the frames and the rest. The communities opened before it are at rest first: their groupings
// and saves ran on the same two cores as this import (its round was the slowest of three, every run).
async function open(n) {
  for (const r of results) await settled(r.page);
  const b = await launch({ acceptDownloads: true });
  const page = await openPage(b.context, server.url);
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the page is not cross-origin isolated: its clock is too coarse for frames');
  const out = { n, b, page, tabs: {} };
  const first = await importOnce(page, n);
  out.bytes = first.bytes;
  out.importFirst = first;
  const t1 = await page.evaluate(() => performance.now());
  await click(page, 'Open as a new community', { timeout: 600000 });
  out.open = await waitUi(page, (u) => !u.importing && u.ready, t1);
  out.openedAt = await page.evaluate(() => performance.now());
  // Saved: the first write of the new community.
  out.save = await waitUi(page, (u) => !u.dirty && !u.saving, out.openedAt);
  out.heap = await page.evaluate(() => cultivateTest.heapBytes());
  return out;
}

// A tab opened in a community's page: the longest of its first frames (what it shows is read once per
// change of the community), once work done in slices between frames (the Connections map's layout)
// has run to its end: those frames are not caused by input.
async function openTab(out, tab) {
  const { page } = out;
  await page.evaluate(() => cultivateTest.clearFrameTimes());
  await click(page, tab, { timeout: 120000 });
  await page.waitForTimeout(300);
  await page.evaluate(async () => {
    const end = performance.now() + 120000;
    while (cultivateTest.pending() && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
  });
  out.tabs[tab] = { first: Math.max(...(await page.evaluate(() => cultivateTest.frameTimes()))), times: [] };
}

// Frames caused by wheel input over the open tab: `count` wheel turns, down and up in turn (kept unless
// `keep` is false).
async function wheel(out, tab, count, keep = true) {
  const { page } = out;
  await page.evaluate(() => cultivateTest.clearFrameTimes());
  const box = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
  for (let i = 0; i < count; i++) {
    await page.mouse.move(box.w * 0.6, box.h * 0.55);
    await page.mouse.wheel(0, i % 2 ? -240 : 240);
    await page.waitForTimeout(60);
  }
  if (keep) out.tabs[tab].times.push(...(await page.evaluate(() => cultivateTest.frameTimes())));
  out.tabs[tab].vertices = (await page.evaluate(() => cultivateTest.drawing())).vertices;
}

// Reopen, export and merge, then the browser closes.
async function finish(out) {
  const { page, b } = out;
  // Reopen (a reload opens the last community).
  const r0 = Date.now();
  await page.reload();
  await ready(page);
  out.reopen = Date.now() - r0;
  // Export.
  const e0 = Date.now();
  const download = page.waitForEvent('download', { timeout: 600000 });
  await click(page, 'Share');
  await click(page, 'Export file');
  const file = await download;
  out.export = Date.now() - e0;
  // Merge: the exported copy with one member renamed, chosen in the picker and merged.
  const copy = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  const m = copy.records.find((r) => r.type === 'member');
  m.fields.name = 'Renamed elsewhere';
  m.stamps.name = [m.stamps.name[0] + 10000000, 0, 'elsewhere0000000'];
  const copyPath = path.join(files, `copy${out.n}.cultivate.json`);
  fs.writeFileSync(copyPath, JSON.stringify(copy));
  await page.evaluate(() => {
    window.__t0 = 0;
    document.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
  });
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'Share', 'Import files...');
  await (await chooser).setFiles(copyPath);
  await page.waitForFunction(() => window.__t0 > 0);
  const m0 = await page.evaluate(() => window.__t0);
  out.mergePreview = await waitUi(page, (u) => u.importing && u.import.files.length === 1, m0);
  const m1 = await page.evaluate(() => performance.now());
  await click(page, 'Merge into this community', { timeout: 600000 });
  out.merge = await waitUi(page, (u) => !u.importing, m1);
  out.heapEnd = await page.evaluate(() => cultivateTest.heapBytes());
  await b.context.close();
}

// Time to a drawn page: Cultivate (a community drawn) and the bare Dear ImGui page, side by side.
async function loadTimes() {
  const bareDir = path.join(repo, 'build/web/dist-bare');
  const bare = fs.existsSync(path.join(bareDir, 'index.html')) ? await serve({ root: bareDir, port: 0 }) : null;
  const person = await serve({ root: dist, port: 0 });
  const times = { cultivate: [], bare: [] };
  for (let round = 0; round < 5; round++) {
    for (const [which, srv] of [['cultivate', person], ['bare', bare]]) {
      if (!srv) continue;
      const b = await launch();
      const page = await b.context.newPage();
      const t0 = Date.now();
      await page.goto(srv.url);
      if (which === 'cultivate') await ready(page);
      else await page.waitForFunction(() => window.bareFrames > 0, null, { timeout: 30000 });
      times[which].push(Date.now() - t0);
      await b.context.close();
    }
  }
  await person.close();
  if (bare) await bare.close();
  return { cultivate: median(times.cultivate), bare: median(times.bare) };
}

// What the page loads: the files beside index.html. The fonts for other scripts (fonts/) load only
// when a name in that script is first shown, and are counted apart.
function pageWeight(d = distPerson) {
  let raw = 0, gz = 0;
  for (const f of fs.readdirSync(d, { withFileTypes: true })) {
    if (!f.isFile()) continue;
    const b = fs.readFileSync(path.join(d, f.name));
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { raw, gz };
}

const imports = {};
for (const n of SIZES) {
  process.stderr.write(`importing ${n} members...\n`);
  imports[n] = [];
  for (let i = 1; i < IMPORT_ROUNDS; i++) imports[n].push(await importAlone(n));
}
const results = [];
for (const n of SIZES) {
  process.stderr.write(`opening ${n} members...\n`);
  results.push(await open(n));
}
for (const r of results) Object.assign(r, importMedian([...imports[r.n], r.importFirst]));
for (const r of results) await settled(r.page);  // no grouping or save of one size under another's frames
// Each tab's frames in turns of 8 wheel turns, a turn per community in each of 3 rounds: the machine's
// moods (another process, the browser's own timers) fall on every size alike, not on one.
for (const tab of TABS) {
  process.stderr.write(`${tab}...\n`);
  for (const r of results) await openTab(r, tab);
  // A round not kept first: the browser compiles the tab's hot code again, optimised, after its first
  // calls (WebAssembly's tiers), and no size should be timed before that and another after.
  for (const r of results) await wheel(r, tab, 8, false);
  for (let round = 0; round < 3; round++) for (const r of results) await wheel(r, tab, 8);
  for (const r of results) Object.assign(r.tabs[tab], { median: trimmedMean(r.tabs[tab].times), frames: r.tabs[tab].times.length });
}
for (const r of results) await finish(r);
const base = results.find((r) => r.n === Math.min(...SIZES));
console.log('\nFrame caused by input (ms per frame, mean of the middle 80%; ratio to the smallest community)');
console.log(['tab'.padEnd(14), ...results.map((r) => String(r.n).padStart(16))].join(''));
for (const tab of TABS) {
  console.log([tab.padEnd(14), ...results.map((r) => {
    const t = r.tabs[tab];
    return `${fmt(t.median, 2)} (x${fmt(t.median / base.tabs[tab].median, 2)})`.padStart(16);
  })].join(''));
}
console.log('\nOpening a tab: its longest frame (ms), where what it shows is read after a change');
for (const tab of TABS) console.log([tab.padEnd(14), ...results.map((r) => fmt(r.tabs[tab].first).padStart(16))].join(''));
console.log('\nData (ms; heap in MB)');
console.log(['', ...results.map((r) => String(r.n).padStart(12))].join('').padStart(14));
const row = (label, f) => console.log([label.padEnd(22), ...results.map((r) => String(f(r)).padStart(12))].join(''));
row('file (MB)', (r) => fmt(r.bytes / 1048576, 2));
row('map vertices', (r) => (r.tabs.Connections ? r.tabs.Connections.vertices : NaN));  // when Connections was measured
console.log(`(the import: median of ${IMPORT_ROUNDS} rounds, each in a fresh browser; each round's ratio taken in its own page)`);
row('JSON.parse', (r) => fmt(r.jsonParse));
row('import to preview', (r) => fmt(r.preview));
row('  ratio to JSON.parse', (r) => fmt(r.ratio, 2));
row('  of which reading', (r) => fmt(r.importWork));
row('  reading to JSON.parse', (r) => fmt(r.workRatio, 2));
row('open as new', (r) => fmt(r.open));
row('first save', (r) => fmt(r.save));
row('reopen (reload)', (r) => fmt(r.reopen, 0));
row('export', (r) => fmt(r.export, 0));
row('merge preview', (r) => fmt(r.mergePreview));
row('merge', (r) => fmt(r.merge));
row('heap after open', (r) => fmt(r.heap / 1048576, 0));
row('heap at the end', (r) => fmt(r.heapEnd / 1048576, 0));
console.log(`Import to JSON.parse in each round: ${results.map((r) => `${r.n}: ${r.ratios.map((x) => fmt(x, 2)).join(', ')}`).join('; ')}`);
const big = results.find((r) => r.n === Math.max(...SIZES));
const small = results.find((r) => r.n === Math.min(...SIZES));
if (big !== small) {
  const k = big.n / small.n;
  console.log(`\nGrowth from ${small.n} to ${big.n} members (x${k}): import x${fmt(big.preview / small.preview, 1)}, ` +
              `save x${fmt(big.save / small.save, 1)}, merge x${fmt(big.merge / small.merge, 1)}`);
}
const w = pageWeight();
console.log(`\nPage weight: ${fmt(w.raw / 1024, 0)} KB, ${fmt(w.gz / 1024, 0)} KB gzipped`);
if (fs.existsSync(path.join(distPerson, 'fonts'))) {
  const f = pageWeight(path.join(distPerson, 'fonts'));
  console.log(`Fonts for other scripts, each loaded when first needed: ${fmt(f.raw / 1024, 0)} KB, ${fmt(f.gz / 1024, 0)} KB gzipped`);
}
const load = await loadTimes();
console.log(`Load to a drawn page (median of 5): Cultivate ${fmt(load.cultivate, 0)} ms, bare Dear ImGui page ` +
            `${fmt(load.bare, 0)} ms, ratio ${fmt(load.cultivate / load.bare, 2)}`);
await server.close();
