"""numpy reference fixtures for LayerLoom's weighted least squares (the line of a LIME fit).

Usage: /usr/bin/python3 reference_lstsq.py OUT_DIR   (Debian's python3-numpy)

Writes OUT_DIR/lstsq/<case>.npz: float64 x (n, d), y (n), w (n), the coefficients numpy.linalg.lstsq gives
for the rows [1, x] scaled by sqrt(w) against y scaled by sqrt(w) (intercept first, then one per column of
x), and the weighted R^2 of that fit, so that WeightedLeastSquares (ridge 0) can be held to about 1e-9.
"""

import os
import sys

import numpy as np

from fixture_io import write_npz


def case(rng, n, d, binary):
    x = (rng.random((n, d)) < 0.5).astype(np.float64) if binary else rng.normal(size=(n, d))
    true = rng.normal(size=d)
    y = 0.3 + x @ true + 0.1 * rng.normal(size=n)
    w = rng.uniform(0.05, 1.0, size=n)
    root = np.sqrt(w)
    design = np.hstack([np.ones((n, 1)), x]) * root[:, None]
    coef, _, _, _ = np.linalg.lstsq(design, y * root, rcond=None)
    predicted = np.hstack([np.ones((n, 1)), x]) @ coef
    mean = np.sum(w * y) / np.sum(w)
    r2 = 1 - np.sum(w * (y - predicted) ** 2) / np.sum(w * (y - mean) ** 2)
    return {"x": x, "y": y, "w": w, "coef": coef, "r2": np.array([r2])}


def main(out):
    folder = os.path.join(out, "lstsq")
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(22)
    cases = {"gaussian-n40-d3": (40, 3, False), "masks-n300-d25": (300, 25, True),
             "gaussian-n12-d11": (12, 11, False)}
    for name, (n, d, binary) in cases.items():
        write_npz(os.path.join(folder, name + ".npz"), case(rng, n, d, binary))


if __name__ == "__main__":
    main(sys.argv[1])
