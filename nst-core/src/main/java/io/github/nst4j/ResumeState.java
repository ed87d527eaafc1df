package io.github.nst4j;

import io.github.nst4j.error.NstException;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.optim.BudgetedObjective;
import io.github.nst4j.storage.AtomicFiles;
import io.github.nst4j.storage.NpzArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything needed to continue an interrupted run exactly: the pyramid level reached, the optimiser's state
 * (image, Adam moments or L-BFGS history), the best image and the loss history. A run resumed with
 * {@link StyleTransferBuilder#resumeFrom} and the same settings ends with the same pixels as one
 * that was never interrupted.
 *
 * <p>Stored as a NumPy {@code .npz} file; {@link #fingerprint()} identifies the settings and
 * images it belongs to.
 */
public final class ResumeState {
    private static final int FORMAT_VERSION = 4;
    private static final String META = "meta";
    private static final String FINGERPRINT = "fingerprint";
    private static final String HISTORY = "history";
    private static final String BEST = "best";
    private static final String OPTIMIZER_PREFIX = "optimizer_";

    private final long fingerprint;
    private final int levelIndex;
    private final BudgetedObjective.ResumePoint resumePoint;
    private final int tilePass;
    private final int tileIndex;

    /**
     * @param tilePass in a tiled level, the pass (from 0) of the interrupted tile; else 0
     * @param tileIndex in a tiled level, the interrupted tile (from 0), which a resumed run redoes; else 0
     */
    ResumeState(long fingerprint, int levelIndex, BudgetedObjective.ResumePoint resumePoint, int tilePass,
            int tileIndex) {
        this.fingerprint = fingerprint;
        this.levelIndex = levelIndex;
        this.resumePoint = resumePoint;
        this.tilePass = tilePass;
        this.tileIndex = tileIndex;
    }

    /** Identifies the settings and input images of the run; a resumed run must have the same. */
    public long fingerprint() {
        return fingerprint;
    }

    /** Evaluations completed before the interruption, over all levels. */
    public int iterationsDone() {
        return resumePoint.iterations();
    }

    int levelIndex() {
        return levelIndex;
    }

    BudgetedObjective.ResumePoint resumePoint() {
        return resumePoint;
    }

    int tilePass() {
        return tilePass;
    }

    int tileIndex() {
        return tileIndex;
    }

    /** Writes the state atomically (a temporary file moved into place). */
    public void write(Path file) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put(META, Nd4j.createFromArray((double) FORMAT_VERSION, levelIndex, resumePoint.iterations(),
                resumePoint.bestLoss(), resumePoint.bestIteration(), resumePoint.levelStart(), tilePass, tileIndex,
                resumePoint.bestObjective()));
        arrays.put(FINGERPRINT, Nd4j.createFromArray(fingerprint));
        List<LossValues> history = resumePoint.history();
        double[][] losses = new double[Math.max(1, history.size())][3];
        for (int i = 0; i < history.size(); i++) {
            losses[i] = new double[] {history.get(i).content(), history.get(i).style(),
                history.get(i).totalVariation()};
        }
        arrays.put(HISTORY, Nd4j.createFromArray(losses));
        arrays.put(BEST, resumePoint.best());
        resumePoint.optimizerState().forEach((key, value) -> arrays.put(OPTIMIZER_PREFIX + key, value));
        try {
            AtomicFiles.write(file.toAbsolutePath(), temp -> NpzArchive.write(arrays, temp));
        } catch (IOException e) {
            throw new NstException("Cannot write the run state " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a state written by {@link #write}.
     *
     * @throws NstException if the file is missing or not a run state
     */
    public static ResumeState read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NstException("Run state not found: " + file + " (give the .state.npz file an interrupted run wrote)");
        }
        Map<String, INDArray> arrays;
        try {
            arrays = NpzArchive.read(file);
        } catch (IOException | RuntimeException e) {
            throw new NstException("Cannot read the run state " + file + ": " + e.getMessage()
                    + " (the file is damaged; start the run afresh)", e);
        }
        INDArray meta = arrays.get(META);
        if (meta == null || arrays.get(FINGERPRINT) == null || arrays.get(BEST) == null
                || meta.length() != 9 || meta.getInt(0) != FORMAT_VERSION) {
            throw new NstException("Not a run state of this nst4j version: " + file + " (start the run afresh)");
        }
        int iterations = meta.getInt(2);
        INDArray losses = arrays.get(HISTORY).castTo(DataType.DOUBLE);
        List<LossValues> history = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            history.add(new LossValues(losses.getDouble(i, 0), losses.getDouble(i, 1), losses.getDouble(i, 2)));
        }
        Map<String, INDArray> optimizerState = new HashMap<>();
        arrays.forEach((key, value) -> {
            if (key.startsWith(OPTIMIZER_PREFIX)) {
                optimizerState.put(key.substring(OPTIMIZER_PREFIX.length()), value);
            }
        });
        BudgetedObjective.ResumePoint resumePoint = new BudgetedObjective.ResumePoint(iterations, meta.getInt(5),
                arrays.get(BEST), meta.getDouble(8), meta.getDouble(3), meta.getInt(4), history, optimizerState);
        return new ResumeState(arrays.get(FINGERPRINT).getLong(0), meta.getInt(1), resumePoint, meta.getInt(6),
                meta.getInt(7));
    }
}
