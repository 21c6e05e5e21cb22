// keyboard.test.mjs: a member who uses no mouse. Dear ImGui's keyboard navigation is on: Tab and
// Shift+Tab move a visible focus from widget to widget, Space and Enter act, a text field reached with
// Tab takes typing. A whole journey with keys alone: add a member, propose a topic and vote for it (its
// buttons are in a scrolling table, which Tab crosses like any panel), create a meeting, run it from
// the live view: start it and step through its blocks to the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageForFile, items, drawn, until, live, editing, notEditing, dropFiles, click } from './harness.mjs';
import { generate } from '../../bench/scale/generate.mjs';

let page;
pageForFile((p) => { page = p; });

const matches = (label, it) => (label instanceof RegExp ? label.test(it.id) : typeof label === 'function' ? label(it.id)
  : it.label === label || it.id === label);
const focused = async () => {
  await drawn(page);
  return (await items(page)).find((i) => i.focused);
};
// Presses Tab until the keyboard's focus is on the widget, and returns it. Each press is a frame.
// Tab must reach it before it comes round to a widget it has already been on: no region traps it.
async function tabTo(label, max = 200) {
  const seen = [], keys = [];
  for (let k = 0; k < max; k++) {
    const f = await focused();
    if (f && matches(label, f)) return f;
    if (f && keys.includes(f.key)) throw new Error(`Tab came round to ${f.id} without reaching ${label}: ${seen.join(' | ')}`);
    seen.push(f ? f.id : '(none)');
    if (f) keys.push(f.key);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${label}; it went through: ${seen.slice(-40).join(' | ')}`);
}

test('with the keyboard alone: add a member, propose a topic and vote, create a meeting and run it', async () => {
  // (tabTo reads the visible focus: the widget Dear ImGui draws the focus frame around.)
  // A member: Add member, then the new name field has the keyboard.
  const here = await tabTo('Add member');
  // Escape on a panel's button leaves the focus where it is (Dear ImGui would put it on the panel).
  await page.keyboard.press('Escape');
  assert.equal((await focused())?.id, here.id, 'Escape kept the focus on Add member');
  // Shift+Tab goes back the other way: to the widget before, and Tab to this one again.
  await page.keyboard.press('Shift+Tab');
  const back = await focused();
  assert.ok(back && back.id !== here.id, `Shift+Tab left ${here.id}`);
  await page.keyboard.press('Tab');
  assert.equal((await focused()).id, here.id);
  await page.keyboard.press('Enter');
  await editing(page);
  await page.keyboard.type('Ñúñez Zoë');
  await page.keyboard.press('Enter');
  await notEditing(page);
  await until(page, (s) => live(s, 'member').some((m) => m.fields.name === 'Ñúñez Zoë'), 'the member added with keys');

  // Topics: the tab chosen with Space, a topic proposed in its field.
  await tabTo('Topics');
  await page.keyboard.press('Space');
  await tabTo('##new-topic');
  await editing(page);  // a field reached with Tab takes typing
  await page.keyboard.type('Retrospectives that change something');
  await page.keyboard.press('Enter');
  const s = await until(page, (s) => live(s, 'topic').length === 1, 'the topic proposed');
  assert.equal(live(s, 'topic')[0].fields.title, 'Retrospectives that change something');
  await notEditing(page);

  // A vote: the member added votes (the first member votes unless another is chosen). The + button is
  // a row of the scrolling topics table; Tab goes into the table and on out of it.
  const topic = live(s, 'topic')[0].id;
  await tabTo(`+##vote-${topic}`);
  await page.keyboard.press('Space');
  const v = await until(page, (s) => live(s, 'vote').some((r) => r.fields.topic === topic && r.fields.dots === 1),
    'a dot given with keys');
  assert.equal(live(v, 'vote').length, 1);
  await page.keyboard.press('Escape');  // in a scrolling table too
  assert.equal((await focused())?.id, `+##vote-${topic}`, 'Escape kept the focus on the vote');
  // (Tab then goes on to the Meetings tab: tabTo fails if the table kept it going round.)

  // A meeting: the date and time typed into their fields (Tab goes from one to the next), then Create.
  await tabTo('Meetings');
  await page.keyboard.press('Space');
  // The template from its combo: Enter opens it on its first item, Down moves, Enter picks.
  await tabTo('##template');
  await page.keyboard.press('Enter');
  await tabTo('Regular meeting##tpl', 1);
  await page.keyboard.press('ArrowDown');
  await tabTo('Peer-assist##tpl', 1);
  await page.keyboard.press('Enter');
  await tabTo('##new-date');
  await editing(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2026-12-10');
  await page.keyboard.press('Tab');
  await tabTo('##new-time');
  await editing(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('18:30');
  await page.keyboard.press('Tab');
  await tabTo('Create meeting');
  await page.keyboard.press('Enter');
  const m = await until(page, (s) => live(s, 'meeting').some((r) => r.fields.date === '2026-12-10' && r.fields.time === '18:30' &&
    r.fields.title === 'Peer-assist'),
    'the meeting created with keys');
  assert.equal(live(m, 'meeting').length, 1);

  // Its live view: opened, started, stepped block by block to the end, all with Enter.
  await tabTo('Run the meeting');
  await page.keyboard.press('Enter');
  await tabTo('Start the meeting');
  await page.keyboard.press('Enter');
  const started = await until(page, (s) => live(s, 'meeting')[0].fields.run_block, 'the meeting started with keys');
  const first = live(started, 'meeting')[0].fields.run_block;
  const stepped = [first];
  for (let k = 0; k < 30; k++) {
    const f = await tabTo(/^(Skip to the next block|Next block|End the meeting)$/);
    await page.keyboard.press('Enter');
    const s = await until(page, (s) => live(s, 'meeting')[0].fields.run_block !== stepped.at(-1), `block ${k + 2} reached with keys`);
    stepped.push(live(s, 'meeting')[0].fields.run_block);
    if (f.id === 'End the meeting') break;
  }
  assert.equal(stepped.at(-1), 'end', `the meeting ended: ${stepped.join(', ')}`);
  assert.ok(stepped.length >= 3, `stepped through its blocks: ${stepped.join(', ')}`);
  await tabTo('Back to the last block');

  assert.deepEqual(page.problems, []);
});

test('Tab goes down a long list row by row, past the rows first drawn, and the list scrolls to follow', async () => {
  // (Set up with the mouse: 80 members from a file, opened as a new community.)
  await dropFiles(page, [{ name: 'eighty.cultivate.json', text: JSON.stringify(generate(80, 3)) }]);
  await click(page, 'Open as a new community', { timeout: 30000 });
  await until(page, (s) => live(s, 'member').length === 80, 'the community open', 30000);
  await click(page, 'Members');
  await drawn(page);
  const names = (await items(page)).filter((i) => /^##name-/.test(i.id));
  const first = new Set(names.map((i) => i.id));
  assert.ok(first.size > 3 && first.size < 60, `a screenful of rows drawn (${first.size})`);
  // From the last row drawn (focused through the mirror, as a screen reader would), Tab goes on to
  // rows that were not drawn: the list brings each into view as the focus reaches it.
  await page.locator(`#a11y [data-id="${names.at(-1).key}"]`).focus();
  await tabTo(names.at(-1).id, 1);
  const f = await tabTo((id) => /^##name-/.test(id) && !first.has(id), 20);
  assert.ok(!f.cut, `the focused row is wholly in view (${JSON.stringify(f)})`);
  assert.deepEqual(page.problems, []);
});
