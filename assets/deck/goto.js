// "g" asks for a step, by number (1 is the first step, as the slide
// numbers count) or by id, and goes there: Hovercraft's gotoSlide, in a
// small dialog instead of window.prompt, so it works in full screen and
// keeps the keys typed into it away from impress.js.
(function (document, window) {
  'use strict';

  var runtime = window.deckRuntime;
  if (runtime.preview) return;

  var dialog = null;

  // A number is a position; anything else an id ("#intro" and "#/intro" too).
  function findStep(wanted) {
    var steps = runtime.steps();
    var value = wanted.trim();
    if (/^\d+$/.test(value)) return steps[Number(value) - 1] || null;
    var id = value.replace(/^#\/?/, '');
    for (var i = 0; i < steps.length; i++) {
      if (steps[i].id === id) return steps[i];
    }
    return null;
  }

  function build() {
    var form = document.createElement('form');
    form.id = 'deck-goto';
    form.setAttribute('role', 'dialog');
    form.setAttribute('aria-label', 'Go to step');
    form.innerHTML =
      '<label for="deck-goto-input">Go to step (number or id)</label>' +
      '<input id="deck-goto-input" name="step" autocomplete="off" spellcheck="false">' +
      '<p id="deck-goto-message" role="alert"></p>';
    // Keys typed here are text: impress.js, the help and the console must not see them.
    ['keydown', 'keyup', 'keypress'].forEach(function (type) {
      form.addEventListener(type, function (event) {
        event.stopPropagation();
        if (type === 'keydown' && event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      });
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = form.querySelector('input');
      var step = findStep(input.value);
      if (!step) {
        var count = runtime.steps().length;
        form.querySelector('#deck-goto-message').textContent =
          'No step "' + input.value.trim() + '": type a number from 1 to ' + count + ' or a step id.';
        input.select();
        return;
      }
      close();
      window.impress().goto(step);
    });
    document.body.appendChild(form);
    return form;
  }

  function open() {
    dialog = dialog || build();
    dialog.querySelector('#deck-goto-message').textContent = '';
    var input = dialog.querySelector('input');
    input.value = '';
    dialog.classList.add('deck-open');
    input.focus();
  }

  function close() {
    if (!dialog) return;
    dialog.classList.remove('deck-open');
    if (dialog.contains(document.activeElement)) document.activeElement.blur();
  }

  // On keyup, as impress.js acts on keys: opened on keydown, the "g" would
  // land in the field.
  document.addEventListener('keyup', function (event) {
    if (event.key !== 'g' && event.key !== 'G') return;
    if (runtime.hasModifier(event) || runtime.isTyping(event)) return;
    event.preventDefault();
    open();
  });

  runtime.addHelp('G', 'Go to a step (number or id)', 3);
})(document, window);
