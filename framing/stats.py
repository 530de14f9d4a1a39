"""Honest statistics for reports: bootstrap intervals, permutation tests, FDR, log-odds.

Articles are the resampling unit throughout: a density is the ratio estimator
``sum(hits) / sum(words)`` over a group's articles, and its interval comes from resampling
articles with replacement (percentile bootstrap). Every function is vectorised with numpy,
works column-wise on ``(n_articles, k)`` matrices so all metrics share the same resamples, and
takes an explicit seed so results are reproducible.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

#: Largest resample block (rows x articles) held in memory at once.
_BLOCK_CELLS = 4_000_000


@dataclass(frozen=True, slots=True)
class RatioEstimate:
    """Point estimates and percentile intervals of ``k`` ratios (one per column)."""

    estimate: FloatArray
    low: FloatArray
    high: FloatArray
    n: int  # articles
    n_boot: int
    alpha: float


def _as_2d(values: NDArray[np.float64] | NDArray[np.int64]) -> FloatArray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim == 1:
        array = array[:, None]
    if array.ndim != 2:
        raise ValueError("expected a (n_articles, k) matrix")
    return array


def _ratio(num: FloatArray, den: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def _resample_counts(rng: np.random.Generator, n: int, rows: int) -> FloatArray:
    """``rows`` bootstrap resamples of ``n`` articles, as per-article draw counts."""
    idx = rng.integers(0, n, size=(rows, n))
    idx += (np.arange(rows) * n)[:, None]
    counts = np.bincount(idx.ravel(), minlength=rows * n).reshape(rows, n)
    return counts.astype(np.float64)


def bootstrap_ratio(
    numerators: NDArray[np.float64] | NDArray[np.int64],
    denominators: NDArray[np.float64] | NDArray[np.int64],
    *,
    n_boot: int = 1000,
    alpha: float = 0.05,
    seed: int = 0,
    scale: float = 1.0,
) -> RatioEstimate:
    """Ratio ``scale * sum(num) / sum(den)`` per column, with a percentile bootstrap interval.

    ``numerators`` is ``(n, k)``; ``denominators`` is ``(n, k)`` or ``(n,)`` (shared by every
    column). Rows are articles and are resampled with replacement, the same resamples for all
    columns. Columns whose denominator sums to zero get ``nan``.
    """
    num = _as_2d(numerators)
    den = _as_2d(denominators)
    n, k = num.shape
    if den.shape[0] != n:
        raise ValueError("numerators and denominators need the same number of rows")
    # (a shared denominator stays one column: its sums broadcast against every numerator's)

    def ratio(sums: FloatArray) -> FloatArray:
        return _ratio(sums[..., :k], sums[..., k:]) * scale

    return _bootstrap(np.hstack([num, den]), ratio, k, n_boot=n_boot, alpha=alpha, seed=seed)


def _bootstrap(
    values: FloatArray,
    statistic: Callable[[FloatArray], FloatArray],
    k: int,
    *,
    n_boot: int,
    alpha: float,
    seed: int,
) -> RatioEstimate:
    """``statistic`` of the column sums of ``values`` (``(n, m)``, one row per article; it maps
    ``(..., m)`` sums to ``(..., k)`` figures), with a percentile interval from ``n_boot``
    resamples of the rows, drawn in blocks that bound the memory they take."""
    n = values.shape[0]
    estimate = statistic(values.sum(axis=0))
    if n == 0 or n_boot <= 0:
        empty = np.full(k, np.nan)
        return RatioEstimate(estimate, empty, empty.copy(), n, n_boot, alpha)
    rng = np.random.default_rng(seed)
    block = max(1, min(n_boot, _BLOCK_CELLS // max(n, 1)))
    boots = np.empty((n_boot, k))
    done = 0
    while done < n_boot:
        rows = min(block, n_boot - done)
        weights = _resample_counts(rng, n, rows)
        boots[done : done + rows] = statistic(weights @ values)
        done += rows
    low, high = _nan_percentiles(boots, alpha)
    return RatioEstimate(estimate, low, high, n, n_boot, alpha)


def _f1(counts: FloatArray) -> FloatArray:
    """F1 from summed counts ``[..., (n_pred, n_gold, matched_pred, matched_gold)]``: precision
    ``matched_pred / n_pred``, recall ``matched_gold / n_gold`` (0 without predictions or gold,
    as :class:`framing.evaluation.polnear.RoleScore` counts them), F1 0 when both are 0."""
    p = np.nan_to_num(_ratio(counts[..., 2], counts[..., 0]))
    r = np.nan_to_num(_ratio(counts[..., 3], counts[..., 1]))
    return np.nan_to_num(_ratio(2 * p * r, p + r))


def bootstrap_f1(
    counts: NDArray[np.float64] | NDArray[np.int64],
    *,
    n_boot: int = 1000,
    alpha: float = 0.05,
    seed: int = 0,
) -> RatioEstimate:
    """Span F1 per column with a percentile bootstrap interval over articles.

    ``counts`` is ``(n, k, 4)``: for each article and each of ``k`` scores, the number of
    predicted spans, of gold spans, of predicted spans that match a gold one and of gold spans
    that a prediction matches. Precision and recall are micro-averaged (ratios of the sums over
    the articles), so an article with many relations weighs more, as in the point estimate;
    articles are resampled with replacement, the same resamples for every column.
    """
    arr = np.asarray(counts, dtype=np.float64)
    if arr.ndim != 3 or arr.shape[2] != 4:
        raise ValueError("counts must have shape (n_articles, k, 4)")
    n, k, _ = arr.shape

    def f1(sums: FloatArray) -> FloatArray:
        return _f1(sums.reshape(*sums.shape[:-1], k, 4))

    return _bootstrap(arr.reshape(n, k * 4), f1, k, n_boot=n_boot, alpha=alpha, seed=seed)


def _nan_percentiles(boots: FloatArray, alpha: float) -> tuple[FloatArray, FloatArray]:
    k = boots.shape[1]
    low = np.full(k, np.nan)
    high = np.full(k, np.nan)
    valid = ~np.all(np.isnan(boots), axis=0)
    if valid.any():
        qs = np.nanpercentile(boots[:, valid], [100 * alpha / 2, 100 * (1 - alpha / 2)], axis=0)
        low[valid], high[valid] = qs[0], qs[1]
    return low, high


@dataclass(frozen=True, slots=True)
class PermutationResult:
    """Difference of ratios ``a - b`` per column with a two-sided permutation p-value."""

    difference: FloatArray
    p_value: FloatArray
    n_a: int
    n_b: int
    n_permutations: int


def permutation_test_ratio(
    num_a: NDArray[np.float64] | NDArray[np.int64],
    den_a: NDArray[np.float64] | NDArray[np.int64],
    num_b: NDArray[np.float64] | NDArray[np.int64],
    den_b: NDArray[np.float64] | NDArray[np.int64],
    *,
    n_permutations: int = 1000,
    seed: int = 0,
    scale: float = 1.0,
) -> PermutationResult:
    """Two-sided permutation test of ``ratio(a) - ratio(b)``, shuffling articles between groups.

    The p-value is ``(1 + #{|perm| >= |observed|}) / (1 + n_permutations)`` (never zero).
    Columns where either group has no denominator get ``nan``.
    """
    na_, da_ = _as_2d(num_a), _as_2d(den_a)
    nb_, db_ = _as_2d(num_b), _as_2d(den_b)
    k = max(na_.shape[1], nb_.shape[1])
    da_ = np.broadcast_to(da_, (da_.shape[0], k)) if da_.shape[1] == 1 else da_
    db_ = np.broadcast_to(db_, (db_.shape[0], k)) if db_.shape[1] == 1 else db_
    n_a, n_b = na_.shape[0], nb_.shape[0]
    observed = (_ratio(na_.sum(0), da_.sum(0)) - _ratio(nb_.sum(0), db_.sum(0))) * scale
    if n_a == 0 or n_b == 0 or n_permutations <= 0:
        return PermutationResult(observed, np.full(k, np.nan), n_a, n_b, n_permutations)
    num = np.vstack([na_, nb_])
    den = np.vstack([da_, db_])
    total_num, total_den = num.sum(0), den.sum(0)
    n = n_a + n_b
    rng = np.random.default_rng(seed)
    block = max(1, min(n_permutations, _BLOCK_CELLS // n))
    extreme = np.zeros(k)
    tol = 1e-12 * np.maximum(1.0, np.abs(np.nan_to_num(observed)))
    done = 0
    base = np.zeros(n)
    base[:n_a] = 1.0
    while done < n_permutations:
        rows = min(block, n_permutations - done)
        masks = rng.permuted(np.tile(base, (rows, 1)), axis=1)
        sa_num, sa_den = masks @ num, masks @ den
        stat = (_ratio(sa_num, sa_den) - _ratio(total_num - sa_num, total_den - sa_den)) * scale
        extreme += np.sum(np.abs(stat) >= np.abs(observed) - tol, axis=0)
        done += rows
    p = (1.0 + extreme) / (1.0 + n_permutations)
    p = np.where(np.isnan(observed), np.nan, p)
    return PermutationResult(observed, p, n_a, n_b, n_permutations)


def permutation_test_ratio_normal(
    num_a: NDArray[np.float64] | NDArray[np.int64],
    den_a: NDArray[np.float64] | NDArray[np.int64],
    num_b: NDArray[np.float64] | NDArray[np.int64],
    den_b: NDArray[np.float64] | NDArray[np.int64],
    *,
    scale: float = 1.0,
) -> PermutationResult:
    """Large-sample (normal) approximation of :func:`permutation_test_ratio`.

    Linearising ``ratio(a) - ratio(b)`` around the pooled ratio ``R`` gives
    ``sum_a(e) * (1/D_a + 1/D_b)`` with residuals ``e_i = num_i - R * den_i`` and ``D`` the
    groups' denominator sums. Under random relabelling of articles (sampling without
    replacement), ``Var(sum_a e) = n_a * n_b / (n * (n - 1)) * sum(e^2)``; the two-sided p-value
    is ``erfc(|z| / sqrt(2))`` with ``z = observed / sd``. Used for large comparisons, where the
    permutation distribution is close to normal and Monte Carlo permutations are costly.
    """
    na_, da_ = _as_2d(num_a), _as_2d(den_a)
    nb_, db_ = _as_2d(num_b), _as_2d(den_b)
    k = max(na_.shape[1], nb_.shape[1])
    da_ = np.broadcast_to(da_, (da_.shape[0], k)) if da_.shape[1] == 1 else da_
    db_ = np.broadcast_to(db_, (db_.shape[0], k)) if db_.shape[1] == 1 else db_
    n_a, n_b = na_.shape[0], nb_.shape[0]
    sum_da, sum_db = da_.sum(0), db_.sum(0)
    observed = (_ratio(na_.sum(0), sum_da) - _ratio(nb_.sum(0), sum_db)) * scale
    n = n_a + n_b
    if n_a == 0 or n_b == 0 or n < 3:
        return PermutationResult(observed, np.full(k, np.nan), n_a, n_b, 0)
    num = np.vstack([na_, nb_])
    den = np.vstack([da_, db_])
    pooled = _ratio(num.sum(0), den.sum(0))
    residual = num - np.nan_to_num(pooled) * den
    var_sum = n_a * n_b / (n * (n - 1)) * np.sum(residual**2, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = 1.0 / sum_da + 1.0 / sum_db
        sd = np.sqrt(var_sum) * factor * scale
        z = np.abs(observed) / sd
    p = np.array([math.erfc(v / math.sqrt(2.0)) if np.isfinite(v) else np.nan for v in z])
    p = np.where((sd == 0) & (observed == 0), 1.0, p)
    p = np.where(np.isnan(observed), np.nan, p)
    return PermutationResult(observed, p, n_a, n_b, 0)


def benjamini_hochberg(p_values: NDArray[np.float64]) -> FloatArray:
    """Benjamini–Hochberg adjusted p-values (``nan`` entries are ignored and stay ``nan``)."""
    p = np.asarray(p_values, dtype=np.float64)
    adjusted = np.full(p.shape, np.nan)
    valid = ~np.isnan(p)
    m = int(valid.sum())
    if m == 0:
        return adjusted
    pv = p[valid]
    order = np.argsort(pv, kind="mergesort")
    ranked = pv[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(ranked, 1.0)
    adjusted[valid] = out
    return adjusted


@dataclass(frozen=True, slots=True)
class LogOdds:
    """Log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008)."""

    delta: FloatArray  # log-odds of each term in group a minus in group b
    variance: FloatArray
    z: FloatArray  # delta / sqrt(variance)


def log_odds_dirichlet(
    counts_a: NDArray[np.float64] | NDArray[np.int64],
    counts_b: NDArray[np.float64] | NDArray[np.int64],
    prior_counts: NDArray[np.float64] | NDArray[np.int64],
    *,
    prior_size: float = 1000.0,
) -> LogOdds:
    """Weighted log-odds ratio of each term, group ``a`` vs group ``b``.

    The prior is ``alpha_w = prior_size * prior_counts[w] / sum(prior_counts)`` (the informative
    Dirichlet prior of Monroe et al., eq. 22, estimated from ``prior_counts``, usually the whole
    corpus); ``z = delta / sqrt(1/(y_a+alpha_w) + 1/(y_b+alpha_w))`` (their eq. 23).
    """
    ya = np.asarray(counts_a, dtype=np.float64)
    yb = np.asarray(counts_b, dtype=np.float64)
    prior = np.asarray(prior_counts, dtype=np.float64)
    if not (ya.shape == yb.shape == prior.shape):
        raise ValueError("count vectors must have the same shape")
    total = prior.sum()
    if total <= 0:
        nan = np.full(ya.shape, np.nan)
        return LogOdds(nan, nan.copy(), nan.copy())
    alpha = prior_size * prior / total
    alpha = np.maximum(alpha, 1e-9)
    a0 = alpha.sum()
    na, nb = ya.sum(), yb.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((ya + alpha) / (na + a0 - ya - alpha)) - np.log(
            (yb + alpha) / (nb + a0 - yb - alpha)
        )
        variance = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
        z = delta / np.sqrt(variance)
    return LogOdds(delta, variance, z)
