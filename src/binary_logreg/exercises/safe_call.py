"""One call of the learner's function: a time limit, exceptions caught, warnings kept.

Where an alarm signal exists (Unix, main thread, where a notebook runs its cells) a
timer raises :class:`_TimeUp` into the call, and again every 10 ms; each alarm also
traces the learner's frames, so that a line run while a learner's ``except:`` or
``finally: continue`` handles it raises it again. Elsewhere the call runs in a daemon
thread that the checker stops waiting for (a thread cannot be killed; a notebook's
function cannot be pickled into a subprocess on macOS or Windows).
"""

from __future__ import annotations

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


def _in_block(frame: Any, with_too: bool) -> bool:
    """Whether the frame's next instruction lies between a ``try`` (SETUP_FINALLY)
    or ``with`` (SETUP_WITH) of Python 3.10's bytecode and its handler (3.11 has no
    SETUP_ instructions).

    A loop of pure Python that starts with ``try`` runs no signal handler before
    3.11: the trace is set before the call there, and the alarm rings inside the
    trace function, where an error would end the tracing; it is raised there only
    where no ``try`` or ``with`` can catch it (after 50 alarms, no ``try``: few
    ``with`` swallow it), else left to the next alarm. A loop in a ``try`` in such a
    loop can still outlast it on 3.10.
    """
    return any(
        i.offset < frame.f_lasti < i.argval
        for i in dis.get_instructions(frame.f_code)
        if i.opname == "SETUP_FINALLY" or (with_too and i.opname == "SETUP_WITH")
    )


def safe_call(fn: Callable, args: tuple, limit: float | None = None) -> Outcome:
    """``fn(*args)`` within ``limit`` seconds (default :data:`TIME_LIMIT`)."""
    outcome, limit, waits = Outcome(), limit or TIME_LIMIT, 0

    def trace(frame: Any, event: str, arg: Any) -> Any:
        """The alarm again, on a line the learner's handler of it runs."""
        if event == "line" and isinstance(sys.exc_info()[1], _TimeUp):
            outcome.swallowed = True
            raise _TimeUp
        return trace

    def run(traced: bool = False) -> None:
        try:  # the alarm may also ring in errstate's exit
            with np.errstate(all="warn", under="ignore"):
                if traced:  # the learner's frames only: run's own is not traced
                    sys.settrace(trace)
                outcome.value = fn(*args)
        except _TimeUp:
            outcome.timed_out = True
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit too: exit() is a verdict
            outcome.error = exc

    def ring(signum: int, frame: Any) -> None:
        nonlocal waits
        learners = []  # the learner's frames, up to run's
        while frame is not None and frame.f_code is not run.__code__:
            learners, frame = [*learners, frame], frame.f_back
        codes = {f.f_code for f in learners}
        if frame is None or not learners or ring.__code__ in codes:
            return  # not inside the call, or inside this handler (it runs on)
        if trace.__code__ in codes:  # inside the trace function
            waits += 1
            if any(_in_block(f, with_too=waits < 50) for f in learners):
                return  # the error would end the tracing and be caught: the next alarm
        # ringing again inside the call: the learner caught the last one
        outcome.swallowed, outcome.timed_out = outcome.timed_out, True
        sys.settrace(trace)
        for frame in learners:
            frame.f_trace, frame.f_trace_lines = trace, True
        raise _TimeUp

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if alarm_available():
            previous, tracing = signal.signal(signal.SIGALRM, ring), sys.gettrace()
            signal.setitimer(signal.ITIMER_REAL, limit, 0.01)
            try:
                run(traced=sys.version_info < (3, 11))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                sys.settrace(tracing)
        else:
            thread = threading.Thread(target=run, daemon=True, name="learner call")
            thread.start()
            thread.join(limit)
            outcome.timed_out = outcome.abandoned = thread.is_alive()
    said = (f"{w.category.__name__}: {w.message}" for w in caught)
    outcome.warnings = tuple(dict.fromkeys(said))
    return outcome
