package io.github.nst4j.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.hadoop.fs.Path;

/**
 * Two items never write one output, and no item writes over an input of the job: an item whose
 * output another has written would be skipped and never rendered, and an input written over is lost.
 * Paths are compared fully qualified, so {@code out/x.png}, {@code ./out/x.png} and
 * {@code file:/.../out/x.png} are one file.
 */
final class DistinctOutputs {
    private DistinctOutputs() {
    }

    /**
     * Refuses the first output that another item or an input already holds.
     *
     * @param name what to call item {@code i} (from 0) in the message, e.g. {@code row 2}
     * @param where what leads the message, e.g. {@code In the --manifest m.csv, }; or ""
     * @param jobInputs inputs of the job besides the items' images, e.g. the {@code --model} file
     * @throws InputRefusedException naming the items and the file
     */
    static void require(List<WorkItem> items, HadoopFiles files, IntFunction<String> name, String where,
            List<String> jobInputs) {
        Set<Path> inputs = new HashSet<>();
        jobInputs.forEach(uri -> inputs.add(qualified(files, uri)));
        for (WorkItem item : items) {
            Stream.of(item.content(), item.style()).filter(uri -> uri != null)
                    .forEach(uri -> inputs.add(qualified(files, uri)));
        }
        Map<Path, Integer> itemByOutput = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String output = items.get(i).output();
            Path path = qualified(files, output);
            if (inputs.contains(path)) {
                throw new InputRefusedException(where + name.apply(i) + " would write over " + output
                        + ", an input of the job; give it another output");
            }
            Integer earlier = itemByOutput.putIfAbsent(path, i);
            if (earlier != null) {
                throw new InputRefusedException(where + name.apply(earlier) + " and " + name.apply(i)
                        + " would both write " + output + "; give each its own output");
            }
        }
    }

    private static Path qualified(HadoopFiles files, String uri) {
        Path path = new Path(uri);
        try {
            return files.fileSystem(path).makeQualified(path);
        } catch (IOException e) {
            throw new InputRefusedException("Cannot use " + uri + " (" + e.getMessage() + ")", e);
        }
    }
}
