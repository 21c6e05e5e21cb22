// directory.test.mjs: the member directory in real Chromium. A member answers an invitation with a
// profile (a Matrix ID that is not one is refused, naming the problem); the convener merges it; the
// directory filters by a word without its accents and by organisation; "who can help with feedback"
// lists the right people with the reasons; the vCards download and a real parser reads them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, click, state, until, live, ui, menu, dropFiles, untilStored, typeInto,
  repo } from './harness.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await openPage(browser.context, server.url, { viewport: { width: 1280, height: 1000 } });
  const s = await state(page);
  const stamp = s.records[0].stamps.name;
  const rec = (id, type, fields) => ({ id, type, fields: { deleted: false, ...fields },
    stamps: Object.fromEntries(['deleted', ...Object.keys(fields)].map((k) => [k, stamp])) });
  const records = [
    rec('p0', 'member', { name: 'Zoë Ñúñez', organisation: 'Acme' }),
    rec('p1', 'member', { name: 'Jürgen', organisation: 'Stadtwerke' }),
    rec('s1', 'skill', { member: 'p1', text: 'feedback conversations', offer: 'present' }),
    rec('o1', 'objective', { member: 'p0', text: 'giving feedback' }),
  ];
  await dropFiles(page, [{ name: 'circle.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length === 2);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const dir = async () => (await ui(page)).directory;

test('a member answers with a profile; the directory filters it; who can help says why', async () => {
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
  await typeInto(her, '##my-name', 'Алёна Ковальчук');
  await click(her, 'About me, for the directory');
  await typeInto(her, '##profile-organisation', 'Київський університет');
  await typeInto(her, '##profile-time_zone', 'Europe/Kyiv');
  await typeInto(her, '##profile-ask_me_about', 'feedback models, retrospectives');
  // Not a Matrix ID: said, and nothing stored.
  await typeInto(her, '##profile-matrix_id', 'alena at matrix');
  await her.waitForFunction(() => /is not a Matrix ID/.test(cultivateTest.ui().status));
  assert.equal((await ui(her)).status_is_error, true);
  await typeInto(her, '##profile-matrix_id', '@alena:example.org');
  const me = (await ui(her)).me;
  await until(her, (s) => s.records.find((r) => r.id === me).fields.matrix_id === '@alena:example.org', 'her Matrix ID');
  const download = her.waitForEvent('download');
  await click(her, 'Download my answers');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-dir-')), 'answers.json');
  await (await download).saveAs(file);
  await other.context.close();

  await dropFiles(page, [{ name: 'answers.json', text: fs.readFileSync(file, 'utf8') }]);
  await click(page, 'Merge into this community');
  const s = await until(page, (s) => live(s, 'member').length === 3, 'her answers merged');
  const alena = live(s, 'member').find((m) => m.fields.name === 'Алёна Ковальчук');
  assert.equal(alena.fields.organisation, 'Київський університет');

  await click(page, 'Directory');
  await page.waitForFunction(() => cultivateTest.ui().directory.rows.length === 3);
  await typeInto(page, '##directory-search', 'nunez', 'Tab');
  await page.waitForFunction(() => cultivateTest.ui().directory.rows.join() === 'p0');
  await typeInto(page, '##directory-search', 'алена', 'Tab');
  await page.waitForFunction((id) => cultivateTest.ui().directory.rows.join() === id, alena.id);
  await typeInto(page, '##directory-search', '', 'Backspace');  // emptied
  await page.keyboard.press('Tab');
  await click(page, '##directory-org');
  await click(page, 'Stadtwerke##value');
  await page.waitForFunction(() => cultivateTest.ui().directory.rows.join() === 'p1');

  await typeInto(page, '##who-can-help', 'feedback', 'Tab');
  await page.waitForFunction(() => cultivateTest.ui().directory.helpers.length === 3);
  const d = await dir();
  assert.deepEqual(d.helpers.map((h) => h.name), ['Jürgen', 'Алёна Ковальчук', 'Zoë Ñúñez']);
  assert.deepEqual(d.helpers[0].reasons, ['skill: \u201cfeedback conversations\u201d (offers to present)']);
  assert.deepEqual(d.helpers[1].reasons, ['ask me about: \u201cfeedback models\u201d']);
  assert.deepEqual(d.helpers[2].reasons, ['also wants to learn: \u201cgiving feedback\u201d']);
  await click(page, '##directory-org');
  await click(page, 'Any organisation##any');
  await page.screenshot({ path: new URL('../../build/screens/directory.png', import.meta.url).pathname });
  // A helper's name opens their page.
  await click(page, `Алёна Ковальчук##helper`);
  await page.waitForFunction(() => cultivateTest.items().some((i) => i.id === 'Done##member-details'));
  await click(page, 'Done##member-details');
});

test('the directory downloads as vCards a real parser reads, and as a printable page', async () => {
  const v = page.waitForEvent('download');
  await click(page, 'Directory (vCard)');
  const vcf = await (await v).path();
  const py = spawnSync(path.join(repo, 'build/deps/pyenv/bin/python'), ['-c', `
import json, sys, vobject
print(json.dumps([{k: [x.value for x in c.contents[k]] for k in c.contents}
                  for c in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read())], default=str))`, vcf], { encoding: 'utf8' });
  assert.equal(py.status, 0, py.stderr);
  const cards = JSON.parse(py.stdout);
  assert.deepEqual(cards.map((c) => c.fn[0]), ['Jürgen', 'Zoë Ñúñez', 'Алёна Ковальчук']);
  const alena = cards[2];
  assert.deepEqual(alena.org, [['Київський університет']]);
  assert.deepEqual(alena.impp, ['matrix:@alena:example.org']);
  assert.match(alena.note[0], /Time zone: Europe\/Kyiv\nAsk me about: feedback models, retrospectives/);
  const h = page.waitForEvent('download');
  await click(page, 'Directory (printable)');
  const html = fs.readFileSync(await (await h).path(), 'utf8');
  assert.match(html, /Алёна Ковальчук/);
  assert.match(html, /Ask me about: feedback models, retrospectives/);
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});
