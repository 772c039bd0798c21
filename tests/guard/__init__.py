"""The network guard of the tests (``sitecustomize.py``, see there)."""
