"""Write the worksheets of the "Your turn" exercises into a folder, without Sphinx.

    python docs/_ext/make_worksheets.py OUTPUT_FOLDER

The code is the site tooling's ``logreg_site.worksheets``; this file only runs it
(Python puts this folder, which holds the package, on the module path).
"""

import sys

from logreg_site.worksheets import main

if __name__ == "__main__":
    sys.exit(main())
