"""framing: media-bias and framing analysis with evidence for every number.

The library never imports the command-line layer. Public entry points:

- :func:`framing.corpus.read_documents` reads JSONL, CSV, text directories, HTML and stdin;
- :func:`framing.lexicon.load_lexicons` parses, validates and compiles lexicons;
- :class:`framing.analyze.Analyzer` turns a :class:`framing.types.Document` into a
  :class:`framing.types.DocumentAnalysis` whose every finding carries character offsets.

Skipped documents are returned to the caller and also logged on the ``framing`` logger, which,
as a library should, prints nothing until the application configures logging.
"""

import logging

__version__ = "0.1.0"

#: Modules the wheel build compiles with mypyc when a C compiler is present (see hatch_build.py).
COMPILABLE_MODULES = ("attribution", "text", "quotes", "scores")

__all__ = ["COMPILABLE_MODULES", "__version__", "compiled_modules"]


def compiled_modules() -> tuple[str, ...]:
    """The modules of this installation that run compiled (empty: pure Python). The results
    are the same either way; only the speed differs."""
    import importlib
    import importlib.machinery

    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return tuple(
        name
        for name in COMPILABLE_MODULES
        if str(getattr(importlib.import_module(f"framing.{name}"), "__file__", "")).endswith(
            suffixes
        )
    )


logging.getLogger(__name__).addHandler(logging.NullHandler())
