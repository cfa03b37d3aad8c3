package org.layerloom.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HomeFolderTest {

    @Test
    void home_from_the_environment_replaces_the_password_files_home_on_linux_and_macos() {
        assertThat(HomeFolder.requested(Map.of("HOME", "/tmp/lab"), "Linux", false)).contains(Path.of("/tmp/lab"));
        assertThat(HomeFolder.requested(Map.of("HOME", "/Users/ada/"), "Mac OS X", false))
                .contains(Path.of("/Users/ada"));
    }

    @Test
    void layerloom_home_wins_over_home_and_over_an_explicit_user_home() {
        Map<String, String> environment = Map.of("HOME", "/home/ada", "LAYERLOOM_HOME", "/srv/class/ada");

        assertThat(HomeFolder.requested(environment, "Linux", false)).contains(Path.of("/srv/class/ada"));
        assertThat(HomeFolder.requested(environment, "Linux", true)).contains(Path.of("/srv/class/ada"));
        assertThat(HomeFolder.requested(environment, "Windows 11", false)).contains(Path.of("/srv/class/ada"));
    }

    @Test
    void an_explicit_user_home_wins_over_home() {
        assertThat(HomeFolder.requested(Map.of("HOME", "/home/ada"), "Linux", true)).isEmpty();
    }

    @Test
    void windows_keeps_its_own_home_and_relative_or_blank_values_are_ignored() {
        assertThat(HomeFolder.requested(Map.of("HOME", "C:/msys/home/ada"), "Windows 10", false)).isEmpty();
        assertThat(HomeFolder.requested(Map.of("HOME", "relative/home"), "Linux", false)).isEmpty();
        assertThat(HomeFolder.requested(Map.of("HOME", " ", "LAYERLOOM_HOME", ""), "Linux", false)).isEmpty();
        assertThat(HomeFolder.requested(Map.of(), "Linux", false)).isEqualTo(Optional.empty());
    }

    @Test
    void the_folders_follow_the_adopted_home() {
        UserFolders folders = UserFolders.forHome(Path.of("/tmp/lab"), "Linux", Map.of());

        assertThat(folders.config()).isEqualTo(Path.of("/tmp/lab/.config/layerloom"));
        assertThat(folders.projects()).isEqualTo(Path.of("/tmp/lab/LayerLoom"));
        assertThat(folders.datasetCache()).isEqualTo(Path.of("/tmp/lab/.layerloom/datasets"));
    }
}
