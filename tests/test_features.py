"""Estimator contract and real outcomes of the analysis-based feature transformers."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from framing.features import (
    AttributionFeatures,
    CompactTfidfVectorizer,
    LexiconFeatures,
    SpanTermFeatures,
    clear_cache,
    text_key,
)

LOADED = "The regime unleashed a brutal crackdown on peaceful protesters."
PLAIN = "The committee met on Tuesday to review the budget."
QUOTED = '"We will not back down," the mayor said on Friday.'
REPORTED = "According to officials, the bridge will reopen in May."
TEXTS = [LOADED, PLAIN, QUOTED, REPORTED]

# A toy labelled set: loaded sentences vs plain reporting (written for these tests).
TOY_LOADED = [
    "The regime unleashed a brutal crackdown on peaceful protesters.",
    "The corrupt strongman rammed through a disastrous power grab.",
    "Radical zealots hijacked the debate with shameful lies.",
    "The thugs of the junta terrorized the helpless villagers.",
    "A despicable smear campaign gutted the hapless agency.",
    "The tyrant's cronies looted the treasury in a brazen scheme.",
    "Extremist fanatics spewed vile propaganda at the rally.",
    "The dictator crushed dissent with savage brutality.",
]
TOY_PLAIN = [
    "The committee met on Tuesday to review the budget.",
    "The council approved the new bus timetable.",
    "Rainfall in March was close to the long-term average.",
    "The museum will open a new wing next spring.",
    "The company reported quarterly revenue of two billion dollars.",
    "Officials counted the ballots over the weekend.",
    "The library extended its opening hours on Saturdays.",
    "The bridge will be closed for repairs until June.",
]

ESTIMATORS = [LexiconFeatures, AttributionFeatures]


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    clear_cache()


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_not_fitted_raises(cls: type) -> None:
    with pytest.raises(NotFittedError):
        cls().transform(TEXTS)
    with pytest.raises(NotFittedError):
        cls().get_feature_names_out()


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_fit_transform_shape_and_names(cls: type) -> None:
    est = cls().fit(TEXTS)
    x = est.transform(TEXTS)
    names = est.get_feature_names_out()
    assert x.shape == (len(TEXTS), len(names))
    assert x.dtype == np.float64
    assert len(set(names)) == len(names)
    assert np.isfinite(x).all()
    assert hasattr(est, "lexicon_")


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_clone_and_params(cls: type) -> None:
    est = cls(normalize=False)
    params = est.get_params()
    assert params["normalize"] is False
    twin = clone(est)
    assert twin is not est
    assert twin.get_params() == params
    twin.set_params(normalize=True)
    assert twin.normalize is True
    assert est.normalize is False
    # unfitted clone of a fitted estimator keeps no fitted state
    fitted = cls().fit(TEXTS)
    assert not hasattr(clone(fitted), "lexicon_")


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_sklearn_contract_checks(cls: type) -> None:
    """The parts of sklearn's check_estimator that apply to text-input transformers."""
    name = cls.__name__
    check_parameters_default_constructible(name, cls())
    check_no_attributes_set_in_init(name, cls())
    check_get_params_invariance(name, cls())
    check_set_params(name, cls())


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_pickle_round_trip_gives_same_output(cls: type) -> None:
    est = cls().fit(TEXTS)
    again = pickle.loads(pickle.dumps(est))
    np.testing.assert_array_equal(again.transform(TEXTS), est.transform(TEXTS))
    assert list(again.get_feature_names_out()) == list(est.get_feature_names_out())


@pytest.mark.parametrize("cls", ESTIMATORS)
def test_rejects_non_text_input(cls: type) -> None:
    with pytest.raises(ValueError, match="single string"):
        cls().fit(LOADED)
    est = cls().fit(TEXTS)
    with pytest.raises(ValueError, match="expected str"):
        est.transform([LOADED, 3])


def test_lexicon_counts_loaded_language_in_authorial_voice() -> None:
    est = LexiconFeatures().fit(TEXTS)
    x = est.transform(TEXTS)
    names = list(est.get_feature_names_out())
    any_col = names.index("authorial:any")
    assert x[0, any_col] == 1.0  # "regime", "brutal", ...
    assert x[0, names.index("authorial:pejorative_label:count")] >= 1
    # negative: the plain sentence has no hit in any voice
    assert x[1, any_col] == 0.0
    assert x[1, names.index("all:any")] == 0.0
    assert x[1, names.index("all:weighted")] == 0.0


def test_lexicon_voice_shares() -> None:
    est = LexiconFeatures().fit(TEXTS)
    x = est.transform(TEXTS)
    names = list(est.get_feature_names_out())
    assert x[2, names.index("quote_share")] > 0.3  # half the words are in quotes
    assert x[1, names.index("quote_share")] == 0.0
    assert x[3, names.index("reported_share")] > 0.3


def test_lexicon_voices_parameter_limits_columns() -> None:
    full = LexiconFeatures().fit(TEXTS)
    only_all = LexiconFeatures(voices=("all",)).fit(TEXTS)
    names = only_all.get_feature_names_out()
    assert len(names) < len(full.get_feature_names_out())
    assert not any(str(n).startswith("quoted:") for n in names)
    without_density = LexiconFeatures(voices=("all",), normalize=False).fit(TEXTS)
    assert not any("per_1000" in str(n) for n in without_density.get_feature_names_out())
    with pytest.raises(ValueError, match="unknown voices"):
        LexiconFeatures(voices=("narrator",)).fit(TEXTS)


def test_attribution_features_find_cues_and_sources() -> None:
    est = AttributionFeatures().fit(TEXTS)
    x = est.transform(TEXTS)
    names = list(est.get_feature_names_out())
    cues = names.index("n_cues")
    assert x[2, cues] >= 1  # "the mayor said"
    assert x[3, cues] >= 1  # "According to officials"
    assert x[2, names.index("quotes:direct:count")] >= 1
    # negative: no attribution in plain or loaded authorial sentences
    assert x[0, cues] == 0.0
    assert x[1, cues] == 0.0


def test_attribution_features_count_cues_as_the_record_scores_do() -> None:
    text = (
        "“We will appeal this ruling in every court available to us,” an aide said.\n\n"
        "“The people of this city deserve far better than a closed hospital.”\n\n"
        "The envoy reportedly left the capital on Sunday night."
    )
    est = AttributionFeatures(normalize=False).fit([text])
    row = dict(zip(est.get_feature_names_out(), est.transform([text])[0], strict=True))
    assert row["kind:continuation:count"] == 1.0
    assert row["n_cues"] == 2.0  # "said" and "reportedly"; the continuation has no cue
    assert row["anonymous_rate"] == 0.5
    assert row["unverified_rate"] == 0.5


def test_same_text_gives_same_row_cached_or_not() -> None:
    est = LexiconFeatures().fit(TEXTS)
    first = est.transform(TEXTS)
    second = est.transform(list(reversed(TEXTS)))
    np.testing.assert_array_equal(first, second[::-1])
    clear_cache()
    np.testing.assert_array_equal(est.transform(TEXTS), first)


def test_inside_pipeline_feature_union_and_grid_search() -> None:
    texts = TOY_LOADED + TOY_PLAIN
    y = np.array([1] * len(TOY_LOADED) + [0] * len(TOY_PLAIN))
    pipe = Pipeline(
        [
            (
                "features",
                FeatureUnion([("lex", LexiconFeatures()), ("attr", AttributionFeatures())]),
            ),
            ("scale", StandardScaler()),
            ("model", LogisticRegression()),
        ]
    )
    search = GridSearchCV(
        pipe,
        {"model__C": [0.1, 1.0], "features__lex__normalize": [True, False]},
        cv=StratifiedKFold(2, shuffle=True, random_state=0),
        scoring="accuracy",
    )
    search.fit(texts, y)
    assert set(search.best_params_) == {"model__C", "features__lex__normalize"}
    # the lexicon separates this toy set: held-out style sentences are classified correctly
    new = [
        "The brutal regime crushed the protesters.",
        "The council met to discuss the timetable.",
    ]
    assert list(search.predict(new)) == [1, 0]
    n_union = len(search.best_estimator_.named_steps["features"].get_feature_names_out())
    assert search.best_estimator_.named_steps["scale"].n_features_in_ == n_union


def test_compact_tfidf_matches_tfidf_and_survives_skops(tmp_path: Path) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.models import load_model, save_model

    texts = TOY_LOADED + TOY_PLAIN
    plain = TfidfVectorizer(ngram_range=(1, 2), min_df=2).fit(texts)
    compact = CompactTfidfVectorizer(ngram_range=(1, 2), min_df=2).fit(texts)
    assert compact.get_params() == plain.get_params()
    assert (compact.transform(texts) != plain.transform(texts)).nnz == 0
    state = compact.__getstate__()
    assert "vocabulary_" not in state
    assert list(state["vocabulary_terms_"][:2]) == sorted(compact.vocabulary_)[:2]
    loaded = load_model(save_model(compact, tmp_path / "v.skops", task="x", classes=[])).estimator
    assert loaded.vocabulary_ == compact.vocabulary_
    new = ["The brutal regime met on Tuesday."]
    assert (loaded.transform(new) != compact.transform(new)).nnz == 0


# ------------------------------------------------------------------------- span-term scores

SPAN_TRAIN = [
    "The senator gave a fiery speech about the bill.",
    "A fiery debate followed the vote on the bill.",
    "The fiery mayor attacked the plan.",
    "The speech lasted an hour.",
    "The vote on the bill was close.",
    "The mayor presented the plan.",
]
SPAN_MARKS = {
    text_key(SPAN_TRAIN[0]): ("fiery",),
    text_key(SPAN_TRAIN[1]): ("fiery",),
    text_key(SPAN_TRAIN[2]): ("Fiery", "attacked"),
    text_key(SPAN_TRAIN[3]): (),
    text_key(SPAN_TRAIN[4]): (),
    text_key(SPAN_TRAIN[5]): (),
}


def test_text_key_folds_case_and_punctuation() -> None:
    assert text_key("The Mayor’s plan -- approved!") == text_key("the mayor's plan approved")
    assert text_key("The mayor's plan") != text_key("The mayor's plans")


def test_span_terms_learn_marked_words_and_score_new_text() -> None:
    est = SpanTermFeatures(annotations=SPAN_MARKS, prior=1.0).fit(SPAN_TRAIN)
    # "fiery": 3 occurrences, 3 marked -> 3 / (3 + 1); "attacked": 1 / (1 + 1)
    assert est.scores_ == {"attacked": 0.5, "fiery": 0.75}
    rows = est.transform(["A fiery protest was attacked.", "The plan was approved."])
    assert rows[0].tolist() == [0.75, 1.25, 2.0, 2.0]
    assert rows[1].tolist() == [0.0, 0.0, 0.0, 0.0]  # no marked word: all zero
    assert est.get_feature_names_out().tolist() == ["max", "top3", "n_above_0.2", "n_above_0.4"]


def test_span_terms_transform_never_reads_annotations() -> None:
    test_text = "The zebra crossing was fiery."
    marks = {**SPAN_MARKS, text_key(test_text): ("zebra", "crossing")}
    with_test = SpanTermFeatures(annotations=marks).fit(SPAN_TRAIN).transform([test_text])
    without = SpanTermFeatures(annotations=SPAN_MARKS).fit(SPAN_TRAIN).transform([test_text])
    assert np.array_equal(with_test, without)
    cleared = SpanTermFeatures(annotations=SPAN_MARKS).fit(SPAN_TRAIN).set_params(annotations=None)
    assert np.array_equal(cleared.transform([test_text]), without)


def test_span_terms_fit_transform_is_cross_fitted() -> None:
    texts = [*SPAN_TRAIN, "The council voted for an outrageous levy."]
    marks = {**SPAN_MARKS, text_key(texts[-1]): ("outrageous",)}
    est = SpanTermFeatures(annotations=marks, cv=len(texts))  # leave one out
    crossed = est.fit_transform(texts)
    # "outrageous" is marked in one text only: the other folds never saw it
    assert crossed[-1, 0] == 0.0
    assert est.transform([texts[-1]])[0, 0] > 0.0
    assert crossed[0, 0] > 0.0  # "fiery" is marked in other training texts


def test_span_terms_skip_texts_without_annotation() -> None:
    marks = {text_key(SPAN_TRAIN[0]): ("fiery",)}
    est = SpanTermFeatures(annotations=marks, prior=0.0).fit(SPAN_TRAIN)
    assert est.n_annotated_ == 1
    assert est.scores_ == {"fiery": 1.0}  # the other "fiery" texts are not counted


def test_span_terms_estimator_contract() -> None:
    est = SpanTermFeatures(annotations=SPAN_MARKS, thresholds=(0.1,))
    with pytest.raises(NotFittedError):
        est.transform(SPAN_TRAIN)
    copy = clone(est)
    assert copy.get_params()["thresholds"] == (0.1,)
    assert copy.get_params()["annotations"] == SPAN_MARKS
    fitted = est.fit(SPAN_TRAIN)
    again = pickle.loads(pickle.dumps(fitted))
    assert np.array_equal(again.transform(SPAN_TRAIN), fitted.transform(SPAN_TRAIN))
    assert fitted.transform(SPAN_TRAIN).shape == (6, len(fitted.get_feature_names_out()))
    with pytest.raises(ValueError, match="single string"):
        fitted.transform("one string")
    check_get_params_invariance("SpanTermFeatures", est)
    check_set_params("SpanTermFeatures", est)
    check_no_attributes_set_in_init("SpanTermFeatures", SpanTermFeatures())
