String log = new File(basedir, "build.log").getText("UTF-8")
def line = log.readLines().find { it.contains("jfreeze:freeze: ") && it.startsWith("[ERROR]") }
assert line != null : "no jfreeze error line in the build log"
assert line.contains(new File(basedir, "ckpt").path) : "the error does not name the checkpoint: " + line
assert !log.contains("\tat io.github.jfreeze") : "a stack trace was printed"
assert !new File(basedir, "target/generated-resources/jfreeze/ckpt.pb").exists() : "a frozen graph was written"
return true
