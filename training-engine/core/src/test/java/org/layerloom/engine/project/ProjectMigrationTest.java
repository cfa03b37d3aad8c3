package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerloom.engine.testing.TestProjects;

class ProjectMigrationTest {

    /** A made-up format 0 that called the graph "network". */
    private static final ProjectMigration RENAME_NETWORK = new ProjectMigration() {
        @Override
        public int fromFormat() {
            return 0;
        }

        @Override
        public ObjectNode migrate(ObjectNode project) {
            project.set(Keys.GRAPH, project.remove("network"));
            return project;
        }
    };

    private static String inFormatZero(String json) {
        return json.replace("\"format\" : 1", "\"format\" : 0").replace("\"graph\" :", "\"network\" :");
    }

    private static ProjectFileException error(ProjectReader reader, String json, String source) {
        Throwable thrown = catchThrowable(() -> reader.read(json, source));
        assertThat(thrown).isExactlyInstanceOf(ProjectFileException.class);
        return (ProjectFileException) thrown;
    }

    @Test
    void an_older_format_is_brought_up_to_date_by_the_registered_migrations() throws Exception {
        ProjectReader reader = new ProjectReader(List.of(RENAME_NETWORK));

        Project project = reader.read(inFormatZero(TestProjects.smallMlpJson()), "old.loom");

        assertThat(project).isEqualTo(TestProjects.smallMlp());
        assertThat(ProjectFiles.toJson(project)).isEqualTo(TestProjects.smallMlpJson());
    }

    @Test
    void a_migrated_project_is_checked_like_any_other() {
        ProjectReader reader = new ProjectReader(List.of(RENAME_NETWORK));
        String json = inFormatZero(TestProjects.smallMlpJson()).replace("\"units\" : 10", "\"units\" : \"ten\"");

        ProjectFileException error = error(reader, json, "old.loom");

        assertThat(error.location()).isEqualTo("$.graph.nodes[2].params.units");
    }

    @Test
    void a_format_older_than_every_migration_is_refused() {
        ProjectReader reader = new ProjectReader(List.of(RENAME_NETWORK));
        String json = TestProjects.smallMlpJson().replace("\"format\" : 1", "\"format\" : -1");

        ProjectFileException error = error(reader, json, "ancient.loom");

        assertThat(error.getMessage()).isEqualTo("ancient.loom: this project was saved in format -1, which is too old"
                + " for this version of LayerLoom (it reads formats 0 to 1). Open it in an older LayerLoom and save it"
                + " there to bring it up to date.");
    }

    @Test
    void without_migrations_only_the_current_format_is_read() {
        String json = inFormatZero(TestProjects.smallMlpJson());

        ProjectFileException error = LoadErrors.reading(json);

        assertThat(error.problem()).contains("format 0, which is too old").contains("(it reads format 1)");
    }

    @Test
    void a_failing_migration_becomes_a_load_error() {
        ProjectMigration broken = new ProjectMigration() {
            @Override
            public int fromFormat() {
                return 0;
            }

            @Override
            public ObjectNode migrate(ObjectNode project) {
                throw new IllegalStateException("no network");
            }
        };
        ProjectReader reader = new ProjectReader(List.of(broken));

        ProjectFileException error = error(reader, inFormatZero(TestProjects.smallMlpJson()), "old.loom");

        assertThat(error.problem()).startsWith("LayerLoom could not bring this project up to date from format 0"
                + " (no network).");
    }

    @Test
    void migrations_must_lead_to_the_current_format_without_gaps() {
        ProjectMigration fromMinusOne = new ProjectMigration() {
            @Override
            public int fromFormat() {
                return -1;
            }

            @Override
            public ObjectNode migrate(ObjectNode project) {
                return project;
            }
        };

        assertThatThrownBy(() -> new ProjectReader(List.of(fromMinusOne)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
