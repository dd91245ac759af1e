package org.vmshield.report.table;

import java.util.List;

/** Aligns rows of cells into columns: the first two left-aligned (names), the others right-aligned (numbers). */
final class TextColumns {
    private TextColumns() {
    }

    static String align(List<String[]> rows, int leftColumns) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c < leftColumns ? cell + pad : pad + cell).append(c + 1 < row.length ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
