package br.com.crm.web.shell;

/**
 * One cell of the CSV files the module writes (Excel pt-BR: ';' between cells). Text that a spreadsheet would
 * take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return first) gets a leading
 * apostrophe, so a subject titled {@code =HYPERLINK(...)} stays text when a manager opens the export; a cell with
 * ';', quotes or line breaks is quoted.
 */
public final class Csv {

    private Csv() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
