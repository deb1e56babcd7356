"""The runner (the learner's function on every case of the table) and the diagnosis."""

from __future__ import annotations

import contextlib
import dis
import inspect
import itertools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import CodeType, FunctionType
from typing import Any

import numpy as np

from . import safe_call as _safe
from . import table
from .reading import Unreadable, article, differs, farthest, last_line, read, where
from .result import CheckResult
from .table import Case, Exercise, Mistake, Parts, say

Finding = tuple[Mistake | None, str]


@dataclass
class _Run(_safe.Outcome):
    """A call's outcome, on ``case``: the results read, or why not; what changed."""

    case: Case | None = None
    parts: Parts | None = None
    unreadable: Unreadable | None = None
    mutated: tuple[str, ...] = ()
    dtypes: set[str] = field(default_factory=set)  # results of less than float64


def _named(mistake: Mistake, example: str = "") -> Finding:
    reread = say("reread", label=mistake.label) if mistake.label else ""
    named = say("named", name=mistake.name, explanation=mistake.explanation)
    return mistake, " ".join(filter(None, (named, reread, example)))


class _Check:
    """The learner's function ``fn`` on every case of ``exercise`` and the diagnosis:
    the mistakes of the catalogue of each kind, tried in table order on the runs."""

    def __init__(self, fn: Callable, exercise: Exercise) -> None:
        self.fn, self.exercise, self.runs = fn, exercise, []
        # its own mistakes, then those of any exercise (* in the table, at its end)
        self.catalogue = [m for m in table.MISTAKES if m.check in (exercise.key, "")]
        self.generic = {m.kind: m for m in self.catalogue if not m.check}

    def of(self, *kinds: str) -> list[Mistake]:
        return [m for m in self.catalogue if m.kind in kinds]

    def run(self, case: Case, limit: float | None = None) -> _Run:
        """One call, its outcome and its results; the arguments it changed."""
        args = tuple(a.copy() if isinstance(a, np.ndarray) else a for a in case.args)
        run = _Run(**vars(_safe.safe_call(self.fn, args, limit)), case=case)
        pairs = zip(self.exercise.arguments, case.args, args, strict=True)
        run.mutated = tuple(n for n, was, now in pairs if not np.array_equal(was, now))
        if run.error is None and not run.timed_out:
            try:
                run.parts = read(self.exercise, run.value, case, run.dtypes)
            except Unreadable as exc:
                run.unreadable = exc
            except Exception as exc:  # an output object that breaks while being read
                run.unreadable = Unreadable(say("broken", error=last_line(exc)))
        return run

    def fits(self, run: _Run, parts=(), like: Parts | None = None, rtol=None) -> bool:
        """The run's ``parts`` (all) are ``like`` (our results) within the tolerance."""
        like = run.case.reference if like is None else like
        return run.parts is not None and not any(
            differs(self.exercise, run.parts[p], like[p], rtol).any()
            for p in parts or self.exercise.parts
        )

    def matches(self, mistake: Mistake, runs, parts=(), finite=None) -> bool:
        """The learner's finite values (NaN and infinities, for a "nonfinite" mistake)
        are the mistake's on every input, and some differ from ours."""
        explains, exercise = False, self.exercise
        finite = mistake.kind != "nonfinite" if finite is None else finite
        for run in runs:
            if not (prediction := mistake.predict(run.case)):
                return False
            for part in parts or mistake.parts:
                got, theirs = run.parts[part], prediction[part]
                if got.shape != theirs.shape:
                    return False
                ours = run.case.reference[part]
                bad = (np.isfinite(got) == finite) & differs(exercise, got, ours)
                off = differs(exercise, got, theirs, mistake.rtol)
                if finite and off[np.isfinite(got)].any():
                    return False
                if not finite and (bad & np.isfinite(theirs)).any():
                    return False
                explains = explains or bool(bad.any())
        return explains

    def nonfinite_as(self, mistake: Mistake, run: _Run, part: str) -> bool:
        """Whether a NaN mistake explains the part: NaN or infinite where it
        predicts NaN, ours elsewhere."""
        theirs = (
            mistake.predict(run.case).get(part) if mistake.kind == "nonfinite" else None
        )
        if theirs is None or theirs.shape != run.parts[part].shape:
            return False
        got, ours = run.parts[part], run.case.reference[part]
        finite = np.isfinite(got)
        return bool(
            (finite | ~np.isfinite(theirs)).all()
            and not differs(self.exercise, got, ours)[finite].any()
        )

    def contradicted(self, mistake: Mistake, runs, parts) -> bool:
        """Whether more of the parts the mistake changes are right than ``parts``
        (those it explains): a loop of steps + 1 updates whose w and b are right is
        not one, whatever its costs."""
        right = [
            p
            for p in mistake.parts
            if p not in parts
            and all(self.fits(run, (p,)) for run in runs)
            and any(
                (theirs := mistake.predict(run.case))
                and not self.fits(run, (p,), theirs)
                for run in runs
            )
        ]
        return len(right) >= len(parts)

    def example(self, runs: list[_Run], parts: tuple[str, ...], nan=False) -> str:
        """The first entry that differs, on the smallest input (one of NaN or an
        infinity, for a ``nan`` mistake, where there is one)."""
        pairs = [(r, p) for r in runs for p in parts if not self.fits(r, (p,))]
        nonfinite = [(r, p) for r, p in pairs if not np.isfinite(r.parts[p]).all()]
        run, p = (nonfinite if nan and nonfinite else pairs)[0]
        return say("example", input=run.case, where=where(self.exercise, run, p))

    def raised(self) -> list[Finding]:
        """exit() and exceptions, and the first mistake whose exceptions, with their
        words, on their inputs, they all are."""
        if not (raised := [run for run in self.runs if run.error is not None]):
            return []
        mistake = next(
            (
                mistake
                for mistake in self.of("raises", "exit")  # one all exceptions are
                if all(
                    isinstance(run.error, mistake.exceptions)
                    and any(word in last_line(run.error) for word in mistake.words)
                    and (not mistake.undefined or table.undefined(*run.case.args))
                    and (not mistake.arrays or self.has_array(run.case, mistake.arrays))
                    for run in raised
                )
            ),
            None,
        )
        found = [_named(mistake)] if mistake else []
        error, first = raised[0].error, raised[0].case
        did, said = "raised", last_line(error)
        if isinstance(error, SystemExit):  # exit(): its code, if it has one
            did, said = "called exit()", f" ({said})" if error.code is not None else ""
        inputs = f"{len(raised)} of {len(self.runs)} inputs"
        inputs = "every input" if raised == self.runs else inputs
        text = say(did, error=said, where=inputs, input=first)
        return [*found, (None, text)]

    def has_array(self, case: Case, names: tuple[str, ...]) -> bool:
        """Whether an argument of ``names`` is an array of shape (1, 1) here."""
        named = zip(self.exercise.arguments, case.args, strict=True)
        return any(n in names and np.shape(a) == (1, 1) for n, a in named)

    def reordered(
        self, kind: str, runs_in: Callable[[tuple], Iterator]
    ) -> list[Finding]:
        """The generic mistake ``kind`` if the runs ``runs_in`` an order make are
        right: the results ("order") or the arguments ("arguments") in that order."""
        names = self.exercise.arguments if kind == "arguments" else self.exercise.parts
        for order in table.orders(len(names)):
            try:
                runs = list(runs_in(order))
                if runs and all(self.fits(run) for run in runs):
                    got, want = ", ".join(names[i] for i in order), ", ".join(names)
                    text = say(kind, key=self.exercise.key, got=got, want=want)
                    return [_named(self.generic[kind], text)]
            except TimeoutError:
                return []
            except Exception:  # Unreadable, or a result that breaks while read
                continue
        return []

    def in_order(self, order: tuple[int, ...]) -> Iterator[_Run]:
        """Every run's results read in ``order`` (none where one raised)."""
        for run in self.runs if all(run.error is None for run in self.runs) else ():
            yield replace(
                run, parts=read(self.exercise, run.value, run.case, set(), order)
            )

    def called_in(self, order: tuple[int, ...]) -> Iterator[_Run]:
        """Two cases it failed, called in ``order`` (a function with a memory
        may be right on the cases it has seen)."""
        for case in [run.case for run in self.runs if not self.fits(run)][:2]:
            moved = replace(case, args=tuple(case.args[i] for i in order))
            if (run := self.run(moved, min(_safe.TIME_LIMIT, 1))).timed_out:
                raise TimeoutError
            yield run

    def unreadable(self) -> list[Finding]:
        """A result of another type or shape, shown on the largest input."""
        if not (bad := [run for run in self.runs if run.unreadable is not None]):
            return []
        run = max(bad, key=lambda run: sum(map(np.size, run.case.reference.values())))
        text, *kind = (*run.unreadable.args, "")
        text, mistake = f"{text} (input: {run.case})", self.generic.get(kind[0])
        text = say("bad", text=text)
        return [_named(mistake, text) if mistake else (None, text)]

    def mutations(self) -> list[Finding]:
        """The exercise's own mistake of a changed argument, else the generic one."""
        changed: dict[str, _Run] = {}
        for run in self.runs:
            changed.update({name: run for name in run.mutated if name not in changed})
        if not changed:
            return []
        own = [m for m in self.of("mutation") if m.argument in changed or not m.check]
        # the arguments, by the input they changed on
        inputs: dict[Case, list[str]] = {}
        for name, run in changed.items():
            inputs.setdefault(run.case, []).append(name)
        said = "; ".join(f"{' and '.join(n)} (input: {c})" for c, n in inputs.items())
        return [_named(own[0], say("changed", where=said))]

    def values(self, runs: list[_Run], after: bool = False) -> list[Finding]:
        """The mistakes that the learner's values fit (tried in table order: those of
        more parts first, those of NaN last), and what none explains."""
        if all(self.fits(run) for run in runs):
            return []
        runs = sorted(runs, key=lambda run: sum(map(np.size, run.case.args)))
        every, chosen = self.exercise.parts, {}  # mistakes and the parts they explain
        for mistake in self.of("value", "nonfinite"):
            if mistake.kind == "nonfinite":  # unless a chosen one predicts the NaN too
                skip = any(self.matches(m, runs, every, False) for m in chosen)
            else:
                skip = set(mistake.parts) <= {p for ps in chosen.values() for p in ps}
            if not skip and self.matches(mistake, runs):
                chosen[mistake] = mistake.parts
        if not chosen and (found := self.reordered("order", self.in_order)):
            return found
        if not chosen:
            low = sorted({d for run in runs for d in run.dtypes})
            rtol = max([1e-3, *(4 * float(np.finfo(d).eps) for d in low)])
            if all(self.fits(run, every, rtol=rtol) for run in runs):
                worst = max(farthest(run.case, run.parts) for run in runs)
                digits = say("digits", digits=round(-np.log10(worst)))
                said = say("dtype", dtype=", ".join(low)) if low else digits
                mistake = self.generic["dtype" if low else "digits"]
                return [_named(mistake, f"{said} {self.example(runs, every)}")]
        for mistake in self.of("value"):  # some parts may show a mistake by themselves
            explained = {p for ps in chosen.values() for p in ps}
            parts = [p for p in mistake.parts if p not in explained]
            parts = tuple(p for p in parts if self.matches(mistake, runs, (p,)))
            if parts and not self.contradicted(mistake, runs, parts):
                chosen[mistake] = parts
        found = [
            _named(m, self.example(runs, parts, m.kind == "nonfinite"))
            for m, parts in chosen.items()
        ]
        for run in runs:  # what no recognised mistake explains
            for part in every:
                guesses = [m for m, ps in chosen.items() if part in ps]
                likes = (run.case.reference, *(m.predict(run.case) for m in guesses))
                if any(like and self.fits(run, (part,), like) for like in likes):
                    continue  # a guess {} cannot tell
                if any(self.nonfinite_as(m, run, part) for m in guesses):
                    continue
                who = "Also, your" if chosen or after else "Your"
                said = where(self.exercise, run, part)
                label = self.exercise.labels[part]
                text = say("wrong", who=who, where=said, label=label, input=run.case)
                return [*found, (None, text)]
        return found

    def verdict(self) -> CheckResult:
        for case in self.exercise.cases:
            self.runs.append(run := self.run(case))
            if run.timed_out:  # the check stops: nothing is certain
                text = say("time", limit=_safe.TIME_LIMIT, input=case)
                text += (" " + say("abandoned")) * run.abandoned
                text += (" " + say("swallowed")) * (
                    run.swallowed and _catches_all(self.fn)
                )
                return self.result([_named(self.generic["time"], text)])
        unreadable = any(run.unreadable for run in self.runs)
        order = self.reordered("order", self.in_order) if unreadable else []
        found = self.raised() + (order or self.unreadable()) + self.mutations()
        found += self.values([r for r in self.runs if r.parts is not None], bool(found))
        names, arguments = _parameters(self.fn), self.exercise.arguments
        own = names[: len(arguments)] != arguments  # a def line of its own
        shuffled = own and set(names) == set(arguments)  # its names, in another order
        if (
            own
            and found
            and (shuffled or not {m.kind for m, _ in found if m} - {"raises"})
        ):
            found = self.reordered("arguments", self.called_in) or found
        return self.result(found)

    def result(self, found: list[Finding]) -> CheckResult:
        exercise, notes = self.exercise, []
        good = [run for run in self.runs if run.parts is not None]
        if warned := next((run for run in self.runs if run.warnings), None):
            warning = warned.warnings[0]
            note = say("warned", warning=warning, input=warned.case)
            why = not found and "encountered" in warning and exercise.warning_note
            notes.append(f"{note}: {exercise.warning_note}" if why else f"{note}.")
        worst = max((farthest(r.case, r.parts) for r in good if not found), default=0)
        if worst > 1e-10:
            low = sorted({d for run in good for d in run.dtypes})
            reason = say("low", dtype=", ".join(low)) if low else exercise.close_note
            close = say("close", worst=worst)
            notes.append(f"{close}: {reason}." if reason else f"{close}.")
        inputs = "; ".join(run.case.description for run in self.runs)
        message = "\n".join(text for _, text in found)
        message = message or say("right", count=len(self.runs), inputs=inputs)
        mistakes = tuple(dict.fromkeys(m.name for m, _ in found if m is not None))
        return CheckResult(exercise.checker, not found, message, tuple(notes), mistakes)


def _parameters(fn: Callable) -> tuple[str, ...]:
    """The names of the def line (none where there is no signature to read)."""
    try:
        return tuple(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return ()


def _catches_all(fn: Any) -> bool:
    """Whether an ``except:`` or ``except BaseException`` of ``fn``'s code (or of
    its helpers) may have caught the checker's interrupt, as the bytecode says: a
    handler (after PUSH_EXC_INFO, or 3.10's SETUP_FINALLY target and its DUP_TOP)
    that begins by dropping the exception, or by loading BaseException."""
    if not hasattr(fn, "__code__"):
        return True  # no code to read: the trace that saw it is trusted
    namespace = fn.__globals__
    helpers = (getattr(namespace.get(name), "__code__", None) for name in _reads(fn))
    codes, heads = [fn.__code__, *filter(None, helpers)], []
    while codes:
        code = codes.pop()
        codes += [c for c in code.co_consts if isinstance(c, CodeType)]
        ops = list(dis.get_instructions(code))
        targets = {op.argval for op in ops if op.opname == "SETUP_FINALLY"}
        heads += [op for op in ops if op.offset in targets]
        heads += [
            b
            for a, b in itertools.pairwise(ops)
            if a.opname == "PUSH_EXC_INFO" or (a.opname == "DUP_TOP" and a in heads)
        ]
    return any(op.opname == "POP_TOP" or op.argval == "BaseException" for op in heads)


def _globals(code: CodeType) -> set[str]:
    """The global names the code, and the functions defined in it, read."""
    read = {i.argval for i in dis.get_instructions(code) if i.opname == "LOAD_GLOBAL"}
    return read.union(*(_globals(c) for c in code.co_consts if isinstance(c, CodeType)))


def _reads(fn: Any) -> set[str]:
    """The global names ``fn`` reads, and those of its namespace's functions it
    calls, in turn (a helper of the learner's that calls confusion_matrix)."""
    names, todo, namespace = set(), [fn], getattr(fn, "__globals__", {})
    while todo:
        if (code := getattr(todo.pop(), "__code__", None)) is not None:
            new = _globals(code) - names
            names |= new
            todo += [namespace[n] for n in new if n in namespace]
    return names


def _reached(fn: Any) -> list[Any]:
    """What ``fn`` may call: the globals it reads (and their helpers'), its
    defaults, and what those hold (a dict's values, a class's attributes)."""
    namespace = getattr(fn, "__globals__", {})
    found = [namespace[n] for n in _reads(fn) if n in namespace]
    found += list(getattr(fn, "__defaults__", None) or ())
    for value in list(found):
        held = vars(value) if isinstance(value, type) else value
        found += list(held.values()) if isinstance(held, Mapping) else []
    return [getattr(value, "__func__", value) for value in found]  # staticmethods


def _stand_in(*args: Any, _package: Callable, _name: str, _called: set, **kwargs: Any):
    """The code a learner's function runs while the package's stands in for it."""
    _called.add(_name)
    return _package(*args, **kwargs)


@contextlib.contextmanager
def _standing_in(
    theirs: dict[str, FunctionType], package: dict[str, Callable], called: set
) -> Iterator[None]:
    """The package's functions run in place of ``theirs``, wherever they are
    reached from (a name, an alias, a default, a dict): their code is swapped."""
    saved = {f: (f.__code__, f.__defaults__, f.__kwdefaults__) for f in theirs.values()}
    for name, f in theirs.items():
        f.__code__, f.__defaults__ = _stand_in.__code__, None
        f.__kwdefaults__ = {"_package": package[name], "_name": name}
        f.__kwdefaults__["_called"] = called
    try:
        yield
    finally:
        for f, (code, defaults, kwdefaults) in saved.items():
            f.__code__, f.__defaults__, f.__kwdefaults__ = code, defaults, kwdefaults


#: the learner's helpers' verdicts during one outermost check, and its depth
_VERDICTS: dict[tuple[int, str], CheckResult] = {}
_DEPTH = [0]


def _verdict(helper: FunctionType, key: str) -> CheckResult:
    """The verdict of the learner's ``helper`` on its own check (checked once in a
    check: a model's train and predict may both reach the same forward)."""
    if (id(helper), key) not in _VERDICTS:
        _VERDICTS[id(helper), key] = check(helper, key)
    return _VERDICTS[id(helper), key]


def check(fn: Any, key: str) -> CheckResult:
    """Run ``fn`` on every case of the exercise ``key``; the verdict. The learner's
    functions of earlier exercises that ``fn`` may call, and that their own checks
    fail, run the package's code while it runs, so that two mistakes cannot
    cancel."""
    exercise, calls = table.EXERCISES[key], table.CALLS.get(key, {})
    if not callable(fn):
        text = say("not callable", checker=exercise.checker, fn=fn, kind=article(fn))
        raise TypeError(text)
    _DEPTH[0] += 1
    try:
        namespace = getattr(fn, "__globals__", {})
        reached = _reached(fn) if calls else []
        mine = {  # a plain function of theirs (a closure's code cannot be swapped)
            n: f
            for n, f in ((n, namespace.get(n)) for n in calls)
            if isinstance(f, FunctionType)
            and not f.__code__.co_freevars
            and not str(f.__module__).startswith("binary_logreg")  # never ours
            and any(f is value for value in reached)
        }
        verdicts = {n: _verdict(f, n) for n, f in mine.items()}
        theirs = {n: f for n, f in mine.items() if not verdicts[n].passed}
        called: set[str] = set()
        with _standing_in(theirs, calls, called):
            result = _Check(fn, exercise).verdict()
    finally:
        _DEPTH[0] -= 1
        if not _DEPTH[0]:
            _VERDICTS.clear()
    if not called:
        return result
    names = " and ".join(n for n in theirs if n in called)
    checks = " and ".join(f"check_{n}" for n in theirs if n in called)
    verb = "fails" if len(called) == 1 else "fail"
    named = [m for n in theirs if n in called for m in verdicts[n].mistakes]
    why = f" ({'; '.join(named)})" if named else ""
    note = say("on its own", key=key, names=names, checks=checks, verb=verb, why=why)
    return replace(result, notes=(*result.notes, note))
