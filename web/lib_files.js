// lib_files.js: files and links for src/platform/platform_web.cpp (--js-library).
// Export downloads a file; import takes files from a picker or dropped on the page; share links
// carry a community in the URL fragment (#c=, deflate-raw + base64url) or point to a hosted file
// (#url=https://...). Whatever arrives goes to the app as bytes, which it validates itself.
//  [SECTION] Downloads and the clipboard
//  [SECTION] Picking and dropping files
//  [SECTION] Share links: making them
//  [SECTION] Share links: opening them

mergeInto(LibraryManager.library, {
  $CVFiles__deps: ['$CV'],
  $CVFiles: {
    MAX_BYTES: 64 * 1024 * 1024,   // the core's file limit (kMaxFileBytes); links and downloads stop there too
    limitText: function() { return (CVFiles.MAX_BYTES / 1048576).toFixed(1) + ' MB'; },
    TIMEOUT_MS: 15000,
    sendFiles: function(files) {
      var list = Array.prototype.slice.call(files || []);
      if (!list.length) return;
      CV.emit('files-start', { count: list.length });
      var left = list.length;
      list.forEach(function(f, i) {
        var done = function(info, bytes) {
          CV.emit('file', Object.assign({ index: i, name: f.name, size: f.size }, info), bytes);
          if (--left === 0) CV.emit('files-done', { count: list.length });
        };
        if (f.size > CVFiles.MAX_BYTES) { done({ error: 'the file is too large: ' + (f.size / 1048576).toFixed(1) + ' MB; the limit is ' + CVFiles.limitText() }); return; }
        f.arrayBuffer().then(function(buf) { done({}, new Uint8Array(buf)); },
                             function(e) { done({ error: 'the file could not be read (' + (e && e.message || e) + ')' }); });
      });
    },
    b64url: function(bytes) {
      var s = '';
      for (var i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    },
    unb64url: function(text) {
      if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link is damaged: it has characters a share link never has');
      var b64 = text.replace(/-/g, '+').replace(/_/g, '/');
      while (b64.length % 4) b64 += '=';
      var bin;
      try { bin = atob(b64); } catch (e) { throw new Error('the link is damaged: its data is cut short'); }
      var out = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out;
    },
    // Reads a stream to the end, refusing it as soon as it passes `max` bytes.
    readCapped: function(stream, max, tooBig) {
      var reader = stream.getReader(), chunks = [], got = 0;
      function pump() {
        return reader.read().then(function(r) {
          if (r.done) {
            var all = new Uint8Array(got), at = 0;
            chunks.forEach(function(c) { all.set(c, at); at += c.length; });
            return all;
          }
          got += r.value.length;
          if (got > max) { reader.cancel(); throw new Error(tooBig); }
          chunks.push(r.value);
          return pump();
        });
      }
      return pump();
    },
    // Handles a #c=, #invite= or #url= fragment: the app gets the bytes (or a message) and shows a
    // preview. Whatever a hostile link holds, it ends in a message, never an uncaught error.
    openHash: function() {
      var h = location.hash;
      try { CVFiles.openFragment(h); } catch (e) {
        CV.emit('link', { source: 'a link', error: 'the link is damaged: ' + (e && e.message || e) });
      }
    },
    // A #url= address may be fetched: https, or (on the development page only) this machine.
    allowed: function(url) {
      if (url.protocol === 'https:') return true;
      var local = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
      return local && CV.development;
    },
    openFragment: function(h) {
      var invite = h.indexOf('#invite=') === 0;
      if (h.indexOf('#c=') !== 0 && h.indexOf('#url=') !== 0 && !invite) return;
      history.replaceState(null, '', location.pathname + location.search);  // a reload does not import again
      if (h.indexOf('#c=') === 0 || invite) {
        var data;
        var source = invite ? 'invitation' : 'share link';
        try { data = CVFiles.unb64url(h.slice(invite ? 8 : 3)); } catch (e) { CV.emit('link', { source: source, error: e.message }); return; }
        if (typeof DecompressionStream === 'undefined') {
          CV.emit('link', { source: source, error: 'this browser cannot open compressed links; ask for the file instead' });
          return;
        }
        var stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        CVFiles.readCapped(stream, CVFiles.MAX_BYTES, 'the link unpacks to more than ' + CVFiles.limitText() + '; the limit is ' + CVFiles.limitText())
          .then(function(bytes) { CV.emit('link', { source: source, invite: invite }, bytes); },
                function(e) {
                  var msg = /unpacks to more than/.test(e.message) ? e.message : 'the link is damaged: its data does not unpack (' + (e.message || e) + ')';
                  CV.emit('link', { source: source, invite: invite, error: msg });
                });
        return;
      }
      var raw;
      try { raw = decodeURIComponent(h.slice(5)); } catch (e) {
        CV.emit('link', { source: 'a link', error: 'the link is damaged: its address is not properly encoded (' + h.slice(5, 40) + ')' });
        return;
      }
      var url;
      try { url = new URL(raw); } catch (e) { CV.emit('link', { source: raw, error: 'the link does not hold a web address' }); return; }
      if (!CVFiles.allowed(url)) {
        CV.emit('link', { source: raw, error: 'only https:// addresses can be opened' });
        return;
      }
      CV.emit('link-fetching', { source: url.href });
      var ctrl = new AbortController();
      var timer = setTimeout(function() { ctrl.abort(); }, CVFiles.TIMEOUT_MS);
      fetch(url.href, { credentials: 'omit', mode: 'cors', redirect: 'follow', cache: 'no-store', signal: ctrl.signal })
        .then(function(resp) {
          // A redirect must land where a link may point too (the policy has already refused other places).
          if (resp.redirected && !CVFiles.allowed(new URL(resp.url)))
            throw new Error('the address redirected to ' + new URL(resp.url).origin + ', which a link may not open');
          if (!resp.ok) throw new Error('the server answered ' + resp.status + (resp.statusText ? ' ' + resp.statusText : '') +
                                        (resp.status === 404 ? ': there is no file at that address' : ''));
          var length = Number(resp.headers.get('Content-Length') || 0);
          if (length > CVFiles.MAX_BYTES) throw new Error('the file is too large: ' + (length / 1048576).toFixed(1) + ' MB; the limit is ' + CVFiles.limitText());
          if (!resp.body) return resp.arrayBuffer().then(function(b) { return new Uint8Array(b); });
          return CVFiles.readCapped(resp.body, CVFiles.MAX_BYTES, 'the file is larger than ' + CVFiles.limitText() + '; the limit is ' + CVFiles.limitText());
        })
        .then(function(bytes) { clearTimeout(timer); CV.emit('link', { source: url.href }, bytes); },
              function(e) {
                clearTimeout(timer);
                var msg = e && e.name === 'AbortError' ? 'the server did not answer within ' + CVFiles.TIMEOUT_MS / 1000 + ' seconds'
                  : e instanceof TypeError ? 'the file could not be fetched: the server is unreachable, or it does not allow other sites to read the file (CORS)'
                  : (e && e.message) || String(e);
                CV.emit('link', { source: url.href, error: msg });
              });
    },
  },

  // [SECTION] Downloads and the clipboard ---------------------------------------------------------------
  cvjs_download: function(namePtr, dataPtr, len, mimePtr) {
    var blob = new Blob([HEAPU8.slice(dataPtr, dataPtr + len)], { type: UTF8ToString(mimePtr) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(namePtr);
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },

  cvjs_copy_text__deps: ['$CV'],
  cvjs_copy_text: function(ptr) {
    var text = UTF8ToString(ptr);
    var done = function(ok) { CV.emit('copied', { ok: ok }); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(function() { done(true); }, function() { done(false); });
    else done(false);
  },

  cvjs_local_date: function(buf, n) {
    var d = new Date();
    var s = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    stringToUTF8(s, buf, n);
  },

  // [SECTION] Picking and dropping files ----------------------------------------------------------------
  cvjs_pick_files__deps: ['$CVFiles'],
  cvjs_pick_files: function(multiple, acceptPtr) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(acceptPtr);
    input.multiple = !!multiple;
    input.style.display = 'none';
    input.addEventListener('change', function() { CVFiles.sendFiles(input.files); input.remove(); });
    document.body.appendChild(input);
    input.click();
  },

  // [SECTION] Share links: making them ------------------------------------------------------------------
  cvjs_make_share_link__deps: ['$CVFiles', '$CV'],
  cvjs_make_share_link: function(ptr, len, kindPtr) {
    var bytes = HEAPU8.slice(ptr, ptr + len);
    var kind = UTF8ToString(kindPtr);
    if (typeof CompressionStream === 'undefined') { CV.emit('share-link', { error: 'this browser cannot make compressed links' }); return; }
    var stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    new Response(stream).arrayBuffer().then(function(buf) {
      var url = location.origin + location.pathname + '#' + kind + '=' + CVFiles.b64url(new Uint8Array(buf));
      CV.emit('share-link', { link_kind: kind, url: url, length: url.length, raw: len });
    }, function(e) { CV.emit('share-link', { error: String(e && e.message || e) }); });
  },

  cvjs_open_hash__deps: ['$CVFiles'],
  cvjs_open_hash: function() { CVFiles.openHash(); },
});
