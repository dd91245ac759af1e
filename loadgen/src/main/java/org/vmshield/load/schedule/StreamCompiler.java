package org.vmshield.load.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.vmshield.load.AttackSpec;
import org.vmshield.load.LoadPlan;
import org.vmshield.load.PathMix;
import org.vmshield.load.ServiceTarget;
import org.vmshield.load.TrafficClass;
import org.vmshield.load.attack.AttackProfile;
import org.vmshield.load.attack.ConnFlood;
import org.vmshield.load.attack.CostAttack;
import org.vmshield.load.attack.FlashCrowd;
import org.vmshield.load.attack.Hopping;
import org.vmshield.load.attack.HttpFlood;
import org.vmshield.load.attack.Mixed;
import org.vmshield.load.attack.Pulsing;
import org.vmshield.load.attack.Slowloris;

/**
 * Turns a {@link LoadPlan} into streams: one Poisson legitimate stream per service, and for each
 * attack the streams of its profile, wrappers (pulsing, hopping) becoming gates and selectors.
 * Pure: the same plan (and seed) gives the same streams.
 */
public final class StreamCompiler {
    private final LoadPlan plan;
    private final List<RequestStream> requests = new ArrayList<>();
    private final List<ConnectionStream> connections = new ArrayList<>();
    private int attackCursor;
    private int flashCursor;
    private int streamIndex;

    private StreamCompiler(LoadPlan plan) {
        this.plan = plan;
    }

    /** Returns the streams of {@code plan}. */
    public static CompiledPlan compile(LoadPlan plan) {
        StreamCompiler c = new StreamCompiler(plan);
        c.addLegit();
        for (AttackSpec a : plan.attacks()) {
            long start = a.startMillis() * 1_000_000L;
            long end = a.endMillis() * 1_000_000L;
            c.add(a.profile(), new Context(start, end, TimeGate.ALWAYS, ServiceSelector.fixed(a.service()), a.service()));
        }
        return new CompiledPlan(c.requests, c.connections);
    }

    /** Where and when a profile runs, as its wrappers have shaped it. */
    private record Context(long start, long end, TimeGate gate, ServiceSelector selector, String firstService) {}

    private void addLegit() {
        int n = plan.legitSourcesPerService();
        int i = 0;
        for (ServiceTarget s : plan.services()) {
            int block = i++;
            if (s.legitRateRps() <= 0) {
                continue;
            }
            Random random = random();
            requests.add(new RequestStream("legit:" + s.name(), TrafficClass.LEGIT, 0,
                    plan.durationMillis() * 1_000_000L,
                    new PoissonArrivals(s.legitRateRps(), n, random),
                    new SourceBlock(plan.legitRange(), block * n, n),
                    PathChoice.of(s.paths()), TimeGate.ALWAYS, ServiceSelector.fixed(s.name()), random, 0, 0));
        }
    }

    private void add(AttackProfile profile, Context ctx) {
        String label = profile.name() + ":" + ctx.firstService();
        if (profile instanceof HttpFlood f) {
            requests.add(new RequestStream(label, TrafficClass.ATTACK, ctx.start(), ctx.end(),
                    new PacedArrivals(f.rateRps(), f.sources()), attackBlock(f.sources()),
                    PathChoice.of(f.paths()), ctx.gate(), ctx.selector(), random(), f.perSourceRps(), 0));
        } else if (profile instanceof CostAttack c) {
            Random random = random();
            requests.add(new RequestStream(label, TrafficClass.ATTACK, ctx.start(), ctx.end(),
                    new PoissonArrivals(c.rateRps(), c.sources(), random), attackBlock(c.sources()),
                    PathChoice.of(PathMix.of(c.path())), ctx.gate(), ctx.selector(), random, 0,
                    CostAttack.ANSWER_WAIT_MILLIS * 1_000_000L));
        } else if (profile instanceof FlashCrowd f) {
            Random random = random();
            PathChoice paths = f.paths() != null ? PathChoice.of(f.paths()) : PathChoice.perService(serviceMixes());
            requests.add(new RequestStream(label, TrafficClass.FLASH_CROWD, ctx.start(), ctx.end(),
                    new PoissonArrivals(f.rateRps(), f.sources(), random), flashBlock(f.sources()),
                    paths, ctx.gate(), ctx.selector(), random, 0, 0));
        } else if (profile instanceof ConnFlood f) {
            connections.add(new ConnectionStream(label, ConnectionStream.Kind.IDLE, f.connections(),
                    attackBlock(f.sources()), f.connectRateRps(), 0, ctx.start(), ctx.end(), ctx.gate(), ctx.selector()));
        } else if (profile instanceof Slowloris s) {
            connections.add(new ConnectionStream(label, ConnectionStream.Kind.SLOW_HEADERS, s.connections(),
                    attackBlock(s.sources()), s.connectRateRps(), s.headerIntervalMillis() * 1_000_000L,
                    ctx.start(), ctx.end(), ctx.gate(), ctx.selector()));
        } else if (profile instanceof Pulsing p) {
            TimeGate pulse = TimeGate.pulsing(p.onMillis(), p.offMillis());
            add(p.inner(), new Context(ctx.start(), ctx.end(), ctx.gate().and(pulse), ctx.selector(), ctx.firstService()));
        } else if (profile instanceof Hopping h) {
            List<String> order = hopOrder(h, ctx.firstService());
            add(h.inner(), new Context(ctx.start(), ctx.end(), ctx.gate(),
                    ServiceSelector.hopping(order, h.hopMillis()), ctx.firstService()));
        } else if (profile instanceof Mixed m) {
            add(m.flood(), ctx);
            add(m.cost(), ctx);
        } else {
            throw new IllegalStateException("unknown profile " + profile); // unreachable: the interface is sealed
        }
    }

    /** Returns the hop order: the given services (or all), rotated to start at the attack's target. */
    private List<String> hopOrder(Hopping h, String first) {
        List<String> names = new ArrayList<>(h.services());
        if (names.isEmpty()) {
            plan.services().forEach(s -> names.add(s.name()));
        }
        int at = names.indexOf(first);
        if (at < 0) {
            names.add(0, first);
            at = 0;
        }
        List<String> order = new ArrayList<>(names.subList(at, names.size()));
        order.addAll(names.subList(0, at));
        return order;
    }

    private Map<String, PathMix> serviceMixes() {
        Map<String, PathMix> mixes = new LinkedHashMap<>();
        plan.services().forEach(s -> mixes.put(s.name(), s.paths()));
        return mixes;
    }

    private SourceBlock attackBlock(int count) {
        SourceBlock b = new SourceBlock(plan.attackRange(), attackCursor, count);
        attackCursor += count;
        return b;
    }

    /** New sources for a flash crowd: the upper half of the legitimate range, never used by legit streams. */
    private SourceBlock flashBlock(int count) {
        int half = plan.legitRange().size() / 2;
        int offset = half + (flashCursor % Math.max(1, half - count));
        flashCursor += count;
        return new SourceBlock(plan.legitRange(), offset, count);
    }

    private Random random() {
        return new Random(plan.seed() * 1_000_003L + (streamIndex++) * 7_919L);
    }
}
