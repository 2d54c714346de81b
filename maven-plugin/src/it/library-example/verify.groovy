// the README's library example is this file, as printed (readme: a script variable the plugin's pom sets)
String example = new File(basedir, "src/main/java/example/Example.java").getText("UTF-8")
String readmeText = new File(readme).getText("UTF-8")
def m = readmeText =~ /(?s)```java\n(package example;.*?)```/
assert m.find() : "README.md has no java block starting with 'package example;'"
assert m.group(1) == example : "README.md's library example differs from library-example/src/main/java/example/Example.java"

// it ran: the seed's variables, W1's value and the frozen graph
String log = new File(basedir, "build.log").getText("UTF-8")
assert log.contains("W1 float32[1]") || log.contains("W1 float32 [1]") : "the variables were not listed"
assert log.contains("W1 = [5.0]") : "W1 was not read as native TF wrote it (5.0, testdata/models/seed/model.json)"
assert log.contains("W1 <- W1") : "the freeze report was not printed"
assert new File(basedir, "target/seed.pb").length() > 0 : "no frozen graph"
// nothing of TensorFlow or the bridge was needed
assert !new File(localRepositoryPath, "org/tensorflow").exists()
return true
