"""Domain errors. The CLI turns each into an exit code; the library never exits."""

from __future__ import annotations


class FramingError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(self.describe())

    def describe(self) -> str:
        """``file:line: field 'x': message``, omitting the parts that are unknown."""
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        what = f"field {self.field!r}: " if self.field else ""
        return f"{where}{what}{self.message}"


class InputError(FramingError):
    """A document or input file that cannot be read as asked."""

    exit_code = 2


class LexiconError(FramingError):
    """A lexicon card or entries file that does not follow the documented format."""

    exit_code = 3


class ConfigError(FramingError):
    """An experiment configuration that cannot be run."""

    exit_code = 4


class ModelError(FramingError):
    """A model file that cannot be loaded safely."""

    exit_code = 5


class DataError(FramingError):
    """A shared dataset that is missing or not in its documented layout."""

    exit_code = 6
