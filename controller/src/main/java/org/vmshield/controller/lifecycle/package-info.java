/** What a run started, closed in order on every exit path (end of run, Ctrl-C, SIGTERM). */
package org.vmshield.controller.lifecycle;
