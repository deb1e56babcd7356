"""Tests of the site's Sphinx extension (docs/_ext/logreg_site), without a docs build.

A package, so that its conftest and test modules do not shadow those of tests/.
"""
