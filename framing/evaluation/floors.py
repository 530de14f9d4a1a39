"""The accuracy the analysis is held to: floors that the test suite asserts on annotated corpora.

One table serves two readers. The tests (``tests/evaluation/``) assert every floor against the
corpus it names, so an analysis that falls below one fails the suite; reports print the table in
their method section, so that a reader of a framing report sees how far its voices and
attributions can be trusted, in numbers that cannot be more optimistic than the code. Each floor
sits a little below the figure measured when it was set (the figures themselves, with the
commands that measure them, are in ``docs/ATTRIBUTION.md`` and ``docs/LEXICONS.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Floor:
    """One asserted lower bound: what is measured, on which corpus, by which command."""

    key: str
    what: str
    corpus: str
    command: str
    floor: float


_FLOORS = (
    Floor(
        "attribution.cue_overlap_f1",
        "attribution cues, overlap F1",
        "PolNeAR dev (84 articles, 7 outlets)",
        "framing evaluate attribution $FRAMING_DATA_DIR/polnear/dev",
        0.75,
    ),
    Floor(
        "attribution.source_overlap_f1",
        "attribution sources, overlap F1",
        "PolNeAR dev (84 articles, 7 outlets)",
        "framing evaluate attribution $FRAMING_DATA_DIR/polnear/dev",
        0.765,
    ),
    Floor(
        "attribution.content_overlap_f1",
        "attribution contents (what was said), overlap F1",
        "PolNeAR dev (84 articles, 7 outlets)",
        "framing evaluate attribution $FRAMING_DATA_DIR/polnear/dev",
        0.835,
    ),
    Floor(
        "voice.quoted_f1",
        "quoted voice against annotated quotation flags, F1",
        "BASIL bias spans (Fox News, New York Times, HuffPost)",
        "framing evaluate voice $FRAMING_DATA_DIR/basil",
        0.93,
    ),
    Floor(
        "voice.person_attributed",
        "quoted spans of a named person inside an attribution, share",
        "BASIL bias spans (Fox News, New York Times, HuffPost)",
        "framing evaluate voice $FRAMING_DATA_DIR/basil",
        0.95,
    ),
    Floor(
        "voice.person_named_right",
        "quoted spans of a named person attributed to that person, share",
        "BASIL bias spans (Fox News, New York Times, HuffPost)",
        "framing evaluate voice $FRAMING_DATA_DIR/basil",
        0.90,
    ),
    Floor(
        "actors.precision",
        "loaded words linked to the actor annotators say they aim at, share of links",
        "BASIL lexical-bias spans of direct aim (Fox News, New York Times, HuffPost)",
        "framing evaluate actors $FRAMING_DATA_DIR/basil",
        0.75,
    ),
    Floor(
        "lexicon.loaded_language_f1",
        "loaded-language hits against annotated spans, overlap F1",
        "SemEval-2020 propaganda corpus, training articles",
        "framing evaluate loaded-language $FRAMING_DATA_DIR/ptc",
        0.42,
    ),
)

#: key -> :class:`Floor`, in the order reports list them
FLOORS: Mapping[str, Floor] = MappingProxyType({f.key: f for f in _FLOORS})


def floor(key: str) -> float:
    """The asserted lower bound of ``key`` (a key of :data:`FLOORS`)."""
    return FLOORS[key].floor


def as_records() -> list[dict[str, object]]:
    """The table as plain rows (for a report's method section and its JSON)."""
    return [
        {"key": f.key, "what": f.what, "corpus": f.corpus, "command": f.command, "floor": f.floor}
        for f in _FLOORS
    ]
