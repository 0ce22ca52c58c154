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

  // Live pages (htmx's SSE extension on /live): say whether the page is live.
  function liveStatus(live) {
    var status = document.getElementById("live-status");
    document.body.setAttribute("data-live", live ? "true" : "false");
    if (status) {
      status.textContent = status.getAttribute(live ? "data-live-text" : "data-offline-text");
    }
  }
  document.addEventListener("htmx:sseOpen", function () { liveStatus(true); });
  document.addEventListener("htmx:sseError", function () { liveStatus(false); });

  // A live region is not read again under someone's hands (a field being filled, a decline form open): it is
  // read once they leave it.
  function busy(region) {
    var active = document.activeElement;
    var typing = active && region.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
    return typing || region.querySelector("details[open]") !== null;
  }
  document.addEventListener("htmx:confirm", function (event) {
    var region = event.target;
    if (region.hasAttribute && region.hasAttribute("data-live-region") && busy(region)) {
      event.preventDefault();
      region.setAttribute("data-stale", "true");
    }
  });
  function refreshIfStale(event) {
    var region = event.target.closest && event.target.closest("[data-live-region][data-stale]");
    if (!region) {
      return;
    }
    window.setTimeout(function () {
      if (!busy(region)) {
        region.removeAttribute("data-stale");
        htmx.trigger(region, "live-refresh");
      }
    }, 0);
  }
  document.addEventListener("focusout", refreshIfStale);
  document.addEventListener("toggle", refreshIfStale, true);

  // A proposal that arrives while the tab is in the background: a browser notification and a short tone, once
  // the person asked for them. The notification says nothing about the person.
  var audio = null;
  function offerNotifications() {
    var button = document.querySelector("[data-enable-notifications]");
    if (button && "Notification" in window && Notification.permission !== "granted"
        && Notification.permission !== "denied") {
      button.hidden = false;
    }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-enable-notifications]");
    if (!button) {
      return;
    }
    var AudioContext = window.AudioContext || window.webkitAudioContext;
    if (AudioContext && !audio) {
      audio = new AudioContext();
    }
    Notification.requestPermission().then(function (permission) {
      button.hidden = permission !== "default";
    });
  });
  function tone() {
    if (!audio) {
      return;
    }
    var oscillator = audio.createOscillator();
    var gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.value = 0.1;
    oscillator.connect(gain);
    gain.connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.25);
  }
  document.addEventListener("htmx:sseMessage", function (event) {
    var live = document.getElementById("live");
    if (!event.detail || event.detail.type !== "proposal" || !document.hidden || !live
        || !live.hasAttribute("data-notify-title")
        || !("Notification" in window) || Notification.permission !== "granted") {
      return;
    }
    var notification = new Notification(live.getAttribute("data-notify-title"), {
      body: live.getAttribute("data-notify-body"),
      tag: "acse-proposal"
    });
    notification.onclick = function () {
      window.focus();
      notification.close();
    };
    tone();
  });

  document.addEventListener("DOMContentLoaded", function () {
    offerNotifications();
    var summary = document.getElementById("form-errors");
    if (summary) {
      summary.focus();
    }
    document.body.setAttribute("data-ready", "true");
  });
})();
