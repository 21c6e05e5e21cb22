// first-page.test.mjs: the first page in real Chromium: add a member with a real click on the
// Dear ImGui button, type a name with non-ASCII letters, edit, remove, undo and redo, the community
// panel, a window that follows the browser's size, and a screenshot that is not blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pageForFile, find, click, state, until, live, items, repo, editing, notEditing } from './harness.mjs';
import { pngStats } from './png.mjs';

let page;

pageForFile((p) => { page = p; });

const textFieldFocused = () => editing(page);
const textFieldLeft = () => notEditing(page);
const members = (s) => live(s, 'member');

test('a click on "Add member" adds a member whose name is typed with the keyboard', async () => {
  const before = members(await state(page)).length;
  await click(page, 'Add member');
  await textFieldFocused();
  await page.keyboard.type('Zoë Ñúñez');
  await page.keyboard.press('Enter');
  const s = await until(page, (s) => members(s).some((m) => m.fields.name === 'Zoë Ñúñez'), 'the new member');
  assert.equal(members(s).length, before + 1);
  // The name was stamped by this browser's actor, as the record model requires.
  const m = members(s).find((m) => m.fields.name === 'Zoë Ñúñez');
  assert.equal(m.stamps.name.length, 3);
  assert.match(m.id, /^[0-9a-z]{16}$/);
});

test('a member is edited in place: contact, roles, notes', async () => {
  await click(page, /^##contact-/);
  await textFieldFocused();
  await page.keyboard.type('zoe@example.org');
  await page.keyboard.press('Tab');  // leaves the field: the edit becomes one Op
  await click(page, /^##roles-/);
  await textFieldFocused();
  await page.keyboard.type('presenter; case bringer, presenter');
  await page.keyboard.press('Enter');
  const s = await until(page, (s) => members(s).some((m) => (m.fields.roles || []).length === 2), 'roles');
  const m = members(s).find((m) => m.fields.name === 'Zoë Ñúñez');
  assert.equal(m.fields.contact, 'zoe@example.org');
  assert.deepEqual(m.fields.roles, ['presenter', 'case bringer']);
});

test('Ctrl+Z undoes the last edit, Ctrl+Shift+Z and Ctrl+Y redo it', async () => {
  await textFieldLeft();
  await page.keyboard.press('Control+z');
  let s = await until(page, (s) => members(s).every((m) => !(m.fields.roles || []).length), 'roles undone');
  await page.keyboard.press('Control+z');
  s = await until(page, (s) => members(s).every((m) => !m.fields.contact), 'contact undone');
  await page.keyboard.press('Control+Shift+z');
  s = await until(page, (s) => members(s).some((m) => m.fields.contact === 'zoe@example.org'), 'contact redone');
  await page.keyboard.press('Control+y');
  s = await until(page, (s) => members(s).some((m) => (m.fields.roles || []).length === 2), 'roles redone');
  assert.equal(members(s).length, 1);
});

test('the Edit menu undoes and names what it undoes', async () => {
  await click(page, 'Edit');
  const undo = await find(page, /^Undo Edit roles/);
  assert.equal(undo.label, 'Undo Edit roles');
  await page.mouse.click(undo.x + undo.w / 2, undo.y + undo.h / 2);
  await until(page, (s) => members(s).every((m) => !(m.fields.roles || []).length), 'roles undone from the menu');
  await click(page, 'Edit');
  await click(page, /^Redo Edit roles/);
  await until(page, (s) => members(s).some((m) => (m.fields.roles || []).length === 2), 'roles redone from the menu');
});

test('removing a member is one click and one undo away from coming back', async () => {
  await click(page, 'Remove');
  let s = await until(page, (s) => members(s).length === 0, 'member removed');
  assert.equal(s.records.filter((r) => r.type === 'member').length, 1, 'a removed member stays as a tombstone');
  await find(page, /^Add member$/);
  await page.keyboard.press('Control+z');
  s = await until(page, (s) => members(s).length === 1, 'member back');
  assert.equal(members(s)[0].fields.name, 'Zoë Ñúñez');
});

test('the community panel edits the name and the purpose', async () => {
  await click(page, '##community-name');
  await textFieldFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Feedback circle — Παύλος & Алёна');
  await page.keyboard.press('Enter');
  await click(page, '##purpose_why');
  await textFieldFocused();
  await page.keyboard.type('We want to give better feedback.');
  await click(page, 'Add member');  // clicking elsewhere ends the edit
  const s = await until(page, (s) => s.records.some((r) => r.type === 'community' && r.fields.purpose_why), 'purpose');
  const c = s.records.find((r) => r.type === 'community');
  assert.equal(c.fields.name, 'Feedback circle — Παύλος & Алёна');
  assert.equal(c.fields.purpose_why, 'We want to give better feedback.');
});

test('the window fills the browser window and follows its size', async () => {
  const wide = await find(page, 'Add member');
  await page.setViewportSize({ width: 700, height: 900 });
  await page.waitForFunction(() => document.getElementById('canvas').width === Math.round(700 * devicePixelRatio));
  const narrow = await find(page, 'Add member');
  assert.notEqual(narrow.y, wide.y, 'a narrow window stacks the panels');
  const size = await page.evaluate(() => [canvas.clientWidth, canvas.clientHeight, canvas.width, canvas.height]);
  assert.deepEqual(size, [700, 900, 700, 900]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1280);
});

test('a screenshot shows the drawn page, not a blank canvas', async () => {
  await page.waitForTimeout(100);
  const png = await page.screenshot();
  const st = pngStats(png);
  assert.ok(st.colours > 50, `only ${st.colours} colours`);
  assert.ok(st.darkShare > 0.002 && st.darkShare < 0.5, `dark share ${st.darkShare}`);
  fs.mkdirSync(path.join(repo, 'build/screens'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'build/screens/first-page.png'), png);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.ok((await items(page)).length > 10);
});
