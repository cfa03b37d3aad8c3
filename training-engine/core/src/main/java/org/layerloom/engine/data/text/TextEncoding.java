package org.layerloom.engine.data.text;

import java.util.List;
import java.util.Objects;

/**
 * How a text dataset turns a text into the token ids its network reads: the tokenizer, the vocabulary
 * built on the training texts, the length every text is cut or padded to, and on which side the padding
 * goes. Lets the inspect view read a sentence the student types and show token ids as words. Immutable;
 * any thread.
 */
public final class TextEncoding {

    private final Tokenizer tokenizer;
    private final Vocabulary vocabulary;
    private final int length;
    private final boolean padStart;

    public TextEncoding(Tokenizer tokenizer, Vocabulary vocabulary, int length, boolean padStart) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        if (length < 1) {
            throw new IllegalArgumentException("a text is at least one token long, not " + length);
        }
        this.length = length;
        this.padStart = padStart;
    }

    /** The words of {@code text} as the network sees them (lower-cased if the dataset does so). */
    public List<String> tokens(String text) {
        return tokenizer.tokens(text);
    }

    /** The {@link #length()} token ids of {@code text}: its first words, padded with id 0. */
    public int[] encode(String text) {
        int[] ids = new int[length];
        encodeInto(tokens(text), ids, 0);
        return ids;
    }

    /**
     * Writes the ids of {@code tokens} into {@code ids} from {@code offset} ({@link #length()} places) and
     * returns how many of them are not in the vocabulary.
     */
    int encodeInto(List<String> tokens, int[] ids, int offset) {
        int start = offset + (padStart ? Math.max(0, length - tokens.size()) : 0);
        int unknown = 0;
        for (int t = 0; t < tokens.size(); t++) {
            int id = vocabulary.id(tokens.get(t));
            unknown += id == Vocabulary.OOV_ID ? 1 : 0;
            if (t < length) {
                ids[start + t] = id;
            }
        }
        return unknown;
    }

    /** The word of token {@code id}: a vocabulary word, {@link Vocabulary#PAD} or {@link Vocabulary#OOV}. */
    public String word(int id) {
        return vocabulary.word(id);
    }

    public int length() {
        return length;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
