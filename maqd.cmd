@echo off
rem MaQD Workbench launcher for Windows: builds on first use, then runs the jar.
setlocal
set HERE=%~dp0
if not exist "%HERE%target\maqd.jar" (
  echo maqd: building ^(first use^)... 1>&2
  pushd "%HERE%" && call mvn -B -q -DskipTests package && popd || (echo maqd: build failed 1>&2 & exit /b 1)
)
java --add-modules jdk.incubator.vector -Xss4m %MAQD_JAVA_OPTS% -Dmaqd.home="%HERE%." -jar "%HERE%target\maqd.jar" %*
