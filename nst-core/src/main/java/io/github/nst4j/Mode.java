package io.github.nst4j;

/** What the optimisation reconstructs; the three experiments of Gatys, Ecker and Bethge. */
public enum Mode {
    /** Content of one image in the style of another (content, style and TV losses). */
    TRANSFER,
    /** Texture synthesis, the style extracted alone: style and TV losses from noise, no content image. */
    TEXTURE,
    /** Content reconstruction from one layer's activations: content and TV losses from noise, no style image. */
    CONTENT
}
