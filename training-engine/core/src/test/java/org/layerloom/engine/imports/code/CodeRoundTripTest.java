package org.layerloom.engine.imports.code;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.OptimizerSettings;
import org.layerloom.engine.project.TrainingSettings;

/** Graph, then each code printer, then the importer, gives the same graph (up to ids, names and positions). */
class CodeRoundTripTest {

    @Property(tries = 300)
    void keras_code_reads_back_as_the_same_graph(@ForAll long seed) {
        NetworkGraph graph = new ChainGraphs(seed, false).graph();
        PrintedCode printed = KerasCodePrinter.print(graph, TrainingSettings.defaults().withEpochs(9).withBatchSize(16));
        assertThat(printed.unsupported()).isEmpty();
        CodeImport imported = CodeImporter.read(printed.code(), CodeImportOptions.none());
        assertThat(imported.problems()).as(printed.code()).isEmpty();
        assertThat(ImportedChain.describe(imported.graph())).as(printed.code()).isEqualTo(ImportedChain.describe(graph));
        assertThat(imported.training().epochs().getAsInt()).isEqualTo(9);
        assertThat(imported.training().batchSize().getAsInt()).isEqualTo(16);
        assertThat(imported.training().optimizer().orElseThrow().learningRate())
                .isEqualTo(TrainingSettings.defaults().optimizer().learningRate());
    }

    @Property(tries = 200)
    void keras_functional_code_with_skip_connections_reads_back_as_the_same_graph(@ForAll long seed) {
        NetworkGraph graph = new BranchingGraphs(seed).graph();
        assertThat(GraphValidator.standard().validate(graph).errors()).isEmpty();
        PrintedCode printed = KerasCodePrinter.print(graph, TrainingSettings.defaults());
        assertThat(printed.unsupported()).isEmpty();
        assertThat(printed.code()).contains("keras.Model(");
        CodeImport imported = CodeImporter.read(printed.code(), CodeImportOptions.none());
        assertThat(imported.problems()).as(printed.code()).isEmpty();
        assertThat(ImportedChain.describe(imported.graph())).as(printed.code()).isEqualTo(ImportedChain.describe(graph));
    }

    @Property(tries = 300)
    void pytorch_code_reads_back_as_the_same_graph(@ForAll long seed) {
        NetworkGraph graph = new ChainGraphs(seed, true).graph();
        assertThat(GraphValidator.standard().validate(graph).errors()).isEmpty();
        PrintedCode printed = TorchCodePrinter.print(graph, TrainingSettings.defaults().withBatchSize(32));
        assertThat(printed.unsupported()).as(printed.code()).isEmpty();
        CodeImport imported = CodeImporter.read(printed.code(),
                CodeImportOptions.withInputShape(ChainGraphs.inputShape(graph)));
        assertThat(imported.problems()).as(printed.code()).isEmpty();
        assertThat(ImportedChain.describe(imported.graph())).as(printed.code()).isEqualTo(ImportedChain.describe(graph));
        assertThat(imported.training().batchSize().getAsInt()).isEqualTo(32);
        OptimizerSettings expected = TrainingSettings.defaults().optimizer();
        assertThat(imported.training().optimizer().orElseThrow())
                .extracting(OptimizerSettings::kind, OptimizerSettings::learningRate, OptimizerSettings::beta1,
                        OptimizerSettings::beta2, OptimizerSettings::epsilon, OptimizerSettings::weightDecay)
                .containsExactly(expected.kind(), expected.learningRate(), expected.beta1(), expected.beta2(),
                        expected.epsilon(), expected.weightDecay());
    }
}
