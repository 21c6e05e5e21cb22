// books.test.mjs: the book circle in real Chromium. A member proposes a book (and brings a case) in
// her invitation answers and the convener sees it; the book chooser of the next book discussion
// picks it; the reading plan's part and a question show in the live view when the meeting reaches
// the book.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, click, until, live, ui, addMember, menu, dropFiles, untilStored,
  typeInto } from './harness.mjs';

let server, browser, page;
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

test('a member proposes a book in her answers; the chooser picks it; its part shows in the live view', async () => {
  await addMember(page, 'Zoë');
  await addMember(page, 'Żaneta');
  // A book discussion on 2027-02-04 whose book chooser is Żaneta.
  await click(page, 'Meetings');
  await click(page, '##template');
  await click(page, 'Book discussion##tpl');
  await typeInto(page, '##new-date', '2027-02-04');
  await click(page, 'Create meeting');
  let s = await until(page, (s) => live(s, 'meeting').length === 1, 'the book meeting');
  const meeting = live(s, 'meeting')[0].id;
  const zaneta = live(s, 'member').find((m) => m.fields.name === 'Żaneta').id;
  const bookBlock = s.records.find((r) => r.type === 'block' && r.fields.meeting === meeting && r.fields.kind === 'book').id;
  await click(page, `##role-${bookBlock}`);
  await click(page, `Żaneta##turn-${bookBlock}-${zaneta}`);
  s = await until(page, (s) => s.records.some((r) => r.type === 'block' && r.fields.kind === 'book' && r.fields.lead === zaneta),
    'Żaneta chooses the book');

  // The invitation, answered in another browser with a book.
  await menu(page, 'Community', 'Copy invitation link');
  await page.waitForFunction(() => cultivateTest.ui().share.copied === 1);
  const invite = await page.evaluate(() => navigator.clipboard.readText());
  await click(page, 'Close');
  const other = await launch({ acceptDownloads: true });
  const her = await other.context.newPage();
  await her.setViewportSize({ width: 1280, height: 1400 });  // her answers, all on screen
  her.problems = [];
  await her.goto(invite);
  await her.waitForFunction(() => window.cultivateTest && cultivateTest.ui().import.invitation, null, { timeout: 30000 });
  await click(her, 'Answer the invitation');
  await her.waitForFunction(() => cultivateTest.ui().me !== '');
  await typeInto(her, '##my-name', 'Алёна');
  await typeInto(her, '##my-book-title', 'Дети Арбата', 'Tab');
  await typeInto(her, '##my-book-author', 'Анатолий Рыбаков', 'Tab');
  await click(her, 'Propose it');
  await until(her, (s) => live(s, 'book').length === 1, 'her proposal');
  // And a case she would like help with, without her name.
  await typeInto(her, '##my-case-title', 'Молчаливая ретроспектива', 'Tab');
  await typeInto(her, '##my-case-question', 'Как разговорить команду?', 'Tab');
  await click(her, 'Share without my name##my-case-anonymous');
  await click(her, 'Bring it');
  await until(her, (s) => live(s, 'case').length === 1, 'her case');
  const download = her.waitForEvent('download');
  await click(her, 'Download my answers');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-books-')), 'answers.json');
  await (await download).saveAs(file);
  await other.context.close();
  const answers = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.ok(answers.records.some((r) => r.type === 'book' && r.fields.title === 'Дети Арбата'), 'the book travels in the answers');

  // The convener merges the answers: the proposal is in the Books tab.
  await dropFiles(page, [{ name: 'answers.json', text: fs.readFileSync(file, 'utf8') }]);
  await click(page, 'Merge into this community');
  s = await until(page, (s) => live(s, 'book').length === 1, 'the proposal merged');
  const book = live(s, 'book')[0];
  const k = live(s, 'case')[0];
  assert.equal(k.fields.title, 'Молчаливая ретроспектива', 'her case came with her answers');
  assert.equal(k.fields.bringer, book.fields.proposed_by);
  assert.equal(k.fields.anonymous, true);
  assert.equal(book.fields.author, 'Анатолий Рыбаков');
  await click(page, 'Books');
  // The chooser of the round picks it.
  await click(page, `Pick##${book.id}`);
  s = await until(page, (s) => s.records.find((r) => r.id === book.id).fields.state === 'chosen', 'picked');
  assert.equal(s.records.find((r) => r.id === book.id).fields.chosen_by, zaneta);
  // A part for the meeting, and a question (the Books tab acts as the first member by name: Żaneta).
  await typeInto(page, '##part-title', 'Главы 1-5', 'Tab');
  await click(page, '##part-meeting');
  await click(page, new RegExp(`##${meeting}$`));
  await click(page, 'Add part');
  s = await until(page, (s) => live(s, 'reading_part').length === 1, 'the part');
  assert.equal(live(s, 'reading_part')[0].fields.meeting, meeting);
  await typeInto(page, '##question', 'Кто такой Саша Панкратов?');
  await until(page, (s) => live(s, 'book_question').length === 1, 'the question');

  // The live view: when the meeting reaches the book, the part and its question are there.
  await click(page, 'Meetings');
  await click(page, 'Run the meeting');
  await click(page, 'Start the meeting');
  const blocks = s.records.filter((r) => r.type === 'block' && r.fields.meeting === meeting && !r.fields.deleted)
    .sort((a, b) => a.fields.position - b.fields.position);
  const bookIndex = blocks.findIndex((b) => b.fields.kind === 'book');
  for (let i = 0; i < bookIndex; i++) {
    await click(page, /^(Skip to the next block|Next block)$/);
    await page.waitForFunction((i) => cultivateTest.ui().meetings.run.index === i, i + 1);
  }
  const run = (await ui(page)).meetings;
  assert.equal(run.run.index, bookIndex);
  assert.deepEqual(run.reading, { book: 'Дети Арбата', part: 'Главы 1-5', questions: ['Кто такой Саша Панкратов? (Żaneta)']  });
  await click(page, 'Leave the live view');

  // The reading plan exports, with the question and the chooser.
  await click(page, 'Books');
  const d = page.waitForEvent('download');
  await click(page, 'Reading plan (Markdown)');
  const md = fs.readFileSync(await (await d).path(), 'utf8');
  assert.match(md, /^# Reading plan: Дети Арбата/);
  assert.match(md, /chosen by Żaneta/);
  assert.match(md, /\*Q: Кто такой Саша Панкратов\? \(Żaneta\)\*/);
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});
