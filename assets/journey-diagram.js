// Clicking a node in a diagram opens it in its form: the click is handed to the Edit button in
// the node's table row (the keyboard-accessible way to the same form). Used by the journey
// diagram (steps) and the scenario map (situations).
const CLICKABLE = [
  { node: "#diagram g.node[id^='step-']", form: "step-form" },
  { node: "#scenario-map g.node[id^='node-']", form: "node-form" },
];

document.addEventListener("click", (event) => {
  if (!event.target.closest) return;
  for (const { node: selector, form } of CLICKABLE) {
    const node = event.target.closest(selector);
    if (!node) continue;
    const button = document.querySelector(`#row-${CSS.escape(node.id)} button`);
    if (button) {
      button.click();
      document.getElementById(form)?.scrollIntoView({ block: "start" });
    }
    return;
  }
});
