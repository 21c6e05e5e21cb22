// trust.test.mjs: data that can be trusted against hostile copies and other tabs, in real Chromium.
// Every way in shows a preview and runs the same checks (invitations, several files at once); the
// last edit lands before the page opens another community; a stored copy that cannot be read is kept
// aside, one from a newer version is never replaced; Delete for good stays deleted with another tab
// open; a sign-up sheet comes in again without bringing back whom the convener removed; hostile links
// end in a message; the page a person runs has no test interface and fetches https only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import MarkdownIt from 'markdown-it';
import { startServer, launch, openPage, find, click, state, until, live, stored, untilStored, ui, addMember, menu,
  ready, dropFiles, distPerson, editing } from './harness.mjs';
import { serve } from '../serve.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
});
after(async () => {
  await browser.context.close();
  await server.close();
});

const names = (s, type = 'member') => live(s, type).map((m) => m.fields.name || m.fields.title).sort();
const stampAt = (ms) => [ms, 0, 'trusttest'];
const record = (id, type, fields, ms = 1790000000000) =>
  ({ id, type, fields, stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, stampAt(ms)])) });
const file = (community, records) => JSON.stringify({ format: 'cultivate.community', version: 1, community, records });
const b64url = (buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

// Writes a record straight into the page's IndexedDB, as another program (or a damaged disk) would.
const putStored = (page, value) => page.evaluate((value) => new Promise((resolve, reject) => {
  const open = indexedDB.open('cultivate');
  open.onsuccess = () => {
    const tx = open.result.transaction('communities', 'readwrite');
    tx.objectStore('communities').put(value);
    tx.oncomplete = () => { open.result.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
}), value);

test('an invitation is previewed first; one from a clock far ahead is refused and changes nothing', async () => {
  const page = await openPage(browser.context, server.url);
  await addMember(page, 'Zoë');
  const before = await untilStored(page);
  const zlib = await import('node:zlib');
  const invite = (records) => server.url + '#invite=' + b64url(zlib.deflateRawSync(Buffer.from(file('invC', records))));
  // A forged invitation: its community record is dated in the year 3000.
  await page.goto(invite([record('invC', 'community', { deleted: false, name: 'From the future' }, 32503680000000)]));
  await ready(page);
  await page.waitForFunction(() => cultivateTest.ui().import.invitation);
  const u = await ui(page);
  assert.match(u.import.files[0].error, /2 changes are dated more than a day after this device's clock \(the first: community "From the future"/);
  await click(page, 'Close');
  assert.equal(await page.evaluate(() => cultivateTest.state()), before, 'nothing changed');
  assert.equal(await stored(page, JSON.parse(before).community), before);
  // A real one: what it invites to, and nothing happens until the person says so.
  await page.goto(invite([record('invC', 'community', { deleted: false, name: 'Feedback circle', purpose_why: 'Better feedback' })]));
  await ready(page);
  await find(page, 'Answer the invitation');
  assert.equal((await state(page)).community, JSON.parse(before).community, 'still the community that was open');
  await click(page, 'Answer the invitation');
  const s = await until(page, (s) => s.community === 'invC', 'the invited community open');
  assert.equal(live(s, 'member').length, 1);
  assert.notEqual((await ui(page)).me, '');
  await click(page, 'Open the whole community');  // the next pages open on the whole community
  await page.waitForFunction(() => cultivateTest.ui().me === '');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('several files dropped at once are checked against each other, and an import too large to reopen is refused', async () => {
  const page = await openPage(browser.context, server.url);
  const id = (await state(page)).community;
  // Two answer files that disagree: x1 is a member in one and a topic in the other.
  await dropFiles(page, [
    { name: 'zoe.cultivate.json', text: file(id, [record('x1', 'member', { deleted: false, name: 'Zoë' })]) },
    { name: 'bo.cultivate.json', text: file(id, [record('x1', 'topic', { deleted: false, title: 'Feedback' }),
      record('x2', 'member', { deleted: false, name: 'Bo' })]) },
  ]);
  await find(page, 'Merge into this community');
  const files = (await ui(page)).import.files;
  assert.equal(files[0].error, '');
  assert.match(files[1].error, /record "x1" is a member here but a topic in the file \(in another of these files\)/);
  await click(page, 'Merge into this community');
  let s = await until(page, (s) => names(s).includes('Zoë'));
  assert.ok(!names(s).includes('Bo'), 'nothing of the refused file');
  // Two halves of 33 MB each: each would open alone, together they would not.
  const half = (n) => file(id, Array.from({ length: 380 }, (_, i) => record(`big${n}-${i}`, 'problem', { deleted: false, text: 'x'.repeat(90000) })));
  const before = await untilStored(page);
  await dropFiles(page, [{ name: 'a.cultivate.json', text: half(1) }, { name: 'b.cultivate.json', text: half(2) }]);
  await page.waitForFunction(() => cultivateTest.ui().importing, null, { timeout: 20000 });
  const u = await ui(page);
  assert.match(u.import.error, /this would make the community too large to store and open again \(6\d\.\d MB, over the 64\.0 MB a copy may have\)/);
  const merge = (await page.evaluate(() => cultivateTest.items())).filter((i) => i.label === 'Merge into this community');
  assert.equal(merge.length, 0, 'no Merge button');
  await click(page, 'Cancel');
  assert.equal(await page.evaluate(() => cultivateTest.state()), before);
  await page.close();
});

test('the last edit lands before New community, Move to bin, Open as new or an invitation opens another', async () => {
  const page = await openPage(browser.context, server.url);
  const zlib = await import('node:zlib');
  const steps = [
    ['New community', async () => menu(page, 'Community', 'New community')],
    ['Move to bin', async () => { await menu(page, 'Community', 'Move to bin...'); await click(page, 'Move to bin'); }],
    ['Open as new', async () => {
      await dropFiles(page, [{ name: 'other.cultivate.json', text: file('newC' + Date.now(), [record('x', 'member', { deleted: false, name: 'X' })]) }]);
      await click(page, 'Open as a new community');
    }],
    ['an invitation', async () => {
      const cid = 'inv' + Date.now();
      const inv = file(cid, [record(cid, 'community', { deleted: false, name: 'Invited' })]);
      await page.evaluate((h) => { location.hash = h; }, '#invite=' + b64url(zlib.deflateRawSync(Buffer.from(inv))));
      await click(page, 'Answer the invitation');
    }],
  ];
  for (const [what, leave] of steps) {
    const id = (await state(page)).community;
    await untilStored(page);
    const name = `Last edit before ${what}`;
    await addMember(page, name);  // and at once, well within the autosave delay:
    await leave();
    await until(page, (s) => s.community !== id, `another community open after ${what}`);
    await page.waitForFunction((id) => new Promise((resolve) => {
      const o = indexedDB.open('cultivate');
      o.onsuccess = () => {
        const r = o.result.transaction('communities').objectStore('communities').get(id);
        r.onsuccess = () => { resolve(!!(r.result && r.result.data && r.result.data.includes(name))); o.result.close(); };
      };
    }), id, { timeout: 10000 });
    if (what !== 'an invitation') continue;
    await click(page, 'Open the whole community');
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a stored copy that cannot be read is kept aside as a recovery copy; one from a newer version is never replaced', async () => {
  const page = await openPage(browser.context, server.url);
  await addMember(page, 'Ñúñez');
  const id = (await state(page)).community;
  await untilStored(page);
  // Another program writes something Cultivate cannot read under the same id.
  const damaged = '{"format": "cultivate.community", "version": 1, "community": "' + id + '", "records": [ {';
  await putStored(page, { id, name: 'Damaged', data: damaged, saved: Date.now(), etag: 'elsewhere' });
  await addMember(page, 'Żaneta');
  await page.waitForFunction(() => cultivateTest.ui().recovery.length === 1, null, { timeout: 10000 });
  const u = await ui(page);
  assert.match(u.status, /could not be read \(not valid JSON: .*\); it was kept aside as a recovery copy/);
  assert.ok((await untilStored(page)).includes('Żaneta'));
  await menu(page, 'Community', 'Communities...');
  const download = page.waitForEvent('download');
  await click(page, 'Download');
  const kept = fs.readFileSync(await (await download).path(), 'utf8');
  assert.equal(kept, damaged, 'the recovery copy is exactly what was stored');
  await click(page, 'Discard');
  await page.waitForFunction(() => cultivateTest.ui().recovery.length === 0);
  // A newer Cultivate stores version 2: this page keeps its edits in memory and never replaces it.
  const newer = JSON.parse(await stored(page, id));
  newer.version = 2;
  await putStored(page, { id, name: 'Newer', data: JSON.stringify(newer), saved: Date.now(), etag: 'v2' });
  await addMember(page, 'Алёна');
  await page.waitForFunction(() => cultivateTest.ui().save_blocked !== '', null, { timeout: 10000 });
  assert.match((await ui(page)).save_blocked, /a newer version of Cultivate stored this community/);
  await find(page, 'Export now');
  await page.waitForTimeout(1500);
  assert.equal(await stored(page, id), JSON.stringify(newer), 'the newer copy is untouched');
  assert.ok(names(await state(page)).includes('Алёна'), 'the edit is kept in memory');
  await page.close();
});

test('Delete for good stays deleted while another tab has the community open', async () => {
  const a = await openPage(browser.context, server.url);
  await menu(a, 'Community', 'New community');
  const s = await until(a, (s) => s.records.some((r) => r.type === 'community' && r.fields.name === 'New community'));
  const id = s.community;
  await addMember(a, 'Soon gone');
  await untilStored(a);
  const b = await openPage(browser.context, server.url);
  await until(b, (s) => s.community === id, 'the second tab on the same community');
  // Tab A bins it and deletes it for good; tab B keeps editing it.
  await menu(a, 'Community', 'Move to bin...');
  await click(a, 'Move to bin');
  await until(a, (s) => s.community !== id);
  await menu(a, 'Community', 'Communities...');
  await click(a, 'Delete for good##' + id);
  await find(a, 'Keep it##Delete for good?');  // the confirmation, drawn before the window: its button comes first
  await click(a, 'Delete for good');
  await a.waitForFunction((id) => !cultivateTest.ui().communities.some((c) => c.id === id), id, { timeout: 5000 })
    .catch(async (e) => { console.log(JSON.stringify(await ui(a)).slice(0, 3000)); throw e; });
  await addMember(b, 'Edit after the delete').catch(() => {});
  await b.waitForTimeout(2500);
  const record = await a.evaluate((id) => new Promise((resolve) => {
    const o = indexedDB.open('cultivate');
    o.onsuccess = () => { const r = o.result.transaction('communities').objectStore('communities').get(id); r.onsuccess = () => resolve(r.result || null); };
  }), id);
  assert.ok(record && record.purged && !record.data, 'only a tombstone is stored');
  assert.ok(!(await ui(a)).communities.some((c) => c.id === id));
  assert.notEqual((await state(b)).community, id, 'the other tab left it');
  await a.reload();
  await ready(a);
  assert.ok(!(await ui(a)).communities.some((c) => c.id === id), 'and it does not come back after a reload');
  await a.close();
  await b.close();
});

test('a sign-up sheet imported again changes only what it changed: removed members stay removed (page clock)', async () => {
  const page = await openPage(browser.context, server.url);
  await menu(page, 'Community', 'New community');
  await until(page, (s) => live(s, 'member').length === 0);
  const sheet = 'Name,E-mail,Availability,Objectives\nZoë,zoe@example.org,Thursdays,give feedback\nJürgen,j@example.org,Mondays,coaching\n';
  const importSheet = async (text) => {
    await dropFiles(page, [{ name: 'signups.csv', text }]);
    await page.waitForFunction(() => cultivateTest.ui().csv.open);
    await click(page, /^Import \d+ members$/);
  };
  await importSheet(sheet);
  let s = await until(page, (s) => live(s, 'member').length === 2);
  const zoe = live(s, 'member').find((m) => m.fields.name === 'Zoë');
  // The page's own clock stamped the import (not a fixed clock): within a minute of now.
  const t = await page.evaluate(() => Date.now());
  assert.ok(Math.abs(zoe.stamps.name[0] - t) < 60000, `stamped at ${zoe.stamps.name[0]}, now ${t}`);
  // The convener removes Jürgen in the Members panel (his row comes first: Jürgen, Zoë).
  await click(page, 'Members');
  await click(page, 'Remove');
  s = await until(page, (s) => live(s, 'member').length === 1, 'Jürgen removed');
  assert.equal(live(s, 'member')[0].id, zoe.id);
  // Then the sheet comes again, with one new row.
  await importSheet(sheet + 'Алёна,a@example.org,Fridays,listening\n');
  assert.equal((await ui(page)).csv.open, false);
  s = await until(page, (s) => live(s, 'member').length === 2, 'Zoë and Алёна');
  assert.deepEqual(names(s), ['Zoë', 'Алёна']);
  await page.close();
});

test('a sign-up sheet that would make the community too large to reopen is refused in its preview', async () => {
  const page = await openPage(browser.context, server.url);
  await menu(page, 'Community', 'New community');
  await until(page, (s) => live(s, 'member').length === 0);
  const before = await untilStored(page);
  // 60,000 rows of 150 characters: 9 MB of sheet, far more as a community (stamps on every field).
  const rows = ['Name,E-mail,Objectives,Skills'];
  for (let i = 0; i < 60000; i++) rows.push(`Member ${i} Ñúñez,m${i}@example.org,give feedback ${i},facilitation ${i}; coaching ${i}`);
  await dropFiles(page, [{ name: 'everyone.csv', text: rows.join('\n') }]);
  await page.waitForFunction(() => cultivateTest.ui().csv.open, null, { timeout: 60000 });
  const csv = (await ui(page)).csv;
  assert.equal(csv.imported, 60000);
  assert.match(csv.blocked, /too large to store and open again \(\d+\.\d MB, over the 64\.0 MB a copy may have\)/);
  await find(page, 'Import 60000 members');
  await click(page, 'Import 60000 members');  // disabled: nothing happens
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => cultivateTest.state()), before);
  await click(page, 'Cancel');
  await page.close();
});

test('hostile and damaged links end in a message; a redirect elsewhere is refused', async () => {
  const page = await openPage(browser.context, server.url);
  const before = await untilStored(page);
  await page.goto(server.url + '#url=%E0%A4%A');
  await ready(page);
  await page.waitForFunction(() => cultivateTest.ui().importing);
  assert.match((await ui(page)).import.files[0].error, /the link is damaged: its address is not properly encoded/);
  await click(page, 'Close');
  // A host that redirects to an address no link may open (127.0.0.2 is not this machine's page).
  let reached = 0;
  const elsewhere = await serve({ root: '/nonexistent', port: 0, host: '127.0.0.2', extra: (req, res) => { reached++; res.writeHead(200).end('{}'); return true; } });
  const redirector = await serve({ root: '/nonexistent', port: 0, extra: (req, res) => {
    res.writeHead(302, { Location: `http://127.0.0.2:${elsewhere.port}/secret`, 'Access-Control-Allow-Origin': '*' }).end();
    return true;
  } });
  await page.goto(server.url + '#url=' + encodeURIComponent(redirector.url + 'circle.json'));
  await ready(page);
  await page.waitForFunction(() => cultivateTest.ui().importing, null, { timeout: 20000 });
  assert.match((await ui(page)).import.files[0].error, /could not be fetched|redirected to/);
  assert.equal(reached, 0, 'the redirect reached nothing');
  await click(page, 'Close');
  assert.equal(await page.evaluate(() => cultivateTest.state()), before);
  assert.deepEqual(page.problems.filter((p) => !/Content Security Policy|Failed to fetch|ERR_/.test(p)), []);
  await redirector.close();
  await elsewhere.close();
  await page.close();
});

test('the page a person runs has no test interface, and opens https links only', async () => {
  let hits = 0;
  const person = await serve({ root: distPerson, port: 0 });
  const local = await serve({ root: '/nonexistent', port: 0, extra: (req, res) => { hits++; res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('{}'); return true; } });
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(person.url + '#url=' + encodeURIComponent(local.url + 'circle.json'));
  await page.waitForFunction(() => document.getElementById('loading').hidden, null, { timeout: 30000 });
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => typeof window.cultivateTest), 'undefined');
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /connect-src 'self' https:;/);
  assert.doesNotMatch(csp, /127\.0\.0\.1|localhost/);
  assert.equal(hits, 0, 'nothing on this machine was fetched');
  // Even a script on the page cannot reach it: the policy refuses.
  const fetched = await page.evaluate((u) => fetch(u).then(() => 'fetched', (e) => 'refused'), local.url + 'x');
  assert.equal(fetched, 'refused');
  assert.equal(hits, 0);
  assert.deepEqual(errors, []);
  await page.close();
  await person.close();
  await local.close();
});

test('Markdown exports show names as written: no HTML, no headings, no links', async () => {
  const page = await openPage(browser.context, server.url);
  await menu(page, 'Community', 'New community');
  await until(page, (s) => live(s, 'member').length === 0);
  await addMember(page, '<img src=x onerror=alert(1)>');
  await addMember(page, '# Not a heading');
  await click(page, 'Meetings');
  await click(page, 'Create meeting');
  await until(page, (s) => live(s, 'meeting').length === 1);
  const d = page.waitForEvent('download');
  await click(page, 'Summary (Markdown)');
  const md = fs.readFileSync(await (await d).path(), 'utf8');
  const html = new MarkdownIt({ html: true }).render(md);
  assert.doesNotMatch(html, /<img/);
  assert.equal((html.match(/<h1>/g) || []).length, 1, 'one heading: the meeting title');
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /# Not a heading/);
  await page.close();
});
