/**
 * Attack profiles: {@link org.vmshield.load.attack.AttackProfile} and its records
 * ({@link org.vmshield.load.attack.HttpFlood}, {@link org.vmshield.load.attack.CostAttack},
 * {@link org.vmshield.load.attack.ConnFlood}, {@link org.vmshield.load.attack.Slowloris},
 * {@link org.vmshield.load.attack.FlashCrowd}, and the wrappers
 * {@link org.vmshield.load.attack.Pulsing}, {@link org.vmshield.load.attack.Hopping},
 * {@link org.vmshield.load.attack.Mixed}). Values only: the schedule package turns them into streams.
 */
package org.vmshield.load.attack;
