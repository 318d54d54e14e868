r"""Information measures of two variables: joint and conditional entropy, mutual information.

Every function takes a *joint table* ``pxy``: a 2-D array whose entry
``pxy[i, j]`` is the probability :math:`p(x_i, y_j)` that X takes its i-th
value and Y its j-th. **X runs along axis 0 (rows) and Y along axis 1
(columns)**; transpose the table to swap the roles. The table must be
non-negative and sum to 1 over all its cells.

The measures are tied together by the chain rule and by mutual information,

.. math::
    H(X, Y) = H(X) + H(Y \mid X), \qquad
    I(X; Y) = H(Y) - H(Y \mid X) = D\big(p(x, y) \,\|\, p(x)\,p(y)\big) \ge 0,

with :math:`I(X; Y) = 0` exactly when X and Y are independent. As in
:mod:`coursekit.info`, ``base`` 2 (the default) gives bits and ``math.e``
gives nats, and :math:`0 \log 0 = 0`.

References
----------
.. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
   2nd ed., Wiley, 2006, sections 2.2 to 2.5.
"""

import numpy as np
from scipy.special import rel_entr, xlogy

from coursekit._validation import as_float_array, check_base, check_ndim
from coursekit._validation_probability import SUM_TOLERANCE, check_probabilities

__all__ = ["joint_entropy", "conditional_entropy", "mutual_information"]


def check_joint(pxy, name="pxy"):
    """Check a joint distribution table: 2-D, non-negative, summing to 1 over all cells.

    Returns it renormalised to sum to 1, as :func:`check_probabilities` does.

    >>> check_joint([[0.25, 0.25], [0.5, 0.0]]).shape
    (2, 2)
    >>> check_joint([0.5, 0.5])
    Traceback (most recent call last):
    ...
    ValueError: pxy must be a 2-D joint table p(x, y), x along axis 0 and y along axis 1; got shape (2,).
    """
    arr = as_float_array(pxy, name)
    check_ndim(arr, name, 2, "a 2-D joint table p(x, y), x along axis 0 and y along axis 1")
    if not (arr < 0).any() and abs(arr.sum() - 1) > SUM_TOLERANCE:
        raise ValueError(f"{name} must sum to 1 over all its cells; got a sum of {arr.sum():.6g}.")
    return check_probabilities(arr.ravel(), name).reshape(arr.shape)


def joint_entropy(pxy, base=2):
    r"""Joint entropy :math:`H(X, Y)` of the table ``pxy``: the entropy of the pair.

    .. math:: H(X, Y) = -\sum_{x, y} p(x, y) \log_b p(x, y)

    Parameters
    ----------
    pxy : array_like, shape (n_x, n_y)
        Joint probabilities, X along axis 0 and Y along axis 1; non-negative,
        summing to 1.
    base : float, default 2
        Base of the logarithm: 2 for bits, ``math.e`` for nats.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``pxy`` is not numbers (bools included) or ``base`` not a real number.
    ValueError
        If ``pxy`` is not 2-D, has negative, NaN or inf entries, or does not sum to 1.

    Examples
    --------
    Two fair coins tossed independently carry 2 bits; one coin copied carries 1:

    >>> joint_entropy([[0.25, 0.25], [0.25, 0.25]])
    2.0
    >>> joint_entropy([[0.5, 0.0], [0.0, 0.5]])
    1.0
    """
    log_base = check_base(base)
    p = check_joint(pxy)
    return float(-xlogy(p, p).sum() / log_base + 0.0)


def conditional_entropy(pxy, base=2):
    r"""Conditional entropy :math:`H(Y \mid X)`: what is left to learn about Y once X is known.

    X is on axis 0 (the rows), Y on axis 1. The average, over the rows
    weighted by :math:`p(x)`, of the entropy of each row renormalised to
    :math:`p(y \mid x)`:

    .. math::
        H(Y \mid X) = -\sum_{x, y} p(x, y) \log_b \frac{p(x, y)}{p(x)}
                    = \sum_x p(x)\, H(Y \mid X = x)

    For :math:`H(X \mid Y)` pass ``pxy.T``. It is the floor of the expected
    cross-entropy of any classifier that predicts Y from X.

    Parameters
    ----------
    pxy, base
        As for :func:`joint_entropy`.

    Returns
    -------
    float
        Between 0 (Y is a function of X) and :math:`H(Y)` (X tells nothing).

    Examples
    --------
    >>> conditional_entropy([[0.5, 0.0], [0.0, 0.5]])  # Y copies X
    0.0
    >>> conditional_entropy([[0.25, 0.25], [0.25, 0.25]])  # independent coins
    1.0
    >>> round(conditional_entropy([[0.5, 0.0], [0.25, 0.25]]), 4)  # uncertain only when x = 1
    0.5
    """
    log_base = check_base(base)
    p = check_joint(pxy)
    px = p.sum(axis=1, keepdims=True)
    # p(y|x) = p(x, y) / p(x); a row with p(x) = 0 holds only zeros and adds nothing.
    p_y_given_x = np.divide(p, px, out=np.zeros_like(p), where=px > 0)
    return float(-xlogy(p, p_y_given_x).sum() / log_base + 0.0)


def mutual_information(pxy, base=2):
    r"""Mutual information :math:`I(X; Y)`: how far the table is from independence.

    The KL divergence of the product of the marginals from the joint table,
    computed with :func:`scipy.special.rel_entr` (grouped by rows as
    :math:`\sum_x p(x)\, D(p(y \mid x) \,\|\, p(y))`, so that the product
    of two tiny marginals cannot underflow):

    .. math::
        I(X; Y) = D\big(p(x, y) \,\|\, p(x)\, p(y)\big)
                = \sum_{x, y} p(x, y) \log_b \frac{p(x, y)}{p(x)\, p(y)}

    It is symmetric, :math:`I(X; Y) = I(Y; X)`, never negative, and 0
    exactly when X and Y are independent.

    Parameters
    ----------
    pxy, base
        As for :func:`joint_entropy`.

    Returns
    -------
    float
        At least 0 (a rounding residue below 0 is clipped) and at most
        :math:`\min(H(X), H(Y))`.

    Examples
    --------
    >>> mutual_information([[0.5, 0.0], [0.0, 0.5]])  # knowing X gives Y's 1 bit
    1.0
    >>> round(mutual_information(np.outer([0.3, 0.7], [0.1, 0.6, 0.3])), 12)  # independent
    0.0
    >>> round(mutual_information([[0.5, 0.0], [0.25, 0.25]]), 4)
    0.3113
    """
    log_base = check_base(base)
    p = check_joint(pxy)
    px, py = p.sum(axis=1, keepdims=True), p.sum(axis=0, keepdims=True)
    # The same sum as rel_entr(p, px * py), grouped as p(x) D(p(y|x) || p(y)):
    # the product px * py of two tiny marginals could underflow to 0 and give inf.
    p_y_given_x = np.divide(p, px, out=np.zeros_like(p), where=px > 0)
    # rel_entr(a, b) written as xlogy(a, a) - xlogy(a, b): scipy < 1.11 forms the
    # ratio a / b first, which overflows to inf when p(y) is subnormal.
    terms = xlogy(p_y_given_x, p_y_given_x) - xlogy(p_y_given_x, py)
    return float(max((px * terms).sum(), 0.0) / log_base + 0.0)
