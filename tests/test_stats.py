"""Bootstrap intervals, permutation tests, Benjamini–Hochberg and log-odds on known inputs."""

from __future__ import annotations

import numpy as np
import pytest

from framing.stats import (
    benjamini_hochberg,
    bootstrap_f1,
    bootstrap_ratio,
    log_odds_dirichlet,
    permutation_test_ratio,
)


def _sample(n: int, rate: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Articles of varying length with Poisson hit counts at ``rate`` per word."""
    rng = np.random.default_rng(seed)
    words = rng.integers(150, 900, size=n).astype(np.float64)
    hits = rng.poisson(rate * words).astype(np.float64)
    return hits, words


def test_ratio_estimator_is_pooled_sum_over_sum() -> None:
    hits = np.array([1.0, 0.0, 9.0])
    words = np.array([100.0, 100.0, 800.0])
    est = bootstrap_ratio(hits, words, n_boot=200, scale=1000.0)
    # 10 hits / 1000 words, not the mean of per-article rates (which would be 3.75 per 1,000)
    assert est.estimate[0] == pytest.approx(10.0)
    assert est.low[0] <= est.estimate[0] <= est.high[0]


def test_bootstrap_interval_covers_the_true_rate_on_constructed_samples() -> None:
    true_rate = 0.004  # 4 per 1,000 words
    covered = 0
    for seed in range(40):
        hits, words = _sample(120, true_rate, seed)
        est = bootstrap_ratio(hits, words, n_boot=400, seed=seed, scale=1000.0)
        covered += int(est.low[0] <= 4.0 <= est.high[0])
    assert covered >= 34  # nominal 95%: 38 of 40 expected, allow sampling noise


def test_bootstrap_is_reproducible_and_seed_dependent() -> None:
    hits, words = _sample(60, 0.01, 1)
    a = bootstrap_ratio(hits, words, n_boot=300, seed=7)
    b = bootstrap_ratio(hits, words, n_boot=300, seed=7)
    c = bootstrap_ratio(hits, words, n_boot=300, seed=8)
    assert (a.low, a.high) == (b.low, b.high)
    assert (a.low[0], a.high[0]) != (c.low[0], c.high[0])


def test_interval_narrows_with_more_articles() -> None:
    small = bootstrap_ratio(*_sample(30, 0.005, 3), n_boot=400)
    large = bootstrap_ratio(*_sample(600, 0.005, 3), n_boot=400)
    assert (large.high - large.low)[0] < (small.high - small.low)[0] / 2


def test_columns_share_resamples_and_zero_denominator_is_nan() -> None:
    num = np.array([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]])
    den = np.array([[10.0, 0.0], [10.0, 0.0], [10.0, 0.0]])
    est = bootstrap_ratio(num, den, n_boot=50)
    assert est.estimate[0] == pytest.approx(0.2)
    assert np.isnan(est.estimate[1])
    assert np.isnan(est.low[1])


def _spans(n: int, p_hit: float, r_hit: float, seed: int) -> np.ndarray:
    """``n`` articles of one score: (predicted, gold, matched predicted, matched gold), each
    prediction right with chance ``p_hit`` and each gold span found with chance ``r_hit``."""
    rng = np.random.default_rng(seed)
    pred = rng.integers(5, 40, size=n)
    gold = rng.integers(5, 40, size=n)
    counts = np.stack([pred, gold, rng.binomial(pred, p_hit), rng.binomial(gold, r_hit)], axis=1)
    return counts[:, None, :]


def test_f1_is_micro_averaged_over_articles() -> None:
    # article 1: 10 predicted, 8 right, 10 gold, 8 found; article 2: 2 predicted, none right
    counts = np.array([[[10, 10, 8, 8]], [[2, 30, 0, 0]]])
    est = bootstrap_f1(counts, n_boot=200)
    p, r = 8 / 12, 8 / 40  # pooled sums, not the mean of per-article F1s
    assert est.estimate[0] == pytest.approx(2 * p * r / (p + r))
    assert est.low[0] <= est.estimate[0] <= est.high[0]


def test_f1_without_predictions_or_matches_is_zero_not_nan() -> None:
    est = bootstrap_f1(np.array([[[0, 5, 0, 0], [3, 4, 0, 0]]] * 3), n_boot=50)
    assert est.estimate.tolist() == [0.0, 0.0]
    assert est.low.tolist() == [0.0, 0.0]


def test_f1_interval_covers_the_true_f1_on_constructed_samples() -> None:
    true_f1 = 2 * 0.8 * 0.7 / 1.5
    covered = 0
    for seed in range(40):
        est = bootstrap_f1(_spans(84, 0.8, 0.7, seed), n_boot=400, seed=seed)
        covered += int(est.low[0] <= true_f1 <= est.high[0])
    assert covered >= 34  # nominal 95%: 38 of 40 expected, allow sampling noise


def test_f1_interval_is_reproducible_and_narrows_with_more_articles() -> None:
    counts = _spans(84, 0.8, 0.7, 1)
    a = bootstrap_f1(counts, n_boot=300, seed=3)
    b = bootstrap_f1(counts, n_boot=300, seed=3)
    assert (a.low[0], a.high[0]) == (b.low[0], b.high[0])
    large = bootstrap_f1(_spans(840, 0.8, 0.7, 1), n_boot=300, seed=3)
    assert (large.high - large.low)[0] < (a.high - a.low)[0] / 2


def test_f1_counts_need_four_numbers_per_score() -> None:
    with pytest.raises(ValueError, match="n_articles, k, 4"):
        bootstrap_f1(np.zeros((3, 2, 3)))


def test_permutation_test_detects_a_real_difference_only() -> None:
    hits_a, words_a = _sample(80, 0.010, 11)
    hits_b, words_b = _sample(80, 0.004, 12)
    different = permutation_test_ratio(hits_a, words_a, hits_b, words_b, n_permutations=999, seed=0)
    assert different.difference[0] > 0
    assert different.p_value[0] <= 0.002
    hits_c, words_c = _sample(80, 0.010, 13)
    same = permutation_test_ratio(hits_a, words_a, hits_c, words_c, n_permutations=999, seed=0)
    assert same.p_value[0] > 0.05
    # never zero: (1 + extreme) / (1 + permutations)
    assert different.p_value[0] >= 1 / 1000


def test_benjamini_hochberg_on_known_p_values() -> None:
    p = np.array([0.01, 0.04, 0.03, 0.005, np.nan])
    q = benjamini_hochberg(p)
    # sorted 0.005, 0.01, 0.03, 0.04 with m=4: 0.02, 0.02, 0.04, 0.04 after the monotone step
    assert q[:4] == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert np.isnan(q[4])
    assert benjamini_hochberg(np.array([0.9, 0.95])) == pytest.approx([0.95, 0.95])


def test_benjamini_hochberg_is_never_below_raw_and_capped_at_one() -> None:
    p = np.array([0.2, 0.5, 0.8, 0.99])
    q = benjamini_hochberg(p)
    assert np.all(q >= p)
    assert np.all(q <= 1.0)


def test_log_odds_sign_and_z_follow_the_counts() -> None:
    a = np.array([40.0, 10.0, 50.0])
    b = np.array([10.0, 40.0, 50.0])
    result = log_odds_dirichlet(a, b, a + b, prior_size=100.0)
    assert result.delta[0] > 0 > result.delta[1]
    assert result.z[0] > 1.96
    assert result.z[1] < -1.96
    assert abs(result.z[2]) < 1.0  # same count in both groups: not distinctive
    assert result.z[0] == pytest.approx(-result.z[1])
    assert result.z[0] == pytest.approx(result.delta[0] / np.sqrt(result.variance[0]))


def test_log_odds_prior_shrinks_rare_terms() -> None:
    # a term seen twice in a and never in b is far less certain than one seen 200 vs 0 times
    a = np.array([2.0, 200.0, 1000.0])
    b = np.array([0.0, 0.0, 1000.0])
    result = log_odds_dirichlet(a, b, a + b, prior_size=500.0)
    assert 0 < result.z[0] < result.z[1]


def test_log_odds_rejects_mismatched_shapes() -> None:
    with pytest.raises(ValueError, match="same shape"):
        log_odds_dirichlet(np.ones(2), np.ones(3), np.ones(3))


def test_normal_approximation_agrees_with_monte_carlo_permutations() -> None:
    from framing.stats import permutation_test_ratio_normal

    for rate_b, seed in ((0.0060, 21), (0.0052, 22), (0.0050, 23)):
        hits_a, words_a = _sample(300, 0.005, seed)
        hits_b, words_b = _sample(300, rate_b, seed + 100)
        exact = permutation_test_ratio(
            hits_a, words_a, hits_b, words_b, n_permutations=2000, seed=0
        )
        approx = permutation_test_ratio_normal(hits_a, words_a, hits_b, words_b)
        assert approx.difference[0] == pytest.approx(exact.difference[0])
        assert approx.p_value[0] == pytest.approx(exact.p_value[0], abs=0.03)
