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

__all__ = ["__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
