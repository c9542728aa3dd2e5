#!/usr/bin/env bash
# Regenerates the API's server code from the contract, and records what it was generated from.
#
#   schemas/openapi.yaml + Sources/AllotAPI/openapi-generator-config.yaml
#     --swift-openapi-generator (the CLI of the package dependency)-->  Sources/AllotAPI/Generated/*.swift
#
# The stamp Sources/AllotAPI/openapi-generated.sha256 lists the SHA-256 of the spec, the generator config and each
# generated file (sha256sum format); AllotServerTests recomputes them and fails when the spec or a generated file
# changed without `make generate`. GENERATOR_SCRATCH picks the build directory (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
scratch=${GENERATOR_SCRATCH:-.build}
spec=schemas/openapi.yaml
config=Sources/AllotAPI/openapi-generator-config.yaml
out=Sources/AllotAPI/Generated
stamp=Sources/AllotAPI/openapi-generated.sha256

swift build --scratch-path "$scratch" --product swift-openapi-generator
rm -rf "$out"
mkdir -p "$out"
"$scratch/debug/swift-openapi-generator" generate "$spec" --config "$config" --output-directory "$out" >/dev/null
LC_ALL=C sha256sum "$spec" "$config" $(LC_ALL=C ls "$out"/*.swift) > "$stamp"
echo "generated $(ls "$out" | wc -l) files in $out from $spec; stamp in $stamp"
