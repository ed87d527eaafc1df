package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.InvalidSettingException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A null given to the builder is refused at once with a sentence naming the setting, not a NullPointerException. */
class StyleTransferBuilderTest {
    static Stream<Arguments> nullArguments() {
        return Stream.of(
                Arguments.of("content", (Consumer<StyleTransferBuilder>) b -> b.content((Path) null)),
                Arguments.of("content", (Consumer<StyleTransferBuilder>) b -> b.content((BufferedImage) null)),
                Arguments.of("style", (Consumer<StyleTransferBuilder>) b -> b.style((BufferedImage) null)),
                Arguments.of("addStyle", (Consumer<StyleTransferBuilder>) b -> b.addStyle((Path) null)),
                Arguments.of("addStyleMask", (Consumer<StyleTransferBuilder>) b -> b.addStyleMask((BufferedImage) null)),
                Arguments.of("initImage", (Consumer<StyleTransferBuilder>) b -> b.initImage((Path) null)),
                Arguments.of("weights", (Consumer<StyleTransferBuilder>) b -> b.weights(null)),
                Arguments.of("contentLayers", (Consumer<StyleTransferBuilder>) b -> b.contentLayers(null)),
                Arguments.of("styleLayers", (Consumer<StyleTransferBuilder>) b -> b.styleLayers(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void nullIsRefusedWithASentence(String setting, Consumer<StyleTransferBuilder> call) {
        assertThatThrownBy(() -> call.accept(StyleTransfer.builder()))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.setting()).isEqualTo(setting))
                .hasMessageStartingWith(setting + "(...) was given null");
    }
}
