package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.listener.LossValues;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record kept beside each output. */
class ItemRecordTest {
    private static final WorkItem ITEM = new WorkItem("hdfs://nn/photos/cat.png", "file:/styles/a=b.png",
            "hdfs://nn/styled/cat_a.png", List.of());

    @Test
    void aRecordReadsBackAsWrittenAndShowsItsSettingsAsGiven() {
        ItemRecord record = new ItemRecord(-42L, 12.5, new LossValues(1.5, 2.25, 3e-7));

        String text = record.text(ITEM, "--size=96 --weights=random");

        assertThat(ItemRecord.parse(text)).isEqualTo(record);
        assertThat(text).contains("settings=--size=96 --weights=random\n", "style=file:/styles/a=b.png\n");
        assertThat(ItemRecord.uriFor(ITEM.output())).isEqualTo("hdfs://nn/styled/cat_a.png.properties");
    }

    @Test
    void aDamagedRecordIsNoRecord() {
        String text = new ItemRecord(7L, 1, new LossValues(1, 2, 3)).text(ITEM, "");

        assertThat(ItemRecord.parse(text.replace("fingerprint=7", "fingerprint=zz"))).isNull();
        assertThat(ItemRecord.parse(text.substring(0, text.indexOf("seconds")))).isNull();
    }
}
