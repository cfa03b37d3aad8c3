package org.layerloom.engine.data.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word ↔ token id for an Embedding: id 0 is padding ({@value #PAD}), id 1 stands for every word not in the
 * vocabulary ({@value #OOV}), then the most frequent training words (ties alphabetical) up to a size limit
 * that counts the two special tokens. The size is always that limit (ids no word uses stay free), so the
 * Embedding's vocabulary can be set to the option's value whatever the data. Built from the training split
 * only. Immutable; any thread.
 */
public final class Vocabulary {

    public static final String PAD = "<pad>";
    public static final String OOV = "<unk>";
    public static final int PAD_ID = 0;
    public static final int OOV_ID = 1;

    private final List<String> words;
    private final Map<String, Integer> ids;
    private final int distinctSeen;
    private final int capacity;

    private Vocabulary(List<String> words, int distinctSeen, int capacity) {
        this.capacity = capacity;
        this.words = List.copyOf(words);
        this.ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
        this.distinctSeen = distinctSeen;
    }

    /** The {@code maxSize} − 2 most frequent words of {@code sentences} plus the two special tokens. */
    public static Vocabulary build(Collection<List<String>> sentences, int maxSize) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> sentence : sentences) {
            for (String w : sentence) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : b.getValue() - a.getValue());
        List<String> words = new ArrayList<>(List.of(PAD, OOV));
        for (int i = 0; i < sorted.size() && words.size() < maxSize; i++) {
            words.add(sorted.get(i).getKey());
        }
        return new Vocabulary(words, counts.size(), Math.max(maxSize, words.size()));
    }

    /** Number of ids, including padding and out-of-vocabulary: the Embedding's vocabulary size. */
    public int size() {
        return capacity;
    }

    /** Number of ids that stand for a word (or padding or unknown); at most {@link #size()}. */
    public int wordsKept() {
        return words.size();
    }

    /** How many different words the training texts held (more than fit when the limit cut some). */
    public int distinctWordsSeen() {
        return distinctSeen;
    }

    public int id(String word) {
        return ids.getOrDefault(word, OOV_ID);
    }

    public String word(int id) {
        return id < words.size() ? words.get(id) : "<unused>";
    }

    /** The first {@code count} words after the special tokens, most frequent first. */
    public List<String> mostFrequent(int count) {
        return words.subList(2, Math.min(words.size(), 2 + count));
    }
}
