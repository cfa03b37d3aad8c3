package org.layerloom.engine.imports.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.project.OptimizerKind;

/** Every snippet style the importer reads, each checked node by node and validated. */
class CodeImporterTest {

    private static CodeImport read(String code) {
        CodeImport result = CodeImporter.read(code, CodeImportOptions.none());
        assertThat(result.problems()).as("problems").isEmpty();
        return result;
    }

    private static Node only(NetworkGraph graph, LayerKind kind) {
        List<Node> nodes = graph.nodesOfKind(kind);
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    private static void assertValid(NetworkGraph graph) {
        assertThat(GraphValidator.standard().validate(graph).errors()).isEmpty();
    }

    @Test
    void keras_sequential_mlp_moves_the_trailing_softmax_into_the_loss() {
        CodeImport result = read("""
                from tensorflow import keras
                from tensorflow.keras import layers

                model = keras.Sequential([
                    layers.Dense(128, activation='relu', input_shape=(784,)),
                    layers.Dropout(0.2),
                    layers.Dense(10, activation='softmax'),
                ])
                model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
                model.fit(x_train, y_train, epochs=12, batch_size=32, validation_split=0.2)
                """);
        NetworkGraph graph = result.graph();
        assertThat(ImportedChain.kinds(graph)).isEqualTo("Input Dense Dropout Dense Output");
        assertThat(graph.nodes().get(0).params().dims("shape")).containsExactly(784);
        assertThat(graph.nodes().get(1).params().choice("activation")).isEqualTo("relu");
        assertThat(graph.nodes().get(2).params().realValue("rate")).isEqualTo(0.2);
        assertThat(graph.nodes().get(3).params().choice("activation")).isEqualTo("none");
        assertThat(graph.nodes().get(3).params().intValue("units")).isEqualTo(10);
        assertThat(only(graph, LayerKind.OUTPUT).params().choice("loss")).isEqualTo("softmax_cross_entropy");
        assertThat(result.notes()).anyMatch(n -> n.contains("softmax moved into the Output"))
                .noneMatch(n -> n.contains("one-hot"));
        assertThat(result.training().optimizer().orElseThrow().kind()).isEqualTo(OptimizerKind.ADAM);
        assertThat(result.training().optimizer().orElseThrow().learningRate()).isEqualTo(0.001);
        assertThat(result.training().epochs().getAsInt()).isEqualTo(12);
        assertThat(result.training().batchSize().getAsInt()).isEqualTo(32);
        assertThat(result.training().validationSplit()).contains(0.2);
        assertValid(graph);
        assertThat(graph.nodes().get(1).position().x()).isGreaterThan(graph.nodes().get(0).position().x());
    }

    @Test
    void keras_model_add_with_an_optimizer_object() {
        CodeImport result = read("""
                import tensorflow as tf
                model = tf.keras.models.Sequential()
                model.add(tf.keras.layers.Flatten(input_shape=(28, 28)))
                model.add(tf.keras.layers.Dense(64, activation="tanh"))
                model.add(tf.keras.layers.Dense(10))
                model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9),
                              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
                """);
        NetworkGraph graph = result.graph();
        assertThat(ImportedChain.kinds(graph)).isEqualTo("Input Flatten Dense Dense Output");
        assertThat(graph.nodes().get(0).params().dims("shape")).containsExactly(28, 28);
        assertThat(result.training().optimizer().orElseThrow().kind()).isEqualTo(OptimizerKind.SGD);
        assertThat(result.training().optimizer().orElseThrow().learningRate()).isEqualTo(0.05);
        assertThat(result.training().optimizer().orElseThrow().momentum()).isEqualTo(0.9);
        assertValid(graph);
    }

    @Test
    void keras_cnn_with_three_convolutions_turns_channels_last_and_same_padding() {
        CodeImport result = read("""
                from keras import layers, models
                model = models.Sequential()
                model.add(layers.Conv2D(32, (3, 3), activation='relu', padding='same', input_shape=(28, 28, 1)))
                model.add(layers.MaxPooling2D((2, 2)))
                model.add(layers.Conv2D(64, (3, 3), activation='relu'))
                model.add(layers.MaxPooling2D(pool_size=2))
                model.add(layers.Conv2D(64, kernel_size=5, strides=1, padding='same', activation='relu'))
                model.add(layers.Flatten())
                model.add(layers.Dense(64, activation='relu'))
                model.add(layers.Dense(10, activation='softmax'))
                model.compile(optimizer=keras.optimizers.Adam(learning_rate=3e-4),
                              loss='categorical_crossentropy')
                model.fit(x, y, epochs=3)
                """);
        NetworkGraph graph = result.graph();
        assertThat(ImportedChain.kinds(graph))
                .isEqualTo("Input Conv2D MaxPool2D Conv2D MaxPool2D Conv2D Flatten Dense Dense Output");
        assertThat(graph.nodes().get(0).params().dims("shape")).containsExactly(1, 28, 28);
        List<Node> convs = graph.nodesOfKind(LayerKind.CONV2D);
        assertThat(convs).extracting(n -> n.params().intValue("padding")).containsExactly(1, 0, 2);
        assertThat(convs).extracting(n -> n.params().intValue("kernel")).containsExactly(3, 3, 5);
        assertThat(convs).extracting(n -> n.params().intValue("filters")).containsExactly(32, 64, 64);
        assertThat(convs).extracting(n -> n.params().choice("activation")).containsOnly("relu");
        assertThat(result.notes()).anyMatch(n -> n.contains("(height, width, channels) became [1, 28, 28]"));
        assertThat(result.notes()).anyMatch(n -> n.contains("padding='same') became padding 1"));
        assertThat(result.notes()).anyMatch(n -> n.contains("reads one-hot labels"));
        assertThat(result.training().optimizer().orElseThrow().learningRate()).isEqualTo(3e-4);
        assertThat(result.training().epochs().getAsInt()).isEqualTo(3);
        assertValid(graph);
    }

    @Test
    void keras_embedding_lstm_lstm_dense_sigmoid_becomes_binary_cross_entropy() {
        CodeImport result = read("""
                from tensorflow.keras.models import Sequential
                from tensorflow.keras.layers import Embedding, LSTM, Dense

                vocab_size = 10000
                model = Sequential()
                model.add(Embedding(vocab_size, 64, input_length=100))
                model.add(LSTM(64, return_sequences=True))
                model.add(LSTM(32))
                model.add(Dense(1, activation='sigmoid'))
                model.compile(loss='binary_crossentropy', optimizer='rmsprop', metrics=['accuracy'])
                model.fit(x_train, y_train, batch_size=128, epochs=4)
                """);
        NetworkGraph graph = result.graph();
        assertThat(ImportedChain.kinds(graph)).isEqualTo("Input Embedding LSTM LSTM Dense Output");
        Node input = graph.nodes().get(0);
        assertThat(input.params().dims("shape")).containsExactly(100);
        assertThat(input.params().choice("values")).isEqualTo("token_ids");
        assertThat(graph.nodes().get(1).params().intValue("vocabulary")).isEqualTo(10000);
        assertThat(graph.nodes().get(2).params().flag("return_sequences")).isTrue();
        assertThat(graph.nodes().get(3).params().flag("return_sequences")).isFalse();
        assertThat(graph.nodes().get(4).params().choice("activation")).isEqualTo("none");
        assertThat(only(graph, LayerKind.OUTPUT).params().choice("loss")).isEqualTo("sigmoid_binary_cross_entropy");
        assertThat(result.notes()).anyMatch(n -> n.contains("sigmoid of Dense 1 moved into the Output"));
        assertThat(result.training().optimizer().orElseThrow().kind()).isEqualTo(OptimizerKind.RMSPROP);
        assertThat(result.training().batchSize().getAsInt()).isEqualTo(128);
        assertValid(graph);
    }

    @Test
    void keras_functional_model_with_a_skip_connection() {
        CodeImport result = read("""
                import keras
                from keras import layers

                inputs = keras.Input(shape=(32, 32, 3))
                x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
                y = layers.Conv2D(16, 3, padding="same")(x)
                y = layers.BatchNormalization()(y)
                x = layers.Add()([x, y])
                x = layers.ReLU()(x)
                x = layers.GlobalAveragePooling2D()(x)
                outputs = layers.Dense(10, activation="softmax")(x)
                model = keras.Model(inputs=inputs, outputs=outputs, name="resnet_block")
                model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
                """);
        NetworkGraph graph = result.graph();
        assertThat(ImportedChain.kinds(graph))
                .isEqualTo("Input Conv2D Conv2D BatchNorm Add ReLU GlobalAvgPool2D Dense Output");
        Node add = only(graph, LayerKind.ADD);
        assertThat(graph.wiresInto(add.id())).extracting(w -> graph.requireNode(w.from().nodeId()).kind())
                .containsExactly(LayerKind.CONV2D, LayerKind.BATCH_NORM);
        assertThat(graph.nodes().get(0).params().dims("shape")).containsExactly(3, 32, 32);
        Node norm = only(graph, LayerKind.BATCH_NORM);
        assertThat(norm.params().realValue("momentum")).isEqualTo(0.01);
        assertThat(norm.params().realValue("epsilon")).isEqualTo(0.001);
        assertThat(result.notes()).anyMatch(n -> n.contains("momentum 0.01"));
        assertValid(graph);
        assertThat(add.position().x()).isGreaterThan(only(graph, LayerKind.BATCH_NORM).position().x());
    }

    @Test
    void keras_functional_concatenate_counts_axes_channels_first() {
        CodeImport result = read("""
                inputs = keras.Input(shape=(16, 16, 3))
                a = layers.Conv2D(8, 3, padding='same')(inputs)
                b = layers.Conv2D(4, 1)(inputs)
                x = layers.concatenate([a, b])
                x = layers.Flatten()(x)
                outputs = layers.Dense(2)(x)
                model = keras.Model(inputs, outputs)
                model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer='adam')
                """);
        Node concat = only(result.graph(), LayerKind.CONCATENATE);
        assertThat(concat.params().intValue("axis")).isZero();
        assertValid(result.graph());
    }

    @Test
    void pytorch_sequential_takes_its_input_shape_from_the_first_linear() {
        CodeImport result = read("""
                import torch
                import torch.nn as nn
                import torch.optim as optim

                model = nn.Sequential(
                    nn.Linear(784, 256),
                    nn.ReLU(),
                    nn.Dropout(p=0.3),
                    nn.Linear(256, 10),
                )
                criterion = nn.CrossEntropyLoss()
                optimizer = optim.Adam(model.parameters(), lr=0.0005, weight_decay=1e-4)
                """);
        NetworkGraph graph = result.graph();
        assertThat(ImportedChain.kinds(graph)).isEqualTo("Input Dense ReLU Dropout Dense Output");
        assertThat(graph.nodes().get(0).params().dims("shape")).containsExactly(784);
        assertThat(graph.nodes().get(3).params().realValue("rate")).isEqualTo(0.3);
        assertThat(only(graph, LayerKind.OUTPUT).params().choice("loss")).isEqualTo("softmax_cross_entropy");
        assertThat(result.training().optimizer().orElseThrow().learningRate()).isEqualTo(0.0005);
        assertThat(result.training().optimizer().orElseThrow().weightDecay()).isEqualTo(1e-4);
        assertThat(result.notes()).anyMatch(n -> n.contains("first Linear's in_features"));
        assertValid(graph);
    }

    @Test
    void pytorch_cnn_needs_and_uses_the_given_input_shape() {
        String code = """
                from torch import nn
                net = nn.Sequential(nn.Conv2d(1, 8, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Flatten(), nn.Linear(8 * 14 * 14, 10))
                loss_fn = nn.CrossEntropyLoss()
                opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9, nesterov=True)
                """;
        CodeImport without = CodeImporter.read(code, CodeImportOptions.none());
        assertThat(without.succeeded()).isFalse();
        assertThat(without.problems().get(0).message()).contains("nn.Sequential does not say");
        assertThat(without.problems().get(0).suggestion()).contains("--input-shape");
        assertThat(without.problems().get(0).line()).isEqualTo(2);

        CodeImport with = CodeImporter.read(code, CodeImportOptions.withInputShape(List.of(1, 28, 28)));
        assertThat(with.problems()).isEmpty();
        assertThat(ImportedChain.kinds(with.graph())).isEqualTo("Input Conv2D ReLU MaxPool2D Flatten Dense Output");
        assertThat(with.training().optimizer().orElseThrow().nesterov()).isTrue();
        assertValid(with.graph());
    }

    @Test
    void pytorch_log_softmax_with_nll_loss_becomes_cross_entropy_and_bce_loss_takes_the_sigmoid() {
        CodeImport nll = read("""
                model = nn.Sequential(nn.Linear(20, 5), nn.LogSoftmax(dim=1))
                criterion = nn.NLLLoss()
                """);
        assertThat(ImportedChain.kinds(nll.graph())).isEqualTo("Input Dense Output");
        CodeImport bce = read("""
                model = nn.Sequential(nn.Linear(20, 1), nn.Sigmoid())
                criterion = nn.BCELoss()
                """);
        assertThat(ImportedChain.kinds(bce.graph())).isEqualTo("Input Dense Output");
        assertThat(only(bce.graph(), LayerKind.OUTPUT).params().choice("loss")).isEqualTo("sigmoid_binary_cross_entropy");
    }

    @Test
    void the_imported_project_keeps_what_the_code_does_not_set() {
        CodeImport result = read("model = keras.Sequential([layers.Dense(3, input_shape=(4,))])\nmodel.fit(x, y, epochs=7)");
        org.layerloom.engine.project.TrainingSettings defaults = org.layerloom.engine.project.TrainingSettings.defaults();
        org.layerloom.engine.project.TrainingSettings applied = result.training().applyTo(defaults);
        assertThat(applied.epochs()).isEqualTo(7);
        assertThat(applied.batchSize()).isEqualTo(defaults.batchSize());
        assertThat(applied.optimizer()).isEqualTo(defaults.optimizer());

        CodeImport adam = read("model = nn.Sequential(nn.Linear(4, 2))\nopt = optim.Adam(model.parameters(), lr=0.01)");
        org.layerloom.engine.project.OptimizerSettings sgd = new org.layerloom.engine.project.OptimizerSettings(
                OptimizerKind.SGD, 0.1, 0.5, true, 0.8, 0.95, 1e-6, 0, 0);
        org.layerloom.engine.project.OptimizerSettings merged = adam.training().applyTo(defaults.withOptimizer(sgd))
                .optimizer();
        assertThat(merged).isEqualTo(new org.layerloom.engine.project.OptimizerSettings(OptimizerKind.ADAM, 0.01, 0.5,
                true, 0.9, 0.999, 1e-8, 0, 0));
    }

    @Test
    void the_import_is_one_undoable_edit_that_replaces_the_canvas() {
        CodeImport result = read("model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))");
        org.layerloom.engine.testing.GraphBuilder builder = new org.layerloom.engine.testing.GraphBuilder();
        NetworkGraph canvas = builder.chain(builder.add(LayerKind.INPUT), builder.add(LayerKind.DENSE)).build();

        org.layerloom.engine.graph.edit.GraphEdit edit = result.replacing(canvas);
        NetworkGraph imported = edit.applyTo(canvas);

        assertThat(imported).isEqualTo(result.graph());
        assertThat(edit.inverted().applyTo(imported)).isEqualTo(canvas);
        assertThat(edit.description()).isEqualTo("Import code");
    }

    @Test
    void keras_input_dim_activation_functions_and_ignored_calls() {
        CodeImport result = read("""
                import tensorflow as tf
                model = tf.keras.Sequential()
                model.add(tf.keras.layers.Dense(12, input_dim=8, activation=tf.nn.relu, kernel_initializer='he_normal'))
                model.add(tf.keras.layers.Dense(3, activation=tf.keras.activations.softmax))
                model.summary()
                print(model.count_params())
                model.compile(optimizer=tf.keras.optimizers.Adam(0.01), loss=tf.keras.losses.categorical_crossentropy)
                """);
        NetworkGraph graph = result.graph();
        assertThat(ImportedChain.kinds(graph)).isEqualTo("Input Dense Dense Output");
        assertThat(graph.nodes().get(0).params().dims("shape")).containsExactly(8);
        assertThat(graph.nodes().get(1).params().choice("activation")).isEqualTo("relu");
        assertThat(result.notes()).anyMatch(n -> n.contains("ignored kernel_initializer"));
        assertThat(result.notes()).anyMatch(n -> n.contains("softmax moved into the Output"));
        assertThat(result.training().optimizer().orElseThrow().learningRate()).isEqualTo(0.01);
        assertValid(graph);
    }

    @Test
    void without_a_loss_the_last_layer_chooses_one_and_the_note_names_the_model_line() {
        CodeImport result = read("\n\nmodel = keras.Sequential([layers.Dense(3, activation='softmax', input_shape=(4,))])");
        assertThat(only(result.graph(), LayerKind.OUTPUT).params().choice("loss")).isEqualTo("softmax_cross_entropy");
        assertThat(ImportedChain.kinds(result.graph())).isEqualTo("Input Dense Output");
        assertThat(result.notes()).anyMatch(n -> n.startsWith("line 3: the last softmax moved"));
    }
}
