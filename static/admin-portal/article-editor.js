/*
 * The rich-text editor of article bodies (news.admin_forms.ArticleBodyWidget):
 * django-prose-editor's ProseMirror / Tiptap bundle, set up for the
 * Content-Security-Policy and the translation tabs.
 *
 * - It is loaded from our own static files, by a relative import: no import
 *   map (an inline script the policy refuses) and no other host.
 * - Tiptap's base style is in article-editor.css (injectCSS: false): the
 *   <style> element it would add is refused by the policy too.
 * - It starts once django-modeltranslation has built the tabs (a jQuery
 *   ready handler registered after its own), on every body, hidden tab or
 *   not; each editor takes its textarea's lang and dir (Arabic is right to left).
 * - Progressive: the textarea stays in the form and holds the HTML; without
 *   this script it is a plain textarea that posts HTML, cleaned at save.
 *
 * The features are the allow-list of core/html.py (BODY_TAGS): paragraphs,
 * headings 2-4, bold, italic, links, lists, block quotes, line breaks.
 */
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
} from "../django_prose_editor/editor.js";

// The admin's JavaScript catalogue (admin:jsi18n) holds our djangojs strings.
var gettext = window.gettext || function (text) { return text; };
var interpolate = window.interpolate || function (format, args) { return format.replace("%s", args[0]); };

// The editor's own menu speaks English only: its titles, in the editor's language.
var MENU_TITLES = {
  "bold": gettext("Bold"),
  "italic": gettext("Italic"),
  "unordered list": gettext("Bulleted list"),
  "ordered list": gettext("Numbered list"),
  "blockquote": gettext("Quotation"),
  "insert link": gettext("Link"),
  "remove link": gettext("Remove the link"),
  "paragraph": gettext("Paragraph"),
  "Paragraph": gettext("Paragraph"),
  "undo": gettext("Undo"),
  "redo": gettext("Redo"),
};
// The strings of the editor's link dialog, which it looks up in the same catalogue.
void [gettext("URL"), gettext("Title"), gettext("Edit Link"), gettext("Update"), gettext("Cancel")];

function translatedTitle(title) {
  if (Object.prototype.hasOwnProperty.call(MENU_TITLES, title)) {
    return MENU_TITLES[title];
  }
  var heading = /^heading (\d)$/i.exec(title);
  return heading ? interpolate(gettext("Heading %s"), [heading[1]]) : null;
}

function translateMenu(wrapper) {
  wrapper.querySelectorAll(".prose-menubar [title]").forEach(function (button) {
    var title = translatedTitle(button.getAttribute("title"));
    if (title && button.getAttribute("title") !== title) {
      button.setAttribute("title", title);
      button.setAttribute("aria-label", title);
    }
  });
  wrapper.querySelectorAll(".prose-menubar__option > *").forEach(function (option) {
    var title = translatedTitle(option.textContent.trim());
    // Only when it changes: a change is a mutation, which would translate again.
    if (title && option.children.length === 0 && option.textContent !== title) {
      option.textContent = title;
    }
  });
}

// The menu is built once the editor is made, and parts of it again later: translated as they appear.
function translateMenuAlways(wrapper) {
  translateMenu(wrapper);
  new MutationObserver(function (records) {
    if (records.some(function (record) { return record.addedNodes.length > 0; })) {
      translateMenu(wrapper);
    }
  }).observe(wrapper, { childList: true, subtree: true });
}

function labelOf(textarea) {
  var label = textarea.id && document.querySelector("label[for='" + textarea.id + "']");
  return label ? label.textContent.trim().replace(/[:：]$/, "") : "";
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) {
    return null;
  }
  var disabled = textarea.hasAttribute("disabled");
  var wrapper = document.createElement("div");
  wrapper.className = "prose-editor" + (disabled ? " disabled" : "");
  var direction = textarea.getAttribute("dir") || "ltr";
  wrapper.setAttribute("dir", direction);
  textarea.before(wrapper);
  wrapper.append(textarea);
  var attributes = { dir: direction, "aria-multiline": "true", role: "textbox" };
  if (textarea.getAttribute("lang")) {
    attributes.lang = textarea.getAttribute("lang");
  }
  var label = labelOf(textarea);
  if (label) {
    attributes["aria-label"] = label;
  }
  var editor = new Editor({
    element: wrapper,
    editable: !disabled,
    injectCSS: false,
    content: textarea.value,
    editorProps: { attributes: attributes },
    extensions: [
      Document,
      Paragraph,
      Text,
      HardBreak,
      Heading.configure({ levels: [2, 3, 4] }),
      Bold,
      Italic,
      Link.configure({ enableTarget: false }),
      BulletList,
      // No list properties (numbering style, first number): the body keeps no attribute of a list.
      OrderedList.configure({ enableListAttributes: false }),
      ListItem,
      Blockquote,
      History,
      Dropcursor,
      Gapcursor,
      Menu,
    ],
    onUpdate: function (props) {
      var html = props.editor.getHTML();
      // An emptied editor holds one empty paragraph: that is an empty body.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
  translateMenuAlways(wrapper);
  wrapper.classList.add("article-editor--ready");
  return editor;
}

function start() {
  document.querySelectorAll("textarea[data-article-editor]").forEach(function (textarea) {
    if (!textarea.id.includes("__prefix__")) {
      createEditor(textarea);
    }
  });
}

var jQuery = window.django && window.django.jQuery;
if (jQuery) {
  jQuery(start);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
