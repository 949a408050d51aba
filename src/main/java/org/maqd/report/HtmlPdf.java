package org.maqd.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.maqd.run.AtomicFiles;
import org.maqd.experiment.ExperimentException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * report.pdf as the same document as report.html: the page (well-formed XHTML with inline SVG charts) rendered
 * by openhtmltopdf, so the two cannot drift. Text is set in Liberation Sans, the font PDFBox ships, which has
 * the Greek letters and symbols the reports use (Δ, ±, ≥, −).
 */
final class HtmlPdf {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /**
     * PDFBox's logger (java.util.logging through commons-logging), held so that its level stays set: at its first
     * use PDFBox warns once per standard font it replaces ("Using fallback font LiberationSans for base font
     * Courier-Bold", eight dated lines on the terminal of `maqd report --pdf`), about fonts the report never uses.
     */
    static final java.util.logging.Logger PDFBOX_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    static {
        // the renderer's own log (CSS it skips, timings, "Prepare to fly") is not for the user of `maqd report`
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        PDFBOX_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private HtmlPdf() {}

    static void write(String html, Path pdf) {
        // the page is written without namespaces (no URL in a self-contained report); the renderer needs them
        String xhtml = html.replace("<html ", "<html xmlns=\"http://www.w3.org/1999/xhtml\" ")
                .replace("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ")
                .replace("font-family:system-ui,", "font-family:\"Liberation Sans\",system-ui,");
        Document doc = parse(xhtml, pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useSVGDrawer(new BatikSVGDrawer());
            b.useFont(() -> HtmlPdf.class.getResourceAsStream(FONT), "Liberation Sans");
            b.withW3cDocument(doc, pdf.toAbsolutePath().getParent().toUri().toString());
            b.toStream(out);
            b.run();
        } catch (IOException | RuntimeException e) {
            throw new ExperimentException(pdf + ": cannot render the report as PDF (" + e.getMessage() + ")", e);
        }
        AtomicFiles.writeBytes(pdf, out.toByteArray());
    }

    private static Document parse(String html, Path pdf) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        } catch (Exception e) {
            throw new ExperimentException(pdf + ": the report page is not well-formed XHTML (" + e.getMessage() + ")", e);
        }
    }
}
