package org.layerloom.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** {@link RowGather} picks the same rows, bit for bit and in the same shape, as DJL's advanced indexing. */
class RowGatherTest {

    @Test
    void picks_the_rows_of_images_token_ids_tables_and_labels_as_indexing_does() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray rows = manager.create(new long[] {4, 0, 4, 2, 1});
            NDArray images = manager.randomNormal(new Shape(6, 1, 3, 3));
            NDArray tokens = manager.randomInteger(0, 1000, new Shape(6, 7), DataType.INT64);
            NDArray table = manager.randomUniform(-1, 1, new Shape(6, 4));
            NDArray labels = manager.create(new long[] {3, 1, 4, 1, 5, 9});
            for (NDArray data : new NDArray[] {images, tokens, table, labels}) {
                try (RowGather gather = new RowGather(data)) {
                    NDArray picked = gather.rows(rows);
                    NDArray expected = data.get(rows);
                    assertThat(picked.getShape()).isEqualTo(expected.getShape());
                    assertThat(picked.getDataType()).isEqualTo(data.getDataType());
                    assertThat(picked.contentEquals(expected)).as(data.getShape().toString()).isTrue();
                }
            }
        }
    }

    @Test
    void an_empty_split_still_answers() {
        try (NDManager manager = NDManager.newBaseManager();
             RowGather gather = new RowGather(manager.zeros(new Shape(0, 3)))) {
            assertThat(gather.rows(manager.create(new long[0])).getShape()).isEqualTo(new Shape(0, 3));
        }
    }
}
