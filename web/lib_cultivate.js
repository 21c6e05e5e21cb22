// lib_cultivate.js: the browser side of src/platform/platform_web.cpp, linked with --js-library.
// Pointer, wheel, keyboard, text (typed, composed, on-screen keyboards), clipboard, size and DPR go
// to Dear ImGui through the exported cv_on_* functions; frames are drawn only when asked for.
//  [SECTION] State and frames
//  [SECTION] Size and pixel ratio
//  [SECTION] Pointer and wheel
//  [SECTION] Keyboard, text and clipboard
//  [SECTION] Test interface

mergeInto(LibraryManager.library, {
  // [SECTION] State and frames ------------------------------------------------------------------------
  $CV: {
    canvas: null,
    text: null,            // the hidden text field that receives typed and composed text
    frames: 0,             // frames drawn since the page opened (cultivateTest.frames())
    rafPending: false,
    tickPending: false,
    wakeTimer: 0,
    wakeAt: 0,
    clip: null,            // the text Dear ImGui last copied, for the next copy/cut event
    textActive: false,
    touch: null,           // a touch in progress: a tap, or a drag that scrolls
    chimes: 0,             // chimes played (cultivateTest.chimes())
    clockOffset: 0,        // ms the tests moved the platform clock on (development page only)
    development: false,    // the development page the tests drive (see installTestInterface)

    requestFrame: function() {
      if (CV.rafPending) return;
      CV.rafPending = true;
      requestAnimationFrame(function() { CV.rafPending = false; CV.drawNow(); });
    },
    // The app's work that must not wait for a frame: background tabs get animation frames late
    // (or never), but events and saves must still be handled.
    requestTick: function() {
      if (CV.tickPending) return;
      CV.tickPending = true;
      setTimeout(function() { CV.tickPending = false; _cv_tick(); }, 0);
    },
    // Draws one frame now (inside an input event when the browser needs an answer at once:
    // focus for the on-screen keyboard, text for a copy).
    drawNow: function() {
      CV.frames++;
      var t0 = performance.now();
      var more = _cv_frame();
      // The development page keeps the last frames' times for the benchmark (bench/scale).
      if (CV.development) {
        CV.frameMs.push(performance.now() - t0);
        if (CV.frameMs.length > 500) CV.frameMs.shift();
      }
      if (more) CV.requestFrame();
    },
    frameMs: [],
    sendString: function(s) {
      var n = lengthBytesUTF8(s) + 1;
      var p = _cv_scratch(n);
      stringToUTF8(s, p, n);
    },
    // Sends an event to the app: a kind, a JSON-able info object, optional bytes (Uint8Array).
    // It is queued in C++ and handled at the next frame.
    emit: function(kind, info, bytes) {
      var text = JSON.stringify(Object.assign({}, info || {}, { kind: kind }));  // `kind` is the event's
      var n = lengthBytesUTF8(text) + 1;
      var ip = _malloc(n);
      stringToUTF8(text, ip, n);
      var len = bytes ? bytes.length : 0;
      if (len) {
        var dp = _cv_event_bytes(len);  // may grow the memory: HEAPU8 is read after it
        HEAPU8.set(bytes, dp);          // written in place: the event takes them as they are
      }
      _cv_on_event(ip, len);
      _free(ip);
    },
    utf8: function(s) { return new TextEncoder().encode(s); },
    mods: function(e) {
      return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    },

    // [SECTION] Size and pixel ratio ----------------------------------------------------------------
    resize: function() {
      var dpr = window.devicePixelRatio || 1;
      var w = window.innerWidth, h = window.innerHeight;
      var c = CV.canvas;
      c.style.width = w + 'px';
      c.style.height = h + 'px';
      var pw = Math.round(w * dpr), ph = Math.round(h * dpr);
      if (c.width !== pw || c.height !== ph) { c.width = pw; c.height = ph; }
      _cv_on_resize(w, h, dpr);
      CV.drawNow();  // a resized canvas is blank until drawn
    },
    // This browser's display (platform.h, Display): the text size and high contrast chosen here
    // (localStorage), else what the browser asks for; reduced motion and a touch screen as the browser
    // says, as they change.
    initDisplay: function() {
      var stored = null;
      try { stored = JSON.parse(localStorage.getItem('cultivate-display') || 'null'); } catch (e) { stored = null; }
      var motion = matchMedia('(prefers-reduced-motion: reduce)'), contrast = matchMedia('(prefers-contrast: more)');
      var coarse = matchMedia('(pointer: coarse)');
      var send = function() {
        var size = stored && stored.size > 0 ? stored.size : 1;
        var high = stored && typeof stored.contrast === 'boolean' ? stored.contrast : contrast.matches;
        _cv_on_display(size, high ? 1 : 0, motion.matches ? 1 : 0, coarse.matches ? 1 : 0);
      };
      CV.display = function(size, high) { stored = { size: size, contrast: !!high }; };
      motion.addEventListener('change', send);
      contrast.addEventListener('change', send);
      coarse.addEventListener('change', send);
      send();
    },
    watchPixelRatio: function() {
      // Fires when the page moves to a screen with another DPR, or on browser zoom.
      var mq = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      mq.addEventListener('change', function() { CV.resize(); CV.watchPixelRatio(); }, { once: true });
    },

    // [SECTION] Pointer and wheel -------------------------------------------------------------------
    source: function(e) { return e.pointerType === 'touch' ? 1 : e.pointerType === 'pen' ? 2 : 0; },
    initPointer: function() {
      var c = CV.canvas;
      c.addEventListener('pointerdown', function(e) {
        e.preventDefault();
        try { c.setPointerCapture(e.pointerId); } catch (err) {}
        if (e.pointerType === 'touch') {
          // A touch is a tap (a click where it ends) or a drag (scrolls what is under it).
          CV.touch = { id: e.pointerId, x0: e.clientX, y0: e.clientY, x: e.clientX, y: e.clientY, scrolling: false };
          _cv_on_pointer_move(e.clientX, e.clientY, 1);
          return;
        }
        // The pointer arrives, then presses: a frame in between lets Dear ImGui see it hover first
        // (tabs and other overlapping items only take a press on an item hovered the frame before).
        _cv_on_pointer_move(e.clientX, e.clientY, CV.source(e));
        CV.drawNow();
        _cv_on_pointer_button(e.button === 2 ? 1 : e.button === 1 ? 2 : e.button, 1, CV.source(e));
        CV.drawNow();
        CV.afterUserInput();
      });
      c.addEventListener('pointermove', function(e) {
        var t = CV.touch;
        if (t && e.pointerId === t.id) {
          var dy = e.clientY - t.y, dx = e.clientX - t.x;
          if (!t.scrolling && Math.hypot(e.clientX - t.x0, e.clientY - t.y0) > 8) t.scrolling = true;
          if (t.scrolling) _cv_on_wheel(dx / 80, dy / 80);
          t.x = e.clientX; t.y = e.clientY;
          return;
        }
        var events = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
        var last = events.length ? events[events.length - 1] : e;
        _cv_on_pointer_move(last.clientX, last.clientY, CV.source(e));
      });
      var up = function(e) {
        var t = CV.touch;
        if (t && e.pointerId === t.id) {
          CV.touch = null;
          if (!t.scrolling && e.type === 'pointerup') {
            _cv_on_pointer_move(e.clientX, e.clientY, 1);
            CV.drawNow();
            _cv_on_pointer_button(0, 1, 1);
            CV.drawNow();
            _cv_on_pointer_button(0, 0, 1);
            CV.drawNow();
            CV.afterUserInput();
          }
          return;
        }
        _cv_on_pointer_move(e.clientX, e.clientY, CV.source(e));
        _cv_on_pointer_button(e.button === 2 ? 1 : e.button === 1 ? 2 : e.button, 0, CV.source(e));
        CV.drawNow();
        CV.afterUserInput();
      };
      c.addEventListener('pointerup', up);
      c.addEventListener('pointercancel', up);
      c.addEventListener('pointerleave', function(e) { if (e.pointerType === 'mouse') _cv_on_pointer_leave(); });
      c.addEventListener('contextmenu', function(e) { e.preventDefault(); });
      c.addEventListener('wheel', function(e) {
        e.preventDefault();
        // One Dear ImGui wheel step scrolls 5 lines of 16 px: turn the page's pixels into steps.
        var k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? window.innerHeight : 1;
        var dx = -e.deltaX * k / 80, dy = -e.deltaY * k / 80;
        if (e.shiftKey && !dx) { dx = dy; dy = 0; }
        _cv_on_pointer_move(e.clientX, e.clientY, 0);
        _cv_on_wheel(dx, dy);
      }, { passive: false });
    },
    // The hidden text field keeps the keyboard whenever the page has it, so no keystroke can fall
    // between two fields. Phones show their on-screen keyboard only while a text widget is active
    // (inputmode), and only after a touch, inside the user's gesture.
    // An element of the accessibility mirror (lib_a11y.js): the keyboard still goes to Dear ImGui.
    inMirror: function(el) { return !!(el && el.closest && el.closest('#a11y')); },
    afterUserInput: function() {
      var ta = CV.text;
      ta.setAttribute('inputmode', CV.textActive ? 'text' : 'none');
      if (document.activeElement !== ta && !CV.modalDom()) ta.focus({ preventScroll: true });
    },

    // [SECTION] Keyboard, text and clipboard --------------------------------------------------------
    // Keys the page keeps from the browser (the browser still gets reload, zoom, tabs, devtools).
    ownKey: function(e) {
      var named = ['Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Backspace', 'Delete', 'Enter',
                   'NumpadEnter', 'Escape', 'Home', 'End', 'PageUp', 'PageDown', 'Space'];
      if ((e.ctrlKey || e.metaKey) && !e.altKey) return 'AZYSOEFKD'.indexOf(e.code.replace('Key', '')) >= 0 &&
                                                        e.code.indexOf('Key') === 0;
      return named.indexOf(e.code) >= 0 && !(e.code === 'Space' && CV.textActive);
    },
    initKeyboard: function() {
      var ta = CV.text;
      window.addEventListener('keydown', function(e) {
        if (e.isComposing || e.keyCode === 229 || e.key === 'Dead') return;  // an IME or dead key is composing
        if (CV.modalDom()) return;
        var shortcut = (e.ctrlKey || e.metaKey) && !e.altKey;
        if (shortcut && e.code === 'KeyV') return;  // the paste event brings the text
        CV.sendString(e.key + '\0' + e.code);
        _cv_on_key(1, CV.mods(e));
        // On an element of the accessibility mirror, Space and Enter are Dear ImGui's alone: the
        // element's own click would act a second time.
        var mirrorKey = CV.inMirror(e.target) && e.target.tagName !== 'INPUT' && (e.code === 'Space' || e.key === 'Enter');
        if (CV.ownKey(e) || mirrorKey) e.preventDefault();
        // Each key is handled at once (not at the next animation frame): fast typing never queues up,
        // and for Ctrl+C Dear ImGui has copied before the copy event that follows asks for the text.
        CV.drawNow();
      }, true);
      window.addEventListener('keyup', function(e) {
        if (e.key === 'Dead') return;
        if (CV.inMirror(e.target) && e.target.tagName !== 'INPUT' && e.code === 'Space') e.preventDefault();
        CV.sendString(e.key + '\0' + e.code);
        _cv_on_key(0, CV.mods(e));
        CV.drawNow();
      }, true);
      var sendText = function(s) {
        if (!s) return;
        CV.sendString(s);
        _cv_on_text();
        CV.drawNow();
      };
      ta.addEventListener('beforeinput', function(e) {
        // On-screen keyboards send some keys only as edits of the text field.
        if (e.inputType === 'deleteContentBackward') { e.preventDefault(); _cv_on_key_tap(0); }
        else if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') { e.preventDefault(); _cv_on_key_tap(1); }
        else if (e.inputType === 'deleteContentForward') { e.preventDefault(); _cv_on_key_tap(2); }
      });
      ta.addEventListener('input', function(e) {
        if (e.isComposing) return;
        sendText(ta.value);
        ta.value = '';
      });
      ta.addEventListener('compositionend', function(e) {
        sendText(e.data || ta.value);
        ta.value = '';
      });
      window.addEventListener('paste', function(e) {
        if (CV.modalDom()) return;
        var s = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
        e.preventDefault();
        CV.sendString(s.replace(/\r\n?/g, '\n'));
        _cv_on_paste();
        CV.drawNow();
      });
      var copy = function(e) {
        if (CV.modalDom() || CV.clip === null) return;
        e.clipboardData.setData('text/plain', CV.clip);
        e.preventDefault();
      };
      window.addEventListener('copy', copy);
      window.addEventListener('cut', copy);
      window.addEventListener('focus', function() { _cv_on_focus(1); });
      window.addEventListener('blur', function() { _cv_on_focus(0); });
    },
    // Files dropped anywhere on the page, links opened while it runs, and a last save when the
    // page is hidden or closed.
    initFiles: function() {
      window.addEventListener('dragover', function(e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
      window.addEventListener('drop', function(e) {
        e.preventDefault();
        if (e.dataTransfer && e.dataTransfer.files.length) CVFiles.sendFiles(e.dataTransfer.files);
      });
      window.addEventListener('hashchange', function() { CVFiles.openHash(); });
      document.addEventListener('visibilitychange', function() { if (document.visibilityState === 'hidden') _cv_flush(); });
      window.addEventListener('pagehide', function() { _cv_flush(); });
    },
    // Stable for every browser test: the open community, the last frame's widgets, frames drawn.
    // The tests' clock offset outlives a reload of the tab (sessionStorage), as real time would.
    installTestInterface: function() {
      try { CV.clockOffset = Number(sessionStorage.getItem('cultivate-test-clock')) || 0; } catch (e) { CV.clockOffset = 0; }
      window.cultivateTest = {
        state: function() { return UTF8ToString(_cv_test_state()); },
        items: function() { return JSON.parse(UTF8ToString(_cv_test_items())); },
        frames: function() { return CV.frames; },
        // A frame or a tick is due: items() still shows the layout from before the last input.
        pending: function() { return CV.rafPending || CV.tickPending; },
        // What the page shows besides the community: status, save errors, import preview, share link.
        ui: function() { return JSON.parse(UTF8ToString(_cv_test_ui())); },
        // The platform clock moved on by ms (as if that much time had passed), and the chimes so far.
        advanceClock: function(ms) {
          CV.clockOffset += ms;
          sessionStorage.setItem('cultivate-test-clock', String(CV.clockOffset));
          _cv_tick();
          CV.requestFrame();
        },
        chimes: function() { return CV.chimes || 0; },
        // The time each of the last frames took to draw (ms), and the WebAssembly memory in use.
        frameTimes: function() { return CV.frameMs.slice(); },
        clearFrameTimes: function() { CV.frameMs.length = 0; },
        heapBytes: function() { return HEAP8.length; },
        // How many characters of `text` the UI font cannot draw.
        missingGlyphs: function(text) { CV.sendString(text); return _cv_test_missing_glyphs(); },
        // The most vertices one window drew in the last frame, and how many an index can reach.
        fontPx: function() { return _cv_test_font_px(); },
        drawing: function() { return { vertices: _cv_test_most_vertices(), indexBits: _cv_test_index_bits() }; },
        // Shapes kept as pictures (the Connections map) drawn into each frame instead, from the next
        // drawing that changes them: what a picture shows is compared with them.
        pictures: function(on) { _cv_test_pictures(on ? 1 : 0); CV.requestFrame(); },
        // Idle one-line fields drawn without InputText (the default), or every one by InputText.
        idleFields: function(on) { _cv_test_idle_fields(on ? 1 : 0); CV.requestFrame(); },
      };
    },
    // True while an HTML element of the page (not the canvas) has the keyboard.
    modalDom: function() {
      var a = document.activeElement;
      return a && a !== document.body && a !== CV.text && a !== CV.canvas && !CV.inMirror(a);
    },
  },

  cvjs_init__deps: ['$CV', '$CVFiles'],
  cvjs_init: function() {
    CV.canvas = document.getElementById('canvas');
    CV.text = document.getElementById('text-input');
    CV.initPointer();
    CV.initKeyboard();
    window.addEventListener('resize', CV.resize);
    CV.initDisplay();
    CV.initFiles();
    CV.watchPixelRatio();

    // [SECTION] Test interface ----------------------------------------------------------------------
    // Only on the development page the tests drive (build/web/dist-dev says so in its HTML): the page a
    // person runs has no window.cultivateTest, no test clock, and no local addresses for #url= links.
    CV.development = !!document.querySelector('meta[name="cultivate-development"]');
    if (CV.development) CV.installTestInterface();
    // A new version of the page took over (loader.js watches the service worker): offer a reload.
    var updated = function() { CV.emit('update-ready', {}); };
    if (window.cultivateUpdated) updated();
    window.addEventListener('cultivate-update', updated);
    CV.text.setAttribute('inputmode', 'none');
    CV.text.focus({ preventScroll: true });
    CV.resize();
    if (Module.onReady) Module.onReady();
  },

  // The font for scripts the UI font lacks, fetched once (the service worker keeps it); a failure
  // leaves those characters as boxes, and the page otherwise as it is.
  cvjs_fetch_font: function(urlPtr) {
    var url = UTF8ToString(urlPtr);
    fetch(url).then(function(r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.arrayBuffer();
    }).then(function(b) {
      var bytes = new Uint8Array(b), p = _malloc(bytes.length);
      HEAPU8.set(bytes, p);
      var n = lengthBytesUTF8(url) + 1, name = _malloc(n);
      stringToUTF8(url, name, n);
      _cv_on_font(name, p, bytes.length);
      _free(p);
      _free(name);
    }).catch(function(e) { console.warn('Cultivate: no font for these characters: ' + e.message); });
  },

  cvjs_save_display__deps: ['$CV'],
  cvjs_save_display: function(size, high) {
    CV.display(size, high);
    try { localStorage.setItem('cultivate-display', JSON.stringify({ size: size, contrast: !!high })); } catch (e) {}
  },

  cvjs_request_frame__deps: ['$CV'],
  cvjs_request_frame: function() { CV.requestFrame(); },

  cvjs_request_tick__deps: ['$CV'],
  cvjs_request_tick: function() { CV.requestTick(); },

  cvjs_wake_after__deps: ['$CV'],
  cvjs_wake_after: function(ms) {
    var at = performance.now() + ms;
    if (CV.wakeTimer && CV.wakeAt <= at) return;
    clearTimeout(CV.wakeTimer);
    CV.wakeAt = at;
    CV.wakeTimer = setTimeout(function() { CV.wakeTimer = 0; _cv_tick(); CV.requestFrame(); }, ms);
  },

  // The platform clock. Tests move it on with cultivateTest.advanceClock() instead of waiting; the
  // offset lives in sessionStorage so that it survives a reload of the tab, as real time would.
  cvjs_now_ms__deps: ['$CV'],
  cvjs_now_ms: function() { return Date.now() + CV.clockOffset; },

  // Two soft sine notes; the count is for the browser tests (headless Chromium plays no sound).
  cvjs_chime__deps: ['$CV'],
  cvjs_chime: function() {
    CV.chimes = (CV.chimes || 0) + 1;
    try {
      var ac = CV.audio || (CV.audio = new AudioContext());
      [0, 0.25].forEach(function(at, i) {
        var o = ac.createOscillator(), g = ac.createGain(), t = ac.currentTime + at;
        o.frequency.value = i ? 784 : 659;
        g.gain.setValueAtTime(0.0001, t);
        g.gain.exponentialRampToValueAtTime(0.2, t + 0.03);
        g.gain.exponentialRampToValueAtTime(0.0001, t + 0.9);
        o.connect(g).connect(ac.destination);
        o.start(t);
        o.stop(t + 1);
      });
    } catch (e) { /* no audio here: the flash still shows */ }
  },

  cvjs_random: function(ptr, n) { crypto.getRandomValues(HEAPU8.subarray(ptr, ptr + n)); },

  cvjs_set_text_input__deps: ['$CV', '$CVA11y'],
  cvjs_set_text_input: function(active, x, y, h) {
    // A field became active while the focus is in the accessibility mirror (Tab from a button): the
    // mirror moves the focus to it right after this frame, before the next keystroke can be lost.
    if (active && !CV.textActive && CV.inMirror(document.activeElement)) setTimeout(CVA11y.update, 0);
    CV.textActive = !!active;
    var ta = CV.text;
    ta.setAttribute('inputmode', active ? 'text' : 'none');
    if (active) {
      // Under the active field, so an IME shows its candidates there.
      ta.style.left = Math.max(0, x) + 'px';
      ta.style.top = Math.max(0, y) + 'px';
      ta.style.height = Math.max(1, h) + 'px';
    }
    // A field reached through the mirror keeps the focus: its text comes through it.
    if (document.activeElement !== ta && !CV.modalDom() && !CV.inMirror(document.activeElement)) ta.focus({ preventScroll: true });
  },

  cvjs_set_clipboard__deps: ['$CV'],
  cvjs_set_clipboard: function(ptr) {
    CV.clip = UTF8ToString(ptr);
    // Menus copy outside a key event; the async clipboard covers them where it is allowed.
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(CV.clip).catch(function() {});
  },

  cvjs_set_cursor__deps: ['$CV'],
  cvjs_set_cursor: function(ptr) { CV.canvas.style.cursor = UTF8ToString(ptr); },

  cvjs_reload: function() { location.reload(); },

  cvjs_is_mac: function() { return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 1 : 0; },
});
