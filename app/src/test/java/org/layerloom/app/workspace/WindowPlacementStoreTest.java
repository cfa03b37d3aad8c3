package org.layerloom.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerloom.app.ui.WindowPlacement;

class WindowPlacementStoreTest {

    @TempDir
    Path home;

    @Test
    void placements_survive_a_restart_and_a_damaged_line_only_loses_that_window() throws Exception {
        UserFolders folders = UserFolders.forHome(home, "Linux", Map.of());
        WindowPlacementStore store = new WindowPlacementStore(folders, Runnable::run);
        WindowPlacement main = new WindowPlacement(120, 70, 1360, 860, true);
        store.put("main", main);
        store.put("reference", new WindowPlacement(250, 140, 1100, 720, false));

        assertThat(new WindowPlacementStore(folders, Runnable::run).get("main")).contains(main);

        Files.writeString(folders.windowsFile(), Files.readString(folders.windowsFile())
                .replace("reference=250,140,1100,720,false", "reference=oops"));
        WindowPlacementStore again = new WindowPlacementStore(folders, Runnable::run);
        assertThat(again.get("main")).contains(main);
        assertThat(again.get("reference")).isEmpty();
    }

    @Test
    void no_file_means_default_places() {
        WindowPlacementStore store = new WindowPlacementStore(UserFolders.forHome(home, "Linux", Map.of()),
                Runnable::run);

        assertThat(store.get("main")).isEmpty();
    }
}
