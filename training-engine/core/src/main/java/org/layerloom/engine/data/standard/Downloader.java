package org.layerloom.engine.data.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.layerloom.engine.data.DatasetCancelledException;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.ProgressListener;

/**
 * Downloads one file over HTTP(S) (or copies a {@code file:} URI) into a folder: into {@code NAME.part} first,
 * checking the MD5 checksum while the bytes arrive, then renamed to {@code NAME} only when the checksum
 * matches, so a file in the cache is always complete and verified. Reports bytes, percent and speed; stops
 * and deletes the partial file when the listener cancels. Errors say whether the computer seems to be
 * offline and offer the import from a folder instead. Thread-safe; call from a background thread.
 */
public final class Downloader {

    private static final int CHUNK = 64 * 1024;
    private static final long REPORT_EVERY = 256 * 1024;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private HttpClient client;

    public Downloader(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** The HTTP client, made on first use (it starts a thread, which registries that never download skip). */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return client;
    }

    public static Downloader standard() {
        return new Downloader(Duration.ofSeconds(20), Duration.ofSeconds(60));
    }

    /** Fetches {@code file} into {@code folder} and returns the verified file. */
    public Path fetch(RemoteFile file, Path folder, ProgressListener listener) throws DatasetException {
        Path target = folder.resolve(file.name());
        Path part = folder.resolve(file.name() + ".part");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw DatasetException.inFile(folder, "LayerLoom cannot create the folder " + folder + " for "
                    + "downloads (" + e.getMessage() + "). Choose another cache folder.", e);
        }
        long received = 0;
        try (Source source = open(file.uri()); OutputStream out = Files.newOutputStream(part)) {
            long total = source.length() > 0 ? source.length() : file.size();
            MessageDigest md5 = md5();
            byte[] buffer = new byte[CHUNK];
            long started = System.nanoTime();
            long lastReport = -REPORT_EVERY;
            int n;
            while ((n = source.in().read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                md5.update(buffer, 0, n);
                received += n;
                if (received - lastReport >= REPORT_EVERY) {
                    report(listener, file, received, total, started);
                    lastReport = received;
                }
                if (listener.isCancelled()) {
                    throw new DatasetCancelledException();
                }
            }
            report(listener, file, received, total, started);
            out.close();
            String actual = HexFormat.of().formatHex(md5.digest());
            if (!actual.equalsIgnoreCase(file.md5())) {
                throw DatasetException.inFile(target, String.format(Locale.ROOT, "The download of %s from %s is "
                        + "damaged: its MD5 checksum is %s, but the dataset's authors publish %s (%,d bytes "
                        + "received). It was deleted; try again later, or import the files from a folder.",
                        file.name(), file.uri(), actual, file.md5(), received), null);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (DatasetException e) {
            deleteQuietly(part);
            throw e;
        } catch (IOException e) {
            deleteQuietly(part);
            throw failure(file, received, e);
        } catch (InterruptedException e) {
            deleteQuietly(part);
            Thread.currentThread().interrupt();
            throw new DatasetCancelledException();
        }
    }

    private static void report(ProgressListener listener, RemoteFile file, long received, long total, long started) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        DownloadProgress progress = new DownloadProgress(file.name(), received, total, received / seconds);
        listener.progressDidChange(progress.describe(), received, total);
        if (listener instanceof DownloadListener details) {
            details.downloadDidProgress(progress);
        }
    }

    private static DatasetException failure(RemoteFile file, long received, IOException e) {
        String host = file.uri().getHost() == null ? file.uri().toString() : file.uri().getHost();
        boolean offline = e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof HttpConnectTimeoutException || e.getCause() instanceof UnresolvedAddressException
                || e.getCause() instanceof UnknownHostException || e.getCause() instanceof ConnectException;
        String importHint = " If you already have the files, import them instead: choose \"Import a folder…\" "
                + "(the dataset option 'path').";
        if (offline && received == 0) {
            return new DatasetException("LayerLoom could not reach " + host + " to download " + file.name()
                    + ": this computer seems to have no internet connection (" + describe(e) + ")." + importHint, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new DatasetException("The download of " + file.name() + " from " + host + " stopped answering "
                    + "after " + DownloadProgress.megabytes(received) + ". Try again later." + importHint, e);
        }
        return new DatasetException("The download of " + file.name() + " from " + file.uri() + " failed after "
                + DownloadProgress.megabytes(received) + ": " + describe(e) + "." + importHint, e);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** An open download: its bytes and its length if the server told it. */
    private record Source(InputStream in, long length) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private Source open(URI uri) throws IOException, InterruptedException {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Path path = Path.of(uri);
            return new Source(Files.newInputStream(path), Files.size(path));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("User-Agent", "LayerLoom")
                .GET().build();
        HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("the server answered HTTP " + response.statusCode()
                    + (response.statusCode() == 404 ? " (not found)" : ""));
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new Source(response.body(), length);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover .part file is overwritten by the next attempt
        }
    }
}
