/* Quick self-checks (docs/_ext/logreg_site/quick_check.py builds their HTML).
 *
 * A classic script, no module and no network, so it runs from file:// too. The page
 * holds everything: the right option is marked data-correct, a numeric answer sits
 * in data-answer (with data-tolerance, data-relative); the feedback shown after
 * "Check" is cloned from the "Show the answer" disclosure under the question, which
 * is what a reader without JavaScript reads instead.
 */
(function () {
  "use strict";

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  function verdict(right, rest) {
    var p = el("p");
    p.className = "qc-verdict";
    p.appendChild(el("strong", right ? "Correct." : "Not quite."));
    if (rest) p.appendChild(document.createTextNode(" " + rest));
    return p;
  }

  // a copy of some of the disclosure's content, without ids (they stay unique)
  function copyOf(node) {
    if (!node) return null;
    var clone = node.cloneNode(true);
    clone.removeAttribute("id");
    clone.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    return clone;
  }

  // "0.25", "-1.5e-3", "1/4", "0,25", "−2" (a minus sign), "25 %"; NaN otherwise
  function parseNumber(text) {
    var t = text.trim().replace(/\u2212/g, "-").replace(/\s+/g, "");
    if (/^[+-]?\d+,\d+$/.test(t)) t = t.replace(",", ".");
    var fraction = /^([+-]?[\d.]+(?:e[+-]?\d+)?)\/([\d.]+(?:e[+-]?\d+)?)$/i.exec(t);
    if (fraction) return Number(fraction[1]) / Number(fraction[2]);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
    return Number(t);
  }

  function show(box, out, right, parts) {
    box.setAttribute("data-verdict", right === null ? "" : right ? "right" : "wrong");
    out.replaceChildren.apply(out, parts.filter(Boolean));
  }

  function checkChoice(box, out) {
    var chosen = box.querySelector("input[type=radio]:checked");
    if (!chosen) {
      show(box, out, null, [el("p", "Choose one of the answers first.")]);
      return;
    }
    var right = chosen.hasAttribute("data-correct");
    var why = box.querySelector('.qc-why[data-for="' + chosen.value + '"]');
    show(box, out, right, [verdict(right), copyOf(why)]);
  }

  function checkNumber(box, out) {
    var input = box.querySelector("input[type=text]");
    var typed = input.value.trim();
    var hint = copyOf(box.querySelector(".qc-answer .qc-hint"));
    if (!typed) {
      show(box, out, null, [el("p", "Type a number first.")]);
      return;
    }
    var value = parseNumber(typed);
    if (!isFinite(value)) {
      show(box, out, null, [
        el("p", "“" + typed + "” is not a number I can read: " +
          "write it with digits, such as 0.25, 1/4 or 2.5e-3."),
      ]);
      return;
    }
    var answer = Number(box.dataset.answer);
    var tolerance = Number(box.dataset.tolerance);
    if (box.dataset.relative === "true") tolerance *= Math.abs(answer);
    var right = Math.abs(value - answer) <= tolerance * (1 + 1e-12) + 1e-300;
    if (right) {
      show(box, out, true, [
        verdict(true, "The answer is " + box.dataset.shown + "."),
        copyOf(box.querySelector(".qc-answer .qc-why")),
      ]);
    } else {
      show(box, out, false, [
        verdict(false, typed + " is too " + (value > answer ? "high" : "low") + "."),
        hint,
      ]);
    }
  }

  function setUp(box) {
    var form = box.querySelector("form.qc-form");
    var out = box.querySelector(".qc-feedback");
    var button = box.querySelector(".qc-check");
    if (!form || !out || !button) return;
    out.setAttribute("aria-live", "polite");
    button.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (box.dataset.kind === "numeric") checkNumber(box, out);
      else checkChoice(box, out);
    });
    // a changed answer: the old verdict no longer applies
    form.addEventListener("input", function () {
      if (out.firstChild) show(box, out, null, []);
    });
  }

  function start() {
    document.querySelectorAll("[data-qc]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
