#!/usr/bin/env bash
# CI's packaging step: build the bundle and the .deb, validate the desktop files, smoke-test the
# bundle, install the .deb, smoke-test the installed program, remove the package again.
#
#   packaging/check.sh            (PYTHON=... as for packaging/build.sh)
#
# Any failure exits non-zero. It can be run again and again: a proofpair package left over from
# an interrupted run is removed first, and the one this run installs is removed on exit.
# Needs Debian/Ubuntu with apt (as root, or sudo): it installs desktop-file-utils and appstream
# if missing, and the .deb's dependencies.
set -euo pipefail
umask 022

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PYTHON=${PYTHON:-python3}
export DEBIAN_FRONTEND=noninteractive
APP_ID=se.proofpair.ProofPair
started=$SECONDS
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

say() { printf '\n== %s\n' "$*"; }
fail() { echo "check.sh: FAILED: $*" >&2; exit 1; }

apt_updated=""
apt_install() {  # apt_install PACKAGE... (update the lists once, only when needed)
  if ! $sudo apt-get install -y -qq --no-install-recommends "$@" >/tmp/proofpair-apt.log 2>&1; then
    if [ -z "$apt_updated" ]; then
      $sudo apt-get update -qq && apt_updated=1
      $sudo apt-get install -y -qq --no-install-recommends "$@" >/tmp/proofpair-apt.log 2>&1 \
        || { cat /tmp/proofpair-apt.log >&2; fail "apt-get install $*"; }
    else
      cat /tmp/proofpair-apt.log >&2; fail "apt-get install $*"
    fi
  fi
}

remove_package() {
  if dpkg-query -W -f='${Status}' proofpair 2>/dev/null | grep -q 'ok installed'; then
    $sudo apt-get remove -y -qq proofpair >/dev/null
  fi
}

# Run a ProofPair command away from the checkout, with nothing of a Python environment leaking in.
run_isolated() {
  (cd / && env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV QT_QPA_PLATFORM=offscreen "$@")
}

say "Build"
# PyInstaller bundles the interpreter's shared library: Debian's own python3 is a static
# build, and its library is a package of its own (libpython3.11)
read -r lib libdir version < <("$PYTHON" -c 'import sys, sysconfig as c
print(c.get_config_var("INSTSONAME"), c.get_config_var("LIBDIR"), "%d.%d" % sys.version_info[:2])')
if [ ! -e "$libdir/$lib" ] && [ "${libdir#/usr/lib/}" != "$libdir" ]; then
  apt_install "libpython$version"
fi
packaging/build.sh
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
debs=(dist/proofpair_"$VERSION"_*.deb)
{ [ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ]; } || fail "expected one dist/proofpair_${VERSION}_*.deb, found: ${debs[*]}"
deb=${debs[0]}

say "Validate desktop entry, AppStream metainfo, MIME type"
need=()
command -v desktop-file-validate >/dev/null 2>&1 || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null 2>&1 || need+=(appstream)
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
desktop-file-validate "packaging/linux/$APP_ID.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml" || fail "appstreamcli validate"
"$PYTHON" - "$VERSION" <<'EOF' || fail "metainfo/MIME XML"
import sys, xml.etree.ElementTree as ET
version = sys.argv[1]
meta = ET.parse("packaging/linux/se.proofpair.ProofPair.metainfo.xml").getroot()
releases = [r.get("version") for r in meta.iter("release")]
if version not in releases:
    sys.exit(f"metainfo has no <release version=\"{version}\"> (pyproject.toml's version); it has {releases}")
ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
mime = ET.parse("packaging/linux/proofpair.xml").getroot()
types = {m.get("type"): [g.get("pattern") for g in m.iter(ns + "glob")] for m in mime.iter(ns + "mime-type")}
if types.get("application/x-proofpair-session") != ["*.proofpair"]:
    sys.exit(f"proofpair.xml: unexpected MIME types {types}")
print(f"metainfo release {version} present; MIME type application/x-proofpair-session = *.proofpair")
EOF

say "Package contents"
listing=$(dpkg-deb -c "$deb")
for path in ./opt/proofpair/proofpair ./usr/bin/proofpair "./usr/share/applications/$APP_ID.desktop" \
    "./usr/share/metainfo/$APP_ID.metainfo.xml" ./usr/share/mime/packages/proofpair.xml \
    "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
    "./usr/share/icons/hicolor/16x16/apps/$APP_ID.png" "./usr/share/icons/hicolor/256x256/apps/$APP_ID.png"; do
  grep -q " $path\( \|$\)" <<<"$listing" || fail "$deb lacks $path"
done
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends | sed 's/^/  /'
dpkg-deb -f "$deb" Recommends | grep -q tesseract-ocr || fail "$deb does not recommend tesseract-ocr"
bundle_mb=$(du -sm dist/proofpair | cut -f1)
echo "  bundle unpacked: $bundle_mb MB (budget 150 MB)"
[ "$bundle_mb" -le 150 ] || fail "the bundle is $bundle_mb MB unpacked, over the 150 MB budget"

say "Smoke test of the bundle: dist/proofpair/proofpair --smoke"
run_isolated "$ROOT/dist/proofpair/proofpair" --smoke || fail "dist/proofpair/proofpair --smoke"

say "Install the package"
remove_package
trap 'remove_package || true' EXIT
apt_install "$ROOT/$deb"
[ "$(readlink -f /usr/bin/proofpair)" = /opt/proofpair/proofpair ] || fail "/usr/bin/proofpair does not lead to /opt/proofpair/proofpair"

say "Every library of the installed bundle resolves"
unresolved=$(cd /opt/proofpair/_internal && find . -type f \( -name '*.so' -o -name '*.so.*' \) -print0 \
  | xargs -0 -n 50 env LD_LIBRARY_PATH=/opt/proofpair/_internal ldd 2>/dev/null \
  | awk '/^\.\// {file=$1} /not found/ {print file ": " $1}' | sort -u)
[ -z "$unresolved" ] || { echo "$unresolved" >&2; fail "libraries not found (a Depends: is missing)"; }
echo "ok"

say "Smoke test of the installed program: proofpair --smoke"
run_isolated /usr/bin/proofpair --smoke || fail "installed proofpair --smoke"
desktop-file-validate "/usr/share/applications/$APP_ID.desktop" || fail "installed desktop entry"
if command -v update-mime-database >/dev/null 2>&1; then
  [ -f /usr/share/mime/application/x-proofpair-session.xml ] || fail "MIME database lacks application/x-proofpair-session"
fi

say "Remove the package"
$sudo apt-get remove -y -qq proofpair >/dev/null
trap - EXIT
{ [ ! -e /opt/proofpair ] && [ ! -e /usr/bin/proofpair ]; } || fail "files left after apt-get remove"
if command -v update-mime-database >/dev/null 2>&1; then
  [ ! -f /usr/share/mime/application/x-proofpair-session.xml ] || fail "MIME type left after removal"
fi

say "Packaging check passed in $((SECONDS - started)) s"
echo "bundle size: $(du -sh dist/proofpair | cut -f1) (dist/proofpair/); package: $(du -h "$deb" | cut -f1) ($deb)"
