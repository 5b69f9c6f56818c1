/* Country report pages: a preview of each footnote when its marker is hovered or focused, and
   "Copy" buttons for the citations. Without this script the markers are plain links to the notes
   and the citations plain text to select. */
(function () {
  "use strict";

  var article = document.querySelector("article.report");
  if (!article) return;

  var MARKER = "sup.fn-ref a[href^='#fn-']";
  var HIDE_DELAY_MS = 250; // time to move the pointer from the marker onto the preview
  var tip = document.createElement("div");
  tip.id = "fn-preview";
  tip.className = "fn-preview";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  article.appendChild(tip); // inside the main landmark, placed by absolute position

  var current = null;
  var hideTimer = null;

  function noteTextOf(marker) {
    return document.getElementById(marker.hash.slice(1) + "-text");
  }

  function fill(marker, text) {
    var number = document.createElement("span");
    number.className = "fn-preview-number";
    number.textContent = marker.textContent.trim() + ".";
    var copy = text.cloneNode(true);
    copy.removeAttribute("id");
    // The preview is read, not used: links inside the note become plain text.
    copy.querySelectorAll("a").forEach(function (link) {
      link.replaceWith(document.createTextNode(link.textContent));
    });
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    tip.replaceChildren(number, copy);
  }

  function place(marker) {
    var box = marker.getBoundingClientRect();
    var viewport = document.documentElement.clientWidth;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.max(8, Math.min(box.left, viewport - width - 8));
    var top = box.bottom + 6;
    if (top + height > window.innerHeight && box.top - height - 6 > 0) top = box.top - height - 6;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function show(marker) {
    clearTimeout(hideTimer);
    if (current === marker) return;
    hide();
    var text = noteTextOf(marker);
    if (!text) return;
    fill(marker, text);
    tip.hidden = false;
    marker.dataset.describedby = marker.getAttribute("aria-describedby") || "";
    marker.setAttribute("aria-describedby", tip.id);
    current = marker;
    place(marker);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!current) return;
    if (current.dataset.describedby) current.setAttribute("aria-describedby", current.dataset.describedby);
    else current.removeAttribute("aria-describedby");
    delete current.dataset.describedby;
    tip.hidden = true;
    current = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY_MS);
  }

  function markerOf(event) {
    return event.target.closest ? event.target.closest(MARKER) : null;
  }

  article.addEventListener("mouseover", function (event) {
    var marker = markerOf(event);
    if (marker) show(marker);
  });
  article.addEventListener("mouseout", function (event) {
    var marker = markerOf(event);
    if (marker && marker === current && !marker.contains(event.relatedTarget)) hideSoon();
  });
  article.addEventListener("focusin", function (event) {
    var marker = markerOf(event);
    if (marker) show(marker);
  });
  article.addEventListener("focusout", function (event) {
    if (markerOf(event) === current) hide();
  });
  article.addEventListener("click", function (event) {
    if (markerOf(event)) hide(); // the reader goes to the note itself
  });
  tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  tip.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("resize", function () { if (current) place(current); });

  /* Copy buttons for the citations */
  document.querySelectorAll(".cite-format").forEach(function (format) {
    var field = format.querySelector("textarea");
    var label = format.querySelector("label");
    if (!field || !label) return;
    var actions = format.querySelector(".cite-actions");
    if (!actions) {
      actions = document.createElement("div");
      actions.className = "cite-actions";
      format.appendChild(actions);
    }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + label.textContent.trim());
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    actions.prepend(button, status);
    button.addEventListener("click", function () {
      var done = function () { status.textContent = "Copied."; };
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          status.textContent = "Select the text and copy it.";
        });
      } else if (document.execCommand && document.execCommand("copy")) {
        done();
      } else {
        status.textContent = "Select the text and copy it.";
      }
    });
  });
})();
