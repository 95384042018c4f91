// When the viewer asks for less motion (prefers-reduced-motion: reduce),
// the camera jumps to each step instead of flying there. Previews in the
// presenter console jump too. deck/runtime.css stops the fades as well.
(function (document, window) {
  'use strict';

  var query = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;

  function still() {
    return window.deckRuntime.preview || (query !== null && query.matches);
  }

  // A pre-stepleave plugin decides the duration of every move; the heavy
  // weight runs it after impress.js's goto plugin, which also sets it.
  window.impress.addPreStepLeavePlugin(function (event) {
    if (still()) event.detail.transitionDuration = 0;
  }, 100);
})(document, window);
