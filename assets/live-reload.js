// deck serve's live-reload client. The server adds it to the head of the
// pages it serves (never to `deck build` output) as
//   <script src="/__deck/live-reload.js" data-build="ID"></script>
// and talks to it over a WebSocket; the messages are described in
// src/server/protocol.ts, keep both in step.
//
// On a new build whose only change is the text of some steps, the page
// replaces their content in place. Otherwise it reloads and comes back to
// the same step, by id (so inserting a step before it does not move the
// speaker), with as many substeps shown as before. When a rebuild fails
// the page stays as it is and an overlay lists the errors; the next good
// build removes it.
(function () {
  'use strict';
  var script = document.currentScript;
  var pageBuild = script && script.getAttribute('data-build');
  var STORE = 'deck-live-reload:' + location.pathname;
  var SOCKET_PATH = '/__deck/live-reload';
  var overlay = null;

  // --- staying on the same step across reloads -------------------------

  function activeStep() {
    return document.querySelector('#impress .step.active');
  }

  function remember() {
    var step = activeStep();
    if (!step || !step.id) return;
    var shown = step.querySelectorAll('.substep-visible').length;
    try {
      sessionStorage.setItem(STORE, JSON.stringify({ id: step.id, substeps: shown }));
    } catch (e) {
      // Private mode without storage: the hash still brings us back to the step.
    }
  }

  // Runs in the page's head, before impress.js starts: pointing the hash at
  // the remembered step makes impress.js start there, with no flash of the
  // first step. Entering a step hides its substeps, so they are shown again
  // after that.
  function recall() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(STORE) || 'null');
      sessionStorage.removeItem(STORE);
    } catch (e) {
      return;
    }
    if (!saved || typeof saved.id !== 'string') return;
    if (location.hash !== '#/' + saved.id) history.replaceState(history.state, '', '#/' + saved.id);
    document.addEventListener('impress:stepenter', function once(event) {
      document.removeEventListener('impress:stepenter', once);
      if (event.target.id !== saved.id) return;
      // After impress.js's own stepenter listeners, which were added after
      // this one and reset the substeps.
      setTimeout(function () {
        for (var i = 0; i < saved.substeps; i++) {
          document.dispatchEvent(new CustomEvent('impress:substep:show'));
        }
      }, 0);
    });
  }

  function reload() {
    remember();
    location.reload();
  }

  // --- patching steps in place -------------------------------------------
  //
  // Most saves change the text of a step and nothing else. Then reloading
  // (fetching every file again, starting impress.js again) is most of the
  // wait, so the page compares the new build's HTML with the HTML it was
  // loaded from and, when only the content of steps differs, replaces that
  // content in place. Anything else (the head, the steps' attributes,
  // their order, what is around them, a script inside a step) reloads.

  var pageUrl = location.href.replace(/#.*$/, '');
  var pristine = null;

  function fetchPage(build) {
    return fetch(pageUrl, { cache: 'no-cache', credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (text) {
        return text && text.indexOf('data-build="' + build + '"') >= 0 ? text : null;
      });
  }

  /** What a page is made of, for comparing builds: its steps, and everything else as text. */
  function shapeOf(text) {
    var doc = new DOMParser().parseFromString(text, 'text/html');
    var own = doc.querySelector('script[data-build]');
    if (own) own.remove();
    var root = doc.getElementById('impress');
    if (!root) return null;
    var steps = Array.prototype.map.call(root.querySelectorAll('.step'), function (step) {
      return { id: step.id, attributes: attributesOf(step), html: step.innerHTML, element: step };
    });
    var rootAttributes = attributesOf(root);
    root.remove();
    return {
      frame: [doc.head.innerHTML, attributesOf(doc.body), rootAttributes, doc.body.innerHTML].join('\n\u0000'),
      steps: steps,
    };
  }

  function attributesOf(element) {
    return Array.prototype.map.call(element.attributes, function (a) {
      return a.name + '=' + a.value;
    }).sort().join('\n');
  }

  /** The new steps whose content changed, or null when more than that changed. */
  function changedSteps(before, after) {
    if (!before || !after || before.frame !== after.frame || before.steps.length !== after.steps.length) return null;
    var changed = [];
    for (var i = 0; i < after.steps.length; i++) {
      var a = before.steps[i];
      var b = after.steps[i];
      if (!b.id || a.id !== b.id || a.attributes !== b.attributes) return null;
      if (a.html === b.html) continue;
      if (b.element.querySelector('script')) return null;
      changed.push(b);
    }
    return changed;
  }

  /** Replaces a step's content, keeping as many substeps shown as before. */
  function patchStep(id, replacement) {
    var live = document.getElementById(id);
    if (!live) return false;
    var shown = live.querySelectorAll('.substep-visible').length;
    live.innerHTML = replacement.innerHTML;
    var substeps = live.querySelectorAll('.substep');
    for (var i = 0; i < Math.min(shown, substeps.length); i++) {
      substeps[i].classList.add('substep-visible');
      if (i === shown - 1) substeps[i].classList.add('substep-active');
    }
    return true;
  }

  /** Resolves to true when the page now shows `build` without reloading. */
  function patchInPlace(build) {
    if (!pristine || typeof DOMParser !== 'function') return Promise.resolve(false);
    return Promise.all([pristine, fetchPage(build)]).then(function (pages) {
      var after = pages[1] && shapeOf(pages[1]);
      var changed = changedSteps(pages[0], after);
      if (!changed) return false;
      for (var i = 0; i < changed.length; i++) {
        if (!patchStep(changed[i].id, changed[i].element)) return false;
      }
      pristine = Promise.resolve(after);
      pageBuild = build;
      hideErrors();
      var ids = changed.map(function (step) {
        return step.id;
      });
      document.dispatchEvent(new CustomEvent('deck:live-update', { detail: { build: build, steps: ids } }));
      return true;
    }, function () {
      return false;
    });
  }

  // Updates one at a time, in the order the builds come.
  var updating = Promise.resolve();
  function update(build, pageOnly) {
    updating = updating.then(function () {
      if (build === pageBuild) return;
      var attempt = pageOnly ? patchInPlace(build) : Promise.resolve(false);
      return attempt.then(function (done) {
        if (!done) reload();
      });
    });
  }

  // --- the error overlay ------------------------------------------------

  var STYLE = [
    ':host{all:initial;display:block}',
    '.backdrop{position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.66);overflow:auto;',
    'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#eee}',
    '.panel{margin:40px auto;max-width:960px;background:#1d1f21;border-top:6px solid #e5484d;',
    'border-radius:6px;padding:20px 28px;box-shadow:0 10px 40px rgba(0,0,0,.5)}',
    'h1{font:600 18px/1.4 system-ui,sans-serif;color:#ff8589;margin:0 0 4px}',
    'p.note{font:13px system-ui,sans-serif;color:#aaa;margin:0 0 16px}',
    '.error{margin:14px 0;padding-top:12px;border-top:1px solid #333}',
    '.location{color:#7cc4ff}',
    '.message{color:#fff;white-space:pre-wrap}',
    '.code{color:#888}',
    'pre{margin:8px 0 0;padding:10px 12px;background:#111;border-radius:4px;overflow:auto;color:#ddd}',
    'button{position:absolute;right:12px;top:8px;background:none;border:0;color:#aaa;font-size:22px;cursor:pointer}',
  ].join('');

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showErrors(errors) {
    hideErrors();
    overlay = document.createElement('deck-error-overlay');
    overlay.setAttribute('role', 'alert');
    var root = overlay.attachShadow({ mode: 'open' });
    root.appendChild(element('style', '', STYLE));
    var backdrop = element('div', 'backdrop');
    var panel = element('div', 'panel');
    panel.style.position = 'relative';
    var close = element('button', '', '\u00d7');
    close.title = 'Hide until the next build';
    close.addEventListener('click', hideErrors);
    panel.appendChild(close);
    panel.appendChild(element('h1', '', errors.length === 1 ? 'The build failed with 1 error' : 'The build failed with ' + errors.length + ' errors'));
    panel.appendChild(element('p', 'note', 'You are looking at the last good build. Fix the file and save: the page updates by itself.'));
    errors.forEach(function (error) {
      var item = element('div', 'error');
      var head = element('div');
      head.appendChild(element('span', 'location', error.location));
      head.appendChild(document.createTextNode(' '));
      head.appendChild(element('span', 'message', error.message));
      head.appendChild(document.createTextNode(' '));
      head.appendChild(element('span', 'code', '[' + error.code + ']'));
      item.appendChild(head);
      if (error.frame) item.appendChild(element('pre', '', error.frame));
      panel.appendChild(item);
    });
    backdrop.appendChild(panel);
    root.appendChild(backdrop);
    document.documentElement.appendChild(overlay);
  }

  function hideErrors() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  // --- the channel --------------------------------------------------------

  function receive(message) {
    if (message.type === 'hello') {
      if (message.build && message.build !== pageBuild) return reload();
      if (message.errors.length) showErrors(message.errors);
      else hideErrors();
    } else if (message.type === 'reload') {
      update(message.build, message.pageOnly);
    } else if (message.type === 'errors') {
      showErrors(message.errors);
    }
  }

  var retry = 250;
  function connect() {
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + SOCKET_PATH);
    socket.onopen = function () {
      retry = 250;
    };
    socket.onmessage = function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      receive(message);
    };
    socket.onclose = function () {
      // The server restarted or went away: try again, more and more slowly.
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  }

  recall();
  connect();
  // The shape of the HTML this page was loaded from, to compare the next build with;
  // fetched once the page is up (it comes from the cache then).
  window.addEventListener('load', function () {
    pristine = fetchPage(pageBuild).then(
      function (text) {
        return text && shapeOf(text);
      },
      function () {
        return null;
      },
    );
  });
})();
