// threads.test.mjs: threads between meetings in real Chromium, through files alone. A member answers
// an invitation with a thread that mentions Jürgen; the convener merges it and sees it as new;
// Jürgen's reply (written in the convener's copy) marks nobody new twice after a reload; the
// convener's file merges back into her browser and she reads the reply; her own reply, written in her
// copy, merges back to the convener as new.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, click, state, until, live, ui, menu, dropFiles, untilStored, typeInto,
  ready } from './harness.mjs';

let server, browser, page, other, her;
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await openPage(browser.context, server.url, { viewport: { width: 1280, height: 1000 } });
  const s = await state(page);
  const stamp = s.records[0].stamps.name;
  const rec = (id, name) => ({ id, type: 'member', fields: { deleted: false, name }, stamps: { deleted: stamp, name: stamp } });
  await dropFiles(page, [{ name: 'circle.json', text: JSON.stringify({ format: 'cultivate.community', version: 1,
    community: s.community, records: [rec('p0', 'Zoë'), rec('p1', 'Jürgen')] }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length === 2);
});
after(async () => {
  if (other) await other.context.close();
  await browser.context.close();
  await server.close();
});

const threadsOf = async (p) => (await ui(p)).threads;
const saveDownload = async (p, label, name) => {
  const d = p.waitForEvent('download');
  await click(p, label);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-threads-')), name);
  await (await d).saveAs(file);
  return fs.readFileSync(file, 'utf8');
};

let thread;
test('a thread in her answers arrives as new; Jürgen replies; after a reload nothing is new twice', async () => {
  await menu(page, 'Community', 'Copy invitation link');
  await page.waitForFunction(() => cultivateTest.ui().share.copied === 1);
  const invite = await page.evaluate(() => navigator.clipboard.readText());
  await click(page, 'Close');
  other = await launch({ acceptDownloads: true });
  her = await other.context.newPage();
  await her.setViewportSize({ width: 1280, height: 1600 });
  her.problems = [];
  await her.goto(invite);
  await her.waitForFunction(() => window.cultivateTest && cultivateTest.ui().import.invitation, null, { timeout: 30000 });
  await click(her, 'Answer the invitation');
  await her.waitForFunction(() => cultivateTest.ui().me !== '');
  await typeInto(her, '##my-name', 'Алёна');
  await click(her, '##my-thread-kind');
  await click(her, 'question##my-kind');
  await typeInto(her, '##my-thread-title', 'Who has run a retro with 30 people?', 'Tab');
  await typeInto(her, '##my-thread-body', 'Asking @jurgen first.', 'Tab');
  await click(her, 'Post it');
  await until(her, (s) => live(s, 'thread').length === 1, 'her thread');
  const answers = await saveDownload(her, 'Download my answers', 'answers.json');
  assert.ok(JSON.parse(answers).records.some((r) => r.type === 'thread'), 'the thread travels in her answers');

  await dropFiles(page, [{ name: 'answers.json', text: answers }]);
  await click(page, 'Merge into this community');
  let s = await until(page, (s) => live(s, 'thread').length === 1, 'her thread merged');
  thread = live(s, 'thread')[0];
  assert.equal(thread.fields.kind, 'question');
  await click(page, 'Threads');
  await page.waitForFunction(() => cultivateTest.ui().threads.fresh === 1);
  let t = await threadsOf(page);
  assert.deepEqual(t.list[0].mentions, ['p1'], '@jurgen names Jürgen');
  assert.equal(t.list[0].new, 1);

  // Jürgen replies, mentioning her, and marks it answered.
  await click(page, new RegExp(`##thread-${thread.id}$`));
  await click(page, '##thread-as');
  await click(page, 'Jürgen##as-p1');
  await typeInto(page, '##reply', 'I have: @Алёна, pairs first, then fours.');
  s = await until(page, (s) => live(s, 'reply').length === 1, 'the reply');
  assert.equal(live(s, 'reply')[0].fields.author, 'p1');
  await click(page, 'Answered##answered');
  await until(page, (s) => s.records.find((r) => r.id === thread.id).fields.answered === true, 'answered');
  t = await threadsOf(page);
  assert.equal(t.list[0].mentions.length, 2);

  // Away from the tab and back after a reload: what was read here is not new again.
  await click(page, 'Members');
  await untilStored(page);
  await page.reload();
  await ready(page);
  await click(page, 'Threads');
  await page.waitForFunction(() => cultivateTest.ui().threads.open);
  await page.waitForTimeout(200);
  t = await threadsOf(page);
  assert.equal(t.fresh, 0);
  assert.equal(t.list[0].replies.length, 1);
});

test('her browser merges the convener\'s copy and shows the reply in her thread', async () => {
  const d = page.waitForEvent('download');
  await menu(page, 'Share', 'Export file');
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-threads-')), 'circle.json');
  await (await d).saveAs(p);
  await her.bringToFront();
  await click(her, 'Open the whole community');  // from her answers to her copy of the community
  await dropFiles(her, [{ name: 'circle.cultivate.json', text: fs.readFileSync(p, 'utf8') }]);
  await click(her, 'Merge into this community');
  const s = await until(her, (s) => live(s, 'reply').length === 1, 'the reply in her copy');
  const reply = live(s, 'reply')[0];
  assert.equal(reply.fields.thread, thread.id);
  assert.match(reply.fields.body, /pairs first/);
  assert.equal(s.records.find((r) => r.id === thread.id).fields.answered, true);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(her.problems, []);
});

test('her reply, written in her own copy, merges back to the convener as new', async () => {
  await click(page, 'Members');  // the convener leaves Threads: all there is seen, before her reply
  await click(her, 'Threads');
  await click(her, new RegExp(`##thread-${thread.id}$`));
  // In her own copy the page still knows who she is: she replies as herself without picking.
  const me = live(await state(her), 'member').find((m) => m.fields.name === 'Алёна').id;
  await typeInto(her, '##reply', 'Thank you, Jürgen: pairs first it is.');
  let s = await until(her, (s) => live(s, 'reply').length === 2, 'her reply');
  assert.equal(live(s, 'reply').find((r) => r.fields.body.startsWith('Thank you')).fields.author, me);
  const d = her.waitForEvent('download');
  await menu(her, 'Share', 'Export file');
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-threads-')), 'hers.json');
  await (await d).saveAs(p);

  await page.bringToFront();
  await dropFiles(page, [{ name: 'hers.cultivate.json', text: fs.readFileSync(p, 'utf8') }]);
  await page.waitForFunction(() => cultivateTest.ui().importing && cultivateTest.ui().import.files.length === 1);
  await click(page, 'Merge into this community');
  s = await until(page, (s) => live(s, 'reply').length === 2, 'her reply merged');
  await click(page, 'Threads');
  await page.waitForFunction(() => cultivateTest.ui().threads.fresh === 1);
  const t = await threadsOf(page);
  assert.deepEqual(t.list[0].replies.map((r) => r.author), ['p1', me]);
  assert.equal(t.list[0].new, 1);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(her.problems, []);
});
