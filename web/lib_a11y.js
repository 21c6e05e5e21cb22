// lib_a11y.js: the accessibility mirror. Dear ImGui draws on a canvas, where a screen reader finds
// nothing; this keeps a DOM tree of the widgets the last frame drew (src/platform/imgui_web.cpp,
// [SECTION] Accessibility mirror), with their roles, names and states, laid over them unseen:
//   - a window is a region (the main one), a dialog, a menu or a listbox; tabs are in a tablist; a
//     table's widgets are in rows and cells;
//   - buttons, checkboxes, tabs, menu items and text fields, named by their labels (a field by its
//     hint) and carrying their state (checked, selected, expanded, disabled) and a field its text;
//   - the status line is a live region: a screen reader says what changed.
// Activating an element (a screen reader's click) activates its widget; focusing one moves Dear ImGui's
// navigation focus there, and Dear ImGui's focus, moved by the keyboard, moves the DOM focus while it
// is in the mirror; text typed into a mirrored field goes to the widget. Elements are kept per widget
// id between updates, so the focus and a screen reader's place survive them.
mergeInto(LibraryManager.library, {
  $CVA11y__deps: ['$CV'],
  $CVA11y: {
    root: null,       // <div id="a11y">: the mirror, over the canvas, unseen, letting the pointer through
    live: null,       // the status line's live region
    nodes: null,      // widget id -> element (a Map, made in init: a library's fields are written out as text)
    timer: 0,
    echo: false,      // a focus this code moved: not sent back to Dear ImGui
    init: function() {
      var root = document.createElement('div');
      root.id = 'a11y';
      document.body.appendChild(root);
      CVA11y.root = root;
      CVA11y.nodes = new Map();
      var live = document.createElement('div');
      live.id = 'a11y-status';
      live.setAttribute('role', 'status');
      live.setAttribute('aria-live', 'polite');
      document.body.appendChild(live);
      CVA11y.live = live;
    },
    inside: function(el) { return !!(el && CVA11y.root && CVA11y.root.contains(el)); },
    // After a frame whose widgets changed: read them soon, not inside the frame (scrolling changes
    // every rectangle; the mirror follows at most ten times a second).
    changed: function() {
      if (CVA11y.timer) return;
      CVA11y.timer = setTimeout(function() { CVA11y.timer = 0; CVA11y.update(); }, 100);
    },
    element: function(it) {
      var el = CVA11y.nodes.get(it.id);
      var tag = it.kind === 'textbox' ? 'input' : it.kind === 'button' ? 'button' : 'div';
      if (el && el.tagName.toLowerCase() === tag) return el;
      el = document.createElement(tag);
      el.dataset.id = it.id;
      // Text is read where it stands (no role of its own); a heading starts a section.
      if (it.kind === 'text' || it.kind === 'heading') {
        if (it.kind === 'heading') { el.setAttribute('role', 'heading'); el.setAttribute('aria-level', '2'); }
        CVA11y.nodes.set(it.id, el);
        return el;
      }
      if (tag === 'input') el.type = 'text';
      if (tag === 'button') el.type = 'button';
      else if (tag === 'div') el.setAttribute('role', it.kind);
      el.tabIndex = -1;
      var id = it.id;
      el.addEventListener('click', function(e) {
        e.preventDefault();
        if (el.tagName === 'INPUT') {  // a field left with Enter or Escape is entered again
          if (!el.dataset.active) { _cv_a11y_activate(id); CVA11y.settle(); }
          return;
        }
        // A screen reader's focus is where it acted: from there it follows Dear ImGui's (a new
        // member's name field, say).
        if (document.activeElement !== el) {
          CVA11y.echo = true;
          el.focus({ preventScroll: true });
          CVA11y.echo = false;
        }
        _cv_a11y_activate(id);
        CVA11y.settle();
      });
      el.addEventListener('focus', function() {
        if (CVA11y.echo) return;
        _cv_a11y_focus(id);
        if (el.tagName === 'INPUT') _cv_a11y_activate(id);  // ready for text
        CVA11y.settle();
      });
      if (tag === 'input') {
        // Typed text goes to the widget (which shows it, and tells it back as this field's value),
        // entering it again first if it was left; so do an on-screen keyboard's edits and an IME's
        // composed text.
        var send = function(text) {
          if (!el.dataset.active) { _cv_a11y_activate(id); CVA11y.settle(); }
          CV.sendString(text);
          _cv_on_text();
          CV.drawNow();
        };
        el.addEventListener('beforeinput', function(e) {
          if (e.isComposing || e.inputType === 'insertCompositionText') return;
          if ((e.inputType === 'insertText' || e.inputType === 'insertReplacementText') && e.data) {
            e.preventDefault();
            send(e.data);
          } else if (e.inputType === 'deleteContentBackward' || e.inputType === 'deleteContentForward' ||
                     e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') {
            e.preventDefault();
            _cv_on_key_tap(e.inputType === 'deleteContentBackward' ? 0 : e.inputType === 'deleteContentForward' ? 2 : 1);
            CV.drawNow();
          }
        });
        el.addEventListener('compositionend', function(e) { if (e.data) send(e.data); });
      }
      CVA11y.nodes.set(it.id, el);
      return el;
    },
    // The container of `role` under `node` for `key` (a window's tablist, a table, its row, a cell),
    // made the first time it is asked for.
    child: function(node, key, role) {
      var c = node.kids.get(key);
      if (!c) {
        c = { el: document.createElement('div'), kids: new Map() };
        c.el.setAttribute('role', role);
        node.kids.set(key, c);
        node.el.appendChild(c.el);
      }
      return c;
    },
    settle: function() { for (var i = 0; i < 3; i++) CV.drawNow(); },
    update: function() {
      var m = JSON.parse(UTF8ToString(_cv_a11y_items()));
      if (CVA11y.live.textContent !== m.status) CVA11y.live.textContent = m.status;
      var root = CVA11y.root, had = document.activeElement, keep = new Set();
      var regions = new Map();
      m.windows.forEach(function(w) {
        var r = document.createElement('div');
        var role = w.kind === 'main' ? 'region' : w.kind;
        r.setAttribute('role', role);
        r.setAttribute('aria-label', w.name || (role === 'menu' ? 'Menu' : 'Cultivate'));
        if (role === 'dialog') r.setAttribute('aria-modal', 'false');
        regions.set(w.id, { el: r, kids: new Map() });
      });
      m.items.forEach(function(it) {
        var reg = regions.get(it.window);
        if (!reg) return;
        var el = CVA11y.element(it);
        keep.add(it.id);
        var name = it.label || it.name || '';
        if (el.tagName === 'BUTTON' || it.kind === 'text' || it.kind === 'heading') {
          if (el.textContent !== name) el.textContent = name;
        }
        else el.setAttribute('aria-label', name);
        if (el.tagName === 'INPUT') {
          if (it.secret) el.dataset.secret = '1';  // once seen as a password field, always one
          el.type = el.dataset.secret ? 'password' : 'text';
          if (it.active) el.dataset.active = '1';
          else delete el.dataset.active;
          if (it.name && it.label) el.setAttribute('aria-label', it.label);
          if (it.name && !el.placeholder) el.placeholder = it.name;
          var v = it.value || '';
          if (el.value !== v) el.value = v;
        }
        if (it.kind === 'checkbox') el.setAttribute('aria-checked', it.checked ? 'true' : 'false');
        if (it.kind === 'tab') el.setAttribute('aria-selected', it.selected ? 'true' : 'false');
        if (it.kind === 'menuitem' && it.checked) el.setAttribute('aria-checked', 'true');
        if ('expanded' in it) el.setAttribute('aria-expanded', it.expanded ? 'true' : 'false');
        else el.removeAttribute('aria-expanded');
        if (it.disabled) el.setAttribute('aria-disabled', 'true');
        else el.removeAttribute('aria-disabled');
        var s = el.style;
        s.left = it.x + 'px'; s.top = it.y + 'px'; s.width = it.w + 'px'; s.height = it.h + 'px';
        var parent = it.kind === 'tab' ? CVA11y.child(reg, 'tabs', 'tablist').el
                   : it.table ? CVA11y.child(CVA11y.child(CVA11y.child(reg, 't' + it.table, 'table'), it.row, 'row'), it.column, 'cell').el
                   : reg.el;
        parent.appendChild(el);
      });
      // The new tree replaces the old in one step; elements of widgets gone are let go.
      root.replaceChildren.apply(root, Array.from(regions.values()).map(function(r) { return r.el; }));
      CVA11y.nodes.forEach(function(el, id) { if (!keep.has(id)) CVA11y.nodes.delete(id); });
      // While the focus is in the mirror it stays there (an element moved in the tree loses it) and
      // follows Dear ImGui's, which the keyboard moves.
      if (had && had.dataset && had.dataset.id !== undefined) {
        var target = CVA11y.nodes.get(m.focus) || CVA11y.nodes.get(Number(had.dataset.id));
        if (target && document.activeElement !== target) {
          CVA11y.echo = true;
          target.focus({ preventScroll: true });
          CVA11y.echo = false;
        }
      }
    },
  },

  cvjs_a11y_changed__deps: ['$CVA11y'],
  cvjs_a11y_changed: function() {
    if (!CVA11y.root) CVA11y.init();
    CVA11y.changed();
  },
});
