// The simple template's start: impress.js runs once the deck's own scripts
// have loaded (they may listen for impress:init).
impress().init();
