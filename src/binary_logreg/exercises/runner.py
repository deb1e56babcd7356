"""The runner (the learner's function on every case of the table) and the diagnosis."""

from __future__ import annotations

import contextlib
import dis
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import CodeType
from typing import Any

import numpy as np
from numpy.typing import NDArray

from . import safe_call as _safe
from .result import CheckResult
from .table import EXERCISES, Case, Exercise, Mistake, Parts, mistakes_of, permutations

Finding = tuple[Mistake | None, str]


class _BadOutput(Exception):
    """The learner's function returned something of the wrong type or shape."""

    def __init__(self, text: str, mistake: str = "") -> None:
        super().__init__(text)
        self.mistake = mistake


@dataclass
class _Run:
    case: Case
    reference: Parts
    outcome: _safe.Outcome
    parts: Parts | None = None
    bad: _BadOutput | None = None
    mutated: tuple[str, ...] = ()
    dtypes: set[str] = field(default_factory=set)  # results of less than float64


@functools.cache
def _cases(key: str) -> tuple[tuple[Case, Parts], ...]:
    exercise = EXERCISES[key]
    return tuple((case, exercise.reference(case.args)) for case in exercise.cases())


# ------------------------------------------------------------------ reading results
def _array(value: Any, what: str, dtypes: set[str]) -> NDArray[np.float64]:
    """``value`` as a float array, or _BadOutput saying what kind of thing it is."""
    if value is None:
        raise _BadOutput(
            f"returned None for {what} (a function without `return` returns None)"
        )
    if value is Ellipsis:
        raise _BadOutput(
            f"returned `...` for {what}: the skeleton is not filled in yet"
        )
    if isinstance(value, str | bytes):
        raise _BadOutput(f"returned a string, {str(value)[:40]!r}, for {what}")
    try:
        array = np.asarray(value)
    except Exception as exc:  # a ragged list, an object NumPy cannot read
        raise _BadOutput(
            f"returned {type(value).__name__} for {what}, which NumPy "
            f"cannot turn into an array ({_last_line(exc)})"
        ) from None
    if np.iscomplexobj(array):
        raise _BadOutput(
            f"returned complex numbers for {what} (dtype {array.dtype}); they "
            "must be real: look for a square root or logarithm of a negative number"
        )
    if array.dtype == object:
        raise _BadOutput(
            f"returned an array of Python objects (dtype object) for {what}: "
            "e.g. a list of arrays of different shapes, or None inside"
        )
    if array.dtype.kind not in "biuf":
        raise _BadOutput(
            f"returned an array of dtype {array.dtype} for {what}, not numbers"
        )
    if array.dtype.kind == "f" and array.dtype.itemsize < 8:
        dtypes.add(str(array.dtype))
    return array.astype(np.float64)


def _fit(array: NDArray, what: str, shape: tuple[int, ...], sequence: bool) -> NDArray:
    """``array`` of exactly ``shape`` (any size-1 array for a number, any length for a
    sequence), or _BadOutput with a hint."""
    if sequence and max(array.shape, default=1) == array.size:  # (k,), (k, 1), ...
        return array.reshape(-1)
    if shape == () and array.size == 1:
        return array.reshape(())
    if array.shape == shape:
        return array
    hint = ""
    if shape == ():
        hint = ", which should be a single number"
    elif array.shape == shape[::-1]:
        hint = ": the transpose of what is asked"
    elif array.ndim == 1 and array.size == np.prod(shape):
        hint = (
            f": a 1-D array of {array.size} numbers instead of shape {shape}; keep the "
            "2-D shape (matrix products such as w.T @ X and X @ dz.T keep it, "
            "np.sum(..., axis=...) needs keepdims=True)"
        )
    raise _BadOutput(f"returned {what} of shape {array.shape}, expected {shape}{hint}")


def _items(value: Any, names: tuple[str, ...], extra: bool) -> list[Any]:
    """The results, from a tuple, a list, a 1-D array, a mapping or attributes."""
    wanted = "(" + ", ".join(names) + ")"
    if isinstance(value, Mapping):
        if all(name in value for name in names):
            return [value[name] for name in names]
        raise _BadOutput(f"returned a mapping without the keys {wanted}")
    if not isinstance(value, np.ndarray) and all(hasattr(value, n) for n in names):
        return [getattr(value, name) for name in names]
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "biuf":
        value = list(value)
    if isinstance(value, tuple | list):
        if len(value) == len(names) or (extra and len(value) > len(names)):
            return list(value[: len(names)])
        raise _BadOutput(
            f"returned {len(value)} item(s), expected {len(names)}: {wanted}"
        )
    array = _array(value, "the result", set())  # says what is wrong with None, ...
    raise _BadOutput(
        f"returned an array of shape {array.shape}, expected a tuple {wanted}"
    )


def _read(exercise: Exercise, value: Any, reference: Parts, dtypes: set[str]) -> Parts:
    names = exercise.parts
    if len(names) == 1:
        shape = reference[names[0]].shape
        if isinstance(value, tuple) and len(value) > 1 and np.shape(value[0]) == shape:
            raise _BadOutput(
                f"returned a tuple of {len(value)} items, expected {names[0]} alone",
                "a tuple returned, not one array",
            )
        items = [value]
    else:
        items = _items(value, names, exercise.extra_items)

    def fit(order: tuple[int, ...]) -> Parts:
        return {
            name: _fit(
                _array(items[i], name, dtypes),
                name,
                reference[name].shape,
                name in exercise.sequences,
            )
            for name, i in zip(names, order, strict=True)
        }

    try:
        return fit(tuple(range(len(names))))
    except _BadOutput as first:
        for order in permutations(len(names)):
            try:
                fit(order)
            except _BadOutput:
                continue
            raise _BadOutput(
                _in_order(names, tuple(order.index(i) for i in range(len(names)))),
                "results in the wrong order",
            ) from None
        raise first


# ----------------------------------------------------------------------- the runner
def _run(
    fn: Callable,
    exercise: Exercise,
    case: Case,
    reference: Parts,
    limit: float | None = None,
) -> _Run:
    args = tuple(
        arg.copy() if isinstance(arg, np.ndarray) else arg for arg in case.args
    )
    run = _Run(case, reference, _safe.safe_call(fn, args, limit))
    run.mutated = tuple(
        name
        for name, before, after in zip(exercise.arguments, case.args, args, strict=True)
        if isinstance(before, np.ndarray)
        and not (
            isinstance(after, np.ndarray)
            and before.shape == after.shape
            and np.array_equal(before, after, equal_nan=True)
        )
    )
    if run.outcome.error is None and not run.outcome.timed_out:
        try:
            run.parts = _read(exercise, run.outcome.value, reference, run.dtypes)
        except _BadOutput as exc:
            run.bad = exc
        except Exception as exc:  # an output object that breaks while being read
            run.bad = _BadOutput(
                f"returned an object that could not be read: {_last_line(exc)}"
            )
    return run


def _close(exercise: Exercise, got: NDArray, want: NDArray, rtol: float | None = None):
    if got.shape != want.shape:  # a sequence of another length
        return np.zeros(max(got.size, want.size, 1), dtype=bool)
    rtol = exercise.rtol if rtol is None else rtol
    return np.isclose(got, want, rtol=rtol, atol=exercise.atol, equal_nan=True)


def _right(exercise: Exercise, run: _Run) -> bool:
    return run.parts is not None and all(
        _close(exercise, run.parts[p], run.reference[p]).all() for p in exercise.parts
    )


_PREDICTIONS: dict[tuple[int, int], Parts | None] = {}  # the table's and cases live on


def _predict(mistake: Mistake, run: _Run) -> Parts | None:
    key = (id(mistake.predict), id(run.case))
    if key not in _PREDICTIONS:
        with np.errstate(all="ignore"):
            try:
                _PREDICTIONS[key] = mistake.predict(*run.case.args)
            except Exception:  # pragma: no cover - a prediction that cannot apply
                _PREDICTIONS[key] = None
    prediction = _PREDICTIONS[key]
    if prediction is None:
        return None
    return {
        p: np.broadcast_to(np.asarray(v, float), run.reference[p].shape)
        if run.reference[p].size == np.size(v) or np.ndim(v) == 0
        else np.asarray(v, float)
        for p, v in prediction.items()
        if p in run.reference
    }


def _matches(exercise: Exercise, mistake: Mistake, runs: list[_Run]) -> bool:
    """The learner's values fit the mistake on every input, and differ from ours."""
    explains = False
    for run in runs:
        prediction = _predict(mistake, run)
        if prediction is None:
            return False
        for part in mistake.parts:
            got, pred, want = run.parts[part], prediction[part], run.reference[part]
            if mistake.kind == "nonfinite":
                bad = ~np.isfinite(got) & ~_close(exercise, got, want)
                if got.shape != pred.shape or (bad & np.isfinite(pred)).any():
                    return False
                explains = explains or bool(bad.any())
            else:
                finite = np.isfinite(got)
                if (
                    got.shape != pred.shape
                    or not _close(exercise, got, pred)[finite].all()
                ):
                    return False
                explains = explains or bool(
                    (finite & ~_close(exercise, got, want)).any()
                )
    return explains


# -------------------------------------------------------------------- formatting
def _pair(want: Any, got: Any) -> tuple[str, str]:
    """The two numbers with enough digits to differ."""
    for digits in (6, 10, 17):
        texts = f"{float(want):.{digits}g}", f"{float(got):.{digits}g}"
        if texts[0] != texts[1]:
            break
    return texts


def _where(run: _Run, part: str, exercise: Exercise) -> str:
    got, want = run.parts[part], run.reference[part]
    if got.shape != want.shape:
        return f"expected {part} of length {want.size}, got {got.size}"
    wrong = ~_close(exercise, got, want)
    index = tuple(int(i) for i in np.argwhere(wrong)[0]) if got.ndim else ()
    name = f"{part}[{', '.join(map(str, index))}]" if index else part
    expected, value = _pair(want[index], got[index])
    kind = (
        ""
        if np.isfinite(got[index]) or not np.isfinite(want[index])
        else " (NaN or infinity)"
    )
    more = (
        f" ({int(wrong.sum())} of {wrong.size} entries differ)"
        if wrong.sum() > 1
        else ""
    )
    return f"expected {name} = {expected}, got {value}{kind}{more}"


def _last_line(exc: BaseException) -> str:
    try:
        text = str(exc).strip().splitlines()
    except Exception:  # an exception whose text cannot be made
        text = []
    return f"{type(exc).__name__}: {text[-1]}" if text else type(exc).__name__


def _named(mistake: Mistake, example: str = "") -> Finding:
    text = f"Recognised mistake: {mistake.name}. {mistake.explanation}"
    text += f" Reread equation {mistake.label}." if mistake.label else ""
    return mistake, text + (f" {example}" if example else "")


# --------------------------------------------------------------------- diagnosis
def _failures(
    exercise: Exercise, catalogue: list[Mistake], runs: list[_Run]
) -> list[Finding]:
    """Time limits, exit() and exceptions."""
    kinds = {m.kind: m for m in catalogue}
    last = runs[-1]
    if last.outcome.timed_out:
        text = (
            f"Your function did not return within {_safe.TIME_LIMIT:g} s on the input "
            f"{last.case.description}, so the check stopped there."
        )
        if last.outcome.abandoned:
            text += " It may still be running: if the notebook slows down, restart the kernel."
        return [(kinds["time"], f"{_named(kinds['time'])[1]} {text}")]
    raised = [run for run in runs if run.outcome.error is not None]
    if not raised:
        return []
    first, found = raised[0], []
    for mistake in catalogue:
        if mistake.kind in ("raises", "exit") and all(
            isinstance(run.outcome.error, mistake.exceptions)
            and (
                not mistake.words
                or any(w in _last_line(run.outcome.error) for w in mistake.words)
            )
            and (not mistake.undefined or run.case.undefined)
            for run in raised
        ):
            found.append(_named(mistake))
    where = (
        "on every input"
        if len(raised) == len(runs)
        else f"on {len(raised)} of {len(runs)} inputs"
    )
    error = _last_line(first.outcome.error)
    did = (
        f"called exit() ({error})"
        if isinstance(first.outcome.error, SystemExit)
        else f"raised `{error}`"
    )
    return [
        *found,
        (
            None,
            f"Your function {did} {where}, first on the input {first.case.description}.",
        ),
    ]


def _mutations(catalogue: list[Mistake], runs: list[_Run]) -> list[Finding]:
    """One finding: the catalogue's own mistake of a changed argument, else the generic."""
    changed = {
        name: next(r for r in runs if name in r.mutated)
        for r in runs
        for name in r.mutated
    }
    if not changed:
        return []
    mutations = [m for m in catalogue if m.kind == "mutation"]
    mistake = next(m for m in mutations if m.argument in (*changed, ""))
    where = "; ".join(
        f"{name} (input: {run.case.description})" for name, run in changed.items()
    )
    return [_named(mistake, f"Your function changed in place its input {where}.")]


def _values(
    exercise: Exercise, catalogue: list[Mistake], runs: list[_Run]
) -> list[Finding]:
    if all(_right(exercise, run) for run in runs):
        return []
    chosen, explained = [], set()
    for mistake in sorted(
        (m for m in catalogue if m.kind in ("value", "nonfinite")),
        key=lambda m: (m.kind == "nonfinite", -len(m.parts)),
    ):
        if mistake.kind == "nonfinite" and any(_nonfinite_too(m, runs) for m in chosen):
            continue  # a value mistake that predicts the NaN too explains them
        if (
            mistake.kind == "nonfinite" or not explained.issuperset(mistake.parts)
        ) and _matches(exercise, mistake, runs):
            chosen.append(mistake)
            explained.update(mistake.parts)
    if not chosen:
        for mistake in catalogue:
            if mistake.kind == "order" and (order := _reordered(exercise, runs)):
                return [_named(mistake, _in_order(exercise.parts, order))]
            low = sorted({d for run in runs for d in run.dtypes})
            if mistake.kind == "dtype" and all(  # float32 keeps about 7 digits
                _close(exercise, run.parts[p], run.reference[p], rtol=1e-5).all()
                for run in runs
                for p in exercise.parts
            ):
                said = (
                    f"Your function returns dtype {', '.join(low)}."
                    if low
                    else "Your values agree with ours to about 7 digits only, as float32 gives."
                )
                return [
                    _named(
                        mistake, f"{said} {_example(exercise, runs, exercise.parts)}"
                    )
                ]
    for mistake in catalogue:  # some parts may show a mistake by themselves
        parts = tuple(
            p
            for p in mistake.parts
            if p not in explained
            and mistake.kind == "value"
            and _matches(exercise, replace(mistake, parts=(p,)), runs)
        )
        if parts:
            chosen.append(replace(mistake, parts=parts))
            explained.update(parts)
    found = []
    for mistake in chosen:
        found.append(_named(mistake, _example(exercise, runs, mistake.parts)))
    for run in runs:  # what no recognised mistake explains
        predictions = [(m, _predict(m, run)) for m in chosen]
        for part in exercise.parts:
            got = run.parts[part]
            if _close(exercise, got, run.reference[part]).all() or any(
                part in m.parts
                and pred is not None
                and _close(exercise, got, pred[part]).all()
                for m, pred in predictions
            ):
                continue
            lead = "Also, your" if chosen else "Your"
            text = (
                f"{lead} function returns a wrong value on the input "
                f"{run.case.description}: {_where(run, part, exercise)}."
            )
            if (
                run.case.numerical is not None
                and got.shape == run.reference[part].shape
            ):
                wrong = ~_close(exercise, got, run.reference[part])
                value = run.case.numerical[part][
                    tuple(np.argwhere(np.atleast_1d(wrong))[0]) if got.ndim else ()
                ]
                text += (
                    " (Central finite differences of the cost, equation eq-gradcheck, "
                    f"give {_pair(value, 0)[0]} there too.)"
                )
            return [*found, (None, f"{text} Reread equation {exercise.labels[part]}.")]
    return found


def _nonfinite_too(mistake: Mistake, runs: list[_Run]) -> bool:
    """The mistake predicts every NaN or infinity of the learner's values."""
    for run in runs:
        prediction = _predict(mistake, run) or {}
        for part, pred in prediction.items():
            got = run.parts[part]
            if got.shape != pred.shape or (~np.isfinite(got) & np.isfinite(pred)).any():
                return False
    return True


def _example(exercise: Exercise, runs: list[_Run], parts: tuple[str, ...]) -> str:
    run, part = next(
        (run, p)
        for run in runs
        for p in parts
        if not _close(exercise, run.parts[p], run.reference[p]).all()
    )
    return f"For example on the input {run.case.description}: {_where(run, part, exercise)}."


def _reordered(exercise: Exercise, runs: list[_Run]) -> tuple[int, ...] | None:
    """The order of ours the learner's results are in, if another."""
    parts = exercise.parts
    return next(
        (
            order
            for order in permutations(len(parts))
            if all(
                _close(exercise, run.parts[parts[j]], run.reference[parts[i]]).all()
                for run in runs
                for j, i in enumerate(order)
            )
        ),
        None,
    )


def _in_order(names: tuple[str, ...], order: tuple[int, ...]) -> str:
    """What a learner returning ``names`` in ``order`` returns, and what is asked."""
    return (
        f"You return ({', '.join(names[i] for i in order)}), in this order; the "
        f"statement asks for ({', '.join(names)})."
    )


def _probe_arguments(
    fn: Callable, exercise: Exercise, mistake: Mistake
) -> Finding | None:
    """Right when called with the arguments in another order?"""
    cases = _cases(exercise.key)[:2]
    for order in permutations(len(exercise.arguments)):
        runs = []
        for case, reference in cases:
            moved = Case(case.description, tuple(case.args[i] for i in order))
            run = _run(fn, exercise, moved, reference, limit=min(_safe.TIME_LIMIT, 1.0))
            runs.append(run)
            if run.outcome.timed_out or not _right(exercise, run):
                break
        else:
            called = ", ".join(exercise.arguments[i] for i in order)
            return _named(
                mistake,
                f"It gives our results when called as {exercise.key}"
                f"({called}), not as {exercise.key}({', '.join(exercise.arguments)}).",
            )
        if runs[-1].outcome.timed_out:
            return None
    return None


def _loads(code: CodeType, name: str) -> bool:
    """Whether the code, or a function defined in it, reads the global ``name``."""
    return any(
        i.opname == "LOAD_GLOBAL" and i.argval == name
        for i in dis.get_instructions(code)
    ) or any(_loads(c, name) for c in code.co_consts if isinstance(c, CodeType))


@contextlib.contextmanager
def _on_its_own(fn: Callable, exercise: Exercise) -> Iterator[list[str]]:
    """Judge ``fn`` on its own: the learner's functions of earlier exercises that it
    calls are the package's while it runs (so that two mistakes cannot cancel)."""
    namespace = getattr(fn, "__globals__", {})
    code = getattr(fn, "__code__", None)
    mine = {
        name: namespace[name]
        for name in exercise.calls
        if name in namespace and code is not None and _loads(code, name)
    }
    namespace.update({name: exercise.calls[name] for name in mine})
    try:
        yield list(mine)
    finally:
        namespace.update(mine)


def check(fn: Any, key: str) -> CheckResult:
    """Run ``fn`` on every case of the exercise ``key``; the verdict."""
    exercise = EXERCISES[key]
    if not callable(fn):
        raise TypeError(
            f"{exercise.checker} needs a function, got {type(fn).__name__} "
            f"{fn!r:.60}; pass the function itself, without calling it (no parentheses)"
        )
    with _on_its_own(fn, exercise) as replaced:
        result = _check(fn, exercise)
    if not replaced:
        return result
    note = (
        f"Your {key} ran with binary_logreg's {' and '.join(replaced)} in place of "
        f"yours, so that it is judged on its own "
        f"({' and '.join(f'check_{name}' for name in replaced)} "
        f"{'judges' if len(replaced) == 1 else 'judge'} yours)."
    )
    return replace(result, notes=(*result.notes, note))


def _check(fn: Callable, exercise: Exercise) -> CheckResult:
    key = exercise.key
    catalogue = mistakes_of(key)
    kinds = {m.kind: m for m in catalogue}
    runs = []
    for case, reference in _cases(key):
        runs.append(_run(fn, exercise, case, reference))
        if runs[-1].outcome.timed_out:
            break
    found = _failures(exercise, catalogue, runs)
    if runs[-1].outcome.timed_out:  # the check stopped: nothing else is certain
        return _verdict(exercise, runs, found, [])
    bad = [run for run in runs if run.bad is not None]
    if bad:  # the largest input shows a shape mistake best
        run = max(bad, key=lambda run: sum(v.size for v in run.reference.values()))
        mistake = next((m for m in catalogue if m.name == run.bad.mistake), None)
        text = (
            f"{run.bad} (input: {run.case.description})"
            if run.bad.mistake
            else f"Your function {run.bad} (input: {run.case.description})."
        )
        found.append((mistake, f"{_named(mistake)[1]} {text}" if mistake else text))
    found += _mutations(catalogue, runs)
    good = [run for run in runs if run.parts is not None]
    found += _values(exercise, catalogue, good) if good else []
    named = {m.kind for m, _ in found if m is not None}
    if found and not named - {"raises"} and not runs[-1].outcome.timed_out:
        probe = _probe_arguments(fn, exercise, kinds["arguments"])
        found = [probe] if probe else found
    return _verdict(exercise, runs, found, good)


def _verdict(
    exercise: Exercise, runs: list[_Run], found: list[Finding], good: list[_Run]
) -> CheckResult:
    notes = []
    warned = [run for run in runs if run.outcome.warnings]
    if warned:
        note = f"Your function warned `{warned[0].outcome.warnings[0]}` on the input {warned[0].case.description}"
        explained = (
            not found
            and exercise.warning_note
            and "encountered" in warned[0].outcome.warnings[0]
        )
        notes.append(note + (f": {exercise.warning_note}" if explained else "."))
    if not found and good:
        worst = max(_relative(run) for run in good)
        if worst > 1e-10:
            low = sorted({d for run in good for d in run.dtypes})
            note = f"Your values agree with ours to a relative {worst:.1e}, not to rounding error (about 1e-15)"
            reason = (
                f"your results are {', '.join(low)}, which keeps about 7 digits"
                if low
                else exercise.close_note
            )
            notes.append(note + (f": {reason}." if reason else "."))
    if found:
        message = "\n".join(text for _, text in found)
    else:
        message = f"Right on all {len(runs)} inputs ({'; '.join(r.case.description for r in runs)})."
    return CheckResult(
        name=exercise.checker,
        passed=not found,
        message=message,
        notes=tuple(notes),
        mistakes=tuple(dict.fromkeys(m.name for m, _ in found if m is not None)),
    )


def _relative(run: _Run) -> float:
    worst = 0.0
    for part, want in run.reference.items():
        got = run.parts[part]
        difference = np.abs(got - want)
        relevant = np.isfinite(difference) & (
            difference > 1e-12
        )  # noise near 0 is rounding
        if relevant.any():
            worst = max(
                worst,
                float((difference / np.maximum(np.abs(want), 1e-300))[relevant].max()),
            )
    return worst
