@echo off
rem Starts LayerLoom on Windows: without arguments the window, otherwise the command line
rem (layerloom --help). Builds the application with Maven first when it is missing or older than
rem the sources. Extra JVM options can be given in LAYERLOOM_JAVA_OPTS, e.g. set LAYERLOOM_JAVA_OPTS=-Xmx4g
setlocal EnableExtensions DisableDelayedExpansion

set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAR=%ROOT%\app\target\layerloom-app.jar"
set "LIB=%ROOT%\app\target\lib"

where java >nul 2>nul
if errorlevel 1 goto :nojava
set "JVER="
for /f "tokens=3" %%v in ('java -version 2^>^&1 ^| findstr /i /c:"version"') do if not defined JVER set "JVER=%%~v"
set "JMAJOR="
for /f "delims=.-+_" %%m in ("%JVER%") do set "JMAJOR=%%m"
if not defined JMAJOR goto :oldjava
if "%JMAJOR%"=="1" goto :oldjava
if %JMAJOR% LSS 17 goto :oldjava

set "BUILD=0"
if not exist "%JAR%" set "BUILD=1"
if not exist "%LIB%\" set "BUILD=1"
if "%BUILD%"=="1" goto :build
rem Rebuild when any pom.xml or any file under a module's src is newer than the jar; modules sit at the
rem top level and one level deeper (training-engine\core, training-engine\engine).
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$jar = (Get-Item -LiteralPath $env:JAR).LastWriteTimeUtc;" ^
  "$files = @(Get-Item -LiteralPath (Join-Path $env:ROOT 'pom.xml'));" ^
  "$modules = @(Get-ChildItem -LiteralPath $env:ROOT -Directory);" ^
  "$modules += @($modules | ForEach-Object { Get-ChildItem -LiteralPath $_.FullName -Directory });" ^
  "foreach ($module in $modules) {" ^
  "  $files += @(Get-ChildItem -LiteralPath $module.FullName -Filter 'pom.xml' -File);" ^
  "  $src = Join-Path $module.FullName 'src';" ^
  "  if (Test-Path -LiteralPath $src) { $files += @(Get-ChildItem -LiteralPath $src -Recurse -File) } };" ^
  "if (@($files | Where-Object { $_.LastWriteTimeUtc -gt $jar }).Count -gt 0) { exit 1 } else { exit 0 }"
if errorlevel 1 goto :build
goto :run

:build
where mvn >nul 2>nul
if errorlevel 1 goto :nomaven
echo layerloom: building LayerLoom (first start, or the sources changed)... 1>&2
rem Maven's output goes to stderr, so that the JSON of --json stays alone on stdout.
call mvn -q -DskipTests package -pl app -am -f "%ROOT%\pom.xml" 1>&2
if errorlevel 1 goto :buildfailed
rem The jar is only rewritten when its own classes change; mark it as up to date with the sources.
powershell -NoProfile -Command "(Get-Item -LiteralPath $env:JAR).LastWriteTime = Get-Date" >nul 2>nul

:run
rem libtorch's own (ATen) kernels use their AVX2 versions, faster than AVX-512 on small arrays (see ./layerloom).
if not defined ATEN_CPU_CAPABILITY set "ATEN_CPU_CAPABILITY=avx2"
java %LAYERLOOM_JAVA_OPTS% -cp "%JAR%;%LIB%\*" org.layerloom.app.Main %*
exit /b %ERRORLEVEL%

:nojava
echo layerloom: Java was not found. LayerLoom needs a JDK 17 or newer (for example Temurin 17 or 21), 1>&2
echo with 'java' on the PATH. 1>&2
exit /b 127

:oldjava
echo layerloom: LayerLoom needs Java 17 or newer, but 'java' here is version %JVER%. 1>&2
echo Install a JDK 17+ and put it first on the PATH (or set JAVA_HOME for Maven). 1>&2
exit /b 127

:nomaven
echo layerloom: LayerLoom has to be built once, which needs Maven 3.8 or newer ('mvn' on the PATH). 1>&2
echo Install it (https://maven.apache.org/install.html) and run this again. 1>&2
exit /b 127

:buildfailed
echo layerloom: The build failed (see Maven's messages above). 1>&2
exit /b 1
