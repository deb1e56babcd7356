"""A function, documented with autofunction: its [source] link points here."""

from viewcode_sample.constants import DOUBLE


def double(x):
    """Return ``2 * x``."""
    return DOUBLE(x)
