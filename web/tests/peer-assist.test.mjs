// peer-assist.test.mjs: a peer-assist in real Chromium, on the platform clock moved on (not by waiting).
// A case picked for the block; advice typed during the clarifying questions is parked and comes back
// when the suggestions begin; a reload in the middle of a phase resumes it; the bringer ticks what she
// will try; the case exports with it; the next meeting asks her what happened.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openPage, click, find, state, until, live, ui, items, dropFiles, untilStored, typeInto,
  notEditing } from './harness.mjs';

let server, browser, page;
const NAMES = ['Żaneta', 'Jürgen', 'Алёна', 'Παύλος'];
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  page = await openPage(browser.context, server.url, { viewport: { width: 1280, height: 1500 } });
  const s = await state(page);
  const stamp = s.records[0].stamps.name;
  const records = NAMES.map((name, i) => ({ id: `p${i}`, type: 'member', fields: { deleted: false, name },
    stamps: { deleted: stamp, name: stamp } }));
  const f = { deleted: false, title: 'The silent retro', question: 'How do I get people to speak?', context: 'Six engineers, remote.',
    bringer: 'p0', status: 'open', anonymous: false };
  records.push({ id: 'k1', type: 'case', fields: f, stamps: Object.fromEntries(Object.keys(f).map((k) => [k, stamp])) });
  await dropFiles(page, [{ name: 'circle.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length === 4 && live(s, 'case').length === 1);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const advance = (ms) => page.evaluate((ms) => cultivateTest.advanceClock(ms), ms);
const pa = async () => (await ui(page)).meetings.peer_assist;
const untilPa = (pred, what) => page.waitForFunction((src) => {
  const p = cultivateTest.ui().meetings.peer_assist;
  return p && new Function('p', `return ${src}`)(p);
}, pred, { timeout: 5000 }).catch((e) => { throw new Error(`${what}: ${e.message}`); });
async function note(who, words) {
  await click(page, `${who}##pa-by-${'p' + NAMES.indexOf(who)}`);
  await typeInto(page, '##pa-words', words);
  await notEditing(page);
}

let meeting, block;
test('a peer-assist picks a case; advice during the questions is parked and comes back with the suggestions', async () => {
  await click(page, 'Meetings');
  await click(page, '##template');
  await click(page, 'Peer-assist##tpl');
  await typeInto(page, '##new-date', '2027-01-07');
  await typeInto(page, '##new-time', '18:30');
  await click(page, 'Create meeting');
  let s = await until(page, (s) => live(s, 'meeting').length === 1, 'a meeting');
  meeting = live(s, 'meeting')[0].id;
  block = live(s, 'block').find((b) => b.fields.meeting === meeting && b.fields.kind === 'peer_assist');
  assert.equal(block.fields.minutes, 40);

  // The designer: the case from the library; its bringer leads the block.
  await click(page, `##case-pick-${block.id}`);
  await click(page, 'The silent retro  (open)##pick-k1');
  s = await until(page, (s) => s.records.find((r) => r.id === block.id).fields.case === 'k1', 'the case picked');
  assert.equal(s.records.find((r) => r.id === block.id).fields.lead, 'p0');
  await find(page, `suggestions from minute##suggest-${block.id}`);

  // Run it: past the welcome, into the peer-assist's first phase.
  await click(page, 'Run the meeting');
  await click(page, 'Start the meeting');
  await click(page, 'Skip to the next block');
  await untilPa('p.phase === "The case"', 'the case phase');
  await advance(10 * 60000 + 1000);
  await untilPa('p.phase === "Clarifying questions"', 'the questions phase');

  await note('Jürgen', 'What have you tried so far?');
  await note('Алёна', 'You should ban laptops in the retro.');
  await until(page, (s) => live(s, 'case_note').length === 2, 'two notes');
  s = await state(page);
  const parked = live(s, 'case_note').find((n) => n.fields.text.startsWith('You should'));
  assert.equal(parked.fields.kind, 'suggestion');
  assert.equal(parked.fields.parked, true);
  assert.equal(parked.fields.meeting, meeting);
  assert.equal(live(s, 'case_note').find((n) => n.fields.text.startsWith('What have')).fields.kind, 'question');
  assert.match((await ui(page)).status, /reads as advice: parked/);
  // The case came up here, and is discussed now.
  const k = s.records.find((r) => r.id === 'k1');
  assert.deepEqual(k.fields.meetings, [meeting]);
  assert.equal(k.fields.status, 'discussed');
  let p = await pa();
  assert.equal(p.parked, 1);
  assert.deepEqual(p.questions, ['What have you tried so far?']);
  assert.deepEqual(p.not_spoken, ['p3'], 'Παύλος has not spoken; the bringer is not counted');
  // The parked advice waits, greyed, with a way back for words that were not advice after all.
  await find(page, 'Not advice: keep as a question');

  // A reload in the middle of the phase: the same phase, the same time left, the parking kept.
  const before = await pa();
  await untilStored(page);
  await page.reload();
  await page.waitForFunction(() => window.cultivateTest && cultivateTest.ui().meetings.peer_assist, null, { timeout: 30000 });
  p = await pa();
  assert.equal(p.phase, 'Clarifying questions');
  assert.ok(Math.abs(p.phase_left_ms - before.phase_left_ms) < 5000, `${p.phase_left_ms} vs ${before.phase_left_ms}`);
  assert.equal(p.parked, 1);

  // Half the time gone: the suggestions begin, the parked advice first.
  await advance(10 * 60000);
  await untilPa('p.phase === "Suggestions"', 'the suggestions phase');
  assert.ok(!(await items(page)).some((i) => i.label === 'Not advice: keep as a question'), 'no longer waiting');
  await note('Παύλος', 'Start with two minutes of silent writing');
  await untilPa('p.suggestions.length === 2', 'two suggestions');
  p = await pa();
  assert.deepEqual(p.suggestions.map((x) => [x.text, x.parked]),
    [['You should ban laptops in the retro.', true], ['Start with two minutes of silent writing', false]]);
  assert.deepEqual(p.not_spoken, []);
  await page.screenshot({ path: new URL('../../build/screens/peer-assist.png', import.meta.url).pathname });
});

test('the bringer ticks what she will try; the case exports it; the next meeting asks her what happened', async () => {
  await click(page, 'Start Reflection now');
  await untilPa('p.phase === "Reflection"', 'the reflection');
  await click(page, /^Will try: Start with two minutes of silent writing \(Παύλος\)##will-try$/);
  await untilPa('p.suggestions.some((x) => x.will_try)', 'a suggestion she will try');
  const s = await state(page);
  assert.deepEqual(s.records.find((r) => r.id === block.id).fields.phases.length, 3);

  const d = page.waitForEvent('download');
  await click(page, 'Case (Markdown)');
  const md = fs.readFileSync(await (await d).path(), 'utf8');
  assert.match(md, /## Questions asked\n\n- What have you tried so far\?/);
  assert.match(md, /## What the bringer will try\n\n- Start with two minutes of silent writing/);
  assert.match(md, /brought by Żaneta/);

  // Undo takes the tick back, like any edit.
  await page.keyboard.press('Control+z');
  await untilPa('!p.suggestions.some((x) => x.will_try)', 'the tick undone');
  await page.keyboard.press('Control+Shift+z');
  await untilPa('p.suggestions.some((x) => x.will_try)', 'the tick redone');

  // The next meeting: its welcome asks Żaneta what happened.
  await click(page, 'Leave the live view');
  await click(page, 'Meetings');  // the reload above opened the first tab
  await click(page, '##template');
  await click(page, 'Regular meeting##tpl');
  await typeInto(page, '##new-date', '2027-02-04');
  await typeInto(page, '##new-time', '18:30');
  await click(page, 'Create meeting');
  await page.waitForFunction(() => (cultivateTest.ui().meetings.follow_ups || []).length === 1, null, { timeout: 5000 });
  const line = (await ui(page)).meetings.follow_ups[0];
  assert.equal(line, 'Ask Żaneta what happened with \u201cThe silent retro\u201d');
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});
