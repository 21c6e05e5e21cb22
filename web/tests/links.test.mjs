// links.test.mjs: share links. "Copy share link" puts the community in the URL fragment (#c=) and
// on the clipboard; another browser opens it with a preview. Larger communities are told to share
// the file. #url= links fetch a hosted file without credentials, with a size cap and a time-out, and
// say clearly what went wrong. Hostile links change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { startServer, launch, openPage, find, click, state, until, live, stored, untilStored, ui, addMember, menu,
  ready, dropFiles } from './harness.mjs';
import { serve } from '../serve.mjs';

let server, files, browser, page;
const stamp = [1790000000000, 0, 'linktest'];
const record = (id, type, fields) => ({ id, type, fields, stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])) });
const hosted = JSON.stringify({ format: 'cultivate.community', version: 1, community: 'hostedC', records: [
  record('hostedC', 'community', { deleted: false, name: 'Hosted circle' }),
  record('hM1', 'member', { deleted: false, name: 'Παύλος' }),
] });

before(async () => {
  server = await startServer();
  // Another origin, as any web host would be.
  files = await serve({ root: '/nonexistent', port: 0, extra: (req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*' };
    const p = new URL(req.url, 'http://x').pathname;
    if (p === '/good.json') res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(hosted);
    else if (p === '/nocors.json') res.writeHead(200, { 'Content-Type': 'application/json' }).end(hosted);
    else if (p === '/missing.json') res.writeHead(404, { ...cors, 'Content-Type': 'text/plain' }).end('not here');
    else if (p === '/page.html') res.writeHead(200, { ...cors, 'Content-Type': 'text/html' }).end('<!doctype html><p>Hello</p>');
    else if (p === '/big-stream') {
      // 65 MB with no Content-Length: only counting while streaming can catch it.
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(1 << 20, 32);
      let sent = 0;
      const pump = () => { while (sent < 65 && res.write(chunk)) sent++; if (sent < 65) res.once('drain', pump); else res.end(); };
      pump();
    } else if (p === '/big-length') {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Content-Length': String(80 << 20) });
      res.write('{');  // and never more: the header alone must refuse it
    } else if (p === '/slow') {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });  // headers, then silence
    } else return false;
    return true;
  } });
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await openPage(browser.context, server.url);
  await addMember(page, 'Zoë Ñúñez');
  await addMember(page, 'Алёна');
});
after(async () => {
  await browser.context.close();
  await server.close();
  files.server.closeAllConnections();
  await files.close();
});

const members = (s) => live(s, 'member').map((m) => m.fields.name).sort();

// Opens the page at a link in the same tab, waits until it is ready, returns the import preview.
async function openLink(hash) {
  await page.goto(server.url + hash);
  await ready(page);
  await page.waitForFunction(() => cultivateTest.ui().importing, null, { timeout: 25000 });
  return (await ui(page)).import;
}

test('"Copy share link" puts the community in the link and on the clipboard; another browser opens it', async () => {
  const original = await untilStored(page);
  await menu(page, 'Share', 'Copy share link');
  await page.waitForFunction(() => cultivateTest.ui().share.copied === 1);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, (await ui(page)).share.url);
  assert.ok(link.startsWith(server.url + '#c='), link.slice(0, 60));
  assert.ok(link.length < 8000);
  console.log(`share link: ${link.length} characters for a ${original.length}-byte community`);
  await click(page, 'Close');
  // Someone else, in their own browser.
  const other = await launch();
  const theirs = await openPage(other.context, link);
  await theirs.waitForFunction(() => cultivateTest.ui().importing);
  const preview = (await theirs.evaluate(() => cultivateTest.ui())).import;
  assert.equal(preview.files[0].counts.member.added, 2);
  assert.equal(await theirs.evaluate(() => location.hash), '', 'the link is cleared so a reload does not import again');
  await click(theirs, 'Open as a new community');
  await until(theirs, (s) => s.community === JSON.parse(original).community, 'the shared community open');
  assert.equal(await theirs.evaluate(() => cultivateTest.state()), original, 'the same community, byte for byte');
  await other.context.close();
});

test('a community too large for a link says so and offers the file', async () => {
  const s = await state(page);
  const records = [];
  for (let i = 0; i < 400; i++) records.push(record(`big${i}`, 'member', { deleted: false, name: `Member ${i}`, notes: `Notes about member ${i} ${Math.random()}` }));
  await dropFiles(page, [{ name: 'many.cultivate.json', text: JSON.stringify({ format: 'cultivate.community', version: 1,
    community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => members(s).length > 400);
  await menu(page, 'Share', 'Copy share link');
  await page.waitForFunction(() => cultivateTest.ui().share.open && cultivateTest.ui().share.length > 0);
  const share = (await ui(page)).share;
  assert.ok(share.length >= 8000, `${share.length}`);
  assert.equal(share.copied, -1, 'an over-long link is not copied');
  await find(page, 'Export file');
  await click(page, 'Close');
  await page.keyboard.press('Control+z');  // take the 400 members back out
  await until(page, (s) => members(s).length === 2);
});

test('#url= opens a hosted file with a preview, fetched without credentials', async () => {
  const seen = [];
  page.on('request', (r) => { if (r.url().startsWith(files.url)) seen.push(r); });
  const preview = await openLink(`#url=${files.url}good.json`);
  assert.equal(preview.files[0].error, '');
  assert.equal(preview.files[0].counts.member.added, 1);
  assert.equal(seen[0].headers().cookie, undefined);
  await click(page, 'Open as a new community');
  await until(page, (s) => s.community === 'hostedC');
});

test('#url= failures name the problem and change nothing', async () => {
  await page.goto(server.url);
  await ready(page);
  const before = await untilStored(page);
  const cases = [
    ['nocors.json', /could not be fetched: the server is unreachable, or it does not allow other sites to read the file \(CORS\)/],
    ['missing.json', /^the server answered 404 Not Found: there is no file at that address$/],
    ['page.html', /^not valid JSON: line 1, column 1/],
    ['big-stream', /^the file is larger than 64\.0 MB; the limit is 64\.0 MB$/],
    ['big-length', /^the file is too large: 80\.0 MB; the limit is 64\.0 MB$/],
  ];
  for (const [file, message] of cases) {
    const preview = await openLink(`#url=${files.url}${file}`);
    assert.match(preview.files[0].error, message, file);
    await click(page, 'Close');
    assert.equal(await page.evaluate(() => cultivateTest.state()), before, file);
  }
  const t0 = Date.now();
  const slow = await openLink(`#url=${files.url}slow`);
  assert.equal(slow.files[0].error, 'the server did not answer within 15 seconds');
  console.log(`a silent server was given up after ${Date.now() - t0} ms`);
  await click(page, 'Close');
  assert.equal(await stored(page, JSON.parse(before).community), before);
});

test('hostile links are refused with a message and change nothing', async () => {
  const before = await page.evaluate(() => cultivateTest.state());
  const bomb = zlib.deflateRawSync(Buffer.alloc(70 << 20, 32)).toString("base64url");  // 70 MB of spaces, ~70 KB
  const junk = Buffer.from('not deflate at all, just bytes').toString('base64url');
  const notCommunity = zlib.deflateRawSync(Buffer.from('[1,2,3]')).toString('base64url');
  const cases = [
    ['#c=%%%<script>', /^the link is damaged: it has characters a share link never has$/],
    [`#c=${junk}`, /^the link is damaged: its data does not unpack/],
    [`#c=${bomb}`, /^the link unpacks to more than 64\.0 MB; the limit is 64\.0 MB$/],
    [`#c=${notCommunity}`, /^not a Cultivate community: the file holds an array/],
    ['#url=javascript:alert(1)', /^only https:\/\/ addresses can be opened$/],
    ['#url=file:///etc/passwd', /^only https:\/\/ addresses can be opened$/],
    ['#url=not a url', /^the link does not hold a web address$/],
  ];
  for (const [hash, message] of cases) {
    const preview = await openLink(hash);
    assert.match(preview.files[0].error, message, hash.slice(0, 40));
    await click(page, 'Close');
    assert.equal(await page.evaluate(() => cultivateTest.state()), before);
  }
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|CORS|Access-Control/.test(p)), []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});
