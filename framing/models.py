"""Saving and loading fitted classifiers with skops (never pickle).

A model file is a skops archive holding a small bundle: the fitted scikit-learn estimator, the
task type, the class names and provenance. :func:`load_model` first lists the types the file
would construct (``skops.io.get_untrusted_types``) and refuses the file with a
:class:`~framing.errors.ModelError` when any of them is not on :data:`TRUSTED_TYPES` (or on the
caller's extra allow-list), so that a model file can never run arbitrary code on load.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import skops.io as sio

from framing import __version__
from framing.errors import ModelError

#: Types a framing model file may contain beyond the ones skops trusts by default.
TRUSTED_TYPES: frozenset[str] = frozenset(
    {
        "framing.features.LexiconFeatures",
        "framing.features.AttributionFeatures",
        "framing.features.CompactTfidfVectorizer",
        "framing.features.SpanTermFeatures",
        "collections.OrderedDict",
        "numpy.dtype",
        "numpy.float64",
        "numpy.int64",
        "numpy.bool_",
        "builtins.slice",
        "sklearn.utils._bunch.Bunch",
        "sklearn.feature_extraction.text.TfidfVectorizer",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.feature_extraction.text.CountVectorizer",
        "sklearn.pipeline.Pipeline",
        "sklearn.pipeline.FeatureUnion",
        "sklearn.preprocessing._data.StandardScaler",
        "sklearn.preprocessing._data.MaxAbsScaler",
        "sklearn.preprocessing._label.MultiLabelBinarizer",
        "sklearn.preprocessing._label.LabelEncoder",
        "sklearn.preprocessing._label.LabelBinarizer",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.linear_model._stochastic_gradient.SGDClassifier",
        "sklearn.linear_model._ridge.RidgeClassifier",
        "sklearn.svm._classes.LinearSVC",
        "sklearn.naive_bayes.ComplementNB",
        "sklearn.naive_bayes.MultinomialNB",
        "sklearn.calibration.CalibratedClassifierCV",
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.calibration._SigmoidCalibration",
        "sklearn.multiclass.OneVsRestClassifier",
        "sklearn.multiclass._ConstantPredictor",
        "sklearn.frozen._frozen.FrozenEstimator",
    }
)


@dataclass(frozen=True)
class LoadedModel:
    """A fitted estimator with what is needed to read its output."""

    estimator: Any
    task: str
    classes: tuple[str, ...]
    metadata: Mapping[str, Any] = field(default_factory=dict)


def save_model(
    estimator: Any,
    path: str | Path,
    *,
    task: str,
    classes: Sequence[str],
    metadata: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``estimator`` and its task, classes and metadata to a skops file at ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    bundle = {
        "format": "framing-model-1",
        "estimator": estimator,
        "task": task,
        "classes": [str(c) for c in classes],
        "framing_version": __version__,
        "metadata": _plain(dict(metadata or {})),
    }
    sio.dump(bundle, target, compression=8)
    return target


def _plain(value: Any) -> Any:
    """Metadata as plain JSON-like values (skops trusts these without a list)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def untrusted_types(path: str | Path, extra_trusted: Iterable[str] = ()) -> list[str]:
    """Types in the file that neither skops nor the allow-list trusts."""
    allowed = TRUSTED_TYPES | set(extra_trusted)
    try:
        found = sio.get_untrusted_types(file=Path(path))
    except Exception as exc:  # a zip or schema error: not a skops file
        raise ModelError(f"not a readable skops model file: {exc}", file=str(path)) from exc
    return sorted(t for t in found if t not in allowed)


def load_model(path: str | Path, *, extra_trusted: Iterable[str] = ()) -> LoadedModel:
    """Load a model saved by :func:`save_model`, refusing any type not explicitly trusted."""
    p = Path(path)
    if not p.is_file():
        raise ModelError("model file not found", file=str(p))
    bad = untrusted_types(p, extra_trusted)
    if bad:
        raise ModelError(
            "refusing to load: the file contains types that are not trusted: " + ", ".join(bad),
            file=str(p),
        )
    trusted = sorted(sio.get_untrusted_types(file=p))
    try:
        bundle = sio.load(p, trusted=trusted)
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(f"cannot load model: {exc}", file=str(p)) from exc
    if not isinstance(bundle, dict) or bundle.get("format") != "framing-model-1":
        raise ModelError("not a framing model file (missing 'format')", file=str(p))
    for key in ("estimator", "task", "classes"):
        if key not in bundle:
            raise ModelError("model bundle is incomplete", file=str(p), field=key)
    return LoadedModel(
        estimator=bundle["estimator"],
        task=str(bundle["task"]),
        classes=tuple(str(c) for c in bundle["classes"]),
        metadata={
            **dict(bundle.get("metadata") or {}),
            "framing_version": bundle.get("framing_version"),
        },
    )


def python_version() -> str:
    return ".".join(str(x) for x in sys.version_info[:3])


@dataclass(frozen=True, slots=True)
class Prediction:
    """A model's output for one text.

    ``labels`` holds one class (binary, multi-class) or the set of labels that apply
    (multi-label). ``scores`` maps each class to a probability when the model gives
    probabilities (``kind == "probability"``), else to its decision value (``"decision"``).
    """

    labels: tuple[str, ...]
    scores: Mapping[str, float]
    kind: str


def predict(model: LoadedModel, texts: Sequence[str]) -> list[Prediction]:
    """Labels and class scores of ``texts`` from a loaded model."""
    if not texts:
        return []
    est = model.estimator
    classes = model.classes
    raw = np.asarray(est.predict(list(texts)))
    kind = "decision"
    values: Any = None
    if hasattr(est, "predict_proba"):
        try:
            values = np.asarray(est.predict_proba(list(texts)), dtype=np.float64)
            kind = "probability"
        except AttributeError:
            values = None
    if values is None and hasattr(est, "decision_function"):
        values = np.asarray(est.decision_function(list(texts)), dtype=np.float64)
        values = values.reshape(len(texts), -1)
    out: list[Prediction] = []
    for i in range(len(texts)):
        if model.task == "multilabel":
            labels = tuple(c for c, v in zip(classes, raw[i], strict=True) if v)
        else:
            labels = (str(raw[i]),)
        scores: dict[str, float] = {}
        if values is not None:
            row = values[i]
            if len(row) == len(classes):
                scores = {c: round(float(v), 6) for c, v in zip(classes, row, strict=True)}
            elif len(row) == 1 and len(classes) == 2:  # binary decision value: positive class
                scores = {classes[1]: round(float(row[0]), 6)}
        out.append(Prediction(labels=labels, scores=scores, kind=kind))
    return out
