package br.com.crm.web.shell;

import org.dhatim.fastexcel.Workbook;

import java.io.OutputStream;

/**
 * What every Excel export shares: its content type, how its workbook is opened, the money format. Written with
 * fastexcel, a streaming writer of a few hundred kilobytes: Apache POI was half of the WAR's classes, all of them
 * scanned at every start of the server.
 */
public final class Xlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Two decimals with thousands' separators, shown in the reader's own locale by Excel. */
    public static final String MONEY = "#,##0.00";

    private Xlsx() {
    }

    /** A workbook written to {@code out}; its {@code finish()} ends the file and leaves {@code out} open. */
    public static Workbook workbook(OutputStream out) {
        // Excel wants the application's version as digits with one dot.
        return new Workbook(out, "crm", "1.0");
    }
}
