package org.layerloom.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzWriterTest {

    @TempDir
    Path tmp;

    @Test
    void a_header_is_npy_1_0_with_the_data_aligned_to_64_bytes() {
        for (long[] shape : List.of(new long[] {3}, new long[] {2, 3}, new long[] {1000, 784}, new long[] {2, 3, 4, 5})) {
            int count = (int) java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
            byte[] header = NpzWriter.header(NpyArray.floats("w", shape, new float[count]));
            assertThat(header.length % 64).isZero();
            assertThat(new byte[] {header[0], header[6], header[7]}).containsExactly((byte) 0x93, 1, 0);
            assertThat(new String(header, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
            int length = (header[8] & 0xff) | (header[9] & 0xff) << 8;
            assertThat(length).isEqualTo(header.length - 10);
            String dict = new String(header, 10, length, StandardCharsets.US_ASCII);
            assertThat(dict).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': " + NpzWriter.tuple(shape)
                    + ", }").endsWith("\n");
        }
        assertThat(NpzWriter.tuple(new long[] {5})).isEqualTo("(5,)");
        assertThat(NpzWriter.tuple(new long[] {2, 3})).isEqualTo("(2, 3)");
    }

    @Test
    void entries_are_named_arrays_with_little_endian_values_and_the_same_bytes_each_time() throws Exception {
        NpyArray weights = NpyArray.floats("dense1.weight", new long[] {2, 2}, new float[] {1f, -2.5f, 3e-8f, 4f});
        NpyArray ids = NpyArray.longs("input", new long[] {1, 2}, new long[] {7, 1L << 40});
        Path file = tmp.resolve("a.npz");
        NpzWriter.write(file, List.of(weights, ids));
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                byte[] bytes = zip.readAllBytes();
                int start = 10 + ((bytes[8] & 0xff) | (bytes[9] & 0xff) << 8);
                ByteBuffer data = ByteBuffer.wrap(bytes, start, bytes.length - start).order(ByteOrder.LITTLE_ENDIAN);
                if (e.getName().startsWith("dense1")) {
                    assertThat(new float[] {data.getFloat(), data.getFloat(), data.getFloat(), data.getFloat()})
                            .containsExactly(1f, -2.5f, 3e-8f, 4f);
                } else {
                    assertThat(new long[] {data.getLong(), data.getLong()}).containsExactly(7, 1L << 40);
                }
            }
        }
        assertThat(names).containsExactly("dense1.weight.npy", "input.npy");
        Path again = tmp.resolve("b.npz");
        NpzWriter.write(again, List.of(weights, ids));
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void two_arrays_of_one_name_or_data_of_the_wrong_size_are_refused() {
        NpyArray a = NpyArray.floats("a", new long[] {1}, new float[] {1});
        assertThatThrownBy(() -> NpzWriter.write(tmp.resolve("x.npz"), List.of(a, a)))
                .hasMessageContaining("two arrays are called a");
        assertThatThrownBy(() -> NpyArray.floats("b", new long[] {2, 2}, new float[3]))
                .hasMessageContaining("do not hold shape [2, 2]");
    }

    @Test
    void strings_are_utf32_code_points_padded_to_the_longest_and_bytes_and_doubles_have_their_types() {
        NpyArray words = NpyArray.strings("vocabulary", List.of("<pad>", "é", "𝄞x"));
        assertThat(words.descr()).isEqualTo("<U5");
        assertThat(words.shape()).containsExactly(3);
        ByteBuffer data = ByteBuffer.wrap(words.data()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getInt(0)).isEqualTo('<');
        assertThat(data.getInt(5 * 4)).isEqualTo('é');
        assertThat(data.getInt(6 * 4)).isZero();
        assertThat(data.getInt(10 * 4)).isEqualTo(0x1D11E);
        assertThat(data.getInt(11 * 4)).isEqualTo('x');
        assertThat(NpyArray.bytes("x", new long[] {2, 2}, new byte[] {0, 1, (byte) 255, 3}).descr()).isEqualTo("|u1");
        NpyArray scalar = NpyArray.doubles("x_mean", new long[0], new double[] {0.1307});
        assertThat(NpzWriter.header(scalar)).asString(StandardCharsets.US_ASCII).contains("'<f8'", "'shape': ()");
        assertThatThrownBy(() -> new NpyArray("y", new long[] {1}, "<U0", new byte[0]))
                .hasMessageContaining("no NumPy type");
    }
}
