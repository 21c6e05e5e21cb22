// profile-import.mjs: where the time of an import goes in the page, as the browser's own profiler
// sees it (the functions that took the most time between the drop and the preview on screen).
// WebAssembly functions have names only in a page linked with --profiling-funcs (add it to the
// app's link options for the run; the page a person gets has none).
//   node bench/scale/profile-import.mjs [MEMBERS]   (default 10000)
import fs from 'node:fs';
import { launch, openPage, dist } from '../../web/tests/harness.mjs';
import { serve } from '../../web/serve.mjs';
import { generate } from './generate.mjs';

const n = Number(process.argv[2] || 10000);
const body = Buffer.from(JSON.stringify(generate(n, 1)));
const server = await serve({ root: dist, port: 0, extra: (req, res) => {
  if (new URL(req.url, 'http://x').pathname !== '/files/community.json') return false;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length }).end(body);
  return true;
} });
const b = await launch();
const page = await openPage(b.context, server.url);
const cdp = await b.context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.evaluate(async (url) => { window.__text = await (await fetch(url)).text(); }, `${server.url}files/community.json`);
await cdp.send('Profiler.start');
const ms = await page.evaluate(async () => {
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
const { profile } = await cdp.send('Profiler.stop');
// Self time per function, from the samples.
const self = new Map();
const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
const dts = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const nd = byId.get(id);
  const name = `${nd.callFrame.functionName || '(anonymous)'} ${nd.callFrame.url.split('/').pop()}:${nd.callFrame.lineNumber}`;
  self.set(name, (self.get(name) || 0) + (dts[i + 1] || 0) / 1000);
});
console.log(`import to preview: ${ms.toFixed(1)} ms (${n} members, ${(body.length / 1048576).toFixed(1)} MB)`);
for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${t.toFixed(1).padStart(8)} ms  ${name}`);
await b.context.close();
fs.rmSync(b.dir, { recursive: true, force: true });
server.close();
