"""Lexicon induction: weighted log-odds ranking, flags for known terms, the written lexicon."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing.errors import InputError
from framing.evaluation.ptc import GoldSpan, PtcArticle, span_annotated
from framing.induce import (
    CANDIDATE_CATEGORY,
    LabelledText,
    SpanAnnotated,
    count_terms,
    induce_terms,
    label_documents,
    span_documents,
    write_candidates,
)
from framing.lexicon import parse_lexicon, validate_lexicon
from framing.types import Document
from framing_cli.app import app

LOADED = Path(__file__).resolve().parent.parent / "lexicons" / "loaded.toml"

BIASED = [
    "The senator's outrageous scheme would gut the pension fund.",
    "An outrageous giveaway to donors, critics said of the bill.",
    "Voters deserve better than this outrageous stunt.",
    "The council slammed the outrageous fee increase.",
    "It is an outrageous abuse of power by the mayor.",
    "Residents called the tower an eyesore and a sellout.",
]
NEUTRAL = [
    "The council approved the budget on Tuesday by a vote of seven to two.",
    "The budget includes funding for road repairs and two new schools.",
    "The mayor said the budget would be published next week.",
    "The vote followed a public hearing that lasted three hours.",
    "Officials said the budget keeps property taxes unchanged.",
    "The budget takes effect in July after the council vote.",
]


def _data() -> list[LabelledText]:
    return [LabelledText(t, True) for t in BIASED] + [LabelledText(t, False) for t in NEUTRAL]


def test_over_represented_term_ranks_first_with_positive_z() -> None:
    result = induce_terms(_data(), min_count=3, prior_size=10)
    first = result.candidates[0]
    assert first.term == "outrageous"
    assert (first.count_positive, first.count_negative) == (5, 0)
    assert first.z > 0
    assert first.log_odds > 0
    zs = [c.z for c in result.candidates]
    assert zs == sorted(zs, reverse=True)


def test_terms_of_the_negative_class_get_negative_z() -> None:
    result = induce_terms(_data(), min_count=3, prior_size=10)
    by_term = {c.term: c for c in result.candidates}
    assert by_term["budget"].count_negative == 5
    assert by_term["budget"].z < 0
    assert by_term["council"].z < by_term["outrageous"].z
    # with top, only positive candidates are kept
    top = induce_terms(_data(), min_count=3, prior_size=10, top=5)
    assert [c.term for c in top.candidates] == ["outrageous"]


def test_min_count_drops_rare_terms() -> None:
    rare = induce_terms(_data(), min_count=1, prior_size=10)
    assert "eyesore" in {c.term for c in rare.candidates}
    frequent = induce_terms(_data(), min_count=2, prior_size=10)
    assert "eyesore" not in {c.term for c in frequent.candidates}


def test_known_lexicon_terms_are_flagged_not_proposed() -> None:
    spec = parse_lexicon(LOADED)
    result = induce_terms(_data(), lexicons=[spec], min_count=1, prior_size=10)
    known = {c.term: c.known_as for c in result.known}
    assert known["outrageous"] == "loaded:loaded_adjective:outrageous"
    assert known["slammed"] == "loaded:loaded_verb:slam"  # an inflected surface form
    assert "outrageous" not in {c.term for c in result.candidates}
    assert "eyesore" in {c.term for c in result.candidates}


def test_ngrams_skip_stop_words_names_digits_and_punctuation() -> None:
    text = "Critics say the so-called reform, which Smith backed, cuts 40 jobs. Smith disagrees."
    pos, _, n_pos, n_neg = count_terms([LabelledText(text, True)])
    assert (n_pos, n_neg) == (1, 0)
    assert pos[("so", "called")] == 1  # hyphen joins a bigram
    assert pos[("called", "reform")] == 1
    assert ("reform", "which") not in pos  # a comma ends a bigram
    assert ("smith",) in pos  # sentence-initial "Smith" is counted once
    assert pos[("smith",)] == 1  # ... but the mid-sentence name is not
    assert ("the",) not in pos  # stop word
    assert ("40",) not in pos
    assert ("jobs", "smith") not in pos  # never across a sentence end
    names, _, _, _ = count_terms([LabelledText(text, True)], keep_names=True)
    assert names[("smith",)] == 2


def test_possessive_and_curly_apostrophe_fold() -> None:
    pos, _, _, _ = count_terms([LabelledText("the regime’s lies and the regime's army", True)])
    assert pos[("regime",)] == 2


def test_span_annotations_count_inside_as_positive() -> None:
    text = "Officials met on Monday. The plan is a disgraceful sham, he said."
    start = text.index("disgraceful")
    item = SpanAnnotated(text, ((start, start + len("disgraceful sham")),))
    pos, neg, n_pos, n_neg = count_terms([item])
    assert (n_pos, n_neg) == (1, 1)
    assert pos[("disgraceful",)] == 1
    assert pos[("disgraceful", "sham")] == 1
    assert ("officials",) in neg
    assert ("disgraceful",) not in neg
    assert ("plan", "disgraceful") not in pos  # a bigram straddling the span edge is dropped
    assert ("plan", "disgraceful") not in neg


def test_needs_both_classes_and_sane_parameters() -> None:
    with pytest.raises(InputError, match="both classes"):
        induce_terms([LabelledText(t, True) for t in BIASED])
    with pytest.raises(InputError, match="min_count"):
        induce_terms(_data(), min_count=0)
    with pytest.raises(InputError, match="max_ngram"):
        induce_terms(_data(), max_ngram=3)


def test_written_candidates_parse_as_a_lexicon(tmp_path: Path) -> None:
    result = induce_terms(
        _data(), lexicons=[parse_lexicon(LOADED)], min_count=1, prior_size=10, top=10
    )
    tsv, card = write_candidates(result, tmp_path / "BABE candidates.tsv")
    assert card == tmp_path / "BABE candidates.toml"
    assert validate_lexicon(card) == []
    spec = parse_lexicon(card)
    assert spec.name == "babe_candidates"
    assert [e.term for e in spec.entries] == [c.term for c in result.candidates]
    assert all(e.category == CANDIDATE_CATEGORY for e in spec.entries)
    first = spec.entries[0]
    assert first.rationale.startswith("TODO review:")
    assert f"z {result.candidates[0].z:+.2f}" in first.rationale
    text = tsv.read_text(encoding="utf-8")
    assert "# outrageous\tloaded:loaded_adjective:outrageous" in text  # flagged, as a comment


def test_write_refuses_other_suffixes(tmp_path: Path) -> None:
    result = induce_terms(_data(), min_count=1, prior_size=10)
    with pytest.raises(InputError, match=r"\.tsv"):
        write_candidates(result, tmp_path / "out.csv")


def test_label_documents_names_file_line_and_field() -> None:
    docs = [
        Document("a", "one", metadata={"label": "Biased"}, origin="in.csv:2"),
        Document("b", "two", metadata={"label": "Non-biased"}, origin="in.csv:3"),
        Document("c", "three", metadata={"label": "No agreement"}, origin="in.csv:4"),
    ]
    labelled = label_documents(docs, "label", ["Biased"], ["Non-biased"])
    assert [t.positive for t in labelled.texts] == [True, False]
    assert labelled.excluded == {"No agreement": 1}
    every_other = label_documents(docs, "label", ["Biased"])
    assert [t.positive for t in every_other.texts] == [True, False, False]
    bad = [*docs, Document("d", "four", metadata={}, origin="in.csv:5")]
    with pytest.raises(InputError) as info:
        label_documents(bad, "label", ["Biased"])
    assert (info.value.file, info.value.line, info.value.field) == ("in.csv", 5, "label")


def test_command_writes_candidates_from_a_csv(tmp_path: Path) -> None:
    rows = ["text;label"]
    rows += [f"{t};Biased" for t in BIASED]
    rows += [f"{t};Non-biased" for t in NEUTRAL]
    rows.append("Nobody could agree on this sentence.;No agreement")
    source = tmp_path / "labelled.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "cands.tsv"
    args = ["lexicon", "induce", str(source), "--label-field", "label", "--positive", "Biased"]
    args += ["--negative", "Non-biased", "--min-count", "2", "--prior-size", "10", "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "left out: 1 text(s) labelled 'No agreement'" in result.output
    assert validate_lexicon(out.with_suffix(".toml")) == []
    assert "eyesore" not in out.read_text(encoding="utf-8")  # seen once: below --min-count
    args[args.index("label")] = "stance"
    missing = CliRunner().invoke(app, args)
    assert isinstance(missing.exception, InputError)
    assert missing.exception.field == "stance"


def test_span_documents_reads_pairs_and_rejects_bad_ones() -> None:
    text = "They called it a shameful sham. The vote is on Friday."
    good = Document("a", text, metadata={"spans": "[[17, 30]]"}, origin="s.csv:2")
    listed = Document("b", text, metadata={"spans": [[17, 25]]}, origin="s.jsonl:1")
    none = Document("c", text, metadata={"spans": ""}, origin="s.csv:3")
    items = span_documents([good, listed, none], "spans")
    assert [i.spans for i in items] == [((17, 30),), ((17, 25),), ()]
    assert text[17:30] == "shameful sham"
    for value, message in [
        ("[[17, 300]]", "outside the text"),
        ("[[5, 5]]", "empty"),
        ("[17, 30]", "integer pairs"),
        ("{oops", "not JSON"),
        ('{"a": 1}', "a list"),
    ]:
        bad = Document("d", text, metadata={"spans": value}, origin="s.csv:9")
        with pytest.raises(InputError, match=message) as info:
            span_documents([bad], "spans")
        assert (info.value.file, info.value.line, info.value.field) == ("s.csv", 9, "spans")
    with pytest.raises(InputError, match="no spans field"):
        span_documents([Document("e", text, origin="s.csv:4")], "spans")


def test_command_reads_annotated_spans_from_jsonl(tmp_path: Path) -> None:
    lines = []
    for i, sentence in enumerate(BIASED):
        start = sentence.find("outrageous")
        spans = [[start, start + len("outrageous")]] if start >= 0 else []
        lines.append(json.dumps({"id": f"b{i}", "text": sentence, "marked": spans}))
    source = tmp_path / "spans.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "from_spans.tsv"
    args = ["lexicon", "induce", str(source), "--spans-field", "marked", "--min-count", "2"]
    args += ["--prior-size", "10", "--lexicon", str(LOADED), "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "5 annotated spans in 6 texts" in result.output
    assert "# outrageous\tloaded:loaded_adjective:outrageous" in out.read_text(encoding="utf-8")
    mixed = CliRunner().invoke(app, [*args, "--label-field", "x"])
    assert mixed.exit_code != 0
    neither = CliRunner().invoke(app, ["lexicon", "induce", str(source), "-o", str(out)])
    assert neither.exit_code != 0


def test_ptc_articles_become_span_annotated_texts() -> None:
    text = "A sham vote. The count ended."
    art = PtcArticle(
        "1",
        text,
        (GoldSpan(2, 6, ("Loaded_Language",)), GoldSpan(13, 22, ("Doubt",))),
    )
    (item,) = span_annotated([art])
    assert item.spans == ((2, 6),)
    pos, neg, _, _ = count_terms([item])
    assert pos[("sham",)] == 1
    assert ("count",) in neg
