"""The verdict of a checker, as text and as HTML in Jupyter."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class CheckResult:
    """The verdict of a ``check_*`` function.

    Attributes
    ----------
    name : str
        What was checked, e.g. ``"check_backward"``.
    passed : bool
        Whether the function returned the right values, of the right type and
        shape, on every input, without raising and without changing its inputs.
    message : str
        What is wrong, on which input, and which equation to reread (its label,
        such as ``eq-dw``); a short confirmation when it passed.
    notes : tuple of str
        Weaknesses that do not make the check fail, e.g. a warning on the way to
        the right value.
    mistakes : tuple of str
        The names of the catalogued mistakes (see :data:`MISTAKES`) recognised in
        the function's behaviour; empty when none fits.

    Notes
    -----
    ``str(result)`` is the plain-text report; in Jupyter the result displays as
    HTML (``_repr_html_``), with the verdict in words, "✔ Passed" or
    "✘ Not yet", so that it never relies on colour.
    """

    name: str
    passed: bool
    message: str
    notes: tuple[str, ...] = ()
    mistakes: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        """``"✔ Passed"`` or ``"✘ Not yet"``."""
        return "✔ Passed" if self.passed else "✘ Not yet"

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        lines = [f"{self.name}: {self.verdict}", self.message]
        if self.notes:
            lines.append("Notes:")
            lines.extend(f"- {note}" for note in self.notes)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        border = "#009E73" if self.passed else "#D55E00"  # Okabe-Ito green, vermilion
        paragraphs = "".join(
            f"<p>{html.escape(paragraph)}</p>"
            for paragraph in self.message.split("\n")
            if paragraph
        )
        notes = ""
        if self.notes:
            items = "".join(f"<li>{html.escape(note)}</li>" for note in self.notes)
            notes = f"<p>Notes:</p><ul>{items}</ul>"
        return (
            f'<div class="bl-check" role="status" style="border-left: 4px solid '
            f'{border}; padding-left: 0.75em">'
            f"<p><strong>{self.verdict}</strong> ({html.escape(self.name)})</p>"
            f"{paragraphs}{notes}</div>"
        )
