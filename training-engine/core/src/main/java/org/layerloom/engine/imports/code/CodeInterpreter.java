package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;

/**
 * Walks the parsed statements in order, keeping what each name stands for: layers, models, optimizers,
 * losses, numbers. Functional-style layer calls build nodes as they are met; {@code model.add},
 * {@code compile} and {@code fit} update the model and the training settings. Statements that cannot be
 * imported become problems and the walk goes on. One per import; not thread-safe.
 */
final class CodeInterpreter {

    private static final List<String> IGNORED_METHODS = List.of("summary", "evaluate", "predict", "save", "to",
            "cuda", "cpu", "train", "eval", "build", "save_weights", "load_weights", "plot_model", "zero_grad",
            "backward", "step", "count_params", "get_config");

    private final Map<String, CodeValue> names = new HashMap<>();
    private final List<String> notes;
    private final List<CodeProblem> problems;
    private boolean torchImported;
    private boolean kerasImported;
    private CodeValue model;
    private String modelName = "";
    private final TrainingCalls trainingCalls;
    private final FunctionalGraph functional;

    CodeInterpreter(List<String> notes, List<CodeProblem> problems) {
        this.notes = notes;
        this.problems = problems;
        this.trainingCalls = new TrainingCalls(notes);
        this.functional = new FunctionalGraph(notes);
    }

    void run(List<PyStatement> statements) {
        for (PyStatement statement : statements) {
            try {
                execute(statement);
            } catch (ImportFailure failure) {
                problems.add(failure.problem());
            }
        }
    }

    /** The model the code builds: the one compiled or trained, else the last one assigned. */
    Optional<CodeValue> model() {
        return Optional.ofNullable(model);
    }

    Optional<CodeValue.Loss> loss() {
        return trainingCalls.loss();
    }

    TrainingChanges training() {
        return trainingCalls.training();
    }

    FunctionalGraph functional() {
        return functional;
    }

    private void execute(PyStatement statement) {
        if (statement instanceof PyStatement.Import imported) {
            String module = imported.module().toLowerCase(Locale.ROOT);
            torchImported |= module.contains("torch");
            kerasImported |= module.contains("keras") || module.contains("tensorflow");
            return;
        }
        if (statement instanceof PyStatement.Expression expression) {
            CodeValue value = evaluate(expression.value());
            if (isModel(value) && model == null) {
                model = value;
            }
            return;
        }
        PyStatement.Assign assign = (PyStatement.Assign) statement;
        CodeValue value = evaluate(assign.value());
        for (PyExpr target : assign.targets()) {
            bind(target, value);
        }
    }

    private void bind(PyExpr target, CodeValue value) {
        if (target instanceof PyExpr.Name name) {
            names.put(name.id(), value);
            if (isModel(value)) {
                model = value;
                modelName = name.id();
            } else if (value instanceof CodeValue.Loss lossValue) {
                trainingCalls.setLoss(lossValue);
            } else if (value instanceof CodeValue.Optimizer optimizer) {
                trainingCalls.setOptimizer(optimizer);
            }
        } else if (target instanceof PyExpr.Sequence sequence) {
            for (PyExpr item : sequence.items()) {
                bind(item, new CodeValue.Unknown("an unpacked value"));
            }
        }
    }

    private static boolean isModel(CodeValue value) {
        return value instanceof CodeValue.SequentialModel || value instanceof CodeValue.FunctionalModel;
    }

    private CodeValue evaluate(PyExpr expr) {
        if (expr instanceof PyExpr.Name name) {
            return switch (name.id()) {
                case "True" -> new CodeValue.Bool(true);
                case "False" -> new CodeValue.Bool(false);
                case "None" -> new CodeValue.NoneValue();
                default -> names.getOrDefault(name.id(), new CodeValue.Symbol(name.id()));
            };
        }
        if (expr instanceof PyExpr.Num num) {
            return new CodeValue.Num(num.value(), num.integral());
        }
        if (expr instanceof PyExpr.Str str) {
            return new CodeValue.Text(str.value());
        }
        if (expr instanceof PyExpr.Sequence sequence) {
            return new CodeValue.Items(sequence.items().stream().map(this::evaluate).toList());
        }
        if (expr instanceof PyExpr.Attr attr) {
            CodeValue target = evaluate(attr.target());
            return target instanceof CodeValue.Symbol symbol ? new CodeValue.Symbol(symbol.dotted() + "." + attr.name())
                    : new CodeValue.Unknown("'" + attr.name() + "' of a value computed when Python runs");
        }
        if (expr instanceof PyExpr.Binary binary) {
            return arithmetic(binary);
        }
        if (expr instanceof PyExpr.Call call) {
            return call(call);
        }
        if (expr instanceof PyExpr.Formatted) {
            return new CodeValue.Unknown("an f-string");
        }
        return new CodeValue.Unknown("a value picked out of a list or array");
    }

    private CodeValue arithmetic(PyExpr.Binary binary) {
        CodeValue left = evaluate(binary.left());
        CodeValue right = evaluate(binary.right());
        if (!(left instanceof CodeValue.Num a) || !(right instanceof CodeValue.Num b)) {
            return new CodeValue.Unknown("a calculation");
        }
        boolean integral = a.integral() && b.integral();
        double result;
        switch (binary.op()) {
            case "+" -> result = a.value() + b.value();
            case "-" -> result = a.value() - b.value();
            case "*" -> result = a.value() * b.value();
            case "/" -> {
                result = a.value() / b.value();
                integral = false;
            }
            case "//" -> result = Math.floor(a.value() / b.value());
            default -> result = a.value() % b.value();
        }
        if (!Double.isFinite(result)) {
            throw new ImportFailure(binary.pos(), "This calculation divides by zero.", "Write the number itself.");
        }
        return new CodeValue.Num(result, integral);
    }

    private CodeValue call(PyExpr.Call call) {
        List<CodeValue> args = call.args().stream().map(this::evaluate).toList();
        List<CodeValue.Keyword> keywords = call.keywords().stream()
                .map(k -> new CodeValue.Keyword(k.name(), evaluate(k.value()), k.pos())).toList();
        if (call.callee() instanceof PyExpr.Attr attr) {
            CodeValue target = evaluate(attr.target());
            if (!(target instanceof CodeValue.Symbol)) {
                return method(attr, target, args, keywords, call.pos());
            }
        }
        CodeValue callee = evaluate(call.callee());
        if (callee instanceof CodeValue.LayerCall layer) {
            return functional.apply(layer, args, call.pos());
        }
        if (callee instanceof CodeValue.Symbol symbol) {
            return symbolCall(symbol.dotted(), args, keywords, call.pos());
        }
        return new CodeValue.Unknown("the result of a call");
    }

    private CodeValue method(PyExpr.Attr attr, CodeValue target, List<CodeValue> args,
                             List<CodeValue.Keyword> keywords, SourcePos pos) {
        String name = attr.name();
        if (target instanceof CodeValue.SequentialModel sequential && name.equals("add")) {
            if (sequential.torch()) {
                throw new ImportFailure(pos, "nn.Sequential has no add(...).", "List every layer inside nn.Sequential(...).");
            }
            if (args.size() != 1 || !(args.get(0) instanceof CodeValue.LayerCall
                    || args.get(0) instanceof CodeValue.InputSpec)) {
                throw new ImportFailure(pos, "model.add(...) takes one layer, such as layers.Dense(10).",
                        "Add one layer per call.");
            }
            CodeValue.SequentialModel grown = args.get(0) instanceof CodeValue.LayerCall layer
                    ? sequential.withLayer(layer) : withInput(sequential, (CodeValue.InputSpec) args.get(0));
            if (attr.target() instanceof PyExpr.Name variable) {
                names.put(variable.id(), grown);
                if (variable.id().equals(modelName) || model == sequential) {
                    model = grown;
                    modelName = variable.id();
                }
            }
            return new CodeValue.NoneValue();
        }
        if (isModel(target) && name.equals("compile")) {
            trainingCalls.compile(keywords, pos);
            model = target;
            return new CodeValue.NoneValue();
        }
        if (isModel(target) && name.equals("fit")) {
            trainingCalls.fit(keywords);
            model = target;
            return new CodeValue.Unknown("the training history");
        }
        if (isModel(target) && name.equals("parameters")) {
            return new CodeValue.Unknown("the model's parameters");
        }
        if (isModel(target) && !IGNORED_METHODS.contains(name)) {
            notes.add("line " + pos.line() + ": model." + name + "(...) was left out; LayerLoom only needs the model.");
        }
        return new CodeValue.Unknown("the result of " + name + "(...)");
    }

    private static CodeValue.SequentialModel withInput(CodeValue.SequentialModel model, CodeValue.InputSpec input) {
        List<CodeValue.Keyword> shape = List.of(new CodeValue.Keyword("input_spec", input, input.pos()));
        return model.withLayer(new CodeValue.LayerCall("Input", List.of(), shape, input.pos()));
    }

    private CodeValue symbolCall(String dotted, List<CodeValue> args, List<CodeValue.Keyword> keywords, SourcePos pos) {
        String name = dotted.substring(dotted.lastIndexOf('.') + 1);
        boolean torch = isTorch(dotted);
        switch (name) {
            case "Sequential" -> {
                return sequential(torch, args, keywords, pos);
            }
            case "Model" -> {
                return functional.model(args, keywords, pos);
            }
            case "Input", "InputLayer" -> {
                if (!torch) {
                    return input(name, args, keywords, pos);
                }
            }
            case "add", "concatenate" -> {
                LayerKind kind = name.equals("add") ? LayerKind.ADD : LayerKind.CONCATENATE;
                List<CodeValue> inputs = args.isEmpty() ? List.of() : List.of(args.get(0));
                return functional.merge(kind, name, inputs, keywords, pos);
            }
            case "DataLoader" -> {
                trainingCalls.dataLoader(keywords, pos);
                return new CodeValue.Unknown("a data loader");
            }
            default -> {
            }
        }
        if (Optimizers.isOptimizer(name)) {
            boolean torchOptimizer = dotted.contains("optim.") && !dotted.contains("optimizers.")
                    || torch || (torchImported && !kerasImported);
            BoundArgs bound = BoundArgs.bind(Optimizers.signature(name, torchOptimizer), args, keywords, pos);
            return new CodeValue.Optimizer(torchOptimizer ? Optimizers.torch(name, bound) : Optimizers.keras(name, bound),
                    dotted + "(...)", pos);
        }
        if (Losses.isTorchLoss(name)) {
            return Losses.torch(name, BoundArgs.bind(Losses.torchSignature(name), args, keywords, pos));
        }
        if (Losses.isKerasLoss(name)) {
            return Losses.keras(name, BoundArgs.bind(Losses.kerasSignature(name), args, keywords, pos));
        }
        boolean layerPath = dotted.contains("layers.") || dotted.startsWith("nn.") || dotted.contains(".nn.");
        if (KerasSignatures.isLayer(name) || TorchSignatures.isLayer(name) || name.equals("Add")
                || name.equals("Concatenate")
                || (layerPath && !name.isEmpty() && Character.isUpperCase(name.charAt(0)))) {
            return new CodeValue.LayerCall(dotted, args, keywords, pos);
        }
        return new CodeValue.Unknown("the result of " + dotted + "(...)");
    }

    private boolean isTorch(String dotted) {
        if (dotted.startsWith("nn.") || dotted.startsWith("torch.") || dotted.contains(".nn.")) {
            return true;
        }
        if (dotted.contains("keras") || dotted.contains("layers.") || dotted.startsWith("tf.")
                || dotted.contains("models.")) {
            return false;
        }
        return torchImported && !kerasImported;
    }

    private CodeValue sequential(boolean torch, List<CodeValue> args, List<CodeValue.Keyword> keywords, SourcePos pos) {
        List<CodeValue> items = new ArrayList<>();
        if (torch) {
            items.addAll(args);
        } else {
            CodeValue list = !args.isEmpty() ? args.get(0) : keywords.stream().filter(k -> k.name().equals("layers"))
                    .map(CodeValue.Keyword::value).findFirst().orElse(new CodeValue.Items(List.of()));
            if (list instanceof CodeValue.Items given) {
                items.addAll(given.items());
            } else if (!(list instanceof CodeValue.NoneValue)) {
                throw new ImportFailure(pos, "keras.Sequential(...) takes a list of layers.",
                        "Write keras.Sequential([layers.Dense(64), ...]).");
            }
        }
        CodeValue.SequentialModel model = new CodeValue.SequentialModel(torch, List.of(), pos);
        for (CodeValue item : items) {
            if (item instanceof CodeValue.LayerCall layer) {
                model = model.withLayer(layer);
            } else if (item instanceof CodeValue.InputSpec input && !torch) {
                model = withInput(model, input);
            } else if (item instanceof CodeValue.SequentialModel inner) {
                for (CodeValue.LayerCall layer : inner.layers()) {
                    model = model.withLayer(layer);
                }
            } else {
                throw new ImportFailure(pos, (torch ? "nn.Sequential" : "Sequential") + " holds something that is not"
                        + " a layer: " + BoundArgs.describe(item) + ".", torch
                        ? "List only layers such as nn.Linear(784, 10), nn.ReLU()."
                        : "List only layers such as layers.Dense(10).");
            }
        }
        return model;
    }

    private CodeValue input(String name, List<CodeValue> args, List<CodeValue.Keyword> keywords, SourcePos pos) {
        Signature signature = new Signature(name, List.of("shape"), java.util.Set.of("input_shape", "batch_size",
                "dtype", "batch_shape"), java.util.Set.of("name", "sparse", "tensor", "ragged"));
        BoundArgs bound = BoundArgs.bind(signature, args, keywords, pos);
        List<Integer> shape = bound.has("shape") ? bound.dims("shape") : bound.has("input_shape")
                ? bound.dims("input_shape") : List.of();
        if (shape.isEmpty()) {
            throw new ImportFailure(pos, name + "(...) needs the shape of one example.", "Write " + name
                    + "(shape=(28, 28, 1)).");
        }
        boolean tokens = bound.text("dtype").map(d -> d.startsWith("int")).orElse(false);
        List<Integer> converted = KerasSignatures.channelsFirst(shape);
        if (!converted.equals(shape)) {
            notes.add("line " + pos.line() + ": the input shape " + shape + " (height, width, channels) became "
                    + converted + ": LayerLoom keeps images channels first (C, H, W).");
        }
        return new CodeValue.InputSpec(converted, tokens, pos);
    }

}
