// a11y.test.mjs: the page as a screen reader meets it. Dear ImGui draws on a canvas; the accessibility
// mirror (web/lib_a11y.js) keeps a DOM tree of its widgets with roles, names and states. These tests
// drive the page only through that tree (getByRole: a screen reader's click, focus and typing) and the
// keyboard, and read the community back to see that what was done through it happened.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageForFile, state, until, live, idle } from './harness.mjs';

let page;

pageForFile((p) => { page = p; });

const members = (s) => live(s, 'member');
// A screen reader's activation is a click event on the element (not a pointer at its place: the
// mirror lets the pointer through to the canvas).
const activate = (locator) => locator.dispatchEvent('click');
const focusedInMirror = () => page.evaluate(() => {
  const a = document.activeElement;
  return a && a.closest('#a11y') ? { role: a.getAttribute('role') || a.tagName.toLowerCase(), name: a.getAttribute('aria-label') || a.textContent } : null;
});

test('through the mirror alone: the Members tab, Add member, a name typed into the focused field, the member found by role and name', async () => {
  await activate(page.getByRole('tab', { name: 'Members' }));
  await page.getByRole('tab', { name: 'Members', selected: true }).waitFor();
  await activate(page.getByRole('button', { name: 'Add member' }));
  // The new member's name field has Dear ImGui's focus, and so the DOM's: typing goes there.
  await page.waitForFunction(() => {
    const a = document.activeElement;
    return a && a.closest('#a11y') && a.tagName === 'INPUT' && a.getAttribute('aria-label') === 'Name';
  });
  await page.keyboard.type('Алёна Παύλος');
  await page.keyboard.press('Enter');
  const s = await until(page, (s) => members(s).some((m) => m.fields.name === 'Алёна Παύλος'), 'the member named through the mirror');
  assert.equal(members(s).length, 1);
  // The member is a row of the members table whose name field holds the name.
  // (Rows, menus and dialogs hold their widgets and have no box of their own: attached, not visible.)
  const row = page.getByRole('row', { name: /Алёна Παύλος/ });
  await row.waitFor({ state: 'attached' });
  assert.equal(await row.getByRole('textbox', { name: 'Name' }).inputValue(), 'Алёна Παύλος');
  assert.equal(await row.getByRole('button', { name: 'Remove' }).count(), 1);
  // The tree a screen reader reads: the tabs (Members selected) and the member.
  const tree = await page.locator('#a11y').ariaSnapshot();
  assert.match(tree, /tab "Members" \[selected\]/);
  for (const tab of ['Objectives', 'Topics', 'Skills', 'Meetings', 'Groups', 'Threads', 'Connections']) assert.match(tree, new RegExp(`tab "${tab}"`));
  assert.match(tree, /textbox "Name": Алёна Παύλος/);
});

test('the status line is a live region: a removal is announced, and undo through the Edit menu brings the member back', async () => {
  const row = page.getByRole('row', { name: /Алёна Παύλος/ });
  await activate(row.getByRole('button', { name: 'Remove' }));
  await until(page, (s) => members(s).length === 0, 'the member removed');
  const status = page.locator('#a11y-status');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  await page.waitForFunction(() => /Removed Алёна Παύλος/.test(document.getElementById('a11y-status').textContent));
  assert.equal((await page.getByRole('status').filter({ hasText: 'Removed' }).count()), 1);
  // The menu bar's menus are menu items; the open menu is a menu of its own.
  await activate(page.getByRole('menuitem', { name: 'Edit' }));
  const menu = page.getByRole('menu');
  await menu.waitFor({ state: 'attached' });
  await activate(menu.getByRole('menuitem', { name: /^Undo/ }));
  await until(page, (s) => members(s).some((m) => m.fields.name === 'Алёна Παύλος'), 'the member back after undo');
});

test('Dear ImGui\'s focus and the DOM\'s follow each other: focus a button, Tab to the next field, Enter on a button', async () => {
  await page.getByRole('button', { name: 'Add member' }).focus();
  // Tab is Dear ImGui's: its focus moves to the search field, and the DOM focus follows it there.
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Find a member');
  assert.deepEqual(await focusedInMirror(), { role: 'input', name: 'Find a member' });
  await page.keyboard.type('Παύ');
  await page.waitForFunction(() => {
    const f = [...document.querySelectorAll('#a11y input')].find((e) => e.getAttribute('aria-label') === 'Find a member');
    return f && f.value === 'Παύ';
  });
  await page.keyboard.press('Escape');
  // Enter on a focused button acts once (Dear ImGui's activation; the DOM's own click is held back).
  const before = members(await state(page)).length;
  await page.getByRole('button', { name: 'Add member' }).focus();
  await page.keyboard.press('Enter');
  await until(page, (s) => members(s).length === before + 1, 'a member added with Enter');
  await page.waitForTimeout(300);
  assert.equal(members(await state(page)).length, before + 1);
  await page.keyboard.press('Escape');
});

test('checkboxes say whether they are ticked, and a window is a dialog named by its title', async () => {
  await activate(page.getByRole('tab', { name: 'Groups' }));
  const odd = page.getByRole('checkbox', { name: 'odd groups bigger' });
  await odd.waitFor({ state: 'attached' });
  const was = await odd.getAttribute('aria-checked');
  await activate(odd);
  await page.waitForFunction((was) => {
    const e = [...document.querySelectorAll('#a11y [role="checkbox"]')].find((x) => x.getAttribute('aria-label') === 'odd groups bigger');
    return e && e.getAttribute('aria-checked') !== was;
  }, was);
  await activate(page.getByRole('menuitem', { name: 'Community' }));
  await activate(page.getByRole('menu').getByRole('menuitem', { name: 'Connect to a Matrix room...' }));
  const dialog = page.getByRole('dialog', { name: 'Matrix room' });
  await dialog.waitFor({ state: 'attached' });
  // Its fields are named by their labels; a password typed there never reaches the page's DOM.
  await dialog.getByRole('textbox', { name: 'User ID' }).waitFor({ state: 'attached' });
  const password = dialog.getByLabel('Password');
  await password.focus();
  await page.waitForFunction(() => document.activeElement && document.activeElement.type === 'password');
  await page.keyboard.type('hunter2-Żółć');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(300);
  const leaked = await page.evaluate(() => [...document.querySelectorAll('#a11y input')].some((i) => /hunter2/.test(i.value)) ||
    /hunter2/.test(document.getElementById('a11y').innerHTML));
  assert.equal(leaked, false, 'the password is not in the mirror');
  assert.equal(await password.getAttribute('type'), 'password');
});

test('text is read where it stands: sections are headings, a topic\'s dots are in its row, the live view\'s countdown ticks', async () => {
  await page.keyboard.press('Escape');  // the Matrix dialog of the test before
  await activate(page.getByRole('tab', { name: 'Topics' }));
  await page.getByRole('tab', { name: 'Topics', selected: true }).waitFor();
  // The field focused as a screen reader's user would, and typed into once it is Dear ImGui's.
  await page.getByRole('textbox', { name: /topic/i }).first().focus();
  await page.waitForFunction(() => {
    const a = document.activeElement;
    return a && a.closest('#a11y') && a.tagName === 'INPUT' && a.dataset.active && /topic/i.test(a.getAttribute('aria-label'));
  });
  await page.keyboard.type('Peer coaching');
  await page.keyboard.press('Enter');
  await until(page, (s) => live(s, 'topic').some((t) => t.fields.title === 'Peer coaching'), 'a topic proposed');
  const row = page.getByRole('row').filter({ hasText: 'Peer coaching' });
  await row.waitFor({ state: 'attached' });
  assert.match(await row.textContent(), /0 dots/);

  await activate(page.getByRole('tab', { name: 'Meetings' }));
  await page.getByRole('heading', { name: 'New meeting' }).waitFor({ state: 'attached' });
  await activate(page.getByRole('button', { name: 'Create meeting' }));
  await until(page, (s) => live(s, 'meeting').length >= 1, 'a meeting created');
  await activate(page.getByRole('button', { name: 'Run the meeting' }));
  await activate(page.getByRole('button', { name: 'Start the meeting' }));
  const mirror = page.locator('#a11y');
  await mirror.getByText(/^\d\d:\d\d left$/).waitFor({ state: 'attached' });
  const first = await mirror.getByText(/^\d\d:\d\d left$/).textContent();
  await page.waitForFunction((first) => [...document.querySelectorAll('#a11y div')].some((d) =>
    /^\d\d:\d\d left$/.test(d.textContent) && d.textContent !== first), first, { timeout: 5000 });
  await mirror.getByRole('heading', { name: /^Block 1 of \d+$/ }).waitFor({ state: 'attached' });
  await mirror.getByText(/^\d+ min to the end$/).waitFor({ state: 'attached' });
  await activate(page.getByRole('button', { name: 'Leave the live view' }));
});

test('the mirror is unseen: the page looks the same, to the pixel, with it and without it', async () => {
  // The Meetings tab has headings, text and widgets of every kind the mirror makes.
  await activate(page.getByRole('tab', { name: 'Meetings' }));
  await page.getByRole('heading', { name: 'New meeting' }).waitFor({ state: 'attached' });
  await idle(page);
  await page.waitForTimeout(300);  // the mirror follows a frame within 100 ms
  assert.ok(await page.locator('#a11y [data-id]').count() > 20, 'a mirror full of elements');
  const seen = await page.screenshot();
  await page.evaluate(() => { document.getElementById('a11y').style.display = 'none'; });
  const without = await page.screenshot();
  await page.evaluate(() => { document.getElementById('a11y').style.display = ''; });
  assert.ok(seen.equals(without), 'the mirror changed pixels of the page');
});
