import sys
from pathlib import Path

# the small package whose source pages this root shows
sys.path.insert(0, str(Path(__file__).parent))

extensions = ["sphinx.ext.autodoc", "sphinx.ext.viewcode", "logreg_site.source_pages"]
exclude_patterns = ["_build"]
