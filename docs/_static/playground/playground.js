/* The gradient-descent playground: train one sigmoid unit in the browser.
 *
 * A classic script (no ES module, no fetch: both fail over file://). The data are
 * the JSON that the page embeds, <script type="application/json" id="blpg-data">,
 * written at build time by binary_logreg.playground_data (docs/_ext/logreg_site/playground.py).
 *
 * The math mirrors the package line by line, with the same equation labels:
 *   linear          model._linear                 (eq-linear)
 *   sigmoid         model._sigmoid                (eq-sigmoid)
 *   costFromLogits  cost._cost_from_logits        (eq-cost-logits)
 *   backward        model._backward               (eq-dz, eq-dw, eq-db)
 *   step            one pass of training._gradient_descent's loop
 *   train           training.gradient_descent, exposed for the tests as
 *                   window.blPlayground.train({w1, w2, b, stepSize, steps})
 * The shapes are the course's: X is N rows of M samples, w has N entries.
 */
(function () {
  "use strict";

  // -- The math -----------------------------------------------------------------

  /** Logits Z = wᵀX + b, one per sample (eq-linear). */
  function linear(w, b, X) {
    const M = X[0].length;
    const Z = new Float64Array(M);
    for (let m = 0; m < M; m++) {
      let z = 0;
      for (let i = 0; i < w.length; i++) z += w[i] * X[i][m];
      Z[m] = z + b;
    }
    return Z;
  }

  /** σ(z) = 1 / (1 + e^(-z)) without overflow for any finite z (eq-sigmoid). */
  function sigmoid(z) {
    const e = Math.exp(-Math.abs(z));
    return (z >= 0 ? 1 : e) / (1 + e);
  }

  /** The stable cost from logits (eq-cost-logits):
   *  L = max(z, 0) − y z + ln(1 + e^(−|z|)), J the mean of the L. */
  function costFromLogits(Y, Z) {
    const M = Z.length;
    const losses = new Float64Array(M);
    let sum = 0;
    for (let m = 0; m < M; m++) {
      const z = Z[m];
      losses[m] = Math.max(z, 0) - Y[m] * z + Math.log1p(Math.exp(-Math.abs(z)));
      sum += losses[m];
    }
    let J = sum / M;
    if (!Number.isFinite(J)) {
      // the sum of the losses overflowed: average them scaled
      J = 0;
      for (let m = 0; m < M; m++) J += losses[m] / M;
    }
    return J;
  }

  /** Backward propagation: dZ = A − Y (eq-dz), dw = X dZᵀ / M (eq-dw),
   *  db = mean of dZ (eq-db). */
  function backward(X, Y, A) {
    const M = A.length;
    const dZ = new Float64Array(M);
    for (let m = 0; m < M; m++) dZ[m] = A[m] - Y[m]; // (eq-dz)
    const dw = X.map(function (row) {
      let sum = 0;
      for (let m = 0; m < M; m++) sum += row[m] * dZ[m];
      return sum / M; // (eq-dw)
    });
    let sum = 0;
    for (let m = 0; m < M; m++) sum += dZ[m];
    return { dw: dw, db: sum / M }; // (eq-db)
  }

  /** Forward propagation, the cost and the gradient at (w, b): the first half of
   *  one pass of training._gradient_descent's loop. */
  function forwardAndBackward(w, b, X, Y) {
    const Z = linear(w, b, X); // Z = wᵀX + b                  (eq-linear)
    const M = Z.length;
    const A = new Float64Array(M);
    let sum = 0;
    for (let m = 0; m < M; m++) {
      const E = Math.exp(-Z[m]); // e^(-z), Infinity where z < -709
      A[m] = 1 / (1 + E); // A = σ(Z)                          (eq-sigmoid)
      sum += Math.log1p(E) + (1 - Y[m]) * Z[m]; // the loss    (eq-loss-logits)
    }
    let J = sum / M; // the cost, the mean of the losses       (eq-cost)
    if (!Number.isFinite(J)) J = costFromLogits(Y, Z); // E overflowed (eq-cost-logits)
    const grads = backward(X, Y, A); // dZ = A − Y    (eq-dz, eq-dw, eq-db)
    return { J: J, dw: grads.dw, db: grads.db };
  }

  /** One step of gradient descent: returns the cost before the update and the
   *  updated parameters, w ← w − η dw, b ← b − η db (eq-update). */
  function step(w, b, X, Y, stepSize) {
    const g = forwardAndBackward(w, b, X, Y);
    return {
      J: g.J,
      dw: g.dw,
      db: g.db,
      w: w.map(function (wi, i) {
        return wi - stepSize * g.dw[i]; // the update (eq-update)
      }),
      b: b - stepSize * g.db,
    };
  }

  /** Whether the cost rose from J0 to J1 by more than rounding: the test of
   *  training._warn_if_cost_increased. */
  function rose(J0, J1) {
    return J1 - J0 > 1e-12 * Math.max(1, Math.abs(J0));
  }

  /** Gradient descent as binary_logreg.gradient_descent runs it: costs[k] is the
   *  cost before step k, finalCost the cost after the last step. */
  function train(X, Y, options) {
    let w = [Number(options.w1), Number(options.w2)];
    let b = Number(options.b);
    const stepSize = Number(options.stepSize);
    const steps = Number(options.steps);
    if (![w[0], w[1], b].every(Number.isFinite)) {
      throw new RangeError("w1, w2 and b must be finite numbers");
    }
    if (!(stepSize > 0 && Number.isFinite(stepSize))) {
      throw new RangeError("stepSize must be a positive finite number");
    }
    if (!(Number.isInteger(steps) && steps >= 0)) {
      throw new RangeError("steps must be an integer >= 0");
    }
    const costs = [];
    for (let k = 0; k < steps; k++) {
      const next = step(w, b, X, Y, stepSize);
      costs.push(next.J);
      w = next.w;
      b = next.b;
    }
    const finalCost = costFromLogits(Y, linear(w, b, X));
    return { w1: w[0], w2: w[1], b: b, costs: costs, finalCost: finalCost };
  }

  // -- Numbers for people ------------------------------------------------------

  /** A number as text; never "NaN": what is not finite says so. */
  function fmt(x, digits) {
    if (Number.isNaN(x)) return "undefined";
    if (!Number.isFinite(x)) return x > 0 ? "too large" : "too small";
    const tiny = x !== 0 && Math.abs(x) < Math.pow(10, -digits);
    const text = Math.abs(x) >= 1e5 || tiny ? x.toExponential(1) : x.toFixed(digits);
    return text.replace(/-/g, "−");
  }

  /** Step sizes the slider offers: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 per decade. */
  const NICE = [];
  for (let d = -2; d <= 2; d++) {
    [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8].forEach(function (m) {
      NICE.push(Number((m * Math.pow(10, d)).toPrecision(2)));
    });
  }
  NICE.push(1000);

  /** Where a step size sits on the slider, as a fraction of its length. */
  function slidePosition(eta) {
    let i = 0;
    while (i < NICE.length - 2 && NICE[i + 1] <= eta) i++;
    const f = i + Math.log(eta / NICE[i]) / Math.log(NICE[i + 1] / NICE[i]);
    return Math.min(1, Math.max(0, f / (NICE.length - 1)));
  }

  function nearestNiceIndex(eta) {
    let best = 0;
    NICE.forEach(function (value, i) {
      if (Math.abs(Math.log(value / eta)) < Math.abs(Math.log(NICE[best] / eta))) {
        best = i;
      }
    });
    return best;
  }

  // -- Drawing -------------------------------------------------------------------

  const RANGE = 6; // the sliders and the cost map span −6 … 6 for w₁, w₂, b
  const DATA_VIEW = { x: [-5, 5], y: [-3.6, 3.6] };
  const LEVELS = [0.07, 0.1, 0.15, 0.2, 0.3, 0.45, 0.7, 1, 1.5, 2.5, 4, 6, 10, 15];

  function colours(root) {
    const style = getComputedStyle(root);
    const dark = document.documentElement.dataset.theme === "dark";
    const css = function (name, fallback) {
      return style.getPropertyValue(name).trim() || fallback;
    };
    return {
      dark: dark,
      text: css("--pst-color-text-base", dark ? "#ced6dd" : "#222832"),
      muted: css("--pst-color-text-muted", dark ? "#9ca4af" : "#48566b"),
      grid: dark ? "rgba(255,255,255,0.12)" : "rgba(0,0,0,0.1)",
      background: css("--pst-color-background", dark ? "#121212" : "#ffffff"),
      // Okabe-Ito, the figures' palette; lighter shades on the dark background
      class0: dark ? "#56B4E9" : "#0072B2",
      class1: "#E69F00",
      rise: dark ? "#FF8A5C" : "#D55E00",
      path: dark ? "#F0E442" : "#009E73",
      line: dark ? "#ffffff" : "#000000",
    };
  }

  /** Size a canvas to its box and the screen's pixel ratio; returns its context. */
  function prepare(canvas, aspect) {
    const width = canvas.parentElement.clientWidth;
    const height = Math.round(width * aspect);
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.height = height + "px";
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    return { ctx: ctx, width: width, height: height };
  }

  /** Axes: maps data to pixels inside margins; log scale on y if asked. */
  function axes(box, xlim, ylim, options) {
    const o = options || {};
    const left = 46, right = 10, top = 10, bottom = 34;
    const w = box.width - left - right, h = box.height - top - bottom;
    const ty = o.logY ? Math.log10 : function (v) { return v; };
    const y0 = ty(ylim[0]), y1 = ty(ylim[1]);
    const ax = {
      left: left, top: top, w: w, h: h, xlim: xlim, ylim: ylim,
      px: function (x) { return left + ((x - xlim[0]) / (xlim[1] - xlim[0])) * w; },
      py: function (y) { return top + h - ((ty(y) - y0) / (y1 - y0)) * h; },
      x: function (px) { return xlim[0] + ((px - left) / w) * (xlim[1] - xlim[0]); },
      y: function (py) { return ylim[0] + ((top + h - py) / h) * (ylim[1] - ylim[0]); },
    };
    return ax;
  }

  function niceTicks(lo, hi, count) {
    const span = hi - lo;
    const raw = span / count;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const stepSize = [1, 2, 5, 10].map(function (m) { return m * mag; })
      .find(function (s) { return span / s <= count; });
    const ticks = [];
    for (let t = Math.ceil(lo / stepSize) * stepSize; t <= hi + 1e-9; t += stepSize) {
      ticks.push(Math.abs(t) < 1e-9 ? 0 : t);
    }
    return ticks;
  }

  function logTicks(lo, hi) {
    const ticks = [];
    for (let d = Math.floor(Math.log10(lo)); d <= Math.ceil(Math.log10(hi)); d++) {
      [1, 2, 5].forEach(function (m) {
        const t = m * Math.pow(10, d);
        if (t >= lo && t <= hi) ticks.push(t);
      });
    }
    return ticks;
  }

  function drawFrame(ctx, ax, c, xlabel, ylabel, xticks, yticks) {
    ctx.save();
    ctx.font = "12px system-ui, sans-serif";
    ctx.fillStyle = c.muted;
    ctx.strokeStyle = c.grid;
    ctx.lineWidth = 1;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    xticks.forEach(function (t) {
      const x = ax.px(t);
      ctx.beginPath(); ctx.moveTo(x, ax.top); ctx.lineTo(x, ax.top + ax.h); ctx.stroke();
      ctx.fillText(String(Number(t.toPrecision(3))).replace("-", "−"), x, ax.top + ax.h + 3);
    });
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    yticks.forEach(function (t) {
      const y = ax.py(t);
      ctx.beginPath(); ctx.moveTo(ax.left, y); ctx.lineTo(ax.left + ax.w, y); ctx.stroke();
      ctx.fillText(String(Number(t.toPrecision(3))).replace("-", "−"), ax.left - 4, y);
    });
    ctx.strokeStyle = c.muted;
    ctx.strokeRect(ax.left, ax.top, ax.w, ax.h);
    ctx.fillStyle = c.text;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText(xlabel, ax.left + ax.w / 2, ax.top + ax.h + 33);
    ctx.translate(12, ax.top + ax.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText(ylabel, 0, 0);
    ctx.restore();
  }

  function marker(ctx, shape, x, y, r) {
    ctx.beginPath();
    if (shape === "circle") {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    } else if (shape === "triangle") {
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.1, y + r * 0.8);
      ctx.lineTo(x - r * 1.1, y + r * 0.8);
      ctx.closePath();
    } else if (shape === "cross") {
      ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r);
    } else if (shape === "star") {
      for (let i = 0; i < 10; i++) {
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        const radius = i % 2 ? r * 0.45 : r;
        ctx.lineTo(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
      }
      ctx.closePath();
    }
  }

  function arrow(ctx, x0, y0, x1, y1, colour, width) {
    const angle = Math.atan2(y1 - y0, x1 - x0);
    const head = 9;
    ctx.save();
    ctx.strokeStyle = ctx.fillStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - head * Math.cos(angle - 0.4), y1 - head * Math.sin(angle - 0.4));
    ctx.lineTo(x1 - head * Math.cos(angle + 0.4), y1 - head * Math.sin(angle + 0.4));
    ctx.closePath(); ctx.fill();
    ctx.restore();
  }

  /** Clip the segment from (x0, y0) towards (x1, y1) to the box; null if outside. */
  function clipToBox(ax, x0, y0, x1, y1) {
    let t1 = 1;
    const dx = x1 - x0, dy = y1 - y0;
    const edges = [
      [-dx, x0 - ax.left], [dx, ax.left + ax.w - x0],
      [-dy, y0 - ax.top], [dy, ax.top + ax.h - y0],
    ];
    for (let i = 0; i < 4; i++) {
      const p = edges[i][0], q = edges[i][1];
      if (q < 0) return null;
      if (p > 0) t1 = Math.min(t1, q / p);
    }
    return [x0 + t1 * dx, y0 + t1 * dy, t1 < 1];
  }

  /** Contour lines of a grid by marching squares, linear interpolation. */
  function contourSegments(grid, n, level) {
    const segments = [];
    const at = function (i, j) { return grid[j * n + i]; };
    for (let j = 0; j < n - 1; j++) {
      for (let i = 0; i < n - 1; i++) {
        const v = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
        const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
        const crossings = [];
        for (let e = 0; e < 4; e++) {
          const a = v[e], b = v[(e + 1) % 4];
          if ((a < level) !== (b < level)) {
            const t = (level - a) / (b - a);
            const p = corners[e], q = corners[(e + 1) % 4];
            crossings.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
          }
        }
        if (crossings.length === 2) segments.push(crossings);
        else if (crossings.length === 4) {
          segments.push([crossings[0], crossings[1]], [crossings[2], crossings[3]]);
        }
      }
    }
    return segments;
  }

  // -- The widget ------------------------------------------------------------------

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function slider(id, label, min, max, stepSize) {
    const input = el("input", {
      type: "range", id: id, min: min, max: max, step: stepSize,
    });
    const output = el("output", { for: id, id: id + "-out", "aria-hidden": "true" });
    const row = el("div", { class: "blpg-row" }, [
      el("label", { for: id, text: label }), input, output,
    ]);
    return { row: row, input: input, output: output };
  }

  function Playground(root, data) {
    const X = data.X, Y = data.Y;
    const limit = data.step_size_limit;
    const minimum = data.minimum;
    const state = {
      w: [0, 0], b: 0, stepSize: 30, steps: 200,
      history: [], path: [], rises: [], running: false, timer: null,
      grad: null, J: NaN, gridB: NaN, grid: null,
    };

    // the controls
    root.textContent = "";
    const w1 = slider("blpg-w1", "weight w₁", -RANGE, RANGE, 0.01);
    const w2 = slider("blpg-w2", "weight w₂", -RANGE, RANGE, 0.01);
    const bias = slider("blpg-b", "bias b", -RANGE, RANGE, 0.01);
    const eta = slider("blpg-eta", "step size η", 0, NICE.length - 1, 1);
    const mark = el("span", { class: "blpg-limit", "aria-hidden": "true" }, [
      el("span", { text: "2/β = " + fmt(limit, 2) }),
    ]);
    const guarantee = el("div", { class: "blpg-guarantee", "aria-hidden": "true" });
    const etaTrack = el("div", { class: "blpg-track" });
    eta.row.replaceChild(etaTrack, eta.input);
    etaTrack.append(eta.input, guarantee, mark);
    const etaExact = el("input", {
      type: "number", id: "blpg-eta-exact", min: NICE[0], max: 1000, step: "any",
      "aria-label": "step size η, exact value",
    });
    eta.row.insertBefore(etaExact, eta.output);
    const stepsInput = el("input", {
      type: "number", id: "blpg-steps", min: 1, max: 2000, step: 1, value: state.steps,
    });
    const stepsRow = el("div", { class: "blpg-row" }, [
      el("label", { for: "blpg-steps", text: "steps" }), stepsInput,
    ]);
    const trainButton = el("button", { type: "button", id: "blpg-train", text: "Train" });
    const stepButton = el("button", { type: "button", id: "blpg-step", text: "One step" });
    const resetButton = el("button", {
      type: "button", id: "blpg-reset", text: "Reset to w = 0, b = 0",
    });
    const buttons = el("div", { class: "blpg-buttons" }, [
      trainButton, stepButton, resetButton,
    ]);
    const readout = el("p", { class: "blpg-readout", id: "blpg-readout" });
    const warning = el("p", { class: "blpg-warning", id: "blpg-warning", hidden: "" });
    // what the live region says is on screen already: read out, not shown twice
    // (visually-hidden: the theme's Bootstrap class)
    const live = el("p", {
      class: "blpg-live visually-hidden", id: "blpg-live", "aria-live": "polite",
      role: "status",
    });
    const controls = el("div", { class: "blpg-controls" }, [
      w1.row, w2.row, bias.row, eta.row, stepsRow, buttons,
    ]);

    const figure = function (id, caption, label) {
      const canvas = el("canvas", { id: id, role: "img", "aria-label": label });
      return {
        canvas: canvas,
        node: el("figure", { class: "blpg-figure" }, [
          canvas, el("figcaption", { text: caption }),
        ]),
      };
    };
    const dataPlot = figure(
      "blpg-data-plot",
      "The " + Y.length + " samples (class 0 circles, class 1 triangles), the probability of " +
        "class 1 as shading, the decision boundary (solid) and the 10 % and 90 % " +
        "lines (dashed). Drag the line to move it, its arrow (w) to turn it.",
      "Feature plane: the training samples and the model's decision boundary. " +
        "The sliders w₁, w₂ and b move the boundary the same way dragging does."
    );
    const curvePlot = figure(
      "blpg-curve-plot",
      "Learning curve: the cost J after each step, on a logarithmic axis; " +
        "crosses mark steps that raised the cost, the dashed line the minimum.",
      "Learning curve of the current run; the numbers are read out below the controls."
    );
    const mapPlot = figure(
      "blpg-map-plot",
      "The cost over w₁ and w₂ at the current b (contour lines), the path of " +
        "training, the minimum (star) and the next step −η·dw (arrow).",
      "Contour map of the cost over the two weights with the path of training."
    );
    root.append(
      controls, readout, warning, live,
      el("div", { class: "blpg-plots" }, [dataPlot.node, mapPlot.node, curvePlot.node])
    );
    const markPosition = slidePosition(limit);
    mark.style.left = "calc(8px + " + markPosition + " * (100% - 16px))";
    guarantee.style.setProperty("--blpg-limit", markPosition * 100 + "%");

    // -- state and text
    function evaluate() {
      const g = forwardAndBackward(state.w, state.b, X, Y);
      state.J = g.J;
      state.grad = g;
    }

    function describeEta(value) {
      const ratio = value / limit;
      const where = ratio <= 1
        ? "below 2/β: every step is guaranteed to lower the cost"
        : fmt(ratio, ratio < 10 ? 1 : 0) + " times 2/β: no guarantee";
      return "η = " + Number(value.toPrecision(4)) + ", " + where;
    }

    function syncControls() {
      const set = function (s, value) {
        s.input.value = Math.min(RANGE, Math.max(-RANGE, value));
        s.output.textContent = fmt(value, 2);
        s.input.setAttribute("aria-valuetext", fmt(value, 2));
      };
      set(w1, state.w[0]);
      set(w2, state.w[1]);
      set(bias, state.b);
      eta.input.value = nearestNiceIndex(state.stepSize);
      eta.input.setAttribute("aria-valuetext", describeEta(state.stepSize));
      eta.output.textContent = describeEta(state.stepSize);
      if (document.activeElement !== etaExact) etaExact.value = state.stepSize;
      trainButton.textContent = state.running ? "Pause" : "Train";
      trainButton.setAttribute("aria-pressed", state.running ? "true" : "false");
    }

    function summary() {
      const k = state.history.length;
      const g = state.grad;
      return (
        (k ? "After " + k + (k === 1 ? " step" : " steps") + ": " : "") +
        "cost J = " + fmt(state.J, 4) +
        "; w₁ = " + fmt(state.w[0], 3) + ", w₂ = " + fmt(state.w[1], 3) +
        ", b = " + fmt(state.b, 3) +
        "; gradient dw = (" + fmt(g.dw[0], 4) + ", " + fmt(g.dw[1], 4) +
        "), db = " + fmt(g.db, 4) + "."
      );
    }

    function warningText() {
      const n = state.rises.length;
      if (!n) return "";
      return (
        "The cost went up at " + n + " of " + state.history.length +
        (state.history.length === 1 ? " step" : " steps") +
        ", first at step " + (state.rises[0] + 1) +
        " (crosses on the learning curve): η = " +
        Number(state.stepSize.toPrecision(4)) + " is " +
        fmt(state.stepSize / limit, 1) +
        " times 2/β, and a step that long can jump over the valley of the cost."
      );
    }

    let announceTimer = null;
    function announce(extra) {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(function () {
        const text = warningText();
        live.textContent = (extra ? extra + " " : "") + summary() + (text ? " " + text : "");
      }, 300);
    }

    function update(announceIt, extra) {
      evaluate();
      syncControls();
      readout.textContent = summary();
      const text = warningText();
      warning.textContent = text;
      warning.hidden = !text;
      if (announceIt) announce(extra);
      scheduleDraw();
    }

    function clearRun() {
      state.history = [];
      state.path = [];
      state.rises = [];
    }

    /** One step of training from the current parameters, recorded for the plots. */
    function trainOneStep() {
      const next = step(state.w, state.b, X, Y, state.stepSize);
      if (!state.history.length) state.path.push([state.w[0], state.w[1], state.b]);
      state.history.push(next.J);
      state.w = next.w;
      state.b = next.b;
      state.path.push([state.w[0], state.w[1], state.b]);
      const after = forwardAndBackward(state.w, state.b, X, Y).J;
      if (rose(next.J, after)) {
        state.rises.push(state.history.length - 1);
        if (state.rises.length === 1) {
          clearTimeout(announceTimer);
          live.textContent = "Step " + state.history.length + " raised the cost from " +
            fmt(next.J, 4) + " to " + fmt(after, 4) + ".";
        }
      }
      return Number.isFinite(after) && state.w.every(Number.isFinite);
    }

    function stop(message) {
      state.running = false;
      clearTimeout(state.timer);
      update(true, message);
    }

    /** Train towards state.goal, a few steps per frame, until done or paused;
     *  all at once for readers who asked their system for reduced motion. */
    function run() {
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      const perFrame = still ? Infinity : Math.max(1, Math.ceil(state.steps / 100));
      const tick = function () {
        if (!state.running) return;
        for (let i = 0; i < perFrame && state.history.length < state.goal; i++) {
          if (!trainOneStep()) {
            state.goal = null;
            stop("Training stopped: the parameters are no longer finite.");
            return;
          }
        }
        update(false);
        if (state.history.length >= state.goal) {
          state.goal = null;
          stop("Training finished.");
        } else {
          state.timer = setTimeout(tick, 20);
        }
      };
      tick();
    }

    // -- events
    function onParameter(index) {
      return function (event) {
        if (state.running) { state.running = false; clearTimeout(state.timer); }
        state.goal = null;
        const value = Number(event.target.value);
        if (index === 2) state.b = value; else state.w[index] = value;
        clearRun();
        update(true);
      };
    }
    w1.input.addEventListener("input", onParameter(0));
    w2.input.addEventListener("input", onParameter(1));
    bias.input.addEventListener("input", onParameter(2));

    function setStepSize(value) {
      if (!(value > 0)) return;
      state.stepSize = Math.min(1000, Math.max(NICE[0], value));
      update(true, describeEta(state.stepSize) + ".");
    }
    eta.input.addEventListener("input", function () {
      setStepSize(NICE[Number(eta.input.value)]);
    });
    etaExact.addEventListener("change", function () {
      setStepSize(Number(etaExact.value));
    });
    stepsInput.addEventListener("change", function () {
      const value = Math.round(Number(stepsInput.value));
      state.steps = Math.min(2000, Math.max(1, value || 1));
      stepsInput.value = state.steps;
      state.goal = null;
    });
    trainButton.addEventListener("click", function () {
      if (state.running) {
        stop("Paused.");
        return;
      }
      state.running = true;
      clearTimeout(announceTimer);
      if (!state.goal) state.goal = state.history.length + state.steps;
      syncControls();
      live.textContent = "Training " + state.steps + " steps with " +
        describeEta(state.stepSize) + ".";
      run();
    });
    stepButton.addEventListener("click", function () {
      if (state.running) { state.running = false; clearTimeout(state.timer); }
      trainOneStep();
      update(true);
    });
    resetButton.addEventListener("click", function () {
      state.running = false;
      clearTimeout(state.timer);
      state.goal = null;
      state.w = [0, 0];
      state.b = 0;
      clearRun();
      update(true, "Reset.");
    });

    // dragging the boundary in the feature plane (the sliders do the same)
    let drag = null;
    let dataAxes = null;
    function handles() {
      const w = state.w, norm2 = w[0] * w[0] + w[1] * w[1];
      if (!(norm2 > 0)) return null;
      const anchor = [(-state.b * w[0]) / norm2, (-state.b * w[1]) / norm2];
      return { anchor: anchor, head: [anchor[0] + w[0] * 0.4, anchor[1] + w[1] * 0.4] };
    }
    function pointerData(event) {
      const rect = dataPlot.canvas.getBoundingClientRect();
      const px = event.clientX - rect.left, py = event.clientY - rect.top;
      return { px: px, py: py, x: dataAxes.x(px), y: dataAxes.y(py) };
    }
    dataPlot.canvas.addEventListener("pointerdown", function (event) {
      if (!dataAxes) return;
      const p = pointerData(event);
      const h = handles();
      if (h) {
        const hx = dataAxes.px(h.head[0]), hy = dataAxes.py(h.head[1]);
        if (Math.hypot(p.px - hx, p.py - hy) < 16) {
          drag = { mode: "turn", anchor: h.anchor };
        } else {
          const norm = Math.hypot(state.w[0], state.w[1]);
          const z = state.w[0] * p.x + state.w[1] * p.y + state.b;
          const distancePx = (Math.abs(z) / norm) * (dataAxes.w / (DATA_VIEW.x[1] - DATA_VIEW.x[0]));
          if (distancePx < 14) drag = { mode: "move" };
        }
      }
      if (drag) {
        if (state.running) { state.running = false; clearTimeout(state.timer); }
        state.goal = null;
        dataPlot.canvas.setPointerCapture(event.pointerId);
        event.preventDefault();
      }
    });
    dataPlot.canvas.addEventListener("pointermove", function (event) {
      if (!drag) return;
      const p = pointerData(event);
      if (drag.mode === "move") {
        state.b = -(state.w[0] * p.x + state.w[1] * p.y); // the line through p
      } else {
        const a = drag.anchor;
        state.w = [(p.x - a[0]) / 0.4, (p.y - a[1]) / 0.4];
        state.b = -(state.w[0] * a[0] + state.w[1] * a[1]); // still through a
      }
      clearRun();
      update(false);
    });
    const endDrag = function () {
      if (drag) { drag = null; update(true); }
    };
    dataPlot.canvas.addEventListener("pointerup", endDrag);
    dataPlot.canvas.addEventListener("pointercancel", endDrag);

    // -- the plots
    let drawPending = false;
    function scheduleDraw() {
      if (drawPending) return;
      drawPending = true;
      requestAnimationFrame(function () {
        drawPending = false;
        const c = colours(root);
        drawData(c);
        drawMap(c);
        drawCurve(c);
      });
    }

    function drawData(c) {
      const box = prepare(dataPlot.canvas, 0.78);
      const ctx = box.ctx;
      const ax = axes(box, DATA_VIEW.x, DATA_VIEW.y);
      // equal scales on both axes: shrink the box to fit
      const scale = Math.min(ax.w / 10, ax.h / 7.2);
      ax.w = scale * 10; ax.h = scale * 7.2;
      dataAxes = ax;
      // the probability σ(wᵀx + b) as shading: a gradient across the boundary
      const w = state.w, norm = Math.hypot(w[0], w[1]);
      const tint = function (a) {
        const from = c.dark ? [86, 180, 233] : [0, 114, 178];
        const to = [230, 159, 0];
        const mix = from.map(function (v, i) { return Math.round(v + a * (to[i] - v)); });
        return "rgba(" + mix.join(",") + "," + (c.dark ? 0.32 : 0.22) + ")";
      };
      if (norm > 0) {
        const h = handles();
        const zoom = 6 / norm; // z from −6 to 6 along w
        const x0 = ax.px(h.anchor[0] - (w[0] / norm) * zoom);
        const y0 = ax.py(h.anchor[1] - (w[1] / norm) * zoom);
        const x1 = ax.px(h.anchor[0] + (w[0] / norm) * zoom);
        const y1 = ax.py(h.anchor[1] + (w[1] / norm) * zoom);
        const gradient = ctx.createLinearGradient(x0, y0, x1, y1);
        for (let z = -6; z <= 6; z += 0.5) gradient.addColorStop((z + 6) / 12, tint(sigmoid(z)));
        ctx.fillStyle = gradient;
      } else {
        ctx.fillStyle = tint(sigmoid(state.b));
      }
      ctx.fillRect(ax.left, ax.top, ax.w, ax.h);
      drawFrame(ctx, ax, c, "feature x₁", "feature x₂", niceTicks(-5, 5, 5), niceTicks(-3.6, 3.6, 4));
      // the samples
      ctx.save();
      ctx.beginPath(); ctx.rect(ax.left, ax.top, ax.w, ax.h); ctx.clip();
      ctx.lineWidth = 1;
      for (let m = 0; m < Y.length; m++) {
        const one = Y[m] === 1;
        marker(ctx, one ? "triangle" : "circle", ax.px(X[0][m]), ax.py(X[1][m]), 2.6);
        ctx.fillStyle = one ? c.class1 : c.class0;
        ctx.globalAlpha = 0.85;
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      // the lines a = 0.5 (solid), 0.1 and 0.9 (dashed): wᵀx + b = logit(a)
      if (norm > 0) {
        const h = handles();
        const along = [-w[1] / norm, w[0] / norm];
        [[0, []], [Math.log(9), [6, 4]], [-Math.log(9), [6, 4]]].forEach(function (line) {
          const shift = line[0] / norm;
          const cx = h.anchor[0] + (w[0] / norm) * shift, cy = h.anchor[1] + (w[1] / norm) * shift;
          ctx.setLineDash(line[1]);
          ctx.strokeStyle = c.line;
          ctx.lineWidth = line[0] === 0 ? 2.5 : 1.3;
          ctx.beginPath();
          ctx.moveTo(ax.px(cx - 30 * along[0]), ax.py(cy - 30 * along[1]));
          ctx.lineTo(ax.px(cx + 30 * along[0]), ax.py(cy + 30 * along[1]));
          ctx.stroke();
        });
        ctx.setLineDash([]);
        arrow(ctx, ax.px(h.anchor[0]), ax.py(h.anchor[1]), ax.px(h.head[0]), ax.py(h.head[1]), c.line, 2);
        marker(ctx, "circle", ax.px(h.head[0]), ax.py(h.head[1]), 7);
        ctx.strokeStyle = c.line;
        ctx.stroke();
      }
      ctx.restore();
      if (!(norm > 0)) {
        ctx.fillStyle = c.text;
        ctx.font = "13px system-ui, sans-serif";
        ctx.fillText("w = 0: a = σ(b) everywhere, no boundary", ax.left + 6, ax.top + 16);
      }
    }

    /** The cost on a grid of (w₁, w₂) at bias b; while training runs, a grid
     *  for a b within 0.02 of this one will do. */
    function costGrid(b) {
      const n = 49;
      const near = state.running ? 0.02 : 0;
      if (state.grid && Math.abs(state.gridB - b) <= near) return state.grid;
      const grid = new Float64Array(n * n);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const w = [-RANGE + (2 * RANGE * i) / (n - 1), -RANGE + (2 * RANGE * j) / (n - 1)];
          grid[j * n + i] = costFromLogits(Y, linear(w, b, X));
        }
      }
      state.grid = { values: grid, n: n };
      state.gridB = b;
      return state.grid;
    }

    function drawMap(c) {
      const box = prepare(mapPlot.canvas, 0.9);
      const ctx = box.ctx;
      const ax = axes(box, [-RANGE, RANGE], [-RANGE, RANGE]);
      const side = Math.min(ax.w, ax.h);
      ax.w = ax.h = side;
      drawFrame(ctx, ax, c, "weight w₁", "weight w₂", niceTicks(-RANGE, RANGE, 6), niceTicks(-RANGE, RANGE, 6));
      const grid = costGrid(state.b);
      const cell = (2 * RANGE) / (grid.n - 1);
      ctx.save();
      ctx.beginPath(); ctx.rect(ax.left, ax.top, ax.w, ax.h); ctx.clip();
      LEVELS.forEach(function (level, index) {
        ctx.strokeStyle = c.muted;
        ctx.globalAlpha = 0.35 + 0.6 * (1 - index / LEVELS.length);
        ctx.lineWidth = 1;
        ctx.beginPath();
        contourSegments(grid.values, grid.n, level).forEach(function (s) {
          ctx.moveTo(ax.px(-RANGE + s[0][0] * cell), ax.py(-RANGE + s[0][1] * cell));
          ctx.lineTo(ax.px(-RANGE + s[1][0] * cell), ax.py(-RANGE + s[1][1] * cell));
        });
        ctx.stroke();
      });
      ctx.globalAlpha = 1;
      // the minimum
      marker(ctx, "star", ax.px(minimum.w[0]), ax.py(minimum.w[1]), 8);
      ctx.fillStyle = c.text;
      ctx.fill();
      // the path of training, rising steps crossed
      if (state.path.length > 1) {
        ctx.strokeStyle = c.path;
        ctx.lineWidth = 1.8;
        ctx.beginPath();
        state.path.forEach(function (p, k) {
          if (k === 0) ctx.moveTo(ax.px(p[0]), ax.py(p[1]));
          else ctx.lineTo(ax.px(p[0]), ax.py(p[1]));
        });
        ctx.stroke();
        ctx.strokeStyle = c.rise;
        ctx.lineWidth = 2;
        state.rises.forEach(function (k) {
          const p = state.path[k + 1];
          marker(ctx, "cross", ax.px(p[0]), ax.py(p[1]), 4);
          ctx.stroke();
        });
      }
      // where we are, and the next step −η·dw
      const x0 = ax.px(state.w[0]), y0 = ax.py(state.w[1]);
      const g = state.grad;
      const tip = clipToBox(
        ax, x0, y0,
        ax.px(state.w[0] - state.stepSize * g.dw[0]),
        ax.py(state.w[1] - state.stepSize * g.dw[1])
      );
      if (tip && Math.hypot(tip[0] - x0, tip[1] - y0) > 2) {
        arrow(ctx, x0, y0, tip[0], tip[1], c.rise, 2);
      }
      marker(ctx, "circle", x0, y0, 5);
      ctx.fillStyle = c.path;
      ctx.fill();
      ctx.strokeStyle = c.line;
      ctx.lineWidth = 1.5;
      ctx.stroke();
      ctx.restore();
      if (!clipToBox(ax, x0, y0, x0, y0)) {
        ctx.fillStyle = c.text;
        ctx.font = "12px system-ui, sans-serif";
        ctx.fillText("(w₁, w₂) is off the map", ax.left + 6, ax.top + 16);
      }
    }

    function drawCurve(c) {
      const box = prepare(curvePlot.canvas, root.clientWidth < 560 ? 0.7 : 0.42);
      const ctx = box.ctx;
      const costs = state.history.length ? state.history.concat([state.J]) : [state.J];
      const top = Math.max(1, Math.max.apply(null, costs) * 1.3);
      let bottom = Math.min(minimum.cost * 0.8, Math.min.apply(null, costs) * 0.9);
      const steps = Math.max(state.steps, costs.length - 1, 1);
      let ax = axes(box, [0, steps], [bottom, top], { logY: true });
      // No cost is below J*: its label goes under the dashed line, where the curve
      // never is; lower the axis until 19 px of the plot lie under the line.
      const room = 19 / ax.h;
      const lowest = (Math.log10(minimum.cost) - room * Math.log10(top)) / (1 - room);
      if (Math.log10(bottom) > lowest) {
        bottom = Math.pow(10, lowest);
        ax = axes(box, [0, steps], [bottom, top], { logY: true });
      }
      drawFrame(ctx, ax, c, "step k", "cost J", niceTicks(0, steps, 5), logTicks(bottom, top));
      ctx.save();
      ctx.beginPath(); ctx.rect(ax.left, ax.top, ax.w, ax.h); ctx.clip();
      ctx.setLineDash([5, 4]);
      ctx.strokeStyle = c.muted;
      ctx.lineWidth = 1.2;
      ctx.beginPath();
      ctx.moveTo(ax.left, ax.py(minimum.cost));
      ctx.lineTo(ax.left + ax.w, ax.py(minimum.cost));
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.strokeStyle = c.class0;
      ctx.lineWidth = 2;
      ctx.beginPath();
      costs.forEach(function (J, k) {
        if (k === 0) ctx.moveTo(ax.px(k), ax.py(J)); else ctx.lineTo(ax.px(k), ax.py(J));
      });
      ctx.stroke();
      ctx.strokeStyle = c.rise;
      state.rises.forEach(function (k) {
        marker(ctx, "cross", ax.px(k + 1), ax.py(costs[k + 1]), 4);
        ctx.stroke();
      });
      marker(ctx, "circle", ax.px(costs.length - 1), ax.py(costs[costs.length - 1]), 4);
      ctx.fillStyle = c.class0;
      ctx.fill();
      ctx.restore();
      ctx.fillStyle = c.muted;
      ctx.font = "12px system-ui, sans-serif";
      ctx.textAlign = "left";
      ctx.textBaseline = "top";
      ctx.fillText("minimum J* = " + fmt(minimum.cost, 4), ax.left + 6, ax.py(minimum.cost) + 3);
      ctx.textBaseline = "alphabetic";
    }

    // redraw on resizing and when the theme switches between light and dark
    if (window.ResizeObserver) new ResizeObserver(scheduleDraw).observe(root);
    new MutationObserver(scheduleDraw).observe(document.documentElement, {
      attributes: true, attributeFilter: ["data-theme", "data-mode"],
    });

    /** Where a point (x₁, x₂) of the feature plane is drawn, in CSS pixels from
     *  the plot's top left corner (for the tests that drag the boundary). */
    state.pixelOf = function (x1, x2) {
      return dataAxes ? [dataAxes.px(x1), dataAxes.py(x2)] : null;
    };
    update(false);
    return state;
  }

  function start() {
    const root = document.getElementById("blpg");
    const source = document.getElementById("blpg-data");
    if (!source) return;
    const data = JSON.parse(source.textContent);
    window.blPlayground = {
      data: data,
      /** Train on the page's data: {w1, w2, b, costs, finalCost}, costs[k] the cost
       *  before step k, as GradientDescentResult.costs. */
      train: function (options) {
        return train(data.X, data.Y, options);
      },
    };
    if (root) window.blPlayground.state = Playground(root, data);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
