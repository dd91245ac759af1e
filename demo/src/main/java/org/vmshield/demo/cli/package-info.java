/** The {@code vmshield demo} command: start at {@link org.vmshield.demo.cli.DemoCommand}. */
package org.vmshield.demo.cli;
