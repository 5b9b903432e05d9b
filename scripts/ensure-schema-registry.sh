#!/usr/bin/env bash
# Builds the local schema registry (Apicurio Registry 2.4.2.Final as a Quarkus fast-jar, tools/schema-registry) once
# per machine and prints the path of its quarkus-run.jar. The build is cached under
# ${XDG_CACHE_HOME:-~/.cache}/lethe/schema-registry/<hash of tools/schema-registry>, so every clone on this machine
# (make run, make test, CI's fresh clone) reuses it; a change to the build files builds anew. Offline first (once
# ~/.m2 holds the artifacts), Maven Central when that fails. make test starts it in the background; the tests that
# need the registry run it too and so wait for that build (one build at a time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=$root/tools/schema-registry
hash=$(cd "$src" && find pom.xml src -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lethe/schema-registry
app=$cache/$hash/quarkus-app
mkdir -p "$cache"
exec 9>"$cache/build.lock"
flock 9
if [ -f "$app/quarkus-run.jar" ]; then
  echo "$app/quarkus-run.jar"
  exit 0
fi
work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$src/pom.xml" "$src/src" "$work/"
log=$work/build.log
echo "ensure-schema-registry: building Apicurio Registry 2.4.2 (once per machine; log $cache/last-build.log)" >&2
# the app's own application.properties asks for a legacy jar; the fast-jar starts faster
build() { (cd "$work" && "$root/mvnw" -B "$@" -DskipTests -Dquarkus.package.type=fast-jar package >>"$log" 2>&1); }
if ! build -o -q; then
  echo "ensure-schema-registry: offline build failed (artifacts not in ~/.m2 yet?), fetching them" >&2
  build || { cp "$log" "$cache/last-build.log"; tail -n 30 "$log" >&2; exit 1; }
fi
cp "$log" "$cache/last-build.log"
mkdir -p "$cache/$hash"
mv "$work/target/quarkus-app" "$app.tmp" && mv "$app.tmp" "$app"
# older builds of other versions of the build files
find "$cache" -mindepth 1 -maxdepth 1 -type d -not -name "$hash" -not -name 'build.*' -exec rm -rf {} +
echo "$app/quarkus-run.jar"
