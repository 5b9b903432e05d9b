#!/usr/bin/env bash
# Makes promtool (Prometheus' rule checker, used on ops/prometheus/) available at .lethe/tools/promtool.
# Installing Debian's prometheus package would also start a Prometheus service, so the package is only
# downloaded (kept in .lethe/cache/) and the one binary taken out of it. Idempotent; returns at once when
# the tool is there. A promtool already on PATH is linked instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools=$root/.lethe/tools
cache=$root/.lethe/cache/promtool
target=$tools/promtool

if [ -x "$target" ] && "$target" --version >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$tools" "$cache"
# make test fetches it in the background while the tests that need it may ask too: one fetch at a time
exec 9>"$cache/.lock"
flock 9
if [ -x "$target" ] && "$target" --version >/dev/null 2>&1; then
  exit 0
fi
if existing=$(command -v promtool); then
  ln -sf "$existing" "$target"
  exit 0
fi

# apt drops to its own user to download unless told otherwise, and that user may not write here.
apt_opts=()
if [ "$(id -u)" = "0" ]; then
  apt_opts=(-o APT::Sandbox::User=root)
fi
download() { (cd "$cache" && apt-get -qq "${apt_opts[@]}" download prometheus >/dev/null 2>&1); }

if ! ls "$cache"/prometheus_*.deb >/dev/null 2>&1 && ! download; then
  # a fresh machine may have empty package lists
  if [ "$(id -u)" != "0" ]; then
    echo "ensure-promtool: cannot download Debian's prometheus package; run 'apt-get update' as root, or put promtool on PATH" >&2
    exit 1
  fi
  apt-get -qq update >/dev/null
  download
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
deb=$(ls "$cache"/prometheus_*.deb | tail -n 1)
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" ./usr/bin/promtool
install -m 0755 "$work/usr/bin/promtool" "$target.tmp"
mv -f "$target.tmp" "$target"
echo "ensure-promtool: $("$target" --version 2>&1 | head -n 1) at $target" >&2
