"""The runner (the learner's function on every case of the table) and the diagnosis."""

from __future__ import annotations

import dis
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import CodeType
from typing import Any

import numpy as np

from . import safe_call as _safe
from . import table
from .result import CheckResult
from .table import Case, Exercise, Mistake, Parts, say

Finding = tuple[Mistake | None, str]
_NOT_NUMBERS = {type(None): "none", type(...): "ellipsis", np.matrix: "matrix"}


class _Bad(Exception):
    """A result of another type or shape: the text (and the generic mistake's kind)."""


@dataclass
class _Run(_safe.Outcome):
    """A call's outcome, on ``case``: the results read, or why not; what changed."""

    case: Case | None = None
    parts: Parts | None = None
    bad: _Bad | None = None
    mutated: tuple[str, ...] = ()
    dtypes: set[str] = field(default_factory=set)  # results of less than float64


# ------------------------------------------------------------------ reading results
def _a(value: Any) -> str:
    """The type of ``value`` with its article: "a list", "an int"."""
    name = type(value).__name__.replace("ndarray", "NumPy array")
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _array(value: Any, what: str, dtypes: set[str]) -> np.ndarray:
    """``value`` as a float array, or _Bad saying what kind of thing it is."""
    if type(value) in (*_NOT_NUMBERS, str):
        key = _NOT_NUMBERS.get(type(value), "string")
        raise _Bad(say(key, what=what, text=str(value)[:40]))
    try:
        array = np.asarray(value)
    except Exception as exc:  # a ragged list, an object NumPy cannot read
        error, kind = _last_line(exc), _a(value)
        raise _Bad(say("unreadable", kind=kind, what=what, error=error)) from None
    if array.dtype.kind not in "biuf":
        key = {"c": "complex", "O": "object"}.get(array.dtype.kind, "letters")
        raise _Bad(say(key, what=what, dtype=array.dtype))
    if array.dtype.kind == "f" and array.dtype.itemsize < 8:
        dtypes.add(str(array.dtype))
    return array.astype(float)


def _part(value: Any, what: str, rule: str, shape: tuple, dtypes: set[str]) -> Any:
    """``value`` as a float array of ``shape`` if it is what the type ``rule`` of
    [types] fixes, else _Bad saying what it is and what is asked."""
    want = table.TYPES[rule].format(shape=shape)
    is_array = isinstance(value, np.ndarray)
    if is_array or not hasattr(value, "__next__"):  # reading a generator uses it up
        array = _array(value, what, dtypes)
        if rule == "sequence" and sum(d != 1 for d in array.shape) <= 1:
            return array.reshape(-1)  # a list, (k,), (1, k), ...
        square = rule == "bias" and is_array and array.shape == (1, 1)
        if (array.ndim == 0 and rule != "array") or square:
            return array.reshape(())
        if rule == "array" and is_array and array.shape == shape:
            return array
        if is_array:
            hint = say("transpose") if array.shape == shape[::-1] else ""
            if array.ndim == 1 and array.size == np.prod(shape) and rule == "array":
                hint = say("flat", size=array.size)
            raise _Bad(say("shape", what=what, got=array.shape, want=want, hint=hint))
    raise _Bad(say("type", kind=_a(value), what=what, want=want))


def _items(value: Any, exercise: Exercise) -> list[Any]:
    """The results, from a mapping, attributes, a tuple, a list or a 1-D array (or a
    mapping only, where a dictionary is asked for)."""
    names, ask = exercise.parts, exercise.returns or "tuple"
    wanted = "(" + ", ".join(names) + ")"
    if isinstance(value, Mapping):
        if all(name in value for name in names):
            return [value[name] for name in names]
        raise _Bad(say("keys", wanted=wanted))
    if ask == "tuple" and not isinstance(value, np.ndarray):
        if all(hasattr(value, name) for name in names):
            return [getattr(value, name) for name in names]
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "biuf":
        value = list(value)
    if ask == "tuple" and isinstance(value, tuple | list):
        extra = exercise.extra_items and len(value) > len(names)
        if len(value) == len(names) or extra:
            return list(value[: len(names)])
        raise _Bad(say("count", got=len(value), want=len(names), wanted=wanted))
    generator = hasattr(value, "__next__")
    if not isinstance(value, tuple | list) and not generator:
        _array(value, "the results", set())  # None, a string, ...: say what it is
    shaped = isinstance(value, np.ndarray) and value.ndim > 0
    kind = _a(value) + (f" of shape {value.shape}" if shaped else "")
    want = table.TYPES[ask].format(names=wanted) + (" " + say("generator")) * generator
    raise _Bad(say("type", kind=kind, what="the results", want=want))


def _read(exercise: Exercise, run: _Run, order: tuple[int, ...] = ()) -> Parts:
    """The run's results (in ``order``) as float arrays of our shapes, or _Bad."""
    names, value, reference = exercise.parts, run.value, run.case.reference
    if len(names) == 1 and isinstance(value, tuple) and len(value) > 1:
        if np.shape(value[0]) == reference[names[0]].shape:
            raise _Bad(say("alone", got=len(value), what=names[0]), "tuple")
    items = _items(value, exercise) if len(names) > 1 else [value]
    names = [names[i] for i in order or range(len(names))]
    return {
        n: _part(item, n, exercise.types[n], reference[n].shape, run.dtypes)
        for n, item in zip(names, items, strict=True)
    }


# -------------------------------------------------------------------- formatting
def _pair(want: Any, got: Any) -> tuple[str, str]:
    """The two numbers with enough digits to differ."""
    for digits in (6, 10, 17):
        texts = f"{float(want):.{digits}g}", f"{float(got):.{digits}g}"
        if texts[0] != texts[1]:
            break
    return texts


def _last_line(exc: BaseException) -> str:
    try:
        text = str(exc).strip().splitlines()
    except Exception:  # an exception whose text cannot be made
        text = []
    return f"{type(exc).__name__}: {text[-1]}" if text else type(exc).__name__


def _named(mistake: Mistake, example: str = "") -> Finding:
    reread = say("reread", label=mistake.label) if mistake.label else ""
    named = say("named", name=mistake.name, explanation=mistake.explanation)
    return mistake, " ".join(filter(None, (named, reread, example)))


# --------------------------------------------------------------------- diagnosis
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
                run.parts = _read(self.exercise, run)
            except _Bad as exc:
                run.bad = exc
            except Exception as exc:  # an output object that breaks while being read
                run.bad = _Bad(say("broken", error=_last_line(exc)))
        return run

    def close(self, got, want, rtol: float | None = None) -> np.ndarray:
        if got.shape != want.shape:  # a sequence of another length
            return np.zeros(max(got.size, want.size, 1), dtype=bool)
        rtol, atol = rtol or self.exercise.rtol, self.exercise.atol
        return np.isclose(got, want, rtol=rtol, atol=atol, equal_nan=True)

    def right(self, run: _Run, parts=(), rtol: float | None = None) -> bool:
        want, got = run.case.reference, run.parts
        return got is not None and all(
            self.close(got[p], want[p], rtol).all() for p in parts or want
        )

    def matches(self, mistake: Mistake, runs, parts=(), finite=None) -> bool:
        """The learner's finite values (NaN and infinities, for a "nonfinite" mistake)
        are the mistake's on every input, and some differ from ours."""
        explains = False
        finite = mistake.kind != "nonfinite" if finite is None else finite
        for run in runs:
            if not (prediction := mistake.predict(run.case)):
                return False
            for part in parts or mistake.parts:
                got, pred = run.parts[part], prediction[part]
                want = run.case.reference[part]
                if got.shape != pred.shape:
                    return False
                differs = ~self.close(got, want) if got.shape == want.shape else True
                bad = (np.isfinite(got) == finite) & differs
                if finite and not self.close(got, pred)[np.isfinite(got)].all():
                    return False
                if not finite and (bad & np.isfinite(pred)).any():
                    return False
                explains = explains or bool(bad.any())
        return explains

    def where(self, run: _Run, part: str) -> str:
        """Expected against got at the first entry that differs."""
        got, want = run.parts[part], run.case.reference[part]
        if got.shape != want.shape:
            return say("length", what=part, want=want.size, got=got.size)
        wrong = ~self.close(got, want)
        index = tuple(int(i) for i in np.argwhere(wrong)[0]) if got.ndim else ()
        name = f"{part}[{', '.join(map(str, index))}]" if index else part
        expected, value = _pair(want[index], got[index])
        text = say("value", what=name, want=expected, got=value)
        if not np.isfinite(got[index]) and np.isfinite(want[index]):
            text += " " + say("nonfinite")
        if wrong.sum() > 1:
            text += " " + say("entries", wrong=int(wrong.sum()), size=wrong.size)
        if run.case.numerical is not None:
            value = _pair(run.case.numerical[part][index], 0)[0]
            text += " " + say("numerical", value=value)
        return text

    def example(self, runs: list[_Run], parts: tuple[str, ...]) -> str:
        run, p = next((r, p) for r in runs for p in parts if not self.right(r, (p,)))
        return say("example", input=run.case, where=self.where(run, p))

    def raised(self) -> list[Finding]:
        """exit() and exceptions, and the mistakes whose exceptions, with their words,
        on their inputs, they all are."""
        if not (raised := [run for run in self.runs if run.error is not None]):
            return []
        found = [_named(m) for m in self.of("raises", "exit") if self.fits(m, raised)]
        error, first = raised[0].error, raised[0].case
        did = "called exit()" if isinstance(error, SystemExit) else "raised"
        where = f"{len(raised)} of {len(self.runs)} inputs"
        where = "every input" if raised == self.runs else where
        text = say(did, error=_last_line(error), where=where, input=first)
        return [*found, (None, text)]

    @staticmethod
    def fits(mistake: Mistake, raised: list[_Run]) -> bool:
        """Every exception is of the mistake's types, with its words, on its inputs."""
        return all(
            isinstance(run.error, mistake.exceptions)
            and any(word in _last_line(run.error) for word in mistake.words)
            and (not mistake.undefined or table.undefined(*run.case.args))
            for run in raised
        )

    def reordered(self, kind: str, runs_in: Callable[[tuple], Any]) -> list[Finding]:
        """The generic mistake ``kind`` if the runs ``runs_in`` an order make are
        right: the results ("order") or the arguments ("arguments") in that order."""
        names = self.exercise.arguments if kind == "arguments" else self.exercise.parts
        for order in table.orders(len(names)):
            try:
                if all(self.right(run) for run in runs_in(order)):
                    got, want = ", ".join(names[i] for i in order), ", ".join(names)
                    text = say(kind, key=self.exercise.key, got=got, want=want)
                    return [_named(self.generic[kind], text)]
            except TimeoutError:
                return []
            except Exception:  # _Bad, or a result that breaks while read
                continue
        return []

    def in_order(self, order: tuple[int, ...]) -> Any:
        runs = [run for run in self.runs if run.error is None]
        return (replace(run, parts=_read(self.exercise, run, order)) for run in runs)

    def called_in(self, order: tuple[int, ...]) -> Any:
        for case in self.exercise.cases[:2]:
            moved = replace(case, args=tuple(case.args[i] for i in order))
            if (run := self.run(moved, min(_safe.TIME_LIMIT, 1))).timed_out:
                raise TimeoutError
            yield run

    def bad(self) -> list[Finding]:
        """A result of another type or shape, shown on the largest input."""
        if not (bad := [run for run in self.runs if run.bad is not None]):
            return []
        run = max(bad, key=lambda run: sum(map(np.size, run.case.reference.values())))
        text, *kind = (*run.bad.args, "")
        text, mistake = f"{text} (input: {run.case})", self.generic.get(kind[0])
        return [_named(mistake, text) if mistake else (None, say("bad", text=text))]

    def mutations(self) -> list[Finding]:
        """The exercise's own mistake of a changed argument, else the generic one."""
        changed: dict[str, _Run] = {}
        for run in self.runs:
            changed.update({name: run for name in run.mutated if name not in changed})
        if not changed:
            return []
        own = [m for m in self.of("mutation") if m.argument in changed or not m.check]
        said = "; ".join(f"{n} (input: {r.case})" for n, r in changed.items())
        return [_named(own[0], say("changed", where=said))]

    def values(self, runs: list[_Run]) -> list[Finding]:
        """The mistakes that the learner's values fit (tried in table order: those of
        more parts first, those of NaN last), and what none explains."""
        if all(self.right(run) for run in runs):
            return []
        every, chosen = self.exercise.parts, []  # mistakes and the parts they explain
        for mistake in self.of("value", "nonfinite"):
            if mistake.kind == "nonfinite":  # unless a chosen one predicts the NaN too
                skip = any(self.matches(m, runs, every, False) for m, _ in chosen)
            else:
                skip = set(mistake.parts) <= {p for _, parts in chosen for p in parts}
            if not skip and self.matches(mistake, runs):
                chosen.append((mistake, mistake.parts))
        if not chosen and (found := self.reordered("order", self.in_order)):
            return found
        if not chosen:
            low = sorted({d for run in runs for d in run.dtypes})
            rtol = max([1e-5, *(4 * float(np.finfo(d).eps) for d in low)])
            if all(self.right(run, every, rtol) for run in runs):
                said = say("dtype", dtype=", ".join(low)) if low else say("digits")
                example = self.example(runs, every)
                return [_named(self.generic["dtype"], f"{said} {example}")]
        for mistake in self.of("value"):  # some parts may show a mistake by themselves
            explained = {p for _, parts in chosen for p in parts}
            parts = [p for p in mistake.parts if p not in explained]
            parts = tuple(p for p in parts if self.matches(mistake, runs, (p,)))
            chosen += [(mistake, parts)] if parts else []
        found = [_named(m, self.example(runs, parts)) for m, parts in chosen]
        for run in runs:  # what no recognised mistake explains
            for part in every:
                guesses = [m.predict(run.case) for m, parts in chosen if part in parts]
                got = run.parts[part]
                fits = (self.close(got, g[part]).all() for g in guesses if g)
                if self.right(run, (part,)) or any(fits):
                    continue
                who = "Also, your" if chosen else "Your"
                where, label = self.where(run, part), self.exercise.labels[part]
                text = say("wrong", who=who, where=where, label=label, input=run.case)
                return [*found, (None, text)]
        return found

    def verdict(self) -> CheckResult:
        for case in self.exercise.cases:
            self.runs.append(run := self.run(case))
            if run.timed_out:  # the check stops: nothing is certain
                text = say("time", limit=_safe.TIME_LIMIT, input=case)
                text += (" " + say("abandoned")) * run.abandoned
                text += (" " + say("swallowed")) * run.swallowed
                return self.result([_named(self.generic["time"], text)])
        good = [run for run in self.runs if run.parts is not None]
        bad = any(run.bad for run in self.runs)
        order = self.reordered("order", self.in_order) if bad else []
        found = self.raised() + (order or self.bad()) + self.mutations()
        found += self.values(good)
        if found and not {m.kind for m, _ in found if m} - {"raises"}:
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
        if (worst := 0.0 if found else max(map(_relative, good), default=0.0)) > 1e-10:
            low = sorted({d for run in good for d in run.dtypes})
            reason = say("low", dtype=", ".join(low)) if low else exercise.close_note
            close = say("close", worst=worst)
            notes.append(f"{close}: {reason}." if reason else f"{close}.")
        inputs = "; ".join(run.case.description for run in self.runs)
        message = "\n".join(text for _, text in found)
        message = message or say("right", count=len(self.runs), inputs=inputs)
        mistakes = tuple(dict.fromkeys(m.name for m, _ in found if m is not None))
        return CheckResult(exercise.checker, not found, message, tuple(notes), mistakes)


def _relative(run: _Run) -> float:
    """The largest relative difference from ours, noise near 0 left out."""
    worst = 0.0
    for part, want in run.case.reference.items():
        off = np.abs(run.parts[part] - want)  # NaN where both are the same infinity
        ratio = off / np.maximum(np.abs(want), 1e-300)
        worst = max(worst, float(np.max(ratio, where=off > 1e-12, initial=0)))
    return worst


def _globals(code: CodeType) -> set[str]:
    """The global names the code, and the functions defined in it, read."""
    inner = (c for c in code.co_consts if isinstance(c, CodeType))
    read = {i.argval for i in dis.get_instructions(code) if i.opname == "LOAD_GLOBAL"}
    return read.union(*map(_globals, inner))


def check(fn: Any, key: str) -> CheckResult:
    """Run ``fn`` on every case of the exercise ``key``; the verdict. The learner's
    functions of earlier exercises that ``fn`` calls are the package's while it
    runs, so that two mistakes cannot cancel."""
    exercise, calls = table.EXERCISES[key], table.CALLS.get(key, {})
    if not callable(fn):
        text = say("not callable", checker=exercise.checker, fn=fn, kind=_a(fn))
        raise TypeError(text)
    namespace = getattr(fn, "__globals__", {})  # a function's, with its __code__
    read = _globals(fn.__code__) if hasattr(fn, "__code__") else set()
    mine = {n: namespace[n] for n in calls if n in namespace and n in read}
    namespace.update({name: calls[name] for name in mine})
    try:
        result = _Check(fn, exercise).verdict()
    finally:
        namespace.update(mine)
    if not mine:
        return result
    names, checks = " and ".join(mine), " and ".join(f"check_{n}" for n in mine)
    verb = "judges" if len(mine) == 1 else "judge"
    note = say("on its own", key=key, names=names, checks=checks, verb=verb)
    return replace(result, notes=(*result.notes, note))
