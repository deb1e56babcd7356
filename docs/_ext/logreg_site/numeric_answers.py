"""The numbers of a numeric quick check: the glued answer, its tolerance, its display.

The answer is a value that a code cell of the page glued (``myst_nb.glue``), read
from its ``text/plain`` form; the tolerance is absolute (``1e-3``) or relative
(``0.5%``); the answer is shown rounded as finely as the tolerance asks.
"""

from __future__ import annotations

import math
import re

#: how IPython shows a NumPy scalar under NumPy 2: np.float64(0.5)
_NUMPY_SCALAR = re.compile(r"^(?:np|numpy)\.(?:float|int|uint)\d*\((.*)\)$")
_TOLERANCE = re.compile(r"^\s*([0-9.eE+-]+)\s*(%?)\s*$")


def glued_number(text: str) -> tuple[float, bool] | None:
    """The number in a glued value's text/plain form and whether it is an integer.

    None if the text is not a finite number (a bool, a string, an array...).
    """
    text = text.strip()
    match = _NUMPY_SCALAR.match(text)
    if match:
        text = match.group(1).strip()
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return value, re.fullmatch(r"[+-]?\d+", text) is not None


def tolerance(text: str | None, *, default_exact: bool) -> tuple[float, bool] | None:
    """``:tolerance:`` as (tolerance, relative); None if it is no such number.

    Without one: exact for an integer answer, 1% relative otherwise.
    """
    if text is None:
        return (0.0, False) if default_exact else (0.01, True)
    match = _TOLERANCE.match(text)
    try:
        number = float(match.group(1)) if match else math.nan
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and number >= 0):
        return None
    if match.group(2):
        return number / 100, True
    return number, False


def shown(value: float, tolerance: float, relative: bool) -> str:
    """The answer rounded as finely as the tolerance asks (the shown value passes)."""
    if tolerance == 0:
        return str(int(value)) if value == int(value) else repr(value)
    if relative:
        digits = max(1, math.ceil(-math.log10(tolerance)) + 1)
        return f"{value:.{digits}g}"
    decimals = max(0, math.ceil(-math.log10(tolerance)))
    return f"{value:.{decimals}f}"
