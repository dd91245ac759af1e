package org.vmshield.controller.actuate;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.vmshield.balancer.Balancer;
import org.vmshield.controller.state.ControlState;
import org.vmshield.hypervisor.Hypervisor;

/** What the action runners share: the parts they drive, the settings, the clocks. */
record ActuatorContext(Hypervisor hypervisor, Balancer balancer, ControlState state, ActuatorSettings settings,
        HealthProbe probe, LongSupplier clockMillis, LongSupplier nanoClock, ExecutorService stepThreads) {

    /** Runs a blocking call with a timeout; on timeout it is interrupted and the step fails. */
    <T> T timed(String step, long timeoutMillis, Callable<T> call) {
        Future<T> f = stepThreads.submit(call);
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new StepFailedException(step + ": no result within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new StepFailedException(step + ": " + c.getMessage(), c);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new StepFailedException(step + ": interrupted");
        }
    }

    /** Waits until {@code condition} holds, checking every 50 ms; fails the step after {@code timeoutMillis}. */
    void await(String step, long timeoutMillis, BooleanSupplier condition) {
        long deadline = nanoClock.getAsLong() + timeoutMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (nanoClock.getAsLong() >= deadline) {
                throw new StepFailedException(step + ": not done within " + timeoutMillis + " ms");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new StepFailedException(step + ": interrupted");
            }
            LockSupport.parkNanos(50_000_000L);
        }
    }
}
