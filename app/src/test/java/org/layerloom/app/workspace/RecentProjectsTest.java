package org.layerloom.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentProjectsTest {

    @TempDir
    Path home;

    private UserFolders folders() {
        return UserFolders.forHome(home, "Linux", Map.of());
    }

    private Path project(String name) throws Exception {
        return Files.writeString(home.resolve(name), "{}");
    }

    @Test
    void the_last_opened_project_comes_first_and_the_list_survives_a_restart() throws Exception {
        RecentProjects recent = new RecentProjects(folders());
        Path a = project("a.loom");
        Path b = project("b.loom");

        recent.opened(a);
        recent.opened(b);
        recent.opened(a);

        assertThat(new RecentProjects(folders()).entries()).extracting(RecentProjects.Entry::fileName)
                .containsExactly("a.loom", "b.loom");
    }

    @Test
    void a_deleted_project_stays_listed_but_marked_missing() throws Exception {
        RecentProjects recent = new RecentProjects(folders());
        Path gone = project("gone.loom");
        recent.opened(gone);
        Files.delete(gone);

        assertThat(new RecentProjects(folders()).entries()).singleElement()
                .satisfies(e -> assertThat(e.missing()).isTrue());
    }

    @Test
    void the_list_keeps_the_ten_newest_and_a_damaged_list_reads_as_empty() throws Exception {
        RecentProjects recent = new RecentProjects(folders());
        for (int i = 0; i < 12; i++) {
            recent.opened(project("p" + i + ".loom"));
        }
        assertThat(recent.entries()).hasSize(10).first().extracting(RecentProjects.Entry::fileName)
                .isEqualTo("p11.loom");

        Files.writeString(folders().recentFile(), "[\"p1.loom\", ");
        assertThat(new RecentProjects(folders()).entries()).isEmpty();
    }
}
