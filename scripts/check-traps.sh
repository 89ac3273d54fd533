#!/usr/bin/env bash
# Hunts for the class of fault that let one request stop the whole server: a force-unwrap (`x!`),
# a forced cast (`as!`) or a forced try (`try!`) in the sources. Any of them traps the process when
# it is wrong; code on a request path must return or throw instead. Two files are exempt: the demo
# loader (run once by `serve --demo`, on data it makes itself) and the benchmark data command.
# Exit 1, naming each line, when one is found.
set -euo pipefail
cd "$(dirname "$0")/.."

exempt='Sources/DikelolaServer/Setup/DemoProcedure.swift|Sources/DikelolaServer/Commands/BenchmarkDataCommand.swift'
found=$(grep -rnP '(?<=[\w\)\]\}])!(?![=])|\btry!|\bas!' Sources --include='*.swift' \
    | grep -vP '^\S+:\d+:\s*//' \
    | grep -vP '"[^"]*!' | grep -vF 'DIK!$' \
    | grep -vE "^($exempt):" || true)
if [[ -n "$found" ]]; then
    echo "Force-unwraps, forced casts or forced tries in the sources (each can stop the server):" >&2
    echo "$found" >&2
    exit 1
fi
echo "check-traps: no force-unwrap, as! or try! outside the demo and benchmark loaders"
