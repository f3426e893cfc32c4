// The menu button of narrow screens (progressive enhancement). Without this script the menu
// is simply shown in full; with it, a button opens and closes it and says so (aria-expanded).
document.addEventListener("DOMContentLoaded", () => {
  const header = document.querySelector("header.site");
  const button = header && header.querySelector(".menu-toggle");
  const menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return;
  header.classList.add("has-menu-button");
  button.hidden = false;
  const set = (open) => {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("open", open);
  };
  button.addEventListener("click", () => set(button.getAttribute("aria-expanded") !== "true"));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      set(false);
      button.focus();
    }
  });
});
