"""Run every gallery example as a plain script, on less data.

The runner and what it checks are conftest.py's ``run_example`` fixture. The
examples that train the Keras reference run in test_keras_reference.py, with the
other tests that import TensorFlow (one pytest-xdist worker imports it); those that
start a Dask cluster are skipped where ``dask[distributed]`` (of the tutorial extra)
is not installed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import EXAMPLES, GALLERY, trains_keras

MIN_EXAMPLES = 9


def _param(script: Path):
    marks = []
    if "dask" in script.read_text(encoding="utf-8"):
        marks.append(
            pytest.mark.skipif(
                importlib.util.find_spec("distributed") is None,
                reason="needs dask[distributed], of the tutorial extra",
            )
        )
    return pytest.param(script, id=script.name, marks=marks)


def test_no_example_reads_test_settings():
    for script in EXAMPLES:
        text = script.read_text(encoding="utf-8")
        assert "os.environ" not in text and "test suite" not in text, script.name
        # the docs build offers the script as written: it starts with what it needs
        assert text.startswith("# Needs the binary-logreg package"), script.name


def test_gallery_is_found():
    names = [script.name for script in EXAMPLES]
    assert len(EXAMPLES) >= MIN_EXAMPLES, (
        f"only {len(EXAMPLES)} examples in {GALLERY}: {names}"
    )


@pytest.mark.parametrize(
    "script", [_param(script) for script in EXAMPLES if not trains_keras(script)]
)
def test_example_runs(script: Path, run_example) -> None:
    run_example(script)
