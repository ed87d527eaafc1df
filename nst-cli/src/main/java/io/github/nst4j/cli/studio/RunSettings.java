package io.github.nst4j.cli.studio;

import io.github.nst4j.ColorPreservation;
import io.github.nst4j.Defaults;
import io.github.nst4j.InitMode;
import io.github.nst4j.Optimizer;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.weights.WeightsDefaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of one run as the page sends them, images by their {@link ImageStore} ids. A setting
 * the page leaves out takes the library's default, so a record holds every value a run used; the
 * ranges are the library's to check ({@link StyleTransferBuilder#build()}).
 *
 * @param content the content image, or null for the style alone (a texture)
 * @param styles the style images
 * @param styleBlend a weight per style, or null for equal weights
 * @param init content, noise or style; null for the library's choice
 * @param contentWeight the content weight, or null for the default of the weights
 * @param tvWeight the TV weight, or null for the default of the weights
 * @param weights {@value WeightsChoice#PRETRAINED}, {@value WeightsChoice#UNTRAINED} or {@value WeightsChoice#RANDOM}
 */
record RunSettings(String content, List<String> styles, List<Double> styleBlend, Integer size, Integer iterations,
        Double contentWeight, Double styleWeight, Double tvWeight, String optimizer, String init,
        String preserveColors, Integer levels, Long seed, String weights) {
    RunSettings {
        styles = styles == null ? List.of() : List.copyOf(styles);
        styleBlend = styleBlend == null ? null : List.copyOf(styleBlend);
        size = size == null ? Defaults.SIZE : size;
        iterations = iterations == null ? Defaults.ITERATIONS : iterations;
        styleWeight = styleWeight == null ? Defaults.STYLE_WEIGHT : styleWeight;
        optimizer = optimizer == null ? name(Defaults.OPTIMIZER) : optimizer;
        preserveColors = preserveColors == null ? name(Defaults.COLORS) : preserveColors;
        levels = levels == null ? Defaults.LEVELS : levels;
        seed = seed == null ? Defaults.SEED : seed;
        weights = weights == null ? WeightsChoice.PRETRAINED : weights;
    }

    /**
     * Every setting at the library's default, with the given weights: their content weight, and the
     * trained weights' TV weight for the page's slider (which untrained weights leave out).
     */
    static RunSettings defaults(String weights) {
        return new RunSettings(null, null, null, null, null, contentWeight(weights), null, Defaults.TV_WEIGHT, null, null,
                null, null, null, weights);
    }

    /** The library's content weight for the named weights. */
    static double contentWeight(String weights) {
        return WeightsChoice.UNTRAINED.equals(weights) ? WeightsDefaults.UNTRAINED.contentWeight() : Defaults.CONTENT_WEIGHT;
    }

    /** A builder with these settings and images; {@code build()} then checks them. */
    StyleTransferBuilder builder(ImageStore images, WeightsChoice weightsChoice) {
        StyleTransferBuilder builder = StyleTransfer.builder()
                .size(size)
                .iterations(iterations)
                .styleWeight(styleWeight)
                .optimizer(choice(Optimizer.class, optimizer, "optimizer"))
                .preserveColors(choice(ColorPreservation.class, preserveColors, "preserveColors"))
                .levels(levels)
                .seed(seed)
                .weights(weightsChoice.source(weights, seed));
        // Left out, these take the default for the weights.
        if (contentWeight != null) {
            builder.contentWeight(contentWeight);
        }
        if (tvWeight != null) {
            builder.tvWeight(tvWeight);
        }
        if (content != null) {
            builder.content(images.get(content).image());
        }
        styles.forEach(style -> builder.addStyle(images.get(style).image()));
        if (styleBlend != null && styles.size() > 1) {
            builder.styleBlend(styleBlend);
        }
        if (init != null) {
            InitMode mode = choice(InitMode.class, init, "init");
            InvalidSettingException.require(mode != InitMode.IMAGE, "init", "Start from content, noise or style");
            builder.init(mode);
        }
        return builder;
    }

    /**
     * The name of each image of these settings, by id, content first.
     *
     * @throws Refusal if an image is not in {@code images}
     */
    Map<String, String> imageNames(ImageStore images) {
        Map<String, String> names = new LinkedHashMap<>();
        if (content != null) {
            names.put(content, images.get(content).name());
        }
        styles.forEach(style -> names.put(style, images.get(style).name()));
        return names;
    }

    /**
     * Every setting of the run for its record, keyed by the builder method that sets it; images by
     * their names as uploaded ({@code imageNames}: taken when the run started, as the images may be
     * freed meanwhile), the start image and mode as the run chose them.
     */
    Map<String, Object> recorded(Map<String, String> imageNames, StyleTransfer transfer) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("content", content == null ? null : imageNames.get(content));
        recorded.put("style", styles.stream().map(imageNames::get).toList());
        recorded.put("styleBlend", styleBlend);
        recorded.put("mode", transfer.mode());
        recorded.put("size", size);
        recorded.put("iterations", iterations);
        recorded.put("contentWeight", transfer.contentWeight());
        recorded.put("contentLayers", transfer.contentLayers());
        recorded.put("styleWeight", styleWeight);
        recorded.put("tvWeight", transfer.tvWeight());
        recorded.put("normalizeGradients", transfer.normalizesGradients());
        recorded.put("optimizer", transfer.optimizer());
        recorded.put("init", transfer.init());
        recorded.put("preserveColors", preserveColors);
        recorded.put("levels", levels);
        recorded.put("seed", seed);
        recorded.put("weights", weights);
        return recorded;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String setting) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(setting, "Unknown choice '" + value + "'");
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
