package org.layerloom.engine.export.pytorch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.Examples;
import org.layerloom.engine.data.image.ImageFiles;

/**
 * Instead of {@code data.npz}, for a folder of pictures too large to copy: {@code data.py} (the resource
 * {@code data.py.txt} beside this class), which reads the splits from the original pictures with Pillow and
 * prepares them as LayerLoom does, and its index {@code images.json}: the folder, the pictures' size and channels,
 * the class names, and for every split its pictures (relative to the folder where they lie in it, else absolute,
 * with {@code /} separators) with their class indices, in the split's order. Stateless; any thread.
 */
final class ImageLoader {

    static final String LOADER = "data.py";
    static final String INDEX = "images.json";

    private ImageLoader() {
    }

    /** Writes {@code data.py} and {@code images.json} for {@code dataset}, which must carry its image files. */
    static void write(Path folder, Dataset dataset) throws IOException {
        ImageFiles files = dataset.imageFiles().orElseThrow(() -> new IllegalArgumentException(dataset.name()
                + " was not read from a folder of pictures"));
        Files.writeString(folder.resolve(LOADER), source(), StandardCharsets.UTF_8);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve(INDEX).toFile(),
                index(dataset, files));
    }

    /** The index as JSON-ready maps and lists. */
    static Map<String, Object> index(Dataset dataset, ImageFiles files) {
        Path root = files.folder().toAbsolutePath().normalize();
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("folder", root.toString());
        index.put("width", files.width());
        index.put("height", files.height());
        index.put("channels", files.channels());
        index.put("classes", dataset.classNames());
        index.put("augmented_copies", files.augmentedCopies());
        index.put("train", pictures(root, files.train(), dataset.train()));
        index.put("validation", pictures(root, files.validation(), dataset.validation()));
        index.put("test", pictures(root, files.test(), dataset.test()));
        return index;
    }

    /** [path, class] of every picture of one split; its first examples are the pictures, in order. */
    private static List<List<Object>> pictures(Path root, List<Path> files, Examples part) {
        List<List<Object>> out = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i).toAbsolutePath().normalize();
            String name = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
            out.add(List.of(name.replace(java.io.File.separatorChar, '/'), part.classLabels().get(i)));
        }
        return out;
    }

    /** What the README says about the loader. */
    static String describe(Dataset dataset, long bytes, long limit) {
        ImageFiles files = dataset.imageFiles().orElseThrow();
        String text = "The data (" + PyTorchWriter.size(bytes) + " as arrays) is larger than the "
                + PyTorchWriter.size(limit) + " LayerLoom copies into an export, so there is no `data.npz`:"
                + " `data.py` reads the "
                + files.train().size() + " training, " + files.validation().size() + " validation and "
                + files.test().size() + " test pictures from `" + files.folder().toAbsolutePath().normalize()
                + "`, as `images.json` lists them (set `LAYERLOOM_DATA` to the folder where it lies on another"
                + " machine), and prepares them as LayerLoom does. It needs Pillow (`pip install pillow`). Pictures"
                + " of the model's size (" + files.width() + "×" + files.height() + ") without transparency give"
                + " exactly LayerLoom's values. Pictures of another size are scaled bilinearly as LayerLoom does,"
                + " but Java2D's rounding is not Python's, so their values can differ by a few of 255 steps;"
                + " transparent pixels are laid on white as in LayerLoom and can differ by one step; JPEG decoders"
                + " and the colour conversion of grey-palette pictures can differ too.";
        if (files.augmentedCopies() > 0) {
            text += " LayerLoom also trained on " + files.augmentedCopies() + " randomly changed cop"
                    + (files.augmentedCopies() == 1 ? "y" : "ies") + " of each training picture; `data.py` reads"
                    + " the original pictures only.";
        }
        return text;
    }

    private static String source() {
        try (InputStream in = ImageLoader.class.getResourceAsStream(LOADER + ".txt")) {
            if (in == null) {
                throw new IllegalStateException(LOADER + ".txt is missing from the engine's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
