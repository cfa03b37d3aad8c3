package org.layerloom.app.train;

import org.layerloom.engine.text.Numbers;
import org.layerloom.engine.train.event.DataLoaded;

/**
 * The dashboard's message when a run's data has loaded with something to say: how many examples it trains on,
 * how many the loader used and what it left out by reason and place (the same sentence as {@code layerloom
 * train} prints), then the first of the loader's notes. Stateless; any thread.
 */
final class DataLoadedMessage {

    private DataLoadedMessage() {
    }

    static String of(DataLoaded event) {
        StringBuilder text = new StringBuilder("Training on ").append(Numbers.count(event.trainExamples()))
                .append(" examples of ").append(event.dataset()).append(". ").append(event.use().sentence());
        if (!event.notes().isEmpty()) {
            text.append(' ').append(event.notes().get(0));
            if (event.notes().size() > 1) {
                text.append(" (").append(event.notes().size() - 1).append(" more in the Data area's data doctor)");
            }
        }
        return text.toString();
    }
}
