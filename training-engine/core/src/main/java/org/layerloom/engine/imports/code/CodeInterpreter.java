package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layerloom.engine.graph.LayerKind;
import org.layerloom.engine.graph.ParamValue;

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
    private final Map<CodeValue.InputSpec, String> inputNodes = new IdentityHashMap<>();
    private final GraphAssembler functional = new GraphAssembler();
    private final List<String> notes;
    private final List<CodeProblem> problems;
    private boolean torchImported;
    private boolean kerasImported;
    private CodeValue model;
    private String modelName = "";
    private CodeValue.Loss loss;
    private TrainingChanges training = TrainingChanges.none();

    CodeInterpreter(List<String> notes, List<CodeProblem> problems) {
        this.notes = notes;
        this.problems = problems;
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
        return Optional.ofNullable(loss);
    }

    TrainingChanges training() {
        return training;
    }

    GraphAssembler functional() {
        return functional;
    }

    Optional<String> inputNode(CodeValue.InputSpec spec) {
        return Optional.ofNullable(inputNodes.get(spec));
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
                loss = lossValue;
            } else if (value instanceof CodeValue.Optimizer optimizer) {
                setOptimizer(optimizer);
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
            return apply(layer, args, call.pos());
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
            compile(keywords, pos);
            model = target;
            return new CodeValue.NoneValue();
        }
        if (isModel(target) && name.equals("fit")) {
            fit(keywords);
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

    private void compile(List<CodeValue.Keyword> keywords, SourcePos pos) {
        for (CodeValue.Keyword keyword : keywords) {
            CodeValue value = keyword.value();
            switch (keyword.name()) {
                case "optimizer" -> {
                    if (value instanceof CodeValue.Text text) {
                        CodeValue.Optimizer optimizer = Optimizers.kerasByName(text.value())
                                .map(s -> new CodeValue.Optimizer(s, "'" + text.value() + "'", keyword.pos()))
                                .orElseThrow(() -> new ImportFailure(keyword.pos(), "LayerLoom has no optimizer '"
                                        + text.value() + "'.", "Use 'adam', 'adamw', 'sgd', 'rmsprop' or 'adagrad'."));
                        setOptimizer(optimizer);
                    } else if (value instanceof CodeValue.Optimizer optimizer) {
                        setOptimizer(optimizer);
                    } else {
                        throw new ImportFailure(keyword.pos(), "LayerLoom cannot tell which optimizer this is.",
                                "Write optimizer='adam' or optimizer=keras.optimizers.Adam(learning_rate=0.001).");
                    }
                }
                case "loss" -> loss = kerasLoss(value, keyword.pos());
                case "metrics", "weighted_metrics", "run_eagerly", "jit_compile", "steps_per_execution" -> {
                }
                default -> throw new ImportFailure(keyword.pos(), "compile(...) has no argument '" + keyword.name()
                        + "' that LayerLoom can import.", "Remove it.");
            }
        }
        if (keywords.isEmpty()) {
            notes.add("line " + pos.line() + ": compile() names no optimizer or loss; the project's stay.");
        }
    }

    private static CodeValue.Loss kerasLoss(CodeValue value, SourcePos pos) {
        if (value instanceof CodeValue.Loss given) {
            return given;
        }
        String name = value instanceof CodeValue.Text text ? text.value()
                : value instanceof CodeValue.Symbol symbol ? symbol.dotted().substring(symbol.dotted().lastIndexOf('.') + 1)
                : "";
        return Losses.kerasByName(name, pos).orElseThrow(() -> new ImportFailure(pos, "LayerLoom has no loss "
                + (name.isEmpty() ? "like this" : "'" + name + "'") + ".", "Use 'sparse_categorical_crossentropy',"
                + " 'categorical_crossentropy', 'binary_crossentropy', 'mse' or 'mae'."));
    }

    private void fit(List<CodeValue.Keyword> keywords) {
        for (CodeValue.Keyword keyword : keywords) {
            switch (keyword.name()) {
                case "epochs" -> training = training.withEpochs(positive(keyword, 100_000));
                case "batch_size" -> training = training.withBatchSize(positive(keyword, 1_000_000));
                case "validation_split" -> {
                    if (!(keyword.value() instanceof CodeValue.Num num) || num.value() < 0 || num.value() >= 1) {
                        throw new ImportFailure(keyword.pos(), "validation_split must be a fraction below 1.",
                                "Write validation_split=0.1.");
                    }
                    training = training.withValidationSplit(num.value());
                }
                default -> {
                }
            }
        }
        training.epochs().ifPresent(e -> notes.add("fit(...) set training to " + e + " epochs."));
        training.batchSize().ifPresent(b -> notes.add("fit(...) set the batch size to " + b + "."));
    }

    private static int positive(CodeValue.Keyword keyword, int max) {
        if (keyword.value() instanceof CodeValue.Num num && num.integral() && num.value() >= 1 && num.value() <= max) {
            return (int) num.value();
        }
        throw new ImportFailure(keyword.pos(), keyword.name() + " must be a whole number from 1 to " + max + ", not "
                + BoundArgs.describe(keyword.value()) + ".", "Write " + keyword.name() + "=10.");
    }

    private void setOptimizer(CodeValue.Optimizer optimizer) {
        training = training.withOptimizer(optimizer.settings());
        notes.add("line " + optimizer.pos().line() + ": the optimizer " + optimizer.description() + " became "
                + Optimizers.describe(optimizer.settings()) + ".");
    }

    private CodeValue symbolCall(String dotted, List<CodeValue> args, List<CodeValue.Keyword> keywords, SourcePos pos) {
        String name = dotted.substring(dotted.lastIndexOf('.') + 1);
        boolean torch = isTorch(dotted);
        switch (name) {
            case "Sequential" -> {
                return sequential(torch, args, keywords, pos);
            }
            case "Model" -> {
                return functionalModel(args, keywords, pos);
            }
            case "Input", "InputLayer" -> {
                if (!torch) {
                    return input(name, args, keywords, pos);
                }
            }
            case "add", "concatenate" -> {
                LayerKind kind = name.equals("add") ? LayerKind.ADD : LayerKind.CONCATENATE;
                List<CodeValue> inputs = args.isEmpty() ? List.of() : List.of(args.get(0));
                return merge(kind, name, inputs, keywords, pos);
            }
            case "DataLoader" -> {
                keywords.stream().filter(k -> k.name().equals("batch_size")).findFirst().ifPresent(k -> {
                    training = training.withBatchSize(positive(k, 1_000_000));
                    notes.add("line " + pos.line() + ": DataLoader(batch_size=...) set the batch size to "
                            + training.batchSize().getAsInt() + ".");
                });
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

    private CodeValue functionalModel(List<CodeValue> args, List<CodeValue.Keyword> keywords, SourcePos pos) {
        Map<String, CodeValue> given = new HashMap<>();
        for (int i = 0; i < args.size() && i < 2; i++) {
            given.put(i == 0 ? "inputs" : "outputs", args.get(i));
        }
        for (CodeValue.Keyword keyword : keywords) {
            given.put(keyword.name(), keyword.value());
        }
        CodeValue inputs = given.get("inputs");
        CodeValue outputs = given.get("outputs");
        if (inputs == null || outputs == null) {
            throw new ImportFailure(pos, "Model(...) needs its inputs and its outputs.",
                    "Write keras.Model(inputs=inputs, outputs=outputs).");
        }
        List<CodeValue> inputList = inputs instanceof CodeValue.Items items ? items.items() : List.of(inputs);
        if (outputs instanceof CodeValue.Items items) {
            if (items.items().size() != 1) {
                throw new ImportFailure(pos, "This model has " + items.items().size() + " outputs; a LayerLoom network"
                        + " has one.", "Keep one output.");
            }
            outputs = items.items().get(0);
        }
        for (CodeValue input : inputList) {
            if (!(input instanceof CodeValue.InputSpec)) {
                throw new ImportFailure(pos, "The inputs of Model(...) must come from keras.Input(shape=...).",
                        "Start the model with inputs = keras.Input(shape=(...)).");
            }
        }
        if (!(outputs instanceof CodeValue.Tensor)) {
            throw new ImportFailure(pos, "The outputs of Model(...) must be the result of a layer applied to the inputs.",
                    "Write outputs = layers.Dense(10)(x).");
        }
        return new CodeValue.FunctionalModel(inputList, outputs, pos);
    }

    /** A functional-style application: {@code layers.Dense(64)(x)}. */
    private CodeValue apply(CodeValue.LayerCall layer, List<CodeValue> args, SourcePos pos) {
        String name = layer.name();
        if (name.equals("Add") || name.equals("Concatenate")) {
            return merge(name.equals("Add") ? LayerKind.ADD : LayerKind.CONCATENATE, name, args, layer.keywords(), pos);
        }
        if (args.size() != 1) {
            throw new ImportFailure(pos, name + " is applied to " + args.size() + " values; it takes one.",
                    "Apply it to one tensor: " + name + "(...)(x).");
        }
        if (ZeroPadding.is(name)) {
            return new CodeValue.Padded(args.get(0), ZeroPadding.size(layer), layer.pos());
        }
        CodeValue source = args.get(0);
        int padding = 0;
        if (source instanceof CodeValue.Padded padded) {
            source = padded.source();
            padding = padded.padding();
        }
        String from = nodeOf(source, pos);
        LayerEntry entry = KerasSignatures.layer(name).orElseThrow(() -> unknownLayer(layer, false));
        BoundArgs bound = BoundArgs.bind(entry.signature(), layer.args(), layer.keywords(), layer.pos());
        Translation translation = entry.recipe().translate(bound, notes);
        List<LayerStep> steps = padding == 0 ? translation.steps()
                : ZeroPadding.into(translation.steps(), padding, ((CodeValue.Padded) args.get(0)).pos());
        return new CodeValue.Tensor(functional.chain(from, steps));
    }

    private CodeValue merge(LayerKind kind, String name, List<CodeValue> args, List<CodeValue.Keyword> keywords,
                            SourcePos pos) {
        if (args.size() != 1 || !(args.get(0) instanceof CodeValue.Items items) || items.items().size() < 2) {
            throw new ImportFailure(pos, name + " joins a list of two or more tensors.", "Write " + name
                    + "()([a, b]).");
        }
        Signature signature = new Signature(name, List.of(), kind == LayerKind.CONCATENATE
                ? java.util.Set.of("axis") : java.util.Set.of(), java.util.Set.of("name"));
        BoundArgs bound = BoundArgs.bind(signature, List.of(), keywords.stream()
                .filter(k -> !k.name().equals("inputs")).toList(), pos);
        List<String> sources = new ArrayList<>();
        for (CodeValue item : items.items()) {
            sources.add(nodeOf(item, pos));
        }
        LayerStep step = LayerStep.of(kind, pos, name);
        if (kind == LayerKind.CONCATENATE) {
            step = step.with("axis", new ParamValue.Int(bound.integer("axis", -1)));
        }
        return new CodeValue.Tensor(functional.merge(step, sources));
    }

    private String nodeOf(CodeValue value, SourcePos pos) {
        if (value instanceof CodeValue.Tensor tensor) {
            return tensor.nodeId();
        }
        if (value instanceof CodeValue.Padded padded) {
            throw new ImportFailure(padded.pos(), "LayerLoom pads inside a convolution, so a ZeroPadding layer must"
                    + " come right before one.", "Use padding='same' on the convolution instead.");
        }
        if (value instanceof CodeValue.InputSpec input) {
            return inputNodes.computeIfAbsent(input, i -> functional.input(i.shape(), i.tokenIds(), i.pos()));
        }
        throw new ImportFailure(pos, "A layer is applied to " + BoundArgs.describe(value) + ", which is not the output"
                + " of keras.Input(...) or of another layer.", "Apply layers to inputs = keras.Input(shape=(...)) and to"
                + " what earlier layers give.");
    }

    static ImportFailure unknownLayer(CodeValue.LayerCall layer, boolean torch) {
        String name = layer.name();
        boolean otherFramework = torch ? KerasSignatures.isLayer(name) : TorchSignatures.isLayer(name);
        if (otherFramework) {
            return new ImportFailure(layer.pos(), name + " is a " + (torch ? "Keras" : "PyTorch") + " layer, but this"
                    + " model is built with " + (torch ? "PyTorch's nn.Sequential" : "Keras") + ".", torch
                    ? "Use PyTorch's layers: nn.Linear, nn.Conv2d, nn.ReLU, ..."
                    : "Use Keras's layers: layers.Dense, layers.Conv2D, ...");
        }
        return new ImportFailure(layer.pos(), "LayerLoom cannot import the layer " + layer.dotted() + ".", torch
                ? "LayerLoom reads nn.Linear, Conv1d, Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, Flatten,"
                + " Dropout, BatchNorm1d/2d, LayerNorm, Embedding and the activations."
                : "LayerLoom reads Dense, Conv1D, Conv2D, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D,"
                + " Flatten, Reshape, Dropout, BatchNormalization, LayerNormalization, Embedding, SimpleRNN, LSTM,"
                + " GRU, Add, Concatenate and the activations; add other layers in the editor.");
    }
}
