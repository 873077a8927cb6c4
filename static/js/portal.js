/* Progressive enhancements; every page works without them, and no text is written here
   (the buttons' labels come translated from the templates). */
(function () {
  "use strict";
  // The reader's article text size, kept in this browser for every page and visit.
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

  function saveStep(step) {
    try {
      window.localStorage.setItem(KEY, String(step));
    } catch (error) {
      // Storage refused (private mode): the size still changes on this page.
    }
  }

  function applyStep(step) {
    document.documentElement.style.setProperty("--article-scale", String(1 + step * STEP));
    document.querySelectorAll("[data-font-step]").forEach(function (button) {
      var direction = parseInt(button.getAttribute("data-font-step"), 10);
      button.disabled = (direction > 0 && step >= MAX) || (direction < 0 && step <= MIN);
    });
  }

  function setUpFontSize() {
    var step = readStep();
    document.querySelectorAll("[data-font-step]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var direction = parseInt(button.getAttribute("data-font-step"), 10);
        step = Math.max(MIN, Math.min(MAX, step + direction));
        saveStep(step);
        applyStep(step);
      });
    });
    applyStep(step);
  }

  function setUpPrint() {
    // The link leads to the print view; with a script, it prints this page (print.css).
    document.querySelectorAll("[data-print]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        window.print();
      });
    });
  }

  function revealCurrentItems() {
    // On a phone the language and section bars scroll sideways: bring the current item into
    // view by scrolling the bar alone (scrollIntoView could move the page too).
    document.querySelectorAll(".language-bar ul, .main-nav ul").forEach(function (list) {
      var current = list.querySelector("[aria-current]");
      if (!current || list.scrollWidth <= list.clientWidth) {
        return;
      }
      var listBox = list.getBoundingClientRect();
      var itemBox = current.getBoundingClientRect();
      list.scrollLeft += itemBox.left + itemBox.width / 2 - (listBox.left + listBox.width / 2);
    });
  }

  function start() {
    setUpFontSize();
    setUpPrint();
    revealCurrentItems();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
