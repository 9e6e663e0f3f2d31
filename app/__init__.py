"""ProofPair's Qt-free core: editions, sections, changes, decisions, canonical text.

Nothing in this package imports Qt or :mod:`ui`; an import-linter contract in the test
suite enforces it. The public entry points are :func:`app.engine.compare` and
:class:`app.review.Review`.
"""

__version__ = "0.1.0"
