#!/usr/bin/python3
"""Writes each Keras fixture again as the two HDF5-based Keras files, with h5py as Keras itself writes them.

Run after make-fixtures.js, with Debian's python3-h5py (apt-get install python3-h5py):
    /usr/bin/python3 make-keras-files.py
For every ../resources/keras/<name>/ with a model.json it writes, from the same config and weights:
  legacy.h5   - Keras 2's save_model_to_hdf5 layout: attributes model_config (and training_config), backend and
                keras_version on the root; model_weights/ with layer_names and, per layer, a group with
                weight_names (an empty float array for a layer without weights, as np.asarray([]) gives) and the
                datasets <layer>/<weight>:0.
  model.keras - Keras 3's zip: config.json (config.keras3.json), metadata.json and model.weights.h5 with an
                H5IOStore layout: vars/ on the root, layers/<path>/vars/<i> for every layer (empty where it has no
                weights), a recurrent layer's under layers/<path>/cell/vars, <path> being the class in snake case
                numbered per class (dense, dense_1, ...) as saving_lib._save_container_state names it.
Neither file comes from Keras itself (there is no TensorFlow or Keras here); the layouts follow Keras's saving code.
"""
import io
import json
import os
import re
import zipfile

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'resources', 'keras')
RECURRENT = {'LSTM', 'GRU', 'SimpleRNN'}
# How the fixtures were compiled, for the files' training_config / compile_config (absent = not compiled).
COMPILED = {
    'rnn': {'loss': 'mae', 'metrics': None, 'optimizer_config': {
        'class_name': 'RMSprop', 'config': {'name': 'RMSprop', 'learning_rate': 0.002, 'rho': 0.8}}},
}
COMPILE_CONFIG = {
    'mlp': {'optimizer': {'module': 'keras.optimizers', 'class_name': 'SGD', 'config': {
        'name': 'SGD', 'learning_rate': 0.05, 'momentum': 0.9, 'nesterov': True}, 'registered_name': None},
        'loss': 'categorical_crossentropy', 'metrics': ['accuracy']},
}


def snake(name):
    name = re.sub(r'\W+', '', name)
    name = re.sub('(.)([A-Z][a-z]+)', r'\1_\2', name)
    return re.sub('([a-z])([A-Z])', r'\1_\2', name).lower()


def weights_of(folder):
    model = json.load(open(os.path.join(folder, 'model.json')))
    by_layer = {}
    for group in model['weightsManifest']:
        data = b''.join(open(os.path.join(folder, p), 'rb').read() for p in group['paths'])
        at = 0
        for spec in group['weights']:
            count = int(np.prod(spec['shape'])) if spec['shape'] else 1
            values = np.frombuffer(data, dtype='<f4', count=count, offset=at).reshape(spec['shape'])
            at += 4 * count
            layer, role = spec['name'].split('/')[0], spec['name'].split('/')[-1]
            by_layer.setdefault(layer, []).append((role, values))
    return model['modelTopology'], by_layer


def layer_list(config):
    return [(layer['config']['name'], layer['class_name']) for layer in config['config']['layers']]


def write_legacy(folder, name, topology, by_layer):
    with h5py.File(os.path.join(folder, 'legacy.h5'), 'w') as f:
        f.attrs['backend'] = b'tensorflow'
        f.attrs['keras_version'] = b'2.15.0'
        f.attrs['model_config'] = json.dumps(topology).encode('utf8')
        if name in COMPILED:
            f.attrs['training_config'] = json.dumps(COMPILED[name]).encode('utf8')
        g = f.create_group('model_weights')
        layers = layer_list(topology)
        g.attrs['layer_names'] = np.asarray([n.encode('utf8') for n, _ in layers])
        g.attrs['backend'] = b'tensorflow'
        g.attrs['keras_version'] = b'2.15.0'
        for layer, cls in sorted(layers):
            lg = g.create_group(layer)
            weights = by_layer.get(layer, [])
            cell = snake(cls) + '_cell/' if cls in RECURRENT else ''
            names = [f'{layer}/{cell}{role}:0'.encode('utf8') for role, _ in weights]
            lg.attrs['weight_names'] = np.asarray(names)
            for n, (_, values) in zip(names, weights):
                lg.create_dataset(n.decode('utf8'), data=values)


def write_keras(folder, name, by_layer):
    config = json.load(open(os.path.join(folder, 'config.keras3.json')))
    config['compile_config'] = COMPILE_CONFIG.get(name)
    h5 = io.BytesIO()
    with h5py.File(h5, 'w') as f:
        f.create_group('vars')
        used = {}
        for layer, cls in layer_list(config):
            base = snake(cls)
            count = used.get(base, -1) + 1
            used[base] = count
            group = f.create_group('layers/' + (base if count == 0 else f'{base}_{count}'))
            own = group.create_group('vars')
            if cls in RECURRENT:
                own = group.create_group('cell').create_group('vars')
            for i, (_, values) in enumerate(by_layer.get(layer, [])):
                own.create_dataset(str(i), data=values)
        f.create_group('optimizer').create_group('vars')
    with zipfile.ZipFile(os.path.join(folder, 'model.keras'), 'w') as z:
        entries = [('metadata.json', json.dumps({'keras_version': '3.6.0', 'date_saved': '2026-12-06@00:00:00'})),
                   ('config.json', json.dumps(config)), ('model.weights.h5', h5.getvalue())]
        for entry, content in entries:
            z.writestr(zipfile.ZipInfo(entry, date_time=(2026, 1, 1, 0, 0, 0)), content)  # same bytes every run


def main():
    for name in sorted(os.listdir(OUT)):
        folder = os.path.join(OUT, name)
        if not os.path.isfile(os.path.join(folder, 'model.json')):
            continue
        topology, by_layer = weights_of(folder)
        write_legacy(folder, name, topology, by_layer)
        write_keras(folder, name, by_layer)
        print('wrote', name)


main()
