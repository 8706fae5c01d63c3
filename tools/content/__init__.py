"""The content of each notebook of the series, one module per notebook (see build_notebooks.py)."""
