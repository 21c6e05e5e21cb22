// newcomer.test.mjs: small things a new member trips over, in real Chromium. Answers are not sent
// without a name (the name is asked for, and the keyboard put in its field), and older nameless
// answers merge named by the day they were made; on a 390 x 844 phone every window's widgets end
// inside the screen; the live view's block title is drawn in a font baked at its size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openPage, click, state, until, live, ui, menu, dropFiles, typeInto, editing, items,
  idle, untilStored } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
let server, browser, page;
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await openPage(browser.context, server.url, { viewport: { width: 1280, height: 1000 } });
});
after(async () => {
  await browser.context.close();
  await server.close();
});

// Every widget of the frame on screen ends inside the viewport (a pixel of rounding allowed).
// (Dear ImGui's own "Debug" window is never shown: it is where stray widgets would go.)
async function fitsPhone(p, what) {
  await idle(p);  // windows that appeared place and size themselves over a few frames
  const all = await items(p);
  const over = all.filter((i) => i.w > 0 && i.x + i.w > PHONE.width + 1 && i.id !== 'Debug##Default');
  fs.mkdirSync(new URL('../../build/screens/', import.meta.url).pathname, { recursive: true });
  await p.screenshot({ path: new URL(`../../build/screens/phone-${what}.png`, import.meta.url).pathname });
  assert.deepEqual(over.map((i) => `${i.id} ends at ${Math.round(i.x + i.w)}`), [], `${what}: widgets beyond the right edge`);
}

let invite;
test('answers are not sent without a name: it is asked for, with the keyboard in its field; every window fits a phone', async () => {
  await menu(page, 'Community', 'Copy invitation link');
  await page.waitForFunction(() => cultivateTest.ui().share.copied === 1);
  invite = await page.evaluate(() => navigator.clipboard.readText());
  await click(page, 'Close');
  const other = await launch({ acceptDownloads: true });
  const her = await other.context.newPage();
  await her.setViewportSize(PHONE);
  her.problems = [];
  await her.goto(invite);
  await her.waitForFunction(() => window.cultivateTest && cultivateTest.ui().import.invitation, null, { timeout: 30000 });
  await fitsPhone(her, 'invitation');
  await click(her, 'Answer the invitation');
  await her.waitForFunction(() => cultivateTest.ui().me !== '');
  await typeInto(her, '##add-objective', 'Run better retrospectives');
  await until(her, (s) => live(s, 'objective').length === 1, 'her objective');
  await fitsPhone(her, 'answers');

  // Without a name: nothing is sent, the name is asked for and takes the keyboard.
  let downloads = 0;
  her.on('download', () => ++downloads);
  await click(her, 'Download my answers');
  await her.waitForFunction(() => cultivateTest.ui().name_needed === true);
  await editing(her);
  await click(her, 'Copy answers link');
  await her.waitForTimeout(500);
  assert.equal(downloads, 0, 'no answers left without a name');
  assert.equal((await ui(her)).share.url, '', 'no answers link made without a name');
  await her.keyboard.type('Алёна');
  await her.keyboard.press('Enter');
  const me = (await ui(her)).me;
  await until(her, (s) => s.records.find((r) => r.id === me).fields.name === 'Алёна', 'her name');
  await her.waitForFunction(() => cultivateTest.ui().name_needed === false);
  const d = her.waitForEvent('download');
  await click(her, 'Download my answers');
  const answers = JSON.parse(fs.readFileSync(await (await d).path(), 'utf8'));
  assert.equal(answers.records.find((r) => r.id === me).fields.name, 'Алёна');
  assert.deepEqual(her.problems, []);
  await other.context.close();

  // The convener's windows on a phone: the import preview, the share window, the communities, a CSV.
  const phone = await openPage(browser.context, server.url, { viewport: PHONE });
  await dropFiles(phone, [{ name: 'answers.json', text: JSON.stringify(answers) }]);
  await phone.waitForFunction(() => cultivateTest.ui().importing && cultivateTest.ui().import.files.length === 1);
  await fitsPhone(phone, 'import');
  await click(phone, 'Cancel');
  await menu(phone, 'Share', 'Copy share link');
  await phone.waitForFunction(() => cultivateTest.ui().share.open);
  await fitsPhone(phone, 'share');
  await click(phone, 'Close');
  await menu(phone, 'Community', 'Communities...');
  await fitsPhone(phone, 'communities');
  await phone.keyboard.press('Escape');
  await dropFiles(phone, [{ name: 'signups.csv', text: 'Name,E-mail,Availability,Objectives\nZoë,zoe@example.org,Thursdays,give feedback\n' }]);
  await phone.waitForFunction(() => cultivateTest.ui().csv.open);
  await fitsPhone(phone, 'csv');
  await click(phone, 'Cancel');
  assert.deepEqual(phone.problems, []);
  await phone.close();
});

test('older answers without a name merge as "Member who answered on <date>"', async () => {
  const s = await state(page);
  const made = Date.UTC(2026, 10, 3, 12);  // 2026-11-03: the day the answers were made
  const stamp = [made, 0, 'older0000000000a'];
  const nameless = { id: 'nameless00000001', type: 'member', fields: { deleted: false, name: '' }, stamps: { deleted: stamp, name: stamp } };
  const objective = { id: 'obj0000000000001', type: 'objective', fields: { deleted: false, member: nameless.id, text: 'Coaching' },
    stamps: { deleted: stamp, member: stamp, text: stamp } };
  await dropFiles(page, [{ name: 'old-answers.json', text: JSON.stringify({ format: 'cultivate.community', version: 1,
    community: s.community, records: [nameless, objective] }) }]);
  await page.waitForFunction(() => cultivateTest.ui().importing && cultivateTest.ui().import.files.length === 1);
  await click(page, 'Merge into this community');
  const after = await until(page, (s) => live(s, 'member').some((m) => m.id === nameless.id && m.fields.name), 'named');
  assert.equal(live(after, 'member').find((m) => m.id === nameless.id).fields.name, 'Member who answered on 2026-11-03');
  assert.match((await ui(page)).status, /1 member came without a name and is called "Member who answered on 2026-11-03"/);
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});

test('the live view draws the block title in a font baked at its size, as crisp as the countdown', async () => {
  await click(page, 'Meetings');
  await typeInto(page, '##new-date', '2027-01-07');
  await click(page, 'Create meeting');
  await until(page, (s) => live(s, 'meeting').length === 1, 'a meeting');
  await click(page, 'Run the meeting');
  await click(page, 'Start the meeting');
  // Its fonts are built when the live view is first shown: the frame after, at the latest.
  const dpr = await page.evaluate(() => devicePixelRatio);
  await page.waitForFunction((dpr) => cultivateTest.ui().meetings.run?.started && cultivateTest.ui().meetings.run.title_px > 0 &&
    Math.abs(cultivateTest.ui().meetings.run.title_baked - dpr) < 0.05, dpr, { timeout: 5000 }).catch(() => {});
  const run = (await ui(page)).meetings.run;
  assert.ok(run.title_px >= 25, `the title is large: ${run.title_px} px`);
  assert.ok(Math.abs(run.title_baked - dpr) < 0.05, `baked at the drawn size times the pixel ratio: ${run.title_baked} vs ${dpr}`);
  assert.deepEqual(page.problems, []);
});
