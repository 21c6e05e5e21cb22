// build-page.mjs: assembles the static page in build/web/dist: copies the page's files from web/
// and writes sw.js with this build's version (a hash of every file it precaches) and file list.
//   node web/build-page.mjs <dist>
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] || path.join(web, '../build/web/dist'));
const COPIED = ['index.html', 'loader.js', 'style.css', 'manifest.webmanifest', 'icon.svg'];
const BUILT = ['cultivate_app.js', 'cultivate_app.wasm'];

for (const f of COPIED) fs.copyFileSync(path.join(web, f), path.join(dist, f));
const files = [...COPIED, ...BUILT];
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
const sw = fs.readFileSync(path.join(web, 'sw.js'), 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(['./', ...files]));
fs.writeFileSync(path.join(dist, 'sw.js'), sw);
console.log(`page assembled in ${dist}: version ${version}`);
