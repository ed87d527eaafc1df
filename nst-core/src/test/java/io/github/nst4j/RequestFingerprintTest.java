package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.image.ImageSource;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resume fingerprint covers every setting: changing any component of the request changes it,
 * except the few documented as not changing the pixels. A setting added to the request is covered
 * without being listed; one left out on purpose must be named in {@link RequestFingerprint#IGNORED}.
 */
class RequestFingerprintTest {
    private static final StyleTransferRequest BASE = new StyleTransferRequest(
            ImageSource.of(Synthetic.gradient(40, 40)), List.of(ImageSource.of(Synthetic.stripes(40, 40))), List.of(), List.of(),
            null, 1,
            null, Mode.TRANSFER, 64, 0, 0, 10, 5, 100, 1e-3, Optimizer.ADAM, 10, 100, InitMode.CONTENT, 0, 42,
            Pooling.AVG, WeightsSource.random(1), Defaults.contentLayers(), Defaults.styleLayers(),
            ColorPreservation.NONE, 1, 0, 0, 50, false, null, false, 0L, 0,
            new TemporalImages(Synthetic.gradient(40, 40), Synthetic.stripes(40, 40), 1));

    @Test
    void everySettingButTheIgnoredOnesChangesTheFingerprint() throws ReflectiveOperationException {
        long base = fingerprint(BASE);
        RecordComponent[] components = StyleTransferRequest.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object[] values = values(BASE);
            values[i] = different(name, values[i]);
            if (values[i] == null && !RequestFingerprint.IGNORED.contains(name)) {
                throw new AssertionError("No differing value for " + name + ": teach this test one");
            }
            if (RequestFingerprint.IGNORED.contains(name)) {
                continue;
            }
            assertThat(fingerprint(create(values))).as(name).isNotEqualTo(base);
        }
    }

    @Test
    void theIgnoredSettingsDoNotChangeThePixelsAndSoNotTheFingerprint() throws ReflectiveOperationException {
        Object[] values = values(BASE);
        int lowMemory = indexOf("lowMemory");
        values[lowMemory] = true;
        assertThat(fingerprint(create(values))).isEqualTo(fingerprint(BASE));
        assertThat(RequestFingerprint.IGNORED).containsExactlyInAnyOrder("resumeFrom", "lowMemory");
    }

    private static long fingerprint(StyleTransferRequest request) {
        BufferedImage content = request.content() == null ? null : request.content().load();
        List<BufferedImage> styles = request.style().stream().map(ImageSource::load).toList();
        BufferedImage init = request.initImage() == null ? null : request.initImage().load();
        List<BufferedImage> masks = request.styleMasks().stream().map(ImageSource::load).toList();
        return RequestFingerprint.of(request, content, styles, init, masks, List.of());
    }

    /** A value of the same type as {@code value} that differs from it, or null where none is needed. */
    private static Object different(String name, Object value) {
        if (name.equals("resumeFrom")) {
            return null;
        }
        if (name.equals("content") || name.equals("initImage")) {
            return ImageSource.of(Synthetic.stripes(40, 40 + name.length()));
        }
        if (name.equals("style")) {
            return List.of(ImageSource.of(Synthetic.gradient(40, 44)));
        }
        if (name.equals("styleMasks") || name.equals("styleSourceMasks")) {
            return List.of(ImageSource.of(Synthetic.gradient(40, 40)));
        }
        if (name.equals("styleBlend")) {
            return List.of(2.0);
        }
        if (name.equals("weights")) {
            return WeightsSource.random(2);
        }
        if (name.equals("temporalTarget")) {
            return new TemporalImages(Synthetic.stripes(40, 40), Synthetic.stripes(40, 40), 1);
        }
        if (value instanceof Integer number) {
            return number + 1;
        }
        if (value instanceof Double number) {
            return number * 2 + 1;
        }
        if (value instanceof Long number) {
            return number + 1;
        }
        if (value instanceof Boolean flag) {
            return !flag;
        }
        if (value instanceof Enum<?> constant) {
            Object[] constants = constant.getDeclaringClass().getEnumConstants();
            return constants[(constant.ordinal() + 1) % constants.length];
        }
        if (name.equals("contentLayers")) {
            return EnumSet.of(VggLayer.BLOCK3_CONV2);
        }
        if (name.equals("styleLayers")) {
            Map<VggLayer, Double> layers = new EnumMap<>(Defaults.styleLayers());
            layers.put(VggLayer.BLOCK1_CONV1, 2.0);
            return layers;
        }
        return null;
    }

    private static int indexOf(String name) {
        RecordComponent[] components = StyleTransferRequest.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    private static Object[] values(StyleTransferRequest request) throws ReflectiveOperationException {
        RecordComponent[] components = StyleTransferRequest.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(request);
        }
        return values;
    }

    private static StyleTransferRequest create(Object[] values) throws ReflectiveOperationException {
        Class<?>[] types = java.util.Arrays.stream(StyleTransferRequest.class.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<StyleTransferRequest> constructor = StyleTransferRequest.class.getDeclaredConstructor(types);
        return constructor.newInstance(values);
    }
}
