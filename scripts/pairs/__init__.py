"""Hand-written pairs for ``scripts/make_pair.py``: one module per pair."""
