/**
 * Sweeps on a cluster of machines, on Hazelcast embedded members: workers ({@link org.maqd.cluster.ClusterWorker})
 * take trials from a distributed queue and run them; a sweep's coordinator ({@link org.maqd.cluster.ClusterTrialRunner})
 * queues the trials and writes the returned run folders into the same sweep folder a local sweep writes. Every
 * trial, checkpoint and result crossing the network is signed with the shared secret ({@link org.maqd.cluster.ClusterSecret}),
 * which also derives the cluster name, so a member without it cannot join. No Java serialization: maps and
 * queues hold strings and byte arrays (JSON, zip).
 */
package org.maqd.cluster;
