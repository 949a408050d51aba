/**
 * Data: strict readers ({@link org.maqd.data.IdxReader} for MNIST-style IDX files, {@link org.maqd.data.CifarReader}
 * for CIFAR-10/100 binary batches), the embedded MNIST-10k, seeded 2-D toy sets ({@link org.maqd.data.ToyDatasets}),
 * and the path from a data spec to a {@link org.maqd.data.DataSplit} ({@link org.maqd.data.Datasets}).
 * Training consumes a {@link org.maqd.data.Dataset} through a {@link org.maqd.data.Batcher}, which fills reused
 * [B, C, H, W] buffers in a seeded per-epoch order ({@link org.maqd.data.EpochOrder}) with optional
 * {@link org.maqd.data.Augmentation}. Every problem with the data is a {@link org.maqd.data.DataFormatException}
 * naming the file, the field or offset, what was expected and what was found.
 */
package org.maqd.data;
