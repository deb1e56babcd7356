"""The checker on a corpus of learners' functions its catalogue does not hold.

Each learner of ``tests/exercises_corpus`` is labelled with the verdict it deserves:
a pass, a fail, or a fail naming a given mistake. No false pass, no false fail, no
crash, no hang (a hang ends the test run, with the stacks on the terminal), and every
labelled mistake named (``python tests/exercises_corpus`` prints the counts).
"""

from __future__ import annotations

import os

import pytest
from exercises_corpus import HANG, judge, load

from binary_logreg import exercises
from binary_logreg.exercises import safe_call

LEARNERS = load()


def test_the_corpus_is_large_and_varied():
    assert len(LEARNERS) >= 60
    assert sum(item.should_pass for item in LEARNERS) >= 25
    assert len({item.exercise for item in LEARNERS}) == len(exercises.EXERCISES)


@pytest.mark.parametrize("item", LEARNERS, ids=lambda item: item.id)
def test_the_verdict_is_the_deserved_one(item, monkeypatch, recwarn, terminal):
    if item.category == HANG:
        monkeypatch.setattr(safe_call, "TIME_LIMIT", 0.01)
    assert judge(exercises, item, file=terminal) == "right"
    assert not recwarn.list


@pytest.fixture(scope="module")
def terminal(pytestconfig):
    """The real stderr, out of pytest's capture: where a hang's stacks go."""
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        fd = os.dup(2)
    yield fd
    os.close(fd)
