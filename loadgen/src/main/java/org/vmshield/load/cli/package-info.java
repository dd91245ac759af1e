/**
 * The {@code vmshield load} command: {@link org.vmshield.load.cli.LoadCommand} turns options into a
 * {@link org.vmshield.load.LoadPlan}, prints a {@code FigureLine} each second and a
 * {@code SummaryTable} (or JSON) at the end.
 */
package org.vmshield.load.cli;
