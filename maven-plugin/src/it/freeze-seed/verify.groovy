import java.util.zip.ZipFile

File frozen = new File(basedir, "target/generated-resources/jfreeze/model/seed.pb")
assert frozen.isFile() && frozen.length() > 0 : "no frozen graph at " + frozen

// the frozen graph is byte for byte what the CLI writes for the same checkpoint (the golden
// testdata/models/seed/frozen.pbtxt is its text form; node names are enough to tell the variables went)
String text = new String(frozen.bytes, "ISO-8859-1")
assert text.contains("predictions") && text.contains("input_holder")

File jar = new File(basedir, "target/freeze-seed-1.0.jar")
assert jar.isFile() : "no jar"
new ZipFile(jar).withCloseable { zip ->
  assert zip.getEntry("model/seed.pb") != null : "the frozen graph is not in the jar"
  assert zip.getEntry("seed_saved_model/saved_model.pb") != null : "the SavedModel is not in the jar"
  assert zip.getEntry("seed_saved_model/variables/variables.index") != null : "the SavedModel's variables are not in the jar"
}

String log = new File(basedir, "build.log").getText("UTF-8")
assert log.contains("checkpoint  ") && log.contains("W1  float32 [1]") : "inspect did not list the variables"
assert log.contains("seed.pb is up to date (model and settings unchanged), skipping") : "the second build froze again"
assert log.contains("seed_saved_model is up to date") : "the second build converted again"
// the plugin runs in pure Java: nothing of TensorFlow was resolved for it
assert !new File(localRepositoryPath, "org/tensorflow").exists() : "TensorFlow jars were resolved for the plugin"
assert !new File(localRepositoryPath, "io/github/jfreeze/jfreeze-runtime-bridge").exists() : "the bridge was resolved"
return true
