package io.github.nst4j;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Alpha;
import io.github.nst4j.image.ColorStatistics;
import io.github.nst4j.image.ImageSize;
import io.github.nst4j.image.ImageSource;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.Luminance;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.optim.BudgetedObjective;
import io.github.nst4j.plan.PyramidLevel;
import io.github.nst4j.plan.PyramidPlanner;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a request into a runnable {@link StyleTransfer}: checks the settings, reads the images,
 * prepares their colours, plans the pyramid levels, checks the memory and identifies the run.
 */
final class RunPreparation {
    private RunPreparation() {
    }

    static StyleTransfer prepare(StyleTransferRequest given) {
        StyleTransferRequest request = given.withResolvedChoices();
        RequestValidation.check(request);

        BufferedImage decodedContent = request.content() == null ? null : checkedSide(request.content(), "content");
        BufferedImage contentImage = decodedContent == null ? null : Images.toRgb(decodedContent);
        List<BufferedImage> styleImages = new ArrayList<>();
        List<Optional<BufferedImage>> styleAlphas = new ArrayList<>();
        for (int i = 0; i < request.style().size(); i++) {
            BufferedImage decoded = checkedSide(request.style().get(i), "style");
            styleImages.add(Images.toRgb(decoded));
            BufferedImage source = request.styleSourceMasks().isEmpty() ? null
                    : checkedMask(request.styleSourceMasks().get(i));
            styleAlphas.add(Optional.ofNullable(Alpha.combine(Alpha.of(decoded), source, decoded.getWidth(),
                    decoded.getHeight())));
        }
        BufferedImage initImage = request.initImage() == null ? null : request.initImage().load();
        List<BufferedImage> masks = new ArrayList<>();
        for (ImageSource mask : request.styleMasks()) {
            masks.add(checkedMask(mask));
        }
        PreparedImages images = prepareColors(request.preserveColors(), contentImage, styleImages, initImage, masks)
                .withAlpha(decodedContent == null ? null : Alpha.of(decodedContent), styleAlphas);

        ImageSize output = outputSize(request, contentImage, styleImages);
        BufferedImage shapeSource = contentImage != null ? contentImage : styleImages.get(0);
        ImageSize shape = request.outputWidth() > 0 || request.outputHeight() > 0 ? output
                : new ImageSize(shapeSource.getWidth(), shapeSource.getHeight());
        List<PyramidLevel> plan = PyramidPlanner.plan(shape, output, request.startSize() > 0 ? "startSize" : "levels",
                PyramidPlanner.longSides(output.longSide(), request.levels(), request.startSize()), styleImages,
                request.styleScale());
        List<PyramidLevel> levels = LevelTiling.apply(request, plan);
        InvalidSettingException.require(request.temporalTarget() == null || levels.stream().noneMatch(PyramidLevel::tiled),
                "temporalTarget", "A video frame this large would be optimised in tiles, which have no temporal"
                        + " term; use a smaller size or allow more memory");

        long fingerprint = RequestFingerprint.of(request, contentImage, styleImages, initImage, masks,
                images.styleAlphas().stream().flatMap(Optional::stream).toList());
        InvalidSettingException.require(request.resumeFrom() == null || request.resumeFrom().fingerprint() == fingerprint,
                "resumeFrom", "The resume state belongs to a run with other settings or images; resume with exactly"
                        + " the settings of the interrupted run");
        return new StyleTransfer(settings(request), images, levels, fingerprint);
    }

    private static StyleTransferSettings settings(StyleTransferRequest request) {
        LossSpec spec = new LossSpec(request.mode() == Mode.TEXTURE ? Set.of() : request.contentLayers(),
                request.mode() == Mode.CONTENT ? Map.of() : request.styleLayers(), request.contentWeight(),
                request.styleWeight(), request.tvWeight(), request.normalizeGradients());
        return new StyleTransferSettings(request.mode(), spec, request.iterations(), request.optimizer(),
                request.learningRate(), request.lbfgsMemory(), request.init(), request.initNoiseRatio(), request.seed(),
                request.pooling(), request.weights() != null ? request.weights() : WeightsSource.pretrained(),
                request.preserveColors(), normalisedBlend(request), request.resumeFrom(), request.lowMemory(),
                new BudgetedObjective.StopRule(request.tolerance(), request.toleranceWindow()),
                request.temporalTarget());
    }

    private static PreparedImages prepareColors(ColorPreservation colors, BufferedImage contentImage,
            List<BufferedImage> styleImages, BufferedImage start, List<BufferedImage> masks) {
        List<BufferedImage> prepared = new ArrayList<>();
        for (BufferedImage style : styleImages) {
            prepared.add(switch (colors) {
                case NONE -> style;
                case HISTOGRAM -> ColorStatistics.matchColors(style, contentImage);
                case LUMINANCE -> Luminance.grayMatched(style, contentImage);
            });
        }
        BufferedImage lossContent = colors == ColorPreservation.LUMINANCE ? Luminance.gray(contentImage) : contentImage;
        return new PreparedImages(lossContent, contentImage, prepared, start, masks);
    }

    private static ImageSize outputSize(StyleTransferRequest request, BufferedImage contentImage,
            List<BufferedImage> styleImages) {
        int width = request.outputWidth();
        int height = request.outputHeight();
        if (contentImage != null) {
            return new ImageSize(contentImage.getWidth(), contentImage.getHeight()).withLongSide(request.size());
        }
        if (width > 0 || height > 0) {
            return new ImageSize(width > 0 ? width : height, height > 0 ? height : width);
        }
        BufferedImage style = styleImages.get(0);
        return new ImageSize(style.getWidth(), style.getHeight()).withLongSide(request.size());
    }

    private static List<Double> normalisedBlend(StyleTransferRequest request) {
        List<Double> raw = request.styleBlend() != null ? request.styleBlend()
                : request.style().stream().map(s -> 1.0).toList();
        double sum = raw.stream().mapToDouble(Double::doubleValue).sum();
        return raw.stream().map(weight -> weight / sum).toList();
    }

    /** A mask that selects nothing is a mistake, not a way to turn a style off. */
    private static BufferedImage checkedMask(ImageSource source) {
        BufferedImage mask = source.load();
        int[] rgb = mask.getRGB(0, 0, mask.getWidth(), mask.getHeight(), null, 0, mask.getWidth());
        for (int pixel : rgb) {
            if ((pixel & 0xFFFFFF) != 0) {
                return mask;
            }
        }
        throw new NstException("The mask " + describe(source) + " is black everywhere; paint white where it should"
                + " select something");
    }

    private static String describe(ImageSource source) {
        return source instanceof ImageSource.File file ? file.path().toString() : "(an image in memory)";
    }

    /**
     * The image as decoded, alpha and all. An image too small for VGG19 is a problem of that image,
     * not of a setting (in a batch, of one job).
     */
    private static BufferedImage checkedSide(ImageSource source, String role) {
        BufferedImage image = source.loadAsIs();
        int minSide = FeatureNetwork.MIN_IMAGE_SIDE;
        if (Math.min(image.getWidth(), image.getHeight()) < minSide) {
            throw new NstException("The " + role + " image is " + image.getWidth() + "x" + image.getHeight()
                    + " px; VGG19 needs at least " + minSide + " px on each side (use a larger image)");
        }
        return image;
    }
}
