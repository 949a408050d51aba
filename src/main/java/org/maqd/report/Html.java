package org.maqd.report;

import java.util.List;

/** HTML building blocks for reports: escaping, tables, a self-contained page with inline CSS. */
public final class Html {
    private Html() {}

    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ccc;padding-bottom:.2em}
            h3{font-size:1.05em}p.desc{color:#444;max-width:60em}
            table{border-collapse:collapse;margin:.6em 0;font-size:.86em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .charts{display:flex;flex-wrap:wrap;gap:1em}.chart{border:1px solid #ddd;background:#fff}
            .note{color:#666;font-size:.85em}code{background:#f4f4f4;padding:0 .2em}
            td,th{overflow-wrap:break-word}
            @media print{body{max-width:none;margin:0}.charts{display:block}.chart{page-break-inside:avoid}table{page-break-inside:auto;-fs-table-paginate:paginate}tr{page-break-inside:avoid}
            h1,h2,h3,figcaption{page-break-after:avoid}figure,section{page-break-inside:avoid}thead{display:table-header-group}
            .charts>svg.chart,.charts>figure{display:inline-block;vertical-align:top;width:49%;margin:0 0 .6em 0}.charts>svg.chart{height:auto}
            figure svg.chart{width:100%;height:auto}}
            @page{size:A4 landscape;margin:12mm}
            """;

    /** Escapes text for HTML and XML (SVG) content and attributes; control characters XML forbids are dropped. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Column names as a header shows them: {@code weight_sqnr_db} as "weight sqnr db", so a narrow column wraps
     * between words instead of inside one (the CSV files keep the names).
     */
    static List<String> words(List<String> columns) {
        return columns.stream().map(c -> c.replace('_', ' ')).toList();
    }

    /** A table with a header row; cells that are numbers are right-aligned. {@code id} may be null. */
    static String table(String id, List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table");
        if (id != null) sb.append(" id=\"").append(esc(id)).append('"');
        sb.append("><thead><tr>");
        for (String h : header) sb.append("<th>").append(esc(h)).append("</th>");
        sb.append("</tr></thead><tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (String c : r) {
                boolean num = !Double.isNaN(Numbers.num(c));
                sb.append(num ? "<td class=\"num\">" : "<td>").append(esc(Numbers.forPeople(c))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" + esc(title)
                + "</title>\n<style>" + CSS + "</style></head>\n<body>\n" + body + "</body></html>\n";
    }

    static String section(String id, String title, String content) {
        return "<section id=\"" + esc(id) + "\"><h2>" + esc(title) + "</h2>\n" + content + "</section>\n";
    }
}
