// Behaviour of the UI kit (academy/ui) that needs no server round trip.
(function () {
  // Confirmation dialogs: a button with data-confirm-open="<dialog id>" opens the dialog;
  // buttons with data-confirm-close close it (the confirm button also runs its event). A
  // ui.confirm_button opens the page's one dialog (ui.confirm_dialog) and fills it in from
  // its data first: the question, the explanation, the action's label and kind; the dialog's
  // action then clicks the hidden button beside the opener that runs the action
  // (data-confirm-do, named by the opener's data-confirm-action).
  function fillIn(dialog, opener) {
    var id = dialog.id;
    var explanation = opener.getAttribute("data-confirm-explanation") || "";
    var action = document.getElementById(id + "-do");
    document.getElementById(id + "-title").textContent =
      opener.getAttribute("data-confirm-question") || "";
    var text = document.getElementById(id + "-text");
    text.textContent = explanation;
    text.hidden = !explanation;
    action.textContent = opener.getAttribute("data-confirm-label") || "";
    action.className = opener.getAttribute("data-confirm-kind") || "button danger-solid";
    dialog.actionFor = opener.getAttribute("data-confirm-action");
  }

  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-confirm-open]");
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute("data-confirm-open"));
      if (dialog && !dialog.open) {
        if (opener.hasAttribute("data-confirm-action")) fillIn(dialog, opener);
        dialog.returnFocusTo = opener;
        dialog.showModal();
      }
      return;
    }
    var closer = event.target.closest("[data-confirm-close]");
    if (closer) {
      var box = closer.closest("dialog");
      if (box && box.open) {
        box.close();
        var named = box.actionFor;
        box.actionFor = null;
        if (named && closer.id === box.id + "-do") {
          var run = document.querySelector('[data-confirm-do="' + CSS.escape(named) + '"]');
          if (run) run.click();
        }
      }
    }
  });
  document.addEventListener(
    "close",
    function (event) {
      var dialog = event.target;
      if (dialog.returnFocusTo && document.contains(dialog.returnFocusTo)) {
        dialog.returnFocusTo.focus();
      }
    },
    true
  );

  // Reflex's own banner after a new version of the app was put in place while a tab was open
  // (plain DOM, added to the body by Reflex's state.js), in the interface's language: when it
  // is added, or when this script starts.
  function inSwedish(node) {
    if (node.id !== "reflex-new-version-banner" || node.dataset.swedish) return;
    node.dataset.swedish = "1";
    var button = node.querySelector("button");
    node.firstChild.textContent = "En ny version av Serviceakademin finns. Ladda om sidan.";
    if (button) button.textContent = "Ladda om";
  }
  // Messages (data-msg): bring a new one into view beside the action that caused it; an added
  // node may also be Reflex's banner (above).
  function reveal(node) {
    if (!node || node.nodeType !== 1) return; // a changed text node may be gone already
    inSwedish(node);
    var msg = node.matches("[data-msg]") ? node : node.querySelector("[data-msg]");
    if (!msg || msg.closest("dialog")) return;
    var box = msg.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      msg.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }
  // Forms marked data-autosubmit="once" (the login's hand-over to the HTTP route that sets the
  // HttpOnly cookie) are posted as soon as they appear: a native submit, a full page load. The
  // code they carry is posted only once per tab, so a stale one shown again never loops. The
  // page is searched after every update, so nothing in an update's records can make it miss one,
  // and once when this script starts: the page adds it to the head only after React has
  // rendered, so a hand-over can already be there.
  function autosubmit() {
    var form = document.querySelector("form[data-autosubmit]");
    if (!form) return;
    var key = "autosubmit:" + form.action + ":" + new FormData(form).get("code");
    if (sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, "1");
    newTabState(form);
    HTMLFormElement.prototype.submit.call(form);
  }
  // Forms marked data-new-tab-state (logging in and out: the person behind the tab changes)
  // drop the tab's token (Reflex's "token" in sessionStorage) before they are posted, so the
  // page after them gets a new, empty tab state on the server instead of the one that holds
  // the previous person's pages. A native submit() fires no submit event: autosubmit calls
  // this itself.
  function newTabState(form) {
    if (form && form.hasAttribute("data-new-tab-state")) {
      sessionStorage.removeItem("token");
    }
  }
  // Forms that wait for their answer (ui.form's `pending`, the login): from a submit until the
  // server has answered (the form's data-done changes) the form is aria-busy, its status line
  // says what is going on, and another submit (a second click, Enter again) is not sent: in a
  // burst of logins each one would be another password check. Without an answer within
  // WAIT_MS (a lost connection) the form takes submits again.
  var WAIT_MS = 30000;
  function setWaiting(form, waiting) {
    clearTimeout(form.waitTimer);
    var status = form.querySelector("[data-pending-status]");
    if (status) status.textContent = waiting ? form.getAttribute("data-pending") : "";
    if (waiting) {
      form.setAttribute("aria-busy", "true");
      form.waitTimer = setTimeout(function () {
        setWaiting(form, false);
      }, WAIT_MS);
    } else {
      form.removeAttribute("aria-busy");
    }
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      if (waiting) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    });
  }
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (form.hasAttribute("data-pending")) {
        if (form.getAttribute("aria-busy") === "true") {
          event.preventDefault();
          event.stopImmediatePropagation();
          return;
        }
        setWaiting(form, true);
      }
      newTabState(form);
    },
    true
  );
  // A form renewed after a save (its key changed: the step form, whose step the server may
  // have normalised) is a new element; the button or field that had the focus is gone with the
  // old one. Give the focus to its counterpart in the new form (same form id, same field name
  // or button text), so a keyboard or screen-reader user stays where they were instead of
  // starting again at the top of the page.
  var lastFocus = null;
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    lastFocus = el.form && el.form.id ? { el: el, form: el.form.id, name: el.name,
      text: el.textContent, tag: el.tagName } : null;
  });
  function keepFocus() {
    if (!lastFocus || lastFocus.el.isConnected) return;
    var active = document.activeElement;
    if (active && active !== document.body) return;
    var form = document.getElementById(lastFocus.form);
    if (!form) return;
    var match = Array.prototype.find.call(form.elements, function (el) {
      return el.tagName === lastFocus.tag && (lastFocus.name ? el.name === lastFocus.name
        : el.textContent === lastFocus.text);
    });
    if (match) match.focus({ preventScroll: true });
  }
  new MutationObserver(function (records) {
    autosubmit();
    keepFocus();
    records.forEach(function (record) {
      if (record.type === "attributes") {
        setWaiting(record.target, false); // a waiting form's data-done: its answer came
      } else if (record.type === "characterData") {
        reveal(record.target.parentNode);
      } else {
        record.addedNodes.forEach(reveal);
      }
    });
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["data-done"],
  });
  autosubmit();
  // Reflex adds its banner as the socket connects, which can be before this script starts.
  var banner = document.getElementById("reflex-new-version-banner");
  if (banner) inSwedish(banner);

  // A form with several purposes (the quiz: save one question, hand in): its submit buttons
  // carry data-aim, copied into the form's "aim" field as the button is clicked, before the
  // form is sent. One event per click, and the purpose travels with the answers.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-aim]");
    if (!button || !button.form || !button.form.elements.aim) return;
    button.form.elements.aim.value = button.getAttribute("data-aim");
  });

  // Tabs (academy/ui/tabs.py): the arrow keys, Home and End move to another tab and select it.
  document.addEventListener("keydown", function (event) {
    var current = event.target.closest && event.target.closest('[role="tab"]');
    if (!current) return;
    var list = current.closest('[role="tablist"]');
    var tabs = Array.prototype.slice.call(list.querySelectorAll('[role="tab"]'));
    var at = tabs.indexOf(current);
    var next = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    var target = tabs[(next + tabs.length) % tabs.length];
    target.focus();
    target.click();
  });

  // What the kit does above is in place (the browser tests wait for it).
  document.documentElement.setAttribute("data-kit", "ready");
})();
