// cases.test.mjs: the case library in real Chromium. A member brings a case without her name; the
// others note a question and a suggestion; she says what she tried; the exported case names nobody.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openPage, click, find, until, live, addMember, untilStored, typeInto } from './harness.mjs';

let server, browser, page;
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  page = await openPage(browser.context, server.url);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

test('a case brought without a name: noted, followed up, and exported without a trace of her', async () => {
  await addMember(page, 'Zoë');
  await addMember(page, 'Żaneta Kowalska');
  let s = await until(page, (s) => live(s, 'member').length === 2, 'two members');
  const zaneta = live(s, 'member').find((m) => m.fields.name === 'Żaneta Kowalska').id;
  const zoe = live(s, 'member').find((m) => m.fields.name === 'Zoë').id;

  await click(page, 'Cases');
  await typeInto(page, '##case-title', 'A hard conversation', 'Tab');
  await typeInto(page, '##case-question', 'How do I tell my manager the plan will not work?', 'Tab');
  await click(page, '##case-bringer');
  await click(page, `Żaneta Kowalska##bringer-${zaneta}`);
  await click(page, 'Share without my name##case-anonymous');
  await click(page, 'Bring the case');
  s = await until(page, (s) => live(s, 'case').length === 1, 'the case');
  const k = live(s, 'case')[0];
  assert.equal(k.fields.bringer, zaneta);
  assert.equal(k.fields.anonymous, true);
  assert.equal(k.fields.status, 'open');

  // Zoë asks a question first, then offers a suggestion.
  await click(page, '##note-by');
  await click(page, `Zoë##note-by-${zoe}`);
  await typeInto(page, '##case-note', 'What does your manager care about most?');
  await click(page, 'Suggestion##note-kind');
  await typeInto(page, '##case-note', 'Bring two options, not a problem');
  s = await until(page, (s) => live(s, 'case_note').length === 2, 'two notes');
  const notes = live(s, 'case_note');
  assert.deepEqual(notes.map((n) => n.fields.kind).sort(), ['question', 'suggestion']);
  assert.ok(notes.every((n) => n.fields.member === zoe && n.fields.case === k.id));

  // Afterwards: what she tried, and the status.
  await typeInto(page, '##open-tried', 'Two options on one page');
  await click(page, '##case-status');
  await click(page, 'tried##status');
  await until(page, (s) => live(s, 'case')[0].fields.status === 'tried' && live(s, 'case')[0].fields.tried, 'followed up');

  const d = page.waitForEvent('download');
  await click(page, 'Case (Markdown)');
  const md = fs.readFileSync(await (await d).path(), 'utf8');
  assert.match(md, /^# Case: A hard conversation$/m);
  assert.match(md, /brought by a member/);
  assert.match(md, /Bring two options, not a problem/);
  assert.doesNotMatch(md, /Żaneta|Kowalska/);
  const h = page.waitForEvent('download');
  await click(page, 'Case (printable)');
  assert.doesNotMatch(fs.readFileSync(await (await h).path(), 'utf8'), /Żaneta|Kowalska/);
  // The library lists it without her name too.
  await find(page, new RegExp(`^A hard conversation  \\(tried, a member\\)##case-${k.id}$`));
  await untilStored(page);
  assert.deepEqual(page.problems, []);
});
