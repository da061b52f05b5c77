// Kiosk mode: return to the kiosk home after a period without touches, and keep every
// navigation inside the kiosk. No external requests, no storage.
(function () {
  "use strict";
  var body = document.body;
  var home = body.getAttribute("data-kiosk-home") || "/kiosk/";
  var prefix = body.getAttribute("data-kiosk-prefix") || home;
  var idleSeconds = parseFloat(body.getAttribute("data-idle-seconds") || "120");
  var timer = null;

  function atHome() {
    return window.location.pathname === home && !window.location.search;
  }

  function reset() {
    // Replace, so that the next visitor cannot go "back" into the previous visitor's pages.
    if (atHome()) {
      var active = document.activeElement;
      if (active && active.blur) { active.blur(); }
      window.scrollTo(0, 0);
      arm();
      return;
    }
    window.location.replace(home);
  }

  function arm() {
    if (timer) { window.clearTimeout(timer); }
    if (idleSeconds > 0) { timer = window.setTimeout(reset, idleSeconds * 1000); }
  }

  ["pointerdown", "touchstart", "keydown", "wheel", "input"].forEach(function (name) {
    document.addEventListener(name, arm, { passive: true });
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a[href]") : null;
    if (link) {
      var url = new URL(link.getAttribute("href"), window.location.href);
      if (url.origin !== window.location.origin || url.pathname.indexOf(prefix) !== 0) {
        event.preventDefault();
      }
      return;
    }
    var back = target && target.closest ? target.closest("[data-kiosk-back]") : null;
    if (back) {
      event.preventDefault();
      if (window.history.length > 1 && !atHome()) { window.history.back(); } else { window.location.replace(home); }
    }
    var clear = target && target.closest ? target.closest("[data-kiosk-clear]") : null;
    if (clear) {
      var input = document.getElementById(clear.getAttribute("data-kiosk-clear"));
      if (input) { input.value = ""; input.focus(); }
    }
  });
  // No context menu, text selection drag-outs or file drops on a public terminal.
  document.addEventListener("contextmenu", function (event) { event.preventDefault(); });
  document.addEventListener("dragstart", function (event) { event.preventDefault(); });
  document.addEventListener("drop", function (event) { event.preventDefault(); });

  arm();
})();
