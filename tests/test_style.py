"""The figure style ships with the package and loads by name, as pages and examples use it."""

from __future__ import annotations

from importlib.resources import files

import matplotlib
import pytest
from matplotlib.colors import same_color

# Okabe & Ito (2008), "Color Universal Design": the eight colours that stay
# distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}


@pytest.fixture
def tutorial_style():
    import matplotlib.pyplot as plt

    with matplotlib.rc_context():
        plt.style.use("binary_logreg.tutorial")
        yield matplotlib.rcParams


def test_style_file_is_package_data():
    assert files("binary_logreg").joinpath("tutorial.mplstyle").is_file()


def test_colour_cycle_is_okabe_ito(tutorial_style):
    cycle = tutorial_style["axes.prop_cycle"].by_key()["color"]
    # class 0 blue and class 1 orange, as the pages' text names them
    assert same_color(cycle[0], OKABE_ITO["blue"])
    assert same_color(cycle[1], OKABE_ITO["orange"])
    palette = [name for name, hex_ in OKABE_ITO.items() if name != "black"]
    found = [
        name
        for colour in cycle
        for name in palette
        if same_color(colour, OKABE_ITO[name])
    ]
    # all seven colours but black (a grey is the eighth), each once
    assert sorted(found) == sorted(palette)


def test_white_figures_with_a_light_grid(tutorial_style):
    assert same_color(tutorial_style["figure.facecolor"], "white")
    assert same_color(tutorial_style["savefig.facecolor"], "white")
    assert tutorial_style["axes.grid"]
    assert 0 < tutorial_style["grid.alpha"] < 1
    assert tutorial_style["image.cmap"] == "viridis"
