// deck's browser-side runtime: what the other deck/*.js files share.
// Loaded after js/impress.js and before impress().init(), like the others,
// so they can register impress.js plugins and impress:init listeners.
//
// A page opened with ?deck-view=preview is a view inside the presenter
// console (deck/console.html): it shows what the console asks for and
// takes no input, so the interactive features stay off there.
(function (document, window) {
  'use strict';

  var preview = new URLSearchParams(window.location.search).get('deck-view') === 'preview';
  if (preview) document.documentElement.classList.add('deck-preview');

  function triggerEvent(target, name, detail) {
    target.dispatchEvent(new CustomEvent(name, { bubbles: true, cancelable: true, detail: detail }));
  }

  // A line in impress.js's help popup (its help plugin sorts rows by number).
  function addHelp(command, text, row) {
    document.addEventListener('impress:init', function () {
      triggerEvent(document, 'impress:help:add', { command: command, text: text, row: row });
    });
  }

  // Keys typed into a form field are text, not commands.
  function isTyping(event) {
    var target = event.target;
    if (!target || target === document || target === window) return false;
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  function hasModifier(event) {
    return event.ctrlKey || event.altKey || event.metaKey;
  }

  function steps() {
    var root = document.getElementById('impress');
    return root ? Array.prototype.slice.call(root.querySelectorAll('.step')) : [];
  }

  window.deckRuntime = {
    preview: preview,
    addHelp: addHelp,
    isTyping: isTyping,
    hasModifier: hasModifier,
    steps: steps,
    triggerEvent: triggerEvent,
  };

  if (!preview) {
    addHelp('&rarr; &darr; Space Page&nbsp;Down', 'Next substep or step', 1);
    addHelp('&larr; &uarr; Page&nbsp;Up', 'Previous substep or step', 2);
  }
})(document, window);
