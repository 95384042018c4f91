// The step number (1-based, in the order impress.js walks the steps) in
// #deck-slide-number, which the page has when the deck sets
// :slide-numbers: true or is built with --slide-numbers.
(function (document, window) {
  'use strict';

  var runtime = window.deckRuntime;

  function show(step) {
    var element = document.getElementById('deck-slide-number');
    if (!element || !step) return;
    var index = runtime.steps().indexOf(step);
    if (index >= 0) element.textContent = String(index + 1);
  }

  // The number changes as the camera leaves, and is checked again on arrival.
  document.addEventListener('impress:stepleave', function (event) {
    show(event.detail && event.detail.next);
  });
  document.addEventListener('impress:stepenter', function (event) {
    show(event.target);
  });
})(document, window);
