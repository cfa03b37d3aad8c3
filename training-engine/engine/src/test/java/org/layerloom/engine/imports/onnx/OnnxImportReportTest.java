package org.layerloom.engine.imports.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import onnx.Onnx.ModelProto;
import onnx.Onnx.TensorProto;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.export.OnnxImportExportCases;
import org.layerloom.engine.graph.NetworkGraph;

/**
 * The report of a LayerLoom export's import names what ONNX could not hold and what each name group
 * became; and the round-trip checks catch a damaged export (negative controls: an LSTM whose ONNX gate
 * blocks are swapped, a Dense whose weight is nudged by one ulp).
 */
class OnnxImportReportTest {

    private static NetworkGraph sample(String name) throws Exception {
        Map<String, NetworkGraph> all = OnnxImportExportCases.all();
        return all.get("sample " + name);
    }

    @Test
    void dropout_rates_and_batchnorm_momentum_are_reported_as_lost_with_their_defaults() throws Exception {
        OnnxImportRoundTrip trip = OnnxImportRoundTrip.of("fashion", sample("fashion-cnn"), 3);
        System.out.println("Import report of the fashion-cnn export:\n  " + String.join("\n  ",
                trip.imported.report().stream().map(OnnxImportNote::toString).toList()));

        assertThat(trip.imported.notes(OnnxImportNote.Kind.LOST)).extracting(OnnxImportNote::message)
                .anySatisfy(m -> assertThat(m).startsWith("dropout1 'rate'").contains("0.5, the catalog default"))
                .anySatisfy(m -> assertThat(m).startsWith("batchnorm1 'momentum'").contains("0.1"));
        assertThat(trip.imported.graph().orElseThrow().requireNode("dropout1").params().realValue("rate")).isEqualTo(0.5);
        assertThat(trip.imported.notes(OnnxImportNote.Kind.MAPPED)).extracting(OnnxImportNote::message)
                .anySatisfy(m -> assertThat(m).contains("became Conv2D conv2d1"));
    }

    @Test
    void swapped_lstm_gate_blocks_change_the_imported_weights_and_outputs() throws Exception {
        OnnxImportRoundTrip trip = OnnxImportRoundTrip.of("sentiment", sample("sentiment-lstm"), 5);
        assertThat(trip.differingWeights()).isEmpty();

        ModelProto.Builder model = ModelProto.parseFrom(trip.onnx).toBuilder();
        for (TensorProto.Builder t : model.getGraphBuilder().getInitializerBuilderList()) {
            if (t.getName().equals("lstm1/W")) {
                t.setRawData(swapFirstTwoBlocks(t.getRawData(), 4));
            }
        }
        OnnxImportRoundTrip damaged = trip.withImport(OnnxImporter.read(model.build().toByteArray()));

        assertThat(damaged.differingWeights()).containsExactly("lstm1.weight_ih_l0");
        assertThat(damaged.largestOutputDifference(5)).isGreaterThan(1e-4);
    }

    @Test
    void a_dense_weight_one_ulp_off_is_not_bit_identical() throws Exception {
        OnnxImportRoundTrip trip = OnnxImportRoundTrip.of("spirals", sample("spirals"), 9);
        ModelProto.Builder model = ModelProto.parseFrom(trip.onnx).toBuilder();
        TensorProto.Builder w = model.getGraphBuilder().getInitializerBuilderList().stream()
                .filter(t -> t.getName().equals("dense1.weight")).findFirst().orElseThrow();
        ByteBuffer bytes = ByteBuffer.wrap(w.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putFloat(0, Math.nextUp(bytes.getFloat(0)));
        w.setRawData(ByteString.copyFrom(bytes.array()));
        OnnxImportRoundTrip damaged = trip.withImport(OnnxImporter.read(model.build().toByteArray()));

        assertThat(damaged.differingWeights()).containsExactly("dense1.weight");
        assertThat(damaged.largestWeightDifference()).isGreaterThan(0);
    }

    /** The raw float data with its first two of {@code blocks} equal blocks exchanged. */
    private static ByteString swapFirstTwoBlocks(ByteString raw, int blocks) {
        byte[] b = raw.toByteArray();
        int size = b.length / blocks;
        byte[] swapped = b.clone();
        System.arraycopy(b, 0, swapped, size, size);
        System.arraycopy(b, size, swapped, 0, size);
        return ByteString.copyFrom(swapped);
    }
}
