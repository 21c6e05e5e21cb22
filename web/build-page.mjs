// build-page.mjs: assembles the static page twice from one build:
//   build/web/dist      the page a person runs: a strict Content-Security-Policy (https only for
//                       #url= links), no test interface
//   build/web/dist-dev  the development page the tests drive: the same files, plus the switch that
//                       turns on window.cultivateTest and the test clock, and http://127.0.0.1 /
//                       localhost allowed for #url= links
// Each gets its own sw.js with this build's version (a hash of every file it precaches).
//   node web/build-page.mjs <dist>
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(web, '../build/web/dist'));
// The page's HTML shell is shell.html at the top of the repository; it becomes index.html.
const COPIED = ['index.html', 'loader.js', 'style.css', 'manifest.webmanifest', 'icon.svg'];
const SOURCE = (f) => (f === 'index.html' ? path.join(web, '../shell.html') : path.join(web, f));
const BUILT = ['cultivate_app.js', 'cultivate_app.wasm'];
// Fonts for scripts the UI font lacks (scripts/setup.sh subsets them): served beside the page, fetched
// only when such a character is on screen, kept by the service worker once fetched (not precached).
const FONTS = ['cjk.ttf', 'hangul.ttf', 'rtl.ttf', 'devanagari.ttf', 'thai.ttf'].map((f) => [f, path.join(web, '../build/deps/font', f)]);

// The development page differs only in its HTML: the switch, and local addresses in connect-src.
function devHtml(html) {
  const out = html
    .replace("connect-src 'self' https:;", "connect-src 'self' https: http://127.0.0.1:* http://localhost:*;")
    .replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<meta name="cultivate-development" content="tests">');
  if (out === html || !out.includes('cultivate-development') || !out.includes('http://127.0.0.1:*'))
    throw new Error('build-page: index.html no longer has the CSP or charset line the development page changes');
  return out;
}

function assemble(dir, transformHtml) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of COPIED) {
    const from = SOURCE(f);
    if (f === 'index.html' && transformHtml) fs.writeFileSync(path.join(dir, f), transformHtml(fs.readFileSync(from, 'utf8')));
    else fs.copyFileSync(from, path.join(dir, f));
  }
  if (dir !== dist) for (const f of BUILT) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
  fs.mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  for (const [name, from] of FONTS) fs.copyFileSync(from, path.join(dir, 'fonts', name));
  const files = [...COPIED, ...BUILT];
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  const version = hash.digest('hex').slice(0, 16);
  const sw = fs.readFileSync(path.join(web, 'sw.js'), 'utf8')
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(['./', ...files]));
  fs.writeFileSync(path.join(dir, 'sw.js'), sw);
  return version;
}

const v = assemble(dist, null);
const vd = assemble(dist + '-dev', devHtml);
console.log(`page assembled in ${dist} (version ${v}) and ${dist}-dev (version ${vd})`);
