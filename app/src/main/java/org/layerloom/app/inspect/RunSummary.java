package org.layerloom.app.inspect;

import java.util.List;
import org.layerloom.engine.data.text.TextEncoding;

/**
 * What the inspect views need to know about an opened run to choose their pictures: its id and project
 * name, the shape of one example, whether it reads token ids, the class names, which layers it has, how
 * many test examples were loaded, and why the data could not be loaded (empty when it could).
 * Immutable; any thread.
 *
 * @param exampleShape one example's dimensions without the batch axis, e.g. {@code [1, 28, 28]}
 * @param denseNodes   the Dense nodes whose weights can be shown, in running order
 * @param data         whether the run's own data loaded, and if not why and what the student can do
 * @param black        the input value of a black pixel in the run's data (its smallest test value; 0 without data)
 * @param white        the input value of a white pixel (its largest test value; 1 without data)
 * @param nodeNames    the student's name of each node, by node id
 * @param text         how the run's dataset turns a text into token ids (null: not a text dataset)
 * @param featureNames the dataset's names of the input values of a vector example (e.g. "petal length"), or empty
 */
public record RunSummary(String runId, String projectName, int[] exampleShape, boolean readsTokens,
                         List<String> classNames, boolean hasConvolution, List<String> denseNodes, int testCount,
                         DataAccess data, double black, double white,
                         java.util.Map<String, String> nodeNames, TextEncoding text, List<String> featureNames) {

    public RunSummary {
        exampleShape = exampleShape.clone();
        classNames = List.copyOf(classNames);
        denseNodes = List.copyOf(denseNodes);
        nodeNames = java.util.Map.copyOf(nodeNames);
        featureNames = List.copyOf(featureNames);
    }

    /** A sentence for the student when the run's data could not be loaded, else empty. */
    public String dataProblem() {
        return data.problem();
    }

    /**
     * The name of input value {@code index} of a vector example: the dataset's name for it when it has one,
     * else x₁, x₂, … (mathematical subscripts, as on the decision map's axes).
     */
    public String inputName(int index) {
        if (featureNames.size() == size() && index >= 0 && index < featureNames.size()) {
            return featureNames.get(index);
        }
        StringBuilder name = new StringBuilder("x");
        for (char digit : Integer.toString(index + 1).toCharArray()) {
            name.append((char) ('\u2080' + (digit - '0')));
        }
        return name.toString();
    }

    /** The names of every input value, see {@link #inputName}. */
    public List<String> inputNames() {
        List<String> names = new java.util.ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            names.add(inputName(i));
        }
        return names;
    }

    /** Whether the student can type a sentence for the network (it reads the token ids of a text dataset). */
    public boolean takesText() {
        return readsTokens && text != null;
    }

    /** Token {@code id} as the student reads it: its word when the dataset's vocabulary is known, else "#id". */
    public String tokenWord(int id) {
        if (id == 0) {
            return "·";
        }
        return text != null ? text.word(id) : "#" + id;
    }

    /** The name the student gave node {@code nodeId} (its id when it has none). */
    public String nodeName(String nodeId) {
        String name = nodeNames.get(nodeId);
        return name == null || name.isBlank() ? nodeId : name;
    }

    @Override
    public int[] exampleShape() {
        return exampleShape.clone();
    }

    /** Whether one example is a picture: (C, H, W), (H, W) or 784 values (a flattened 28 × 28 image). */
    public boolean isImage() {
        return !readsTokens && (exampleShape.length == 3 || exampleShape.length == 2 || isFlatDigit());
    }

    /** Whether the network reads one 28 × 28 grey image, so that a drawn digit can be fed to it. */
    public boolean takesDrawnDigit() {
        return isImage() && size() == 784;
    }

    /** Whether examples are points of the plane (two numbers), for decision maps. */
    public boolean isPlane() {
        return !readsTokens && exampleShape.length == 1 && exampleShape[0] == 2;
    }

    /** The height and width of an image example (the last two axes, 28 × 28 for 784 values). */
    public int[] imageSize() {
        if (isFlatDigit()) {
            return new int[] {28, 28};
        }
        int n = exampleShape.length;
        return new int[] {exampleShape[n - 2], exampleShape[n - 1]};
    }

    /** The number of values in one example. */
    public int size() {
        int size = 1;
        for (int d : exampleShape) {
            size *= d;
        }
        return size;
    }

    /** Whether this is a classifier (it has class names). */
    public boolean isClassifier() {
        return !classNames.isEmpty();
    }

    /** The name of class {@code index}, or "class i" when the data did not name it. */
    public String className(int index) {
        return index >= 0 && index < classNames.size() ? classNames.get(index) : "class " + index;
    }

    /** The drawing pad's ink (0 black to 1 white) as the network's input values, scaled as the run's data. */
    public float[] inputOfInk(float[] ink) {
        float[] x = new float[ink.length];
        for (int i = 0; i < ink.length; i++) {
            x[i] = (float) (black + ink[i] * (white - black));
        }
        return x;
    }

    private boolean isFlatDigit() {
        return exampleShape.length == 1 && exampleShape[0] == 784;
    }
}
