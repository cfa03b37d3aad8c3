"""PyTorch twins of LayerLoom's training benchmarks (layerloom bench --against-pytorch).

Usage: python3 bench_twins.py {mlp|cnn|lstm} BATCH SAMPLES THREADS SEED

The same three networks as org.layerloom.engine.bench.BenchNetwork and shared/bench/pytorch/bench.py:
Adam lr 1e-3, synthetic data held in memory, shuffled mini-batches gathered from one permutation per
epoch, 1 inter-op thread, the loss read every 50 batches. One warm-up epoch, then one timed epoch.
Prints ONE line of JSON on stdout: samples_per_s, the timed epoch's seconds, per-phase seconds
(gather, forward, loss, backward, step, metrics: reading the loss) and peak RSS (VmHWM of this process) in MB.
"""
import json
import sys
import time

import torch
import torch.nn as nn


def vm_kb(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1


class LstmNet(nn.Module):
    """Embedding(10000,128) -> LSTM(64, full sequence) -> LSTM(32, last step) -> Dense(1)."""

    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10000, 128)
        self.lstm1 = nn.LSTM(128, 64, batch_first=True)
        self.lstm2 = nn.LSTM(64, 32, batch_first=True)
        self.fc = nn.Linear(32, 1)

    def forward(self, x):
        h = self.emb(x)
        h, _ = self.lstm1(h)
        h, _ = self.lstm2(h)
        return self.fc(h[:, -1, :])


def build(net, n):
    """Returns (model, loss_fn, x, y)."""
    if net == "mlp":
        model = nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))
        return model, nn.CrossEntropyLoss(), torch.randn(n, 784), torch.randint(0, 10, (n,))
    if net == "cnn":
        model = nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 5 * 5, 64), nn.ReLU(), nn.Linear(64, 10))
        return model, nn.CrossEntropyLoss(), torch.randn(n, 1, 28, 28), torch.randint(0, 10, (n,))
    if net == "lstm":
        x = torch.randint(0, 10000, (n, 50))
        return LstmNet(), nn.BCEWithLogitsLoss(), x, torch.randint(0, 2, (n, 1)).float()
    raise SystemExit("unknown network " + net)


def epoch(model, loss_fn, opt, x, y, bs):
    """One epoch; returns (seconds, phase seconds)."""
    ph = {"gather": 0.0, "forward": 0.0, "loss": 0.0, "backward": 0.0, "step": 0.0, "metrics": 0.0}
    n = x.shape[0]
    start = time.perf_counter()
    perm = torch.randperm(n)
    for batch, i in enumerate(range(0, n, bs)):
        t0 = time.perf_counter()
        idx = perm[i:i + bs]
        xb = x[idx]
        yb = y[idx]
        t1 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        out = model(xb)
        t2 = time.perf_counter()
        loss = loss_fn(out, yb)
        t3 = time.perf_counter()
        loss.backward()
        t4 = time.perf_counter()
        opt.step()
        t5 = time.perf_counter()
        if batch % 50 == 0 and not torch.isfinite(loss).item():
            raise SystemExit("the loss is not a number")
        t6 = time.perf_counter()
        ph["gather"] += t1 - t0
        ph["forward"] += t2 - t1
        ph["loss"] += t3 - t2
        ph["backward"] += t4 - t3
        ph["step"] += t5 - t4
        ph["metrics"] += t6 - t5
    return time.perf_counter() - start, ph


def main():
    if len(sys.argv) != 6:
        raise SystemExit(__doc__)
    net, bs, n, threads, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(seed)
    model, loss_fn, x, y = build(net, n)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    epoch(model, loss_fn, opt, x, y, bs)
    seconds, ph = epoch(model, loss_fn, opt, x, y, bs)
    print(json.dumps({
        "net": net,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "samples": n,
        "batch": bs,
        "params": sum(p.numel() for p in model.parameters()),
        "samples_per_s": n / seconds,
        "epoch_s": seconds,
        "phase_s": ph,
        "peak_rss_mb": vm_kb("VmHWM") / 1024,
    }))


if __name__ == "__main__":
    main()
