/**
 * The load generator's API. Start with {@link org.vmshield.load.LoadPlan#builder()}, then
 * {@link org.vmshield.load.LoadGenerator#start(LoadPlan, LoadListener)} gives a
 * {@link org.vmshield.load.LoadRun} whose completion is a {@link org.vmshield.load.LoadReport}.
 * {@link org.vmshield.load.TargetPolicy} keeps traffic on loopback and the project's namespaces.
 */
package org.vmshield.load;
