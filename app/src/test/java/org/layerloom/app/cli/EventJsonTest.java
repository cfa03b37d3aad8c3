package org.layerloom.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.data.DataUse;
import org.layerloom.engine.data.LeftOut;
import org.layerloom.engine.data.LeftOutReason;
import org.layerloom.engine.tensor.FloatTensor;
import org.layerloom.engine.train.event.ActivationsCaptured;
import org.layerloom.engine.train.event.BatchEnded;
import org.layerloom.engine.train.event.DataLoaded;
import org.layerloom.engine.train.event.DataProgress;
import org.layerloom.engine.train.event.DecisionMap;
import org.layerloom.engine.train.event.DecisionMapCaptured;
import org.layerloom.engine.train.event.EmbeddingProjected;
import org.layerloom.engine.train.event.EmbeddingProjection;
import org.layerloom.engine.train.event.LayerHealth;
import org.layerloom.engine.train.event.LayerHealthCaptured;
import org.layerloom.engine.train.event.NodeActivation;
import org.layerloom.engine.train.event.NotFiniteCause;
import org.layerloom.engine.train.event.OutputNotFinite;
import org.layerloom.engine.train.event.PlaneBounds;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TestProgress;
import org.layerloom.engine.train.event.WeightHistogram;

class EventJsonTest {

    @Test
    void health_is_one_json_line_with_nulls_for_numbers_that_do_not_apply() throws Exception {
        LayerHealthCaptured health = new LayerHealthCaptured(1, 50, 50, List.of(
                new LayerHealth("conv1", "Conv2D", "relu", 0.5, 0.25, 0.4, 0.0, Double.NaN, 0.3, 2.0, 1e-3,
                        new WeightHistogram(-1, 1, new int[] {2, 3})),
                new LayerHealth("pool1", "MaxPool2D", "none", 0.6, 0.2, 0.3, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, WeightHistogram.EMPTY)), 3.5);
        assertThat(EventJson.printed(health)).isTrue();
        JsonNode json = new ObjectMapper().readTree(EventJson.line(health));
        assertThat(json.get("event").asText()).isEqualTo("health");
        assertThat(json.get("batch").asInt()).isEqualTo(50);
        assertThat(json.get("captureMillis").asDouble()).isEqualTo(3.5);
        JsonNode conv = json.get("layers").get(0);
        assertThat(conv.get("nodeId").asText()).isEqualTo("conv1");
        assertThat(conv.get("updateRatio").asDouble()).isEqualTo(1e-3);
        assertThat(conv.get("saturatedFraction").isNull()).isTrue();
        assertThat(conv.get("weights").get("counts").get(1).asInt()).isEqualTo(3);
        assertThat(json.get("layers").get(1).get("gradientNorm").isNull()).isTrue();
    }

    @Test
    void the_loading_of_the_dataset_is_printed_as_data_and_data_loaded_lines() {
        assertThat(EventJson.line(new DataProgress("Reading train-images-idx3-ubyte.gz", 1024, 0)))
                .isEqualTo("{\"event\":\"data\",\"step\":\"Reading train-images-idx3-ubyte.gz\",\"done\":1024,"
                        + "\"total\":0}");
        assertThat(EventJson.line(new DataLoaded("MNIST", 54_000, 6_000, 10_000, 3.4)))
                .isEqualTo("{\"event\":\"data-loaded\",\"dataset\":\"MNIST\",\"trainExamples\":54000,"
                        + "\"validationExamples\":6000,\"testExamples\":10000,\"seconds\":3.4,\"notes\":[],"
                        + "\"use\":{\"unit\":\"example\",\"used\":70000,\"counted\":false},"
                        + "\"useSentence\":\"70,000 examples used.\"}");
        assertThat(EventJson.line(new DataLoaded("flowers.csv", 100, 10, 10, 0.1,
                List.of("2 rows were left out: row 7 (empty 'petal width'), row 9 (empty 'species')."),
                DataUse.counted("row", 120, List.of(new LeftOut(LeftOutReason.MISSING_VALUE, 2,
                        List.of("flowers.csv line 7", "flowers.csv line 9")))))))
                .endsWith(",\"notes\":[\"2 rows were left out: row 7 (empty 'petal width'), row 9 (empty 'species').\"],"
                        + "\"use\":{\"unit\":\"row\",\"used\":120,\"counted\":true,\"total\":122,\"leftOut\":2,"
                        + "\"byReason\":[{\"reason\":\"missing-value\",\"count\":2,\"places\":[\"flowers.csv line 7\","
                        + "\"flowers.csv line 9\"]}]},\"useSentence\":\"120 of 122 rows used; 2 left out: 2 with an empty "
                        + "cell (flowers.csv lines 7, 9).\"}");
    }

    @Test
    void previews_maps_and_embeddings_are_not_printed() {
        ActivationsCaptured previews = new ActivationsCaptured(1, 50, 50,
                List.of(new NodeActivation("input", FloatTensor.vector(1, 2))));
        assertThat(EventJson.printed(previews)).isFalse();
        assertThat(EventJson.printed(new DecisionMapCaptured(1, 50, 50, new DecisionMap(new PlaneBounds(0, 1, 0, 1),
                new FloatTensor(new int[] {1, 1, 2}, new float[] {0.5f, 0.5f}), java.util.Map.of())))).isFalse();
        assertThat(EventJson.printed(new EmbeddingProjected(1, EmbeddingProjection.of("hidden", new float[] {1},
                new float[] {2}, new int[] {0}, new int[] {4}, new double[] {0.9, 0.1})))).isFalse();
    }

    @Test
    void started_batch_and_not_finite_lines_keep_every_field_in_record_order() {
        assertThat(EventJson.line(new TestProgress(40, 100))).isEqualTo(
                "{\"event\":\"testing\",\"examplesDone\":40,\"examples\":100}");
        assertThat(EventJson.line(RunStarted.builder().setRunId("r").setEpochs(3, 10).optDevice("cpu", 2)
                .optExamples(640, 64).optParameters(100).build())).isEqualTo("{\"event\":\"started\",\"runId\":\"r\","
                + "\"device\":\"cpu\",\"threads\":2,\"epochs\":3,\"batchesPerEpoch\":10,\"trainExamples\":640,"
                + "\"validationExamples\":64,\"parameters\":100,\"firstEpoch\":1,\"firstBatch\":1,\"untilStopped\":false,"
                + "\"resumed\":false}");
        assertThat(EventJson.line(BatchEnded.builder().setBatch(1, 2, 10).setStep(2).setLoss(0.5)
                .setLearningRate(0.01).setSamplesPerSecond(1000).build())).isEqualTo("{\"event\":\"batch\",\"epoch\":1,"
                + "\"batch\":2,\"batchesInEpoch\":10,\"loss\":0.5,\"accuracy\":null,\"learningRate\":0.01,"
                + "\"samplesPerSecond\":1000.0,\"step\":2}");
        assertThat(EventJson.line(OutputNotFinite.builder().setBatch(1, 1).setCause(NotFiniteCause.LAYER)
                .optNode("dense1", "Dense 1", "Dense").setValue("NaN").build())).isEqualTo("{\"event\":\"not-finite\","
                + "\"epoch\":1,\"batch\":1,\"updates\":0,\"cause\":\"LAYER\",\"nodeId\":\"dense1\",\"nodeName\":\"Dense 1\","
                + "\"layerKind\":\"Dense\",\"parameter\":\"\",\"value\":\"NaN\",\"dataWhere\":\"\"}");
    }
}
