package io.github.nst4j.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.hadoop.fs.Path;

/**
 * Two items never write one output: an item whose output another has written would be skipped and
 * never rendered. Outputs are compared as fully qualified paths, so {@code out/x.png},
 * {@code ./out/x.png} and {@code file:/.../out/x.png} are one file.
 */
final class DistinctOutputs {
    private DistinctOutputs() {
    }

    /**
     * Refuses the first two items that share an output.
     *
     * @param describe what to call items {@code i} and {@code j} (from 0) in the message, e.g. their
     *     manifest rows
     * @throws InputRefusedException naming both items and the output
     */
    static void require(List<WorkItem> items, HadoopFiles files, BiFunction<Integer, Integer, String> describe) {
        Map<Path, Integer> itemByOutput = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String output = items.get(i).output();
            Integer earlier = itemByOutput.putIfAbsent(qualified(files, output), i);
            if (earlier != null) {
                throw new InputRefusedException(describe.apply(earlier, i) + " would both write " + output
                        + "; give each its own output");
            }
        }
    }

    private static Path qualified(HadoopFiles files, String uri) {
        Path path = new Path(uri);
        try {
            return files.fileSystem(path).makeQualified(path);
        } catch (IOException e) {
            throw new InputRefusedException("Cannot use the output " + uri + " (" + e.getMessage() + ")", e);
        }
    }
}
