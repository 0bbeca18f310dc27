@echo off
rem The A/B matrix on Windows against the real HTTP.SYS (run as Administrator, see perf\RESULTS.md "On Windows").
rem Extra arguments go to PerfMatrix. Set SKIP_BUILD=1 to reuse perf\target\benchmarks.jar.
setlocal
cd /d "%~dp0.."
if not "%SKIP_BUILD%"=="1" (
  call mvn -q -B -ntp -pl perf -am package -DskipTests || exit /b 1
)
java %JAVA_OPTS% -Dio.netty.contrib.httpsys.backend=native -cp perf\target\benchmarks.jar io.netty.contrib.httpsys.perf.PerfMatrix %*
