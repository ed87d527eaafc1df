package io.github.nst4j;

import static io.github.nst4j.error.InvalidSettingException.require;

import io.github.nst4j.network.FeatureNetwork;

/**
 * The checks a {@link StyleTransferRequest} must pass before any image is read: each failure names
 * its setting (the builder method) and says what would work.
 */
final class RequestValidation {
    private RequestValidation() {
    }

    /** Checks a request whose mode and start image are resolved. */
    static void check(StyleTransferRequest request) {
        checkInputs(request);
        checkNumbers(request);
    }

    private static void checkInputs(StyleTransferRequest r) {
        switch (r.mode()) {
            case TRANSFER -> {
                require(r.content() != null, "content", "Style transfer needs a content image (or use texture mode)");
                require(!r.style().isEmpty(), "style", "Style transfer needs a style image");
            }
            case TEXTURE -> {
                require(r.content() == null, "content", "Texture mode uses no content image; leave the content out");
                require(!r.style().isEmpty(), "style", "Texture mode needs a style image");
            }
            case CONTENT -> {
                require(r.content() != null, "content", "Content mode needs a content image");
                require(r.style().isEmpty(), "style", "Content mode uses no style image; leave the style out");
            }
        }
        require(r.preserveColors() == ColorPreservation.NONE || r.mode() == Mode.TRANSFER, "preserveColors",
                "Colour preservation needs both a content and a style image (transfer mode)");
        require(r.outputWidth() == 0 && r.outputHeight() == 0 || r.mode() == Mode.TEXTURE, "outputSize",
                "An output width and height apply only to texture synthesis; with a content image set the size");
        require(r.mode() == Mode.TEXTURE || !r.contentLayers().isEmpty(), "contentLayers",
                "At least one content layer is required");
        require(r.mode() == Mode.CONTENT || !r.styleLayers().isEmpty(), "styleLayers",
                "At least one style layer is required");
        require(r.init() != InitMode.CONTENT || r.content() != null, "init", "Init 'content' needs a content image");
        require(r.init() != InitMode.STYLE || !r.style().isEmpty(), "init", "Init 'style' needs a style image");
        require(r.init() != InitMode.IMAGE || r.initImage() != null, "initImage", "Init 'image' needs an image");
        if (!r.styleMasks().isEmpty()) {
            require(r.styleMasks().size() == r.style().size(), "styleMasks", "Give one mask per style image: "
                    + count(r.style().size(), "style") + ", " + count(r.styleMasks().size(), "mask"));
            require(r.styleBlend() == null, "styleBlend",
                    "Masks place each style in its own region; leave out the blend weights");
        }
        require(r.styleSourceMasks().isEmpty() || r.styleSourceMasks().size() == r.style().size(), "styleSourceMasks",
                "Give one source mask per style image: " + count(r.style().size(), "style") + ", "
                        + count(r.styleSourceMasks().size(), "source mask"));
        if (r.styleBlend() != null) {
            require(r.styleBlend().size() == r.style().size(), "styleBlend", "Give one blend weight per style image: "
                    + count(r.style().size(), "style") + ", " + count(r.styleBlend().size(), "weight"));
            r.styleBlend().forEach(weight -> positive("styleBlend", "Style blend weight", weight));
        }
    }

    private static void checkNumbers(StyleTransferRequest r) {
        int minSide = FeatureNetwork.MIN_IMAGE_SIDE;
        require(r.size() >= minSide, "size", "The size must be at least " + minSide + " px, got " + r.size());
        require(r.outputWidth() >= 0 && r.outputHeight() >= 0, "outputSize",
                "Output width and height must be positive, got " + r.outputWidth() + "x" + r.outputHeight());
        require(r.iterations() > 0, "iterations", "Iterations must be positive, got " + r.iterations());
        if (r.mode() != Mode.TEXTURE) {
            positive("contentWeight", "The content weight", r.contentWeight());
        }
        if (r.mode() != Mode.CONTENT) {
            positive("styleWeight", "The style weight", r.styleWeight());
        }
        require(r.tvWeight() >= 0 && Double.isFinite(r.tvWeight()), "tvWeight",
                "The TV weight must be zero or positive, got " + r.tvWeight());
        positive("learningRate", "The learning rate", r.learningRate());
        require(r.lbfgsMemory() > 0, "lbfgsMemory", "The L-BFGS memory must be positive, got " + r.lbfgsMemory());
        require(r.initNoiseRatio() >= 0 && r.initNoiseRatio() <= 1, "initNoiseRatio",
                "The init noise ratio must be between 0 and 1, got " + r.initNoiseRatio());
        positive("styleScale", "The style scale", r.styleScale());
        require(r.levels() > 0, "levels", "The number of pyramid levels must be positive, got " + r.levels());
        require(r.startSize() == 0 || r.startSize() >= minSide && r.startSize() <= r.size(), "startSize",
                "The start size must be between " + minSide + " px and the size (" + r.size() + "), got "
                        + r.startSize());
        require(r.tolerance() >= 0 && r.tolerance() < 1, "tolerance",
                "The tolerance must be at least 0 (off) and below 1, got " + r.tolerance());
        require(r.toleranceWindow() > 0, "toleranceWindow",
                "The tolerance window must be positive, got " + r.toleranceWindow());
        require(r.maxMemory() >= 0, "maxMemory", "The memory budget must be positive, got " + r.maxMemory());
        require(r.tileSize() >= 0, "tileSize", "The tile size must be positive, got " + r.tileSize());
        r.styleLayers().forEach((layer, weight) -> positive("styleLayers", "The style layer weight of " + layer, weight));
        if (r.temporalTarget() != null) {
            TemporalImages temporal = r.temporalTarget();
            require(temporal.weight() >= 0 && Double.isFinite(temporal.weight()), "temporalTarget",
                    "The temporal weight must be zero or positive, got " + temporal.weight());
            require(temporal.warped().getWidth() == temporal.mask().getWidth()
                    && temporal.warped().getHeight() == temporal.mask().getHeight(), "temporalTarget",
                    "The temporal mask must be the size of the warped frame, " + temporal.warped().getWidth() + "x"
                            + temporal.warped().getHeight() + " px, got " + temporal.mask().getWidth() + "x"
                            + temporal.mask().getHeight());
        }
    }

    private static void positive(String setting, String what, double value) {
        require(value > 0 && Double.isFinite(value), setting, what + " must be a positive number, got " + value);
    }

    /** {@code 1 style}, {@code 2 styles}. */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
