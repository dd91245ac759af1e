/** Test support: {@link org.vmshield.load.testing.RecordingHttpServer}, a real in-process HTTP server. */
package org.vmshield.load.testing;
