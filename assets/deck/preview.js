// The page as a view inside the presenter console (?deck-view=preview):
// the console tells it, by message, which step to show and how many of
// that step's substeps are revealed; it answers "ready" once impress.js
// runs, and "shown" after each change. Messages rather than calls, because
// pages opened from file:// may not touch each other's documents.
(function (document, window) {
  'use strict';

  var runtime = window.deckRuntime;
  if (!runtime.preview) return;

  var entered = null;
  var wanted = null;

  // Reveal the first `visible` substeps, as impress.js's substep plugin
  // would have after that many presses.
  function reveal(step, visible) {
    var substeps = step.querySelectorAll('.substep');
    for (var i = 0; i < substeps.length; i++) {
      substeps[i].classList.toggle('substep-visible', i < visible);
      substeps[i].classList.toggle('substep-active', i === visible - 1);
    }
  }

  function apply() {
    if (!wanted || entered !== wanted.step) return;
    reveal(wanted.step, wanted.visible);
    window.parent.postMessage({ deck: 'preview-shown', step: wanted.step.id, visible: wanted.visible }, '*');
  }

  // impress.js hides a step's substeps when it enters it, so they are
  // revealed after arrival.
  document.addEventListener('impress:stepenter', function (event) {
    entered = event.target;
    apply();
  });

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== window.parent || !data || data.deck !== 'preview-show') return;
    var step = document.getElementById(data.step);
    if (!step || !step.classList.contains('step')) return;
    wanted = { step: step, visible: Number(data.visible) || 0 };
    if (!step.classList.contains('active')) {
      // impress.js writes the step into the address on arrival; written here
      // first, that write replaces instead of adding to the tab's history
      // (the views must not fill the Back button of the presentation's tab).
      window.history.replaceState(window.history.state, '', '#/' + step.id);
      window.impress().goto(step, 0);
    }
    apply();
  });

  document.addEventListener('impress:init', function () {
    var root = document.getElementById('impress');
    var css = root && root.dataset.consoleCssIframe;
    if (css) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = css;
      document.head.appendChild(link);
    }
    window.parent.postMessage({ deck: 'preview-ready' }, '*');
  });
})(document, window);
