"""The checker on a corpus of learners' functions its catalogue does not hold.

Each learner of ``tests/exercises_corpus`` is labelled with the verdict it deserves:
a pass, a fail, or a fail naming a given mistake. No false pass, no false fail, no
crash, no hang, and every labelled mistake named (``python tests/exercises_corpus``
prints the counts).
"""

from __future__ import annotations

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
def test_the_verdict_is_the_deserved_one(item, monkeypatch, recwarn):
    if item.category == HANG:
        monkeypatch.setattr(safe_call, "TIME_LIMIT", 0.05)
    assert judge(exercises, item) == "right"
    assert not recwarn.list
