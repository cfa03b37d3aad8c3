package org.layerloom.engine.inspect.perturb;

/**
 * How an example's values lie on an image: channels × height × width, row-major. A (C, H, W) example is
 * itself; an (H, W) one has one channel; a vector whose length is a square (784) is read as a square image,
 * as the saliency heatmap reads it. Immutable; any thread.
 */
public record ImageGeometry(int channels, int height, int width) {

    public ImageGeometry {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("an image needs at least one channel and pixel");
        }
    }

    /** The geometry of an example of {@code shape}, or an exception saying why it is not an image. */
    public static ImageGeometry of(int[] shape) {
        if (shape.length == 3) {
            return new ImageGeometry(shape[0], shape[1], shape[2]);
        }
        if (shape.length == 2) {
            return new ImageGeometry(1, shape[0], shape[1]);
        }
        if (shape.length == 1) {
            int side = (int) Math.round(Math.sqrt(shape[0]));
            if (side > 1 && side * side == shape[0]) {
                return new ImageGeometry(1, side, side);
            }
        }
        throw new IllegalArgumentException("an example of shape " + java.util.Arrays.toString(shape)
                + " is not an image");
    }

    /** The number of pixels of one channel. */
    public int pixels() {
        return height * width;
    }

    /** The number of values of one example. */
    public int size() {
        return channels * pixels();
    }
}
