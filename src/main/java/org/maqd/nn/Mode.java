package org.maqd.nn;

/** Training uses batch statistics, dropout and surrogate caches; evaluation uses running statistics. */
public enum Mode { TRAIN, EVAL }
