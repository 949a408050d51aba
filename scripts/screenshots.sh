#!/usr/bin/env bash
# Renders every workbench view to PNG: composer, training (after a short real run on a subset), quantizer
# explorer, runs, and the composer in the dark theme.
#   scripts/screenshots.sh [OUT_DIR]        (default: target/screenshots)
# Uses a virtual X display (Xvfb) when it is installed, so the real GTK window is captured; otherwise renders
# headless with Monocle. To install the X path:
#   apt-get install -y xvfb x11-apps x11-utils imagemagick libgtk-3-0 libgl1 libxtst6 libxxf86vm1
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-target/screenshots}"
mkdir -p "$OUT"
mvn -B -q -o compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/screenshots.classpath
CP="target/classes:$(cat target/screenshots.classpath)"
JAVA_FLAGS=(--add-modules jdk.incubator.vector -Djava.awt.headless=true)
if command -v Xvfb >/dev/null 2>&1 && ldconfig -p 2>/dev/null | grep -q libgtk-3.so.0; then
  Xvfb :97 -screen 0 1600x1000x24 >/dev/null 2>&1 &
  XVFB_PID=$!
  trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT
  sleep 1
  echo "rendering under Xvfb (:97)"
  DISPLAY=:97 java "${JAVA_FLAGS[@]}" -cp "$CP" org.maqd.ui.WorkbenchLauncher --screenshots "$OUT" --train
else
  echo "Xvfb or GTK 3 not found: rendering headless with Monocle"
  java "${JAVA_FLAGS[@]}" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1600x1000-32 \
       -Dprism.order=sw -cp "$CP" org.maqd.ui.WorkbenchLauncher --screenshots "$OUT" --train
fi
ls -1 "$OUT"/*.png
