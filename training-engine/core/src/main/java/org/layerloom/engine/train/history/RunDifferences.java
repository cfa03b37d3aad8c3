package org.layerloom.engine.train.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.project.Project;
import org.layerloom.engine.project.TrainingSettings;

/**
 * Compares saved runs' projects and names what differs: training settings (optimizer, learning rate,
 * batch size, epochs, weight decay, schedule, seed, validation split, dataset), layers added or removed
 * ("Dropout added"), and settings of the same layer ("Hidden units 64 vs 128"). Runs whose project could
 * not be read are compared by nothing and labelled by their id. Stateless; any thread.
 */
public final class RunDifferences {

    /** A fact about a run: what it is about (the prefix shown) and its value. */
    private record Fact(String prefix, String value) {
        String shown() {
            return prefix.isEmpty() ? value : prefix + " " + value;
        }
    }

    private static final String NONE = "none";

    private RunDifferences() {
    }

    /** Compares {@code runs}, given earliest first (so a layer in a later run only is "added"). */
    public static RunComparison compare(List<RunSummary> runs) {
        List<Map<String, Fact>> facts = runs.stream().map(r -> r.project().map(RunDifferences::facts)
                .orElse(Map.of())).toList();
        Set<String> keys = new LinkedHashSet<>();
        facts.forEach(f -> keys.addAll(f.keySet()));
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            Set<String> values = new LinkedHashSet<>();
            boolean everywhere = true;
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i).project().isPresent()) {
                    Fact fact = facts.get(i).get(key);
                    everywhere &= fact != null;
                    values.add(fact == null ? NONE : fact.value());
                }
            }
            // A setting of a layer that only some runs have is told by "added"/"removed" already.
            if (values.size() > 1 && (everywhere || !key.startsWith("node:"))) {
                differing.add(key);
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (String key : differing) {
                Fact fact = facts.get(i).get(key);
                parts.add(fact == null ? (key.startsWith("kind:") ? "no " + key.substring(5) : NONE)
                        : fact.shown());
            }
            labels.add(parts.isEmpty() || runs.get(i).project().isEmpty() ? runs.get(i).id()
                    : String.join(" · ", parts));
        }
        List<String> sentences = new ArrayList<>();
        for (String key : differing) {
            sentences.add(sentence(key, runs, facts));
        }
        return new RunComparison(labels, sentences);
    }

    private static String sentence(String key, List<RunSummary> runs, List<Map<String, Fact>> facts) {
        if (key.startsWith("kind:")) {
            String kind = key.substring(5);
            if (runs.size() == 2 && facts.get(0).get(key) == null) {
                return kind + " added";
            }
            if (runs.size() == 2 && facts.get(1).get(key) == null) {
                return kind + " removed";
            }
        }
        String prefix = "";
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).project().isEmpty()) {
                continue;
            }
            Fact fact = facts.get(i).get(key);
            if (fact != null) {
                prefix = fact.prefix();
            }
            values.add(fact == null ? (key.startsWith("kind:") ? "0" : NONE) : fact.value());
        }
        if (key.startsWith("kind:")) {
            return "number of " + key.substring(5) + " layers " + String.join(" vs ", values);
        }
        return (prefix.isEmpty() ? "" : prefix + " ") + String.join(" vs ", values);
    }

    private static Map<String, Fact> facts(Project project) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        TrainingSettings t = project.training();
        facts.put("dataset", new Fact("data", project.dataset().source()
                + (project.dataset().options().isEmpty() ? "" : " " + project.dataset().options())));
        facts.put("optimizer", new Fact("", t.optimizer().kind().id()));
        facts.put("lr", new Fact("lr", number(t.optimizer().learningRate())));
        facts.put("batch", new Fact("batch", Integer.toString(t.batchSize())));
        facts.put("epochs", new Fact("epochs", Integer.toString(t.epochs())));
        facts.put("decay", new Fact("weight decay", number(t.optimizer().weightDecay())));
        facts.put("schedule", new Fact("schedule", t.schedule().kind().name().toLowerCase(java.util.Locale.ROOT)));
        facts.put("seed", new Fact("seed", Long.toString(t.seed())));
        facts.put("validation", new Fact("validation", number(t.validationSplit())));
        Map<LayerKind, Integer> kinds = new EnumMap<>(LayerKind.class);
        for (Node node : project.graph().nodes()) {
            kinds.merge(node.kind(), 1, Integer::sum);
        }
        kinds.forEach((kind, count) -> facts.put("kind:" + kind.id(), new Fact("",
                count == 1 ? kind.id() : count + " " + kind.id())));
        for (Node node : project.graph().nodes()) {
            node.params().values().forEach((param, value) -> facts.put(
                    "node:" + node.id() + ":" + node.kind().id() + ":" + param,
                    new Fact(node.name() + " " + param, value.display())));
        }
        return facts;
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Objects.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
