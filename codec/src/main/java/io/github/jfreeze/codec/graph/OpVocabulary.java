package io.github.jfreeze.codec.graph;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The op names jfreeze gives a meaning to, in one place: what a variable is, what assigns one, what
 * checks or destroys one, what saves and restores a checkpoint, what a placeholder is. {@code
 * inspect}'s summaries ({@link GraphSummary}), the freezer's stages and the runtime bridge all read
 * these sets; an op missing here is missing for all of them.
 */
public final class OpVocabulary {
  private OpVocabulary() {}

  /** TF1 reference variables: the node's output is the variable itself. */
  public static final Set<String> REF_VARIABLES = Set.of("VariableV2", "Variable");

  /** Resource variables: the node's output is a handle, read with {@code ReadVariableOp}. */
  public static final Set<String> RESOURCE_VARIABLES = Set.of("VarHandleOp");

  /** The variables freezing turns into constants: reference and resource variables. */
  public static final Set<String> VARIABLES = union(REF_VARIABLES, RESOURCE_VARIABLES);

  /**
   * Every op that holds a variable's state, as {@code inspect} lists variables: {@link #VARIABLES}
   * and TF1 contrib's {@code AutoReloadVariable}, which TF 2.18 no longer registers (a graph using
   * it cannot run there, so freezing leaves it to the graph validator rather than converting it).
   */
  public static final Set<String> STATE_VARIABLES = union(VARIABLES, Set.of("AutoReloadVariable"));

  /** Graph inputs. */
  public static final Set<String> PLACEHOLDERS = Set.of("Placeholder", "PlaceholderV2", "PlaceholderWithDefault");

  /** Graph inputs that must be fed: {@link #PLACEHOLDERS} but {@code PlaceholderWithDefault}. */
  public static final Set<String> REQUIRED_PLACEHOLDERS = Set.of("Placeholder", "PlaceholderV2");

  /** Assigns to a reference variable (input 0 the variable, input 1 the value). */
  public static final Set<String> REF_ASSIGNS = Set.of("Assign", "AssignAdd", "AssignSub");

  /** Assigns to a resource variable (input 0 the handle, input 1 the value). */
  public static final Set<String> RESOURCE_ASSIGNS = Set.of("AssignVariableOp", "AssignAddVariableOp",
      "AssignSubVariableOp");

  /** The ops a Saver's restore subgraph writes a restored value with (input 1 the value). */
  public static final Set<String> RESTORE_ASSIGNS = Set.of("Assign", "AssignVariableOp");

  /** Whether a variable has been initialized. */
  public static final Set<String> INITIALIZATION_CHECKS = Set.of("IsVariableInitialized", "VarIsInitializedOp");

  /** Ops that read or write checkpoint files. */
  public static final Set<String> CHECKPOINT_IO = Set.of("SaveV2", "RestoreV2", "Save", "SaveSlices", "Restore",
      "RestoreSlice", "MergeV2Checkpoints");

  /** Ops that read checkpoint files (a Saver's restore subgraph starts at them). */
  public static final Set<String> CHECKPOINT_RESTORES = Set.of("RestoreV2", "Restore", "RestoreSlice");

  /** Ops that only name checkpoint files for a saver. */
  public static final Set<String> CHECKPOINT_NAMING = Set.of("ShardedFilename", "ShardedFilespec");

  /**
   * Ops whose effect is a state change, not a value, and that freezing removes where the outputs
   * do not use their result: every assign, counters, initialization checks, resource destruction
   * and checkpoint I/O. Optimizer updates are recognised by their names' prefixes ({@link
   * #changesState}).
   */
  public static final Set<String> STATE_CHANGES = union(REF_ASSIGNS, RESOURCE_ASSIGNS, INITIALIZATION_CHECKS,
      CHECKPOINT_IO, Set.of("CountUpTo", "ResourceCountUpTo", "DestroyResourceOp"));

  /**
   * Whether an op changes state (variables, files) rather than computing a value: {@link
   * #STATE_CHANGES}, and optimizer updates by the prefixes TF names them with ({@code Apply*},
   * {@code ResourceApply*}, {@code SparseApply*}, {@code ResourceSparseApply*}, {@code Scatter*}
   * but {@code ScatterNd}, which computes a value, and {@code ResourceScatter*}): TF adds optimizers
   * faster than any list would follow.
   *
   * @param op the op name
   * @return whether it changes state
   */
  public static boolean changesState(String op) {
    return STATE_CHANGES.contains(op) || op.startsWith("Apply") || op.startsWith("ResourceApply")
        || op.startsWith("SparseApply") || op.startsWith("ResourceSparseApply")
        || (op.startsWith("Scatter") && !op.equals("ScatterNd")) || op.startsWith("ResourceScatter");
  }

  /** Lookup tables: the node's output is the table (a resource handle; a string reference for the V1 ops). */
  public static final Set<String> TABLES = Set.of("HashTableV2", "HashTable", "MutableHashTableV2", "MutableHashTable",
      "MutableHashTableOfTensorsV2", "MutableHashTableOfTensors", "MutableDenseHashTableV2", "MutableDenseHashTable");

  /** Tables filled once by an initializer and read-only after ({@code tf.lookup.StaticHashTable}). */
  public static final Set<String> STATIC_TABLES = Set.of("HashTableV2", "HashTable");

  /** Initializers that fill a table from a keys and a values tensor (inputs 0 table, 1 keys, 2 values). */
  public static final Set<String> TABLE_TENSOR_INITIALIZERS = Set.of("InitializeTableV2", "InitializeTable",
      "LookupTableImportV2", "LookupTableImport");

  /** Initializers that fill a table from a text file (inputs 0 table, 1 file name). */
  public static final Set<String> TABLE_FILE_INITIALIZERS = Set.of("InitializeTableFromTextFileV2",
      "InitializeTableFromTextFile");

  /**
   * Ops that write into a table (input 0 the table): the initializers, a dataset initializer and
   * the inserts and removals that fill mutable tables at run time.
   */
  public static final Set<String> TABLE_WRITES = union(TABLE_TENSOR_INITIALIZERS, TABLE_FILE_INITIALIZERS,
      Set.of("InitializeTableFromDataset", "LookupTableInsertV2", "LookupTableInsert", "LookupTableRemoveV2"));

  /**
   * The node that initializes a frozen graph's tables, named as {@code tf.compat.v1.tables_initializer()}
   * names it: the freezer writes it, {@code run} and {@code verify} run it before the outputs.
   */
  public static final String TABLE_INIT_NODE = "init_all_tables";

  @SafeVarargs
  static Set<String> union(Set<String>... sets) {
    return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
  }
}
