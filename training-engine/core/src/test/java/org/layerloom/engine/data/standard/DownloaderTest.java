package org.layerloom.engine.data.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.data.Dataset;
import org.layerloom.engine.data.DatasetCancelledException;
import org.layerloom.engine.data.DatasetException;
import org.layerloom.engine.data.DatasetOptions;
import org.layerloom.engine.data.DatasetRequest;
import org.layerloom.engine.data.MnistSource;
import org.layerloom.engine.data.MnistVariant;
import org.layerloom.engine.data.ProgressListener;
import org.layerloom.engine.data.SharedDatasets;

/** The downloader against a local HTTP server on the loopback interface: never the internet. */
class DownloaderTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Downloader downloader = new Downloader(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath().substring(1));
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int at = 0; at < body.length; at += 65536) {
                        out.write(body, at, Math.min(65536, body.length - at));
                    }
                } catch (IOException clientWentAway) {
                    // a cancelled download closes the connection early
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void a_file_is_downloaded_verified_and_reported_with_percent_bytes_and_speed() throws Exception {
        byte[] bytes = new byte[1_000_000];
        new java.util.Random(1).nextBytes(bytes);
        served.put("data.bin", bytes);
        List<DownloadProgress> seen = new ArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void downloadDidProgress(DownloadProgress progress) {
                seen.add(progress);
            }

            @Override
            public void progressDidChange(String step, long done, long total) {
            }
        };
        Path file = downloader.fetch(new RemoteFile(base().resolve("data.bin"), "data.bin", 0, md5(bytes)),
                dir, listener);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(dir.resolve("data.bin.part")).doesNotExist();
        DownloadProgress last = seen.get(seen.size() - 1);
        assertThat(last.bytes()).isEqualTo(1_000_000);
        assertThat(last.totalBytes()).isEqualTo(1_000_000);
        assertThat(last.percent()).isEqualTo(100.0);
        assertThat(last.bytesPerSecond()).isPositive();
        assertThat(last.describe()).startsWith("Downloading data.bin: 1.0 MB of 1.0 MB (100 %), ");
        assertThat(seen.size()).isGreaterThan(2);
    }

    @Test
    void a_checksum_mismatch_deletes_the_file_and_says_what_was_expected() throws Exception {
        served.put("data.bin", "not the real file".getBytes());
        RemoteFile file = new RemoteFile(base().resolve("data.bin"), "data.bin", 0, "0123456789abcdef0123456789abcdef");
        assertThatThrownBy(() -> downloader.fetch(file, dir, ProgressListener.none()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("damaged")
                .hasMessageContaining("0123456789abcdef0123456789abcdef").hasMessageContaining("import");
        assertThat(dir.resolve("data.bin")).doesNotExist();
        assertThat(dir.resolve("data.bin.part")).doesNotExist();
    }

    @Test
    void a_cancelled_download_stops_and_leaves_nothing_behind() throws Exception {
        byte[] bytes = new byte[4_000_000];
        served.put("big.bin", bytes);
        AtomicInteger reports = new AtomicInteger();
        ProgressListener cancelSoon = new ProgressListener() {
            @Override
            public void progressDidChange(String step, long done, long total) {
                reports.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return reports.get() >= 2;
            }
        };
        assertThatThrownBy(() -> downloader.fetch(new RemoteFile(base().resolve("big.bin"), "big.bin", 0, md5(bytes)),
                dir, cancelSoon)).isInstanceOf(DatasetCancelledException.class);
        assertThat(dir.resolve("big.bin")).doesNotExist();
        assertThat(dir.resolve("big.bin.part")).doesNotExist();
    }

    @Test
    void no_server_means_a_message_about_the_connection_that_offers_the_import() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RemoteFile file = new RemoteFile(URI.create("http://127.0.0.1:" + closedPort + "/x.gz"), "x.gz", 0, "00");
        assertThatThrownBy(() -> downloader.fetch(file, dir, ProgressListener.none()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no internet connection")
                .hasMessageContaining("Import a folder").hasMessageContaining("'path'");
    }

    @Test
    void a_missing_file_on_the_server_reports_the_http_status() {
        RemoteFile file = new RemoteFile(base().resolve("gone.gz"), "gone.gz", 0, "00");
        assertThatThrownBy(() -> downloader.fetch(file, dir, ProgressListener.none()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void a_file_uri_is_copied_like_a_download() throws Exception {
        Path source = dir.resolve("src.bin");
        Files.write(source, new byte[] {1, 2, 3});
        Path copy = downloader.fetch(new RemoteFile(source.toUri(), "copy.bin", 3, md5(new byte[] {1, 2, 3})),
                dir.resolve("cache"), ProgressListener.none());
        assertThat(Files.readAllBytes(copy)).containsExactly(1, 2, 3);
    }

    @Test
    void mnist_downloads_into_the_cache_once_then_loads_from_it_without_the_network() throws Exception {
        for (RemoteFile f : StandardDataset.MNIST.files()) {
            served.put(f.name(), Files.readAllBytes(SharedDatasets.mnist().resolve(f.name())));
        }
        StandardSource mnist = new StandardSource(StandardDataset.MNIST, new MnistSource(MnistVariant.DIGITS), downloader);
        Path cache = dir.resolve("cache");
        DatasetRequest request = new DatasetRequest("mnist", DatasetOptions.of(Map.of("cache", cache.toString(),
                "download", true, "mirror", base().toString())), dir, 1, 0.1, OptionalInt.of(1000));
        Dataset first = mnist.load(request, ProgressListener.none());
        assertThat(first.test().size()).isEqualTo(10_000);
        assertThat(requests.get()).isEqualTo(4);
        assertThat(cache.resolve("mnist/train-images-idx3-ubyte.gz")).isRegularFile();

        server.stop(0);
        Dataset second = mnist.load(request, ProgressListener.none());
        assertThat(second.train().size()).isEqualTo(first.train().size());
        assertThat(requests.get()).isEqualTo(4);
    }

    @Test
    void without_download_permission_a_missing_cache_offers_both_download_and_import() {
        StandardSource cifar = new StandardSource(StandardDataset.CIFAR_10, new Cifar10Source(), downloader);
        DatasetRequest request = new DatasetRequest("cifar-10", DatasetOptions.of(Map.of("cache",
                dir.resolve("cache").toString())), dir, 1, 0.1, OptionalInt.empty());
        assertThatThrownBy(() -> cifar.load(request, ProgressListener.none())).isInstanceOf(DatasetException.class)
                .hasMessageContaining("CIFAR-10 is not on this computer yet").hasMessageContaining("170 MB")
                .hasMessageContaining("'download'").hasMessageContaining("'path'");
        assertThat(requests.get()).isZero();
    }

    @Test
    void cifar_archive_is_downloaded_unpacked_flat_and_read() throws Exception {
        byte[] archive = TarFixtures.tarGz(Map.of(
                "cifar-10-batches-bin/data_batch_1.bin", CifarFixtures.batch(5, 0),
                "cifar-10-batches-bin/data_batch_2.bin", CifarFixtures.batch(5, 1),
                "cifar-10-batches-bin/data_batch_3.bin", CifarFixtures.batch(5, 2),
                "cifar-10-batches-bin/data_batch_4.bin", CifarFixtures.batch(5, 3),
                "cifar-10-batches-bin/data_batch_5.bin", CifarFixtures.batch(5, 4),
                "cifar-10-batches-bin/test_batch.bin", CifarFixtures.batch(5, 5),
                "cifar-10-batches-bin/readme.html", "hello".getBytes()));
        String md5 = md5(archive);
        served.put("cifar-10-binary.tar.gz", archive);
        RemoteFile file = new RemoteFile(base().resolve("cifar-10-binary.tar.gz"), "cifar-10-binary.tar.gz", 0, md5);
        Path folder = dir.resolve("cache/cifar-10");
        downloader.fetch(file, folder, ProgressListener.none());
        assertThat(TarGz.extract(folder.resolve("cifar-10-binary.tar.gz"), folder, CifarFiles::isWanted)).hasSize(6);
        assertThat(CifarFiles.presentIn(folder)).isTrue();
        assertThat(folder.resolve("readme.html")).doesNotExist();
    }
}
