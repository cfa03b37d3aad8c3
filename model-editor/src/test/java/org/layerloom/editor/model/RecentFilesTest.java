package org.layerloom.editor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

    @TempDir
    Path dir;

    @Test
    void the_newest_file_comes_first_once_and_the_list_survives_a_restart() {
        Path store = dir.resolve("recent.txt");
        RecentFiles recent = new RecentFiles(Optional.of(store));
        recent.add(dir.resolve("a.loom"));
        recent.add(dir.resolve("b.loom"));
        recent.add(dir.resolve("a.loom"));

        assertThat(new RecentFiles(Optional.of(store)).files())
                .containsExactly(dir.resolve("a.loom").toAbsolutePath(), dir.resolve("b.loom").toAbsolutePath());
    }
}
