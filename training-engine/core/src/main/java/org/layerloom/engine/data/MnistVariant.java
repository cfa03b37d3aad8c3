package org.layerloom.engine.data;

import java.util.List;

/**
 * The two datasets stored in MNIST's IDX format, with their names, classes and pixel statistics (mean and
 * standard deviation of the training pixels scaled to [0, 1], for the "normalize" option). Immutable; any
 * thread.
 */
public enum MnistVariant {

    DIGITS("MNIST",
            "Handwritten digits 0 to 9: 28×28 grey images, 60,000 to train on and 10,000 to test. The classic "
                    + "first dataset for image classification.",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), 0.1307, 0.3081),
    FASHION("Fashion-MNIST",
            "Photos of clothes and shoes in 10 classes: 28×28 grey images, 60,000 to train on and 10,000 to "
                    + "test. The same format as MNIST, but harder.",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"), 0.2860, 0.3530);

    private final String title;
    private final String description;
    private final List<String> classNames;
    private final double mean;
    private final double std;

    MnistVariant(String title, String description, List<String> classNames, double mean, double std) {
        this.title = title;
        this.description = description;
        this.classNames = classNames;
        this.mean = mean;
        this.std = std;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> classNames() {
        return classNames;
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std;
    }
}
