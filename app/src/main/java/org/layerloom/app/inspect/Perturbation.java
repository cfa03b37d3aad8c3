package org.layerloom.app.inspect;

import java.util.Optional;
import org.layerloom.engine.inspect.perturb.LimeExplanation;
import org.layerloom.engine.inspect.perturb.OcclusionMap;

/**
 * Why the network gave one input's answer, by hiding parts of the input: the occlusion map (images), the LIME
 * explanation (images, text and tables), the settings they were computed with, and one sentence on where
 * they and the gradient methods agree or disagree. Immutable; any thread.
 */
public record Perturbation(int classIndex, PerturbSettings settings, Optional<OcclusionMap> occlusion,
                           Optional<LimeExplanation> lime, String agreement) {
}
