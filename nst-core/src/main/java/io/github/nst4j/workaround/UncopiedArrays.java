package io.github.nst4j.workaround;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;

/**
 * SameDiff graphs that hold their arrays without copies. {@link SameDiff#create()} keeps constants
 * and variables in device-local holders, which keep a hidden duplicate of each array for other
 * devices, as long as the graph lives. Every graph built on VGG19 thus copied the network's
 * kernels (up to 80 MB in float, 160 MB in double) once more; for the small images of a preview or
 * a test, that copying took longer than the steps. nst4j's graphs run on the thread that built
 * them, as SameDiff's own training does with the same single-thread holders.
 */
public final class UncopiedArrays {
    private UncopiedArrays() {
    }

    /** An empty graph whose constants and variables are the arrays passed in, with no hidden copy. */
    public static SameDiff newGraph() {
        SameDiff sd = SameDiff.create();
        sd.setArrayHolders(new SingleThreadArrayHolder(), new SingleThreadArrayHolder(), false);
        return sd;
    }
}
