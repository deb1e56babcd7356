"""Run every gallery example as a plain script, on less data.

The examples call :func:`binary_logreg.make_dataset` at the course's size and know
nothing of the tests. Here ``binary_logreg.make_dataset`` is replaced, while a script
runs, by a wrapper that makes at most ``TEST_SAMPLES`` samples, so the whole gallery
runs in seconds; the docs build runs the size the examples ask for. The number of
steps stays as written. Examples that train the Keras reference carry the ``keras``
marker; those that start a Dask cluster are skipped where ``dask[distributed]`` (of
the tutorial extra) is not installed. Every still
figure has a title, from which Sphinx-Gallery writes its alt text (its file name
otherwise), and no two figures of an example share one.
"""

from __future__ import annotations

import functools
import importlib.util
import runpy
from pathlib import Path

import matplotlib
import pytest

import binary_logreg

GALLERY = Path(__file__).parents[1] / "gallery"
SCRIPTS = sorted(GALLERY.glob("plot_*.py"))
TEST_SAMPLES = 3000
MIN_EXAMPLES = 9


def _param(script: Path):
    needs_keras = "keras_reference" in script.read_text(encoding="utf-8")
    marks = [pytest.mark.keras] if needs_keras else []
    if "dask" in script.read_text(encoding="utf-8"):
        marks.append(
            pytest.mark.skipif(
                importlib.util.find_spec("distributed") is None,
                reason="needs dask[distributed], of the tutorial extra",
            )
        )
    return pytest.param(script, id=script.name, marks=marks)


@pytest.fixture
def pyplot(monkeypatch):
    """Pyplot on the Agg backend, small data sets; style and figures reset afterwards."""
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.setattr(
        binary_logreg, "make_dataset", _small(binary_logreg.make_dataset)
    )
    plt.close("all")
    with matplotlib.rc_context():
        yield plt
    plt.close("all")


def _small(make_dataset):
    """make_dataset that makes at most TEST_SAMPLES samples, whatever it is asked for."""

    @functools.wraps(make_dataset)
    def make_small_dataset(n_samples=TEST_SAMPLES, **kwargs):
        return make_dataset(min(n_samples, TEST_SAMPLES), **kwargs)

    return make_small_dataset


def test_no_example_reads_test_settings():
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        assert "os.environ" not in text and "test suite" not in text, script.name
        # the docs build offers the script as written: it starts with what it needs
        assert text.startswith("# Needs the binary-logreg package"), script.name


def test_gallery_is_found():
    names = [script.name for script in SCRIPTS]
    assert len(SCRIPTS) >= MIN_EXAMPLES, (
        f"only {len(SCRIPTS)} examples in {GALLERY}: {names}"
    )


@pytest.mark.parametrize("script", [_param(script) for script in SCRIPTS])
def test_example_runs(script: Path, pyplot) -> None:
    namespace = runpy.run_path(str(script), run_name="__main__")
    assert pyplot.get_fignums(), f"{script.name} made no figure"
    animations = _animations(namespace)
    for animation in animations:
        # Render every frame as the docs build does (embedded HTML frames).
        assert "<img" in animation.to_jshtml(), f"{script.name}: empty animation"
    # Sphinx-Gallery takes a still figure's alt text from its titles
    animated = [animation._fig for animation in animations]
    alt_texts = [
        _alt_text(pyplot.figure(number))
        for number in pyplot.get_fignums()
        if pyplot.figure(number) not in animated
    ]
    assert all(alt_texts), f"{script.name}: a figure without a title: {alt_texts}"
    assert len(set(alt_texts)) == len(alt_texts), f"{script.name}: {alt_texts}"


def _alt_text(fig) -> str:
    """The alt text Sphinx-Gallery gives a figure: suptitle and axes titles."""
    titles = [fig.get_suptitle()]
    for ax in fig.axes:
        titles += [ax.get_title(loc=loc) for loc in ("left", "center", "right")]
    return ", ".join(title for title in titles if title)


def _animations(namespace: dict) -> list:
    from matplotlib.animation import Animation

    return [value for value in namespace.values() if isinstance(value, Animation)]
