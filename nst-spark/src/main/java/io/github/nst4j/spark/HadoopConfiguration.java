package io.github.nst4j.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration (with the job's {@code spark.hadoop.*} settings, e.g. S3
 * credentials providers) carried to the executors, where {@link Configuration} itself is not
 * serializable.
 */
final class HadoopConfiguration implements Serializable {
    private static final long serialVersionUID = 1L;

    private transient Configuration configuration;

    HadoopConfiguration(Configuration configuration) {
        this.configuration = configuration;
    }

    Configuration get() {
        return configuration;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        configuration.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        configuration = new Configuration(false);
        configuration.readFields(in);
    }
}
