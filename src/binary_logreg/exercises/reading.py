"""The learner's results against ours: read as float arrays of our shapes by the rules
of the table's [types] (or the sentence saying what they are instead), then compared
within the exercise's tolerance, expected against got where they differ."""

from __future__ import annotations

import numbers
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from .table import TYPES, Case, Exercise, Parts, say

_NOT_NUMBERS = {type(None): "none", type(...): "ellipsis", np.matrix: "matrix"}


class Unreadable(Exception):
    """Results of another type or shape: the text (and the generic mistake's kind)."""


def article(value: Any) -> str:
    """The type of ``value`` with its article: "a list", "an int"."""
    kind = type(value)
    name = kind.__name__.replace("ndarray", "NumPy array")
    if kind.__module__ not in ("builtins", "numpy", "__main__"):  # an itertools.repeat
        name = f"{kind.__module__}.{name}"
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


def last_line(exc: BaseException) -> str:
    """The exception's type and the last line of its text."""
    try:
        text = str(exc).strip().splitlines()
    except Exception:  # an exception whose text cannot be made
        text = []
    return f"{type(exc).__name__}: {text[-1]}" if text else type(exc).__name__


def _is_real(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, complex)


def _numbers(value: Any, what: str, dtypes: set[str]) -> np.ndarray:
    """``value`` as a float array (a float dtype of less than 64 bits noted)."""
    if type(value) in (*_NOT_NUMBERS, str):
        key = _NOT_NUMBERS.get(type(value), "string")
        raise Unreadable(say(key, what=what, text=str(value)[:40]))
    try:
        array = np.asarray(value)
    except Exception as exc:  # a ragged list, an object NumPy cannot read
        error, kind = last_line(exc), article(value)
        raise Unreadable(say("unreadable", kind=kind, what=what, error=error)) from None
    real = array.dtype.kind == "O" and all(map(_is_real, array.flat))
    array = array.astype(float) if real else array  # Fraction, Decimal, int
    if array.dtype.kind not in "biuf":
        key = {"c": "complex", "O": "object"}.get(array.dtype.kind, "letters")
        raise Unreadable(say(key, what=what, dtype=array.dtype))
    if array.dtype.kind == "f" and array.dtype.itemsize < 8:
        dtypes.add(str(array.dtype))
    return array.astype(float)


def _part(value: Any, what: str, rule: str, shape: tuple, dtypes: set[str]) -> Any:
    """``value`` as a float array of ``shape`` if it is what the type ``rule`` fixes."""
    want, is_array = TYPES[rule].format(shape=shape), isinstance(value, np.ndarray)
    if is_array or not isinstance(value, Iterator | Mapping):  # (a generator: used up)
        array = _numbers(value, what, dtypes)
        if rule == "sequence" and sum(d != 1 for d in array.shape) <= 1:
            return array.reshape(-1)  # a list, (k,), (1, k), ...
        square = rule == "bias" and is_array and array.shape == (1, 1)
        if (array.ndim == 0 and (rule != "array" or shape == ())) or square:
            return array.reshape(())
        if rule == "array" and is_array and array.shape == shape:
            return array
        if is_array:
            hint = say("transpose") if array.shape == shape[::-1] else ""
            flat = array.ndim == 1 and array.size == np.prod(shape) and len(shape) > 1
            if flat and rule == "array":
                hint = say("flat", size=array.size, shape=shape)
            got = array.shape
            raise Unreadable(say("shape", what=what, got=got, want=want, hint=hint))
    if isinstance(value, tuple) and len(value) == 1:  # return J,
        want += " " + say("comma")
    raise Unreadable(say("type", kind=article(value), what=what, want=want))


def _items(value: Any, exercise: Exercise) -> list[Any]:
    """The results, from a tuple, a list or a 1-D array, or a mapping where the
    statement allows one (``returns``)."""
    names, ask = exercise.parts, exercise.returns or "tuple"
    wanted = f"({', '.join(names)})"
    if isinstance(value, Mapping) and "dict" in ask:
        if missing := [name for name in names if name not in value]:
            raise Unreadable(say("keys", missing=", ".join(missing)))
        return [value[name] for name in names]
    if isinstance(value, np.ndarray) and value.ndim == 1:  # of numbers (Fraction too)
        of_numbers = value.dtype.kind in "biuf" or all(map(_is_real, value))
        value = list(value) if of_numbers else value
    if "tuple" in ask and isinstance(value, tuple | list):
        if len(value) == len(names) or (
            exercise.extra_items and len(value) > len(names)
        ):
            return list(value[: len(names)])
        raise Unreadable(say("count", got=len(value), want=len(names), wanted=wanted))
    generator = hasattr(value, "__next__")
    if type(value) in (*_NOT_NUMBERS, str, np.ndarray):
        _numbers(value, "the results", set())  # None, complex, ...: say what it is
    shaped = isinstance(value, np.ndarray) and value.ndim > 0
    kind = article(value) + (f" of shape {value.shape}" if shaped else "")
    want = TYPES[ask].format(names=wanted) + (" " + say("generator")) * generator
    raise Unreadable(say("type", kind=kind, what="the results", want=want))


def read(exercise: Exercise, value: Any, case: Case, dtypes: set, order=()) -> Parts:
    """The results (in ``order``) as float arrays of our shapes, or Unreadable."""
    names, reference = exercise.parts, case.reference
    if len(names) == 1 and isinstance(value, tuple) and len(value) > 1:
        if np.shape(value[0]) == reference[names[0]].shape:
            raise Unreadable(say("alone", got=len(value), what=names[0]), "tuple")
    items = _items(value, exercise) if len(names) > 1 else [value]
    names = [names[i] for i in order or range(len(names))]
    missing = [name for name, item in zip(names, items, strict=True) if item is None]
    if len(names) > 1 and missing:  # a None among results: not a missing return
        raise Unreadable(say("none item", what=missing[0]))
    return {
        name: _part(item, name, exercise.types[name], reference[name].shape, dtypes)
        for name, item in zip(names, items, strict=True)
    }


def differs(exercise: Exercise, got, want, rtol: float | None = None) -> np.ndarray:
    """Where ``got`` differs from ``want`` (everywhere, if their shapes do)."""
    if got.shape != want.shape:  # a sequence of another length
        return np.array(True)
    rtol, atol = rtol or exercise.rtol, exercise.atol
    with np.errstate(invalid="ignore"):  # np.isclose's rule, equal NaNs close, faster
        close = np.abs(got - want) <= atol + rtol * np.abs(want)
    close |= (got == want) | (np.isnan(got) & np.isnan(want))
    if exercise.exact:  # σ's tails: 0 and 1 to the last digit
        close &= (got == want) | ((want != 0) & (want != 1))
    return ~close


def _pair(want: Any, got: Any) -> tuple[str, str]:
    """The two numbers with enough digits to differ."""
    want, got = float(want), float(got)
    digits = next((d for d in (6, 10) if f"{want:.{d}g}" != f"{got:.{d}g}"), 17)
    return f"{want:.{digits}g}", f"{got:.{digits}g}"


def where(exercise: Exercise, run: Any, part: str) -> str:
    """Expected against got at the first entry of ``part`` of a ``run`` (its ``case``
    and the ``parts`` it returned) that differs."""
    case, mine, want = run.case, run.parts[part], run.case.reference[part]
    if mine.shape != want.shape:
        return say("length", what=part, want=want.size, got=mine.size)
    wrong = differs(exercise, mine, want)
    index = tuple(int(i) for i in np.argwhere(wrong)[0]) if mine.ndim else ()
    name = f"{part}[{', '.join(map(str, index))}]" if index else part
    expected, value = _pair(want[index], mine[index])
    text = say("value", what=name, want=expected, got=value)
    if not np.isfinite(mine[index]) and np.isfinite(want[index]):
        text += " " + say("nonfinite")
    elif abs(mine[index] - want[index]) < 1e-3 * abs(want[index]):  # a close miss
        text += " " + say("tolerance", rtol=exercise.rtol, atol=exercise.atol)
    if wrong.sum() > 1:
        text += " " + say("entries", wrong=int(wrong.sum()), size=wrong.size)
    if case.numerical is not None:
        value = _pair(case.numerical[part][index], 0)[0]
        text += " " + say("numerical", value=value)
    return text


def farthest(case: Case, got: Parts) -> float:
    """The largest relative difference from ours, noise near 0 left out."""
    worst = 0.0
    for part, want in case.reference.items():
        off = np.abs(got[part] - want)  # NaN where both are the same infinity
        ratio = off / np.maximum(np.abs(want), 1e-300)
        worst = max(worst, float(np.max(ratio, where=off > 1e-12, initial=0)))
    return worst
