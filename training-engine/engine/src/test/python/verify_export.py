#!/usr/bin/python3
"""Runs LayerLoom's PyTorch exports for the export tests and writes every node's output.

Usage: /usr/bin/python3 verify_export.py CASE_DIR...

Each CASE_DIR holds export/model.py and export/weights.npz (written by LayerLoom's PyTorch export) and
batch.npz with one array, "input" (float32, or int64 token ids). For each case this imports model.py,
builds its Network with load_network() (a strict load of weights.npz, then eval()), runs the batch with
forward hooks on every attribute of the network (one per node) and writes CASE_DIR/torch.npz:
  node:<id>     the output of the node <id>; the Input node's is the batch itself
  output        what forward returns (the Output node's value)
  state:<name>  every state_dict entry after the load, to check that numpy.load read weights.npz exactly
One thread, no gradients; the export folder is left as it was (no __pycache__).
"""
import importlib.util
import inspect
import os
import sys

sys.dont_write_bytecode = True

import numpy as np  # noqa: E402
import torch  # noqa: E402

from fixture_io import write_npz  # noqa: E402


def load_model(case_dir, index):
    path = os.path.join(case_dir, "export", "model.py")
    spec = importlib.util.spec_from_file_location("exported_model_%d" % index, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_case(case_dir, index):
    model = load_model(case_dir, index)
    network = model.load_network()  # strict: every weight name must match the state_dict
    assert not network.training
    batch = np.load(os.path.join(case_dir, "batch.npz"))["input"]
    x = torch.from_numpy(batch)
    outputs = {}
    for name, child in network.named_children():
        child.register_forward_hook(lambda module, args, result, name=name: outputs.__setitem__(name, result))
    input_id = next(iter(inspect.signature(network.forward).parameters))
    with torch.no_grad():
        result = network(x)
    arrays = {"node:" + input_id: x, "output": result}
    arrays.update(("node:" + name, value) for name, value in outputs.items())
    arrays.update(("state:" + name, value) for name, value in network.state_dict().items())
    write_npz(os.path.join(case_dir, "torch.npz"),
              {k: np.ascontiguousarray(v.detach().numpy()) for k, v in arrays.items()})


def main(argv):
    torch.set_num_threads(1)
    if len(argv) < 2:
        sys.exit(__doc__)
    for index, case_dir in enumerate(argv[1:]):
        run_case(case_dir, index)
    print("verified %d cases with torch %s" % (len(argv) - 1, torch.__version__))


if __name__ == "__main__":
    main(sys.argv)
