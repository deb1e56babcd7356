"""A notebook page and a plain one: the notebook executed ahead (logreg_site.page_execution)."""

extensions = ["myst_nb", "logreg_site.page_execution"]
exclude_patterns = ["_build"]
nb_execution_mode = "cache"
# the pages that start first
logreg_longest_pages_first = ["slow"]
