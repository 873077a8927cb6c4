/*
 * The translation tabs of the admin (django-modeltranslation's), made for editors:
 *
 * - each tab is named in its own language (Français, 中文, العربية), as the
 *   language switch of templates/admin/change_form.html names them, and says
 *   whether it is filled or empty (updated as one types);
 * - one language switch for the whole form replaces modeltranslation's
 *   unlabelled one: choosing a language shows that language's tab of every
 *   translated field, and choosing a tab of one field does the same, so the
 *   form always shows one language;
 * - each choice of the switch says whether that language is filled, partly
 *   filled or empty over the form's fields.
 *
 * Progressive: without it the tabs still work, unnamed and unmarked. Runs
 * after django-modeltranslation has built the tabs (its ready handler comes first).
 */
(function () {
  "use strict";
  // The admin's JavaScript catalogue (admin:jsi18n) holds our djangojs strings too.
  var pgettext = window.pgettext || function (context, text) { return text; };
  var jQuery = window.django && window.django.jQuery;
  var TAB_LINKS = ".ui-tabs-nav a[href^='#tab_']";
  var switching = false;

  function isFilled(panel) {
    return Array.prototype.some.call(panel.querySelectorAll("input.mt, textarea.mt"), function (field) {
      return field.value.trim() !== "";
    });
  }

  function panelOf(link) {
    return document.getElementById(link.getAttribute("href").slice(1));
  }

  function languageSwitch() {
    return document.getElementById("language-switch");
  }

  function optionOf(code) {
    var select = languageSwitch();
    return select ? select.querySelector("option[value='" + code + "']") : null;
  }

  // The language of a tab: modeltranslation writes its code as the tab's text (zh-hans).
  function languageOf(link) {
    if (!link.hasAttribute("data-language")) {
      link.setAttribute("data-language", link.textContent.trim().toLowerCase());
    }
    return link.getAttribute("data-language");
  }

  function nameTab(link) {
    var option = optionOf(languageOf(link));
    if (!option || link.hasAttribute("data-language-name")) {
      return;
    }
    var name = option.getAttribute("data-name");
    link.setAttribute("data-language-name", name);
    link.setAttribute("lang", option.value);
    link.setAttribute("dir", option.getAttribute("data-dir"));
    link.classList.add("mt-tab--named");
    var text = Array.prototype.find.call(link.childNodes, function (node) { return node.nodeType === 3; });
    if (text) {
      text.nodeValue = name;
    } else {
      link.insertBefore(document.createTextNode(name), link.firstChild);
    }
  }

  function markTab(link) {
    var panel = panelOf(link);
    if (!panel) {
      return;
    }
    nameTab(link);
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
      marker.setAttribute("lang", document.documentElement.lang);
      marker.setAttribute("dir", document.documentElement.dir || "ltr");
      link.appendChild(marker);
    }
    marker.textContent = state;
  }

  // Each choice of the switch: the language's name and whether the form's fields are filled in it.
  function markSwitch() {
    var select = languageSwitch();
    if (!select) {
      return;
    }
    Array.prototype.forEach.call(select.options, function (option) {
      var links = document.querySelectorAll(TAB_LINKS + "[data-language='" + option.value + "']");
      var filled = Array.prototype.filter.call(links, function (link) {
        var panel = panelOf(link);
        return panel && isFilled(panel);
      }).length;
      var state = filled === 0 ? pgettext("translation tab", "empty")
        : filled === links.length ? pgettext("translation tab", "filled")
        : pgettext("translation tab", "partly filled");
      option.textContent = option.getAttribute("data-name") + " – " + state;
    });
  }

  function markAll() {
    document.querySelectorAll(TAB_LINKS).forEach(markTab);
    markSwitch();
  }

  // Show ``code`` in every field that has it.
  function showLanguage(code) {
    if (!jQuery) {
      return;
    }
    switching = true;
    try {
      document.querySelectorAll(".ui-tabs").forEach(function (container) {
        var links = container.querySelectorAll(":scope > .ui-tabs-nav a[href^='#tab_']");
        var index = Array.prototype.findIndex.call(links, function (link) { return languageOf(link) === code; });
        if (index !== -1 && jQuery(container).tabs("option", "active") !== index) {
          jQuery(container).tabs("option", "active", index);
        }
      });
    } finally {
      switching = false;
    }
    var select = languageSwitch();
    if (select && select.value !== code) {
      select.value = code;
    }
  }

  function currentLanguage() {
    var errors = document.querySelector(".ui-tab-has-errors a[data-language]");
    if (errors) {
      // A field in error: its language comes first, so that the editor sees the error.
      return errors.getAttribute("data-language");
    }
    var active = document.querySelector(".ui-tabs-nav .ui-tabs-active " + "a[data-language]");
    return active ? active.getAttribute("data-language") : null;
  }

  function startSwitch() {
    var select = languageSwitch();
    if (!select || !jQuery || !document.querySelector(TAB_LINKS)) {
      return;
    }
    // modeltranslation's own switch, unlabelled and naming codes: ours replaces it.
    var theirs = document.getElementById("modeltranslation-main-switch");
    if (theirs) {
      theirs.remove();
    }
    select.closest("[data-language-switch]").hidden = false;
    select.addEventListener("change", function () {
      showLanguage(select.value);
    });
    jQuery(document).on("tabsactivate", ".ui-tabs", function (event, ui) {
      var link = ui.newTab.find("a[data-language]").get(0);
      if (!switching && link) {
        showLanguage(link.getAttribute("data-language"));
      }
    });
    var code = currentLanguage();
    if (code) {
      showLanguage(code);
    }
  }

  function start() {
    markAll();
    startSwitch();
    document.addEventListener("input", function (event) {
      var panel = event.target.closest && event.target.closest("[id^='tab_']");
      if (panel) {
        document.querySelectorAll(".ui-tabs-nav a[href='#" + panel.id + "']").forEach(markTab);
        markSwitch();
      }
    });
    // "Add another" in an inline builds new tabs after its click: name them, show the form's language.
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".add-row")) {
        window.setTimeout(function () {
          markAll();
          var select = languageSwitch();
          if (select && !select.closest("[data-language-switch]").hidden) {
            showLanguage(select.value);
          }
        }, 0);
      }
    });
  }

  if (jQuery) {
    jQuery(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
