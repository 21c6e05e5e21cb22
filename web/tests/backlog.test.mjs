// backlog.test.mjs: topics members run, in real Chromium. Dots in rounds (a new round starts everyone
// afresh and the earlier one is kept); a member offers to open a topic; a meeting planned from the
// backlog gets its presenter; the topic is done when the meeting ends, and the member's page says
// what they presented and when.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, click, find, state, until, live, ui, items, dropFiles, untilStored, typeInto } from './harness.mjs';

let server, browser, page;
const NAMES = ['Zoë', 'Jürgen', 'Алёна', 'Παύλος'];
before(async () => {
  server = await startServer();
  browser = await launch();
  page = await openPage(browser.context, server.url, { viewport: { width: 1280, height: 1200 } });
  const s = await state(page);
  const stamp = s.records[0].stamps.name;
  const rec = (id, type, fields) => ({ id, type, fields: { deleted: false, ...fields },
    stamps: Object.fromEntries(['deleted', ...Object.keys(fields)].map((k) => [k, stamp])) });
  const records = NAMES.map((name, i) => rec(`p${i}`, 'member', { name }));
  records.push(rec('t1', 'topic', { title: 'Feedback that lands', state: 'backlog', proposed_by: 'p0' }));
  records.push(rec('t2', 'topic', { title: 'Facilitating workshops', state: 'backlog', proposed_by: 'p2' }));
  await dropFiles(page, [{ name: 'circle.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length === 4 && live(s, 'topic').length === 2);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const dots = (s, topic) => live(s, 'vote').filter((v) => v.fields.topic === topic && (v.fields.round || 0) === (s.records
  .find((r) => r.type === 'community').fields.vote_round || 0)).reduce((n, v) => n + v.fields.dots, 0);

test('dots in rounds: a new round starts afresh and the earlier one is kept; a member offers to open a topic', async () => {
  await click(page, 'Topics');
  await click(page, '##voting-as');
  await click(page, 'Zoë##p0');
  for (let i = 0; i < 3; i++) await click(page, '+##vote-t1');
  let s = await until(page, (s) => dots(s, 't1') === 3, 'three dots on t1');

  await click(page, 'Start a new round');
  s = await until(page, (s) => s.records.find((r) => r.type === 'community').fields.vote_round === 1, 'round two');
  assert.equal(dots(s, 't1'), 0, 'the open round starts empty');
  await click(page, '+##vote-t2');
  await click(page, '+##vote-t2');
  s = await until(page, (s) => dots(s, 't2') === 2, 'two dots on t2 in round two');
  assert.ok(live(s, 'vote').some((v) => v.id === 'vote:r1:t2:p0' && v.fields.round === 1));
  assert.ok(live(s, 'vote').some((v) => v.id === 'vote:t1:p0' && v.fields.dots === 3), 'round one is kept');
  await click(page, 'Earlier rounds (1)');

  // Jürgen offers to open the workshops topic.
  await click(page, '##voting-as');
  await click(page, 'Jürgen##p1');
  await click(page, 'I\'ll open it##open-t2');
  await until(page, (s) => s.records.find((r) => r.id === 't2').fields.owner === 'p1', 'Jürgen opens t2');
  await find(page, 'Take the offer back##open-t2');
});

test('a meeting planned from the backlog gets its presenter; the topic is done when it ends; the member page says so', async () => {
  await click(page, 'Meetings');
  await typeInto(page, '##new-date', '2027-01-07');
  await typeInto(page, '##new-time', '18:30');
  await click(page, 'Create meeting');
  let s = await until(page, (s) => live(s, 'meeting').length === 1, 'a meeting');
  const meeting = live(s, 'meeting')[0].id;
  await click(page, '##topics');
  await click(page, /^Facilitating workshops  \(2 dots, Jürgen opens it\)##topic-t2$/);
  s = await until(page, (s) => (s.records.find((r) => r.id === meeting).fields.topics || []).includes('t2'), 't2 planned');
  const input = live(s, 'block').find((b) => b.fields.meeting === meeting && b.fields.kind === 'input');
  assert.equal(input.fields.lead, 'p1', 'the member who offered presents');
  assert.equal(input.fields.title, 'Facilitating workshops');
  assert.equal(s.records.find((r) => r.id === 't2').fields.state, 'chosen');
  await click(page, '##topics');  // closes the list
  await page.waitForFunction(() => !cultivateTest.items().some((i) => i.id.endsWith('##topic-t2')));

  await click(page, 'Run the meeting');
  await click(page, 'Start the meeting');
  const blocks = live(s, 'block').filter((b) => b.fields.meeting === meeting).length;
  for (let i = 1; i < blocks; i++) await click(page, 'Skip to the next block');
  await click(page, 'End the meeting');
  s = await until(page, (s) => s.records.find((r) => r.id === 't2').fields.state === 'done', 'the topic done');
  assert.equal(s.records.find((r) => r.id === meeting).fields.run_block, 'end');
  // Out of the backlog, and back in with one undo (the end of the run and the topic are one step).
  await page.keyboard.press('Control+z');
  await until(page, (s) => s.records.find((r) => r.id === 't2').fields.state === 'chosen', 'undone together');
  await page.keyboard.press('Control+Shift+z');
  await until(page, (s) => s.records.find((r) => r.id === 't2').fields.state === 'done', 'redone');

  // Jürgen's page: what he presented, and when.
  await click(page, 'Leave the live view');
  await click(page, 'Members');
  const details = (await items(page)).filter((i) => i.label === 'Details');
  const row = (await find(page, /##name-p1$/));
  const mine = details.find((d) => Math.abs(d.y - row.y) < row.h);
  await page.mouse.click(mine.x + mine.w / 2, mine.y + mine.h / 2);
  await page.waitForFunction(() => (cultivateTest.ui().member_presented || []).length > 0, null, { timeout: 5000 });
  const presented = (await ui(page)).member_presented;
  assert.deepEqual(presented, [{ date: '2027-01-07', title: 'Regular meeting' }]);
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});
