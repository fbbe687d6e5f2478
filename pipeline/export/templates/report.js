(function () {
  "use strict";
  // Document strings reach the page only through the escaped HTML and the escaped JSON
  // island; this script copies them with textContent / cloneNode, never innerHTML.
  var data = JSON.parse(document.getElementById("gz-data").textContent);
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  var selected = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function select(key) {
    selected.forEach(function (e) { e.classList.remove("selected"); });
    selected = Array.prototype.slice.call(document.querySelectorAll('.hl[data-m~="' + key + '"]'));
    selected.forEach(function (e) { e.classList.add("selected"); });
  }

  function show(keys) {
    body.textContent = "";
    keys.forEach(function (key) {
      var m = data.marks[key];
      if (!m) return;
      var head = el("div", "panel-fig v-" + m.colour);
      head.appendChild(el("strong", "", m.raw));
      if (m.claim) {
        var c = m.claim;
        head.appendChild(el("span", "facts", " " + [c.kind, (c.value + " " + c.unit).trim(), c.qualifier, c.id]
          .filter(Boolean).join(" · ")));
      }
      body.appendChild(head);
      if (!m.checks.length) body.appendChild(el("p", "none", "Not checked: no rule used this figure."));
      m.checks.forEach(function (k) {
        var card = document.getElementById(k);
        if (!card) return;
        var copy = card.cloneNode(true);
        copy.removeAttribute("id");
        body.appendChild(copy);
      });
    });
    panel.hidden = false;
    if (keys.length) select(keys[0]);
  }

  function go(key) {
    var target = document.querySelector('.hl[data-m~="' + key + '"]');
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    show([key]);
    target.classList.add("flash");
    setTimeout(function () { target.classList.remove("flash"); }, 1500);
  }

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) return;
    var link = t.closest("[data-go]");
    if (link && link.getAttribute("data-go")) {
      ev.preventDefault();
      go(link.getAttribute("data-go"));
      return;
    }
    var hl = t.closest(".doc .hl");
    if (hl) { show(hl.getAttribute("data-m").split(" ")); return; }
    if (t.closest("#panel-close")) panel.hidden = true;
  });
  // arriving from the findings table (index.html#…): show that figure with its arithmetic
  function fromHash() {
    var key = decodeURIComponent(location.hash.slice(1));
    if (data.marks[key]) go(key);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") panel.hidden = true;
    var t = ev.target;
    if (ev.key === "Enter" && t instanceof Element && t.matches(".doc .hl")) show(t.getAttribute("data-m").split(" "));
  });
})();
