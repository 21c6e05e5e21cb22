// input.test.mjs: text, input and display. Every script of our members' names typed and drawn;
// composed input (IME, dead keys); a phone's touch and on-screen keyboard; copy and paste with the
// system clipboard; crisp text and exact hit-testing at devicePixelRatio 2; wheel and touch
// scrolling; and no frames at all while nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage, find, click, state, until, live, items, addMember, editing, notEditing,
  frames, dropFiles, idle } from './harness.mjs';
import { generate } from '../../bench/scale/generate.mjs';
import { decodePng } from './png.mjs';

let server, desktop, page;
before(async () => {
  server = await startServer();
  desktop = await launch();
  await desktop.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  page = await openPage(desktop.context, server.url);
});
after(async () => {
  await desktop.context.close();
  await server.close();
});

const member = (s, name) => live(s, 'member').find((m) => m.fields.name === name);

test('Żaneta Алёна Παύλος Ñúñez is typed into a field and the model holds exactly that', async () => {
  const text = 'Żaneta Алёна Παύλος Ñúñez';
  const s = await addMember(page, text);
  assert.ok(member(s, text));
  // And the font draws every letter of every name (a CJK letter shows the check can fail).
  assert.equal(await page.evaluate(() => cultivateTest.missingGlyphs('Zoë Ñúñez Jürgen Żaneta Алёна Παύλος ŁŚŹĆĘĄÓ ÆØÅ ßẞ «»–—…€')), 1);
  assert.equal(await page.evaluate(() => cultivateTest.missingGlyphs('Zoë Ñúñez Jürgen Żaneta Алёна Παύλος ŁŚŹĆĘĄÓ ÆØÅ ß «»–—…€')), 0);
  assert.equal(await page.evaluate(() => cultivateTest.missingGlyphs('李')), 1);
});

test('composed input: an IME composition and a dead key', async () => {
  const cdp = await desktop.context.newCDPSession(page);
  await click(page, 'Add member');
  await editing(page);
  await page.keyboard.type('Pe');
  // An IME composes "ñ" from "~" + "n", then commits it.
  await cdp.send('Input.imeSetComposition', { text: '~', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'ñ', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: 'ñ' });
  await page.keyboard.type('a J');
  // A dead key: ´ waits, e completes it as é.
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Dead', code: 'Quote', windowsVirtualKeyCode: 222 });
  await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Dead', code: 'Quote', windowsVirtualKeyCode: 222 });
  await cdp.send('Input.insertText', { text: 'é' });
  await page.keyboard.type('rôme');
  await page.keyboard.press('Enter');
  await until(page, (s) => member(s, 'Peña Jérôme'), 'Peña Jérôme');
});

test('copy and paste go through the system clipboard', async () => {
  const s = await state(page);
  const id = member(s, 'Peña Jérôme').id;
  await click(page, `##contact-${id}`);
  await editing(page);
  await page.keyboard.type('jerome@example.org');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'jerome@example.org');
  await page.keyboard.press('Enter');
  await notEditing(page);
  // Paste what another program put on the clipboard.
  await page.evaluate(() => navigator.clipboard.writeText('Παύλος: notes from elsewhere'));
  await click(page, `##notes-${id}`);
  await editing(page);
  await page.keyboard.press('Control+v');
  await page.keyboard.press('Enter');
  const after = await until(page, (s) => member(s, 'Peña Jérôme').fields.notes, 'pasted notes');
  assert.equal(member(after, 'Peña Jérôme').fields.notes, 'Παύλος: notes from elsewhere');
  assert.equal(member(after, 'Peña Jérôme').fields.contact, 'jerome@example.org');
});

test('the wheel scrolls a long list, and only the visible rows are drawn', async () => {
  const s = await state(page);
  const records = [];
  const stamp = s.records[0].stamps.name;
  for (let i = 0; i < 300; i++) {
    const f = { deleted: false, name: `Scroll member ${String(i).padStart(3, '0')}` };
    records.push({ id: `sc${i}`, type: 'member', fields: f, stamps: { deleted: stamp, name: stamp } });
  }
  await dropFiles(page, [{ name: 'many.json', text: JSON.stringify({ format: 'cultivate.community', version: 1,
    community: s.community, records }) }]);
  await click(page, 'Merge into this community');
  await until(page, (s) => live(s, 'member').length > 300);
  const visible = async () => (await items(page)).filter((i) => /^##name-/.test(i.id)).map((i) => i.id);
  const first = await visible();
  assert.ok(first.length > 5 && first.length < 60, `${first.length} rows drawn of 300 (clipped)`);
  const row = await find(page, first[2]);
  await page.mouse.move(row.x + 20, row.y + 5);
  await page.mouse.wheel(0, 600);
  await page.waitForFunction((before) => {
    const now = cultivateTest.items().filter((i) => /^##name-/.test(i.id)).map((i) => i.id);
    return now.length > 0 && !now.includes(before);
  }, first[3]);
  const scrolled = await visible();
  assert.notDeepEqual(scrolled, first);
  // A trackpad sends many small deltas: they add up to a smooth scroll.
  for (let k = 0; k < 10; k++) await page.mouse.wheel(0, 12);
  await page.waitForTimeout(100);
  assert.notDeepEqual(await visible(), scrolled);
});

test('no frames are drawn while nothing changes', async () => {
  await page.mouse.move(5, 790);  // away from any widget
  await page.waitForTimeout(1500);
  const f0 = await frames(page);
  await page.waitForTimeout(3000);
  const drawn = (await frames(page)) - f0;
  console.log(`idle: ${drawn} frames drawn in 3 idle seconds`);
  assert.equal(drawn, 0);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
});

test('devicePixelRatio 2: a sharp backing store, text drawn at device pixels, clicks land', async () => {
  const b = await launch({ deviceScaleFactor: 2 });
  const p = await openPage(b.context, server.url);
  assert.deepEqual(await p.evaluate(() => [devicePixelRatio, canvas.width, canvas.height, innerWidth, innerHeight]),
    [2, 2560, 1600, 1280, 800]);
  await addMember(p, 'Zoë at 2x');  // the click lands on the button: hit-testing is right
  const button = await find(p, 'Add member');
  const png = decodePng(await p.screenshot({ clip: { x: button.x, y: button.y, width: button.w, height: button.h } }));
  assert.equal(png.width, Math.round(button.w * 2));
  // The button's label drawn from a 32 px glyph atlas: strokes reach full contrast at 2x. A 16 px
  // atlas stretched to 2x would leave them soft (few pixels as dark as the darkest).
  let darkest = 255, dark = 0, solid = 0;
  for (let i = 0; i < png.pixels.length; i += png.channels) darkest = Math.min(darkest, png.pixels[i + 1]);
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    const g = png.pixels[i + 1];
    if (g < 110) { dark++; if (g < darkest + 25) solid++; }
  }
  console.log(`DPR 2 text: ${dark} dark pixels in the button, ${(100 * solid / dark).toFixed(0)}% at full contrast`);
  assert.ok(solid / dark > 0.3, `${solid}/${dark}`);
  await b.context.close();
});

test('a phone: touch to type with the on-screen keyboard, drag to scroll, everything within 390 px', async () => {
  const b = await launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const p = await openPage(b.context, server.url);
  const add = await find(p, 'Add member');
  assert.ok(add.x + add.w <= 390);
  // Touch targets of at least 44 CSS pixels: buttons, fields, tabs.
  for (const label of ['Add member', '##community-name', 'Members', 'Objectives', 'Copy invitation link'])
    assert.ok((await find(p, label)).h >= 44, `${label} is ${(await find(p, label)).h} px tall`);
  const name = await find(p, '##community-name');
  assert.ok(name.x >= 0 && name.x + name.w <= 390, 'the name field fits the screen');
  await p.touchscreen.tap(add.x + add.w / 2, add.y + add.h / 2);
  await editing(p);
  // The hidden text field follows the active widget (so the keyboard and IME appear next to it).
  const ta = await p.evaluate(() => { const s = document.getElementById('text-input').style; return [parseFloat(s.left), parseFloat(s.top)]; });
  const field = (await items(p)).find((i) => /^##name-/.test(i.id));
  assert.ok(Math.abs(ta[1] - field.y) < field.h + 8, `text field at ${ta}, widget at ${field.x},${field.y}`);
  await p.keyboard.insertText('Алёнаa');  // a phone keyboard commits words as text
  // ...and sends Backspace as an edit of the text field.
  await p.evaluate(() => document.getElementById('text-input').dispatchEvent(
    new InputEvent('beforeinput', { inputType: 'deleteContentBackward', cancelable: true })));
  await p.evaluate(() => document.getElementById('text-input').dispatchEvent(
    new InputEvent('beforeinput', { inputType: 'insertLineBreak', cancelable: true })));
  await until(p, (s) => member(s, 'Алёна'), 'typed on the phone');
  // Drag to scroll the page body.
  const before = (await find(p, 'Add member')).y;
  const cdp = await b.context.newCDPSession(p);
  const pt = (y) => [{ x: 200, y }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(600) });
  for (let y = 590; y >= 300; y -= 10) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(y) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await p.waitForFunction((y) => { const b = cultivateTest.items().find((i) => i.label === 'Add member'); return !b || b.y < y - 50; }, before);
  await b.context.close();
});

test('a phone: every tab is reached by swiping the tab bar and tapping, and what it shows is 44 pixels and fits', async () => {
  const b = await launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const p = await openPage(b.context, server.url);
  await dropFiles(p, [{ name: 'twelve.cultivate.json', text: JSON.stringify(generate(12, 5)) }]);
  const tap = async (it) => { await p.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2); await idle(p); };
  await tap(await find(p, 'Open as a new community', { timeout: 30000 }));
  await until(p, (s) => live(s, 'member').length === 12, 'the community open', 30000);
  const cdp = await b.context.newCDPSession(p);
  const swipe = async (y, from, to) => {  // a finger along the tab bar
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] });
    for (let k = 1; k <= 10; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from + (to - from) * k / 10, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await idle(p);
  };
  const whole = (i) => !i.cut && i.x >= 0 && i.x + i.w <= 390;
  const tabs = ['Members', 'Objectives', 'Topics', 'Skills', 'First meeting', 'Guidelines', 'Meetings', 'Groups', 'Books',
    'Cases', 'Directory', 'Threads', 'Projects', 'Connections'];
  const report = [];
  for (const [n, name] of tabs.entries()) {
    let tab;
    for (let k = 0; k < 12; k++) {
      const all = await items(p);
      tab = all.find((i) => i.id === name);
      if (tab && whole(tab)) break;
      const bar = all.find((i) => tabs.includes(i.id) && whole(i));
      assert.ok(bar, `a tab on screen (looking for ${name})`);
      const before = tabs.indexOf(bar.id) > n;  // the one wanted is to the left: swipe right
      await swipe(bar.y + bar.h / 2, before ? 80 : 310, before ? 310 : 80);
    }
    assert.ok(tab && whole(tab), `the ${name} tab swiped into view`);
    await tap(tab);
    const shown = (await items(p)).filter((i) => whole(i) && i.y >= 0 && i.y + i.h <= 844 && !i.id.startsWith('Debug##'));
    const small = shown.filter((i) => i.h < 44 || i.w < 44).map((i) => `${i.id} ${Math.round(i.w)}x${Math.round(i.h)}`);
    // Nothing runs off the side of the screen or of its column (the tab bar scrolls sideways by design;
    // lists are cut at their top and bottom edges as they scroll).
    const beyond = (await items(p)).filter((i) => !tabs.includes(i.id) && !i.id.startsWith('Debug##'))
      // (a selectable row reaches half the item spacing past its cell's edges: 8 pixels are allowed)
      .filter((i) => i.x < -1 || i.x + i.w > 391 || (i.whole && (i.whole[0] < i.x - 8 || i.whole[0] + i.whole[2] > i.x + i.w + 8)))
      .map((i) => `${i.id} from ${Math.round((i.whole || [i.x])[0])} to ${Math.round((i.whole || [i.x, 0, i.w])[0] + (i.whole || [0, 0, i.w])[2])}`);
    assert.deepEqual(beyond, [], `${name}: every widget within the 390 pixels and its column`);
    report.push(`${name} ${shown.length}`);
    assert.ok(shown.length >= 3, `${name}: ${shown.length} widgets on screen`);
    assert.deepEqual(small, [], `${name}: every button, field, row and tab is at least 44 x 44`);
    if (name === 'Members') {
      // The phone's members table has the name and the buttons; contact and notes are in Details.
      assert.ok(!shown.some((i) => /^##contact-/.test(i.id)), 'no contact column at 390 px');
      await tap(shown.find((i) => i.label === 'Details'));
      await tap(await find(p, '##contact'));
      await editing(p);
      await p.keyboard.insertText('zoe@example.org');
      await p.evaluate(() => document.getElementById('text-input').dispatchEvent(  // the phone keyboard's Enter
        new InputEvent('beforeinput', { inputType: 'insertLineBreak', cancelable: true })));
      await until(p, (s) => live(s, 'member').some((m) => (m.fields.contact || '').includes('zoe@example.org')),
        'a contact written in Details (where the finger put the cursor)');
      await tap(await find(p, 'Done##member-details'));
    }
  }
  console.log(`phone: widgets whole on screen per tab: ${report.join(', ')}`);
  assert.deepEqual(p.problems, []);
  await b.context.close();
});
