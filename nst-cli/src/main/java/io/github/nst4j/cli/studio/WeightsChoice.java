package io.github.nst4j.cli.studio;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;

/**
 * The weights a page may choose: pretrained ones (the zoo's, else Keras' or torchvision's, as
 * {@code nst --weights pretrained}), downloaded once if needed and then loaded once for the whole
 * session, untrained ones (no download) or the zoo model's random initialisation (a pipeline
 * check). A weights file cannot be chosen from the page: the server never opens a path a browser names.
 */
final class WeightsChoice {
    static final String PRETRAINED = "pretrained";
    static final String UNTRAINED = "untrained";
    static final String RANDOM = "random";

    private final WeightsSource pretrained;
    private String seededName;
    private long seed;
    private WeightsSource seeded;

    /** @param download hears the download's progress */
    WeightsChoice(DownloadListener download) {
        this.pretrained = WeightsSource.pretrained(download).cached();
    }

    /**
     * @param seed the seed of untrained or random weights
     * @throws InvalidSettingException about {@code weights} for any other name
     */
    synchronized WeightsSource source(String name, long seed) {
        if (PRETRAINED.equals(name)) {
            return pretrained;
        }
        InvalidSettingException.require(isChoice(name), "weights",
                "Unknown weights '" + name + "': choose pretrained, untrained or random");
        // The last seeded network is kept: runs that change other settings do not rebuild it.
        if (seeded == null || !name.equals(seededName) || this.seed != seed) {
            seeded = (UNTRAINED.equals(name) ? WeightsSource.untrained(seed) : WeightsSource.random(seed)).cached();
            seededName = name;
            this.seed = seed;
        }
        return seeded;
    }

    /** Whether {@code name} is one of the choices. */
    static boolean isChoice(String name) {
        return PRETRAINED.equals(name) || UNTRAINED.equals(name) || RANDOM.equals(name);
    }
}
