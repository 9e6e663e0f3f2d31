"""Judge: raw differences -> kind, suggestion and a confidence that is a probability.

What goes in: the two editions' texts and the raw hunks of :mod:`app.diffing`. What comes
out: hunks cut so that each carries one kind of evidence (:mod:`app.judge.refine`), and the
evidence the pair itself gives about each of them: where the print's page furniture stands
(:mod:`app.judge.pages`), which tokens are words of the document's vocabulary
(:mod:`app.judge.lexicon`), whether a digit differs (:mod:`app.judge.digits`), and how this
OCR misreads (:mod:`app.judge.channel`, learned per pair). :mod:`app.classify` is the one
place where the policy turns that evidence into a classification.

Imports: the standard library, rapidfuzz, :mod:`app.model`, :mod:`app.tables`, :mod:`app.align`.
Never Qt, never :mod:`app.review` or later stages.
"""
