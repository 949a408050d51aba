/**
 * Integer-only deployment (method.md §9): {@link org.maqd.deploy.Folder} folds a trained network into a
 * {@link org.maqd.deploy.FoldedModel} (integer weights, per-channel thresholds from {@link org.maqd.deploy.Thresholds},
 * fixed-point class scores), {@link org.maqd.deploy.IntEngine} runs it with integer arithmetic only,
 * {@link org.maqd.deploy.Certificate} proves it against the float fake-quant model on a test set,
 * {@link org.maqd.deploy.CostSummary} gives its memory and compute, and {@link org.maqd.deploy.CExport} writes it as C99.
 *
 * <p>Exactness: thresholds are computed with exact decimal arithmetic from the stored float parameters, so the
 * integer model equals the real-arithmetic fake-quant model including round-half-to-even ties; the float32 model
 * can differ only where its own rounding error moves a value across a rounding point (the certificate names
 * such an element). Class scores are exact to {@code (bound + 1)/(2^F·den)} logit units (see
 * {@link org.maqd.deploy.Thresholds#output}).
 */
package org.maqd.deploy;
