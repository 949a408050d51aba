@echo off
rem MaQD Workbench launcher for Windows: builds on first use, then runs the jar.
setlocal
set HERE=%~dp0
if not exist "%HERE%target\maqd.jar" (
  echo maqd: building ^(first use^)... 1>&2
  pushd "%HERE%" && call mvn -B -q -DskipTests package && popd || (echo maqd: build failed 1>&2 & exit /b 1)
)
java --add-modules jdk.incubator.vector -Xss4m --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED %MAQD_JAVA_OPTS% -Dmaqd.home="%HERE%." -jar "%HERE%target\maqd.jar" %*
