package org.vmshield.hypervisor.qemu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vmshield.hypervisor.HypervisorException;
import org.vmshield.hypervisor.InvalidRequestException;
import org.vmshield.hypervisor.image.GuestImage;
import org.vmshield.hypervisor.image.GuestImages;
import org.vmshield.hypervisor.image.ImageBuildException;

/** Resolves image versions with vmshield's image builder, building a missing image once. */
public final class BuiltImages implements GuestImageSource {
    private final GuestImages images;
    private final Map<String, BootFiles> resolved = new ConcurrentHashMap<>();

    /** Creates the source over {@code images}. */
    public BuiltImages(GuestImages images) {
        this.images = images;
    }

    /** Returns the source over the images under {@code $VMSHIELD_HOME}. */
    public static BuiltImages atDefaultHome() {
        return new BuiltImages(GuestImages.atDefaultHome());
    }

    @Override
    public BootFiles resolve(String version) {
        if (!GuestImages.versions().contains(version)) {
            throw new InvalidRequestException("image version: " + version + " is unknown (expected one of: "
                    + String.join(", ", GuestImages.versions()) + ")");
        }
        BootFiles known = resolved.get(version);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            try {
                GuestImage image = images.ensureBuilt(version);
                BootFiles files = new BootFiles(version, image.kernel(), image.initrd());
                resolved.put(version, files);
                return files;
            } catch (ImageBuildException e) {
                throw new HypervisorException("image " + version + " cannot be built: " + e.getMessage(), e);
            }
        }
    }
}
