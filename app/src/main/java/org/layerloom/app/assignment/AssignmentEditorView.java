package org.layerloom.app.assignment;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerloom.editor.view.LockIcon;
import org.layerloom.engine.assignment.Assignment;
import org.layerloom.engine.assignment.Goal;
import org.layerloom.engine.assignment.Lock;
import org.layerloom.engine.graph.LayerKind;

/**
 * The teacher's view of a project's assignment (File &gt; Assignment…): the title, the instructions, the goals
 * with their values and the locks with their reasons. Apply hands the assignment to {@code apply} (one undoable
 * project edit); Remove hands it an empty one. JavaFX thread only.
 */
public final class AssignmentEditorView extends ScrollPane {

    private static final String STYLESHEET = "/org/layerloom/app/assignment/assignment.css";
    private static final String HIDE = "Hide a layer kind";
    private static final String FIX_SETTING = "Fix a setting";
    private static final String FIX_DATASET = "Fix the dataset";

    private final Supplier<Optional<Assignment>> current;
    private final Consumer<Optional<Assignment>> apply;
    private final TextField title = new TextField();
    private final TextArea instructions = new TextArea();
    private final ObservableList<Goal> goals = FXCollections.observableArrayList();
    private final ObservableList<Lock> locks = FXCollections.observableArrayList();
    private final ComboBox<GoalChoice> goalKind = new ComboBox<>(FXCollections.observableArrayList(GoalChoice.values()));
    private final TextField goalValue = new TextField();
    private final ComboBox<String> lockKind = new ComboBox<>(FXCollections.observableArrayList(HIDE, FIX_SETTING,
            FIX_DATASET));
    private final ComboBox<Object> lockTarget = new ComboBox<>();
    private final TextField lockReason = new TextField();
    private final Label problem = new Label();
    private Button removeButton;
    private Button removeLock;

    public AssignmentEditorView(Supplier<Optional<Assignment>> current, Consumer<Optional<Assignment>> apply) {
        this.current = current;
        this.apply = apply;
        setId("assignment-editor");
        getStylesheets().add(AssignmentEditorView.class.getResource(STYLESHEET).toExternalForm());
        Label heading = new Label("Assignment");
        heading.getStyleClass().add("assignment-editor-title");
        Label note = new Label("Students see the goals with a live ✓ or ✗ and the locks with your reasons. Apply saves"
                + " the assignment with the project (Ctrl+Z undoes it).");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        title.setId("assignment-title");
        title.setPromptText("Title, like \"CNN under 50k parameters\"");
        instructions.setId("assignment-instructions");
        instructions.setPromptText("# Task\nWhat to build, with **bold**, *italic*, `code` and \"- \" lists.");
        instructions.setPrefRowCount(6);
        instructions.setWrapText(true);
        problem.setId("assignment-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);

        VBox content = new VBox(8, heading, note, label("Title"), title, label("Instructions"), instructions,
                label("Goals"), goalList(), goalAdder(), label("Locks"), lockList(), lockAdder(), problem, buttons());
        content.getStyleClass().add("assignment-editor");
        setContent(content);
        setFitToWidth(true);
        load();
    }

    /** Shows the project's assignment as it is now. */
    public void load() {
        Assignment a = current.get().orElse(Assignment.empty());
        title.setText(a.title());
        instructions.setText(a.instructions());
        goals.setAll(a.goals());
        locks.setAll(a.locks());
        problem.setText("");
    }

    /** The assignment as the fields hold it. */
    public Assignment assignment() {
        return new Assignment(title.getText().strip(), instructions.getText(), List.copyOf(goals),
                List.copyOf(locks));
    }

    private ListView<Goal> goalList() {
        ListView<Goal> list = new ListView<>(goals);
        list.setId("assignment-goals");
        list.setPrefHeight(150);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Goal goal, boolean empty) {
                super.updateItem(goal, empty);
                setText(empty || goal == null ? null : goal.describe());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                goals.remove(list.getSelectionModel().getSelectedItem());
            }
        });
        removeButton = new Button("Remove goal");
        removeButton.setId("assignment-remove-goal");
        removeButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        removeButton.setOnAction(e -> goals.remove(list.getSelectionModel().getSelectedItem()));
        return list;
    }

    private HBox goalAdder() {
        goalKind.setId("assignment-goal-kind");
        goalKind.getSelectionModel().select(GoalChoice.MIN_TEST_ACCURACY);
        goalValue.setId("assignment-goal-value");
        goalValue.setPromptText(GoalChoice.MIN_TEST_ACCURACY.example());
        goalKind.valueProperty().addListener((o, was, is) -> goalValue.setPromptText(is.example()));
        Button add = new Button("Add goal");
        add.setId("assignment-add-goal");
        add.setOnAction(e -> addGoal());
        goalValue.setOnAction(e -> addGoal());
        HBox row = new HBox(6, goalKind, goalValue, add, removeButton);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(goalValue, Priority.ALWAYS);
        return row;
    }

    /** Adds the goal of the kind and value typed, or says why the value does not fit. */
    void addGoal() {
        GoalChoice.Result result = goalKind.getValue().parse(goalValue.getText().isBlank()
                ? goalKind.getValue().example() : goalValue.getText());
        result.goal().ifPresentOrElse(g -> {
            goals.add(g);
            goalValue.clear();
            problem.setText("");
        }, () -> problem.setText(result.problem()));
    }

    private ListView<Lock> lockList() {
        ListView<Lock> list = new ListView<>(locks);
        list.setId("assignment-locks");
        list.setPrefHeight(110);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Lock lock, boolean empty) {
                super.updateItem(lock, empty);
                setText(empty || lock == null ? null : lock.describe() + " — " + lock.reason());
                setGraphic(empty || lock == null ? null : LockIcon.create());
            }
        });
        removeLock = new Button("Remove lock");
        removeLock.setId("assignment-remove-lock");
        removeLock.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        removeLock.setOnAction(e -> locks.remove(list.getSelectionModel().getSelectedItem()));
        return list;
    }

    private HBox lockAdder() {
        lockKind.setId("assignment-lock-kind");
        lockTarget.setId("assignment-lock-target");
        lockReason.setId("assignment-lock-reason");
        lockReason.setPromptText("Reason for the student");
        lockKind.valueProperty().addListener((o, was, is) -> {
            lockTarget.getItems().setAll(HIDE.equals(is) ? List.of((Object[]) LayerKind.values())
                    : FIX_SETTING.equals(is) ? List.of((Object[]) Lock.Setting.values()) : List.of());
            lockTarget.setDisable(FIX_DATASET.equals(is));
            if (!lockTarget.getItems().isEmpty()) {
                lockTarget.getSelectionModel().select(0);
            }
        });
        lockTarget.setCellFactory(v -> targetCell());
        lockTarget.setButtonCell(targetCell());
        lockKind.getSelectionModel().select(FIX_DATASET);
        Button add = new Button("Add lock");
        add.setId("assignment-add-lock");
        add.setOnAction(e -> addLock());
        HBox row = new HBox(6, lockKind, lockTarget, lockReason, add, removeLock);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(lockReason, Priority.ALWAYS);
        return row;
    }

    private static ListCell<Object> targetCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item instanceof LayerKind k ? k.id()
                        : ((Lock.Setting) item).label());
            }
        };
    }

    /** Adds the lock chosen with its reason, or says that a reason is needed. */
    void addLock() {
        String reason = lockReason.getText().strip();
        if (reason.isEmpty()) {
            problem.setText("Give the student a reason for the lock, like \"Everyone uses the same data\".");
            return;
        }
        Object target = lockTarget.getValue();
        Lock lock = switch (lockKind.getValue()) {
            case HIDE -> new Lock.HiddenLayer((LayerKind) target, reason);
            case FIX_SETTING -> new Lock.FixedSetting((Lock.Setting) target, reason);
            default -> new Lock.FixedDataset(reason);
        };
        locks.add(lock);
        lockReason.clear();
        problem.setText("");
    }

    private HBox buttons() {
        Button applyButton = new Button("Apply");
        applyButton.setId("assignment-apply");
        applyButton.setDefaultButton(true);
        applyButton.setOnAction(e -> apply.accept(Optional.of(assignment())));
        Button remove = new Button("Remove assignment");
        remove.setId("assignment-remove");
        remove.setOnAction(e -> {
            apply.accept(Optional.empty());
            load();
        });
        Button revert = new Button("Revert");
        revert.setOnAction(e -> load());
        HBox row = new HBox(8, applyButton, revert, remove);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("goals-heading");
        return label;
    }
}
