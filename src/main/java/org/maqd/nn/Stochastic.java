package org.maqd.nn;

/**
 * A layer that draws random numbers in training (dropout). The trainer reseeds it before every step from
 * (run seed, step), so the numbers do not depend on history and a resumed run draws the same masks.
 */
public interface Stochastic {
    void reseed(long seed, long step);
}
