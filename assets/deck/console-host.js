// The presentation's side of the presenter console. "p" opens
// deck/console.html in a window of its own; where a popup blocker stops
// that (or with :auto-console: on load, which browsers treat as a popup),
// the console opens over the presentation in the same tab instead, with a
// button to move it to a window.
//
// The two sides talk only by messages (window.postMessage): a page opened
// from file:// may not reach into another page's document, but it may
// post to it. The console says "hello" every second, so a presentation
// that reloads (deck serve, or F5) finds its console again. Each change of
// step or substep sends the console the state: current and next step, the
// revealed substeps, the notes.
//
// A single-file build has no console.html beside the page: the page
// carries the console as a string (window.deckConsolePage), written into
// the window or frame that opens.
//
// impress.js bundles a console of its own (impressConsole) that needs
// same-origin frames and so fails from file://; deck keeps its "p" and its
// autolaunch from reaching it.
(function (document, window) {
  'use strict';

  var runtime = window.deckRuntime;
  if (runtime.preview) return;

  var INLINE_PAGE = typeof window.deckConsolePage === 'string' ? window.deckConsolePage : null;
  var CONSOLE_URL = INLINE_PAGE ? '' : new URL('console.html', document.currentScript.src).href;

  var consoleWindow = null;
  // When the console window last said hello (it does every second).
  var consoleHeard = 0;
  var SILENT_MS = 2500;
  var overlay = null;
  var listeners = [];
  var entered = null;

  function pageUrl() {
    return window.location.href.replace(/#.*$/, '');
  }

  // Notes of the step itself, not of steps nested in it.
  function notesOf(step) {
    var own = Array.prototype.filter.call(step.querySelectorAll('.notes'), function (notes) {
      return notes.parentElement.closest('.step') === step;
    });
    return own.map(function (notes) { return notes.innerHTML; }).join('');
  }

  function titleOf(step) {
    var heading = step.querySelector('h1, h2, h3, h4, h5, h6');
    return heading ? heading.textContent.trim() : '';
  }

  function describe(step, visible, steps) {
    return {
      index: steps.indexOf(step),
      id: step.id,
      title: titleOf(step),
      substeps: step.querySelectorAll('.substep').length,
      visible: visible,
    };
  }

  // The next press reveals a substep while the step has hidden ones, then
  // moves to the next step (the first after the last, as impress.js does).
  function state() {
    var steps = runtime.steps();
    var active = document.querySelector('#impress .step.active') || steps[0];
    if (!active) return null;
    // Until impress.js arrives on a step, substeps left over from an
    // earlier visit are still marked; it hides them on arrival.
    var visible = entered === active ? active.querySelectorAll('.substep-visible').length : 0;
    var current = describe(active, visible, steps);
    var next = visible < current.substeps
      ? describe(active, visible + 1, steps)
      : describe(steps[(current.index + 1) % steps.length], 0, steps);
    var root = document.getElementById('impress');
    return {
      deck: 'state',
      title: document.title,
      url: pageUrl(),
      count: steps.length,
      current: current,
      next: next,
      wraps: next.index === 0 && current.index === steps.length - 1,
      notes: notesOf(active),
      consoleCss: root.dataset.consoleCss ? new URL(root.dataset.consoleCss, pageUrl()).href : '',
    };
  }

  function send() {
    var message = state();
    if (!message) return;
    listeners = listeners.filter(function (target) { return !target.closed; });
    listeners.forEach(function (target) { target.postMessage(message, '*'); });
  }

  function listen(target) {
    if (target && listeners.indexOf(target) === -1) listeners.push(target);
  }

  function showOverlay() {
    if (overlay) return;
    overlay = document.createElement('div');
    overlay.id = 'deck-console-overlay';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', 'Presenter console');
    var frame = document.createElement('iframe');
    frame.id = 'deck-console-frame';
    frame.title = 'Presenter console';
    if (INLINE_PAGE) frame.srcdoc = INLINE_PAGE;
    else frame.src = CONSOLE_URL + '?embedded=1';
    overlay.appendChild(frame);
    document.body.appendChild(overlay);
    frame.focus();
    // Focus given before the console has loaded can be lost to the page:
    // give it again once the console is there, so keys reach it.
    frame.addEventListener('load', function () {
      if (overlay && overlay.contains(frame)) frame.focus();
    });
  }

  function hideOverlay() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  }

  function openWindow() {
    var opened = null;
    try {
      opened = window.open(CONSOLE_URL, 'deck-console', 'popup,width=1200,height=800');
    } catch (error) {
      opened = null;
    }
    if (!opened) return false;
    if (INLINE_PAGE) writeConsole(opened);
    consoleWindow = opened;
    consoleHeard = Date.now();
    listen(opened);
    hideOverlay();
    return true;
  }

  // A new window is blank: the console is written into it. One named
  // deck-console that already holds a console (this page's, or one opened
  // before a reload, which this page may not touch) is left as it is.
  function writeConsole(target) {
    try {
      if (target.document.getElementById('position')) return;
      target.document.open();
      target.document.write(INLINE_PAGE);
      target.document.close();
    } catch (error) {
      // Not this page's to write: a console from before a reload, which finds this page by its hello.
    }
  }

  // "p": the console window to the front, else a new one, else the console in this tab.
  function toggle() {
    if (overlay) return hideOverlay();
    if (consoleWindow && !consoleWindow.closed) {
      if (!INLINE_PAGE || Date.now() - consoleHeard < SILENT_MS) return consoleWindow.focus();
      // A written console that was reloaded is a blank page this page may
      // not write to again (it says no hello): a new console replaces it.
      consoleWindow.close();
      consoleWindow = null;
    }
    if (!openWindow()) showOverlay();
  }

  var COMMANDS = {
    next: function (api) { api.next(); },
    prev: function (api) { api.prev(); },
    first: function (api) { api.goto(0); },
    last: function (api) { api.goto(-1); },
  };

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.deck !== 'string' || !event.source) return;
    if (data.deck === 'console-hello') {
      listen(event.source);
      // After a reload this page knows its console window only by its hello.
      var embeddedFrame = overlay && overlay.querySelector('iframe');
      var fromOverlay = embeddedFrame && event.source === embeddedFrame.contentWindow;
      if (!fromOverlay && (!consoleWindow || consoleWindow.closed)) consoleWindow = event.source;
      if (event.source === consoleWindow) consoleHeard = Date.now();
      var message = state();
      if (message) event.source.postMessage(message, '*');
    } else if (data.deck === 'console-command' && COMMANDS[data.command]) {
      COMMANDS[data.command](window.impress());
    } else if (data.deck === 'console-close') {
      hideOverlay();
    } else if (data.deck === 'console-popout') {
      openWindow();
    }
  });

  function isP(event) {
    return (event.key === 'p' || event.key === 'P') && !runtime.hasModifier(event) && !runtime.isTyping(event);
  }

  // Capturing on window runs before impress.js's listeners on document, so
  // its own console never sees "p". Opening on keydown keeps the browser's
  // user activation, which a popup needs.
  window.addEventListener('keydown', function (event) {
    if (!isP(event)) return;
    event.preventDefault();
    event.stopPropagation();
    if (!event.repeat) toggle();
  }, true);
  window.addEventListener('keyup', function (event) {
    if (isP(event)) event.stopPropagation();
  }, true);
  window.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && overlay) hideOverlay();
  });

  // impress.js moves on keyup. A key pressed in the console in this tab
  // can be released over the presentation (the focus comes back here as it
  // moves), and that keyup would move it a second time: the keyup of a
  // navigation key whose keydown this page never saw is not passed on.
  // Keys are told apart by their place on the keyboard (event.code), which
  // Shift does not change; other keys are left alone.
  var NAVIGATION_KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ', 'Tab'];
  var pressed = {};
  window.addEventListener('keydown', function (event) {
    pressed[event.code] = true;
  }, true);
  window.addEventListener('keyup', function (event) {
    var seen = pressed[event.code];
    delete pressed[event.code];
    if (!seen && NAVIGATION_KEYS.indexOf(event.key) !== -1) event.stopPropagation();
  }, true);
  // Keys held while the focus leaves (into the console, say) come up elsewhere.
  window.addEventListener('blur', function () {
    pressed = {};
  });

  ['impress:stepleave', 'impress:substep:enter', 'impress:substep:leave'].forEach(function (type) {
    document.addEventListener(type, send);
  });
  document.addEventListener('impress:stepenter', function (event) {
    entered = event.target;
    send();
  });

  document.addEventListener('impress:init', function (event) {
    var root = event.target;
    if (root.dataset.deckAutoConsole === 'true') toggle();
  });

  window.addEventListener('pagehide', function () {
    if (consoleWindow && !consoleWindow.closed) consoleWindow.postMessage({ deck: 'host-gone' }, '*');
  });
})(document, window);
