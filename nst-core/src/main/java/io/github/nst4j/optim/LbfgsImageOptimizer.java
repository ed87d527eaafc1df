package io.github.nst4j.optim;

import io.github.nst4j.loss.LossGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Limited-memory BFGS on the image with a backtracking (Armijo) line search.
 *
 * <p>Every loss evaluation, including those of the line search, counts as one iteration, so a budget
 * means the same work as for Adam. The first step, without curvature information yet, moves the
 * pixel with the largest gradient by {@code firstStep} pixel units; later steps start from the
 * quasi-Newton step length 1. Arrays are never modified after they are computed, so the
 * checkpoint at each accepted step can keep references instead of copies.
 */
public final class LbfgsImageOptimizer implements ImageOptimizer {
    /** Sufficient-decrease constant of the Armijo condition. */
    private static final double ARMIJO = 1e-4;
    private static final int MAX_LINE_SEARCH_STEPS = 20;
    private static final String GRADIENT = "g";
    private static final String LOSS = "f";

    private final int memory;
    private final double firstStep;

    /**
     * @param memory number of recent steps whose curvature is kept (neural-style uses 100)
     * @param firstStep largest pixel change of the first step, in 0-255 units
     */
    public LbfgsImageOptimizer(int memory, double firstStep) {
        this.memory = memory;
        this.firstStep = firstStep;
    }

    @Override
    public void optimize(BudgetedObjective evaluator, Map<String, INDArray> resumeFrom) {
        INDArray image = evaluator.graph().image();
        Deque<Pair> pairs = new ArrayDeque<>();
        INDArray x;
        INDArray g;
        double f;
        if (resumeFrom == null) {
            x = image.dup();
            LossGraph.Step first = evaluator.evaluate();
            f = first.objective();
            g = first.gradient().dup();
        } else {
            x = resumeFrom.get(IMAGE);
            g = resumeFrom.get(GRADIENT);
            f = resumeFrom.get(LOSS).getDouble(0);
            for (int i = 0; resumeFrom.containsKey("s" + i); i++) {
                pairs.addLast(new Pair(resumeFrom.get("s" + i), resumeFrom.get("y" + i)));
            }
            image.assign(x);
        }
        checkpoint(evaluator, x, g, f, pairs);
        while (!evaluator.exhausted()) {
            INDArray direction = direction(g, pairs);
            double slope = dot(g, direction);
            if (!(slope < 0)) {
                // Curvature pairs gone bad (not a descent direction): restart from steepest descent.
                pairs.clear();
                direction = steepestDescent(g);
                slope = dot(g, direction);
            }
            double step = 1;
            boolean accepted = false;
            INDArray xNew = null;
            LossGraph.Step trial = null;
            for (int tries = 0; tries < MAX_LINE_SEARCH_STEPS && !evaluator.exhausted(); tries++) {
                xNew = x.add(direction.mul(step));
                image.assign(xNew);
                trial = evaluator.evaluate();
                double fNew = trial.objective();
                if (fNew <= f + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                step = nextStep(step, f, fNew, slope);
            }
            if (!accepted) {
                if (pairs.isEmpty()) {
                    image.assign(x); // the last step: the trials after it were not taken
                    return; // budget spent, or no descent even along the gradient: a minimum
                }
                pairs.clear();
                image.assign(x);
                continue;
            }
            INDArray gNew = trial.gradient().dup();
            INDArray s = xNew.sub(x);
            INDArray y = gNew.sub(g);
            if (dot(s, y) > 1e-10 * dot(y, y)) {
                pairs.addLast(new Pair(s, y));
                if (pairs.size() > memory) {
                    pairs.removeFirst();
                }
            }
            x = xNew;
            g = gNew;
            f = trial.objective();
            checkpoint(evaluator, x, g, f, pairs);
        }
    }

    /** {@code -H·g} by the two-loop recursion, or a scaled steepest descent without history. */
    private INDArray direction(INDArray g, Deque<Pair> pairs) {
        if (pairs.isEmpty()) {
            return steepestDescent(g);
        }
        INDArray q = g.dup();
        List<Double> alphas = new ArrayList<>(pairs.size());
        Iterator<Pair> newestFirst = pairs.descendingIterator();
        while (newestFirst.hasNext()) {
            Pair pair = newestFirst.next();
            double alpha = pair.rho() * dot(pair.s(), q);
            q.subi(pair.y().mul(alpha));
            alphas.add(alpha);
        }
        Pair newest = pairs.peekLast();
        q.muli(dot(newest.s(), newest.y()) / dot(newest.y(), newest.y()));
        int i = alphas.size() - 1;
        for (Pair pair : pairs) {
            double beta = pair.rho() * dot(pair.y(), q);
            q.addi(pair.s().mul(alphas.get(i--) - beta));
        }
        return q.negi();
    }

    private INDArray steepestDescent(INDArray g) {
        double largest = g.amaxNumber().doubleValue();
        return g.mul(largest > 0 ? -firstStep / largest : 0);
    }

    /** Minimiser of the quadratic through f, the slope and fNew, kept within [0.1, 0.5] of the step. */
    private static double nextStep(double step, double f, double fNew, double slope) {
        double curvature = fNew - f - slope * step;
        double quadratic = curvature > 0 ? -slope * step * step / (2 * curvature) : 0.5 * step;
        return Math.max(0.1 * step, Math.min(0.5 * step, quadratic));
    }

    private static void checkpoint(BudgetedObjective evaluator, INDArray x, INDArray g, double f, Deque<Pair> pairs) {
        Map<String, INDArray> state = new HashMap<>();
        state.put(IMAGE, x);
        state.put(GRADIENT, g);
        state.put(LOSS, Nd4j.scalar(f));
        int i = 0;
        for (Pair pair : pairs) {
            state.put("s" + i, pair.s());
            state.put("y" + i, pair.y());
            i++;
        }
        evaluator.markResumePoint(state);
    }

    private static double dot(INDArray a, INDArray b) {
        return Nd4j.getBlasWrapper().dot(a.reshape(a.length()), b.reshape(b.length()));
    }

    /** A step {@code s} and the gradient change {@code y} it caused. */
    private record Pair(INDArray s, INDArray y) {
        double rho() {
            return 1 / dot(s, y);
        }
    }
}
