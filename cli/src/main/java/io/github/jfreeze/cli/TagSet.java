package io.github.jfreeze.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one reading of {@code --tags} (freeze, run, verify): comma-separated tag names, blanks
 * dropped, so {@code --tags ""} (or {@code --tags ,}) is the empty tag set that TF1 Hub modules are
 * saved with, as TF names it ({@code saved_model_cli --tag_set ""}).
 */
final class TagSet {
  /** The option's help text, shared by every command that takes it. */
  static final String HELP = "SavedModel tag set, comma-separated (default: ${DEFAULT-VALUE}); --tags '' is the empty "
      + "set (TF1 Hub modules).";

  private TagSet() {}

  /** The tag set {@code --tags} names (picocli has split it at commas). */
  static Set<String> of(List<String> names) {
    Set<String> tags = new LinkedHashSet<>();
    for (String n : names) {
      if (!n.isBlank()) {
        tags.add(n.strip());
      }
    }
    return tags;
  }
}
