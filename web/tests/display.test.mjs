// display.test.mjs: how this browser shows the page, chosen in View: a text size from 100% to 200%
// (the whole interface grows, drawn crisp at its size, and still takes clicks where it is drawn),
// high contrast, both remembered in this browser across a reload; and names in every script: fonts
// fetched when needed, right-to-left names in reading order, Arabic letters joined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageForFile, find, click, state, until, live, editing, notEditing, addMember, typeInto, items, idle, untilStored } from './harness.mjs';
import { decodePng } from './png.mjs';

let page;

pageForFile((p) => { page = p; });

const fontPx = () => page.evaluate(() => cultivateTest.fontPx());
const dpr = () => page.evaluate(() => window.devicePixelRatio);
const reloaded = async () => {
  await page.reload();
  await page.waitForFunction(() => window.cultivateTest && cultivateTest.state() !== 'null' &&
    cultivateTest.items().some((i) => i.label === 'Add member'), null, { timeout: 30000 });
};
// The share of a rectangle's pixels (in a screenshot) that are the usual green of a button.
const greenShare = async (r) => {
  const png = decodePng(await page.screenshot({ clip: { x: r.x + 2, y: r.y + 2, width: r.w - 4, height: r.h - 4 } }));
  let green = 0;
  for (let i = 0; i < png.width * png.height; i++) {
    const [R, G, B] = [png.pixels[i * png.channels], png.pixels[i * png.channels + 1], png.pixels[i * png.channels + 2]];
    if (G > R + 30 && G > B + 20) green++;
  }
  return green / (png.width * png.height);
};
// The dark pixels (text) of a widget's rectangle in a screenshot: how wide and tall their extent is, in
// CSS pixels.
const ink = async (r) => {
  const scale = await dpr();
  const png = decodePng(await page.screenshot({ clip: { x: r.x, y: r.y, width: Math.min(r.w, 600), height: r.h } }));
  let left = Infinity, right = -1, top = Infinity, bottom = -1;
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * png.channels;
      if (png.pixels[i] + png.pixels[i + 1] + png.pixels[i + 2] < 3 * 110)
        left = Math.min(left, x), right = Math.max(right, x), top = Math.min(top, y), bottom = Math.max(bottom, y);
    }
  return right < 0 ? { width: 0, height: 0 } : { width: (right - left + 1) / scale, height: (bottom - top + 1) / scale };
};
// The same text drawn by the browser (a canvas, in the font file the page fetched) at an em size: the
// extent of its ink, in CSS pixels.
const browserInk = (file, text, emPx) => page.evaluate(async ({ file, text, emPx }) => {
  const family = 'probe-' + file.replace('.', '-');
  if (![...document.fonts].some((f) => f.family === family)) {
    const face = new FontFace(family, `url(fonts/${file})`);
    document.fonts.add(await face.load());
  }
  const g = document.createElement('canvas').getContext('2d');
  g.font = `${emPx}px "${family}"`;
  const m = g.measureText(text);
  return { width: m.actualBoundingBoxLeft + m.actualBoundingBoxRight, height: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent };
}, { file, text, emPx });
// Polls what a screenshot shows until it holds (a frame after a click draws the new look).
const eventually = async (check, what) => {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await page.waitForTimeout(100);
  }
  assert.fail(what);
};

test('text size 150%: the interface grows, its glyphs are drawn at that size, clicks land, and a reload keeps it', async () => {
  const before = await find(page, 'Add member');
  assert.equal(await fontPx(), 16 * (await dpr()));
  await click(page, 'View');
  await click(page, 'Text size');
  await click(page, '150%');
  await page.waitForFunction(() => cultivateTest.fontPx() === 24 * window.devicePixelRatio);
  const big = await find(page, 'Add member');
  assert.ok(Math.abs(big.h / before.h - 1.5) < 0.05, `the button is 1.5 times as tall: ${before.h} -> ${big.h}`);
  assert.ok(Math.abs(big.w / before.w - 1.5) < 0.05, `and as wide: ${before.w} -> ${big.w}`);
  // A real click where the larger button is drawn adds a member.
  const n = live(await state(page), 'member').length;
  await click(page, 'Add member');
  await editing(page);
  await page.keyboard.type('Żaneta');
  await page.keyboard.press('Enter');
  await until(page, (s) => live(s, 'member').length === n + 1 && live(s, 'member').some((m) => m.fields.name === 'Żaneta'), 'a member added at 150%');
  await reloaded();
  assert.equal(await fontPx(), 24 * (await dpr()), 'remembered in this browser');
  assert.ok(Math.abs((await find(page, 'Add member')).h - big.h) < 1);
  // Back to 100%.
  await click(page, 'View');
  await click(page, 'Text size');
  await click(page, '100%');
  await page.waitForFunction(() => cultivateTest.fontPx() === 16 * window.devicePixelRatio);
});

test('high contrast: buttons are outlined white, not filled green; it is remembered, and turned off again', async () => {
  const button = await find(page, 'Add member');
  assert.ok(await greenShare(button) > 0.5, 'the usual look: a green button');
  await click(page, 'View');
  await click(page, 'High contrast');
  await eventually(async () => await greenShare(await find(page, 'Add member')) < 0.02, 'no green fill in high contrast');
  await reloaded();
  await eventually(async () => await greenShare(await find(page, 'Add member')) < 0.02, 'remembered after a reload');
  await click(page, 'View');
  await click(page, 'High contrast');
  await eventually(async () => await greenShare(await find(page, 'Add member')) > 0.5, 'the usual look again');
});

test('Chinese, Japanese and Korean names show as their letters: the fonts for them are fetched once each, when first on screen', async () => {
  // Every font request since the page loaded (the resource timing entries, not a listener added now).
  const fontsFetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /\/fonts\//.test(u)));
  const names = ['李伟 (Li Wei)', 'さくら', '김민준'];
  const missing = (t) => page.evaluate((t) => cultivateTest.missingGlyphs(t), t);
  assert.equal(await missing('李伟さくら김민준'), 8, 'the UI font alone lacks them');
  assert.equal(await missing('Zoë Ñúñez Jürgen Żaneta Алёна Παύλος'), 0);
  assert.deepEqual(await fontsFetched(), [], 'nothing fetched while no such character is on screen');
  for (const name of names) {
    const n = live(await state(page), 'member').length;
    await click(page, 'Add member');
    await editing(page);
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await until(page, (s) => live(s, 'member').length === n + 1, `${name} added`);
  }
  await page.waitForFunction(() => cultivateTest.missingGlyphs('李伟さくら김민준') === 0, null, { timeout: 15000 });
  // One font for Chinese and Japanese, one for Korean: each fetched once.
  const fonts = await fontsFetched();
  assert.deepEqual(fonts.map((u) => u.replace(/^.*\/fonts\//, '')).sort(), ['cjk.ttf', 'hangul.ttf'], fonts.join(', '));
  await page.screenshot({ path: new URL('../../build/screens/scripts.png', import.meta.url).pathname });
  // Only what was seen is in the atlas: a character of the same font not on screen is not.
  assert.equal(await missing('猫'), 1);
});

test('Hebrew, Arabic, Devanagari and Thai names show as their letters: right to left in reading order, Arabic joined, edited as written', async () => {
  const fontsFetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.replace(/^.*\/fonts\//, ''))
    .filter((u) => /^(rtl|devanagari|thai)\.ttf$/.test(u)));
  const missing = (t) => page.evaluate((t) => cultivateTest.missingGlyphs(t), t);
  const names = { arabic: 'علي سلام', hebrew: 'נועה כהן', devanagari: 'किरण', thai: 'สมชาย', chinese: '王芳', korean: '지수' };
  const latinName = 'Jürgen Żaneta';
  // As Dear ImGui must draw them, left to right (worked out by hand from the Unicode rules: the
  // Arabic in its joined forms with lam-alef as one letter, then each right-to-left name reversed).
  const drawn = { arabic: '\uFEE1\uFEFC\uFEB3 \uFEF2\uFEE0\uFECB', hebrew: 'ןהכ העונ', devanagari: '\u093F\u0915\u0930\u0923', thai: 'สมชาย',
    chinese: '王芳', korean: '지수' };
  const all = Object.values(drawn).join('');
  assert.ok(await missing(all) >= 20, 'the UI font alone lacks them');
  assert.deepEqual(await fontsFetched(), []);
  const ids = {};
  const latinId = live(await addMember(page, latinName), 'member').find((m) => m.fields.name === latinName).id;
  for (const [script, name] of Object.entries(names)) {
    const s = await addMember(page, name);
    ids[script] = live(s, 'member').find((m) => m.fields.name === name).id;
  }
  await page.waitForFunction((t) => cultivateTest.missingGlyphs(t) === 0, all, { timeout: 15000 });
  assert.deepEqual((await fontsFetched()).sort(), ['devanagari.ttf', 'rtl.ttf', 'thai.ttf'], 'each fetched once');
  // In the Directory each name is a row's button, drawn in that order; a screen reader is told the
  // name as written. The letters are on screen: ink as wide as a few pixels a letter, and as tall as a
  // Latin name's (a glyph in the atlas but drawn blank or tiny would pass the count above).
  await click(page, 'Directory');
  await page.waitForTimeout(300);
  const latin = await ink(await find(page, new RegExp('##dir-' + latinId + '$')));
  assert.ok(latin.width > 60 && latin.height >= 10, `${latinName}: ${JSON.stringify(latin)}`);
  for (const script of Object.keys(names)) {
    const it = await find(page, new RegExp('##dir-' + ids[script] + '$'));
    assert.ok(it.id === (drawn[script] + '##dir-' + ids[script]), `${script}: drawn as ${JSON.stringify(it.id)}`);
    await page.getByRole('button', { name: names[script], exact: true }).waitFor({ state: 'attached' });
    const seen = await ink(it), letters = [...drawn[script]].length;
    assert.ok(seen.width >= 4 * letters, `${script}: ink ${JSON.stringify(seen)}, Latin ${JSON.stringify(latin)}`);
  }
  // As large as the browser draws them: at 200%, each name's ink against the same text drawn by the
  // browser with the same font file at the same em size (a glyph drawn a third too small fails).
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: viewport.width, height: 1400 });  // every row on screen at 200%
  await click(page, 'View');
  await click(page, 'Text size');
  await click(page, '200%');
  await page.waitForFunction(() => cultivateTest.fontPx() === 32 * window.devicePixelRatio);
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL('../../build/screens/scripts-200.png', import.meta.url).pathname });
  const files = { arabic: 'rtl.ttf', hebrew: 'rtl.ttf', devanagari: 'devanagari.ttf', thai: 'thai.ttf', chinese: 'cjk.ttf', korean: 'hangul.ttf' };
  for (const script of Object.keys(names)) {
    const ours = await ink(await find(page, new RegExp('##dir-' + ids[script] + '$')));
    const theirs = await browserInk(files[script], drawn[script], 32 * 2048 / 2384);
    const near = (a, b) => Math.abs(a - b) <= Math.max(3, 0.12 * b);
    assert.ok(near(ours.width, theirs.width) && near(ours.height, theirs.height),
      `${script}: drawn ${JSON.stringify(ours)}, by the browser ${JSON.stringify(theirs)}`);
  }
  await click(page, 'View');
  await click(page, 'Text size');
  await click(page, '100%');
  await page.waitForFunction(() => cultivateTest.fontPx() === 16 * window.devicePixelRatio);
  await page.setViewportSize(viewport);
  // Editing the Arabic name types into the name as written, not into its drawn form.
  await click(page, 'Members');
  await click(page, '##name-' + ids.arabic);
  await editing(page);
  await page.keyboard.press('End');
  await page.keyboard.type(' ب');
  await page.keyboard.press('Enter');
  await notEditing(page);
  await until(page, (s) => live(s, 'member').some((m) => m.fields.name === 'علي سلام ب'), 'the name edited as written');
});


test('a field not being edited is drawn as Dear ImGui draws it: every script, a hint, text cut at the edge; Tab and a click still edit it', async () => {
  // The Members table draws its idle fields without InputText (a hundred at every frame on a full
  // screen): pixels, widgets and what a screen reader is told must be what InputText gives.
  await addMember(page, 'נועה כהן');  // drawn right to left
  const name = 'Ñúñez Zoë';
  const s = await addMember(page, name);
  const id = live(s, 'member').find((m) => m.fields.name === name).id;
  await typeInto(page, '##notes-' + id, 'A note that runs past the edge of its column: ' + 'Алёна Παύλος Jürgen '.repeat(5));
  await notEditing(page);
  await untilStored(page);  // the status line says so, and stays
  const look = async (on) => {
    await page.evaluate((on) => cultivateTest.idleFields(on), on);
    await page.mouse.move(4, page.viewportSize().height - 4);  // over no field
    await idle(page);
    const fields = (await items(page)).filter((it) => /^##(name|contact|roles|notes)-/.test(it.id));
    const x = Math.min(...fields.map((f) => f.x)), y = Math.min(...fields.map((f) => f.y));
    const right = Math.max(...fields.map((f) => f.x + f.w)), bottom = Math.max(...fields.map((f) => f.y + f.h));
    const png = decodePng(await page.screenshot({ clip: { x, y, width: right - x, height: bottom - y } }));
    const told = await page.evaluate(() => UTF8ToString(_cv_a11y_items()));
    return { fields, png, told };
  };
  const idleDrawn = await look(true), byInputText = await look(false);
  await page.evaluate(() => cultivateTest.idleFields(true));
  assert.equal(idleDrawn.fields.length, 4 * live(s, 'member').length, 'every member on screen');
  assert.deepEqual(idleDrawn.fields, byInputText.fields);
  assert.deepEqual(JSON.parse(idleDrawn.told), JSON.parse(byInputText.told), 'the accessibility mirror is told the same');
  const a = idleDrawn.png, b = byInputText.png;
  let off = 0, inked = 0;
  for (let i = 0; i < a.pixels.length; i += a.channels) {
    if ([0, 1, 2].some((c) => a.pixels[i + c] !== b.pixels[i + c])) off++;
    if (a.pixels[i] + a.pixels[i + 1] + a.pixels[i + 2] < 3 * 110) inked++;
  }
  assert.ok(inked > 300, `${inked} pixels of text compared`);
  assert.equal(off, 0, `${off} of ${a.width * a.height} pixels differ from InputText's`);
  // Tab from a field goes into the next one, idle until then, ready for typing.
  await click(page, '##name-' + id);
  await editing(page);
  await page.keyboard.press('Tab');
  await page.keyboard.type('zoe@example.org');
  await page.keyboard.press('Enter');
  await notEditing(page);
  await until(page, (s) => live(s, 'member').some((m) => m.id === id && m.fields.contact === 'zoe@example.org'), 'the contact typed after Tab');
  assert.deepEqual(page.problems, []);
});
