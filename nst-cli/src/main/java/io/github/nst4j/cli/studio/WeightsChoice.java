package io.github.nst4j.cli.studio;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;

/**
 * The weights a page may choose: the zoo's, downloaded once if needed and then loaded once for the
 * whole session, or random ones. A weights file cannot be chosen from the page: the server never
 * opens a path a browser names.
 */
final class WeightsChoice {
    static final String ZOO = "zoo";
    static final String RANDOM = "random";

    private final WeightsSource zoo;
    private long randomSeed;
    private WeightsSource random;

    /** @param download hears the zoo download's progress */
    WeightsChoice(DownloadListener download) {
        this.zoo = WeightsSource.zoo(download).cached();
    }

    /**
     * @param seed the seed of random weights
     * @throws InvalidSettingException about {@code weights} for any other name
     */
    synchronized WeightsSource source(String name, long seed) {
        if (ZOO.equals(name)) {
            return zoo;
        }
        InvalidSettingException.require(RANDOM.equals(name), "weights",
                "Unknown weights '" + name + "': choose zoo or random");
        // The last seed's network is kept: runs that change other settings do not rebuild it.
        if (random == null || randomSeed != seed) {
            random = WeightsSource.random(seed).cached();
            randomSeed = seed;
        }
        return random;
    }
}
