// offline.test.mjs: installable and offline. The service worker precaches the page; with the network
// gone a reload still runs the app with its data; a new build replaces the old cache cleanly. While
// the wasm downloads the page shows progress; without WebGL2 it explains itself in HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, launch, openPage, state, live, untilStored, addMember, ready, dist, click } from './harness.mjs';
import { serve } from '../serve.mjs';

const cacheNames = (page) => page.evaluate(() => caches.keys());
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });

test('with the network gone, a reload runs the app and the data is there', async () => {
  const server = await startServer();
  const b = await launch();
  const page = await openPage(b.context, server.url);
  await controlled(page);
  await addMember(page, 'Offline Zoë');
  const saved = await untilStored(page);
  await b.context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => cultivateTest.state()), saved);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  // A new tab, offline too.
  const fresh = await openPage(b.context, server.url);
  assert.ok(live(await state(fresh), 'member').some((m) => m.fields.name === 'Offline Zoë'));
  await b.context.setOffline(false);
  await b.context.close();
  await server.close();
});

test('a new version installs, takes over and deletes the old cache', async () => {
  // A copy of the built page that can be changed into "the next version".
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-site-'));
  fs.cpSync(dist, root, { recursive: true });  // fonts/ included
  const server = await serve({ root, port: 0 });
  const b = await launch();
  const page = await openPage(b.context, server.url);
  await controlled(page);
  const v1 = await cacheNames(page);
  assert.equal(v1.length, 1);
  assert.match(v1[0], /^cultivate-[0-9a-f]{16}$/);
  // The next version: another page title and another version in the service worker.
  fs.writeFileSync(path.join(root, 'index.html'),
    fs.readFileSync(path.join(root, 'index.html'), 'utf8').replace('<title>Cultivate</title>', '<title>Cultivate next</title>'));
  fs.writeFileSync(path.join(root, 'sw.js'),
    fs.readFileSync(path.join(root, 'sw.js'), 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "next0000000000000"'));
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => caches.keys().then((k) => k.length === 1 && k[0] === 'cultivate-next0000000000000'),
    null, { timeout: 15000, polling: 100 });
  await page.waitForFunction(() => window.cultivateUpdated === true, null, { timeout: 15000 });
  // The page in use says so, and the person chooses when: an edit just made survives the reload.
  await page.waitForFunction(() => cultivateTest.ui().update_ready === true, null, { timeout: 5000 });
  await addMember(page, 'Edited just before the reload');
  await click(page, 'Reload');
  await page.waitForFunction(() => document.title === 'Cultivate next', null, { timeout: 15000 });
  await ready(page);
  assert.ok(live(await state(page), 'member').some((m) => m.fields.name === 'Edited just before the reload'));
  assert.equal(await page.title(), 'Cultivate next');
  assert.deepEqual(await cacheNames(page), ['cultivate-next0000000000000']);
  await b.context.close();
  await server.close();
});

test('the page shows download progress while the wasm arrives', async () => {
  const server = await startServer();
  const b = await launch();
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Network.enable');
  // About 4 seconds for the wasm.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 150 * 1024, uploadThroughput: 150 * 1024 });
  const seen = new Set();
  const sampling = (async () => {
    for (let i = 0; i < 200; i++) {
      const v = await page.evaluate(() => {
        const bar = document.getElementById('loading-bar');
        const box = document.getElementById('loading');
        return bar && !box.hidden ? bar.value : null;
      }).catch(() => null);
      if (v !== null) seen.add(Math.round(v * 100));
      if (await page.evaluate(() => window.cultivateTest !== undefined).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await page.goto(server.url);
  await sampling;
  await ready(page);
  const between = [...seen].filter((v) => v > 0 && v < 100).sort((a, b) => a - b);
  console.log(`progress seen: ${between.length} values between 0 and 100 % (${between.slice(0, 8).join(', ')}...)`);
  assert.ok(between.length >= 3, `progress values seen: ${[...seen]}`);
  assert.equal(await page.evaluate(() => document.getElementById('loading').hidden), true);
  await b.context.close();
  await server.close();
});

test('without WebGL2 the page says so in plain HTML', async () => {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-webgl', '--disable-3d-apis', '--disable-background-networking'] });
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#problem:not([hidden])');
  const text = await page.textContent('#problem');
  assert.match(text, /Cultivate cannot start in this browser/);
  assert.match(text, /WebGL2/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('script[src="cultivate_app.js"]').length), 0,
    'the app is not even downloaded');
  await browser.close();
  await server.close();
});
