package org.vmshield.controller.config;

/** Signals an invalid controller configuration; the message names the field and what was expected. */
public final class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }
}
