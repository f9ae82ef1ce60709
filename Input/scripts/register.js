// Registration buttons open the booking form in a new tab, so the event page stays open.
document.querySelectorAll("a.button").forEach(function (link) {
  link.target = "_blank";
  link.rel = "noopener";
});
