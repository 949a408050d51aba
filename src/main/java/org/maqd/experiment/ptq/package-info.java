/**
 * Post-training quantization of a trained float model, evaluated at the same numbers of states as MaQD's
 * quantization-aware training (method.md §10). {@link org.maqd.experiment.ptq.PtqModel} rebuilds the run's network
 * with its effective weights and fake-quantizes them; {@link org.maqd.experiment.ptq.BlockwiseForward} runs EVAL
 * inference layer by layer with a hook on every activation output, where
 * {@link org.maqd.experiment.ptq.PtqEvaluator} observes (static calibration) or fake-quantizes (static or dynamic)
 * the activations. The quantizers and calibrators themselves are {@code org.maqd.quant.ptq}.
 */
package org.maqd.experiment.ptq;
