// The presenter console (deck/console.html): current and next step as the
// audience sees them, the notes, the time and the time elapsed. It runs in
// a window of its own (its host is window.opener) or inside the
// presentation's tab (host: window.parent) where popups are blocked.
// Everything it knows comes from the host's "state" messages (see
// deck/console-host.js); the two views are the presentation itself,
// opened with ?deck-view=preview and driven by messages (deck/preview.js).
(function (document, window) {
  'use strict';

  var embedded = window.parent !== window;
  var host = embedded ? window.parent : window.opener;
  // The elapsed time survives a reload of the console (the presentation
  // reopening it with "p" after a reload of its own).
  var STARTED = 'deck-console-started';
  var started = Number(readStore(STARTED)) || Date.now();
  writeStore(STARTED, started);
  var latest = null;
  var views = {
    current: { frame: document.getElementById('current-view'), base: '', ready: false, want: null },
    next: { frame: document.getElementById('next-view'), base: '', ready: false, want: null },
  };

  function readStore(key) {
    try {
      return window.sessionStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function writeStore(key, value) {
    try {
      window.sessionStorage.setItem(key, String(value));
    } catch (error) {
      // No storage (some private modes): the time restarts with the console.
    }
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function tick() {
    var now = new Date();
    byId('clock').textContent = pad(now.getHours()) + ':' + pad(now.getMinutes()) + ':' + pad(now.getSeconds());
    var seconds = Math.floor((Date.now() - started) / 1000);
    var hours = Math.floor(seconds / 3600);
    var text = pad(Math.floor(seconds / 60) % 60) + ':' + pad(seconds % 60);
    byId('timer').textContent = hours > 0 ? hours + ':' + text : text;
  }

  function restartTimer() {
    started = Date.now();
    writeStore(STARTED, started);
    tick();
  }

  function command(name) {
    if (host && !host.closed) host.postMessage({ deck: 'console-command', command: name }, '*');
  }

  function hello() {
    if (host && !host.closed) host.postMessage({ deck: 'console-hello' }, '*');
  }

  function label(step, count) {
    var text = (step.index + 1) + ' / ' + count + ' \u00b7 ' + (step.title || step.id);
    if (step.substeps > 0) text += ' \u00b7 ' + step.visible + ' of ' + step.substeps + ' substeps shown';
    return text;
  }

  function previewUrl(base, id) {
    var url = new URL(base);
    url.searchParams.set('deck-view', 'preview');
    url.hash = '/' + id;
    return url.href;
  }

  // A view loads the presentation once, then follows by messages.
  function show(view, step, base) {
    view.want = { deck: 'preview-show', step: step.id, visible: step.visible };
    if (view.base !== base) {
      view.base = base;
      view.ready = false;
      view.frame.src = previewUrl(base, step.id);
      return;
    }
    if (view.ready) view.frame.contentWindow.postMessage(view.want, '*');
  }

  function render(state) {
    latest = state;
    document.title = 'Presenter console \u2014 ' + state.title;
    byId('position').textContent = 'Step ' + (state.current.index + 1) + ' of ' + state.count;
    byId('current-label').textContent = label(state.current, state.count);
    byId('next-label').textContent = (state.wraps ? 'back to the start: ' : '') + label(state.next, state.count);
    var notes = byId('notes');
    if (notes.dataset.step !== state.current.id || notes.dataset.html !== state.notes) {
      notes.innerHTML = state.notes || '<p class="no-notes">No notes for this step.</p>';
      notes.dataset.step = state.current.id;
      notes.dataset.html = state.notes;
      notes.scrollTop = 0;
    }
    if (state.consoleCss && !byId('deck-console-css')) {
      var link = document.createElement('link');
      link.id = 'deck-console-css';
      link.rel = 'stylesheet';
      link.href = state.consoleCss;
      document.head.appendChild(link);
    }
    show(views.current, state.current, state.url);
    show(views.next, state.next, state.url);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.deck !== 'string') return;
    if (event.source === host && data.deck === 'state') return render(data);
    if (event.source === host && data.deck === 'host-gone') {
      byId('position').textContent = 'The presentation was closed or is reloading…';
      return;
    }
    Object.keys(views).forEach(function (name) {
      var view = views[name];
      if (event.source !== view.frame.contentWindow || data.deck !== 'preview-ready') return;
      view.ready = true;
      if (view.want) view.frame.contentWindow.postMessage(view.want, '*');
    });
  });

  var KEYS = {
    ArrowRight: 'next', ArrowDown: 'next', PageDown: 'next', ' ': 'next',
    ArrowLeft: 'prev', ArrowUp: 'prev', PageUp: 'prev',
    Home: 'first', End: 'last',
  };

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.target.tagName === 'BUTTON' && (event.key === ' ' || event.key === 'Enter')) return;
    if (KEYS[event.key]) {
      event.preventDefault();
      command(KEYS[event.key]);
    } else if (event.key === 'r' || event.key === 'R') {
      restartTimer();
    } else if (embedded && (event.key === 'p' || event.key === 'P' || event.key === 'Escape')) {
      event.preventDefault();
      host.postMessage({ deck: 'console-close' }, '*');
    }
  });

  byId('prev').addEventListener('click', function () { command('prev'); });
  byId('next').addEventListener('click', function () { command('next'); });
  byId('reset').addEventListener('click', restartTimer);
  if (embedded) {
    document.documentElement.classList.add('embedded');
    byId('popout').hidden = false;
    byId('close').hidden = false;
    byId('popout').addEventListener('click', function () { host.postMessage({ deck: 'console-popout' }, '*'); });
    byId('close').addEventListener('click', function () { host.postMessage({ deck: 'console-close' }, '*'); });
  }

  if (!host) {
    byId('position').textContent = 'Open the console from the presentation: press P there.';
  }
  tick();
  hello();
  window.setInterval(tick, 250);
  // Again and again: a presentation that reloaded knows nothing of its console.
  window.setInterval(hello, 1000);
  window.deckConsole = { latest: function () { return latest; } };
})(document, window);
