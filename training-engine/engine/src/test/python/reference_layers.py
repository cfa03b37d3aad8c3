#!/usr/bin/python3
"""Writes the PyTorch reference fixtures of LayerLoom's numerical differential tests.

Usage: /usr/bin/python3 reference_layers.py OUT_DIR
(check_fixtures.py beside it regenerates every group into a temporary folder and compares with the
committed fixtures file by file and array by array.)

For every case it writes OUT_DIR/<group>/<case>.loom (the graph, as a LayerLoom project with only a
graph) and OUT_DIR/<group>/<case>.npz, and one OUT_DIR/<group>/cases.tsv listing the cases
(name, layer kind, mode). <group> is "layers" (one layer kind over its parameters, from the grid below)
or "networks" (the graphs of samples/projects/*.loom that the seeds use).

Each .npz holds, in float32 (token ids in int64):
  input               the batch fed to the Input node
  output              the prediction the Output node receives
  output_weights      R: the loss of the gradients is sum(output * R), so every element counts, differently
  grad:input          d loss / d input (real-valued inputs only)
  param:<name>        every state_dict entry before the pass, named <nodeId>.<torch name>
  grad:<name>         d loss / d parameter, for every trainable parameter
  after:<name>        buffers after the pass (BatchNorm running mean and variance in training mode)

Modes: "inference" runs the modules in eval() (dropout off, BatchNorm uses running statistics);
"training" runs them in train() (only for BatchNorm, and for dropout rates of 0).

The modules below compute exactly LayerLoom's semantics (see training-engine/.../engine/compile/): Conv1D
reads (B, T, C); recurrent layers keep the last step unless return_sequences; self-attention is
nn.MultiheadAttention (as DJL's ScaledDotProductAttentionBlock), the encoder nn.TransformerEncoderLayer
(post-norm, ReLU), and so on. Deterministic: every case seeds torch from a hash of its name, one thread,
float32; rerunning gives identical arrays.
"""
import json
import math
import os
import sys
import zlib
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_io import write_npz

BATCH = 2
SAMPLES = ["mnist-mlp", "mnist-cnn", "sentiment-lstm", "transformer-pattern", "residual-shapes"]
ACTIVATIONS = ["none", "relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh"]


# ----------------------------------------------------------------------------------------------------
# LayerLoom's layers as PyTorch modules; the state_dict names are those of LayerLoom's TorchStateDict.

def activation(name, x):
    """The activation option of Dense and convolutions (PyTorch's default slope and alpha)."""
    return {
        "none": lambda a: a,
        "relu": F.relu,
        "leaky_relu": lambda a: F.leaky_relu(a, 0.01),
        "elu": lambda a: F.elu(a, 1.0),
        "gelu": F.gelu,
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
    }[name](x)


class Dense(nn.Linear):
    def __init__(self, features, p):
        super().__init__(features, p["units"], bias=p["bias"])
        self.act = p["activation"]

    def forward(self, x):
        return activation(self.act, super().forward(x))


class Conv2D(nn.Conv2d):
    def __init__(self, channels, p):
        super().__init__(channels, p["filters"], p["kernel"], p["stride"], p["padding"], bias=p["bias"])
        self.act = p["activation"]

    def forward(self, x):
        return activation(self.act, super().forward(x))


class Conv1D(nn.Conv1d):
    """A convolution over the steps of a (B, T, C) sequence: (B, T, C) -> (B, T', filters)."""

    def __init__(self, channels, p):
        super().__init__(channels, p["filters"], p["kernel"], p["stride"], p["padding"], bias=p["bias"])
        self.act = p["activation"]

    def forward(self, x):
        return activation(self.act, super().forward(x.transpose(1, 2)).transpose(1, 2))


class BatchNorm(nn.BatchNorm1d):
    """Normalises channels of maps (axis 1) or the last axis of vectors and sequences."""

    def _check_input_dim(self, x):
        pass

    def forward(self, x):
        if x.dim() == 3:
            return super().forward(x.transpose(1, 2)).transpose(1, 2)
        return super().forward(x)


def recurrent(cls, **extra):
    class Recurrent(cls):
        def __init__(self, features, p):
            super().__init__(features, p["units"], batch_first=True, **extra)
            self.sequences = p["return_sequences"]

        def forward(self, x):
            out = super().forward(x)[0]
            return out if self.sequences else out[:, -1]

    return Recurrent


class SelfAttention(nn.MultiheadAttention):
    def __init__(self, features, p):
        super().__init__(features, p["heads"], dropout=p["dropout"], batch_first=True)

    def forward(self, x):
        return super().forward(x, x, x, need_weights=False)[0]


class TransformerEncoder(nn.TransformerEncoderLayer):
    def __init__(self, features, p):
        super().__init__(features, p["heads"], p["feed_forward"], p["dropout"], batch_first=True)


class PositionalEncoding(nn.Module):
    """Adds sin/cos of t / 10000^(2i/F), computed in float64 and rounded once, as LayerLoom does."""

    def forward(self, x):
        steps, features = x.shape[1], x.shape[2]
        table = np.zeros((steps, features))
        for t in range(steps):
            for f in range(features):
                angle = t / math.pow(10000, (f - f % 2) / features)
                table[t, f] = math.sin(angle) if f % 2 == 0 else math.cos(angle)
        return x + torch.from_numpy(table.astype(np.float32))


class Function(nn.Module):
    """A layer without parameters."""

    def __init__(self, f):
        super().__init__()
        self.f = f

    def forward(self, *xs):
        return self.f(*xs)


def pool_window(p):
    return p["pool"], p["stride"], p["padding"]


def module(kind, p, shapes):
    """The module of one node; shapes are the per-example shapes arriving at it (without the batch)."""
    s = shapes[0]
    if kind == "Dense":
        return Dense(s[-1], p)
    if kind == "Conv2D":
        return Conv2D(s[0], p)
    if kind == "Conv1D":
        return Conv1D(s[-1], p)
    if kind == "Embedding":
        return nn.Embedding(p["vocabulary"], p["dimension"])
    if kind == "BatchNorm":
        return BatchNorm(s[0] if len(s) == 3 else s[-1], eps=p["epsilon"], momentum=p["momentum"])
    if kind == "LayerNorm":
        return nn.LayerNorm(list(s) if len(s) == 3 else s[-1], eps=p["epsilon"])
    if kind == "SimpleRNN":
        return recurrent(nn.RNN, nonlinearity=p["nonlinearity"])(s[-1], p)
    if kind == "LSTM":
        return recurrent(nn.LSTM)(s[-1], p)
    if kind == "GRU":
        return recurrent(nn.GRU)(s[-1], p)
    if kind == "MultiHeadSelfAttention":
        return SelfAttention(s[-1], p)
    if kind == "TransformerEncoder":
        return TransformerEncoder(s[-1], p)
    if kind == "PositionalEncoding":
        return PositionalEncoding()
    if kind == "Dropout":
        return nn.Dropout(p["rate"])
    return Function(function(kind, p, shapes))


def function(kind, p, shapes):
    if kind in ("Input", "Output"):
        return lambda x: x
    if kind == "Flatten":
        return lambda x: x.reshape(x.shape[0], -1)
    if kind == "Reshape":
        return lambda x: x.reshape(x.shape[0], *p["target"])
    if kind == "MaxPool2D":
        return lambda x: F.max_pool2d(x, *pool_window(p))
    if kind == "AvgPool2D":
        return lambda x: F.avg_pool2d(x, *pool_window(p), count_include_pad=True)
    if kind == "GlobalAvgPool2D":
        return lambda x: x.mean(dim=(2, 3))
    if kind == "Add":
        return lambda *xs: sum(xs[1:], xs[0])
    if kind == "Concatenate":
        rank = len(shapes[0])
        axis = p["axis"] + rank if p["axis"] < 0 else p["axis"]
        return lambda *xs: torch.cat(xs, dim=axis + 1)
    if kind == "ReLU":
        return F.relu
    if kind == "LeakyReLU":
        return lambda x: F.leaky_relu(x, p["alpha"])
    if kind == "ELU":
        return lambda x: F.elu(x, p["alpha"])
    if kind == "GELU":
        return F.gelu
    if kind == "Sigmoid":
        return torch.sigmoid
    if kind == "Tanh":
        return torch.tanh
    if kind == "Softmax":
        return lambda x: F.softmax(x, dim=-1)
    raise ValueError("no PyTorch module for layer kind " + kind)


class Network(nn.Module):
    """A LayerLoom graph: nodes run in topological order, merges take their inputs in wire order."""

    def __init__(self, graph):
        super().__init__()
        self.graph = graph
        self.order = topological_order(graph)
        self.sources = {n["id"]: [w["from"]["node"] for w in graph["wires"] if w["to"]["node"] == n["id"]]
                        for n in graph["nodes"]}
        nodes = {n["id"]: n for n in graph["nodes"]}
        self.input_id = self.order[0]
        self.output_id = next(n["id"] for n in graph["nodes"] if n["kind"] == "Output")
        self.layers = OrderedDict()
        shapes = {self.input_id: tuple(nodes[self.input_id]["params"]["shape"])}
        probe = {self.input_id: torch.zeros((1,) + shapes[self.input_id],
                                            dtype=torch.int64 if self.takes_tokens() else torch.float32)}
        for node_id in self.order[1:]:
            node = nodes[node_id]
            srcs = self.sources[node_id]
            layer = module(node["kind"], node["params"], [shapes[s] for s in srcs])
            self.layers[node_id] = layer
            if isinstance(layer, nn.Module) and not isinstance(layer, Function):
                self.add_module(node_id, layer)
            with torch.no_grad():
                probe[node_id] = layer.eval()(*[probe[s] for s in srcs])
            shapes[node_id] = tuple(probe[node_id].shape[1:])

    def takes_tokens(self):
        node = next(n for n in self.graph["nodes"] if n["id"] == self.input_id)
        return node["params"].get("values") == "token_ids"

    def input_shape(self):
        node = next(n for n in self.graph["nodes"] if n["id"] == self.input_id)
        return tuple(node["params"]["shape"])

    def forward(self, x):
        values = {self.input_id: x}
        for node_id in self.order[1:]:
            values[node_id] = self.layers[node_id](*[values[s] for s in self.sources[node_id]])
        return values[self.output_id]


def topological_order(graph):
    """Kahn's algorithm, ready nodes in the order they were added (as LayerLoom's compiler)."""
    ids = [n["id"] for n in graph["nodes"]]
    missing = {i: sum(1 for w in graph["wires"] if w["to"]["node"] == i) for i in ids}
    order = []
    ready = [i for i in ids if missing[i] == 0]
    while ready:
        ready.sort(key=ids.index)
        node = ready.pop(0)
        order.append(node)
        for w in graph["wires"]:
            if w["from"]["node"] == node:
                missing[w["to"]["node"]] -= 1
                if missing[w["to"]["node"]] == 0:
                    ready.append(w["to"]["node"])
    return order


# ----------------------------------------------------------------------------------------------------
# Running one case.

def seed_of(name):
    return zlib.crc32(name.encode("utf-8"))


def randomise(net, generator):
    """Biases and normalisation parameters away from their 0/1 defaults, so that every one matters."""
    with torch.no_grad():
        for name, p in net.named_parameters():
            leaf = name.rsplit(".", 1)[-1]
            if "bias" in leaf:
                p.copy_(torch.empty_like(p).uniform_(-0.5, 0.5, generator=generator))
            elif isinstance(owner(net, name), (nn.LayerNorm, nn.BatchNorm1d)) and leaf == "weight":
                p.copy_(torch.empty_like(p).uniform_(0.5, 1.5, generator=generator))
        for name, b in net.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(torch.empty_like(b).normal_(0, 0.5, generator=generator))
            elif name.endswith("running_var"):
                b.copy_(torch.empty_like(b).uniform_(0.5, 2.0, generator=generator))


def owner(net, name):
    mod = net
    for part in name.split(".")[:-1]:
        mod = getattr(mod, part)
    return mod


def random_input(net, graph, generator):
    shape = (BATCH,) + net.input_shape()
    if net.takes_tokens():
        vocabulary = min(n["params"]["vocabulary"] for n in graph["nodes"] if n["kind"] == "Embedding")
        return torch.randint(0, vocabulary, shape, generator=generator, dtype=torch.int64)
    return torch.randn(shape, generator=generator)


def run_case(graph, mode):
    """The arrays of one fixture."""
    name = graph["name"]
    torch.manual_seed(seed_of(name))
    generator = torch.Generator().manual_seed(seed_of(name) + 1)
    net = Network(graph["graph"])
    randomise(net, generator)
    arrays = OrderedDict()
    for key, value in net.state_dict().items():
        if not key.endswith("num_batches_tracked"):
            arrays["param:" + key] = value.detach().clone()
    x = random_input(net, graph["graph"], generator)
    arrays["input"] = x.clone()
    if x.is_floating_point():
        x.requires_grad_(True)
    net.train(mode == "training")
    out = net(x)
    weights = torch.randn(out.shape, generator=generator)
    (out * weights).sum().backward()
    arrays["output"] = out.detach()
    arrays["output_weights"] = weights
    if x.is_floating_point():
        arrays["grad:input"] = x.grad
    for key, p in net.named_parameters():
        arrays["grad:" + key] = p.grad if p.grad is not None else torch.zeros_like(p)
    if mode == "training":
        for key, b in net.named_buffers():
            if not key.endswith("num_batches_tracked"):
                arrays["after:" + key] = b.detach().clone()
    return OrderedDict((k, np.ascontiguousarray(v.detach().numpy())) for k, v in arrays.items())


def write_case(folder, case, index):
    graph, kind, mode = case
    arrays = run_case(graph, mode)
    path = os.path.join(folder, graph["name"])
    write_npz(path + ".npz", arrays)
    with open(path + ".loom", "w", encoding="utf-8") as f:
        json.dump(graph, f, indent=1)
        f.write("\n")
    index.append("\t".join((graph["name"], kind, mode)))


# ----------------------------------------------------------------------------------------------------
# Building graphs.

class GraphBuilder:
    def __init__(self, name):
        self.name = name
        self.nodes = []
        self.wires = []
        self.counts = {}

    def add(self, kind, **params):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        node_id = kind.lower() + str(self.counts[kind])
        self.nodes.append({"id": node_id, "kind": kind, "name": node_id,
                           "position": {"x": 160.0 * len(self.nodes), "y": 100.0}, "params": params})
        return node_id

    def input(self, shape, tokens=False):
        return self.add("Input", shape=list(shape), values="token_ids" if tokens else "real")

    def wire(self, a, b):
        self.wires.append({"from": {"node": a, "port": "out"}, "to": {"node": b, "port": "in"}})

    def chain(self, *ids):
        for a, b in zip(ids, ids[1:]):
            self.wire(a, b)

    def project(self):
        return {"format": 1, "name": self.name, "graph": {"nodes": self.nodes, "wires": self.wires}}


def single(name, kind, shape, params, tokens=False):
    """Input(shape) -> kind(params) -> Output."""
    g = GraphBuilder(name)
    g.chain(g.input(shape, tokens), g.add(kind, **params), g.add("Output", loss="mse"))
    return g.project()


def merge(name, kind, shape, params, branches):
    """Input -> branch_i -> merge <- Input, then Output; a branch is (kind, params)."""
    g = GraphBuilder(name)
    x = g.input(shape)
    m = g.add(kind, **params)
    for branch_kind, branch_params in branches:
        b = g.add(branch_kind, **branch_params)
        g.chain(x, b, m)
    g.wire(x, m)
    g.chain(m, g.add("Output", loss="mse"))
    return g.project()


def slug(*parts):
    return "-".join(str(p) for p in parts if p != "")


def conv_variants():
    """(kernel, stride, padding, bias, activation) combinations, cycled through the channel counts."""
    return [(3, 1, 0, True, "none"), (3, 2, 1, False, "relu"), (1, 1, 0, True, "tanh"),
            (5, 1, 2, True, "leaky_relu"), (3, 3, 1, True, "gelu"), (2, 2, 0, False, "elu"),
            (3, 1, 1, True, "sigmoid")]


def layer_cases():
    cases = []
    vec, seq, img = (8,), (6, 4), (3, 6, 5)

    def add(graph, kind, mode="inference"):
        cases.append((graph, kind, mode))

    for i, act in enumerate(ACTIVATIONS):
        shape = seq if i % 2 else vec
        add(single(slug("dense", "u5", act, "seq" if i % 2 else "vec"), "Dense", shape,
                   dict(units=5, bias=True, activation=act)), "Dense")
    add(single("dense-u1-nobias", "Dense", vec, dict(units=1, bias=False, activation="none")), "Dense")
    add(single("dense-u16-nobias-seq-relu", "Dense", seq, dict(units=16, bias=False, activation="relu")), "Dense")

    for shape in (seq, img):
        add(single(slug("flatten", "x".join(map(str, shape))), "Flatten", shape, {}), "Flatten")
    for shape, target in ((vec, [2, 4]), (img, [90]), (seq, [2, 3, 4])):
        add(single(slug("reshape", "x".join(map(str, target))), "Reshape", shape, dict(target=target)), "Reshape")

    add(single("dropout-r0.5-inference", "Dropout", vec, dict(rate=0.5)), "Dropout")
    add(single("dropout-r0.3-inference-img", "Dropout", img, dict(rate=0.3)), "Dropout")
    add(single("dropout-r0-training", "Dropout", seq, dict(rate=0.0)), "Dropout", "training")

    for vocabulary, dimension, steps in ((20, 4, 7), (2, 1, 3), (50, 33, 5)):
        add(single(slug("embedding", "v%d" % vocabulary, "d%d" % dimension), "Embedding", (steps,),
                   dict(vocabulary=vocabulary, dimension=dimension), tokens=True), "Embedding")

    variants = conv_variants()
    other_filters = [1, 3, 16, 4, 12, 2, 5, 16, 3]
    for i, channels in enumerate((1, 3, 8, 16, 20, 28, 32, 40, 64)):
        for filters, v in ((8, variants[i % 7]), (other_filters[i], variants[(i + 3) % 7])):
            k, s, p, bias, act = v
            params = dict(filters=filters, kernel=k, stride=s, padding=p, bias=bias, activation=act)
            tag = slug("c%d" % channels, "f%d" % filters, "k%d" % k, "s%d" % s, "p%d" % p,
                       "bias" if bias else "nobias", act)
            add(single("conv2d-" + tag, "Conv2D", (channels, 6, 5), params), "Conv2D")
            add(single("conv1d-" + tag, "Conv1D", (9, channels), params), "Conv1D")

    for kind in ("MaxPool2D", "AvgPool2D"):
        for pool, stride, padding in ((2, 2, 0), (3, 2, 1), (3, 1, 1), (2, 1, 0)):
            add(single(slug(kind.lower(), "p%d" % pool, "s%d" % stride, "pad%d" % padding), kind, (3, 8, 7),
                       dict(pool=pool, stride=stride, padding=padding)), kind)
    add(single("globalavgpool2d", "GlobalAvgPool2D", (3, 5, 4), {}), "GlobalAvgPool2D")

    for shape, label in ((vec, "vec"), (seq, "seq"), (img, "img")):
        for mode in ("training", "inference"):
            add(single(slug("batchnorm", label, mode), "BatchNorm", shape, dict(momentum=0.1, epsilon=1e-5)),
                "BatchNorm", mode)
    add(single("batchnorm-img-m0.5-eps1e-3-training", "BatchNorm", img, dict(momentum=0.5, epsilon=1e-3)),
        "BatchNorm", "training")
    for shape, label, eps in ((vec, "vec", 1e-5), (seq, "seq", 1e-5), (img, "img", 1e-5), (seq, "seq", 1e-3)):
        add(single(slug("layernorm", label, "eps%g" % eps), "LayerNorm", shape, dict(epsilon=eps)), "LayerNorm")

    for kind, extra in (("SimpleRNN", dict(nonlinearity="tanh")), ("SimpleRNN", dict(nonlinearity="relu")),
                        ("LSTM", {}), ("GRU", {})):
        for units in (1, 3, 8, 16, 17, 32, 64):
            for sequences in (False, True):
                tag = slug(kind.lower(), extra.get("nonlinearity", ""), "u%d" % units, "seq" if sequences else "last")
                add(single(tag, kind, (5, 4), dict(units=units, return_sequences=sequences, **extra)), kind)
        for units in (17, 64):  # DJL hands the training flag on to libtorch's recurrent kernels
            tag = slug(kind.lower(), extra.get("nonlinearity", ""), "u%d" % units, "seq-training")
            add(single(tag, kind, (5, 4), dict(units=units, return_sequences=True, **extra)), kind, "training")

    tokens = (5, 8)
    for heads in (1, 2, 4):
        add(single("attention-h%d-drop0.1-inference" % heads, "MultiHeadSelfAttention", tokens,
                   dict(heads=heads, dropout=0.1)), "MultiHeadSelfAttention")
    add(single("attention-h4-f12-training", "MultiHeadSelfAttention", (3, 12), dict(heads=4, dropout=0.0)),
        "MultiHeadSelfAttention", "training")
    for heads, ff in ((1, 16), (2, 16), (4, 16), (2, 1)):
        add(single("transformer-h%d-ff%d-inference" % (heads, ff), "TransformerEncoder", tokens,
                   dict(heads=heads, feed_forward=ff, dropout=0.1)), "TransformerEncoder")
    add(single("transformer-h4-ff16-f12-training", "TransformerEncoder", (3, 12),
               dict(heads=4, feed_forward=16, dropout=0.0)), "TransformerEncoder", "training")
    for shape in ((5, 8), (4, 7), (1, 1), (30, 9)):
        add(single(slug("positionalencoding", "x".join(map(str, shape))), "PositionalEncoding", shape, {}),
            "PositionalEncoding")

    for shape in (vec, seq, img):
        label = "x".join(map(str, shape))
        add(merge("add-2-" + label, "Add", shape, {}, [("ReLU", {})]), "Add")
        add(merge("add-3-" + label, "Add", shape, {}, [("ReLU", {}), ("Tanh", {})]), "Add")
    dense = ("Dense", dict(units=5, bias=True, activation="none"))
    conv = ("Conv2D", dict(filters=2, kernel=1, stride=1, padding=0, bias=True, activation="none"))
    for shape, axis, branch in ((vec, -1, dense), (seq, 0, ("ReLU", {})), (seq, -1, dense), (seq, 1, ("Tanh", {})),
                                (img, 0, conv), (img, 2, ("ReLU", {})), (img, -3, ("Tanh", {}))):
        label = "x".join(map(str, shape))
        add(merge(slug("concatenate", "axis%d" % axis, label), "Concatenate", shape, dict(axis=axis), [branch]),
            "Concatenate")
    add(merge("concatenate-3-img", "Concatenate", img, dict(axis=1), [("ReLU", {}), ("Tanh", {})]), "Concatenate")

    for kind in ("ReLU", "GELU", "Sigmoid", "Tanh", "Softmax"):
        for shape in (vec, seq, img):
            add(single(slug(kind.lower(), "x".join(map(str, shape))), kind, shape, {}), kind)
    for kind in ("LeakyReLU", "ELU"):
        for alpha, shape in ((0.01, vec), (0.2, seq), (1.0, img)):
            add(single(slug(kind.lower(), "a%g" % alpha), kind, shape, dict(alpha=alpha)), kind)
    return cases


def network_cases(samples_dir):
    cases = []
    for name in SAMPLES:
        with open(os.path.join(samples_dir, name + ".loom"), encoding="utf-8") as f:
            project = json.load(f)
        graph = {"format": project["format"], "name": name, "graph": project["graph"]}
        cases.append((graph, "network", "inference"))
    return cases


def write_group(out_dir, group, cases):
    folder = os.path.join(out_dir, group)
    os.makedirs(folder, exist_ok=True)
    index = []
    for case in cases:
        write_case(folder, case, index)
    with open(os.path.join(folder, "cases.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tkind\tmode (written by reference_layers.py)\n")
        f.write("\n".join(index) + "\n")
    print("%s: %d cases" % (folder, len(index)))


def write_all(out_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    samples = os.path.normpath(os.path.join(here, "../../../../../samples/projects"))
    write_group(out_dir, "layers", layer_cases())
    write_group(out_dir, "networks", network_cases(samples))


def main(argv):
    torch.set_num_threads(1)
    if len(argv) != 2:
        sys.exit(__doc__)
    write_all(argv[1])


if __name__ == "__main__":
    main(sys.argv)
