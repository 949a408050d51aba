package org.maqd.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A short PDF (PDFBox): title, description, the key tables and one chart drawn with vector lines. Text is
 * limited to the standard Helvetica character set; other characters are replaced.
 */
final class PdfReport {
    /** A titled table. */
    record Table(String title, List<String> header, List<List<String>> rows) {}

    private static final float MARGIN = 40, WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private final PDDocument doc = new PDDocument();
    private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream cs;
    private float y;

    static void write(Path file, String title, String description, List<Table> tables, Chart chart) {
        PdfReport p = new PdfReport();
        try {
            p.newPage();
            p.text(p.bold, 16, title);
            if (description != null && !description.isBlank()) {
                for (String line : p.wrap(description, 9, WIDTH)) p.text(p.font, 9, line);
            }
            if (chart != null) p.chart(chart);
            for (Table t : tables) p.table(t);
            p.cs.close();
            p.doc.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try { p.doc.close(); } catch (IOException ignored) { /* closing after a failed save */ }
        }
    }

    private void newPage() throws IOException {
        if (cs != null) cs.close();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void need(float h) throws IOException {
        if (y - h < MARGIN) newPage();
    }

    private void text(PDType1Font f, float size, String s) throws IOException {
        need(size + 4);
        y -= size + 4;
        put(f, size, MARGIN, y, s);
    }

    private void put(PDType1Font f, float size, float x, float yy, String s) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, yy);
        cs.showText(clean(s));
        cs.endText();
    }

    private float width(PDType1Font f, float size, String s) throws IOException {
        return f.getStringWidth(clean(s)) / 1000 * size;
    }

    private List<String> wrap(String s, float size, float w) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : s.split("\\s+")) {
            String next = cur.length() == 0 ? word : cur + " " + word;
            if (width(font, size, next) > w && cur.length() > 0) { lines.add(cur.toString()); cur = new StringBuilder(word); }
            else cur = new StringBuilder(next);
        }
        if (cur.length() > 0) lines.add(cur.toString());
        return lines;
    }

    private void table(Table t) throws IOException {
        need(40);
        y -= 10;
        text(bold, 11, t.title());
        int cols = Math.max(1, t.header().size());
        float size = Math.max(5, Math.min(8, 90f / cols));
        float cw = WIDTH / cols;
        List<List<String>> all = new ArrayList<>();
        all.add(t.header());
        all.addAll(t.rows());
        for (int r = 0; r < all.size(); r++) {
            need(size + 4);
            y -= size + 4;
            List<String> row = all.get(r);
            for (int c = 0; c < row.size() && c < cols; c++) {
                String s = clean(row.get(c));
                while (s.length() > 1 && width(font, size, s) > cw - 3) s = s.substring(0, s.length() - 1);
                put(r == 0 ? bold : font, size, MARGIN + c * cw, y, s);
            }
            if (r == 0) {
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, y - 2);
                cs.lineTo(MARGIN + WIDTH, y - 2);
                cs.stroke();
            }
        }
    }

    private void chart(Chart c) throws IOException {
        float h = 220, w = WIDTH - 120, left = MARGIN + 40;
        need(h + 40);
        y -= 14;
        text(bold, 10, c.title());
        float top = y - 6, bottom = top - h;
        y = bottom - 28;
        double[] b = c.bounds();
        cs.setLineWidth(0.5f);
        cs.setStrokingColor(0.6f, 0.6f, 0.6f);
        cs.addRect(left, bottom, w, h);
        cs.stroke();
        for (double t : Chart.niceTicks(b[2], b[3])) {
            float yy = (float) (bottom + (t - b[2]) / (b[3] - b[2]) * h);
            put(font, 7, left - 30, yy - 2, Chart.fmt(t));
        }
        if (c.ticks() != null) {
            for (int i = 0; i < c.ticks().length; i++) {
                float xx = (float) (left + (c.ticks()[i] - b[0]) / (b[1] - b[0]) * w);
                put(font, 7, xx - 6, bottom - 10, c.tickLabels() == null ? Chart.fmt(c.ticks()[i]) : c.tickLabels()[i]);
            }
        }
        put(font, 8, left + w / 2 - 20, bottom - 22, c.xLabel());
        for (int k = 0; k < c.series().size(); k++) {
            Chart.Series s = c.series().get(k);
            java.awt.Color col = java.awt.Color.decode(Chart.COLORS[k % Chart.COLORS.length]);
            cs.setStrokingColor(col.getRed() / 255f, col.getGreen() / 255f, col.getBlue() / 255f);
            cs.setLineWidth(1.5f);
            boolean first = true;
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) continue;
                float xx = (float) (left + (s.x()[i] - b[0]) / (b[1] - b[0]) * w);
                float yy = (float) (bottom + (s.y()[i] - b[2]) / (b[3] - b[2]) * h);
                if (first) cs.moveTo(xx, yy); else cs.lineTo(xx, yy);
                first = false;
            }
            if (!first) cs.stroke();
            float ly = top - 10 - 12 * k;
            cs.moveTo(left + w + 8, ly + 3);
            cs.lineTo(left + w + 22, ly + 3);
            cs.stroke();
            put(font, 7, left + w + 26, ly, s.name().length() > 22 ? s.name().substring(0, 21) + "." : s.name());
        }
        cs.setStrokingColor(0f, 0f, 0f);
    }

    /** Keeps characters Helvetica (WinAnsi) can show. */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch >= 32 && ch < 127 || ch == '±' || ch == '×' || ch == 'µ' || ch == '°') sb.append(ch);
            else if (ch == 'Δ') sb.append("D");
            else if (ch == '–' || ch == '—' || ch == '−') sb.append('-');
            else if (ch == '…') sb.append("...");
            else if (ch == '→') sb.append("->");
            else if (ch == '\t' || ch == '\n') sb.append(' ');
            else sb.append('?');
        }
        return sb.toString();
    }
}
