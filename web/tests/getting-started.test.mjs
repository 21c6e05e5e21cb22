// getting-started.test.mjs: a convener's whole journey in Chromium. An empty page; the purpose; an
// invitation answered by a member in another browser; eight members' answer files imported at once
// (and one again, harmlessly); the objectives shared by most; a topic vote; the first meeting
// generated, checked and exported. And a sign-up sheet imported as CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, find, click, state, until, live, items, ui, menu, editing, notEditing,
  untilStored, dropFiles, typeInto } from './harness.mjs';

let server, browser, page;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-journey-'));
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await openPage(browser.context, server.url);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const live_ = (s, type) => live(s, type);

// Seven more members, as their answer files would hold them (what "Download my answers" writes).
const OTHERS = [
  ['Ñúñez', ['Giving feedback to my team', 'time management'], ['my retros are silent'], ['coaching', 'present']],
  ['Jürgen', ['feedback skills'], [], ['code review feedback', 'lead']],
  ['Żaneta', ['receiving feedback without getting defensive', 'public speaking'], ['a colleague who never listens'], []],
  ['Алёна', ['feedback that lands', 'facilitating workshops'], [], ['facilitation', 'lead']],
  ['Παύλος', ['facilitation techniques'], ['meetings that overrun'], []],
  ['Amara', ['giving better feedback'], [], ['budgets', '']],
  ['Bo', ['budgets'], [], []],
];

function answerFile(community, i, [name, objectives, problems, skill]) {
  const stamp = [1790000000000 + i, 0, `member${i}`];
  const rec = (id, type, fields) => ({ id, type, fields, stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])) });
  const me = `answer${i}`;
  const records = [rec(me, 'member', { deleted: false, name, contact: `${i}@example.org` })];
  objectives.forEach((o, k) => records.push(rec(`${me}o${k}`, 'objective', { deleted: false, member: me, text: o })));
  problems.forEach((o, k) => records.push(rec(`${me}p${k}`, 'problem', { deleted: false, member: me, text: o })));
  if (skill.length) records.push(rec(`${me}s`, 'skill', { deleted: false, member: me, text: skill[0], offer: skill[1] }));
  return JSON.stringify({ format: 'cultivate.community', version: 1, community, records });
}

test('a convener starts from an empty page, gathers eight members, and gets a first meeting', async () => {
  const first = await state(page);
  assert.equal(live_(first, 'member').length, 0, 'an empty page');

  // 1. The purpose.
  await typeInto(page, '##community-name', 'Feedback practice circle');
  await typeInto(page, '##purpose_why', 'We lead teams and want to give better feedback.', 'Tab');
  await typeInto(page, '##purpose_learn', 'How feedback lands; how to ask for it.', 'Tab');
  await notEditing(page).catch(() => {});
  await click(page, 'Members');
  const community = (await until(page, (s) => s.records.some((r) => r.type === 'community' && r.fields.purpose_learn))).community;

  // 2. An invitation, answered by a member in her own browser.
  await menu(page, 'Community', 'Copy invitation link');
  await page.waitForFunction(() => cultivateTest.ui().share.copied === 1);
  const invite = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(invite, /#invite=/);
  await click(page, 'Close');
  const zoe = await launch({ acceptDownloads: true });
  // Her page opens on her answers (there is no "Add member" there, so not openPage()).
  const her = await zoe.context.newPage();
  her.problems = [];
  await her.goto(invite);
  // Every way in shows a preview first: here, the invitation, answered with one click.
  await her.waitForFunction(() => window.cultivateTest && cultivateTest.ui().import.invitation, null, { timeout: 30000 });
  await click(her, 'Answer the invitation');
  await her.waitForFunction(() => cultivateTest.ui().me !== '', null, { timeout: 30000 });
  const invited = await state(her);
  assert.equal(invited.community, community);
  assert.equal(invited.records.find((r) => r.type === 'community').fields.name, 'Feedback practice circle');
  assert.equal(live_(invited, 'member').length, 1, 'the invitation carries no other member');
  await typeInto(her, '##my-name', 'Zoë');
  await typeInto(her, '##my-contact', 'zoe@example.org');
  await typeInto(her, '##add-objective', 'give better feedback');
  await typeInto(her, '##add-problem', 'my team ignores what I say in one-to-ones');
  await typeInto(her, '##add-skill', 'feedback conversations');
  await until(her, (s) => live_(s, 'skill').length === 1 && live_(s, 'problem').length === 1);
  const download = her.waitForEvent('download');
  await click(her, 'Download my answers');
  const answers = await download;
  assert.equal(answers.suggestedFilename(), 'Zoë answers for Feedback practice circle.cultivate.json');
  const zoeFile = path.join(dir, 'zoe.cultivate.json');
  await answers.saveAs(zoeFile);
  const zoeAnswers = JSON.parse(fs.readFileSync(zoeFile, 'utf8'));
  assert.deepEqual([...new Set(zoeAnswers.records.map((r) => r.type))].sort(), ['member', 'objective', 'problem', 'skill']);
  await zoe.context.close();

  // 3. Eight answer files, imported at once.
  const files = [{ name: 'zoe.cultivate.json', text: fs.readFileSync(zoeFile, 'utf8') }];
  OTHERS.forEach((m, i) => files.push({ name: `${m[0]}.cultivate.json`, text: answerFile(community, i, m) }));
  const dropAll = (list) => dropFiles(page, list);
  await dropAll(files);
  await find(page, 'Merge into this community');
  assert.equal((await ui(page)).import.files.length, 8);
  await click(page, 'Merge into this community');
  let s = await until(page, (s) => live_(s, 'member').length === 8, 'eight members');
  // One file again: harmless.
  const before = await page.evaluate(() => cultivateTest.state());
  await dropAll([files[3]]);
  await find(page, 'Merge into this community');
  assert.deepEqual((await ui(page)).import.files[0].counts, {});
  await click(page, 'Merge into this community');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => cultivateTest.state()), before);

  // 4. The objectives shared by most, first.
  await click(page, 'Objectives');
  await find(page, /^Make a topic##/);
  const groups = (await items(page)).filter((i) => /^Make a topic##/.test(i.id)).map((i) => i.id.replace('Make a topic##', ''));
  assert.match(groups[0], /feedback/i, `the top group is about feedback: ${groups}`);
  assert.ok(groups.length >= 3, `${groups.length} groups on screen: ${groups}`);
  // A wording that does not belong is split off its group, and its line leaves the row at once; undo
  // brings it back (the rows' lines are read again at each change).
  const wordings = async () => (await items(page)).filter((i) => i.label === 'Not the same').length;
  const listed = await wordings();
  assert.ok(listed >= 1, 'the feedback group lists its other wordings');
  await click(page, 'Not the same');
  await page.waitForFunction((n) => cultivateTest.items().filter((i) => i.label === 'Not the same').length === n - 1, listed);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => cultivateTest.items().filter((i) => i.label === 'Not the same').length === n, listed);
  await click(page, `Make a topic##${groups[0]}`);
  s = await until(page, (s) => live_(s, 'topic').length === 1, 'a topic from the shared objective');
  const feedbackTopic = live_(s, 'topic')[0];

  // 5. Topics: another proposal, then dots from three members, and the choice.
  await click(page, 'Topics');
  await typeInto(page, '##new-topic', 'Facilitating workshops');
  s = await until(page, (s) => live_(s, 'topic').length === 2);
  const other = live_(s, 'topic').find((t) => t.id !== feedbackTopic.id);
  for (const name of ['Zoë', 'Jürgen', 'Bo']) {
    await click(page, '##voting-as');
    await click(page, new RegExp(`^${name}##`));
    await click(page, `+##vote-${feedbackTopic.id}`);
    await click(page, `+##vote-${feedbackTopic.id}`);
  }
  await click(page, `+##vote-${other.id}`);  // Bo's third dot
  await click(page, `+##vote-${other.id}`);  // none left: the button is disabled
  s = await until(page, (s) => live_(s, 'vote').reduce((n, v) => n + v.fields.dots, 0) === 7, 'seven dots');
  assert.equal(live_(s, 'vote').filter((v) => v.fields.topic === feedbackTopic.id).reduce((n, v) => n + v.fields.dots, 0), 6);
  await click(page, `Choose for the first meeting##${feedbackTopic.id}`);
  await until(page, (s) => s.records.find((r) => r.type === 'community').fields.first_topic === feedbackTopic.id);

  // The community's skills, each with how many hold it first, as a screen reader is told them too.
  await click(page, 'Skills');
  await page.waitForFunction(() => [...document.querySelectorAll('#a11y *')].some((e) => e.textContent === 'budgets, 1 member: Amara'));

  // 6. The first meeting, generated from the topic and the people.
  await click(page, 'First meeting');
  await click(page, 'Make the first meeting');
  s = await until(page, (s) => live_(s, 'block').length === 6, 'six blocks');
  const blocks = live_(s, 'block').sort((a, b) => a.fields.position - b.fields.position);
  assert.deepEqual(blocks.map((b) => b.fields.kind), ['welcome', 'input', 'small_groups', 'debrief', 'logistics', 'closing']);
  assert.ok(blocks[1].fields.lead, 'a member whose skills match opens the topic');
  await find(page, `##role-${blocks[1].id}`);  // shown as the presenter, a role that can change hands
  assert.deepEqual((await ui(page)).first_meeting_warnings, []);
  // Logistics moved to the front: the checker says why that is a problem; moved back, it is quiet.
  const logistics = blocks[4].id;
  // Each move lands before the next click: the rows differ in height, so a click aimed from the frame
  // before a move can land on another row's field (which would then take the Ctrl+Z below).
  const order = (s) => live_(s, 'block').sort((a, b) => a.fields.position - b.fields.position).map((b) => b.id);
  for (let k = 0; k < 4; k++) {
    await click(page, `Up##${logistics}`);
    await until(page, (s) => order(s).indexOf(logistics) === 3 - k, `logistics moved to row ${3 - k}`);
  }
  await page.waitForFunction(() => cultivateTest.ui().first_meeting_warnings.length === 1);
  assert.match((await ui(page)).first_meeting_warnings[0], /comes before the content/);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => cultivateTest.ui().first_meeting_warnings.length === 0);
  await typeInto(page, '##meeting-date', '2026-12-03');
  await typeInto(page, '##meeting-time', '18:30');
  await typeInto(page, '##new-parking', 'Which video tool do we use?');

  // 7. Exported: Markdown and a calendar file.
  let d = page.waitForEvent('download');
  await click(page, 'Export Markdown');
  const md = fs.readFileSync(await (await d).path(), 'utf8');
  assert.match(md, /^# First meeting: /);
  assert.match(md, /\| 18:30 \| 15 \| \*\*Welcome and introductions\*\*/);
  assert.ok(md.indexOf('Logistics') > md.indexOf('Large-group debrief'), 'logistics at the end');
  assert.match(md, /- Which video tool do we use\?/);
  d = page.waitForEvent('download');
  await click(page, 'Calendar file (.ics)');
  const ics = fs.readFileSync(await (await d).path(), 'utf8');
  assert.match(ics, /DTSTART:20261203T183000\r\n/);
  await untilStored(page);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});

test('a sign-up sheet (CSV) is previewed row by row and imported once confirmed', async () => {
  await click(page, 'Members');
  const before = live(await state(page), 'member').length;
  const csv = '\uFEFFName;E-mail;What do you want to learn?;Skills you can offer\r\n' +
    'Jürgen Müller;jm@example.org;"feedback; public speaking";Excel\r\n' +
    ';nobody@example.org;x;\r\n' +
    '"Ñúñez, María";maria@example.org;"coaching\nmentoring";\r\n';
  const file = path.join(dir, 'signup.csv');
  fs.writeFileSync(file, csv);
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'Share', 'Import a sign-up sheet (CSV)...');
  await (await chooser).setFiles(file);
  await find(page, 'Import 2 members');
  const u = (await ui(page)).csv;
  assert.equal(u.imported, 2);
  assert.equal(u.skipped, 1);
  assert.deepEqual(u.problems, ['', 'no name', '']);
  assert.equal(live(await state(page), 'member').length, before, 'nothing before the confirmation');
  await click(page, 'Import 2 members');
  const s = await until(page, (s) => live(s, 'member').length === before + 2);
  assert.ok(live(s, 'member').some((m) => m.fields.name === 'Ñúñez, María'));
  // A broken sheet: a message, and nothing changes.
  fs.writeFileSync(file, 'Name,Objectives\n"Zoë,feedback\n');
  const chooser2 = page.waitForEvent('filechooser');
  await menu(page, 'Share', 'Import a sign-up sheet (CSV)...');
  await (await chooser2).setFiles(file);
  await page.waitForFunction(() => cultivateTest.ui().csv.error !== '');
  assert.equal((await ui(page)).csv.error, 'line 2: a quoted cell is never closed (a " is missing)');
  await click(page, 'Close');
  assert.equal(live(await state(page), 'member').length, before + 2);
});
