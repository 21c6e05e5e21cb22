// lib_storage.js: communities in IndexedDB, for src/platform/platform_web.cpp (--js-library).
// The seam is one way: the app sends commands (load, save these bytes if the stored copy is still
// the one I know, journal, trash, purge), the page answers with events. It never calls back into the
// app inside a transaction.
// One database "cultivate", two stores:
//   communities  one record per community: its canonical file as text, its name, when it was saved,
//                whether it is in the bin, and an etag that changes with every write. A community
//                deleted for good leaves a tombstone {id, purged}, so a tab that still has it open
//                cannot bring it back.
//   meta         this browser's actor id, the last open community, who this browser answers as,
//                journals (the last state of a tab that was hidden or closed) and recovery copies (a
//                stored copy that could not be read, kept aside before it was replaced).
//  [SECTION] Opening
//  [SECTION] Loading and saving
//  [SECTION] Journals: the last state of a page being hidden or closed
//  [SECTION] The list, the bin, meta
//  [SECTION] Other tabs

mergeInto(LibraryManager.library, {
  $CVStore__deps: ['$CV'],
  $CVStore__postset: 'CVStore.preopen();',
  $CVStore: {
    db: null,
    tab: '',          // this tab (set at run time, not build time)
    channel: null,
    openError: '',
    blocked: false,   // another tab holds the database (an older version open, or deleting it)
    OPEN_TIMEOUT_MS: 4000,
    // What a stored record says about itself: its etag, "#purged" for a tombstone, "" when there is none.
    tagOf: function(v) { return !v ? '' : v.purged ? '#purged' : (v.etag || '#unversioned'); },
    listOf: function(done) {
      var out = [], recovery = [];
      var tx = CVStore.db.transaction(['communities', 'meta']);
      var req = tx.objectStore('communities').openCursor();
      req.onsuccess = function() {
        var c = req.result;
        if (!c) return;
        var v = c.value;
        if (!v.purged) out.push({ id: v.id, name: v.name, saved: v.saved || 0, trashed: v.trashed || 0, bytes: v.data ? v.data.length : 0 });
        c.continue();
      };
      var rc = tx.objectStore('meta').openCursor(IDBKeyRange.bound('recovery:', 'recovery:\uffff'));
      rc.onsuccess = function() {
        var c = rc.result;
        if (!c) return;
        var v = c.value || {};
        recovery.push({ key: String(c.key), id: v.id, name: v.name, at: v.at || 0, reason: v.reason || '', bytes: v.data ? v.data.length : 0 });
        c.continue();
      };
      tx.oncomplete = function() { done(out, recovery); };
      tx.onabort = function() { done(out, recovery); };
    },
    emitList: function() {
      if (!CVStore.db) return;
      try { CVStore.listOf(function(list, recovery) { CV.emit('list', { communities: list, recovery: recovery }); }); }
      catch (e) { CV.emit('storage-error', { error: 'could not list the communities: ' + CVStore.failure(e) }); }
    },
    failure: function(err) {
      if (!err) return 'unknown error';
      return (err.name ? err.name + ': ' : '') + (err.message || String(err));
    },
    // Opens (or, after another tab closed it, reopens) the database; done(error or ''). Early: before
    // the app runs, so nothing is sent to it (a storage held by another tab is told at storage_init).
    connect: function(done, early) {
      var open, settled = false;
      var finish = function(err) { if (!settled) { settled = true; clearTimeout(timer); done(err); } };
      // An open can wait without any event (behind another tab's deletion of the database): say so
      // after a few seconds rather than let autosave stall in silence. It may still open later.
      var timer = setTimeout(function() {
        CVStore.blocked = true;
        finish('another Cultivate tab has been holding it for ' + CVStore.OPEN_TIMEOUT_MS / 1000 + ' s (close or reload that tab)');
      }, CVStore.OPEN_TIMEOUT_MS);
      try { open = indexedDB.open('cultivate', 1); } catch (e) { finish(CVStore.failure(e)); return; }
      open.onupgradeneeded = function() {
        var db = open.result;
        if (!db.objectStoreNames.contains('communities')) db.createObjectStore('communities', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      };
      // Blocked: another tab keeps an older connection open. Say so now rather than wait in silence.
      open.onblocked = function() {
        var why = 'another Cultivate tab holds the storage open with an older version; close or reload that tab';
        CVStore.blocked = true;
        if (early) CVStore.earlyBlocked = why;
        else CV.emit('storage-error', { error: why });
        finish(why);
      };
      open.onerror = function(e) {
        if (e && e.preventDefault) e.preventDefault();
        CVStore.openError = CVStore.failure(open.error);
        finish(CVStore.openError);
      };
      open.onsuccess = function() {
        var db = open.result;
        if (settled) { if (!CVStore.db) CVStore.adopt(db); else db.close(); CVStore.blocked = false; return; }
        CVStore.adopt(db);
        finish('');
      };
    },
    // The database opened as this script runs ($CVStore__postset), while the wasm downloads and
    // compiles: a fresh browser's first open, which makes the stores, took 240 ms of the page's load
    // when it waited for the app to ask. early(done) hands its outcome on, never synchronously.
    early: null,
    earlyBlocked: '',
    preopen: function() {
      if (!window.indexedDB) return;
      var waiting = [], outcome = null;
      CVStore.early = function(done) {
        if (outcome === null) waiting.push(done);
        else Promise.resolve().then(function() { done(outcome); });
      };
      CVStore.connect(function(err) {
        outcome = err;
        waiting.forEach(function(done) { done(err); });
        waiting = [];
      }, true);
    },
    adopt: function(db) {
      CVStore.db = db;
      CVStore.openError = '';
      CVStore.blocked = false;
      // Another tab upgrades or deletes the database (or site data is cleared): let go of it; the next
      // command reopens it.
      db.onversionchange = function() { db.close(); if (CVStore.db === db) CVStore.db = null; };
      db.onclose = function() { if (CVStore.db === db) CVStore.db = null; };
    },
    // Runs fn once the database is open, or reports err(message).
    withDb: function(fn, err) {
      if (CVStore.db) { fn(); return; }
      CVStore.connect(function(e) { if (e) err('the storage cannot be opened: ' + e); else fn(); });
    },
    bytesOf: function(ptr, len) { return UTF8ToString(ptr, len); },
    // This tab's journal of a community is covered by a write of the same or a later revision.
    dropJournal: function(id, revision) {
      var key = 'journal:' + CVStore.tab + ':' + id;
      try {
        var copy = JSON.parse(localStorage.getItem('cultivate-' + key) || 'null');
        if (copy && copy.revision <= revision) localStorage.removeItem('cultivate-' + key);
      } catch (e) { /* kept: the next start merges it, which changes nothing */ }
      if (!CVStore.db) return;
      try {
        var tx = CVStore.db.transaction('meta', 'readwrite');
        var meta = tx.objectStore('meta');
        var j = meta.get(key);
        j.onsuccess = function() { if (j.result && j.result.revision <= revision) meta.delete(key); };
      } catch (e) { /* kept: the next start merges it, which changes nothing */ }
    },
    // A save: one readwrite transaction that checks the stored copy is still the one the app knows
    // (its etag) and writes the whole new text, or gives the stored copy back as a conflict.
    // Only a write that keeps a copy aside touches "meta" too: every other write leaves "meta" free,
    // so a journal written as the page goes away never waits behind a write in flight.
    save: function(cmd, text) {
      var tx, store, meta;
      try {
        tx = CVStore.db.transaction(cmd.keep_aside ? ['communities', 'meta'] : ['communities'], 'readwrite',
                                    { durability: 'strict' });
        store = tx.objectStore('communities');
        meta = cmd.keep_aside ? tx.objectStore('meta') : null;
      } catch (e) {
        CV.emit('save-failed', { id: cmd.id, seq: cmd.seq, error: CVStore.failure(e) });
        return;
      }
      var conflict = null, kept = '', saved = 0;
      var get = store.get(cmd.id);
      get.onsuccess = function() {
        var old = get.result;
        var tag = CVStore.tagOf(old);
        var match = cmd.expect === '*' ? !old : tag === cmd.expect;
        if (!match) {
          conflict = { tag: tag, purged: !!(old && old.purged), data: old && old.data ? old.data : '' };
          tx.abort();
          return;
        }
        if (cmd.keep_aside && old && !old.purged) {  // the app could not read it: keep it aside, then replace it
          kept = 'recovery:' + cmd.id + ':' + Date.now();
          meta.put({ id: cmd.id, name: old.name, data: old.data, at: Date.now(), reason: cmd.reason || '' }, kept);
        }
        saved = Date.now();
        store.put({ id: cmd.id, name: cmd.name, data: text, saved: saved, trashed: old ? old.trashed || 0 : 0,
                    etag: cmd.etag, writer: CVStore.tab, format: 1 });
      };
      tx.oncomplete = function() {
        CV.emit('saved', { id: cmd.id, seq: cmd.seq, etag: cmd.etag, saved: saved, kept_aside: kept });
        if (CVStore.channel) CVStore.channel.postMessage({ type: 'saved', id: cmd.id, tab: CVStore.tab });
        CVStore.dropJournal(cmd.id, cmd.revision);
      };
      tx.onabort = function() {
        if (conflict) CV.emit('save-conflict', { id: cmd.id, seq: cmd.seq, etag: conflict.tag, purged: conflict.purged },
                              conflict.data ? CV.utf8(conflict.data) : null);
        else CV.emit('save-failed', { id: cmd.id, seq: cmd.seq, error: CVStore.failure(tx.error || get.error) });
      };
    },
  },

  // [SECTION] Opening -------------------------------------------------------------------------------
  // Answers "storage-ready" {ok, tab, actor, last_open, me, communities, recovery}, after one "journal"
  // event per journal left by a tab that was hidden or closed (its bytes with it).
  cvjs_storage_init__deps: ['$CVStore', '$CV'],
  cvjs_storage_init: function() {
    var r = new Uint32Array(2);
    crypto.getRandomValues(r);
    CVStore.tab = r[0].toString(36) + r[1].toString(36);
    if (!window.indexedDB) {
      CV.emit('storage-ready', { ok: false, tab: CVStore.tab, error: 'this browser offers no IndexedDB' });
      return;
    }
    var opened = function(err) {
      if (CVStore.earlyBlocked) CV.emit('storage-error', { error: CVStore.earlyBlocked });
      CVStore.earlyBlocked = '';
      if (!err && !CVStore.db) { CVStore.connect(opened); return; }  // let go since (another tab deleted it)
      if (err) { CV.emit('storage-ready', { ok: false, tab: CVStore.tab, error: err }); return; }
      var tx = CVStore.db.transaction('meta');
      var meta = tx.objectStore('meta');
      var info = { ok: true, tab: CVStore.tab, me: {}, self: {}, seen: {}, matrix: {} }, journals = [];
      var a = meta.get('actor');
      a.onsuccess = function() { info.actor = a.result || ''; };
      var l = meta.get('last_open');
      l.onsuccess = function() { info.last_open = l.result || ''; };
      // Per community: who this browser answers as ("me:"), who it is in its own copy ("self:"), and
      // when it last looked at the threads ("seen:", ms), its Matrix room ("matrix:").
      var prefixed = function(prefix, into) {
        var c = meta.openCursor(IDBKeyRange.bound(prefix, prefix + '\uffff'));
        c.onsuccess = function() {
          var cur = c.result;
          if (!cur) return;
          if (cur.value) into[String(cur.key).slice(prefix.length)] = String(cur.value);
          cur.continue();
        };
      };
      prefixed('me:', info.me);
      prefixed('self:', info.self);
      prefixed('seen:', info.seen);
      prefixed('matrix:', info.matrix);  // the live sync's sign-in and queue (src/app/live_page.cpp)
      var jc = meta.openCursor(IDBKeyRange.bound('journal:', 'journal:\uffff'));
      jc.onsuccess = function() {
        var cur = jc.result;
        if (!cur) return;
        var v = cur.value || {};
        if (v.id && typeof v.data === 'string') journals.push({ key: String(cur.key), id: v.id, name: v.name || '', data: v.data });
        cur.continue();
      };
      tx.oncomplete = function() {
        // The same journals kept in localStorage, written at once as a page goes away: an IndexedDB
        // commit can be lost when a tab closes right after an edit. Merging both changes nothing twice.
        try {
          for (var i = localStorage.length - 1; i >= 0; i--) {
            var k = localStorage.key(i);
            if (!k || k.indexOf('cultivate-journal:') !== 0) continue;
            var v = JSON.parse(localStorage.getItem(k) || 'null');
            if (v && v.id && typeof v.data === 'string') journals.push({ key: k.slice(10), id: v.id, name: v.name || '', data: v.data });
          }
        } catch (e) { /* no localStorage here: IndexedDB's journals only */ }
        journals.forEach(function(j) { CV.emit('journal', { key: j.key, id: j.id, name: j.name }, CV.utf8(j.data)); });
        CVStore.listOf(function(list, recovery) {
          info.communities = list;
          info.recovery = recovery;
          CV.emit('storage-ready', info);
        });
      };
      tx.onerror = function() { CV.emit('storage-ready', { ok: false, tab: CVStore.tab, error: CVStore.failure(tx.error) }); };
      if (window.BroadcastChannel) {
        CVStore.channel = new BroadcastChannel('cultivate');
        CVStore.channel.onmessage = function(e) {
          var m = e.data || {};
          if (m.tab === CVStore.tab) return;
          if (m.type === 'saved') CV.emit('other-tab-saved', { id: String(m.id) });
          if (m.type === 'list') { CVStore.emitList(); if (m.purged) CV.emit('purged', { id: String(m.purged) }); }
        };
      }
      // Keep what is stored: ask the browser not to evict it under storage pressure.
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().then(function(granted) { CV.emit('persist', { granted: !!granted }); },
                                         function() { CV.emit('persist', { granted: false }); });
      }
    };
    var early = CVStore.early;
    CVStore.early = null;
    if (early) early(opened);
    else CVStore.connect(opened);
  },

  // [SECTION] Loading and saving ----------------------------------------------------------------------
  // -> "loaded" {id, found, purged, etag, name} and the stored text.
  cvjs_storage_load__deps: ['$CVStore', '$CV'],
  cvjs_storage_load: function(idPtr) {
    var id = UTF8ToString(idPtr);
    CVStore.withDb(function() {
      var req;
      try { req = CVStore.db.transaction('communities').objectStore('communities').get(id); } catch (e) {
        CV.emit('loaded', { id: id, found: false, error: CVStore.failure(e) });
        return;
      }
      req.onsuccess = function() {
        var v = req.result;
        var live = !!(v && !v.purged);
        CV.emit('loaded', { id: id, found: live, purged: !!(v && v.purged), etag: CVStore.tagOf(v), name: live ? v.name : '' },
                live ? CV.utf8(v.data) : null);
      };
      req.onerror = function() { CV.emit('loaded', { id: id, found: false, error: CVStore.failure(req.error) }); };
    }, function(e) { CV.emit('loaded', { id: id, found: false, error: e }); });
  },

  // cmd: {id, name, expect, etag, seq, revision, keep_aside, reason} as JSON; the text to store came
  // before it in parts (cvjs_storage_save_part). -> "saved" {id, seq, etag, kept_aside}, "save-conflict" {id, seq, etag, purged} + the stored text,
  //    or "save-failed" {id, seq, error}.
  // A save's or a journal's bytes come in parts (whole records each, so each is whole UTF-8), then
  // its command.
  cvjs_storage_save_part__deps: ['$CVStore'],
  cvjs_storage_save_part: function(dataPtr, len) {
    (CVStore.parts = CVStore.parts || []).push(CVStore.bytesOf(dataPtr, len));
  },
  cvjs_storage_save__deps: ['$CVStore', '$CV'],
  cvjs_storage_save: function(cmdPtr) {
    var cmd = JSON.parse(UTF8ToString(cmdPtr));
    var text = (CVStore.parts || []).join('');
    CVStore.parts = [];
    CVStore.withDb(function() { CVStore.save(cmd, text); },
                   function(e) { CV.emit('save-failed', { id: cmd.id, seq: cmd.seq, error: e }); });
  },

  // [SECTION] Journals: the last state of a page being hidden or closed ---------------------------------
  // One put, committed at once: it reaches the database even when the page goes away right after.
  // The next start merges it into the stored copy (see the "journal" event).
  cvjs_storage_journal__deps: ['$CVStore'],
  cvjs_storage_journal: function(cmdPtr, len) {
    var cmd = JSON.parse(UTF8ToString(cmdPtr));
    var text = (CVStore.parts || []).join('');
    CVStore.parts = [];
    var key = 'journal:' + CVStore.tab + ':' + cmd.id;
    // A synchronous copy for a small community (localStorage holds a few MB): it is on disk before
    // the page can go.
    if (len <= 1 << 20) {
      try {
        localStorage.setItem('cultivate-' + key, JSON.stringify({ id: cmd.id, name: cmd.name, revision: cmd.revision,
                                                                  data: text }));
      } catch (e) { /* full or refused: IndexedDB's journal below */ }
    }
    if (!CVStore.db) return;
    try {
      var tx = CVStore.db.transaction('meta', 'readwrite', { durability: 'strict' });
      tx.objectStore('meta').put({ id: cmd.id, name: cmd.name, revision: cmd.revision, at: Date.now(),
                                   data: text }, 'journal:' + CVStore.tab + ':' + cmd.id);
      if (tx.commit) tx.commit();
    } catch (e) { /* the page is going away; the regular save may still land */ }
  },

  cvjs_storage_drop_meta__deps: ['$CVStore', '$CV'],
  cvjs_storage_drop_meta: function(keyPtr) {
    var key = UTF8ToString(keyPtr);
    if (key.indexOf('journal:') === 0) try { localStorage.removeItem('cultivate-' + key); } catch (e) { /* none kept */ }
    CVStore.withDb(function() {
      var tx;
      try { tx = CVStore.db.transaction('meta', 'readwrite'); } catch (e) { CV.emit('storage-error', { error: CVStore.failure(e) }); return; }
      tx.objectStore('meta').delete(key);
      tx.oncomplete = function() { if (key.indexOf('recovery:') === 0) CVStore.emitList(); };
      tx.onabort = function() { CV.emit('storage-error', { error: 'could not remove ' + key + ': ' + CVStore.failure(tx.error) }); };
    }, function(e) { CV.emit('storage-error', { error: e }); });
  },

  // Downloads a recovery copy as it was stored (a person or a newer Cultivate may read it).
  cvjs_storage_download_recovery__deps: ['$CVStore', '$CV'],
  cvjs_storage_download_recovery: function(keyPtr) {
    var key = UTF8ToString(keyPtr);
    CVStore.withDb(function() {
      var req;
      try { req = CVStore.db.transaction('meta').objectStore('meta').get(key); } catch (e) {
        CV.emit('storage-error', { error: CVStore.failure(e) });
        return;
      }
      req.onsuccess = function() {
        var v = req.result;
        if (!v) return;
        var a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([v.data || ''], { type: 'application/json' }));
        a.download = (v.name || 'community').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') + ' (recovery copy).cultivate.json';
        document.body.appendChild(a);
        a.click();
        setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      };
    }, function(e) { CV.emit('storage-error', { error: e }); });
  },

  // [SECTION] The list, the bin, meta ---------------------------------------------------------------
  cvjs_storage_list__deps: ['$CVStore'],
  cvjs_storage_list: function() { CVStore.emitList(); },

  // Moves a community to the bin (trashed = when) or back (0); purge deletes it for good, leaving a
  // tombstone so that no open tab can save it back.
  cvjs_storage_trash__deps: ['$CVStore', '$CV'],
  cvjs_storage_trash: function(idPtr, trashed, purge) {
    var id = UTF8ToString(idPtr);
    CVStore.withDb(function() {
      var tx;
      try { tx = CVStore.db.transaction('communities', 'readwrite', { durability: 'strict' }); } catch (e) {
        CV.emit('storage-error', { error: CVStore.failure(e) });
        return;
      }
      var store = tx.objectStore('communities');
      var get = store.get(id);
      get.onsuccess = function() {
        if (!get.result) return;
        if (purge) store.put({ id: id, purged: Date.now() });
        else {
          get.result.trashed = trashed ? Date.now() : 0;
          store.put(get.result);
        }
      };
      tx.oncomplete = function() {
        CVStore.emitList();
        if (purge) CV.emit('purged', { id: id });
        if (CVStore.channel) CVStore.channel.postMessage({ type: 'list', tab: CVStore.tab, purged: purge ? id : '' });
      };
      tx.onabort = function() { CV.emit('storage-error', { error: CVStore.failure(tx.error) }); };
    }, function(e) { CV.emit('storage-error', { error: e }); });
  },

  cvjs_storage_set_meta__deps: ['$CVStore', '$CV'],
  cvjs_storage_set_meta: function(keyPtr, valuePtr) {
    var key = UTF8ToString(keyPtr), value = UTF8ToString(valuePtr);
    var failed = function(why) { CV.emit('storage-error', { error: 'could not remember ' + key.replace(/:.*/, '') + ': ' + why }); };
    CVStore.withDb(function() {
      try {
        var tx = CVStore.db.transaction('meta', 'readwrite');
        tx.objectStore('meta').put(value, key);
        tx.onabort = function() { failed(CVStore.failure(tx.error)); };
      } catch (e) { failed(CVStore.failure(e)); }
    }, failed);
  },

  cvjs_storage_estimate__deps: ['$CV'],
  cvjs_storage_estimate: function() {
    if (!navigator.storage || !navigator.storage.estimate) return;
    Promise.all([navigator.storage.estimate(), navigator.storage.persisted ? navigator.storage.persisted() : false])
      .then(function(r) { CV.emit('estimate', { usage: r[0].usage || 0, quota: r[0].quota || 0, persisted: !!r[1] }); })
      .catch(function() {});
  },
});
