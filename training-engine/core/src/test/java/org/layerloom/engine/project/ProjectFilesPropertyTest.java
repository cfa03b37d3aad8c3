package org.layerloom.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.GraphValidator;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.NetworkGraph;
import org.layerloom.engine.graph.Node;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;
import org.layerloom.engine.graph.PortRef;
import org.layerloom.engine.graph.Position;
import org.layerloom.engine.graph.Range;
import org.layerloom.engine.graph.ValidationReport;
import org.layerloom.engine.graph.Wire;
import org.layerloom.engine.graph.edit.GraphEdits;

class ProjectFilesPropertyTest {

    @Property(tries = 300)
    void random_projects_round_trip_exactly_through_json(@ForAll("projects") Project project) throws Exception {
        String json = ProjectFiles.toJson(project);

        Project loaded = ProjectFiles.fromJson(json, "random.loom");

        assertThat(loaded).isEqualTo(project);
        assertThat(ProjectFiles.toJson(loaded)).isEqualTo(json);
    }

    @Property(tries = 300)
    void every_project_that_loads_can_be_validated(@ForAll("projects") Project project) throws Exception {
        Project loaded = ProjectFiles.fromJson(ProjectFiles.toJson(project), "random.loom");

        ValidationReport report = GraphValidator.standard().validate(loaded.graph());

        assertThat(report.nodes()).hasSameSizeAs(loaded.graph().nodes());
        assertThat(report.problems()).noneMatch(problem -> problem.message().contains("Please report this"));
    }

    @Property(tries = 500)
    void damaged_text_gives_a_project_or_a_project_file_exception_and_nothing_else(
            @ForAll("projects") Project project, @ForAll("damage") Damage damage) {
        String damaged = damage.applyTo(ProjectFiles.toJson(project));

        Throwable thrown = catchThrowable(() -> ProjectFiles.fromJson(damaged, "damaged.loom"));

        if (thrown != null) {
            assertThat(thrown).isExactlyInstanceOf(ProjectFileException.class);
            assertThat(((ProjectFileException) thrown).problem()).isNotBlank();
        }
    }

    /** One random change to a text: cut it off, delete a character, or insert one. */
    record Damage(int kind, double where, char character) {
        String applyTo(String text) {
            int at = (int) (where * text.length());
            return switch (kind) {
                case 0 -> text.substring(0, at);
                case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
                default -> text.substring(0, at) + character + text.substring(at);
            };
        }
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, true, 1, false),
                Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '0', '-', 'e', 'x', ' ', '\\', '\u00e9'))
                .as(Damage::new);
    }

    @Provide
    Arbitrary<Project> projects() {
        return Combinators.combine(text(), graphs(), datasets(), trainings()).as(Project::new);
    }

    /** How to add one node: its kind and parameters, where its wires come from, and its place. */
    record NodePlan(LayerKind kind, Parameters params, double parent, Optional<Double> secondParent,
                    Optional<String> name, Position position, boolean oddPort) {
    }

    private Arbitrary<NetworkGraph> graphs() {
        Arbitrary<NodePlan> plans = Combinators.combine(kindsWithParameters(), unit(), unit().optional(),
                text().optional(), positions(), Arbitraries.integers().between(0, 9))
                .as((kp, parent, second, name, position, odd) -> new NodePlan(kp.get1(), kp.get2(), parent, second,
                        name, position, odd == 0));
        return plans.list().ofMaxSize(12).map(ProjectFilesPropertyTest::build);
    }

    private static NetworkGraph build(List<NodePlan> plans) {
        NetworkGraph graph = NetworkGraph.empty();
        List<Node> added = new ArrayList<>();
        for (NodePlan plan : plans) {
            Node node = GraphEdits.newNode(graph, plan.kind(), plan.position(), plan.params());
            if (plan.name().isPresent()) {
                node = node.withName(plan.name().get());
            }
            graph = graph.withNode(graph.nodes().size(), node);
            if (!added.isEmpty()) {
                Node parent = added.get((int) (plan.parent() * added.size()));
                PortRef to = plan.oddPort() ? new PortRef(node.id(), "side") : PortRef.in(node.id());
                graph = graph.withWire(graph.wires().size(), new Wire(PortRef.out(parent.id()), to));
                if (plan.secondParent().isPresent()) {
                    Node other = added.get((int) (plan.secondParent().get() * added.size()));
                    Wire merge = Wire.between(other.id(), node.id());
                    if (!graph.wires().contains(merge)) {
                        graph = graph.withWire(graph.wires().size(), merge);
                    }
                }
            }
            added.add(node);
        }
        return graph;
    }

    private static Arbitrary<Tuple.Tuple2<LayerKind, Parameters>> kindsWithParameters() {
        return Arbitraries.of(LayerKind.class).flatMap(kind -> parameters(kind).map(p -> Tuple.of(kind, p)));
    }

    private static Arbitrary<Parameters> parameters(LayerKind kind) {
        List<ParamSpec> specs = LayerCatalog.standard().type(kind).parameters();
        if (specs.isEmpty()) {
            return Arbitraries.just(Parameters.empty());
        }
        List<Arbitrary<ParamValue>> values = specs.stream().map(ProjectFilesPropertyTest::value).toList();
        return Combinators.combine(values).as(list -> {
            TreeMap<String, ParamValue> map = new TreeMap<>();
            for (int i = 0; i < specs.size(); i++) {
                map.put(specs.get(i).name(), list.get(i));
            }
            return Parameters.of(map);
        });
    }

    /** Mostly allowed values; sometimes values of the right type that the validator would refuse. */
    private static Arbitrary<ParamValue> value(ParamSpec spec) {
        Range range = spec.range();
        return switch (spec.type()) {
            case INTEGER -> Arbitraries.frequencyOf(
                    Tuple.of(9, Arbitraries.integers().between((int) range.min(), (int) range.max())),
                    Tuple.of(1, Arbitraries.integers())).map(ParamValue.Int::new);
            case REAL -> Arbitraries.frequencyOf(
                    Tuple.of(9, real(range.min(), !range.minOpen(), range.max(), !range.maxOpen())),
                    Tuple.of(1, Arbitraries.doubles())).map(ParamValue.Real::new);
            case FLAG -> Arbitraries.of(true, false).map(ParamValue.Flag::new);
            case CHOICE -> Arbitraries.frequencyOf(
                    Tuple.of(9, Arbitraries.of(spec.choices().stream().map(ChoiceOption::id).toList())),
                    Tuple.of(1, text())).map(ParamValue.Choice::new);
            case DIMS -> Arbitraries.frequencyOf(
                    Tuple.of(9, Arbitraries.integers().between(1, (int) range.max()).list().ofMinSize(1).ofMaxSize(4)),
                    Tuple.of(1, Arbitraries.integers().list().ofMaxSize(6))).map(ParamValue.Dims::new);
        };
    }

    private static Arbitrary<DatasetChoice> datasets() {
        Arbitrary<Object> values = Arbitraries.oneOf(text().map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().filter(l -> l != (int) (long) l).map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d));
        return Combinators.combine(text().filter(s -> !s.isBlank()), Arbitraries.maps(text(), values).ofMaxSize(5))
                .as((source, options) -> new DatasetChoice(source, new TreeMap<>(options)));
    }

    private static Arbitrary<TrainingSettings> trainings() {
        Arbitrary<Tuple.Tuple2<Double, Double>> decayAndClip = Combinators.combine(
                real(0, true, 1e3, true), real(0, true, 1e3, true)).as(Tuple::of);
        Arbitrary<OptimizerSettings> optimizers = Combinators.combine(Arbitraries.of(OptimizerKind.class),
                real(0, false, 10, true), real(0, true, 1, false), Arbitraries.of(true, false),
                real(0, true, 1, false), real(0, true, 1, false), real(0, false, 1, true), decayAndClip)
                .as((kind, rate, momentum, nesterov, beta1, beta2, epsilon, dc) -> new OptimizerSettings(kind, rate,
                        momentum, nesterov, beta1, beta2, epsilon, dc.get1(), dc.get2()));
        Arbitrary<ScheduleSettings> schedules = Combinators.combine(Arbitraries.of(ScheduleKind.class),
                Arbitraries.integers().greaterOrEqual(1), real(0, false, 1, true),
                Arbitraries.integers().greaterOrEqual(0), real(0, true, 1, true)).as(ScheduleSettings::new);
        return Combinators.combine(optimizers, schedules, Arbitraries.integers().between(1, 65_536),
                Arbitraries.integers().between(1, 100_000), real(0, true, 0.9, true), Arbitraries.longs(),
                Arbitraries.of(DeviceChoice.class)).as(TrainingSettings::new);
    }

    /**
     * Short decimals like 0.25 and full-precision doubles alike (a 17-digit decimal just below an
     * open bound can round onto it, hence the filter).
     */
    private static Arbitrary<Double> real(double min, boolean minIncluded, double max, boolean maxIncluded) {
        Range range = new Range(min, !minIncluded, max, !maxIncluded);
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(min, minIncluded, max, maxIncluded),
                Arbitraries.doubles().between(min, minIncluded, max, maxIncluded).ofScale(17).filter(range::contains));
    }

    private static Arbitrary<Double> unit() {
        return Arbitraries.doubles().between(0, true, 1, false);
    }

    private static Arbitrary<Position> positions() {
        return Combinators.combine(real(-1e6, true, 1e6, true), real(-1e6, true, 1e6, true)).as(Position::new);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("Hidden 1", "é ü ß 中文 🙂", "quote \" back\\slash", "tab\tnew\nline", "", "\u0000"));
    }
}
