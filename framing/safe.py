"""Safe output: file names from untrusted strings, atomic writes, CSV-injection neutralising.

Source names, story keys and document ids come from the input and may contain path separators,
``..``, control characters or spreadsheet formulas. Everything written to disk from such values
goes through this module.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

#: Longest file-name stem produced (before the extension), well below common 255-byte limits.
MAX_STEM = 80

_UNSAFE_RE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


def _short_hash(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def safe_filename(name: str, *, max_length: int = MAX_STEM) -> str:
    """A file-name stem for ``name``: ASCII letters, digits, ``.``, ``_`` and ``-`` only.

    No path separators, no leading dot (so never ``..``), no control characters, at most
    ``max_length`` characters. When sanitising changed the name, a short hash of the original is
    appended so that two different names never collide ("a/b" and "a?b" differ).
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE_RE.sub("_", folded.strip()).strip("._-")
    stem = re.sub(r"\.{2,}", ".", stem)
    if stem.lower().split(".")[0] in _RESERVED:
        stem = f"_{stem}"
    changed = stem != name or not stem
    if changed:
        suffix = _short_hash(name)
        stem = f"{stem[: max_length - 9]}-{suffix}" if stem else suffix
    elif len(stem) > max_length:
        stem = f"{stem[: max_length - 9]}-{_short_hash(name)}"
    return stem


def unique_filenames(names: Iterable[str], *, max_length: int = MAX_STEM) -> dict[str, str]:
    """Map each distinct name to a safe stem, unique case-insensitively across ``names``."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        if name in result:
            continue
        stem = safe_filename(name, max_length=max_length)
        if stem.lower() in used:
            stem = f"{stem[: max_length - 9]}-{_short_hash('dup:' + name)}"
        used.add(stem.lower())
        result[name] = stem
    return result


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def neutralize_csv_cell(value: object) -> object:
    """Prefix text cells a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``...).

    Numbers are returned unchanged (a negative number is data, not a formula).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
