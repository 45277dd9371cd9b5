# Sourced by Scripts/api and Scripts/docs (not run): InsightsKit's public symbol graph, built
# with `swift build` into its own scratch folder (.build/api), so the usual build is not rebuilt.
#
#   source Scripts/symbol-graph.bash
#   build_symbol_graph          # builds; the graph is "$SYMBOL_GRAPHS/InsightsKit.symbols.json"
#
# Expects the working directory to be the package root.

SYMBOL_GRAPH_SCRATCH=".build/api"
SYMBOL_GRAPHS="$PWD/$SYMBOL_GRAPH_SCRATCH/symbol-graphs"

build_symbol_graph() {
    # The compiler writes the symbol graph when it compiles the module: a build with nothing to
    # compile keeps the last one, and without one the folder is built anew.
    [[ -f "$SYMBOL_GRAPHS/InsightsKit.symbols.json" ]] || rm -rf "$SYMBOL_GRAPH_SCRATCH"
    mkdir -p "$SYMBOL_GRAPHS"
    swift build --scratch-path "$SYMBOL_GRAPH_SCRATCH" --target InsightsKit \
        -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$SYMBOL_GRAPHS" \
        -Xswiftc -symbol-graph-minimum-access-level -Xswiftc public >&2
}
