package io.github.nst4j.spark;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.cli.transfer.TransferOptions;

/** A work item as a Gatys style transfer, with the executor's shared VGG19 weights. */
final class TransferRendering implements Rendering {
    private final StyleTransfer transfer;
    private final String settings;

    private TransferRendering(StyleTransfer transfer, String settings) {
        this.transfer = transfer;
        this.settings = settings;
    }

    /** Reads the item's images and builds its transfer with the job's settings, then the item's own. */
    static TransferRendering prepare(JobSpec spec, WorkItem item, HadoopFiles files) {
        TransferOptions options = ItemSettings.parse(spec.argumentsFor(item));
        StyleTransferBuilder builder = options.apply(StyleTransfer.builder())
                .weights(ExecutorWeights.source(spec.weights(), options.seed(), files));
        if (item.content() != null) {
            builder.content(files.readImage(item.content()));
        }
        builder.addStyle(files.readImage(item.style()));
        String settings = String.join(" ", spec.argumentsFor(item)) + " --weights=" + spec.weights().value();
        return new TransferRendering(builder.build(), settings);
    }

    @Override
    public long fingerprint() {
        return transfer.fingerprint();
    }

    @Override
    public String settings() {
        return settings;
    }

    @Override
    public Rendered render() {
        StyleTransferResult result = transfer.run();
        return new Rendered(result.image(), result.lossHistory().get(result.bestIteration() - 1));
    }
}
