package org.layerloom.charts.confusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConfusionMatrixViewTest {

    private ConfusionMatrixView view;
    private final List<int[]> chosen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new ConfusionMatrixView();
        view.setOnCellChosen((actual, predicted) -> chosen.add(new int[] {actual, predicted}));
        view.setMatrix(List.of("cat", "dog", "bird"), new int[][] {{50, 3, 0}, {7, 40, 1}, {0, 2, 47}},
                new double[] {50 / 57.0, 40 / 45.0, 47 / 48.0}, new double[] {50 / 53.0, 40 / 48.0, 47 / 49.0});
        stage.setScene(new Scene(view, 500, 300));
        stage.show();
    }

    @Test
    void cells_show_counts_and_the_metrics_show_percentages(FxRobot robot) {
        assertThat(robot.lookup(".confusion-cell").queryAll()).hasSize(9);
        assertThat(view.count(1, 0)).isEqualTo(7);
        assertThat(robot.lookup(".confusion-metric").queryAll()).extracting(n -> ((Label) n).getText())
                .contains("94 %", "83 %", "88 %");
    }

    @Test
    void clicking_a_cell_names_its_actual_and_predicted_class(FxRobot robot) {
        Node cell = robot.lookup(".confusion-cell").match(n -> Integer.valueOf(1).equals(n.getProperties().get("actual"))
                && Integer.valueOf(0).equals(n.getProperties().get("predicted"))).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosen).hasSize(1);
        assertThat(chosen.get(0)).containsExactly(1, 0);
    }

    @Test
    void sizes_that_do_not_agree_are_refused() {
        assertThatThrownBy(() -> view.setMatrix(List.of("a", "b"), new int[][] {{1, 2}}, new double[2],
                new double[2])).isInstanceOf(IllegalArgumentException.class);
    }
}
