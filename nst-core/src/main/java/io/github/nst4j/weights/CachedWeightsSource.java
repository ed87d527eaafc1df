package io.github.nst4j.weights;

import io.github.nst4j.network.Vgg19Weights;

/** Loads its delegate once and hands out the same weights afterwards. */
final class CachedWeightsSource implements WeightsSource {
    private final WeightsSource delegate;
    private Vgg19Weights weights;

    CachedWeightsSource(WeightsSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized Vgg19Weights load() {
        if (weights == null) {
            weights = delegate.load();
        }
        return weights;
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public String loadedDescription() {
        return delegate.loadedDescription();
    }

    @Override
    public WeightsDefaults runDefaults() {
        return delegate.runDefaults();
    }

}
