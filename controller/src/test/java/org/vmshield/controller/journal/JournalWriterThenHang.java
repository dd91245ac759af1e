package org.vmshield.controller.journal;

import java.nio.file.Path;

/** Test helper run in a child JVM: writes an action in flight, says so, then waits to be killed. */
public final class JournalWriterThenHang {
    private JournalWriterThenHang() {}

    public static void main(String[] args) throws Exception {
        Journal j = Journal.open(Path.of(args[0]));
        j.startAction("migrate-1", "inc-1", "migrate", "{\"vm\":\"a\",\"to\":\"big\"}", 10);
        j.recordStep("migrate-1", "migrating", 20, "");
        System.out.print("written\n");
        System.out.flush();
        Thread.sleep(60_000); // the test kills this process with SIGKILL long before
    }
}
