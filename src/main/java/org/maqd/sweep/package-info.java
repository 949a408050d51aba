/**
 * Sweeps: grids and lists of trials over experiment fields, run as normal run folders and summarised over seeds.
 *
 * <p>{@link org.maqd.sweep.SweepPlan} expands an experiment's {@code sweep} block (grid × list × seeds) and checks
 * every trial — strict re-parse of the edited JSON tree, value validation, a trial build of the network — before
 * anything runs. {@link org.maqd.sweep.SweepRunner} runs the trials into {@code trials/<id>/}, resumably and
 * optionally several at a time, evaluates post-training quantization of float trials, and keeps
 * {@code results.csv} and {@code summary.csv} ({@link org.maqd.sweep.SweepTables}, mean, std and Student-t 95%
 * confidence half-width per group) current after every trial.
 */
package org.maqd.sweep;
