package org.cdrgen.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One input partition, one task: a block of subscribers on one day, as the CLI's chunks are, so its rows
 * depend on nothing but the options and these numbers (never on Spark's partition or task ids).
 *
 * @param dayIndex         the day of the run, 0-based
 * @param epochDay         that day's date
 * @param firstSubscriber  the block's first subscriber id
 * @param subscriberCount  subscribers in the block (0 for the cells table's one partition)
 */
record ChunkPartition(int dayIndex, int epochDay, int firstSubscriber, int subscriberCount) implements InputPartition {
}
