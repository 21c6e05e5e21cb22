// matrix.test.mjs: the live sync through a Matrix room, in real Chromium against a real Synapse that
// scripts/synapse.sh starts on loopback (and stops). Two browser profiles are two members: the
// convener Zoë creates the room, Jürgen joins it; a thread started in one shows in the other and the
// reply comes back; a plain Client-Server API client (standing in for Element) reads the thread and
// answers in it; a forged vote is refused and listed; the server killed in the middle of a long poll,
// both edit, one tab closed with its change waiting, and both converge when the server is back; a
// wrong password, an unreachable homeserver, an encrypted room and an over-large post each say so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repo, startServer, launch, openPage, click, find, state, until, live, ui, menu, dropFiles, typeInto, addMember,
  ready, idle } from './harness.mjs';

const synapse = (...args) => execFileSync(path.join(repo, 'scripts/synapse.sh'), args, { encoding: 'utf8' }).trim();

let hsDir, hs, server, zoe, jurgen, newcomer, a, b, community, room;
const users = { zoe: 'pw-zoe-Ζ', jurgen: 'pw-jürgen', alena: 'pw-алёна', pavlos: 'pw-παύλος' };
const tokens = {};

// The Client-Server API as any Matrix client speaks it.
async function api(token, method, route, body) {
  const r = await fetch(hs + '/_matrix/client/v3' + route, {
    method, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const j = await r.json();
  if (!r.ok) throw new Error(`${method} ${route}: ${r.status} ${JSON.stringify(j)}`);
  return j;
}
let txn = 0;
const send = (token, type, content) =>
  api(token, 'PUT', `/rooms/${encodeURIComponent(room)}/send/${type}/t${Date.now()}.${txn++}`, content);
// Every event of the room, oldest first.
async function history(token) {
  const out = [];
  let from = '';
  for (;;) {
    const j = await api(token, 'GET', `/rooms/${encodeURIComponent(room)}/messages?dir=f&limit=100${from ? '&from=' + from : ''}`);
    out.push(...j.chunk);
    if (!j.end || j.chunk.length === 0) return out;
    from = encodeURIComponent(j.end);
  }
}

const liveOf = async (p) => (await ui(p)).live;
// Polls the page's live sync state until pred holds (the page's CSP allows no eval of a predicate).
async function untilLive(p, pred, what, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const l = await liveOf(p);
    if (pred(l)) return l;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeout} ms; live: ${JSON.stringify(l)}`);
    await p.waitForTimeout(50);
  }
}

async function connect(p, user, { join = '', homeserver = hs, password = users[user] } = {}) {
  await menu(p, 'Community', 'Connect to a Matrix room...');
  await typeInto(p, '##live-homeserver', homeserver, 'Tab');
  await typeInto(p, '##live-user', `@${user}:localhost`, 'Tab');
  await typeInto(p, '##live-password', password, 'Tab');
  if (join === true) {
    await click(p, 'Join the room');  // the room the community's copy names, filled in
  } else if (join) {
    await click(p, 'Join this community\'s room');
    await typeInto(p, '##live-room', join, 'Tab');
    await click(p, 'Join the room');
  } else {
    await click(p, /^Create a room for this community/);
    await click(p, 'Create the room');
  }
}

before(async () => {
  hsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cultivate-synapse-'));
  hs = synapse('start', hsDir);
  for (const [user, password] of Object.entries(users)) {
    const r = await api('', 'POST', '/register', { username: user, password, auth: { type: 'm.login.dummy' } });
    tokens[user] = r.access_token;
  }
  server = await startServer();
  zoe = await launch({ acceptDownloads: true });
  a = await openPage(zoe.context, server.url, { viewport: { width: 1280, height: 1000 } });
  const s = await state(a);
  community = s.community;
  const st = s.records[0].stamps.name;
  const member = (id, name, matrix) => ({ id, type: 'member', fields: { deleted: false, name, matrix_id: matrix },
    stamps: { deleted: st, name: st, matrix_id: st } });
  await dropFiles(a, [{ name: 'circle.json', text: JSON.stringify({ format: 'cultivate.community', version: 1,
    community, records: [member('p0', 'Zoë', '@zoe:localhost'), member('p1', 'Jürgen', '@jurgen:localhost')] }) }]);
  await click(a, 'Merge into this community');
  await until(a, (s) => live(s, 'member').length === 2);
});
after(async () => {
  if (newcomer) await newcomer.context.close();
  if (jurgen) await jurgen.context.close();
  if (zoe) await zoe.context.close();
  if (server) await server.close();
  if (hsDir) synapse('stop', hsDir);
});

test('Zoë creates the room, Jürgen joins it; a thread in one shows in the other within seconds, and the reply comes back', async () => {
  const t = Date.now();
  await connect(a, 'zoe');
  await untilLive(a, (l) => l.status === 'synced' && l.room !== '', 'Zoë synced');
  console.log(`# Zoë: room created and read in ${Date.now() - t} ms`);
  await a.keyboard.press('Escape');  // the window closes
  room = (await liveOf(a)).room;
  assert.match(room, /^!\S+$/);
  // The community names its room: copies and invitations carry it.
  assert.equal((await state(a)).records.find((r) => r.id === community).fields.matrix_room, room);
  // Jürgen was invited: the directory has his Matrix ID.
  const invited = await api(tokens.jurgen, 'GET', '/sync?timeout=0');
  assert.ok(invited.rooms?.invite?.[room], 'Jürgen is invited');

  // Jürgen has the community from a file, and joins its room by its address.
  jurgen = await launch({ acceptDownloads: true });
  b = await openPage(jurgen.context, server.url, { viewport: { width: 1280, height: 1000 } });
  await dropFiles(b, [{ name: 'circle.json', text: JSON.stringify(await state(a)) }]);
  await click(b, 'Open as a new community');
  await until(b, (s) => s.community === community && live(s, 'member').length === 2, 'his copy');
  const tj = Date.now();
  await connect(b, 'jurgen', { join: true });
  await untilLive(b, (l) => l.status === 'synced', 'Jürgen synced');
  console.log(`# Jürgen: joined and read in ${Date.now() - tj} ms`);
  await b.keyboard.press('Escape');

  // Zoë starts a thread.
  await click(a, 'Threads');
  await click(a, '##thread-as');
  await click(a, 'Zoë##as-p0');
  await typeInto(a, '##thread-title', 'Who has run a retro with Παύλος?', 'Tab');
  const t0 = Date.now();
  await click(a, 'Start the thread');
  const sa = await until(a, (s) => live(s, 'thread').length === 1, 'her thread');
  const thread = live(sa, 'thread')[0];
  const sb = await until(b, (s) => live(s, 'thread').length === 1, 'her thread in his browser', 15000);
  const arrived = Date.now() - t0;
  assert.equal(live(sb, 'thread')[0].fields.title, 'Who has run a retro with Παύλος?');

  // He replies, as himself.
  await click(b, 'Threads');
  await click(b, new RegExp(`##thread-${thread.id}$`));
  await click(b, '##thread-as');
  await click(b, 'Jürgen##as-p1');
  await typeInto(b, '##reply', 'I have: pairs first, then fours.');
  await until(b, (s) => live(s, 'reply').length === 1, 'his reply');
  const t1 = Date.now();
  const sr = await until(a, (s) => live(s, 'reply').length === 1, 'his reply in her browser', 15000);
  const back = Date.now() - t1;
  assert.equal(live(sr, 'reply')[0].fields.author, 'p1');
  assert.equal(live(sr, 'reply')[0].fields.body, 'I have: pairs first, then fours.');
  console.log(`# post to appearance: ${arrived} ms (thread, Zoë to Jürgen), ${back} ms (reply, back)`);
  await untilLive(a, (l) => l.status === 'synced' && l.refused.length === 0, 'nothing refused');
  await untilLive(b, (l) => l.status === 'synced' && l.refused.length === 0, 'nothing refused');
});

test('another Matrix client reads the thread as a Matrix thread and answers in it; the answer shows in Cultivate', async () => {
  const s = await state(a);
  const thread = live(s, 'thread')[0];
  await untilLive(a, (l) => l.mirrored >= 2, 'the thread sent as a message, his reply seen as one');
  await untilLive(b, (l) => l.mirrored >= 2, 'the reply sent as a message');
  const events = await history(tokens.jurgen);
  const root = events.find((e) => e.type === 'm.room.message' && e.content['org.cultivate.thread'] === thread.id);
  assert.ok(root, 'the thread is a message in the room');
  assert.equal(root.content.body, 'Who has run a retro with Παύλος?');
  assert.equal(root.sender, '@zoe:localhost');
  const replies = events.filter((e) => e.type === 'm.room.message' && e.content['m.relates_to']?.rel_type === 'm.thread');
  assert.equal(replies.length, 1);
  assert.equal(replies[0].content['m.relates_to'].event_id, root.event_id);
  assert.equal(replies[0].content.body, 'I have: pairs first, then fours.');
  assert.equal(replies[0].sender, '@jurgen:localhost');
  // Jürgen answers from "Element".
  await send(tokens.jurgen, 'm.room.message', { msgtype: 'm.text', body: 'From Element: a check-in round, Żaneta style.',
    'm.relates_to': { rel_type: 'm.thread', event_id: root.event_id, is_falling_back: true, 'm.in_reply_to': { event_id: root.event_id } } });
  for (const p of [a, b]) {
    const st = await until(p, (s) => live(s, 'reply').some((r) => r.fields.body === 'From Element: a check-in round, Żaneta style.'),
      'the answer from another client', 15000);
    const r = live(st, 'reply').find((r) => r.fields.body.startsWith('From Element'));
    assert.equal(r.fields.author, 'p1');
    assert.equal(r.fields.thread, thread.id);
  }
  // The same record in both copies (made from the event alone).
  const ida = live(await state(a), 'reply').find((r) => r.fields.body.startsWith('From Element')).id;
  const idb = live(await state(b), 'reply').find((r) => r.fields.body.startsWith('From Element')).id;
  assert.equal(ida, idb);
  // A thread started there, and answered there: a thread and its reply here, not sent back as messages.
  const top = await send(tokens.jurgen, 'm.room.message', { msgtype: 'm.text', body: 'Book for May?\nI would like Radical Candor.' });
  await send(tokens.jurgen, 'm.room.message', { msgtype: 'm.text', body: 'Seconded.',
    'm.relates_to': { rel_type: 'm.thread', event_id: top.event_id, is_falling_back: true, 'm.in_reply_to': { event_id: top.event_id } } });
  for (const p of [a, b]) {
    const st = await until(p, (s) => live(s, 'reply').some((r) => r.fields.body === 'Seconded.'), 'a thread from another client', 15000);
    const t = live(st, 'thread').find((t) => t.fields.title === 'Book for May?');
    assert.equal(t.fields.body, 'I would like Radical Candor.');
    assert.equal(t.fields.author, 'p1');
    assert.equal(live(st, 'reply').find((r) => r.fields.body === 'Seconded.').fields.thread, t.id);
  }
  await untilLive(a, (l) => l.status === 'synced', 'nothing more to send');
  const again = (await history(tokens.jurgen)).filter((e) => e.type === 'm.room.message' && /Book for May|Seconded/.test(e.content.body));
  assert.equal(again.length, 2, 'not sent back as messages');
});

test('a member given a Matrix ID in the convener\'s copy is invited to the room', async () => {
  const st = [Date.now(), 0, 'answers'];
  await dropFiles(a, [{ name: 'alena.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community, records: [
    { id: 'p2', type: 'member', fields: { deleted: false, name: 'Алёна', matrix_id: '@alena:localhost' },
      stamps: { deleted: st, name: st, matrix_id: st } }] }) }]);
  await click(a, 'Merge into this community');
  const login = await api('', 'POST', '/login', { type: 'm.login.password', identifier: { type: 'm.id.user', user: 'alena' }, password: users.alena });
  let invited = false;
  for (const end = Date.now() + 15000; !invited && Date.now() < end;) {
    const s = await api(login.access_token, 'GET', '/sync?timeout=1000');
    invited = Boolean(s.rooms?.invite?.[room]);
  }
  assert.ok(invited, 'Алёна is invited');
  await until(b, (s) => live(s, 'member').some((m) => m.fields.name === 'Алёна'), 'her member record in his copy', 15000);
});

test('a newcomer answers an invitation through the room: asks to join, is let in, and the answers arrive', async () => {
  await zoe.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await menu(a, 'Community', 'Copy invitation link');
  await a.waitForFunction(() => cultivateTest.ui().share.copied === 1);
  const invite = await a.evaluate(() => navigator.clipboard.readText());
  await click(a, 'Close');
  newcomer = await launch();
  const n = await newcomer.context.newPage();
  await n.setViewportSize({ width: 1280, height: 1000 });
  n.problems = [];
  await n.goto(invite);
  await n.waitForFunction(() => window.cultivateTest && cultivateTest.ui().import.invitation, null, { timeout: 30000 });
  await click(n, 'Answer the invitation');
  await n.waitForFunction(() => cultivateTest.ui().me !== '');
  await typeInto(n, '##my-name', 'Παύλος');
  await click(n, 'Send through the Matrix room...');
  await typeInto(n, '##live-homeserver', hs, 'Tab');
  await typeInto(n, '##live-user', '@pavlos:localhost', 'Tab');
  await typeInto(n, '##live-password', users.pavlos, 'Tab');
  await click(n, 'Join the room');  // the invitation names the room
  await untilLive(n, (l) => l.phase === 6 && /waiting for a moderator/.test(l.status), 'he asked to join');
  // Zoë sees him asking, and lets him in.
  await untilLive(a, (l) => l.knocks.includes('@pavlos:localhost'), 'his request in her browser');
  await click(a, /^Matrix room: /);
  await click(a, 'Let in##knock-@pavlos:localhost');
  await untilLive(n, (l) => l.status === 'synced', 'he is in', 30000);
  const s = await until(a, (s) => live(s, 'member').some((m) => m.fields.name === 'Παύλος'), 'his answers in her copy', 15000);
  const him = live(s, 'member').find((m) => m.fields.name === 'Παύλος');
  assert.equal(him.fields.matrix_id, '@pavlos:localhost');
  assert.deepEqual((await liveOf(a)).refused.filter((r) => r.sender === '@pavlos:localhost'), []);
  await a.keyboard.press('Escape');
});

test('a forged vote is refused in every copy and listed with its sender', async () => {
  const now = Date.now();
  const stamp = [now, 0, 'forger'];
  const file = { format: 'cultivate.community', version: 1, community, records: [
    { id: 'vote:t9:p0', type: 'vote', fields: { deleted: false, topic: 't9', member: 'p0', dots: 3 },
      stamps: { deleted: stamp, topic: stamp, member: stamp, dots: stamp } }] };
  await send(tokens.jurgen, 'org.cultivate.records', { community, file: JSON.stringify(file) });
  for (const p of [a, b]) {
    await untilLive(p, (l) => l.refused.some((r) => r.what === 'vote vote:t9:p0'), 'the forged vote refused');
    const l = await liveOf(p);
    const r = l.refused.find((r) => r.what === 'vote vote:t9:p0');
    assert.equal(r.sender, '@jurgen:localhost');
    assert.equal(r.reason, 'it belongs to another member');
    assert.equal((await state(p)).records.some((r) => r.id === 'vote:t9:p0'), false);
  }
  // The log is on screen, in the Matrix room window. The click waits for a page at rest: on a loaded
  // machine it once landed beside the status (a popup opened instead), aimed from an earlier frame.
  await idle(a);
  await click(a, /^Matrix room: synced##live-status$/);
  await find(a, 'Disconnect');  // the window is open
  await a.keyboard.press('Escape');
});

test('the server killed in a long poll: both edit, his tab closes with a change waiting, and both converge when it is back', async () => {
  synapse('stop', hsDir, '--kill');
  await untilLive(a, (l) => l.offline, 'Zoë offline');
  await untilLive(b, (l) => l.offline, 'Jürgen offline');
  await click(a, 'Members');
  await addMember(a, 'Ñúñez');
  // The thread his page has open: the first test's (the room has another, whose id may sort first).
  const thread = live(await state(b), 'thread').find((t) => t.fields.title === 'Who has run a retro with Παύλος?');
  await typeInto(b, '##reply', 'Written offline, Алёна.');
  await until(b, (s) => live(s, 'reply').some((r) => r.fields.body === 'Written offline, Алёна.' && r.fields.thread === thread.id),
    'his offline reply, in that thread');
  await untilLive(a, (l) => l.waiting >= 1 && /^offline \(retrying/.test(l.status), 'hers waiting');
  await untilLive(b, (l) => l.waiting >= 1 && /changes? waiting/.test(l.status), 'his waiting');
  // His tab closes with the change waiting; he opens the page again.
  await b.waitForTimeout(300);
  await b.close();
  b = await openPage(jurgen.context, server.url, { viewport: { width: 1280, height: 1000 } });
  await until(b, (s) => s.community === community && live(s, 'reply').some((r) => r.fields.body === 'Written offline, Алёна.'),
    'his copy after reopening');
  await untilLive(b, (l) => l.waiting >= 1 && l.room === room, 'his change still waiting');
  synapse('restart', hsDir);
  await until(a, (s) => live(s, 'reply').some((r) => r.fields.body === 'Written offline, Алёна.' && r.fields.thread === thread.id),
    'his offline reply in her copy', 60000);
  await until(b, (s) => live(s, 'member').some((m) => m.fields.name === 'Ñúñez'), 'her offline member in his copy', 60000);
  await untilLive(a, (l) => l.status === 'synced', 'Zoë synced again', 60000);
  await untilLive(b, (l) => l.status === 'synced', 'Jürgen synced again', 60000);
  const [sa, sb] = [await state(a), await state(b)];
  assert.deepEqual(sb.records, sa.records, 'the two copies are the same');
});

test('a wrong password, an unreachable homeserver, an encrypted room and an over-large post each say so', async () => {
  // An edit here reaches Jürgen's copy, which saves it while he clicks the room's button below: the
  // storage's word beside it changes ("Saving...", then the details), and the button must not move
  // under the click (before it stood left of the storage's word, and the click opened the storage's
  // details instead: this test failed so).
  await typeInto(a, '##purpose_why', 'Learning together, in the open', 'Tab');

  // Over-large: a post of 70,000 letters merged from a file is not sent, and the status line says why.
  const s = await state(a);
  const thread = live(s, 'thread')[0];
  const st = [Date.now(), 0, 'essayist'];
  await dropFiles(a, [{ name: 'essay.json', text: JSON.stringify({ format: 'cultivate.community', version: 1, community, records: [
    { id: 'essay', type: 'reply', fields: { deleted: false, thread: thread.id, author: 'p0', body: 'ы'.repeat(35000) },
      stamps: { deleted: st, thread: st, author: st, body: st } }] }) }]);
  await click(a, 'Merge into this community');
  await a.waitForFunction(() => /^Not sent to the room: reply essay is larger than a Matrix event may be/.test(cultivateTest.ui().status),
    null, { timeout: 15000 });
  await untilLive(a, (l) => l.status === 'synced', 'nothing left waiting');

  // Jürgen disconnects and tries again, wrongly.
  await click(b, /^Matrix room: synced##live-status$/);
  await click(b, 'Disconnect');
  await untilLive(b, (l) => l.phase === 0, 'disconnected');
  await click(b, 'Join this community\'s room');  // (this page was opened again: nothing is filled in)
  await typeInto(b, '##live-user', '@jurgen:localhost', 'Tab');
  await typeInto(b, '##live-room', room, 'Tab');
  await typeInto(b, '##live-homeserver', hs, 'Tab');
  await typeInto(b, '##live-password', 'not his password', 'Tab');
  await click(b, 'Join the room');
  await untilLive(b, (l) => l.phase === 5, 'refused');
  assert.match((await liveOf(b)).status, /^The homeserver refused this user ID and password: .*M_FORBIDDEN/);
  const closed = await new Promise((resolve) => {  // a port nothing listens on
    const srv = net.createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
  await typeInto(b, '##live-homeserver', `http://127.0.0.1:${closed}`, 'Tab');
  await typeInto(b, '##live-password', users.jurgen, 'Tab');
  await click(b, 'Join the room');
  await untilLive(b, (l) => l.phase === 5, 'unreachable');
  assert.equal((await liveOf(b)).status.startsWith(`Cannot reach the homeserver at http://127.0.0.1:${closed}: `), true);
  // A room with end-to-end encryption, made by another client for the same community.
  const enc = await api(tokens.zoe, 'POST', '/createRoom', { preset: 'private_chat', invite: ['@jurgen:localhost'],
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } },
      { type: 'org.cultivate.community', state_key: '', content: { community } }] });
  await typeInto(b, '##live-homeserver', hs, 'Tab');
  await typeInto(b, '##live-password', users.jurgen, 'Tab');
  await typeInto(b, '##live-room', enc.room_id, 'Tab');
  await click(b, 'Join the room');
  await untilLive(b, (l) => l.phase === 5, 'encrypted');
  assert.match((await liveOf(b)).status, /^This room is end-to-end encrypted; Cultivate cannot read encrypted rooms yet/);
  // Nothing of this touched his community.
  assert.ok(live(await state(b), 'reply').length >= 3);
  // The browser logs each request the stopped or unreachable server did not answer; nothing else.
  const unexpected = (p) => p.problems.filter((m) => !/^Failed to load resource: /.test(m));
  assert.deepEqual(unexpected(a), []);
  assert.deepEqual(unexpected(b), []);
});
