// groups.test.mjs: the Groups panel in Chromium. Nine members in trios for four rounds (a perfect
// schedule: everyone meets everyone once); a member dragged to another group; a locked group kept
// while the rest is regenerated; history counted in the next meeting (where the fewest possible
// repeats are found and said at once); group cards printed; a long
// search cancelled, with progress shown while it runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openPage, find, click, state, until, live, items, ui, dropFiles } from './harness.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  browser = await launch();
  page = await openPage(browser.context, server.url);
  const s = await state(page);
  const stamp = s.records[0].stamps.name;
  const names = ['Zoë', 'Ñúñez', 'Jürgen', 'Żaneta', 'Алёна', 'Παύλος', 'Amara', 'Bo', 'Chen'];
  const records = names.map((name, i) => ({ id: `p${i}`, type: 'member', fields: { deleted: false, name },
    stamps: { deleted: stamp, name: stamp } }));
  await dropFiles(page, [{ name: 'nine.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length === 9);
  await click(page, 'Groups');
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const rounds = (s) => live(s, 'breakout').sort((a, b) => a.fields.round - b.fields.round);
// The "-" or "+" button of the InputInt whose label is `label`.
async function step(label, which, times = 1) {
  const all = await items(page);
  const at = all.findIndex((i) => i.id === label);
  const button = all.slice(at + 1).find((i) => i.label === which);
  for (let k = 0; k < times; k++) await page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
}
function pairs(s) {
  const seen = new Map();
  for (const r of rounds(s))
    for (const g of r.fields.groups)
      for (let a = 0; a < g.length; a++)
        for (let b = a + 1; b < g.length; b++) {
          const k = [g[a], g[b]].sort().join('+');
          seen.set(k, (seen.get(k) || 0) + 1);
        }
  return seen;
}

test('nine members in trios for four rounds: everyone meets everyone once', async () => {
  await step('per group##size', '-');        // 4 -> 3
  await step('rounds##rounds', '+');          // 3 -> 4
  await click(page, 'Generate');
  const s = await until(page, (s) => rounds(s).length === 4, 'four rounds', 10000);
  for (const r of rounds(s)) {
    assert.equal(r.fields.groups.length, 3);
    for (const g of r.fields.groups) assert.equal(g.length, 3);
  }
  const met = pairs(s);
  assert.equal(met.size, 36, 'all 36 pairs met');
  assert.ok([...met.values()].every((n) => n === 1), 'none twice');
  await page.waitForFunction(() => /36 new connections, 0 repeated/.test(cultivateTest.ui().groups.message));
});

test('a member dragged to another group moves there', async () => {
  const s = await state(page);
  const last = rounds(s)[3];
  const who = last.fields.groups[0][0];
  const name = live(s, 'member').find((m) => m.id === who).fields.name;
  const source = await find(page, `${name}##${last.id}-${who}`);
  const target = (await items(page)).find((i) => i.id.includes(`group-1`) && i.id.includes(last.id)) ||
    (await find(page, `Lock##lock-${last.id}-1`));
  await page.mouse.move(source.x + 10, source.y + source.h / 2);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) await page.mouse.move(source.x + 10 + (target.x - source.x) * k / 10, source.y + (target.y + 30 - source.y) * k / 10);
  await page.mouse.up();
  const after = await until(page, (s) => rounds(s)[3].fields.groups[1].includes(who), 'the member in group 2');
  assert.equal(rounds(after)[3].fields.groups[0].length, 2);
  assert.equal(rounds(after)[3].fields.groups[1].length, 4);
  await page.keyboard.press('Control+z');  // and back
  await until(page, (s) => rounds(s)[3].fields.groups[0].includes(who));
});

test('a locked group stays while the rest is regenerated', async () => {
  let s = await state(page);
  const last = rounds(s)[3];  // the newest round is on top
  await click(page, `Lock##lock-${last.id}-0`);
  s = await until(page, (s) => (rounds(s)[3].fields.locked || []).includes(0), 'locked');
  const kept = [...rounds(s)[3].fields.groups[0]].sort();
  const before = JSON.stringify(rounds(s)[3].fields.groups);
  await page.evaluate(() => { window.lastMessage = cultivateTest.ui().groups.message; });
  await click(page, `Regenerate unlocked groups##${last.id}`);
  await page.waitForFunction(() => !cultivateTest.ui().groups.running && cultivateTest.ui().groups.message !== window.lastMessage &&
    /new connections/.test(cultivateTest.ui().groups.message));
  s = await state(page);
  assert.deepEqual([...rounds(s)[3].fields.groups[0]].sort(), kept, 'the locked group is kept');
  assert.equal(rounds(s)[3].fields.groups.flat().length, 9);
  assert.equal(new Set(rounds(s)[3].fields.groups.flat()).size, 9);
  console.log(`regenerated: ${before} -> ${JSON.stringify(rounds(s)[3].fields.groups)}`);
});

test('history counts in the next meeting, and group cards print', async () => {
  await click(page, '##session');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Meeting 2');
  await page.keyboard.press('Enter');
  await step('rounds##rounds', '-', 3);  // 1 round
  await click(page, 'Generate');
  const s = await until(page, (s) => live(s, 'breakout').some((r) => r.fields.session === 'Meeting 2'), 'meeting 2');
  assert.equal(live(s, 'breakout').filter((r) => r.fields.session === 'Meeting 2').length, 1);
  // Everyone had met: 9 repeats cannot be avoided, and the search stops as soon as it has them.
  await page.waitForFunction(() => /^0 new connections, 9 repeated meetings, the fewest possible, the first in round 1 /.test(
    cultivateTest.ui().groups.message));
  const d = page.waitForEvent('download');
  await click(page, /^Print group cards: Meeting 2/);
  const html = fs.readFileSync(await (await d).path(), 'utf8');
  assert.match(html, /<h3>Group 1<\/h3>/);
  assert.match(html, /Алёна|Παύλος|Zoë/);
});

test('a long search shows progress and can be cancelled', async () => {
  // Thirty members in fours for ten rounds: no perfect schedule to stop the search early.
  const s = await state(page);
  const stamp = [1790000000000, 0, 'grouptest'];
  const records = Array.from({ length: 21 }, (_, i) => ({ id: `q${i}`, type: 'member', fields: { deleted: false, name: `Q${i}` },
    stamps: { deleted: stamp, name: stamp } }));
  await dropFiles(page, [{ name: 'more.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length === 30);
  await step('per group##size', '+');
  await step('rounds##rounds', '+', 9);
  const before = live(await state(page), 'breakout').length;
  await click(page, 'Generate');
  await page.waitForFunction(() => cultivateTest.ui().groups.running && cultivateTest.ui().groups.progress > 0);
  await find(page, 'Cancel');
  const f0 = await page.evaluate(() => cultivateTest.frames());
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => cultivateTest.frames())) - f0 >= 5, 'frames keep coming while it works');
  await click(page, 'Cancel');
  await page.waitForFunction(() => !cultivateTest.ui().groups.running);
  assert.equal((await ui(page)).groups.message, 'Cancelled.');
  assert.equal(live(await state(page), 'breakout').length, before);
});

test('cards are as wide as the longest name needs; a name too long even then is said whole when pointed at', async () => {
  let s = await state(page);
  const newest = live(s, 'breakout').find((r) => r.fields.session === 'Meeting 2');
  const g = newest.fields.groups.findIndex((grp) => grp.includes('p0'));
  const member = async (name) => find(page, `${name}##${newest.id}-p0`);
  const lock = () => find(page, `Lock##lock-${newest.id}-${g}`);
  const tooltip = () => page.evaluate(() => [...document.querySelectorAll('#a11y [role="tooltip"]')].map((t) => t.textContent).join('|'));
  // Short names: the narrowest card, and no tooltip over a name.
  let at = await member('Zoë');
  const narrow = (await lock()).x - at.x;
  await page.mouse.move(at.x + 5, at.y + at.h / 2);
  await page.waitForTimeout(300);
  assert.equal(await tooltip(), '');
  // Zoë's whole name, longer than the widest card.
  const long = 'Zoë Αλεξάνδρα Παπαδοπούλου-Κωνσταντινίδου von Hohenzollern-Sigmaringen';
  const p0 = s.records.find((r) => r.id === 'p0');
  const stamp = [p0.stamps.name[0], p0.stamps.name[1] + 1, p0.stamps.name[2]];
  await dropFiles(page, [{ name: 'renamed.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community,
    records: [{ ...p0, fields: { ...p0.fields, name: long }, stamps: { ...p0.stamps, name: stamp } }] }) }]);
  await click(page, 'Merge into this community');
  s = await until(page, (s) => s.records.find((r) => r.id === 'p0').fields.name === long, 'the long name');
  at = await member(long);
  const wide = (await lock()).x - at.x;
  assert.ok(wide - narrow > 150, `cards widened for the long name: ${narrow} -> ${wide}`);
  await page.mouse.move(at.x + 5, at.y + at.h / 2);
  await page.waitForFunction((name) => [...document.querySelectorAll('#a11y [role="tooltip"]')].some((t) => t.textContent === name), long);
  await page.mouse.move(5, 5);
});
