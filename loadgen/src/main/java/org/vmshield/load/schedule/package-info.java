/**
 * From plan to streams: {@link org.vmshield.load.schedule.StreamCompiler} turns a plan into
 * {@link org.vmshield.load.schedule.RequestStream}s (arrivals from
 * {@link org.vmshield.load.schedule.PoissonArrivals} or {@link org.vmshield.load.schedule.PacedArrivals})
 * and {@link org.vmshield.load.schedule.ConnectionStream}s, with {@link org.vmshield.load.schedule.TimeGate}
 * (pulsing) and {@link org.vmshield.load.schedule.ServiceSelector} (hopping). Pure and seeded.
 */
package org.vmshield.load.schedule;
