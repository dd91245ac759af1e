/**
 * The controller's admin API: {@link org.vmshield.controller.admin.AdminServer} (HTTP/JSON) and
 * {@link org.vmshield.controller.admin.ManualActions} (an operator's request to a validated action).
 */
package org.vmshield.controller.admin;
