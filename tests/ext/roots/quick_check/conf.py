extensions = ["myst_nb", "logreg_site.quick_check"]
myst_enable_extensions = ["dollarmath", "colon_fence"]
nb_execution_mode = "auto"
nb_execution_raise_on_error = True
exclude_patterns = ["_build"]
numfig = True
math_numfig = True
