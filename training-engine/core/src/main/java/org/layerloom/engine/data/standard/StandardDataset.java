package org.layerloom.engine.data.standard;

import java.net.URI;
import java.util.List;

/**
 * The standard datasets LayerLoom can download: their files with published MD5 checksums, the folder name in
 * the cache and a download size to show before asking. Immutable; any thread.
 */
public enum StandardDataset {

    MNIST("mnist", "MNIST", "https://ossci-datasets.s3.amazonaws.com/mnist/", List.of(
            file("train-images-idx3-ubyte.gz", 9_912_422, "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
            file("train-labels-idx1-ubyte.gz", 28_881, "d53e105ee54ea40749a09fcbcd1e9432"),
            file("t10k-images-idx3-ubyte.gz", 1_648_877, "9fb629c4189551a2d022fa330f9573f3"),
            file("t10k-labels-idx1-ubyte.gz", 4_542, "ec29112dd5afa0611ce80d1b7f02629c"))),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST",
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/", List.of(
            file("train-images-idx3-ubyte.gz", 26_421_880, "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
            file("train-labels-idx1-ubyte.gz", 29_515, "25c81989df183df01b3e8a0aad5dffbe"),
            file("t10k-images-idx3-ubyte.gz", 4_422_102, "bef4ecab320f06d8554ea6380940ec79"),
            file("t10k-labels-idx1-ubyte.gz", 5_148, "bb300cfdad3c16e7a12a480ee83cd310"))),
    CIFAR_10("cifar-10", "CIFAR-10", "https://www.cs.toronto.edu/~kriz/", List.of(
            file("cifar-10-binary.tar.gz", 170_052_171, "c32a1d4ab5d03f1284b67883e8d87530")));

    private final String id;
    private final String title;
    private final List<RemoteFile> files;

    StandardDataset(String id, String title, String base, List<Spec> files) {
        this.id = id;
        this.title = title;
        this.files = files.stream().map(f -> new RemoteFile(URI.create(base + f.name()), f.name(), f.size(), f.md5())).toList();
    }

    private static Spec file(String name, long size, String md5) {
        return new Spec(name, size, md5);
    }

    private record Spec(String name, long size, String md5) {
    }

    /** The registry id and cache folder name, e.g. "fashion-mnist". */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public List<RemoteFile> files() {
        return files;
    }

    /** Total download size in bytes. */
    public long downloadBytes() {
        return files.stream().mapToLong(RemoteFile::size).sum();
    }

    /** The same dataset with its files fetched from {@code base} instead (a mirror, or a test server). */
    public List<RemoteFile> filesFrom(URI base) {
        return files.stream().map(f -> new RemoteFile(base.resolve(f.name()), f.name(), f.size(), f.md5())).toList();
    }
}
