r"""The tutorial's recurring figures, drawn once: the probability map and the confusion matrix.

Pages and gallery examples draw these figures with the functions below rather than
copying the Matplotlib code, so every copy of a figure looks the same and a fix
reaches all of them. Each function draws into an ``Axes`` that the caller made, in
the tutorial's style (``plt.style.use("binary_logreg.tutorial")``), and returns the
artist a caller needs for a colour bar.

This module needs Matplotlib, the package's ``plot`` extra
(``pip install "binary-logreg[plot]"``). ``import binary_logreg`` does not import
it, so the model, the training and the metrics work without Matplotlib.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

try:
    from matplotlib.axes import Axes
    from matplotlib.contour import QuadContourSet
    from matplotlib.image import AxesImage
    from matplotlib.lines import Line2D
except ImportError as error:  # pragma: no cover - exercised in a subprocess
    raise ImportError(
        "binary_logreg.plotting draws with Matplotlib, which is not installed; "
        'install it with the package\'s plot extra: pip install "binary-logreg[plot]"'
    ) from error

from binary_logreg._validation import (
    check_bias,
    check_binary_labels,
    check_data_matrix,
    check_weights,
)
from binary_logreg.metrics import confusion_matrix
from binary_logreg.model import _linear, _sigmoid

__all__ = ["plot_confusion_matrix", "plot_probability_map", "plot_samples"]

#: class 0 blue circles, class 1 orange triangles: colour is never the only cue
CLASS_MARKERS = {0: "o", 1: "^"}


def plot_probability_map(
    ax: Axes,
    w: ArrayLike,
    b: ArrayLike,
    *,
    xlim: tuple[float, float] = (-6.0, 6.0),
    ylim: tuple[float, float] = (-5.0, 5.0),
    levels: Sequence[float] = (0.1, 0.5, 0.9),
    resolution: int = 241,
) -> QuadContourSet:
    r"""Draw the model's probability of class 1 over the feature plane, and its boundary.

    Filled contours show :math:`\hat y = \sigma(w^\mathsf{T} x + b)`, equation
    :eq:`eq-forward`, in ten bands from 0 to 1; black lines mark the probabilities
    in ``levels``: a solid line the decision boundary :math:`\hat y = 0.5`,
    equation :eq:`eq-decision-boundary`, dashed lines the others. Both axes get the
    same scale, so the weight vector looks perpendicular to the boundary.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    w : array_like, shape (2, 1) or (2,)
        Weights of a model with two features.
    b : float or array of size 1
        Bias.
    xlim, ylim : tuple of float
        The part of the plane to draw, features :math:`x_1` and :math:`x_2`.
    levels : sequence of float, default=(0.1, 0.5, 0.9)
        Probabilities to mark with a line; 0.5 gets the solid one.
    resolution : int, default=241
        Grid points along :math:`x_1` (along :math:`x_2` in proportion).

    Returns
    -------
    matplotlib.contour.QuadContourSet
        The filled contours, for ``fig.colorbar``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from binary_logreg.plotting import plot_probability_map, plot_samples
    >>> fig, ax = plt.subplots()
    >>> filled = plot_probability_map(ax, [1.0, -2.0], 0.5)
    >>> _ = plot_samples(ax, [[0.0, 1.0], [1.0, 0.0]], [0, 1])
    >>> _ = fig.colorbar(filled, ax=ax, label="probability of class 1")
    """
    w = check_weights(w, 2)
    b = check_bias(b)
    n_x1 = int(resolution)
    n_x2 = max(2, round(n_x1 * (ylim[1] - ylim[0]) / (xlim[1] - xlim[0])))
    x1, x2 = np.meshgrid(np.linspace(*xlim, n_x1), np.linspace(*ylim, n_x2))
    grid = np.vstack([x1.ravel(), x2.ravel()])
    A = _sigmoid(_linear(w, b, grid)).reshape(x1.shape)  # (eq-forward)
    filled = ax.contourf(
        x1, x2, A, levels=np.linspace(0, 1, 11), cmap="PuOr_r", alpha=0.4
    )
    levels = sorted(float(level) for level in levels)
    boundary = [np.isclose(level, 0.5) for level in levels]
    ax.contour(
        x1,
        x2,
        A,
        levels=levels,
        colors="k",
        linewidths=[2.5 if is_boundary else 1.0 for is_boundary in boundary],
        linestyles=["-" if is_boundary else "--" for is_boundary in boundary],
    )
    if any(boundary):
        ax.plot([], [], "k-", lw=2.5, label=r"decision boundary $\hat y = 0.5$")
    others = [f"{lv:g}" for lv, is_b in zip(levels, boundary, strict=True) if not is_b]
    if others:
        ax.plot([], [], "k--", lw=1, label=rf"$\hat y$ = {' and '.join(others)}")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.set_xlabel("feature $x_1$")
    ax.set_ylabel("feature $x_2$")
    ax.grid(False)
    return filled


def plot_samples(
    ax: Axes, X: ArrayLike, Y: ArrayLike, *, n: int | None = 2000, label: str = ""
) -> list[Line2D]:
    """Scatter samples of two features: class 0 blue circles, class 1 orange triangles.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    X : array_like, shape (2, M)
        Samples, one column each (the course layout).
    Y : array_like, shape (1, M) or (M,)
        Their labels in {0, 1}.
    n : int or None, default=2000
        Draw only the first ``n`` samples, so that single ones stay visible;
        ``None`` draws all.
    label : str, default=""
        Text before "class 0" and "class 1" in the legend, e.g. ``"test samples, "``.

    Returns
    -------
    list of matplotlib.lines.Line2D
        One per class.
    """
    X = check_data_matrix(X)
    if X.shape[0] != 2:
        raise ValueError(f"X must have 2 features (rows) to plot, got {X.shape[0]}")
    Y = check_binary_labels(Y, "Y", X.shape[1])
    shown = slice(None) if n is None else slice(0, int(n))
    X, Y = X[:, shown], Y[0, shown]
    lines = []
    for value, marker in CLASS_MARKERS.items():
        keep = Y == value
        (line,) = ax.plot(
            X[0, keep],
            X[1, keep],
            marker,
            color=f"C{value}",
            mec="0.2",
            mew=0.3,
            ms=3.5,
            alpha=0.7,
            label=f"{label}class {value}",
        )
        lines.append(line)
    return lines


def plot_confusion_matrix(
    ax: Axes,
    Y_true: ArrayLike,
    Y_pred: ArrayLike,
    *,
    title: str = "Confusion matrix",
) -> AxesImage:
    """Draw the confusion matrix ``[[TN, FP], [FN, TP]]``, equation :eq:`eq-confusion-matrix`.

    Each cell shows its name, its count and its share of all samples; the shade
    grows with the count. True labels run down the rows, predicted labels across
    the columns, as :func:`binary_logreg.confusion_matrix` returns them.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    Y_true : array_like, shape (1, M) or (M,)
        True labels in {0, 1}.
    Y_pred : array_like, shape (1, M) or (M,)
        Predicted labels in {0, 1}, e.g. from :func:`binary_logreg.predict_labels`.
    title : str, default="Confusion matrix"
        The axes' title (a figure's alt text is made from its titles).

    Returns
    -------
    matplotlib.image.AxesImage
        The shaded cells.
    """
    counts = confusion_matrix(Y_true, Y_pred)  # validates both
    image = ax.imshow(counts, cmap="Blues", vmin=0, vmax=max(1, counts.max()))
    names = [["TN", "FP"], ["FN", "TP"]]
    for (i, j), count in np.ndenumerate(counts):
        dark = count > counts.max() / 2
        ax.text(
            j,
            i,
            f"{names[i][j]}\n{count}\n{100 * count / counts.sum():.1f} %",
            ha="center",
            va="center",
            color="white" if dark else "black",
        )
    ax.set_xticks([0, 1], labels=["0", "1"])
    ax.set_yticks([0, 1], labels=["0", "1"])
    ax.set_xlabel(r"predicted label $\hat y$")
    ax.set_ylabel("true label $y$")
    ax.set_title(title)
    ax.grid(False)
    return image
