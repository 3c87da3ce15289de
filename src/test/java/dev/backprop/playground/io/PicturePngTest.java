package dev.backprop.playground.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.playground.engine.data.Dataset;
import dev.backprop.playground.engine.data.Inputs;
import dev.backprop.playground.engine.nn.Activation;
import dev.backprop.playground.engine.nn.FeatureSet;
import dev.backprop.playground.engine.nn.Head;
import dev.backprop.playground.engine.nn.Initializer;
import dev.backprop.playground.engine.nn.NetworkSpec;
import dev.backprop.playground.engine.nn.Sequential;
import dev.backprop.playground.render.Diverging;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weights.png and samples.png read back pixel by pixel. */
class PicturePngTest {
    @TempDir
    Path dir;

    /** 2x2 pictures: 30-pixel cells; picture k of a row starts at x = 10 + k * (90 + 10), y = 34. */
    private static final int CELL = 30;
    private static final int TOP = 34;

    /** A softmax over 2 classes on 2x2 images, no hidden layer, with hand-set weights. */
    private static Sequential net(double... classZeroWeights) {
        Sequential net = new NetworkSpec(FeatureSet.raw(Inputs.image(2, 2)), new int[0], Activation.RELU,
                Head.multiclass(2), Initializer.NORMAL).build(new Random(0));
        DMatrixRMaj w = net.parameters().get(0).value();
        w.zero();
        for (int k = 0; k < 4; k++) {
            w.set(k, 0, classZeroWeights[k]);
        }
        Arrays.fill(net.parameters().get(1).value().data, 0);
        return net;
    }

    private static int rgb(BufferedImage image, int picture, int row, int col) {
        return image.getRGB(10 + picture * 100 + col * CELL + CELL / 2, TOP + row * CELL + CELL / 2) & 0xFFFFFF;
    }

    @Test
    void weightsAreDrawnInTheDataShapeOnOneDivergingScale() throws Exception {
        Path f = dir.resolve("weights.png");
        WeightsPng.write(f, net(0.5, -0.5, 0, 0.25), null);
        BufferedImage image = ImageIO.read(f.toFile());
        assertEquals(Diverging.POSITIVE, rgb(image, 0, 0, 0), "the largest weight: full red");
        assertEquals(Diverging.NEGATIVE, rgb(image, 0, 0, 1), "its negative: full blue");
        assertEquals(Diverging.ZERO, rgb(image, 0, 1, 0), "zero: white");
        assertEquals(Diverging.rgb(0.5), rgb(image, 0, 1, 1), "half the largest: half red");
        assertEquals(Diverging.ZERO, rgb(image, 1, 0, 0), "class 1's weights are all zero");
    }

    @Test
    void samplesShowThePixelsDarkOnWhiteAndFrameTheWrongOnesInRed() throws Exception {
        // class 0 wins wherever pixel (0, 0) is lit; image 2 is labelled 1 but lit there: wrong
        Sequential net = net(1, 0, 0, 0);
        DMatrixRMaj x = new DMatrixRMaj(2, 4, true, 1, 0, 0.5, 0, 1, 0, 0, 0);
        Dataset set = new Dataset(x, new DMatrixRMaj(2, 1, true, 0, 1), Inputs.image(2, 2));
        Path f = dir.resolve("samples.png");
        SamplesPng.write(f, net, set, null);
        BufferedImage image = ImageIO.read(f.toFile());
        assertEquals(0x000000, rgb(image, 0, 0, 0), "a pixel of 1 is black");
        assertEquals(0xFFFFFF, rgb(image, 0, 0, 1), "a pixel of 0 is white");
        assertEquals(0x808080, rgb(image, 0, 1, 0), "0.5 is mid grey");
        // the frame just outside each picture's corner
        assertEquals(0xC0C0C0, image.getRGB(9, TOP - 1) & 0xFFFFFF, "right: a light grey frame");
        assertEquals(0xC92A2A, image.getRGB(109, TOP - 1) & 0xFFFFFF, "wrong: a red frame");
    }
}
