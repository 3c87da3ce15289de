package dev.backprop.playground.graph;

import dev.backprop.playground.render.Diverging;
import dev.backprop.playground.render.PixelShade;

/**
 * The colours of a card's picture, cell by cell (row-major 0xRRGGBB), as the screen, the PNG and the
 * SVG all draw it: a heatmap averaged down to at most {@link #HEATMAP_ROWS} x {@link #HEATMAP_COLS}
 * cells, an input image at its own shape (up to {@link #IMAGE_CELLS} a side), a pending tensor one
 * grey cell.
 */
public record PictureCells(int rows, int cols, int[] rgb) {
    /** Heatmap cells at most: a wider tensor is averaged down (the inspector shows every value). */
    public static final int HEATMAP_ROWS = 16;
    public static final int HEATMAP_COLS = 64;
    /** An image is drawn pixel for pixel up to this many a side (Fashion-MNIST's 28, digits' 8). */
    public static final int IMAGE_CELLS = 64;

    public static PictureCells of(Tensor t, PictureStyle style) {
        if (t.isPending()) {
            return new PictureCells(1, 1, new int[] {Diverging.PENDING});
        }
        boolean image = style != PictureStyle.HEATMAP;
        TensorPicture pic = TensorPicture.of(t, image ? IMAGE_CELLS : HEATMAP_ROWS, image ? IMAGE_CELLS : HEATMAP_COLS);
        int[] rgb = new int[pic.rows() * pic.cols()];
        for (int r = 0; r < pic.rows(); r++) {
            for (int c = 0; c < pic.cols(); c++) {
                // pixels keep their own scale: the picture's cells are scaled to its largest |value|
                rgb[r * pic.cols() + c] = style == PictureStyle.PIXELS ? PixelShade.rgb(pic.cell(r, c) * pic.maxAbs())
                        : Diverging.rgb(pic.cell(r, c));
            }
        }
        return new PictureCells(pic.rows(), pic.cols(), rgb);
    }

    public int rgb(int r, int c) {
        return rgb[r * cols + c];
    }
}
