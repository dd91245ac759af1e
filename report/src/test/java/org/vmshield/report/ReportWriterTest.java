package org.vmshield.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmshield.report.chart.ChartPainter;
import org.vmshield.report.json.ReportJsonReader;
import org.vmshield.report.model.RunEvent;
import org.vmshield.report.model.RunRecord;
import org.vmshield.report.table.SummaryTable;

class ReportWriterTest {
    private static final List<String> CHARTS = List.of("goodput.png", "latency.png", "host-cpu.png", "attack.png");

    @TempDir
    Path temp;

    @Test
    void writesHtmlJsonAndPngsIntoANewFolder() throws Exception {
        Path dir = temp.resolve("a/b/vmshield-report");

        List<Path> written = ReportWriter.write(dir, SampleRuns.mitigated(), Optional.empty());

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("report.html", "report.json", "goodput.png", "latency.png", "host-cpu.png", "attack.png");
        for (String png : CHARTS) {
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(ChartPainter.WIDTH).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(ChartPainter.HEIGHT).isEqualTo(560);
            assertThat(distinctColors(image)).as(png + " has lines, text and bands").isGreaterThan(20);
        }
        ReportJsonReader.Report json = ReportJsonReader.read(dir.resolve("report.json"));
        assertThat(json.run()).isEqualTo(SampleRuns.mitigated());
    }

    @Test
    void writesASelfContainedPageWithAChartPerFigureAndItsMarkers() throws Exception {
        RunRecord run = SampleRuns.mitigated();
        ReportWriter.write(temp, run, Optional.empty());
        String html = Files.readString(temp.resolve("report.html"), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
                .doesNotContain("url(").doesNotContain("<img").doesNotContain("<link");
        assertThat(count(html, "<svg ")).isEqualTo(4);
        assertThat(count(html, "</svg>")).isEqualTo(4);
        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        while (svg.find()) {
            // well-formed XML, so that a browser draws all of it
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
        }
        for (String title : List.of("Legitimate goodput per service", "Legitimate latency per service", "Host CPU",
                "Attack rate")) {
            assertThat(html).contains("<title>" + title + "</title>");
        }
        for (RunEvent event : run.events()) {
            // each chart's key lists every marker (the texts fit), plus the page's table of events.
            String escaped = org.vmshield.report.chart.SvgCanvas.escape(event.label());
            assertThat(count(html, escaped)).as(escaped).isGreaterThanOrEqualTo(5);
        }
        assertThat(html).contains(">attack</text>").contains(">mitigated</text>")
                .contains("latency (ms, log scale)").contains("time since the start of the run (s)");
    }

    /** Renders the sample compare report into target/sample-report, where a person can look at it. */
    @Test
    void chartsTheBaselineTooIntoTheSampleReport() throws Exception {
        Path dir = Paths.get("target", "sample-report");

        List<Path> written = ReportWriter.write(dir, SampleRuns.mitigated(), Optional.of(SampleRuns.baseline()));
        Files.writeString(dir.resolve("summary.txt"),
                SummaryTable.render(SampleRuns.mitigated(), Optional.of(SampleRuns.baseline())));

        assertThat(written).hasSize(10);
        assertThat(ImageIO.read(dir.resolve("baseline-latency.png").toFile()).getWidth()).isEqualTo(1000);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(count(html, "<svg ")).isEqualTo(8);
        assertThat(html).contains("baseline success").contains("Over time (baseline: no mitigation)");
    }

    @Test
    void refusesAnExistingFileAndWritesNothing() throws Exception {
        Path file = Files.writeString(temp.resolve("report"), "keep me");

        assertThatThrownBy(() -> ReportWriter.write(file, SampleRuns.mitigated(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is an existing file (expected: a folder, or a path that does not exist)");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static int distinctColors(BufferedImage image) {
        java.util.Set<Integer> colors = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colors.add(image.getRGB(x, y));
            }
        }
        return colors.size();
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
