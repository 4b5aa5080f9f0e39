// Progressive enhancement only: pages are complete without JavaScript.
// Hovering a linked name highlights every mention of the same entity in the text.
document.addEventListener("mouseover", (ev) => {
  const link = ev.target.closest && ev.target.closest("a.ent");
  document.querySelectorAll("a.ent.same").forEach((el) => el.classList.remove("same"));
  if (!link) return;
  document.querySelectorAll('a.ent[href="' + link.getAttribute("href") + '"]').forEach((el) => el.classList.add("same"));
});
