package org.cdrgen.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Sent to the executors with the plan: the options (profile included) and the columns to convert. */
record ChunkReaderFactory(SourceOptions options, StructType schema) implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new ChunkReader(Generators.of(options), options.table(), schema, (ChunkPartition) partition);
    }
}
