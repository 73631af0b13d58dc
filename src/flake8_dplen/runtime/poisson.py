"""The expected number of physical batches under Poisson sampling.

`expected_pieces` is written to stand alone (stdlib `math` only, no names from this
package) because the codemod copies its source into users' files: a fixed sampler must
not depend on flake8-dplen. The runtime check uses the very same function. Its lines
stay within 79 columns, the smallest limit in common use (flake8's default).
"""

import inspect


def _dplen_expected_pieces(
    num_samples,
    expected_batch_size,
    max_batch_size,
    empty_batch_counts=True,
):
    """Mean of ceil(K / max_batch_size) for K ~ Binomial(num_samples, q), where
    q = expected_batch_size / num_samples; an empty batch counts as one piece
    when `empty_batch_counts` (it is still yielded, as an empty batch)."""
    n, m = int(num_samples), int(max_batch_size)
    q = expected_batch_size / n if n else 0.0
    empty = 1 if empty_batch_counts else 0
    if n == 0 or q <= 0.0:
        return float(empty)
    if q >= 1.0:
        return float(-(-n // m) or empty)

    # Walk the pmf outwards from its mode by the ratio of neighbouring terms,
    # starting from an unnormalised weight of 1 and normalising at the end: no
    # lgamma (whose error near n = 1e7 costs ~1e-9 relative), and about 18
    # standard deviations of terms.
    odds = q / (1.0 - q)
    mode = min(n, int((n + 1) * q))
    total = weighted = 0.0
    weight, k = 1.0, mode
    while k <= n:
        term = weight * (-(-k // m) if k else empty)
        if weight < 1e-17 * total and term < 1e-17 * weighted:
            break
        total += weight
        weighted += term
        weight *= (n - k) * odds / (k + 1)
        k += 1
    weight, k = 1.0, mode
    while k > 0:
        weight *= k / ((n - k + 1) * odds)
        k -= 1
        term = weight * (-(-k // m) if k else empty)
        if weight < 1e-17 * total and term < 1e-17 * weighted:
            break
        total += weight
        weighted += term
    return weighted / total


expected_pieces = _dplen_expected_pieces


def helper_source() -> str:
    """The function's source, as the codemod inserts it into a fixed module."""
    return inspect.getsource(_dplen_expected_pieces)
