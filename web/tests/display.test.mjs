// display.test.mjs: how this browser shows the page, chosen in View: a text size from 100% to 200%
// (the whole interface grows, drawn crisp at its size, and still takes clicks where it is drawn),
// high contrast, both remembered in this browser across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, find, click, state, until, live, editing } from './harness.mjs';
import { decodePng } from './png.mjs';

let server, browser, page;

before(async () => {
  server = await startServer();
  browser = await launch();
  page = await openPage(browser.context, server.url);
});
after(async () => {
  await browser.context.close();
  await server.close();
});

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
