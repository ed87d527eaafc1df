package io.github.nst4j.cli.transfer;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.cli.common.SettingFlags;
import io.github.nst4j.cli.studio.RecordWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run record of a studio run: the command line's {@link RunRecord}, with the settings under the
 * flags that set them, so that a run tried in the browser can be repeated with {@code nst}. Public
 * for the studio's tests.
 */
public final class StudioRecords implements RecordWriter {
    @Override
    public void write(Path record, Map<String, Object> settings, String weights, StyleTransfer transfer,
            StyleTransferResult result, Map<Integer, Long> elapsedMillis, Path image) {
        Map<String, Object> flags = new LinkedHashMap<>();
        settings.forEach((setting, value) -> flags.put(SettingFlags.flagOf(setting), RunRecord.value(value)));
        List<RunRecorder.Step> steps = new ArrayList<>();
        for (int i = 1; i <= result.lossHistory().size(); i++) {
            steps.add(new RunRecorder.Step(i, result.lossHistory().get(i - 1), elapsedMillis.get(i)));
        }
        RunRecord.write(record, flags, weights, transfer, result, steps, result.elapsed().toMillis() / 1000.0, image);
    }
}
