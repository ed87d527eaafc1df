package io.github.nst4j.cli.common;

import io.github.nst4j.error.InvalidSettingException;
import java.util.Map;

/**
 * The one place where the library's setting names (its builder methods) become the flags of
 * {@code nst} and its commands, so that an {@link InvalidSettingException} reads as a usage error
 * about the option the user typed.
 */
public final class SettingFlags {
    private static final Map<String, String> FLAG_BY_SETTING = Map.ofEntries(
            Map.entry("content", "--content"),
            Map.entry("style", "--style"),
            Map.entry("addStyle", "--style"),
            Map.entry("styleBlend", "--style-blend"),
            Map.entry("styleMasks", "--style-masks"),
            Map.entry("addStyleMask", "--style-masks"),
            Map.entry("styleSourceMasks", "--style-source-masks"),
            Map.entry("addStyleSourceMask", "--style-source-masks"),
            Map.entry("styleScale", "--style-scale"),
            Map.entry("initImage", "--init"),
            Map.entry("init", "--init"),
            Map.entry("mode", "--mode"),
            Map.entry("size", "--size"),
            Map.entry("outputSize", "--width/--height"),
            Map.entry("iterations", "--iterations"),
            Map.entry("contentWeight", "--content-weight"),
            Map.entry("styleWeight", "--style-weight"),
            Map.entry("tvWeight", "--tv-weight"),
            Map.entry("optimizer", "--optimizer"),
            Map.entry("learningRate", "--learning-rate"),
            Map.entry("lbfgsMemory", "--lbfgs-memory"),
            Map.entry("initNoiseRatio", "--init-noise-ratio"),
            Map.entry("seed", "--seed"),
            Map.entry("pooling", "--pooling"),
            Map.entry("weights", "--weights"),
            Map.entry("contentLayer", "--content-layers"),
            Map.entry("contentLayers", "--content-layers"),
            Map.entry("styleLayers", "--style-layers/--style-layer-weights"),
            Map.entry("preserveColors", "--preserve-colors"),
            Map.entry("levels", "--scales"),
            Map.entry("startSize", "--start-size"),
            Map.entry("resumeFrom", "--resume"),
            Map.entry("lowMemory", "--low-memory"),
            Map.entry("maxMemory", "--max-memory"),
            Map.entry("tileSize", "--tile"),
            Map.entry("tolerance", "--tolerance"),
            Map.entry("normalizeGradients", "--normalize-gradients"),
            Map.entry("toleranceWindow", "--tolerance-window"),
            // Set by nst video, from its option of this name.
            Map.entry("temporalTarget", "--temporal-weight"),
            // The settings of nst train that nst has not.
            Map.entry("images", "--images"),
            Map.entry("steps", "--steps"),
            Map.entry("epochs", "--epochs"),
            Map.entry("batchSize", "--batch-size"),
            Map.entry("crop", "--crop"),
            Map.entry("saveEvery", "--save-every"));

    private SettingFlags() {
    }

    /** The flag that sets {@code setting}, or the setting's own name where no flag does. */
    public static String flagOf(String setting) {
        return FLAG_BY_SETTING.getOrDefault(setting, setting);
    }

    /** {@code "--size: <message>"}: the exception's message, prefixed with the flag at fault. */
    public static String describe(InvalidSettingException e) {
        return flagOf(e.setting()) + ": " + e.getMessage();
    }
}
