package io.github.nst4j.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Short names for input files that are distinct, so that outputs named after their inputs never
 * collide: a file's name without its extension ({@code pic}); where two inputs share that, their
 * extensions are kept ({@code pic_png}, {@code pic_jpg}); where they still share it, their folders
 * lead ({@code d1_pic}, {@code d2_pic}); a counter settles anything left.
 *
 * <p>Inputs are path strings with {@code /} separators: local paths or URIs alike.
 */
public final class InputLabels {
    private final Map<String, String> labels;
    private final List<String> notes;

    private InputLabels(Map<String, String> labels, List<String> notes) {
        this.labels = labels;
        this.notes = notes;
    }

    /** Labels for {@code inputs}; repeats of the same input share one label. */
    public static InputLabels of(List<String> inputs) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(inputs));
        Map<String, String> labels = new LinkedHashMap<>();
        for (String input : distinct) {
            labels.put(input, baseName(input));
        }
        disambiguate(labels, input -> baseName(input) + extensionSuffix(input));
        disambiguate(labels, input -> parentName(input) + "_" + labels.get(input));
        disambiguate(labels, null);
        List<String> notes = new ArrayList<>();
        Map<String, List<String>> byBaseName = distinct.stream()
                .collect(Collectors.groupingBy(InputLabels::baseName, LinkedHashMap::new, Collectors.toList()));
        for (List<String> group : byBaseName.values()) {
            if (group.size() > 1) {
                notes.add(group.stream().map(InputLabels::fileNameWithFolder).collect(Collectors.joining(", "))
                        + " share a name; their outputs are named after "
                        + group.stream().map(labels::get).collect(Collectors.joining(", ")));
            }
        }
        return new InputLabels(labels, List.copyOf(notes));
    }

    /** The label of an input given to {@link #of}. */
    public String label(String input) {
        String label = labels.get(input);
        if (label == null) {
            throw new IllegalArgumentException("Not one of the labelled inputs: " + input);
        }
        return label;
    }

    /** One sentence per group of inputs that had to be told apart; empty when none did. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Gives every label that more than one input holds a new one from {@code rename} (a counter
     * when {@code rename} is null); labels held once stay.
     */
    private static void disambiguate(Map<String, String> labels, Function<String, String> rename) {
        Map<String, List<String>> holders = labels.keySet().stream()
                .collect(Collectors.groupingBy(labels::get, LinkedHashMap::new, Collectors.toList()));
        Set<String> taken = new LinkedHashSet<>(labels.values());
        for (List<String> group : holders.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<String> renamed = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                String label = labels.get(group.get(i));
                renamed.add(rename != null ? rename.apply(group.get(i)) : i == 0 ? label : uniqueNumbered(label, taken));
                taken.add(renamed.get(i));
            }
            if (new LinkedHashSet<>(renamed).size() == 1) {
                continue; // this rename does not tell the group apart; the next one will
            }
            for (int i = 0; i < group.size(); i++) {
                labels.put(group.get(i), renamed.get(i));
            }
        }
    }

    private static String uniqueNumbered(String label, Set<String> taken) {
        for (int n = 2; ; n++) {
            String candidate = label + "_" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String fileName(String input) {
        String trimmed = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The file name without its extension. */
    public static String baseName(String input) {
        String name = fileName(input);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String extensionSuffix(String input) {
        String name = fileName(input);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : "_" + name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String parentName(String input) {
        String trimmed = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
        int slash = trimmed.lastIndexOf('/');
        if (slash <= 0) {
            return "dir";
        }
        String parent = fileName(trimmed.substring(0, slash));
        return parent.isEmpty() || parent.contains(":") ? "dir" : parent;
    }

    private static String fileNameWithFolder(String input) {
        String trimmed = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? trimmed : parentName(input) + "/" + fileName(input);
    }
}
