package org.layerloom.engine.train.coach;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One coach card: the situation, a plain-language title, a one-line reason with the numbers that made the
 * rule fire, what to try, the actions one click can apply (possibly none), and when it fired (epoch and
 * run step). Immutable; any thread.
 */
public record CoachAdvice(CoachSituation situation, String title, String reason, String suggestion,
                          List<CoachAction> actions, int epoch, long step) {

    public CoachAdvice {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(suggestion, "suggestion");
        actions = List.copyOf(actions);
    }

    /** The settings this card is about: those its actions change (none for text-only or graph advice). */
    public Set<Setting> settings() {
        return settingsOf(actions);
    }

    /** The settings {@code actions} change. */
    public static Set<Setting> settingsOf(List<CoachAction> actions) {
        Set<Setting> settings = EnumSet.noneOf(Setting.class);
        for (CoachAction action : actions) {
            if (action instanceof SettingChange change) {
                settings.add(change.setting());
            }
        }
        return settings;
    }

    /** This advice with only {@code kept} of its actions. */
    CoachAdvice withActions(List<CoachAction> kept) {
        return new CoachAdvice(situation, title, reason, suggestion, kept, epoch, step);
    }
}
