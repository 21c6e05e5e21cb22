// files.test.mjs: export as a download, import through the file picker and by dropping files, a
// preview before anything changes, one undo step per import, bad and hostile files refused with
// their reasons while the community on screen and in storage stays as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openPage, find, click, state, until, live, stored, untilStored, ui, addMember, menu,
  repo, dropFiles } from './harness.mjs';
import { pngStats } from './png.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  browser = await launch();
  page = await openPage(browser.context, server.url);
  await addMember(page, 'Zoë Ñúñez');
  await untilStored(page);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const members = (s) => live(s, 'member').map((m) => m.fields.name).sort();
const stamp = [1790000000000, 0, 'filetest'];
const record = (id, type, fields) => ({ id, type, fields, stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])) });
const file = (community, records) => JSON.stringify({ format: 'cultivate.community', version: 1, community, records });

const drop = (files) => dropFiles(page, files);

test('Export downloads "<community name> <date>.cultivate.json" holding the community', async () => {
  const download = page.waitForEvent('download');
  await menu(page, 'Share', 'Export file');
  const d = await download;
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.equal(d.suggestedFilename(), `Our community ${today}.cultivate.json`);
  assert.equal(fs.readFileSync(await d.path(), 'utf8'), await page.evaluate(() => cultivateTest.state()));
});

test('import through the file picker: a preview, then one merge that one undo takes back', async () => {
  const s = await state(page);
  const dir = fs.mkdtempSync('/tmp/cultivate-import-');
  fs.writeFileSync(path.join(dir, 'alena.cultivate.json'), file(s.community, [record('mAlena', 'member', { deleted: false, name: 'Алёна' })]));
  fs.writeFileSync(path.join(dir, 'pavlos.cultivate.json'), file(s.community, [record('mPavlos', 'member', { deleted: false, name: 'Παύλος' })]));
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'Share', 'Import files...');
  await (await chooser).setFiles([path.join(dir, 'alena.cultivate.json'), path.join(dir, 'pavlos.cultivate.json')]);
  await find(page, 'Merge into this community');
  const u = await ui(page);
  assert.deepEqual(u.import.files.map((f) => [f.name, f.error, f.counts.member.added]),
    [['alena.cultivate.json', '', 1], ['pavlos.cultivate.json', '', 1]]);
  assert.deepEqual(members(await state(page)), ['Zoë Ñúñez'], 'nothing changes before the choice');
  await click(page, 'Merge into this community');
  await until(page, (s) => members(s).length === 3, 'both imported');
  await page.keyboard.press('Control+z');
  const back = await until(page, (s) => members(s).length === 1, 'the import undone whole');
  assert.deepEqual(members(back), ['Zoë Ñúñez']);
  await page.keyboard.press('Control+y');
  await until(page, (s) => members(s).length === 3, 'redone');
});

test('files picked together are listed in the order picked, however quickly each is read', async () => {
  const s = await state(page);
  const dir = fs.mkdtempSync('/tmp/cultivate-order-');
  // The first is large and the second small, and the first is read a moment late (as a large file on
  // a slow disk is): the second arrives first.
  await page.evaluate(() => {
    const read = File.prototype.arrayBuffer;
    window.__read = read;
    File.prototype.arrayBuffer = function() {
      const p = read.call(this);
      return this.name.startsWith('large') ? p.then((b) => new Promise((r) => setTimeout(() => r(b), 300))) : p;
    };
  });
  const many = Array.from({ length: 3000 }, (_, i) => record(`mBig${i}`, 'member', { deleted: false, name: `Jürgen ${i}` }));
  fs.writeFileSync(path.join(dir, 'large.cultivate.json'), file(s.community, many));
  fs.writeFileSync(path.join(dir, 'small.cultivate.json'), file(s.community, [record('mSmall', 'member', { deleted: false, name: 'Żaneta' })]));
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'Share', 'Import files...');
  await (await chooser).setFiles([path.join(dir, 'large.cultivate.json'), path.join(dir, 'small.cultivate.json')]);
  await find(page, 'Merge into this community', { timeout: 20000 });
  const u = await ui(page);
  assert.deepEqual(u.import.files.map((f) => [f.name, f.counts.member.added]),
    [['large.cultivate.json', 3000], ['small.cultivate.json', 1]]);
  await page.evaluate(() => { File.prototype.arrayBuffer = window.__read; });
  await click(page, 'Cancel');
  await page.waitForFunction(() => !cultivateTest.ui().importing);
  assert.equal(members(await state(page)).length, 3, 'nothing changes when the preview is cancelled');
});

test('dropping a file of another community opens it as a new community', async () => {
  await drop([{ name: 'other.cultivate.json', text: file('otherC1', [
    record('otherC1', 'community', { deleted: false, name: 'Jürgen’s circle' }),
    record('oM1', 'member', { deleted: false, name: 'Żaneta' }),
  ]) }]);
  await find(page, 'Open as a new community');
  await click(page, 'Open as a new community');
  const s = await until(page, (s) => s.community === 'otherC1', 'the dropped community open');
  assert.deepEqual(members(s), ['Żaneta']);
  await untilStored(page);
  await page.waitForFunction(() => cultivateTest.ui().communities.some((c) => c.id === 'otherC1' && c.name === 'Jürgen’s circle'));
});

test('bad files are refused with their reasons, and nothing changes on screen or in storage', async () => {
  const before = await untilStored(page);
  const id = JSON.parse(before).community;
  const jts = process.env.CULTIVATE_TESTDATA || path.join(repo, '../shared/testdata');
  const nFile = fs.readFileSync(path.join(jts, 'JSONTestSuite/test_parsing/n_object_trailing_comma.json'), 'utf8');
  await drop([
    { name: 'broken.json', text: '{"format": "cultivate.community", "version": 1, "records": [' },
    { name: 'newer.json', text: file(id, []).replace('"version":1', '"version":7') },
    { name: 'not-ours.json', text: '{"hello": "world"}' },
    { name: 'trailing-comma.json', text: nFile },
    { name: 'wrong-type.json', text: file(id, [record('x', 'member', { name: 12 })]) },
  ]);
  await find(page, 'Close');
  const errors = (await ui(page)).import.files.map((f) => [f.name, f.error]);
  assert.deepEqual(errors, [
    ['broken.json', 'not valid JSON: line 1, column 61: syntax error while parsing value - unexpected end of input; expected \'[\', \'{\', or a literal'],
    ['newer.json', 'version: this file is format version 7, written by a newer Cultivate; this one reads version 1. Update Cultivate to open it.'],
    ['not-ours.json', 'not a Cultivate community: "format" is missing'],
    ['trailing-comma.json', errors[3][1]],
    ['wrong-type.json', 'records[0].fields.name: expected a string, found a number'],
  ]);
  assert.match(errors[3][1], /^not valid JSON: line 1, column \d+: syntax error/);
  await click(page, 'Close');
  await page.waitForTimeout(1200);
  assert.equal(await page.evaluate(() => cultivateTest.state()), before);
  assert.equal(await stored(page, id), before);
});

test('a file over 64 MB is refused before it is read whole', async () => {
  const before = await page.evaluate(() => cultivateTest.state());
  await drop([{ name: 'huge.json', size: 65 * 1024 * 1024 }]);
  await find(page, 'Close');
  assert.equal((await ui(page)).import.files[0].error, 'the file is too large: 65.0 MB; the limit is 64.0 MB');
  await click(page, 'Close');
  assert.equal(await page.evaluate(() => cultivateTest.state()), before);
});

test('hostile text is shown as text: format strings, markup, control characters', async () => {
  const id = (await state(page)).community;
  const names = ['%s%n%x%d%%', '<script>alert(1)</script>', '{{7*7}} ${7*7}', 'Zoë\u200b\u202eevil', 'a\tb'];
  await drop([{ name: 'hostile.json', text: file(id, names.map((n, i) => record(`h${i}`, 'member', { deleted: false, name: n }))) }]);
  await click(page, 'Merge into this community');
  const s = await until(page, (s) => members(s).includes('%s%n%x%d%%'), 'hostile names imported');
  for (const n of names) assert.ok(members(s).includes(n), n);
  await page.waitForTimeout(200);
  const st = pngStats(await page.screenshot());
  assert.ok(st.colours > 50);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});
