"""The ``framing`` command line: parses arguments, calls the library, renders results.

Kept apart from the ``framing`` library so that the library never imports typer.
"""
