/*
 * Mark each language tab of the translation admin as filled or empty, so an
 * editor sees at a glance which languages an article is written in.
 * Progressive: without it the tabs still work, unmarked. Runs after
 * django-modeltranslation has built the tabs (its ready handler comes first).
 */
(function () {
  "use strict";
  // The admin's JavaScript catalogue (admin:jsi18n) holds our djangojs strings too.
  var pgettext = window.pgettext || function (context, text) { return text; };
  var jQuery = window.django && window.django.jQuery;

  function isFilled(panel) {
    return Array.prototype.some.call(panel.querySelectorAll("input.mt, textarea.mt"), function (field) {
      return field.value.trim() !== "";
    });
  }

  function markTab(link) {
    var panel = document.getElementById(link.getAttribute("href").slice(1));
    if (!panel) {
      return;
    }
    var filled = isFilled(panel);
    var item = link.parentNode;
    item.classList.toggle("mt-tab--filled", filled);
    item.classList.toggle("mt-tab--empty", !filled);
    if (!link.hasAttribute("data-language-name")) {
      link.setAttribute("data-language-name", link.getAttribute("title") || link.textContent);
    }
    var state = filled ? pgettext("translation tab", "filled") : pgettext("translation tab", "empty");
    link.setAttribute("title", link.getAttribute("data-language-name") + " – " + state);
    var marker = link.querySelector(".mt-tab-state");
    if (!marker) {
      marker = document.createElement("span");
      marker.className = "mt-tab-state";
      link.appendChild(marker);
    }
    marker.textContent = state;
  }

  function markAll() {
    document.querySelectorAll(".ui-tabs-nav a[href^='#tab_']").forEach(markTab);
  }

  function start() {
    markAll();
    document.addEventListener("input", function (event) {
      var panel = event.target.closest && event.target.closest("[id^='tab_']");
      if (panel) {
        document.querySelectorAll(".ui-tabs-nav a[href='#" + panel.id + "']").forEach(markTab);
      }
    });
    // "Add another" in an inline builds new tabs after its click.
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".add-row")) {
        window.setTimeout(markAll, 0);
      }
    });
  }

  if (jQuery) {
    jQuery(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
