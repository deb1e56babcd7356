"""The first line of every script and notebook the site offers for download.

Importable without Sphinx: ``conf.py`` gives it to Sphinx-Gallery
(the gallery notebooks' first cell), ``package_download`` puts it at the top of the
page notebooks; ``worksheets`` puts :data:`WORKSHEET_NOTE` at the top of each
worksheet, which imports NumPy and the package alone.
"""

#: what a downloaded script or notebook needs, as its first line (or cell)
INSTALL_NOTE = (
    "# Needs the binary-logreg package with its [tutorial] extra: see Install "
    "on the front page of the tutorial site."
)
#: what a worksheet needs, as its first cell: the package alone
WORKSHEET_NOTE = (
    "# Needs the binary-logreg package alone, no extra: see Install on the front "
    "page of the tutorial site."
)
