"""The expected number of physical batches under Poisson sampling.

`expected_pieces` is written to stand alone (stdlib `math` only, no names from this
package) because the codemod copies its source into users' files: a fixed sampler must
not depend on flake8-dplen. The runtime check uses the very same function.
"""

import inspect


def _dplen_expected_pieces(num_samples, expected_batch_size, max_batch_size, empty_batch_counts=True):
    """Mean of ceil(K / max_batch_size) for K ~ Binomial(num_samples, q), where
    q = expected_batch_size / num_samples; an empty batch counts as one piece when
    `empty_batch_counts` (it is still yielded, as an empty batch)."""
    import math

    n, m = int(num_samples), int(max_batch_size)
    q = expected_batch_size / n if n else 0.0
    empty = 1 if empty_batch_counts else 0
    if n == 0 or q <= 0.0:
        return float(empty)
    if q >= 1.0:
        return float(-(-n // m) or empty)
    # Sum the pmf outwards from the mode, by the ratio of neighbouring terms, until the
    # terms are too small to change a double: exact to rounding, O(standard deviations).
    mode = min(n, int((n + 1) * q))
    log_q, log_p = math.log(q), math.log1p(-q)
    peak = math.exp(
        math.lgamma(n + 1)
        - math.lgamma(mode + 1)
        - math.lgamma(n - mode + 1)
        + mode * log_q
        + (n - mode) * log_p
    )
    odds = q / (1.0 - q)

    def pieces(k):
        return -(-k // m) if k else empty

    total = peak * pieces(mode)
    term, k = peak, mode
    while k < n:
        term *= (n - k) / (k + 1) * odds
        k += 1
        total += term * pieces(k)
        if term < 1e-18 * peak:
            break
    term, k = peak, mode
    while k > 0:
        term *= k / ((n - k + 1) * odds)
        k -= 1
        total += term * pieces(k)
        if term < 1e-18 * peak:
            break
    return total


expected_pieces = _dplen_expected_pieces


def helper_source() -> str:
    """The function's source, as the codemod inserts it into a fixed module."""
    return inspect.getsource(_dplen_expected_pieces)
