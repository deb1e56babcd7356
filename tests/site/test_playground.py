"""The gradient-descent playground computes what NumPy computes, and a keyboard drives it.

The widget (``docs/_static/playground/playground.js``) trains in the browser on the
data the page embeds. Its test API, ``window.blPlayground.train``, is compared with
:func:`binary_logreg.gradient_descent` on the same data, read from the page:

- up to 2/β and somewhat beyond, every step damps rounding differences: the weights,
  the bias and every cost agree to 1e-12 relative (1e-12 absolute near zero);
- far beyond 2/β every unstable step amplifies them (JavaScript adds the samples in
  order, NumPy pairwise and with BLAS): there, the first 20 steps agree to 1e-10,
  and over the whole run the same steps raise the cost.

The largest differences found go to ``site-screenshots/playground-report.md``, next
to screenshots of the widget in light and dark mode and at 390 px.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from urllib.parse import urljoin

import numpy as np
import pytest

import binary_logreg as bl

pytestmark = pytest.mark.site

PAGES = ["playground.html", "gradient_descent.html"]
#: (w1, w2, b, step size, steps): from zero weights, below, at and a little above
#: the bound 2/β ≈ 3.2 of the data, and from elsewhere on the map
CLOSE = [
    (0.0, 0.0, 0.0, 0.25, 200),
    (0.0, 0.0, 0.0, 2.7, 200),
    (0.0, 0.0, 0.0, "limit", 200),
    (0.0, 0.0, 0.0, 3.5, 200),
    (0.0, 0.0, 0.0, 30.0, 200),
    (0.0, 0.0, 0.0, 40.0, 200),
    (1.5, -2.0, 0.5, 2.5, 300),
]
#: far beyond 2/β, where every unstable step amplifies rounding
FAR = [(0.0, 0.0, 0.0, 100.0, 200), (0.0, 0.0, 0.0, 1000.0, 200)]
RTOL = ATOL = 1e-12
FAR_TOL = 1e-10
FAR_STEPS = 20


def _rises(costs: np.ndarray) -> np.ndarray:
    """Steps that raised the cost: the test of gradient_descent's DivergenceWarning."""
    return np.diff(costs) > 1e-12 * np.maximum(1.0, np.abs(costs[:-1]))


def _numpy_run(data: dict, w1, w2, b, step_size, steps) -> dict:
    X = np.array(data["X"])
    Y = np.array(data["Y"])[np.newaxis, :]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", bl.DivergenceWarning)
        run = bl.gradient_descent(
            X, Y, np.array([w1, w2]), b, step_size=step_size, steps=steps
        )
    return {
        "w1": run.w[0, 0],
        "w2": run.w[1, 0],
        "b": run.b,
        "costs": np.append(run.costs, run.final_cost),
    }


def _browser_run(page, w1, w2, b, step_size, steps) -> dict:
    result = page.evaluate(
        "options => window.blPlayground.train(options)",
        {"w1": w1, "w2": w2, "b": b, "stepSize": step_size, "steps": steps},
    )
    result["costs"] = np.append(result["costs"], result["finalCost"])
    return result


def _relative_difference(a, b) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), ATOL / RTOL)))


def _open(browser, url: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    page.goto(url, wait_until="load")
    page.wait_for_function("window.blPlayground !== undefined")
    return context, page, errors


@pytest.fixture(scope="module")
def differences(screenshot_dir: Path):
    """The largest differences found, written out for the review."""
    rows: list[str] = []
    yield rows
    if rows:
        (screenshot_dir / "playground-report.md").write_text(
            "| page | w1, w2, b at the start | step size | steps | compared | "
            "max rel. diff. weights | max rel. diff. costs | steps raising J |\n"
            "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |\n"
            + "\n".join(rows)
            + "\n",
            encoding="utf-8",
        )


@pytest.mark.parametrize("page_path", PAGES)
def test_the_browser_trains_as_numpy(
    browser, base_url: str, site_root: Path, differences: list, page_path: str
):
    context, page, errors = _open(browser, urljoin(base_url, page_path))
    try:
        data = page.evaluate("window.blPlayground.data")
        exported = json.loads(
            (site_root / "_static/playground/data.json").read_text(encoding="utf-8")
        )
        assert data == exported, "the page embeds other data than data.json"
        assert len(data["Y"]) == len(data["X"][0]) == 500
        limit = data["step_size_limit"]
        X = np.array(data["X"])
        assert limit == pytest.approx(bl.step_size_limit(X), rel=1e-15)
        failures = []
        for w1, w2, b, eta, steps in CLOSE:
            eta = limit if eta == "limit" else eta
            ours = _browser_run(page, w1, w2, b, eta, steps)
            numpy = _numpy_run(data, w1, w2, b, eta, steps)
            weights = [ours[k] for k in ("w1", "w2", "b")]
            expected = [numpy[k] for k in ("w1", "w2", "b")]
            d_w = _relative_difference(weights, expected)
            d_J = _relative_difference(ours["costs"], numpy["costs"])
            differences.append(
                f"| {page_path} | {w1:g}, {w2:g}, {b:g} | {eta:.4g} | {steps} | "
                f"all steps | {d_w:.1e} | {d_J:.1e} | {int(_rises(numpy['costs']).sum())} |"
            )
            try:
                np.testing.assert_allclose(weights, expected, rtol=RTOL, atol=ATOL)
                np.testing.assert_allclose(
                    ours["costs"], numpy["costs"], rtol=RTOL, atol=ATOL
                )
            except AssertionError as error:
                failures.append(f"step size {eta:g} from {w1, w2, b}: {error}")
        for w1, w2, b, eta, steps in FAR:
            first = _browser_run(page, w1, w2, b, eta, FAR_STEPS)
            first_numpy = _numpy_run(data, w1, w2, b, eta, FAR_STEPS)
            ours = _browser_run(page, w1, w2, b, eta, steps)
            numpy = _numpy_run(data, w1, w2, b, eta, steps)
            weights = [first[k] for k in ("w1", "w2", "b")]
            expected = [first_numpy[k] for k in ("w1", "w2", "b")]
            d_w = _relative_difference(weights, expected)
            d_J = _relative_difference(first["costs"], first_numpy["costs"])
            rises, rises_numpy = _rises(ours["costs"]), _rises(numpy["costs"])
            d_w_all = _relative_difference(
                [ours[k] for k in ("w1", "w2", "b")],
                [numpy[k] for k in ("w1", "w2", "b")],
            )
            differences.append(
                f"| {page_path} | {w1:g}, {w2:g}, {b:g} | {eta:g} | {steps} | first "
                f"{FAR_STEPS} steps (after all {steps}: {d_w_all:.1e}) | {d_w:.1e} | "
                f"{d_J:.1e} | {int(rises.sum())} in the browser, "
                f"{int(rises_numpy.sum())} in NumPy |"
            )
            try:
                np.testing.assert_allclose(
                    weights, expected, rtol=FAR_TOL, atol=FAR_TOL
                )
                np.testing.assert_allclose(
                    first["costs"], first_numpy["costs"], rtol=FAR_TOL, atol=FAR_TOL
                )
                np.testing.assert_array_equal(rises, rises_numpy)
            except AssertionError as error:
                failures.append(f"step size {eta:g} (far beyond 2/β): {error}")
            assert np.isfinite(ours["costs"]).all()
        assert not failures, "\n".join(failures)
        assert not errors, errors
    finally:
        context.close()


def test_the_issues_numbers_hold(browser, base_url: str):
    """2/β ≈ 3.2; η = 30 never raises J, η = 100 often, η = 1000 makes it jump."""
    context, page, _ = _open(browser, urljoin(base_url, "playground.html"))
    try:
        limit = page.evaluate("window.blPlayground.data.step_size_limit")
        assert 3.0 < limit < 3.4
        runs = {
            eta: _browser_run(page, 0.0, 0.0, 0.0, eta, 200) for eta in (30, 100, 1000)
        }
        assert not _rises(runs[30]["costs"]).any()
        assert 50 < _rises(runs[100]["costs"]).sum() < 120
        assert runs[1000]["costs"].max() > 20
    finally:
        context.close()


def _readout(page) -> str:
    return page.inner_text("#blpg-readout")


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+\.\d+", text.replace("−", "-"))]


def test_the_keyboard_drives_the_playground(browser, base_url: str):
    context, page, errors = _open(
        browser,
        urljoin(base_url, "playground.html"),
        viewport={"width": 1280, "height": 900},
    )
    try:
        # Tab reaches every control, in order
        order = [
            "blpg-w1",
            "blpg-w2",
            "blpg-b",
            "blpg-eta",
            "blpg-eta-exact",
            "blpg-steps",
            "blpg-train",
            "blpg-step",
            "blpg-reset",
        ]
        page.focus("#blpg-w1")
        reached = ["blpg-w1"]
        for _ in order[1:]:
            page.keyboard.press("Tab")
            reached.append(page.evaluate("document.activeElement.id"))
        assert reached == order
        # every control has a name a screen reader reads out
        for control in order:
            name = page.evaluate(
                """id => {
                    const el = document.getElementById(id);
                    if (el.labels && el.labels.length) return el.labels[0].textContent;
                    return el.getAttribute('aria-label') || el.textContent;
                }""",
                control,
            )
            assert name.strip(), f"#{control} has no accessible name"
        assert page.get_attribute("#blpg-live", "aria-live") == "polite"

        # the arrow keys move w1 by 0.01 each: J and the gradient change
        before = _readout(page)
        page.focus("#blpg-w1")
        for _ in range(50):
            page.keyboard.press("ArrowRight")
        assert page.input_value("#blpg-w1") == "0.5"
        assert page.inner_text("#blpg-w1-out") == "0.50"
        after = _readout(page)
        assert after != before
        page.wait_for_function(
            "document.getElementById('blpg-live').textContent.includes('w₁ = 0.500')"
        )
        # b down to -0.3
        page.focus("#blpg-b")
        for _ in range(30):
            page.keyboard.press("ArrowLeft")
        assert page.input_value("#blpg-b") == "-0.3"

        # the step size: End is 1000, Home 0.01, then type 100 exactly
        page.focus("#blpg-eta")
        page.keyboard.press("End")
        assert "η = 1000" in page.get_attribute("#blpg-eta", "aria-valuetext")
        page.keyboard.press("Home")
        assert "η = 0.01" in page.get_attribute("#blpg-eta", "aria-valuetext")
        assert "guaranteed" in page.get_attribute("#blpg-eta", "aria-valuetext")
        page.focus("#blpg-eta-exact")
        page.keyboard.press("Control+a")
        page.keyboard.type("100")
        page.keyboard.press("Tab")  # leaves the field: the value counts
        assert "η = 100," in page.get_attribute("#blpg-eta", "aria-valuetext")
        # Tab went on to the number of steps: 40 of them (the playground draws one
        # step a frame up to 100 steps: each run below takes 40 frames)
        assert page.evaluate("document.activeElement.id") == "blpg-steps"
        page.keyboard.press("Control+a")
        page.keyboard.type("40")
        page.keyboard.press("Tab")

        # Enter on Train trains 40 steps; the numbers shown are those of the API
        page.keyboard.press("Enter")
        assert page.inner_text("#blpg-train") == "Pause"
        page.wait_for_function(
            "document.getElementById('blpg-train').textContent === 'Train'",
            timeout=30_000,
        )
        expected = _browser_run(page, 0.5, 0.0, -0.3, 100.0, 40)
        shown = _numbers(_readout(page))
        # J, w1, w2, b as the readout rounds them
        assert shown[0] == pytest.approx(expected["costs"][-1], abs=5e-5)
        assert shown[1:4] == pytest.approx(
            [expected["w1"], expected["w2"], expected["b"]], abs=5e-4
        )
        rises = int(_rises(expected["costs"]).sum())
        assert rises > 0
        warning = page.inner_text("#blpg-warning")
        assert f"went up at {rises} of 40 steps" in warning
        page.wait_for_function(
            "document.getElementById('blpg-live').textContent.includes('finished')"
        )

        # Space pauses a run; at η = 1000 nothing shows NaN
        page.focus("#blpg-reset")
        page.keyboard.press("Enter")
        page.focus("#blpg-eta")
        page.keyboard.press("End")
        page.focus("#blpg-train")
        page.keyboard.press("Space")
        page.wait_for_timeout(200)
        page.keyboard.press("Space")
        assert page.inner_text("#blpg-train") == "Train"
        assert "Paused" in page.evaluate(
            "new Promise(r => setTimeout(() => "
            "r(document.getElementById('blpg-live').textContent), 500))"
        )
        page.keyboard.press("Space")  # resume to the end
        page.wait_for_function(
            "document.getElementById('blpg-train').textContent === 'Train'",
            timeout=30_000,
        )
        text = page.inner_text("#blpg")
        assert "NaN" not in text and "undefined" not in text
        assert "went up" in page.inner_text("#blpg-warning")
        assert not errors, errors
    finally:
        context.close()


def test_dragging_moves_the_boundary_as_the_sliders_do(browser, base_url: str):
    context, page, errors = _open(
        browser,
        urljoin(base_url, "playground.html"),
        viewport={"width": 1280, "height": 900},
    )
    try:
        # w = (1, 0), b = 0: the boundary is the vertical line x1 = 0
        page.focus("#blpg-w1")
        for _ in range(100):
            page.keyboard.press("ArrowRight")
        canvas = page.locator("#blpg-data-plot")
        canvas.scroll_into_view_if_needed()
        box = canvas.bounding_box()

        def screen(x1: float, x2: float) -> tuple[float, float]:
            px, py = page.evaluate(
                "p => window.blPlayground.state.pixelOf(p[0], p[1])", [x1, x2]
            )
            return box["x"] + px, box["y"] + py

        # drag the line from x1 = 0 to x1 = 1: then wᵀx + b = 0 at x1 = 1, b = -1
        page.mouse.move(*screen(0.0, -1.5))
        page.mouse.down()
        page.mouse.move(*screen(0.5, -1.5), steps=4)
        page.mouse.move(*screen(1.0, -1.5), steps=4)
        page.mouse.up()
        b = float(page.input_value("#blpg-b"))
        assert b == pytest.approx(-1.0, abs=0.05)
        assert page.inner_text("#blpg-b-out") == f"{b:.2f}".replace("-", "−")
        # drag the arrow's head (w/0.4 from the line's point nearest the origin)
        # to double its length: w1 = 2, the line stays at x1 = -b/w1
        page.mouse.move(*screen(-b + 0.4, 0.0))
        page.mouse.down()
        page.mouse.move(*screen(-b + 0.8, 0.0), steps=5)
        page.mouse.up()
        w1 = float(page.input_value("#blpg-w1"))
        assert w1 == pytest.approx(2.0, abs=0.1)
        assert float(page.input_value("#blpg-b")) == pytest.approx(2 * b, abs=0.1)
        assert not errors, errors
    finally:
        context.close()


def test_the_playground_works_from_the_folder(browser, site_root: Path):
    """Opened as a file (file://), where fetch and ES modules are refused."""
    context, page, errors = _open(browser, (site_root / "playground.html").as_uri())
    try:
        assert page.is_visible("#blpg-train")
        result = page.evaluate(
            "window.blPlayground.train({w1: 0, w2: 0, b: 0, stepSize: 2.5, steps: 5})"
        )
        assert len(result["costs"]) == 5
        assert result["costs"][0] == pytest.approx(np.log(2), rel=1e-15)
        assert not errors, errors
    finally:
        context.close()


@pytest.mark.parametrize(
    ("width", "scheme"),
    [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")],
)
def test_screenshots_for_review(browser, base_url: str, screenshot_dir, width, scheme):
    """The widget after 200 steps at η = 100, for a person to look at.

    The reader asked for reduced motion: the widget trains all steps at once and
    shows the end, as it shows it after its animation.
    """
    context, page, errors = _open(
        browser,
        urljoin(base_url, "playground.html"),
        viewport={"width": width, "height": 900},
        color_scheme=scheme,
        reduced_motion="reduce",
    )
    try:
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        page.fill("#blpg-eta-exact", "100")
        page.dispatch_event("#blpg-eta-exact", "change")
        page.click("#blpg-train")
        page.wait_for_function(
            "document.getElementById('blpg-train').textContent === 'Train'",
            timeout=30_000,
        )
        width_px = page.evaluate("document.getElementById('blpg').scrollWidth")
        box = page.evaluate("document.getElementById('blpg').clientWidth")
        assert width_px <= box + 1, "the playground overflows sideways"
        # the theme's sticky header would cover the top of a tall widget
        page.add_style_tag(content=".bd-header, .skip-link { display: none; }")
        page.locator("#blpg").screenshot(
            path=str(screenshot_dir / f"playground__widget_{width}px_{scheme}.jpg")
        )
        assert not errors, errors
    finally:
        context.close()
