package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.layerloom.engine.testing.TestProjects;

/** Helpers for tests of files LayerLoom must refuse. */
final class LoadErrors {

    static final String SOURCE = "digits.loom";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LoadErrors() {
    }

    /** The one exception reading {@code json} throws; fails the test on any other outcome. */
    static ProjectFileException reading(String json) {
        Throwable thrown = catchThrowable(() -> ProjectFiles.fromJson(json, SOURCE));
        assertThat(thrown).as("what reading the text throws").isExactlyInstanceOf(ProjectFileException.class);
        ProjectFileException error = (ProjectFileException) thrown;
        assertThat(error.source()).isEqualTo(SOURCE);
        return error;
    }

    /** The one exception loading {@code file} throws; fails the test on any other outcome. */
    static ProjectFileException loading(Path file) {
        Throwable thrown = catchThrowable(() -> ProjectFiles.load(file));
        assertThat(thrown).as("what loading the file throws").isExactlyInstanceOf(ProjectFileException.class);
        return (ProjectFileException) thrown;
    }

    /** The small valid MLP of {@link TestProjects#smallMlp()} with {@code change} applied to its JSON tree. */
    static String smallMlpWith(Consumer<ObjectNode> change) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(TestProjects.smallMlpJson());
            change.accept(tree);
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode node(ObjectNode project, int index) {
        return (ObjectNode) project.path("graph").path("nodes").get(index);
    }

    static ObjectNode params(ObjectNode project, int index) {
        return (ObjectNode) node(project, index).get("params");
    }

    static ObjectNode wire(ObjectNode project, int index) {
        return (ObjectNode) project.path("graph").path("wires").get(index);
    }

    static ObjectNode training(ObjectNode project) {
        return (ObjectNode) project.get("training");
    }

    static ObjectNode optimizer(ObjectNode project) {
        return (ObjectNode) training(project).get("optimizer");
    }
}
