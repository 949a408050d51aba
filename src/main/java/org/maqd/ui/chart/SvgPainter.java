package org.maqd.ui.chart;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.maqd.report.Html;

/**
 * {@link Painter} that writes SVG 1.1 text: rectangles, lines, paths, ellipses and text elements with the
 * current colors, opacity, line width and dashes; clips become clipPath groups closed by {@link #restore}.
 * {@link #toSvg()} gives the document.
 */
public final class SvgPainter implements Painter {
    private final double width, height;
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder path = new StringBuilder();
    private final Deque<State> saved = new ArrayDeque<>();
    private State s = new State();
    private int clips;

    private static final class State {
        Color fill = Color.BLACK, stroke = Color.BLACK;
        double lineWidth = 1, alpha = 1, fontSize = 10.5;
        double[] dashes = new double[0];
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;
        int openGroups;

        State copy() {
            State c = new State();
            c.fill = fill; c.stroke = stroke; c.lineWidth = lineWidth; c.alpha = alpha; c.fontSize = fontSize;
            c.dashes = dashes; c.align = align; c.baseline = baseline;
            return c;
        }
    }

    public SvgPainter(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override public void setFill(Color c) { s.fill = c; }
    @Override public void setStroke(Color c) { s.stroke = c; }
    @Override public Color getStroke() { return s.stroke; }
    @Override public void setLineWidth(double w) { s.lineWidth = w; }
    @Override public void setLineDashes(double... d) { s.dashes = d == null ? new double[0] : d.clone(); }
    @Override public void setGlobalAlpha(double a) { s.alpha = a; }
    @Override public void setTextAlign(TextAlignment a) { s.align = a; }
    @Override public void setTextBaseline(VPos b) { s.baseline = b; }
    @Override public void setFont(Font f) { if (f != null) s.fontSize = f.getSize(); }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"').append(fillAttrs()).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"none\"").append(strokeAttrs()).append("/>\n");
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(strokeAttrs()).append("/>\n");
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        body.append("<ellipse cx=\"").append(n(x + w / 2)).append("\" cy=\"").append(n(y + h / 2)).append("\" rx=\"")
                .append(n(w / 2)).append("\" ry=\"").append(n(h / 2)).append('"').append(fillAttrs()).append("/>\n");
    }

    @Override
    public void fillText(String text, double x, double y) {
        String anchor = switch (s.align) {
            case CENTER -> "middle";
            case RIGHT -> "end";
            default -> "start";
        };
        // the vertical anchor as an offset to the alphabetic baseline: dominant-baseline values are not rendered alike
        double dy = switch (s.baseline) {
            case TOP -> 0.78 * s.fontSize;
            case CENTER -> 0.36 * s.fontSize;
            case BOTTOM -> -0.22 * s.fontSize;
            default -> 0;
        };
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + dy)).append("\" font-family=\"sans-serif\" font-size=\"")
                .append(n(s.fontSize)).append("\" text-anchor=\"").append(anchor)
                .append('"').append(fillAttrs()).append('>').append(Html.esc(text)).append("</text>\n");
    }

    @Override public void beginPath() { path.setLength(0); }
    @Override public void moveTo(double x, double y) { path.append('M').append(n(x)).append(' ').append(n(y)).append(' '); }
    @Override public void lineTo(double x, double y) { path.append('L').append(n(x)).append(' ').append(n(y)).append(' '); }

    @Override
    public void rect(double x, double y, double w, double h) {
        path.append('M').append(n(x)).append(' ').append(n(y)).append(" h").append(n(w)).append(" v").append(n(h))
                .append(" h").append(n(-w)).append(" Z ");
    }

    @Override
    public void stroke() {
        if (path.length() == 0) return;
        body.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\"").append(strokeAttrs())
                .append(" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void clip() {
        String id = "clip" + (++clips);
        body.append("<clipPath id=\"").append(id).append("\"><path d=\"").append(path.toString().trim()).append("\"/></clipPath>\n");
        body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        s.openGroups++;
    }

    @Override
    public void save() {
        saved.push(s);
        s = s.copy();
    }

    @Override
    public void restore() {
        for (int i = 0; i < s.openGroups; i++) body.append("</g>\n");
        s = saved.isEmpty() ? new State() : saved.pop();
    }

    /** The SVG document (groups a missing {@link #restore} left open are closed). */
    public String toSvg() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\">\n").append(body);
        int open = s.openGroups;
        for (State st : saved) open += st.openGroups;
        for (int i = 0; i < open; i++) out.append("</g>\n");
        return out.append("</svg>\n").toString();
    }

    private String fillAttrs() {
        return " fill=\"" + hex(s.fill) + "\"" + opacity("fill-opacity", s.fill.getOpacity() * s.alpha);
    }

    private String strokeAttrs() {
        StringBuilder b = new StringBuilder(" stroke=\"").append(hex(s.stroke)).append("\" stroke-width=\"").append(n(s.lineWidth)).append('"');
        b.append(opacity("stroke-opacity", s.stroke.getOpacity() * s.alpha));
        if (s.dashes.length > 0) {
            b.append(" stroke-dasharray=\"");
            for (int i = 0; i < s.dashes.length; i++) b.append(i == 0 ? "" : ",").append(n(s.dashes[i]));
            b.append('"');
        }
        return b.toString();
    }

    private static String opacity(String attr, double o) {
        return o >= 0.999 ? "" : " " + attr + "=\"" + n(o) + "\"";
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    static String n(double v) {
        if (!Double.isFinite(v)) return "0";
        String t = String.format(Locale.ROOT, "%.2f", v);
        if (t.indexOf('.') >= 0) t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
        return t.equals("-0") ? "0" : t;
    }

}
