"""One call of the learner's function: a time limit, every exception caught, warnings kept.

The design: where an alarm signal exists (Unix, and only in the main thread, where a
notebook runs its cells) a timer interrupts the call; elsewhere the call runs in a
daemon thread that the checker stops waiting for after the limit. A thread cannot be
killed, so its loop may go on running: the verdict then says to restart the kernel.
A subprocess is no option: a function defined in a notebook cell cannot be pickled
into one on macOS or Windows.
"""

from __future__ import annotations

import signal
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

#: seconds a single call of the learner's function may take
TIME_LIMIT = 5.0


class _TimeUp(BaseException):
    """Raised into the learner's function by the alarm (not an Exception: a bare
    ``except Exception`` of the learner does not swallow it)."""


@dataclass
class Outcome:
    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    #: the call still runs in a thread of its own (no alarm signal here)
    abandoned: bool = False
    warnings: tuple[str, ...] = ()


def alarm_available() -> bool:
    """Whether a signal timer can interrupt a call here (Unix, main thread)."""
    return hasattr(signal, "setitimer") and (
        threading.current_thread() is threading.main_thread()
    )


def _interrupt(signum: int, frame: Any) -> None:
    raise _TimeUp


def safe_call(fn: Callable, args: tuple, limit: float | None = None) -> Outcome:
    """``fn(*args)`` within ``limit`` seconds (default :data:`TIME_LIMIT`)."""
    limit = TIME_LIMIT if limit is None else limit
    outcome = Outcome()

    def run() -> None:
        with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            try:
                outcome.value = fn(*args)
            except _TimeUp:
                outcome.timed_out = True
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # SystemExit too: exit() is a verdict
                outcome.error = exc

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if alarm_available():
            previous = signal.signal(signal.SIGALRM, _interrupt)
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                run()
            except _TimeUp:  # the alarm rang just after the call returned
                outcome.timed_out = outcome.value is None
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        else:
            thread = threading.Thread(target=run, daemon=True, name="learner call")
            thread.start()
            thread.join(limit)
            outcome.timed_out = outcome.abandoned = thread.is_alive()
    outcome.warnings = tuple(
        dict.fromkeys(f"{w.category.__name__}: {w.message}" for w in caught)
    )
    return outcome
