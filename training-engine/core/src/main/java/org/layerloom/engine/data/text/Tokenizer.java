package org.layerloom.engine.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence into words: runs of letters and digits (any script), keeping an apostrophe inside a word
 * ("don't"); punctuation and spaces separate words and are dropped. Optionally lower-cases first.
 * Immutable; any thread.
 */
public record Tokenizer(boolean lowerCase) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");

    public List<String> tokens(String text) {
        String t = lowerCase ? text.toLowerCase(Locale.ROOT) : text;
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(t);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
