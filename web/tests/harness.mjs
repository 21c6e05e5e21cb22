// harness.mjs: what every browser test needs: the built page served from 127.0.0.1, Debian's
// Chromium driven by playwright-core, and helpers that find Dear ImGui widgets by label through
// window.cultivateTest and use them with real mouse and keyboard events.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
// The development page: the page a person runs plus the test switch (see web/build-page.mjs).
export const dist = process.env.CULTIVATE_DIST || path.join(repo, 'build/web/dist-dev');
// The page a person runs, for the tests that check what it does not allow.
export const distPerson = path.join(repo, 'build/web/dist');

// Flags checked on these machines: WebGL2 through SwiftShader, no network chatter.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-features=Translate,MediaRouter'];

// Browsers still open when a test file ends (a test failed before closing its second browser) are
// closed, so the file ends with its failure instead of waiting for the suite's timeout. Only under
// the test runner: the benchmarks use this harness too.
const open = new Set();
const nodeTest = process.env.NODE_TEST_CONTEXT ? await import('node:test') : null;
if (nodeTest) {
  nodeTest.after(async () => {
    for (const context of open) await context.close().catch(() => {});
  });
}

export async function startServer(opts = {}) {
  return serve({ root: dist, port: 0, ...opts });
}

// A browser with its own fresh profile (storage, service workers) that tests can reopen.
export async function launch({ userDataDir = null, ...options } = {}) {
  const dir = userDataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  open.add(context);
  context.on('close', () => open.delete(context));
  return { context, dir };
}

// Opens the page and waits until Dear ImGui has drawn its first widgets. Collects console errors
// and CSP violations so a test can insist there are none.
export async function openPage(context, url, { viewport = null } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(m.text());
  });
  page.on('pageerror', (e) => page.problems.push(String(e)));
  // Registered before any script of the page runs, so no violation goes unseen.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  await page.goto(url);
  await ready(page);
  return page;
}

// One server, browser and page for a whole test file: opened before its first test (and handed to
// `opened`), closed after its last.
export function pageForFile(opened, { viewport = null } = {}) {
  const it = {};
  nodeTest.before(async () => {
    it.server = await startServer();
    it.browser = await launch();
    it.page = await openPage(it.browser.context, it.server.url, { viewport });
    opened(it.page, it);
  });
  nodeTest.after(async () => {
    await it.browser.context.close();
    await it.server.close();
  });
  return it;
}

// Waits until a community is open and drawn.
export async function ready(page) {
  await page.waitForFunction(() => window.cultivateTest && window.cultivateTest.state() !== 'null' &&
    window.cultivateTest.items().some((i) => i.label === 'Add member'), null, { timeout: 30000 });
}

// A Dear ImGui text field is active: the hidden text field has the keyboard in text mode.
export const editing = (page) => page.waitForFunction(() => {
  const a = document.activeElement;
  return a && a.id === 'text-input' && a.getAttribute('inputmode') === 'text';
}, null, { timeout: 5000 });
export const notEditing = (page) => page.waitForFunction(
  () => document.getElementById('text-input').getAttribute('inputmode') !== 'text', null, { timeout: 5000 });

export const items = (page) => page.evaluate(() => window.cultivateTest.items());
export const state = async (page) => JSON.parse(await page.evaluate(() => window.cultivateTest.state()));
export const frames = (page) => page.evaluate(() => window.cultivateTest.frames());

// Waits until the frames due after the last input are drawn, so items() shows where things are now: a
// click aimed from an older frame can land on whatever moved into that place. While frames keep
// coming (a long search), two more frames are enough.
export const drawn = (page) => page.evaluate(() => new Promise((resolve) => {
  const t = window.cultivateTest;
  if (!t || !t.pending()) return resolve();
  const first = t.frames(), end = Date.now() + 1000;
  (function poll() {
    if (!t.pending() || t.frames() > first + 2 || Date.now() > end) resolve();
    else setTimeout(poll, 5);
  })();
}));

// Waits for a widget whose visible label (or full ImGui label) matches, and returns its rectangle.
// `last`: the last match, drawn on top (a menu item over a button of the same name).
export async function find(page, label, { timeout = 5000, last = false } = {}) {
  const match = (it) => (label instanceof RegExp ? label.test(it.label) || label.test(it.id) : it.label === label || it.id === label);
  const end = Date.now() + timeout;
  await drawn(page);
  for (;;) {
    const all = (await items(page)).filter(match);
    const found = last ? all[all.length - 1] : all[0];
    if (found) return found;
    if (Date.now() > end) {
      const all = (await items(page)).map((i) => i.id).join(' | ');
      throw new Error(`no widget "${label}" on screen; there are: ${all}`);
    }
    await page.waitForTimeout(30);
  }
}

// A real mouse click in the middle of the widget.
export async function click(page, label, opts) {
  const it = await find(page, label, opts);
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  return it;
}

// Waits until the page is at rest: no frame drawn for 300 ms (hover and focus settled, saves landed).
export async function idle(page, timeout = 5000) {
  const end = Date.now() + timeout;
  let last = await frames(page);
  for (let still = 0; still < 2 && Date.now() < end;) {
    await page.waitForTimeout(150);
    const now = await frames(page);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

// Waits until the community in the page satisfies `pred`.
export async function until(page, pred, what = 'the expected state', timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await state(page);
    // ... and drawn: a tab reads its lists as it draws, so they show a change a frame after it.
    if (last && pred(last) && (await page.evaluate(() => window.cultivateTest.ui().drawn))) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(last).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

export const live = (s, type) => s.records.filter((r) => r.type === type && r.fields.deleted !== true);

// The text IndexedDB holds for a community (read in the page, from the real database), or null.
export const stored = (page, id) => page.evaluate((id) => new Promise((resolve, reject) => {
  const open = indexedDB.open('cultivate');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction('communities').objectStore('communities').get(id);
    get.onsuccess = () => { resolve(get.result ? get.result.data : null); db.close(); };
    get.onerror = () => { reject(get.error); db.close(); };
  };
}), id);

// Waits until IndexedDB holds exactly what the page shows.
export async function untilStored(page, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const now = await page.evaluate(() => window.cultivateTest.state());
    const id = JSON.parse(now).community;
    if ((await stored(page, id)) === now) return now;
    if (Date.now() > end) throw new Error('IndexedDB did not catch up with the page');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const ui = (page) => page.evaluate(() => window.cultivateTest.ui());

// Adds a member through the real widgets and waits until the model has it.
export async function addMember(page, name) {
  await click(page, 'Add member');
  await editing(page);
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await notEditing(page);
  return until(page, (s) => live(s, 'member').some((m) => m.fields.name === name), `member ${name}`);
}

// Clicks a text field, replaces what it holds with `text`, and leaves it with `finish` (Enter, Tab).
export async function typeInto(page, label, text, finish = 'Enter') {
  await click(page, label);
  await editing(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await page.keyboard.press(finish);
}

// Opens a menu of the menu bar and clicks one of its items.
// (The menu bar is drawn first, so its items come before any button of the same name.)
export async function menu(page, top, item) {
  await click(page, top);
  await click(page, item);
}

// Drops files on the page the way a browser does: a real DataTransfer holding real Files.
// files: [{ name, text }] or [{ name, size }] (that many spaces).
export const dropFiles = (page, files) => page.evaluate((files) => {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(new File([f.size ? new Uint8Array(f.size).fill(32) : f.text], f.name));
  const canvas = document.getElementById('canvas');
  canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}, files);
