package io.github.nst4j.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a resume state was refused: the options whose values differ from those in the interrupted
 * run's record, so that the user can put them back. A state holds only a fingerprint of the
 * settings; the record beside the output holds the settings themselves.
 */
final class ResumeMismatch {
    /** Options that name files the run writes, or say how it is watched: they may change on resume. */
    private static final Set<String> FREE = Set.of("--resume", "--record", "--plot", "--animate", "--save-every",
            "--output", "--estimate", "--stacktrace");

    private ResumeMismatch() {
    }

    /**
     * The sentence to add to the refusal: the differing options with both values, or a hint when
     * the record is gone or shows no difference (then the images changed).
     */
    static String explain(Path record, Map<String, Object> current) {
        JsonNode previous = read(record);
        if (previous == null) {
            return "; the interrupted run's record " + record + " is gone, so which setting differs cannot be said";
        }
        ObjectMapper json = new ObjectMapper();
        List<String> differences = new ArrayList<>();
        current.forEach((option, value) -> {
            JsonNode before = previous.get(option);
            JsonNode now = json.valueToTree(value);
            if (!FREE.contains(option) && before != null && !same(before, now)) {
                differences.add(option + " " + text(now) + " (the interrupted run: " + text(before) + ")");
            }
        });
        if (differences.isEmpty()) {
            return "; its options are the same, so an input image has changed since";
        }
        String sentence = "; it differs in " + String.join(", ", differences);
        if (differences.size() == 1 && differences.get(0).startsWith("--iterations ")) {
            // The optimiser's state and the choice of the best image belong to the run's budget.
            sentence += ". A state continues only the run it came from; to go further from its result, let"
                    + " it finish, then start a new run with --init <its output>";
        }
        return sentence;
    }

    private static JsonNode read(Path record) {
        if (!Files.isRegularFile(record)) {
            return null;
        }
        try {
            JsonNode settings = new ObjectMapper().readTree(record.toFile()).path("settings");
            return settings.isObject() ? settings : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Equal values; numbers by value, as a record read back may hold 42 where the run has 42L. */
    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
