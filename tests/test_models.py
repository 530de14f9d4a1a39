"""Saving and loading models with skops, refusing untrusted types, and predicting."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

from framing.errors import ModelError
from framing.features import LexiconFeatures
from framing.models import TRUSTED_TYPES, load_model, predict, save_model, untrusted_types

TEXTS = [
    "The regime unleashed a brutal crackdown on peaceful protesters.",
    "The corrupt strongman rammed through a disastrous power grab.",
    "Radical zealots hijacked the debate with shameful lies.",
    "The thugs of the junta terrorized the helpless villagers.",
    "The committee met on Tuesday to review the budget.",
    "The council approved the new bus timetable.",
    "Rainfall in March was close to the long-term average.",
    "The museum will open a new wing next spring.",
]
LABELS = np.array(["loaded"] * 4 + ["plain"] * 4, dtype=object)
NEW = ["The brutal regime crushed dissent.", "The council met on Monday."]


def _pipeline(model: object) -> Pipeline:
    union = FeatureUnion(
        [
            ("words", TfidfVectorizer()),
            ("lex", Pipeline([("extract", LexiconFeatures()), ("scale", StandardScaler())])),
        ]
    )
    return Pipeline([("features", union), ("model", model)]).fit(TEXTS, LABELS)


def test_round_trip_gives_identical_predictions(tmp_path: Path) -> None:
    est = _pipeline(LogisticRegression())
    path = save_model(
        est, tmp_path / "m.skops", task="binary", classes=["loaded", "plain"], metadata={"a": 1}
    )
    loaded = load_model(path)
    assert loaded.task == "binary"
    assert loaded.classes == ("loaded", "plain")
    assert loaded.metadata["a"] == 1
    assert loaded.metadata["framing_version"]
    np.testing.assert_array_equal(loaded.estimator.predict(NEW), est.predict(NEW))
    np.testing.assert_allclose(loaded.estimator.predict_proba(NEW), est.predict_proba(NEW))
    assert untrusted_types(path) == []


def test_file_is_not_a_pickle(tmp_path: Path) -> None:
    path = save_model(
        _pipeline(LinearSVC()), tmp_path / "m.skops", task="binary", classes=["a", "b"]
    )
    assert path.read_bytes()[:2] == b"PK"  # a skops zip archive


def test_untrusted_type_is_refused_with_its_name(tmp_path: Path) -> None:
    forest = Pipeline([("features", TfidfVectorizer()), ("model", RandomForestClassifier(3))])
    forest.fit(TEXTS, LABELS)
    path = save_model(forest, tmp_path / "forest.skops", task="binary", classes=["a", "b"])
    # skops itself does not trust the tree structures a forest holds, nor does our list
    assert "sklearn.tree._tree.Tree" not in TRUSTED_TYPES
    with pytest.raises(ModelError, match=r"not trusted: sklearn\.tree\._tree\.Tree") as info:
        load_model(path)
    assert info.value.file == str(path)
    # the caller can trust more types explicitly
    extra = sio.get_untrusted_types(file=path)
    assert load_model(path, extra_trusted=extra).task == "binary"


def test_not_a_model_file(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.skops"
    bogus.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ModelError, match="not a readable skops"):
        load_model(bogus)
    with pytest.raises(ModelError, match="not found"):
        load_model(tmp_path / "missing.skops")


def test_skops_file_without_framing_bundle_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.skops"
    sio.dump({"estimator": "x"}, path)
    with pytest.raises(ModelError, match="not a framing model"):
        load_model(path)


def test_predict_probabilities_and_decisions(tmp_path: Path) -> None:
    lr = load_model(
        save_model(
            _pipeline(LogisticRegression()),
            tmp_path / "lr.skops",
            task="binary",
            classes=["loaded", "plain"],
        )
    )
    preds = predict(lr, NEW)
    assert [p.labels for p in preds] == [("loaded",), ("plain",)]
    assert preds[0].kind == "probability"
    assert sum(preds[0].scores.values()) == pytest.approx(1.0)
    svc = load_model(
        save_model(
            _pipeline(LinearSVC()),
            tmp_path / "svc.skops",
            task="binary",
            classes=["loaded", "plain"],
        )
    )
    p = predict(svc, NEW)
    assert p[0].kind == "decision"
    assert set(p[0].scores) == {"plain"}  # decision value of the positive class
    assert p[0].scores["plain"] < 0 < p[1].scores["plain"]
    assert predict(svc, []) == []
