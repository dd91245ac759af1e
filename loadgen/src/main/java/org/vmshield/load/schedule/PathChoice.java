package org.vmshield.load.schedule;

import java.util.Map;
import java.util.Random;
import org.vmshield.load.PathMix;

/** Picks the path of a request, possibly depending on the service it goes to. */
@FunctionalInterface
public interface PathChoice {
    /** Returns the path (with query) of a request to {@code service}. */
    String pick(String service, Random random);

    /** Returns a choice from one mix whatever the service. */
    static PathChoice of(PathMix mix) {
        return (service, random) -> mix.pick(random);
    }

    /** Returns a choice from each service's own mix. */
    static PathChoice perService(Map<String, PathMix> mixes) {
        Map<String, PathMix> copy = Map.copyOf(mixes);
        return (service, random) -> copy.get(service).pick(random);
    }
}
