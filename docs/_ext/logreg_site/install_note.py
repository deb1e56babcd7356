"""The first line of every script and notebook the site offers for download.

One constant, importable without Sphinx: ``conf.py`` gives it to Sphinx-Gallery
(the gallery notebooks' first cell), ``package_download`` puts it at the top of the
page notebooks, ``worksheets`` at the top of each worksheet.
"""

#: what a downloaded script or notebook needs, as its first line (or cell)
INSTALL_NOTE = (
    "# Needs the binary-logreg package with its [tutorial] extra: see Install "
    "on the front page of the tutorial site."
)
