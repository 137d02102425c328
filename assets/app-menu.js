// The header's "Meny" button (narrow screens, see academy/ui/layout.py): a disclosure that shows
// or hides the navigation panel. The state lives in the button's aria-expanded attribute, which the
// stylesheet reads (`.menu-button[aria-expanded="true"] + .header-menu`). The panel closes on
// Escape (focus goes back to the button), after a link in it is followed, and on a click outside.
// Listeners sit on the document, so they keep working when a page re-renders its header; the
// guard keeps them single when the script tag is added again by the next page.
(() => {
  if (window.appMenuReady) return;
  window.appMenuReady = true;
  const BUTTON = "#menu-button";

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function openButton() {
    const button = document.querySelector(BUTTON);
    return button && button.getAttribute("aria-expanded") === "true" ? button : null;
  }

  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const button = target.closest(BUTTON);
    if (button) {
      setOpen(button, button.getAttribute("aria-expanded") !== "true");
      return;
    }
    const open = openButton();
    if (!open) return;
    const panel = document.getElementById(open.getAttribute("aria-controls"));
    if (!panel || !panel.contains(target) || target.closest("a[href]")) setOpen(open, false);
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = openButton();
    if (!open) return;
    const panel = document.getElementById(open.getAttribute("aria-controls"));
    const focusWasInside = panel && panel.contains(document.activeElement);
    setOpen(open, false);
    if (focusWasInside || document.activeElement === open) open.focus();
  });
})();
