// lib_matrix.js: the page's HTTP for the live sync (src/app/live.cpp decides what to ask a Matrix
// homeserver; this only carries it). One request per call; the answer comes back as an "http" event
// {id, status, error} with the body's bytes. status 0: the network failed or the time ran out.
mergeInto(LibraryManager.library, {
  cvjs_http__deps: ['$CV'],
  cvjs_http: function(cmdPtr, bodyPtr, bodyLen) {
    var cmd = JSON.parse(UTF8ToString(cmdPtr));
    var body = bodyLen > 0 ? HEAPU8.slice(bodyPtr, bodyPtr + bodyLen) : null;  // copied: memory may grow
    var headers = {};
    if (cmd.token) headers['Authorization'] = 'Bearer ' + cmd.token;
    if (body) headers['Content-Type'] = cmd.content_type || 'application/json';
    var abort = new AbortController();
    var timer = setTimeout(function() { abort.abort(); }, cmd.timeout_ms || 60000);
    var done = function(status, error, bytes) {
      clearTimeout(timer);
      CV.emit('http', { id: cmd.id, status: status, error: error || '' }, bytes);
    };
    var why = function(e) {
      if (abort.signal.aborted) return 'no answer in ' + Math.round((cmd.timeout_ms || 60000) / 1000) + ' seconds';
      if (!navigator.onLine) return 'this browser is offline';
      return (e && e.message) || String(e);
    };
    try {
      fetch(cmd.url, { method: cmd.method, headers: headers, body: body, signal: abort.signal, cache: 'no-store' })
        .then(function(r) {
          return r.arrayBuffer().then(function(b) { done(r.status, '', new Uint8Array(b)); });
        })
        .catch(function(e) { done(0, why(e), null); });
    } catch (e) {
      done(0, why(e), null);  // a malformed address throws before any request
    }
  },
});
