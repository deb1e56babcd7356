// Names for sphinx-togglebutton's buttons, which it labels all alike ("Toggle
// hidden content"): each is named after the title of the block it opens, e.g.
// "Show or hide: Solution to Exercise 1.1 (Write the sigmoid)". Loaded after
// togglebutton.js, whose buttons exist once the document has been parsed.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.toggle-button")) {
    const title = button.closest(".admonition")?.querySelector(".admonition-title");
    const text = title?.textContent.replace(/\s+/g, " ").trim();
    if (text) {
      button.setAttribute("aria-label", `Show or hide: ${text}`);
    }
  }
});
