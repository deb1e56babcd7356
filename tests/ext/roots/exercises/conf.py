extensions = [
    "myst_nb",
    "sphinx_exercise",
    "sphinx_togglebutton",
    "logreg_site.exercise_ids",
    "logreg_site.loaded_cells",
    "logreg_site.worksheet_links",
    "logreg_site.toggle_names",
    "logreg_site.verdict_links",
]
myst_enable_extensions = ["dollarmath", "colon_fence", "amsmath"]
nb_execution_mode = "off"
exclude_patterns = ["_build", "code"]
numfig = True
math_numfig = True
numfig_secnum_depth = 1
# as the site's theme (sphinx-book-theme) sets it: _sources/<page>.md
html_sourcelink_suffix = ""
