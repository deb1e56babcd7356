"""python tests/exercises_corpus: the counts of the corpus against binary_logreg.exercises."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from binary_logreg import exercises  # noqa: E402
from exercises_corpus import load, tally  # noqa: E402

outcomes = tally(exercises)
learners = load()
print(f"{len(learners)} learners: {sum(i.should_pass for i in learners)} right, "
      f"{sum(not i.should_pass for i in learners)} wrong")
for outcome, ids in sorted(outcomes.items()):
    print(f"{outcome}: {len(ids)}")
    if outcome != "right":
        for id_ in ids:
            print(f"    {id_}")
