/* Rich-text editing for textareas marked data-richtext (lib/richtext.py RichTextarea).
 *
 * Progressive enhancement: the textarea stays in the form and is what gets posted; the
 * editor (vendored pell) writes its HTML back on every change and before submit. The toolbar
 * offers only what the server's allow-list keeps (strong, em, h2, h3, p, ul, ol, blockquote,
 * a); the server cleans the text again whatever arrives. Labels come from data-label-*
 * attributes rendered in the reader's language; no inline script or style (CSP).
 */
(function () {
  "use strict";
  if (!window.pell || !document.queryCommandSupported) return;

  var exec = window.pell.exec;
  var ORDER = ["bold", "italic", "heading2", "heading3", "paragraph", "ulist", "olist", "quote", "link"];
  var ICONS = {
    bold: "<b>B</b>",
    italic: "<i>I</i>",
    heading2: "<b>H2</b>",
    heading3: "<b>H3</b>",
    paragraph: "&#182;",
    ulist: "&#8226;",
    olist: "1.",
    quote: "&#8220;&#8221;",
    // Feather icon "link" (MIT): an emoji would need a font the reader may not have.
    link: '<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" ' +
      'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">' +
      '<path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71"/>' +
      '<path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71"/></svg>'
  };

  // What the server's allow-list keeps (lib/richtext.py). Browsers write <b>/<i>/<div>, which
  // it would drop: they become <strong>/<em>/<p>. Anything else is unwrapped (its text kept),
  // scripts and styles removed, attributes dropped but a link's http(s)/mailto address. The
  // work happens in an inert document: nothing in it loads or runs.
  var KEEP = ["P", "BR", "UL", "OL", "LI", "STRONG", "EM", "A", "H2", "H3", "H4", "BLOCKQUOTE"];
  var RENAME = { B: "strong", I: "em", DIV: "p" };
  var DROP = ["SCRIPT", "STYLE", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "NOSCRIPT", "TITLE"];
  var SAFE_LINK = /^(https?:|mailto:)/i;
  var scratch = document.implementation.createHTMLDocument("");

  function tidy(node) {
    Array.prototype.slice.call(node.children).forEach(function (child) {
      tidy(child);
      var tag = child.tagName;
      if (DROP.indexOf(tag) !== -1) {
        child.remove();
        return;
      }
      var kept = child;
      if (RENAME[tag]) {
        kept = scratch.createElement(RENAME[tag]);
        while (child.firstChild) kept.appendChild(child.firstChild);
        child.replaceWith(kept);
      } else if (KEEP.indexOf(tag) === -1) {
        child.replaceWith.apply(child, Array.prototype.slice.call(child.childNodes));
        return;
      }
      Array.prototype.slice.call(kept.attributes).forEach(function (attribute) {
        var keep = kept.tagName === "A" && attribute.name === "href" && SAFE_LINK.test(attribute.value.trim());
        if (!keep) kept.removeAttribute(attribute.name);
      });
    });
  }

  function cleaned(html) {
    var box = scratch.createElement("div");
    box.innerHTML = html;
    tidy(box);
    var result = box.innerHTML.trim();
    return result === "<br>" || result === "<p><br></p>" || result === "<p></p>" ? "" : result;
  }

  // Plain text stored before the editor (no "<") is shown as paragraphs, as on the page.
  function asHtml(text) {
    if (text.indexOf("<") !== -1) return cleaned(text);
    if (!text.trim()) return "";
    var box = scratch.createElement("div");
    text.trim().split(/\n\s*\n/).forEach(function (block) {
      var p = scratch.createElement("p");
      block.split("\n").forEach(function (line, index) {
        if (index) p.appendChild(scratch.createElement("br"));
        p.appendChild(scratch.createTextNode(line));
      });
      box.appendChild(p);
    });
    return box.innerHTML;
  }

  function enhance(textarea) {
    var data = textarea.dataset;
    var label = function (name) { return data["label" + name.charAt(0).toUpperCase() + name.slice(1)] || name; };
    var actions = ORDER.map(function (name) {
      var action = { name: name, icon: ICONS[name], title: label(name) };
      if (name === "heading2") action.result = function () { return exec("formatBlock", "<h2>"); };
      if (name === "heading3") action.result = function () { return exec("formatBlock", "<h3>"); };
      if (name === "link") {
        action.result = function () {
          var url = window.prompt(data.labelLinkPrompt || "URL", "https://");
          if (url && /^(https?:|mailto:)/i.test(url.trim())) exec("createLink", url.trim());
          return true;
        };
      }
      return action;
    });

    var changed = false;
    var holder = document.createElement("div");
    holder.className = "pell richtext";
    textarea.parentNode.insertBefore(holder, textarea);
    var editor = window.pell.init({
      element: holder,
      actions: actions,
      defaultParagraphSeparator: "p",
      styleWithCSS: false,
      onChange: function (html) { changed = true; textarea.value = cleaned(html); }
    });

    var bar = holder.querySelector(".pell-actionbar");
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", data.labelToolbar || "");
    Array.prototype.slice.call(bar.querySelectorAll("button")).forEach(function (button) {
      button.setAttribute("aria-label", button.title);
    });

    var content = editor.content;
    content.setAttribute("role", "textbox");
    content.setAttribute("aria-multiline", "true");
    if (textarea.lang) content.setAttribute("lang", textarea.lang);
    var described = textarea.getAttribute("aria-describedby");
    if (described) content.setAttribute("aria-describedby", described);
    if (textarea.getAttribute("aria-invalid")) content.setAttribute("aria-invalid", textarea.getAttribute("aria-invalid"));
    var fieldLabel = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    if (fieldLabel) {
      if (!fieldLabel.id) fieldLabel.id = textarea.id + "-label";
      content.setAttribute("aria-labelledby", fieldLabel.id);
      fieldLabel.addEventListener("click", function (event) { event.preventDefault(); content.focus(); });
    }
    if (textarea.rows && textarea.rows <= 4) holder.classList.add("richtext-short");

    content.innerHTML = asHtml(textarea.value);
    // The hidden textarea cannot take focus: the editor carries "required", the server checks it.
    if (textarea.required) {
      textarea.required = false;
      content.setAttribute("aria-required", "true");
    }
    textarea.hidden = true;
    holder.dataset.richtextFor = textarea.id || textarea.name;
    if (textarea.form) {
      textarea.form.addEventListener("submit", function () {
        // Untouched text is posted exactly as it came (plain text stays plain text).
        if (changed) textarea.value = cleaned(content.innerHTML);
      });
    }
  }

  function start() {
    Array.prototype.slice.call(document.querySelectorAll("textarea[data-richtext]")).forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
