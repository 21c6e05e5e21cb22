// projects.test.mjs: projects and objectives revisited in real Chromium, through files alone. A
// project is started, joined with what a member brings, tied to a thread, and left; a member rates
// her objective in her answers, the convener merges them, rates one for another member, downloads the
// summary, and starts the next cycle (what was achieved is set aside; undo brings the cycle back).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, click, state, until, live, ui, menu, dropFiles, untilStored, typeInto } from './harness.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await openPage(browser.context, server.url, { viewport: { width: 1280, height: 1100 } });
  const s = await state(page);
  const stamp = s.records[0].stamps.name;
  const rec = (id, type, fields) => ({ id, type, fields: { deleted: false, ...fields },
    stamps: Object.fromEntries(['deleted', ...Object.keys(fields)].map((k) => [k, stamp])) });
  const records = [
    rec('p0', 'member', { name: 'Zoë' }), rec('p1', 'member', { name: 'Jürgen' }), rec('p2', 'member', { name: 'Παύλος' }),
    rec('o1', 'objective', { member: 'p0', text: 'Facilitate online workshops' }),
    rec('o2', 'objective', { member: 'p1', text: 'Storytelling for presentations' }),
  ];
  await dropFiles(page, [{ name: 'circle.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length === 3);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const projects = async () => (await ui(page)).projects;

test('a project is started, joined with what each brings, tied to a thread, and left', async () => {
  await click(page, 'Projects');
  await typeInto(page, '##project-title', 'Glossary in four languages', 'Tab');
  await typeInto(page, '##project-goal', 'One page of facilitation words', 'Tab');
  await typeInto(page, '##project-needs', 'Translators', 'Tab');
  await click(page, /###project-start$/);
  let s = await until(page, (s) => live(s, 'project').length === 1, 'the project');
  const project = live(s, 'project')[0];
  assert.equal(project.fields.owner, 'p1', 'started as the first member in reading order, Jürgen');
  await click(page, '##project-as');
  await click(page, 'Παύλος##as-p2');
  await typeInto(page, '##project-offer', 'Greek');
  await until(page, (s) => live(s, 'joining').length === 1, 'Παύλος joins');
  await page.waitForFunction(() => cultivateTest.ui().projects.list[0]?.members.length === 2);
  let p = (await projects()).list[0];
  assert.deepEqual(p.members, [{ member: 'p1', offer: '' }, { member: 'p2', offer: 'Greek' }]);

  // A thread tagged with the project is its conversation.
  await click(page, 'Threads');
  await click(page, '##thread-tags');
  await click(page, `project: Glossary in four languages##tag-${project.id}`);
  await click(page, '##thread-tags');  // closes the list
  await typeInto(page, '##thread-title', 'Who knows a Greek word for debrief?', 'Tab');
  await click(page, 'Start the thread');
  s = await until(page, (s) => live(s, 'thread').length === 1, 'the thread');
  assert.deepEqual(live(s, 'thread')[0].fields.tags, [project.id]);
  await click(page, 'Projects');
  await page.waitForFunction(() => cultivateTest.ui().projects.list[0]?.threads.length === 1);
  await click(page, new RegExp(`###project-${project.id}$`));
  await click(page, 'Leave##project-leave');
  await until(page, (s) => live(s, 'joining').length === 0, 'Παύλος leaves');
  // The stored records change at once, the tab's list with the next frame drawn.
  await page.waitForFunction(() => cultivateTest.ui().projects.list[0]?.members.length === 1);
  p = (await projects()).list[0];
  assert.deepEqual(p.members.map((m) => m.member), ['p1']);
  assert.deepEqual(page.problems, []);
});

test('objectives revisited: rated in her answers and by the convener, summarised, and the next cycle starts from it', async () => {
  await menu(page, 'Community', 'Copy invitation link');
  await page.waitForFunction(() => cultivateTest.ui().share.copied === 1);
  const invite = await page.evaluate(() => navigator.clipboard.readText());
  await click(page, 'Close');
  const other = await launch({ acceptDownloads: true });
  const her = await other.context.newPage();
  await her.setViewportSize({ width: 1280, height: 1400 });
  her.problems = [];
  await her.goto(invite);
  await her.waitForFunction(() => window.cultivateTest && cultivateTest.ui().import.invitation, null, { timeout: 30000 });
  await click(her, 'Answer the invitation');
  await her.waitForFunction(() => cultivateTest.ui().me !== '');
  await typeInto(her, '##my-name', 'Алёна');
  await typeInto(her, '##add-objective', 'Run better retrospectives');
  await until(her, (s) => live(s, 'objective').length === 1, 'her objective');
  await click(her, /###progress$/);
  await click(her, '##my-rating');
  await click(her, 'achieved##rating-4');
  await until(her, (s) => live(s, 'progress').length === 1, 'her rating');
  await typeInto(her, '##my-helped', 'The peer-assist with Jürgen', 'Tab');
  await until(her, (s) => live(s, 'progress')[0].fields.helped === 'The peer-assist with Jürgen', 'what helped');
  const download = her.waitForEvent('download');
  await click(her, 'Download my answers');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-projects-')), 'answers.json');
  await (await download).saveAs(file);
  assert.deepEqual(her.problems, []);
  await other.context.close();

  await dropFiles(page, [{ name: 'answers.json', text: fs.readFileSync(file, 'utf8') }]);
  await page.waitForFunction(() => cultivateTest.ui().importing && cultivateTest.ui().import.files.length === 1);
  await click(page, 'Merge into this community');
  let s = await until(page, (s) => live(s, 'progress').length === 1, 'her rating merged');
  const mine = live(s, 'progress')[0];
  assert.equal(mine.fields.rating, 4);

  await click(page, 'Objectives');
  await click(page, /###revisit$/);
  await page.waitForFunction(() => cultivateTest.ui().projects.revisit.rated === 1);
  let r = (await projects()).revisit;
  assert.equal(r.objectives, 3);
  assert.deepEqual(r.not_rated, ['p1', 'p0'], 'Jürgen and Zoë have not rated theirs (reading order)');
  // The convener rates Zoë's for her.
  await click(page, '##rate-o1');
  await click(page, 'halfway##rating-2');
  await page.waitForFunction(() => cultivateTest.ui().projects.revisit.rated === 2);

  const d = page.waitForEvent('download');
  await click(page, 'Summary (Markdown)##revisit-export');
  const md = fs.readFileSync(await (await d).path(), 'utf8');
  assert.match(md, /2 of 3 objectives rated: 1 achieved, 1 halfway\./);
  assert.match(md, /\| Алёна \| Run better retrospectives \| achieved \| The peer-assist with Jürgen \|/);

  // The next cycle: her achieved objective is set aside, the other two carry on.
  await click(page, /^Start Cycle 2###next-cycle$/);
  s = await until(page, (s) => s.records.find((x) => x.type === 'community').fields.cycle === 1, 'cycle 2');
  await page.waitForFunction(() => cultivateTest.ui().projects.revisit.cycle === 1);
  r = (await projects()).revisit;
  assert.equal(r.objectives, 2);
  assert.equal(r.rated, 0);
  assert.ok(!r.rows.some((x) => x.objective === mine.fields.objective));
  // Undone, the first cycle is back as it was.
  await page.keyboard.press('Control+z');
  await until(page, (s) => !s.records.find((x) => x.type === 'community').fields.cycle, 'undone');
  await page.waitForFunction(() => cultivateTest.ui().projects.revisit.rated === 2);
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});
