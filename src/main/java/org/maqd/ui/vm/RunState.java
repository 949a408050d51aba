package org.maqd.ui.vm;

/** Where the training view's run is. */
public enum RunState {
    IDLE, RUNNING, PAUSED, STOPPING, FINISHED;

    public boolean active() { return this == RUNNING || this == PAUSED || this == STOPPING; }
}
