/**
 * Reports built from run and sweep folders only: a self-contained {@code report.html} (inline CSS, charts as inline
 * SVG, no scripts or network references), CSV files of its tables, and an optional {@code report.pdf} (PDFBox).
 * The entry point is {@link org.maqd.report.ReportWriter#write(java.nio.file.Path, boolean)}.
 */
package org.maqd.report;
