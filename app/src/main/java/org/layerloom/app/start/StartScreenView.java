package org.layerloom.app.start;

import java.io.File;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.layerloom.app.data.PathChooser;
import org.layerloom.app.workspace.RecoveryStore;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.samples.Sample;

/**
 * The start screen: sample cards (a picture of the network, title, goal, level, what you learn, training
 * time), and on the left New project (blank or from a template), Open and the recent projects. Unsaved
 * work from a session that did not close properly shows as a banner with Restore and Discard.
 * JavaFX thread only; the model comes through the constructor.
 */
public final class StartScreenView extends BorderPane {

    private static final double CARD_WIDTH = 292;

    private final StartScreenViewModel model;
    private final VBox recentBox = new VBox(2);
    private final VBox banners = new VBox(8);
    private Runnable onSettings = () -> { };
    private Runnable onImport = () -> { };

    public StartScreenView(StartScreenViewModel model) {
        this(model, PathChooser.system());
    }

    /** With {@code chooser} answering the file choosers of "New project" (the system's in the app). */
    public StartScreenView(StartScreenViewModel model, PathChooser chooser) {
        this.model = model;
        getStyleClass().add("start-screen");
        setId("start-screen");
        setLeft(sidebar());
        ScrollPane samples = samplesArea();
        NewProjectView newProject = new NewProjectView(model.newProjectPage(), chooser, model::closeNewProject);
        setCenter(samples);
        model.newProjectShownProperty().addListener((obs, was, is) -> setCenter(is ? newProject : samples));
        model.recentProjects().addListener((javafx.collections.ListChangeListener<StartScreenViewModel.RecentEntry>) c -> showRecent());
        model.leftBehind().addListener((javafx.collections.ListChangeListener<RecoveryStore.Snapshot>) c -> showBanners());
        showRecent();
        showBanners();
        javafx.scene.input.KeyCombination settingsKey = javafx.scene.input.KeyCombination.keyCombination(
                "Shortcut+Comma");
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (settingsKey.match(e)) {
                e.consume();
                onSettings.run();
            }
        });
    }

    /**
     * What "Settings…" (and Ctrl+, / ⌘,) does on the start screen, where the main window's menus are not shown;
     * nothing until it is set.
     */
    public void setOnSettings(Runnable action) {
        onSettings = action == null ? () -> { } : action;
    }

    /** What "Import a model…" does: opens the import window over the start screen; nothing until it is set. */
    public void setOnImport(Runnable action) {
        onImport = action == null ? () -> { } : action;
    }

    private VBox sidebar() {
        Label brand = new Label("LayerLoom");
        brand.getStyleClass().add("brand");
        Label tagline = new Label("Build a neural network, train it, look inside.");
        tagline.getStyleClass().add("tagline");
        tagline.setWrapText(true);
        VBox.setMargin(tagline, new Insets(-8, 0, 12, 0));
        Label newTitle = heading("New project");
        VBox templates = new VBox(6);
        for (ProjectTemplate template : ProjectTemplate.values()) {
            Label name = new Label(template.title());
            name.getStyleClass().add("template-title");
            Label text = new Label(template.summary());
            text.getStyleClass().add("template-text");
            VBox content = new VBox(1, name, text);
            Button button = new Button(null, content);
            button.setId("new-" + template.name().toLowerCase(Locale.ROOT));
            button.getStyleClass().add("template-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setTooltip(new Tooltip(template.description() + " You choose the data first."));
            button.setOnAction(e -> model.newProject(template));
            templates.getChildren().add(button);
        }
        Button open = new Button("Open project…");
        open.setId("open-project");
        open.getStyleClass().add("accent-button");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> chooseFile());
        Hyperlink importModel = new Hyperlink("Import a model (Keras, PyTorch, ONNX)…");
        importModel.setId("start-import");
        importModel.setWrapText(true);
        importModel.setTooltip(new Tooltip("Paste Keras or PyTorch code, or open a .keras, .h5 or .onnx file: it"
                + " becomes a network you can edit and train."));
        importModel.setOnAction(e -> onImport.run());
        Label recentTitle = heading("Recent");
        recentBox.setId("recent-projects");
        Hyperlink settings = new Hyperlink("Settings…");
        settings.setId("start-settings");
        settings.setTooltip(new Tooltip("Theme, font size, device and threads, dataset folder, autosave ("
                + (System.getProperty("os.name", "").startsWith("Mac") ? "⌘," : "Ctrl+,") + ")"));
        settings.setOnAction(e -> onSettings.run());
        javafx.scene.layout.Region push = new javafx.scene.layout.Region();
        VBox.setVgrow(push, javafx.scene.layout.Priority.ALWAYS);
        VBox sidebar = new VBox(10, brand, tagline, newTitle, templates, open, importModel, recentTitle, recentBox, push,
                settings);
        sidebar.getStyleClass().add("start-sidebar");
        VBox.setMargin(recentTitle, new Insets(14, 0, 0, 0));
        return sidebar;
    }

    private ScrollPane samplesArea() {
        Label title = new Label("Learn by example");
        title.getStyleClass().add("start-title");
        Label subtitle = new Label("Open a sample: LayerLoom copies it into your LayerLoom folder, ready to train."
                + " The samples on generated data train offline in seconds.");
        subtitle.getStyleClass().add("muted");
        subtitle.setWrapText(true);
        FlowPane cards = new FlowPane(16, 16);
        cards.setId("sample-cards");
        LayerCatalog catalog = LayerCatalog.standard();
        for (StartScreenViewModel.SampleCard card : model.samples()) {
            cards.getChildren().add(card(card, catalog));
        }
        Label message = new Label();
        message.getStyleClass().add("start-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox content = new VBox(12, banners, title, subtitle, message, cards);
        content.setPadding(new Insets(24, 28, 28, 28));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("start-scroll");
        return scroll;
    }

    private VBox card(StartScreenViewModel.SampleCard card, LayerCatalog catalog) {
        Sample sample = card.sample();
        NetworkThumbnail picture = new NetworkThumbnail(card.graph(), catalog, CARD_WIDTH - 28, 74);
        Label title = new Label(sample.title());
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label goal = new Label(sample.goal());
        goal.setWrapText(true);
        goal.getStyleClass().add("card-goal");
        Label level = new Label(sample.level().label());
        level.getStyleClass().addAll("badge", "level-" + sample.level().name().toLowerCase(Locale.ROOT));
        Label time = new Label();
        time.textProperty().bind(model.timeText(sample));
        time.getStyleClass().addAll("badge", "sample-time");
        time.setId("time-" + sample.id());
        time.setTooltip(new Tooltip("The full training's time: measured on this computer once a few batches have"
                + " been timed, until then the figure for a typical laptop's processor"));
        FlowPane badges = new FlowPane(6, 4, level, time);
        level.setMinWidth(Region.USE_PREF_SIZE);
        time.setMinWidth(Region.USE_PREF_SIZE);
        if (sample.download()) {
            Label download = new Label("⇩ downloads data");
            download.getStyleClass().addAll("badge", "badge-download");
            download.setTooltip(new Tooltip("The dataset is downloaded once: press Download in the Data area (or"
                    + " import a folder that holds its files)."));
            download.setMinWidth(Region.USE_PREF_SIZE);
            badges.getChildren().add(download);
        }
        VBox learn = new VBox(2);
        Label learnTitle = new Label("You will learn");
        learnTitle.getStyleClass().add("card-section");
        learn.getChildren().add(learnTitle);
        for (String item : sample.learn()) {
            Label bullet = new Label("•  " + item);
            bullet.setWrapText(true);
            bullet.getStyleClass().add("card-bullet");
            learn.getChildren().add(bullet);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Open sample");
        open.getStyleClass().add("accent-button");
        open.setId("open-sample-" + sample.id());
        open.disableProperty().bind(model.busyProperty());
        open.setOnAction(e -> model.openSample(sample));
        HBox actions = new HBox(open);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(8, picture, title, goal, badges, learn, spacer, actions);
        box.getStyleClass().add("sample-card");
        // Width and height are in em in the stylesheet, so the cards grow with the font size setting.
        Tooltip.install(box, new Tooltip(sample.lesson().shows()));
        return box;
    }

    private void showRecent() {
        recentBox.getChildren().clear();
        if (model.recentProjects().isEmpty()) {
            Label none = new Label("Projects you open appear here.");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            recentBox.getChildren().add(none);
            return;
        }
        for (StartScreenViewModel.RecentEntry entry : model.recentProjects()) {
            Hyperlink link = new Hyperlink(entry.fileName() + (entry.missing() ? "  (missing)" : ""));
            link.getStyleClass().add(entry.missing() ? "recent-missing" : "recent-project");
            link.setWrapText(true);
            link.setTooltip(new Tooltip(entry.path().toString()));
            link.setOnAction(e -> model.openRecent(entry));
            recentBox.getChildren().add(link);
        }
    }

    private void showBanners() {
        banners.getChildren().clear();
        for (RecoveryStore.Snapshot snapshot : model.leftBehind()) {
            Label text = new Label("LayerLoom did not close properly last time. Unsaved work can be restored: "
                    + snapshot.describe() + ", a network of " + snapshot.project().graph().nodes().size()
                    + " layers; " + snapshot.recovered() + ".");
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button restore = new Button("Restore");
            restore.getStyleClass().add("accent-button");
            restore.setId("restore-work");
            restore.setOnAction(e -> model.restore(snapshot));
            Button discard = new Button("Discard");
            restore.setMinWidth(Region.USE_PREF_SIZE);
            discard.setMinWidth(Region.USE_PREF_SIZE);
            discard.setOnAction(e -> model.discard(snapshot));
            HBox banner = new HBox(10, text, restore, discard);
            banner.setAlignment(Pos.CENTER_LEFT);
            banner.getStyleClass().add("recovery-banner");
            banners.getChildren().add(banner);
        }
        banners.setVisible(!banners.getChildren().isEmpty());
        banners.setManaged(banners.isVisible());
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a LayerLoom project");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("LayerLoom projects (*.loom)", "*.loom"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            model.open(chosen.toPath());
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("sidebar-heading");
        return label;
    }
}
