"""Tables and metrics from analyze records (synthetic records that follow docs/SCHEMA.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from framing.aggregate import (
    Params,
    actor_labels,
    actors_by_group,
    corpus_summary,
    density_table,
    fetch_texts,
    is_analyze_output,
    kwic,
    monthly_density,
    read_tables,
    sourcing_table,
    speaker_profile,
    stance_table,
    tables_from_records,
    top_cues,
    top_terms,
)
from framing.errors import InputError

# ---------------------------------------------------------------------------- record factory

CATEGORY = {
    "slammed": "charged_verb",
    "regime": "pejorative_label",
    "so-called": "distancing",
    "thugs": "pejorative_label",
    "radical": "pejorative_label",
}


def make_record(
    doc_id: str,
    source: str | None,
    text: str,
    *,
    quoted: Sequence[str] = (),
    cues: Sequence[tuple[str, str, str, str | None]] = (),
    date: str | None = "2024-03-01",
    metadata: dict[str, Any] | None = None,
    scare: Sequence[str] = (),
    actors: Sequence[tuple[str, str]] = (),
) -> dict[str, Any]:
    """An analyze record for ``text``: hits for every word of :data:`CATEGORY` found in it.

    ``quoted`` are substrings whose hits get the quoted voice; ``cues`` are (cue text, stance,
    source type, speaker); words are counted with a plain split (quoted words from ``quoted``).
    """
    hits = []
    lowered = text.lower()
    quoted_spans = [(text.index(q), text.index(q) + len(q)) for q in quoted]
    for term, category in CATEGORY.items():
        start = lowered.find(term)
        while start != -1:
            end = start + len(term)
            voice = (
                "quoted" if any(a <= start and end <= b for a, b in quoted_spans) else "authorial"
            )
            hits.append(
                {
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "term": term,
                    "category": category,
                    "weight": 1.0,
                    "lexicon": "loaded",
                    "sentence": 0,
                    "voice": voice,
                    "rules": ["exact"],
                    "scare_quoted": False,
                }
            )
            start = lowered.find(term, end)
    n_words = len(text.split())
    q_words = sum(len(q.split()) for q in quoted)
    attributions = []
    for cue, stance, source_type, speaker in cues:
        start = text.index(cue)
        attributions.append(
            {
                "cue": {
                    "start": start,
                    "end": start + len(cue),
                    "text": cue,
                    "lemma": cue,
                    "stance": stance,
                },
                "source": {"start": 0, "end": 0, "text": speaker or "", "type": source_type},
                "content": {"start": 0, "end": 0},
                "kind": "direct",
                "speaker": speaker,
                "confidence": 1.0,
            }
        )
    quotes = []
    for q in (*quoted, *scare):
        start = text.index(q)
        quotes.append(
            {
                "start": start,
                "end": start + len(q),
                "inner_start": start + 1,
                "inner_end": start + len(q) - 1,
                "text": q,
                "kind": "scare" if q in scare else "direct",
                "n_words": len(q.split()),
                "balanced": True,
                "confidence": 1.0,
            }
        )
    actor_rows = []
    for actor, label in actors:
        start = text.index(label)
        a_start = text.index(actor)
        actor_rows.append(
            {
                "actor": actor,
                "label": label,
                "category": CATEGORY.get(label, "pejorative_label"),
                "start": start,
                "end": start + len(label),
                "actor_start": a_start,
                "actor_end": a_start + len(actor),
                "voice": "authorial",
            }
        )
    return {
        "id": doc_id,
        "source": source,
        "title": f"Title {doc_id}",
        "date": date,
        "url": None,
        "author": None,
        "metadata": metadata or {},
        "text_hash": "0",
        "n_words": n_words,
        "text": text,
        "sentences": [[0, len(text)]],
        "excluded": [],
        "quotes": quotes,
        "hits": hits,
        "attributions": attributions,
        "actors": actor_rows,
        "scores": {
            "n_words": n_words,
            "words_by_voice": {"authorial": n_words - q_words, "quoted": q_words, "reported": 0},
            "attribution": {
                "direct_quote_share": (q_words / n_words) if n_words else 0.0,
            },
        },
    }


LOADED = "Officials slammed the regime and its radical thugs again and again today"
PLAIN = "The council met on Tuesday to discuss the budget for next year in detail"


def make_corpus() -> list[dict[str, Any]]:
    """Two outlets: "Loud Post" is loaded in every article, "Calm Times" rarely."""
    records = []
    for i in range(12):
        records.append(
            make_record(
                f"loud-{i}",
                "Loud Post",
                f"{LOADED}. Critics insisted “the regime lies” said an aide {i}."
                + " Yes." * (i % 3),
                quoted=["“the regime lies”"],
                cues=[
                    ("insisted", "distancing", "person", "Critics"),
                    ("said", "neutral", "anonymous", None),
                ],
                date=f"2024-0{1 + i % 3}-1{i % 9}",
                metadata={"event": f"e{i % 4}"},
                scare=[],
                actors=[("Officials", "regime")],
            )
        )
    for i in range(12):
        text = f"{PLAIN}. The mayor said the plan is sound {i}." + (
            " Some called it a regime." if i == 0 else ""
        )
        records.append(
            make_record(
                f"calm-{i}",
                "Calm Times",
                text,
                cues=[("said", "neutral", "person", "the mayor")],
                date=f"2024-0{1 + i % 3}-0{1 + i % 9}",
                metadata={"event": f"e{i % 4}"},
            )
        )
    return records


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


FAST = Params(n_boot=200, n_permutations=200, seed=1)

# ---------------------------------------------------------------------------- tests


def test_tables_have_one_row_per_document_and_hit() -> None:
    records = make_corpus()
    tables = tables_from_records(records)
    assert len(tables.documents) == 24
    assert len(tables.hits) == sum(len(r["hits"]) for r in records)
    assert tables.groups == ["Calm Times", "Loud Post"]
    assert set(tables.categories) == {"charged_verb", "pejorative_label"}
    # every hit's recorded text is the text at its offsets
    texts = {r["id"]: r["text"] for r in records}
    ids = dict(zip(tables.documents["doc"], tables.documents["id"], strict=True))
    for row in tables.hits.itertuples():
        assert texts[ids[row.doc]][row.start : row.end] == row.text


def test_density_is_the_ratio_of_sums() -> None:
    records = make_corpus()
    tables = tables_from_records(records)
    dens = density_table(tables, FAST)
    row = dens[(dens.group == "Loud Post") & (dens.voice == "all") & (dens.category == "(any)")]
    loud = [r for r in records if r["source"] == "Loud Post"]
    expected = 1000 * sum(len(r["hits"]) for r in loud) / sum(r["n_words"] for r in loud)
    assert row["per_1000"].item() == pytest.approx(expected)
    assert row["low"].item() < expected < row["high"].item()
    calm = dens[(dens.group == "Calm Times") & (dens.voice == "all") & (dens.category == "(any)")]
    assert calm["per_1000"].item() < row["low"].item()
    quoted = dens[(dens.group == "Loud Post") & (dens.voice == "quoted")]
    assert quoted.set_index("category").loc["pejorative_label", "hits"] == 12


def test_missing_source_is_grouped_not_dropped() -> None:
    records = [make_record("x", None, PLAIN), make_record("y", "", PLAIN)]
    tables = tables_from_records(records)
    assert tables.groups == ["(no source)"]
    assert corpus_summary(tables)["documents"] == 2


def test_stances_sourcing_and_speakers() -> None:
    tables = tables_from_records(make_corpus())
    stances = stance_table(tables, FAST).set_index(["group", "stance"])
    assert stances.loc[("Loud Post", "distancing"), "share"] == pytest.approx(0.5)
    assert stances.loc[("Calm Times", "distancing"), "share"] == 0.0
    sourcing = sourcing_table(tables, FAST).set_index(["group", "metric"])
    assert sourcing.loc[("Loud Post", "anonymous_rate"), "value"] == pytest.approx(0.5)
    assert sourcing.loc[("Calm Times", "anonymous_rate"), "value"] == 0.0
    speakers = speaker_profile(tables.subset("Loud Post"))
    assert speakers[0]["speaker"] == "Critics"
    assert speakers[0]["verbs"] == [["insisted", 12]]
    assert speakers[0]["source_type"] == "person"  # as the records type the source


def test_continuations_and_unsourced_hearsay_in_cue_figures() -> None:
    # as scores.attribution of each record: a continuation paragraph has no cue of its own, and
    # "reportedly" without a source is unverified sourcing
    record = make_record(
        "c",
        "Loud Post",
        "Critics insisted the regime lied.",
        cues=[("insisted", "distancing", "anonymous", "Critics")],
    )
    continuation = dict(record["attributions"][0])
    continuation["cue"] = {"start": 0, "end": 0, "text": "", "lemma": "", "stance": "distancing"}
    continuation["kind"] = "continuation"
    hearsay = {
        "cue": {
            "start": 0,
            "end": 0,
            "text": "reportedly",
            "lemma": "reportedly",
            "stance": "neutral",
        },
        "source": None,
        "content": {"start": 0, "end": 0},
        "kind": "indirect",
        "speaker": None,
        "confidence": 0.6,
    }
    record["attributions"] += [continuation, hearsay]
    tables = tables_from_records([record])
    stances = stance_table(tables, FAST).set_index("stance")
    assert stances.loc["distancing", "all_cues"] == 2
    assert stances.loc["distancing", "cues"] == 1
    sourcing = sourcing_table(tables, FAST).set_index("metric")
    assert sourcing.loc["anonymous_rate", "value"] == pytest.approx(0.5)
    assert sourcing.loc["unverified_rate", "value"] == pytest.approx(0.5)
    assert "" not in set(top_cues(tables)["lemma"])
    (critics,) = speaker_profile(tables)
    assert critics["source_type"] == "anonymous"  # the report says how a speaker is sourced
    assert critics["attributions"] == 2  # the cue and the paragraph that continues it
    assert critics["verbs"] == [["insisted", 1]]
    assert critics["stances"] == {"distancing": 1}


def _speaker_counts(names: Sequence[str], source_type: str) -> dict[str, int]:
    """Most-quoted speakers of one record per name ("<name> said the regime fell.")."""
    records = [
        make_record(
            f"s{i}",
            "Wire",
            f"{name} said the regime fell.",
            cues=[("said", "neutral", source_type, name)],
        )
        for i, name in enumerate(names)
    ]
    return {p["speaker"]: p["attributions"] for p in speaker_profile(tables_from_records(records))}


def test_speakers_with_and_without_a_middle_initial_are_counted_once() -> None:
    names = ["Donald Trump", "Donald J. Trump", "Donald Trump", "George W. Bush",
             "George H. W. Bush", "George Bush"]  # fmt: skip
    profile = _speaker_counts(names, "person")
    assert profile["Donald Trump"] == 3
    assert "Donald J. Trump" not in profile
    # two Bushes with initials: which one "George Bush" is cannot be told, all stay apart
    assert profile["George W. Bush"] == profile["George H. W. Bush"] == profile["George Bush"] == 1


def test_a_speaker_s_surname_alone_counts_under_the_person_most_named_by_it() -> None:
    profile = _speaker_counts(["Donald Trump"] * 9 + ["Melania Trump", "Trump"], "person")
    assert profile == {"Donald Trump": 10, "Melania Trump": 1}
    even = _speaker_counts(["Ana Ruiz", "Maria Ruiz", "Ruiz"], "person")
    assert even == {"Ana Ruiz": 1, "Maria Ruiz": 1, "Ruiz": 1}


def test_speakers_written_with_and_without_an_article_are_counted_once() -> None:
    names = ["The Civic Alliance", "the Civic Alliance", "Civic Alliance", "Civic Alliance",
             "The Hague", "Theodor Park"]  # fmt: skip
    profile = _speaker_counts(names, "organisation")
    # counted under the most frequent way of writing it
    assert profile["Civic Alliance"] == 4
    assert "The Civic Alliance" not in profile
    assert "the Civic Alliance" not in profile
    # only a whole leading article goes: "The Hague" has no other form, "Theodor" is a name
    assert profile["The Hague"] == profile["Theodor Park"] == 1


def test_top_terms_kwic_and_months() -> None:
    tables = tables_from_records(make_corpus())
    loud = tables.subset("Loud Post")
    terms = top_terms(loud)
    assert terms.iloc[0]["term"] == "regime"
    examples = kwic(loud, "slammed")
    assert examples
    assert examples[0]["match"] == "slammed"
    assert examples[0]["left"].endswith("Officials ")
    assert "so-called" not in set(loud.hits["term"])  # never in the text: no hit
    months = monthly_density(loud)
    assert months["month"].tolist() == ["2024-01", "2024-02", "2024-03"]
    assert months["docs"].sum() == 12


def test_read_tables_streams_file_and_fetches_texts(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "results.jsonl", make_corpus())
    (tmp_path / "results.errors.jsonl").write_text(
        json.dumps(
            {"file": "in.jsonl", "line": 7, "field": "text", "reason": "empty text", "id": "z"}
        )
        + "\n",
        encoding="utf-8",
    )
    assert is_analyze_output(path)
    tables = read_tables(path, story_field="event")
    assert tables.texts == {}
    assert len(tables.skipped) == 1
    assert tables.documents["story"].nunique() == 4
    texts = fetch_texts(tables, ["calm-3"])
    assert texts["calm-3"].startswith("The council")


def test_bad_json_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(make_corpus()[0]) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_tables(path)
    assert info.value.line == 2
    assert info.value.file == str(path)


def test_missing_hits_field_is_an_error(tmp_path: Path) -> None:
    record = make_corpus()[0]
    del record["hits"]
    path = write_jsonl(tmp_path / "r.jsonl", [record])
    with pytest.raises(InputError) as info:
        read_tables(path)
    assert info.value.field == "hits"


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(InputError, match="duplicate"):
        tables_from_records([make_record("a", "s", PLAIN), make_record("a", "s", PLAIN)])


def test_raw_input_is_not_taken_for_analyze_output(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "raw.jsonl", [{"id": "1", "text": PLAIN, "source": "x"}])
    assert not is_analyze_output(path)


def test_all_word_counts_exclude_boilerplate() -> None:
    record = make_record("a", "s", "Photo by Someone. The council met today")
    record["excluded"] = [
        {"start": 0, "end": 17, "reason": "photo_credit", "text": "Photo by Someone."}
    ]
    tables = tables_from_records([record], count_words=True)
    counts = tables.word_counts["s"]
    assert counts["council"] == 1
    assert counts["photo"] == 0
    assert np.isclose(sum(counts.values()), 4)


def test_parquet_dataset_gives_the_same_tables_as_jsonl(tmp_path: Path) -> None:
    from framing.aggregate import is_parquet_dataset, open_tables, read_tables_parquet
    from framing.tables import write_parquet

    records = make_corpus()
    jsonl = read_tables(write_jsonl(tmp_path / "results.jsonl", records), story_field="event")
    dataset = write_parquet(records, tmp_path / "results.parquet")
    assert is_parquet_dataset(dataset)
    assert not is_parquet_dataset(tmp_path / "results.jsonl")
    parquet = read_tables_parquet(dataset, story_field="event")
    assert parquet.groups == jsonl.groups
    assert len(parquet.hits) == len(jsonl.hits)
    assert parquet.documents["story"].tolist() == jsonl.documents["story"].tolist()
    a, b = density_table(jsonl, FAST), density_table(parquet, FAST)
    assert a["per_1000"].tolist() == pytest.approx(b["per_1000"].tolist(), nan_ok=True)
    assert a["low"].tolist() == pytest.approx(b["low"].tolist(), nan_ok=True)
    s1, s2 = sourcing_table(jsonl, FAST), sourcing_table(parquet, FAST)
    assert s1["value"].tolist() == pytest.approx(s2["value"].tolist(), nan_ok=True)
    st1, st2 = stance_table(jsonl, FAST), stance_table(parquet, FAST)
    assert st1["share"].tolist() == pytest.approx(st2["share"].tolist(), nan_ok=True)
    assert fetch_texts(parquet, ["loud-3", "calm-0"]) == {
        "loud-3": records[3]["text"],
        "calm-0": records[12]["text"],
    }
    assert kwic(parquet, "regime")[0]["id"] == "loud-0"
    # a metadata field as the group, and the dispatcher picks the Parquet reader
    by_event = open_tables(dataset, workdir=tmp_path, group_field="event")
    assert by_event.groups == ["e0", "e1", "e2", "e3"]


def test_actor_labels_count_voices_and_the_rules_that_linked_them(tmp_path: Path) -> None:
    text = "The regime of Viktor Drazen fell. Critics said “the regime lies.”"
    record = make_record("d1", "Loud Post", text, actors=[("Viktor Drazen", "regime")])
    second = dict(record["actors"][0])
    start = text.rindex("regime")
    second.update(start=start, end=start + len("regime"), voice="quoted")
    record["actors"] = [dict(record["actors"][0], link="of_in"), dict(second, link="of_in")]
    old = make_record(
        "d2", "Loud Post", "The regime of Viktor Drazen.", actors=[("Viktor Drazen", "regime")]
    )  # written before links were recorded: no "link"
    assert "link" not in old["actors"][0]
    tables = read_tables(write_jsonl(tmp_path / "results.jsonl", [record, old]))
    assert actor_labels(tables) == [
        {
            "actor": "Viktor Drazen",
            "label": "regime",
            "category": "pejorative_label",
            "count": 3,
            "docs": 2,
            "voices": {"authorial": 2, "quoted": 1},
            "links": {"of_in": 2, "unrecorded": 1},
        }
    ]


def test_actors_by_group_counts_words_and_speech_per_outlet(tmp_path: Path) -> None:
    ledger = make_record(
        "l1",
        "Ledger",
        "The strongman Viktor Drazen insisted the vote was fair. Drazen slammed critics.",
        cues=[("insisted", "distancing", "person", "Viktor Drazen")],
        actors=[("Viktor Drazen", "strongman")],
    )
    courier = make_record(
        "c1",
        "Courier",
        "Drazen said the vote was fair. The regime of Drazen held. Officials said so.",
        cues=[
            ("said the vote", "neutral", "person", "Drazen"),
            ("said so", "neutral", "anonymous", None),
        ],
        actors=[("Drazen", "regime")],
    )
    courier["actors"][0]["voice"] = "quoted"
    tables = read_tables(write_jsonl(tmp_path / "results.jsonl", [ledger, courier]))
    rows = actors_by_group(tables).to_dict(orient="records")
    # "Drazen" is counted under the one longer name that ends with it; the anonymous source
    # is no actor
    assert rows == [
        {
            "actor": "Viktor Drazen",
            "group": "Courier",
            "documents": 1,
            "words": 1,
            "words_authorial": 0,
            "top_words": "regime",
            "attributions": 1,
            "direct": 1,
            "cues": 1,
            "distancing": 0,
            "charged": 0,
        },
        {
            "actor": "Viktor Drazen",
            "group": "Ledger",
            "documents": 1,
            "words": 1,
            "words_authorial": 1,
            "top_words": "strongman",
            "attributions": 1,
            "direct": 1,
            "cues": 1,
            "distancing": 1,
            "charged": 0,
        },
    ]


def test_a_surname_of_two_full_names_stays_apart(tmp_path: Path) -> None:
    record = make_record(
        "d1",
        "Ledger",
        "Ana Ruiz said yes. Lucia Ruiz said no. Ruiz said maybe.",
        cues=[
            ("said yes", "neutral", "person", "Ana Ruiz"),
            ("said no", "neutral", "person", "Lucia Ruiz"),
            ("said maybe", "neutral", "person", "Ruiz"),
        ],
    )
    tables = read_tables(write_jsonl(tmp_path / "results.jsonl", [record]))
    assert sorted(actors_by_group(tables)["actor"]) == ["Ana Ruiz", "Lucia Ruiz", "Ruiz"]
    empty = read_tables(write_jsonl(tmp_path / "empty.jsonl", [make_record("e", "X", "Quiet.")]))
    assert actors_by_group(empty).empty


def test_a_surname_goes_to_the_person_who_holds_nine_in_ten_of_its_mentions(
    tmp_path: Path,
) -> None:
    def speech(doc: str, speakers: list[str]) -> dict[str, Any]:
        text = " ".join(f"{n} said {i}." for i, n in enumerate(speakers))
        cues = [(f"said {i}", "neutral", "person", n) for i, n in enumerate(speakers)]
        return make_record(doc, "Ledger", text, cues=cues)

    dominant = [speech("a", ["David Okafor"] * 9 + ["Maria Okafor", "Okafor"])]
    tables = read_tables(write_jsonl(tmp_path / "a.jsonl", dominant))
    counts = dict(
        zip(*[actors_by_group(tables)[c] for c in ("actor", "attributions")], strict=True)
    )
    assert counts == {"David Okafor": 10, "Maria Okafor": 1}
    # eight in ten is not enough: the surname alone stays apart
    shared = [speech("b", ["David Okafor"] * 8 + ["Maria Okafor"] * 2 + ["Okafor"])]
    tables = read_tables(write_jsonl(tmp_path / "b.jsonl", shared))
    assert set(actors_by_group(tables)["actor"]) == {"David Okafor", "Maria Okafor", "Okafor"}
