"""Reference fixtures for LayerLoom's optimizer steps, learning-rate schedules, weight average and losses.

Run with Debian's PyTorch:  /usr/bin/python3 reference_optimizers.py OUT_DIR
Writes OUT_DIR/optimizers/*.npz and OUT_DIR/losses/*.npz; the committed copy lives in
training-engine/engine/src/test/resources/torch-reference/. Everything is float32 from fixed seeds and the zip
entries carry a fixed date, so a rerun writes identical arrays (and identical bytes).

Optimizer fixtures (one per case) hold, as float32 unless noted:
  w0_init, w1_init                  two parameters of different shapes (a Linear's weight [3, 4] and bias [3])
  grad{k}_w0, grad{k}_w1            the gradient fed to step k (0-based) before any clipping
  after{k}_w0, after{k}_w1          the parameters after step k, from torch.optim
  average{k}_w0, average{k}_w1      (ema cases) the weight average after step k
  rate                              the learning rate of every step (it changes in the *-changing-rate cases)
  settings                          float64 [momentum, nesterov, beta1, beta2, epsilon, weight_decay, clip, ema]
The case name starts with the optimizer kind (sgd, adam, adamw, rmsprop, adagrad).
LayerLoom offers neither SGD dampening, centred RMSProp, AMSGrad, Adagrad's lr_decay nor clipping by value,
so those options have no case.

Schedule fixtures (optimizers/schedule-*.npz): settings float64 [base, epochs, steps_per_epoch, step_epochs,
gamma, warmup_epochs, min_rate] and rate, the value per global step from torch.optim.lr_scheduler.

Loss fixtures (losses/<loss>-<case>.npz): predictions (raw scores), labels, loss (the batch mean, shape [1]) and
grad (d loss / d predictions) from torch.nn.functional with mean reduction.
"""

import math
import os
import sys
import zlib

import numpy as np
import torch
import torch.nn.functional as F

from fixture_io import write_npz

STEPS = 4

# name, kind, lr, momentum, nesterov, beta1, beta2, epsilon, weight_decay, clip, ema, gradient scale.
# The small-gradient cases put epsilon near the gradients' size, where its placement (outside the square root,
# and for Adam after the bias correction of the second moment) changes the step.
OPTIMIZER_CASES = [
    ("sgd-plain", "sgd", 0.1, 0.0, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.0, 1.0),
    ("sgd-plain-decay", "sgd", 0.1, 0.0, False, 0.9, 0.999, 1e-8, 0.01, 0.0, 0.0, 1.0),
    ("sgd-momentum", "sgd", 0.05, 0.9, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.0, 1.0),
    ("sgd-momentum-decay-clip", "sgd", 0.05, 0.9, False, 0.9, 0.999, 1e-8, 0.05, 0.5, 0.0, 1.0),
    ("sgd-nesterov", "sgd", 0.05, 0.9, True, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.0, 1.0),
    ("sgd-nesterov-decay", "sgd", 0.05, 0.8, True, 0.9, 0.999, 1e-8, 0.01, 0.0, 0.0, 1.0),
    ("sgd-momentum-ema", "sgd", 0.05, 0.9, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.9, 1.0),
    ("adam-default", "adam", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.0, 1.0),
    ("adam-decay", "adam", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.1, 0.0, 0.0, 1.0),
    ("adam-betas-clip", "adam", 0.003, 0.0, False, 0.8, 0.99, 1e-6, 0.0, 1.0, 0.0, 1.0),
    ("adam-tiny-gradients", "adam", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.0, 1e-7),
    ("adam-large-epsilon", "adam", 0.01, 0.0, False, 0.9, 0.999, 1e-3, 0.0, 0.0, 0.0, 1e-3),
    ("adam-ema", "adam", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.99, 1.0),
    ("adamw-decay", "adamw", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.1, 0.0, 0.0, 1.0),
    ("adamw-no-decay", "adamw", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.0, 1.0),
    ("adamw-decay-clip", "adamw", 0.02, 0.0, False, 0.85, 0.995, 1e-7, 0.5, 0.25, 0.0, 1.0),
    ("rmsprop-plain", "rmsprop", 0.01, 0.0, False, 0.9, 0.99, 1e-8, 0.0, 0.0, 0.0, 1.0),
    ("rmsprop-momentum", "rmsprop", 0.01, 0.9, False, 0.9, 0.9, 1e-6, 0.0, 0.0, 0.0, 1.0),
    ("rmsprop-decay", "rmsprop", 0.01, 0.0, False, 0.9, 0.99, 1e-8, 0.01, 0.0, 0.0, 1.0),
    ("rmsprop-small-gradients", "rmsprop", 0.01, 0.0, False, 0.9, 0.99, 1e-4, 0.0, 0.0, 0.0, 1e-3),
    ("rmsprop-momentum-decay-clip", "rmsprop", 0.005, 0.5, False, 0.9, 0.95, 1e-8, 0.01, 0.5, 0.0, 1.0),
    ("adagrad-plain", "adagrad", 0.1, 0.0, False, 0.9, 0.999, 1e-10, 0.0, 0.0, 0.0, 1.0),
    ("adagrad-decay", "adagrad", 0.1, 0.0, False, 0.9, 0.999, 1e-10, 0.01, 0.0, 0.0, 1.0),
    ("adagrad-small-gradients", "adagrad", 0.1, 0.0, False, 0.9, 0.999, 1e-3, 0.0, 0.0, 0.0, 1e-3),
    ("adagrad-clip", "adagrad", 0.05, 0.0, False, 0.9, 0.999, 1e-6, 0.0, 0.5, 0.0, 1.0),
    ("sgd-momentum-changing-rate", "sgd", 0.05, 0.9, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.0, 1.0),
    ("adam-changing-rate", "adam", 0.01, 0.0, False, 0.9, 0.999, 1e-8, 0.0, 0.0, 0.0, 1.0),
    ("rmsprop-momentum-changing-rate", "rmsprop", 0.01, 0.9, False, 0.9, 0.99, 1e-8, 0.0, 0.0, 0.0, 1.0),
]

# The learning rate of each step as a factor of the case's rate; a scheduled rate changes between steps, and
# the change must take effect at once (PyTorch multiplies the momentum buffer by the current rate).
RATE_FACTORS = {
    "sgd-momentum-changing-rate": [1.0, 0.5, 0.25, 2.0],
    "adam-changing-rate": [1.0, 0.5, 0.25, 2.0],
    "rmsprop-momentum-changing-rate": [1.0, 0.5, 0.25, 2.0],
}

# name, kind, base, epochs, steps per epoch, step epochs, gamma, warm-up epochs, min rate
SCHEDULE_CASES = [
    ("schedule-fixed", "fixed", 0.1, 4, 3, 10, 0.1, 1, 0.0),
    ("schedule-step", "step", 0.1, 7, 3, 2, 0.5, 1, 0.0),
    ("schedule-cosine", "cosine", 0.05, 4, 5, 10, 0.1, 1, 0.001),
    ("schedule-cosine-to-zero", "cosine", 0.01, 3, 4, 10, 0.1, 1, 0.0),
    ("schedule-warmup", "warmup", 0.01, 5, 3, 10, 0.1, 2, 0.0),
]


def f32(tensor):
    return tensor.detach().cpu().numpy().astype(np.float32).copy()


def make_optimizer(kind, params, lr, momentum, nesterov, beta1, beta2, epsilon, weight_decay):
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=momentum, nesterov=nesterov, weight_decay=weight_decay)
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(beta1, beta2), eps=epsilon, weight_decay=weight_decay)
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=lr, betas=(beta1, beta2), eps=epsilon, weight_decay=weight_decay)
    if kind == "rmsprop":
        # LayerLoom's rho (its beta2 setting) is PyTorch's alpha.
        return torch.optim.RMSprop(params, lr=lr, alpha=beta2, eps=epsilon, momentum=momentum,
                                   weight_decay=weight_decay)
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, eps=epsilon, weight_decay=weight_decay)
    raise ValueError(kind)


def ema_decay(decay, t):
    """The decay of LayerLoom's weight average at the t-th update (1-based): it warms up to `decay`."""
    return min(decay, (1.0 + t) / (10.0 + t))


def optimizer_case(case):
    name, kind, lr, momentum, nesterov, beta1, beta2, epsilon, weight_decay, clip, ema, scale = case
    # Seeded by the case's name, so that adding a case leaves the others' arrays alone.
    generator = torch.Generator().manual_seed(zlib.crc32(name.encode("ascii")))
    w0 = torch.randn(3, 4, generator=generator, dtype=torch.float32)
    w1 = torch.randn(3, generator=generator, dtype=torch.float32)
    grads = [[torch.randn(3, 4, generator=generator) * scale, torch.randn(3, generator=generator) * scale]
             for _ in range(STEPS)]
    # One exactly zero gradient entry: only decay (and momentum) may move it.
    grads[1][0][0, 0] = 0.0
    if clip > 0:
        # Alternate gradients far above and below the clip norm, so that both branches are taken.
        for k, pair in enumerate(grads):
            norm = torch.sqrt(sum((g * g).sum() for g in pair))
            target = clip * (4.0 if k % 2 == 0 else 0.5)
            for g in pair:
                g.mul_(target / norm)
    arrays = {"w0_init": f32(w0), "w1_init": f32(w1)}
    params = [torch.nn.Parameter(w0.clone()), torch.nn.Parameter(w1.clone())]
    optimizer = make_optimizer(kind, params, lr, momentum, nesterov, beta1, beta2, epsilon, weight_decay)
    averages = [p.detach().clone() for p in params]
    rates = [lr * factor for factor in RATE_FACTORS.get(name, [1.0] * STEPS)]
    for k in range(STEPS):
        for group in optimizer.param_groups:
            group["lr"] = rates[k]
        arrays["grad%d_w0" % k] = f32(grads[k][0])
        arrays["grad%d_w1" % k] = f32(grads[k][1])
        for p, g in zip(params, grads[k]):
            p.grad = g.clone()
        if clip > 0:
            torch.nn.utils.clip_grad_norm_(params, clip)
        optimizer.step()
        arrays["after%d_w0" % k] = f32(params[0])
        arrays["after%d_w1" % k] = f32(params[1])
        if ema > 0:
            d = ema_decay(ema, k + 1)
            with torch.no_grad():
                for a, p in zip(averages, params):
                    a.mul_(d).add_(p, alpha=1 - d)
            arrays["average%d_w0" % k] = f32(averages[0])
            arrays["average%d_w1" % k] = f32(averages[1])
    arrays["rate"] = np.array(rates, dtype=np.float32)
    arrays["settings"] = np.array([momentum, 1.0 if nesterov else 0.0, beta1, beta2, epsilon, weight_decay, clip,
                                   ema], dtype=np.float64)
    return name, arrays


def schedule_case(case):
    name, kind, base, epochs, per_epoch, step_epochs, gamma, warmup_epochs, min_rate = case
    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=base)
    total = epochs * per_epoch
    per_batch = True
    if kind == "fixed":
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1.0)
    elif kind == "step":
        # StepLR counts epochs, so it is stepped once per epoch.
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=step_epochs, gamma=gamma)
        per_batch = False
    elif kind == "cosine":
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total, eta_min=min_rate)
    elif kind == "warmup":
        # A linear ramp over the warm-up steps to the base rate: (step + 1) / warm-up steps.
        warm = warmup_epochs * per_epoch
        scheduler = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=1.0 / warm, end_factor=1.0,
                                                      total_iters=warm - 1)
    else:
        raise ValueError(kind)
    rates = []
    for step in range(total):
        rates.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        if per_batch or (step + 1) % per_epoch == 0:
            scheduler.step()
    return name, {
        "settings": np.array([base, epochs, per_epoch, step_epochs, gamma, warmup_epochs, min_rate], dtype=np.float64),
        "rate": np.array(rates, dtype=np.float32),
    }


def loss_arrays(predictions, labels, function):
    predictions = predictions.clone().requires_grad_(True)
    loss = function(predictions, labels)
    loss.backward()
    return {"predictions": f32(predictions), "labels": labels.numpy().copy(),
            "loss": f32(loss).reshape(1), "grad": f32(predictions.grad)}


def loss_cases():
    generator = torch.Generator().manual_seed(7)
    cases = {}

    # Softmax cross-entropy: class indices (int64), one raw score per class.
    scores = torch.randn(8, 5, generator=generator) * 2
    classes = torch.randint(0, 5, (8,), generator=generator)
    cases["softmax_cross_entropy-moderate"] = loss_arrays(scores, classes, F.cross_entropy)
    extreme = torch.tensor([[30.0, -30.0, 0.0, 1.0],
                            [100.0, -100.0, 0.0, 0.0],
                            [-100.0, 100.0, 50.0, -50.0],
                            [0.0, 0.0, 0.0, 0.0],
                            [-30.0, -30.0, -30.0, 30.0],
                            [100.0, 100.0, -100.0, 99.0]])
    cases["softmax_cross_entropy-extreme"] = loss_arrays(extreme, torch.tensor([1, 0, 0, 2, 3, 2]), F.cross_entropy)

    # Sigmoid binary cross-entropy: one raw score and a 0/1 label (float32) per example, both [N, 1].
    logits = torch.randn(10, 1, generator=generator) * 3
    targets = torch.randint(0, 2, (10, 1), generator=generator).float()
    cases["sigmoid_binary_cross_entropy-moderate"] = loss_arrays(logits, targets,
                                                                 F.binary_cross_entropy_with_logits)
    extreme = torch.tensor([30.0, 30.0, -30.0, -30.0, 100.0, 100.0, -100.0, -100.0, 0.0, 0.0, 15.0, -15.0])
    targets = torch.tensor([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0])
    cases["sigmoid_binary_cross_entropy-extreme"] = loss_arrays(extreme.reshape(-1, 1), targets.reshape(-1, 1),
                                                                F.binary_cross_entropy_with_logits)

    # MSE and L1: regression targets [N, k]; the L1 case includes exact ties (the gradient there is 0).
    outputs = torch.randn(6, 3, generator=generator)
    wanted = torch.randn(6, 3, generator=generator)
    cases["mse-moderate"] = loss_arrays(outputs, wanted, F.mse_loss)
    big = torch.tensor([[100.0, -100.0], [30.0, -30.0], [0.0, 1e-3], [1e4, -1e4]])
    big_targets = torch.tensor([[-100.0, 100.0], [30.0, 0.0], [0.0, 0.0], [1e4 + 1.0, -1e4]])
    cases["mse-extreme"] = loss_arrays(big, big_targets, F.mse_loss)
    ties = wanted.clone()
    ties[::2] = outputs[::2]
    cases["l1-moderate"] = loss_arrays(outputs, ties, F.l1_loss)
    cases["l1-extreme"] = loss_arrays(big, big_targets, F.l1_loss)
    return cases


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: reference_optimizers.py OUT_DIR")
    torch.manual_seed(0)
    torch.set_default_dtype(torch.float32)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    out = argv[1]
    os.makedirs(os.path.join(out, "optimizers"), exist_ok=True)
    os.makedirs(os.path.join(out, "losses"), exist_ok=True)
    for case in OPTIMIZER_CASES:
        name, arrays = optimizer_case(case)
        write_npz(os.path.join(out, "optimizers", name + ".npz"), arrays)
    for case in SCHEDULE_CASES:
        name, arrays = schedule_case(case)
        write_npz(os.path.join(out, "optimizers", name + ".npz"), arrays)
    for name, arrays in loss_cases().items():
        write_npz(os.path.join(out, "losses", name + ".npz"), arrays)
    print("wrote %d optimizer, %d schedule and %d loss fixtures to %s"
          % (len(OPTIMIZER_CASES), len(SCHEDULE_CASES), len(loss_cases()), out))


if __name__ == "__main__":
    main(sys.argv)
