package org.layerloom.app.ui;

/**
 * The four areas of the main window, in the order a student moves through them: choose the data, build
 * the model, train it, look inside it. Immutable; any thread.
 */
public enum Area {
    DATA("Data", "Choose and preview the examples the network learns from"),
    MODEL("Model", "Build the network layer by layer"),
    TRAIN("Train", "Train the network and watch it learn"),
    INSPECT("Inspect", "Look inside the trained network");

    private final String title;
    private final String hint;

    Area(String title, String hint) {
        this.title = title;
        this.hint = hint;
    }

    public String title() {
        return title;
    }

    /** One sentence for the tooltip of the area's button. */
    public String hint() {
        return hint;
    }

    /** The digit of its shortcut (Ctrl+1 for Data ... Ctrl+4 for Inspect). */
    public int number() {
        return ordinal() + 1;
    }
}
