package org.vmshield.hypervisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImageCommandTest {
    @TempDir Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ImageCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anUnknownVersionIsAUsageError() {
        assertThat(run("build", "--version", "v3", "--home", temp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--version: 'v3' (expected: v1, v2 or all)");
        assertThat(temp.resolve("images")).doesNotExist();
    }

    @Test
    void aMissingKernelFileIsAUsageError() {
        Path missing = temp.resolve("vmlinuz-nope");
        assertThat(run("build", "--kernel", missing.toString(), "--home", temp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--kernel: " + missing + " (expected: a readable kernel image file)");
        assertThat(temp.resolve("images")).doesNotExist();
    }

    @Test
    void kernelModulesNeedAKernel() {
        assertThat(run("build", "--kernel-modules", temp.toString(), "--home", temp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--kernel-modules needs --kernel");
    }

    @Test
    void withoutASubcommandItSaysWhatIsMissing() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand: build or list");
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(run("build", "--help")).isZero();
        assertThat(out.toString()).contains("--version", "--kernel", "--home");
    }
}
