// connections.test.mjs: the map of connections in real Chromium. Density starts at nothing, rises
// after a meeting whose pairs were made, and is plotted per date; a kind unticked takes its ties away;
// GraphML (read back by Python's xml.etree) and the CSV edge list download with the same ties; the
// map's places come from the core's layout; a suggested introduction is made, its message lands on
// the clipboard, it counts as a tie, and the next pairs seat the two together.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { startServer, launch, openPage, click, state, until, live, ui, dropFiles, untilStored, typeInto, items, idle,
  find, repo } from './harness.mjs';
import { decodePng } from './png.mjs';

let server, browser, page;
const NAMES = ['Zoë', 'Ñúñez', 'Jürgen', 'Żaneta', 'Алёна', 'Παύλος'];
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await openPage(browser.context, server.url, { viewport: { width: 1280, height: 1300 } });
  const s = await state(page);
  const stamp = s.records[0].stamps.name;
  const records = NAMES.map((name, i) => ({ id: `p${i}`, type: 'member', fields: { deleted: false, name },
    stamps: { deleted: stamp, name: stamp } }));
  await dropFiles(page, [{ name: 'six.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length === 6);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const net = async () => (await ui(page)).network;

test('density rises after a meeting with pairs, plotted by its date; a kind unticked takes its ties away', async () => {
  await click(page, 'Connections');
  await page.waitForFunction(() => cultivateTest.ui().network.members === 6);
  assert.equal((await net()).density, 0);

  // A meeting on 2027-01-07 whose pairs are made.
  await click(page, 'Meetings');
  await typeInto(page, '##new-date', '2027-01-07');
  await click(page, 'Create meeting');
  const s = await until(page, (s) => live(s, 'meeting').length === 1, 'a meeting');
  const meeting = live(s, 'meeting')[0].id;
  const pairs = live(s, 'block').find((b) => b.fields.meeting === meeting && b.fields.kind === 'pairs');
  await click(page, `Make groups##${pairs.id}`);
  await until(page, (s) => live(s, 'breakout').some((r) => r.fields.session === pairs.id), 'the pairs', 10000);

  await click(page, 'Connections');
  await page.waitForFunction(() => cultivateTest.ui().network.ties === 3 && !cultivateTest.ui().network.placing);
  let n = await net();
  assert.equal(n.density, 3 / 15, 'three pairs of fifteen possible');
  assert.deepEqual(n.timeline.map((p) => [p.date, p.ties]), [['2027-01-07', 3]]);
  // Every member has a place on the map, inside it, and no two share one.
  assert.equal(n.layout.length, 6);
  assert.ok(n.layout.every(([x, y]) => x >= 0 && x <= 1 && y >= 0 && y <= 1), JSON.stringify(n.layout));
  assert.equal(new Set(n.layout.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`)).size, 6);
  // The finished layout, fitted to the map (its wider side spans it), not the grid it starts from.
  const span = (k) => Math.max(...n.layout.map((p) => p[k])) - Math.min(...n.layout.map((p) => p[k]));
  assert.ok(Math.max(span(0), span(1)) > 0.999, JSON.stringify(n.layout));
  await page.screenshot({ path: new URL('../../build/screens/connections.png', import.meta.url).pathname });

  await click(page, 'breakout##tie-kind');
  await page.waitForFunction(() => cultivateTest.ui().network.ties === 0);
  await click(page, 'breakout##tie-kind');
  await page.waitForFunction(() => cultivateTest.ui().network.ties === 3);
  // A date range after the meeting: nothing yet.
  await typeInto(page, '##network-from', '2027-02-01', 'Tab');
  await page.waitForFunction(() => cultivateTest.ui().network.ties === 0);
  await typeInto(page, '##network-from', '', 'Backspace');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => cultivateTest.ui().network.ties === 3);
});

test('GraphML and the CSV edge list download with the same ties', async () => {
  let d = page.waitForEvent('download');
  await click(page, 'GraphML');
  const graphml = await (await d).path();
  const py = spawnSync(path(), ['-c', `
import sys, xml.etree.ElementTree as ET
g = '{http://graphml.graphdrawing.org/xmlns}'
root = ET.parse(sys.argv[1]).getroot()
names = sorted(n.find(g + 'data').text for n in root.iter(g + 'node'))
print(len(names), len(list(root.iter(g + 'edge'))), ' '.join(names))`, graphml], { encoding: 'utf8' });
  assert.equal(py.status, 0, py.stderr);
  assert.equal(py.stdout.trim(), `6 3 ${[...NAMES].sort().join(' ')}`);
  d = page.waitForEvent('download');
  await click(page, 'Edge list (CSV)');
  const csv = fs.readFileSync(await (await d).path(), 'utf8').trim().split('\r\n');
  assert.equal(csv[0], 'Source,Target,Source name,Target name,Weight,Kinds,First');
  assert.equal(csv.length, 4);
  assert.ok(csv.slice(1).every((l) => l.endsWith(',1,breakout,2027-01-07')));
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});

test('a suggested introduction: made with its reason, its message copied, a tie, and the next pairs seat them together', async () => {
  // Two who did not meet in the pairs: one offers what the other wants to learn.
  let s = await state(page);
  const met = new Set(live(s, 'breakout').flatMap((r) => r.fields.groups.map((g) => [...g].sort().join('-'))));
  let helper, learner;
  for (let i = 0; i < 6 && !helper; ++i)
    for (let j = 0; j < 6 && !helper; ++j)
      if (i !== j && !met.has([`p${i}`, `p${j}`].sort().join('-'))) [helper, learner] = [`p${i}`, `p${j}`];
  const stamp = s.records.find((r) => r.type === 'community').stamps.name;  // records come in id order: not always it
  const rec = (id, type, fields) => ({ id, type, fields: { deleted: false, ...fields },
    stamps: Object.fromEntries(['deleted', ...Object.keys(fields)].map((k) => [k, stamp])) });
  await dropFiles(page, [{ name: 'wants.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community,
    records: [rec('s1', 'skill', { member: helper, text: 'Facilitating retrospectives' }),
      rec('o1', 'objective', { member: learner, text: 'Run better retrospectives' })] }) }]);
  await page.waitForFunction(() => cultivateTest.ui().importing && cultivateTest.ui().import.files.length === 1);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'objective').length === 1);
  await click(page, 'Connections');
  await page.waitForFunction(() => cultivateTest.ui().network.introductions.length === 1);
  let n = await net();
  assert.deepEqual([n.introductions[0].helper, n.introductions[0].learner], [helper, learner]);
  assert.match(n.introductions[0].reason, /skill: “Facilitating retrospectives” · .* wants to learn “Run better retrospectives”/);

  await click(page, `Introduce##intro-${helper}-${learner}`);
  s = await until(page, (s) => live(s, 'introduction').length === 1, 'the introduction');
  const intro = live(s, 'introduction')[0];
  assert.deepEqual([intro.fields.a, intro.fields.b], [helper, learner].sort());
  // The network is read first, the introductions after it (the old ones show, disabled, meanwhile).
  await page.waitForFunction((was) => { const x = cultivateTest.ui().network;
    return x.ties === was.ties + 1 && !x.finding && x.introductions_for !== was.introductions_for; }, n);
  n = await net();
  assert.equal(n.introductions.length, 0, 'introduced: no longer suggested');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  const name = (id) => NAMES[Number(id.slice(1))];
  assert.ok(clip.startsWith(`Hello ${name(helper)} and ${name(learner)},`), clip);
  assert.match(clip, /Run better retrospectives/);
  assert.equal(clip, n.message);

  // A second meeting's pairs: the two introduced meet, and nobody meets twice.
  await click(page, 'Meetings');
  await typeInto(page, '##new-date', '2027-01-14');
  await click(page, 'Create meeting');
  s = await until(page, (s) => live(s, 'meeting').length === 2, 'a second meeting');
  const second = live(s, 'meeting').find((m) => m.fields.date === '2027-01-14').id;
  const pairs = live(s, 'block').find((b) => b.fields.meeting === second && b.fields.kind === 'pairs');
  await click(page, `Make groups##${pairs.id}`);
  s = await until(page, (s) => live(s, 'breakout').some((r) => r.fields.session === pairs.id), 'the second pairs', 10000);
  const groups = live(s, 'breakout').find((r) => r.fields.session === pairs.id).fields.groups;
  assert.ok(groups.some((g) => g.includes(helper) && g.includes(learner)), JSON.stringify(groups));
  assert.ok(groups.every((g) => !met.has([...g].sort().join('-'))), 'no pair meets twice');
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});

test('the map is kept between frames: scrolled with the tab, every pixel of it moves with it', async () => {
  // A window shorter than the tab: the map (260 pixels at least) goes below it, and the tab scrolls.
  await page.setViewportSize({ width: 1280, height: 560 });
  await click(page, 'Connections');
  await page.waitForFunction(() => !cultivateTest.ui().network.placing && !cultivateTest.ui().network.finding);
  // The mouse right of the filters, over nothing (no tooltip): the wheel there scrolls the tab.
  const csv = await find(page, 'Edge list (CSV)');
  await page.mouse.move(csv.x + csv.w + 60, csv.y + csv.h / 2);
  await idle(page);
  const mapAt = async () => (await items(page)).find((it) => it.id.endsWith('##network-map'));
  const before = await mapAt();
  const a = decodePng(await page.screenshot());
  await page.mouse.wheel(0, 100);
  await idle(page);
  const after = await mapAt();
  const b = decodePng(await page.screenshot());
  const dy = before.y - after.y;
  assert.ok(dy > 20 && Number.isInteger(dy), `the tab scrolled by whole pixels (${before.y} to ${after.y})`);
  assert.equal((await net()).reused, true, 'the frames after the scroll showed the picture as it was');
  // The rows of the map seen in both (below the tab bar, above the status line), pixel for pixel.
  const top = 110, bottom = 560 - 40;
  // Ink: unlike the map's ground (the layout's places vary with the machine's speed, so which dots
  // fall in the rows compared does too: faint ties count).
  const ground = (Math.max(top, Math.ceil(before.y)) * a.width + Math.ceil(before.x) + 1) * a.channels;
  let compared = 0, inked = 0, differ = 0;
  for (let r = 0; r < before.h; r++) {
    const ya = Math.round(before.y) + r, yb = ya - dy;
    if (ya < top || ya >= bottom || yb < top || yb >= bottom) continue;
    for (let x = Math.round(before.x); x < before.x + before.w; x++) {
      const i = (ya * a.width + x) * a.channels, j = (yb * b.width + x) * b.channels;
      compared++;
      if ([0, 1, 2].some((c) => Math.abs(a.pixels[i + c] - a.pixels[ground + c]) > 40)) inked++;
      if (a.pixels[i] !== b.pixels[j] || a.pixels[i + 1] !== b.pixels[j + 1] || a.pixels[i + 2] !== b.pixels[j + 2]) differ++;
    }
  }
  assert.ok(compared > 50000 && inked > 50, `${compared} pixels compared, ${inked} of them ink`);
  assert.equal(differ, 0, `${differ} of ${compared} pixels of the map differ after scrolling`);
  await page.mouse.wheel(0, -100);
  await page.setViewportSize({ width: 1280, height: 1300 });
  assert.deepEqual(page.problems, []);
});

test('the map shown as a picture looks as the map drawn into the frame, to a shade', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await click(page, 'Connections');
  await page.waitForFunction(() => !cultivateTest.ui().network.placing && !cultivateTest.ui().network.finding);
  const csv = await find(page, 'Edge list (CSV)');
  await page.mouse.move(csv.x + csv.w + 60, csv.y + csv.h / 2);  // over nothing: no member's ties in strong
  // A width and back: the map is drawn again for each size.
  const shot = async () => {
    await page.setViewportSize({ width: 1279, height: 900 });
    await idle(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await idle(page);
    return { map: (await items(page)).find((it) => it.id.endsWith('##network-map')), png: decodePng(await page.screenshot()) };
  };
  await page.evaluate(() => cultivateTest.pictures(false));
  const framed = await shot();
  assert.equal((await net()).reused, false, 'without pictures the map is drawn each frame');
  await page.evaluate(() => cultivateTest.pictures(true));
  const pictured = await shot();
  await page.mouse.move(csv.x + csv.w + 70, csv.y + csv.h / 2);
  await idle(page);
  assert.equal((await net()).reused, true, 'a frame after it shows the picture as it was');
  assert.deepEqual(pictured.map, framed.map);
  const { map } = framed, a = framed.png, b = pictured.png;
  const bg = (Math.ceil(map.y) * a.width + Math.ceil(map.x)) * a.channels;  // the map's ground, at its corner
  let compared = 0, inked = 0, worst = 0, off = 0;
  for (let y = Math.ceil(map.y); y < Math.min(map.y + map.h, 900 - 40); y++)
    for (let x = Math.ceil(map.x); x < map.x + map.w; x++) {
      const i = (y * a.width + x) * a.channels;
      compared++;
      if ([0, 1, 2].some((c) => Math.abs(a.pixels[i + c] - a.pixels[bg + c]) > 40)) inked++;
      const d = Math.max(...[0, 1, 2].map((c) => Math.abs(a.pixels[i + c] - b.pixels[i + c])));
      worst = Math.max(worst, d);
      if (d > 0) off++;
    }
  assert.ok(compared > 100000 && inked > 100, `${compared} pixels compared, ${inked} of them ink`);
  // Blended into a texture first, a faint line's colour may round a shade differently.
  assert.ok(worst <= 2, `pixels of the picture differ from the drawn map by up to ${worst} (${off} of ${compared} differ)`);
  assert.deepEqual(page.problems, []);
});

test('at 175% with a member hovered, the picture lies where the map is drawn, under the hovered ties and dots', async () => {
  // At 175% a layout pixel is 1.75 pixels of the canvas: the picture is sized and placed in canvas
  // pixels. The hovered member's ties are drawn strong over it, and the dots at
  // their ends over them.
  const H = 900;
  await page.setViewportSize({ width: 1280, height: H });
  await click(page, 'View');
  await click(page, 'Text size');
  await click(page, '175%');
  await page.waitForFunction(() => cultivateTest.fontPx() === 28 * window.devicePixelRatio);  // still on Connections
  await page.waitForFunction(() => !cultivateTest.ui().network.placing && !cultivateTest.ui().network.finding);
  const shot = async () => {
    await page.mouse.move(8, H - 80);
    await page.setViewportSize({ width: 1279, height: H });  // a width and back: the map drawn again
    await idle(page);
    await page.setViewportSize({ width: 1280, height: H });
    await idle(page);
    const n = await net(), i = n.tied.findIndex((t) => t > 0), [x, y] = n.layout[i], m = n.view;
    await page.mouse.move((m[4] + m[6] * (x - 0.5)) * 1.75, (m[5] + m[6] * (y - 0.5)) * 1.75);
    await idle(page);
    return { map: (await items(page)).find((it) => it.id.endsWith('##network-map')), png: decodePng(await page.screenshot()) };
  };
  await page.evaluate(() => cultivateTest.pictures(false));
  const framed = await shot();
  await page.evaluate(() => cultivateTest.pictures(true));
  const pictured = await shot();
  assert.equal((await net()).reused, true, 'the hovered frames show the picture as it was');
  assert.deepEqual(pictured.map, framed.map);
  const { map } = framed, a = framed.png, b = pictured.png;
  let compared = 0, worst = 0, off = 0;
  for (let y = Math.ceil(map.y); y < Math.min(map.y + map.h, H - 50); y++)
    for (let x = Math.ceil(map.x); x < map.x + map.w; x++) {
      const i = (y * a.width + x) * a.channels;
      compared++;
      const d = Math.max(...[0, 1, 2].map((c) => Math.abs(a.pixels[i + c] - b.pixels[i + c])));
      worst = Math.max(worst, d);
      if (d > 0) off++;
    }
  assert.ok(compared > 40000, `${compared} pixels compared`);
  assert.ok(worst <= 2, `pixels of the picture differ from the drawn map by up to ${worst} (${off} of ${compared} differ)`);
  await click(page, 'View');
  await click(page, 'Text size');
  await click(page, '100%');
  await page.waitForFunction(() => cultivateTest.fontPx() === 16 * window.devicePixelRatio);
  await page.setViewportSize({ width: 1280, height: 1300 });
  assert.deepEqual(page.problems, []);
});

function path() { return `${repo}/build/deps/pyenv/bin/python`; }
