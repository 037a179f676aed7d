#!/usr/bin/env bash
# Builds the DocC documentation of the library modules and fails on any DocC warning. Warnings
# include a broken symbol link (``Foo/bar``) in a catalog or in a `///` comment of the sources, a
# topic that names no symbol, and a malformed directive.
#
#   scripts/docs.sh                              # check, and write the archives to .build-docs/archives/
#   DOCS_OUTPUT_DIR=/tmp/docs scripts/docs.sh    # write the archives elsewhere
#
# How it works:
# - `swift build` compiles the documented targets into their own scratch path, `.build-docs`, so
#   it never disturbs `.build`. While it compiles, the compiler writes each module's symbol graph
#   (`-emit-symbol-graph`), so no separate extraction step is needed, and an incremental run
#   rebuilds only what changed.
# - `docc convert` converts each module in dependency order. Each archive is passed to the modules
#   that depend on it as `--dependency`. That is how DocC resolves a link into another module. Such
#   a link must start with a slash: ``/CloudEvents/CloudEventError``.
# - Any warning fails the script: DocC runs with `--warnings-as-errors`, and the script also counts
#   every `warning:` and `error:` line it prints. With `--warnings-as-errors` a failing module gets
#   no archive, so the script converts it once more without the flag. The modules that link into it
#   are then checked against a real archive, and each module reports only its own problems.
#
# This script deliberately avoids the swift-docc-plugin, so the package has no dependency that
# exists only for its documentation.
set -euo pipefail
cd "$(dirname "$0")/.."

# The modules to document, in dependency order, each with the documented modules it links to.
modules=(
    CloudEvents CloudEventsFoundation CloudEventsKafka CloudEventsAMQP CloudEventsMQTT CloudEventsNATS CloudEventsAvro
    CloudEventsNATSClient CloudEventsTransport CloudEventsTracing CloudEventsHTTP
    CloudEventsConformance CloudEventsSQL CloudEventsTesting CloudEventsAsyncHTTPClient CloudEventsURLSession CloudEventsHummingbird
    CloudEventsNATSTransport CloudEventsWebSocket CloudEventsWebSocketTransport CloudEventsProtobuf CloudEventsVapor
)
dependencies_of() {
    case "$1" in
        CloudEventsFoundation | CloudEventsTransport | CloudEventsSQL | CloudEventsKafka | CloudEventsAMQP | CloudEventsMQTT \
            | CloudEventsNATS | CloudEventsAvro | CloudEventsWebSocket)
            echo CloudEvents ;;
        CloudEventsTracing) echo CloudEvents CloudEventsTransport ;;
        CloudEventsHTTP) echo CloudEvents CloudEventsTransport CloudEventsTracing ;;
        CloudEventsConformance) echo CloudEvents CloudEventsHTTP CloudEventsKafka ;;
        CloudEventsTesting) echo CloudEvents CloudEventsTransport ;;
        CloudEventsAsyncHTTPClient | CloudEventsURLSession | CloudEventsHummingbird | CloudEventsVapor)
            echo CloudEvents CloudEventsTransport CloudEventsHTTP ;;
        CloudEventsNATSTransport) echo CloudEvents CloudEventsNATS CloudEventsNATSClient CloudEventsTransport ;;
        CloudEventsWebSocketTransport) echo CloudEvents CloudEventsWebSocket CloudEventsTransport ;;
        CloudEventsProtobuf) echo CloudEvents ;;
        *) ;;
    esac
}
# Targets whose builds cover every module above (with their dependencies).
build_targets=(
    CloudEventsFoundation CloudEventsConformance CloudEventsSQL CloudEventsTesting CloudEventsKafka CloudEventsAMQP
    CloudEventsMQTT CloudEventsNATS CloudEventsAvro CloudEventsNATSClient CloudEventsNATSTransport
    CloudEventsAsyncHTTPClient CloudEventsURLSession CloudEventsHummingbird CloudEventsWebSocketTransport CloudEventsProtobuf
    CloudEventsVapor
)

scratch=.build-docs
graphs="$PWD/$scratch/symbol-graphs"
output="${DOCS_OUTPUT_DIR:-$PWD/$scratch/archives}"

if [[ -n "${DOCC:-}" ]]; then
    docc="$DOCC"
elif command -v xcrun > /dev/null 2>&1; then
    docc="$(xcrun --find docc)"
elif command -v docc > /dev/null 2>&1; then
    docc="$(command -v docc)"
else # Linux toolchains ship docc beside swift
    docc="$(dirname "$(readlink -f "$(command -v swift)")")/docc"
fi

start=$SECONDS

build() {
    for target in "${build_targets[@]}"; do
        # `Vapor` is off by default: named beside the default traits, so CloudEventsVapor is documented.
        swift build --quiet --scratch-path "$scratch" --target "$target" --traits default,Vapor \
            -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs/all" \
            -Xswiftc -emit-extension-block-symbols
    done
}

missing_graphs() {
    for module in "${modules[@]}"; do
        [[ -f "$graphs/all/$module.symbols.json" ]] || return 0
    done
    return 1
}

mkdir -p "$graphs/all" "$output"
build
if missing_graphs; then
    # The graphs are written only when a module compiles: if they were deleted but the build
    # products were not, compile again from scratch.
    swift package --scratch-path "$scratch" clean
    build
fi

warnings=0
for module in "${modules[@]}"; do
    catalog="Sources/$module/Docs.docc"
    module_graphs="$graphs/$module"
    rm -rf "$module_graphs" "$output/$module.doccarchive"
    mkdir -p "$module_graphs"
    # The module's own graph, plus one per module it extends (`CloudEventsHTTP@HTTPTypes`).
    for graph in "$graphs/all/$module.symbols.json" "$graphs/all/$module"@*.symbols.json; do
        if [[ -f "$graph" ]]; then cp "$graph" "$module_graphs/"; fi
    done

    arguments=(
        convert "$catalog"
        --additional-symbol-graph-dir "$module_graphs"
        --output-path "$output/$module.doccarchive"
        --fallback-display-name "$module"
        --fallback-bundle-identifier "$module"
        --enable-experimental-external-link-support
    )
    for dependency in $(dependencies_of "$module"); do
        arguments+=(--dependency "$output/$dependency.doccarchive")
    done

    log="$scratch/docc-$module.log"
    status=0
    "$docc" "${arguments[@]}" --warnings-as-errors > "$log" 2>&1 || status=$?
    count=$(grep -c -E '(^|: )(warning|error):' "$log" || true)
    if [[ $status -ne 0 || $count -ne 0 ]]; then
        cat "$log"
        "$docc" "${arguments[@]}" > /dev/null 2>&1 || true # an archive for the modules that link here
        echo "docs: $module: $count DocC diagnostics (exit status $status)" >&2
        warnings=$((warnings + (count > 0 ? count : 1)))
    else
        echo "docs: $module: 0 warnings"
    fi
done

elapsed=$((SECONDS - start))
if [[ $warnings -ne 0 ]]; then
    echo "docs: FAILED with $warnings DocC diagnostics in ${elapsed}s" >&2
    exit 1
fi
echo "docs: ${#modules[@]} modules, 0 warnings, ${elapsed}s; archives in $output"
