package org.vmshield.hypervisor.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs an external command to completion; injected so that decisions about its results can be tested. */
public interface CommandRunner {

    /** The outcome of one command: exit code and captured output. */
    record Result(int exitCode, String stdout, String stderr) {
        /** Returns true when the command exited with status 0. */
        public boolean ok() {
            return exitCode == 0;
        }

        /** Returns stderr, or stdout when stderr is empty: the text worth showing when it failed. */
        public String diagnostics() {
            String text = stderr.isBlank() ? stdout : stderr;
            return text.strip();
        }
    }

    /**
     * Runs {@code command} in {@code directory} (null: the current one) and waits at most {@code timeout}.
     *
     * @throws IOException when the command cannot be started or does not finish in time
     */
    Result run(List<String> command, Path directory, Duration timeout) throws IOException;

    /** Runs {@code command} in the current directory; see {@link #run(List, Path, Duration)}. */
    default Result run(List<String> command, Duration timeout) throws IOException {
        return run(command, null, timeout);
    }

    /** Returns the runner that starts real processes. */
    static CommandRunner system() {
        return new ProcessCommandRunner();
    }
}
