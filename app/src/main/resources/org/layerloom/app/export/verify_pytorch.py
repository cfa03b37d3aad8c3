"""Runs a LayerLoom PyTorch export on one batch and prints every node's output, for the app's export check.

Usage: python3 verify_pytorch.py EXPORT_DIR BATCH_JSON
EXPORT_DIR holds model.py and weights.npz; BATCH_JSON is {"shape": [...], "tokenIds": bool, "values": [...]}.
Imports model.py, builds its network with load_network() (a strict load of weights.npz, then eval()), runs the
batch with a forward hook on every attribute of the network (one per node) and prints one JSON object on stdout:
{"torch": version, "nodes": {node id: [values, row-major]}, "output": [what forward returns]}; the Input
node's value is the batch itself (the Output node is no module of its own: its value is "output").
One thread, no gradients; the export folder is left as it was (no __pycache__).
"""
import importlib.util
import inspect
import json
import os
import sys

sys.dont_write_bytecode = True

import numpy as np  # noqa: E402
import torch  # noqa: E402


def main(export_dir, batch_file):
    torch.set_num_threads(1)
    spec = importlib.util.spec_from_file_location("exported_model", os.path.join(export_dir, "model.py"))
    module = importlib.util.module_from_spec(spec)
    cwd = os.getcwd()
    os.chdir(export_dir)
    try:
        spec.loader.exec_module(module)
        network = module.load_network()
    finally:
        os.chdir(cwd)
    with open(batch_file) as f:
        batch = json.load(f)
    dtype = np.int64 if batch["tokenIds"] else np.float32
    x = torch.from_numpy(np.asarray(batch["values"], dtype=dtype).reshape(batch["shape"]))
    outputs = {}
    for name, child in network.named_children():
        child.register_forward_hook(lambda m, args, result, name=name: outputs.__setitem__(name, result))
    input_id = next(iter(inspect.signature(network.forward).parameters))
    with torch.no_grad():
        result = network(x)
    nodes = {input_id: x}
    nodes.update(outputs)
    values = {k: v.detach().numpy().astype(np.float64).ravel().tolist() for k, v in nodes.items()}
    output = result.detach().numpy().astype(np.float64).ravel().tolist()
    json.dump({"torch": torch.__version__, "nodes": values, "output": output}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
