// Clicking a node in a diagram opens it in its form: the click is handed to the Edit button in
// the node's table row (the keyboard-accessible way to the same form). Used by the journey
// diagram (steps) and the scenario map (situations).
const CLICKABLE = [
  { node: "#diagram g.node[id^='step-']", form: "step-panel", beside: true },
  { node: "#scenario-map g.node[id^='node-']", form: "node-form" },
];

// A diagram with data-pan scrolls in its own box: drag it with the mouse to pan (a drag is not
// a click on a step); with the keyboard the focused box scrolls with the arrow keys and
// + / − / 0 press the buttons marked data-zoom-button="in" / "out" / "fit".
let drag = null;
let dragged = false;

document.addEventListener("pointerdown", (event) => {
  const box = event.target.closest?.("[data-pan]");
  dragged = false;
  if (!box || event.button !== 0 || event.pointerType === "touch") return;
  drag = { box, x: event.clientX, y: event.clientY, left: box.scrollLeft, top: box.scrollTop };
});

document.addEventListener("pointermove", (event) => {
  if (!drag) return;
  const dx = event.clientX - drag.x;
  const dy = event.clientY - drag.y;
  if (!dragged && Math.abs(dx) + Math.abs(dy) < 6) return;
  dragged = true;
  drag.box.classList.add("panning");
  drag.box.scrollLeft = drag.left - dx;
  drag.box.scrollTop = drag.top - dy;
  event.preventDefault();
});

document.addEventListener("pointerup", () => {
  if (drag) drag.box.classList.remove("panning");
  drag = null;
});

document.addEventListener("keydown", (event) => {
  const box = event.target.closest?.("[data-pan]");
  if (!box || event.target !== box || event.ctrlKey || event.metaKey || event.altKey) return;
  const zoom = { "+": "in", "=": "in", "-": "out", "−": "out", 0: "fit" }[event.key];
  if (!zoom) return;
  const button = document.querySelector(`[data-zoom-button="${zoom}"]`);
  if (button) {
    event.preventDefault();
    button.click();
  }
});

document.addEventListener(
  "click",
  (event) => {
    if (!dragged) return;
    dragged = false; // the end of a drag: not a click on what lies under the pointer
    event.stopPropagation();
    event.preventDefault();
  },
  true,
);

document.addEventListener("click", (event) => {
  if (!event.target.closest) return;
  for (const { node: selector, form, beside } of CLICKABLE) {
    const node = event.target.closest(selector);
    if (!node) continue;
    const button = document.querySelector(`#row-${CSS.escape(node.id)} button`);
    if (button) {
      button.click();
      if (beside) showTop(form);
      else document.getElementById(form)?.scrollIntoView({ block: "start" });
    }
    return;
  }
  // The Edit/Show button of a row in the journey's steps table: the form opens beside the
  // diagram, above the tabs.
  if (event.target.closest("tr[id^='row-step-'] button")) showTop("step-panel");
});

// Bring the top of a panel into view unless it is already on the screen (beside the diagram on
// a wide screen, under it on a phone).
function showTop(id) {
  const panel = document.getElementById(id);
  if (!panel) return;
  const top = panel.getBoundingClientRect().top;
  if (top < 0 || top > window.innerHeight - 120) panel.scrollIntoView({ block: "start" });
}

// The open step is marked in the diagram: #diagram's data-selected holds its table row's id
// ("row-step-…"), the node's id without "row-". Runs again when the diagram is redrawn.
function markSelected() {
  const box = document.getElementById("diagram");
  if (!box) return;
  const id = (box.dataset.selected || "").replace(/^row-/, "");
  for (const node of box.querySelectorAll("g.node.selected")) {
    if (node.id !== id) node.classList.remove("selected");
  }
  const node = id ? box.querySelector(`g.node#${CSS.escape(id)}`) : null;
  // (adding a class it has would still count as a change and run this again)
  if (node && !node.classList.contains("selected")) node.classList.add("selected");
}

// The zoom (#diagram's data-zoom, in per cent) sets the SVG's own width and height; its viewBox
// scales the drawing. Cheaper than a CSS zoom, which restyles every element of a large diagram.
// Fitted (data-zoom="fit"), the stylesheet sizes it to the box.
function applyZoom() {
  const box = document.getElementById("diagram");
  const svg = box?.querySelector(":scope > div > svg, :scope > svg");
  if (!svg) return;
  if (box.dataset.zoom === "fit") {
    svg.style.width = svg.style.height = "";
    return;
  }
  const level = Number(box.dataset.zoom || 100) / 100;
  const width = `${(svg.width.baseVal.value * level).toFixed(1)}px`;
  const height = `${(svg.height.baseVal.value * level).toFixed(1)}px`;
  if (svg.style.width !== width) svg.style.width = width;
  if (svg.style.height !== height) svg.style.height = height;
}

// The diagram's SVG stays out of the page's state: #diagram-svg's data-src names it (with a hash
// of its content), and it is fetched into the box when that changes.
function loadDiagram() {
  const holder = document.getElementById("diagram-svg");
  if (!holder) return;
  const src = holder.dataset.src || "";
  if (holder.dataset.loaded === src) return;
  holder.dataset.loaded = src;
  if (!src) {
    holder.replaceChildren();
    return;
  }
  fetch(src, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
    .then((svg) => {
      if (holder.dataset.src !== src) return; // a newer diagram was asked for meanwhile
      holder.innerHTML = svg.slice(svg.indexOf("<svg"));
    })
    .catch(() => {
      if (holder.dataset.src === src) {
        holder.textContent = "Diagrammet kunde inte visas. Ladda om sidan.";
      }
    });
}

function diagramChanged() {
  loadDiagram();
  applyZoom();
  markSelected();
}
new MutationObserver(diagramChanged).observe(document.documentElement, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ["data-selected", "data-zoom", "data-src"],
});
