package org.vmshield.hypervisor.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs iproute2's {@code ip} and turns a failure into a {@link NetworkException} carrying ip's stderr. */
final class IpCommand {
    private static final long TIMEOUT_SECONDS = 15;

    private IpCommand() {}

    /** Runs {@code ip args...}; returns its standard output, or throws when it exits non-zero. */
    static String run(String... args) {
        Result result = tryRun(args);
        if (result.exitCode() != 0) {
            throw new NetworkException(describe(args) + " failed (exit " + result.exitCode() + "): "
                    + result.stderr().trim());
        }
        return result.stdout();
    }

    /** Runs {@code ip args...} and returns what happened, without judging the exit code. */
    static Result tryRun(String... args) {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new NetworkException("cannot run " + describe(args) + ": " + e.getMessage()
                    + " (expected: iproute2 installed)", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NetworkException(describe(args) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            process.destroyForcibly();
            throw new NetworkException(describe(args) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while running " + describe(args), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(String... args) {
        return "'ip " + String.join(" ", args) + "'";
    }

    /** What one run of {@code ip} printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {}
}
