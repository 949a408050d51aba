package org.maqd.ui.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.Background;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** In the dark theme a dialog's default button (OK) had light text on light blue: it looked disabled. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DarkDefaultButtonUiTest {
    private Button ok;

    @Start
    void start(Stage stage) {
        ok = new Button("OK");
        ok.setDefaultButton(true);
        Scene scene = new Scene(new StackPane(ok), 200, 100);
        scene.getStylesheets().setAll(DarkDefaultButtonUiTest.class.getResource("/assets/css/base.css").toExternalForm(),
                DarkDefaultButtonUiTest.class.getResource("/assets/css/dark.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theDefaultButtonsTextStandsOutFromItsBackground(FxRobot robot) {
        double[] ratio = new double[1];
        robot.interact(() -> {
            ok.applyCss();
            Background bg = ok.getBackground();
            javafx.scene.paint.Paint p = bg.getFills().get(bg.getFills().size() - 1).getFill();
            // modena fills buttons with a gradient: its stops' mean colour
            Color fill = p instanceof Color c ? c : mean(((javafx.scene.paint.LinearGradient) p).getStops());
            Color text = (Color) ((javafx.scene.text.Text) ok.lookup(".text")).getFill();
            ratio[0] = RunsViewUiTest.contrast(fill, text);
        });
        assertTrue(ratio[0] >= 4.5, "contrast " + ratio[0]);
    }

    private static Color mean(java.util.List<javafx.scene.paint.Stop> stops) {
        double r = 0, g = 0, b = 0;
        for (javafx.scene.paint.Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
        }
        return Color.color(r / stops.size(), g / stops.size(), b / stops.size());
    }
}
