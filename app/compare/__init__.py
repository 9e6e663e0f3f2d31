"""Compare: two editions -> aligned sections -> raw differences.

This package grows as the compare stage's modules move in (DESIGN.md); today it holds
:mod:`app.compare.moves`, which finds paragraphs that stand in another order in the two
editions (an OCR reading a two-column page in the wrong order) so they are reported as moved
instead of as a deletion and an unrelated insertion.

Imports: the standard library, :mod:`app.model`, :mod:`app.diffing`, :mod:`app.align`.
"""
