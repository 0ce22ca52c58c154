// Ac.Sé web: the little the pages need beyond HTML and htmx. No data is kept in the browser.
(function () {
  "use strict";

  function appendCode(input, code) {
    var codes = input.value.split(/[,;\s]+/).filter(function (c) { return c.length > 0; });
    if (codes.indexOf(code) < 0) {
      codes.push(code);
    }
    input.value = codes.join(", ");
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-add-zone], [data-set-current]");
    if (!target) {
      return;
    }
    if (target.hasAttribute("data-add-zone")) {
      var zones = document.getElementById("dangerZones");
      appendCode(zones, target.getAttribute("data-add-zone"));
      zones.focus();
    } else {
      var current = document.getElementById("currentCommune");
      current.value = target.getAttribute("data-set-current");
      current.focus();
    }
  });

  // One click sends the form once; the form's Idempotency-Key covers a resent request all the same.
  document.addEventListener("submit", function (event) {
    var button = event.target.querySelector("button[data-once]");
    if (button) {
      if (button.getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        return;
      }
      button.setAttribute("aria-disabled", "true");
    }
  });

  // A session that ended answers htmx with 499: reload, through the sign-in page and back.
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 499) {
      window.location.reload();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("form-errors");
    if (summary) {
      summary.focus();
    }
    document.body.setAttribute("data-ready", "true");
  });
})();
