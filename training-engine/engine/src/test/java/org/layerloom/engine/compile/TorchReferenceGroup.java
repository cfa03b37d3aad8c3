package org.layerloom.engine.compile;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.layerloom.engine.kernels.KernelGuard;

/**
 * What the test classes of one fixture group share: a manager for the class's cases, the check of each
 * case ({@link TorchReferenceCheck}) and the table of worst differences printed at the end. One instance
 * per test class; one test thread.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TorchReferenceGroup {

    private final WorstByKind worst;
    private NDManager manager;

    TorchReferenceGroup(String title) {
        this.worst = new WorstByKind(title);
    }

    @BeforeAll
    void openManager() {
        // The kernels the product runs on this machine (and in the build's second run, what the mode asks for):
        // without this, a class run alone compared libtorch's raw defaults until its first difference.
        KernelGuard.ensure();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    void closeManagerAndPrintTable() {
        manager.close();
        worst.print();
    }

    /** Checks {@code testCase} and folds its worst differences into the table's row {@code row}. */
    void check(ReferenceCase testCase, String row) {
        WorstByKind.Worst differences = new WorstByKind.Worst();
        try {
            TorchReferenceCheck.check(testCase, manager, differences);
        } finally {
            worst.record(row, testCase.toString(), differences);
        }
    }
}
