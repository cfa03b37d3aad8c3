package org.layerloom.engine.project;

import java.util.ArrayList;
import java.util.List;
import org.layerloom.engine.graph.ChoiceOption;
import org.layerloom.engine.graph.LayerCatalog;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.LayerType;
import org.layerloom.engine.graph.ParamSpec;
import org.layerloom.engine.graph.ParamValue;
import org.layerloom.engine.graph.Parameters;

/**
 * Reads the {@code params} of one layer. Parameters the file leaves out take the catalog's default;
 * values of the wrong type, and names the layer kind does not have, are errors. Values of the right type
 * but outside the allowed range (or choices that are not offered) load as they are, so the validator
 * can explain them and offer a fix. Immutable; any thread.
 */
final class ParamReader {

    private final LayerCatalog catalog;

    ParamReader(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    Parameters read(JsonCursor params, LayerKind kind) throws ProjectFileException {
        LayerType type = catalog.type(kind);
        Parameters result = type.defaultParameters();
        if (!params.isPresent()) {
            return result;
        }
        params.object("The parameters of a layer are named values, like \"params\" : { \"units\" : 64 }.");
        for (JsonCursor member : params.members()) {
            ParamSpec spec = type.parameter(member.key()).orElse(null);
            if (spec == null) {
                throw unknown(member, type);
            }
            result = result.with(spec.name(), value(member, spec));
        }
        return result;
    }

    private static ProjectFileException unknown(JsonCursor member, LayerType type) {
        String kind = type.kind().id();
        if (type.parameters().isEmpty()) {
            return member.fail(kind + " layers have no parameters, so " + Words.quoted(member.key()) + " cannot be"
                    + " set. Delete it.");
        }
        List<String> names = type.parameters().stream().map(ParamSpec::name).toList();
        return member.fail(kind + " layers have no parameter " + Words.quoted(member.key()) + "."
                + Words.didYouMean(member.key(), names) + " Their parameters are " + Words.quotedList(names) + ".");
    }

    private static ParamValue value(JsonCursor member, ParamSpec spec) throws ProjectFileException {
        String label = "\"" + spec.label() + "\"";
        switch (spec.type()) {
            case INTEGER:
                return new ParamValue.Int(member.wholeInt(label + " takes a whole number " + spec.range().describe(true)
                        + "."));
            case REAL:
                return new ParamValue.Real(member.number(label + " takes a number " + spec.range().describe(false) + "."));
            case FLAG:
                return new ParamValue.Flag(member.flag(label + " takes true or false."));
            case CHOICE:
                return new ParamValue.Choice(member.text(label + " takes one of "
                        + Words.quotedList(spec.choices().stream().map(ChoiceOption::id).toList()) + "."));
            case DIMS:
                String advice = label + " takes a list of sizes, like [ 1, 28, 28 ].";
                member.array(advice);
                List<Integer> sizes = new ArrayList<>(member.size());
                for (JsonCursor size : member.elements()) {
                    sizes.add(size.wholeInt(advice));
                }
                return new ParamValue.Dims(sizes);
            default:
                throw new IllegalStateException("no reader for " + spec.type());
        }
    }
}
