"""PyTorch and numpy reference fixtures for LayerLoom's pruning and quantization (engine package compress).

Usage: /usr/bin/python3 reference_compression.py OUT_DIR   (Debian's python3-torch, 1.13)

Writes OUT_DIR/compress/:
- int8-weights.npz: seeded weights <k>.weight, their per-channel symmetric scales <k>.scale (max|w|/127,
  float32), torch.fake_quantize_per_channel_affine(w, scale, 0, axis=0, quant_min=-127, quant_max=127) as
  <k>.fake and the float16 round trip w.half().float() as <k>.half. Case "ties" holds exact halves of its
  scale, so round-half-to-even matters; case "zero" has a channel of zeros.
- activations.npz: values x, MinMaxObserver(quint8, per_tensor_affine) qparams after observing x
  (scale, zero_point) and torch.fake_quantize_per_tensor_affine(x, scale, zero_point, 0, 255) as fake.
- pruning.npz: tensors a, b, c (magnitudes with ties) and the keep masks (1 = kept) of magnitude pruning,
  computed with numpy's stable argsort: global.<f>.<t> over a, b, c together, layer.<f>.<t> per tensor.
- quantized-mlp.npz: an MLP input(6) -> dense1(8, relu) -> dense2(3) under state_dict names, 200
  calibration rows, 10 test rows, and the output of the fake-quantized network: every node output (the
  input included) fake-quantized with ranges observed on the float network over the calibration rows,
  weights fake-quantized per channel.
- distillation.npz: student and teacher logits, labels, and for three (T, alpha) the loss
  alpha * T^2 * kl_div(log_softmax(student/T), softmax(teacher/T), batchmean) + (1 - alpha) * cross_entropy
  and its gradient with respect to the student logits, in float64.
"""

import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

from fixture_io import write_npz


def weight_scale(w):
    largest = w.abs().reshape(w.shape[0], -1).amax(dim=1)
    scale = largest / 127.0
    return torch.where(largest > 0, scale, torch.ones_like(scale)).float()


def fake_weight(w):
    scale = weight_scale(w)
    zero = torch.zeros(w.shape[0], dtype=torch.int32)
    return torch.fake_quantize_per_channel_affine(w, scale, zero, 0, -127, 127), scale


def observer(values):
    obs = torch.quantization.MinMaxObserver(dtype=torch.quint8, qscheme=torch.per_tensor_affine)
    for v in values:
        obs(v)
    scale, zero = obs.calculate_qparams()
    return float(scale), int(zero)


def fake_act(x, qparams):
    return torch.fake_quantize_per_tensor_affine(x, qparams[0], qparams[1], 0, 255)


def int8_weights(g):
    cases = {
        "linear": torch.randn(6, 5, generator=g) * 0.3,
        "conv": torch.randn(4, 3, 3, 3, generator=g) * 0.2,
        "ties": torch.tensor([[63.5, 2.5, 1.5, -0.5, 0.25, -2.5],
                              [-127.0, 0.5, -1.5, 3.5, 126.5, 0.0]]) * 0.5,
        "zero": torch.cat([torch.zeros(1, 7), torch.randn(2, 7, generator=g)]),
    }
    arrays = {}
    for name, w in cases.items():
        w = w.float().contiguous()
        fake, scale = fake_weight(w)
        arrays[name + ".weight"] = w.numpy()
        arrays[name + ".scale"] = scale.numpy()
        arrays[name + ".fake"] = fake.numpy()
        arrays[name + ".half"] = w.half().float().numpy()
    return arrays


def activations(g):
    x = (torch.randn(3, 40, generator=g) * 2.0 + 0.7).float()
    qparams = observer([x])
    return {"x": x.numpy(), "scale": np.float32(qparams[0]), "zero_point": np.int64(qparams[1]),
            "fake": fake_act(x, qparams).numpy()}


def keep_masks(tensors, fraction):
    flat = np.concatenate([t.reshape(-1) for t in tensors])
    k = int(np.floor(fraction * flat.size + 1e-9))
    keep = np.ones(flat.size, dtype=np.float32)
    keep[np.argsort(np.abs(flat), kind="stable")[:k]] = 0
    out, start = [], 0
    for t in tensors:
        out.append(keep[start:start + t.size].reshape(t.shape))
        start += t.size
    return out


def pruning(g):
    names = ["a", "b", "c"]
    tensors = [np.round(torch.randn(*shape, generator=g).numpy(), 1).astype(np.float32)
               for shape in [(8, 5), (4, 2, 3, 3), (3, 16)]]
    arrays = {n: t for n, t in zip(names, tensors)}
    for fraction in (0.5, 0.8, 0.95):
        tag = str(int(round(fraction * 100)))
        for n, m in zip(names, keep_masks(tensors, fraction)):
            arrays["global." + tag + "." + n] = m
        for n, t in zip(names, tensors):
            arrays["layer." + tag + "." + n] = keep_masks([t], fraction)[0]
    return arrays


def quantized_mlp(g):
    w1 = torch.randn(8, 6, generator=g) * 0.5
    b1 = torch.randn(8, generator=g) * 0.1
    w2 = torch.randn(3, 8, generator=g) * 0.5
    b2 = torch.randn(3, generator=g) * 0.1
    calibration = torch.randn(200, 6, generator=g)
    x = torch.randn(10, 6, generator=g) * 1.2
    h1 = F.relu(F.linear(calibration, w1, b1))
    out = F.linear(h1, w2, b2)
    q_in, q1, q2 = observer([calibration]), observer([h1]), observer([out])
    fw1, _ = fake_weight(w1)
    fw2, _ = fake_weight(w2)
    y = fake_act(x, q_in)
    y = fake_act(F.relu(F.linear(y, fw1, b1)), q1)
    y = fake_act(F.linear(y, fw2, b2), q2)
    return {"dense1.weight": w1.numpy(), "dense1.bias": b1.numpy(), "dense2.weight": w2.numpy(),
            "dense2.bias": b2.numpy(), "calibration": calibration.numpy(), "x": x.numpy(), "output": y.numpy(),
            "float_output": F.linear(F.relu(F.linear(x, w1, b1)), w2, b2).numpy()}


def distillation(g):
    student = (torch.randn(6, 5, generator=g) * 2).float()
    teacher = (torch.randn(6, 5, generator=g) * 3).float()
    labels = torch.randint(0, 5, (6,), generator=g)
    arrays = {"student": student.numpy(), "teacher": teacher.numpy(), "labels": labels.numpy().astype(np.int64)}
    for temperature, alpha in [(1.0, 0.5), (4.0, 0.9), (2.5, 0.0)]:
        s = student.clone().double().requires_grad_(True)
        soft = F.kl_div(F.log_softmax(s / temperature, dim=1), F.softmax(teacher.double() / temperature, dim=1),
                        reduction="batchmean")
        loss = alpha * temperature * temperature * soft + (1 - alpha) * F.cross_entropy(s, labels)
        loss.backward()
        tag = "T%g-a%g" % (temperature, alpha)
        arrays[tag + ".loss"] = np.float64(loss.item())
        arrays[tag + ".grad"] = s.grad.numpy()
    return arrays


def main(out_dir):
    folder = os.path.join(out_dir, "compress")
    os.makedirs(folder, exist_ok=True)
    for name, make in [("int8-weights", int8_weights), ("activations", activations), ("pruning", pruning),
                       ("quantized-mlp", quantized_mlp), ("distillation", distillation)]:
        g = torch.Generator().manual_seed(22)
        write_npz(os.path.join(folder, name + ".npz"), make(g))
        print("wrote", name)


if __name__ == "__main__":
    main(sys.argv[1])
