"""PyTorch reference fixtures for the plain-Java kernels of LayerLoom's kernel self-test.

Usage: /usr/bin/python3 reference_kernels.py OUT_DIR   (Debian's python3-torch, 1.13)

Writes OUT_DIR/kernels/<case>.npz: float32 operands (input, weight / weight_ih, weight_hh, bias / bias_ih,
bias_hh) and the float64 output of the same operation computed by torch in double precision, so that
ReferenceKernels (double precision too) can be held to about 1e-12. Layouts and gate orders are
PyTorch's: conv (N, C, H, W) / (N, C, L), recurrences batch first with a zero initial state.
"""

import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

from fixture_io import write_npz


def operand(generator, *shape, scale=0.5):
    return (torch.randn(*shape, generator=generator) * scale).float()


def conv2d_case(generator, channels, filters, size, stride):
    x = operand(generator, 2, channels, size, size)
    w = operand(generator, filters, channels, 3, 3)
    b = operand(generator, filters, scale=0.1)
    out = F.conv2d(x.double(), w.double(), b.double(), stride=stride, padding=1)
    return {"input": x, "weight": w, "bias": b, "output": out}


def conv1d_case(generator, channels, filters, length):
    x = operand(generator, 2, channels, length)
    w = operand(generator, filters, channels, 3)
    b = operand(generator, filters, scale=0.1)
    out = F.conv1d(x.double(), w.double(), b.double(), padding=1)
    return {"input": x, "weight": w, "bias": b, "output": out}


def recurrent_case(generator, module_class, gates, inputs, hidden, steps, **options):
    x = operand(generator, 3, steps, inputs)
    arrays = {"input": x,
              "weight_ih": operand(generator, gates * hidden, inputs),
              "weight_hh": operand(generator, gates * hidden, hidden),
              "bias_ih": operand(generator, gates * hidden, scale=0.1),
              "bias_hh": operand(generator, gates * hidden, scale=0.1)}
    module = module_class(inputs, hidden, batch_first=True, **options).double()
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(module, name + "_l0").copy_(arrays[name].double())
        arrays["output"] = module(x.double())[0]
    return arrays


def cases(generator):
    yield "conv2d-c20-f8", conv2d_case(generator, 20, 8, 6, 1)
    yield "conv2d-c24-f8-stride2", conv2d_case(generator, 24, 8, 7, 2)
    yield "conv1d-c28-f8", conv1d_case(generator, 28, 8, 12)
    yield "lstm-h16", recurrent_case(generator, torch.nn.LSTM, 4, 1, 16, 12)
    yield "gru-h17", recurrent_case(generator, torch.nn.GRU, 3, 4, 17, 9)
    yield "rnn-tanh-h16", recurrent_case(generator, torch.nn.RNN, 1, 4, 16, 9, nonlinearity="tanh")


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: reference_kernels.py OUT_DIR")
    folder = os.path.join(argv[1], "kernels")
    os.makedirs(folder, exist_ok=True)
    torch.set_num_threads(1)
    generator = torch.Generator().manual_seed(20261206)
    for name, arrays in cases(generator):
        write_npz(os.path.join(folder, name + ".npz"),
                  {key: value.detach().numpy() for key, value in arrays.items()})
        print(name)


if __name__ == "__main__":
    main(sys.argv)
