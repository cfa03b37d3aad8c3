// Writes LayerLoom's Keras import fixtures with TensorFlow.js layers as the Keras oracle.
// Run: npm install && npm run fixtures   (writes ../resources/keras/)
//
// For every model: <name>/model.json + <name>/weights.bin (the TF.js layers format, Keras 2 form of the
// config), <name>/config.keras3.json (the same config in the Keras 3 form that .keras files hold, for the
// Java test helper that writes .keras and legacy .h5 files from these) and <name>/reference.json (inputs
// and the model's outputs for them). Weights are drawn from a seeded generator, so a rerun writes the same.
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

const OUT = path.join(__dirname, '..', 'resources', 'keras');

function mulberry32(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded weights: uniform(-0.5, 0.5), variances uniform(0.5, 1.5). */
function seedWeights(model, seed) {
  const random = mulberry32(seed);
  for (const layer of model.layers) {
    const values = layer.getWeights().map((w) => {
      const n = w.size;
      const data = new Float32Array(n);
      const variance = w.name.includes('moving_variance');
      for (let i = 0; i < n; i++) data[i] = variance ? 0.5 + random() : random() - 0.5;
      return tf.tensor(data, w.shape);
    });
    if (values.length) layer.setWeights(values);
  }
}

function inputs(shape, seed, vocabulary) {
  const random = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = vocabulary ? Math.floor(random() * vocabulary) : 2 * random() - 1;
  return data;
}

/** The Keras 3 form of a TF.js (Keras 2 form) topology: batch_shape, dict inbound nodes, module names. */
function keras3(topology) {
  const t = JSON.parse(JSON.stringify(topology));
  const layers = t.config.layers;
  const shapes = {};
  for (const layer of layers) {
    layer.module = 'keras.layers';
    layer.registered_name = null;
    if (layer.config.batch_input_shape) {
      layer.config.batch_shape = layer.config.batch_input_shape;
      delete layer.config.batch_input_shape;
    }
    if (layer.inbound_nodes) {
      layer.inbound_nodes = layer.inbound_nodes.map((node) => {
        const tensors = node.map(([name, nodeIndex, tensorIndex]) => ({
          class_name: '__keras_tensor__',
          config: { shape: shapes[name] || null, dtype: 'float32', keras_history: [name, nodeIndex, tensorIndex] },
        }));
        return { args: tensors.length === 1 ? [tensors[0]] : [tensors], kwargs: {} };
      });
    }
  }
  t.keras_version = '3.6.0';
  t.backend = 'tensorflow';
  return t;
}

async function save(name, model, topology, weightSpecs, weightData, reference) {
  const dir = path.join(OUT, name);
  fs.mkdirSync(dir, { recursive: true });
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'TensorFlow.js tfjs-layers v' + tf.version.tfjs,
    convertedBy: null,
    modelTopology: topology,
    weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }],
  };
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(modelJson, null, 1));
  fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(weightData));
  fs.writeFileSync(path.join(dir, 'config.keras3.json'), JSON.stringify(keras3(topology), null, 1));
  if (reference) fs.writeFileSync(path.join(dir, 'reference.json'), JSON.stringify(reference));
}

async function artifactsOf(model) {
  let saved;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  return saved;
}

async function fixture(name, model, inputShape, seed, vocabulary, oracle) {
  seedWeights(model, seed);
  const x = inputs(inputShape, seed + 1, vocabulary);
  const xs = tf.tensor(x, inputShape, vocabulary ? 'int32' : 'float32');
  const y = model.predict(xs);
  const reference = {
    oracle: oracle || 'TensorFlow.js ' + tf.version.tfjs + ' (tfjs-layers, CPU backend) model.predict',
    inputShape, input: Array.from(x), tokenIds: !!vocabulary,
    outputShape: y.shape, output: Array.from(await y.data()),
  };
  const a = await artifactsOf(model);
  await save(name, model, a.modelTopology, a.weightSpecs, a.weightData, reference);
}

async function main() {
  tf.setBackend('cpu');
  const L = tf.layers;

  // (a) MLP with a softmax head.
  let m = tf.sequential({ name: 'mlp' });
  m.add(L.dense({ inputShape: [8], units: 16, activation: 'relu', name: 'hidden' }));
  m.add(L.dropout({ rate: 0.2, name: 'drop' }));
  m.add(L.dense({ units: 4, activation: 'softmax', name: 'scores' }));
  await fixture('mlp', m, [3, 8], 11);

  // (b) channels-last CNN: Conv2D -> MaxPool -> Conv2D -> Flatten -> Dense (the HWC -> CHW case).
  m = tf.sequential({ name: 'cnn' });
  m.add(L.conv2d({ inputShape: [8, 8, 3], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', name: 'conv_a' }));
  m.add(L.maxPooling2d({ poolSize: 2, name: 'pool' }));
  m.add(L.conv2d({ filters: 6, kernelSize: 3, padding: 'valid', activation: 'relu', name: 'conv_b' }));
  m.add(L.flatten({ name: 'flat' }));
  m.add(L.dense({ units: 5, activation: 'softmax', name: 'classes' }));
  await fixture('cnn', m, [3, 8, 8, 3], 22);

  // (c) Embedding -> LSTM -> Dense(1, sigmoid).
  m = tf.sequential({ name: 'lstm' });
  m.add(L.embedding({ inputShape: [6], inputDim: 20, outputDim: 8, name: 'embed' }));
  m.add(L.lstm({ units: 10, recurrentActivation: 'sigmoid', name: 'memory' }));
  m.add(L.dense({ units: 1, activation: 'sigmoid', name: 'verdict' }));
  await fixture('lstm', m, [3, 6], 33, 20);

  // (d) GRU. TF.js has only reset_after=False, which LayerLoom (PyTorch's GRU) refuses: saved for that test.
  m = tf.sequential({ name: 'gru_reset_before' });
  m.add(L.gru({ inputShape: [5, 3], units: 6, recurrentActivation: 'sigmoid', name: 'gru' }));
  m.add(L.dense({ units: 2, name: 'out' }));
  await fixture('gru-reset-before', m, [3, 5, 3], 44);
  await gruResetAfter();

  // (e) functional: a skip connection (Add), BatchNormalization and a Concatenate.
  const input = tf.input({ shape: [10], name: 'features' });
  const a = L.dense({ units: 12, activation: 'relu', name: 'stem' }).apply(input);
  let b = L.batchNormalization({ name: 'norm' }).apply(a);
  b = L.dense({ units: 12, name: 'branch' }).apply(b);
  let s = L.add({ name: 'skip' }).apply([a, b]);
  s = L.activation({ activation: 'relu', name: 'skip_relu' }).apply(s);
  const c = L.concatenate({ name: 'join' }).apply([s, a]);
  const o = L.dense({ units: 3, activation: 'softmax', name: 'head' }).apply(c);
  await fixture('functional', tf.model({ inputs: input, outputs: o, name: 'functional' }), [3, 10], 55);

  // (f) SimpleRNN -> LayerNormalization -> Dense on every step -> Flatten -> Dense (regression).
  m = tf.sequential({ name: 'rnn' });
  m.add(L.simpleRNN({ inputShape: [5, 3], units: 6, returnSequences: true, name: 'rnn' }));
  m.add(L.layerNormalization({ name: 'ln' }));
  m.add(L.dense({ units: 4, activation: 'tanh', name: 'per_step' }));
  m.add(L.flatten({ name: 'flat' }));
  m.add(L.dense({ units: 1, name: 'value' }));
  await fixture('rnn', m, [3, 5, 3], 66);

  // (g) images with BatchNormalization, AveragePooling2D and GlobalAveragePooling2D, plus a LeakyReLU layer.
  m = tf.sequential({ name: 'pools' });
  m.add(L.conv2d({ inputShape: [6, 6, 2], filters: 4, kernelSize: 3, padding: 'same', name: 'conv' }));
  m.add(L.batchNormalization({ name: 'bn' }));
  m.add(L.leakyReLU({ alpha: 0.2, name: 'leaky' }));
  m.add(L.averagePooling2d({ poolSize: 2, name: 'avg' }));
  m.add(L.globalAveragePooling2d({ name: 'gap' }));
  m.add(L.dense({ units: 3, name: 'out' }));
  await fixture('pools', m, [3, 6, 6, 2], 77);

  // (h) images joined along the channels, ReLU and ELU layers, a Reshape and a softmax inside the network.
  const image = tf.input({ shape: [6, 6, 2], name: 'picture' });
  const wide = L.conv2d({ filters: 3, kernelSize: 3, padding: 'same', name: 'wide' }).apply(image);
  const point = L.conv2d({ filters: 2, kernelSize: 1, name: 'point' }).apply(image);
  let h = L.concatenate({ axis: -1, name: 'channels' }).apply([wide, point]);
  h = L.reLU({ name: 'rectify' }).apply(h);
  h = L.globalAveragePooling2d({ name: 'average' }).apply(h);
  h = L.dense({ units: 8, name: 'features' }).apply(h);
  h = L.elu({ name: 'smooth' }).apply(h);
  h = L.reshape({ targetShape: [2, 4], name: 'rows' }).apply(h);
  h = L.flatten({ name: 'unrows' }).apply(h);
  h = L.dense({ units: 4, activation: 'softmax', name: 'attention' }).apply(h);
  h = L.dense({ units: 2, name: 'result' }).apply(h);
  await fixture('mixed', tf.model({ inputs: image, outputs: h, name: 'mixed' }), [3, 6, 6, 2], 121);

  // (i) options: a Dense without bias and with elu, BatchNormalization without scale and center, gelu, and a
  // final sigmoid as an Activation layer after a Dense of one unit.
  m = tf.sequential({ name: 'options' });
  m.add(L.dense({ inputShape: [5], units: 6, useBias: false, activation: 'elu', name: 'plain' }));
  m.add(L.batchNormalization({ center: false, scale: false, name: 'bare' }));
  m.add(L.dense({ units: 4, activation: 'gelu', name: 'smooth' }));
  m.add(L.dense({ units: 1, name: 'logit' }));
  m.add(L.activation({ activation: 'sigmoid', name: 'probability' }));
  await fixture('options', m, [3, 5], 131);

  // An LSTM with TF.js's default recurrent activation, hard_sigmoid: LayerLoom refuses it.
  m = tf.sequential({ name: 'lstm_hard' });
  m.add(L.lstm({ inputShape: [4, 2], units: 3, recurrentActivation: 'hardSigmoid', name: 'hard' }));
  m.add(L.dense({ units: 1, name: 'out' }));
  await fixture('lstm-hard-sigmoid', m, [2, 4, 2], 88);
}

/**
 * A GRU with reset_after=True (Keras's default since 2.3 and PyTorch's form), which TF.js cannot run: its
 * reference output is computed here from Keras's equations in double precision, not by TF.js layers.
 */
async function gruResetAfter() {
  const T = 5, F = 3, H = 6, OUT_UNITS = 2, N = 3;
  const shell = tf.sequential({ name: 'gru_reset_after' });
  shell.add(tf.layers.gru({ inputShape: [T, F], units: H, recurrentActivation: 'sigmoid', name: 'gru' }));
  shell.add(tf.layers.dense({ units: OUT_UNITS, name: 'out' }));
  const a = await artifactsOf(shell);
  const topology = a.modelTopology;
  topology.config.layers[0].config.reset_after = true;
  const random = mulberry32(99);
  const draw = (n) => Float32Array.from({ length: n }, () => random() - 0.5);
  const kernel = draw(F * 3 * H), recurrent = draw(H * 3 * H), bias = draw(2 * 3 * H);
  const dense = draw(H * OUT_UNITS), denseBias = draw(OUT_UNITS);
  const x = inputs([N, T, F], 100);
  const sigmoid = (v) => 1 / (1 + Math.exp(-v));
  const output = [];
  for (let n = 0; n < N; n++) {
    let h = new Array(H).fill(0);
    for (let t = 0; t < T; t++) {
      const xi = new Array(3 * H).fill(0), hi = new Array(3 * H).fill(0);
      for (let j = 0; j < 3 * H; j++) {
        xi[j] = bias[j];
        hi[j] = bias[3 * H + j];
        for (let f = 0; f < F; f++) xi[j] += x[(n * T + t) * F + f] * kernel[f * 3 * H + j];
        for (let k = 0; k < H; k++) hi[j] += h[k] * recurrent[k * 3 * H + j];
      }
      const next = new Array(H);
      for (let j = 0; j < H; j++) {
        const z = sigmoid(xi[j] + hi[j]);
        const r = sigmoid(xi[H + j] + hi[H + j]);
        const candidate = Math.tanh(xi[2 * H + j] + r * hi[2 * H + j]);
        next[j] = z * h[j] + (1 - z) * candidate;
      }
      h = next;
    }
    for (let o = 0; o < OUT_UNITS; o++) {
      let v = denseBias[o];
      for (let k = 0; k < H; k++) v += h[k] * dense[k * OUT_UNITS + o];
      output.push(v);
    }
  }
  const specs = [
    { name: 'gru/kernel', shape: [F, 3 * H], dtype: 'float32' },
    { name: 'gru/recurrent_kernel', shape: [H, 3 * H], dtype: 'float32' },
    { name: 'gru/bias', shape: [2, 3 * H], dtype: 'float32' },
    { name: 'out/kernel', shape: [H, OUT_UNITS], dtype: 'float32' },
    { name: 'out/bias', shape: [OUT_UNITS], dtype: 'float32' },
  ];
  const all = [kernel, recurrent, bias, dense, denseBias];
  const data = new Float32Array(all.reduce((s, v) => s + v.length, 0));
  let at = 0;
  for (const v of all) { data.set(v, at); at += v.length; }
  await save('gru', null, topology, specs, data.buffer, {
    oracle: 'Keras GRU equations (reset_after=True) evaluated in double precision by make-fixtures.js; TF.js'
      + ' layers has no reset_after=True GRU',
    inputShape: [N, T, F], input: Array.from(x), tokenIds: false, outputShape: [N, OUT_UNITS], output,
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
