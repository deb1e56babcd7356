"""A constant, documented with autodata. It is a ``Scale``, so viewcode looks for it
in the module of its class, ``scales``, notes that module and finds no tag there: no
[source] link points into ``scales``."""

from viewcode_sample.scales import Scale

#: multiplies by two
DOUBLE = Scale(2)
