"""One call of the learner's function: a time limit, exceptions caught, warnings kept.

Where an alarm signal exists (Unix, main thread, where a notebook runs its cells) a
timer raises :class:`_TimeUp` into the call, every 10 ms from the limit on. A trace
then unwinds the learner's frames, which ``except:`` may hold: a call raises (a
recursion that swallows it cannot explore on), a line jumps to the first of its
frame, out of every ``try``, and raises (3.11+: at the next line). An error ends a
trace or profile function: each sets the other first, and the call runs 50 frames
short of the recursion limit, so that they find room where a recursion reached it.
Python 3.10 calls no signal handler in a loop that jumps back to a ``try``: there the
trace is on from the start (the alarm rings inside it), and waits for the end of an
``except``, which it cannot jump out of; then it raises, where a ``try`` begins if
one does soon (a loop in the ``except`` may swallow anything raised inside).
Elsewhere the call runs in a daemon thread that the checker stops waiting for (a
thread cannot be killed; a notebook's function cannot be pickled into a subprocess
on macOS or Windows).
"""

from __future__ import annotations

import contextlib
import dis
import signal
import sys
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

#: seconds a single call of the learner's function may take
TIME_LIMIT = 5.0
#: 3.10's first instruction of a try, before which a raise leaves it alone
_SETUP_TRY = dis.opmap.get("SETUP_FINALLY")


class _TimeUp(BaseException):
    """The alarm (not an Exception: ``except Exception`` does not swallow it)."""


@dataclass
class Outcome:
    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    abandoned: bool = False  #: still running in a thread of its own
    swallowed: bool = False  #: an ``except`` of the learner's caught the alarm
    warnings: tuple[str, ...] = ()


def alarm_available() -> bool:
    """Whether a signal timer can interrupt a call here (Unix, main thread)."""
    main = threading.current_thread() is threading.main_thread()
    return hasattr(signal, "setitimer") and main


def safe_call(fn: Callable, args: tuple, limit: float | None = None) -> Outcome:
    """``fn(*args)`` within ``limit`` seconds (default :data:`TIME_LIMIT`)."""
    outcome, limit, moved = Outcome(), limit or TIME_LIMIT, set()
    calling, waits = False, 0  # the learner's function runs; lines in an except

    def trace(frame: Any, event: str, arg: Any) -> Any:
        """Once the time is up, a call raises, a line jumps out of its frame's tries
        and the next raises; the profile first, as an error ends the trace."""
        nonlocal waits
        if event not in ("call", "line") or not (calling and outcome.timed_out):
            return trace
        sys.setprofile(arm)
        if event == "call":  # no new frame: a recursion that swallows ends too
            raise _TimeUp
        handling = sys.exc_info()[1]
        outcome.swallowed |= isinstance(handling, _TimeUp)
        # 3.10, after a while in an except: out by a raise, best where a try begins
        at_try = waits > 100 and frame.f_code.co_code[frame.f_lasti] == _SETUP_TRY
        if frame in moved or at_try or waits > 200:
            raise _TimeUp
        if handling is not None and sys.version_info < (3, 11):  # maybe in an except
            waits += 1  # which 3.10 cannot jump out of: its end, for a while
            return trace
        with contextlib.suppress(ValueError):
            frame.f_lineno = next(n for *_, n in frame.f_code.co_lines() if n)
        if sys.version_info < (3, 11):  # it raises where it jumped to; 3.11+ from
            raise _TimeUp
        moved.add(frame)
        return trace

    def arm(frame: Any, event: str = "", arg: Any = None) -> None:
        """The trace again where an error ended it; a call raises (a profile function
        too, which an error ends in turn: the trace sets it again)."""
        if not (calling and outcome.timed_out):
            return
        if sys.gettrace() is not trace:
            learners = []  # up to run's
            while frame is not None and frame.f_code is not run.__code__:
                learners.append(frame)
                frame = frame.f_back
            if frame is not None:
                sys.settrace(trace)
                for learner in learners:
                    learner.f_trace = trace
        if event == "call":
            raise _TimeUp

    def run(traced: bool = False) -> None:
        nonlocal calling
        try:
            with np.errstate(all="warn", under="ignore"):
                if traced:  # the learner's frames only: run's own is not traced
                    sys.settrace(trace)
                calling = True
                try:
                    outcome.value = fn(*args)
                finally:
                    calling = False
        except _TimeUp:
            outcome.timed_out = True
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit too: exit() is a verdict
            outcome.error = exc

    def ring(signum: int, frame: Any) -> None:
        codes, inside = set(), frame
        while inside is not None and inside.f_code is not run.__code__:
            codes, inside = codes | {inside.f_code}, inside.f_back
        if inside is None or frame is inside or not calling or ring.__code__ in codes:
            return  # not inside the call, or inside this handler (it runs on)
        sys.setrecursionlimit(depth)  # room for the trace where a recursion stopped
        outcome.timed_out = True
        arm(frame)
        if trace.__code__ not in codes:  # an error inside the trace would end it
            raise _TimeUp

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if alarm_available():
            previous, tracing = signal.signal(signal.SIGALRM, ring), sys.gettrace()
            profiling, depth = sys.getprofile(), sys.getrecursionlimit()
            with contextlib.suppress(RecursionError):  # unless the stack is that deep
                sys.setrecursionlimit(depth - 50)
            signal.setitimer(signal.ITIMER_REAL, limit, 0.01)
            try:
                run(traced=sys.version_info < (3, 11))
            finally:
                if sys.gettrace() is not tracing:
                    sys.settrace(tracing)
                if sys.getprofile() is not profiling:  # cProfile's cannot be set back
                    with contextlib.suppress(TypeError):
                        sys.setprofile(profiling)
                sys.setrecursionlimit(depth)
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        else:
            thread = threading.Thread(target=run, daemon=True, name="learner call")
            thread.start()
            thread.join(limit)
            outcome.timed_out = outcome.abandoned = thread.is_alive()
    mine = (w for w in caught if not w.category.__module__.startswith(__package__[:13]))
    said = (f"{w.category.__name__}: {w.message}" for w in mine)  # not the package's
    outcome.warnings = tuple(dict.fromkeys(said))
    return outcome
