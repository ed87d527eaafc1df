package io.github.nst4j.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nst4j.image.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Java statistics equal the reference tool's: {@code expected.json} holds what
 * {@code texstats.py} (NumPy, Pillow) computed for the fixture images ({@code make_fixtures.py}).
 * {@code ssim.py} computed the luminance SSIM of each image against the "style" taken as the photo.
 * Tolerances: 0.02 levels for colour and gradients, 0.002 decades for the spectrum, 1e-4 for SSIM; both
 * implementations resize with the same fixed-point arithmetic and read the same PNG pixels, so
 * what remains is the order of floating-point sums.
 */
class StyleStatisticsTest {
    @Test
    void equalsTheReferenceImplementation() throws IOException, URISyntaxException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/stats/expected.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        assertThat(cases.size()).isGreaterThanOrEqualTo(6);
        for (JsonNode c : cases) {
            StyleDistance d = StyleStatistics.distance(fixture(c.get("style").asText()), fixture(c.get("image").asText()));
            String pair = c.get("image").asText() + " against " + c.get("style").asText();
            assertThat(d.colour()).as("colour of %s", pair).isCloseTo(c.get("colour").asDouble(), within(0.02));
            assertThat(d.spectrum()).as("spectrum of %s", pair).isCloseTo(c.get("spectrum").asDouble(), within(0.002));
            assertThat(d.gradients()).as("gradients of %s", pair).isCloseTo(c.get("gradients").asDouble(), within(0.02));
            assertThat(Ssim.luminance(fixture(c.get("style").asText()), fixture(c.get("image").asText())))
                    .as("SSIM of %s", pair).isCloseTo(c.get("ssim").asDouble(), within(1e-4));
        }
    }

    @Test
    void aFlatFieldIsFarAndTheStyleItselfIsAtZero() throws URISyntaxException {
        BufferedImage style = fixture("style.png");
        assertThat(StyleStatistics.distance(style, style)).isEqualTo(new StyleDistance(0, 0, 0));
        StyleDistance flat = StyleStatistics.distance(style, fixture("flat.png"));
        assertThat(flat.spectrum()).isGreaterThan(10);
        assertThat(flat.gradients()).isGreaterThan(10);
    }

    private static BufferedImage fixture(String name) throws URISyntaxException {
        return Images.read(Path.of(StyleStatisticsTest.class.getResource("/stats/" + name).toURI()));
    }
}
