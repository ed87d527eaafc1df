package io.github.nst4j;

import io.github.nst4j.image.ImageSource;
import io.github.nst4j.plan.Fingerprint;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;

/**
 * Identifies a run for {@link ResumeState}: every component of its {@link StyleTransferRequest},
 * read reflectively so that a setting added later is included without being listed here, and the
 * pixels of its images (not their file names).
 */
final class RequestFingerprint {
    /**
     * Settings that do not change the pixels a run produces: where it resumes from, and how its
     * memory is managed.
     */
    static final Set<String> IGNORED = Set.of("resumeFrom", "lowMemory");

    private RequestFingerprint() {
    }

    static long of(StyleTransferRequest request, BufferedImage content, List<BufferedImage> styles,
            BufferedImage initImage, List<BufferedImage> styleMasks, List<BufferedImage> styleOpacities) {
        Fingerprint fingerprint = new Fingerprint();
        for (RecordComponent component : StyleTransferRequest.class.getRecordComponents()) {
            if (IGNORED.contains(component.getName())) {
                continue;
            }
            Object value = valueOf(component, request);
            fingerprint.add(component.getName()).add(describe(value));
        }
        fingerprint.add(content).add(initImage);
        if (request.temporalTarget() != null) {
            fingerprint.add(request.temporalTarget().warped()).add(request.temporalTarget().mask());
        }
        styles.forEach(fingerprint::add);
        styleMasks.forEach(fingerprint::add);
        styleOpacities.forEach(fingerprint::add);
        return fingerprint.value();
    }

    /** Images count by their pixels (added separately), weights by their description. */
    private static Object describe(Object value) {
        if (value instanceof TemporalImages temporal) {
            return "temporal weight " + temporal.weight();
        }
        if (value instanceof ImageSource) {
            return "image";
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ImageSource) {
            return list.size() + " images";
        }
        return value instanceof WeightsSource weights ? weights.description() : value;
    }

    private static Object valueOf(RecordComponent component, StyleTransferRequest request) {
        try {
            return component.getAccessor().invoke(request);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read the setting " + component.getName(), e);
        }
    }
}
