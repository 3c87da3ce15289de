package dev.backprop.playground.graph;

/** How a card draws a tensor's picture. */
public enum PictureStyle {
    /** A heatmap on the diverging palette, scaled to its largest |value|, averaged down to a card's cells. */
    HEATMAP,
    /** An input image's pixels at their own shape, [0, 1] dark on white (the seeds' imshow gray_r). */
    PIXELS,
    /** A gradient with respect to an input image, at the image's shape, on the diverging palette. */
    IMAGE_GRADIENT
}
