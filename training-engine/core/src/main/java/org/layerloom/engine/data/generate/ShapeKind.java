package org.layerloom.engine.data.generate;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/** The shapes the shapes dataset draws, each as an outline of unit size centred on the origin. */
public enum ShapeKind {
    CIRCLE, SQUARE, TRIANGLE, STAR, CROSS, DIAMOND, HEXAGON, HEART;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outline with "radius" 1 around (0, 0). */
    Shape outline() {
        return switch (this) {
            case CIRCLE -> new Ellipse2D.Double(-1, -1, 2, 2);
            case SQUARE -> new Rectangle2D.Double(-0.85, -0.85, 1.7, 1.7);
            case TRIANGLE -> polygon(3, 1, 0);
            case STAR -> star();
            case CROSS -> cross();
            case DIAMOND -> polygon(4, 1, 0);
            case HEXAGON -> polygon(6, 1, 0);
            case HEART -> heart();
        };
    }

    private static Shape polygon(int corners, double r, double turn) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < corners; i++) {
            double a = -Math.PI / 2 + turn + 2 * Math.PI * i / corners;
            if (i == 0) {
                p.moveTo(r * Math.cos(a), r * Math.sin(a));
            } else {
                p.lineTo(r * Math.cos(a), r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    private static Shape star() {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 1 : 0.42;
            double a = -Math.PI / 2 + Math.PI * i / 5;
            if (i == 0) {
                p.moveTo(r * Math.cos(a), r * Math.sin(a));
            } else {
                p.lineTo(r * Math.cos(a), r * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    private static Shape cross() {
        Path2D.Double p = new Path2D.Double();
        double w = 0.3;
        double[][] pts = {{-w, -1}, {w, -1}, {w, -w}, {1, -w}, {1, w}, {w, w}, {w, 1}, {-w, 1}, {-w, w}, {-1, w},
            {-1, -w}, {-w, -w}};
        p.moveTo(pts[0][0], pts[0][1]);
        for (int i = 1; i < pts.length; i++) {
            p.lineTo(pts[i][0], pts[i][1]);
        }
        p.closePath();
        return p;
    }

    private static Shape heart() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, 0.9);
        p.curveTo(-1.3, 0, -0.9, -1.1, 0, -0.45);
        p.curveTo(0.9, -1.1, 1.3, 0, 0, 0.9);
        p.closePath();
        return p;
    }
}
