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

from . import safe_call as _safe
from .result import CheckResult
from .table import CALLS, EXERCISES, TYPES, Case, Exercise, Mistake, Parts, say
from .table import mistakes_of, permutations

Finding = tuple[Mistake | None, str]


class _Bad(Exception):
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
    bad: _Bad | None = None
    mutated: tuple[str, ...] = ()
    dtypes: set[str] = field(default_factory=set)  # results of less than float64


@functools.cache
def _cases(key: str) -> tuple[tuple[Case, Parts], ...]:
    exercise = EXERCISES[key]
    return tuple((case, exercise.reference(case.args)) for case in exercise.cases())


# ------------------------------------------------------------------ reading results
def _a(value: Any) -> str:
    """The type of ``value`` with its article: "a list", "an int"."""
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def _array(value: Any, what: str, dtypes: set[str]) -> np.ndarray:
    """``value`` as a float array, or _Bad saying what kind of thing it is."""
    said = {type(None): "none", type(...): "ellipsis", np.matrix: "matrix"}
    if type(value) in said or isinstance(value, str | bytes):
        key = said.get(type(value), "string")
        raise _Bad(say(key, what=what, text=str(value)[:40]))
    try:
        array = np.asarray(value)
    except Exception as exc:  # a ragged list, an object NumPy cannot read
        text = say("unreadable", kind=_a(value), what=what, error=_last_line(exc))
        raise _Bad(text) from None
    if array.dtype.kind not in "biuf":
        key = {"c": "complex", "O": "object"}.get(array.dtype.kind, "letters")
        raise _Bad(say(key, what=what, dtype=array.dtype))
    if array.dtype.kind == "f" and array.dtype.itemsize < 8:
        dtypes.add(str(array.dtype))
    return array.astype(np.float64)


def _part(value: Any, what: str, rule: str, shape: tuple, dtypes: set[str]) -> Any:
    """``value`` as a float array of ``shape`` if it is what the type ``rule`` of
    [types] fixes, else _Bad saying what it is and what is asked."""
    want = TYPES[rule].format(shape=shape)
    if hasattr(value, "__next__"):  # a generator: reading it would use it up
        raise _Bad(say("type", kind=_a(value), what=what, want=want))
    array, is_array = _array(value, what, dtypes), isinstance(value, np.ndarray)
    if rule == "sequence" and sum(d != 1 for d in array.shape) <= 1:
        return array.reshape(-1)
    if (array.ndim == 0 and rule != "array") or (
        rule == "bias" and is_array and array.shape == (1, 1)
    ):
        return array.reshape(())
    if rule == "array" and is_array and array.shape == shape:
        return array
    if not is_array:
        raise _Bad(say("type", kind=_a(value), what=what, want=want))
    hint = say("transpose") if array.shape == shape[::-1] else ""
    if array.ndim == 1 and array.size == np.prod(shape) and rule == "array":
        hint = say("flat", size=array.size)
    raise _Bad(say("shape", what=what, got=array.shape, want=want, hint=hint))


def _items(value: Any, exercise: Exercise) -> list[Any]:
    """The results, from a mapping, attributes, a tuple, a list or a 1-D array."""
    names = exercise.parts
    wanted = "(" + ", ".join(names) + ")"
    if isinstance(value, Mapping):
        if all(name in value for name in names):
            return [value[name] for name in names]
        raise _Bad(say("keys", wanted=wanted))
    if exercise.returns:  # a dictionary is asked for
        if not isinstance(value, tuple | list):
            _array(value, "the results", set())  # None, ... say what they are
        want = TYPES[exercise.returns].format(names=wanted)
        raise _Bad(say("type", kind=_a(value), what="the results", want=want))
    if not isinstance(value, np.ndarray) and all(hasattr(value, n) for n in names):
        return [getattr(value, name) for name in names]
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "biuf":
        value = list(value)
    if isinstance(value, tuple | list):
        if len(value) == len(names) or (
            exercise.extra_items and len(value) > len(names)
        ):
            return list(value[: len(names)])
        raise _Bad(say("count", got=len(value), want=len(names), wanted=wanted))
    if hasattr(value, "__next__"):
        raise _Bad(say("generator", kind=type(value).__name__, wanted=wanted))
    array = _array(value, "the result", set())  # None, ... say what they are
    raise _Bad(say("not tuple", got=array.shape, wanted=wanted))


def _read(exercise: Exercise, value: Any, reference: Parts, dtypes: set[str]) -> Parts:
    names = exercise.parts
    if len(names) > 1:
        items = _items(value, exercise)
    elif isinstance(value, tuple) and len(value) > 1:
        if np.shape(value[0]) == reference[names[0]].shape:
            text = say("alone", got=len(value), what=names[0])
            raise _Bad(text, "a tuple returned, not one array")
        items = [value]
    else:
        items = [value]

    def fit(order: tuple[int, ...]) -> Parts:
        return {
            name: _part(
                items[i], name, exercise.types[name], reference[name].shape, dtypes
            )
            for name, i in zip(names, order, strict=True)
        }

    try:
        return fit(tuple(range(len(names))))
    except _Bad:
        for order in permutations(len(names)):
            try:
                fit(order)
            except _Bad:
                continue
            back = tuple(order.index(i) for i in range(len(names)))
            raise _Bad(_in_order(names, back), "results in the wrong order") from None
        raise


# ----------------------------------------------------------------------- the runner
def _run(
    fn: Callable,
    exercise: Exercise,
    case: Case,
    reference: Parts,
    limit: float | None = None,
) -> _Run:
    args = tuple(a.copy() if isinstance(a, np.ndarray) else a for a in case.args)
    run = _Run(case, reference, _safe.safe_call(fn, args, limit))
    for name, before, after in zip(exercise.arguments, case.args, args, strict=True):
        if isinstance(before, np.ndarray) and not (
            isinstance(after, np.ndarray)
            and before.shape == after.shape
            and np.array_equal(before, after, equal_nan=True)
        ):
            run.mutated += (name,)
    if run.outcome.error is None and not run.outcome.timed_out:
        try:
            run.parts = _read(exercise, run.outcome.value, reference, run.dtypes)
        except _Bad as exc:
            run.bad = exc
        except Exception as exc:  # an output object that breaks while being read
            run.bad = _Bad(say("broken", error=_last_line(exc)))
    return run


def _close(exercise: Exercise, got, want, rtol: float | None = None) -> np.ndarray:
    if got.shape != want.shape:  # a sequence of another length
        return np.zeros(max(got.size, want.size, 1), dtype=bool)
    rtol = exercise.rtol if rtol is None else rtol
    return np.isclose(got, want, rtol=rtol, atol=exercise.atol, equal_nan=True)


def _right(exercise: Exercise, run: _Run, parts: tuple[str, ...] = ()) -> bool:
    return run.parts is not None and all(
        _close(exercise, run.parts[p], run.reference[p]).all()
        for p in parts or exercise.parts
    )


_PREDICTIONS: dict[tuple[str, str, int], Parts | None] = {}  # the cases live on


def _predict(mistake: Mistake, run: _Run) -> Parts | None:
    """What the mistake predicts for the run's input, in the reference's shapes."""
    key = (mistake.check, mistake.name, id(run.case))
    if key not in _PREDICTIONS:
        with np.errstate(all="ignore"):
            try:
                _PREDICTIONS[key] = mistake.predict(run.case.args)
            except Exception:  # pragma: no cover - a prediction that cannot apply
                _PREDICTIONS[key] = None
    prediction, want = _PREDICTIONS[key], run.reference
    return prediction and {
        part: np.broadcast_to(np.asarray(value, float), want[part].shape)
        if want[part].size == np.size(value) or np.ndim(value) == 0
        else np.asarray(value, float)
        for part, value in prediction.items()
    }


def _matches(exercise: Exercise, mistake: Mistake, runs: list[_Run]) -> bool:
    """The learner's values fit the mistake on every input, and differ from ours:
    its finite values (its NaN and infinities for a "nonfinite" one)."""
    explains = False
    for run in runs:
        prediction = _predict(mistake, run)
        if prediction is None:
            return False
        for part in mistake.parts:
            got, pred, want = run.parts[part], prediction[part], run.reference[part]
            if got.shape != pred.shape:
                return False
            differs = ~_close(exercise, got, want) if got.shape == want.shape else True
            if mistake.kind == "nonfinite":
                bad = ~np.isfinite(got) & differs
                if (bad & np.isfinite(pred)).any():
                    return False
            else:
                bad = np.isfinite(got) & differs
                if not _close(exercise, got, pred)[np.isfinite(got)].all():
                    return False
            explains = explains or bool(bad.any())
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
    """Expected against got at the first entry that differs."""
    got, want = run.parts[part], run.reference[part]
    if got.shape != want.shape:
        return say("length", what=part, want=want.size, got=got.size)
    wrong = ~_close(exercise, got, want)
    index = tuple(int(i) for i in np.argwhere(wrong)[0]) if got.ndim else ()
    name = f"{part}[{', '.join(map(str, index))}]" if index else part
    expected, value = _pair(want[index], got[index])
    text = say("value", what=name, want=expected, got=value)
    if not np.isfinite(got[index]) and np.isfinite(want[index]):
        text += " (NaN or infinity)"
    if wrong.sum() > 1:
        text += f" ({int(wrong.sum())} of {wrong.size} entries differ)"
    if run.case.numerical is not None:
        value = _pair(run.case.numerical[part][index], 0)[0]
        text += " " + say("numerical", value=value)
    return text


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


def _example(exercise: Exercise, runs: list[_Run], parts: tuple[str, ...]) -> str:
    run, part = next(
        (run, p) for run in runs for p in parts if not _right(exercise, run, (p,))
    )
    return say("example", input=run.case.description, where=_where(run, part, exercise))


def _in_order(names: tuple[str, ...], order: tuple[int, ...]) -> str:
    """What a learner returning ``names`` in ``order`` returns, and what is asked."""
    return say(
        "in order", got=", ".join(names[i] for i in order), want=", ".join(names)
    )


# --------------------------------------------------------------------- diagnosis
def _failures(catalogue: list[Mistake], runs: list[_Run]) -> list[Finding]:
    """A time limit (the last run), exit() and exceptions."""
    last, kinds = runs[-1], {m.kind: m for m in catalogue}
    if last.outcome.timed_out:
        text = say("time", limit=_safe.TIME_LIMIT, input=last.case.description)
        text += " " + say("abandoned") if last.outcome.abandoned else ""
        text += " " + say("swallowed") if last.outcome.swallowed else ""
        return [_named(kinds["time"], text)]
    raised = [run for run in runs if run.outcome.error is not None]
    if not raised:
        return []
    found = [_named(m) for m in catalogue if _raised_by(m, raised)]
    error = raised[0].outcome.error
    did = "called exit()" if isinstance(error, SystemExit) else "raised"
    where = "every input" if raised == runs else f"{len(raised)} of {len(runs)} inputs"
    text = say(
        did, error=_last_line(error), where=where, input=raised[0].case.description
    )
    return [*found, (None, text)]


def _raised_by(mistake: Mistake, raised: list[_Run]) -> bool:
    """Every exception is of the mistake's types, with its words, on its inputs."""
    return mistake.kind in ("raises", "exit") and all(
        isinstance(run.outcome.error, mistake.exceptions)
        and (
            not mistake.words
            or any(w in _last_line(run.outcome.error) for w in mistake.words)
        )
        and (not mistake.undefined or run.case.undefined)
        for run in raised
    )


def _mutations(catalogue: list[Mistake], runs: list[_Run]) -> list[Finding]:
    """The exercise's own mistake of a changed argument, else the generic one."""
    changed: dict[str, _Run] = {}
    for run in runs:
        changed.update({name: run for name in run.mutated if name not in changed})
    if not changed:
        return []
    mistake = next(
        m for m in catalogue if m.kind == "mutation" and m.argument in (*changed, "")
    )
    where = "; ".join(
        f"{n} (input: {run.case.description})" for n, run in changed.items()
    )
    return [_named(mistake, say("changed", where=where))]


def _values(
    exercise: Exercise, catalogue: list[Mistake], runs: list[_Run]
) -> list[Finding]:
    """The mistakes that the learner's values fit, and what none of them explains."""
    if all(_right(exercise, run) for run in runs):
        return []
    chosen: list[Mistake] = []
    for mistake in sorted(
        (m for m in catalogue if m.kind in ("value", "nonfinite")),
        key=lambda m: (m.kind == "nonfinite", -len(m.parts)),
    ):
        if mistake.kind == "nonfinite" and any(_nonfinite_too(m, runs) for m in chosen):
            continue  # a value mistake that predicts the NaN too explains them
        explained = {p for m in chosen for p in m.parts}
        if (mistake.kind == "nonfinite" or set(mistake.parts) - explained) and _matches(
            exercise, mistake, runs
        ):
            chosen.append(mistake)
    if not chosen and (found := _order_or_dtype(exercise, catalogue, runs)):
        return found
    for mistake in catalogue:  # some parts may show a mistake by themselves
        explained = {p for m in chosen for p in m.parts}
        parts = tuple(
            p
            for p in mistake.parts
            if mistake.kind == "value"
            and p not in explained
            and _matches(exercise, replace(mistake, parts=(p,)), runs)
        )
        if parts:
            chosen.append(replace(mistake, parts=parts))
    found = [_named(m, _example(exercise, runs, m.parts)) for m in chosen]
    for run in runs:  # what no recognised mistake explains
        for part in exercise.parts:
            predictions = [_predict(m, run) for m in chosen if part in m.parts]
            if _right(exercise, run, (part,)) or any(
                p is not None and _close(exercise, run.parts[part], p[part]).all()
                for p in predictions
            ):
                continue
            text = say(
                "wrong",
                who="Also, your" if chosen else "Your",
                input=run.case.description,
                where=_where(run, part, exercise),
                label=exercise.labels[part],
            )
            return [*found, (None, text)]
    return found


def _order_or_dtype(
    exercise: Exercise, catalogue: list[Mistake], runs: list[_Run]
) -> list[Finding]:
    """Right results in another order, or right to the digits of a smaller float."""
    kinds, parts = {m.kind: m for m in catalogue}, exercise.parts
    for order in permutations(len(parts)):
        if all(
            _close(exercise, run.parts[parts[j]], run.reference[parts[i]]).all()
            for run in runs
            for j, i in enumerate(order)
        ):
            return [_named(kinds["order"], _in_order(parts, order))]
    low = sorted({d for run in runs for d in run.dtypes})
    rtol = max([1e-5, *(4 * float(np.finfo(d).eps) for d in low)])
    if all(
        _close(exercise, run.parts[p], run.reference[p], rtol=rtol).all()
        for run in runs
        for p in parts
    ):
        said = say("dtype", dtype=", ".join(low)) if low else say("digits")
        return [_named(kinds["dtype"], f"{said} {_example(exercise, runs, parts)}")]
    return []


def _nonfinite_too(mistake: Mistake, runs: list[_Run]) -> bool:
    """The mistake predicts every NaN or infinity of the learner's values."""
    for run in runs:
        for part, pred in (_predict(mistake, run) or {}).items():
            got = run.parts[part]
            if got.shape != pred.shape or (~np.isfinite(got) & np.isfinite(pred)).any():
                return False
    return True


def _probe_arguments(
    fn: Callable, exercise: Exercise, mistake: Mistake
) -> Finding | None:
    """Right when called with the arguments in another order?"""
    for order in permutations(len(exercise.arguments)):
        for case, reference in _cases(exercise.key)[:2]:
            moved = Case(case.description, tuple(case.args[i] for i in order))
            run = _run(fn, exercise, moved, reference, limit=min(_safe.TIME_LIMIT, 1.0))
            if run.outcome.timed_out:
                return None
            if not _right(exercise, run):
                break
        else:
            got, want = (
                ", ".join(exercise.arguments[i] for i in o)
                for o in (order, range(len(order)))
            )
            return _named(
                mistake, say("called as", key=exercise.key, got=got, want=want)
            )
    return None


def _loads(code: CodeType, name: str) -> bool:
    """Whether the code, or a function defined in it, reads the global ``name``."""
    return any(
        i.opname == "LOAD_GLOBAL" and i.argval == name
        for i in dis.get_instructions(code)
    ) or any(_loads(c, name) for c in code.co_consts if isinstance(c, CodeType))


@contextlib.contextmanager
def _on_its_own(fn: Callable, exercise: Exercise) -> Iterator[list[str]]:
    """The learner's functions of earlier exercises that ``fn`` calls are the
    package's while it runs, so that two mistakes cannot cancel."""
    namespace, code = getattr(fn, "__globals__", {}), getattr(fn, "__code__", None)
    mine = {
        name: namespace[name]
        for name in CALLS.get(exercise.key, {})
        if name in namespace and code is not None and _loads(code, name)
    }
    namespace.update({name: CALLS[exercise.key][name] for name in mine})
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
    checks = " and ".join(f"check_{name}" for name in replaced)
    note = say(
        "on its own",
        key=key,
        names=" and ".join(replaced),
        checks=checks,
        verb="judges" if len(replaced) == 1 else "judge",
    )
    return replace(result, notes=(*result.notes, note))


def _check(fn: Callable, exercise: Exercise) -> CheckResult:
    catalogue, runs = mistakes_of(exercise.key), []
    for case, reference in _cases(exercise.key):
        runs.append(_run(fn, exercise, case, reference))
        if runs[-1].outcome.timed_out:  # the check stops: nothing else is certain
            return _verdict(exercise, runs, _failures(catalogue, runs))
    found = _failures(catalogue, runs)
    bad = [run for run in runs if run.bad is not None]
    if bad:  # the largest input shows a shape mistake best
        run = max(bad, key=lambda run: sum(v.size for v in run.reference.values()))
        mistake = next((m for m in catalogue if m.name == run.bad.mistake), None)
        text = f"{run.bad} (input: {run.case.description})"
        found.append(
            _named(mistake, text) if mistake else (None, f"Your function {text}.")
        )
    found += _mutations(catalogue, runs)
    good = [run for run in runs if run.parts is not None]
    found += _values(exercise, catalogue, good) if good else []
    if found and not {m.kind for m, _ in found if m is not None} - {"raises"}:
        mistake = next(m for m in catalogue if m.kind == "arguments")
        found = [probe] if (probe := _probe_arguments(fn, exercise, mistake)) else found
    return _verdict(exercise, runs, found)


def _verdict(exercise: Exercise, runs: list[_Run], found: list[Finding]) -> CheckResult:
    notes, good = [], [run for run in runs if run.parts is not None]
    warned = next((run for run in runs if run.outcome.warnings), None)
    if warned:
        warning = warned.outcome.warnings[0]
        note = say("warned", warning=warning, input=warned.case.description)
        why = not found and "encountered" in warning and exercise.warning_note
        notes.append(f"{note}: {exercise.warning_note}" if why else f"{note}.")
    worst = 0.0 if found else max((_relative(run) for run in good), default=0.0)
    if worst > 1e-10:
        low = sorted({d for run in good for d in run.dtypes})
        reason = say("low", dtype=", ".join(low)) if low else exercise.close_note
        notes.append(say("close", worst=worst) + (f": {reason}." if reason else "."))
    inputs = "; ".join(run.case.description for run in runs)
    return CheckResult(
        name=exercise.checker,
        passed=not found,
        message="\n".join(t for _, t in found)
        or say("right", count=len(runs), inputs=inputs),
        notes=tuple(notes),
        mistakes=tuple(dict.fromkeys(m.name for m, _ in found if m is not None)),
    )


def _relative(run: _Run) -> float:
    """The largest relative difference from ours, noise near 0 left out."""
    worst = 0.0
    for part, want in run.reference.items():
        difference = np.abs(run.parts[part] - want)
        relevant = np.isfinite(difference) & (difference > 1e-12)
        if relevant.any():
            ratio = difference / np.maximum(np.abs(want), 1e-300)
            worst = max(worst, float(ratio[relevant].max()))
    return worst
