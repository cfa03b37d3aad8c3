package org.layerloom.app.inspect;

import java.util.Optional;
import org.layerloom.engine.inspect.GradCamMap;
import org.layerloom.engine.inspect.SaliencyMap;
import org.layerloom.engine.inspect.TokenImportance;

/**
 * Why the network gave one input's answer, for the "Why this prediction" section: the class explained,
 * the saliency and SmoothGrad maps (real-valued inputs), the Grad-CAM map (convolutional networks) and the
 * per-token importance (text models); each is absent where it does not apply. Immutable; any thread.
 */
public record Explanation(int classIndex, Optional<SaliencyMap> saliency, Optional<SaliencyMap> smoothGrad,
                          Optional<GradCamMap> gradCam, Optional<TokenImportance> tokens) {
}
