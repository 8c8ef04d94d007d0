package io.policyauth.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/** An observation registry that remembers the context of every observation stopped, for tests. */
public final class StoppedObservations {

    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = ObservationRegistry.create();

    public StoppedObservations() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
    }

    /** @return the registry to observe with */
    public ObservationRegistry registry() {
        return registry;
    }

    /** @return the contexts of the observations stopped so far, in order */
    public List<Observation.Context> stopped() {
        return stopped;
    }
}
