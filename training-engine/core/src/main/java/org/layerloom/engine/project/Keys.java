package org.layerloom.engine.project;

import java.util.List;

/** The keys of a {@code .loom} file, shared by the reader and the writer so they cannot drift apart. */
final class Keys {

    static final String FORMAT = "format";
    static final String NAME = "name";
    static final String GRAPH = "graph";
    static final String DATASET = "dataset";
    static final String TRAINING = "training";
    static final String STARTING_WEIGHTS = "startingWeights";
    static final String ASSIGNMENT = "assignment";
    static final List<String> PROJECT = List.of(FORMAT, NAME, GRAPH, DATASET, TRAINING, STARTING_WEIGHTS, ASSIGNMENT);

    static final String TITLE = "title";
    static final String INSTRUCTIONS = "instructions";
    static final String GOALS = "goals";
    static final String LOCKS = "locks";
    static final List<String> ASSIGNMENT_KEYS = List.of(TITLE, INSTRUCTIONS, GOALS, LOCKS);

    static final String VALUE = "value";
    static final String LAYER = "layer";
    static final String SETTING = "setting";
    static final String REASON = "reason";

    static final String NODES = "nodes";
    static final String WIRES = "wires";
    static final List<String> GRAPH_KEYS = List.of(NODES, WIRES);

    static final String ID = "id";
    static final String KIND = "kind";
    static final String POSITION = "position";
    static final String PARAMS = "params";
    static final List<String> NODE = List.of(ID, KIND, NAME, POSITION, PARAMS);

    static final String X = "x";
    static final String Y = "y";
    static final List<String> POSITION_KEYS = List.of(X, Y);

    static final String FROM = "from";
    static final String TO = "to";
    static final List<String> WIRE = List.of(FROM, TO);

    static final String NODE_ID = "node";
    static final String PORT = "port";
    static final List<String> PORT_REF = List.of(NODE_ID, PORT);

    static final String SOURCE = "source";
    static final String OPTIONS = "options";
    static final List<String> DATASET_KEYS = List.of(SOURCE, OPTIONS);

    static final String OPTIMIZER = "optimizer";
    static final String SCHEDULE = "schedule";
    static final String BATCH_SIZE = "batchSize";
    static final String EPOCHS = "epochs";
    static final String VALIDATION_SPLIT = "validationSplit";
    static final String SEED = "seed";
    static final String DEVICE = "device";
    static final String WEIGHT_AVERAGE = "weightAverage";
    static final String PATIENCE = "patience";
    static final List<String> TRAINING_KEYS =
            List.of(OPTIMIZER, SCHEDULE, BATCH_SIZE, EPOCHS, VALIDATION_SPLIT, SEED, DEVICE, WEIGHT_AVERAGE, PATIENCE);

    static final String LEARNING_RATE = "learningRate";
    static final String MOMENTUM = "momentum";
    static final String NESTEROV = "nesterov";
    static final String BETA1 = "beta1";
    static final String BETA2 = "beta2";
    static final String EPSILON = "epsilon";
    static final String WEIGHT_DECAY = "weightDecay";
    static final String GRADIENT_CLIP = "gradientClip";
    static final List<String> OPTIMIZER_KEYS = List.of(KIND, LEARNING_RATE, MOMENTUM, NESTEROV, BETA1, BETA2,
            EPSILON, WEIGHT_DECAY, GRADIENT_CLIP);

    static final String STEP_EPOCHS = "stepEpochs";
    static final String GAMMA = "gamma";
    static final String WARMUP_EPOCHS = "warmupEpochs";
    static final String MIN_LEARNING_RATE = "minLearningRate";
    static final List<String> SCHEDULE_KEYS = List.of(KIND, STEP_EPOCHS, GAMMA, WARMUP_EPOCHS, MIN_LEARNING_RATE);

    private Keys() {
    }
}
