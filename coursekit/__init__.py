"""coursekit: the helper library of *Cross-entropy from first principles*.

The maths is imported here and stays light (numpy and scipy.special only):

- :mod:`coursekit.info`: surprisal, entropy, cross-entropy, KL divergence, perplexity;
- :mod:`coursekit.joint`: joint and conditional entropy, mutual information;
- :mod:`coursekit.activations`: softmax, log-softmax and the sigmoid;
- :mod:`coursekit.losses`: the classification and regression losses;
- :mod:`coursekit.coding`: prefix-free codes and Huffman's algorithm.

Modules that need heavier libraries load on first use, as attributes:
``coursekit.sampling``, ``coursekit.training``, ``coursekit.data``,
``coursekit.calibration``, ``coursekit.figures``, ``coursekit.exercises`` and
``coursekit.environment``.  The course tooling (``coursekit.authoring``) is
never loaded by ``import coursekit``.
"""

import importlib

from coursekit.coding import (
    decode,
    encode,
    expected_length,
    fixed_length_code,
    huffman_code,
    is_prefix_free,
    kraft_sum,
)
from coursekit.info import cross_entropy, entropy, kl_divergence, perplexity, surprisal
from coursekit.joint import conditional_entropy, joint_entropy, mutual_information
from coursekit.activations import log_softmax, sigmoid, softmax
from coursekit.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy_grad,
    cross_entropy_loss,
    mse_loss,
    smooth_labels,
)

__version__ = "0.1.0"

_LAZY_MODULES = {
    "calibration", "data", "environment", "exercises", "figures", "sampling", "training",
}

__all__ = [
    "surprisal", "entropy", "cross_entropy", "kl_divergence", "perplexity",
    "joint_entropy", "conditional_entropy", "mutual_information",
    "softmax", "log_softmax", "sigmoid", "cross_entropy_loss", "cross_entropy_grad",
    "binary_cross_entropy", "binary_cross_entropy_with_logits", "mse_loss", "smooth_labels",
    "huffman_code", "fixed_length_code", "expected_length", "is_prefix_free", "kraft_sum",
    "encode", "decode",
]


def __getattr__(name):
    if name in _LAZY_MODULES:
        return importlib.import_module(f"coursekit.{name}")
    raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
