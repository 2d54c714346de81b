@echo off
rem jfreeze launcher for Windows: runs the jars in ..\lib (and ..\lib\native, the TensorFlow add-on,
rem when present). JAVA_HOME picks the Java (else java on PATH); JFREEZE_JAVA_OPTS adds JVM options.
setlocal
set "JFREEZE_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "CP=%JFREEZE_HOME%\lib\*"
if exist "%JFREEZE_HOME%\lib\native" set "CP=%CP%;%JFREEZE_HOME%\lib\native\*"
if not defined TF_CPP_MIN_LOG_LEVEL set "TF_CPP_MIN_LOG_LEVEL=2"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Dfile.encoding=UTF-8 %JFREEZE_JAVA_OPTS% -cp "%CP%" io.github.jfreeze.cli.Main %*
exit /b %ERRORLEVEL%
