"""Checks the data of a PyTorch export against LayerLoom's values, for PyTorchDataFormsTest.

    python3 check_export_data.py EXPORT REFERENCE.npz [--no-train-py]

REFERENCE.npz holds LayerLoom's floats of every split (x_train, ...), their class indices (y_train, ...) and,
for texts, the token ids of one sentence (ids). Prints one JSON line: the dtype of data.npz's x_train (or
"loader" for data.py), for every split the largest |difference| and whether the float bits are equal, first
with NumPy alone (the stored bytes turned back with (x / 255 - x_mean) / x_std in float64, rounded to float32,
or data.py's reading of the pictures), then through train.py's own load_split (with torch); and for texts the
vocabulary's size, its first two words, the words of the ids, and the class names.
"""

import json
import os
import sys

import numpy as np


def compare(mine, reference):
    mine = np.asarray(mine)
    if mine.shape != reference.shape:
        return {"shape": list(mine.shape), "expected": list(reference.shape)}
    if mine.size == 0:
        return {"max_diff": 0.0, "bits_equal": True}
    return {"max_diff": float(np.abs(mine.astype(np.float64) - reference.astype(np.float64)).max()),
            "bits_equal": bool(np.array_equal(mine.astype(np.float32).view(np.uint32), reference.view(np.uint32)))}


def main():
    export, reference_path = sys.argv[1], sys.argv[2]
    use_train_py = "--no-train-py" not in sys.argv
    reference = np.load(reference_path, allow_pickle=False)
    data_path = os.path.join(export, "data.npz")
    out = {}
    sys.path.insert(0, export)
    if os.path.exists(data_path):
        data = np.load(data_path, allow_pickle=False)
        out["dtype"] = str(data["x_train"].dtype)
        out["arrays"] = sorted(data.files)
        if "vocabulary" in data.files:
            vocabulary = data["vocabulary"]
            out["vocabulary_size"] = int(len(vocabulary))
            out["vocabulary_first"] = [str(w) for w in vocabulary[:2]]
            if "ids" in reference.files:
                out["words"] = [str(w) for w in vocabulary[reference["ids"]]]
        if "classes" in data.files:
            out["classes"] = [str(c) for c in data["classes"]]
        numpy_only = {}
        for split in ("train", "validation", "test"):
            x = data["x_" + split]
            if x.dtype == np.uint8:
                mean, std = float(data["x_mean"]), float(data["x_std"])
                x = ((x.astype(np.float64) / 255.0 - mean) / std).astype(np.float32)
            if "x_" + split in reference.files:
                numpy_only[split] = compare(x, reference["x_" + split])
                numpy_only[split]["labels_equal"] = bool(np.array_equal(data["y_" + split],
                                                                        reference["y_" + split]))
        out["numpy"] = numpy_only
    else:
        out["dtype"] = "loader"
        import data as loader  # data.py, beside train.py
        read = {}
        for split in ("train", "validation", "test"):
            x, y = loader.load_split(split)
            read[split] = compare(x, reference["x_" + split])
            read[split]["labels_equal"] = bool(np.array_equal(y, reference["y_" + split]))
        out["numpy"] = read
    if use_train_py:
        import torch
        import train
        through = {}
        for split in ("train", "validation", "test"):
            if "x_" + split in reference.files:
                x, y = train.load_split(split, torch.device("cpu"))
                through[split] = compare(x.numpy(), reference["x_" + split])
        out["train_py"] = through
    print(json.dumps(out))


if __name__ == "__main__":
    main()
