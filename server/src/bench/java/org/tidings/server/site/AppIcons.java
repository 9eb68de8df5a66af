package org.tidings.server.site;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the PNG app icons of the web app manifest from the same shapes as {@code static/icon.svg}
 * (the "T" on Tidings blue), full-bleed so that they serve as maskable icons too: the letter stays
 * inside the central safe zone. Run once when the logo changes:
 * {@code java server/src/bench/java/org/tidings/server/site/AppIcons.java server/src/main/resources/static}
 */
public final class AppIcons {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "server/src/main/resources/static");
        for (int size : new int[] {192, 512}) {
            ImageIO.write(draw(size), "png", dir.resolve("icon-" + size + ".png").toFile());
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x0b57d0));
        g.fillRect(0, 0, size, size);
        // the SVG's 64-unit "T", scaled to 70% of the icon and centred (inside the maskable safe zone)
        double unit = size * 0.7 / 64, offset = size * 0.15;
        Path2D.Double t = new Path2D.Double();
        double[][] points = {{16, 18}, {48, 18}, {48, 25}, {35.5, 25}, {35.5, 48}, {28.5, 48}, {28.5, 25}, {16, 25}};
        for (int i = 0; i < points.length; i++) {
            double x = offset + points[i][0] * unit, y = offset + (points[i][1] - 1.5) * unit;
            if (i == 0) t.moveTo(x, y); else t.lineTo(x, y);
        }
        t.closePath();
        g.setColor(Color.WHITE);
        g.fill(t);
        g.dispose();
        return image;
    }
}
