package io.github.nst4j.examples;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** nst4j in one method: a photo painted in the style of a painting. */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * Paints {@code photo} in the style of {@code painting}, {@code size} px on the long side, and
     * writes it to {@code output}.
     *
     * @param weights {@code WeightsSource.pretrained()} (the pretrained VGG19, downloaded once),
     *     {@code .file(path)} or {@code .untrained(seed)} (no download: plainer, but a real style transfer)
     * @throws io.github.nst4j.error.NstException with a one-line message, for a problem the user can fix
     */
    public static BufferedImage paint(Path photo, Path painting, Path output, int size, int iterations,
            WeightsSource weights) {
        StyleTransferResult result = StyleTransfer.builder()
                .content(photo)                         // or a BufferedImage
                .style(painting)                        // or a BufferedImage
                .size(size)                             // e.g. 512
                .iterations(iterations)                 // e.g. 500
                .weights(weights)
                .build()                                // reads and checks everything; throws NstException
                .run(event -> System.out.printf("%d/%d loss %.4g%n",
                        event.iteration(), event.totalIterations(), event.losses().total()));
        result.save(output);                            // PNG or JPEG by extension, written atomically
        List<LossValues> history = result.lossHistory();
        System.out.printf("loss %.4g -> %.4g%n", history.get(0).total(), history.get(history.size() - 1).total());
        return result.image();                          // the image with the lowest loss seen
    }
}
