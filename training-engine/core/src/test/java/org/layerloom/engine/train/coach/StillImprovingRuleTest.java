package org.layerloom.engine.train.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StillImprovingRuleTest {

    @Test
    void the_command_line_names_the_run_and_the_project_it_belongs_to() {
        Path run = Path.of("/home/ana/nets/moons.runs/2026-12-06-120000");

        assertThat(StillImprovingRule.commandLine(run.toString(), 20)).isEqualTo(
                "layerloom train --resume /home/ana/nets/moons.runs/2026-12-06-120000 --epochs 20 "
                        + "/home/ana/nets/moons.loom");
    }

    @Test
    void paths_with_spaces_are_quoted_for_the_shell() {
        Path run = Path.of("/home/ana/my nets/two moons.runs/r1");

        assertThat(StillImprovingRule.commandLine(run.toString(), 8)).isEqualTo(
                "layerloom train --resume \"/home/ana/my nets/two moons.runs/r1\" --epochs 8 "
                        + "\"/home/ana/my nets/two moons.loom\"");
    }

    @Test
    void a_run_outside_a_project_runs_folder_keeps_the_placeholders_readable() {
        assertThat(StillImprovingRule.commandLine("", 10))
                .isEqualTo("layerloom train --resume RUN_FOLDER --epochs 10 PROJECT.loom");
        assertThat(StillImprovingRule.commandLine("/tmp/somewhere/r1", 10))
                .isEqualTo("layerloom train --resume /tmp/somewhere/r1 --epochs 10 PROJECT.loom");
    }
}
