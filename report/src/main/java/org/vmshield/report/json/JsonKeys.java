package org.vmshield.report.json;

/** Names the keys of report.json, shared by its writer and reader. */
final class JsonKeys {
    static final int SCHEMA_VERSION = 1;
    static final String SCHEMA = "schemaVersion";
    static final String BASELINE = "baseline";
    static final String SERVICES = "services";
    static final String PHASES = "phases";
    static final String TIME_SERIES = "timeSeries";

    private JsonKeys() {
    }
}
