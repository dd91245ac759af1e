package org.vmshield.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.vmshield.report.chart.Chart;
import org.vmshield.report.chart.ChartPainter;
import org.vmshield.report.chart.RunCharts;
import org.vmshield.report.html.HtmlReport;
import org.vmshield.report.json.ReportJsonWriter;
import org.vmshield.report.model.RunRecord;

/**
 * Writes a report folder: report.html, report.json, and one PNG per chart (goodput.png, latency.png,
 * host-cpu.png, attack.png; with a baseline also baseline-goodput.png and so on).
 */
public final class ReportWriter {
    /** The page's file name. */
    public static final String HTML = "report.html";
    /** The JSON's file name. */
    public static final String JSON = "report.json";

    private ReportWriter() {
    }

    /**
     * Writes the report of {@code run} (with {@code baseline}, the same scenario without mitigation, if
     * present) into {@code dir}, creating it if needed and replacing report files already there.
     * Everything is rendered before anything is written, so a failure leaves the folder untouched;
     * a {@code dir} that is an existing file is refused with IllegalArgumentException.
     *
     * @return the files written, in the order written
     */
    public static List<Path> write(Path dir, RunRecord run, Optional<RunRecord> baseline) throws IOException {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(baseline, "baseline");
        checkDirectory(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(HTML, HtmlReport.render(run, baseline).getBytes(StandardCharsets.UTF_8));
        files.put(JSON, ReportJsonWriter.write(run, baseline).getBytes(StandardCharsets.UTF_8));
        List<Chart> charts = new ArrayList<>(RunCharts.of(run, "", ""));
        baseline.ifPresent(b -> charts.addAll(RunCharts.of(b, "baseline-", " (baseline: no mitigation)")));
        for (Chart chart : charts) {
            files.put(chart.fileStem() + ".png", png(ChartPainter.image(chart)));
        }
        checkDirectory(dir);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.write(path, file.getValue());
            written.add(path);
        }
        return List.copyOf(written);
    }

    private static void checkDirectory(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    "report folder: " + dir + " is an existing file (expected: a folder, or a path that does not exist)");
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM (expected: ImageIO's built-in one)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
