// scale.test.mjs: a community of 3,000 members in the real page. It imports and opens; the
// objectives and skills are grouped between frames; long lists draw only what is on screen (the
// widgets reported per frame stay few); a member is found by name in a combo of thousands and votes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageForFile, find, click, state, until, items, ui, dropFiles, typeInto, idle, frames } from './harness.mjs';
import { generate } from '../../bench/scale/generate.mjs';

const MEMBERS = 3000;
let page;
const community = generate(MEMBERS, 7);

pageForFile((p) => { page = p; });

const waitUi = async (pred, what, timeout = 60000) => {
  const end = Date.now() + timeout;
  for (;;) {
    const u = await ui(page);
    if (pred(u)) return u;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(u.views)}`);
    await page.waitForTimeout(50);
  }
};
const count = async (re) => (await items(page)).filter((i) => re.test(i.id)).length;

test('3,000 members import, open and group; lists draw a screenful', async () => {
  await dropFiles(page, [{ name: 'large.cultivate.json', text: JSON.stringify(community) }]);
  await waitUi((u) => u.importing && u.import.files.length === 1, 'the preview');
  const u0 = await ui(page);
  assert.equal(u0.import.files[0].error, '');
  assert.equal(u0.import.files[0].counts.member.added, MEMBERS);
  await click(page, 'Open as a new community', { timeout: 30000 });
  await waitUi((u) => u.ready && !u.importing, 'the community open');
  const s = await state(page);
  assert.equal(s.records.length, community.records.length);

  // Members: thousands of rows, a screenful of fields drawn.
  await click(page, 'Members');
  await idle(page);
  const names = await count(/^##name-/);
  assert.ok(names > 5 && names < 120, `${names} name fields drawn for ${MEMBERS} members`);

  // Objectives: grouped between frames, then a screenful of groups.
  await click(page, 'Objectives');
  const u = await waitUi((x) => x.views.grouped && !x.views.busy, 'the objectives grouped');
  assert.equal(u.views.members, MEMBERS);
  assert.ok(u.views.objective_groups > 10, `${u.views.objective_groups} groups`);
  assert.ok(u.views.objective_groups < 2 * MEMBERS / 3, 'objectives that mean the same are grouped');
  await idle(page);
  // A group held by hundreds lists a few of its wordings, and counts the rest.
  const rows = await count(/^Make a topic##/);
  const wordings = await count(/^Not the same/);
  assert.ok(rows >= 1 && rows < 80, `${rows} group rows drawn of ${u.views.objective_groups}`);
  assert.ok(wordings <= 8 * rows, `${wordings} wordings drawn in ${rows} rows`);

  // Skills: each held by hundreds. How many comes first; the names that fit the width follow, cut
  // between names; a screen reader is told the twelve first names and how many others.
  await click(page, 'Skills');
  await idle(page);
  const lines = (await ui(page)).skill_lines;
  assert.ok(lines.length > 5, `${lines.length} skills`);
  for (const line of lines) {
    assert.match(line, /^\d+ members: [^,]+(, [^,]+)*, \.\.\.$/, line);
    assert.ok(line.split(', ').length < 13, `at most the twelve first names: ${line}`);
  }
  const told = await page.evaluate(() => [...document.querySelectorAll('#a11y *')].map((e) => e.textContent)
    .filter((t) => / members: .* and \d+ others$/.test(t)));
  assert.ok(told.length >= Math.min(lines.length, 8), `${told.length} skills told whole: ${told[0]}`);

  // Meetings: who attends, a checkbox per member, a screenful of them drawn.
  await click(page, 'Meetings');
  await click(page, /^Who attends: /);
  await idle(page);
  const boxes = await count(/##attends-/);
  assert.ok(boxes > 5 && boxes < 300, `${boxes} attendance boxes drawn for ${MEMBERS} members`);

  // Groups: 150 rounds, newest first; only those in view are drawn, found from the scroll (not by
  // visiting every round each frame), at the top and at the very end.
  await click(page, 'Groups');
  await idle(page);
  let g = (await ui(page)).groups;
  assert.equal(g.rounds, 150);
  assert.equal(g.in_view[0], 0);
  assert.ok(g.in_view[1] >= 1 && g.in_view[1] <= 8, `rounds ${g.in_view} drawn at the top`);
  const title = (await items(page)).find((it) => it.id.startsWith('Regenerate unlocked groups##'));
  await page.mouse.move(title.x + title.w / 2, title.y + 60);
  await page.mouse.wheel(0, 400000);
  await idle(page);
  g = (await ui(page)).groups;
  assert.equal(g.in_view[1], 150);
  assert.ok(g.in_view[0] >= 142 && g.in_view[0] < 150, `rounds ${g.in_view} drawn at the end`);
  const last = (await items(page)).filter((it) => it.id.startsWith('Regenerate unlocked groups##')).at(-1);
  assert.ok(last.y > 100 && last.y < 800, `the oldest round's title at y ${last.y}`);

  // Connections: the network is read, the introductions found and the map's layout computed a slice
  // a frame (each seen in progress), not in long frames.
  const f0 = await frames(page);
  await click(page, 'Connections');
  let placing = false, reading = false, finding = false;
  const done = await waitUi((x) => {
    placing ||= x.network.placing === true;
    reading ||= x.network.reading === true;
    finding ||= x.network.finding === true;
    return x.network.members === MEMBERS && !x.network.placing && x.network.introductions_for !== '' && !x.network.finding;
  }, 'the map placed');
  assert.ok(placing, 'the layout was seen in progress');
  assert.ok(reading, 'the network was seen being read');
  assert.ok(finding, 'the introductions were seen being found');
  const drawn = (await frames(page)) - f0;
  assert.ok(drawn >= 10, `${drawn} frames while the map was placed`);
  assert.equal(done.network.layout.length, 200);  // the first 200 places are reported
  assert.ok(done.network.layout.every(([x, y]) => x >= 0 && x <= 1 && y >= 0 && y <= 1));
  // A frame draws at most 1,000 members, those without a tie first (the map is for finding them),
  // and every member in view once zoomed in far enough. A window's vertices must all be reachable by
  // its indices (16-bit ones reach 65,536, and the map at 10,000 members passed that).
  await idle(page);
  assert.equal((await ui(page)).network.drawn, 1000);
  const drawing = await page.evaluate(() => cultivateTest.drawing());
  assert.ok(drawing.vertices >= 4 * 1000 && drawing.vertices < 60000, `${drawing.vertices} vertices`);
  assert.equal(drawing.indexBits, 32);
  const map = (await items(page)).find((it) => it.id.endsWith('##network-map'));
  for (let i = 0; i < 14; i++) {  // zoomed in 1.15^14 = 7 times: a seventh of the map in view
    await page.mouse.move(map.x + map.w / 2, map.y + map.h / 2);
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(30);
  }
  await idle(page);
  const zoomed = (await ui(page)).network;
  assert.ok(zoomed.drawn > 0 && zoomed.drawn < 1000, `${zoomed.drawn} members drawn zoomed in`);
  // Every member in view is drawn, found through the grid of places: a frame reads a part of them.
  assert.equal(zoomed.drawn, zoomed.in_view);
  assert.ok(zoomed.read < MEMBERS / 2, `${zoomed.read} members read to find the ${zoomed.drawn} in view`);
});

test('a member found by name among thousands, in the voting combo, votes', async () => {
  const member = community.records.filter((r) => r.type === 'member')[2345];
  await click(page, 'Topics');
  await typeInto(page, '##new-topic', 'Learning at scale');
  const topic = (await until(page, (s) => s.records.some((r) => r.type === 'topic' && r.fields.title === 'Learning at scale'),
    'the topic')).records.find((r) => r.type === 'topic' && r.fields.title === 'Learning at scale');
  await click(page, '##voting-as');
  await find(page, '##find-member');
  await page.keyboard.type(member.fields.name);
  await click(page, `${member.fields.name}##${member.id}`);
  await click(page, `+##vote-${topic.id}`);
  await until(page, (s) => s.records.some((r) => r.type === 'vote' && r.fields.member === member.id &&
    r.fields.topic === topic.id && r.fields.dots === 1), 'the vote of the member found');
});
