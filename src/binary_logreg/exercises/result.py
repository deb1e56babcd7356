"""The verdict of a checker, as text and as HTML in Jupyter."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class CheckResult:
    """The verdict of a ``check_*`` function: ``passed``; a ``message`` saying what
    is wrong, on which input, and which equation to reread (or a confirmation);
    ``notes`` on weaknesses that do not fail it; ``mistakes``, the names of the
    recognised mistakes of :data:`MISTAKES`. ``str(result)`` is the text; in Jupyter
    it shows as HTML, "✔ Passed" or "✘ Not yet" in words, never by colour alone.
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
        notes = ["Notes:", *(f"- {note}" for note in self.notes)] if self.notes else []
        return "\n".join([f"{self.name}: {self.verdict}", self.message, *notes])

    def _repr_html_(self) -> str:
        border = "#009E73" if self.passed else "#D55E00"  # Okabe-Ito green, vermilion
        lines = "".join(f"<p>{html.escape(p)}</p>" for p in self.message.split("\n"))
        items = "".join(f"<li>{html.escape(note)}</li>" for note in self.notes)
        return (
            f'<div class="bl-check" role="status" style="border-left: 4px solid '
            f'{border}; padding-left: 0.75em"><p><strong>{self.verdict}</strong> '
            f"({html.escape(self.name)})</p>{lines}"
            + (f"<p>Notes:</p><ul>{items}</ul>" if items else "")
            + "</div>"
        )
