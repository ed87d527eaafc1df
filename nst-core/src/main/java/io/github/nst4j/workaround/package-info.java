/**
 * Everything Deeplearning4j 1.0.0-M2.1 forces nst4j to do by hand, in one place. Only the engine
 * packages ({@code network}, {@code loss}, {@code optim}, {@code fast}) use it; an architecture test
 * holds that.
 * Each entry says what DL4J does, what is done instead, and how to tell whether a newer DL4J still
 * needs it. Drop an entry when its check passes without it.
 *
 * <ol>
 *   <li><b>Custom ops survive the gradient graph only under names of their own</b>
 *       ({@link io.github.nst4j.workaround.NativeOpAlias}, {@code AliasedCustomOp}). SameDiff builds
 *       the gradient function on a copy of the graph, recreating each op from its libnd4j name, so
 *       an op class that only overrides {@code doDiff} comes back as its ND4J parent. The ops of
 *       this package therefore register themselves in ND4J's global op table from static
 *       initialisers (once per JVM) and execute under the hash of the libnd4j op they stand for.
 *       {@link io.github.nst4j.workaround.GradientNormalizer} (normalised gradients) is a feature,
 *       not a workaround, but lives here because it needs this registration. Check: remove a
 *       registration; {@code SquaredDistanceTest} and {@code FrozenConv2DTest} fail if the copy
 *       lost the class.</li>
 *   <li><b>{@link io.github.nst4j.workaround.FrozenConv2D}</b>: {@code conv2d_bp} always computes
 *       weight and bias gradients, even for constants. Its gradient here is the input gradient
 *       alone. Check: the gradient function of a plain {@code conv2d} with constant weights has no
 *       weight-gradient outputs.</li>
 *   <li><b>{@link io.github.nst4j.workaround.GatedRelu}</b>: SameDiff's ReLU gradient
 *       ({@code thresholdedrelu_bp}) runs a function object per element and keeps the ReLU's input
 *       alive. Check: compare {@code ./nst bench} with a plain {@code relu}.</li>
 *   <li><b>{@link io.github.nst4j.workaround.GramProduct}</b>: {@code mmul(X, X)} differentiates as
 *       two independent operands, two full-size gradients and their sum. Check: the gradient of
 *       {@code mmul(xT, x)} is a single product.</li>
 *   <li><b>{@link io.github.nst4j.workaround.SquaredDistance}</b>: {@code squaredDifference().mean()}
 *       goes backward through {@code reduce_mean_bp} and libnd4j's broadcast
 *       {@code squaredsubtract_bp}. Check: {@code SquaredDistanceTest} lists the ops of SameDiff's
 *       own version; compare {@code ./nst bench} with it.</li>
 *   <li><b>{@link io.github.nst4j.workaround.SessionMemory} and {@code BufferPool}</b>: SameDiff's
 *       session drops some intermediate arrays each run without releasing them (it clears its
 *       array-use tracker at the start of every run), so their native memory waits for a GC, and
 *       its own cache matches arrays by shape, not size. SameDiff keeps sessions per thread: the
 *       memory manager is installed for the thread that builds a graph, so a graph must be run on
 *       the thread that built it (every {@code StyleTransfer.run} does both on its caller's
 *       thread). Check: {@code SessionMemoryTest}; resident memory over a long run
 *       ({@code nst-examples/run DriftRun}) without it.</li>
 *   <li><b>{@link io.github.nst4j.workaround.GradientFunction}</b>: {@code createGradFunction}
 *       prints a line per op to {@code System.out}, unconditionally, and the gradient function's
 *       key ({@code GRAD_FN_KEY}) is not public. The building thread's lines are dropped (other
 *       threads' pass through) and the key is restated. Check: build a gradient function and watch
 *       standard output; read {@code SameDiff.GRAD_FN_KEY}'s visibility.</li>
 *   <li><b>{@link io.github.nst4j.workaround.ReflectionPad}</b>: {@code pad} in REFLECT mode
 *       differentiates as a slice, as if the padding were constant, so the border's gradient is lost.
 *       Reflection is composed of slices and a concatenation; the border is reversed by concatenating
 *       its rows last to first, since libnd4j's {@code reverse} (and {@code reverse_bp}) leaks native
 *       memory on every call, some 850 MB a training step of a standard {@code TransformerNet}.
 *       Check: {@code ReflectionPadTest.sameDiffsOwnReflectPadLosesTheBordersGradient} fails; for
 *       the reversal, {@code ReflectionPadTest.libnd4jsReverseLeaksNativeMemory} fails.</li>
 *   <li><b>{@link io.github.nst4j.workaround.NearestUpsampling}</b>: {@code upsampling2d}'s gradient is
 *       wrong for channels-last arrays; they are upsampled channels first between two permutations.
 *       Check: {@code NearestUpsamplingTest.sameDiffsChannelsLastGradientIsWrong} fails.</li>
 *   <li><b>{@link io.github.nst4j.workaround.UncopiedArrays}</b>: a graph from
 *       {@code SameDiff.create()} keeps a hidden duplicate of every constant and variable, so each
 *       graph on VGG19 copied its kernels again. Graphs are made with single-thread array holders
 *       instead. Check: {@code UncopiedArraysTest.sameDiffsOwnGraphCopiesEveryConstant} fails.</li>
 * </ol>
 *
 * <p>One more lives where it is used: Adam is applied by hand in {@code optim} because
 * {@code SameDiff.fit()} reports every loss term as 0 (see that package).
 */
package io.github.nst4j.workaround;
