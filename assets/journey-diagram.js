// Clicking a step in a journey diagram opens it in the step form: the click is handed to the
// step's button in the table of steps (the keyboard-accessible way to the same form).
document.addEventListener("click", (event) => {
  const node = event.target.closest && event.target.closest("#diagram g.node[id^='step-']");
  if (!node) return;
  const button = document.querySelector(`#row-${CSS.escape(node.id)} button`);
  if (button) {
    button.click();
    document.getElementById("step-form")?.scrollIntoView({ block: "start" });
  }
});
