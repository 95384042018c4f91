// The speaker's helpers for containers.rst:
//  - "12 / 83" in the bottom-right corner and a thin progress bar, so the
//    speaker knows how much of the talk is left;
//  - the offset that lets the "Lie" stamp land on the step before it (see
//    the .lie rules in my.css).
// The template loads this after impress.js but before impress().init(); it
// also works when loaded after init, as nothing here waits for impress:init.
(function () {
  'use strict';

  function steps() {
    return Array.prototype.slice.call(document.querySelectorAll('#impress .step'));
  }

  function counter() {
    var el = document.getElementById('talk-progress');
    if (!el) {
      el = document.createElement('div');
      el.id = 'talk-progress';
      el.setAttribute('aria-hidden', 'true');
      document.body.appendChild(el);
    }
    return el;
  }

  function show(step) {
    var all = steps();
    var index = all.indexOf(step);
    if (index < 0) return;
    var el = counter();
    el.textContent = (index + 1) + ' / ' + all.length;
    el.style.setProperty('--progress', String((index + 1) / all.length));
  }

  // impress.js fires impress:stepenter on the step; it bubbles to document,
  // so listening here works whether or not init has already happened.
  document.addEventListener('impress:stepenter', function (event) {
    show(event.target);
  });

  // Where the stamp's step is, seen from the step it stamps: my.css moves
  // that step by this much while the stamp is current.
  function placeUnderStamps() {
    steps().forEach(function (step) {
      var before = step.previousElementSibling;
      if (!step.querySelector('.lie') || !before || !before.classList.contains('step')) return;
      var dx = Number(step.dataset.x || 0) - Number(before.dataset.x || 0);
      var dy = Number(step.dataset.y || 0) - Number(before.dataset.y || 0);
      before.style.setProperty('--under-x', dx + 'px');
      before.style.setProperty('--under-y', dy + 'px');
    });
  }

  function start() {
    placeUnderStamps();
    // Loaded after init: the first stepenter has already gone by.
    var active = document.querySelector('#impress .step.active');
    if (active) show(active);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
