package org.layerloom.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.engine.look.Theme;
import org.layerloom.engine.project.DeviceChoice;

class SettingsStoreTest {

    @TempDir
    Path home;

    private UserFolders folders() {
        return UserFolders.forHome(home, "Linux", Map.of());
    }

    @Test
    void a_new_installation_gets_the_defaults_without_a_notice() {
        SettingsStore.Loaded loaded = new SettingsStore(folders()).load();

        assertThat(loaded.settings()).isEqualTo(Settings.defaults(folders()));
        assertThat(loaded.notice()).isEmpty();
    }

    @Test
    void saved_settings_come_back_unchanged() throws Exception {
        SettingsStore store = new SettingsStore(folders());
        Settings mine = Settings.defaults(folders()).withTheme(Theme.DARK).withFontSize(16)
                .withDevice(DeviceChoice.CPU).withThreads(1).withDatasetCache(home.resolve("cache"))
                .withAutosaveSeconds(60);

        store.save(mine);

        assertThat(new SettingsStore(folders()).load()).isEqualTo(new SettingsStore.Loaded(mine, java.util.Optional.empty()));
    }

    @Test
    void a_damaged_file_falls_back_to_the_defaults_and_says_where_it_broke() throws Exception {
        Files.createDirectories(folders().config());
        Files.writeString(folders().settingsFile(), "{\n  \"theme\": \"dark\",\n  \"fontSize\": ");

        SettingsStore.Loaded loaded = new SettingsStore(folders()).load();

        assertThat(loaded.settings()).isEqualTo(Settings.defaults(folders()));
        assertThat(loaded.notice()).hasValueSatisfying(n -> assertThat(n)
                .contains(folders().settingsFile().toString()).contains("damaged").contains("line 3"));
    }

    @Test
    void a_bad_value_resets_only_that_setting_and_names_it() throws Exception {
        Files.createDirectories(folders().config());
        Files.writeString(folders().settingsFile(),
                "{\"theme\": \"dark\", \"fontSize\": 99, \"device\": \"tpu\", \"autosaveSeconds\": 45}");

        SettingsStore.Loaded loaded = new SettingsStore(folders()).load();

        assertThat(loaded.settings().theme()).isEqualTo(Theme.DARK);
        assertThat(loaded.settings().autosaveSeconds()).isEqualTo(45);
        assertThat(loaded.settings().fontSize()).isEqualTo(14);
        assertThat(loaded.settings().device()).isEqualTo(DeviceChoice.AUTO);
        assertThat(loaded.notice()).hasValueSatisfying(n -> assertThat(n).contains("fontSize").contains("device")
                .contains("tpu").doesNotContain("theme"));
    }

    @Test
    void settings_refuse_values_out_of_range_with_the_reason() {
        assertThatThrownBy(() -> Settings.defaults(folders()).withFontSize(4))
                .hasMessageContaining("between 10 and 24");
        assertThatThrownBy(() -> Settings.defaults(folders()).withAutosaveSeconds(1))
                .hasMessageContaining("autosave");
    }

    @Test
    void folders_follow_each_systems_convention() {
        Path user = Path.of("/home/ada");
        assertThat(UserFolders.forHome(user, "Linux", Map.of()).config()).isEqualTo(user.resolve(".config/layerloom"));
        assertThat(UserFolders.forHome(user, "Linux", Map.of("XDG_CONFIG_HOME", "/xdg")).config())
                .isEqualTo(Path.of("/xdg/layerloom"));
        assertThat(UserFolders.forHome(user, "Mac OS X", Map.of()).config())
                .isEqualTo(user.resolve("Library/Application Support/LayerLoom"));
        assertThat(UserFolders.forHome(user, "Windows 11", Map.of("APPDATA", "/appdata")).config())
                .isEqualTo(Path.of("/appdata/LayerLoom"));
        assertThat(UserFolders.forHome(user, "Linux", Map.of()).projects()).isEqualTo(user.resolve("LayerLoom"));
    }
}
