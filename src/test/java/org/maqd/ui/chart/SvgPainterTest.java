package org.maqd.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class SvgPainterTest {
    public static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesWellFormedSvgWithTheDrawnElements() throws Exception {
        SvgPainter p = new SvgPainter(300, 200);
        p.setFill(Color.WHITE);
        p.fillRect(0, 0, 300, 200);
        p.save();
        p.beginPath();
        p.rect(10, 10, 280, 180);
        p.clip();
        p.setStroke(Color.web("#1f77b4"));
        p.setLineWidth(1.5);
        p.beginPath();
        p.moveTo(10, 190);
        p.lineTo(150, 100.125);
        p.lineTo(290, 10);
        p.stroke();
        p.setLineDashes(4, 4);
        p.strokeLine(50, 10, 50, 190);
        p.setLineDashes();
        p.restore();
        p.setFill(Color.web("#d6272830"));
        p.fillOval(95, 95, 10, 10);
        p.setGlobalAlpha(0.5);
        p.setFill(Color.BLACK);
        p.setTextAlign(TextAlignment.CENTER);
        p.setTextBaseline(VPos.TOP);
        p.fillText("loss < 1 & \"Ŵ\"", 150, 5);
        p.strokeRect(10.5, 10.5, 280, 180);
        Document d = parse(p.toSvg());
        Element svg = d.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("300", svg.getAttribute("width"));
        assertEquals(2, d.getElementsByTagName("rect").getLength());
        Element path = (Element) d.getElementsByTagName("path").item(1);
        assertEquals("M10 190 L150 100.13 L290 10", path.getAttribute("d"));
        assertEquals("#1f77b4", path.getAttribute("stroke"));
        assertEquals("1.5", path.getAttribute("stroke-width"));
        Element line = (Element) d.getElementsByTagName("line").item(0);
        assertEquals("4,4", line.getAttribute("stroke-dasharray"));
        Element g = (Element) d.getElementsByTagName("g").item(0);
        assertEquals("url(#clip1)", g.getAttribute("clip-path"));
        assertTrue(g.getElementsByTagName("line").getLength() == 1, "the dashed line is inside the clip group");
        assertEquals(0, g.getElementsByTagName("ellipse").getLength(), "restore closed the clip group");
        Element oval = (Element) d.getElementsByTagName("ellipse").item(0);
        assertEquals("100", oval.getAttribute("cx"));
        assertEquals("0.19", oval.getAttribute("fill-opacity"), "alpha of the color");
        Element text = (Element) d.getElementsByTagName("text").item(0);
        assertEquals("loss < 1 & \"Ŵ\"", text.getTextContent());
        assertEquals("middle", text.getAttribute("text-anchor"));
        assertEquals("13.19", text.getAttribute("y"), "top-anchored text moves down by its ascent (0.78 em of 10.5)");
        assertEquals("0.5", text.getAttribute("fill-opacity"), "global alpha");
        assertEquals("", ((Element) d.getElementsByTagName("rect").item(1)).getAttribute("stroke-dasharray"));
    }

    @Test
    void anUnbalancedClipIsClosed() throws Exception {
        SvgPainter p = new SvgPainter(10, 10);
        p.beginPath();
        p.rect(0, 0, 5, 5);
        p.clip();
        p.fillRect(0, 0, 10, 10);
        Document d = parse(p.toSvg());
        assertEquals(1, d.getElementsByTagName("g").getLength());
        assertEquals("-1.5", SvgPainter.n(-1.5));
        assertEquals("0", SvgPainter.n(-0.001));
    }
}
