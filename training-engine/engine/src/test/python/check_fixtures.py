"""Regenerates every PyTorch reference fixture into a temporary folder and compares it with the committed one.

Usage: /usr/bin/python3 check_fixtures.py   (from anywhere; Debian's python3-torch, 1.13)

Each generator reference_*.py in this folder is run as `reference_X.py TMP`. Every committed file must be
regenerated: other files (the cases' graphs, indexes) byte for byte, each .npz with the same arrays (names,
shapes, dtypes). Inputs and weights come from seeded generators and
must be bit-identical; an expected output may differ only by float32 rounding (|d| <= 1e-6 + 1e-6 |x|),
since PyTorch's CPU kernels round differently on other processors. A missing, extra or different fixture
fails with its name. Prints one line per folder and a closing "N passed, N failed" line.
"""

import glob
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
COMMITTED = os.path.normpath(os.path.join(HERE, "..", "resources", "torch-reference"))
ROUNDING = 1e-6


def compare(name, committed, regenerated):
    """The problems found in one fixture; bit-identical files have none."""
    problems = []
    with np.load(committed) as old, np.load(regenerated) as new:
        if sorted(old.files) != sorted(new.files):
            return [f"{name}: arrays {sorted(old.files)} became {sorted(new.files)}"]
        for key in old.files:
            a, b = old[key], new[key]
            if a.shape != b.shape or a.dtype != b.dtype:
                problems.append(f"{name}:{key}: {a.dtype}{a.shape} became {b.dtype}{b.shape}")
            elif not np.array_equal(a, b, equal_nan=True):
                if a.dtype.kind != "f":
                    problems.append(f"{name}:{key}: values changed")
                    continue
                diff = np.abs(a.astype(np.float64) - b.astype(np.float64))
                allowed = ROUNDING + ROUNDING * np.abs(a.astype(np.float64))
                if not np.all(diff <= allowed):
                    problems.append(f"{name}:{key}: values changed by up to {diff.max():.3g}")
    return problems


def compare_bytes(name, committed, regenerated):
    with open(committed, "rb") as a, open(regenerated, "rb") as b:
        return [] if a.read() == b.read() else [f"{name}: the regenerated file differs"]


def files_under(folder):
    return {os.path.relpath(os.path.join(root, f), folder)
            for root, _, names in os.walk(folder) for f in names}


def main():
    failed, passed = [], 0
    with tempfile.TemporaryDirectory() as out:
        for script in sorted(glob.glob(os.path.join(HERE, "reference_*.py"))):
            result = subprocess.run([sys.executable, script, out], capture_output=True, text=True, cwd=HERE)
            if result.returncode != 0:
                failed.append(f"{os.path.basename(script)} failed:\n{result.stderr}")
        committed = files_under(COMMITTED)
        regenerated = files_under(out)
        for missing in sorted(committed - regenerated):
            failed.append(f"{missing}: committed but no generator writes it")
        for extra in sorted(regenerated - committed):
            failed.append(f"{extra}: generated but not committed")
        identical = 0
        for name in sorted(committed & regenerated):
            old, new = os.path.join(COMMITTED, name), os.path.join(out, name)
            problems = compare(name, old, new) if name.endswith(".npz") else compare_bytes(name, old, new)
            if problems:
                failed.extend(problems)
            else:
                passed += 1
                with open(old, "rb") as a, open(new, "rb") as b:
                    identical += a.read() == b.read()
        print(f"fixtures: {passed} files regenerated alike ({identical} byte for byte) from "
              f"{len(glob.glob(os.path.join(HERE, 'reference_*.py')))} generators with torch "
              f"{__import__('torch').__version__}")
    for problem in failed:
        print("fixtures: " + problem)
    print(f"fixtures: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
