package org.layerloom.engine.imports.code;

import java.util.List;

/** How one framework layer's bound arguments become LayerLoom layers; notes collect what was changed. */
@FunctionalInterface
interface LayerRecipe {

    Translation translate(BoundArgs args, List<String> notes);
}
