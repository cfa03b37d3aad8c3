package org.layerloom.engine.imports.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.project.TrainingSettings;

/**
 * Whatever is pasted, the importer answers with a graph or with located problems, never with an exception
 * or an internal error: random text, and printed code with characters deleted, doubled or swapped.
 */
class CodeImporterRobustnessTest {

    @Property(tries = 500)
    void random_text_gives_problems_inside_the_text_never_an_internal_error(
            @ForAll @StringLength(max = 200) @Chars({'a', 'x', 'D', '(', ')', '[', ']', ',', '=', '.', '\'', '"', ' ',
                    '\n', '1', '0', '#', '\\', '-', '*', ':', '{', '\t'}) String text) {
        check(text);
    }

    @Property(tries = 500)
    void damaged_code_gives_problems_inside_the_text_never_an_internal_error(@ForAll long seed) {
        Random random = new Random(seed);
        NetworkGraph graph = random.nextBoolean() ? new ChainGraphs(seed, false).graph() : new BranchingGraphs(seed).graph();
        StringBuilder code = new StringBuilder(random.nextBoolean()
                ? KerasCodePrinter.print(graph, TrainingSettings.defaults()).code()
                : TorchCodePrinter.print(new ChainGraphs(seed, true).graph(), TrainingSettings.defaults()).code());
        int damages = 1 + random.nextInt(4);
        for (int i = 0; i < damages && code.length() > 1; i++) {
            int at = random.nextInt(code.length() - 1);
            switch (random.nextInt(3)) {
                case 0 -> code.deleteCharAt(at);
                case 1 -> code.insert(at, code.charAt(at));
                default -> {
                    char c = code.charAt(at);
                    code.setCharAt(at, code.charAt(at + 1));
                    code.setCharAt(at + 1, c);
                }
            }
        }
        check(code.toString());
    }

    private static void check(String text) {
        CodeImport result = CodeImporter.read(text, CodeImportOptions.none());
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        assertThat(result.succeeded() || !result.problems().isEmpty()).isTrue();
        for (CodeProblem problem : result.problems()) {
            assertThat(problem.message()).as(text).doesNotContain("could not read this code");
            assertThat(problem.line()).as(problem.describe() + " in\n" + text).isBetween(1, lines.size() + 1);
            assertThat(problem.column()).as(problem.describe() + " in\n" + text).isPositive();
            assertThat(problem.suggestion()).isNotBlank();
        }
        if (!result.succeeded()) {
            assertThat(result.graph().nodes()).isEmpty();
        }
    }
}
