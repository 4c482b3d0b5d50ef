// chiso serve: the page works without this script; with it, clicking a
// figure or a finding highlights every figure of that finding together,
// and a .txt file can be dropped on the text box.
"use strict";
(function () {
  var findings = document.getElementById("findings");
  var article = document.getElementById("article");

  function clear() {
    document.querySelectorAll(".fig.on").forEach(function (m) { m.classList.remove("on"); });
    document.querySelectorAll(".finding.on").forEach(function (f) { f.classList.remove("on"); });
    document.querySelectorAll(".show[aria-pressed=true]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
  }

  // select highlights finding id and its figures; focus says where the
  // keyboard goes next: the finding (from a figure) or its first figure.
  function select(id, focus) {
    var f = document.getElementById("f" + id);
    if (!f) { return; }
    clear();
    f.classList.add("on");
    var b = f.querySelector(".show");
    if (b) { b.setAttribute("aria-pressed", "true"); }
    var first = null;
    (f.getAttribute("data-marks") || "").split(" ").forEach(function (m) {
      var el = m && document.getElementById("m" + m);
      if (el) { el.classList.add("on"); first = first || el; }
    });
    var d = f.querySelector("details");
    if (d) { d.open = true; }
    if (focus === "finding") {
      f.focus({ preventScroll: true });
      f.scrollIntoView({ block: "nearest" });
    } else if (first) {
      first.scrollIntoView({ block: "nearest" });
    }
    if (history.replaceState) { history.replaceState(null, "", "#f" + id); }
  }

  if (article) {
    article.addEventListener("click", function (e) {
      var m = e.target.closest("a.fig");
      if (!m) { return; }
      e.preventDefault();
      var ids = (m.getAttribute("data-findings") || "").split(" ");
      // A figure in several findings: each click moves to the next one.
      var cur = document.querySelector(".finding.on");
      var at = cur ? ids.indexOf(cur.id.slice(1)) : -1;
      var open = m.getAttribute("href").slice(2);
      var next = at >= 0 && m.classList.contains("on") ? ids[(at + 1) % ids.length] : open;
      select(next, "finding");
    });
  }
  if (findings) {
    findings.addEventListener("click", function (e) {
      var b = e.target.closest(".show");
      if (!b) { return; }
      e.preventDefault();
      select(b.getAttribute("data-finding"), "figure");
    });
    findings.addEventListener("keydown", function (e) {
      var b = e.target.closest(".show");
      if (b && e.key === " ") { e.preventDefault(); select(b.getAttribute("data-finding"), "figure"); }
    });
    var hash = location.hash.match(/^#f(\d+)$/);
    if (hash) { select(hash[1], "figure"); }
  }

  // Escape clears the selection.
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { clear(); }
  });

  // Dropping a .txt file on the text box reads it into the box.
  var text = document.getElementById("text");
  if (text && window.FileReader) {
    text.addEventListener("dragover", function (e) { e.preventDefault(); text.classList.add("dragging"); });
    text.addEventListener("dragleave", function () { text.classList.remove("dragging"); });
    text.addEventListener("drop", function (e) {
      e.preventDefault();
      text.classList.remove("dragging");
      var file = e.dataTransfer && e.dataTransfer.files[0];
      if (!file) { return; }
      var r = new FileReader();
      r.onload = function () { text.value = r.result; };
      r.readAsText(file, "utf-8");
    });
  }
})();
