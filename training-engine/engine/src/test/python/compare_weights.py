"""Compares two weight files (.npz with the same names): prints one JSON line with the largest absolute difference
between them and the largest change of the second against a starting file, so a test can judge the difference
against the size of the training's updates.

    python3 compare_weights.py ENGINE.npz SCRIPT.npz START.npz
"""
import json
import sys

import numpy as np

engine, script, start = (np.load(path) for path in sys.argv[1:4])
if sorted(engine.files) != sorted(script.files):
    sys.exit(f"the files hold other names: {sorted(engine.files)} and {sorted(script.files)}")
difference = max(float(np.abs(engine[n].astype(np.float64) - script[n]).max()) for n in engine.files)
update = max(float(np.abs(engine[n].astype(np.float64) - start[n]).max()) for n in engine.files)
print(json.dumps({"max_difference": difference, "max_update": update}))
