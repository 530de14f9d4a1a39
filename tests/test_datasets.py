"""Dataset loaders: the shared corpora (marker ``data``) and small files written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.datasets import (
    REGISTRY,
    available,
    data_root,
    load_article_bias,
    load_babe,
    load_basil,
    load_basil_documents,
    load_dataset,
    load_mbic,
    load_narrative_frames,
    load_polnear,
    load_polnear_documents,
    load_ptc,
    load_ptc_documents,
    load_table,
)
from framing.errors import DataError

# ----------------------------------------------------------------------- files written here

BABE_HEADER = "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"


def _babe_dir(tmp_path: Path, rows: list[str]) -> Path:
    folder = tmp_path / "babe"
    folder.mkdir()
    content = "\ufeff" + BABE_HEADER + "".join(rows)
    (folder / "final_labels_SG2.csv").write_text(content, encoding="utf-8")
    return tmp_path


def test_babe_drops_and_counts_no_agreement(tmp_path: Path) -> None:
    root = _babe_dir(
        tmp_path,
        [
            "A shameful display by the senator.;http://x;Breitbart;immigration;;Biased;x;"
            "['shameful']\n",
            "The vote is on Monday.;http://y;Reuters;elections;center;Non-biased;x;[]\n",
            "Unclear sentence.;http://z;Fox News;vaccines;right;No agreement;x;[]\n",
        ],
    )
    ds = load_babe(root)
    assert len(ds) == 2
    assert ds.dropped == {"No agreement": 1}
    assert ds.labels == ("Biased", "Non-biased")
    assert ds.groups == ("breitbart", "reuters")
    assert ds.metadata[0]["leaning"] == "right"  # empty type filled from the outlet
    assert ds.metadata[0]["biased_words"] == ("shameful",)
    assert ds.texts[0] == "A shameful display by the senator."  # BOM not in the first field
    assert ds.task == "binary"
    assert ds.content_hash == load_babe(root).content_hash


def test_babe_bad_biased_words_names_line_and_field(tmp_path: Path) -> None:
    root = _babe_dir(tmp_path, ["Text.;u;Reuters;t;center;Biased;x;['unclosed\n"])
    with pytest.raises(DataError) as info:
        load_babe(root)
    assert info.value.line == 2
    assert info.value.field == "biased_words"


def test_missing_folder_and_file_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="data folder not found") as info:
        load_babe(tmp_path / "nowhere")
    assert info.value.file == str(tmp_path / "nowhere")
    with pytest.raises(DataError, match="missing") as info:
        load_babe(tmp_path)
    assert info.value.file == str(tmp_path / "babe" / "final_labels_SG2.csv")


def test_no_root_and_no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRAMING_DATA_DIR", raising=False)
    with pytest.raises(DataError, match="FRAMING_DATA_DIR"):
        data_root()


def test_load_table_csv_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "t.csv"
    good.write_text(
        "id,text,label,source\n1,One text.,a,Daily Ledger\n2,Two text.,b,courier\n", "utf-8"
    )
    ds = load_table(good)
    assert ds.ids == ("1", "2")
    assert ds.groups == ("daily ledger", "courier")
    assert ds.classes == ("a", "b")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text,label\n1,One text.,a\n2,,b\n", "utf-8")
    with pytest.raises(DataError) as info:
        load_table(bad)
    assert (info.value.line, info.value.field) == (3, "text")
    one_class = tmp_path / "one.csv"
    one_class.write_text("text,label\nA.,a\nB.,a\n", "utf-8")
    with pytest.raises(DataError, match="two classes"):
        load_table(one_class)


def test_load_table_jsonl_multilabel(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text(
        '{"text": "A.", "label": "x|y"}\n'
        '{"text": "B.", "label": ""}\n'
        '{"text": "C.", "label": "y"}\n',
        "utf-8",
    )
    ds = load_table(path, multilabel_sep="|", source=None, id=None)
    assert ds.task == "multilabel"
    assert ds.labels == (("x", "y"), (), ("y",))
    broken = tmp_path / "b.jsonl"
    broken.write_text('{"text": "A.", "label": "x"}\n{not json\n', "utf-8")
    with pytest.raises(DataError) as info:
        load_table(broken)
    assert info.value.line == 2


def test_load_table_annotation_column(tmp_path: Path) -> None:
    path = tmp_path / "marked.csv"
    path.write_text(
        "text,label,marked\n"
        '"A fiery, reckless speech.",biased,"[""fiery"", ""reckless""]"\n'
        "A calm report.,neutral,\n"
        "A shrill tirade.,biased,shrill|tirade\n",
        "utf-8",
    )
    ds = load_table(path, annotation="marked")
    assert [m["marked"] for m in ds.metadata] == [("fiery", "reckless"), (), ("shrill", "tirade")]
    assert load_table(path).metadata == ()  # without the option nothing is kept
    broken = tmp_path / "broken.csv"
    broken.write_text('text,label,marked\nA.,a,x\nB.,b,"[""open"\n', "utf-8")
    with pytest.raises(DataError) as info:
        load_table(broken, annotation="marked")
    assert (info.value.line, info.value.field) == (3, "marked")


def test_unknown_dataset_name() -> None:
    with pytest.raises(DataError, match="unknown dataset"):
        load_dataset("no-such-corpus")


def test_subset_keeps_alignment(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("text,label\nA.,a\nB.,b\nC.,a\n", "utf-8")
    ds = load_table(path).subset([2, 0])
    assert ds.texts == ("C.", "A.")
    assert ds.labels == ("a", "a")


# ----------------------------------------------------------------------- shared corpora

#: Content hashes of the shared snapshot: a change means the data changed under the results.
HASHES = {
    "babe-sg2": "53079bcb54fe32c7",
    "article-bias-prediction": "f7f4106894aeb83c",
    "narrative-frames": "9a4d4c942ed4ed3f",
}


@pytest.mark.data
def test_babe_sg2_shared_part(data_dir: Path) -> None:
    ds = load_babe(data_dir)
    assert len(ds) == 2927
    assert ds.label_counts() == {"Biased": 1434, "Non-biased": 1493}
    assert ds.content_hash == HASHES["babe-sg2"]
    assert len(set(ds.groups)) >= 10
    assert all(m["leaning"] for m in ds.metadata)  # every empty type filled


@pytest.mark.data
def test_babe_sg1_and_mbic_drop_no_agreement(data_dir: Path) -> None:
    for ds in (load_babe(data_dir, group="SG1"), load_mbic(data_dir)):
        assert len(ds) > 1000
        assert ds.dropped.get("No agreement", 0) > 0
        assert set(ds.classes) == {"Biased", "Non-biased"}


@pytest.mark.data
def test_article_bias_prediction(data_dir: Path) -> None:
    ds = load_article_bias(data_dir)
    assert len(ds) > 3000
    assert ds.classes == ("center", "left", "right")
    assert len(set(ds.groups)) == 15
    assert ds.content_hash == HASHES["article-bias-prediction"]
    # one leaning per outlet: the labels are outlet-level
    leaning: dict[str, set[str]] = {}
    for g, lab in zip(ds.groups, ds.labels, strict=True):
        leaning.setdefault(g, set()).add(str(lab))
    assert all(len(v) == 1 for v in leaning.values())


@pytest.mark.data
def test_narrative_frames(data_dir: Path) -> None:
    ds = load_narrative_frames(data_dir)
    assert ds.task == "multilabel"
    assert len(ds) > 300
    assert ds.dropped == {"missing or invalid frame columns": 1}
    assert set(ds.classes) == {"conflict", "economic", "human_interest", "moral", "resolution"}
    assert ds.content_hash == HASHES["narrative-frames"]
    assert ds.content_hash == load_narrative_frames(data_dir).content_hash


@pytest.mark.data
def test_basil_documents_spans_are_exact(data_dir: Path) -> None:
    corpus = load_basil_documents(data_dir)
    assert len(corpus.documents) > 200
    assert len(corpus.spans) > 1000
    texts = {d.id: d.text for d in corpus.documents}
    for span in corpus.spans:
        assert texts[span.document_id][span.start : span.end] == span.text
    assert all(d.metadata.get("triplet-uuid") for d in corpus.documents)
    sentences = load_basil(data_dir)
    assert 0 < sentences.label_counts()["biased"] < len(sentences)


@pytest.mark.data
def test_polnear_and_ptc(data_dir: Path) -> None:
    pol = load_polnear_documents(data_dir)
    assert len(pol.documents) > 500
    texts = {d.id: d.text for d in pol.documents}
    assert {s.label for s in pol.spans} == {"Source", "Cue", "Content"}
    for span in pol.spans[:2000]:
        assert texts[span.document_id][span.start : span.end] == span.text
    assert len(load_polnear(data_dir).classes) >= 5
    ptc = load_ptc_documents(data_dir)
    assert len(ptc.documents) > 300
    ptc_texts = {d.id: d.text for d in ptc.documents}
    for span in ptc.spans[:2000]:
        assert ptc_texts[span.document_id][span.start : span.end] == span.text
    assert load_ptc(data_dir).label_counts()["biased"] > 0


@pytest.mark.data
def test_available_lists_every_registered_dataset(data_dir: Path) -> None:
    found = {info.name: ok for info, _, ok in available(data_dir)}
    assert set(found) == set(REGISTRY)
    assert found["babe"]
    assert all(info.citation and info.licence for info in REGISTRY.values())
