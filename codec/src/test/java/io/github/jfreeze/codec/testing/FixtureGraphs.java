package io.github.jfreeze.codec.testing;

import io.github.jfreeze.proto.GraphDef;
import io.github.jfreeze.proto.MetaGraphDef;
import io.github.jfreeze.proto.SavedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every binary graph TensorFlow wrote among the fixtures and the corpus: {@code .meta}, {@code saved_model.pb}, {@code .pb}. */
public final class FixtureGraphs {
  private FixtureGraphs() {}

  /** The graphs of testdata/ and the corpus, in path order (damaged files and files that are no graph left out). */
  public static List<GraphDef> all() {
    List<GraphDef> out = new ArrayList<>();
    for (Path root : List.of(TestPaths.testdata(), TestPaths.corpus())) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
          String n = p.getFileName().toString();
          if (Files.size(p) > 64 << 20) {
            continue;
          }
          try {
            if (n.endsWith(".meta")) {
              out.add(MetaGraphDef.parseFrom(Files.readAllBytes(p)).getGraphDef());
            } else if (n.equals("saved_model.pb")) {
              SavedModel.parseFrom(Files.readAllBytes(p)).getMetaGraphsList().forEach(m -> out.add(m.getGraphDef()));
            } else if (n.endsWith(".pb")) {
              out.add(GraphDef.parseFrom(Files.readAllBytes(p)));
            }
          } catch (IOException e) {
            // a damaged fixture, or not a graph
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
