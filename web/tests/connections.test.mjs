// connections.test.mjs: the map of connections in real Chromium. Density starts at nothing, rises
// after a meeting whose pairs were made, and is plotted per date; a kind unticked takes its ties away;
// GraphML (read back by Python's xml.etree) and the CSV edge list download with the same ties.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { startServer, launch, openPage, click, state, until, live, ui, dropFiles, untilStored, typeInto,
  repo } from './harness.mjs';

let server, browser, page;
const NAMES = ['Zoë', 'Ñúñez', 'Jürgen', 'Żaneta', 'Алёна', 'Παύλος'];
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
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
  await page.waitForFunction(() => cultivateTest.ui().network.ties === 3);
  let n = await net();
  assert.equal(n.density, 3 / 15, 'three pairs of fifteen possible');
  assert.deepEqual(n.timeline.map((p) => [p.date, p.ties]), [['2027-01-07', 3]]);
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

function path() { return `${repo}/build/deps/pyenv/bin/python`; }
