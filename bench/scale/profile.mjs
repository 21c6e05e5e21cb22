// profile.mjs: where the page's time goes, as the browser's own profiler sees it: the functions that
// took the most time (self time) during an import (from the drop to the preview on screen), during
// the frames caused by wheel input over a tab (as bench/scale/run.mjs measures them), or during a
// fresh browser's load of the page.
// WebAssembly functions have names only in a page linked with --profiling-funcs:
//   cmake -DCULTIVATE_PROFILE=ON build/web && scripts/build.sh web   (OFF again afterwards)
//   node bench/scale/profile.mjs import [MEMBERS]        (default 10000)
//   node bench/scale/profile.mjs tab NAME [MEMBERS]      (for example: tab Directory 10000)
//   node bench/scale/profile.mjs load                    (a fresh browser's load, to a drawn community)
//   ... --who=FUNCTION                                  (also: the calls that led to FUNCTION)
// Environment: INTERVAL=us between samples (200), TURNS=wheel turns over a tab (24), TOP=functions listed (25).
import fs from 'node:fs';
import { launch, openPage, ready, click, dist } from '../../web/tests/harness.mjs';
import { serve } from '../../web/serve.mjs';
import { generate } from './generate.mjs';

const mode = process.argv[2] || 'import';
const tab = mode === 'tab' ? process.argv[3] : '';
const n = mode === 'load' ? 10 : Number(process.argv[mode === 'tab' ? 4 : 3] || 10000);
const body = Buffer.from(JSON.stringify(generate(n, 1)));
const server = await serve({ root: dist, port: 0, isolated: true, extra: (req, res) => {
  if (new URL(req.url, 'http://x').pathname !== '/files/community.json') return false;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length }).end(body);
  return true;
} });
const b = await launch();
// load: from the navigation of a fresh browser to a drawn community (as run.mjs times it).
const page = mode === 'load' ? await b.context.newPage() : await openPage(b.context, server.url);
const cdp = await b.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL || 200) });
if (mode !== 'load')
  await page.evaluate(async (url) => { window.__text = await (await fetch(url)).text(); }, `${server.url}files/community.json`);

const drop = () => page.evaluate(async () => {
  const dt = new DataTransfer();
  dt.items.add(new File([window.__text], 'community.cultivate.json'));
  const t0 = performance.now();
  document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  for (;;) {
    const u = cultivateTest.ui();
    if (u.importing && u.import.files.length === 1) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1));
  }
});
const settle = () => page.evaluate(async () => {
  const end = performance.now() + 600000;
  while (performance.now() < end) {
    const u = cultivateTest.ui();
    if (!u.importing && u.ready && !u.dirty && !u.saving && !cultivateTest.pending()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
});

let what;
if (mode === 'load') {
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.goto(server.url);
  await ready(page);
  what = `load to a drawn page: ${Date.now() - t0} ms`;
} else if (mode === 'import') {
  await cdp.send('Profiler.start');
  what = `import to preview: ${(await drop()).toFixed(1)} ms`;
} else {
  await drop();
  await click(page, 'Open as a new community', { timeout: 600000 });
  await settle();
  await click(page, tab, { timeout: 120000 });
  await page.waitForTimeout(300);
  await settle();
  await page.evaluate(() => cultivateTest.clearFrameTimes());
  const box = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
  await cdp.send('Profiler.start');
  for (let i = 0; i < Number(process.env.TURNS || 24); i++) {
    await page.mouse.move(box.w * 0.6, box.h * 0.55);
    await page.mouse.wheel(0, i % 2 ? -240 : 240);
    await page.waitForTimeout(60);
  }
  const times = (await page.evaluate(() => cultivateTest.frameTimes())).sort((x, y) => x - y);
  const at = (q) => times[Math.floor(q * (times.length - 1))].toFixed(2);
  const vertices = (await page.evaluate(() => cultivateTest.drawing())).vertices;
  what = `${tab}: ${times.length} frames, ms per frame: quartiles ${at(0.25)} ${at(0.5)} ${at(0.75)}, ${vertices} vertices`;
}
const { profile } = await cdp.send('Profiler.stop');
// Self time per function, from the samples (idle time left out).
const self = new Map();
const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
const dts = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const nd = byId.get(id);
  if (['(idle)', '(program)', '(garbage collector)'].includes(nd.callFrame.functionName)) return;
  const name = `${nd.callFrame.functionName || '(anonymous)'} ${nd.callFrame.url.split('/').pop()}:${nd.callFrame.lineNumber}`;
  self.set(name, (self.get(name) || 0) + (dts[i + 1] || 0) / 1000);
});
console.log(`${what} (${n} members, ${(body.length / 1048576).toFixed(1)} MB)`);
const short = (s) => (s.length > 110 ? s.slice(0, 107) + '...' : s);
for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${t.toFixed(1).padStart(8)} ms  ${short(name)}`);
// Total time (self and callees) per function, and who called the slowest ones: where to look first.
const parent = new Map();
for (const nd of profile.nodes) for (const c of nd.children || []) parent.set(c, nd.id);
const total = new Map(), via = new Map();
profile.samples.forEach((id, i) => {
  const dt = (dts[i + 1] || 0) / 1000, seen = new Set();
  if (['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id).callFrame.functionName)) return;
  for (let at = id, below = null; at !== undefined; below = at, at = parent.get(at)) {
    const f = byId.get(at).callFrame.functionName;
    if (!f || seen.has(f)) continue;
    seen.add(f);
    total.set(f, (total.get(f) || 0) + dt);
    if (below !== null) {
      const key = `${f} > ${byId.get(below).callFrame.functionName}`;
      via.set(key, (via.get(key) || 0) + dt);
    }
  }
});
console.log('\nTotal time (with callees), wasm functions:');
for (const [name, t] of [...total].filter(([f]) => /[:(]/.test(f)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 25)))
  console.log(`${t.toFixed(1).padStart(8)} ms  ${short(name)}`);
console.log('\nCaller > callee (total time), wasm functions:');
const bare = (f) => f.replace(/\(.*$/, '').replace(/<.*>/g, '<>').slice(0, 60);
for (const [key, t] of [...via].filter(([k]) => /[:(]/.test(k) && !k.startsWith('js-to-wasm') && !k.startsWith('(root)'))
  .sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${t.toFixed(1).padStart(8)} ms  ${key.split(' > ').map(bare).join(' > ')}`);
// --who=NAME: the call paths (innermost 6 callers) that led to functions whose name holds NAME.
const who = (process.argv.find((a) => a.startsWith('--who=')) || '').slice(6);
if (who) {
  const paths = new Map();
  profile.samples.forEach((id, i) => {
    if (!(byId.get(id).callFrame.functionName || '(anonymous)').includes(who)) return;
    const names = [];
    for (let at = id; at !== undefined && names.length < 7; at = parent.get(at)) names.push(bare(byId.get(at).callFrame.functionName) || '(anonymous)');
    const key = names.reverse().join(' > ');
    paths.set(key, (paths.get(key) || 0) + (dts[i + 1] || 0) / 1000);
  });
  console.log(`\nCalls into ${who}:`);
  for (const [key, t] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${t.toFixed(1).padStart(8)} ms  ${key}`);
}
await b.context.close();
fs.rmSync(b.dir, { recursive: true, force: true });
server.close();
