package org.maqd.ui.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentBadgeTest {
    @Test
    void badgeFromCertificateMap() {
        Map<String, Object> pass = Map.of("integer_only", true, "identical_predictions_percent", 100.0, "goal_percent", 99.9, "pass", true);
        assertEquals("integer-only ✓ 100.0% identical", DeploymentBadge.text(pass, null));
        assertTrue(DeploymentBadge.passed(DeploymentBadge.text(pass, null)));
        Map<String, Object> almost = Map.of("integer_only", true, "identical_predictions_percent", 99.96, "goal_percent", 99.9);
        assertEquals("integer-only ✓ 99.9% identical", DeploymentBadge.text(almost, null), "never rounds up to 100%");
        Map<String, Object> fail = Map.of("integer_only", true, "identical_predictions_percent", 97.25, "goal_percent", 99.9);
        assertEquals("integer-only ✗ 97.2% identical (goal 99.9%)", DeploymentBadge.text(fail, null));
        assertFalse(DeploymentBadge.passed(DeploymentBadge.text(fail, null)));
        assertEquals("not integer-only: layer 1 (linear) uses LN",
                DeploymentBadge.text(Map.of("integer_only", false, "reason", "layer 1 (linear) uses LN"), null));
        assertEquals("not verified", DeploymentBadge.text(null, null));
        assertEquals("not integer-only: layer 2 (residual) adds", DeploymentBadge.text(null, "layer 2 (residual) adds"));
        assertTrue(DeploymentBadge.text(Map.of("unreadable", "Unexpected end"), null).startsWith("certificate.json unreadable"));
    }
}
