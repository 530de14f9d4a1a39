"""Experiments end to end on a small table written here: run directory, determinism, errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from framing.errors import ConfigError
from framing.experiments import (
    compare_runs,
    comparison_svg,
    load_config,
    parse_config,
    run_experiment,
)
from framing.models import load_model, predict
from framing_cli.app import app

LOADED = [
    "The regime unleashed a brutal crackdown on peaceful protesters.",
    "The corrupt strongman rammed through a disastrous power grab.",
    "Radical zealots hijacked the debate with shameful lies.",
    "The thugs of the junta terrorized the helpless villagers.",
    "A despicable smear campaign gutted the hapless agency.",
    "The tyrant's cronies looted the treasury in a brazen scheme.",
    "Extremist fanatics spewed vile propaganda at the rally.",
    "The dictator crushed dissent with savage brutality.",
    "The reckless mob wrecked the square in a shameful rampage.",
    "A sinister cabal rigged the vote in a blatant power grab.",
    "The despot's henchmen brutally silenced the critics.",
    "Corrupt insiders shamelessly plundered the pension fund.",
]
PLAIN = [
    "The committee met on Tuesday to review the budget.",
    "The council approved the new bus timetable.",
    "Rainfall in March was close to the long-term average.",
    "The museum will open a new wing next spring.",
    "The company reported quarterly revenue of two billion dollars.",
    "Officials counted the ballots over the weekend.",
    "The library extended its opening hours on Saturdays.",
    "The bridge will be closed for repairs until June.",
    "The school board discussed the new lunch menu.",
    "The airline added two routes for the summer season.",
    "The city planted three hundred trees along the river.",
    "The court scheduled the hearing for next month.",
]
OUTLETS = ["ledger", "courier", "gazette", "herald"]
MULTI = [
    ("The strike cost the port millions as workers clashed with managers.", "conflict|economic"),
    ("Families described losing their homes to the flood.", "human_interest"),
    ("A new levy on carbon will fund cheaper trains.", "economic|resolution"),
    ("Rival parties traded accusations over the plan.", "conflict"),
    ("Volunteers rebuilt the school in a week.", "human_interest|resolution"),
    ("The tax credit lowered household energy bills.", "economic"),
    ("Protesters and police clashed outside parliament.", "conflict"),
    ("A grandmother recalled the storm that took her farm.", "human_interest"),
    ("Engineers proposed a sea wall to protect the town.", "resolution"),
    ("Prices rose as the drought cut the harvest.", "economic"),
    ("Opponents vowed to fight the pipeline in court.", "conflict"),
    ("A local choir raised money for the displaced.", "human_interest|resolution"),
]


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "toy.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "label", "source"])
        for i, text in enumerate(LOADED):
            w.writerow([f"b{i}", text, "biased", OUTLETS[i % 4]])
        for i, text in enumerate(PLAIN):
            w.writerow([f"n{i}", text, "neutral", OUTLETS[i % 4]])
    return path


def _config(tmp_path: Path, table: Path, extra: str = "", scheme: str = "stratified_kfold") -> Path:
    text = f"""
name = "toy"
seed = 7

[dataset]
name = "{table.as_posix()}"

[features.tfidf_word]
ngram_range = [1, 1]
min_df = 1

[features.lexicon]
weight = 0.5
scale = "standard"

[model]
type = "logistic_regression"
grid = {{ C = [0.1, 1.0] }}
inner_folds = 2

[evaluation]
scheme = "{scheme}"
folds = 3
bootstrap = 50
n_jobs = 1
{extra}
"""
    path = tmp_path / "toy.toml"
    path.write_text(text, encoding="utf-8")
    return path


ARTEFACTS = {
    "config.json",
    "metrics.json",
    "folds.csv",
    "predictions.csv",
    "confusion_matrix.svg",
    "features.csv",
    "environment.json",
    "model.skops",
}


def test_run_writes_every_artefact(tmp_path: Path, table: Path) -> None:
    result = run_experiment(_config(tmp_path, table), tmp_path / "runs")
    run = tmp_path / "runs" / "toy"
    assert result.run_dir == run
    assert {p.name for p in run.iterdir()} == ARTEFACTS
    metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["n_items"] == 24
    assert metrics["folds"] == 3
    assert set(metrics["classes"]) == {"biased", "neutral"}
    assert 0.0 <= metrics["macro_f1"] <= 1.0
    lo, hi = metrics["bootstrap"]["macro_f1_95ci"]
    assert lo <= metrics["pooled"]["macro_f1"] <= hi
    assert set(metrics["pooled"]["per_class"]) == {"biased", "neutral"}
    # the lexicon separates this set well: the run must do clearly better than chance
    assert metrics["macro_f1"] > 0.7
    with (run / "predictions.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["id"] for r in rows) == sorted(
        [f"b{i}" for i in range(12)] + [f"n{i}" for i in range(12)]
    )
    folds = (run / "folds.csv").read_text(encoding="utf-8").splitlines()
    assert len(folds) == 4
    assert "model__C" in folds[1]
    env = json.loads((run / "environment.json").read_text(encoding="utf-8"))
    assert env["dataset"]["content_hash"]
    assert env["versions"]["scikit-learn"]
    assert (run / "confusion_matrix.svg").read_bytes().startswith(b"<?xml")
    features = (run / "features.csv").read_text(encoding="utf-8")
    assert "lexicon__" in features or "tfidf_word__" in features
    resolved = json.loads((run / "config.json").read_text(encoding="utf-8"))
    assert resolved["evaluation"]["repeats"] == 1  # defaults are filled in


def test_same_seed_same_numbers(tmp_path: Path, table: Path) -> None:
    config = _config(tmp_path, table)
    run_experiment(config, tmp_path / "a")
    run_experiment(config, tmp_path / "b")
    for name in ("metrics.json", "folds.csv", "predictions.csv", "features.csv"):
        a = (tmp_path / "a" / "toy" / name).read_text(encoding="utf-8")
        b = (tmp_path / "b" / "toy" / name).read_text(encoding="utf-8")
        assert a == b, name
    svg_a = (tmp_path / "a" / "toy" / "confusion_matrix.svg").read_bytes()
    assert svg_a == (tmp_path / "b" / "toy" / "confusion_matrix.svg").read_bytes()


def test_different_seed_changes_folds(tmp_path: Path, table: Path) -> None:
    config = _config(tmp_path, table)
    run_experiment(config, tmp_path / "a")
    config.write_text(
        config.read_text(encoding="utf-8").replace("seed = 7", "seed = 8"), encoding="utf-8"
    )
    run_experiment(config, tmp_path / "b")
    a = (tmp_path / "a" / "toy" / "predictions.csv").read_text(encoding="utf-8")
    b = (tmp_path / "b" / "toy" / "predictions.csv").read_text(encoding="utf-8")
    assert a != b  # the fold column differs


def test_saved_model_classifies_new_text(tmp_path: Path, table: Path) -> None:
    run_experiment(_config(tmp_path, table), tmp_path / "runs")
    model = load_model(tmp_path / "runs" / "toy" / "model.skops")
    assert model.metadata["experiment"] == "toy"
    preds = predict(model, ["The brutal regime crushed the protesters.", "The council met."])
    assert [p.labels for p in preds] == [("biased",), ("neutral",)]


def test_group_kfold_keeps_outlets_apart(tmp_path: Path, table: Path) -> None:
    run_experiment(_config(tmp_path, table, scheme="group_kfold"), tmp_path / "runs")
    with (tmp_path / "runs" / "toy" / "predictions.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    fold_of: dict[str, set[str]] = {}
    for r in rows:
        fold_of.setdefault(r["group"], set()).add(r["fold"])
    assert set(fold_of) == set(OUTLETS)
    assert all(len(folds) == 1 for folds in fold_of.values())  # each outlet tested in one fold


def test_multilabel_run(tmp_path: Path) -> None:
    path = tmp_path / "frames.jsonl"
    path.write_text(
        "\n".join(json.dumps({"text": t, "label": lab}) for t, lab in MULTI * 2) + "\n",
        encoding="utf-8",
    )
    config = tmp_path / "frames.toml"
    config.write_text(
        f"""
name = "frames"
[dataset]
name = "{path.as_posix()}"
options = {{ multilabel_sep = "|", source = "", id = "" }}
[features.tfidf_word]
min_df = 1
ngram_range = [1, 1]
[model]
type = "linear_svc"
[evaluation]
scheme = "kfold"
folds = 3
bootstrap = 20
""",
        encoding="utf-8",
    )
    result = run_experiment(config, tmp_path / "runs")
    m = result.metrics
    assert m["task"] == "multilabel"
    assert set(m["classes"]) == {"conflict", "economic", "human_interest", "resolution"}
    assert "micro_f1" in m["pooled"]
    model = load_model(tmp_path / "runs" / "frames" / "model.skops")
    assert model.task == "multilabel"


def test_compare_runs_table_and_plot(tmp_path: Path, table: Path) -> None:
    config = _config(tmp_path, table)
    run_experiment(config, tmp_path / "runs")
    rows = compare_runs([tmp_path / "runs" / "toy"])
    assert rows[0]["run"] == "toy"
    assert rows[0]["features"] == "tfidf_word+lexicon"
    assert comparison_svg(rows) == comparison_svg(rows)
    with pytest.raises(ConfigError, match="not a run directory"):
        compare_runs([tmp_path])


# ----------------------------------------------------------------------------- config errors

BASE = """name = "x"
[dataset]
name = "babe"
[features.tfidf_word]
min_df = 1
[model]
type = "logistic_regression"
"""


def _error(tmp_path: Path, text: str) -> ConfigError:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.file == str(path)
    return info.value


def test_valid_base_config_parses(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(BASE, encoding="utf-8")
    cfg = load_config(path)
    assert cfg.model["type"] == "logistic_regression"
    assert cfg.evaluation["scheme"] == "stratified_kfold"


def test_unknown_model_type_names_key_and_line(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE.replace('"logistic_regression"', '"random_forest"'))
    assert err.field == "model.type"
    assert err.line == 7


def test_unknown_top_level_key(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE + "[evaluaton]\nfolds = 3\n")
    assert err.field == "evaluaton"
    assert err.line == 8


def test_grid_parameter_must_exist(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE + "grid = { gamma = [1, 2] }\n")
    assert err.field == "model.grid.gamma"
    assert err.line == 8


def test_bad_feature_parameter(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE.replace("min_df = 1", 'min_df = 1\nscale = "log"'))
    assert err.field == "features.tfidf_word.scale"
    assert err.line == 6


def test_wrong_types_and_ranges(tmp_path: Path) -> None:
    assert _error(tmp_path, BASE + "[evaluation]\nfolds = 1\n").field == "evaluation.folds"
    assert _error(tmp_path, BASE + "[evaluation]\nn_jobs = 8\n").field == "evaluation.n_jobs"
    assert _error(tmp_path, 'seed = "one"\n' + BASE).field == "seed"
    err = _error(tmp_path, BASE + '[evaluation]\nscheme = "fixed_split"\n')
    assert err.field == "evaluation.split"


def test_missing_dataset_name_and_no_features(tmp_path: Path) -> None:
    assert _error(tmp_path, BASE.replace('name = "babe"\n', "")).field == "dataset.name"
    no_features = BASE.replace("[features.tfidf_word]\nmin_df = 1\n", "")
    assert _error(tmp_path, no_features).field == "features"


def test_invalid_toml_reports_line(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE + "folds = = 3\n")
    assert err.line == 8
    assert "invalid TOML" in err.message


def test_parse_config_without_file() -> None:
    with pytest.raises(ConfigError) as info:
        parse_config({"dataset": {"name": "babe"}, "features": {"bogus": {}}})
    assert info.value.field == "features.bogus"


def test_too_few_groups_for_group_kfold(tmp_path: Path, table: Path) -> None:
    config = _config(tmp_path, table, scheme="group_kfold").read_text(encoding="utf-8")
    path = tmp_path / "g.toml"
    path.write_text(config.replace("folds = 3", "folds = 5"), encoding="utf-8")
    with pytest.raises(ConfigError, match="at least 5 groups") as info:
        run_experiment(path, tmp_path / "runs")
    assert info.value.field == "evaluation.folds"


# ----------------------------------------------------------------------------------- CLI


def test_cli_run_compare_classify(tmp_path: Path, table: Path) -> None:
    runner = CliRunner()
    config = _config(tmp_path, table)
    out = runner.invoke(app, ["experiment", "run", str(config), "--runs-dir", str(tmp_path / "r")])
    assert out.exit_code == 0, out.output
    assert "toy" in out.output
    run = tmp_path / "r" / "toy"
    out = runner.invoke(app, ["experiment", "compare", str(run), "-o", str(tmp_path / "cmp")])
    assert out.exit_code == 0, out.output
    assert (tmp_path / "cmp" / "comparison.svg").is_file()
    lines = tmp_path / "new.txt"
    lines.write_text("The brutal regime crushed dissent.\nThe council met on Monday.\n", "utf-8")
    out = runner.invoke(
        app, ["classify", "--model", str(run / "model.skops"), "--lines", str(lines)]
    )
    assert out.exit_code == 0, out.output
    records = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r["labels"] for r in records] == [["biased"], ["neutral"]]
    assert records[0]["id"] == "new:1"
    assert set(records[0]["scores"]) == {"biased", "neutral"}


def test_cli_classify_sentences_keep_offsets(tmp_path: Path, table: Path) -> None:
    run_experiment(_config(tmp_path, table), tmp_path / "r")
    doc = tmp_path / "doc.txt"
    text = "The brutal regime crushed dissent. The council met on Monday."
    doc.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(
        app,
        [
            "classify",
            "--model",
            str(tmp_path / "r" / "toy" / "model.skops"),
            "--unit",
            "sentence",
            str(doc),
        ],
    )
    assert out.exit_code == 0, out.output
    records = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(records) == 2
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]


def test_cli_classify_refuses_untrusted_model(tmp_path: Path) -> None:
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline

    from framing.models import save_model

    est = Pipeline([("f", TfidfVectorizer()), ("model", RandomForestClassifier(2))])
    est.fit(LOADED[:4] + PLAIN[:4], np.array([1] * 4 + [0] * 4))
    path = save_model(est, tmp_path / "forest.skops", task="binary", classes=["0", "1"])
    lines = tmp_path / "in.txt"
    lines.write_text("Some sentence.\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["classify", "--model", str(path), "--lines", str(lines)])
    assert out.exit_code != 0
    assert "not trusted" in str(out.exception)


# ------------------------------------------------------------------------- extra training data


def _extra_table(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "extra.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        w.writerows(rows)
    return path


def test_extra_training_drops_evaluated_sentences_and_duplicates(
    tmp_path: Path, table: Path
) -> None:
    new_biased = "The crooked cartel bulldozed the fragile accord."
    extra = _extra_table(
        tmp_path,
        [
            (LOADED[0].upper().replace(".", "!"), "biased"),  # an evaluated sentence, re-cased
            (PLAIN[3], "biased"),  # an evaluated sentence with another label
            (new_biased, "biased"),
            (new_biased + "  ", "biased"),  # duplicate among the extras
            ("The ferry timetable changes in May.", "neutral"),
        ],
    )
    spec = f'extra_training = [{{ name = "{extra.as_posix()}" }}]'
    path = _config(tmp_path, table)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            f'name = "{table.as_posix()}"', f'name = "{table.as_posix()}"\n{spec}'
        ),
        encoding="utf-8",
    )
    result = run_experiment(path, tmp_path / "runs")
    counts = result.metrics["extra_training"]
    assert counts["added"] == 2
    assert list(counts["sources"].values()) == [
        {"loaded": 5, "in_evaluated_dataset": 2, "duplicate": 1, "added": 2}
    ]
    with (result.run_dir / "folds.csv").open(encoding="utf-8") as fh:
        folds = list(csv.DictReader(fh))
    assert [int(r["n_extra_train"]) for r in folds] == [2, 2, 2]
    assert result.metrics["n_items"] == 24  # evaluation stays on the main table
    with (result.run_dir / "predictions.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 24


def test_extra_training_label_must_be_a_class(tmp_path: Path, table: Path) -> None:
    extra = _extra_table(tmp_path, [("A new sentence.", "opinion"), ("Another one.", "neutral")])
    path = _config(tmp_path, table)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            f'name = "{table.as_posix()}"',
            f'name = "{table.as_posix()}"\nextra_training = ["{extra.as_posix()}"]',
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        run_experiment(path, tmp_path / "runs")
    assert info.value.field == "dataset.extra_training[0]"
    assert "opinion" in info.value.message


def test_extra_training_entries_are_checked(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE.replace('name = "babe"', 'name = "babe"\nextra_training = [3]'))
    assert err.field == "dataset.extra_training[0]"
    err = _error(tmp_path, BASE.replace('name = "babe"', 'name = "babe"\nextra_training = "mbic"'))
    assert err.field == "dataset.extra_training"


# ------------------------------------------------------------------------- span-term block


def test_span_terms_block_uses_training_annotations(tmp_path: Path) -> None:
    path = tmp_path / "marked.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label", "marked"])
        for text in LOADED:
            first = text.split()[1].strip(".,").lower()
            w.writerow([text, "biased", json.dumps([first])])
        for text in PLAIN:
            w.writerow([text, "neutral", "[]"])
    cfg = path.with_suffix(".toml")
    cfg.write_text(
        f"""
name = "marked"
seed = 3
[dataset]
name = "{path.as_posix()}"
options = {{ annotation = "marked" }}
[features.span_terms]
field = "marked"
cv = 3
[model]
type = "logistic_regression"
[evaluation]
folds = 3
bootstrap = 20
n_jobs = 1
""",
        encoding="utf-8",
    )
    result = run_experiment(cfg, tmp_path / "runs")
    assert result.metrics["features"] == ["span_terms"]
    assert 0.0 <= result.metrics["macro_f1"] <= 1.0
    model = load_model(
        result.run_dir / "model.skops", extra_trusted=["framing.features.SpanTermFeatures"]
    )
    step = model.estimator.named_steps["features"].transformer_list[0][1].named_steps["extract"]
    assert step.annotations is None  # cleared: the saved model holds learned scores only
    assert step.scores_


def test_span_terms_need_metadata(tmp_path: Path, table: Path) -> None:
    path = _config(tmp_path, table, extra="")
    text = path.read_text(encoding="utf-8").replace("[model]", "[features.span_terms]\n\n[model]")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        run_experiment(path, tmp_path / "runs")
    assert info.value.field == "features.span_terms.field"


def test_field_only_on_span_terms(tmp_path: Path) -> None:
    err = _error(tmp_path, BASE.replace("min_df = 1", 'min_df = 1\nfield = "x"'))
    assert err.field == "features.tfidf_word.field"


# ------------------------------------------------------------------------- config encoding


def test_config_not_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.encode("utf-8") + b"# caf\xe9\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.file == str(path)
    assert info.value.line == BASE.count("\n") + 1
    assert "UTF-8" in info.value.message


def test_config_utf16_is_refused_and_bom_utf8_accepted(tmp_path: Path) -> None:
    path = tmp_path / "wide.toml"
    path.write_bytes(BASE.encode("utf-16"))
    with pytest.raises(ConfigError, match="UTF-16") as info:
        load_config(path)
    assert info.value.file == str(path)
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert load_config(bom).model["type"] == "logistic_regression"


# ------------------------------------------------------------------------- BABE (shared data)

CONFIGS = Path(__file__).resolve().parent.parent / "examples" / "experiments"


def _babe_cv(config_name: str, runs: Path) -> float:
    """5-fold stratified macro-F1 of a shipped config run end to end, its grid fixed to C = 0.1."""
    cfg = load_config(CONFIGS / config_name)
    raw = cfg.raw
    cfg = parse_config(
        {
            **raw,
            "model": {**raw["model"], "grid": {}, "params": {**raw["model"]["params"], "C": 0.1}},
            "evaluation": {**raw["evaluation"], "bootstrap": 10},
        },
        path=cfg.path,
    )
    return float(run_experiment(cfg, runs).metrics["macro_f1"])


@pytest.fixture(scope="module")
def babe_scores(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    runs = tmp_path_factory.mktemp("babe_runs")
    names = ("babe_tfidf", "babe_combined", "babe_stratified")
    return {name: _babe_cv(f"{name}.toml", runs) for name in names}


@pytest.mark.data
@pytest.mark.slow
def test_babe_project_features_add_to_tfidf(babe_scores: dict[str, float]) -> None:
    assert babe_scores["babe_tfidf"] > 0.72
    assert babe_scores["babe_combined"] >= babe_scores["babe_tfidf"] + 0.01
    assert babe_scores["babe_stratified"] >= babe_scores["babe_combined"] + 0.01


@pytest.mark.data
@pytest.mark.slow
def test_babe_best_config_reaches_issue_floor(babe_scores: dict[str, float]) -> None:
    assert babe_scores["babe_stratified"] >= 0.77
