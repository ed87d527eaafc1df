package io.github.nst4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputLabelsTest {
    @Test
    void distinctBaseNamesStayShort() {
        InputLabels labels = InputLabels.of(List.of("in/cat.png", "in/dog.jpg"));

        assertThat(labels.label("in/cat.png")).isEqualTo("cat");
        assertThat(labels.label("in/dog.jpg")).isEqualTo("dog");
        assertThat(labels.notes()).isEmpty();
    }

    @Test
    void sameNameWithOtherExtensionsKeepsTheExtensions() {
        InputLabels labels = InputLabels.of(List.of("in/pic.png", "in/pic.jpg", "in/other.png"));

        assertThat(labels.label("in/pic.png")).isEqualTo("pic_png");
        assertThat(labels.label("in/pic.jpg")).isEqualTo("pic_jpg");
        assertThat(labels.label("in/other.png")).isEqualTo("other");
        assertThat(labels.notes()).singleElement().asString()
                .contains("in/pic.png", "in/pic.jpg", "pic_png", "pic_jpg");
    }

    @Test
    void sameFileNameInTwoFoldersIsToldApartByTheFolders() {
        InputLabels labels = InputLabels.of(List.of("/data/d1/pic.png", "hdfs://host/data/d2/pic.png"));

        assertThat(labels.label("/data/d1/pic.png")).isEqualTo("d1_pic");
        assertThat(labels.label("hdfs://host/data/d2/pic.png")).isEqualTo("d2_pic");
    }

    @Test
    void anythingStillSharedGetsACounterAndEveryLabelIsDistinct() {
        List<String> inputs = List.of("a/x/pic.png", "b/x/pic.png", "pic_png.png", "x_pic.png", "x_pic_2.png");
        InputLabels labels = InputLabels.of(inputs);

        assertThat(inputs.stream().map(labels::label).distinct()).hasSize(inputs.size());
    }

    @Test
    void theSameInputTwiceHasOneLabel() {
        InputLabels labels = InputLabels.of(List.of("in/cat.png", "in/cat.png"));

        assertThat(labels.label("in/cat.png")).isEqualTo("cat");
        assertThat(labels.notes()).isEmpty();
    }
}
