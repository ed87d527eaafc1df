package io.github.nst4j.cli.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch's outputs are named before any run, one per job, and say how inputs sharing a name were told apart. */
class BatchPlanTest {
    @TempDir
    Path dir;

    @Test
    void contentsInTwoFoldersSharingANameGetOutputsOfTheirOwn() {
        Path out = dir.resolve("coll");
        BatchPlan.Batch batch = BatchPlan.batch(List.of(dir.resolve("d1/pic.png"), dir.resolve("d2/pic.png")),
                List.of(List.of(dir.resolve("ihc.png"))), out);
        assertThat(batch.jobs()).extracting(BatchPlan.Job::output)
                .containsExactly(out.resolve("d1_pic_ihc.png"), out.resolve("d2_pic_ihc.png"));
        assertThat(batch.notes()).containsExactly("d1/pic.png, d2/pic.png share a name; their outputs are named after"
                + " d1_pic, d2_pic");
    }

    @Test
    void aFolderWithOnePictureInTwoFormatsKeepsTheirExtensions() throws IOException {
        Path photos = Files.createDirectory(dir.resolve("photos"));
        Files.createFile(photos.resolve("pic.png"));
        Files.createFile(photos.resolve("pic.jpg"));
        Path out = dir.resolve("coll");
        BatchPlan.Batch batch = BatchPlan.batch(List.of(photos), List.of(List.of(dir.resolve("a.png")),
                List.of(dir.resolve("x/a.jpg"))), out);
        assertThat(batch.jobs()).extracting(BatchPlan.Job::output).doesNotHaveDuplicates().containsExactly(
                out.resolve("pic_jpg_a_png.png"), out.resolve("pic_png_a_png.png"),
                out.resolve("pic_jpg_a_jpg.png"), out.resolve("pic_png_a_jpg.png"));
        assertThat(batch.notes()).hasSize(2);
    }

    @Test
    void namesThatDifferNeedNoNote() {
        BatchPlan.Batch batch = BatchPlan.batch(List.of(dir.resolve("cat.png"), dir.resolve("dog.jpg")),
                List.of(List.of(dir.resolve("a.png"), dir.resolve("b.png"))), dir);
        assertThat(batch.jobs()).extracting(BatchPlan.Job::output)
                .containsExactly(dir.resolve("cat_a+b.png"), dir.resolve("dog_a+b.png"));
        assertThat(batch.notes()).isEmpty();
    }
}
