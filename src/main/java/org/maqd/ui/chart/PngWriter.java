package org.maqd.ui.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** Snapshots a node and writes it as PNG through ImageIO, copying pixels by hand (no javafx-swing needed). */
public final class PngWriter {
    private PngWriter() {}

    /** Must be called on the FX thread. */
    public static void write(Node node, Path file) throws IOException {
        write(node.snapshot(null, null), file);
    }

    public static void write(WritableImage img, Path file) throws IOException {
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        int[] argb = new int[w * h];
        PixelReader r = img.getPixelReader();
        r.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) java.nio.file.Files.createDirectories(parent);
        if (!ImageIO.write(out, "png", file.toFile())) throw new IOException("no PNG writer available");
    }
}
