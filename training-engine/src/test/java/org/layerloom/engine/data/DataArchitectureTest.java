package org.layerloom.engine.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The data layer is plain Java: the trainer adapts it to DJL, the app to JavaFX. */
class DataArchitectureTest {

    @Test
    void data_imports_neither_djl_nor_javafx() {
        noClasses().that().resideInAPackage("org.layerloom.engine.data..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "javafx..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.layerloom.engine.data"));
    }
}
