package io.github.nst4j.cli.studio;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.nst4j.error.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the settings of a run from the JSON the page sends, strictly: a number where a whole one is
 * needed is refused rather than cut short, and any mistake is one sentence naming the setting.
 */
final class SettingsReader {
    private static final ObjectReader READER = Replies.JSON.readerFor(RunSettings.class)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private static final String SETTINGS = Arrays.stream(RunSettings.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.joining(", "));

    private SettingsReader() {
    }

    /**
     * @throws InvalidSettingException naming the setting whose value has the wrong type
     * @throws Refusal (400) for anything else that is not the page's settings object
     */
    static RunSettings read(byte[] json) {
        RunSettings settings;
        try {
            settings = READER.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            throw new Refusal(400, "Unknown setting '" + e.getPropertyName() + "': the page sends only "
                    + SETTINGS);
        } catch (JsonMappingException e) {
            throw wrongType(e);
        } catch (JacksonException e) {
            throw new Refusal(400, "The run's settings are not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (settings == null) {
            throw new Refusal(400, "The run's settings must be a JSON object such as {\"size\": 512}, as the page"
                    + " sends, not null");
        }
        return settings;
    }

    private static RuntimeException wrongType(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.isEmpty() || path.get(0).getFieldName() == null) {
            return new Refusal(400, "The run's settings must be a JSON object such as {\"size\": 512}, as the page"
                    + " sends");
        }
        String field = path.get(0).getFieldName();
        boolean element = path.size() > 1;
        String expected = switch (field) {
            case "size", "iterations", "levels", "seed" -> "a whole number";
            case "contentWeight", "styleWeight", "tvWeight" -> "a number";
            case "styles" -> element ? "an image id" : "a list of image ids";
            case "styleBlend" -> element ? "a number" : "a list of numbers";
            default -> "text";
        };
        String sent = e instanceof InvalidFormatException invalid && invalid.getValue() != null
                ? invalid.getValue() + " is not " : "Not ";
        // The page outlines the control of a setting: the styles' is "style".
        return new InvalidSettingException(field.equals("styles") ? "style" : field, sent + expected);
    }
}
