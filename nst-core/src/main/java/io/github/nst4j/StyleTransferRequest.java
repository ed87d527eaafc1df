package io.github.nst4j;

import io.github.nst4j.image.ImageSource;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting a {@link StyleTransferBuilder} collected, unchecked and as given: one component per
 * builder setting, named as its builder method (the resume fingerprint is derived from these
 * components, so a setting added here is part of it unless {@link RequestFingerprint} says otherwise).
 * {@code mode} and {@code init} are null where the builder leaves the choice to the inputs;
 * {@code temporalTarget} is null for a still image.
 */
record StyleTransferRequest(ImageSource content, List<ImageSource> style, List<ImageSource> styleMasks,
        List<ImageSource> styleSourceMasks,
        List<Double> styleBlend, double styleScale,
        ImageSource initImage, Mode mode, int size, int outputWidth, int outputHeight, int iterations,
        double contentWeight, double styleWeight, double tvWeight, Optimizer optimizer, double learningRate,
        int lbfgsMemory, InitMode init, double initNoiseRatio, long seed, Pooling pooling, WeightsSource weights,
        Set<VggLayer> contentLayers, Map<VggLayer, Double> styleLayers, ColorPreservation preserveColors,
        int levels, int startSize, double tolerance, int toleranceWindow, boolean normalizeGradients,
        ResumeState resumeFrom, boolean lowMemory, long maxMemory, int tileSize, TemporalImages temporalTarget) {
    StyleTransferRequest {
        style = List.copyOf(style);
        styleMasks = List.copyOf(styleMasks);
        styleSourceMasks = List.copyOf(styleSourceMasks);
    }

    /** This request with the mode and start image the inputs imply where none was chosen. */
    StyleTransferRequest withResolvedChoices() {
        Mode chosenMode = mode != null ? mode : content != null ? Mode.TRANSFER : Mode.TEXTURE;
        InitMode chosenInit = init != null ? init : chosenMode == Mode.TRANSFER ? InitMode.CONTENT : InitMode.NOISE;
        return new StyleTransferRequest(content, style, styleMasks, styleSourceMasks, styleBlend, styleScale, initImage, chosenMode, size,
                outputWidth, outputHeight, iterations, contentWeight, styleWeight, tvWeight, optimizer, learningRate,
                lbfgsMemory, chosenInit, initNoiseRatio, seed, pooling, weights, contentLayers, styleLayers,
                preserveColors, levels, startSize, tolerance, toleranceWindow, normalizeGradients, resumeFrom,
                lowMemory, maxMemory, tileSize, temporalTarget);
    }
}
