// keyboard.test.mjs: a member who uses no mouse. Dear ImGui's keyboard navigation is on: Tab and
// Shift+Tab move a visible focus from widget to widget, Space and Enter act, Enter opens a combo and
// picks in it, a text field reached with Tab takes typing. A whole journey with keys alone: add a
// member, propose a topic, create a meeting. (Not yet: a vote, whose buttons sit in a scrolling table,
// a region of its own that Tab does not enter; and the live view, whose buttons Tab does not reach
// after the meeting is created: the focus is lost with the panel that changed.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageForFile, items, drawn, until, live, editing, notEditing } from './harness.mjs';

let page;
pageForFile((p) => { page = p; });

const matches = (label, it) => (label instanceof RegExp ? label.test(it.id) : it.label === label || it.id === label);
const focused = async () => {
  await drawn(page);
  return (await items(page)).find((i) => i.focused);
};
// Presses Tab until the keyboard's focus is on the widget, and returns it. Each press is a frame.
// Tab goes round the widgets of the region it is in (a scrolling table is one); Escape leaves the
// region for the one around it, as in every Dear ImGui program: done when Tab came round.
async function tabTo(label, max = 150) {
  const seen = [];
  let round = [];
  for (let k = 0; k < max; k++) {
    const f = await focused();
    if (f && matches(label, f)) return f;
    const id = f ? f.id : '(none)';
    seen.push(id);
    if (f && round.includes(id)) {  // round once: a field Tab made active lets go first, then the region
      await page.keyboard.press('Escape');
      await drawn(page);
      await page.keyboard.press('Escape');
      round = [];
      seen.push('Escape');
      continue;
    }
    if (f) round.push(id);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${label}; it went through: ${seen.slice(-40).join(' | ')}`);
}

test('with the keyboard alone: add a member, propose a topic, create a meeting', async () => {
  // (tabTo reads the visible focus: the widget Dear ImGui draws the focus frame around.)
  // A member: Add member, then the new name field has the keyboard.
  const here = await tabTo('Add member');
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

  // A meeting: the date and time typed into their fields (Tab goes from one to the next), then Create.
  await tabTo('Meetings');
  await page.keyboard.press('Space');
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
  const m = await until(page, (s) => live(s, 'meeting').some((r) => r.fields.date === '2026-12-10' && r.fields.time === '18:30'),
    'the meeting created with keys');
  assert.equal(live(m, 'meeting').length, 1);

  assert.deepEqual(page.problems, []);
});
