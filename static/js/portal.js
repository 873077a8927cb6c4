/* Progressive enhancements; every page works without them. */
(function () {
  "use strict";
  var KEY = "portal.fontStep";
  var MIN = -2, MAX = 4, STEP = 0.125;

  function readStep() {
    try {
      var value = parseInt(window.localStorage.getItem(KEY), 10);
      return isNaN(value) ? 0 : Math.max(MIN, Math.min(MAX, value));
    } catch (error) {
      return 0;
    }
  }

  function applyStep(step) {
    document.documentElement.style.setProperty("--article-scale", String(1 + step * STEP));
    document.querySelectorAll("[data-font-step]").forEach(function (button) {
      var direction = parseInt(button.getAttribute("data-font-step"), 10);
      button.disabled = (direction > 0 && step >= MAX) || (direction < 0 && step <= MIN);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var step = readStep();
    document.querySelectorAll("[data-font-step]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        step = Math.max(MIN, Math.min(MAX, step + parseInt(button.getAttribute("data-font-step"), 10)));
        try { window.localStorage.setItem(KEY, String(step)); } catch (error) { /* private mode */ }
        applyStep(step);
      });
    });
    applyStep(step);

    document.querySelectorAll("[data-print]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        window.print();
      });
    });
  });
})();
