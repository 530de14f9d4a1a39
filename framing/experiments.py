"""Reproducible classifier experiments: one TOML config in, one run directory out.

A config names the dataset, the feature blocks, the model (with a parameter grid searched by an
inner cross-validation) and the evaluation scheme. :func:`run_experiment` writes to the run
directory:

- ``config.json``: the resolved config (every default filled in);
- ``metrics.json``: macro-F1, accuracy, per-class precision/recall/F1, ROC-AUC where it applies,
  the mean and spread over folds and repeats, and bootstrap intervals on the pooled predictions;
- ``folds.csv``: per-fold scores and the chosen grid parameters;
- ``predictions.csv``: out-of-fold predictions with item ids (and class scores);
- ``confusion_matrix.svg``: deterministic plot of the pooled confusion matrix;
- ``features.csv``: the most informative features of the final model (linear models);
- ``environment.json``: package versions, the data's content hash, wall time;
- ``model.skops``: the final model fitted on all data (see :mod:`framing.models`).

The same config and seed give the same numbers: folds, grid search, models and bootstrap all
take their randomness from the config's seed.
"""

from __future__ import annotations

import csv
import importlib.metadata
import json
import platform
import re
import time
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from framing import __version__
from framing.datasets import Dataset, load_dataset
from framing.errors import ConfigError, FramingError
from framing.features import (
    AttributionFeatures,
    CompactTfidfVectorizer,
    LexiconFeatures,
    SpanTermFeatures,
    text_key,
)
from framing.models import save_model

FloatArray = NDArray[np.float64]

# ------------------------------------------------------------------------------ configuration

MODELS: dict[str, str] = {
    "logistic_regression": "sklearn.linear_model.LogisticRegression",
    "linear_svc": "sklearn.svm.LinearSVC",
    "sgd": "sklearn.linear_model.SGDClassifier",
    "complement_nb": "sklearn.naive_bayes.ComplementNB",
    "ridge": "sklearn.linear_model.RidgeClassifier",
}
_MODEL_DEFAULTS: dict[str, dict[str, Any]] = {
    "logistic_regression": {"max_iter": 3000},
    "linear_svc": {"max_iter": 5000},
    "sgd": {"max_iter": 50, "tol": None},
    "complement_nb": {},
    "ridge": {},
}
_SEEDED = {"logistic_regression", "linear_svc", "sgd", "ridge"}

FEATURE_BLOCKS = ("tfidf_word", "tfidf_char", "lexicon", "attribution", "span_terms")
_DENSE_BLOCKS = ("lexicon", "attribution", "span_terms")
SCHEMES = ("stratified_kfold", "kfold", "group_kfold", "fixed_split")
_BLOCK_KEYS = {"weight", "scale", "field"}

_TOP_KEYS = {"name", "description", "seed", "dataset", "features", "model", "evaluation"}
_DATASET_KEYS = {"name", "root", "options", "subsample", "extra_training"}
_EXTRA_KEYS = {"name", "options"}
_MODEL_KEYS = {"type", "params", "grid", "calibrate", "inner_folds", "scoring"}
_EVAL_KEYS = {"scheme", "folds", "split", "repeats", "bootstrap", "n_jobs", "top_features"}


def _key_line(text: str, dotted: str) -> int | None:
    """Line of ``dotted`` (e.g. ``model.grid.C``) in TOML ``text``, found by section and key."""
    section = ""
    best: int | None = None
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        header = re.fullmatch(r"\[\s*([^\[\]]+?)\s*\]", line)
        if header:
            section = header.group(1).replace(" ", "")
            if section == dotted:
                return n
            continue
        m = re.match(r"""["']?([A-Za-z0-9_.-]+)["']?\s*=""", line)
        if not m:
            continue
        key = f"{section}.{m.group(1)}" if section else m.group(1)
        if key == dotted:
            return n
        if best is None and dotted.startswith(key + "."):
            best = n  # an inline table holding the key
    return best


@dataclass(frozen=True)
class ExperimentConfig:
    """A validated experiment config (``raw`` keeps the resolved values for ``config.json``)."""

    name: str
    path: str
    seed: int
    dataset: Mapping[str, Any]
    features: Mapping[str, Mapping[str, Any]]
    model: Mapping[str, Any]
    evaluation: Mapping[str, Any]
    description: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict)


class _Checker:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, message: str, key: str) -> ConfigError:
        return ConfigError(message, file=self.path, line=_key_line(self.text, key), field=key)

    def table(self, data: Mapping[str, Any], key: str, allowed: set[str] | None) -> dict[str, Any]:
        value = data.get(key.rsplit(".", 1)[-1], {})
        if not isinstance(value, dict):
            raise self.error("must be a table", key)
        if allowed is not None:
            for k in value:
                if k not in allowed:
                    raise self.error(
                        f"unknown key (allowed: {', '.join(sorted(allowed))})", f"{key}.{k}"
                    )
        return value

    def typed(
        self, data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], default: Any
    ) -> Any:
        name = key.rsplit(".", 1)[-1]
        value = data.get(name, default)
        if (
            isinstance(value, bool)
            and kind is not bool
            and bool not in (kind if isinstance(kind, tuple) else (kind,))
        ):
            raise self.error(f"expected {_kind_name(kind)}, got a boolean", key)
        if not isinstance(value, kind):
            raise self.error(f"expected {_kind_name(kind)}, got {type(value).__name__}", key)
        return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def _tuples(value: Any) -> Any:
    """TOML arrays of numbers as tuples (``ngram_range = [1, 2]``)."""
    if isinstance(value, list) and value and all(isinstance(v, int | float) for v in value):
        return tuple(value)
    if isinstance(value, list):
        return [_tuples(v) for v in value]
    return value


def _decode_config(raw: bytes, path: str) -> str:
    """Config bytes as text: UTF-8 (a UTF-8 BOM is allowed); anything else is a ConfigError."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError("config is UTF-16 encoded; save it as UTF-8", file=path, line=1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"config is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            file=path,
            line=line,
        ) from exc


def load_config(path: str | Path) -> ExperimentConfig:
    """Read and validate a TOML experiment config; errors name file, key and line."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror}", file=str(p)) from exc
    text = _decode_config(raw, str(p))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(
            f"invalid TOML: {exc}", file=str(p), line=int(m.group(1)) if m else None
        ) from exc
    return parse_config(data, path=str(p), text=text)


def parse_config(
    data: Mapping[str, Any], *, path: str = "<config>", text: str = ""
) -> ExperimentConfig:
    """Validate an already-parsed config mapping (see :func:`load_config`)."""
    c = _Checker(path, text)
    for k in data:
        if k not in _TOP_KEYS:
            raise c.error(f"unknown key (allowed: {', '.join(sorted(_TOP_KEYS))})", k)
    default_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(path).stem).strip("_.-") or "experiment"
    name = c.typed(data, "name", str, default_name)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", name):
        raise c.error("use letters, digits, '-', '_' and '.' only", "name")
    seed = c.typed(data, "seed", int, 0)

    ds = c.table(data, "dataset", _DATASET_KEYS)
    if "name" not in ds:
        raise c.error("missing required key", "dataset.name")
    c.typed(ds, "dataset.name", str, None)
    c.table(ds, "dataset.options", None)
    subsample = c.typed(ds, "dataset.subsample", int, 0)
    if subsample < 0:
        raise c.error("must be >= 0", "dataset.subsample")
    extra_in = ds.get("extra_training", [])
    if not isinstance(extra_in, list):
        raise c.error("must be an array of dataset names or tables", "dataset.extra_training")
    extra: list[dict[str, Any]] = []
    for i, entry in enumerate(extra_in):
        where = f"dataset.extra_training[{i}]"
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict):
            raise c.error("must be a dataset name or a table {name, options}", where)
        unknown = set(entry) - _EXTRA_KEYS
        if unknown or not isinstance(entry.get("name"), str):
            raise c.error("needs a string 'name' and optional 'options' table only", where)
        if not isinstance(entry.get("options", {}), dict):
            raise c.error("'options' must be a table", where)
        extra.append({"name": entry["name"], "options": dict(entry.get("options", {}))})
    dataset = {
        "name": ds["name"],
        "root": c.typed(ds, "dataset.root", (str, type(None)), None),
        "options": dict(ds.get("options", {})),
        "subsample": subsample,
        "extra_training": extra,
    }

    feats = c.table(data, "features", set(FEATURE_BLOCKS))
    if not feats:
        raise c.error(f"choose at least one feature block: {', '.join(FEATURE_BLOCKS)}", "features")
    features: dict[str, dict[str, Any]] = {}
    for block in FEATURE_BLOCKS:
        if block not in feats:
            continue
        params = c.table(feats, f"features.{block}", None)
        weight = c.typed(params, f"features.{block}.weight", (int, float), 1.0)
        scale = c.typed(params, f"features.{block}.scale", str, "standard")
        if scale not in ("standard", "maxabs", "none"):
            raise c.error("must be standard, maxabs or none", f"features.{block}.scale")
        est_params = {k: _tuples(v) for k, v in params.items() if k not in _BLOCK_KEYS}
        spec: dict[str, Any] = {"weight": float(weight), "scale": scale}
        if block == "span_terms":
            spec["field"] = c.typed(params, f"features.{block}.field", str, "biased_words")
            if "annotations" in est_params:
                raise c.error("set by the run from dataset metadata", f"features.{block}")
        elif "field" in params:
            raise c.error("only the span_terms block takes a field", f"features.{block}.field")
        try:
            _block_estimator(block, est_params)
        except (TypeError, ValueError) as exc:
            raise c.error(f"bad parameters: {exc}", f"features.{block}") from exc
        features[block] = {**est_params, **spec}

    mdl = c.table(data, "model", _MODEL_KEYS)
    mtype = c.typed(mdl, "model.type", str, "logistic_regression")
    if mtype not in MODELS:
        raise c.error(f"unknown model type (known: {', '.join(MODELS)})", "model.type")
    mparams = {k: _tuples(v) for k, v in c.table(mdl, "model.params", None).items()}
    grid_in = c.table(mdl, "model.grid", None)
    grid: dict[str, list[Any]] = {}
    known = set(_classifier_class(mtype)().get_params())
    for k, v in grid_in.items():
        if not isinstance(v, list) or not v:
            raise c.error("a grid entry must be a non-empty array", f"model.grid.{k}")
        if "__" not in k and k not in known:
            raise c.error(f"not a parameter of {mtype}", f"model.grid.{k}")
        grid[k] = [_tuples(x) for x in v]
    for k in mparams:
        if k not in known:
            raise c.error(f"not a parameter of {mtype}", f"model.params.{k}")
    calibrate = c.typed(mdl, "model.calibrate", bool, False)
    inner = c.typed(mdl, "model.inner_folds", int, 3)
    if inner < 2:
        raise c.error("must be >= 2", "model.inner_folds")
    model = {
        "type": mtype,
        "params": mparams,
        "grid": grid,
        "calibrate": calibrate,
        "inner_folds": inner,
        "scoring": c.typed(mdl, "model.scoring", str, "f1_macro"),
    }

    ev = c.table(data, "evaluation", _EVAL_KEYS)
    scheme = c.typed(ev, "evaluation.scheme", str, "stratified_kfold")
    if scheme not in SCHEMES:
        raise c.error(f"unknown scheme (known: {', '.join(SCHEMES)})", "evaluation.scheme")
    folds = c.typed(ev, "evaluation.folds", int, 5)
    if folds < 2:
        raise c.error("must be >= 2", "evaluation.folds")
    repeats = c.typed(ev, "evaluation.repeats", int, 1)
    if repeats < 1:
        raise c.error("must be >= 1", "evaluation.repeats")
    if scheme == "fixed_split" and "split" not in ev:
        raise c.error("fixed_split needs the name of the dataset's split", "evaluation.split")
    n_jobs = c.typed(ev, "evaluation.n_jobs", int, 1)
    if not 1 <= n_jobs <= 2:
        raise c.error("must be 1 or 2 (this toolkit runs on shared machines)", "evaluation.n_jobs")
    evaluation = {
        "scheme": scheme,
        "folds": folds,
        "split": c.typed(ev, "evaluation.split", (str, type(None)), None),
        "repeats": repeats,
        "bootstrap": c.typed(ev, "evaluation.bootstrap", int, 1000),
        "n_jobs": n_jobs,
        "top_features": c.typed(ev, "evaluation.top_features", int, 25),
    }
    raw = {
        "name": name,
        "description": data.get("description", ""),
        "seed": seed,
        "dataset": dataset,
        "features": features,
        "model": model,
        "evaluation": evaluation,
    }
    return ExperimentConfig(
        name=name,
        path=path,
        seed=seed,
        dataset=dataset,
        features=features,
        model=model,
        evaluation=evaluation,
        description=str(data.get("description", "")),
        raw=raw,
    )


# ------------------------------------------------------------------------------ estimators


def _classifier_class(mtype: str) -> Any:
    module, _, cls = MODELS[mtype].rpartition(".")
    return getattr(__import__(module, fromlist=[cls]), cls)


def _block_estimator(block: str, params: Mapping[str, Any]) -> Any:
    if block == "tfidf_word":
        return CompactTfidfVectorizer(
            **{
                "analyzer": "word",
                "sublinear_tf": True,
                "ngram_range": (1, 2),
                "min_df": 2,
                **params,
            }
        )
    if block == "tfidf_char":
        return CompactTfidfVectorizer(
            **{
                "analyzer": "char_wb",
                "sublinear_tf": True,
                "ngram_range": (2, 5),
                "min_df": 2,
                **params,
            }
        )
    if block == "lexicon":
        return LexiconFeatures(**params)
    if block == "attribution":
        return AttributionFeatures(**params)
    if block == "span_terms":
        return SpanTermFeatures(**params)
    raise ValueError(f"unknown feature block {block!r}")


def build_features(features: Mapping[str, Mapping[str, Any]]) -> Any:
    """A ``FeatureUnion`` of the configured blocks (dense blocks scaled, each block weighted)."""
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import MaxAbsScaler, StandardScaler

    parts: list[tuple[str, Any]] = []
    weights: dict[str, float] = {}
    for block, spec in features.items():
        params = {k: v for k, v in spec.items() if k not in _BLOCK_KEYS}
        est = _block_estimator(block, params)
        scale = spec.get("scale", "standard")
        if block in _DENSE_BLOCKS and scale != "none":
            scaler = StandardScaler() if scale == "standard" else MaxAbsScaler()
            est = Pipeline([("extract", est), ("scale", scaler)])
        parts.append((block, est))
        weights[block] = float(spec.get("weight", 1.0))
    return FeatureUnion(parts, transformer_weights=weights)


def build_pipeline(
    config: ExperimentConfig, *, multilabel: bool
) -> tuple[Any, dict[str, list[Any]]]:
    """The unfitted pipeline and its parameter grid (keys prefixed for ``GridSearchCV``)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline

    m = config.model
    params = {**_MODEL_DEFAULTS[m["type"]], **m["params"]}
    if m["type"] in _SEEDED and "random_state" not in params:
        params["random_state"] = config.seed
    clf: Any = _classifier_class(m["type"])(**params)
    prefix = "model__"
    if m["calibrate"]:
        clf = CalibratedClassifierCV(clf, cv=3)
        prefix += "estimator__"
    if multilabel:
        clf = OneVsRestClassifier(clf)
        prefix += "estimator__"
    pipe = Pipeline([("features", build_features(config.features)), ("model", clf)])
    grid = {(k if "__" in k else prefix + k): list(v) for k, v in m["grid"].items()}
    return pipe, grid


# ------------------------------------------------------------------------------ running


@dataclass(frozen=True)
class FoldResult:
    repeat: int
    fold: int
    test_index: NDArray[np.int64]
    predictions: NDArray[Any]
    scores: FloatArray | None
    best_params: Mapping[str, Any]
    n_train: int
    n_extra: int = 0


def _splits(
    config: ExperimentConfig, ds: Dataset, y: NDArray[Any], repeat: int
) -> list[tuple[NDArray[np.int64], NDArray[np.int64]]]:
    from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold

    ev = config.evaluation
    seed = config.seed + repeat
    n = len(ds)
    index = np.arange(n)
    multilabel = ds.task == "multilabel"
    if ev["scheme"] == "fixed_split":
        split = ev["split"]
        if split not in ds.splits:
            raise ConfigError(
                f"dataset {ds.name!r} has no split {split!r} (has: {sorted(ds.splits) or 'none'})",
                file=config.path,
                field="evaluation.split",
            )
        part = np.asarray(ds.splits[split])
        train, test = index[np.isin(part, ["train", "valid"])], index[part == "test"]
        if not len(train) or not len(test):
            raise ConfigError(f"split {split!r} has an empty train or test part", file=config.path)
        return [(train, test)]
    if ev["scheme"] == "group_kfold":
        groups = np.asarray(ds.groups)
        n_groups = len(set(ds.groups))
        if n_groups < ev["folds"]:
            raise ConfigError(
                f"group_kfold needs at least {ev['folds']} groups (outlets); "
                f"{ds.name} has {n_groups}",
                file=config.path,
                field="evaluation.folds",
            )
        gkf = GroupKFold(n_splits=ev["folds"], shuffle=True, random_state=seed)
        return [(tr, te) for tr, te in gkf.split(index, y, groups)]
    if ev["scheme"] == "stratified_kfold" and not multilabel:
        skf = StratifiedKFold(n_splits=ev["folds"], shuffle=True, random_state=seed)
        return [(tr, te) for tr, te in skf.split(index, y)]
    kf = KFold(n_splits=ev["folds"], shuffle=True, random_state=seed)
    return [(tr, te) for tr, te in kf.split(index)]


def _scores(estimator: Any, texts: Sequence[str]) -> FloatArray | None:
    if hasattr(estimator, "predict_proba"):
        try:
            return np.asarray(estimator.predict_proba(texts), dtype=np.float64)
        except AttributeError:
            pass
    if hasattr(estimator, "decision_function"):
        d = np.asarray(estimator.decision_function(texts), dtype=np.float64)
        return d.reshape(len(texts), -1)
    return None


def _search_model_params(
    pipe: Any,
    grid: Mapping[str, list[Any]],
    texts: list[str],
    y: NDArray[Any],
    cv: Any,
    scoring: str,
) -> tuple[Any, dict[str, Any]]:
    """Grid search over classifier parameters only, extracting features once per inner fold.

    Equivalent to ``GridSearchCV`` with the same folds (the features do not depend on the
    searched parameters), but the TF-IDF vocabularies and the analyses are fitted once per inner
    fold instead of once per fold and grid point. Ties go to the first candidate in grid order.
    """
    from sklearn.base import clone
    from sklearn.metrics import get_scorer
    from sklearn.model_selection import ParameterGrid

    scorer = get_scorer(scoring)
    candidates = list(ParameterGrid(dict(grid)))
    totals = np.zeros(len(candidates))
    for tr, te in cv.split(np.zeros(len(texts)), y):
        features = clone(pipe.named_steps["features"])
        train_x = features.fit_transform([texts[i] for i in tr], y[tr])
        test_x = features.transform([texts[i] for i in te])
        for k, params in enumerate(candidates):
            model = clone(pipe).set_params(**params).named_steps["model"]
            model.fit(train_x, y[tr])
            totals[k] += scorer(model, test_x, y[te])
    best = dict(candidates[int(np.argmax(totals))])
    return clone(pipe).set_params(**best).fit(texts, y), best


def _span_param(config: ExperimentConfig) -> str | None:
    spec = config.features.get("span_terms")
    if spec is None:
        return None
    nested = "__extract" if spec.get("scale", "standard") != "none" else ""
    return f"features__span_terms{nested}__annotations"


def _fit(
    config: ExperimentConfig,
    texts: list[str],
    y: NDArray[Any],
    multilabel: bool,
    seed: int,
    annotations: Mapping[str, Sequence[str]] | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Fit the configured pipeline on ``texts``; a grid is searched by inner CV on them only.

    ``annotations`` (word-level annotations of these training texts, keyed by ``text_key``)
    feed the ``span_terms`` block; they are cleared from the fitted model.
    """
    est, best = _fit_pipeline(config, texts, y, multilabel, seed, annotations)
    param = _span_param(config)
    if param is not None:
        est.set_params(**{param: None})
    return est, best


def _fit_pipeline(
    config: ExperimentConfig,
    texts: list[str],
    y: NDArray[Any],
    multilabel: bool,
    seed: int,
    annotations: Mapping[str, Sequence[str]] | None,
) -> tuple[Any, dict[str, Any]]:
    from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold

    pipe, grid = build_pipeline(config, multilabel=multilabel)
    param = _span_param(config)
    if param is not None:
        pipe.set_params(**{param: dict(annotations or {})})
    if not grid:
        return pipe.fit(texts, y), {}
    inner = config.model["inner_folds"]
    cv = (
        KFold(inner, shuffle=True, random_state=seed)
        if multilabel
        else StratifiedKFold(inner, shuffle=True, random_state=seed)
    )
    if all(k.startswith("model__") for k in grid):
        est, best = _search_model_params(pipe, grid, texts, y, cv, config.model["scoring"])
    else:
        search = GridSearchCV(
            pipe, grid, cv=cv, scoring=config.model["scoring"], n_jobs=1, refit=True
        )
        search.fit(texts, y)
        est, best = search.best_estimator_, dict(search.best_params_)
    return est, {k: (list(v) if isinstance(v, tuple) else v) for k, v in best.items()}


def _run_fold(
    config: ExperimentConfig,
    texts: list[str],
    y: NDArray[Any],
    multilabel: bool,
    repeat: int,
    fold: int,
    train: NDArray[np.int64],
    test: NDArray[np.int64],
    extra: ExtraTraining | None = None,
    marks: Sequence[tuple[str, ...]] | None = None,
) -> FoldResult:
    train_texts = [texts[i] for i in train]
    train_y = y[train]
    n_extra = 0
    if extra is not None and extra.texts:
        # the extras already exclude every sentence of the evaluated dataset; check the test fold
        test_keys = {text_key(texts[i]) for i in test}
        keep = [j for j, key in enumerate(extra.keys) if key not in test_keys]
        train_texts += [extra.texts[j] for j in keep]
        train_y = np.concatenate([train_y, extra.labels[keep]])
        n_extra = len(keep)
    annotations = None if marks is None else {text_key(texts[i]): marks[i] for i in train}
    est, best = _fit(config, train_texts, train_y, multilabel, config.seed + repeat, annotations)
    test_texts = [texts[i] for i in test]
    return FoldResult(
        repeat=repeat,
        fold=fold,
        test_index=test,
        predictions=np.asarray(est.predict(test_texts)),
        scores=_scores(est, test_texts),
        best_params=best,
        n_train=len(train),
        n_extra=n_extra,
    )


def _targets(ds: Dataset) -> tuple[NDArray[Any], tuple[str, ...]]:
    if ds.task == "multilabel":
        classes = ds.classes
        truth = np.zeros((len(ds), len(classes)), dtype=np.int64)
        pos = {c: i for i, c in enumerate(classes)}
        for r, labels in enumerate(ds.labels):
            for lab in labels:
                truth[r, pos[lab]] = 1
        return truth, classes
    y = np.asarray([str(label) for label in ds.labels], dtype=object)
    return y, tuple(sorted(set(y.tolist())))


# ------------------------------------------------------------------------------ metrics


def _single_metrics(
    y: NDArray[Any], pred: NDArray[Any], scores: FloatArray | None, classes: Sequence[str]
) -> dict[str, Any]:
    from sklearn.metrics import (
        accuracy_score,
        f1_score,
        precision_recall_fscore_support,
        roc_auc_score,
    )

    out: dict[str, Any] = {
        "macro_f1": float(
            f1_score(y, pred, labels=list(classes), average="macro", zero_division=0)
        ),
        "accuracy": float(accuracy_score(y, pred)),
    }
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=list(classes), zero_division=0)
    out["per_class"] = {
        c: {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(s[i]),
        }
        for i, c in enumerate(classes)
    }
    out["roc_auc"] = None
    present = set(np.unique(y).tolist())
    if scores is not None and len(present) == len(classes):
        if len(classes) == 2:
            col = scores[:, -1] if scores.shape[1] >= 1 else scores[:, 0]
            out["roc_auc"] = float(roc_auc_score(y == classes[1], col))
        elif scores.shape[1] == len(classes) and np.allclose(scores.sum(axis=1), 1.0, atol=1e-6):
            out["roc_auc"] = float(
                roc_auc_score(y, scores, multi_class="ovr", labels=list(classes))
            )
    return out


def _multi_metrics(
    truth: NDArray[Any], pred: NDArray[Any], scores: FloatArray | None, classes: Sequence[str]
) -> dict[str, Any]:
    from sklearn.metrics import (
        accuracy_score,
        f1_score,
        precision_recall_fscore_support,
        roc_auc_score,
    )

    out: dict[str, Any] = {
        "macro_f1": float(f1_score(truth, pred, average="macro", zero_division=0)),
        "micro_f1": float(f1_score(truth, pred, average="micro", zero_division=0)),
        "accuracy": float(accuracy_score(truth, pred)),  # exact match of the label set
    }
    p, r, f, s = precision_recall_fscore_support(truth, pred, zero_division=0)
    out["per_class"] = {
        c: {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(s[i]),
        }
        for i, c in enumerate(classes)
    }
    out["roc_auc"] = None
    if (
        scores is not None
        and scores.shape == truth.shape
        and all(0 < truth[:, j].sum() < len(truth) for j in range(truth.shape[1]))
    ):
        out["roc_auc"] = float(roc_auc_score(truth, scores, average="macro"))
    return out


def _macro_f1_from_counts(tp: FloatArray, fp: FloatArray, fn: FloatArray) -> float:
    denom = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    return float(f1.mean())


def _boot_metric(
    truth: NDArray[Any], pred: NDArray[Any], classes: Sequence[str], multilabel: bool
) -> Callable[[NDArray[np.int64]], tuple[float, float]]:
    """Macro-F1 and accuracy of a resample (same definitions as scikit-learn, computed fast)."""
    if multilabel:
        t = np.asarray(truth, dtype=bool)
        p = np.asarray(pred, dtype=bool)

        def multi(idx: NDArray[np.int64]) -> tuple[float, float]:
            ti, pi = t[idx], p[idx]
            tp = (ti & pi).sum(axis=0).astype(np.float64)
            fp = (~ti & pi).sum(axis=0).astype(np.float64)
            fn = (ti & ~pi).sum(axis=0).astype(np.float64)
            return _macro_f1_from_counts(tp, fp, fn), float((ti == pi).all(axis=1).mean())

        return multi
    code = {c: i for i, c in enumerate(classes)}
    k = len(classes)
    ti_all = np.asarray([code[str(v)] for v in truth], dtype=np.int64)
    pi_all = np.asarray([code.get(str(v), 0) for v in pred], dtype=np.int64)

    def single(idx: NDArray[np.int64]) -> tuple[float, float]:
        cm = np.bincount(ti_all[idx] * k + pi_all[idx], minlength=k * k).reshape(k, k)
        tp = np.diag(cm).astype(np.float64)
        fp = cm.sum(axis=0) - tp
        fn = cm.sum(axis=1) - tp
        return _macro_f1_from_counts(tp, fp, fn), float(tp.sum() / max(1, len(idx)))

    return single


def _bootstrap(
    metric: Callable[[NDArray[np.int64]], tuple[float, float]], n: int, b: int, seed: int
) -> dict[str, list[float]]:
    rng = np.random.default_rng(seed)
    f1s, accs = [], []
    for _ in range(b):
        idx = rng.integers(0, n, n)
        f, a = metric(idx)
        f1s.append(f)
        accs.append(a)
    if not f1s:
        return {}
    return {
        "macro_f1_95ci": [float(np.percentile(f1s, 2.5)), float(np.percentile(f1s, 97.5))],
        "accuracy_95ci": [float(np.percentile(accs, 2.5)), float(np.percentile(accs, 97.5))],
    }


def _round(value: Any, digits: int = 4) -> Any:
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: _round(v, digits) for k, v in value.items()}
    if isinstance(value, list):
        return [_round(v, digits) for v in value]
    return value


# ------------------------------------------------------------------------------ artefacts


def _confusion_svg(matrix: NDArray[np.int64], labels: Sequence[str], title: str) -> bytes:
    from framing.plots import _new_axes, to_svg

    n = len(labels)
    fig, ax = _new_axes(1.6 + 0.75 * n, 1.3 + 0.65 * n)
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(n), labels=list(labels), rotation=30, ha="right")
    ax.set_yticks(range(n), labels=list(labels))
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    top = matrix.max() if matrix.size else 0
    for i in range(n):
        for j in range(n):
            colour = "white" if matrix[i, j] > top / 2 else "black"
            ax.text(j, i, str(int(matrix[i, j])), ha="center", va="center", color=colour)
    return to_svg(fig)


def _multilabel_svg(
    truth: NDArray[Any], pred: NDArray[Any], labels: Sequence[str], title: str
) -> bytes:
    from framing.plots import _new_axes, to_svg

    # rows: labels; columns: TP, FN, FP, TN
    cols = ("TP", "FN", "FP", "TN")
    m = np.array(
        [
            [
                int(((truth[:, j] == 1) & (pred[:, j] == 1)).sum()),
                int(((truth[:, j] == 1) & (pred[:, j] == 0)).sum()),
                int(((truth[:, j] == 0) & (pred[:, j] == 1)).sum()),
                int(((truth[:, j] == 0) & (pred[:, j] == 0)).sum()),
            ]
            for j in range(len(labels))
        ]
    )
    fig, ax = _new_axes(4.5, 1.3 + 0.45 * len(labels))
    ax.imshow(m, cmap="Blues", aspect="auto")
    ax.set_xticks(range(4), labels=list(cols))
    ax.set_yticks(range(len(labels)), labels=list(labels))
    ax.set_title(title)
    for i in range(m.shape[0]):
        for j in range(4):
            ax.text(j, i, str(m[i, j]), ha="center", va="center")
    return to_svg(fig)


def _coefficients(estimator: Any) -> FloatArray | None:
    """Per-class weights (n_classes or 1, n_features) of a fitted linear model, if any."""
    model = estimator.named_steps["model"]
    inner = [model]
    if hasattr(model, "estimators_"):  # OneVsRest
        inner = list(model.estimators_)

    def coef(m: Any) -> FloatArray | None:
        if hasattr(m, "calibrated_classifiers_"):
            parts = [coef(cc.estimator) for cc in m.calibrated_classifiers_]
            got = [p for p in parts if p is not None]
            return np.mean(got, axis=0) if got else None
        if hasattr(m, "coef_"):
            return np.atleast_2d(np.asarray(m.coef_, dtype=np.float64))
        if hasattr(m, "feature_log_prob_"):
            flp = np.asarray(m.feature_log_prob_, dtype=np.float64)
            centred: FloatArray = flp - flp.mean(axis=0, keepdims=True)
            return centred
        return None

    rows = [coef(m) for m in inner]
    if any(r is None for r in rows):
        return None
    return np.vstack([r for r in rows if r is not None])


def informative_features(estimator: Any, classes: Sequence[str], top: int) -> list[dict[str, Any]]:
    """The features with the largest weights for each class (linear models only)."""
    weights = _coefficients(estimator)
    if weights is None:
        return []
    names = np.asarray(estimator.named_steps["features"].get_feature_names_out(), dtype=object)
    rows: list[dict[str, Any]] = []
    if weights.shape[0] == 1 and len(classes) == 2:
        w = weights[0]
        pairs = [
            (classes[1], np.argsort(-w, kind="stable")[:top], w),
            (classes[0], np.argsort(w, kind="stable")[:top], -w),
        ]
    else:
        pairs = [
            (classes[k], np.argsort(-weights[k], kind="stable")[:top], weights[k])
            for k in range(weights.shape[0])
        ]
    for label, idx, w in pairs:
        for rank, j in enumerate(idx, start=1):
            rows.append(
                {
                    "class": label,
                    "rank": rank,
                    "feature": str(names[j]),
                    "weight": round(float(w[j]), 6),
                }
            )
    return rows


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "framing": __version__}
    for pkg in ("scikit-learn", "numpy", "scipy", "skops", "nltk", "matplotlib"):
        try:
            versions[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            versions[pkg] = "not installed"
    return versions


def _write_csv(path: Path, rows: Sequence[Mapping[str, Any]], header: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(header), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)


def _json(path: Path, value: Any) -> None:
    path.write_text(
        json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


@dataclass(frozen=True)
class RunResult:
    """What a run wrote and its headline numbers."""

    run_dir: Path
    metrics: Mapping[str, Any]
    seconds: float


def _load_data(config: ExperimentConfig) -> Dataset:
    d = config.dataset
    try:
        ds = load_dataset(d["name"], d["root"], **d["options"])
    except FramingError as exc:
        if exc.file is None:
            raise ConfigError(
                exc.message, file=config.path, field="dataset." + (exc.field or "name")
            ) from exc
        raise
    if d["subsample"] and d["subsample"] < len(ds):
        rng = np.random.default_rng(config.seed)
        ds = ds.subset(sorted(rng.choice(len(ds), d["subsample"], replace=False).tolist()))
    return ds


@dataclass(frozen=True)
class ExtraTraining:
    """Items added to every training fold (never evaluated), with what was removed and why."""

    texts: tuple[str, ...]
    labels: NDArray[Any]
    keys: tuple[str, ...]
    counts: Mapping[str, Mapping[str, int]]


def load_extra_training(
    config: ExperimentConfig, ds: Dataset, classes: Sequence[str]
) -> ExtraTraining | None:
    """Load ``dataset.extra_training``: drop sentences of the evaluated dataset, deduplicate.

    An extra sentence whose normalised text (:func:`text_key`) equals any sentence of the
    evaluated dataset is removed (so no evaluation-fold sentence, nor a duplicate of a training
    one, enters training); later duplicates among the extras are removed too. Labels must be
    classes of the evaluated dataset.
    """
    specs = config.dataset["extra_training"]
    if not specs:
        return None
    if ds.task == "multilabel":
        raise ConfigError(
            "extra_training supports single-label datasets only",
            file=config.path,
            field="dataset.extra_training",
        )
    evaluated = {text_key(t) for t in ds.texts}
    seen: set[str] = set()
    texts: list[str] = []
    labels: list[str] = []
    keys: list[str] = []
    counts: dict[str, dict[str, int]] = {}
    for i, spec in enumerate(specs):
        field_name = f"dataset.extra_training[{i}]"
        try:
            extra = load_dataset(spec["name"], config.dataset["root"], **spec["options"])
        except FramingError as exc:
            if exc.file is None:
                raise ConfigError(exc.message, file=config.path, field=field_name) from exc
            raise
        label_id = spec["name"] + "".join(f":{k}={v}" for k, v in sorted(spec["options"].items()))
        c = {"loaded": len(extra), "in_evaluated_dataset": 0, "duplicate": 0, "added": 0}
        for text, label in zip(extra.texts, extra.labels, strict=True):
            if str(label) not in classes:
                raise ConfigError(
                    f"{extra.name} has label {label!r}, not a class of {ds.name} "
                    f"({', '.join(classes)})",
                    file=config.path,
                    field=field_name,
                )
            key = text_key(text)
            if key in evaluated:
                c["in_evaluated_dataset"] += 1
                continue
            if key in seen:
                c["duplicate"] += 1
                continue
            seen.add(key)
            texts.append(text)
            labels.append(str(label))
            keys.append(key)
            c["added"] += 1
        counts[label_id] = c
    return ExtraTraining(
        texts=tuple(texts),
        labels=np.asarray(labels, dtype=object),
        keys=tuple(keys),
        counts=counts,
    )


def _annotations(config: ExperimentConfig, ds: Dataset) -> list[tuple[str, ...]] | None:
    """Per-item word annotations for the ``span_terms`` block (``features.span_terms.field``)."""
    spec = config.features.get("span_terms")
    if spec is None:
        return None
    name = spec["field"]
    if len(ds.metadata) != len(ds):
        raise ConfigError(
            f"{ds.name} has no per-item metadata for the span_terms block (for a table, "
            f"give dataset.options.annotation = {name!r})",
            file=config.path,
            field="features.span_terms.field",
        )
    out: list[tuple[str, ...]] = []
    for i, meta in enumerate(ds.metadata):
        value = meta.get(name) if isinstance(meta, Mapping) else None
        if value is None:
            raise ConfigError(
                f"item {ds.ids[i]} of {ds.name} has no metadata field {name!r} "
                "for the span_terms block",
                file=config.path,
                field="features.span_terms.field",
            )
        out.append((value,) if isinstance(value, str) else tuple(str(v) for v in value))
    return out


def run_experiment(
    config: ExperimentConfig | str | Path, runs_dir: str | Path = "runs"
) -> RunResult:
    """Run one experiment and write its run directory ``runs_dir/<name>`` (replacing old files)."""
    from joblib import Parallel, delayed
    from sklearn.metrics import confusion_matrix

    cfg = config if isinstance(config, ExperimentConfig) else load_config(config)
    started = time.perf_counter()
    ds = _load_data(cfg)
    texts = list(ds.texts)
    y, classes = _targets(ds)
    multilabel = ds.task == "multilabel"
    ev = cfg.evaluation
    if not multilabel and len(classes) < 2:
        raise ConfigError(
            f"dataset {ds.name!r} has fewer than two classes", file=cfg.path, field="dataset"
        )

    extra = load_extra_training(cfg, ds, classes)
    marks = _annotations(cfg, ds)
    tasks = [
        (r, k, tr, te)
        for r in range(ev["repeats"])
        for k, (tr, te) in enumerate(_splits(cfg, ds, y, r))
    ]
    results: list[FoldResult] = Parallel(n_jobs=ev["n_jobs"])(
        delayed(_run_fold)(cfg, texts, y, multilabel, r, k, tr, te, extra, marks)
        for r, k, tr, te in tasks
    )
    cv_seconds = time.perf_counter() - started

    metric_fn = _multi_metrics if multilabel else _single_metrics
    fold_rows: list[dict[str, Any]] = []
    for fr in results:
        m = metric_fn(y[fr.test_index], fr.predictions, fr.scores, classes)
        fold_rows.append(
            {
                "repeat": fr.repeat,
                "fold": fr.fold,
                "n_train": fr.n_train,
                "n_extra_train": fr.n_extra,
                "n_test": len(fr.test_index),
                "macro_f1": round(m["macro_f1"], 4),
                "accuracy": round(m["accuracy"], 4),
                "roc_auc": None if m["roc_auc"] is None else round(m["roc_auc"], 4),
                "best_params": json.dumps(fr.best_params, sort_keys=True),
            }
        )

    # pooled out-of-fold predictions of the first repeat (every item predicted once)
    first = [fr for fr in results if fr.repeat == 0]
    order = np.concatenate([fr.test_index for fr in first])
    pred = np.concatenate([fr.predictions for fr in first])
    have_scores = all(fr.scores is not None for fr in first)
    scores = (
        np.vstack([fr.scores for fr in first if fr.scores is not None]) if have_scores else None
    )
    y_pooled = y[order]
    pooled = metric_fn(y_pooled, pred, scores, classes)

    boot = _boot_metric(y_pooled, pred, classes, multilabel)

    f1s = np.array([r["macro_f1"] for r in fold_rows])
    accs = np.array([r["accuracy"] for r in fold_rows])
    aucs = [r["roc_auc"] for r in fold_rows if r["roc_auc"] is not None]
    metrics: dict[str, Any] = {
        "name": cfg.name,
        "dataset": ds.name,
        "task": ds.task,
        "n_items": len(ds),
        "classes": list(classes),
        "scheme": ev["scheme"],
        "folds": len(first),
        "repeats": ev["repeats"],
        "features": list(cfg.features),
        "model": cfg.model["type"] + ("+calibrated" if cfg.model["calibrate"] else ""),
        "macro_f1": float(f1s.mean()),
        "macro_f1_std": float(f1s.std(ddof=1)) if len(f1s) > 1 else 0.0,
        "accuracy": float(accs.mean()),
        "roc_auc": float(np.mean(aucs)) if aucs else None,
        "extra_training": None
        if extra is None
        else {"sources": extra.counts, "added": len(extra.texts)},
        "pooled": pooled,
        "bootstrap": {
            "n": ev["bootstrap"],
            **_bootstrap(boot, len(order), ev["bootstrap"], cfg.seed),
        },
    }
    metrics = _round(metrics)

    run_dir = Path(runs_dir) / cfg.name
    run_dir.mkdir(parents=True, exist_ok=True)
    _json(run_dir / "config.json", cfg.raw)
    _json(run_dir / "metrics.json", metrics)
    _write_csv(
        run_dir / "folds.csv",
        fold_rows,
        [
            "repeat",
            "fold",
            "n_train",
            "n_extra_train",
            "n_test",
            "macro_f1",
            "accuracy",
            "roc_auc",
            "best_params",
        ],
    )

    # predictions (all repeats), sorted by repeat then item order
    pred_rows: list[dict[str, Any]] = []
    score_cols = [f"score_{c}" for c in classes]
    for fr in results:
        for pos, i in enumerate(fr.test_index):
            row: dict[str, Any] = {
                "id": ds.ids[i],
                "repeat": fr.repeat,
                "fold": fr.fold,
                "group": ds.groups[i],
            }
            if multilabel:
                row["true"] = "|".join(c for c, v in zip(classes, y[i], strict=True) if v)
                row["predicted"] = "|".join(
                    c for c, v in zip(classes, fr.predictions[pos], strict=True) if v
                )
            else:
                row["true"] = y[i]
                row["predicted"] = fr.predictions[pos]
            if fr.scores is not None and fr.scores.shape[1] == len(classes):
                for col, v in zip(score_cols, fr.scores[pos], strict=True):
                    row[col] = round(float(v), 6)
            elif fr.scores is not None and fr.scores.shape[1] == 1:
                row[score_cols[-1]] = round(float(fr.scores[pos, 0]), 6)
            pred_rows.append(row)
    position = {item: i for i, item in enumerate(ds.ids)}
    pred_rows.sort(key=lambda r: (r["repeat"], position[r["id"]]))
    _write_csv(
        run_dir / "predictions.csv",
        pred_rows,
        ["id", "repeat", "fold", "group", "true", "predicted", *score_cols],
    )

    title = f"{cfg.name} ({ev['scheme']})"
    if multilabel:
        svg = _multilabel_svg(y_pooled, pred, classes, title)
    else:
        svg = _confusion_svg(confusion_matrix(y_pooled, pred, labels=list(classes)), classes, title)
    (run_dir / "confusion_matrix.svg").write_bytes(svg)

    all_annotations = (
        None if marks is None else {text_key(t): m for t, m in zip(texts, marks, strict=True)}
    )
    if extra is not None and extra.texts:
        final, best = _fit(
            cfg,
            texts + list(extra.texts),
            np.concatenate([y, extra.labels]),
            multilabel,
            cfg.seed,
            all_annotations,
        )
    else:
        final, best = _fit(cfg, texts, y, multilabel, cfg.seed, all_annotations)
    feats = informative_features(final, classes, ev["top_features"])
    _write_csv(run_dir / "features.csv", feats, ["class", "rank", "feature", "weight"])
    lexicons = _lexicon_provenance(final)
    save_model(
        final,
        run_dir / "model.skops",
        task=ds.task,
        classes=classes,
        metadata={
            "experiment": cfg.name,
            "dataset": ds.name,
            "data_hash": ds.content_hash,
            "best_params": best,
            "lexicons": lexicons,
        },
    )
    seconds = time.perf_counter() - started
    _json(
        run_dir / "environment.json",
        {
            "versions": package_versions(),
            "platform": platform.platform(),
            "dataset": {
                "name": ds.name,
                "path": ds.path,
                "content_hash": ds.content_hash,
                "n_items": len(ds),
                "label_counts": ds.label_counts(),
                "dropped": dict(ds.dropped),
                "citation": ds.citation,
                "licence": ds.licence,
            },
            "lexicons": lexicons,
            "final_model_best_params": best,
            "cv_seconds": round(cv_seconds, 2),
            "total_seconds": round(seconds, 2),
            "n_jobs": ev["n_jobs"],
        },
    )
    return RunResult(run_dir=run_dir, metrics=metrics, seconds=seconds)


def _lexicon_provenance(estimator: Any) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    union = estimator.named_steps["features"]
    for _, part in union.transformer_list:
        step = part.named_steps["extract"] if hasattr(part, "named_steps") else part
        prov = getattr(step, "lexicon_provenance_", None)
        if prov:
            out.extend(p for p in prov if p not in out)
    return out


# ------------------------------------------------------------------------------ comparing runs


def load_run(run_dir: str | Path) -> dict[str, Any]:
    """A run's ``metrics.json`` (with ``run_dir`` added)."""
    path = Path(run_dir) / "metrics.json"
    if not path.is_file():
        raise ConfigError("not a run directory (no metrics.json)", file=str(run_dir))
    try:
        metrics: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"invalid JSON: {exc.msg}", file=str(path), line=exc.lineno) from exc
    metrics["run_dir"] = str(run_dir)
    return metrics


def compare_runs(run_dirs: Sequence[str | Path]) -> list[dict[str, Any]]:
    """One row per run: name, dataset, scheme, features, model, macro-F1 (+ CI), accuracy, AUC."""
    rows = []
    for rd in run_dirs:
        m = load_run(rd)
        ci = (m.get("bootstrap") or {}).get("macro_f1_95ci") or [None, None]
        rows.append(
            {
                "run": m["name"],
                "dataset": m["dataset"],
                "scheme": m["scheme"],
                "features": "+".join(m["features"]),
                "model": m["model"],
                "macro_f1": m["macro_f1"],
                "macro_f1_std": m["macro_f1_std"],
                "ci_low": ci[0],
                "ci_high": ci[1],
                "accuracy": m["accuracy"],
                "roc_auc": m.get("roc_auc"),
            }
        )
    return rows


def comparison_svg(rows: Sequence[Mapping[str, Any]], title: str = "macro-F1 by run") -> bytes:
    """Horizontal bars of macro-F1 with the bootstrap interval (deterministic SVG)."""
    from framing.plots import OKABE_ITO, _new_axes, to_svg

    fig, ax = _new_axes(6.0, 1.2 + 0.42 * len(rows))
    ys = np.arange(len(rows))[::-1]
    vals = [float(r["macro_f1"]) for r in rows]
    lows = [
        float(r["ci_low"]) if r["ci_low"] is not None else v
        for r, v in zip(rows, vals, strict=True)
    ]
    highs = [
        float(r["ci_high"]) if r["ci_high"] is not None else v
        for r, v in zip(rows, vals, strict=True)
    ]
    err = np.array(
        [
            [max(0.0, v - lo) for v, lo in zip(vals, lows, strict=True)],
            [max(0.0, hi - v) for v, hi in zip(vals, highs, strict=True)],
        ]
    )
    ax.barh(ys, vals, xerr=err, color=OKABE_ITO[4], ecolor="black", capsize=3)
    ax.set_yticks(ys, labels=[str(r["run"]) for r in rows])
    ax.set_xlim(0, 1)
    ax.set_xlabel("macro-F1 (5-fold mean; bars: pooled bootstrap 95% interval)")
    ax.set_title(title)
    for y_, v in zip(ys, vals, strict=True):
        ax.text(min(v + 0.01, 0.93), y_, f"{v:.3f}", va="center")
    return to_svg(fig)
