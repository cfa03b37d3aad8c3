package org.layerloom.engine.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The one ArchUnit base of every module's architecture test (shared/ARCHITECTURE.md): the rules the Maven
 * dependencies cannot state, or state only while nobody adds a dependency. Each module's test analyses its
 * own main classes with {@link MainClasses} and names the rules that hold for it, e.g.
 * {@code @ArchTest static final ArchRule no_djl = ArchitectureRules.NO_DJL;}. Test code only; the rules are
 * immutable and may be shared.
 */
public final class ArchitectureRules {

    /** Only the training engine uses DJL: the core, model-editor, charts, samples and the app do not. */
    public static final ArchRule NO_DJL = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
            .because("only the training engine uses DJL; the app gets versions, devices and kernels from it"
                    + " (EngineInfo, KernelGuard)");

    /** Headless code: no JavaFX, Swing or AWT windows. Headless java.awt imaging stays allowed. */
    public static final ArchRule NO_USER_INTERFACE_TOOLKIT = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..", "java.awt.event..")
            .orShould().dependOnClassesThat().areAssignableTo(java.awt.Component.class)
            .because("the core and the training engine run headless; views live in model-editor, charts and app");

    private ArchitectureRules() {
    }

    /**
     * The classes of {@code module} (a package like {@code org.layerloom.charts}) use nothing of LayerLoom
     * outside their own packages and {@code allowed}.
     */
    public static ArchRule usesOnlyOfOurs(String module, String... allowed) {
        String[] own = new String[allowed.length + 1];
        own[0] = module + "..";
        for (int i = 0; i < allowed.length; i++) {
            own[i + 1] = allowed[i] + "..";
        }
        return noClasses()
                .that().resideInAPackage(module + "..")
                .should().dependOnClassesThat(resideInAPackage("org.layerloom..").and(not(resideInAnyPackage(own))))
                .allowEmptyShould(true);
    }

    /**
     * The main classes of the module under test: leaves out test classes, and also the core's test-jar (these
     * helpers), which ArchUnit's own test filter does not recognise.
     */
    public static final class MainClasses implements ImportOption {
        private final ImportOption notTests = new DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return notTests.includes(location) && !location.contains("-tests.jar");
        }
    }
}
