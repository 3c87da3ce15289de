package dev.backprop.playground.engine.nn;

/**
 * The typed id of a node of the network graph: what it stands for, in which linear layer (1 for W1,
 * z1, h1 ...; 0 where no layer applies) and, in the neuron view, which unit (0-based; -1 for a whole
 * layer). The stepper and the graph builders produce it; whoever needs the layer of a step or node reads
 * {@link #layer()} here instead of parsing {@link #text()}, which is only the key the layout, the SVG and
 * the viewer index nodes by.
 */
public record NodeId(Role role, int layer, int unit) {

    /** What a node of the network graph stands for. */
    public enum Role {
        /** The raw input x. */
        INPUT,
        /** The expanded features fed to the first layer (x1², sin x1 ...). */
        FEATURES,
        /** A layer's weight matrix W_k. */
        WEIGHT,
        /** A layer's bias b_k. */
        BIAS,
        /** h_{k-1} · W_k. */
        MATMUL,
        /** z_k = h_{k-1} · W_k + b_k. */
        ADD,
        /** h_k = f(z_k), ŷ for the last layer. */
        ACTIVATION,
        /** The label y. */
        LABEL,
        /** The loss L. */
        LOSS,
        /** The optimizer's update (a step of the step-through, no node of the graph). */
        UPDATE,
        /** One unit of a hidden layer in the neuron view. */
        UNIT,
        /** One output unit in the neuron view. */
        OUTPUT_UNIT,
        /** The "+N more" (or "fewer") node of a hidden layer: a click expands the layer. */
        MORE_UNITS,
        /** The "+N more" node of the outputs. */
        MORE_OUTPUTS
    }

    public NodeId {
        if (role == null || layer < 0 || unit < -1) {
            throw new IllegalArgumentException("node id " + role + " layer " + layer + " unit " + unit);
        }
    }

    public static NodeId input() {
        return new NodeId(Role.INPUT, 0, -1);
    }

    public static NodeId features() {
        return new NodeId(Role.FEATURES, 0, -1);
    }

    /** What the first layer receives: x, or the features when the network expands its inputs. */
    public static NodeId firstLayerInput(boolean rawInputs) {
        return rawInputs ? input() : features();
    }

    public static NodeId weight(int layer) {
        return new NodeId(Role.WEIGHT, layer, -1);
    }

    public static NodeId bias(int layer) {
        return new NodeId(Role.BIAS, layer, -1);
    }

    public static NodeId matmul(int layer) {
        return new NodeId(Role.MATMUL, layer, -1);
    }

    public static NodeId add(int layer) {
        return new NodeId(Role.ADD, layer, -1);
    }

    public static NodeId activation(int layer) {
        return new NodeId(Role.ACTIVATION, layer, -1);
    }

    public static NodeId label() {
        return new NodeId(Role.LABEL, 0, -1);
    }

    public static NodeId loss() {
        return new NodeId(Role.LOSS, 0, -1);
    }

    public static NodeId update() {
        return new NodeId(Role.UPDATE, 0, -1);
    }

    /**
     * Unit {@code unit} (0-based) of layer {@code layer} of {@code units} in the neuron view; the only output
     * unit of a one-output network has unit -1 (its text is just {@code out}).
     */
    public static NodeId unit(int layer, int unit, int units, boolean output) {
        return output ? new NodeId(Role.OUTPUT_UNIT, layer, units == 1 ? -1 : unit) : new NodeId(Role.UNIT, layer, unit);
    }

    /** The "+N more" node after the shown units of a layer. */
    public static NodeId more(int layer, boolean output) {
        return new NodeId(output ? Role.MORE_OUTPUTS : Role.MORE_UNITS, layer, -1);
    }

    /** True for the steps and nodes of one layer's z or activation (a layer the neuron view walks unit by unit). */
    public boolean isLayerOutput() {
        return role == Role.ADD || role == Role.ACTIVATION;
    }

    /**
     * The text key: {@code W2}, {@code add1}, {@code act3}, {@code h1.4}, {@code out}, {@code h2.more} ...
     * (the ids graphs had before they were typed, so layouts, SVG ids and saved pictures keep their names).
     */
    public String text() {
        return switch (role) {
            case INPUT -> "x";
            case FEATURES -> "features";
            case WEIGHT -> "W" + layer;
            case BIAS -> "b" + layer;
            case MATMUL -> "matmul" + layer;
            case ADD -> "add" + layer;
            case ACTIVATION -> "act" + layer;
            case LABEL -> "y";
            case LOSS -> "loss";
            case UPDATE -> "update";
            case UNIT -> "h" + layer + "." + (unit + 1);
            case OUTPUT_UNIT -> unit < 0 ? "out" : "out." + (unit + 1);
            case MORE_UNITS -> "h" + layer + ".more";
            case MORE_OUTPUTS -> "out.more";
        };
    }
}
