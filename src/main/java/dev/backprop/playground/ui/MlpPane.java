package dev.backprop.playground.ui;

import dev.backprop.playground.engine.value.MlpSetup;
import dev.backprop.playground.engine.value.MlpTraining;
import dev.backprop.playground.lab.ExampleTable;
import dev.backprop.playground.lab.LabModel;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Seed 001's "can our network learn?" in the lab: the MLP's sizes, its examples as a small table,
 * the learning rate, the seed and the epochs to run, and the loss per epoch as a chart. It reads
 * its fields into an {@link MlpSetup} and hands it to the model; it never trains itself.
 */
final class MlpPane extends VBox {
    private final TextField sizes = field("3-4-4-1", "mlp-sizes", "inputs-layer-...-1, as seed 001's MLP(3, [4, 4, 1])");
    private final TextArea examples = new TextArea();
    private final TextField learningRate = field("0.05", "mlp-lr", "p.data += -lr * p.grad");
    private final TextField epochs = field("20", "mlp-epochs", "epochs per Train (1 to " + LabModel.MAX_EPOCHS + ")");
    private final TextField seed = field("1", "mlp-seed", "seed of the random weights U(-1, 1)");
    private final Label problem = new Label();
    private final XYChart.Series<Number, Number> loss = new XYChart.Series<>();
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());

    /**
     * @param train receives the setup and the epochs to run when Train is pressed
     * @param reset receives the setup when Reset is pressed
     */
    MlpPane(BiConsumer<MlpSetup, Integer> train, Consumer<MlpSetup> reset) {
        super(6);
        setPadding(new Insets(6));
        MlpSetup s = MlpSetup.seed001();
        examples.setId("mlp-examples");
        examples.getStyleClass().add("code");
        examples.setPrefRowCount(5);
        examples.setText(ExampleTable.format(s.xs(), s.ys()));
        examples.setTooltip(new Tooltip("One example a line: inputs, then -> and the target (at most "
                + MlpSetup.MAX_EXAMPLES + ")"));
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("sizes"), sizes);
        form.addRow(1, new Label("learning rate"), learningRate);
        form.addRow(2, new Label("epochs"), epochs);
        form.addRow(3, new Label("seed"), seed);
        Button trainButton = new Button("Train");
        trainButton.setId("mlp-train");
        trainButton.setTooltip(new Tooltip("Run the epochs: forward, zero_grad (unless switched off above), backward, update"));
        Button resetButton = new Button("Reset");
        resetButton.setId("mlp-reset");
        resetButton.setTooltip(new Tooltip("A new MLP from the seed, before any training"));
        trainButton.setOnAction(e -> read(setup -> train.accept(setup, Integer.parseInt(epochs.getText().strip()))));
        resetButton.setOnAction(e -> read(reset));
        problem.setId("mlp-error");
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        problem.setMinHeight(USE_PREF_SIZE);
        chart.setId("mlp-chart");
        chart.setTitle("loss per epoch");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        NumberAxis epochAxis = (NumberAxis) chart.getXAxis();
        epochAxis.setLabel("epoch");
        epochAxis.setMinorTickVisible(false);
        epochAxis.setTickLabelFormatter(new javafx.util.converter.NumberStringConverter("#"));
        chart.getYAxis().setLabel("sum of squared errors");
        chart.getData().add(loss);
        chart.setMinHeight(180);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label help = new Label("Seed 001's MLP: tanh neurons, last layer linear, weights U(-1, 1), biases 0. "
                + "The graph shows the loss of the current weights.");
        help.setWrapText(true);
        help.setMinHeight(USE_PREF_SIZE);
        getChildren().addAll(help, form, new Label("examples (inputs -> target)"), examples,
                new HBox(6, trainButton, resetButton), problem, chart);
    }

    private static TextField field(String text, String id, String tip) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(8);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    /** Reads the form; a mistake is shown under the buttons and nothing is sent. */
    private void read(Consumer<MlpSetup> send) {
        try {
            int[] shape = ExampleTable.parseShape(sizes.getText());
            ExampleTable.Examples ex = ExampleTable.parse(examples.getText());
            if (shape[0] != ex.xs()[0].length) {
                throw new IllegalArgumentException("the sizes start with " + shape[0] + " inputs but the examples have "
                        + ex.xs()[0].length);
            }
            int runs = Integer.parseInt(epochs.getText().strip());
            if (runs < 1 || runs > LabModel.MAX_EPOCHS) {
                throw new IllegalArgumentException("epochs are 1 to " + LabModel.MAX_EPOCHS);
            }
            MlpSetup setup = new MlpSetup(java.util.Arrays.copyOfRange(shape, 1, shape.length), ex.xs(), ex.ys(),
                    Double.parseDouble(learningRate.getText().strip()), Long.parseLong(seed.getText().strip()));
            problem.setText("");
            send.accept(setup);
        } catch (NumberFormatException e) {
            problem.setText("the learning rate, the epochs and the seed are numbers: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }

    /** Draws the loss of every epoch (the chart has one point per epoch). */
    void showEpochs(List<MlpTraining.Epoch> history) {
        if (history.size() == loss.getData().size()
                && (history.isEmpty() || history.get(history.size() - 1).loss() == loss.getData().get(history.size() - 1).getYValue().doubleValue())) {
            return;
        }
        List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>(history.size());
        for (MlpTraining.Epoch e : history) {
            // a diverged epoch has no point: the chart's axis cannot hold infinity
            if (Double.isFinite(e.loss())) {
                points.add(new XYChart.Data<>(e.number(), e.loss()));
            }
        }
        loss.getData().setAll(points);
    }

    /** The chart's points, for tests. */
    int chartPoints() {
        return loss.getData().size();
    }
}
