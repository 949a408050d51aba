package org.maqd.ui.vm;

import java.util.Locale;
import java.util.Map;

/**
 * The deployment badge of a run in the runs table, from its {@code certificate.json} (as {@code maqd export
 * RUN_DIR --verify} writes it): "integer-only ✓ 100.0% identical" when the integer engine agrees with the float
 * model on ≥ the goal of the test predictions, "integer-only ✗ …" below the goal, "not integer-only: reason" when
 * the model cannot be folded, "not verified" when there is no certificate yet.
 */
public final class DeploymentBadge {
    private DeploymentBadge() {}

    public static final String NOT_VERIFIED = "not verified";

    /** The badge of a certificate map (null: none yet) or of a reason the model is not integer-only (null: none known). */
    public static String text(Map<String, ?> certificate, String notIntegerOnly) {
        if (certificate == null) return notIntegerOnly == null ? NOT_VERIFIED : "not integer-only: " + notIntegerOnly;
        if (certificate.get("unreadable") != null) return "certificate.json unreadable: " + certificate.get("unreadable");
        Object io = certificate.get("integer_only");
        if (Boolean.FALSE.equals(io)) {
            Object why = certificate.get("reason");
            return "not integer-only: " + (why == null ? "see certificate.json" : why);
        }
        double pct = number(certificate.get("identical_predictions_percent"));
        if (Double.isNaN(pct)) return "certificate.json: no identical_predictions_percent";
        double goal = number(certificate.get("goal_percent"));
        if (Double.isNaN(goal)) goal = 99.9;
        String p = String.format(Locale.ROOT, "%.1f%%", Math.floor(pct * 10) / 10);
        if (pct >= goal) return "integer-only ✓ " + p + " identical";
        return String.format(Locale.ROOT, "integer-only ✗ %s identical (goal %s%%)", p, trim(goal));
    }

    /** True when the badge reports a passed certificate (for styling). */
    public static boolean passed(String badge) { return badge != null && badge.startsWith("integer-only ✓"); }

    private static double number(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
