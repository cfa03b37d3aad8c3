"""Reference fixtures for the optimizer state a step shows: torch.optim's per-parameter state after each step.

Run with Debian's PyTorch:  /usr/bin/python3 reference_optimizer_state.py OUT_DIR
Writes OUT_DIR/optimizer-state/*.npz; the committed copy lives in
training-engine/engine/src/test/resources/torch-reference/. One parameter [2, 3] goes through STEPS steps of
torch.optim with fixed gradients; each fixture holds, as float32 unless noted:
  w_init                    the parameter before the first step
  grad{k}                   the gradient of step k (0-based)
  after{k}                  the parameter after step k
  state{k}_{name}           the optimizer's state after step k, by LayerLoom's name for it: b (SGD's and RMSProp's
                            momentum_buffer), m and v (Adam's exp_avg and exp_avg_sq), s (RMSProp's square_avg,
                            Adagrad's sum)
  steps                     float64, the step count torch keeps after each step
  settings                  float64 [lr, momentum, nesterov, beta1, beta2, epsilon, weight_decay]
"""

import os
import sys
import zlib

import numpy as np
import torch

from fixture_io import write_npz
from reference_optimizers import f32, make_optimizer

STEPS = 3

# name, kind, lr, momentum, nesterov, beta1, beta2, epsilon, weight_decay
CASES = [
    ("sgd-momentum", "sgd", 0.05, 0.9, False, 0.9, 0.999, 1e-8, 0.0),
    ("sgd-nesterov-decay", "sgd", 0.05, 0.8, True, 0.9, 0.999, 1e-8, 0.01),
    ("adam-default", "adam", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.0),
    ("adamw-decay", "adamw", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.1),
    ("rmsprop-momentum", "rmsprop", 0.01, 0.9, False, 0.9, 0.9, 1e-6, 0.0),
    ("adagrad-plain", "adagrad", 0.1, 0.0, False, 0.9, 0.999, 1e-10, 0.0),
]

# LayerLoom's state names for torch's state keys, per optimizer kind.
STATE_NAMES = {
    "sgd": {"b": "momentum_buffer"},
    "adam": {"m": "exp_avg", "v": "exp_avg_sq"},
    "adamw": {"m": "exp_avg", "v": "exp_avg_sq"},
    "rmsprop": {"s": "square_avg", "b": "momentum_buffer"},
    "adagrad": {"s": "sum"},
}


def state_case(case):
    name, kind, lr, momentum, nesterov, beta1, beta2, epsilon, weight_decay = case
    generator = torch.Generator().manual_seed(zlib.crc32(name.encode("ascii")))
    w = torch.randn(2, 3, generator=generator, dtype=torch.float32)
    grads = [torch.randn(2, 3, generator=generator) for _ in range(STEPS)]
    arrays = {"w_init": f32(w)}
    param = torch.nn.Parameter(w.clone())
    optimizer = make_optimizer(kind, [param], lr, momentum, nesterov, beta1, beta2, epsilon, weight_decay)
    steps = []
    for k in range(STEPS):
        arrays["grad%d" % k] = f32(grads[k])
        param.grad = grads[k].clone()
        optimizer.step()
        arrays["after%d" % k] = f32(param)
        state = optimizer.state[param]
        for ours, theirs in STATE_NAMES[kind].items():
            if theirs in state and state[theirs] is not None:
                arrays["state%d_%s" % (k, ours)] = f32(state[theirs])
        step = state.get("step", k + 1)
        steps.append(float(step.item() if torch.is_tensor(step) else step))
    arrays["steps"] = np.array(steps, dtype=np.float64)
    arrays["settings"] = np.array([lr, momentum, 1.0 if nesterov else 0.0, beta1, beta2, epsilon, weight_decay],
                                  dtype=np.float64)
    return name, arrays


def main(argv):
    out = os.path.join(argv[1], "optimizer-state")
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    for case in CASES:
        name, arrays = state_case(case)
        write_npz(os.path.join(out, name + ".npz"), arrays)
        print("wrote", name, sorted(arrays))


if __name__ == "__main__":
    main(sys.argv)
