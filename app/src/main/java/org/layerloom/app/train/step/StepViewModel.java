package org.layerloom.app.train.step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerloom.engine.train.WeightWatch;
import org.layerloom.engine.train.event.BatchStepped;
import org.layerloom.engine.train.event.RunStarted;
import org.layerloom.engine.train.event.TrainingEventVisitor;
import org.layerloom.engine.train.event.WeightStep;

/**
 * The step view's state: the last batch trained as a step ({@link BatchStepped}) with its worked update, the
 * network's trainable parameters (known from the first step) and the weight element the student chose to watch,
 * which goes to the run through {@code watch} and is recorded from the next step on. Reads the run's events as a
 * {@link TrainingEventVisitor}. JavaFX thread only; testable without the toolkit.
 */
public final class StepViewModel implements TrainingEventVisitor {

    private final Consumer<WeightWatch> watch;
    private final ObjectProperty<BatchStepped> last = new SimpleObjectProperty<>(this, "last");
    private final ObservableList<String> parameters = FXCollections.observableArrayList();
    private final Map<String, List<Integer>> shapes = new LinkedHashMap<>();
    private final ObjectProperty<WeightWatch> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private ParameterNames names = new ParameterNames(Map.of());

    /** @param watch hands a chosen weight to the current and later runs (the dashboard's) */
    public StepViewModel(Consumer<WeightWatch> watch) {
        this.watch = Objects.requireNonNull(watch, "watch");
    }

    /** Names the parameters after the nodes of the network being trained (its node names by id). */
    public void setNodeNames(Map<String, String> nodeNames) {
        names = new ParameterNames(nodeNames);
    }

    /** The student's name of a parameter, e.g. "Dense 1 · weight". */
    public String displayName(String parameter) {
        return names.display(parameter);
    }

    @Override
    public void runStarted(RunStarted event) {
        last.set(null);
    }

    @Override
    public void batchStepped(BatchStepped event) {
        if (!shapes.equals(event.parameters())) {
            shapes.clear();
            shapes.putAll(event.parameters());
            parameters.setAll(shapes.keySet());
        }
        WeightWatch recorded = watchOf(event.weight());
        if (chosen.get() == null || !shapes.containsKey(chosen.get().parameter())) {
            chosen.set(recorded);
        }
        last.set(event);
    }

    /**
     * Watches element {@code index} (one number per dimension) of {@code parameter} from the next step on; a
     * parameter the network lacks or an index outside it is refused with a message in {@link #problemProperty()}.
     * Returns whether it was taken.
     */
    public boolean choose(String parameter, int[] index) {
        List<Integer> shape = shapes.get(parameter);
        if (shape == null) {
            problem.set("Train one step first: then the network's weights can be picked.");
            return false;
        }
        try {
            WeightWatch weight = WeightWatch.at(parameter, shape(parameter), index);
            problem.set("");
            chosen.set(weight);
            watch.accept(weight);
            return true;
        } catch (IllegalArgumentException e) {
            problem.set("That weight does not exist: " + e.getMessage() + ".");
            return false;
        }
    }

    /** The shape of {@code parameter}, or an empty array when it is unknown. */
    public int[] shape(String parameter) {
        List<Integer> shape = shapes.get(parameter);
        return shape == null ? new int[0] : shape.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of the chosen weight, one number per dimension (empty when none is chosen). */
    public int[] chosenIndex() {
        WeightWatch weight = chosen.get();
        return weight == null ? new int[0] : WeightWatch.coordinates(weight.flatIndex(), shape(weight.parameter()));
    }

    /** Whether the last step shows another weight than the chosen one (it is shown from the next step). */
    public boolean choiceIsPending() {
        BatchStepped step = last.get();
        return step != null && chosen.get() != null && !chosen.get().equals(watchOf(step.weight()));
    }

    /** What each dimension of a parameter shaped like this counts: a Dense weight's unit and input, a kernel's... */
    public static List<String> dimensionNames(int rank) {
        return switch (rank) {
            case 1 -> List.of("unit");
            case 2 -> List.of("unit", "input");
            case 3 -> List.of("filter", "channel", "position");
            case 4 -> List.of("filter", "channel", "row", "column");
            default -> {
                List<String> names = new ArrayList<>();
                for (int d = 1; d <= rank; d++) {
                    names.add("dimension " + d);
                }
                yield names;
            }
        };
    }

    private WeightWatch watchOf(WeightStep weight) {
        int[] index = weight.index().stream().mapToInt(Integer::intValue).toArray();
        return WeightWatch.at(weight.parameter(), shape(weight.parameter()), index);
    }

    /** The last step, or null before the first step of the run. */
    public ReadOnlyObjectProperty<BatchStepped> lastProperty() {
        return last;
    }

    /** The network's trainable parameters by name, in the network's order (empty before the first step). */
    public ObservableList<String> parameters() {
        return FXCollections.unmodifiableObservableList(parameters);
    }

    /** The weight chosen to watch (the engine's default, the first weight, until the student picks one). */
    public ReadOnlyObjectProperty<WeightWatch> chosenProperty() {
        return chosen;
    }

    /** Why the last choice was refused, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
