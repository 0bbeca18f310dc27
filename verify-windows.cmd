@echo off
rem The Windows verification kit: run it from an administrator prompt in a clone of this repository.
rem It builds the project, then WindowsVerification checks the Windows version and administrator rights, runs the
rem native test tier (mvn verify -Dio.netty.contrib.httpsys.backend=native, in target-verify), starts the examples
rem on HTTP.SYS and probes them, runs a short A/B matrix, and writes netty-httpsys-windows-report.md: attach that
rem file to a "Windows report" issue. Extra arguments go to WindowsVerification (--help lists them).
setlocal
cd /d "%~dp0"
call mvn -q -B -ntp -pl perf -am package -DskipTests
if errorlevel 1 (
  echo verify-windows: the build failed; is Maven 3.8+ with a JDK 17+ on the PATH?
  exit /b 1
)
java -cp perf\target\benchmarks.jar io.netty.contrib.httpsys.perf.WindowsVerification --project . %*
exit /b %ERRORLEVEL%
