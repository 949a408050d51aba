package org.maqd.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies between packages (docs/architecture.md, README Layout), checked on the compiled
 * classes with ArchUnit: JavaFX only in ui; low-level packages stay low; no cycles between packages.
 */
class LayeringTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.maqd");
    }

    static final List<String> ALL = List.of("tensor", "nn", "quant", "norm", "optim", "data", "model", "train", "run",
            "experiment", "sweep", "deploy", "onnx", "report", "bench", "cli", "ui");

    /** package → the org.maqd packages it may depend on (besides itself and its subpackages). */
    static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("run", List.of()),
            Map.entry("tensor", List.of()),
            Map.entry("nn", List.of("tensor")),
            Map.entry("quant", List.of("tensor", "nn")),
            Map.entry("norm", List.of("tensor", "nn")),
            Map.entry("optim", List.of("tensor", "nn")),
            Map.entry("data", List.of("tensor")),
            Map.entry("model", List.of("tensor", "nn", "quant", "norm", "run")),
            Map.entry("train", List.of("tensor", "nn", "quant", "norm", "optim", "data", "model", "run")),
            Map.entry("experiment", List.of("tensor", "nn", "quant", "norm", "optim", "data", "model", "train", "run")),
            Map.entry("onnx", List.of("tensor", "nn", "quant", "norm", "data", "model", "experiment", "run")));

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.maqd.ui..").should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("JavaFX is the ui's alone").check(classes);
    }

    @Test
    void lowerPackagesDependOnlyOnLowerOnes() {
        for (var e : ALLOWED.entrySet()) {
            String[] forbidden = ALL.stream().filter(p -> !p.equals(e.getKey()) && !e.getValue().contains(p))
                    .map(p -> "org.maqd." + p + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("org.maqd." + e.getKey() + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(forbidden).because(e.getKey() + " may use only " + e.getValue()).check(classes);
        }
    }

    @Test
    void theEngineNeverUsesTheUiOrTheCli() {
        noClasses().that().resideOutsideOfPackages("org.maqd.ui..", "org.maqd.cli..", "org.maqd")
                .should().dependOnClassesThat().resideInAnyPackage("org.maqd.ui..", "org.maqd.cli..").check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.maqd.(*)..").should().beFreeOfCycles().check(classes);
    }
}
