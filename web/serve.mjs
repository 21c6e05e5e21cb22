// serve.mjs: a small static server for the built page on 127.0.0.1 (a secure context, so service
// workers, IndexedDB persistence and the clipboard work). Used by scripts/run.sh and the tests.
//   node web/serve.mjs --root build/web/dist --port 8080
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf',
  '.ics': 'text/calendar; charset=utf-8', '.md': 'text/markdown; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

// Starts serving `root`; resolves to { url, port, close() }. `extra(req, res)` may answer first.
// `isolated`: the page is cross-origin isolated, so its clock reads to 5 us, not 100 us (the benchmark).
export function serve({ root, port = 8080, host = '127.0.0.1', extra = null, log = false, isolated = false }) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    if (extra && extra(req, res)) return;
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = '/'; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end('forbidden'); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...(isolated ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {}),
      });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
      if (log) console.log(req.method, req.url);
    });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, host, () => {
      const p = server.address().port;
      resolve({ url: `http://${host}:${p}/`, port: p, server, close: () => new Promise((r) => { server.close(r); server.closeAllConnections(); }) });  // kept-alive ones too
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const root = arg('--root', 'build/web/dist');
  const port = Number(arg('--port', '8080'));
  serve({ root, port }).then(({ url }) => {
    console.log(`Cultivate is running at ${url}  (Ctrl-C stops it)`);
  }).catch((e) => {
    console.error(e.code === 'EADDRINUSE' ? `port ${port} is in use: try scripts/run.sh --port N` : String(e));
    process.exit(1);
  });
  process.on('SIGINT', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}
