package org.layerloom.engine.kernels;

import java.util.List;
import java.util.Optional;

/** The outcome of one run of the {@link KernelSelfTest}: every case's result and how long it took. Immutable. */
public record SelfTestReport(List<CaseResult> cases, long millis) {

    public SelfTestReport {
        cases = List.copyOf(cases);
    }

    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    public List<CaseResult> failures() {
        return cases.stream().filter(c -> !c.passed()).toList();
    }

    /** The first failing case, described, or empty when all passed. */
    public Optional<String> firstFailure() {
        return cases.stream().filter(c -> !c.passed()).findFirst().map(CaseResult::describe);
    }

    /** "passed 24 cases in 35 ms" or "3 of 24 cases failed, first conv2d …: forward off by 0.51". */
    public String summary() {
        List<CaseResult> failed = failures();
        if (failed.isEmpty()) {
            return "passed " + cases.size() + " cases in " + millis + " ms";
        }
        return failed.size() + " of " + cases.size() + " cases failed, first " + failed.get(0).describe();
    }
}
