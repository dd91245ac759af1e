package org.vmshield.load;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Says who sent a request, so the report can keep legitimate and attack figures apart. */
public enum TrafficClass {
    /** Open-loop legitimate clients from 127.1.0.0/16. */
    @JsonProperty("legit") LEGIT("legit"),
    /** A legitimate-looking surge of new sources (the flash-crowd profile): legitimate in nature. */
    @JsonProperty("flash-crowd") FLASH_CROWD("flash-crowd"),
    /** Attack traffic from 127.66.0.0/16. */
    @JsonProperty("attack") ATTACK("attack");

    private final String label;

    TrafficClass(String label) {
        this.label = label;
    }

    /** Returns the short lower-case name used in JSON and in printed figures. */
    public String label() {
        return label;
    }
}
