// Starts impress.js once the page and the deck's own scripts have loaded.
// It runs last, so scripts from the deck's :js: setting can listen for
// impress:init and every other impress.js event.
impress().init();
