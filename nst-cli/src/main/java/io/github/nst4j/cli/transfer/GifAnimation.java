package io.github.nst4j.cli.transfer;

import io.github.nst4j.error.NstException;
import io.github.nst4j.storage.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes frames as an animated GIF that loops forever (the NETSCAPE2.0 extension). */
final class GifAnimation {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifAnimation() {
    }

    static void write(List<BufferedImage> frames, int delayMillis, Path file) {
        try {
            AtomicFiles.write(file.toAbsolutePath(), temp -> encode(frames, delayMillis, temp));
        } catch (IOException e) {
            throw new NstException("Cannot write the animation " + file + ": " + e.getMessage(), e);
        }
    }

    private static void encode(List<BufferedImage> frames, int delayMillis, Path temp) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            boolean first = true;
            for (BufferedImage frame : frames) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        null);
                describeFrame(metadata, delayMillis, first);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
                first = false;
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** Sets the frame's delay and, on the first frame, the loop-forever extension. */
    private static void describeFrame(IIOMetadata metadata, int delayMillis, boolean first) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayMillis / 10));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever
            extensions.appendChild(loop);
        }
        metadata.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
