"""ProofPair's Qt layer: the main window and its parts.

Everything here paints and routes what the core (:mod:`app`) computes; no diffing,
classification or canonical-text logic lives in ``ui``. Qt is imported by the modules of
this package, never by ``ui/__init__`` itself, so ``ui.launcher`` can hand a CLI subcommand
to :mod:`app.cli` without loading Qt.
"""
