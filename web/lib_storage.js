// lib_storage.js: communities in IndexedDB, for src/platform/platform_web.cpp (--js-library).
// One database "cultivate": store "communities" (one record per community: its canonical file as
// text, its name, when it was saved, whether it is in the bin) and store "meta" (this browser's
// actor id, the last open community). Every save is one readwrite transaction with strict
// durability that reads the stored copy, lets the app merge it (another tab may have written it),
// and writes the complete result: a closed tab leaves the old or the new state, never a mix.
//  [SECTION] Opening
//  [SECTION] Saving
//  [SECTION] The list, the bin, meta
//  [SECTION] Other tabs

mergeInto(LibraryManager.library, {
  $CVStore__deps: ['$CV'],
  $CVStore: {
    db: null,
    tab: '',          // this tab, to tell its own saves from others' (set at run time, not build time)
    lastSeq: {},      // community id -> the seq this tab last wrote
    channel: null,
    listOf: function(done) {
      var out = [];
      var req = CVStore.db.transaction('communities').objectStore('communities').openCursor();
      req.onsuccess = function() {
        var c = req.result;
        if (!c) { done(out); return; }
        var v = c.value;
        out.push({ id: v.id, name: v.name, saved: v.saved || 0, trashed: v.trashed || 0, bytes: v.data ? v.data.length : 0 });
        c.continue();
      };
      req.onerror = function() { done(out); };
    },
    emitList: function() {
      if (!CVStore.db) return;
      CVStore.listOf(function(list) { CV.emit('list', { communities: list }); });
    },
    openError: '',   // why the database could not be (re)opened, for the next failed save's message
    // Opens (or, after another tab closed it, reopens) the database; done(error or '').
    connect: function(done) {
      var open;
      try { open = indexedDB.open('cultivate', 1); } catch (e) { done(CVStore.failure(e)); return; }
      open.onupgradeneeded = function() {
        var db = open.result;
        if (!db.objectStoreNames.contains('communities')) db.createObjectStore('communities', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      };
      open.onblocked = function() { CVStore.openError = 'another tab holds an older version of the database'; };
      open.onerror = function(e) {
        if (e && e.preventDefault) e.preventDefault();
        CVStore.openError = CVStore.failure(open.error);
        done(CVStore.openError);
      };
      open.onsuccess = function() {
        var db = CVStore.db = open.result;
        CVStore.openError = '';
        CVStore.lastSeq = {};  // whatever is stored now was not written by this connection
        // Another tab upgrades or deletes the database (or site data is cleared): let go of it;
        // the next save reopens it and writes everything again.
        db.onversionchange = function() { db.close(); if (CVStore.db === db) CVStore.db = null; };
        db.onclose = function() { if (CVStore.db === db) CVStore.db = null; };
        done('');
      };
    },
    // One transaction: read the stored copy, let the app merge it, write the complete result.
    save: function(id, seq) {
      var tx, store;
      try {
        tx = CVStore.db.transaction('communities', 'readwrite', { durability: 'strict' });
        store = tx.objectStore('communities');
      } catch (e) {
        CV.emit('saved', { id: id, seq: seq, ok: false, error: CVStore.failure(e) });
        return;
      }
      var record = null;
      var get = store.get(id);
      get.onsuccess = function() {
        var old = get.result;
        var others = old && !(old.writer === CVStore.tab && old.seq === CVStore.lastSeq[id]);
        var stored = others ? CV.utf8(old.data) : null;
        // Ask the app for the complete text to write (merged with `stored` when another tab wrote).
        var n = stored ? stored.length : 0;
        var sp = n ? _malloc(n) : 0;
        if (n) HEAPU8.set(stored, sp);
        var np = _malloc(lengthBytesUTF8(id) + 1);
        stringToUTF8(id, np, lengthBytesUTF8(id) + 1);
        var out = _cv_bytes_for_save(np, sp, n);
        _free(np);
        if (sp) _free(sp);
        if (!out) { tx.abort(); return; }
        var result = JSON.parse(UTF8ToString(out));
        record = { id: id, name: result.name, data: result.data, saved: Date.now(), trashed: old ? old.trashed || 0 : 0,
                   writer: CVStore.tab, seq: seq };
        try { store.put(record); } catch (e) { tx.abort(); }
      };
      tx.oncomplete = function() {
        CVStore.lastSeq[id] = seq;
        CV.emit('saved', { id: id, seq: seq, ok: true, saved: record ? record.saved : 0 });
        if (CVStore.channel) CVStore.channel.postMessage({ type: 'saved', id: id, tab: CVStore.tab });
      };
      tx.onabort = function() {
        CV.emit('saved', { id: id, seq: seq, ok: false, error: CVStore.failure(tx.error || get.error) });
      };
    },
    failure: function(err) {
      if (!err) return 'unknown error';
      return (err.name ? err.name + ': ' : '') + (err.message || String(err));
    },
  },

  // [SECTION] Opening -------------------------------------------------------------------------------
  cvjs_storage_init__deps: ['$CVStore', '$CV'],
  cvjs_storage_init: function() {
    var r = new Uint32Array(2);
    crypto.getRandomValues(r);
    CVStore.tab = r[0].toString(36) + r[1].toString(36);
    if (!window.indexedDB) {
      CV.emit('storage-ready', { ok: false, error: 'this browser offers no IndexedDB' });
      return;
    }
    CVStore.connect(function(err) {
      if (err) { CV.emit('storage-ready', { ok: false, error: err }); return; }
      var tx = CVStore.db.transaction('meta', 'readwrite');
      var meta = tx.objectStore('meta');
      var info = { ok: true };
      var a = meta.get('actor');
      a.onsuccess = function() {
        info.actor = a.result || '';
        var l = meta.get('last_open');
        l.onsuccess = function() { info.last_open = l.result || ''; };
      };
      // Who this browser answers as, per community ("me:<community>" -> member id).
      info.me = {};
      var mc = meta.openCursor(IDBKeyRange.bound('me:', 'me:\uffff'));
      mc.onsuccess = function() {
        var cur = mc.result;
        if (!cur) return;
        if (cur.value) info.me[String(cur.key).slice(3)] = cur.value;
        cur.continue();
      };
      tx.oncomplete = function() {
        CVStore.listOf(function(list) {
          info.communities = list;
          CV.emit('storage-ready', info);
        });
      };
      tx.onerror = function() { CV.emit('storage-ready', { ok: false, error: CVStore.failure(tx.error) }); };
      if (window.BroadcastChannel) {
        CVStore.channel = new BroadcastChannel('cultivate');
        CVStore.channel.onmessage = function(e) {
          var m = e.data || {};
          if (m.tab === CVStore.tab) return;
          if (m.type === 'saved') CV.emit('other-tab-saved', { id: String(m.id) });
          if (m.type === 'list') CVStore.emitList();
        };
      }
      // Keep what is stored: ask the browser not to evict it under storage pressure.
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().then(function(granted) { CV.emit('persist', { granted: !!granted }); },
                                         function() { CV.emit('persist', { granted: false }); });
      }
    });
  },

  cvjs_storage_load__deps: ['$CVStore', '$CV'],
  cvjs_storage_load: function(idPtr) {
    var id = UTF8ToString(idPtr);
    if (!CVStore.db) { CV.emit('loaded', { id: id, found: false, error: 'the database is closed' }); CVStore.connect(function() {}); return; }
    var req = CVStore.db.transaction('communities').objectStore('communities').get(id);
    req.onsuccess = function() {
      var v = req.result;
      if (v && v.writer === CVStore.tab) CVStore.lastSeq[id] = v.seq;
      CV.emit('loaded', { id: id, found: !!v, name: v ? v.name : '' }, v ? CV.utf8(v.data) : null);
    };
    req.onerror = function() { CV.emit('loaded', { id: id, found: false, error: CVStore.failure(req.error) }); };
  },

  // [SECTION] Saving --------------------------------------------------------------------------------
  // The app's bytes are asked for inside the transaction, after the stored copy was read, so that
  // what is written already holds every other tab's saved edits.
  cvjs_storage_save__deps: ['$CVStore', '$CV'],
  cvjs_storage_save: function(idPtr, seq) {
    var id = UTF8ToString(idPtr);
    if (CVStore.db) { CVStore.save(id, seq); return; }
    // The database was closed under us (another tab deleted or upgraded it, or site data was
    // cleared): reopen it and write everything again, or say why not (the app retries).
    CVStore.connect(function(err) {
      if (err) CV.emit('saved', { id: id, seq: seq, ok: false, error: 'the database cannot be opened: ' + err });
      else CVStore.save(id, seq);
    });
  },

  // [SECTION] The list, the bin, meta ---------------------------------------------------------------
  cvjs_storage_list__deps: ['$CVStore'],
  cvjs_storage_list: function() { CVStore.emitList(); },

  // Moves a community to the bin (trashed = when) or back (0); purge deletes it for good.
  cvjs_storage_trash__deps: ['$CVStore', '$CV'],
  cvjs_storage_trash: function(idPtr, trashed, purge) {
    var id = UTF8ToString(idPtr);
    if (!CVStore.db) { CV.emit('storage-error', { error: 'the database is closed; try again' }); CVStore.connect(function() {}); return; }
    var tx = CVStore.db.transaction('communities', 'readwrite', { durability: 'strict' });
    var store = tx.objectStore('communities');
    if (purge) store.delete(id);
    else {
      var get = store.get(id);
      get.onsuccess = function() {
        if (!get.result) return;
        get.result.trashed = trashed ? Date.now() : 0;
        store.put(get.result);
      };
    }
    tx.oncomplete = function() {
      CVStore.emitList();
      if (CVStore.channel) CVStore.channel.postMessage({ type: 'list', tab: CVStore.tab });
    };
    tx.onabort = function() { CV.emit('storage-error', { error: CVStore.failure(tx.error) }); };
  },

  cvjs_storage_set_meta__deps: ['$CVStore'],
  cvjs_storage_set_meta: function(keyPtr, valuePtr) {
    if (!CVStore.db) return;
    var tx = CVStore.db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put(UTF8ToString(valuePtr), UTF8ToString(keyPtr));
  },

  cvjs_storage_estimate__deps: ['$CV'],
  cvjs_storage_estimate: function() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    Promise.all([navigator.storage.estimate(), navigator.storage.persisted ? navigator.storage.persisted() : false])
      .then(function(r) { CV.emit('estimate', { usage: r[0].usage || 0, quota: r[0].quota || 0, persisted: !!r[1] }); })
      .catch(function() {});
  },
});
