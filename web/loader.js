// loader.js: starts the page. Checks for WebGL2 (and explains in HTML when it is missing), shows
// download progress of the wasm, then runs cultivate_app.js.
(function () {
  'use strict';
  var bar = document.getElementById('loading-bar');
  var text = document.getElementById('loading-text');

  function problem(title, detail) {
    document.getElementById('loading').hidden = true;
    var box = document.getElementById('problem');
    box.hidden = false;
    box.textContent = '';
    var h = document.createElement('h1');
    h.textContent = title;
    var p = document.createElement('p');
    p.textContent = detail;
    box.appendChild(h);
    box.appendChild(p);
  }

  var probe = document.createElement('canvas');
  if (!window.WebAssembly || !probe.getContext('webgl2')) {
    problem('Cultivate cannot start in this browser',
      'Cultivate draws its window with WebGL2 and runs as WebAssembly, and this browser offers ' +
      (window.WebAssembly ? 'no WebGL2' : 'no WebAssembly') + ' right now. Try a current Chrome, Edge, ' +
      'Firefox or Safari, or turn on hardware acceleration in the browser settings.');
    return;
  }

  // Fetch the wasm ourselves to show progress (the same request the page preloads).
  function instantiate(imports, done) {
    fetch('cultivate_app.wasm', { credentials: 'same-origin' }).then(function (resp) {
      if (!resp.ok) throw new Error('cultivate_app.wasm: HTTP ' + resp.status);
      var total = Number(resp.headers.get('Content-Length')) || 0;
      if (!resp.body || !total) return resp.arrayBuffer();
      var reader = resp.body.getReader(), chunks = [], got = 0;
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var all = new Uint8Array(got), at = 0;
            chunks.forEach(function (c) { all.set(c, at); at += c.length; });
            return all.buffer;
          }
          chunks.push(r.value);
          got += r.value.length;
          bar.value = Math.min(1, got / total);
          text.textContent = 'Loading… ' + Math.round(100 * got / total) + '%';
          return pump();
        });
      }
      return pump();
    }).then(function (bytes) {
      text.textContent = 'Starting…';
      return WebAssembly.instantiate(bytes, imports);
    }).then(function (result) {
      done(result.instance, result.module);
    }).catch(function (err) {
      problem('Cultivate could not load', String(err && err.message || err) +
        '. Check the connection and reload the page.');
    });
    return {};
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm: instantiate,
    onReady: function () { document.getElementById('loading').hidden = true; },
    print: function (s) { console.log(s); },
    printErr: function (s) { console.warn(s); },
    onAbort: function (what) { problem('Cultivate stopped', String(what)); },
  };
  // Offline use: the service worker keeps this build's files. A new build takes over on its own;
  // the page in use offers "A new version is ready: reload" (and stores what it holds first).
  if ('serviceWorker' in navigator) {
    var hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.register('sw.js').catch(function (e) { console.warn('service worker: ' + e); });
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (hadController) {
        window.cultivateUpdated = true;
        window.dispatchEvent(new Event('cultivate-update'));
      }
      hadController = true;
    });
  }

  var s = document.createElement('script');
  s.src = 'cultivate_app.js';
  s.onerror = function () { problem('Cultivate could not load', 'cultivate_app.js did not arrive. Reload the page.'); };
  document.head.appendChild(s);
})();
