package org.layerloom.engine.data.standard;

import java.net.URI;
import java.util.Objects;

/**
 * One file of a standard dataset on the internet: where it is, its name in the cache, its size in bytes
 * (0 if unknown) and its MD5 checksum as published by the dataset's authors. Immutable; any thread.
 */
public record RemoteFile(URI uri, String name, long size, String md5) {

    public RemoteFile {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(md5, "md5");
    }
}
