"""The figures of binary_logreg.plotting draw what they claim; the package imports without them."""

from __future__ import annotations

import subprocess
import sys

import matplotlib
import numpy as np
import pytest

import binary_logreg as bl

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from binary_logreg.plotting import (
    plot_confusion_matrix,
    plot_probability_map,
    plot_samples,
)


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def _line_levels(ax):
    """The levels of the unfilled contour sets drawn into ax."""
    return [
        list(artist.levels)
        for artist in ax.collections
        if isinstance(artist, matplotlib.contour.ContourSet) and not artist.filled
    ]


def test_probability_map_fills_ten_bands_and_marks_the_levels(ax):
    filled = plot_probability_map(ax, [1.0, -2.0], 0.5)
    np.testing.assert_allclose(filled.levels, np.linspace(0, 1, 11))
    assert filled.filled
    assert _line_levels(ax) == [[0.1, 0.5, 0.9]]
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == [r"decision boundary $\hat y = 0.5$", r"$\hat y$ = 0.1 and 0.9"]
    assert ax.get_xlim() == (-6.0, 6.0) and ax.get_ylim() == (-5.0, 5.0)
    assert ax.get_aspect() == 1.0


def test_probability_map_boundary_lies_on_the_line_wx_plus_b_zero(ax):
    w, b = np.array([1.0, -2.0]), 0.5
    plot_probability_map(ax, w, b, levels=[0.5])
    (lines,) = [
        artist
        for artist in ax.collections
        if isinstance(artist, matplotlib.contour.ContourSet) and not artist.filled
    ]
    vertices = np.concatenate([path.vertices for path in lines.get_paths()])
    assert len(vertices) > 10
    np.testing.assert_allclose(vertices @ w + b, 0.0, atol=1e-6)


def test_probability_map_bands_hold_the_sigmoid_of_the_logits(ax):
    filled = plot_probability_map(ax, [5.0, 0.0], 0.0, xlim=(-1, 1), ylim=(-1, 1))
    bands = filled.get_paths()  # band k holds 0.1 k <= a < 0.1 (k + 1)
    for x1 in [-0.9, -0.1, 0.05, 0.3, 0.9]:
        a = bl.sigmoid(5.0 * x1)
        band = min(int(a * 10), 9)
        assert bands[band].contains_point((x1, 0.2)), (x1, a)
    assert filled.get_cmap().name == "PuOr_r"


def test_probability_map_refuses_three_features(ax):
    with pytest.raises(ValueError, match="w has 3 weights but X has 2"):
        plot_probability_map(ax, [1.0, 2.0, 3.0], 0.0)


def test_samples_are_circles_and_triangles_in_the_class_colours(ax):
    X = np.array([[0.0, 1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 0.0, 1.0, 0.0]])
    Y = np.array([0, 1, 1, 0, 1])
    lines = plot_samples(ax, X, Y, n=4, label="test samples, ")
    assert [line.get_marker() for line in lines] == ["o", "^"]
    assert [line.get_label() for line in lines] == [
        "test samples, class 0",
        "test samples, class 1",
    ]
    # only the first 4 samples: 2 of class 0 and 2 of class 1
    assert [len(line.get_xdata()) for line in lines] == [2, 2]
    np.testing.assert_array_equal(lines[1].get_xdata(), [1.0, 2.0])


def test_confusion_matrix_shows_every_count_and_share(ax):
    Y_true = np.array([0, 0, 0, 1, 1, 1, 1, 0, 1, 1])
    Y_pred = np.array([0, 0, 1, 1, 1, 0, 1, 0, 1, 1])
    image = plot_confusion_matrix(ax, Y_true, Y_pred, title="Test data")
    tn, fp, fn, tp = bl.confusion_matrix(Y_true, Y_pred).ravel()
    np.testing.assert_array_equal(image.get_array(), [[tn, fp], [fn, tp]])
    texts = {(t.get_position()): t.get_text() for t in ax.texts}
    assert texts == {
        (0, 0): f"TN\n{tn}\n{10 * tn:.1f} %",
        (1, 0): f"FP\n{fp}\n{10 * fp:.1f} %",
        (0, 1): f"FN\n{fn}\n{10 * fn:.1f} %",
        (1, 1): f"TP\n{tp}\n{10 * tp:.1f} %",
    }
    assert ax.get_title() == "Test data"
    assert ax.get_xlabel() == r"predicted label $\hat y$"
    assert ax.get_ylabel() == "true label $y$"


def test_confusion_matrix_validates_the_labels(ax):
    with pytest.raises(ValueError):
        plot_confusion_matrix(ax, [0, 1, 2], [0, 1, 1])


def test_package_imports_without_matplotlib():
    """The model needs no Matplotlib; plotting says how to get it."""
    code = """
import sys
sys.modules["matplotlib"] = None  # as if Matplotlib were not installed
import binary_logreg
assert "matplotlib" not in [m for m in sys.modules if sys.modules[m] is not None]
try:
    import binary_logreg.plotting
except ImportError as error:
    print(error)
else:
    raise SystemExit("binary_logreg.plotting imported without Matplotlib")
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert 'pip install "binary-logreg[plot]"' in done.stdout
