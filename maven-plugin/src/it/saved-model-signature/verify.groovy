File frozen = new File(basedir, "target/generated-resources/jfreeze/tf1_mlp.pb")
assert frozen.isFile() && frozen.length() > 0 : "no frozen graph at " + frozen
String log = new File(basedir, "build.log").getText("UTF-8")
assert log.contains("jfreeze:freeze: ") && log.contains("outputs y") : "the signature's output y was not frozen"
File mlp = new File(basedir, "target/generated-resources/jfreeze/mlp.pb")
assert mlp.isFile() : "no frozen mlp"
assert log.contains("outputs predictions, classes)") : "the comma-separated outputs were not both frozen"
File flat = new File(basedir, "target/generated-resources/jfreeze/nested_functional.pb")
assert flat.isFile() : "no flat nested_functional"
assert log.contains("2 variables as constants, 0 functions, outputs output, output_not)") : "the flat freeze kept functions"
return true
