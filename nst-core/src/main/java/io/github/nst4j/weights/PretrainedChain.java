package io.github.nst4j.weights;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.weights.download.DownloadException;
import io.github.nst4j.weights.download.DownloadListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pretrained weights from the first of several sources that can give them. A source with a
 * compact copy in the cache goes first, so that a machine that once fetched any of them never needs
 * the network again; the others are tried in order, each failure told to the listener in one line.
 */
final class PretrainedChain implements WeightsSource {
    private final List<DownloadedWeightsSource> sources;
    private final DownloadListener listener;
    private volatile WeightsSource loadedFrom;

    PretrainedChain(List<DownloadedWeightsSource> sources, DownloadListener listener) {
        this.sources = List.copyOf(sources);
        this.listener = listener;
    }

    @Override
    public Vgg19Weights load() {
        // Stable: the cached ones first, each group in the chain's order.
        List<DownloadedWeightsSource> order = sources.stream()
                .sorted(Comparator.comparing(source -> !source.isCached())).toList();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            DownloadedWeightsSource source = order.get(i);
            try {
                Vgg19Weights weights = source.load();
                loadedFrom = source;
                return weights;
            } catch (NstException e) {
                String reason = e instanceof DownloadException download ? download.reason() : e.getMessage();
                failures.add(source.which().id() + " (" + reason + ")");
                if (i + 1 < order.size()) {
                    listener.onFallback("The " + source.which().id() + " weights are unavailable (" + reason
                            + "); trying " + order.get(i + 1).which().id());
                }
            }
        }
        throw new DownloadException("No pretrained VGG19 weights could be downloaded, from any of "
                + String.join(", ", failures), "to work offline, use untrained weights (no file needed) or a"
                + " weights file downloaded elsewhere (a .pth, .h5, .npz or the zoo's .zip)",
                "every source failed", null);
    }

    @Override
    public String description() {
        return "pretrained (" + sources.stream().map(source -> source.which().id())
                .collect(Collectors.joining(", else ")) + ")";
    }

    @Override
    public String loadedDescription() {
        WeightsSource source = loadedFrom;
        return source == null ? description() : source.description();
    }
}
