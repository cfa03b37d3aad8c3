package org.layerloom.engine.kernels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a kernel verdict is valid for: the processor (its name, family/model/stepping and instruction-set
 * flags), the DJL and PyTorch versions, any oneDNN instruction-set cap and ATen kernel choice
 * ({@code ATEN_CPU_CAPABILITY}) in the environment, and the self-test's cases (a verdict from a LayerLoom
 * whose self-test checked fewer layouts does not carry over). Two processes with equal keys run the same
 * kernels. Immutable.
 */
public record MachineKey(String processor, String djl, String pytorch, String isaCap, String digest) {

    /** The key of this process. */
    public static MachineKey current(String djlVersion, String pytorchVersion) {
        List<String> info = cpuInfo();
        String processor = processorDescription(info);
        String cap = Optional.ofNullable(System.getenv("ONEDNN_MAX_CPU_ISA"))
                .or(() -> Optional.ofNullable(System.getenv("DNNL_MAX_CPU_ISA"))).orElse("");
        String aten = Optional.ofNullable(System.getenv("ATEN_CPU_CAPABILITY")).orElse("");
        StringBuilder cases = new StringBuilder();
        KernelSelfTest.cases().forEach(c -> cases.append(c.name()).append('\n'));
        String identity = processor + "\n" + processorFlags(info) + "\n" + System.getProperty("os.arch") + "\n"
                + djlVersion + "\n" + pytorchVersion + "\n" + cap + "\n" + aten + "\n" + cases;
        return new MachineKey(processor, djlVersion, pytorchVersion, cap, sha256(identity).substring(0, 16));
    }

    /** "AMD EPYC (family 25, model 17, stepping 1)", or the JVM's architecture where that is unknown. */
    private static String processorDescription(List<String> info) {
        Optional<String> name = field(info, "model name");
        if (name.isPresent()) {
            return name.get() + " (family " + field(info, "cpu family").orElse("?") + ", model "
                    + field(info, "model").orElse("?") + ", stepping " + field(info, "stepping").orElse("?") + ")";
        }
        return Optional.ofNullable(System.getenv("PROCESSOR_IDENTIFIER"))
                .orElse(System.getProperty("os.arch") + " (" + System.getProperty("os.name") + ")");
    }

    private static String processorFlags(List<String> info) {
        return field(info, "flags").map(f -> String.join(" ", new TreeSet<>(List.of(f.split("\\s+")))))
                .orElse("");
    }

    private static List<String> cpuInfo() {
        try {
            Path path = Path.of("/proc/cpuinfo");
            return Files.isReadable(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> field(List<String> info, String name) {
        for (String line : info) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
            if (line.isBlank()) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
